/// <reference types="office-js" />
/** Cells, their formats and records, protection options, notes' and tables' plain data, and the helpers that move cells (model; no proxies). */
import type { Rect } from "../address";
import { MAX_COLUMNS } from "../address";
import type { SheetModel } from "./sheet";
import type { CellValue } from "../values";

// ---------------------------------------------------------------------------------------------
// Cells and formats

/** Everything about a cell's look that the host models. */
export interface CellFormat {
  numberFormat: string;
  locked: boolean;
  formulaHidden: boolean;
  /** "#RRGGBB", or null for no fill. */
  fillColor: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fontName: string;
  fontSize: number;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
}

export type FormatKey = keyof CellFormat;

export const DEFAULT_FORMAT: Readonly<CellFormat> = Object.freeze({
  numberFormat: "General",
  locked: true,
  formulaHidden: false,
  fillColor: null,
  bold: false,
  italic: false,
  fontColor: "#000000",
  fontName: "Calibri",
  fontSize: 11,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
});

export const FORMAT_KEYS = Object.keys(DEFAULT_FORMAT) as FormatKey[];

/** Excel's default column width and row height, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/** A stored cell. Cells with no content and no format override are not stored. */
export interface CellRecord {
  /** The constant value; "" for blank and for formula cells. */
  value: CellValue;
  /** The formula ("=..."), for formula cells. */
  formula?: string;
  /** The last calculated value of a formula; the host does not calculate (see `evaluateFormula`). */
  calculated?: CellValue;
  /** True when `value` is an error value such as #N/A. */
  error?: boolean;
  /** Format properties set on this cell (overriding row and column formats). */
  format?: Partial<CellFormat>;
}

/** The effective state of a cell, as a grid would show it. */
export interface CellView {
  address: string;
  row: number;
  column: number;
  /** What `Range.values` returns: the constant, or a formula's calculated value ("" if none). */
  value: CellValue;
  formula: string | null;
  calculated: CellValue | null;
  text: string;
  valueType: string;
  numberFormat: string;
  locked: boolean;
  fillColor: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fontName: string;
  fontSize: number;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
}

export type ProtectionOptions = Required<
  Pick<
    Excel.WorksheetProtectionOptions,
    | "allowAutoFilter"
    | "allowDeleteColumns"
    | "allowDeleteRows"
    | "allowEditObjects"
    | "allowEditScenarios"
    | "allowFormatCells"
    | "allowFormatColumns"
    | "allowFormatRows"
    | "allowInsertColumns"
    | "allowInsertHyperlinks"
    | "allowInsertRows"
    | "allowPivotTables"
    | "allowSort"
  >
> & { selectionMode: Excel.WorksheetProtectionOptions["selectionMode"] };

export function defaultProtectionOptions(): ProtectionOptions {
  return {
    allowAutoFilter: false,
    allowDeleteColumns: false,
    allowDeleteRows: false,
    allowEditObjects: false,
    allowEditScenarios: false,
    allowFormatCells: false,
    allowFormatColumns: false,
    allowFormatRows: false,
    allowInsertColumns: false,
    allowInsertHyperlinks: false,
    allowInsertRows: false,
    allowPivotTables: false,
    allowSort: false,
    selectionMode: "Normal" as Excel.WorksheetProtectionOptions["selectionMode"],
  };
}

export interface SheetProtection {
  protected: boolean;
  options: ProtectionOptions;
  /** The password, if one was given (the model keeps it in clear; it is a test double). */
  password: string | null;
}

export interface NoteModel {
  row: number;
  column: number;
  content: string;
  authorName: string;
  visible: boolean;
  width: number;
  height: number;
}

export interface TableColumnModel {
  id: number;
  name: string;
}

/** A change to cell contents, reported to `onChanged` handlers. */
export interface ValueChange {
  sheet: SheetModel;
  rect: Rect;
  details?: { valueBefore: CellValue; valueAfter: CellValue; valueTypeBefore: string; valueTypeAfter: string };
}

export type WriteMode = "values" | "formulas" | "formulasR1C1";

/** Areas above this are examined sparsely (row, column and cell formats) rather than cell by cell. */
export const DENSE_LIMIT = 200_000;
/** Excel refuses reads above 5,000,000 cells; the host refuses writes of that size too. */
export const CELL_LIMIT = 5_000_000;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

export function keyCol(key: number): number {
  return key % MAX_COLUMNS;
}

export function isEmptyRecord(cell: CellRecord): boolean {
  return cell.value === "" && cell.formula === undefined && (!cell.format || Object.keys(cell.format).length === 0);
}

export function hasContent(cell: CellRecord | undefined): boolean {
  return cell !== undefined && (cell.value !== "" || cell.formula !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Shifting (inserting and deleting cells)

/** Insertion or deletion of a block, with cells after it along `axis` moving by the block size. */
export interface Shift {
  axis: "rows" | "columns";
  /** First index (row or column) of the inserted/deleted block. */
  start: number;
  /** Size of the block; positive to insert, negative to delete. */
  delta: number;
  /** The orthogonal span the shift is confined to (columns for row shifts, rows for column shifts). */
  spanStart: number;
  spanEnd: number;
}

/** Rectangle as (along, across) intervals for a shift. */
export function along(r: Rect, shift: Shift): { a0: number; a1: number; s0: number; s1: number } {
  return shift.axis === "rows" ? { a0: r.r0, a1: r.r1, s0: r.c0, s1: r.c1 } : { a0: r.c0, a1: r.c1, s0: r.r0, s1: r.r1 };
}

function fromAlong(a0: number, a1: number, s0: number, s1: number, shift: Shift): Rect {
  return shift.axis === "rows" ? { r0: a0, r1: a1, c0: s0, c1: s1 } : { r0: s0, r1: s1, c0: a0, c1: a1 };
}

/**
 * Where a rectangle goes under a shift: the moved/resized rectangle, `null` if deleted, or
 * "straddles" if it crosses the edge of the shifted span (so it cannot move consistently).
 */
export function shiftRect(r: Rect, shift: Shift): Rect | null | "straddles" {
  const { a0, a1, s0, s1 } = along(r, shift);
  const within = s0 >= shift.spanStart && s1 <= shift.spanEnd;
  const disjoint = s1 < shift.spanStart || s0 > shift.spanEnd;
  if (disjoint || a1 < shift.start) return r;
  if (!within) return "straddles";
  if (shift.delta > 0) {
    if (a0 >= shift.start) return fromAlong(a0 + shift.delta, a1 + shift.delta, s0, s1, shift);
    return fromAlong(a0, a1 + shift.delta, s0, s1, shift); // straddles the insertion point: grows
  }
  const n = -shift.delta;
  const end = shift.start + n; // first index after the deleted block
  const map0 = a0 < shift.start ? a0 : a0 >= end ? a0 - n : shift.start;
  const map1 = a1 < shift.start ? a1 : a1 >= end ? a1 - n : shift.start - 1;
  return map1 < map0 ? null : fromAlong(map0, map1, s0, s1, shift);
}
