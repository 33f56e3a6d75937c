import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digest } from "@graphenix/core";
import { actionId, actionKey, validatePlanGraph } from "@graphenix/plan-graph";
import { dotText } from "../src/graph/dot.js";
import { mermaidText } from "../src/graph/mermaid.js";
import { repoRoot, run } from "./helpers.js";
import { tempDir } from "../../../tests/temp-dir.js";

// Golden pictures: `UPDATE_GOLDEN=1 pnpm vitest run packages/cli/test/graph.test.ts` rewrites them
// (and deletes golden files no case names); review the diff like any other change.
const GOLDEN = join(import.meta.dirname, "fixtures/graph");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

const compiled = (name: string, version = "v2") => `packages/plan-compiler/test/fixtures/${name}/expected.plan.${version}.json`;
const mplpFlow = (flow: string) => `packages/plan-graph/test/fixtures/mplp/tests/golden/flows/${flow}/input/plan.json`;
const inputs = "packages/cli/test/fixtures/graph/inputs";
const matrixGraph = "packages/contracts/test/schema-fixtures/plan-graph-v1/root/example.json";

/** A plan graph whose technique, engine and cell axes hold every character a picture could trip on (identities recomputed, so it is valid). */
function escapesPlanGraph(): string {
  const run_id = "run-escapes";
  const nodes = [
    { technique_id: 'T1059 "q" [a] {b} (c) #1; `d` <i>&amp;</i> a|b \\N \\l', engine: "atomic\nline two\tand a tab", target: "ws-1", coord: '{"__proto__": "p", "mode \\"x\\"": "a<b>&c"}' },
    { technique_id: "%% --> end ; subgraph", engine: "graph\\", target: "ws-2", coord: '{"__proto__": "q", "mode \\"x\\"": 1.5}' },
  ].map((n, node_ordinal) => {
    const resolved_inputs = { command: n.technique_id };
    const basis = { engine: n.engine, technique_id: n.technique_id, engine_test_id: "t-1", resolved_inputs_sha256: digest(resolved_inputs), target_asset_id: n.target };
    // Parsed, so "__proto__" is an own member as a JSON reader makes it; written in the opposite
    // order to `path`, which the picture follows.
    const cell = { path: ['mode "x"', "__proto__"], coord: JSON.parse(n.coord) as unknown };
    return {
      action_id: actionId({ ...basis, run_id, node_ordinal, template_id: "tpl-1" }),
      action_key: actionKey(basis),
      node_ordinal,
      template_id: "tpl-1",
      technique_id: n.technique_id,
      engine: n.engine,
      engine_test_id: "t-1",
      target_asset_id: n.target,
      parameters: { resolved_inputs_sha256: basis.resolved_inputs_sha256, resolved_inputs },
      cell,
    };
  });
  const templates = [{ template_id: "tpl-1", engine: "atomic", technique_id: "T1059", engine_test_id: "t-1", inputs: {} }];
  const edges = [{ from: nodes[0]!.action_id, to: nodes[1]!.action_id, kind: "depends_on" }];
  return JSON.stringify({ contract_version: "plan_graph_v1", plan_model_version: "0.2.0", run_id, scenario_id: "scn-escapes", plan_type: "matrix", templates, nodes, edges }, null, 2);
}

interface GoldenCase {
  readonly golden: string;
  readonly args: readonly string[];
  readonly stdin?: () => string;
}

