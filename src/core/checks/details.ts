/**
 * Structured details for issues: which table, measure row, month or return field an issue is about,
 * worked out from where it is (the reader knows what every cell of the contract holds). Collation
 * counts issues across files by these, without parsing messages.
 */
import { TABLE } from "../layout/contract";
import type { ReturnData } from "../return";
import type { CheckIssue, IssueDetails } from "./types";
import { isoMonth } from "../calendar";


export function attachDetails(data: ReturnData, issues: readonly CheckIssue[]): void {
  const tableOfSheet = new Map<string, string>();
  for (const [table, view] of data.views) tableOfSheet.set(view.sheet.toLowerCase(), table);
  const measures = data.measures;
  const measureRowBySheetRow = new Map<number, { code: string; breakdown: string }>();
  const monthByColumn = new Map<string, string>();
  if (measures) {
    for (const row of measures.rows) measureRowBySheetRow.set(measures.view.sheetRow(row.i), { code: row.code, breakdown: row.breakdown });
    for (const m of measures.months) monthByColumn.set(measures.view.letter(m.col), isoMonth(m.month));
  }
  const fieldBySheetRow = new Map<number, string>();
  if (data.details) {
    for (const read of data.details.fields.values()) fieldBySheetRow.set(read.cell.at.row, read.spec?.field ?? String(data.details.view.value(read.i, data.details.view.col("Field"))).trim());
  }
  for (const issue of issues) {
    const table = tableOfSheet.get(issue.sheet.toLowerCase());
    if (table === undefined) continue;
    const details: IssueDetails = { table };
    if (table === TABLE.measures && measures) {
      const row = measureRowBySheetRow.get(issue.row);
      if (row) {
        details.measureCode = row.code;
        details.breakdown = row.breakdown;
      }
      const month = monthByColumn.get(issue.column);
      if (month !== undefined) details.month = month;
    } else if (table === TABLE.returnDetails && issue.row > 0) {
      const field = fieldBySheetRow.get(issue.row);
      if (field !== undefined && field !== "") details.field = field;
    }
    issue.details = details;
  }
}
