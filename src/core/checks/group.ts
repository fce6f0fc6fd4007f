/** Keys that match issues across re-checks, and the summary by issue type. */
import { catalogueEntry, catalogueOrder } from "./catalogue";
import type { CheckIssue, IssueGroup } from "./types";

/** A stable key for an issue (code|sheet|cell), used to match explanations typed against it on a later check. */
export function issueKey(issue: { code: string; sheet: string; cell: string }): string {
  return `${issue.code}|${issue.sheet}|${issue.cell}`;
}

/**
 * Groups issues by code: errors first, then warnings (groups whose warnings are all explained last), each in catalogue order; every group has its
 * count, how many are accepted (explained warnings) and the first `examples` issues in sheet order.
 */
export function groupIssues(issues: readonly CheckIssue[], examples = 3): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    let group = groups.get(issue.code);
    if (!group) {
      group = { code: issue.code, severity: issue.severity, title: catalogueEntry(issue.code)?.title ?? issue.code, count: 0, accepted: 0, examples: [] };
      groups.set(issue.code, group);
    }
    group.count++;
    if (issue.accepted) group.accepted++;
    if (group.examples.length < examples) group.examples.push(issue);
  }
  return [...groups.values()].sort(
    (a, b) => rank(a) - rank(b) || catalogueOrder(a.code) - catalogueOrder(b.code) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Errors, then warnings still to deal with, then warnings all explained. */
function rank(group: IssueGroup): number {
  if (group.severity === "error") return 0;
  return group.accepted === group.count ? 2 : 1;
}
