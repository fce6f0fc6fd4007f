/// <reference types="office-js" />
/**
 * Plain, JSON-friendly snapshots of the workbook model: to seed a host (e.g. a workbook with a
 * foreign sheet) and to inspect or serialise one. Addresses are A1 without the sheet name.
 */
import type { Rect } from "./address";
import { cellAddress, columnLetters, formatArea, parseAddress, parseColumnLabel } from "./address";
import { DEFAULT_FORMAT, FORMAT_KEYS } from "./model/cells";
import type { ChartSnapshot } from "./model/chart";
import { chartSnapshot, loadChartSnapshot } from "./model/chart";
import { DEFAULT_ERROR_ALERT } from "./model/data-validation";
import { defaultPageLayout } from "./model/page-layout";
import type { PivotTableSnapshot } from "./model/pivot-table";
import { loadPivotSnapshot, pivotSnapshot } from "./model/pivot-table";
import type { CellValue } from "./values";
import { isErrorLiteral } from "./values";
import { DEFAULT_PROMPT } from "./model/data-validation";
import { defaultProtectionOptions } from "./model/cells";
import type { CellFormat, CellRecord, PageLayoutModel, SheetModel, WorkbookModel } from "./model/types";

/** A cell in a snapshot: its content plus any format properties set on it. */
export interface CellSnapshot extends Partial<CellFormat> {
  /** A constant (taken literally: a string beginning with "=" stays text). */
  value?: CellValue;
  /** A formula such as "=SUM(B2:B9)". */
  formula?: string;
  /** The formula's cached result (the host does not calculate). */
  calculated?: CellValue;
  /** The constant is an error value such as "#N/A". */
  error?: boolean;
}

/** Shorthand in `cells`: a bare value, where a string beginning with "=" is a formula. */
export type CellInput = CellValue | CellSnapshot;

export interface TableSnapshot {
  name: string;
  /** The whole table, header (and total row) included, e.g. "A1:D20". */
  range: string;
  /** Column names; written to the header cells when given. */
  columns?: string[];
  style?: string;
  showHeaders?: boolean;
  showTotals?: boolean;
  showBandedRows?: boolean;
  showBandedColumns?: boolean;
  showFilterButton?: boolean;
  highlightFirstColumn?: boolean;
  highlightLastColumn?: boolean;
}

export interface DataValidationSnapshot {
  range: string;
  rule: Excel.DataValidationRule;
  prompt?: Partial<Excel.DataValidationPrompt>;
  errorAlert?: Partial<Excel.DataValidationErrorAlert>;
  ignoreBlanks?: boolean;
}

export interface ConditionalFormatSnapshot {
  /** One or more areas separated by commas, e.g. "B2:B20" or "B2:B20,D2:D20". */
  range: string;
  formula: string;
  fillColor?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  numberFormat?: string | null;
  stopIfTrue?: boolean;
}

export interface NoteSnapshot {
  address: string;
  content: string;
  authorName?: string;
  visible?: boolean;
  width?: number;
  height?: number;
}

export interface ProtectionSnapshot {
  protected: boolean;
  options?: Partial<Excel.WorksheetProtectionOptions>;
  password?: string | null;
}

export interface SheetSnapshot {
  name: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** "" or "#RRGGBB". */
  tabColor?: string;
  /** Rows of values written from A1 (strings beginning with "=" are formulas). */
  rows?: CellValue[][];
  /** Cells by A1 address. */
  cells?: Record<string, CellInput>;
  /** Formats of whole columns, by letter ("C"). */
  columnFormats?: Record<string, Partial<CellFormat>>;
  /** Formats of whole rows, by 1-based number ("7"). */
  rowFormats?: Record<string, Partial<CellFormat>>;
  /** Column widths in points, by letter. */
  columnWidths?: Record<string, number>;
  /** Row heights in points, by 1-based number. */
  rowHeights?: Record<string, number>;
  standardWidth?: number;
  standardHeight?: number;
  /** 1-based row numbers. */
  hiddenRows?: number[];
  /** Column letters. */
  hiddenColumns?: string[];
  tables?: TableSnapshot[];
  protection?: ProtectionSnapshot;
  freeze?: { rows: number; columns: number };
  dataValidations?: DataValidationSnapshot[];
  conditionalFormats?: ConditionalFormatSnapshot[];
  notes?: NoteSnapshot[];
  /** The sheet's selected range, e.g. "B3". */
  selection?: string;
  /** PivotTables whose cells are on this sheet (their cells are recomputed from the source on load). */
  pivotTables?: PivotTableSnapshot[];
  charts?: ChartSnapshot[];
  /** Print settings that differ from a new sheet's; print titles and area as A1 ("1:2", "A1:H40"). */
  pageLayout?: PageLayoutSnapshot;
}

