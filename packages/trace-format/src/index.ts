export { validateTrace } from "./validate-trace.js";
export { bindTraceToPlan, type BindResult } from "./bind.js";
export { EXECUTION_TRACE_FORMAT, EXECUTABLE_PLAN_FORMAT_V2 } from "@graphenix/contracts";
export { bindGroundTruthToPlanGraph } from "./ground-truth.js";
export { bindMplpTrace } from "./mplp.js";
export { simulateTrace, type SimulationScript } from "./simulate.js";
export { prepareTraceBinding, type TraceBinder } from "./bind.js";
export { MAX_INLINE_PAYLOAD_BYTES } from "./payload.js";
