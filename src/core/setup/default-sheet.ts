/**
 * The empty sheet a new workbook starts with ("Sheet1"), which Set up removes once the returns
 * sheets exist, and Collate once the sector sheets do: one rule for both.
 */
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

/** What a capability makes in a workbook: its tables (which mark a workbook as not new) and its sheets' names. */
export interface WorkbookOwner {
  tables: readonly string[];
  sheets: readonly string[];
}

/** A return's tables and sheets (Set up's). */
export const RETURN_OWNER: WorkbookOwner = { tables: Object.values(TABLE), sheets: Object.values(SHEET) };

/** Whether the workbook is new to `owner`: none of its tables exist yet. */
export function isNewWorkbook(snapshot: Pick<WorkbookSnapshot, "sheets">, owner: WorkbookOwner = RETURN_OWNER): boolean {
  const ours = new Set(owner.tables.map((t) => t.toLowerCase()));
  return !snapshot.sheets.some((s) => s.tables.some((t) => ours.has(t.toLowerCase())));
}

/**
 * The sheets the gateway should look into (are they empty?): in a workbook new to `owner`, those
 * with a default name and no table or PivotTable.
 */
export function defaultSheetCandidates(snapshot: Pick<WorkbookSnapshot, "sheets">, owner: WorkbookOwner = RETURN_OWNER): string[] {
  if (!isNewWorkbook(snapshot, owner)) return [];
  const owned = new Set(owner.sheets.map((n) => n.toLowerCase()));
  return snapshot.sheets
    .filter((s) => isDefaultSheetName(s.name) && !owned.has(s.name.toLowerCase()) && s.tables.length === 0 && (s.pivotTables ?? []).length === 0)
    .map((s) => s.name);
}

/** Empty default sheets of a workbook new to `owner` (none of its tables exist yet), given the sheets the gateway found empty. */
export function removableSheets(snapshot: Pick<WorkbookSnapshot, "sheets">, facts: { emptySheets?: readonly string[] }, owner: WorkbookOwner = RETURN_OWNER): string[] {
  const empty = new Set((facts.emptySheets ?? []).map((n) => n.toLowerCase()));
  return defaultSheetCandidates(snapshot, owner).filter((name) => empty.has(name.toLowerCase()));
}

/** The sheets removed, in words: "the empty sheet 'Sheet1' the new workbook started with". */
export function removedSheetsText(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  const joined = quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]!}` : (quoted[0] ?? "");
  return `the empty ${quoted.length > 1 ? "sheets" : "sheet"} ${joined} the new workbook started with`;
}