export type PageLayoutSnapshot = Partial<Omit<PageLayoutModel, "printTitleRows" | "printTitleColumns" | "printArea">> & {
  printTitleRows?: string;
  printTitleColumns?: string;
  printArea?: string;
};

export interface NamedItemSnapshot {
  name: string;
  /** "=Data!$A$1:$A$9", "=42"... */
  formula: string;
  comment?: string;
  visible?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Name of the active sheet (defaults to the first visible one). */
  activeSheet?: string;
  /** Defined names (workbook scope). */
  names?: NamedItemSnapshot[];
}

function area(address: string): Rect {
  return parseAddress(address).rect;
}

function toRecord(input: CellInput): CellRecord {
  if (input === null || typeof input !== "object") {
    if (typeof input === "string" && input.startsWith("=") && input.length > 1) return { value: "", formula: input };
    return { value: input };
  }
  const record: CellRecord = { value: input.value ?? "" };
  if (input.formula !== undefined) {
    record.value = "";
    record.formula = input.formula;
    if (input.calculated !== undefined) record.calculated = input.calculated;
  }
  if (input.error || (input.error === undefined && input.formula === undefined && isErrorLiteral(input.value))) record.error = true;
  const format: Partial<CellFormat> = {};
  for (const key of FORMAT_KEYS) {
    const v = input[key];
    if (v !== undefined) (format as Record<string, unknown>)[key] = v;
  }
  if (Object.keys(format).length) record.format = format;
  return record;
}

function setCell(sheet: SheetModel, address: string, input: CellInput): void {
  const r = area(address);
  const record = toRecord(input);
  for (let row = r.r0; row <= r.r1; row++) {
    for (let col = r.c0; col <= r.c1; col++) {
      sheet.cells.set(row * 16_384 + col, { ...record, ...(record.format ? { format: { ...record.format } } : {}) });
    }
  }
}

