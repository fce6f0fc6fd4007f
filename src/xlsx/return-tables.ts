/**
 * How a return's snapshot is made from a workbook's sheets, whichever reader parsed the file: the
 * package reader (./package/, the one in use) and the exceljs reader (./read.ts, kept only as the
 * differential test's reference) both give their sheets as a CellGrid and their tables as
 * RawTables, and everything after that is here, once: which tables are read, where a table's
 * header and body lie, a lost table recovered by its header signature, header cells that are
 * dates, the date cells of Measures and Stakeholders, and the Framework sheet's definition chunks.
 * No file system, no exceljs: usable in a browser worker.
 */
import { norm } from "../core/return";
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
import { monthLabel, serialToDate } from "../core/calendar";
import { isBlank, type CellValue, type SheetSnapshot, type TableSnapshot, type WorkbookSnapshot } from "../core/workbook/types";
import type { ReadCell } from "./cells";
import type { RawTable } from "./exceljs-adapter";

export type { RawTable } from "./exceljs-adapter";

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

/** A worksheet as the snapshot maker sees it. Rows and columns are 0-based. */
export interface CellGrid {
  readonly name: string;
  /** The number of the last row the sheet has (1-based; rows with nothing in them count when the file lists them). */
  readonly rowCount: number;
  /** One more than the last column with a cell in this row (0 for none, or no such row). */
  rowWidth(row: number): number;
  read(row: number, column: number): ReadCell;
  /** Whether the cell holds a date (a number shown through a date format, not a formula's result): its header text is then a date. */
  holdsDate(row: number, column: number): boolean;
  /** Whether the cell is a number shown as a date or time: a date cell, or any cell whose number format is a date format. */
  shownAsDate(row: number, column: number): boolean;
}

/** A sheet of the workbook, in tab order, with its tables and (parsed only when asked) its cells. */
export interface SheetSource {
  name: string;
  tables: readonly RawTable[];
  grid(): CellGrid;
}

/** Reads the sheets, the tables on each, the contents of ours, and the stored framework definition. */
export function snapshotOf(sources: readonly SheetSource[]): WorkbookSnapshot {
  const grids = new Map<SheetSource, CellGrid>();
  const gridOf = (source: SheetSource): CellGrid => {
    let grid = grids.get(source);
    if (!grid) grids.set(source, (grid = source.grid()));
    return grid;
  };
  const sheets: SheetSnapshot[] = sources.map((s) => ({ name: s.name, tables: s.tables.map((t) => t.name) }));

  const tables: TableSnapshot[] = [];
  for (const name of Object.values(TABLE) as TableName[]) {
    const wanted = name.toLowerCase();
    const holder = sources.find(({ tables: ts }) => ts.some((t) => t.name.toLowerCase() === wanted));
    const raw = holder?.tables.find((t) => t.name.toLowerCase() === wanted);
    if (holder && raw) {
      tables.push(readTable(gridOf(holder), raw));
      continue;
    }
    const source = findSource(sources, TABLE_SHEET[name]);
    const signature = RETURN_TABLE_HEADERS[name];
    const recovered = source && signature ? tableFromSheet(gridOf(source), name, signature) : undefined;
    if (recovered) tables.push(recovered);
  }

  const snapshot: WorkbookSnapshot = { sheets, tables };
  const framework = findSource(sources, SHEET.framework);
  const definition = framework ? readDefinition(gridOf(framework)) : undefined;
  if (definition !== undefined) snapshot.frameworkDefinition = definition;
  return snapshot;
}

function findSource(sources: readonly SheetSource[], name: string): SheetSource | undefined {
  const wanted = name.toLowerCase();
  return sources.find((s) => s.name.toLowerCase() === wanted);
}

