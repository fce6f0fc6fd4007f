/** The return reader: one way to read a return workbook's snapshot, used by every feature. */
export {
  existingReturn,
  measureColumns,
  measureRowKey,
  readExistingReturn,
  readMonthValue,
  readReturn,
  yearStartFromHeaders,
  type DetailRead,
  type EntryRow,
  type EntryTableData,
  type ExistingReturn,
  type FrameworkInfoRead,
  type MeasureRowData,
  type MeasuresData,
  type MonthColumn,
  type ReadCell,
  type ReflectionRow,
  type ReflectionsData,
  type ReturnData,
  type ReturnDetailsData,
} from "./reader";
export { monthHeaderMatcher, resolveColumns, sheetLocation, TableView, viewOfRows, type HeaderFinding, type Location } from "./table-view";
export { headerIndex, norm, text } from "./text";
export { isDateFormat, isExcelError, parseNumberText, readNumber, type NumberRead } from "./cells";
export { kindFromText, unitFromText } from "./words";
