/**
 * Reading the workbook into a WorkbookSnapshot in exactly two syncs, whatever its size:
 * 1. sheet names and every table with the sheet it sits on;
 * 2. the contents of our tables (values and formulas in one range read each) and the
 *    framework definition kept on the hidden Framework sheet.
 */
import { FRAMEWORK_SHEET_COLUMNS, FRAMEWORK_SHEET_LIST_CAPACITY, SHEET, TABLE } from "../core/layout/contract";
import { SUMMARY_TABLE } from "../core/layout/summary-contract";
import { rangeAddress } from "../core/layout/a1";
import { isDateFormat } from "../core/return";
import type { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../core/workbook/types";

/** Tables whose number formats are read, for dates typed into number cells. */
const FORMATS_READ = new Set<string>([TABLE.measures.toLowerCase(), TABLE.stakeholders.toLowerCase()]);

/** Body cells holding a number shown through a date format. */
export function datesIn(values: readonly CellValue[][], formats: readonly unknown[][]): [number, number][] {
  const out: [number, number][] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === "number" && isDateFormat(formats[r]?.[c])) out.push([r, c]);
    }),
  );
  return out;
}

const OUR_TABLES = new Set<string>(Object.values(TABLE).map((name) => name.toLowerCase()));
/** Summarise also reads the last summary's KeyFigures (for its Commentary), PivotTable and defined names. */
const SUMMARY_TABLES = new Set<string>([SUMMARY_TABLE.keyFigures.toLowerCase()]);

export interface ReadOptions {
  /** For Summarise: also PivotTables (ExcelApi 1.8), defined names (1.4) and the KeyFigures table. */
  summary?: boolean;
  /**
   * For Set up: also the defined names (they share one namespace with table names, so a name such
   * as `Measures` blocks the table) and each sheet's protection (ExcelApi 1.2), so a failure
   * part-way can put the protection back as it was. Same two syncs.
   */
  setup?: boolean;
}

/** A sheet's protection as read before Set up changed anything. */
export interface SheetProtectionState {
  sheet: string;
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
}

/** The snapshot, with the protection of every sheet when read with `setup`. */
export interface WorkbookState {
  snapshot: WorkbookSnapshot;
  protection: SheetProtectionState[];
}

/** Queues and syncs the reads: two context.sync calls (one when the workbook has none of our tables). */
export async function readSnapshot(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  return (await readWorkbookState(context, options)).snapshot;
}

/** readSnapshot, also returning the sheets' protection when `setup` is set. */
export async function readWorkbookState(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookState> {
  const worksheets = context.workbook.worksheets;
  worksheets.load(options.setup ? "items/name,items/protection/protected,items/protection/options" : "items/name");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const pivots = options.summary ? context.workbook.pivotTables : undefined;
  pivots?.load("items/name,items/worksheet/name");
  const names = options.summary || options.setup ? context.workbook.names : undefined;
  names?.load("items/name");
  await context.sync();

  const sheets: SheetSnapshot[] = worksheets.items.map((sheet) => ({ name: sheet.name, tables: [], ...(pivots ? { pivotTables: [] } : {}) }));
  for (const pivot of pivots?.items ?? []) sheets.find((s) => s.name === pivot.worksheet.name)?.pivotTables?.push(pivot.name);
  const ours: { table: Excel.Table; sheet: string; range: Excel.Range }[] = [];
  for (const table of tables.items) {
    const sheetName = table.worksheet.name;
    sheets.find((s) => s.name === sheetName)?.tables.push(table.name);
    if (OUR_TABLES.has(table.name.toLowerCase()) || (options.summary && SUMMARY_TABLES.has(table.name.toLowerCase()))) {
      const range = table.getRange();
      // Number formats too where figures are typed, in the same sync: a date typed into a number
      // cell reads as its serial, and only its format tells it apart.
      if (FORMATS_READ.has(table.name.toLowerCase())) range.load("rowIndex,columnIndex,values,formulas,numberFormat");
      else range.load("rowIndex,columnIndex,values,formulas");
      ours.push({ table, sheet: sheetName, range });
    }
  }
  const frameworkSheet = sheets.find((s) => s.name.toLowerCase() === SHEET.framework.toLowerCase());
  let definition: Excel.Range | undefined;
  if (frameworkSheet) {
    definition = worksheets
      .getItem(frameworkSheet.name)
      .getRange(rangeAddress(1, FRAMEWORK_SHEET_COLUMNS.definition, FRAMEWORK_SHEET_LIST_CAPACITY, 1));
    definition.load("values");
  }
  if (ours.length > 0 || definition) await context.sync();

  const tableSnapshots: TableSnapshot[] = ours.map(({ table, sheet, range }) => {
    const [headerValues = [], ...bodyValues] = range.values as CellValue[][];
    const [, ...bodyFormulas] = range.formulas as CellValue[][];
    const dateCells = FORMATS_READ.has(table.name.toLowerCase()) ? datesIn(bodyValues, (range.numberFormat as unknown[][]).slice(1)) : undefined;
    return {
      ...(dateCells && dateCells.length > 0 ? { dateCells } : {}),
      name: table.name,
      sheet,
      row: range.rowIndex,
      column: range.columnIndex,
      headers: headerValues.map((h) => (h === null ? "" : String(h))),
      values: bodyValues,
      formulas: bodyFormulas,
    };
  });
  const snapshot: WorkbookSnapshot = { sheets, tables: tableSnapshots };
  if (names) snapshot.names = names.items.map((n) => n.name);
  if (definition) {
    const text = (definition.values as CellValue[][])
      .map((row) => row[0])
      .filter((v): v is string | number | boolean => v !== null && v !== "")
      .map(String)
      .join("");
    if (text !== "") snapshot.frameworkDefinition = text;
  }
  const protection: SheetProtectionState[] = options.setup
    ? worksheets.items.map((sheet) => ({ sheet: sheet.name, protected: sheet.protection.protected, options: { ...sheet.protection.options } }))
    : [];
  return { snapshot, protection };
}
