/// <reference types="office-js" />
/** Cells, their formats and records, protection options, notes' and tables' plain data, and the helpers that move cells (model; no proxies). */
import type { Rect } from "../address";
import { MAX_COLUMNS } from "../address";
import type { CellFormat, CellRecord, FormatKey, ProtectionOptions, Shift } from "./types";

// ---------------------------------------------------------------------------------------------
// Cells and formats

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