const CASES: readonly GoldenCase[] = [
  { golden: "plan-v2-content-pipeline.mmd", args: [compiled("content-pipeline")] },
  { golden: "plan-v2-content-pipeline.dot", args: ["--to", "dot", compiled("content-pipeline")] },
  { golden: "plan-v2-pre-main-post-finalizer.mmd", args: [compiled("pre-main-post-finalizer")] },
  { golden: "plan-v2-pre-main-post-finalizer.dot", args: ["--to", "dot", compiled("pre-main-post-finalizer")] },
  { golden: "plan-v1-pre-main-post-finalizer.mmd", args: [compiled("pre-main-post-finalizer", "v1")] },
  { golden: "plan-v1-pre-main-post-finalizer.dot", args: ["--to", "dot", compiled("pre-main-post-finalizer", "v1")] },
  { golden: "plan-v2-local-and-plan-phase-actions-lr.mmd", args: ["--direction", "LR", compiled("local-and-plan-phase-actions")] },
  { golden: "plan-v2-local-and-plan-phase-actions-lr.dot", args: ["--direction", "LR", "--to", "dot", compiled("local-and-plan-phase-actions")] },
  { golden: "plan-v1-seed-audience-insights.mmd", args: [compiled("seed-audience-insights", "v1")] },
  { golden: "plan-graph-matrix-lr.mmd", args: ["--direction", "LR", matrixGraph] },
  { golden: "plan-graph-matrix.dot", args: ["--to", "dot", matrixGraph] },
  { golden: "plan-graph-edges.mmd", args: [`${inputs}/plan-graph-edges.json`] },
  { golden: "plan-graph-edges.dot", args: ["--to", "dot", `${inputs}/plan-graph-edges.json`] },
  { golden: "plan-graph-escapes.mmd", args: ["-"], stdin: escapesPlanGraph },
  { golden: "plan-graph-escapes.dot", args: ["--to", "dot", "-"], stdin: escapesPlanGraph },
  { golden: "mplp-broadcast-fanout.mmd", args: [mplpFlow("map-flow-02-broadcast-fanout")] },
  { golden: "mplp-broadcast-fanout.dot", args: ["--to", "dot", mplpFlow("map-flow-02-broadcast-fanout")] },
  { golden: "mplp-escapes.mmd", args: [`${inputs}/mplp-escapes.json`] },
  { golden: "mplp-escapes.dot", args: ["--to", "dot", `${inputs}/mplp-escapes.json`] },
];

