/// <reference types="office-js" />
/** A sheet of the workbook model: sparse cells, formats, protection, and Excel's checks on edits (model; no proxies). */
import type { Rect } from "../address";
import { cellAddress, columnCount, formatAddress, intersects, isEntireColumns, isEntireRows, MAX_COLUMNS, MAX_ROWS, rowCount } from "../address";
import { MESSAGES, officeError } from "../errors";
import { along, CELL_LIMIT, DEFAULT_COLUMN_WIDTH, DEFAULT_FORMAT, DEFAULT_ROW_HEIGHT, defaultProtectionOptions, DENSE_LIMIT, hasContent, isEmptyRecord, keyCol, keyRow, shiftRect } from "./cells";
import { clearConditionalFormats, conditionalFormatsIn } from "./conditional-formats";
import { applyDataValidation, clearDataValidation, validationAt, validationsIn } from "./data-validation";
import { defaultPageLayout } from "./page-layout";
import { assertNotPivot } from "./pivot-table";
import type { CellValue } from "../values";
import { formatValue, formulaR1C1ToA1, interpretInput, isErrorLiteral, valueType } from "../values";
import { area, rect as makeRect } from "../address";
import { cellKey } from "./cells";
import type { CellFormat, CellRecord, CellView, ChartModel, ConditionalFormatModel, DataValidationModel, FormatKey, NoteModel, PageLayoutModel, PivotTableModel, SheetModel, SheetProtection, Shift, TableModel, ValueChange, WorkbookModel, WriteMode } from "./types";
// ---------------------------------------------------------------------------------------------
// Sheets

export class Sheet implements SheetModel {
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
  /** Charts, in creation order (model/chart.ts). */
  charts: ChartModel[] = [];
  /** Print settings (model/page-layout.ts). */
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
  /** PivotTables whose cells are on this sheet (model/pivot-table.ts). */
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
