#!/usr/bin/env node
// "Install only the layer you need", checked on the real tarballs. Every publishable package is
// packed once with `pnpm pack` (which rewrites `workspace:^` to real caret ranges, as a publish
// does), then, for each package, in an empty project under the OS temp folder:
//
//   install  npm installs the package's tarball plus the tarballs of its internal dependencies
//            (transitively) and nothing else of ours; the lockfile must show every @graphenix
//            package coming from a tarball, exactly that set, and no `workspace:` range left.
//   files    the installed package carries its README.md and the LICENSE.
//   esm      `import` from an ES module works and a smoke call of a named export gives the
//            expected answer.
//   cjs      `require` works, gives the same answer and exactly the same export names as ESM.
//   subpath  every other subpath of the exports map (the JSON schemas, package.json) loads by
//            import and by require; a schema's `$id` ends with its file name, package.json has
//            the packed version.
//   tsc-mts  a .mts and a .cts file using the package compile with the repository's TypeScript
//   tsc-cts  (nodenext, strict, no skipLibCheck) against the shipped declarations.
//   bin      each `bin` of the package runs from node_modules/.bin and prints its version.
//
// Our packages have no third-party runtime dependencies today, so the install runs with
// `--offline`: nothing can come from a registry. If a package ever gains one, its install goes
// online for the third-party packages only; the lockfile check still rejects any @graphenix
// package that did not come from a tarball. See docs/releasing.md.
//
// `scripts/check-packages.mjs` imports this after publint and attw; run alone it packs and checks
// every package, or only those named: `node scripts/validate-tarballs.mjs @graphenix/core`.
// Run after a build (`pnpm build`). Exits non-zero when any check fails, after running all.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const bin = (name) => join(root, "node_modules/.bin", name);
const SCOPE = "@graphenix/";

/**
 * What each package must do once installed. `value` is a named export that must exist in both
 * module systems; `js` is an expression over the module `m` that must be true in both; `ts` is the
 * body of the TypeScript files compiled against the package's declarations; `nodeTypes` lets them
 * see @types/node. A package without an entry fails, so a new package cannot ship unchecked.
 */
