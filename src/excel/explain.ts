/**
 * "Explain" from the task pane: writes an explanation into the Explanation cell of one issue's row
 * of the Checks table, with the same effect as typing it there (which stays possible). One sync to
 * read the table, one to write. The cell is formatted as text ("@") before the value is written,
 * so an explanation such as "=fewer calls" or "+44 staff" stays the words typed.
 */
import { issueKey } from "../core/checks";
import { CHECKS_HEADERS, TABLE } from "../core/layout/contract";
import { text as cellText, viewOfRows } from "../core/return";
import { EXPLANATION_HEADER, ISSUE_KEY_HEADERS } from "../core/sheets/checks";
import type { CellValue } from "../core/workbook/types";
import { UserFacingError } from "./errors";

/** Which issue: its code, sheet and cell, as the Checks table lists them. */
export interface IssueKey {
  code: string;
  sheet: string;
  cell: string;
}

/** Longest explanation written (Excel's limit for a cell's text is 32,767 characters). */
export const MAX_EXPLANATION = 32_767;

/** Writes `text` as the explanation of `issue` in the Checks table (2 syncs). An empty text withdraws the explanation. */
export async function writeExplanation(context: Excel.RequestContext, issue: IssueKey, text: string): Promise<void> {
  const explanation = text.trim();
  if (explanation.length > MAX_EXPLANATION) {
    throw new UserFacingError(`The explanation is too long: Excel keeps at most ${MAX_EXPLANATION.toLocaleString("en-GB")} characters in a cell.`, "Shorten it, then try again.");
  }
  const range = context.workbook.tables.getItem(TABLE.checks).getRange();
  range.load("values");
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ItemNotFound") throw error;
    throw new UserFacingError("The workbook has no list of checks to write the explanation in.", "Check the return, then explain the warning again.");
  }
  const [headers = [], ...rows] = range.values as CellValue[][];
  const view = viewOfRows(TABLE.checks, headers, rows, CHECKS_HEADERS);
  const [code, sheet, cell] = ISSUE_KEY_HEADERS.map((h) => view.col(h));
  const explanationCol = view.col(EXPLANATION_HEADER);
  if (code === undefined || sheet === undefined || cell === undefined || explanationCol === undefined) {
    throw new UserFacingError("The Checks sheet's table has lost one of its columns (Code, Sheet, Cell or Explanation).", "Check the return again to rebuild the list.");
  }
  const wanted = issueKey(issue);
  let index = -1;
  for (let i = 0; i < view.rowCount && index < 0; i++) {
    if (issueKey({ code: cellText(view.value(i, code)), sheet: cellText(view.value(i, sheet)), cell: cellText(view.value(i, cell)) }) === wanted) index = i;
  }
  if (index < 0) {
    throw new UserFacingError(
      `The Checks sheet no longer lists this warning (${issue.sheet}!${issue.cell}): the figures may have changed since the last check.`,
      "Check the return again, then explain what is still listed.",
    );
  }
  const target = range.getCell(index + 1, explanationCol);
  target.numberFormat = [["@"]];
  target.values = [[explanation]];
  await context.sync();
}
