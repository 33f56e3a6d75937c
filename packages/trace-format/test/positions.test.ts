/**
 * The numberings of a trace's subjects (src/positions.ts, src/prepared-plan.ts): whatever order a
 * trace names ids in, a binding's numbering gives the plan's own positions (its shortcut for ids
 * that follow the plan's order never answers differently from the plan's maps), and a trace
 * validated on its own numbers its subjects by first appearance.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExecutableGraphPlanV2 } from "@graphenix/contracts";
import { Subject } from "../src/lifecycle.js";
import { FirstSeenPositions } from "../src/positions.js";
import { PlanPositions, prepare } from "../src/prepared-plan.js";
import { readFixture } from "../../../tests/properties/arbitraries.js";
import { CI_RUNS, fuzz } from "../../../tests/properties/runs.js";

const PLAN = readFixture<ExecutableGraphPlanV2>("packages/plan-compiler/test/fixtures/pre-main-post-finalizer/expected.plan.v2.json");
const prepared = prepare(PLAN);
const UNKNOWN = ["unit:nowhere", "node:nowhere", "finalizer:nowhere"];
const subjects = fc.constantFrom(Subject.Node, Subject.Finalizer, Subject.Unit);
const anyId = fc.constantFrom(...prepared.unitIds, ...prepared.nodeIds, ...UNKNOWN);

/**
 * Ids as traces name them: mostly the plan's next or same unit or node (what the shortcut is
 * for), sometimes any id of the plan, an unknown one, or one of another subject.
 */
const asks = fc.array(fc.tuple(subjects, anyId, fc.nat({ max: 3 })), { maxLength: 60 }).map((picks) => {
  let unit = 0;
  let node = 0;
  return picks.map(([subject, id, step]) => {
    if (step === 3) return { subject, id };
    if (subject === Subject.Unit) return { subject, id: prepared.unitIds[(unit = (unit + (step % 2)) % prepared.unitIds.length)]! };
    return { subject, id: prepared.nodeIds[(node = (node + (step % 2)) % prepared.nodeIds.length)]! };
  });
});

describe("subject positions", () => {
  it("a binding's numbering gives each id the plan's position, in any order; ids the plan lacks get their own, by first appearance", () => {
    const nodesFrom = prepared.unitIds.length;
    const nodeCount = prepared.nodeIds.length;
    const othersFrom = nodesFrom + 2 * nodeCount;
    fc.assert(
      fc.property(asks, (list) => {
        const numbering = new PlanPositions(prepared);
        const others = new Map<string, number>();
        for (const { subject, id } of list) {
          const known = subject === Subject.Unit ? prepared.units.get(id)?.index : prepared.nodes.get(id);
          const key = `${subject} ${id}`;
          let expected: number;
          if (known === undefined) {
            if (!others.has(key)) others.set(key, othersFrom + others.size);
            expected = others.get(key)!;
          } else expected = subject === Subject.Unit ? known : nodesFrom + (subject === Subject.Finalizer ? nodeCount : 0) + known;
          const position = numbering.positionOf(subject, id);
          expect(position).toBe(expected);
          expect(position).toBeLessThan(numbering.bound(list.length));
          if (subject !== Subject.Unit) expect(numbering.nodeIndexOf(subject, position)).toBe(known ?? -1);
        }
      }),
      fuzz(CI_RUNS),
    );
  });

  it("a trace's own numbering: one position per subject and id, by first appearance, below the bound", () => {
    fc.assert(
      fc.property(asks, (list) => {
        const numbering = new FirstSeenPositions();
        const seen = new Map<string, number>();
        for (const { subject, id } of list) {
          const key = `${subject} ${id}`;
          if (!seen.has(key)) seen.set(key, seen.size);
          const position = numbering.positionOf(subject, id);
          expect(position).toBe(seen.get(key));
          expect(position).toBeLessThan(numbering.bound(list.length));
        }
      }),
      fuzz(CI_RUNS),
    );
  });
});