export const PROBES = {
  "@graphenix/contracts": {
    value: "EXECUTABLE_PLAN_FORMAT_V2",
    js: `m.EXECUTABLE_PLAN_FORMAT_V2 === "graphenix.executable-plan/v2" && m.isKnownIssueCode("json-syntax") && !m.isKnownIssueCode("no-such-code")`,
    ts: `import { EXECUTABLE_PLAN_FORMAT_V2, isKnownIssueCode, type ValidationIssue, type ValidationResult } from "@graphenix/contracts";
export const format: "graphenix.executable-plan/v2" = EXECUTABLE_PLAN_FORMAT_V2;
export const known: boolean = isKnownIssueCode("json-syntax");
export function codes(result: ValidationResult<unknown>): string[] {
  return result.issues.map((issue: ValidationIssue) => issue.code);
}`,
  },
  "@graphenix/core": {
    value: "canonicalize",
    js: `m.canonicalize({ b: 1, a: [true, null] }) === '{"a":[true,null],"b":1}' && /^sha256:[0-9a-f]{64}$/.test(m.digest({}))`,
    ts: `import { canonicalize, digest, type CanonicalizeOptions } from "@graphenix/core";
const options: CanonicalizeOptions = {};
export const text: string = canonicalize({ a: 1 }, options);
export const hash: string = digest(text);`,
  },
  "@graphenix/authoring-format": {
    value: "validateAuthoringGraph",
    js: `m.validateAuthoringGraph({}).valid === false && m.AUTHORING_GRAPH_FORMAT === "graphenix.authoring-graph/v1"`,
    ts: `import { validateAuthoringGraph } from "@graphenix/authoring-format";
const result = validateAuthoringGraph({});
export const format: "graphenix.authoring-graph/v1" | undefined = result.valid ? result.value.format : undefined;`,
  },
  "@graphenix/plan-format": {
    value: "validateExecutablePlan",
    js: `m.validateExecutablePlan({}).valid === false && /^sha256:[0-9a-f]{64}$/.test(m.computePlanHash({}))`,
    ts: `import { computePlanHash, validateExecutablePlan } from "@graphenix/plan-format";
const result = validateExecutablePlan({});
export const hash: string | undefined = result.valid ? computePlanHash(result.value) : undefined;
export const codes: string[] = result.issues.map((issue) => issue.code);`,
  },
  "@graphenix/plan-compiler": {
    value: "compileExecutablePlan",
    js: `m.compileExecutablePlan({}, {}, { now: "2026-01-01T00:00:00.000Z" }).ok === false`,
    ts: `import { compileExecutablePlan, type CompileResult } from "@graphenix/plan-compiler";
const result: CompileResult = compileExecutablePlan({}, {}, { now: "2026-01-01T00:00:00.000Z" });
export const format: string | undefined = result.ok ? result.plan.format : undefined;`,
  },
  "@graphenix/plan-graph": {
    value: "validatePlanGraph",
    js: `m.validatePlanGraph({}).valid === false && typeof m.actionId === "function"`,
    ts: `import { validatePlanGraph } from "@graphenix/plan-graph";
const result = validatePlanGraph({});
export const nodes: number | undefined = result.valid ? result.value.nodes.length : undefined;`,
  },
  "@graphenix/trace-format": {
    value: "validateTrace",
    js: `m.validateTrace({}).valid === false && m.EXECUTION_TRACE_FORMAT === "graphenix.execution-trace/v1"`,
    ts: `import { validateTrace } from "@graphenix/trace-format";
const result = validateTrace({});
export const format: "graphenix.execution-trace/v1" | undefined = result.valid ? result.value.format : undefined;`,
  },
  "@graphenix/cli": {
    value: "main",
    // Its public `Command` type names `ParseArgsConfig` from node:util, so a TypeScript consumer
    // of the CLI's API needs @types/node; every other package's declarations stand alone.
    nodeTypes: true,
    js: `typeof m.main === "function" && typeof m.nodeIo === "function" && m.EXIT.ok === 0`,
    ts: `import { EXIT, main, type CliIo, type ExitCode } from "@graphenix/cli";
declare const io: CliIo;
export const run: Promise<ExitCode> = main(["--version"], io);
export const ok: 0 = EXIT.ok;`,
  },
};

export function publishablePackages() {
  const dir = join(root, "packages");
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "package.json")))
    .map((name) => ({ dir: join(dir, name), pkg: JSON.parse(readFileSync(join(dir, name, "package.json"), "utf8")) }))
    .filter(({ pkg }) => !pkg.private)
    .sort((a, b) => (a.pkg.name < b.pkg.name ? -1 : 1));
}

/**
 * A fresh folder under the OS temp dir. It must be outside the repository: Node and TypeScript
 * look for `node_modules` in every parent folder, and the repository's would hide a missing
 * dependency.
 */
