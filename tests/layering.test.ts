import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./markdown.js";

// DESIGN §2: dependencies only point downward.
const LAYER: Record<string, number> = {
  "@graphenix/contracts": 1,
  "@graphenix/core": 1,
  "@graphenix/authoring-format": 2,
  "@graphenix/plan-graph": 2,
  "@graphenix/plan-format": 3,
  "@graphenix/plan-compiler": 3,
  "@graphenix/trace-format": 4,
  "@graphenix/cli": 5,
};
// Within a layer, only these (docs/architecture.md): contracts is the bottom of layer 1, and the
// compiler validates every plan it returns with plan-format.
const ALLOWED_SAME_LAYER = new Set(["@graphenix/core -> @graphenix/contracts", "@graphenix/plan-compiler -> @graphenix/plan-format"]);

interface Pkg {
  name: string;
  private?: boolean;
  type?: string;
  sideEffects?: boolean;
  engines?: { node?: string };
  files?: string[];
  repository?: { directory?: string };
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const folders = readdirSync(join(repoRoot, "packages")).sort();
const packages = folders
  .filter((f) => existsSync(join(repoRoot, "packages", f, "package.json")))
  .map((f) => ({ folder: f, pkg: JSON.parse(readFileSync(join(repoRoot, "packages", f, "package.json"), "utf8")) as Pkg }));

describe("package layout", () => {
  it("has a folder with a README for every package of the layering", () => {
    expect(folders).toEqual(Object.keys(LAYER).map((n) => n.replace("@graphenix/", "")).sort());
    for (const folder of folders) expect(existsSync(join(repoRoot, "packages", folder, "README.md")), folder).toBe(true);
  });

  for (const { folder, pkg } of packages) {
    describe(pkg.name, () => {
      it("depends only on packages of lower layers", () => {
        const deps = { ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.devDependencies };
        for (const dep of Object.keys(deps).filter((d) => d.startsWith("@graphenix/"))) {
          const ok = (LAYER[dep] ?? 99) < (LAYER[pkg.name] ?? 0) || ALLOWED_SAME_LAYER.has(`${pkg.name} -> ${dep}`);
          expect(ok, `${pkg.name} -> ${dep}`).toBe(true);
          expect(deps[dep], `${dep} uses a workspace range`).toMatch(/^workspace:/);
        }
      });

      it("is a thin, explicit, publishable package.json", () => {
        expect(pkg.name).toBe(`@graphenix/${folder}`);
        expect(pkg.private).toBeUndefined();
        expect(pkg.type).toBe("module");
        expect(pkg.sideEffects).toBe(false);
        expect(pkg.engines?.node).toBe(">=20");
        expect(pkg.repository?.directory).toBe(`packages/${folder}`);
        expect(pkg.files).toEqual(expect.arrayContaining(["dist", "src", "README.md"]));
        const root = pkg.exports?.["."] as Record<string, Record<string, string> | string>;
        expect(Object.keys(root)).toEqual(["@graphenix/source", "import", "require"]);
        expect(root["@graphenix/source"]).toBe("./src/index.ts");
        for (const condition of ["import", "require"] as const) {
          expect(Object.keys(root[condition] as object), `${condition}: types first`).toEqual(["types", "default"]);
        }
        expect(pkg.exports?.["./package.json"]).toBe("./package.json");
      });
    });
  }
});
