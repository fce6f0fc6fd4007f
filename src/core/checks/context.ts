/** Shared machinery for the checks: locating cells of a table, collecting issues, reading numbers with their checks. */
import { distance } from "fastest-levenshtein";
import { columnLetter } from "../layout/a1";
import type { CellValue, TableSnapshot } from "../workbook/types";
import { severityOf, type CheckCode } from "./catalogue";
import type { CheckIssue } from "./types";
import { formatFigure, formatNumber, isExcelError, norm, readNumber, showValue, type FigureUnit } from "./values";

export interface Location {
  sheet: string;
  cell: string;
  row: number;
  column: string;
  header?: string;
}

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

export function sheetLocation(sheet: string): Location {
  return { sheet, cell: "", row: 0, column: "" };
}

/** A table as read, with its columns found by header and Excel addresses for its cells. */
export class TableView {
  private readonly letters: string[];
  /** Body column index of each expected header found (exactly, by a matcher, or as a misspelling). */
  readonly columns = new Map<string, number>();

  constructor(readonly table: TableSnapshot) {
    const width = Math.max(table.headers.length, ...table.values.slice(0, 1).map((r) => r.length));
    this.letters = Array.from({ length: width }, (_, i) => columnLetter(table.column + i));
  }

  get sheet(): string {
    return this.table.sheet;
  }

  get rowCount(): number {
    return this.table.values.length;
  }

  letter(col: number): string {
    return this.letters[col] ?? columnLetter(this.table.column + col);
  }

  /** 1-based sheet row of body row i. */
  sheetRow(i: number): number {
    return this.table.row + 2 + i;
  }

  /** The cell of body row i, column col, labelled with the expected header when given. */
  at(i: number, col: number, header?: string): Location {
    const column = this.letter(col);
    const row = this.sheetRow(i);
    const loc: Location = { sheet: this.table.sheet, cell: `${column}${row}`, row, column };
    if (header !== undefined) loc.header = header;
    return loc;
  }

  /** The header cell of column col. */
  headerAt(col: number, header?: string): Location {
    const column = this.letter(col);
    const row = this.table.row + 1;
    const loc: Location = { sheet: this.table.sheet, cell: `${column}${row}`, row, column };
    if (header !== undefined) loc.header = header;
    return loc;
  }

  /** The table's top-left (header) cell: where to point for something missing from the table. */
  topLeft(): Location {
    return this.headerAt(0);
  }

  col(header: string): number | undefined {
    return this.columns.get(header);
  }

  value(i: number, col: number | undefined): CellValue {
    if (col === undefined) return null;
    return this.table.values[i]?.[col] ?? null;
  }

  formula(i: number, col: number | undefined): CellValue {
    if (col === undefined) return null;
    return this.table.formulas[i]?.[col] ?? null;
  }

  hasFormula(i: number, col: number | undefined): boolean {
    const f = this.formula(i, col);
    return typeof f === "string" && f.startsWith("=");
  }

  /** True when every value of body row i is blank (formulas giving "" count as blank). */
  isBlankRow(i: number, except?: number): boolean {
    const row = this.table.values[i];
    if (!row) return true;
    for (let c = 0; c < row.length; c++) {
      if (c === except) continue;
      const v = row[c];
      if (!(v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) return false;
    }
    return true;
  }
}

/** The largest edit distance at which a header counts as a misspelling of an expected one. */
function misspellingLimit(expected: string): number {
  return Math.max(2, Math.floor(expected.length / 3));
}

/**
 * Finds the expected columns of a table by header (ignoring case and extra spaces). `match` may claim
 * other headers for an expected name (e.g. "April 2020" for "Apr 2020"). Headers that match nothing
 * are the user's own columns and are ignored, unless one is close to a missing header: then it is a
 * misspelling, reported and read as that column. Missing columns are reported.
 */
export function resolveColumns(
  view: TableView,
  expected: readonly string[],
  issues: IssueList,
  match?: (header: string) => string | undefined,
): void {
  const headers = view.table.headers;
  const byNorm = new Map(expected.map((e) => [norm(e), e] as const));
  const used = new Set<number>();
  headers.forEach((h, i) => {
    const e = byNorm.get(norm(h));
    if (e !== undefined && !view.columns.has(e)) {
      view.columns.set(e, i);
      used.add(i);
    }
  });
  if (match) {
    headers.forEach((h, i) => {
      if (used.has(i)) return;
      const e = match(h);
      if (e !== undefined && byNorm.has(norm(e)) && !view.columns.has(e)) {
        view.columns.set(e, i);
        used.add(i);
      }
    });
  }
  const missing = expected.filter((e) => !view.columns.has(e));
  if (missing.length === 0) return;
  const unknown = headers.map((h, i) => ({ h, i, n: norm(h) })).filter((u) => !used.has(u.i) && u.n !== "");
  const pairs: { e: string; i: number; h: string; d: number }[] = [];
  for (const e of missing) {
    const ne = norm(e);
    for (const u of unknown) {
      const d = distance(ne, u.n);
      if (d <= misspellingLimit(ne)) pairs.push({ e, i: u.i, h: u.h, d });
    }
  }
  pairs.sort((a, b) => a.d - b.d || a.i - b.i);
  const claimed = new Set<number>();
  for (const p of pairs) {
    if (view.columns.has(p.e) || claimed.has(p.i)) continue;
    claimed.add(p.i);
    view.columns.set(p.e, p.i);
    issues.add(
      "misspelt-header",
      view.headerAt(p.i, p.e),
      `The header "${p.h.trim()}" is not one the ${view.table.name} table expects: it looks like "${p.e}", and was read as that column. Rename the header to "${p.e}" so other tools find it.`,
      p.h,
    );
  }
  for (const e of missing) {
    if (view.columns.has(e)) continue;
    issues.add(
      "missing-header",
      view.topLeft(),
      `The ${view.table.name} table has no "${e}" column, so it cannot be checked. Add a column headed "${e}" to the table (running Set up again adds missing columns).`,
    );
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
