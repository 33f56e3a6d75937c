/**
 * A deterministic plan-like document for benchmarks: `nodes` task nodes keyed by id, each with
 * PRE / MAIN / POST execution units, model selections, digests and nested parameters — the shape
 * and key mix of a compiled executable plan, without depending on the plan packages.
 */
export function planLikeDocument(nodes: number): Record<string, unknown> {
  const nodePlans: Record<string, unknown> = {};
  const nodeIndex: unknown[] = [];
  for (let i = 0; i < nodes; i++) {
    const nodeId = `node:task-${i}`;
    nodeIndex.push({ nodeId, wave: i % 17, order: i });
    nodePlans[nodeId] = {
      nodeId,
      nodeType: "task",
      executionClass: i % 5 === 0 ? "local" : "aiTask",
      skillKey: `skill-${i % 23}`,
      selectedCases: { graphModelCaseId: "default", nodeModelCaseId: i % 3 === 0 ? `case-${i % 7}` : null },
      modelSlots: {
        preActionModel: { selection: { kind: "profileChoice", key: "cheap/default" }, source: "graphCase" },
        skillModel: { selection: { kind: "profileChoice", key: "vol/default" }, source: "graphCase" },
      },
      executionUnits: [
        unit(nodeId, "pre", 0, "externalPreUtility", "externalRunTask", "preActionModel", "cheap/default"),
        unit(nodeId, "main", 1, "mainSkill", "mainRunTask", "skillModel", "vol/default"),
        unit(nodeId, "post", 2, "externalPostUtility", "externalRunTask", "postActionModel", "cheap/fast"),
      ],
      parameters: {
        temperature: (i % 10) / 10,
        maxTokens: 1024 + (i % 512),
        tags: ["alpha", "béta", "γάμμα", `t${i}`],
        note: i % 11 === 0 ? 'quote " and backslash \\ and tab \t' : "plain text",
        unicode: i % 13 === 0 ? "emoji 😀 and 𝄞" : "ascii",
        ratio: 1 / (i + 3),
        big: 1e21 + i,
      },
    };
  }
  return {
    format: "graphenix.executable-plan/v2",
    planId: "plan:bench",
    createdAt: "2026-06-06T12:00:00.000Z",
    source: { graphId: "graph:bench", graphRevision: "1.0.0", graphHash: `sha256:${"ab".repeat(32)}`, formatVersion: "2.0.0" },
    nodeIndex,
    nodePlans,
  };
}

function unit(nodeId: string, phase: string, order: number, unitKind: string, invokeMode: string, modelSlot: string, key: string) {
  return {
    unitId: `unit:${nodeId}:${phase}:${order}`,
    nodeId,
    unitKind,
    invokeMode,
    order,
    actionKey: phase === "main" ? null : "synthesis",
    strategyKey: phase === "main" ? null : "synthesis",
    modelSlot,
    modelSelection: { kind: "profileChoice", key },
    sourcePath: `/graph/nodes/${nodeId}/parameters/taskConfiguration/aiTaskStrategies/${phase}`,
    retryPolicy: { maxAttempts: 3, backoffMs: 250 },
  };
}
