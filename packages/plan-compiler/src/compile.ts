import { normalizeAuthoringGraph, validateRuntimeObject } from "@graphenix/authoring-format";
import {
  AUTHORING_GRAPH_FORMAT,
  EXECUTABLE_PLAN_FORMAT,
  EXECUTABLE_PLAN_FORMAT_V2,
  NORMALIZED_GRAPH_FORMAT,
  type ExecutableGraphPlan,
  type ExecutableGraphPlanV2,
  type GraphRuntimeObject,
  type ValidationIssue,
} from "@graphenix/contracts";
import { choiceHint, cloneJson, digest, formatOf, IssueCollector, makeIssue, jsonEqual, mayChangeBetweenReads, objectAt, own, prefixIssues, resolveLimits, unstableDocumentIssue, unstableReadIssue } from "@graphenix/core";
import { computePlanHash, validateExecutablePlan } from "@graphenix/plan-format";
import { selectGraphCase, selectNodeCase, type NodeCase } from "./cases.js";
import { CompileOptionsError, createdAtFrom, formatFrom, planIdFrom, type CompileOptions, type PlanFormatChoice } from "./options.js";
import { derivedIdsFit } from "./derived-ids.js";
import { carriesNoRunEvidence, changingInput } from "./input-checks.js";
import { planIsSureToValidate } from "./plan-check.js";
import { readOnce } from "./read-once.js";
import { buildPlanV1 } from "./plan-v1.js";
import { buildPlanV2, type BuildContext } from "./plan-v2.js";

/**
 * What a compile returns. `Plan` is the plan type the options ask for: `compileExecutablePlan`
 * narrows it from `options.format` (v2 when absent), and leaves both when the format is only
 * known at run time.
 */
export type CompileResult<Plan extends ExecutableGraphPlanV2 | ExecutableGraphPlan = ExecutableGraphPlanV2 | ExecutableGraphPlan> =
  | { readonly ok: true; readonly plan: Plan; readonly issues: readonly ValidationIssue[] }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Issues about one of the inputs carry its name as the first path token (docs/plan-compiler.md). */
const prefixed = (document: "authoringGraph" | "runtime" | "plan", issues: readonly ValidationIssue[]) => prefixIssues([document], issues);

/** The issue cap of `options.limits`; a limit that is no positive whole number is a misuse of the options. */
function maxIssuesFrom(limits: { limits: CompileOptions["limits"] } | undefined): number {
  try {
    return resolveLimits(limits).maxIssues;
  } catch (error) {
    throw new CompileOptionsError(`options.${(error as Error).message}`);
  }
}

/**
 * `options.profileRegistry` goes into the plan as given, so it is held to what the runtime
 * object's `profileRegistry` must be (its schema, the credential rule, JSON values only): anything
 * else is a misuse of the options, not an issue of the documents.
 */
function checkRegistryOption(registry: unknown): void {
  if (registry === undefined) return;
  const checked = validateRuntimeObject({ jobId: "options", mode: "live", environment: "options", profileRegistry: registry });
  const first = checked.issues.find((i) => i.severity === "error");
  if (first) throw new CompileOptionsError(`options.profileRegistry${first.pointer.replace(/^\/profileRegistry/, "")}: ${first.code}: ${first.message}`);
}

/**
 * Compiles an authoring graph and a runtime object into an executable plan
 * (`graphenix.executable-plan/v2` by default, `/v1` for legacy engines) that
 * `validateExecutablePlan` accepts. Deterministic: the same inputs and options give a
 * byte-identical plan. Invalid inputs give their issues (each path starts with `authoringGraph`,
 * `runtime` or `options`); only misuse of `options` throws (`CompileOptionsError`).
 */