/** A header cell's text. Excel keeps table headers as text; a date typed by another program is shown as a month label on the 1st, else as yyyy-mm-dd. */
export function headerText(value: CellValue, isDate: boolean): string {
  if (isDate && typeof value === "number" && Number.isFinite(value)) {
    const { year, month, day } = serialToDate(value);
    return day === 1 ? monthLabel({ year, month }) : `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  return value === null ? "" : String(value);
}

function headerAt(grid: CellGrid, row: number, column: number): string {
  return headerText(grid.read(row, column).value, grid.holdsDate(row, column));
}

function readHeaders(grid: CellGrid, row: number, column: number, count: number): string[] {
  return Array.from({ length: count }, (_, c) => headerAt(grid, row, column + c));
}

/** Reads a rectangle of cells (0-based origin) as values and formulas. */
export function readBlock(grid: CellGrid, row: number, column: number, rowCount: number, columnCount: number): { values: CellValue[][]; formulas: CellValue[][] } {
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const valueRow: CellValue[] = [];
    const formulaRow: CellValue[] = [];
    for (let c = 0; c < columnCount; c++) {
      const cell = grid.read(row + r, column + c);
      valueRow.push(cell.value);
      formulaRow.push(cell.formula);
    }
    values.push(valueRow);
    formulas.push(formulaRow);
  }
  return { values, formulas };
}

/** The table's full range: from its ref for loaded tables, or worked out from its model for tables exceljs has just made. */
function tableRange(raw: RawTable): RangeRef {
  const ref = raw.tableRef ?? raw.ref;
  if (ref === undefined) throw new Error(`Table ${raw.name} has no range.`);
  const range = parseRange(ref.replace(/\$/g, ""));
  if (ref.includes(":") || !raw.columns) return range;
  return { ...range, columnCount: raw.columns.length, rowCount: 1 };
}

function readTable(grid: CellGrid, raw: RawTable): TableSnapshot {
  const range = tableRange(raw);
  const firstRow = readHeaders(grid, range.row, range.column, range.columnCount);
  const columnNames = raw.columns?.map((c) => (typeof c.name === "string" ? c.name : "")) ?? [];
  // Files often leave headerRowCount to its default of 1 (Excel, openpyxl), so a header row is
  // assumed unless the file says there is none and the first row plainly is not one.
  const firstRowIsHeader =
    raw.headerRow !== false ||
    columnNames.length === 0 ||
    firstRow.every((text, i) => columnNames[i] === undefined || norm(text) === norm(columnNames[i]));
  const headers = firstRowIsHeader ? firstRow : range.columnCount === columnNames.length ? columnNames : firstRow;
  const bodyTop = firstRowIsHeader ? range.row + 1 : range.row;
  const bodyRows = Math.max(0, range.row + range.rowCount - bodyTop - (raw.totalsRow ? 1 : 0));
  const { values, formulas } = readBlock(grid, bodyTop, range.column, bodyRows, range.columnCount);
  const snapshot: TableSnapshot = { name: raw.name, sheet: grid.name, row: bodyTop - 1, column: range.column, headers, values, formulas };
  if (DATES_READ.has(raw.name.toLowerCase())) {
    const dateCells = datesIn(grid, bodyTop, range.column, values);
    if (dateCells.length > 0) snapshot.dateCells = dateCells;
  }
  return snapshot;
}

/** Tables whose number cells are looked at for dates (as the Excel gateway reads their formats). */
const DATES_READ = new Set<string>([TABLE.measures.toLowerCase(), TABLE.stakeholders.toLowerCase()]);

/** Body cells holding a number shown through a date format. */
function datesIn(grid: CellGrid, top: number, left: number, values: readonly CellValue[][]): [number, number][] {
  const out: [number, number][] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === "number" && grid.shownAsDate(top + r, left + c)) out.push([r, c]);
    }),
  );
  return out;
}

/**
 * A table's contents recovered from the sheet when the table is missing: the first row (of the
 * top few) where enough of the table's headers appear, the run of filled header cells around
 * them, and the rows below down to the last one with anything in those columns.
 */
function tableFromSheet(grid: CellGrid, name: string, signature: readonly string[]): TableSnapshot | undefined {
  const wanted = new Set(signature.map(norm));
  const needed = Math.max(2, Math.ceil(signature.length / 2));
  const lastRow = grid.rowCount;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, lastRow); r++) {
    const texts = Array.from({ length: grid.rowWidth(r) }, (_, c) => norm(headerAt(grid, r, c)));
    const matches = texts.map((t, c) => (wanted.has(t) ? c : -1)).filter((c) => c >= 0);
    if (new Set(matches.map((c) => texts[c])).size < needed) continue;
    let first = matches[0]!;
    while (first > 0 && texts[first - 1]) first--;
    let last = first;
    while (texts[last + 1]) last++;
    const width = last - first + 1;
    let bottom = lastRow - 1;
    while (bottom > r && readBlock(grid, bottom, first, 1, width).values[0]!.every(isBlank)) bottom--;
    const { values, formulas } = readBlock(grid, r + 1, first, bottom - r, width);
    return { name, sheet: grid.name, row: r, column: first, headers: readHeaders(grid, r, first, width), values, formulas, fromSheet: true };
  }
  return undefined;
}

/** The framework definition's JSON, kept in chunks down column H of the Framework sheet from row 2. */
function readDefinition(grid: CellGrid): string | undefined {
  const chunks: string[] = [];
  for (let r = 1; r < grid.rowCount; r++) {
    const { value } = grid.read(r, FRAMEWORK_SHEET_COLUMNS.definition);
    if (!isBlank(value)) chunks.push(String(value));
  }
  const text = chunks.join("");
  return text === "" ? undefined : text;
}
