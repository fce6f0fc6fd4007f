/// <reference types="office-js" />
/**
 * The shapes of the workbook model, shared by its modules: the plain data and what a sheet, a table, a
 * PivotTable, a chart and the workbook offer. It imports nothing from the other model modules, so
 * that they need not import each other for types (a sheet knows its workbook, which holds its sheets):
 * each module imports these and implements its part (`Sheet implements SheetModel`...).
 */
import type { Rect } from "../address";
import type { CellValue } from "../values";

// ---------------------------------------------------------------------------------------------
// The workbook (model/workbook.ts)

export interface WorkbookModel {
  sheets: SheetModel[];
  tables: TableModel[];
  /** PivotTables of every sheet, in creation order (model/pivot-table.ts). */
  pivotTables: PivotTableModel[];
  /** Defined names (model/named-items.ts); they share one namespace with tables and PivotTables. */
  names: NamedItemModel[];
  activeSheetId: string;
  /** Increases on every change; hosts compare it to know whether anything changed. */
  version: number;
  /** Value changes not yet reported to event handlers. */
  changes: ValueChange[];
  evaluateFormula: EvaluateFormula | undefined;
  authorName: string;
  /** Whether `Application.suspendApiCalculationUntilNextSync` is in effect (reset at each sync). */
  calculationSuspended: boolean;
  /** Numbers for the ids of new PivotTables and charts. */
  nextPivotId: number;
  nextChartId: number;
  /** The next conditional format's number (for its id). */
  nextConditionalFormatId: number;
  touch(): void;
  /** Removes every sheet and table (the workbook is then rebuilt, e.g. from a snapshot). */
  clear(): void;
  readonly activeSheet: SheetModel;
  findSheet(key: string): SheetModel | undefined;
  getSheet(key: string, location: string): SheetModel;
  /** Excel's rules for sheet names. */
  validateSheetName(name: unknown, location: string, except?: SheetModel): string;
  addSheet(name: string | undefined, location: string): SheetModel;
  renameSheet(sheet: SheetModel, name: unknown, location: string): void;
  visibleSheets(): SheetModel[];
  deleteSheet(sheet: SheetModel, location: string): void;
  moveSheet(sheet: SheetModel, position: unknown, location: string): void;
  setVisibility(sheet: SheetModel, visibility: unknown, location: string): void;
  activate(sheet: SheetModel, location: string): void;
  select(sheet: SheetModel, r: Rect, location: string): void;
  findTable(key: string): TableModel | undefined;
  validateTableName(name: unknown, location: string, except?: TableModel): string;
  /** `tables.add(address, hasHeaders)`, as Excel does it. */
  addTable(sheet: SheetModel, r: Rect, hasHeaders: boolean, location: string): TableModel;
  /** Creates a table over `r` (header row included) without Excel's checks; used for seeding. */
  createTable(sheet: SheetModel, r: Rect, name?: string): TableModel;
  deleteTable(table: TableModel, clearCells: boolean): void;
  /** `Table.rows.add`: inserts data rows at `index` (null appends), then writes `values`. */
  addTableRows(table: TableModel, index: number | null, values: unknown, location: string): { index: number; rect: Rect };
  /** Deletes data rows `index..index+count-1` of a table, moving the cells below up. */
  deleteTableRows(table: TableModel, index: number, count: number, location: string): void;
  /** `Table.columns.add`: inserts a column at `index` (null appends), with optional values and name. */
  addTableColumn(table: TableModel, index: number | null, values: unknown, name: string | undefined, location: string): TableColumnModel;
  deleteTableColumn(table: TableModel, index: number, location: string): void;
  /** `Table.resize`: the header row must stay put and the new range must overlap the old one. */
  resizeTable(table: TableModel, r: Rect, location: string): void;
  setTableShowHeaders(table: TableModel, show: boolean, location: string): void;
  setTableShowTotals(table: TableModel, show: boolean, location: string): void;
  addConditionalFormat(sheet: SheetModel, rects: Rect[]): ConditionalFormatModel;
  findConditionalFormat(id: string): { sheet: SheetModel; cf: ConditionalFormatModel } | undefined;
  /** Collects and clears the pending value changes. */
  drainChanges(): ValueChange[];
}

export interface EvaluateFormula {
  (formula: string, cell: { sheet: string; address: string }): CellValue | undefined;
}

// ---------------------------------------------------------------------------------------------
// Sheets (model/sheet.ts)

