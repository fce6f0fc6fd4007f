/**
 * The .xlsx gateway's reader: a WorkbookSnapshot from an exceljs workbook, shaped as the Excel
 * gateway gives it (src/excel/read.ts), so the core's checks run alike on files and in Excel.
 * Tables are found by their range (the table's ref), not by exceljs's table rows and columns,
 * which it does not fill in for loaded files. No file system here: usable in a browser.
 */
import { isDateFormat, norm } from "../core/return";
import type { Workbook, Worksheet } from "exceljs";
import { parseRange, type RangeRef } from "../core/layout/a1";
import {
  CASE_STUDY_HEADERS,
  FRAMEWORK_INFO_HEADERS,
  FRAMEWORK_SHEET_COLUMNS,
  IMPACT_MAP_HEADERS,
  MEASURE_KEY_HEADERS,
  REFLECTION_HEADERS,
  RETURN_DETAILS_HEADERS,
  SHEET,
  STAKEHOLDER_HEADERS,
  TABLE,
  TABLE_SHEET,
  type TableName,
} from "../core/layout/contract";
import { monthLabel } from "../core/calendar";
import { isBlank, type CellValue, type SheetSnapshot, type TableSnapshot, type WorkbookSnapshot } from "../core/workbook/types";
import { findCell, readBlock, readCell } from "./cells";
import { tablesOf, type RawTable } from "./exceljs-adapter";

/**
 * The header row of each table of a return, as the contract sets it (the Measures table's month
 * columns follow its key headers). The reader also finds one of these tables by them on a sheet
 * that has lost the table itself (pasted over, converted to a range, re-saved by a program without
 * tables); tables not listed are not sought.
 */
export const RETURN_TABLE_HEADERS: Partial<Record<TableName, readonly string[]>> = {
  [TABLE.returnDetails]: RETURN_DETAILS_HEADERS,
  [TABLE.measures]: MEASURE_KEY_HEADERS,
  [TABLE.stakeholders]: STAKEHOLDER_HEADERS,
  [TABLE.impactMap]: IMPACT_MAP_HEADERS,
  [TABLE.caseStudies]: CASE_STUDY_HEADERS,
  [TABLE.reflections]: REFLECTION_HEADERS,
  [TABLE.frameworkInfo]: FRAMEWORK_INFO_HEADERS,
};

/** How far down a sheet a header row is looked for. */
const HEADER_SEARCH_ROWS = 20;


/** Reads the sheets, the tables on each, the contents of ours, and the stored framework definition. */
export function readSnapshot(workbook: Workbook): WorkbookSnapshot {
  const worksheets = workbook.worksheets;
  const sheetTables = worksheets.map((ws) => ({ ws, tables: tablesOf(ws) }));
  const sheets: SheetSnapshot[] = sheetTables.map(({ ws, tables }) => ({ name: ws.name, tables: tables.map((t) => t.name) }));

  const tables: TableSnapshot[] = [];
  for (const name of Object.values(TABLE) as TableName[]) {
    const wanted = name.toLowerCase();
    const holder = sheetTables.find(({ tables: ts }) => ts.some((t) => t.name.toLowerCase() === wanted));
    const raw = holder?.tables.find((t) => t.name.toLowerCase() === wanted);
    if (holder && raw) {
      tables.push(readTable(holder.ws, raw));
      continue;
    }
    const ws = findSheetByName(worksheets, TABLE_SHEET[name]);
    const signature = RETURN_TABLE_HEADERS[name];
    const recovered = ws && signature ? tableFromSheet(ws, name, signature) : undefined;
    if (recovered) tables.push(recovered);
  }

  const snapshot: WorkbookSnapshot = { sheets, tables };
  const definition = readDefinition(findSheetByName(worksheets, SHEET.framework));
  if (definition !== undefined) snapshot.frameworkDefinition = definition;
  return snapshot;
}

function findSheetByName(worksheets: Worksheet[], name: string): Worksheet | undefined {
  const wanted = name.toLowerCase();
  return worksheets.find((ws) => ws.name.toLowerCase() === wanted);
}

/** A header cell's text. Excel keeps table headers as text; a date typed by another program is shown as a month label on the 1st, else as yyyy-mm-dd. */
function headerText(value: CellValue, cellValue: unknown): string {
  if (cellValue instanceof Date) {
    const [year, month, day] = [cellValue.getUTCFullYear(), cellValue.getUTCMonth() + 1, cellValue.getUTCDate()];
    return day === 1 ? monthLabel({ year, month }) : cellValue.toISOString().slice(0, 10);
  }
  return value === null ? "" : String(value);
}

function readHeaders(ws: Worksheet, row: number, column: number, count: number): string[] {
  return Array.from({ length: count }, (_, c) => {
    const cell = findCell(ws, row, column + c);
    return headerText(readCell(cell).value, cell?.value);
  });
}

