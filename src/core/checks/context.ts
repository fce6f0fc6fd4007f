/** Shared machinery for the checks: collecting issues and reading numbers with their checks (cells are located by the return reader). */
export { sheetLocation, TableView, type Location } from "../return";
import type { HeaderFinding, Location, TableView } from "../return";
import type { CellValue } from "../workbook/types";
import { serialToDate } from "../calendar";
import { severityOf, type CheckCode } from "./catalogue";
import type { CheckIssue } from "./types";
import { formatNumber, gbDate } from "../format";
import { formatFigure, isExcelError, readNumber, showValue, type FigureUnit } from "./values";

export class IssueList {
  readonly issues: CheckIssue[] = [];

  add(code: CheckCode, at: Location, message: string, value?: CellValue): CheckIssue {
    const issue: CheckIssue = { severity: severityOf(code), code, sheet: at.sheet, cell: at.cell, row: at.row, column: at.column, message };
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
    if (f.kind === "misspelt") {
      issues.add(
        "misspelt-header",
        f.at,
        `The header "${f.header.trim()}" is not one the ${f.table} table expects: it looks like "${f.expected}", and was read as that column. Rename the header to "${f.expected}" so other tools find it.`,
        f.header,
      );
    } else {
      issues.add(
        "missing-header",
        f.at,
        `The ${f.table} table has no "${f.expected}" column, so it cannot be checked. Add a column headed "${f.expected}" to the table (running Set up again adds missing columns).`,
      );
    }
  }
}

// --- Numbers --------------------------------------------------------------------------------------

export interface NumberSpec {
  /** What the figure is, for messages: "Welfare calls made (Jun 2020)". */
  what: string;
  unit: FigureUnit;
  whole: boolean;
  min?: number | undefined;
  max?: number | undefined;
  /** Percentages are fractions from 0 to 1 (0% to 100%). */
  percent?: boolean;
  /** What to do instead of a figure, e.g. "or leave it blank if it was not reported". */
  blank: string;
}

/** "a whole number of 0 or more", "an amount in pounds from £0 to £100", "a percentage from 0% to 100%" */
export function describeNeed(spec: NumberSpec): string {
  if (spec.percent) return "a percentage from 0% to 100%, e.g. 25%";
  const show = (n: number) => formatFigure(n, spec.unit === "gbp" ? "gbp" : "number");
  const what = spec.unit === "gbp" ? (spec.whole ? "an amount in whole pounds" : "an amount in pounds") : spec.whole ? "a whole number" : "a number";
  if (spec.min === undefined) return what;
  return spec.max === undefined ? `${what} of ${show(spec.min)} or more` : `${what} from ${show(spec.min)} to ${show(spec.max)}`;
}

/** Words officers type instead of leaving a cell blank or typing 0. */
const NOT_A_FIGURE = /^(?:n\/?a|-+|–|—|nil|none|tbc|tbd|unknown|not known|not available|\?+|x)$/i;

/**
 * Reads a cell that should hold a number and reports what is wrong with it: Excel errors, formulas
 * without a result, text, numbers stored as text (read, with a warning), decimals, bounds.
 * Returns the number when it is usable for other checks (valid, even if it came from text).
 */
