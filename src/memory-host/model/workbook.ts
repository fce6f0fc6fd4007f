/// <reference types="office-js" />
/**
 * The workbook model: plain data (sheets, sparse cells, tables, validation, conditional formats,
 * notes) plus the operations Excel performs on it, with Excel's checks (protection, shapes, names,
 * overlaps). Proxies and `userEdit` both go through these operations. Errors are Office-shaped.
 */
import type { Rect } from "../address";
import { columnIndex, inGrid, intersects, isEntireColumns, isEntireRows, MAX_COLUMNS, MAX_ROWS, rowCount } from "../address";
import { MESSAGES, officeError } from "../errors";
import { hasContent } from "./cells";
import { addConditionalFormat, findConditionalFormat } from "./conditional-formats";
import { assertNameAvailable, nameOwner } from "./named-items";
import { pivotAt } from "./pivot-table";
import { Sheet } from "./sheet";
import { Table, TABLE_NAME } from "./table";
import { cellKey, DEFAULT_FORMAT } from "./cells";
import type { CellFormat, ConditionalFormatModel, EvaluateFormula, NamedItemModel, PivotTableModel, SheetModel, TableColumnModel, TableModel, ValueChange, WorkbookModel } from "./types";
// ---------------------------------------------------------------------------------------------
// Workbook

export class Workbook implements WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  /** PivotTables of every sheet, in creation order (model/pivot-table.ts). */
  pivotTables: PivotTableModel[] = [];
  /** Defined names (model/named-items.ts); they share one namespace with tables and PivotTables. */
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
    const sheet = new Sheet(this, id, finalName);
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
    // One namespace for tables, PivotTables and defined names (model/named-items.ts).
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
    const table = new Table(String(this.nextTableId++), name ?? `Table${n}`, sheet, r);
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