/** Replaces the model's content with the snapshot's. */
export function loadSnapshot(model: WorkbookModel, snapshot: WorkbookSnapshot): void {
  if (!snapshot.sheets.length) throw new Error("Memory Excel host: a workbook needs at least one sheet");
  model.clear();
  for (const s of snapshot.sheets) {
    const sheet = model.addSheet(s.name, "seed");
    if (s.visibility) sheet.visibility = s.visibility;
    if (s.tabColor) sheet.tabColor = s.tabColor;
    s.rows?.forEach((line, i) => line.forEach((value, j) => value !== "" && value !== null && value !== undefined && setCell(sheet, cellAddress(i, j), value)));
    for (const [address, input] of Object.entries(s.cells ?? {})) setCell(sheet, address, input);
    for (const [label, format] of Object.entries(s.columnFormats ?? {})) sheet.columnFormats.set(parseColumnLabel(label), { ...format });
    for (const [label, format] of Object.entries(s.rowFormats ?? {})) sheet.rowFormats.set(Number(label) - 1, { ...format });
    for (const [label, width] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(parseColumnLabel(label), width);
    for (const [label, height] of Object.entries(s.rowHeights ?? {})) sheet.rowHeights.set(Number(label) - 1, height);
    if (s.standardWidth !== undefined) sheet.standardWidth = s.standardWidth;
    if (s.standardHeight !== undefined) sheet.standardHeight = s.standardHeight;
    for (const row of s.hiddenRows ?? []) sheet.hiddenRows.add(row - 1);
    for (const label of s.hiddenColumns ?? []) sheet.hiddenColumns.add(parseColumnLabel(label));
    for (const t of s.tables ?? []) {
      const r = area(t.range);
      const showHeaders = t.showHeaders ?? true;
      // The header cells take the column names, keeping any format the snapshot gave them.
      if (t.columns && showHeaders) {
        t.columns.forEach((name, i) => {
          const key = r.r0 * 16_384 + r.c0 + i;
          const given = sheet.cells.get(key);
          sheet.cells.set(key, given?.format ? { value: name, format: given.format } : { value: name });
        });
      }
      const table = model.createTable(sheet, r, t.name);
      if (!showHeaders) {
        table.showHeaders = false;
        t.columns?.forEach((name, i) => {
          const column = table.columns[i];
          if (column) column.name = name;
        });
      }
      Object.assign(table, {
        style: t.style ?? table.style,
        showTotals: t.showTotals ?? false,
        showBandedRows: t.showBandedRows ?? table.showBandedRows,
        showBandedColumns: t.showBandedColumns ?? table.showBandedColumns,
        showFilterButton: t.showFilterButton ?? table.showFilterButton,
        highlightFirstColumn: t.highlightFirstColumn ?? table.highlightFirstColumn,
        highlightLastColumn: t.highlightLastColumn ?? table.highlightLastColumn,
      });
    }
    for (const dv of s.dataValidations ?? []) {
      sheet.dataValidations.push({
        rect: area(dv.range),
        rule: structuredClone(dv.rule),
        prompt: { ...DEFAULT_PROMPT, ...dv.prompt },
        errorAlert: { ...DEFAULT_ERROR_ALERT, ...dv.errorAlert } as typeof DEFAULT_ERROR_ALERT,
        ignoreBlanks: dv.ignoreBlanks ?? true,
      });
    }
    for (const cf of s.conditionalFormats ?? []) {
      const created = model.addConditionalFormat(sheet, cf.range.split(",").map((a) => area(a)));
      sheet.conditionalFormats.push(sheet.conditionalFormats.shift() as typeof created); // keep the snapshot's order
      Object.assign(created, {
        formula: cf.formula,
        fillColor: cf.fillColor ?? null,
        fontColor: cf.fontColor ?? null,
        bold: cf.bold ?? null,
        italic: cf.italic ?? null,
        numberFormat: cf.numberFormat ?? null,
        stopIfTrue: cf.stopIfTrue ?? false,
      });
    }
    for (const note of s.notes ?? []) {
      const r = area(note.address);
      sheet.notes.push({
        row: r.r0,
        column: r.c0,
        content: note.content,
        authorName: note.authorName ?? model.authorName,
        visible: note.visible ?? false,
        width: note.width ?? 144,
        height: note.height ?? 79.2,
      });
    }
    if (s.freeze) sheet.freeze = { ...s.freeze };
    if (s.selection) sheet.selection = area(s.selection);
    if (s.protection) {
      sheet.protection = {
        protected: s.protection.protected,
        options: { ...defaultProtectionOptions(), ...(s.protection.options as object) },
        password: s.protection.password ?? null,
      };
    }
  }
  for (const n of snapshot.names ?? []) model.names.push({ name: n.name, formula: n.formula, comment: n.comment ?? "", visible: n.visible ?? true });
  // Charts and pivots last: their sources may be on any sheet.
  for (const s of snapshot.sheets) {
    const sheet = model.findSheet(s.name) as SheetModel;
    for (const p of s.pivotTables ?? []) loadPivotSnapshot(model, sheet, p);
    for (const c of s.charts ?? []) loadChartSnapshot(sheet, c);
    if (s.pageLayout) sheet.pageLayout = loadPageLayout(s.pageLayout);
  }
  // Placing a pivot clears the cells it passes over on the way (its first, empty layout): the
  // snapshot's cells outside every pivot (a heading above one) go back as they were.
  for (const s of snapshot.sheets) {
    const sheet = model.findSheet(s.name) as SheetModel;
    const pivots = sheet.pivotTables.map((p) => p.wholeRect).filter((r): r is Rect => r !== null);
    if (!pivots.length) continue;
    for (const [address, input] of Object.entries(s.cells ?? {})) {
      const r = area(address);
      const inPivot = pivots.some((p) => r.r0 <= p.r1 && r.r1 >= p.r0 && r.c0 <= p.c1 && r.c1 >= p.c0);
      if (!inPivot) setCell(sheet, address, input);
    }
  }
  const active = snapshot.activeSheet ? model.findSheet(snapshot.activeSheet) : model.visibleSheets()[0];
  model.activeSheetId = active?.id ?? model.sheets[0]?.id ?? "";
  model.touch();
}

function cellSnapshot(cell: CellRecord): CellInput {
  const plain = !cell.format && !cell.error && cell.formula === undefined;
  if (plain && !(typeof cell.value === "string" && cell.value.startsWith("="))) return cell.value;
  const out: CellSnapshot = {};
  if (cell.formula !== undefined) {
    out.formula = cell.formula;
    if (cell.calculated !== undefined) out.calculated = cell.calculated;
  } else if (cell.value !== "") out.value = cell.value;
  if (cell.error) out.error = true;
  Object.assign(out, cell.format);
  return out;
}

function nonDefault(format: Partial<CellFormat>): Partial<CellFormat> {
  const out: Partial<CellFormat> = {};
  for (const key of FORMAT_KEYS) {
    if (format[key] !== undefined && format[key] !== DEFAULT_FORMAT[key]) (out as Record<string, unknown>)[key] = format[key];
  }
  return out;
}

/** A plain snapshot of the model (everything `loadSnapshot` can rebuild). */
export function toSnapshot(model: WorkbookModel): WorkbookSnapshot {
  const sheets = model.sheets.map((sheet): SheetSnapshot => {
    const s: SheetSnapshot = { name: sheet.name };
    if (sheet.visibility !== "Visible") s.visibility = sheet.visibility;
    if (sheet.tabColor) s.tabColor = sheet.tabColor;
    const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
    if (keys.length) {
      s.cells = {};
      for (const key of keys) {
        const cell = sheet.cells.get(key) as CellRecord;
        s.cells[cellAddress(Math.floor(key / 16_384), key % 16_384)] = cellSnapshot(cell);
      }
    }
    const columnFormats = [...sheet.columnFormats].filter(([, f]) => Object.keys(nonDefault(f)).length);
    if (columnFormats.length) s.columnFormats = Object.fromEntries(columnFormats.map(([c, f]) => [columnLetters(c), nonDefault(f)]));
    const rowFormats = [...sheet.rowFormats].filter(([, f]) => Object.keys(f).length);
    if (rowFormats.length) s.rowFormats = Object.fromEntries(rowFormats.map(([r, f]) => [String(r + 1), { ...f }]));
    if (sheet.columnWidths.size) s.columnWidths = Object.fromEntries([...sheet.columnWidths].map(([c, w]) => [columnLetters(c), w]));
    if (sheet.rowHeights.size) s.rowHeights = Object.fromEntries([...sheet.rowHeights].map(([r, h]) => [String(r + 1), h]));
    if (sheet.standardWidth !== 48) s.standardWidth = sheet.standardWidth;
    if (sheet.standardHeight !== 15) s.standardHeight = sheet.standardHeight;
    if (sheet.hiddenRows.size) s.hiddenRows = [...sheet.hiddenRows].sort((a, b) => a - b).map((r) => r + 1);
    if (sheet.hiddenColumns.size) s.hiddenColumns = [...sheet.hiddenColumns].sort((a, b) => a - b).map((c) => columnLetters(c));
    if (sheet.tables.length) {
      s.tables = sheet.tables.map((t) => ({
        name: t.name,
        range: formatArea(t.rect),
        columns: t.columns.map((c) => c.name),
        style: t.style,
        showHeaders: t.showHeaders,
        showTotals: t.showTotals,
        showBandedRows: t.showBandedRows,
        showBandedColumns: t.showBandedColumns,
        showFilterButton: t.showFilterButton,
        highlightFirstColumn: t.highlightFirstColumn,
        highlightLastColumn: t.highlightLastColumn,
      }));
    }
    if (sheet.protection.protected) {
      s.protection = { protected: true, options: { ...sheet.protection.options }, password: sheet.protection.password };
    }
    if (sheet.freeze.rows || sheet.freeze.columns) s.freeze = { ...sheet.freeze };
    if (sheet.dataValidations.length) {
      s.dataValidations = sheet.dataValidations.map((dv) => ({
        range: formatArea(dv.rect),
        rule: structuredClone(dv.rule),
        prompt: { ...dv.prompt },
        errorAlert: { ...dv.errorAlert } as Partial<Excel.DataValidationErrorAlert>,
        ignoreBlanks: dv.ignoreBlanks,
      }));
    }
    if (sheet.conditionalFormats.length) {
      s.conditionalFormats = sheet.conditionalFormats.map((cf) => ({
        range: cf.rects.map((r) => formatArea(r)).join(","),
        formula: cf.formula,
        fillColor: cf.fillColor,
        fontColor: cf.fontColor,
        bold: cf.bold,
        italic: cf.italic,
        numberFormat: cf.numberFormat,
        stopIfTrue: cf.stopIfTrue,
      }));
    }
    if (sheet.notes.length) {
      s.notes = sheet.notes.map((n) => ({
        address: cellAddress(n.row, n.column),
        content: n.content,
        authorName: n.authorName,
        visible: n.visible,
        width: n.width,
        height: n.height,
      }));
    }
    if (sheet.pivotTables.length) s.pivotTables = sheet.pivotTables.map(pivotSnapshot);
    if (sheet.charts.length) s.charts = sheet.charts.map(chartSnapshot);
    const layout = pageLayoutSnapshot(sheet.pageLayout);
    if (Object.keys(layout).length) s.pageLayout = layout;
    if (sheet.selection.r0 !== 0 || sheet.selection.c0 !== 0 || sheet.selection.r1 !== 0 || sheet.selection.c1 !== 0) {
      s.selection = formatArea(sheet.selection);
    }
    return s;
  });
  const out: WorkbookSnapshot = { sheets, activeSheet: model.activeSheet.name };
  if (model.names.length) out.names = model.names.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment, visible: n.visible }));
  return out;
}