/** The table's full range: from its ref for loaded tables, or worked out from its model for tables exceljs has just made. */
function tableRange(raw: RawTable): RangeRef {
  const ref = raw.tableRef ?? raw.ref;
  if (ref === undefined) throw new Error(`Table ${raw.name} has no range.`);
  const range = parseRange(ref.replace(/\$/g, ""));
  if (ref.includes(":") || !raw.columns) return range;
  return { ...range, columnCount: raw.columns.length, rowCount: 1 };
}

function readTable(ws: Worksheet, raw: RawTable): TableSnapshot {
  const range = tableRange(raw);
  const firstRow = readHeaders(ws, range.row, range.column, range.columnCount);
  const columnNames = raw.columns?.map((c) => (typeof c.name === "string" ? c.name : "")) ?? [];
  // exceljs reports headerRow false for files that leave headerRowCount to its default of 1
  // (Excel, openpyxl), so a header row is assumed unless the first row plainly is not one.
  const firstRowIsHeader =
    raw.headerRow !== false ||
    columnNames.length === 0 ||
    firstRow.every((text, i) => columnNames[i] === undefined || norm(text) === norm(columnNames[i]));
  const headers = firstRowIsHeader ? firstRow : range.columnCount === columnNames.length ? columnNames : firstRow;
  const bodyTop = firstRowIsHeader ? range.row + 1 : range.row;
  const bodyRows = Math.max(0, range.row + range.rowCount - bodyTop - (raw.totalsRow ? 1 : 0));
  const { values, formulas } = readBlock(ws, bodyTop, range.column, bodyRows, range.columnCount);
  const snapshot: TableSnapshot = { name: raw.name, sheet: ws.name, row: bodyTop - 1, column: range.column, headers, values, formulas };
  if (DATES_READ.has(raw.name.toLowerCase())) {
    const dateCells = datesIn(ws, bodyTop, range.column, values);
    if (dateCells.length > 0) snapshot.dateCells = dateCells;
  }
  return snapshot;
}

/** Tables whose number cells are looked at for dates (as the Excel gateway reads their formats). */
const DATES_READ = new Set<string>([TABLE.measures.toLowerCase(), TABLE.stakeholders.toLowerCase()]);

/** Body cells holding a number shown through a date format (exceljs gives such cells as Date objects). */
function datesIn(ws: Worksheet, top: number, left: number, values: readonly CellValue[][]): [number, number][] {
  const out: [number, number][] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value !== "number") return;
      const cell = findCell(ws, top + r, left + c);
      if (cell && (cell.value instanceof Date || isDateFormat(cell.numFmt))) out.push([r, c]);
    }),
  );
  return out;
}

/**
 * A table's contents recovered from the sheet when the table is missing: the first row (of the
 * top few) where enough of the table's headers appear, the run of filled header cells around
 * them, and the rows below down to the last one with anything in those columns.
 */
function tableFromSheet(ws: Worksheet, name: string, signature: readonly string[]): TableSnapshot | undefined {
  const wanted = new Set(signature.map(norm));
  const needed = Math.max(2, Math.ceil(signature.length / 2));
  const lastRow = ws.rowCount; // 1-based number of the last row with anything in it
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, lastRow); r++) {
    const row = ws.findRow(r + 1);
    if (!row) continue;
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      texts[colNumber - 1] = norm(headerText(readCell(cell).value, cell.value));
    });
    const matches = texts.map((t, c) => (t !== undefined && wanted.has(t) ? c : -1)).filter((c) => c >= 0);
    if (new Set(matches.map((c) => texts[c])).size < needed) continue;
    let first = matches[0]!;
    while (first > 0 && texts[first - 1]) first--;
    let last = first;
    while (texts[last + 1]) last++;
    const width = last - first + 1;
    let bottom = lastRow - 1;
    while (bottom > r && readBlock(ws, bottom, first, 1, width).values[0]!.every(isBlank)) bottom--;
    const { values, formulas } = readBlock(ws, r + 1, first, bottom - r, width);
    return { name, sheet: ws.name, row: r, column: first, headers: readHeaders(ws, r, first, width), values, formulas, fromSheet: true };
  }
  return undefined;
}

/** The framework definition's JSON, kept in chunks down column H of the Framework sheet from row 2. */
function readDefinition(ws: Worksheet | undefined): string | undefined {
  if (!ws) return undefined;
  const chunks: string[] = [];
  for (let r = 1; r < ws.rowCount; r++) {
    const { value } = readCell(findCell(ws, r, FRAMEWORK_SHEET_COLUMNS.definition));
    if (!isBlank(value)) chunks.push(String(value));
  }
  const text = chunks.join("");
  return text === "" ? undefined : text;
}
