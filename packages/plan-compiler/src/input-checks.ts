/**
 * Checks of the compiler's inputs beyond their validation: run evidence a valid design may carry
 * but a plan never may, and, when the compiled plan fails its check, whether an input read
 * differently than when the plan was built from it.
 */
import { normalizeAuthoringGraph } from "@graphenix/authoring-format";
import type { NormalizedExecutableGraphDocument } from "@graphenix/contracts";
import { digestResult, IssueCollector, mayChangeBetweenReads, prefixIssues, resolveLimits, scanDocument, type ScanOptions, type ValidationOptions } from "@graphenix/core";
import { RUN_EVIDENCE } from "@graphenix/plan-format";

/** The limits the compile was given (`options.limits`, wrapped as validators take them). */
type InputLimits = Pick<ValidationOptions, "limits"> | undefined;

/** The document scan with nothing but the plan's run-evidence names (credentials were checked). */
export const RUN_EVIDENCE_ONLY: ScanOptions = { credentials: false, forbiddenMembers: RUN_EVIDENCE };

/**
 * A member name that is run evidence (`traceEvents`, `rawResponse`, …) may stand in a valid design
 * (as a node id, a case id, an `inputsConfig` key) but never on a plan: reported where the input
 * has it, with the plan's code, before anything is built.
 */
export function carriesNoRunEvidence(authoringGraph: unknown, runtime: unknown, limits: InputLimits, issues: IssueCollector): boolean {
  const resolved = resolveLimits(limits);
  let clean = true;
  for (const [name, document] of [["authoringGraph", authoringGraph], ["runtime", runtime]] as const) {
    const found = new IssueCollector(resolved.maxIssues);
    scanDocument(document, resolved, RUN_EVIDENCE_ONLY, found);
    const list = found.finish();
    if (list.length > 0) clean = false;
    issues.pushAll(prefixIssues([name], list));
  }
  return clean;
}

/**
 * An input's JSON text as read now, each member read once (`JSON.stringify` reads each member
 * once; a digest reads it twice, once to check and once to write, so an input that alternates
 * between two answers reads alike in every digest). Undefined when it cannot be written.
 */
function textNow(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Whether an input reads differently from one read to the next. */
function readsDifferently(value: unknown): boolean {
  const now = textNow(value);
  return now === undefined || now !== textNow(value);
}

/**
 * Whether the authoring graph is seen to read differently now than when the plan was built from
 * it. Only a graph with a getter or a Proxy can (the runtime object cannot: the compiler uses a
 * copy of it read once). It is read now and again, each member once per read, so a graph
 * alternating between two answers is seen; and normalized again and compared with the normalized
 * graph the plan was built from. A getter made to answer alike to these looks goes unseen, and the
 * plan's own issues are reported. A graph that reads the same keeps them: a getter that always
 * answers alike changes nothing.
 */
export function changingInput(authoringGraph: unknown, graph: NormalizedExecutableGraphDocument, limits: InputLimits): "authoringGraph" | undefined {
  if (!mayChangeBetweenReads(authoringGraph)) return undefined;
  if (readsDifferently(authoringGraph)) return "authoringGraph";
  const again = normalizeAuthoringGraph(authoringGraph, limits);
  if (!again.valid) return "authoringGraph";
  const [a, b] = [digestResult(again.value), digestResult(graph)];
  return !a.ok || !b.ok || a.value !== b.value ? "authoringGraph" : undefined;
}
