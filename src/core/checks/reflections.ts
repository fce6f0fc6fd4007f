/**
 * Checks of the Reflections table (layout 1.2): nothing in it is required; `Share with the centre`
 * is Yes or No (blank keeps the row in the workbook, as No does); the prompt and the reflection fit
 * in an Excel cell. Only a row marked Yes is ever sent to the centre (src/core/collate).
 */
import { MAX_CELL_TEXT, REFLECTION_HEADERS, YES_NO } from "../layout/contract";
import { checkTextCell, type IssueList, type TableView } from "./context";
import { isExcelError, norm } from "./values";

function tooLong(issues: IssueList, view: TableView, i: number, col: number, header: string, what: string): void {
  const length = String(view.value(i, col) ?? "").length;
  if (length > MAX_CELL_TEXT) issues.add("text-too-long", view.at(i, col, header), { what, length });
}

const [, PROMPT, REFLECTION, SHARE] = REFLECTION_HEADERS;
const ANSWERS = new Set<string>(YES_NO.map(norm));

export function checkReflections(issues: IssueList, view: TableView): void {
  const promptCol = view.col(PROMPT);
  const reflectionCol = view.col(REFLECTION);
  const shareCol = view.col(SHARE);
  for (let i = 0; i < view.rowCount; i++) {
    if (view.isBlankRow(i)) continue;
    const row = view.sheetRow(i);
    const prompt = checkTextCell(issues, view, i, promptCol, PROMPT, `The prompt on row ${row}`);
    if (prompt !== undefined) tooLong(issues, view, i, promptCol!, PROMPT, `The prompt on row ${row}`);
    if (reflectionCol !== undefined) {
      // A reflection's own words are never quoted in an issue (issues go into receipts kept at the
      // centre): only an Excel error, or its length, is reported.
      const value = view.value(i, reflectionCol);
      const what = `The reflection on row ${row}`;
      if (isExcelError(value)) issues.add("cell-error", view.at(i, reflectionCol, REFLECTION), { kind: "cell", what, error: value.trim(), formula: view.hasFormula(i, reflectionCol) }, value);
      else tooLong(issues, view, i, reflectionCol, REFLECTION, what);
    }
    const share = checkTextCell(issues, view, i, shareCol, SHARE, `Share with the centre on row ${row}`);
    if (share !== undefined && share !== "" && !ANSWERS.has(norm(share))) {
      issues.add("not-in-list", view.at(i, shareCol!, SHARE), { kind: "share", value: view.value(i, shareCol) }, view.value(i, shareCol));
    }
  }
}