describe("graphenix graph: golden pictures", () => {
  it("the escapes plan graph is a valid plan graph", () => {
    expect(validatePlanGraph(JSON.parse(escapesPlanGraph())).issues).toEqual([]);
  });

  for (const c of CASES) {
    it(`graph ${c.args.join(" ")} → ${c.golden}`, async () => {
      const result = await run(["graph", ...c.args], c.stdin?.() ?? "");
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const file = join(GOLDEN, c.golden);
      if (UPDATE) writeFileSync(file, result.stdout);
      expect(existsSync(file), `${c.golden} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(result.stdout).toBe(readFileSync(file, "utf8"));
    });
  }

  it("has no golden file that no case names", () => {
    const named = new Set(CASES.map((c) => c.golden));
    const orphans = readdirSync(GOLDEN).filter((f) => /\.(mmd|dot)$/.test(f) && !named.has(f));
    if (UPDATE) for (const f of orphans) rmSync(join(GOLDEN, f));
    expect(UPDATE ? [] : orphans).toEqual([]);
  });
});

/** The same JSON with every object's members in reverse order. */
function reverseMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseMembers);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseMembers(v)]));
}

describe("graphenix graph: determinism", () => {
  const documents = [compiled("content-pipeline"), compiled("pre-main-post-finalizer", "v1"), `${inputs}/plan-graph-edges.json`, mplpFlow("map-flow-02-broadcast-fanout")];
  for (const file of documents) {
    it(`${file}: the same picture twice, and whatever order object members come in`, async () => {
      for (const to of ["mermaid", "dot"]) {
        const first = await run(["graph", "--to", to, file]);
        expect((await run(["graph", "--to", to, file])).stdout).toBe(first.stdout);
        const reversed = JSON.stringify(reverseMembers(JSON.parse(readFileSync(join(repoRoot, file), "utf8"))));
        expect(await run(["graph", "--to", to, "-"], reversed)).toEqual(first);
      }
    });
  }
});

describe("graphenix graph: what the pictures show", () => {
  it("one box per node with its units in order, waves, finalizers apart, dependencies and deferred gates", async () => {
    const { stdout } = await run(["graph", compiled("content-pipeline")]);
    expect(stdout).toContain('subgraph n1["node:draft-article · task · aiTask"]');
    const units = [...stdout.matchAll(/^ {6}(n1_u\d+)\["([^<]*)<br>/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(units).toEqual(["n1_u0 PRE synthesis", "n1_u1 MAIN inputSynthesis", "n1_u2 MAIN retrieval", "n1_u3 MAIN long-form-writer", "n1_u4 POST polish-article #40;polish#41;"]);
    expect([...stdout.matchAll(/subgraph (w\d+)\["wave (\d+)"\]/g)].map((m) => m[2])).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(stdout).toContain('n5_u0(["finalizer → article<br>finalizer · cheap/default"])');
    expect(stdout).toContain("class n5 finalizerNode");
    expect(stdout).toContain("class n5_u0 finalizer");
    expect(stdout).toContain("n2_u0{{\"validation\"}}");
    expect(stdout).toContain(`n2 -.->|"gate:2<br>outputs#91;'node:check-draft'#93;.passed == true"| n3`);
    expect(stdout).toContain("n3 ==> n4");
  });

  it("a v2 plan that references its graph draws the same: the picture needs only nodeIndex and the node plans", async () => {
    const plan = JSON.parse(readFileSync(join(repoRoot, compiled("content-pipeline")), "utf8")) as Record<string, unknown> & { source: { graphHash: string } };
    delete plan.planHash;
    plan.normalizedGraph = { mode: "ref", uri: "https://example.com/content-pipeline.json", graphHash: plan.source.graphHash };
    expect(await run(["graph", "-"], JSON.stringify(plan))).toEqual(await run(["graph", compiled("content-pipeline")]));
  });

  it("a wave holds every node of that depth, in node order", async () => {
    const { stdout } = await run(["graph", "--to", "dot", compiled("local-and-plan-phase-actions")]);
    const wave1 = stdout.slice(stdout.indexOf("subgraph cluster_w1"), stdout.indexOf("subgraph cluster_w2"));
    expect([...wave1.matchAll(/label="(node:[^\\"]+)\\n/g)].map((m) => m[1])).toEqual(["node:10", "node:summarize"]);
    expect(stdout).toContain("n1_u0 -> n3_u0 [ltail=cluster_n1, lhead=cluster_n3, penwidth=2];");
  });

  it("plan graph cells show their coordinates in the order of cell.path", async () => {
    const { stdout } = await run(["graph", "-"], escapesPlanGraph());
    expect(stdout).toContain("<br>mode #34;x#34;=a#60;b#62;#38;c, __proto__=p<br>");
  });

  it("an MPLP plan is ordered under the limits it was validated with, not the library's defaults", async () => {
    const plan = JSON.parse(readFileSync(join(repoRoot, inputs, "mplp-escapes.json"), "utf8")) as { objective: string };
    const picture = (await run(["graph", "-"], JSON.stringify(plan))).stdout;
    // An objective past the default 1 MiB string limit, allowed by --max-string-length: the steps
    // are still drawn in order_index order (they were drawn in array order, silently).
    plan.objective = "x".repeat(1_100_000);
    const raised = await run(["graph", "--max-string-length", "2000000", "-"], JSON.stringify(plan));
    expect(raised.code).toBe(0);
    expect(raised.stdout).toBe(picture);
  });

  it("--format forces the kind; the picture is the same as detected", async () => {
    const file = mplpFlow("map-flow-02-broadcast-fanout");
    expect(await run(["graph", "--format", "mplp-plan", file])).toEqual(await run(["graph", file]));
    const forced = await run(["graph", "--format", "plan-graph", file]);
    expect(forced.code).toBe(1);
    expect(forced.stdout).toBe("");
    expect(forced.stderr).toContain("schema-");
  });
});

describe("graphenix graph: output", () => {
  const plan = compiled("pre-main-post-finalizer");

  it("-o writes the picture to a file, and prints nothing", async () => {
    const out = join(tempDir("gx-graph-"), "plan.dot");
    const result = await run(["graph", plan, "--to", "dot", "-o", out]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(out, "utf8")).toBe((await run(["graph", plan, "--to", "dot"])).stdout);
  });

  it("--json prints { source, kind, to, valid, issues, text }; with -o it names the file instead of the text", async () => {
    const text = (await run(["graph", plan])).stdout;
    const result = await run(["graph", plan, "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ source: plan, kind: "executable-plan", to: "mermaid", valid: true, issues: [], text });
    const out = join(tempDir("gx-graph-"), "plan.mmd");
    expect(JSON.parse((await run(["graph", plan, "--json", "-o", out])).stdout)).toEqual({ source: plan, kind: "executable-plan", to: "mermaid", valid: true, issues: [], output: out });
    expect(readFileSync(out, "utf8")).toBe(text);
  });
});

describe("graphenix graph: documents it does not draw", () => {
  const broken = JSON.parse(readFileSync(join(repoRoot, compiled("content-pipeline")), "utf8")) as { nodeIndex: { wave: number }[] };
  broken.nodeIndex[1]!.wave = 7;
  const brokenText = JSON.stringify(broken, null, 2);

  it("an invalid document: its issues exactly as validate prints them, on standard error (standard output is for the picture), exit 1", async () => {
    const graph = await run(["graph", "-"], brokenText);
    const validate = await run(["validate", "-"], brokenText);
    expect(graph.code).toBe(1);
    expect(graph.stderr).toContain("node-index-inconsistent");
    expect(graph.stderr).toContain("<stdin>:");
    expect(graph.stderr).toBe(validate.stdout);
    expect(graph.stdout).toBe("");
  });

  it("an invalid document with --json: the issues, located", async () => {
    const result = await run(["graph", "--json", "-"], brokenText);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout) as { kind: string; valid: boolean; issues: { code: string; location?: { line: number } }[] };
    expect(body).toMatchObject({ kind: "executable-plan", to: "mermaid", valid: false });
    expect(body.issues.map((i) => i.code)).toContain("node-index-inconsistent");
    expect(body.issues.every((i) => typeof i.location?.line === "number")).toBe(true);
  });

  it.each([
    ["{}", "format-missing"],
    ["[1, 2]", "format-missing"],
    ['"text"', "format-missing"],
    ['{"format": "graphenix.executable-plan/v9"}', "format-unsupported"],
  ])("%s: one coded line, exit 1", async (doc, code) => {
    const result = await run(["graph", "-"], doc);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^<stdin>(:\\d+:\\d+)?: ${code}: `));
  });

  it("a kind graph does not draw (an authoring graph): one coded line naming the kinds it draws, exit 1", async () => {
    const result = await run(["graph", "examples/content-pipeline.authoring.json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("examples/content-pipeline.authoring.json:");
    expect(result.stderr).toContain("format-unsupported: graphenix graph draws executable-plan, plan-graph, mplp-plan documents, not authoring-graph documents");
  });
});

describe("graphenix graph: usage", () => {
  const plan = compiled("pre-main-post-finalizer");

  it.each([
    [["graph", plan, "--to", "svg"], "--to must be one of mermaid, dot"],
    [["graph", plan, "--direction", "BT"], "--direction must be one of TB, LR"],
    [["graph", plan, "--format", "runtime-object"], "--format must be one of executable-plan, plan-graph, mplp-plan"],
    [["graph"], "expected <file|->"],
    [["graph", plan, "--bogus"], "unknown option --bogus"],
    [["graph", "no/such/file.json"], "io-unreadable"],
  ])("%j: exit 2", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
  });

  it("input that is not JSON: exit 2", async () => {
    expect((await run(["graph", "-"], "{nope")).code).toBe(2);
  });

  it("--help lists its options, and graphenix --help lists graph", async () => {
    const help = await run(["graph", "--help"]);
    expect(help.code).toBe(0);
    for (const option of ["--to <mermaid|dot>", "--format <kind>", "--direction <TB|LR>", "-o, --output <file>", "--json", "--max-bytes <N>"]) expect(help.stdout).toContain(option);
    expect((await run(["--help"])).stdout).toMatch(/\n {2}graph +draw an executable plan/);
  });

  it("every example names files of the repository and runs", async () => {
    const { graphCommand } = await import("../src/commands/graph.js");
    const out = tempDir("gx-graph-");
    for (const example of graphCommand.examples) {
      const words = example.split(/\s+/).slice(1);
      const cut = words.findIndex((w) => w === "|" || w === ">");
      const argv = cut < 0 ? words : words.slice(0, cut);
      for (const word of argv) if (word.includes("/") && !word.startsWith(out)) expect(existsSync(join(repoRoot, word)), word).toBe(true);
      const o = argv.indexOf("-o");
      if (o >= 0) argv[o + 1] = join(out, argv[o + 1] as string);
      expect((await run(argv)).code, example).toBe(0);
    }
  });
});

describe("graphenix graph: escaping", () => {
  const anyText = fc.string({ unit: "binary", maxLength: 40 });

  it("a Mermaid label is one quoted string with no character Mermaid or HTML reads as syntax", () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 4 }), (lines) => {
        const text = mermaidText(lines);
        const inner = text.slice(1, -1);
        expect(text.startsWith('"') && text.endsWith('"')).toBe(true);
        expect(inner.replace(/<br>/g, "")).not.toMatch(/["<>&`[\]{}()\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        expect(inner.replace(/#\d+;/g, "")).not.toContain("#");
      }),
    );
  });

  it("a DOT label is one quoted string: only \\\\, \\\" and \\n escapes, every & an entity", () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 4 }), (lines) => {
        const inner = dotText(lines).slice(1, -1);
        expect(inner.replace(/\\[\\"n]/g, "")).not.toMatch(/["\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        expect(inner.replace(/&amp;/g, "")).not.toContain("&");
      }),
    );
  });
});

