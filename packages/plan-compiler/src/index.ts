export { compileExecutablePlan, type CompileResult } from "./compile.js";
export { CompileOptionsError, type CompileOptions, type PlanFormatChoice } from "./options.js";
