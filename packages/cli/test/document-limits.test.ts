import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

const graph = "examples/content-pipeline.authoring.json";
const runtime = "examples/content-pipeline.runtime.json";
const plan = "packages/plan-compiler/test/fixtures/content-pipeline/expected.plan.v2.json";
const trace = "packages/trace-format/test/fixtures/content-pipeline-succeeded/trace.json";
const codes = (stdout: string) => [...new Set(stdout.split("\n").flatMap((line) => /: ([a-z][a-z0-9_-]+): /.exec(line)?.[1] ?? []))].sort();

describe("document limits on the command line (docs/limits.md)", () => {
  it("--max-nodes, --max-string-length and --max-depth reach the validator", async () => {
    const nodes = await run(["validate", "--max-nodes", "2", graph]);
    expect([nodes.code, codes(nodes.stdout)]).toEqual([1, ["graph-node-limit"]]);
    const strings = await run(["validate", "--max-string-length", "3", graph]);
    expect([strings.code, codes(strings.stdout)]).toEqual([1, ["document-string-limit"]]);
    // 150 levels: the reader takes them by default (512), the validator does not (128) unless
    // --max-depth raises both.
    const deep = JSON.stringify({ format: "graphenix.authoring-graph/v1", graphId: "g", revision: "1.0.0", formatVersion: "1.0.0", nodes: {}, modelCases: {}, defaultModelCase: "d", metadata: JSON.parse(`${"[".repeat(150)}${"]".repeat(150)}`) as unknown });
    const byDefault = await run(["validate", "-"], deep);
    expect([byDefault.code, codes(byDefault.stdout)]).toEqual([1, ["document-depth-limit"]]);
    const raised = await run(["validate", "--max-depth", "200", "-"], deep);
    expect(codes(raised.stdout)).not.toContain("document-depth-limit");
  });

  it("--max-issues caps what is reported, and says how many were left out", async () => {
    const doc = JSON.stringify({ format: "graphenix.authoring-graph/v1", a: 1, b: 2, c: 3, d: 4 });
    const result = await run(["validate", "--max-issues", "2", "--json", "-"], doc);
    const out = JSON.parse(result.stdout) as { issues: { code: string }[] };
    expect(out.issues.map((i) => i.code).slice(-1)).toEqual(["issues-truncated"]);
    expect(out.issues).toHaveLength(3);
  });

  it("the summary line counts the issues found, not the lines printed (the truncation line stands for those left out)", async () => {
    const doc = JSON.stringify({ format: "graphenix.authoring-graph/v1", a: 1, b: 2, c: 3, d: 4 });
    const all = await run(["validate", "-"], doc);
    const total = Number(/\((\d+) issues\)$/m.exec(all.stdout)?.[1]);
    expect(total).toBeGreaterThan(3);
    const capped = await run(["validate", "--max-issues", "2", "-"], doc);
    expect(capped.stdout.trimEnd().split("\n").at(-1)).toMatch(new RegExp(`\\(${total} issues, ${total - 2} not shown\\)$`));
  });

  it("compile, trace check and graph take them too", async () => {
    const compiled = await run(["compile", graph, "--runtime", runtime, "--now", "2026-06-06T12:00:00Z", "--max-nodes", "2"]);
    expect([compiled.code, codes(compiled.stdout + compiled.stderr)]).toEqual([1, ["graph-node-limit"]]);
    const bound = await run(["trace", "check", trace, "--plan", plan, "--max-string-length", "3"]);
    expect([bound.code, codes(bound.stdout)]).toEqual([1, ["document-string-limit"]]);
    const drawn = await run(["graph", plan, "--max-nodes", "2"]);
    expect([drawn.code, codes(drawn.stderr)]).toEqual([1, ["graph-node-limit"]]);
  });

  it("the defaults apply without the flags, and a bad value is a usage error", async () => {
    expect((await run(["validate", graph])).code).toBe(0);
    const bad = await run(["validate", "--max-nodes", "0", graph]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-nodes takes a positive whole number, not "0"');
  });
});
