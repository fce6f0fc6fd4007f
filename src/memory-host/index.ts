/**
 * The in-memory Excel host: a faithful fake of the parts of the Office.js Excel API that Impact
 * Returns uses, for tests and for the task pane's browser preview. See docs/memory-host.md.
 */
export { compareVersions, type HostChange, type HostListener, MemoryExcelHost, type MemoryExcelHostOptions } from "./host";
export {
  type CellFormat,
  type CellRecord,
  type CellView,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FORMAT,
  DEFAULT_ROW_HEIGHT,
  type NoteModel,
  type TableColumnModel,
} from "./model/cells";
export { type ConditionalFormatModel } from "./model/conditional-formats";
export { type DataValidationModel } from "./model/data-validation";
export { type SheetModel } from "./model/sheet";
export { type TableModel } from "./model/table";
export { type EvaluateFormula, type WorkbookModel } from "./model/workbook";
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
export { type Mirror, REQUIREMENTS } from "./api/core";
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
} from "./model/pivot-table";
export { type ChartData, chartData, type ChartModel, type ChartSeriesModel, type ChartSnapshot, columnLeft, rowTop } from "./model/chart";
export { defaultPageLayout, type HeaderFooterModel, type PageLayoutModel } from "./model/page-layout";
export { isValidDefinedName, type NamedItemModel, nameOwner } from "./model/named-items";
