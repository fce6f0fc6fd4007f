/** The empty sheet a new workbook starts with ("Sheet1"), which Set up removes once the returns sheets exist. */
import { SHEET, TABLE } from "../layout/contract";
import type { WorkbookSnapshot } from "../workbook/types";

/**
 * The names Excel (and LibreOffice) give the sheets of a new workbook in the languages UK
 * organisations' machines are likely to use: an empty sheet so named is the workbook's own blank
 * start, not something of the user's.
 */
const DEFAULT_SHEET_NAME = /^(sheet|feuil|tabelle|hoja|foglio|blad|arkusz|planilha|folha|lapa|munkalap|list|лист)\s?\d{1,3}$/i;

/** Whether a sheet name is one Excel gives a new sheet ("Sheet1"). */
export function isDefaultSheetName(name: string): boolean {
  return DEFAULT_SHEET_NAME.test(name.trim());
}

/** Empty default sheets of a new workbook: none of the returns tables exist yet. */
export function removableSheets(snapshot: WorkbookSnapshot, facts: { emptySheets?: readonly string[] }): string[] {
  const ours = new Set<string>(Object.values(TABLE).map((t) => t.toLowerCase()));
  if (snapshot.sheets.some((s) => s.tables.some((t) => ours.has(t.toLowerCase())))) return [];
  const empty = new Set((facts.emptySheets ?? []).map((n) => n.toLowerCase()));
  const returnSheets = new Set<string>(Object.values(SHEET).map((n) => n.toLowerCase()));
  return snapshot.sheets
    .filter((s) => empty.has(s.name.toLowerCase()) && isDefaultSheetName(s.name) && !returnSheets.has(s.name.toLowerCase()))
    .filter((s) => s.tables.length === 0 && (s.pivotTables ?? []).length === 0)
    .map((s) => s.name);
}