export function compileExecutablePlan(authoringGraph: unknown, runtime: unknown, options: CompileOptions & { readonly format: "v1" }): CompileResult<ExecutableGraphPlan>;
export function compileExecutablePlan(authoringGraph: unknown, runtime: unknown, options: CompileOptions & { readonly format?: "v2" }): CompileResult<ExecutableGraphPlanV2>;
export function compileExecutablePlan(authoringGraph: unknown, runtime: unknown, options: CompileOptions): CompileResult;
export function compileExecutablePlan(authoringGraph: unknown, runtime: unknown, options: CompileOptions): CompileResult {
  const checked = checkedOptions(options);
  try {
    // A runtime object with a getter or a Proxy is read once, before anything else reads it, and
    // only that copy is used: it cannot answer the validation one way and the plan another. (Not
    // the graph: looking for getters in a 10k-node graph costs about 7% of compiling it.)
    const rt = mayChangeBetweenReads(runtime) ? readOnce(runtime) : runtime;
    return compileInputs(authoringGraph, rt, options, checked);
  } catch (error) {
    if (error instanceof CompileOptionsError) throw error;
    // The inputs are read again after they were validated: a getter may answer differently.
    return { ok: false, issues: [unstableReadIssue(error, [[["authoringGraph"], authoringGraph], [["runtime"], runtime]])] };
  }
}

/**
 * Checks `options` as `compileExecutablePlan` does before it reads any input (`now`, `format`,
 * `limits`, `profileRegistry`, a fixed `planId`), throwing `CompileOptionsError` on misuse: for
 * callers, such as the CLI, that report a misuse before reading the documents. A `planId`
 * function can only be checked on what it returns, during the compile.
 */
export function checkCompileOptions(options: CompileOptions): void {
  checkedOptions(options);
}

function checkedOptions(options: CompileOptions): CheckedOptions {
  const createdAt = createdAtFrom(options);
  const format = formatFrom(options);
  const given = own(options, "limits") as CompileOptions["limits"];
  const limits = given ? { limits: given } : undefined;
  const maxIssues = maxIssuesFrom(limits);
  checkRegistryOption(own(options, "profileRegistry"));
  // A fixed id does not depend on the inputs: refused now, whatever the inputs turn out to be.
  if (typeof own(options, "planId") === "string") planIdFrom(options, "");
  return { createdAt, format, limits, maxIssues };
}

const GRAPH_FORMATS: readonly unknown[] = [AUTHORING_GRAPH_FORMAT, NORMALIZED_GRAPH_FORMAT];

/**
 * The inputs given the other way round: the runtime object is a graph and the graph has no
 * format (a runtime object has none). One issue says so, instead of each input's dozen as the other.
 */
function inputsSwapped(authoringGraph: unknown, runtime: unknown): ValidationIssue | undefined {
  const runtimeFormat = formatOf(runtime);
  if (formatOf(authoringGraph) !== undefined || !GRAPH_FORMATS.includes(runtimeFormat)) return undefined;
  return makeIssue("compile-inputs-swapped", `the runtime object is a graph (format ${JSON.stringify(runtimeFormat)}) and the graph has no format: the two inputs are the other way round (the graph first, then the runtime object)`, ["runtime"]);
}

/** The options as checked before any input is read. */
interface CheckedOptions {
  readonly createdAt: string;
  readonly format: PlanFormatChoice;
  readonly limits: { limits: NonNullable<CompileOptions["limits"]> } | undefined;
  readonly maxIssues: number;
}

