/** Why Set up will not change a workbook (blockers): nothing is changed while there are any. */
import type { Framework } from "../framework";
import { monthLabel, sameMonth, type YearMonth } from "../calendar";
import { TABLE, TABLE_SHEET, type TableName } from "../layout/contract";
import { REFUSAL } from "../refusals";
import { norm, type ExistingReturn } from "../return";
import { findSheet, findTable, type WorkbookSnapshot } from "../workbook/types";

export function findBlockers(snapshot: WorkbookSnapshot, framework: Framework, existing: ExistingReturn, yearStart: YearMonth): string[] {
  const blockers: string[] = [];
  for (const [table, sheet] of Object.entries(TABLE_SHEET) as [TableName, string][]) {
    const holder = snapshot.sheets.find((s) => s.tables.some((t) => t.toLowerCase() === table.toLowerCase()));
    const sameNamedSheet = findSheet(snapshot, sheet);
    if (holder && holder.name.toLowerCase() !== sheet.toLowerCase()) {
      blockers.push(REFUSAL.tableElsewhere("setup", table, holder.name, sheet).message);
    } else if (!holder && sameNamedSheet) {
      blockers.push(REFUSAL.foreignSheet("setup", sameNamedSheet.name, `${table} table`).message);
    }
  }
  // Excel keeps one namespace for defined names, table names and PivotTable names (compared
  // without case): a table cannot be named like a defined name, so Set up would fail part-way.
  for (const table of Object.values(TABLE)) {
    if (findTable(snapshot, table) || snapshot.sheets.some((s) => s.tables.some((t) => t.toLowerCase() === table.toLowerCase()))) continue;
    const name = snapshot.names?.find((n) => n.toLowerCase() === table.toLowerCase());
    const pivot = snapshot.sheets.flatMap((s) => s.pivotTables ?? []).find((n) => n.toLowerCase() === table.toLowerCase());
    if (name !== undefined) {
      blockers.push(REFUSAL.definedNameClash("setup", name, `table ${table}`).message);
    } else if (pivot !== undefined) {
      blockers.push(REFUSAL.tableNameClash("setup", pivot, undefined, `table ${table}`).message);
    }
  }
  // Framework titles, not ids: people read these (the ids are for tools and the centre).
  if (existing.frameworkId !== undefined && existing.frameworkId !== framework.id) {
    // Two frameworks with one title are told apart by their ids, the only time an id is shown.
    const sameTitle = norm(existing.frameworkTitle) === norm(framework.title);
    const theirs = sameTitle || existing.frameworkTitle === undefined ? existing.frameworkId : existing.frameworkTitle;
    const ours = sameTitle ? framework.id : framework.title;
    blockers.push(REFUSAL.otherFramework(theirs, ours).message);
  } else if (existing.frameworkVersion !== undefined && existing.frameworkVersion > framework.version) {
    blockers.push(REFUSAL.newerFrameworkVersion(framework.title, existing.frameworkVersion, framework.version).message);
  }
  if (existing.yearStart && !sameMonth(existing.yearStart, yearStart)) {
    blockers.push(REFUSAL.otherReportingYear(monthLabel(existing.yearStart), monthLabel(yearStart)).message);
  }
  return blockers;
}
