import {
  PLAN_GRAPH_CONTRACT_VERSION,
  PLAN_MODEL_VERSION,
  type ActionTemplate,
  type ExpansionManifest,
  type LabInventory,
  type PlanGraph,
  type PlanExecution,
  type PlanGraphNode,
  type ScenarioPlan,
  type ValidationIssue,
} from "@graphenix/contracts";
import { asObject, cloneJson, DEFAULT_VALIDATION_LIMITS, hasMember, IssueCollector, own, prefixIssues, readGuarded, resolveLimits, scanDocument, schemaIssues, setMember, type SchemaValidator, type ValidationLimits } from "@graphenix/core";
import { cellCount, checkAxes, resolveAxes, selectTemplates, type Axis, type Scalar } from "./axes.js";
import { validateLabInventorySchema, validateScenarioPlanSchema } from "./generated/schema-validators.js";
import { checkExecution } from "./execution.js";
import { HexIndex } from "./hex-index.js";
import { ACTION_ID_PREFIX, identityWriter } from "./identity.js";
import { inputsResolver, isAxisReference, unknownAxisReferences } from "./inputs.js";
import { maxNodesOption, type CompilePlanOptions } from "./options.js";

export type CompilePlanResult =
  | { readonly ok: true; readonly graph: PlanGraph; readonly manifest: ExpansionManifest }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

const RESERVED = new Set(["sequence", "campaign", "adaptive"]);

function checkInput(document: unknown, name: "scenario" | "inventory", schema: SchemaValidator, issues: IssueCollector, limits: ValidationLimits): boolean {
  const local = new IssueCollector(limits.maxIssues);
  if (scanDocument(document, limits, { credentials: true }, local) && !schema(document)) {
    for (const issue of schemaIssues(schema.errors, document)) local.push(issue);
  }
  issues.pushAll(prefixIssues([name], local.finish()));
  return local.errorCount === 0;
}

/** The scenario's `plan.type`, read before the scan; undefined for a scenario that throws when read (the scan reports it). */
function planType(scenario: unknown): unknown {
  try {
    return asObject(asObject(scenario)?.plan)?.type;
  } catch {
    return undefined;
  }
}

/**
 * Compiles a scenario plan against a lab inventory into a plan graph and its expansion manifest
 * (DESIGN §6; docs/plan-graph.md). `atomic` → one node, no edges; `matrix` → templates in UTF-8
 * order of id × the `expand` axes row-major (first axis slowest), targets in UTF-8 order of
 * `asset_id`. Reserved types, limits and axis problems are reported before any node is built.
 */
export function compilePlan(scenario: unknown, inventory: unknown, options: CompilePlanOptions = {}): CompilePlanResult {
  const maxNodes = maxNodesOption(options);
  // Both inputs are read again after their checks: a getter may answer differently.
  return readGuarded([[["scenario"], scenario], [["inventory"], inventory]], () => compileOnce(scenario, inventory, options, maxNodes), (issue) => ({ ok: false, issues: [issue] }));
}

function compileOnce(scenario: unknown, inventory: unknown, options: CompilePlanOptions, maxNodes: number): CompilePlanResult {
  const limits = resolveLimits(options, { ...DEFAULT_VALIDATION_LIMITS, maxDepth: 64 });
  const issues = new IssueCollector(limits.maxIssues);
  const type = planType(scenario);
  const matrixOff = own(options, "matrix") === false;
  if (typeof type === "string" && (RESERVED.has(type) || (type === "matrix" && matrixOff))) {
    issues.add("plan_type_reserved", `the plan type ${JSON.stringify(type)} is reserved${type === "matrix" ? " (matrix plans are turned off)" : ""}; supported: atomic${matrixOff ? "" : ", matrix"}`, ["scenario", "plan", "type"]);
    return { ok: false, issues: issues.finish() };
  }
  const okScenario = checkInput(scenario, "scenario", validateScenarioPlanSchema, issues, limits);
  const okInventory = checkInput(inventory, "inventory", validateLabInventorySchema, issues, limits);
  if (!okScenario || !okInventory) return { ok: false, issues: issues.finish() };
  const { run_id, scenario_id, plan } = scenario as ScenarioPlan;
  // Optional members, read once as own members (docs/architecture.md, "Own members only").
  const expand = (own(plan, "expand") as string[] | undefined) ?? [];
  const execution = own(plan, "execution") as typeof plan.execution;
  const assets = (inventory as LabInventory).assets;
  const assetIds = new Set<string>();
  assets.forEach((a, i) => {
    if (assetIds.has(a.asset_id)) issues.add("config_schema_invalid", `the asset id ${JSON.stringify(a.asset_id)} appears twice in the inventory`, ["inventory", "assets", i, "asset_id"]);
    assetIds.add(a.asset_id);
  });

  const templates = selectTemplates(plan, issues);
  if (templates.length === 0) issues.add("config_schema_invalid", "no template is left after the templates and techniques filters", ["scenario", "plan", "axes"]);
  const axes = resolveAxes(plan, assets);
  checkAxes(plan, axes, issues);
  if (plan.type === "atomic" && (templates.length !== 1 || expand.length > 0)) {
    issues.add("config_schema_invalid", "an atomic plan has exactly one template and expands no axis", ["scenario", "plan"]);
  }
  checkExecution(execution, ["scenario", "plan", "execution"], issues);
  const axisNames = new Set(axes.map((a) => a.name));
  for (const template of templates) {
    const at = ["scenario", "plan", "templates", plan.templates.indexOf(template), "inputs"];
    // A node's resolved_inputs is an object of named inputs: an axis value goes in one of them.
    if (isAxisReference(template.inputs)) {
      issues.add("config_schema_invalid", "the inputs are an object of named inputs, not one axis value: write it as a named input, e.g. { \"value\": { \"$axis\": … } }", at);
      continue;
    }
    for (const { name, path } of unknownAxisReferences(template.inputs, axisNames, at)) {
      issues.add("config_schema_invalid", `the template's inputs use the axis ${JSON.stringify(name)}, which is not an axis of the plan`, path);
    }
  }
  if (issues.errorCount > 0) return { ok: false, issues: issues.finish() };

  const expandedAxes = expand.map((name) => axes.find((a) => a.name === name) as Axis);
  const count = cellCount(templates.length, expandedAxes);
  if (count > BigInt(maxNodes)) {
    issues.add("plan_expansion_limit", `the expansion would make ${count} nodes, more than max_nodes (${maxNodes})`, ["scenario", "plan", "expand"]);
    return { ok: false, issues: issues.finish() };
  }
  return build({ run_id, scenario_id, type: plan.type as "atomic" | "matrix", execution, expand, templates, axes, expandedAxes, count: Number(count) }, issues);
}