describe("graphenix graph: never throws", () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  const settled = (code: number, stderr: string) => {
    expect([0, 1, 2]).toContain(code);
    expect(stderr).not.toContain("internal error");
  };

  it("on arbitrary JSON, detected or forced to each kind", async () => {
    await fc.assert(
      fc.asyncProperty(json, fc.constantFrom(undefined, "executable-plan", "plan-graph", "mplp-plan"), fc.constantFrom("mermaid", "dot"), async (doc, format, to) => {
        const result = await run(["graph", "--to", to, ...(format ? ["--format", format] : []), "-"], JSON.stringify(doc));
        settled(result.code, result.stderr);
      }),
      { numRuns: 150 },
    );
  });

  const valid = [compiled("content-pipeline"), compiled("pre-main-post-finalizer", "v1"), `${inputs}/plan-graph-edges.json`, mplpFlow("flow-03-single-agent-with-tools")].map((f) => JSON.parse(readFileSync(join(repoRoot, f), "utf8")) as unknown);

  /** The document with the value at one path (chosen by `pick`) replaced. */
  function mutate(doc: unknown, pick: number, replacement: unknown): unknown {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(doc, []);
    const path = paths[pick % paths.length] ?? [];
    if (path.length === 0) return replacement;
    const copy = structuredClone(doc) as Record<string | number, unknown>;
    let parent = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[path.at(-1) as string | number] = replacement;
    return copy;
  }

  it("on valid documents with one value replaced by arbitrary JSON", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...valid), fc.nat(), json, fc.constantFrom("mermaid", "dot"), async (doc, pick, replacement, to) => {
        const result = await run(["graph", "--to", to, "-"], JSON.stringify(mutate(doc, pick, replacement)));
        settled(result.code, result.stderr);
      }),
      { numRuns: 150 },
    );
  });
});

