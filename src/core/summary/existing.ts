/**
 * What Summarise needs from the workbook before it writes: the analyst's Commentary in the last
 * summary's KeyFigures (kept by code and breakdown), and the reasons it must not go ahead - a sheet
 * of the same name that Summarise did not make, or a table, PivotTable or defined name elsewhere that
 * takes one of its names (Excel keeps tables, PivotTables and defined names in one namespace).
 */
import { KEY_FIGURES_HEADERS, PIVOT_PREFIX, SUMMARY_SHEET, SUMMARY_SHEET_MARKER, SUMMARY_TABLE, type SummarySheetName } from "../layout/summary-contract";
import { measureRowKey, resolveColumns, TableView, text } from "../return";
import { findTable, type WorkbookSnapshot } from "../workbook/types";
import type { Commentary } from "./key-figures";
import type { SummaryPlan } from "./plan";
import { REFUSAL } from "../refusals";

/** The Commentary typed in the last summary's KeyFigures, by measure row key (columns found as the return reader finds them). */
export function readCommentary(snapshot: WorkbookSnapshot): Commentary {
  const commentary = new Map<string, string>();
  const table = findTable(snapshot, SUMMARY_TABLE.keyFigures);
  if (!table) return commentary;
  const view = new TableView(table);
  resolveColumns(view, KEY_FIGURES_HEADERS);
  const [code, breakdown, note] = (["Code", "Breakdown", "Commentary"] as const).map((h) => view.col(h));
  if (code === undefined || note === undefined) return commentary;
  for (let i = 0; i < view.rowCount; i++) {
    const typed = text(view.value(i, note));
    if (typed !== "") commentary.set(measureRowKey(view.value(i, code), view.value(i, breakdown)), typed);
  }
  return commentary;
}

/** Whether a sheet of one of Summarise's names is Summarise's own (it holds its marker table or one of its PivotTables). */
export function isSummarySheet(snapshot: WorkbookSnapshot, name: SummarySheetName): boolean {
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) return false;
  const marker = SUMMARY_SHEET_MARKER[name];
  if (marker) return sheet.tables.some((t) => marker.some((m) => t.toLowerCase() === m.toLowerCase()));
  return (sheet.pivotTables ?? []).some((p) => p.startsWith(PIVOT_PREFIX));
}

/** Reasons Summarise cannot go ahead; empty when it can. Nothing is changed when there are any. */
export function summaryBlockers(snapshot: WorkbookSnapshot, plan: Pick<SummaryPlan, "sheets" | "pivots">): string[] {
  const blockers: string[] = [];
  const ours = new Set(plan.sheets.filter((s) => isSummarySheet(snapshot, s)).map((s) => s.toLowerCase()));
  for (const name of plan.sheets) {
    const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (sheet && !ours.has(name.toLowerCase())) {
      blockers.push(REFUSAL.foreignSheet("summarise", sheet.name).message);
    }
  }
  const wanted = [...Object.values(SUMMARY_TABLE), ...plan.pivots.map((p) => p.name)];
  const wantedSet = new Map(wanted.map((n) => [n.toLowerCase(), n] as const));
  for (const sheet of snapshot.sheets) {
    if (ours.has(sheet.name.toLowerCase())) continue;
    for (const name of [...sheet.tables, ...(sheet.pivotTables ?? [])]) {
      const clash = wantedSet.get(name.toLowerCase());
      if (clash) {
        blockers.push(REFUSAL.tableNameClash("summarise", name, sheet.name, `table or PivotTable ${clash}`).message);
      }
    }
  }
  for (const name of snapshot.names ?? []) {
    const clash = wantedSet.get(name.toLowerCase());
    if (clash) {
      blockers.push(REFUSAL.definedNameClash("summarise", name, `table or PivotTable ${clash}`).message);
    }
  }
  return blockers;
}

export const SUMMARY_SHEETS: readonly SummarySheetName[] = Object.values(SUMMARY_SHEET);
