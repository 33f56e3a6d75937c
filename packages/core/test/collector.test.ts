/**
 * IssueCollector.hasRoomFor: a caller with thousands of issues to report asks before building
 * each one; past the cap the issue is only counted, with its severity, exactly as push would
 * count it, so the closing issues-truncated says the same either way.
 */
import { describe, expect, it } from "vitest";
import { IssueCollector, makeIssue } from "@graphenix/core";

function fill(collector: IssueCollector, severities: ("error" | "warning")[], ask: boolean) {
  severities.forEach((severity, i) => {
    if (ask && !collector.hasRoomFor(severity)) return;
    collector.push(makeIssue("trace-unit-not-executed", `unit ${i}`, ["units", i], { severity }));
  });
  return collector.finish();
}

describe("IssueCollector.hasRoomFor", () => {
  it("keeps the same issues and counts the rest as push does, by severity", () => {
    for (const severities of [["warning", "warning", "warning", "warning"], ["warning", "warning", "warning", "error"], ["error", "warning"]] as ("error" | "warning")[][]) {
      const asked = fill(new IssueCollector(2), severities, true);
      expect(asked).toEqual(fill(new IssueCollector(2), severities, false));
      expect(asked).toHaveLength(severities.length > 2 ? 3 : 2);
    }
    const onlyWarnings = fill(new IssueCollector(1), ["warning", "warning", "warning"], true);
    expect(onlyWarnings.at(-1)).toMatchObject({ code: "issues-truncated", severity: "warning" });
    expect(onlyWarnings.at(-1)?.message).toMatch(/^2 more issue/);
    expect(fill(new IssueCollector(1), ["warning", "error"], true).at(-1)).toMatchObject({ code: "issues-truncated", severity: "error" });
  });
});