interface Expansion {
  readonly run_id: string;
  readonly scenario_id: string;
  readonly type: "atomic" | "matrix";
  /** The scenario's execution request, carried into the graph as given. */
  readonly execution: PlanExecution | undefined;
  readonly expand: readonly string[];
  readonly templates: readonly ActionTemplate[];
  readonly axes: readonly Axis[];
  readonly expandedAxes: readonly Axis[];
  /** How many nodes the expansion makes. */
  readonly count: number;
}

function build(x: Expansion, issues: IssueCollector): CompilePlanResult {
  const single = new Map(x.axes.filter((a) => !a.expanded).map((a) => [a.name, a.values[0] as Scalar]));
  const nodes: PlanGraphNode[] = [];
  const cells: ExpansionManifest["cells"] = [];
  const keys = new HexIndex(x.count, (ordinal) => (nodes[ordinal] as PlanGraphNode).action_key, 0);
  const ids = new HexIndex(x.count, (ordinal) => (nodes[ordinal] as PlanGraphNode).action_id, ACTION_ID_PREFIX.length);
  const axes = x.expandedAxes;
  const index = new Array<number>(axes.length).fill(0);
  let coord: Record<string, Scalar> = {};
  const valueOf = (name: string) => (hasMember(coord, name) ? coord[name] : single.get(name));
  for (const template of x.templates) {
    index.fill(0);
    const identity = identityWriter({ ...template, run_id: x.run_id });
    const inputsOf = inputsResolver(template.inputs ?? {}, axes, valueOf);
    for (;;) {
      coord = {};
      for (let j = 0; j < axes.length; j++) setMember(coord, (axes[j] as Axis).name, (axes[j] as Axis).values[index[j] as number] as Scalar);
      const resolved = inputsOf(index);
      const ordinal = nodes.length;
      const target = String(valueOf("targets"));
      const [key, id] = identity(resolved.sha256, target, ordinal);
      const earlier = keys.add(key, ordinal);
      if (earlier !== undefined) {
        issues.add("action_key_collision", `nodes ${earlier} and ${ordinal} would run the same action (same engine, test, inputs and target): an axis repeats a value or two templates are the same`, ["scenario", "plan"]);
        return { ok: false, issues: issues.finish() };
      }
      if (ids.add(id, ordinal) !== undefined) {
        issues.add("action_id_collision", `two nodes got the action id ${id}`, ["scenario", "plan"]);
        return { ok: false, issues: issues.finish() };
      }
      const node: PlanGraphNode = {
        action_id: id,
        action_key: key,
        node_ordinal: ordinal,
        template_id: template.template_id,
        technique_id: template.technique_id,
        engine: template.engine,
        engine_test_id: template.engine_test_id,
        target_asset_id: target,
        parameters: { resolved_inputs_sha256: resolved.sha256, resolved_inputs: resolved.inputs },
      };
      // Assigned, not spread in: a conditional spread builds and copies an object per node.
      if (x.type === "matrix") node.cell = { path: [...x.expand], coord };
      nodes.push(node);
      cells.push({ node_ordinal: ordinal, action_id: id, template_id: template.template_id, coord: { ...coord } });
      // Row-major: the last expanded axis varies fastest.
      let j = axes.length - 1;
      while (j >= 0 && (index[j] as number) + 1 >= (axes[j] as Axis).values.length) index[j--] = 0;
      if (j < 0) break;
      index[j] = (index[j] as number) + 1;
    }
  }
  const graph: PlanGraph = {
    contract_version: PLAN_GRAPH_CONTRACT_VERSION,
    plan_model_version: PLAN_MODEL_VERSION,
    run_id: x.run_id,
    scenario_id: x.scenario_id,
    plan_type: x.type,
    ...(x.execution !== undefined && { execution: cloneJson(x.execution) }),
    templates: x.templates.map((t) => cloneJson(t)),
    nodes,
    edges: [],
  };
  const manifest: ExpansionManifest = {
    contract_version: PLAN_GRAPH_CONTRACT_VERSION,
    run_id: x.run_id,
    plan_type: x.type,
    expand: [...x.expand],
    templates: x.templates.map((t) => t.template_id),
    axes: x.axes.map((a) => ({ name: a.name, values: [...a.values], ordering: a.ordering, expanded: a.expanded })),
    cells,
  };
  return { ok: true, graph, manifest };
}
