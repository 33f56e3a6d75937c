export type * from "./generated/index.js";
export * from "./formats.js";
export type * from "./json.js";
export type * from "./result.js";
export * from "./issue-codes.js";
