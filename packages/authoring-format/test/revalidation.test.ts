/**
 * A document validated, changed, and validated again is judged as it is now: nothing a rule read
 * the first time is kept between validations (the graph view is made per validation).
 */
import { describe, expect, it } from "vitest";
import { validateAuthoringGraph } from "@graphenix/authoring-format";
import { readFixture } from "../../../tests/properties/arbitraries.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("validating a changed document again", () => {
  it("sees a utility replaced under the same node object", () => {
    const doc = readFixture<Json>("packages/authoring-format/test/fixtures/content-pipeline/input.authoring-graph.json");
    expect(validateAuthoringGraph(doc).valid).toBe(true);
    const [id, node] = Object.entries(doc.nodes as Json).find(([, n]) => (n as Json).parameters?.taskConfiguration?.aiTaskStrategies?.pre) as [string, Json];
    // The node object stays the same; only the utility under it is replaced.
    node.parameters.taskConfiguration.aiTaskStrategies.pre = { strategyKey: "synthesis", unitParams: { factGuard: { enabled: true } } };
    const again = validateAuthoringGraph(doc);
    expect(again.issues.map((i) => `${i.pointer} ${i.code}`)).toContain(`/nodes/${id.replace(/~/g, "~0").replace(/\//g, "~1")}/parameters/taskConfiguration/aiTaskStrategies/pre/unitParams/factGuard fact-guard-policy-required`);
  });
});
