/**
 * The model a unit used against the models its plan allows (src/binding-step.ts `sameModel`): the
 * binding compares the members of the two closed shapes of `ModelSelection` instead of a generic
 * deep comparison, so those members must be exactly the schema's, and the answer JSON equality.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ModelSelection } from "@graphenix/contracts";
import { jsonEqual } from "@graphenix/core";
import { sameModel } from "../src/binding-step.js";
import { CI_RUNS, fuzz } from "../../../tests/properties/runs.js";

interface Branch {
  $ref: string;
}
interface Shape {
  required: string[];
  additionalProperties: boolean;
  properties: Record<string, { const?: string }>;
}
const schema = JSON.parse(readFileSync(join(import.meta.dirname, "../../../schemas/authoring-graph.v1.schema.json"), "utf8")) as { $defs: Record<string, { oneOf?: Branch[] } & Shape> };

describe("sameModel", () => {
  it("compares every member of each closed shape of ModelSelection, and the schema has no other shape", () => {
    const branches = (schema.$defs.ModelSelection!.oneOf ?? []).map((b) => schema.$defs[b.$ref.replace("#/$defs/", "")]!);
    const shapes = branches.map((b) => ({ kind: b.properties.kind?.const, members: Object.keys(b.properties).sort(), required: [...b.required].sort(), closed: b.additionalProperties === false }));
    expect(shapes).toEqual([
      { kind: "profileChoice", members: ["key", "kind"], required: ["key", "kind"], closed: true },
      { kind: "directModel", members: ["kind", "model", "provider"], required: ["kind", "model", "provider"], closed: true },
    ]);
  });

  // Few values per member, so equal selections (written in any member order) come up often.
  const text = fc.constantFrom("cheap/default", "vol/default", "openai", "gpt", "a");
  const model: fc.Arbitrary<ModelSelection> = fc.oneof(
    fc.record({ kind: fc.constant("profileChoice" as const), key: text }),
    fc.record({ kind: fc.constant("directModel" as const), provider: text, model: text }),
    fc.record({ model: text, provider: text, kind: fc.constant("directModel" as const) }),
  );

  it("answers as JSON equality on schema-valid selections", () => {
    fc.assert(
      fc.property(model, model, (a, b) => {
        expect(sameModel(a, b)).toBe(jsonEqual(a, b));
      }),
      fuzz(CI_RUNS),
    );
  });
});
