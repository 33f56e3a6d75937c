#!/usr/bin/env node
// The `prepack` of every publishable package (so `pnpm pack`, `pnpm publish` and `changeset
// publish` all run it): refuses to pack a package whose built files are missing. Without it a
// package never built packs without its `dist/` and publishes as a tarball that cannot be
// imported, and a published version can never be replaced (docs/releasing.md).
// Checks every file the package.json points a consumer at (main, module, types, bin, exports),
// except the source condition, which points into `src/`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const SOURCE_CONDITION = "@graphenix/source";

/** Every file path a consumer can reach through `value` (a string, or a conditions / subpath map). */
function targets(value, out) {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) if (key !== SOURCE_CONDITION) targets(inner, out);
  }
  return out;
}

const dir = process.cwd();
const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const paths = targets([pkg.main, pkg.module, pkg.types, pkg.bin, pkg.exports], []).filter((path) => !path.includes("*"));
const missing = [...new Set(paths)].filter((path) => !existsSync(join(dir, path)));
if (missing.length > 0) {
  console.error(`${pkg.name}: not built: ${missing.join(", ")} missing. Run \`pnpm check:packages\` (it builds and checks every package) before packing or publishing.`);
  process.exit(1);
}