export function makeTempRoot() {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "graphenix-tarballs-")));
  if (!relative(realpathSync(root), dir).startsWith("..")) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the temp folder ${dir} is inside the repository; set TMPDIR to a folder outside it`);
  }
  // Callers remove it in `finally`; an interrupted run (Ctrl-C) must not leave it behind either.
  process.once("SIGINT", () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
  return dir;
}

/** `pnpm pack` every package once into `dest`; returns package name → tarball path. */
export function packAll(packages, dest) {
  mkdirSync(dest, { recursive: true });
  const filters = packages.flatMap(({ dir }) => ["--filter", `./${relative(root, dir).split(sep).join("/")}`]);
  const result = spawnSync("pnpm", ["-r", ...filters, "pack", "--pack-destination", dest, "--json"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pnpm pack failed:\n${result.stdout}${result.stderr}`);
  // Each package's `prepack` (scripts/require-build.mjs) runs first, and pnpm echoes its command
  // lines (`> @graphenix/core@0.0.0 prepack …`) before the JSON: the report starts at the first
  // line that opens it.
  const start = result.stdout.search(/^[[{]/m);
  if (start === -1) throw new Error(`pnpm pack printed no JSON report:\n${result.stdout}${result.stderr}`);
  const parsed = JSON.parse(result.stdout.slice(start));
  const tarballs = new Map((Array.isArray(parsed) ? parsed : [parsed]).map((entry) => [entry.name, entry.filename]));
  for (const { pkg } of packages) {
    if (!tarballs.has(pkg.name) || !existsSync(tarballs.get(pkg.name))) throw new Error(`pnpm pack wrote no tarball for ${pkg.name}`);
  }
  return tarballs;
}

/** Runs a command without a shell; never rejects. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { timeout: 180_000, ...options, env: options.env ?? consumerEnv() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => resolve({ status: null, stdout, stderr: `${stderr}${error.message}\n` }));
    child.on("close", (status, signal) => resolve({ status, stdout, stderr: signal ? `${stderr}killed by ${signal}\n` : stderr }));
  });
}

// npm settings a machine may need to reach its registry; pnpm's other npm_* variables are dropped.
const KEEP_NPM_ENV = new Set(["npm_config_registry", "npm_config_cache", "npm_config_userconfig", "npm_config_cafile", "npm_config_proxy", "npm_config_https_proxy", "npm_config_noproxy", "npm_config_strict_ssl"]);

/**
 * The environment a consumer would have: no NODE_PATH or NODE_OPTIONS (either could resolve
 * modules from outside the project or add the `@graphenix/source` condition), and none of the
 * npm_* / pnpm_* variables pnpm sets for scripts, which would configure the consumer's npm.
 */
function consumerEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    const lower = key.toLowerCase();
    if (key === "NODE_PATH" || key === "NODE_OPTIONS" || ((lower.startsWith("npm_") || lower.startsWith("pnpm_")) && !KEEP_NPM_ENV.has(lower))) delete env[key];
  }
  // Quiet npm: its warnings about the machine's own config are not findings.
  return { ...env, npm_config_loglevel: "error", npm_config_update_notifier: "false" };
}

/** The package and every @graphenix package it depends on at run time, transitively. */
export function internalClosure(name, byName) {
  const seen = new Set();
  const visit = (n) => {
    if (seen.has(n)) return;
    seen.add(n);
    const pkg = byName.get(n)?.pkg;
    if (!pkg) throw new Error(`${n} is not a publishable workspace package`);
    for (const dep of Object.keys(runtimeDeps(pkg))) if (dep.startsWith(SCOPE)) visit(dep);
  };
  visit(name);
  return [...seen].sort();
}

// What npm installs for a consumer; devDependencies never reach one.
const runtimeDeps = (pkg) => ({ ...pkg.dependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies });

/**
 * Every check of one package against its tarball, in a project of its own under `tempRoot`.
 * Returns `{ ok, check, name, detail, output }` results; never throws for a failed check.
 */
