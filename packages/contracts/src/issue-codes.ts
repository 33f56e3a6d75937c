/**
 * The issue-code catalog. Every code any Graphenix package can emit is listed here, with the
 * package that owns it and a one-line meaning; docs/issue-codes.md documents each one and a test
 * keeps the two identical. Codes are stable: a code is never renamed or reused for a new meaning.
 */
export interface IssueCodeInfo {
  /** The package (without scope) that emits the code. */
  readonly owner: "core" | "authoring-format" | "plan-graph" | "plan-format" | "plan-compiler" | "trace-format" | "cli";
  /** One line, in glossary words. */
  readonly summary: string;
}

export const ISSUE_CODES = {
  // @graphenix/core — parsing JSON text
  "json-syntax": { owner: "core", summary: "The text is not JSON: an unexpected character, a missing delimiter or an unterminated value." },
  "json-duplicate-key": { owner: "core", summary: "An object has the same member name twice; JSON.parse would silently keep the last." },
  "json-depth-limit": { owner: "core", summary: "Arrays and objects are nested deeper than the parser's maxDepth limit." },
  "json-size-limit": { owner: "core", summary: "The document is larger than the parser's maxBytes limit (UTF-8 bytes)." },
  "json-lone-surrogate": { owner: "core", summary: "A string or member name contains an unpaired UTF-16 surrogate escape, which has no UTF-8 form." },
  "json-invalid-utf8": { owner: "core", summary: "The input bytes are not well-formed UTF-8." },
  "json-number-out-of-range": { owner: "core", summary: "A number is too large in magnitude for a double; JSON.parse would turn it into Infinity." },
  "json-byte-order-mark": { owner: "core", summary: "The text starts with a byte order mark, which JSON text must not carry (RFC 8259 §8.1)." },
  // @graphenix/core — RFC 8785 canonicalization
  "jcs-non-finite-number": { owner: "core", summary: "NaN or an infinity cannot be written as JSON." },
  "jcs-lone-surrogate": { owner: "core", summary: "A string or member name contains an unpaired UTF-16 surrogate, which RFC 8785 cannot encode." },
  "jcs-cycle": { owner: "core", summary: "The value refers to itself; JSON is a tree." },
  "jcs-unsupported-type": { owner: "core", summary: "A value that is not JSON: undefined (also an array hole), a BigInt, a function or a symbol." },
  "jcs-non-plain-object": { owner: "core", summary: "An object that is not a plain object or array (Date, Map, a class instance, anything with toJSON)." },
  "jcs-too-large": { owner: "core", summary: "The canonical text would be longer than the largest string JavaScript can hold." },
  "jcs-depth-limit": { owner: "core", summary: "The value is nested deeper than the canonicalizer's maxDepth limit." },
  // @graphenix/core — shared by every format validator
  "format-missing": { owner: "core", summary: "The document has no `format` member, so it cannot be told which format it is." },
  "format-unsupported": { owner: "core", summary: "The document's `format` is not one this validator reads; the message names the ones it does." },
  "document-depth-limit": { owner: "core", summary: "The document is nested deeper than the validator's maxDepth limit." },
  "document-string-limit": { owner: "core", summary: "A string or member name is longer than the validator's maxStringLength limit." },
  "forbidden-credential-key": { owner: "core", summary: "A member name says it holds a credential (password, token, API key, …); credentials never belong in these documents." },
  "forbidden-credential-value": { owner: "core", summary: "A string looks like a credential (bearer token, private key, well-known token shapes)." },
  "document-non-json": { owner: "core", summary: "A value JSON cannot carry, in a document given as an in-memory value: NaN, Infinity, undefined, a BigInt, a function, a Date or class instance, an unpaired surrogate." },
  "issues-truncated": { owner: "core", summary: "More issues were found than maxIssues allows; this last issue says how many were left out." },
  "schema-required": { owner: "core", summary: "A required member is missing." },
  "schema-unknown-member": { owner: "core", summary: "A member the schema does not declare; nothing is silently ignored." },
  "schema-type": { owner: "core", summary: "A value has the wrong JSON type." },
  "schema-enum": { owner: "core", summary: "A value is not one of the allowed values." },
  "schema-pattern": { owner: "core", summary: "A string does not have the required form (identifier, digest, timestamp, …)." },
  "schema-length": { owner: "core", summary: "A string is shorter or longer than allowed." },
  "schema-range": { owner: "core", summary: "A number is outside the allowed range." },
  "schema-size": { owner: "core", summary: "An array or object has fewer or more entries than allowed." },
  "schema-property-name": { owner: "core", summary: "A member name (such as a node id used as a key) does not have the required form." },
  "schema-discriminator": { owner: "core", summary: "An unknown kind: the `type` or `kind` member names no known variant." },
  "schema-invalid": { owner: "core", summary: "The value fails another schema rule; the message says which." },
  // @graphenix/authoring-format — authoring and normalized graphs
  "node-id-mismatch": { owner: "authoring-format", summary: "A node's `id` member differs from the key it is stored under." },
  "edge-unknown-node": { owner: "authoring-format", summary: "An edge's `from` or `to` names a node the graph does not have." },
  "edge-duplicate": { owner: "authoring-format", summary: "The same edge (`from` → `to`) is listed twice." },
  "graph-cycle": { owner: "authoring-format", summary: "The edges form a cycle; the message lists its node ids in order. Graphs must be DAGs." },
  "graph-node-limit": { owner: "authoring-format", summary: "The graph has more nodes than the maxNodes limit." },
  "callgraph-self-call": { owner: "authoring-format", summary: "A callGraph node calls the graph it belongs to." },
  "model-case-unknown": { owner: "authoring-format", summary: "A model case is referenced that does not exist." },
  "profile-key-malformed": { owner: "authoring-format", summary: "A profile choice key is not of the form `tier/variant` (lowercase letters, digits, dashes)." },
  "main-only-field": { owner: "authoring-format", summary: "`inputsConfig` or `smartInput` on a PRE- or POST-phase utility: they are MAIN-only." },
  "fact-guard-policy-required": { owner: "authoring-format", summary: "A fact-guard with `enabled: true` has no `policyId`." },
  "fact-guard-not-allowed": { owner: "authoring-format", summary: "A fact-guard on a utility other than `synthesis`, `polish` or `audit`, or on a MAIN-phase wrapper." },
  "task-skill-key-missing": { owner: "authoring-format", summary: "A task node has no `skillKey`: it would have no MAIN skill unit." },
  "normalized-graph-inconsistent": { owner: "authoring-format", summary: "A normalized graph's derived members (`nodeOrder`, `dependsOn`, edge order) disagree with its nodes and edges." },
  // @graphenix/plan-format — executable plans
  "plan-created-at-invalid": { owner: "plan-format", summary: "`createdAt` has the right form but is not a real date." },
  "plan-source-hash-mismatch": { owner: "plan-format", summary: "`runtimeBinding.sourceGraphHash` differs from `source.graphHash`." },
  "plan-registry-hash-mismatch": { owner: "plan-format", summary: "`runtimeBinding.profileRegistryHash` differs from `profileRegistry.registryHash`." },
  "plan-hash-mismatch": { owner: "plan-format", summary: "`planHash` is not the digest of the plan without `planHash`: the plan changed after hashing." },
  "plan-graph-mismatch": { owner: "plan-format", summary: "The embedded graph is not the one `source` names (id, revision, format version or hash)." },
  "plan-v1-unsupported": { owner: "plan-format", summary: "A v1 plan's graph uses what v1 cannot run: validation, mapping or callGraph nodes, local skills, MAIN-phase wrappers, skill input synthesis, conditional edges." },
  "node-plan-missing": { owner: "plan-format", summary: "A non-finalizer node of the graph has no node plan." },
  "finalizer-plan-missing": { owner: "plan-format", summary: "A finalizer node of the graph has no finalizer plan." },
  "node-plan-unknown-node": { owner: "plan-format", summary: "A node or finalizer plan for a node the graph does not have, or in the wrong collection." },
  "node-plan-id-mismatch": { owner: "plan-format", summary: "A plan's `nodeId`, or a unit's `nodeId`, differs from the key of the plan holding it." },
  "node-plan-graph-mismatch": { owner: "plan-format", summary: "A node plan's `nodeType`, `executionClass` or `skillKey` differs from its graph node." },
  "case-selection-missing": { owner: "plan-format", summary: "A planned node has no entry (with its explanation) in `caseSelection.nodes`." },
  "case-selection-mismatch": { owner: "plan-format", summary: "A node plan's `selectedCases` disagrees with the plan's frozen `caseSelection`." },
  "model-slot-unresolved": { owner: "plan-format", summary: "A unit uses a model slot its node plan does not resolve." },
  "model-slot-mismatch": { owner: "plan-format", summary: "A unit's `modelSelection` or `modelSource` differs from its node's binding for that slot." },
  "unit-model-slot-mismatch": { owner: "plan-format", summary: "A unit's model slot does not fit its kind (PRE → preActionModel, MAIN skill → skillModel, POST → postActionModel, finalizer → finalizerModel, no model for local and special units)." },
  "direct-model-forbidden": { owner: "plan-format", summary: "A `directModel` selection while the plan's direct model policy is not `allow`." },
  "unit-id-duplicate": { owner: "plan-format", summary: "Two units of the plan share a `unitId`." },
  "unit-order-duplicate": { owner: "plan-format", summary: "Two units of one node share an `order`." },
  "unit-order-unsorted": { owner: "plan-format", summary: "`order` decreases along a node's `executionUnits`: units must be listed in run order." },
  "unit-phase-order": { owner: "plan-format", summary: "A unit of an earlier run phase after a later one: the order is PRE → MAIN → POST." },
  "unit-kind-not-allowed": { owner: "plan-format", summary: "A unit kind that does not belong in this node's plan (e.g. mainSkill on a local task, a finalizer unit in a node plan)." },
  "main-skill-missing": { owner: "plan-format", summary: "A task node plan without its MAIN skill unit." },
  "main-skill-duplicate": { owner: "plan-format", summary: "A task node plan with more than one MAIN skill unit." },
  "pre-reads-mismatch": { owner: "plan-format", summary: "A PRE unit's `invokeContract.reads` or `unitParams.memoryPaths` is not the node's `inputSynthesis.sources` (or `[]` when none are authored)." },
  "plan-forbidden-field": { owner: "plan-format", summary: "Run evidence on a plan (trace events, provider responses, execution logs); it belongs in a trace." },
  "invoke-mode-mismatch": { owner: "plan-format", summary: "A v2 unit's `invokeMode` is not the one its `unitKind` calls for." },
  "invoke-contract-missing": { owner: "plan-format", summary: "A v2 unit invoked as externalRunTask, mainRunTask or pipelinePhase has no `invokeContract`." },
  "deferred-gate-missing": { owner: "plan-format", summary: "A conditional edge of the graph has no deferred gate." },
  "deferred-gate-unknown-edge": { owner: "plan-format", summary: "A deferred gate that is not a conditional edge of the graph, or whose condition differs from the edge's." },
  "deferred-gate-duplicate": { owner: "plan-format", summary: "Two deferred gates share an id, or gate the same edge." },
  "node-index-inconsistent": { owner: "plan-format", summary: "`nodeIndex` is not every node once in the graph's `nodeOrder`, with positions, waves, types and dependencies as they are." },
  "runtime-expectations-mismatch": { owner: "plan-format", summary: "`runtimeExpectations` does not list exactly the unit kinds and invoke modes the units use." },
  "source-path-unresolved": { owner: "plan-format", summary: "A `sourcePath` that does not point into the embedded graph." },
  // @graphenix/plan-compiler — compiling plans
  "compile-registry-missing": { owner: "plan-compiler", summary: "Neither the runtime object nor `options.profileRegistry` names a profile registry." },
  "compile-registry-conflict": { owner: "plan-compiler", summary: "`options.profileRegistry` and the runtime object's `profileRegistry` disagree." },
  "compile-runtime-unknown-node": { owner: "plan-compiler", summary: "The runtime object overrides the model case of a node the graph does not have." },
  "compile-v1-unsupported": { owner: "plan-compiler", summary: "The graph uses something a v1 plan cannot express (local skills, wrappers, input synthesis, special nodes, conditional edges); compile to v2." },
  // @graphenix/plan-graph — plan execution model reason codes (snake_case, as engines write them)
  "plan_type_reserved": { owner: "plan-graph", summary: "The plan type is reserved (sequence, campaign, adaptive; matrix when turned off): nothing is produced." },
  "config_schema_invalid": { owner: "plan-graph", summary: "The scenario plan or inventory does not make sense: an axis not expanded with other than one value, expand naming no axis, an atomic plan with several templates, …" },
  "plan_expansion_empty_axis": { owner: "plan-graph", summary: "An expanded axis has no values (e.g. the targets selector matches no asset)." },
  "plan_expansion_limit": { owner: "plan-graph", summary: "The expansion would make more nodes than max_nodes; decided from the axis sizes before any node is built." },
  "action_key_collision": { owner: "plan-graph", summary: "Two nodes of one expansion would run the same action (same action_key)." },
  "action_id_collision": { owner: "plan-graph", summary: "Two nodes of one expansion got the same action_id." },
  "plan_graph_duplicate_id": { owner: "plan-graph", summary: "Two nodes of a plan graph share an action_id, an action_key or a node_ordinal." },
  "plan_graph_ordinal_gap": { owner: "plan-graph", summary: "node_ordinal values are not 0, 1, 2, … in node order." },
  "plan_graph_edge_unknown_node": { owner: "plan-graph", summary: "An edge names an action_id that is not a node of the graph." },
  "plan_graph_cell_invalid": { owner: "plan-graph", summary: "A node's cell disagrees with the others: paths differ, coord keys are not the path." },
  "plan_graph_identity_mismatch": { owner: "plan-graph", summary: "A node's action_key or action_id is not the one its basis gives." },
  "plan_graph_cycle": { owner: "plan-graph", summary: "The edges form a cycle; the message lists its action ids in order. Nothing runs." },
  "node_transition_invalid": { owner: "plan-graph", summary: "A node lifecycle transition that is not allowed (e.g. succeeded → running)." },
  "fail_fast_skipped": { owner: "plan-graph", summary: "Reason code of a node skipped because fail_fast stopped the run after a failure." },
  "executor_error": { owner: "plan-graph", summary: "Reason code of a node whose executor threw instead of reporting an outcome." },
  "node_failed": { owner: "plan-graph", summary: "Reason code of a node whose executor reported a failure without a reason code of its own." },
  "dependency_failed": { owner: "plan-graph", summary: "Reason code of a node skipped because a node it depends on failed or was skipped." },
  // @graphenix/plan-graph — MPLP plans, our stricter profile
  "mplp-protocol-unsupported": { owner: "plan-graph", summary: "meta.protocol_version is not the MPLP version this package reads (1.0.0)." },
  "mplp-step-id-duplicate": { owner: "plan-graph", summary: "Two steps of an MPLP plan share a step_id." },
  "mplp-dependency-unknown": { owner: "plan-graph", summary: "A step depends on a step id that is not a step of the same plan." },
  "mplp-dependency-cycle": { owner: "plan-graph", summary: "Step dependencies form a cycle (a step depending on itself included); the message lists the step ids." },
  "mplp-status-inconsistent": { owner: "plan-graph", summary: "Statuses that contradict each other: a plan not started with started steps, a completed plan with unfinished steps, a step running or done before its dependencies." },
  "mplp-plan-transition-invalid": { owner: "plan-graph", summary: "A plan status change outside the plan transition table." },
  "mplp-step-transition-invalid": { owner: "plan-graph", summary: "A step status change outside the step transition table." },
  "mplp-approval-missing": { owner: "plan-graph", summary: "The plan is in progress (or later) without an approved Confirm targeting it, while governance requires one." },
  "mplp-step-untraceable": { owner: "plan-graph", summary: "A completed step that no trace segment (attributes.step_id) or event (data.step_id) names." },
  "mplp-trace-plan-mismatch": { owner: "plan-graph", summary: "A trace given as evidence is for another plan (plan_id)." },
  // @graphenix/cli — reading input
  "io-unreadable": { owner: "cli", summary: "The input file or stream could not be read (missing, a directory, no permission)." },
  "io-unwritable": { owner: "cli", summary: "The output file could not be written." },
} as const satisfies Record<string, IssueCodeInfo>;

export type KnownIssueCode = keyof typeof ISSUE_CODES;

export function isKnownIssueCode(code: string): code is KnownIssueCode {
  return Object.prototype.hasOwnProperty.call(ISSUE_CODES, code);
}
