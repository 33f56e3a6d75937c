import { defineConfig } from "vitest/config";

// Workspace packages resolve to their `src` through the `@graphenix/source` export condition,
// mirrored from tsconfig `customConditions`, so tests never need a build.
const conditions = ["@graphenix/source", "import", "module", "node", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "bench/test/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
    reporters: ["default", "./tests/summary-reporter.ts"],
  },
});
