/**
 * The in-memory Excel host: a faithful fake of the parts of the Office.js Excel API that Impact
 * Returns uses, for tests and for the task pane's browser preview. See docs/memory-host.md.
 */
export { compareVersions, type HostChange, type HostListener, MemoryExcelHost, type MemoryExcelHostOptions } from "./host";
export { DEFAULT_COLUMN_WIDTH, DEFAULT_FORMAT, DEFAULT_ROW_HEIGHT } from "./model/cells";
export type {
  Aggregation,
  CellFormat,
  CellRecord,
  CellView,
  ChartModel,
  ChartSeriesModel,
  ConditionalFormatModel,
  DataValidationModel,
  EvaluateFormula,
  HeaderFooterModel,
  NamedItemModel,
  NoteModel,
  PageLayoutModel,
  PivotDataModel,
  PivotLayoutModel,
  PivotTableModel,
  SheetModel,
  TableColumnModel,
  TableModel,
  WorkbookModel,
} from "./model/types";
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
export { computePivot, fieldItems, itemName, type PivotTableSnapshot } from "./model/pivot-table";
export { type ChartData, chartData, type ChartSnapshot, columnLeft, rowTop } from "./model/chart";
export { defaultPageLayout } from "./model/page-layout";
export { listItems, type ListItem } from "./model/data-validation";
export { isValidDefinedName, nameOwner } from "./model/named-items";