export interface SheetModel {
  readonly workbook: WorkbookModel;
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** "" for no tab colour, else "#RRGGBB". */
  tabColor: string;
  readonly cells: Map<number, CellRecord>;
  readonly columnFormats: Map<number, Partial<CellFormat>>;
  readonly rowFormats: Map<number, Partial<CellFormat>>;
  readonly columnWidths: Map<number, number>;
  readonly rowHeights: Map<number, number>;
  standardWidth: number;
  standardHeight: number;
  readonly hiddenRows: Set<number>;
  readonly hiddenColumns: Set<number>;
  protection: SheetProtection;
  freeze: { rows: number; columns: number };
  dataValidations: DataValidationModel[];
  /** In priority order: index 0 is priority 0 (evaluated first). */
  conditionalFormats: ConditionalFormatModel[];
  notes: NoteModel[];
  /** Charts, in creation order (model/chart.ts). */
  charts: ChartModel[];
  /** Print settings (model/page-layout.ts). */
  pageLayout: PageLayoutModel;
  /** The sheet's selection (restored when the sheet is activated). */
  selection: Rect;
  deleted: boolean;
  /** Tables on this sheet, in creation order. */
  /** PivotTables whose cells are on this sheet (model/pivot-table.ts). */
  readonly pivotTables: PivotTableModel[];
  readonly tables: TableModel[];
  address(r: Rect): string;
  cellAt(row: number, col: number): CellRecord | undefined;
  formatAt<K extends FormatKey>(row: number, col: number, key: K): CellFormat[K];
  /** Value as `Range.values` reads it. */
  valueAt(row: number, col: number): CellValue;
  isErrorAt(row: number, col: number): boolean;
  /** What `Range.formulas` reads: the formula, or the constant. */
  formulaAt(row: number, col: number): CellValue;
  textAt(row: number, col: number): string;
  view(row: number, col: number): CellView;
  /** Builds a 2-D array by reading every cell of `r` (refusing over-large reads as Excel does). */
  read<T>(r: Rect, fn: (row: number, col: number) => T, location: string): T[][];
  /** Calls `fn` for each stored cell inside `r`. */
  forEachStored(r: Rect, fn: (cell: CellRecord, row: number, col: number, key: number) => void): void;
  /** Distinct effective values of a format property over `r` (stops after two). */
  distinctFormat<K extends FormatKey>(r: Rect, key: K): CellFormat[K][];
  /** The uniform value of a format property over `r`, or null when cells differ (as Office). */
  uniformFormat<K extends FormatKey>(r: Rect, key: K): CellFormat[K] | null;
  /** Bounding rectangle of cells with values (or, unless valuesOnly, with formats too), optionally within a range. */
  usedRect(valuesOnly: boolean, within?: Rect): Rect | null;
  columnWidth(col: number): number;
  rowHeight(row: number): number;
  tableAt(row: number, col: number): TableModel | undefined;
  noteAt(row: number, col: number): NoteModel | undefined;
  /** Excel refuses to change locked cells of a protected sheet. */
  assertCanEdit(r: Rect, location: string): void;
  /** Formatting on a protected sheet needs the matching "allow" option. */
  assertCanFormat(kind: "cells" | "columns" | "rows", location: string): void;
  /** Operations no protection option allows (tables, validation, locking cells...). */
  assertUnprotected(location: string): void;
  /**
   * Writes `Range.values`/`formulas`/`formulasR1C1` (or a user's typing) to `r`. A 2-D array must
   * match the range's shape; a single value applies to every cell; null leaves a cell alone.
   */
  writeInputs(r: Rect, input: unknown, mode: WriteMode, location: string): void;
  /** Sets the cached result of a formula (tests stand in for Excel's calculation). */
  setCalculated(row: number, col: number, value: CellValue): void;
  clearContents(r: Rect): void;
  /** Sets format properties on every cell of `r`, using column/row formats for whole columns/rows. */
  setFormat(r: Rect, patch: Partial<CellFormat>): void;
  /**
   * Sets one format property cell by cell from a 2-D source (e.g. `Range.numberFormat = [[...]]`);
   * `undefined` entries are left alone.
   */
  setFormatCells<K extends FormatKey>(r: Rect, key: K, valueAt: (i: number, j: number) => CellFormat[K] | undefined): void;
  /** Resets all formats of `r` and removes the conditional formats there. */
  clearFormats(r: Rect): void;
  setColumnWidth(r: Rect, width: number, location: string): void;
  setRowHeight(r: Rect, height: number, location: string): void;
  /** Estimates text widths the way autofit would (Excel measures glyphs; this approximates). */
  autofitColumns(r: Rect): void;
  autofitRows(r: Rect): void;
  setHidden(kind: "rows" | "columns", r: Rect, hidden: boolean): void;
  /**
   * Inserts or deletes a block of cells, moving the cells after it (within the shift's span), with
   * the tables, validations, conditional formats and notes there. Fails as Excel does if a table
   * would be cut or non-blank cells would fall off the sheet.
   */
  shiftCells(shift: Shift, location: string, except?: TableModel): void;
  /** Re-derives the column names of tables whose header row intersects `r` (headers are text). */
  refreshTableHeaders(r: Rect): void;
  /** Applies part of a data validation to `r`, keeping the other settings of the cells there. */
  applyDataValidation(r: Rect, patch: Partial<Omit<DataValidationModel, "rect">>): void;
  clearDataValidation(r: Rect): void;
  validationsIn(r: Rect): DataValidationModel[];
  validationAt(row: number, col: number): DataValidationModel | undefined;
  conditionalFormatsIn(r: Rect): ConditionalFormatModel[];
  clearConditionalFormats(r: Rect): void;
  addNote(row: number, col: number, content: string, location: string): NoteModel;
  deleteNotes(r: Rect): void;
}

