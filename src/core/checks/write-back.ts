/**
 * Writing a check's results into the workbook, as pure plans: the Checks table (the to-do list,
 * keeping explanations typed against warnings) and the sign-off ("Mark ready to send").
 */
import { CHECKS_HEADERS, FIELD, FRAMEWORK_INFO_HEADERS, RETURN_DETAILS_HEADERS, SEVERITY_LABEL, SHEET, TABLE } from "../layout/contract";
import { norm, readReturn, text, viewOfRows, type ReturnData } from "../return";
import { CHECKS_COLUMN_WIDTHS, CHECKS_LIST_STYLE, CHECKS_WRAPPED, EXPLANATION_HEADER, ISSUE_KEY_HEADERS } from "../sheets/checks";
import { cellAddress, rangeAddress } from "../layout/a1";
import { excelSerial } from "../calendar";
import { findSheet, findTable, isBlank, type CellValue, type PlannedCell, type WorkbookOperation, type WorkbookSnapshot } from "../workbook/types";
import { returnChecksum } from "./checksum";
import { SIGN_OFF_CELLS_KEY, signOffCellsText } from "./sign-off-cells";
import { issueKey } from "./group";
import { catalogueEntry } from "./catalogue";
import type { CheckIssue, CheckResult } from "./types";
import { REFUSAL } from "../refusals";

/**
 * The Data checksum cell holds the SHA-256 in hex for tools, but officers see words: a number
 * format whose text section is a literal shows that literal in place of any text value.
 */
export const CHECKSUM_SHOWN_AS = '"Recorded at sign-off";"Recorded at sign-off";"Recorded at sign-off";"Recorded at sign-off"';

/** Explanations typed in the Checks table, by issue key (code|sheet|cell). */
export function readExplanations(snapshot: WorkbookSnapshot): Map<string, string> {
  const table = findTable(snapshot, TABLE.checks);
  return table ? explanationsIn(table.headers, table.values) : new Map<string, string>();
}

/** Explanations in the Checks table's cells as read: its headers and body rows (columns found as the return reader finds them). */
export function explanationsIn(headers: readonly CellValue[], rows: readonly (readonly CellValue[])[]): Map<string, string> {
  const explanations = new Map<string, string>();
  const view = viewOfRows(TABLE.checks, headers, rows, CHECKS_HEADERS);
  const [code, sheet, cell] = ISSUE_KEY_HEADERS.map((h) => view.col(h));
  const explanation = view.col(EXPLANATION_HEADER);
  if (code === undefined || sheet === undefined || cell === undefined || explanation === undefined) return explanations;
  for (let i = 0; i < view.rowCount; i++) {
    const typed = view.value(i, explanation);
    if (isBlank(typed)) continue;
    explanations.set(issueKey({ code: text(view.value(i, code)), sheet: text(view.value(i, sheet)), cell: text(view.value(i, cell)) }), String(typed).trim());
  }
  return explanations;
}

/** Explanations in `now` that are new or different from `before` (typed between a read and a write). */
export function explanationsTypedSince(before: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>): Map<string, string> {
  const added = new Map<string, string>();
  for (const [key, text] of now) if (before.get(key) !== text) added.set(key, text);
  return added;
}

/** Errors first, then warnings still open, then accepted warnings; each in sheet order. */
export function orderForList(issues: readonly CheckIssue[]): CheckIssue[] {
  const rank = (i: CheckIssue) => (i.severity === "error" ? 0 : i.accepted ? 2 : 1);
  return issues.map((issue, index) => ({ issue, index })).sort((a, b) => rank(a.issue) - rank(b.issue) || a.index - b.index).map((x) => x.issue);
}

/** Why the Checks list cannot be written, or undefined. */
export function checksSheetProblem(snapshot: WorkbookSnapshot): string | undefined {
  const sheet = findSheet(snapshot, SHEET.checks);
  if (sheet && !sheet.tables.some((t) => t.toLowerCase() === TABLE.checks.toLowerCase())) {
    return REFUSAL.foreignSheet("check", sheet.name, `${TABLE.checks} table`).message;
  }
  return undefined;
}

