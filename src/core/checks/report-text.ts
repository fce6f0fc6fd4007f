/**
 * The check report as plain text: what `impact-returns check` prints and what a receipt carries
 * (src/core/collate/receipt.ts), so the command line and the task pane say the same. Like the
 * pane, a summary, then issues grouped by code with counts, listing up to EXAMPLES_PER_GROUP
 * issues a group (the rest counted). Text from the file is made safe (src/core/safe-text.ts).
 */
import { plural } from "../format";
import { baseName, safeText } from "../safe-text";
import { groupIssues } from "./group";
import type { CheckIssue, CheckResult, IssueGroup } from "./types";

/** Issues listed per group in the report; the rest are counted (all are in the command line's --json). */
export const EXAMPLES_PER_GROUP = 50;

/** A file checked, or the reason it could not be. */
export interface FileCheck {
  file: string;
  error?: string;
  result?: CheckResult;
}

/** Where an issue is, in words for people: "Measures sheet, cell F2" (or "Measures sheet" for the whole sheet). */
export function placeInWords(issue: Pick<CheckIssue, "sheet" | "cell">): string {
  const sheet = `${safeText(issue.sheet, 40)} sheet`;
  return issue.cell === "" ? sheet : `${sheet}, cell ${safeText(issue.cell, 20)}`;
}

function where(issue: CheckIssue): string {
  const name = safeText(issue.sheet, 40);
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name}'`;
  return issue.cell === "" ? `${sheet} (whole sheet)` : `${sheet}!${safeText(issue.cell, 20)}`;
}

function describeGroup(group: IssueGroup): string[] {
  const label = group.severity === "error" ? "Error" : group.accepted === group.count ? "Explained" : "Warning";
  const total = group.count.toLocaleString("en-GB");
  const count = group.accepted > 0 && group.accepted < group.count ? `${total}, ${group.accepted.toLocaleString("en-GB")} explained` : total;
  const lines = [`  ${label}: ${safeText(group.title, 120)} [${safeText(group.code, 60)}] (${count})`];
  for (const issue of group.examples) {
    lines.push(`    ${where(issue)}  ${safeText(issue.message, 400)}`);
    if (issue.explanation) lines.push(`      Explanation: ${safeText(issue.explanation, 300)}`);
  }
  const more = group.count - group.examples.length;
  if (more > 0) lines.push(`    ... and ${plural(more, "more issue")} of this kind`);
  return lines;
}

/** The report of one file checked; "" for a file that could not be checked (its reason is told elsewhere). */
export function checkReportText(check: FileCheck): string {
  const name = safeText(baseName(check.file), 120);
  if (check.error !== undefined || !check.result) return "";
  const r = check.result;
  const who = [r.organisation && safeText(r.organisation, 100), r.organisationCode && `(${safeText(r.organisationCode, 40)})`].filter(Boolean).join(" ");
  const framework = r.framework ? `${safeText(r.framework.id, 80)} version ${r.framework.version}` : "framework not known";
  const lines = [`${name}: ${who || "organisation not given"} - ${framework}`];
  const s = r.summary;
  if (s.errors === 0 && s.warnings === 0) {
    lines.push(`  No errors${s.accepted > 0 ? ` and no warnings still to deal with (${plural(s.accepted, "warning")} explained)` : " or warnings"}.`);
  } else {
    lines.push(`  ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}${s.accepted > 0 ? `, ${s.accepted.toLocaleString("en-GB")} explained` : ""}`);
  }
  if (r.signOff) lines.push(`  ${safeText(r.signOff.note, 400)}`);
  let cut = false;
  for (const group of groupIssues(r.issues, EXAMPLES_PER_GROUP)) {
    lines.push("");
    for (const line of describeGroup(group)) lines.push(line);
    cut ||= group.count > group.examples.length;
  }
  if (cut) lines.push("", `  Only the first ${EXAMPLES_PER_GROUP} issues of each kind are listed: run with --json for all ${plural(r.issues.length, "issue")}.`);
  return `${lines.join("\n")}\n`;
}
