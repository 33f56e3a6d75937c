export { checkCompileOptions, compileExecutablePlan, type CompileResult } from "./compile.js";
// The formats it writes (DESIGN §4): engines pin what they read by these.
export { EXECUTABLE_PLAN_FORMAT, EXECUTABLE_PLAN_FORMAT_V2 } from "@graphenix/contracts";
export { CompileOptionsError, type CompileOptions, type PlanFormatChoice } from "./options.js";
// The document and result types of what this package reads and writes, so a project that
// installs only this package can name them (they are defined in @graphenix/contracts and core).
export type { ExecutableGraphPlan, ExecutableGraphPlanV2, ValidationIssue, ValidationResult } from "@graphenix/contracts";
export type { ValidationLimits } from "@graphenix/core";
