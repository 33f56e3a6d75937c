#!/usr/bin/env node
// Checks every publishable package as a consumer sees it: `publint --strict` on the package and
// `attw --pack` (Are The Types Wrong) on the tarball npm would publish. Run after a build.
// Exits non-zero when any check fails, after running all of them.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules/.bin", name);

export function publishablePackages() {
  const dir = join(root, "packages");
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "package.json")))
    .map((name) => ({ dir: join(dir, name), pkg: JSON.parse(readFileSync(join(dir, name, "package.json"), "utf8")) }))
    .filter(({ pkg }) => !pkg.private)
    .sort((a, b) => (a.pkg.name < b.pkg.name ? -1 : 1));
}

const failures = [];
for (const { dir, pkg } of publishablePackages()) {
  for (const [tool, args] of [
    ["publint", ["--strict", "."]],
    ["attw", ["--pack", ".", "--format", "table-flipped", "--no-color"]],
  ]) {
    const result = spawnSync(bin(tool), args, { cwd: dir, encoding: "utf8" });
    const ok = result.status === 0;
    console.log(`${ok ? "ok  " : "FAIL"} ${tool.padEnd(7)} ${pkg.name}`);
    if (!ok) {
      failures.push(`${tool} ${pkg.name}`);
      process.stdout.write(`${result.stdout}${result.stderr}\n`);
    }
  }
}
if (failures.length > 0) {
  console.error(`check:packages: ${failures.length} check(s) failed: ${failures.join(", ")}`);
  process.exit(1);
}
console.log("check:packages: every publishable package passes publint --strict and attw --pack");
