import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// What has to hold across the workspace for independent releases to work (docs/releasing.md):
// internal ranges that pnpm can rewrite, versions Changesets can bump, one range per third-party
// package, package.json metadata that points at the right folder, and changesets that name real
// packages under a config with no groups.

const root = join(import.meta.dirname, "..");
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), "utf8"));

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const;
type DependencyField = (typeof DEPENDENCY_FIELDS)[number];

interface Manifest extends Partial<Record<DependencyField, Record<string, string>>> {
  name: string;
  version?: string;
  private?: boolean;
  repository?: { type?: string; url?: string; directory?: string };
}

interface Member {
  /** Folder relative to the repository root, with `/`. */
  folder: string;
  pkg: Manifest;
}

// The members pnpm-workspace.yaml lists (packages/* and bench), found the same way pnpm does.
const members: Member[] = [
  ...readdirSync(join(root, "packages"))
    .sort()
    .map((f) => `packages/${f}`),
  "bench",
]
  .filter((folder) => existsSync(join(root, folder, "package.json")))
  .map((folder) => ({ folder, pkg: readJson(`${folder}/package.json`) as Manifest }));
const rootManifest = readJson("package.json") as Manifest;
const names = new Set(members.map((m) => m.pkg.name));
const publishable = members.filter((m) => !m.pkg.private);

// https://semver.org/#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

function dependencies(pkg: Manifest): { field: DependencyField; dep: string; range: string }[] {
  return DEPENDENCY_FIELDS.flatMap((field) => Object.entries(pkg[field] ?? {}).map(([dep, range]) => ({ field, dep, range })));
}

