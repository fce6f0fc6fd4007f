/**
 * A receipt to send back to the officer, in plain words: what became of the return and why, the
 * errors to correct and the warnings still to explain (each with its sheet and cell), the warnings
 * already explained (as explained), what to do next and by when, and the file's SHA-256 at the end,
 * labelled - no internal codes. The command line writes one file per input (`--receipts DIR`); the
 * task pane downloads the same text (one .txt, or a .zip of them); email drafts attach it. Names
 * and text from the file are made safe.
 */
import { monthLabel, parseIsoMonth } from "../calendar";
import type { CheckIssue } from "../checks";
import { placeInWords as place } from "../checks/report-text";
import { plural } from "../format";
import { baseName, safeText } from "../safe-text";
import { lastMonthReported, nextMonthDue, nextStep, statusWordOf, type DayParts } from "./next-step";
import type { FileOutcome } from "./types";

/** Issues listed a section; the rest are counted. */
export const RECEIPT_ISSUES_LISTED = 50;

const label = (name: string) => `${name}:`.padEnd(19);


function section(title: string, issues: readonly CheckIssue[]): string[] {
  if (issues.length === 0) return [];
  const lines = ["", `${title} (${issues.length.toLocaleString("en-GB")}):`];
  for (const issue of issues.slice(0, RECEIPT_ISSUES_LISTED)) {
    lines.push(`  ${place(issue)}: ${safeText(issue.message, 400)}`);
    if (issue.explanation) lines.push(`    Your explanation: ${safeText(issue.explanation, 300)}`);
  }
  if (issues.length > RECEIPT_ISSUES_LISTED) lines.push(`  ... and ${plural(issues.length - RECEIPT_ISSUES_LISTED, "more")} (run Check in the add-in to see them all)`);
  return lines;
}

/** The receipt for one file, as on `asOf` (the day the next month's due date is worked out from). */
export function receiptText(f: FileOutcome, asOf: DayParts, dueDay?: number): string {
  const s = f.submission;
  const lines = ["Impact Returns - receipt for a return sent to the centre", "", `${label("Return")}${safeText(baseName(f.file), 200)}`];
  if (f.organisationCode) lines.push(`${label("Organisation")}${f.organisation ? `${safeText(f.organisation, 120)} (${safeText(f.organisationCode, 40)})` : safeText(f.organisationCode, 40)}`);
  if (f.reportingYearStart) {
    const months = f.monthsReported !== undefined ? ` (${plural(f.monthsReported, "month")} reported)` : "";
    lines.push(`${label("Reporting year")}from ${monthLabel(parseIsoMonth(f.reportingYearStart)!)}${months}`);
  }
  // The centre's own folders are not the officer's business: the file is named by its name alone.
  const reason = f.file && f.file !== baseName(f.file) ? f.reason.split(f.file).join(baseName(f.file)) : f.reason;
  lines.push(`${label("Outcome")}${statusWordOf(f)}`, `${label("Why")}${safeText(reason, 1000)}`);
  if (s?.signOffNote) lines.push(`${label("Sign-off")}${safeText(s.signOffNote, 600)}`);
  if (f.errors !== undefined) {
    const explained = f.explained ? `; ${plural(f.explained, "warning")} explained` : "";
    lines.push(`${label("Check")}${plural(f.errors, "error")} to correct, ${plural(f.warnings ?? 0, "warning")} to explain or correct${explained}`);
  }
  const issues = s?.issues ?? [];
  lines.push(
    ...section("Errors to correct", issues.filter((i) => i.severity === "error")),
    ...section("Warnings to explain or correct", issues.filter((i) => i.severity !== "error" && !i.accepted)),
    ...section("Warnings you explained (nothing more to do)", issues.filter((i) => i.severity !== "error" && i.accepted)),
  );
  const next = nextMonthDue(lastMonthReported(f), f.reportingYearStart, asOf, dueDay);
  lines.push("", `${label("What to do next")}${nextStep(f, next.by)}`);
  if (f.status !== "rejected" && f.status !== "held") {
    for (const o of next.overdue) lines.push(`${label("Overdue")}${monthLabel(o.month)}: due by ${o.by} and not yet received - please send it now`);
    lines.push(`${label("Next return due")}${monthLabel(next.month)}, by ${next.by}`);
  }
  lines.push("", `File fingerprint (SHA-256): ${f.sha256 || "none (the file could not be read)"}`, "");
  return lines.join("\n");
}

/**
 * The receipts' file names, one per file in order: `<file name without .xlsx>.receipt.txt`, with
 * characters a file name cannot safely hold as "_", and " (2)", " (3)"... for names already used
 * (compared without regard to case, as Windows and macOS do).
 */
export function receiptFileNames(files: readonly { file: string }[]): string[] {
  const used = new Set<string>();
  return files.map((f) => {
    const stem = baseName(f.file).replace(/\.xlsx$/i, "").replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 120) || "file";
    let name = `${stem}.receipt.txt`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n}).receipt.txt`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Each file's receipt with its file name, in order. */
export function receipts(files: readonly FileOutcome[], asOf: DayParts, dueDay?: number): { name: string; text: string }[] {
  const names = receiptFileNames(files);
  return files.map((f, i) => ({ name: names[i]!, text: receiptText(f, asOf, dueDay) }));
}
