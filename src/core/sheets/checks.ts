/**
 * The Checks sheet: table Checks, the to-do list written by Check (empty until the first check).
 * An explanation typed against a warning accepts it. Set up makes the table so the highlights
 * have something to look up; Check rewrites its rows (src/core/checks/write-back.ts).
 */
import { SHEET, TABLE } from "../layout/names";
import { fit, headersOf, type SheetDefinition, entrySheet } from "./types";

// The issue code is for the centre and tools (and for matching explanations): hidden.
const COLUMNS = [
  { header: "Severity", width: fit("Severity", "Warning".length), read: "text" },
  { header: "Code", width: 24, hidden: true, read: "key" },
  { header: "Sheet", width: fit("Sheet", "Case studies".length), read: "text" },
  { header: "Cell", width: fit("Cell", 5), read: "text" },
  { header: "Message", width: 70, cells: "entry", wrap: true, read: "text" },
  { header: "Explanation", width: 50, cells: "entry", wrap: true, read: "text" },
] as const satisfies SheetDefinition["columns"];

export const CHECKS_HEADERS = headersOf(COLUMNS);
/** The columns that say which issue a row is (code, sheet, cell: an explanation follows its issue), and the one explanations are typed in. */
export const ISSUE_KEY_HEADERS = [CHECKS_HEADERS[1], CHECKS_HEADERS[2], CHECKS_HEADERS[3]] as const;
export const EXPLANATION_HEADER = CHECKS_HEADERS[5];
export const SEVERITY_LABEL = { error: "Error", warning: "Warning" } as const;

/** Set up's Checks sheet: not protected (explanations are typed in it), so its header is not locked. */
export const CHECKS_SHEET: SheetDefinition = entrySheet(SHEET.checks, TABLE.checks, COLUMNS, { rows: 1, columns: 0 }, false);

/** When Check writes the list in a workbook without one (never set up): its table style and column widths, in column order. */
export const CHECKS_LIST_STYLE = "TableStyleLight9";
export const CHECKS_LIST_WIDTHS = [10, 24, 14, 8, 70, 50] as const;
