/**
 * The in-memory Excel host: a faithful fake of the parts of the Office.js Excel API that Impact
 * Returns uses, for tests and for the task pane's browser preview. See docs/memory-host.md.
 */
export { compareVersions, type HostChange, type HostListener, MemoryExcelHost, type MemoryExcelHostOptions } from "./host";
export {
  type CellFormat,
  type CellRecord,
  type CellView,
  type ConditionalFormatModel,
  type DataValidationModel,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FORMAT,
  DEFAULT_ROW_HEIGHT,
  type EvaluateFormula,
  type NoteModel,
  type SheetModel,
  type TableColumnModel,
  type TableModel,
  type WorkbookModel,
} from "./model";
export type {
  CellInput,
  CellSnapshot,
  ConditionalFormatSnapshot,
  DataValidationSnapshot,
  NamedItemSnapshot,
  NoteSnapshot,
  PageLayoutSnapshot,
  ProtectionSnapshot,
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "./snapshot";
export {
  isOfficeHostError,
  NotImplementedByHostError,
  type OfficeDebugInfo,
  type OfficeErrorCode,
  OfficeHostError,
} from "./errors";
export { type Mirror, REQUIREMENTS } from "./core";
export {
  cellAddress,
  columnIndex,
  columnLetters,
  formatAddress,
  formatArea,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  quoteSheetName,
  type Rect,
  tryParseAddress,
} from "./address";
export { type CellValue, formatValue } from "./values";
export {
  type Aggregation,
  computePivot,
  fieldItems,
  itemName,
  type PivotDataModel,
  type PivotLayoutModel,
  type PivotTableModel,
  type PivotTableSnapshot,
} from "./pivot-table";
export { type ChartData, chartData, type ChartModel, type ChartSeriesModel, type ChartSnapshot, columnLeft, rowTop } from "./chart";
export { defaultPageLayout, type HeaderFooterModel, type PageLayoutModel } from "./page-layout";
export { isValidDefinedName, type NamedItemModel, nameOwner } from "./named-items";
