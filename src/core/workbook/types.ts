/**
 * The data that passes between the pure core and the gateways (Excel and .xlsx):
 * - what the core reads: a WorkbookSnapshot of sheet names and our tables' contents;
 * - what the core asks for: a list of WorkbookOperations, applied in order by a gateway.
 * Addresses are A1 text relative to the operation's sheet; indexes are 0-based.
 */

/** A cell's value as Excel's API gives it: blank cells are "" (Excel) or null (files). */
export type CellValue = string | number | boolean | null;

/**
 * A cell to write: a constant (null = blank) or a formula (with its leading "="). A formula may carry
 * the result the core expects, which file writers store as the cached value.
 */
export type PlannedCell = CellValue | { formula: string; result?: CellValue };

export function isFormulaCell(cell: PlannedCell): cell is { formula: string; result?: CellValue } {
  return typeof cell === "object" && cell !== null;
}

export type ValidationRule =
  | { type: "whole" | "decimal"; min: number; max?: number }
  | { type: "list"; items: readonly string[] }
  /** A range holding the list, as an absolute reference with its sheet, e.g. Stakeholders!$A$2:$A$20 */
  | { type: "listRange"; source: string }
  | { type: "date"; min: number; max?: number }
  /** A formula relative to the range's top-left cell, with its leading "=". */
  | { type: "custom"; formula: string };

export interface Validation {
  rule: ValidationRule;
  /** Shown when the cell is selected (Excel: at most 32 and 255 characters). */
  prompt?: { title: string; message: string };
  /** A stop alert: invalid entries are refused (Excel: at most 32 and 225 characters). */
  error: { title: string; message: string };
}

/** Formatting, locking and validation for one range of a sheet. */
export interface RangeRule {
  address: string;
  numberFormat?: string;
  locked?: boolean;
  wrap?: boolean;
  validation?: Validation;
}

/** A change to a workbook, as the capabilities plan it (Set up, Check's Checks list and sign-off, Summarise) and both gateways apply it. */
export type WorkbookOperation =
  | { kind: "addSheet"; sheet: string }
  /**
   * Deletes a sheet. Set up plans it only for an empty default sheet ("Sheet1") of a new workbook,
   * last of all, once the returns sheets exist (Excel refuses to delete the last visible sheet).
   */
  | { kind: "deleteSheet"; sheet: string }
  | { kind: "unprotect"; sheet: string }
  | { kind: "addTable"; sheet: string; table: string; address: string; headers: readonly string[]; rows: PlannedCell[][]; style: string }
  /** Removes a table (its cells keep their contents: clear them with clearContents). */
  | { kind: "deleteTable"; table: string }
  /** Appends rows at the bottom of a table (nothing existing moves). */
  | { kind: "appendRows"; table: string; rows: PlannedCell[][] }
  /** Appends columns at the right of a table, blank. */
  | { kind: "appendColumns"; table: string; headers: readonly string[] }
  | { kind: "write"; sheet: string; address: string; cells: PlannedCell[][] }
  | { kind: "clearContents"; sheet: string; address: string }
  /** Sets each range's format and locking; a rule with a validation replaces the range's validation (cleared first). */
  | { kind: "applyRules"; sheet: string; rules: RangeRule[] }
  /** Adds a conditional format (custom formula, relative to the range's top-left cell) that fills matching cells. */
  | { kind: "highlight"; sheet: string; address: string; formula: string; fill: string; font: string }
  /**
   * Defines a workbook-scoped name for a range, e.g. `IR_CheckSheet` for
   * `Checks!$C$2:$C$10000` (the reference has its sheet and no leading "="). Planned only when the
   * name is not defined yet.
   */
  | { kind: "defineName"; name: string; reference: string; comment?: string }
  /** Column widths in characters; `hidden` hides the column (kept in the file, out of the way). */
  | { kind: "setColumnWidths"; sheet: string; widths: { column: number; characters: number; hidden?: boolean }[] }
  | { kind: "freeze"; sheet: string; rows: number; columns: number }
  /** Protects the sheet without a password; locked cells cannot be edited, unlocked ones can. */
  | { kind: "protect"; sheet: string }
  | { kind: "hide"; sheet: string }
  | { kind: "activate"; sheet: string }
  /** Font and fill of a range (titles and headings); `rowHeight` (points) for rows of wrapped text, which files must state. */
  | { kind: "format"; sheet: string; address: string; bold?: boolean; fontSize?: number; fontColor?: string; fill?: string; wrap?: boolean; rowHeight?: number }
  | { kind: "pageLayout"; sheet: string; layout: PageLayout };

/**
 * How a sheet prints. Header and footer texts use Excel's codes (&P page, &N pages, &A sheet) and
 * have every other "&" doubled already (see headerFooterText).
 */
export interface PageLayout {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** Pages wide to fit the print area into (1 = one page wide). */
  fitToPagesWide: number;
  /**
   * Print at this scale (per cent) instead of fitting to pages. Set wherever `rowBreaks` are:
   * Excel ignores manual page breaks on a sheet fitted to pages (docs/memory-host.md).
   */
  scale?: number;
  /** 0-based rows that start a new page (manual page breaks above them); only honoured with `scale`. */
  rowBreaks?: number[];
  /** Rows repeated at the top of every page, e.g. "$8:$8". */
  printTitleRows?: string;
  /** The print area on this sheet, e.g. "A1:N40". */
  printArea?: string;
  header: { left?: string; center?: string; right?: string };
  footer: { left?: string; center?: string; right?: string };
}

/** Text from a workbook made safe for a header or footer: "&" doubled, control characters and line breaks removed, shortened. */
export function headerFooterText(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim();
  const short = clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
  return short.replace(/&/g, "&&");
}

export interface SheetSnapshot {
  name: string;
  /** Names of the tables on this sheet. */
  tables: string[];
  /** Names of the PivotTables on this sheet, where the gateway read them (Excel). */
  pivotTables?: string[];
}

/** One table as read: its position, headers and body (values, and formulas where cells hold them). */
export interface TableSnapshot {
  name: string;
  sheet: string;
  /** 0-based sheet row of the header row. */
  row: number;
  /** 0-based sheet column of the first column. */
  column: number;
  headers: string[];
  /** Body values as displayed-calculated (formulas give their results). */
  values: CellValue[][];
  /** Body formulas: a formula string ("=...") or the constant when the cell has no formula. */
  formulas: CellValue[][];
  /** Set when the table itself is missing and these contents were recovered from a sheet's used range. */
  fromSheet?: true;
  /**
   * Body cells (row, column, 0-based within the body) holding a number shown through a date or
   * time format, where the gateway read formats (Measures and Stakeholders): a date typed or
   * pasted into a number cell reads as its serial (2024-05-05 is 45,417).
   */
  dateCells?: [number, number][];
}

export interface WorkbookSnapshot {
  /** Every sheet, in tab order. */
  sheets: SheetSnapshot[];
  /** Tables whose contents were read (ours, where present). */
  tables: TableSnapshot[];
  /** The framework definition (JSON) stored on the hidden Framework sheet, when present. */
  frameworkDefinition?: string;
  /** The workbook's defined names, where the gateway read them (Excel shares one namespace between names, tables and PivotTables). */
  names?: string[];
}

export const EMPTY_WORKBOOK: WorkbookSnapshot = { sheets: [], tables: [] };

export function findTable(snapshot: WorkbookSnapshot, name: string): TableSnapshot | undefined {
  return snapshot.tables.find((table) => table.name.toLowerCase() === name.toLowerCase());
}

export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
}

/** Blank as Excel means it: nothing, or only spaces. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}