/** What a check was, in words, for the Checks table's `Check` column: the catalogue's title for the code. */
export function checkTitle(code: string): string {
  return catalogueEntry(code)?.title ?? code;
}

/**
 * Operations that replace the Checks table's rows with this result's issues (one batch, no reads).
 * A list made by an earlier version (without the `Check` column) is rewritten with every column,
 * the new ones given their widths: the columns it had keep their places and widths.
 */
export function planChecksList(snapshot: WorkbookSnapshot, result: CheckResult): WorkbookOperation[] {
  const rows: PlannedCell[][] = orderForList(result.issues).map((issue) => [
    SEVERITY_LABEL[issue.severity],
    issue.code,
    issue.sheet,
    issue.cell === "" ? null : issue.cell,
    issue.message,
    issue.explanation ?? null,
    checkTitle(issue.code),
  ]);
  if (rows.length === 0) rows.push(Array<PlannedCell>(CHECKS_HEADERS.length).fill(null));
  const ops: WorkbookOperation[] = [];
  const existing = findTable(snapshot, TABLE.checks);
  const sheet = existing?.sheet ?? SHEET.checks;
  if (existing) {
    ops.push({ kind: "deleteTable", table: TABLE.checks });
    ops.push({ kind: "clearContents", sheet, address: rangeAddress(existing.row, existing.column, existing.values.length + 1, Math.max(existing.headers.length, CHECKS_HEADERS.length)) });
  } else if (!findSheet(snapshot, sheet)) {
    ops.push({ kind: "addSheet", sheet });
  }
  const row = existing?.row ?? 0;
  const column = existing?.column ?? 0;
  ops.push({ kind: "addTable", sheet, table: TABLE.checks, address: rangeAddress(row, column, rows.length + 1, CHECKS_HEADERS.length), headers: CHECKS_HEADERS, rows, style: CHECKS_LIST_STYLE });
  ops.push({
    kind: "applyRules",
    sheet,
    rules: CHECKS_WRAPPED.map(({ index, entry }) => ({ address: rangeAddress(row + 1, column + index, rows.length, 1), wrap: true, ...(entry ? { locked: false } : {}) })),
  });
  // Widths: every column of a new list; of an earlier one, only the columns it lacked.
  const had = new Set((existing?.headers ?? []).map((h) => norm(h)));
  const widths = CHECKS_COLUMN_WIDTHS.map((w, i) => ({ column: column + i, characters: w.characters, ...(w.hidden ? { hidden: true } : {}), header: w.header })).filter((w) => !had.has(norm(w.header)));
  if (widths.length > 0) ops.push({ kind: "setColumnWidths", sheet, widths: widths.map(({ header: _header, ...w }) => w) });
  if (!existing) ops.push({ kind: "freeze", sheet, rows: row + 1, columns: 0 });
  return ops;
}

/**
 * Warnings still to fix or explain before sign-off. Signing off again is how a change after
 * sign-off is dealt with, so that warning does not count.
 */
export function warningsBlockingSignOff(result: CheckResult): number {
  return result.issues.filter((i) => i.severity === "warning" && !i.accepted && i.code !== "changed-after-sign-off").length;
}

export interface SignOffPlan {
  /** Why the return cannot be marked ready, when it cannot. */
  refusal?: string;
  operations: WorkbookOperation[];
  checksum?: string;
}

/**
 * "Mark ready to send": only with no errors and every warning explained. Records who and when in
 * ReturnDetails with a checksum of the data, so the next check can tell if figures changed since.
 */
