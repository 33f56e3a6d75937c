export { validateTrace } from "./validate-trace.js";
export { bindTraceToPlan, type BindResult } from "./bind.js";
export { EXECUTION_TRACE_FORMAT, EXECUTABLE_PLAN_FORMAT_V2 } from "@graphenix/contracts";
export { bindGroundTruthToPlanGraph } from "./ground-truth.js";
export { bindMplpTrace } from "./mplp.js";
export { simulateTrace, type SimulationScript } from "./simulate.js";
export { prepareTraceBinding, type TraceBinder } from "./bind.js";
export { MAX_INLINE_PAYLOAD_BYTES } from "./payload.js";
// The document and result types of what this package reads and writes, so a project that
// installs only this package can name them (they are defined in @graphenix/contracts and core).
export type { GraphExecutionTrace, ValidationIssue, ValidationResult } from "@graphenix/contracts";
export type { ValidationLimits, ValidationOptions } from "@graphenix/core";
