/**
 * IssueCollector.hasRoomFor: a caller with thousands of issues to report asks before building
 * each one; past the cap the issue is only counted, with its severity, exactly as push would
 * count it, so the closing issues-truncated says the same either way.
 */
import { describe, expect, it } from "vitest";
import { IssueCollector, makeIssue, truncatedCount } from "@graphenix/core";

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

describe("a walk that stops reading the document", () => {
  it("says so in its issues-truncated, as an error, even when nothing was counted", () => {
    const collector = new IssueCollector(1);
    collector.add("document-string-limit", "too long", ["a"]);
    collector.markUnchecked();
    expect(collector.errorCount).toBe(2);
    const issues = collector.finish();
    expect(issues).toHaveLength(2);
    expect(issues[1]).toMatchObject({ code: "issues-truncated", severity: "error" });
    expect(issues[1]?.message).toMatch(/^Issues may be missing: the rest of the document was not checked/);
    // The notice counts no issue of its own, wherever it is counted (the CLI's summary, a join).
    expect(truncatedCount(issues[1]!)).toBe(0);
    const outer = new IssueCollector(5);
    outer.pushAll(issues);
    const joined = outer.finish();
    expect(joined.map((i) => i.code)).toEqual(["document-string-limit", "issues-truncated"]);
    expect(joined[1]?.message).toMatch(/^Issues may be missing/);
    expect(truncatedCount(joined[1]!)).toBe(0);
  });

  it("keeps the count and the notice when joined into another collector", () => {
    const inner = new IssueCollector(1);
    for (const name of ["a", "b", "c"]) inner.add("document-string-limit", "too long", [name]);
    inner.markUnchecked();
    const innerIssues = inner.finish();
    expect(innerIssues[1]?.message).toMatch(/^2 more issue\(s\) were found but not reported, and the rest of the document was not checked/);
    const outer = new IssueCollector(5);
    outer.pushAll(innerIssues);
    const joined = outer.finish();
    expect(joined.map((i) => i.code)).toEqual(["document-string-limit", "issues-truncated"]);
    expect(joined[1]?.message).toMatch(/^2 more issue\(s\) were found but not reported, and the rest of the document was not checked/);
  });
});