// ---------------------------------------------------------------------------------------------
// Cells, formats, protection, notes (model/cells.ts)

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

/** The effective state of a cell, as a grid would show it: its formats (but `formulaHidden`) and these. */
export interface CellView extends Omit<CellFormat, "formulaHidden"> {
  address: string;
  row: number;
  column: number;
  /** What `Range.values` returns: the constant, or a formula's calculated value ("" if none). */
  value: CellValue;
  formula: string | null;
  calculated: CellValue | null;
  text: string;
  valueType: string;
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

// ---------------------------------------------------------------------------------------------
// Tables (model/table.ts)

export interface TableModel {
  readonly id: string;
  readonly sheet: SheetModel;
  name: string;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  columns: TableColumnModel[];
  deleted: boolean;
  readonly headerRect: Rect | null;
  readonly totalRect: Rect | null;
  readonly dataRect: Rect;
  readonly dataRowCount: number;
  readonly address: string;
  columnIndexOf(key: number | string): number;
  /** Reads the header cells and makes them unique, non-blank text, as Excel keeps them. */
  refreshHeaders(): void;
  addColumnModel(index: number): TableColumnModel;
}

// ---------------------------------------------------------------------------------------------
// Data validation (model/data-validation.ts)

export interface DataValidationPromptModel {
  message: string;
  showPrompt: boolean;
  title: string;
}

export interface DataValidationErrorAlertModel {
  message: string;
  showAlert: boolean;
  style: string;
  title: string;
}

/** One rectangle of cells sharing a data validation. `rule` is `{}` for "any value". */
export interface DataValidationModel {
  rect: Rect;
  rule: Excel.DataValidationRule;
  prompt: DataValidationPromptModel;
  errorAlert: DataValidationErrorAlertModel;
  ignoreBlanks: boolean;
}

// ---------------------------------------------------------------------------------------------
// Conditional formats (model/conditional-formats.ts)

/** A custom (formula) conditional format. Priority is the position in the sheet's list. */
export interface ConditionalFormatModel {
  id: string;
  type: "Custom";
  rects: Rect[];
  formula: string;
  fillColor: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  numberFormat: string | null;
  stopIfTrue: boolean;
}

// ---------------------------------------------------------------------------------------------
// Named items (model/named-items.ts)

export interface NamedItemModel {
  name: string;
  /** "=Sheet1!$A$1:$B$2", "=42", "=\"text\"". */
  formula: string;
  comment: string;
  visible: boolean;
  /** Defined names are workbook-scoped here (sheet-scoped names are not modelled). */
  readonly deleted?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Page layout (model/page-layout.ts)

export interface HeaderFooterModel {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export type HeaderFooterSet = "defaultForAllPages" | "firstPage" | "oddPages" | "evenPages";

export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  /** `{ scale }` or `{ horizontalFitToPages, verticalFitToPages }`. */
  zoom: Excel.PageLayoutZoomOptions;
  /** Margins in points. */
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  printOrder: "DownThenOver" | "OverThenDown";
  /** Rows repeated at the top of each page (0-based, inclusive), or null. */
  printTitleRows: { r0: number; r1: number } | null;
  printTitleColumns: { c0: number; c1: number } | null;
  /** The print area, or null for the whole used range. */
  printArea: Rect | null;
  /** Manual page breaks: 0-based rows that start a new page (worksheet.horizontalPageBreaks). */
  rowBreaks: number[];
  headersFooters: Record<HeaderFooterSet, HeaderFooterModel> & {
    state: "Default" | "FirstAndDefault" | "OddAndEven" | "FirstOddAndEven";
    useSheetMargins: boolean;
    useSheetScale: boolean;
  };
}

// ---------------------------------------------------------------------------------------------
// Charts (model/chart.ts)

export interface ChartModel {
  readonly id: string;
  name: string;
  chartType: string;
  readonly sheet: SheetModel;
  /** The range given to `add` (resolved address), or null. */
  source: ChartRef | null;
  seriesBy: "Columns" | "Rows";
  title: { text: string; visible: boolean };
  legend: { visible: boolean; position: string };
  axes: { category: ChartAxisModel; value: ChartAxisModel };
  series: ChartSeriesModel[];
  /** Position and size in points, from the sheet's top-left corner. */
  top: number;
  left: number;
  width: number;
  height: number;
  deleted: boolean;
}

/** Cells a chart reads: a rectangle of a sheet. */
export interface ChartRef {
  sheet: SheetModel;
  rect: Rect;
}

export interface ChartSeriesModel {
  name: string;
  /** The cells of the series' values (one row or one column), or null before `setValues`. */
  values: ChartRef | null;
  /** The cells of the category (x axis) labels, or null for 1, 2, 3... */
  categories: ChartRef | null;
  /** The series' own type, or null to follow the chart's. */
  chartType: string | null;
}

export interface ChartAxisModel {
  title: { text: string; visible: boolean };
  numberFormat: string;
  /** The value axis's fixed minimum, or null for automatic. */
  minimum: number | null;
}

// ---------------------------------------------------------------------------------------------
// PivotTables (model/pivot-table.ts)

export interface PivotTableModel {
  readonly id: string;
  name: string;
  readonly sheet: SheetModel;
  anchor: { row: number; column: number };
  readonly source: PivotSource;
  rows: string[];
  columns: string[];
  filters: string[];
  data: PivotDataModel[];
  /** Hidden item names, by lower-case field name (lower-case item names). */
  hidden: Map<string, Set<string>>;
  /** `PivotField.subtotals`, by lower-case field name (automatic when absent). */
  subtotals: Map<string, Excel.Subtotals>;
  layout: PivotLayoutModel;
  cache: PivotCache;
  rendered: PivotRendered | null;
  deleted: boolean;
  nextDataId: number;
  readonly workbook: WorkbookModel;
  /** The source field called `name` (case-insensitive), as the cache spells it. */
  field(name: string): string | undefined;
  fieldIndex(name: string): number;
  areaOf(field: string): PivotArea | undefined;
  /** The whole area the pivot occupies (filter area included). */
  readonly wholeRect: Rect | null;
}

export type PivotLayoutType = "Compact" | "Tabular" | "Outline";

export type SubtotalLocation = "AtTop" | "AtBottom" | "Off";

export type PivotArea = "rows" | "columns" | "filters";

export type Aggregation = "Sum" | "Count" | "Average" | "Max" | "Min" | "Product" | "CountNumbers";

export interface PivotDataModel {
  id: number;
  /** The source field summarised. */
  field: string;
  name: string;
  /** False while the name is Excel's default ("Sum of Value"), which follows `summarizeBy`. */
  customName: boolean;
  summarizeBy: Aggregation;
  numberFormat: string;
}

export interface PivotLayoutModel {
  layoutType: PivotLayoutType;
  /** Grand totals for rows: the "Grand Total" column at the right (see docs/memory-host.md). */
  showRowGrandTotals: boolean;
  /** Grand totals for columns: the "Grand Total" row at the bottom. */
  showColumnGrandTotals: boolean;
  subtotalLocation: SubtotalLocation;
  preserveFormatting: boolean;
  autoFormat: boolean;
}

/** One cached source value: the value and the text Excel shows for it (its item name). */
export interface PivotCacheValue {
  value: CellValue;
  text: string;
  numberFormat: string;
}

export interface PivotCache {
  fields: string[];
  records: PivotCacheValue[][];
}

export type PivotSource = { kind: "table"; table: TableModel } | { kind: "range"; sheet: SheetModel; rect: Rect };

/** Where the pivot's cells are, as last written. */
export interface PivotRendered {
  /** The body (headers, items, values, totals): `layout.getRange()`. */
  body: Rect;
  /** The values area, totals included: `layout.getDataBodyRange()`. */
  data: Rect | null;
  /** The filter area above the body: `layout.getFilterAxisRange()`. */
  filter: Rect | null;
}