describe("workspace members", () => {
  it("include the published packages and the benchmarks", () => {
    // Guards the discovery above: if it found nothing, every other check would pass vacuously.
    expect(publishable.length).toBeGreaterThanOrEqual(8);
    expect(names.has("@graphenix/bench")).toBe(true);
  });

  it("depend on each other only with workspace:^, on packages that exist", () => {
    // `workspace:^` is what pnpm publishes as `^<version>` (docs/versioning.md); `workspace:*`
    // would publish an exact pin and `workspace:~` a tilde range. The root package.json is never
    // packed, so its `workspace:*` devDependencies never reach a consumer and are not checked.
    const wrong: string[] = [];
    for (const { pkg } of members) {
      for (const { field, dep, range } of dependencies(pkg)) {
        const internal = names.has(dep) || dep.startsWith("@graphenix/") || range.startsWith("workspace:");
        if (!internal) continue;
        if (!names.has(dep)) wrong.push(`${pkg.name} ${field}: ${dep} is not a workspace package`);
        else if (range !== "workspace:^") wrong.push(`${pkg.name} ${field}: ${dep}@${range}, expected workspace:^`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("each have a valid semver version", () => {
    for (const { pkg } of members) expect(pkg.version ?? "(none)", pkg.name).toMatch(SEMVER);
  });

  it("use one range per third-party package, the root included", () => {
    // Two ranges for one package mean two copies in the lockfile and tests run against a version
    // a package does not ship with. Peer ranges state what a consumer may bring, so they are
    // compared only with other peer ranges.
    const ranges = new Map<string, Map<string, string[]>>();
    for (const { pkg } of [...members, { folder: ".", pkg: rootManifest }]) {
      for (const { field, dep, range } of dependencies(pkg)) {
        if (names.has(dep) || dep.startsWith("@graphenix/")) continue;
        const key = `${field === "peerDependencies" ? "peer " : ""}${dep}`;
        const byRange = ranges.get(key) ?? new Map<string, string[]>();
        byRange.set(range, [...(byRange.get(range) ?? []), `${pkg.name} (${field})`]);
        ranges.set(key, byRange);
      }
    }
    const conflicts = [...ranges]
      .filter(([, byRange]) => byRange.size > 1)
      .map(([dep, byRange]) => `${dep}: ${[...byRange].map(([range, users]) => `${range} in ${users.join(", ")}`).join("; ")}`);
    expect(conflicts).toEqual([]);
  });

  it("name their own folder in repository.directory, in one repository", () => {
    // npm shows the package's source link from these; a copied package.json points at the wrong folder.
    const urls = new Set<string | undefined>();
    for (const { folder, pkg } of members) {
      if (pkg.private && !pkg.repository) continue; // never published, so never linked
      expect(pkg.repository?.directory, pkg.name).toBe(folder);
      urls.add(pkg.repository?.url);
    }
    expect([...urls]).toEqual(["git+https://github.com/graphenix/plan-formats.git"]);
  });

  it("that are published carry the repository's LICENSE, under the license their package.json names", () => {
    const license = readFileSync(join(root, "LICENSE"), "utf8");
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    for (const { folder, pkg } of publishable) {
      expect((pkg as { license?: string }).license, pkg.name).toBe("Apache-2.0");
      expect(existsSync(join(root, folder, "LICENSE")) && readFileSync(join(root, folder, "LICENSE"), "utf8") === license, `${folder}/LICENSE`).toBe(true);
    }
  });
});

describe("changesets", () => {
  const dir = join(root, ".changeset");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .sort();

  const publishableNames = publishable.map((m) => m.pkg.name);

  /** A changeset's front matter lines and changelog summary, or undefined when it has no front matter. */
  function parseChangeset(file: string): { lines: string[]; summary: string } | undefined {
    const text = readFileSync(join(dir, file), "utf8");
    const front = /^---\r?\n([\s\S]*?)^---[ \t]*$/m.exec(text);
    if (!front || front.index !== 0) return undefined;
    const lines = (front[1] ?? "").split(/\r?\n/).filter((line) => line.trim() !== "");
    return { lines, summary: text.slice(front.index + front[0].length).trim() };
  }

  /** One front matter line as package and bump, when it is one. */
  const bumpLine = (line: string) => /^\s*(["']?)(@?[\w./-]+)\1\s*:\s*(\w+)\s*$/.exec(line);

  /** What is wrong with one changeset file; empty when `pnpm changeset version` will take it as meant. */
  function changesetProblems(file: string): string[] {
    const parsed = parseChangeset(file);
    if (!parsed) return ["no front matter between --- lines at the top"];
    const problems: string[] = [];
    for (const line of parsed.lines) {
      const match = bumpLine(line);
      if (!match) {
        problems.push(`"${line}" is not a "package": bump line`);
        continue;
      }
      const [, , name = "", bump = ""] = match;
      // `pnpm changeset version` stops at an unknown package; private ones are never versioned
      // here (privatePackages.version is false).
      if (!publishableNames.includes(name)) problems.push(`${name} is not a publishable workspace package`);
      if (!["patch", "minor", "major"].includes(bump)) problems.push(`${name}: bump "${bump}" is not patch, minor or major`);
    }
    // A changeset that releases nothing (`pnpm changeset --empty`) needs no summary; one that
    // releases something is a changelog entry and must say what changed.
    if (parsed.lines.length > 0 && parsed.summary === "") problems.push("releases packages but has no changelog summary");
    return problems;
  }

  it("a package never released yet is described by its initial-release changeset alone (docs/releasing.md)", () => {
    // Before the first publish no user has seen a version, so a change has nothing to fix for
    // them: its package's first-release entry says what 0.1.0 does, and nothing else piles up.
    const named = new Map<string, string[]>();
    for (const file of files) {
      for (const line of parseChangeset(file)?.lines ?? []) {
        const name = bumpLine(line)?.[2];
        if (name) named.set(name, [...(named.get(name) ?? []), file]);
      }
    }
    for (const { folder, pkg } of publishable) {
      if ((pkg as { version?: string }).version !== "0.0.0") continue;
      const initial = `initial-release-${folder.replace(/^packages\//, "")}.md`;
      expect(named.get(pkg.name) ?? [], pkg.name).toEqual([initial]);
      expect(readFileSync(join(dir, initial), "utf8"), initial).toContain(`"${pkg.name}": minor`);
    }
  });

  for (const file of files) {
    it(`${file} names only publishable packages, with patch, minor or major, and says what changed`, () => {
      expect(changesetProblems(file)).toEqual([]);
    });
  }

  it("config versions every package on its own and publishes publicly", () => {
    const config = readJson(".changeset/config.json") as { fixed?: unknown[]; linked?: unknown[]; access?: string; privatePackages?: { version?: boolean } };
    // Independent versions: an engine pinning plan-format never has to take a compiler release.
    expect(config.fixed ?? []).toEqual([]);
    expect(config.linked ?? []).toEqual([]);
    // Scoped packages publish as restricted unless told otherwise.
    expect(config.access).toBe("public");
    expect(config.privatePackages?.version).toBe(false);
  });
});
