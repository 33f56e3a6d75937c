#!/usr/bin/env node
// Checks every publishable package as a consumer sees it, from the tarball a publish would upload.
// Each package is packed once with `pnpm pack` (so `workspace:^` ranges are already rewritten),
// then, per package:
//   publint  `publint --strict` on the tarball
//   attw     `attw` (Are The Types Wrong) on the tarball
//   install, files, esm, cjs, subpath, tsc-mts, tsc-cts, bin: the tarball installed alone with its
//            internal dependencies' tarballs in an empty project (scripts/validate-tarballs.mjs)
// Run after a build (`pnpm check:packages` builds first). Exits non-zero when any check fails,
// after running all of them.
import { join } from "node:path";
import { rmSync } from "node:fs";
import { bin, checkTarball, inOrder, makeTempRoot, packAll, parallelism, publishablePackages, run } from "./validate-tarballs.mjs";

export { publishablePackages };

const packages = publishablePackages();
const byName = new Map(packages.map((entry) => [entry.pkg.name, entry]));
const tempRoot = makeTempRoot();
let results = [];
try {
  let tarballs;
  try {
    tarballs = packAll(packages, join(tempRoot, "tarballs"));
  } catch (error) {
    results = [{ ok: false, check: "pack", name: "(all)", detail: "", output: String(error.message ?? error) }];
    console.log(`FAIL pack    ${results[0].output}`);
  }
  if (tarballs) {
    results = await inOrder(packages, parallelism(), async (entry) => {
      const { name } = entry.pkg;
      const tarball = tarballs.get(name);
      const own = [];
      for (const [tool, args] of [
        ["publint", ["run", "--strict", tarball]],
        ["attw", [tarball, "--format", "table-flipped", "--no-color"]],
      ]) {
        // Run from the package folder, as before, with the caller's environment (unlike the consumer checks).
        const result = await run(bin(tool), args, { cwd: entry.dir, env: process.env });
        own.push({ ok: result.status === 0, check: tool, name, detail: "", output: `${result.stdout}${result.stderr}` });
      }
      return [...own, ...(await checkTarball(entry, { tarballs, byName, tempRoot }))];
    });
  }
} finally {
  rmSync(tempRoot, { recursive: true, force: true });
}

const failures = results.filter((r) => !r.ok);
if (failures.length > 0) {
  console.error(`check:packages: ${failures.length} check(s) failed: ${failures.map((f) => `${f.check} ${f.name}`).join(", ")}`);
  process.exit(1);
}
console.log(
  `check:packages: ${packages.length} packages pass publint --strict and attw on their tarballs, and install, import, require and type-check from them alone`,
);
