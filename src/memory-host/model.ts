/// <reference types="office-js" />
/**
 * The workbook model: plain data (sheets, sparse cells, tables, validation, conditional formats,
 * notes) plus the operations Excel performs on it, with Excel's checks (protection, shapes, names,
 * overlaps). Proxies and `userEdit` both go through these operations. Errors are Office-shaped.
 */
import {
  area,
  cellAddress,
  columnCount,
  columnIndex,
  formatAddress,
  inGrid,
  intersects,
  isEntireColumns,
  isEntireRows,
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
  rect as makeRect,
  rowCount,
} from "./address";
import { MESSAGES, officeError } from "./errors";
import {
  addConditionalFormat,
  clearConditionalFormats,
  type ConditionalFormatModel,
  conditionalFormatsIn,
  findConditionalFormat,
} from "./conditional-formats";
import { type ChartModel } from "./chart";
import { assertNameAvailable, type NamedItemModel, nameOwner } from "./named-items";
import { defaultPageLayout, type PageLayoutModel } from "./page-layout";
import { assertNotPivot, pivotAt, type PivotTableModel } from "./pivot-table";
import { applyDataValidation, clearDataValidation, type DataValidationModel, validationAt, validationsIn } from "./data-validation";
import { type CellValue, formatValue, formulaR1C1ToA1, interpretInput, isErrorLiteral, valueType } from "./values";

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

export type { ConditionalFormatModel } from "./conditional-formats";
export {
  DEFAULT_ERROR_ALERT,
  DEFAULT_PROMPT,
  type DataValidationErrorAlertModel,
  type DataValidationModel,
  type DataValidationPromptModel,
} from "./data-validation";

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

type WriteMode = "values" | "formulas" | "formulasR1C1";

/** Areas above this are examined sparsely (row, column and cell formats) rather than cell by cell. */
const DENSE_LIMIT = 200_000;
/** Excel refuses reads above 5,000,000 cells; the host refuses writes of that size too. */
export const CELL_LIMIT = 5_000_000;

function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

function keyCol(key: number): number {
  return key % MAX_COLUMNS;
}

function isEmptyRecord(cell: CellRecord): boolean {
  return cell.value === "" && cell.formula === undefined && (!cell.format || Object.keys(cell.format).length === 0);
}

