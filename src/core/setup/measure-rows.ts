/** The rows of the Measures table that a framework calls for (defined with the Measures sheet, src/core/sheets/measures.ts). */
export { measureRows, type MeasureRow } from "../sheets/measures";
export { measureRowKey } from "../return/reader";
