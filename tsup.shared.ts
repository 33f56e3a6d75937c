import { defineConfig, type Options } from "tsup";

/**
 * The build every package shares: ESM + CommonJS + declarations for Node 20. Packages pass only
 * what differs (the CLI adds its bin entry).
 */
export function packageBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    // tsup's declaration bundler sets `baseUrl`, which TypeScript 6 deprecates.
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    clean: true,
    target: "node20",
    ...overrides,
  });
}