/** ```mermaid blocks preceded by `<!-- graphenix graph <args> -->`: the block is that command's output. */
function mermaidExamples(file: string): { args: string[]; body: string; line: number }[] {
  const lines = readFileSync(join(repoRoot, file), "utf8").split("\n");
  const found: { args: string[]; body: string; line: number }[] = [];
  lines.forEach((line, i) => {
    if (line !== "```mermaid") return;
    let above = i - 1;
    while (above >= 0 && (lines[above] ?? "").trim() === "") above--;
    const command = /^<!-- graphenix (graph .*) -->$/.exec(lines[above] ?? "")?.[1];
    const end = lines.indexOf("```", i + 1);
    found.push({ args: command ? command.split(/\s+/) : [], body: `${lines.slice(i + 1, end).join("\n")}\n`, line: i + 1 });
  });
  return found;
}

describe("graphenix graph: pictures in the docs are the command's output", () => {
  it("docs/graph.md shows at least one", () => expect(mermaidExamples("docs/graph.md").length).toBeGreaterThan(0));

  for (const file of ["docs/graph.md", "README.md"]) {
    for (const example of mermaidExamples(file)) {
      it(`${file}:${example.line}`, async () => {
        expect(example.args, "a mermaid block says which command drew it: <!-- graphenix graph … --> above it").not.toEqual([]);
        const result = await run(example.args);
        expect(result.code).toBe(0);
        expect(example.body).toBe(result.stdout);
      });
    }
  }
});
