/**
 * Finding the empty default sheet of a new workbook ("Sheet1": src/core/setup/default-sheet.ts
 * has the rule), which Set up and Collate remove once their own sheets exist. Empty means no
 * values, tables, PivotTables or charts: formats alone leave a sheet empty.
 */
import { defaultSheetCandidates, type WorkbookOwner } from "../core/setup/default-sheet";
import type { WorkbookSnapshot } from "../core/workbook/types";

/**
 * Queues a look into each sheet named (its used range of values: Worksheet.getUsedRangeOrNullObject,
 * ExcelApi 1.4; its charts and PivotTables). No sync of its own: call the function returned after
 * the next sync for the names of the sheets that were empty.
 */
export function probeEmptySheets(context: Excel.RequestContext, names: readonly string[]): () => string[] {
  const probes = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    return { name, used: sheet.getUsedRangeOrNullObject(true), charts: sheet.charts.load("items/name"), pivots: sheet.pivotTables.load("items/name") };
  });
  return () => probes.filter((p) => p.used.isNullObject && p.charts.items.length === 0 && p.pivots.items.length === 0).map((p) => p.name);
}

/**
 * The empty sheets with a default name of a workbook new to `owner` (none of its tables yet). One
 * sync, and only when there is such a sheet to look at; a workbook already set up costs nothing.
 */
export async function emptyDefaultSheets(context: Excel.RequestContext, snapshot: WorkbookSnapshot, owner?: WorkbookOwner): Promise<string[]> {
  const candidates = defaultSheetCandidates(snapshot, owner);
  if (candidates.length === 0) return [];
  const empty = probeEmptySheets(context, candidates);
  await context.sync();
  return empty();
}
