/**
 * A table as read, with its columns found by header and Excel addresses for its cells. The reader
 * (reader.ts) makes one per table of the contract; Check, the checksum, Set up and Summarise all
 * look cells up through it, so headers are matched one way everywhere.
 */
import { distance } from "fastest-levenshtein";
import { columnLetter } from "../layout/a1";
import { monthLabel, parseMonth } from "../calendar";
import type { CellValue, TableSnapshot } from "../workbook/types";
import { norm, text } from "./text";

/** Where a cell is, as Excel names it. */
export interface Location {
  sheet: string;
  /** Excel's address, e.g. "H7"; "" for a whole sheet. */
  cell: string;
  /** 1-based sheet row; 0 for a whole sheet. */
  row: number;
  /** Excel's column letters; "" for a whole sheet. */
  column: string;
  /** The column's header as the contract names it. */
  header?: string;
}

export function sheetLocation(sheet: string): Location {
  return { sheet, cell: "", row: 0, column: "" };
}

/** A header that was not found exactly: misspelt (and read as the expected column) or missing. */
export type HeaderFinding =
  | { kind: "misspelt"; table: string; expected: string; header: string; at: Location }
  | { kind: "missing"; table: string; expected: string; at: Location };

export class TableView {
  private readonly letters: string[];
  /** Body column index of each expected header found (exactly, by a matcher, or as a misspelling). */
  readonly columns = new Map<string, number>();

  constructor(readonly table: TableSnapshot) {
    const width = Math.max(table.headers.length, ...table.values.slice(0, 1).map((r) => r.length));
    this.letters = Array.from({ length: width }, (_, i) => columnLetter(table.column + i));
  }

  get name(): string {
    return this.table.name;
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

  /** Whether the cell holds a number shown as a date (where the gateway read formats). */
  isDate(i: number, col: number | undefined): boolean {
    if (col === undefined || !this.table.dateCells) return false;
    this.dates ??= new Set(this.table.dateCells.map(([r, c]) => `${r},${c}`));
    return this.dates.has(`${i},${col}`);
  }

  private dates: Set<string> | undefined;

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
 * Claims a header that names one of the expected month columns another way ("April 2020", or
 * "Apr-20" where Excel read "Apr 2020" typed into a header as a date) for that month's label.
 */
export function monthHeaderMatcher(expected: readonly string[]): (header: string) => string | undefined {
  const labels = new Set(expected.filter((e) => {
    const month = parseMonth(e);
    return month !== undefined && monthLabel(month) === e;
  }));
  return (header) => {
    if (labels.size === 0 || !/\d/.test(header)) return undefined;
    const month = parseMonth(header);
    const label = month ? monthLabel(month) : undefined;
    return label !== undefined && labels.has(label) ? label : undefined;
  };
}

/**
 * Finds the expected columns of a table by header (ignoring case and extra spaces). `match` may claim
 * other headers for an expected name (e.g. "April 2020" for "Apr 2020"). Headers that match nothing
 * are the user's own columns and are ignored, unless one is close to a missing header: then it is a
 * misspelling, read as that column. Returns the misspelt and missing headers, for Check to report.
 */
export function resolveColumns(view: TableView, expected: readonly string[], match?: (header: string) => string | undefined): HeaderFinding[] {
  const findings: HeaderFinding[] = [];
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
  if (missing.length === 0) return findings;
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
    findings.push({ kind: "misspelt", table: view.name, expected: p.e, header: p.h, at: view.headerAt(p.i, p.e) });
  }
  for (const e of missing) {
    if (!view.columns.has(e)) findings.push({ kind: "missing", table: view.name, expected: e, at: view.topLeft() });
  }
  return findings;
}

/**
 * A table given as rows of cells - a range's values, a register sheet or CSV, the sector tables
 * read back - with its expected columns found as the return reader finds them (resolveColumns).
 */
export function viewOfRows(name: string, header: readonly CellValue[] | undefined, body: readonly (readonly CellValue[])[], expected: readonly string[]): TableView {
  const table: TableSnapshot = { name, sheet: "", row: 0, column: 0, headers: (header ?? []).map((h) => text(h)), values: body as CellValue[][], formulas: [] };
  const view = new TableView(table);
  resolveColumns(view, expected);
  return view;
}