function compileInputs(authoringGraph: unknown, runtime: unknown, options: CompileOptions, { createdAt, format, limits, maxIssues }: CheckedOptions): CompileResult {
  const swapped = inputsSwapped(authoringGraph, runtime);
  if (swapped) return { ok: false, issues: [swapped] };
  const normalized = normalizeAuthoringGraph(authoringGraph, limits);
  const checkedRuntime = validateRuntimeObject(runtime, limits);
  if (!normalized.valid || !checkedRuntime.valid) {
    // Both inputs' issues under one cap, with one issues-truncated.
    const inputIssues = new IssueCollector(maxIssues);
    if (!normalized.valid) inputIssues.pushAll(prefixed("authoringGraph", normalized.issues));
    if (!checkedRuntime.valid) inputIssues.pushAll(prefixed("runtime", checkedRuntime.issues));
    return { ok: false, issues: inputIssues.finish() };
  }
  const graph = normalized.value;
  const rt: GraphRuntimeObject = checkedRuntime.value;
  const issues = new IssueCollector(maxIssues);
  if (!carriesNoRunEvidence(authoringGraph, runtime, limits, issues)) return { ok: false, issues: issues.finish() };

  const optionRegistry = own(options, "profileRegistry") as GraphRuntimeObject["profileRegistry"];
  const runtimeRegistry = own(rt, "profileRegistry") as GraphRuntimeObject["profileRegistry"];
  const registry = optionRegistry ?? runtimeRegistry;
  if (!registry) {
    issues.add("compile-registry-missing", "no profile registry: give the runtime object a profileRegistry (a program calling compileExecutablePlan may pass options.profileRegistry instead)", ["runtime", "profileRegistry"]);
    return { ok: false, issues: issues.finish() };
  }
  if (optionRegistry && runtimeRegistry && !jsonEqual(optionRegistry, runtimeRegistry)) {
    issues.add("compile-registry-conflict", "options.profileRegistry differs from the runtime object's profileRegistry; pass one, or make them agree", ["options", "profileRegistry"]);
  }
  for (const id of Object.keys(objectAt(rt, "nodeModelCases") ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(graph.nodes, id)) issues.add("compile-runtime-unknown-node", `the runtime overrides the model case of ${JSON.stringify(id)}, which is not a node of the graph${choiceHint(id, graph.nodeOrder, { one: "node", many: "nodes" })}`, ["runtime", "nodeModelCases", id]);
  }
  const graphCase = selectGraphCase(graph, rt, issues);
  if (!graphCase || issues.errorCount > 0) return { ok: false, issues: issues.finish() };
  const nodeCases = new Map<string, NodeCase>(Object.entries(graph.nodes).map(([id, node]) => [id, selectNodeCase(id, node, graph, rt, issues)]));
  const ctx: BuildContext = { authoringGraph, graph, graphCase, nodeCases, issues };

  const head = {
    source: { graphId: graph.graphId, graphRevision: graph.revision, graphHash: graph.source.graphHash, formatVersion: graph.formatVersion },
    profileRegistry: cloneJson(registry),
    runtimeBinding: {
      jobId: rt.jobId,
      mode: rt.mode,
      environment: rt.environment,
      sourceGraphHash: graph.source.graphHash,
      ...(own(registry, "registryHash") !== undefined && { profileRegistryHash: registry.registryHash as string }),
    },
  };
  const body = format === "v2" ? buildPlanV2(ctx, head) : buildPlanV1(ctx, head);
  if (!body || issues.errorCount > 0 || !derivedIdsFit(body, issues)) return { ok: false, issues: issues.finish() };

  // The plan is a function of these inputs, so their digest identifies its content (not the
  // clock): equal inputs get equal ids, without canonicalizing the whole plan once more.
  // A normalized graph only claims the hash of the design it came from (it may have been edited
  // since): its own digest goes in too, so different graphs never share a plan id.
  const ownDigest = formatOf(authoringGraph) === NORMALIZED_GRAPH_FORMAT ? { normalizedGraphHash: digest(graph) } : {};
  const contentDigest = digest({ v: 1, format, graphHash: graph.source.graphHash, ...ownDigest, runtime: rt, profileRegistry: registry });
  const planId = planIdFrom(options, contentDigest);
  // Never hand out a plan plan-format would reject. A v2 plan whose graph rules out the only ways
  // it could be (plan-check.ts) is not validated again: that was a third of compiling. Any other
  // is, before its planHash is set: the hash is computed from this very object, so checking it
  // again would only repeat that work, and every other rule runs on exactly what is returned.
  const unhashed = { format: format === "v2" ? EXECUTABLE_PLAN_FORMAT_V2 : EXECUTABLE_PLAN_FORMAT, planId, createdAt, ...body };
  const checked = format === "v2" && planIsSureToValidate(graph, resolveLimits(limits)) ? undefined : validateExecutablePlan(unhashed, limits);
  if (checked && !checked.valid) {
    // Built from inputs that validated, the plan fails only past a limit of its own, or because an
    // input read differently the second time (a getter or a Proxy): that input is not JSON data.
    const changing = changingInput(authoringGraph, graph, limits);
    return { ok: false, issues: changing ? [unstableDocumentIssue([changing])] : prefixed("plan", checked.issues) };
  }
  const plan =
    format === "v2"
      ? ({ format: EXECUTABLE_PLAN_FORMAT_V2, planId, createdAt, planHash: computePlanHash(unhashed), ...body } as ExecutableGraphPlanV2) // last: it covers everything else
      : (unhashed as ExecutableGraphPlan);
  return { ok: true, plan, issues: issues.finish() };
}