function pageLayoutSnapshot(layout: PageLayoutModel): PageLayoutSnapshot {
  const defaults = defaultPageLayout() as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(layout)) {
    if (key === "printTitleRows" || key === "printTitleColumns" || key === "printArea") continue;
    if (JSON.stringify(value) !== JSON.stringify(defaults[key])) out[key] = structuredClone(value);
  }
  if (layout.printTitleRows) out.printTitleRows = `${layout.printTitleRows.r0 + 1}:${layout.printTitleRows.r1 + 1}`;
  if (layout.printTitleColumns) out.printTitleColumns = `${columnLetters(layout.printTitleColumns.c0)}:${columnLetters(layout.printTitleColumns.c1)}`;
  if (layout.printArea) out.printArea = formatArea(layout.printArea);
  return out as PageLayoutSnapshot;
}

function loadPageLayout(s: PageLayoutSnapshot): PageLayoutModel {
  const layout = defaultPageLayout();
  const { printTitleRows, printTitleColumns, printArea, headersFooters, ...rest } = s;
  Object.assign(layout, structuredClone(rest));
  if (headersFooters) layout.headersFooters = { ...layout.headersFooters, ...structuredClone(headersFooters) };
  if (printTitleRows) {
    const r = area(printTitleRows);
    layout.printTitleRows = { r0: r.r0, r1: r.r1 };
  }
  if (printTitleColumns) {
    const r = area(printTitleColumns);
    layout.printTitleColumns = { c0: r.c0, c1: r.c1 };
  }
  if (printArea) layout.printArea = area(printArea);
  return layout;
}

