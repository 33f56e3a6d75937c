/**
 * Member names that carry run evidence, which belongs in traces and never on a plan (credentials
 * are found by the same document scan). Compared after removing `-`, `_`, `.` and lowering the
 * case; the exact list is in docs/executable-plan.md. The scan every plan validation runs
 * reports them (`plan-forbidden-field`), at any depth, in its single walk over the plan.
 */
// Specific names only: generic ones such as `events` or `logs` are also ordinary ids and
// utility parameters, and would turn valid designs into uncompilable ones.
export const FORBIDDEN_PLAN_MEMBERS: ReadonlySet<string> = new Set([
  "traceevents",
  "providerresponse",
  "providerresponses",
  "rawresponse",
  "rawresponses",
  "executionlog",
  "executionlogs",
]);

export const RUN_EVIDENCE = {
  names: FORBIDDEN_PLAN_MEMBERS,
  code: "plan-forbidden-field",
  message: (name: string) => `${JSON.stringify(name)} is run evidence (trace events, provider responses, execution logs); it belongs in a trace, never on a plan`,
} as const;