export function planSignOff(snapshot: WorkbookSnapshot, result: CheckResult, signedOffBy: string, today: Date): SignOffPlan {
  const who = signedOffBy.trim();
  if (result.notAReturn) return { refusal: `This workbook is not a return (${result.notAReturn}).`, operations: [] };
  if (result.summary.errors > 0) {
    const n = result.summary.errors;
    return { refusal: `The return has ${n} error${n === 1 ? "" : "s"} to fix before it can be marked ready to send.`, operations: [] };
  }
  const open = warningsBlockingSignOff(result);
  if (open > 0) {
    const n = open;
    return {
      refusal: `${n} warning${n === 1 ? " needs" : "s need"} fixing or an explanation (type it in the Explanation column of the Checks sheet) before the return can be marked ready to send.`,
      operations: [],
    };
  }
  if (who === "") return { refusal: "Type the name of the person signing off the return.", operations: [] };
  const data = readReturn(snapshot);
  const details = data.details;
  const field = details?.view.col(RETURN_DETAILS_HEADERS[0]);
  const value = details?.view.col(RETURN_DETAILS_HEADERS[1]);
  if (!details || field === undefined || value === undefined) return { refusal: "The ReturnDetails table is missing or damaged: run Set up to restore it.", operations: [] };
  const table = details.view.table;
  const rowOf = (name: string) => details.fields.get(norm(name))?.i ?? -1;
  const checksum = returnChecksum(data);
  const entries: [string, PlannedCell][] = [
    [FIELD.signedOffBy, who],
    [FIELD.signedOffOn, excelSerial(today.getFullYear(), today.getMonth() + 1, today.getDate())],
  ];
  const missing = entries.filter(([name]) => rowOf(name) < 0).map(([name]) => name);
  if (missing.length > 0) return { refusal: `ReturnDetails has no ${missing.join(", ")} field: run Set up to add it, then try again.`, operations: [] };
  const valueCell = (i: number) => cellAddress(table.row + 1 + i, table.column + value);
  const writes: WorkbookOperation[] = entries.map(([name, cell]) => ({ kind: "write", sheet: table.sheet, address: valueCell(rowOf(name)), cells: [[cell]] }));
  // The checksum has its own row, added below the return details at the first sign-off.
  const checksumRow = rowOf(FIELD.dataChecksum);
  if (checksumRow >= 0) {
    writes.push(
      { kind: "write", sheet: table.sheet, address: valueCell(checksumRow), cells: [[checksum]] },
      { kind: "applyRules", sheet: table.sheet, rules: [{ address: valueCell(checksumRow), numberFormat: CHECKSUM_SHOWN_AS }] },
    );
  } else {
    const row = table.headers.map((_, c): PlannedCell => (c === field ? FIELD.dataChecksum : c === value ? checksum : null));
    writes.push(
      { kind: "appendRows", table: table.name, rows: [row] },
      { kind: "applyRules", sheet: table.sheet, rules: [{ address: valueCell(table.values.length), locked: true, numberFormat: CHECKSUM_SHOWN_AS }] },
    );
  }
  return {
    operations: [{ kind: "unprotect", sheet: table.sheet }, ...writes, { kind: "protect", sheet: table.sheet }, ...recordCells(data, checksum)],
    checksum,
  };
}

/**
 * Keeps the fingerprints of the cells signed off in the FrameworkInfo row `Sign-off cells` on the
 * hidden Framework sheet (added at the first sign-off), so a later check can name the cells that
 * changed. Nothing when the workbook has no FrameworkInfo table: the check then points at the checksum.
 */
function recordCells(data: ReturnData, checksum: string): WorkbookOperation[] {
  const info = data.views.get(TABLE.frameworkInfo);
  const key = info?.col(FRAMEWORK_INFO_HEADERS[0]);
  const value = info?.col(FRAMEWORK_INFO_HEADERS[1]);
  if (!info || key === undefined || value === undefined) return [];
  const text = signOffCellsText(data, checksum);
  const table = info.table;
  let row = -1;
  for (let i = 0; i < info.rowCount && row < 0; i++) if (norm(info.value(i, key)) === norm(SIGN_OFF_CELLS_KEY)) row = i;
  const write: WorkbookOperation =
    row >= 0
      ? { kind: "write", sheet: table.sheet, address: cellAddress(table.row + 1 + row, table.column + value), cells: [[text === "" ? null : text]] }
      : { kind: "appendRows", table: table.name, rows: [table.headers.map((_, c): PlannedCell => (c === key ? SIGN_OFF_CELLS_KEY : c === value ? text || null : null))] };
  return [{ kind: "unprotect", sheet: table.sheet }, write, { kind: "protect", sheet: table.sheet }];
}