export async function checkTarball({ dir, pkg }, { tarballs, byName, tempRoot }) {
  const name = pkg.name;
  const results = [];
  const report = (check, ok, detail = "", output = "") => {
    results.push({ ok, check, name, detail, output });
    return ok;
  };
  const probe = PROBES[name];
  if (!probe) {
    report("probe", false, `no entry for ${name} in PROBES (scripts/validate-tarballs.mjs)`);
    return results;
  }

  // install
  const closure = internalClosure(name, byName);
  const thirdParty = [...new Set(closure.flatMap((n) => Object.keys(runtimeDeps(byName.get(n).pkg)).filter((d) => !d.startsWith(SCOPE))))].sort();
  const project = join(tempRoot, name.replace(SCOPE, "project-"));
  mkdirSync(project, { recursive: true });
  const manifest = { name: "graphenix-tarball-consumer", version: "0.0.0", private: true, dependencies: Object.fromEntries(closure.map((n) => [n, `file:${tarballs.get(n)}`])) };
  writeFileSync(join(project, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const npmArgs = ["install", "--no-audit", "--no-fund", ...(thirdParty.length === 0 ? ["--offline"] : [])];
  const install = await run("npm", npmArgs, { cwd: project });
  if (install.status !== 0) {
    report("install", false, `npm ${npmArgs.join(" ")} exited ${install.status}`, install.stdout + install.stderr);
    return results;
  }
  const problems = installProblems(project, closure, thirdParty);
  const source = thirdParty.length === 0 ? "offline" : `registry for ${thirdParty.join(", ")}`;
  if (!report("install", problems.length === 0, `${closure.length} tarball(s): ${closure.map((n) => n.replace(SCOPE, "")).join(", ")} (${source})`, problems.join("\n"))) return results;

  // files: what every published package carries beside its code (npm packs LICENSE and README
  // whatever `files` says; this catches one missing from the package folder), and its changelog
  // once `changeset version` has written one: engines read it before taking a release.
  const expectedFiles = ["README.md", "LICENSE", ...(existsSync(join(dir, "CHANGELOG.md")) ? ["CHANGELOG.md"] : [])];
  const missingFiles = expectedFiles.filter((file) => !existsSync(join(project, "node_modules", name, file)));
  report("files", missingFiles.length === 0, missingFiles.length === 0 ? expectedFiles.join(", ") : `missing: ${missingFiles.join(", ")}`);

  // esm, cjs, subpath: one process per module system, reporting what it saw as JSON.
  const installed = JSON.parse(readFileSync(join(project, "node_modules", name, "package.json"), "utf8"));
  // Subpaths a consumer can name: not ".", not a pattern ("./x/*" names no one file), not blocked (null).
  const exportsMap = typeof installed.exports === "object" && installed.exports !== null ? installed.exports : {};
  const subpaths = Object.keys(exportsMap).filter((key) => key.startsWith("./") && !key.includes("*") && exportsMap[key] !== null);
  const esm = await run(process.execPath, ["--input-type=module", "-e", esmProgram(name, subpaths, probe)], { cwd: project });
  const cjs = await run(process.execPath, ["--input-type=commonjs", "-e", cjsProgram(name, subpaths, probe)], { cwd: project });
  const seen = {};
  for (const [check, result] of [["esm", esm], ["cjs", cjs]]) {
    const out = parseLastLine(result.stdout);
    const output = `${result.stdout}${result.stderr}`;
    if (result.status !== 0 || !out) report(check, false, `node exited ${result.status}`, output);
    else if (!out.names.includes(probe.value)) report(check, false, `no export named ${probe.value}`, output);
    else if (out.probe !== true) report(check, false, `smoke call failed: ${probe.js}`, output);
    else if (check === "cjs" && seen.esm && seen.esm.names.join() !== out.names.join()) {
      report(check, false, "export names differ from ESM", `only ESM: ${seen.esm.names.filter((n) => !out.names.includes(n)).join(", ")}\nonly CJS: ${out.names.filter((n) => !seen.esm.names.includes(n)).join(", ")}`);
    } else {
      seen[check] = out;
      report(check, true, `${out.names.length} exports`);
    }
  }
  if (seen.esm && seen.cjs) {
    const subpathProblems = [];
    for (const sub of subpaths) {
      for (const system of ["esm", "cjs"]) {
        const got = seen[system].subpaths[sub];
        if (!got || got.error) subpathProblems.push(`${system} ${name}${sub.slice(1)}: ${got?.error ?? "not loaded"}`);
        else if (sub === "./package.json" && got.version !== installed.version) subpathProblems.push(`${system} ${sub}: version ${got.version}, packed ${installed.version}`);
        // docs/versioning.md: a schema's $id ends with its file name, so relative $refs resolve alike on disk and by URL.
        else if (sub.endsWith(".schema.json") && !(typeof got.id === "string" && got.id.endsWith(`/${basename(sub)}`))) subpathProblems.push(`${system} ${sub}: $id ${got.id} does not end with its file name`);
      }
    }
    const schemas = subpaths.filter((s) => s.endsWith(".schema.json")).length;
    const others = subpaths.length - schemas;
    report("subpath", subpathProblems.length === 0, `${schemas} schema(s) + ${others} other subpath(s), by import and require`, subpathProblems.join("\n"));
  }

  // tsc-mts, tsc-cts: both files in one compiler run; errors are told apart by file.
  // The repository's TypeScript at Node 20's language level and, unless the probe says otherwise,
  // without @types/node: the declarations must stand on their own. skipLibCheck stays off so the shipped .d.ts/.d.cts are
  // checked too. The `@ts-expect-error` line fails the compile if the types resolve to `any`.
  const tsSource = `${probe.ts}\n// @ts-expect-error a typed export is not a symbol; if the types were any, this would be an unused directive\nexport const notAny: symbol = ${probe.value};\n`;
  for (const ext of ["mts", "cts"]) writeFileSync(join(project, `consumer.${ext}`), tsSource);
  const compilerOptions = { module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, target: "es2022", lib: ["es2023"], types: [], skipLibCheck: false };
  // The repository's @types/node (pinned to Node 20), for a package whose types need it, stands
  // in for the one such a consumer has; it is a type package, not one of ours.
  if (probe.nodeTypes) Object.assign(compilerOptions, { types: ["node"], typeRoots: [join(root, "node_modules/@types")] });
  writeFileSync(join(project, "tsconfig.json"), `${JSON.stringify({ compilerOptions, files: ["consumer.mts", "consumer.cts"] }, null, 2)}\n`);
  const tsc = await run(bin("tsc"), ["-p", "tsconfig.json", "--pretty", "false"], { cwd: project });
  const tscLines = `${tsc.stdout}${tsc.stderr}`.split("\n").filter((line) => line.trim() !== "");
  // ESM resolution reads .d.ts, CommonJS resolution .d.cts; anything else (an option, a crash) counts against both.
  const side = (line) => (/^(consumer\.cts|\S+\.d\.cts)\(/.test(line) ? "cts" : /^(consumer\.mts|\S+\.d\.m?ts)\(/.test(line) ? "mts" : "both");
  for (const ext of ["mts", "cts"]) {
    const errors = tsc.status === 0 ? [] : tscLines.filter((line) => [ext, "both"].includes(side(line)));
    const ok = tsc.status === 0 || (errors.length === 0 && tscLines.length > 0);
    report(`tsc-${ext}`, ok, ok ? `${ext === "mts" ? "an ES module" : "a CommonJS"} consumer compiles` : `${errors.length} error line(s)`, errors.join("\n"));
  }

  // bin: as a consumer's package script would run it.
  const bins = typeof installed.bin === "string" ? { [installed.name.split("/").pop()]: installed.bin } : (installed.bin ?? {});
  for (const command of Object.keys(bins)) {
    const result = await run(join(project, "node_modules/.bin", command), ["--version"], { cwd: project });
    const printed = result.stdout.trim();
    const ok = result.status === 0 && printed.split(/\s+/).includes(installed.version);
    report("bin", ok, `${command} --version → ${printed || "(nothing)"}`, ok ? "" : `expected ${installed.version}\n${result.stdout}${result.stderr}`);
  }
  return results;
}

/** Why the install is not exactly the closure, from tarballs, with real ranges; empty when it is. */
function installProblems(project, closure, thirdParty) {
  const problems = [];
  const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8"));
  const installed = Object.entries(lock.packages ?? {}).filter(([path]) => path !== "");
  const ours = installed.filter(([path]) => path.split("node_modules/").pop().startsWith(SCOPE));
  for (const [path, entry] of ours) {
    if (!String(entry.resolved ?? "").startsWith("file:")) problems.push(`${path} came from ${entry.resolved ?? "somewhere unknown"}, not a tarball`);
    // A nested copy means some internal range did not accept the packed version.
    if (!closure.some((n) => path === `node_modules/${n}`)) problems.push(`${path} is installed but is not in the closure ${closure.join(", ")}`);
  }
  for (const n of closure) {
    if (!ours.some(([path]) => path === `node_modules/${n}`)) problems.push(`${n} is missing from node_modules`);
  }
  if (thirdParty.length === 0) {
    for (const [path] of installed.filter(([p]) => !p.split("node_modules/").pop().startsWith(SCOPE))) problems.push(`${path} is installed but no package declares a third-party dependency`);
  }
  for (const n of closure) {
    const file = join(project, "node_modules", n, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8"));
    for (const [dep, range] of Object.entries(runtimeDeps(pkg))) {
      if (String(range).startsWith("workspace:")) problems.push(`${n} still has ${dep}@${range} in its packed package.json`);
      else if (dep.startsWith(SCOPE)) {
        const depVersion = JSON.parse(readFileSync(join(project, "node_modules", dep, "package.json"), "utf8")).version;
        // docs/versioning.md: internal dependencies are published as caret ranges of the version released with them.
        if (range !== `^${depVersion}`) problems.push(`${n} depends on ${dep}@${range}, expected ^${depVersion}`);
      }
    }
  }
  return problems;
}

// The child prints one JSON line last: export names, the smoke result, what each subpath gave.
// A JSON subpath reports its `$id` and `version` (a schema has one, package.json the other).
const childProgram = (header, load) => `${header}
const out = { names: Object.keys(m).sort(), probe: false, subpaths: {} };
out.probe = PROBE === true;
for (const sub of SUBPATHS) {
  const id = NAME + sub.slice(1);
  try {
    const d = ${load};
    out.subpaths[sub] = sub.endsWith(".json") ? { id: d.$id, version: d.version } : { names: Object.keys(d).length };
  } catch (error) {
    out.subpaths[sub] = { error: String(error) };
  }
}
console.log(JSON.stringify(out));`;

const fill = (program, name, subpaths, probe) =>
  program.replaceAll("NAME", JSON.stringify(name)).replace("SUBPATHS", JSON.stringify(subpaths)).replace("PROBE", `(${probe.js})`);

const esmProgram = (name, subpaths, probe) =>
  fill(childProgram(`import * as m from NAME;`, `sub.endsWith(".json") ? (await import(id, { with: { type: "json" } })).default : await import(id)`), name, subpaths, probe);

const cjsProgram = (name, subpaths, probe) => fill(childProgram(`const m = require(NAME);`, "require(id)"), name, subpaths, probe);

function parseLastLine(stdout) {
  try {
    return JSON.parse(stdout.trim().split("\n").pop());
  } catch {
    return undefined;
  }
}

/** One line per check; a failure is followed by what the tool said, indented. */
export function printResult({ ok, check, name, detail, output }) {
  console.log(`${ok ? "ok  " : "FAIL"} ${check.padEnd(7)} ${name}${detail ? `  ${detail}` : ""}`);
  if (!ok && output) console.log(output.trimEnd().replace(/^/gm, "       | "));
}

/**
 * `work(item)` for every item, `limit` at a time; results are printed in the items' order as soon
 * as they and every item before them are done, so the log reads the same on every run.
 */
export async function inOrder(items, limit, work) {
  const done = new Array(items.length);
  let printed = 0;
  let next = 0;
  const flush = () => {
    while (printed < items.length && done[printed]) done[printed++].forEach(printResult);
  };
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      done[index] = await work(items[index]);
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return done.flat();
}

// Installs wait on disk and tsc on one core: two at a time per core keeps a small CI machine busy.
export const parallelism = () => Math.max(2, Math.min(8, availableParallelism()));

async function main(names) {
  const all = publishablePackages();
  const unknown = names.filter((n) => !all.some(({ pkg }) => pkg.name === n));
  if (unknown.length > 0) {
    console.error(`validate-tarballs: not a publishable package: ${unknown.join(", ")}`);
    return 2;
  }
  const selected = names.length === 0 ? all : all.filter(({ pkg }) => names.includes(pkg.name));
  const tempRoot = makeTempRoot();
  try {
    // Every internal dependency is packed too: it is installed from its tarball.
    const tarballs = packAll(all, join(tempRoot, "tarballs"));
    const byName = new Map(all.map((entry) => [entry.pkg.name, entry]));
    const results = await inOrder(selected, parallelism(), (entry) => checkTarball(entry, { tarballs, byName, tempRoot }));
    const failures = results.filter((r) => !r.ok);
    if (failures.length > 0) {
      console.error(`validate-tarballs: ${failures.length} check(s) failed: ${failures.map((f) => `${f.check} ${f.name}`).join(", ")}`);
      return 1;
    }
    console.log(`validate-tarballs: ${selected.length} package(s) install, import, require and type-check from their tarballs`);
    return 0;
  } finally {
    rmSync(tempRoot, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
