import type { GroundTruthRow, NodeStatus, ValidationResult } from "@graphenix/contracts";
import { asArray, asObject, IssueCollector, prefixIssues, readGuarded, resolveLimits, scanDocument, schemaIssues, validationResult, type ValidationOptions } from "@graphenix/core";
import { checkTransition, validatePlanGraph } from "@graphenix/plan-graph";
import { validateGroundTruthRowSchema } from "./generated/schema-validators.js";

/**
 * Binds ground-truth rows (`ground_truth.jsonl`, one object per line) to the plan graph they
 * record: the graph validates; the rows pass the document scan every document gets (limits,
 * credentials, values JSON cannot carry); each row is a `GroundTruthRow` (the plan graph schema's)
 * of the graph's run; every row's `action_id` is a node of it, with the node's
 * `action_key`, `node_ordinal` and `target_asset_id`; one row per node at most; each row's
 * `phases` follow the node lifecycle from `pending` and end in its `status`.
 */
export function bindGroundTruthToPlanGraph(rows: unknown, graph: unknown, options?: ValidationOptions): ValidationResult<GroundTruthRow[]> {
  // The rows and the graph are read again after their checks: a getter may answer differently.
  return readGuarded([[["rows"], rows], [["graph"], graph]], () => bindOnce(rows, graph, options), (issue) => ({ valid: false, issues: [issue] }));
}

function bindOnce(rows: unknown, graph: unknown, options: ValidationOptions | undefined): ValidationResult<GroundTruthRow[]> {
  const limits = resolveLimits(options);
  const issues = new IssueCollector(limits.maxIssues);
  const checked = validatePlanGraph(graph, options);
  issues.pushAll(prefixIssues(["graph"], checked.issues));
  const isArray = isReadableArray(rows);
  if (!isArray) issues.add("schema-type", "ground-truth rows are an array (one object per line of ground_truth.jsonl)", ["rows"]);
  // The rows come from an engine, so from outside: scanned like any document.
  const scan = new IssueCollector(limits.maxIssues);
  const scanned = scanDocument(rows, limits, { credentials: true }, scan);
  issues.pushAll(prefixIssues(["rows"], scan.finish()));
  if (!checked.valid || !isArray || !scanned) return validationResult(rows, issues);
  const nodes = new Map(checked.value.nodes.map((n) => [n.action_id, n]));
  const seen = new Map<string, number>();
  asArray(rows).forEach((raw, i) => {
    const row = asObject(raw);
    const at = ["rows", i];
    const id = row?.action_id;
    const node = typeof id === "string" ? nodes.get(id) : undefined;
    if (!row) {
      issues.add("schema-type", "a ground-truth row is a JSON object (one line of ground_truth.jsonl)", at);
      return;
    }
    // The row's own shape first (GroundTruthRow of the plan graph schema): a row that fails it
    // cannot be read against its node.
    if (!validateGroundTruthRowSchema(row)) {
      issues.pushAll(prefixIssues(at, schemaIssues(validateGroundTruthRowSchema.errors, row)));
      return;
    }
    if (row.run_id !== checked.value.run_id) issues.add("ground-truth-run-mismatch", `the row is of run ${JSON.stringify(row.run_id)}, but the graph is of run ${JSON.stringify(checked.value.run_id)}`, [...at, "run_id"]);
    if (!node) {
      issues.add("ground-truth-unknown-node", `${JSON.stringify(id) ?? "no action_id"} is not the action_id of a node of the graph`, [...at, "action_id"]);
      return;
    }
    const first = seen.get(node.action_id);
    if (first !== undefined) issues.add("ground-truth-duplicate", `node ${node.action_id} already has a row, /rows/${first}`, at);
    seen.set(node.action_id, i);
    for (const field of ["action_key", "node_ordinal", "target_asset_id"] as const) {
      if (row[field] !== node[field]) issues.add("ground-truth-node-mismatch", `${field} is ${JSON.stringify(row[field])}, but the node has ${JSON.stringify(node[field])}`, [...at, field]);
    }
    const phases = asArray(row.phases) as NodeStatus[];
    // The first phase when there is one, else `phases` itself (missing, empty or not a list).
    if (phases[0] !== "pending") issues.add("ground-truth-phases-invalid", "phases start at pending", phases.length > 0 ? [...at, "phases", 0] : [...at, "phases"]);
    for (let k = 1; k < phases.length; k++) {
      const problem = checkTransition(phases[k - 1] as NodeStatus, phases[k] as NodeStatus);
      if (problem) {
        issues.add("ground-truth-phases-invalid", problem.message, [...at, "phases", k]);
        break;
      }
    }
    if (phases.at(-1) !== row.status) issues.add("ground-truth-phases-invalid", `the last phase is ${JSON.stringify(phases.at(-1))}, but status is ${JSON.stringify(row.status)}`, [...at, "status"]);
  });
  return validationResult<GroundTruthRow[]>(rows, issues);
}

/** Array.isArray, false for a revoked Proxy (on which it throws; the scan reports it). */
function isReadableArray(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}
