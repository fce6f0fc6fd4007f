/** Shared machinery for the checks: collecting issues and reading numbers with their checks (cells are located by the return reader). */
export { sheetLocation, TableView, type Location } from "../return";
import type { HeaderFinding, Location, TableView } from "../return";
import type { CellValue } from "../workbook/types";
import { renderMessage, severityOf, type CheckCode, type MessageParams } from "./catalogue";
import type { CheckIssue } from "./types";
import { isExcelError, readNumber, type NumberSpec } from "./values";

export { describeNeed, type NumberSpec } from "./values";

export class IssueList {
  readonly issues: CheckIssue[] = [];

  /** Records an issue; its sentence comes from the code's catalogue entry and these parameters. */
  add<C extends CheckCode>(code: C, at: Location, params: MessageParams<C>, value?: CellValue): CheckIssue {
    const issue: CheckIssue = { severity: severityOf(code), code, sheet: at.sheet, cell: at.cell, row: at.row, column: at.column, message: renderMessage(code, params) };
    if (at.header !== undefined) issue.header = at.header;
    // A blank cell's value is left out, so Excel ("") and files (null) report alike.
    if (value !== undefined && value !== null && value !== "") issue.value = value;
    this.issues.push(issue);
    return issue;
  }
}

/** Reports the headers the reader found misspelt or missing. */
export function reportHeaderFindings(issues: IssueList, findings: readonly HeaderFinding[]): void {
  for (const f of findings) {
    if (f.kind === "misspelt") issues.add("misspelt-header", f.at, { header: f.header, table: f.table, expected: f.expected }, f.header);
    else issues.add("missing-header", f.at, { table: f.table, expected: f.expected });
  }
}

// --- Numbers --------------------------------------------------------------------------------------

/**
 * Reads a cell that should hold a number and reports what is wrong with it: Excel errors, formulas
 * without a result, text, numbers stored as text (read, with a warning), decimals, bounds.
 * Returns the number when it is usable for other checks (valid, even if it came from text).
 */
export function checkNumberCell(issues: IssueList, view: TableView, i: number, col: number, header: string, spec: NumberSpec): number | undefined {
  const value = view.value(i, col);
  const at = () => view.at(i, col, header);
  if (value === null && view.hasFormula(i, col)) {
    issues.add("formula-no-value", at(), { kind: "cell", what: spec.what, formula: view.formula(i, col) }, view.formula(i, col));
    return undefined;
  }
  const read = readNumber(value, spec.percent === true);
  switch (read.kind) {
    case "blank":
      return undefined;
    case "error":
      issues.add("cell-error", at(), { kind: "cell", what: spec.what, error: read.text, formula: view.hasFormula(i, col) }, value);
      return undefined;
    case "text":
      issues.add("not-a-number", at(), { value, spec }, value);
      return undefined;
  }
  const n = read.value;
  const unit = spec.percent ? "percent" : spec.unit;
  let ok = true;
  if (spec.percent) {
    if (n < 0 || n > 1) {
      ok = false;
      issues.add("percent-out-of-range", at(), { value: n, what: spec.what }, value);
    }
  } else {
    if (spec.whole && !Number.isInteger(n)) {
      ok = false;
      issues.add("not-whole-number", at(), { value: n, what: spec.what }, value);
    }
    if (spec.min !== undefined && n < spec.min) {
      ok = false;
      issues.add("below-minimum", at(), { value: n, spec: { ...spec, min: spec.min } }, value);
    } else if (spec.max !== undefined && n > spec.max) {
      ok = false;
      issues.add("above-maximum", at(), { value: n, spec: { ...spec, max: spec.max } }, value);
    }
  }
  if (!read.fromText && view.isDate(i, col) && !view.hasFormula(i, col)) {
    issues.add("date-in-number-cell", at(), { figure: { value: n, unit }, what: spec.what }, value);
  }
  if (read.fromText) issues.add("number-stored-as-text", at(), { value, read: { value: n, unit } }, value);
  return ok ? n : undefined;
}

/** Checks a text cell for formulas without values and Excel errors; returns its trimmed text, or undefined if unusable. */
export function checkTextCell(issues: IssueList, view: TableView, i: number, col: number | undefined, header: string, what: string): string | undefined {
  if (col === undefined) return undefined;
  const value = view.value(i, col);
  if (value === null && view.hasFormula(i, col)) {
    issues.add("formula-no-value", view.at(i, col, header), { kind: "cell", what, formula: view.formula(i, col) }, view.formula(i, col));
    return undefined;
  }
  if (isExcelError(value)) {
    issues.add("cell-error", view.at(i, col, header), { kind: "cell", what, error: value.trim(), formula: view.hasFormula(i, col) }, value);
    return undefined;
  }
  if (value === null || value === undefined) return "";
  return String(value).trim();
}