function hasContent(cell: CellRecord | undefined): boolean {
  return cell !== undefined && (cell.value !== "" || cell.formula !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Shifting (inserting and deleting cells)

/** Insertion or deletion of a block, with cells after it along `axis` moving by the block size. */
interface Shift {
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
function along(r: Rect, shift: Shift): { a0: number; a1: number; s0: number; s1: number } {
  return shift.axis === "rows" ? { a0: r.r0, a1: r.r1, s0: r.c0, s1: r.c1 } : { a0: r.c0, a1: r.c1, s0: r.r0, s1: r.r1 };
}

function fromAlong(a0: number, a1: number, s0: number, s1: number, shift: Shift): Rect {
  return shift.axis === "rows" ? { r0: a0, r1: a1, c0: s0, c1: s1 } : { r0: s0, r1: s1, c0: a0, c1: a1 };
}

/**
 * Where a rectangle goes under a shift: the moved/resized rectangle, `null` if deleted, or
 * "straddles" if it crosses the edge of the shifted span (so it cannot move consistently).
 */
function shiftRect(r: Rect, shift: Shift): Rect | null | "straddles" {
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

// ---------------------------------------------------------------------------------------------
// Sheets

export class SheetModel {
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** "" for no tab colour, else "#RRGGBB". */
  tabColor = "";
  readonly cells = new Map<number, CellRecord>();
  readonly columnFormats = new Map<number, Partial<CellFormat>>();
  readonly rowFormats = new Map<number, Partial<CellFormat>>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  standardWidth = DEFAULT_COLUMN_WIDTH;
  standardHeight = DEFAULT_ROW_HEIGHT;
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  protection: SheetProtection = { protected: false, options: defaultProtectionOptions(), password: null };
  freeze = { rows: 0, columns: 0 };
  dataValidations: DataValidationModel[] = [];
  /** In priority order: index 0 is priority 0 (evaluated first). */
  conditionalFormats: ConditionalFormatModel[] = [];
  notes: NoteModel[] = [];
  /** Charts, in creation order (chart.ts). */
  charts: ChartModel[] = [];
  /** Print settings (page-layout.ts). */
  pageLayout: PageLayoutModel = defaultPageLayout();
  /** The sheet's selection (restored when the sheet is activated). */
  selection: Rect = makeRect(0, 0);
  deleted = false;

  constructor(
    readonly workbook: WorkbookModel,
    id: string,
    name: string,
  ) {
    this.id = id;
    this.name = name;
  }

  /** Tables on this sheet, in creation order. */
  /** PivotTables whose cells are on this sheet (pivot-table.ts). */
  get pivotTables(): PivotTableModel[] {
    return this.workbook.pivotTables.filter((p) => p.sheet === this);
  }

  get tables(): TableModel[] {
    return this.workbook.tables.filter((t) => t.sheet === this);
  }

  address(r: Rect): string {
    return formatAddress(this.name, r);
  }

  // --- reading --------------------------------------------------------------------------------

  cellAt(row: number, col: number): CellRecord | undefined {
    return this.cells.get(cellKey(row, col));
  }

  formatAt<K extends FormatKey>(row: number, col: number, key: K): CellFormat[K] {
    const own = this.cells.get(cellKey(row, col))?.format?.[key];
    if (own !== undefined) return own as CellFormat[K];
    const fromRow = this.rowFormats.get(row)?.[key];
    if (fromRow !== undefined) return fromRow as CellFormat[K];
    const fromColumn = this.columnFormats.get(col)?.[key];
    if (fromColumn !== undefined) return fromColumn as CellFormat[K];
    return DEFAULT_FORMAT[key];
  }

  /** Value as `Range.values` reads it. */
  valueAt(row: number, col: number): CellValue {
    const cell = this.cellAt(row, col);
    if (!cell) return "";
    return cell.formula !== undefined ? (cell.calculated ?? "") : cell.value;
  }

  isErrorAt(row: number, col: number): boolean {
    const cell = this.cellAt(row, col);
    if (!cell) return false;
    return cell.formula !== undefined ? isErrorLiteral(cell.calculated) : cell.error === true;
  }

  /** What `Range.formulas` reads: the formula, or the constant. */
  formulaAt(row: number, col: number): CellValue {
    const cell = this.cellAt(row, col);
    if (!cell) return "";
    return cell.formula ?? cell.value;
  }

  textAt(row: number, col: number): string {
    return formatValue(this.valueAt(row, col), this.formatAt(row, col, "numberFormat"));
  }

  view(row: number, col: number): CellView {
    const cell = this.cellAt(row, col);
    const value = this.valueAt(row, col);
    return {
      address: cellAddress(row, col),
      row,
      column: col,
      value,
      formula: cell?.formula ?? null,
      calculated: cell?.formula !== undefined ? (cell.calculated ?? null) : null,
      text: this.textAt(row, col),
      valueType: String(valueType(value, this.isErrorAt(row, col))),
      numberFormat: this.formatAt(row, col, "numberFormat"),
      locked: this.formatAt(row, col, "locked"),
      fillColor: this.formatAt(row, col, "fillColor"),
      bold: this.formatAt(row, col, "bold"),
      italic: this.formatAt(row, col, "italic"),
      fontColor: this.formatAt(row, col, "fontColor"),
      fontName: this.formatAt(row, col, "fontName"),
      fontSize: this.formatAt(row, col, "fontSize"),
      wrapText: this.formatAt(row, col, "wrapText"),
      horizontalAlignment: this.formatAt(row, col, "horizontalAlignment"),
      verticalAlignment: this.formatAt(row, col, "verticalAlignment"),
    };
  }

  /** Builds a 2-D array by reading every cell of `r` (refusing over-large reads as Excel does). */
  read<T>(r: Rect, fn: (row: number, col: number) => T, location: string): T[][] {
    if (area(r) > CELL_LIMIT) throw officeError("RangeExceedsLimit", undefined, location);
    const out: T[][] = [];
    for (let row = r.r0; row <= r.r1; row++) {
      const line: T[] = new Array<T>(columnCount(r));
      for (let col = r.c0; col <= r.c1; col++) line[col - r.c0] = fn(row, col);
      out.push(line);
    }
    return out;
  }

  /** Calls `fn` for each stored cell inside `r`. */
  forEachStored(r: Rect, fn: (cell: CellRecord, row: number, col: number, key: number) => void): void {
    if (area(r) <= this.cells.size) {
      for (let row = r.r0; row <= r.r1; row++) {
        for (let col = r.c0; col <= r.c1; col++) {
          const key = cellKey(row, col);
          const cell = this.cells.get(key);
          if (cell) fn(cell, row, col, key);
        }
      }
      return;
    }
    for (const [key, cell] of [...this.cells]) {
      const row = keyRow(key);
      const col = keyCol(key);
      if (row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1) fn(cell, row, col, key);
    }
  }

  /** Distinct effective values of a format property over `r` (stops after two). */
  distinctFormat<K extends FormatKey>(r: Rect, key: K): CellFormat[K][] {
    const seen: CellFormat[K][] = [];
    const add = (v: CellFormat[K]): boolean => {
      if (!seen.includes(v)) seen.push(v);
      return seen.length > 1;
    };
    if (area(r) <= DENSE_LIMIT) {
      for (let row = r.r0; row <= r.r1; row++) {
        for (let col = r.c0; col <= r.c1; col++) if (add(this.formatAt(row, col, key))) return seen;
      }
      return seen;
    }
    // Sparse: a large area always contains cells without row or cell overrides.
    for (let col = r.c0; col <= r.c1; col++) {
      if (add((this.columnFormats.get(col)?.[key] ?? DEFAULT_FORMAT[key]) as CellFormat[K])) return seen;
    }
    for (const [row, format] of this.rowFormats) {
      if (row >= r.r0 && row <= r.r1 && format[key] !== undefined && add(format[key] as CellFormat[K])) return seen;
    }
    this.forEachStored(r, (cell) => {
      const v = cell.format?.[key];
      if (v !== undefined) add(v as CellFormat[K]);
    });
    return seen;
  }

  /** The uniform value of a format property over `r`, or null when cells differ (as Office). */
  uniformFormat<K extends FormatKey>(r: Rect, key: K): CellFormat[K] | null {
    const values = this.distinctFormat(r, key);
    return values.length === 1 ? (values[0] as CellFormat[K]) : null;
  }

  /** Bounding rectangle of cells with values (or, unless valuesOnly, with formats too), optionally within a range. */
  usedRect(valuesOnly: boolean, within?: Rect): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [key, cell] of this.cells) {
      if (valuesOnly ? !hasContent(cell) : isEmptyRecord(cell)) continue;
      const row = keyRow(key);
      const col = keyCol(key);
      if (within && (row < within.r0 || row > within.r1 || col < within.c0 || col > within.c1)) continue;
      if (row < r0) r0 = row;
      if (row > r1) r1 = row;
      if (col < c0) c0 = col;
      if (col > c1) c1 = col;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? this.standardWidth;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? this.standardHeight;
  }

  tableAt(row: number, col: number): TableModel | undefined {
    return this.tables.find((t) => row >= t.rect.r0 && row <= t.rect.r1 && col >= t.rect.c0 && col <= t.rect.c1);
  }

  noteAt(row: number, col: number): NoteModel | undefined {
    return this.notes.find((n) => n.row === row && n.column === col);
  }

  // --- protection -----------------------------------------------------------------------------

  /** Excel refuses to change locked cells of a protected sheet. */
  assertCanEdit(r: Rect, location: string): void {
    if (this.protection.protected && this.distinctFormat(r, "locked").includes(true)) {
      throw officeError("AccessDenied", MESSAGES.protectedSheet, location);
    }
  }

  /** Formatting on a protected sheet needs the matching "allow" option. */
  assertCanFormat(kind: "cells" | "columns" | "rows", location: string): void {
    if (!this.protection.protected) return;
    const o = this.protection.options;
    const allowed = kind === "cells" ? o.allowFormatCells : kind === "columns" ? o.allowFormatColumns : o.allowFormatRows;
    if (!allowed) throw officeError("AccessDenied", MESSAGES.protectedSheet, location);
  }

  /** Operations no protection option allows (tables, validation, locking cells...). */
  assertUnprotected(location: string): void {
    if (this.protection.protected) throw officeError("AccessDenied", MESSAGES.protectedSheet, location);
  }

  // --- writing cells --------------------------------------------------------------------------

  private cellForWrite(row: number, col: number): CellRecord {
    const key = cellKey(row, col);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "" };
      this.cells.set(key, cell);
    }
    return cell;
  }

  private dropIfEmpty(row: number, col: number): void {
    const key = cellKey(row, col);
    const cell = this.cells.get(key);
    if (cell && isEmptyRecord(cell)) this.cells.delete(key);
  }

  /**
   * Writes `Range.values`/`formulas`/`formulasR1C1` (or a user's typing) to `r`. A 2-D array must
   * match the range's shape; a single value applies to every cell; null leaves a cell alone.
   */
  writeInputs(r: Rect, input: unknown, mode: WriteMode, location: string): void {
    const rows = rowCount(r);
    const cols = columnCount(r);
    const isArray = Array.isArray(input);
    if (isArray) {
      const matrix = input as unknown[];
      if (matrix.length !== rows || !matrix.every((line) => Array.isArray(line) && line.length === cols)) {
        throw officeError("InvalidArgument", MESSAGES.shapeMismatch, location);
      }
    } else if (input !== null && typeof input === "object") {
      throw officeError("InvalidArgument", undefined, location);
    }
    this.assertCanEdit(r, location);
    assertNotPivot(this, r, location);
    const before = area(r) === 1 ? { value: this.valueAt(r.r0, r.c0), error: this.isErrorAt(r.r0, r.c0) } : null;
    if (!isArray && (input === "" || input === null || input === undefined)) {
      if (input === "") this.clearContents(r);
    } else {
      if (!isArray && area(r) > CELL_LIMIT) throw officeError("RangeExceedsLimit", undefined, location);
      const matrix = input as unknown[][];
      for (let i = 0; i < rows; i++) {
        const line = isArray ? matrix[i] : undefined;
        for (let j = 0; j < cols; j++) {
          this.writeCell(r.r0 + i, r.c0 + j, isArray ? line?.[j] : input, mode, location);
        }
      }
    }
    this.refreshTableHeaders(r);
    this.workbook.touch();
    const change: ValueChange = { sheet: this, rect: r };
    if (before) {
      const afterValue = this.valueAt(r.r0, r.c0);
      change.details = {
        valueBefore: before.value,
        valueAfter: afterValue,
        valueTypeBefore: String(valueType(before.value, before.error)),
        valueTypeAfter: String(valueType(afterValue, this.isErrorAt(r.r0, r.c0))),
      };
    }
    this.workbook.changes.push(change);
  }

  private writeCell(row: number, col: number, input: unknown, mode: WriteMode, location: string): void {
    const numberFormat = this.formatAt(row, col, "numberFormat");
    const interpreted = interpretInput(input, numberFormat, location);
    switch (interpreted.kind) {
      case "skip":
        return;
      case "blank": {
        const cell = this.cellAt(row, col);
        if (!cell) return;
        cell.value = "";
        delete cell.formula;
        delete cell.calculated;
        delete cell.error;
        this.dropIfEmpty(row, col);
        return;
      }
      case "formula": {
        const cell = this.cellForWrite(row, col);
        let formula = interpreted.formula ?? "";
        if (mode === "formulasR1C1") formula = formulaR1C1ToA1(formula, row, col);
        cell.value = "";
        cell.formula = formula;
        delete cell.error;
        const calculated = this.workbook.evaluateFormula?.(formula, { sheet: this.name, address: cellAddress(row, col) });
        if (calculated === undefined) delete cell.calculated;
        else cell.calculated = calculated;
        return;
      }
      case "value": {
        const cell = this.cellForWrite(row, col);
        cell.value = interpreted.value ?? "";
        delete cell.formula;
        delete cell.calculated;
        if (interpreted.error) cell.error = true;
        else delete cell.error;
        if (interpreted.autoFormat && numberFormat === "General") {
          cell.format = { ...cell.format, numberFormat: interpreted.autoFormat };
        }
        return;
      }
    }
  }

  /** Sets the cached result of a formula (tests stand in for Excel's calculation). */
  setCalculated(row: number, col: number, value: CellValue): void {
    const cell = this.cellAt(row, col);
    if (!cell || cell.formula === undefined) {
      throw new Error(`Memory Excel host: ${this.address(makeRect(row, col))} does not hold a formula`);
    }
    cell.calculated = value;
    this.workbook.touch();
  }

  clearContents(r: Rect): void {
    this.forEachStored(r, (cell, row, col) => {
      cell.value = "";
      delete cell.formula;
      delete cell.calculated;
      delete cell.error;
      this.dropIfEmpty(row, col);
    });
    this.workbook.touch();
  }

  /** Sets format properties on every cell of `r`, using column/row formats for whole columns/rows. */
  setFormat(r: Rect, patch: Partial<CellFormat>): void {
    const keys = Object.keys(patch) as FormatKey[];
    if (isEntireColumns(r)) {
      for (let col = r.c0; col <= r.c1; col++) {
        const format = { ...this.columnFormats.get(col), ...patch };
        for (const key of keys) if (format[key] === DEFAULT_FORMAT[key]) delete format[key];
        if (Object.keys(format).length) this.columnFormats.set(col, format);
        else this.columnFormats.delete(col);
      }
      // Cells and row formats would otherwise take precedence: align them.
      this.forEachStored(r, (cell, row, col) => {
        for (const key of keys) if (cell.format) delete cell.format[key];
        this.dropIfEmpty(row, col);
      });
      for (const [row, rowFormat] of this.rowFormats) {
        if (!keys.some((k) => rowFormat[k] !== undefined)) continue;
        for (let col = r.c0; col <= r.c1; col++) {
          const cell = this.cellForWrite(row, col);
          cell.format = { ...cell.format, ...patch };
        }
      }
    } else if (isEntireRows(r)) {
      for (let row = r.r0; row <= r.r1; row++) {
        const format = { ...this.rowFormats.get(row), ...patch };
        this.rowFormats.set(row, format);
      }
      this.forEachStored(r, (cell, row, col) => {
        for (const key of keys) if (cell.format) delete cell.format[key];
        this.dropIfEmpty(row, col);
      });
    } else {
      if (area(r) > CELL_LIMIT) throw officeError("RangeExceedsLimit");
      for (let row = r.r0; row <= r.r1; row++) {
        for (let col = r.c0; col <= r.c1; col++) {
          const cell = this.cellForWrite(row, col);
          // Remove the cell's own values first, so formatAt() reports what it would inherit, then
          // store only the overrides that differ from that (keeps the model compact).
          const own: Partial<CellFormat> = { ...cell.format };
          for (const key of keys) delete own[key];
          cell.format = own;
          for (const key of keys) {
            if (this.formatAt(row, col, key) !== patch[key]) (own as Record<string, unknown>)[key] = patch[key];
          }
          if (Object.keys(own).length === 0) delete cell.format;
          this.dropIfEmpty(row, col);
        }
      }
    }
    this.workbook.touch();
  }

  /**
   * Sets one format property cell by cell from a 2-D source (e.g. `Range.numberFormat = [[...]]`);
   * `undefined` entries are left alone.
   */
  setFormatCells<K extends FormatKey>(r: Rect, key: K, valueAt: (i: number, j: number) => CellFormat[K] | undefined): void {
    for (let row = r.r0; row <= r.r1; row++) {
      for (let col = r.c0; col <= r.c1; col++) {
        const wanted = valueAt(row - r.r0, col - r.c0);
        if (wanted === undefined) continue;
        const cell = this.cellForWrite(row, col);
        if (cell.format) delete cell.format[key];
        if (this.formatAt(row, col, key) !== wanted) cell.format = { ...cell.format, [key]: wanted };
        else if (cell.format && Object.keys(cell.format).length === 0) delete cell.format;
        this.dropIfEmpty(row, col);
      }
    }
    this.workbook.touch();
  }

  /** Resets all formats of `r` and removes the conditional formats there. */
  clearFormats(r: Rect): void {
    this.setFormat(r, { ...DEFAULT_FORMAT });
    this.clearConditionalFormats(r);
  }

  setColumnWidth(r: Rect, width: number, location: string): void {
    if (!Number.isFinite(width) || width < 0) throw officeError("InvalidArgument", undefined, location);
    if (isEntireRows(r)) {
      this.standardWidth = width;
      this.columnWidths.clear();
    } else for (let col = r.c0; col <= r.c1; col++) this.columnWidths.set(col, width);
    this.workbook.touch();
  }

  setRowHeight(r: Rect, height: number, location: string): void {
    if (!Number.isFinite(height) || height < 0 || height > 409) throw officeError("InvalidArgument", undefined, location);
    if (isEntireColumns(r)) {
      this.standardHeight = height;
      this.rowHeights.clear();
    } else for (let row = r.r0; row <= r.r1; row++) this.rowHeights.set(row, height);
    this.workbook.touch();
  }

  /** Estimates text widths the way autofit would (Excel measures glyphs; this approximates). */
  autofitColumns(r: Rect): void {
    const rows = isEntireColumns(r) ? (this.usedRect(true) ?? makeRect(0, 0)) : r;
    for (let col = r.c0; col <= r.c1 && col < MAX_COLUMNS; col++) {
      let widest = 0;
      const span = { r0: Math.max(r.r0, rows.r0), r1: Math.min(r.r1, rows.r1), c0: col, c1: col };
      if (span.r0 <= span.r1) {
        this.forEachStored(span, (_cell, row) => {
          const text = this.textAt(row, col);
          if (!text) return;
          const longestLine = Math.max(...text.split("\n").map((l) => l.length));
          const factor = (this.formatAt(row, col, "fontSize") / 11) * (this.formatAt(row, col, "bold") ? 1.1 : 1);
          widest = Math.max(widest, longestLine * 5.6 * factor + 5.25);
        });
      }
      if (widest > 0) this.columnWidths.set(col, Math.min(409.5, Math.round(widest * 4) / 4));
      else this.columnWidths.delete(col);
      if (isEntireRows(r) && col > (this.usedRect(false)?.c1 ?? 0)) break;
    }
    this.workbook.touch();
  }

  autofitRows(r: Rect): void {
    const used = this.usedRect(false);
    if (!used) return;
    const r0 = r.r0;
    const r1 = Math.min(r.r1, used.r1);
    for (let row = r0; row <= r1; row++) {
      let lines = 1;
      let biggest = 11;
      this.forEachStored({ r0: row, r1: row, c0: r.c0, c1: r.c1 }, (_cell, _row, col) => {
        const text = this.textAt(row, col);
        biggest = Math.max(biggest, this.formatAt(row, col, "fontSize"));
        if (!text || !this.formatAt(row, col, "wrapText")) return;
        const perLine = Math.max(1, Math.floor((this.columnWidth(col) - 5.25) / 5.6));
        const count = text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
        lines = Math.max(lines, count);
      });
      const height = Math.min(409, lines * DEFAULT_ROW_HEIGHT * (biggest / 11));
      if (height === this.standardHeight) this.rowHeights.delete(row);
      else this.rowHeights.set(row, height);
    }
    this.workbook.touch();
  }

  setHidden(kind: "rows" | "columns", r: Rect, hidden: boolean): void {
    const set = kind === "rows" ? this.hiddenRows : this.hiddenColumns;
    const [from, to] = kind === "rows" ? [r.r0, r.r1] : [r.c0, r.c1];
    for (let i = from; i <= to; i++) {
      if (hidden) set.add(i);
      else set.delete(i);
    }
    this.workbook.touch();
  }

  // --- inserting and deleting cells -----------------------------------------------------------

  /**
   * Inserts or deletes a block of cells, moving the cells after it (within the shift's span), with
   * the tables, validations, conditional formats and notes there. Fails as Excel does if a table
   * would be cut or non-blank cells would fall off the sheet.
   */
  shiftCells(shift: Shift, location: string, except?: TableModel): void {
    const limit = shift.axis === "rows" ? MAX_ROWS : MAX_COLUMNS;
    // Check first (Excel refuses rather than partly shifting): tables may move whole, never be cut.
    for (const table of this.tables) {
      if (table === except) continue;
      const moved = shiftRect(table.rect, shift);
      if (moved === table.rect) continue; // untouched
      const { a0, a1 } = along(table.rect, shift);
      const cut = shift.delta < 0 ? a1 >= shift.start && a0 < shift.start - shift.delta : a0 < shift.start;
      if (moved === "straddles" || cut) throw officeError("InsertDeleteConflict", MESSAGES.shiftTable, location);
    }
    const moves: [number, CellRecord, number, number][] = [];
    for (const [key, cell] of this.cells) {
      const row = keyRow(key);
      const col = keyCol(key);
      const a = shift.axis === "rows" ? row : col;
      const s = shift.axis === "rows" ? col : row;
      if (s < shift.spanStart || s > shift.spanEnd || a < shift.start) continue;
      if (shift.delta > 0 && a + shift.delta >= limit && hasContent(cell)) {
        throw officeError("InsertDeleteConflict", "To prevent possible loss of data, Excel cannot shift nonblank cells off of the worksheet.", location);
      }
      moves.push([key, cell, row, col]);
    }
    for (const [key] of moves) this.cells.delete(key);
    for (const [, cell, row, col] of moves) {
      const a = shift.axis === "rows" ? row : col;
      if (shift.delta < 0 && a < shift.start - shift.delta) continue; // inside the deleted block
      const newA = a + shift.delta;
      if (newA >= limit) continue;
      const key = shift.axis === "rows" ? cellKey(newA, col) : cellKey(row, newA);
      this.cells.set(key, cell);
    }
    for (const table of this.tables) {
      if (table === except) continue;
      const moved = shiftRect(table.rect, shift);
      if (moved && moved !== "straddles") table.rect = moved;
    }
    const shiftList = <T extends { rect: Rect }>(items: T[]): T[] =>
      items.flatMap((item) => {
        const moved = shiftRect(item.rect, shift);
        if (moved === null) return [];
        if (moved === "straddles") return [item];
        item.rect = moved;
        return [item];
      });
    this.dataValidations = shiftList(this.dataValidations);
    for (const cf of this.conditionalFormats) {
      cf.rects = cf.rects.flatMap((r) => {
        const moved = shiftRect(r, shift);
        return moved === null ? [] : moved === "straddles" ? [r] : [moved];
      });
    }
    this.conditionalFormats = this.conditionalFormats.filter((cf) => cf.rects.length > 0);
    this.notes = this.notes.flatMap((note) => {
      const moved = shiftRect(makeRect(note.row, note.column), shift);
      if (moved === null) return [];
      if (moved !== "straddles") {
        note.row = moved.r0;
        note.column = moved.c0;
      }
      return [note];
    });
    this.workbook.touch();
  }

  // --- tables ---------------------------------------------------------------------------------

  /** Re-derives the column names of tables whose header row intersects `r` (headers are text). */
  refreshTableHeaders(r: Rect): void {
    for (const table of this.tables) {
      const header = table.headerRect;
      if (header && intersects(header, r)) table.refreshHeaders();
    }
  }

  // --- data validation (see data-validation.ts) -----------------------------------------------

  /** Applies part of a data validation to `r`, keeping the other settings of the cells there. */
  applyDataValidation(r: Rect, patch: Partial<Omit<DataValidationModel, "rect">>): void {
    applyDataValidation(this, r, patch);
  }

  clearDataValidation(r: Rect): void {
    clearDataValidation(this, r);
  }

  validationsIn(r: Rect): DataValidationModel[] {
    return validationsIn(this, r);
  }

  validationAt(row: number, col: number): DataValidationModel | undefined {
    return validationAt(this, row, col);
  }

  // --- conditional formats (see conditional-formats.ts) ---------------------------------------

  conditionalFormatsIn(r: Rect): ConditionalFormatModel[] {
    return conditionalFormatsIn(this, r);
  }

  clearConditionalFormats(r: Rect): void {
    clearConditionalFormats(this, r);
  }

  // --- notes ------------------------------------------------------------------------------------

  addNote(row: number, col: number, content: string, location: string): NoteModel {
    if (this.protection.protected && !this.protection.options.allowEditObjects) {
      throw officeError("AccessDenied", MESSAGES.protectedSheet, location);
    }
    if (this.noteAt(row, col)) throw officeError("InvalidArgument", undefined, location);
    const note: NoteModel = {
      row,
      column: col,
      content,
      authorName: this.workbook.authorName,
      visible: false,
      width: 144,
      height: 79.2,
    };
    this.notes.push(note);
    this.workbook.touch();
    return note;
  }

  deleteNotes(r: Rect): void {
    this.notes = this.notes.filter((n) => !(n.row >= r.r0 && n.row <= r.r1 && n.column >= r.c0 && n.column <= r.c1));
    this.workbook.touch();
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

const TABLE_NAME = /^[A-Za-z_\\\u00A1-\uFFFF][A-Za-z0-9_.\\\u00A1-\uFFFF]*$/;

export class TableModel {
  name: string;
  rect: Rect;
  showHeaders = true;
  showTotals = false;
  style = "TableStyleMedium2";
  showBandedRows = true;
  showBandedColumns = false;
  showFilterButton = true;
  highlightFirstColumn = false;
  highlightLastColumn = false;
  columns: TableColumnModel[];
  deleted = false;
  private nextColumnId: number;

  constructor(
    readonly id: string,
    name: string,
    readonly sheet: SheetModel,
    r: Rect,
  ) {
    this.name = name;
    this.rect = r;
    this.columns = [];
    for (let i = 0; i < columnCount(r); i++) this.columns.push({ id: i + 1, name: `Column${i + 1}` });
    this.nextColumnId = this.columns.length + 1;
  }

  get headerRect(): Rect | null {
    return this.showHeaders ? { ...this.rect, r1: this.rect.r0 } : null;
  }

  get totalRect(): Rect | null {
    return this.showTotals ? { ...this.rect, r0: this.rect.r1 } : null;
  }

  get dataRect(): Rect {
    return { ...this.rect, r0: this.rect.r0 + (this.showHeaders ? 1 : 0), r1: this.rect.r1 - (this.showTotals ? 1 : 0) };
  }

  get dataRowCount(): number {
    return rowCount(this.dataRect);
  }

  get address(): string {
    return this.sheet.address(this.rect);
  }

  columnIndexOf(key: number | string): number {
    if (typeof key === "number") return this.columns.findIndex((c) => c.id === key);
    const lower = String(key).toLowerCase();
    const byName = this.columns.findIndex((c) => c.name.toLowerCase() === lower);
    if (byName >= 0) return byName;
    return /^\d+$/.test(String(key)) ? this.columns.findIndex((c) => c.id === Number(key)) : -1;
  }

  /** Reads the header cells and makes them unique, non-blank text, as Excel keeps them. */
  refreshHeaders(): void {
    if (!this.showHeaders) return;
    const row = this.rect.r0;
    const taken = new Set<string>();
    const raw: string[] = [];
    for (let i = 0; i < this.columns.length; i++) {
      const cell = this.sheet.cellAt(row, this.rect.c0 + i);
      const text = cell === undefined ? "" : cell.formula !== undefined ? String(cell.calculated ?? cell.formula.slice(1)) : this.sheet.textAt(row, this.rect.c0 + i);
      raw.push(text);
    }
    for (let i = 0; i < raw.length; i++) {
      let name = raw[i] ?? "";
      if (name === "") {
        let n = i + 1;
        while (taken.has(`column${n}`) || raw.some((r, j) => j !== i && r.toLowerCase() === `column${n}`)) n++;
        name = `Column${n}`;
      } else if (taken.has(name.toLowerCase())) {
        let n = 2;
        while (taken.has(`${name}${n}`.toLowerCase())) n++;
        name = `${name}${n}`;
      }
      taken.add(name.toLowerCase());
      const column = this.columns[i];
      if (column) column.name = name;
      this.writeHeaderCell(i, name);
    }
  }

  private writeHeaderCell(index: number, name: string): void {
    const row = this.rect.r0;
    const col = this.rect.c0 + index;
    const key = cellKey(row, col);
    const cell = this.sheet.cells.get(key) ?? { value: "" };
    cell.value = name;
    delete cell.formula;
    delete cell.calculated;
    delete cell.error;
    this.sheet.cells.set(key, cell);
  }

  addColumnModel(index: number): TableColumnModel {
    const column = { id: this.nextColumnId++, name: "" };
    this.columns.splice(index, 0, column);
    return column;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook

export interface EvaluateFormula {
  (formula: string, cell: { sheet: string; address: string }): CellValue | undefined;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  /** PivotTables of every sheet, in creation order (pivot-table.ts). */
  pivotTables: PivotTableModel[] = [];
  /** Defined names (named-items.ts); they share one namespace with tables and PivotTables. */
  names: NamedItemModel[] = [];
  activeSheetId = "";
  /** Increases on every change; hosts compare it to know whether anything changed. */
  version = 0;
  /** Value changes not yet reported to event handlers. */
  changes: ValueChange[] = [];
  evaluateFormula: EvaluateFormula | undefined;
  authorName = "Memory Excel host";
  /** Whether `Application.suspendApiCalculationUntilNextSync` is in effect (reset at each sync). */
  calculationSuspended = false;
  private nextSheetNumber = 1;
  private nextTableId = 1;
  /** Numbers for the ids of new PivotTables and charts. */
  nextPivotId = 1;
  nextChartId = 1;
  /** The next conditional format's number (for its id). */
  nextConditionalFormatId = 1;

  touch(): void {
    this.version++;
  }

  /** Removes every sheet and table (the workbook is then rebuilt, e.g. from a snapshot). */
  clear(): void {
    for (const sheet of this.sheets) sheet.deleted = true;
    for (const table of this.tables) table.deleted = true;
    for (const pivot of this.pivotTables) pivot.deleted = true;
    for (const sheet of this.sheets) for (const chart of sheet.charts) chart.deleted = true;
    this.sheets = [];
    this.tables = [];
    this.pivotTables = [];
    this.names = [];
    this.activeSheetId = "";
    this.changes = [];
    this.touch();
  }

  get activeSheet(): SheetModel {
    const sheet = this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets.find((s) => s.visibility === "Visible") ?? this.sheets[0];
    if (!sheet) throw new Error("Memory Excel host: the workbook has no sheets");
    return sheet;
  }

  findSheet(key: string): SheetModel | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? this.sheets.find((s) => s.id === key);
  }

  getSheet(key: string, location: string): SheetModel {
    const sheet = typeof key === "string" ? this.findSheet(key) : undefined;
    if (!sheet) throw officeError("ItemNotFound", undefined, location);
    return sheet;
  }

  /** Excel's rules for sheet names. */
  validateSheetName(name: unknown, location: string, except?: SheetModel): string {
    if (typeof name !== "string" || name.length === 0 || name.length > 31) throw officeError("InvalidArgument", undefined, location);
    if (/[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
      throw officeError("InvalidArgument", undefined, location);
    }
    const clash = this.sheets.find((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw officeError("ItemAlreadyExists", MESSAGES.duplicateName, location);
    return name;
  }

  addSheet(name: string | undefined, location: string): SheetModel {
    let finalName: string;
    if (name === undefined || name === null) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    } else finalName = this.validateSheetName(name, location);
    const id = `{${String(this.nextSheetNumber++).padStart(8, "0")}-0001-0000-0000-000000000000}`;
    const sheet = new SheetModel(this, id, finalName);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    this.touch();
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: unknown, location: string): void {
    sheet.name = this.validateSheetName(name, location, sheet);
    this.touch();
  }

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === "Visible");
  }

  deleteSheet(sheet: SheetModel, location: string): void {
    const remainingVisible = this.visibleSheets().filter((s) => s !== sheet);
    if (remainingVisible.length === 0) throw officeError("InvalidOperation", MESSAGES.lastVisibleSheet, location);
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    for (const table of this.tables.filter((t) => t.sheet === sheet)) table.deleted = true;
    for (const pivot of this.pivotTables.filter((p) => p.sheet === sheet)) pivot.deleted = true;
    this.pivotTables = this.pivotTables.filter((p) => p.sheet !== sheet);
    for (const chart of sheet.charts) chart.deleted = true;
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    sheet.deleted = true;
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets.slice(index).find((s) => s.visibility === "Visible") ?? remainingVisible[remainingVisible.length - 1];
      this.activeSheetId = next?.id ?? "";
    }
    this.touch();
  }

  moveSheet(sheet: SheetModel, position: unknown, location: string): void {
    if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw officeError("InvalidArgument", undefined, location);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
    this.touch();
  }

  setVisibility(sheet: SheetModel, visibility: unknown, location: string): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") throw officeError("InvalidArgument", undefined, location);
    if (visibility !== "Visible" && this.visibleSheets().every((s) => s === sheet)) {
      throw officeError("InvalidOperation", MESSAGES.lastVisibleSheet, location);
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheetId === sheet.id) this.activeSheetId = this.visibleSheets()[0]?.id ?? "";
    this.touch();
  }

  activate(sheet: SheetModel, location: string): void {
    if (sheet.visibility !== "Visible") throw officeError("InvalidOperation", undefined, location);
    this.activeSheetId = sheet.id;
    this.touch();
  }

  select(sheet: SheetModel, r: Rect, location: string): void {
    this.activate(sheet, location);
    sheet.selection = { ...r };
    this.touch();
  }

  // --- tables ---------------------------------------------------------------------------------

  findTable(key: string): TableModel | undefined {
    const lower = String(key).toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower) ?? this.tables.find((t) => t.id === String(key));
  }

  validateTableName(name: unknown, location: string, except?: TableModel): string {
    if (typeof name !== "string" || name.length === 0 || name.length > 255 || !TABLE_NAME.test(name)) {
      throw officeError("InvalidArgument", undefined, location);
    }
    // Names that could be cell references are not allowed ("A1", "R1C1", "R", "C").
    const a1 = /^([A-Za-z]{1,3})\d+$/.exec(name);
    if ((a1 && columnIndex(a1[1] ?? "") >= 0) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) {
      throw officeError("InvalidArgument", undefined, location);
    }
    // One namespace for tables, PivotTables and defined names (named-items.ts).
    assertNameAvailable(this, name, location, except);
    return name;
  }

  /** `tables.add(address, hasHeaders)`, as Excel does it. */
  addTable(sheet: SheetModel, r: Rect, hasHeaders: boolean, location: string): TableModel {
    sheet.assertUnprotected(location);
    if (isEntireColumns(r) || isEntireRows(r)) throw officeError("InvalidArgument", undefined, location);
    if (sheet.tables.some((t) => intersects(t.rect, r))) throw officeError("InvalidArgument", MESSAGES.tableOverlap, location);
    if (pivotAt(sheet, r)) throw officeError("InvalidOperation", "A PivotTable report cannot overlap a table.", location);
    let tableRect = { ...r };
    if (!hasHeaders) {
      // Excel inserts a header row above the data, shifting the data down one row.
      sheet.shiftCells({ axis: "rows", start: r.r0, delta: 1, spanStart: r.c0, spanEnd: r.c1 }, location);
      tableRect = { ...r, r1: r.r1 + 1 };
      for (let col = r.c0; col <= r.c1; col++) {
        const cell = sheet.cellAt(r.r0, col);
        if (cell) {
          cell.value = "";
          delete cell.formula;
          delete cell.calculated;
        }
      }
    } else if (rowCount(r) === 1) {
      // A header row alone gets one (blank) data row.
      const below = { r0: r.r0 + 1, r1: r.r0 + 1, c0: r.c0, c1: r.c1 };
      let blank = true;
      sheet.forEachStored(below, (cell) => {
        if (hasContent(cell)) blank = false;
      });
      if (!blank) sheet.shiftCells({ axis: "rows", start: r.r0 + 1, delta: 1, spanStart: r.c0, spanEnd: r.c1 }, location);
      tableRect = { ...r, r1: r.r0 + 1 };
    }
    if (!inGrid(tableRect)) throw officeError("InvalidArgument", undefined, location);
    return this.createTable(sheet, tableRect);
  }

  /** Creates a table over `r` (header row included) without Excel's checks; used for seeding. */
  createTable(sheet: SheetModel, r: Rect, name?: string): TableModel {
    let n = 1;
    while (nameOwner(this, `Table${n}`)) n++;
    const table = new TableModel(String(this.nextTableId++), name ?? `Table${n}`, sheet, r);
    this.tables.push(table);
    table.refreshHeaders();
    this.touch();
    return table;
  }

  deleteTable(table: TableModel, clearCells: boolean): void {
    if (clearCells) {
      table.sheet.clearContents(table.rect);
      table.sheet.setFormat(table.rect, { ...DEFAULT_FORMAT });
    }
    this.tables = this.tables.filter((t) => t !== table);
    table.deleted = true;
    this.touch();
  }

  /** `Table.rows.add`: inserts data rows at `index` (null appends), then writes `values`. */
  addTableRows(table: TableModel, index: number | null, values: unknown, location: string): { index: number; rect: Rect } {
    const sheet = table.sheet;
    sheet.assertUnprotected(location);
    const width = table.columns.length;
    let count = 1;
    if (Array.isArray(values)) {
      if (values.length === 0 || !values.every((line) => Array.isArray(line) && line.length === width)) {
        throw officeError("InvalidArgument", MESSAGES.shapeMismatch, location);
      }
      count = values.length;
    } else if (values !== undefined && values !== null && typeof values === "object") {
      throw officeError("InvalidArgument", undefined, location);
    }
    const dataRect = table.dataRect;
    const rows = table.dataRowCount;
    const at = index === null || index === undefined ? rows : index;
    if (!Number.isInteger(at) || at < 0 || at > rows) throw officeError("InvalidArgument", undefined, location);
    const insertRow = dataRect.r0 + at;
    const block: Rect = { r0: insertRow, r1: insertRow + count - 1, c0: table.rect.c0, c1: table.rect.c1 };
    if (block.r1 >= MAX_ROWS) throw officeError("InvalidArgument", undefined, location);
    // Appending below a table whose next rows are empty just grows it; otherwise cells are inserted.
    let blankBelow = at === rows && !table.showTotals;
    if (blankBelow) {
      sheet.forEachStored(block, (cell) => {
        if (hasContent(cell)) blankBelow = false;
      });
      if (sheet.tables.some((t) => t !== table && intersects(t.rect, block))) blankBelow = false;
    }
    const templateRow = at > 0 ? insertRow - 1 : insertRow; // the row whose formats new rows take
    const template = new Map<number, Partial<CellFormat> | undefined>();
    for (let col = block.c0; col <= block.c1; col++) template.set(col, sheet.cellAt(templateRow, col)?.format);
    if (blankBelow) table.rect = { ...table.rect, r1: table.rect.r1 + count };
    else {
      sheet.shiftCells({ axis: "rows", start: insertRow, delta: count, spanStart: block.c0, spanEnd: block.c1 }, location, table);
      table.rect = { ...table.rect, r1: table.rect.r1 + count };
    }
    if (at === rows) {
      // Validation and conditional formats covering the last data row extend to appended rows, as in Excel.
      const last = insertRow - 1;
      const endsAtLastRow = (x: Rect): boolean => x.r1 === last && x.c0 >= block.c0 && x.c1 <= block.c1 && x.r0 >= dataRect.r0;
      for (const dv of sheet.dataValidations) if (endsAtLastRow(dv.rect)) dv.rect = { ...dv.rect, r1: dv.rect.r1 + count };
      for (const cf of sheet.conditionalFormats) cf.rects = cf.rects.map((x) => (endsAtLastRow(x) ? { ...x, r1: x.r1 + count } : x));
    }
    for (let row = block.r0; row <= block.r1; row++) {
      for (let col = block.c0; col <= block.c1; col++) {
        const format = template.get(col);
        const key = cellKey(row, col);
        const existing = sheet.cells.get(key);
        if (format) sheet.cells.set(key, { ...(existing ?? { value: "" }), format: { ...format } });
      }
    }
    if (values !== undefined && values !== null) sheet.writeInputs(block, values, "values", location);
    this.touch();
    return { index: at, rect: block };
  }

  /** Deletes data rows `index..index+count-1` of a table, moving the cells below up. */
  deleteTableRows(table: TableModel, index: number, count: number, location: string): void {
    const sheet = table.sheet;
    sheet.assertUnprotected(location);
    const rows = table.dataRowCount;
    if (!Number.isInteger(index) || index < 0 || count < 1 || index + count > rows) throw officeError("InvalidArgument", undefined, location);
    const start = table.dataRect.r0 + index;
    if (count === rows) {
      // A table keeps at least one (blank) data row.
      if (count > 1) {
        sheet.shiftCells({ axis: "rows", start: start + 1, delta: -(count - 1), spanStart: table.rect.c0, spanEnd: table.rect.c1 }, location, table);
        table.rect = { ...table.rect, r1: table.rect.r1 - (count - 1) };
      }
      sheet.clearContents({ r0: start, r1: start, c0: table.rect.c0, c1: table.rect.c1 });
    } else {
      sheet.shiftCells({ axis: "rows", start, delta: -count, spanStart: table.rect.c0, spanEnd: table.rect.c1 }, location, table);
      table.rect = { ...table.rect, r1: table.rect.r1 - count };
    }
    this.touch();
  }

  /** `Table.columns.add`: inserts a column at `index` (null appends), with optional values and name. */
  addTableColumn(table: TableModel, index: number | null, values: unknown, name: string | undefined, location: string): TableColumnModel {
    const sheet = table.sheet;
    sheet.assertUnprotected(location);
    const height = rowCount(table.rect);
    if (Array.isArray(values)) {
      if (values.length !== height || !values.every((line) => Array.isArray(line) && line.length === 1)) {
        throw officeError("InvalidArgument", MESSAGES.shapeMismatch, location);
      }
    } else if (values !== undefined && values !== null && typeof values === "object") {
      throw officeError("InvalidArgument", undefined, location);
    }
    const count = table.columns.length;
    const at = index === null || index === undefined ? count : index;
    if (!Number.isInteger(at) || at < 0 || at > count) throw officeError("InvalidArgument", undefined, location);
    const col = table.rect.c0 + at;
    if (col >= MAX_COLUMNS) throw officeError("InvalidArgument", undefined, location);
    const block: Rect = { r0: table.rect.r0, r1: table.rect.r1, c0: col, c1: col };
    let blankRight = at === count;
    if (blankRight) {
      sheet.forEachStored(block, (cell) => {
        if (hasContent(cell)) blankRight = false;
      });
      if (sheet.tables.some((t) => t !== table && intersects(t.rect, block))) blankRight = false;
    }
    if (!blankRight) sheet.shiftCells({ axis: "columns", start: col, delta: 1, spanStart: block.r0, spanEnd: block.r1 }, location, table);
    table.rect = { ...table.rect, c1: table.rect.c1 + 1 };
    const column = table.addColumnModel(at);
    if (values !== undefined && values !== null) sheet.writeInputs(block, values, "values", location);
    if (name !== undefined && table.showHeaders) sheet.writeInputs({ ...block, r1: block.r0 }, [[name]], "values", location);
    if (table.showHeaders) {
      const header = sheet.cellAt(block.r0, col);
      if (!header || !hasContent(header)) {
        // A new column without a name is called "ColumnN", N being the first free number.
        let n = 1;
        while (table.columns.some((c) => c !== column && c.name.toLowerCase() === `column${n}`)) n++;
        sheet.cells.set(cellKey(block.r0, col), { ...(header ?? { value: "" }), value: `Column${n}` });
      }
      table.refreshHeaders();
    } else if (name !== undefined) column.name = name;
    else column.name = `Column${at + 1}`;
    this.touch();
    return column;
  }

  deleteTableColumn(table: TableModel, index: number, location: string): void {
    const sheet = table.sheet;
    sheet.assertUnprotected(location);
    if (table.columns.length === 1) throw officeError("InvalidOperation", undefined, location);
    const col = table.rect.c0 + index;
    sheet.shiftCells({ axis: "columns", start: col, delta: -1, spanStart: table.rect.r0, spanEnd: table.rect.r1 }, location, table);
    table.rect = { ...table.rect, c1: table.rect.c1 - 1 };
    table.columns.splice(index, 1);
    this.touch();
  }

  /** `Table.resize`: the header row must stay put and the new range must overlap the old one. */
  resizeTable(table: TableModel, r: Rect, location: string): void {
    const sheet = table.sheet;
    sheet.assertUnprotected(location);
    const minRows = (table.showHeaders ? 1 : 0) + 1 + (table.showTotals ? 1 : 0);
    if (r.r0 !== table.rect.r0 || !intersects(r, table.rect) || rowCount(r) < minRows || isEntireColumns(r) || isEntireRows(r)) {
      throw officeError("InvalidArgument", undefined, location);
    }
    if (sheet.tables.some((t) => t !== table && intersects(t.rect, r))) throw officeError("InvalidArgument", MESSAGES.tableOverlap, location);
    // Columns still inside the table keep their identity; new ones are named from their header cells.
    const previous = table.columns;
    const previousRect = table.rect;
    table.rect = { ...r };
    table.columns = [];
    for (let col = r.c0; col <= r.c1; col++) {
      const existing = col >= previousRect.c0 && col <= previousRect.c1 ? previous[col - previousRect.c0] : undefined;
      if (existing) table.columns.push(existing);
      else table.addColumnModel(table.columns.length);
    }
    table.refreshHeaders();
    this.touch();
  }

  setTableShowHeaders(table: TableModel, show: boolean, location: string): void {
    if (show === table.showHeaders) return;
    const sheet = table.sheet;
    sheet.assertUnprotected(location);
    if (!show) {
      sheet.clearContents({ ...table.rect, r1: table.rect.r0 });
      table.showHeaders = false;
      table.rect = { ...table.rect, r0: table.rect.r0 + 1 };
    } else {
      if (table.rect.r0 === 0) throw officeError("InvalidOperation", undefined, location);
      const headerRow = table.rect.r0 - 1;
      table.showHeaders = true;
      table.rect = { ...table.rect, r0: headerRow };
      table.columns.forEach((column, i) => sheet.cells.set(cellKey(headerRow, table.rect.c0 + i), { value: column.name }));
      table.refreshHeaders();
    }
    this.touch();
  }

  setTableShowTotals(table: TableModel, show: boolean, location: string): void {
    if (show === table.showTotals) return;
    const sheet = table.sheet;
    sheet.assertUnprotected(location);
    if (show) {
      const row = table.rect.r1 + 1;
      const block: Rect = { r0: row, r1: row, c0: table.rect.c0, c1: table.rect.c1 };
      let blank = true;
      sheet.forEachStored(block, (cell) => {
        if (hasContent(cell)) blank = false;
      });
      if (!blank) sheet.shiftCells({ axis: "rows", start: row, delta: 1, spanStart: block.c0, spanEnd: block.c1 }, location, table);
      table.rect = { ...table.rect, r1: row };
      table.showTotals = true;
      sheet.cells.set(cellKey(row, table.rect.c0), { ...(sheet.cellAt(row, table.rect.c0) ?? { value: "" }), value: "Total" });
    } else {
      sheet.clearContents({ ...table.rect, r0: table.rect.r1 });
      table.rect = { ...table.rect, r1: table.rect.r1 - 1 };
      table.showTotals = false;
    }
    this.touch();
  }

  // --- conditional formats (see conditional-formats.ts) ---------------------------------------

  addConditionalFormat(sheet: SheetModel, rects: Rect[]): ConditionalFormatModel {
    return addConditionalFormat(this, sheet, rects);
  }

  findConditionalFormat(id: string): { sheet: SheetModel; cf: ConditionalFormatModel } | undefined {
    return findConditionalFormat(this, id);
  }

  /** Collects and clears the pending value changes. */
  drainChanges(): ValueChange[] {
    const out = this.changes;
    this.changes = [];
    return out;
  }
}
