/**
 * What an author sees for common mistakes, through the generated validators: one issue per
 * mistake, at the member itself, naming what was probably meant (an error-message review).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateAuthoringGraph, validateRuntimeObject } from "@graphenix/authoring-format";

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const example = (file: string): Doc => JSON.parse(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), "utf8")) as Doc;
const graph = () => example("content-pipeline.authoring.json");
const first = (doc: Doc): Doc => doc.nodes["node:audience-insights"] as Doc;
const lines = (result: { issues: readonly { pointer: string; code: string; message: string }[] }) => result.issues.map((i) => `${i.pointer}: ${i.code}: ${i.message}`);
const at = "/nodes/node:audience-insights";

describe("authoring error messages", () => {
  it("a misspelled member: did you mean, at the member", () => {
    const doc = graph();
    const params = first(doc).parameters as Doc;
    params.skilKey = params.skillKey;
    delete params.skillKey;
    expect(lines(validateAuthoringGraph(doc))[0]).toBe(`${at}/parameters/skilKey: schema-unknown-member: "skilKey" is not a member this object may have: did you mean "skillKey"?`);
  });

  it("an unknown node type or selection kind: the known ones are listed, with the one meant", () => {
    const doc = graph();
    first(doc).type = "Task";
    doc.modelCases.default.skillModel.kind = "profilechoice";
    expect(lines(validateAuthoringGraph(doc))).toEqual([
      `${at}/type: schema-discriminator: unknown type: expected one of "task", "finalizer", "validation", "mapping", "callGraph", got the string "Task": did you mean "task"?`,
      '/modelCases/default/skillModel/kind: schema-discriminator: unknown kind: expected one of "profileChoice", "directModel", got the string "profilechoice": did you mean "profileChoice"?',
    ]);
  });

  it("an unknown member far from any: the object's members are listed", () => {
    const doc = graph();
    (first(doc).parameters as Doc).foo = 1;
    expect(lines(validateAuthoringGraph(doc))).toEqual([
      `${at}/parameters/foo: schema-unknown-member: "foo" is not a member this object may have (its members: "skillKey", "taskConfiguration", "executionStrategies", "aiTaskProfile", "preActions", "postActions", "inputsConfig", "smartInput")`,
    ]);
  });

  it("a wrong enum value, a number written as a string, a bad version: the value is shown", () => {
    const doc = graph();
    first(doc).executionClass = "ai-task";
    first(doc).policies = { retry: { maxAttempts: "3" } };
    doc.revision = "1.0";
    expect(lines(validateAuthoringGraph(doc))).toEqual([
      '/revision: schema-pattern: the string "1.0" is not a valid SemVer: expected a semantic version MAJOR.MINOR.PATCH, such as "1.0.0" or "2.1.0-rc.1"',
      `${at}/policies/retry/maxAttempts: schema-type: expected integer, got the string "3"`,
      `${at}/executionClass: schema-enum: expected one of "aiTask", "local", got the string "ai-task": did you mean "aiTask"?`,
    ]);
    const runtime = example("content-pipeline.runtime.json");
    runtime.mode = "Live";
    expect(lines(validateRuntimeObject(runtime))).toEqual(['/mode: schema-enum: expected one of "live", "dryRun", "replay", got the string "Live": did you mean "live"?']);
  });

  it("one mistake, one issue: a missing type, an empty key", () => {
    const doc = graph();
    delete first(doc).type;
    expect(lines(validateAuthoringGraph(doc))).toEqual([`${at}/type: schema-required: the member "type" is required here`]);
    const empty = graph();
    (first(empty).parameters as Doc).skillKey = "";
    expect(lines(validateAuthoringGraph(empty))).toEqual([`${at}/parameters/skillKey: schema-length: must not be empty`]);
  });

  it("nodes that are not an object, or a node that is not one, do not make every edge unknown", () => {
    const renamed = graph();
    renamed.Nodes = renamed.nodes;
    delete renamed.nodes;
    expect(lines(validateAuthoringGraph(renamed))).toEqual(['/nodes: schema-required: the member "nodes" is required here', '/Nodes: schema-unknown-member: "Nodes" is not a member this object may have: did you mean "nodes"?']);
    const asArray = graph();
    asArray.nodes = Object.values(asArray.nodes as Doc);
    expect(validateAuthoringGraph(asArray).issues.map((i) => i.code)).toEqual(["schema-type"]);
    const nulled = graph();
    (nulled.nodes as Doc)["node:audience-insights"] = null;
    expect(validateAuthoringGraph(nulled).issues.map((i) => `${i.pointer} ${i.code}`)).toEqual([`${at} schema-type`]);
  });
});
