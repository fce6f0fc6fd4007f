/**
 * The .xlsx gateway: applies the core's WorkbookOperations to an exceljs workbook and reads a
 * WorkbookSnapshot back. Writing (apply) and reading a loaded workbook (read) work in a browser as
 * well as in Node; loading bytes (load, through the zip guard) needs Node's zlib, and reading and
 * writing files on disk is in ./files (Node only), kept out of this index on purpose.
 */
export { applyOperations, findWorksheet, toExcelValidation, SHEET_PROTECTION, UnsupportedOperationError } from "./apply";
export { readSnapshot } from "./read";
export { plainValue, readCell, type ReadCell } from "./cells";
export { FileProblem, loadWorkbook, problemWithBytes, sniffFile, type FileProblemKind, type FileSort } from "./load";
