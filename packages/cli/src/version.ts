import pkg from "../package.json" with { type: "json" };

/** The CLI's own package version, printed by `graphenix --version`. */
export const VERSION: string = pkg.version;
