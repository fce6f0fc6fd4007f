/**
 * The one place that reaches past exceljs's published typings (4.4.0). Its worksheets have
 * `tables` and `dataValidations` at run time, but the typings declare neither; and its reader
 * crashes on tables that other programs (openpyxl) link with absolute paths. Everything here is
 * checked at run time and typed for the rest of src/xlsx. No file system: usable in a browser.
 */
import type { DataValidation, Workbook, Worksheet, WorksheetView } from "exceljs";

/** What we use of a table's model, as exceljs keeps it for tables it made or loaded. */
export interface RawTable {
  name: string;
  /** The table's full range including header and totals rows, e.g. "A1:Q22" (tables made by exceljs and loaded ones). */
  tableRef?: string;
  /** For tables made by exceljs: the top-left cell only. */
  ref?: string;
  /**
   * Whether a header row is shown. Unreliable for loaded files: exceljs sets it only when the
   * file says headerRowCount="1", but Excel and openpyxl leave that attribute out (1 is the default).
   */
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name?: unknown }[];
}

interface TableHolder {
  table?: unknown;
  model?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function asRawTable(value: unknown): RawTable | undefined {
  if (!isRecord(value) || typeof value.name !== "string") return undefined;
  const table: RawTable = { name: value.name };
  if (typeof value.tableRef === "string") table.tableRef = value.tableRef;
  if (typeof value.ref === "string") table.ref = value.ref;
  if (typeof value.headerRow === "boolean") table.headerRow = value.headerRow;
  if (typeof value.totalsRow === "boolean") table.totalsRow = value.totalsRow;
  if (Array.isArray(value.columns)) table.columns = value.columns.filter(isRecord).map((c) => ({ name: c.name }));
  return table;
}

/** The tables on a worksheet, in the order exceljs holds them. */
export function tablesOf(worksheet: Worksheet): RawTable[] {
  const tables = (worksheet as unknown as { tables?: unknown }).tables;
  if (!isRecord(tables)) return [];
  const out: RawTable[] = [];
  for (const holder of Object.values(tables)) {
    if (!isRecord(holder)) continue;
    const { table, model } = holder as TableHolder;
    const raw = asRawTable(table) ?? asRawTable(model);
    if (raw) out.push(raw);
  }
  return out;
}

/** A worksheet's data validations: exceljs keys them by address ("C2" or "C2:N2"); loaded ranges are split into single cells. */
export interface DataValidationStore {
  readonly model: Record<string, DataValidation | undefined>;
  add(address: string, validation: DataValidation): void;
}

export function dataValidationsOf(worksheet: Worksheet): DataValidationStore {
  const store = (worksheet as unknown as { dataValidations?: unknown }).dataValidations;
  if (!isRecord(store) || !isRecord(store.model) || typeof store.add !== "function") {
    throw new Error("This version of exceljs has no worksheet.dataValidations: Impact Returns needs exceljs 4.4.");
  }
  return store as unknown as DataValidationStore;
}

/** One more than the highest priority of the sheet's conditional formats (1 when it has none). */
export function nextConditionalFormatPriority(worksheet: Worksheet): number {
  const formats = (worksheet as unknown as { conditionalFormattings?: unknown }).conditionalFormattings;
  let highest = 0;
  if (Array.isArray(formats)) {
    for (const format of formats) {
      const rules: unknown = isRecord(format) ? format.rules : undefined;
      if (!Array.isArray(rules)) continue;
      for (const rule of rules) if (isRecord(rule) && typeof rule.priority === "number") highest = Math.max(highest, rule.priority);
    }
  }
  return highest + 1;
}

/** The sheet's protection as exceljs holds it (`sheet: true` when protected; true options are allowed actions), or undefined. */
export function protectionOf(worksheet: Worksheet): Record<string, unknown> | undefined {
  const protection = (worksheet as unknown as { sheetProtection?: unknown }).sheetProtection;
  return isRecord(protection) ? protection : undefined;
}

/** Whether the sheet's tab is selected (exceljs reads and writes tabSelected on a sheet's first view; its typings omit it). */
export function isTabSelected(worksheet: Worksheet): boolean {
  const first: unknown = worksheet.views[0];
  return isRecord(first) && first.tabSelected === true;
}

export function setTabSelected(worksheet: Worksheet, selected: boolean): void {
  const [first, ...rest] = worksheet.views;
  const view = { ...(first ?? { state: "normal" }), tabSelected: selected };
  worksheet.views = [view as Partial<WorksheetView>, ...rest];
}

// --- Loading files written by other programs ----------------------------------------------------

interface Relationship {
  Id?: unknown;
  Type?: unknown;
  Target?: unknown;
}

interface LoadModel {
  worksheets?: { sheetNo?: unknown; tables?: { rId?: unknown }[] }[];
  worksheetRels?: Record<string, Relationship[] | undefined>;
  tables?: Record<string, unknown>;
}

interface ReconcilingXlsx {
  reconcile(model: unknown, options: unknown): void;
  __impactReturnsTableFix?: true;
}

/**
 * exceljs files tables under "../tables/tableN.xml" and looks each sheet's table parts up by the
 * relationship's Target. openpyxl writes absolute targets ("/xl/tables/table1.xml"), so the look-up
 * fails and loading throws "Cannot read properties of undefined (reading 'name')" (exceljs issue
 * #1468). This rewrites such targets to exceljs's key, and drops table parts it could not load
 * rather than crash (the sheet's cells are still read).
 */
function repairTableLinks(model: LoadModel): void {
  const tables = model.tables ?? {};
  for (const worksheet of model.worksheets ?? []) {
    const rels = model.worksheetRels?.[String(worksheet.sheetNo)] ?? [];
    for (const rel of rels) {
      if (typeof rel.Type !== "string" || !rel.Type.endsWith("/table") || typeof rel.Target !== "string") continue;
      const file = /(?:^|\/)tables\/([^/]+)$/.exec(rel.Target)?.[1];
      if (file !== undefined && `../tables/${file}` in tables) rel.Target = `../tables/${file}`;
    }
    if (Array.isArray(worksheet.tables)) {
      worksheet.tables = worksheet.tables.filter((part) => {
        const rel = rels.find((r) => r.Id === part.rId);
        return rel !== undefined && typeof rel.Target === "string" && tables[rel.Target] !== undefined;
      });
    }
  }
}

function cellText(worksheet: Worksheet, row: number, column: number): string {
  const value: unknown = worksheet.findRow(row)?.findCell(column)?.value;
  if (isRecord(value) && Array.isArray(value.richText)) return value.richText.map((r: unknown) => (isRecord(r) ? String(r.text ?? "") : "")).join("");
  return value === null || value === undefined ? "" : String(value);
}

/**
 * exceljs reads a table's header row as absent unless the file says headerRowCount="1"; Excel and
 * openpyxl leave that attribute to its default, which is 1. Left alone, exceljs would also write
 * such a table back without its header row. Where the first row of the table holds exactly the
 * column names, the header row is there: say so in the model.
 */
function repairHeaderRows(workbook: Workbook): void {
  for (const worksheet of workbook.worksheets) {
    const tables = (worksheet as unknown as { tables?: unknown }).tables;
    if (!isRecord(tables)) continue;
    for (const holder of Object.values(tables)) {
      const model: unknown = isRecord(holder) ? ((holder as TableHolder).table ?? (holder as TableHolder).model) : undefined;
      if (!isRecord(model) || model.headerRow !== false || typeof model.tableRef !== "string" || !Array.isArray(model.columns)) continue;
      const match = /^\$?([A-Z]{1,3})\$?(\d+)/i.exec(model.tableRef);
      if (!match) continue;
      const row = Number(match[2]);
      const first = [...match[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const names = model.columns.map((c: unknown) => (isRecord(c) ? String(c.name ?? "") : ""));
      if (names.length > 0 && names.every((name, i) => name !== "" && cellText(worksheet, row, first + i).trim() === name.trim())) model.headerRow = true;
    }
  }
}

/** Loads .xlsx bytes into the workbook, with the repairs above for files written by other programs. */
export async function loadXlsx(workbook: Workbook, data: ArrayBuffer | Uint8Array): Promise<Workbook> {
  const xlsx = workbook.xlsx as unknown as ReconcilingXlsx;
  if (typeof xlsx.reconcile === "function" && !xlsx.__impactReturnsTableFix) {
    const original = xlsx.reconcile.bind(xlsx);
    xlsx.reconcile = (model: unknown, options: unknown) => {
      if (isRecord(model)) repairTableLinks(model as LoadModel);
      original(model, options);
    };
    xlsx.__impactReturnsTableFix = true;
  }
  // exceljs's typings say Buffer; at run time it takes any of these (JSZip reads them all).
  await workbook.xlsx.load(data as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  repairHeaderRows(workbook);
  return workbook;
}
