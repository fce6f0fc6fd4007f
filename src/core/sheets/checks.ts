/**
 * The Checks sheet: table Checks, the to-do list written by Check (empty until the first check).
 * An explanation typed against a warning accepts it. Set up makes the table so the highlights
 * have something to look up; Check rewrites its rows (src/core/checks/write-back.ts).
 */
import { SHEET, TABLE } from "../layout/names";
import { fit, headersOf, type SheetDefinition, entrySheet } from "./types";

// The issue code is for the centre and tools (and for matching explanations): hidden. `Check`
// says what the check was in words (the catalogue's title for the code), for a reader without the
// code. It is the last column: the highlights' defined names and older workbooks' conditional
// formats find Severity, Sheet, Cell and Explanation by column letter (docs/return-format.md), so
// no column may move; every reader finds the columns by header.
const COLUMNS = [
  { header: "Severity", width: fit("Severity", "Warning".length), read: "text" },
  { header: "Code", width: 24, hidden: true, read: "key" },
  { header: "Sheet", width: fit("Sheet", "Case studies".length), read: "text" },
  { header: "Cell", width: fit("Cell", 5), read: "text" },
  { header: "Message", width: 70, cells: "entry", wrap: true, read: "text" },
  { header: "Explanation", width: 50, cells: "entry", wrap: true, read: "text" },
  { header: "Check", width: 30, wrap: true, read: "text" },
] as const satisfies SheetDefinition["columns"];

export const CHECKS_HEADERS = headersOf(COLUMNS);
/** The columns that say which issue a row is (code, sheet, cell: an explanation follows its issue), and the one explanations are typed in. */
export const ISSUE_KEY_HEADERS = [CHECKS_HEADERS[1], CHECKS_HEADERS[2], CHECKS_HEADERS[3]] as const;
export const EXPLANATION_HEADER = CHECKS_HEADERS[5];
/** The column saying what the check was, in words (the catalogue's title for the row's code). */
export const CHECK_TITLE_HEADER = CHECKS_HEADERS[6];
export const SEVERITY_LABEL = { error: "Error", warning: "Warning" } as const;

/** Set up's Checks sheet: not protected (explanations are typed in it), so its header is not locked. */
export const CHECKS_SHEET: SheetDefinition = entrySheet(SHEET.checks, TABLE.checks, COLUMNS, { rows: 1, columns: 0 }, false);

/** When Check writes the list in a workbook without one (never set up): its table style. */
export const CHECKS_LIST_STYLE = "TableStyleLight9";
/** Each column's width in characters and whether it is hidden, by header (Set up's widths, and Check's where it makes or widens the list). */
export const CHECKS_COLUMN_WIDTHS: readonly { header: string; characters: number; hidden: boolean }[] = COLUMNS.map((c) => ({
  header: c.header,
  characters: c.width,
  hidden: "hidden" in c && c.hidden,
}));
/** The columns whose cells wrap (Message, Explanation, Check), and of those the ones officers type in (unlocked). */
export const CHECKS_WRAPPED = COLUMNS.flatMap((c, i) => ("wrap" in c && c.wrap ? [{ index: i, entry: "cells" in c && c.cells === "entry" }] : []));