export function checkNumberCell(issues: IssueList, view: TableView, i: number, col: number, header: string, spec: NumberSpec): number | undefined {
  const value = view.value(i, col);
  const at = () => view.at(i, col, header);
  if (value === null && view.hasFormula(i, col)) {
    issues.add("formula-no-value", at(), formulaNoValueMessage(spec.what, view.formula(i, col)), view.formula(i, col));
    return undefined;
  }
  const read = readNumber(value, spec.percent === true);
  switch (read.kind) {
    case "blank":
      return undefined;
    case "error":
      issues.add("cell-error", at(), cellErrorMessage(spec.what, read.text, view.hasFormula(i, col)), value);
      return undefined;
    case "text":
      issues.add(
        "not-a-number",
        at(),
        typeof value === "string" && NOT_A_FIGURE.test(value.trim())
          ? `${showValue(value)} is not a number. For ${spec.what} leave the cell blank if there is nothing to report, or type 0 if there were none.`
          : `${showValue(value)} is not a number. ${spec.what} needs ${describeNeed(spec)}: type the figure alone, ${spec.blank}.`,
        value,
      );
      return undefined;
  }
  const n = read.value;
  let ok = true;
  if (spec.percent) {
    if (n < 0 || n > 1) {
      ok = false;
      issues.add("percent-out-of-range", at(), percentMessage(spec.what, n), value);
    }
  } else {
    if (spec.whole && !Number.isInteger(n)) {
      ok = false;
      const lo = Math.floor(n);
      issues.add(
        "not-whole-number",
        at(),
        `${formatNumber(n, 6)} is not a whole number. ${spec.what} is counted in whole numbers: type ${formatNumber(lo, 0)} or ${formatNumber(lo + 1, 0)}.`,
        value,
      );
    }
    if (spec.min !== undefined && n < spec.min) {
      ok = false;
      issues.add(
        "below-minimum",
        at(),
        `${formatFigure(n, spec.unit)} is below the minimum of ${formatFigure(spec.min, spec.unit)} for ${spec.what}. Type ${describeNeed(spec)}, ${spec.blank}.`,
        value,
      );
    } else if (spec.max !== undefined && n > spec.max) {
      ok = false;
      issues.add(
        "above-maximum",
        at(),
        `${formatFigure(n, spec.unit)} is above the maximum of ${formatFigure(spec.max, spec.unit)} for ${spec.what}. Check for extra digits, or a total typed where a single figure belongs.`,
        value,
      );
    }
  }
  if (!read.fromText && view.isDate(i, col) && !view.hasFormula(i, col)) {
    issues.add(
      "date-in-number-cell",
      at(),
      `${formatFigure(n, spec.percent ? "percent" : spec.unit)} is shown as a date (${dateText(n)}), so it is probably a date typed or pasted where ${spec.what} belongs: Excel stores a date as a count of days. Type the figure, or clear the cell; then set the cell back to a number format (Home > Number).`,
      value,
    );
  }
  if (read.fromText) {
    issues.add(
      "number-stored-as-text",
      at(),
      `${showValue(value)} is stored as text, not as a number. It was read as ${formatFigure(n, spec.percent ? "percent" : spec.unit)}, but Excel will not add it up: retype the figure in the cell (or use Excel's Convert to Number).`,
      value,
    );
  }
  return ok ? n : undefined;
}

function percentMessage(what: string, n: number): string {
  if (n > 1 && n <= 100) {
    return `${formatNumber(n, 6)} means ${formatNumber(n * 100, 2)}%, which is more than 100%. Percentages are stored as fractions: if you meant ${formatNumber(n, 6)}% for ${what}, type ${formatNumber(n, 6)}% (with the % sign) or ${formatNumber(n / 100, 6)}.`;
  }
  return `${formatNumber(n * 100, 2)}% is ${n < 0 ? "below 0%" : "above 100%"}. ${what} needs a percentage from 0% to 100%, e.g. 25%.`;
}

export function formulaNoValueMessage(what: string, formula: CellValue): string {
  return `${what} has a formula (${showValue(formula)}) but no calculated value, so it cannot be checked. Open the workbook in Excel and save it again so the formula is calculated.`;
}

export function cellErrorMessage(what: string, error: string, formula: boolean): string {
  return formula
    ? `${what} shows the Excel error ${error}. Fix the formula or the cells it uses, or replace it with the figure.`
    : `${what} holds the Excel error ${error}. Replace it with the figure, or clear the cell.`;
}

/** Checks a text cell for formulas without values and Excel errors; returns its trimmed text, or undefined if unusable. */
export function checkTextCell(issues: IssueList, view: TableView, i: number, col: number | undefined, header: string, what: string): string | undefined {
  if (col === undefined) return undefined;
  const value = view.value(i, col);
  if (value === null && view.hasFormula(i, col)) {
    issues.add("formula-no-value", view.at(i, col, header), formulaNoValueMessage(what, view.formula(i, col)), view.formula(i, col));
    return undefined;
  }
  if (isExcelError(value)) {
    issues.add("cell-error", view.at(i, col, header), cellErrorMessage(what, value.trim(), view.hasFormula(i, col)), value);
    return undefined;
  }
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

/** An Excel date serial as dd/mm/yyyy (the figure it would show as a date). */
function dateText(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return "not a real date";
  return gbDate(serialToDate(Math.floor(serial)));
}
