export { checkCompileOptions, compileExecutablePlan, type CompileResult } from "./compile.js";
// The formats it writes (DESIGN §4): engines pin what they read by these.
export { EXECUTABLE_PLAN_FORMAT, EXECUTABLE_PLAN_FORMAT_V2 } from "@graphenix/contracts";
export { CompileOptionsError, type CompileOptions, type PlanFormatChoice } from "./options.js";
