/**
 * A receipt to send back to the officer: plain UTF-8 text, one line per fact, the check report
 * after. The command line writes one file per input (`--receipts DIR`); the task pane downloads
 * the same text (one .txt, or a .zip of them). Names and text from the file are made safe.
 */
import { monthLabel, parseIsoMonth } from "../calendar";
import type { CheckResult } from "../checks";
import { checkReportText } from "../checks/report-text";
import { plural } from "../format";
import { baseName, safeText } from "../safe-text";
import type { FileOutcome } from "./types";

export function receiptText(f: FileOutcome): string {
  const s = f.submission;
  const lines = [
    "Impact Returns - receipt for a return sent to the centre",
    "",
    `File:              ${safeText(baseName(f.file), 200)}`,
    `SHA-256:           ${f.sha256 || "not worked out (the file could not be read)"}`,
    `Status:            ${f.status}`,
    `Reason:            ${safeText(f.reason, 1000)}`,
  ];
  if (f.organisationCode) lines.push(`Organisation:      ${safeText(f.organisation ?? "", 120)} (${safeText(f.organisationCode, 40)})`);
  if (f.reportingYearStart) lines.push(`Reporting year:    from ${monthLabel(parseIsoMonth(f.reportingYearStart)!)}`);
  if (f.monthsReported !== undefined) lines.push(`Months reported:   ${f.monthsReported}`);
  if (f.errors !== undefined) {
    const explained = f.explained ? `, ${plural(f.explained, "warning")} explained` : "";
    lines.push(`Check:             ${plural(f.errors, "error")}, ${plural(f.warnings ?? 0, "warning")}${explained}`);
  }
  if (s?.signOffNote) lines.push(`Sign-off:          ${safeText(s.signOffNote, 600)}`);
  if (s?.issues && s.issues.length > 0) {
    const result: CheckResult = {
      issues: s.issues,
      summary: { errors: s.errors, warnings: s.warnings, accepted: s.explained ?? s.issues.filter((i) => i.accepted).length },
      ...(s.framework ? { framework: { id: s.framework.id, version: s.framework.version } } : {}),
      ...(s.organisation ? { organisation: s.organisation } : {}),
      ...(s.organisationCode ? { organisationCode: s.organisationCode } : {}),
    };
    lines.push("", "Check report", "", checkReportText({ file: f.file, result }).trimEnd());
  }
  const what: Record<FileOutcome["status"], string> = {
    accepted: "Its figures are in the sector totals. Thank you.",
    superseded: "A newer submission from your organisation for the same year is used instead.",
    duplicate: "It is the same file as one already received, so it was not counted again.",
    held:
      f.errors
        ? "Its figures are not used until the errors are fixed: correct them (run Check in the add-in) and send the return again."
        : f.signOff === "changed"
          ? "Its figures are not used: it was changed after it was signed off. Check the changes, mark it ready to send again (in the add-in) and send it again."
          : "Its figures are not used until it is signed off: check it, mark it ready to send (in the add-in) and send it again.",
    rejected: "It could not be collated: see the reason, then send a corrected return.",
  };
  lines.push("", what[f.status], "");
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
export function receipts(files: readonly FileOutcome[]): { name: string; text: string }[] {
  const names = receiptFileNames(files);
  return files.map((f, i) => ({ name: names[i]!, text: receiptText(f) }));
}
