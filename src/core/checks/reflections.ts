/**
 * Checks of the Reflections table (layout 1.2): nothing in it is required; `Share with the centre`
 * is Yes or No (blank keeps the row in the workbook, as No does); the prompt and the reflection fit
 * in an Excel cell. Only a row marked Yes is ever sent to the centre (src/core/collate).
 */
import { MAX_CELL_TEXT, REFLECTION_HEADERS, YES_NO } from "../layout/contract";
import { checkTextCell, type IssueList, type TableView } from "./context";
import { norm } from "./values";

const [, PROMPT, REFLECTION, SHARE] = REFLECTION_HEADERS;
const ANSWERS = new Set<string>(YES_NO.map(norm));

export function checkReflections(issues: IssueList, view: TableView): void {
  const promptCol = view.col(PROMPT);
  const reflectionCol = view.col(REFLECTION);
  const shareCol = view.col(SHARE);
  for (let i = 0; i < view.rowCount; i++) {
    if (view.isBlankRow(i)) continue;
    const row = view.sheetRow(i);
    for (const [header, col, what] of [
      [PROMPT, promptCol, `The prompt on row ${row}`],
      [REFLECTION, reflectionCol, `The reflection on row ${row}`],
    ] as const) {
      const value = checkTextCell(issues, view, i, col, header, what);
      if (value !== undefined && col !== undefined) {
        const length = String(view.value(i, col) ?? "").length;
        if (length > MAX_CELL_TEXT) issues.add("text-too-long", view.at(i, col, header), { what, length });
      }
    }
    const share = checkTextCell(issues, view, i, shareCol, SHARE, `Share with the centre on row ${row}`);
    if (share !== undefined && share !== "" && !ANSWERS.has(norm(share))) {
      issues.add("not-in-list", view.at(i, shareCol!, SHARE), { kind: "share", value: view.value(i, shareCol) }, view.value(i, shareCol));
    }
  }
}
