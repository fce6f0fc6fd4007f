/**
 * The hidden Framework sheet: table FrameworkInfo (which framework and layout the workbook follows,
 * Key and Value), and beside it plain-range lists that dropdowns point at and the framework definition.
 */
import { SHEET, TABLE } from "../layout/names";
import { headersOf, type SheetDefinition } from "./types";

const COLUMNS = [
  { header: "Key", width: 20, read: "key" },
  { header: "Value", width: 44, read: "text" },
] as const satisfies SheetDefinition["columns"];

export const FRAMEWORK_INFO_HEADERS = headersOf(COLUMNS);

/** Written once, then locked and hidden: no entry cells, no freeze panes, not printed. */
export const FRAMEWORK_SHEET: SheetDefinition = {
  sheet: SHEET.framework,
  table: TABLE.frameworkInfo,
  style: "TableStyleLight1",
  columns: COLUMNS,
  protect: true,
  print: false,
  hidden: true,
};

export const INFO_KEY = {
  frameworkId: "Framework id",
  frameworkVersion: "Framework version",
  frameworkTitle: "Framework title",
  layoutVersion: "Layout version",
  writtenBy: "Written by",
} as const;

/** Plain-range lists on the hidden Framework sheet that dropdowns point at (columns D, F) and the framework definition (column H). */
export const FRAMEWORK_SHEET_COLUMNS = {
  outcomeAreas: 3,
  months: 5,
  definition: 7,
} as const;
export const FRAMEWORK_SHEET_HEADINGS = {
  outcomeAreas: "Outcome areas",
  months: "Months",
  definition: "Framework definition (JSON)",
} as const;
/** Widths of the list columns, in characters. */
export const FRAMEWORK_SHEET_WIDTHS = {
  outcomeAreas: 26,
  months: 12,
  definition: 40,
} as const;
/** Rows cleared below each list heading before it is rewritten. */
export const FRAMEWORK_SHEET_LIST_CAPACITY = 200;
export const DEFINITION_CHUNK_LENGTH = 30_000;
