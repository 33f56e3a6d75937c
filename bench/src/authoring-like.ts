/**
 * A deterministic authoring graph of `count` nodes for benchmarks: mostly AI task nodes with PRE
 * and POST utilities, wrappers and node-level model cases, plus validation, mapping, callGraph
 * and finalizer nodes; each node depends on one or two earlier ones (a DAG).
 */
export function authoringGraph(count: number): Record<string, unknown> {
  const nodes: Record<string, unknown> = {};
  const edges: unknown[] = [];
  const id = (i: number) => `node:n${String(i).padStart(6, "0")}`;
  for (let i = 0; i < count; i++) {
    const kind = i % 10;
    if (kind < 7) {
      nodes[id(i)] = {
        type: "task",
        executionClass: kind === 6 ? "local" : "aiTask",
        title: `Task ${i}`,
        parameters: {
          skillKey: `skill-${i % 23}`,
          taskConfiguration: {
            aiTaskStrategies: {
              pre: { strategyKey: "synthesis", unitParams: { memoryPaths: ["memory.a", `memory.n${i % 50}`], factGuard: { enabled: true, policyId: "fact-policy:strict" } } },
              ...(kind % 2 === 0 && { post: { strategyKey: "polish", actionKey: "polish-text", unitParams: { tone: "plain" } } }),
            },
          },
          executionStrategies: kind === 3 ? [{ strategyKey: "retrieval", unitParams: { topK: 8 } }] : [],
          aiTaskProfile: { inputSynthesis: { enabled: kind === 4, sources: ["memory.a", `memory.n${i % 50}`] } },
          inputsConfig: { maxWords: 400 + (i % 300), language: "en" },
          smartInput: { paths: ["memory.a"] },
        },
        ...(kind === 5 && { modelCases: { premium: { skillModel: { kind: "profileChoice", key: "vol/premium" } } }, defaultModelCase: "premium" }),
        ...(kind === 2 && { policies: { retry: { maxAttempts: 3, backoffMs: 200 } } }),
      };
    } else if (kind === 7) nodes[id(i)] = { type: "validation", parameters: { ruleSetId: "rules:length" } };
    else if (kind === 8) nodes[id(i)] = { type: "mapping", parameters: { mappings: [{ from: "/a", to: "/b" }] } };
    else nodes[id(i)] = { type: i % 20 === 9 ? "callGraph" : "finalizer", parameters: i % 20 === 9 ? { graphId: "graph:other", revision: "1.0.0" } : { outputKey: `out-${i}` } };
    if (i > 0) edges.push({ from: id(Math.floor(i / 2)), to: id(i) });
    if (i > 2 && i % 3 === 0) edges.push({ from: id(i - 1), to: id(i) });
  }
  return {
    format: "graphenix.authoring-graph/v1",
    graphId: "graph:bench",
    revision: "1.0.0",
    formatVersion: "2.0.0",
    nodes,
    edges,
    modelCases: {
      default: {
        preActionModel: { kind: "profileChoice", key: "cheap/default" },
        skillModel: { kind: "profileChoice", key: "vol/default" },
        postActionModel: { kind: "profileChoice", key: "cheap/default" },
        finalizerModel: { kind: "profileChoice", key: "cheap/default" },
      },
    },
    defaultModelCase: "default",
    policies: { retry: { maxAttempts: 2, backoffMs: 100 } },
  };
}
