#!/usr/bin/env node
// `pnpm graphenix …`: builds the CLI and the packages it uses (turbo caches this, so it is quick
// after the first time), then runs the built `graphenix` exactly as an installed user would.
// Build output is shown only when the build fails.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const turbo = join(root, "node_modules/.bin/turbo");
const build = spawnSync(turbo, ["run", "build", "--filter=@graphenix/cli...", "--output-logs=errors-only"], {
  cwd: root,
  encoding: "utf8",
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
});
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ""}${build.stderr ?? ""}`);
  process.stderr.write(`graphenix: building the CLI failed${build.error ? `: ${build.error.message}` : ""}\n`);
  process.exit(build.status || 2);
}
const cli = spawnSync(process.execPath, [join(root, "packages/cli/dist/bin.js"), ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(cli.status ?? 3);
