import type { NodeStatus, ValidationIssue } from "@graphenix/contracts";
import { makeIssue } from "@graphenix/core";

/** The node lifecycle (DESIGN §6.9): the states each state may move to. */
export const NODE_TRANSITIONS: Readonly<Record<NodeStatus, readonly NodeStatus[]>> = {
  pending: ["ready", "skipped"],
  ready: ["running", "skipped"],
  running: ["succeeded", "failed"],
  succeeded: [],
  failed: [],
  skipped: [],
};

export const TERMINAL_STATUSES: ReadonlySet<NodeStatus> = new Set(["succeeded", "failed", "skipped"]);

/** Undefined when `from → to` is allowed, else a `node_transition_invalid` issue. */
export function checkTransition(from: NodeStatus, to: NodeStatus, path: readonly (string | number)[] = []): ValidationIssue | undefined {
  // `from` may come from a user's document (ground-truth rows): only a string can name a status.
  const allowed = typeof from === "string" && Object.prototype.hasOwnProperty.call(NODE_TRANSITIONS, from) ? NODE_TRANSITIONS[from] : [];
  if (allowed.includes(to)) return undefined;
  return makeIssue("node_transition_invalid", `a node cannot go from ${JSON.stringify(from)} to ${JSON.stringify(to)}; from ${JSON.stringify(from)} it may go to ${allowed.length ? allowed.join(" or ") : "nothing (it has ended)"}`, path);
}
