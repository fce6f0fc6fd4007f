/**
 * Collate in Excel: adds submissions (read in the task pane's worker) to the sector workbook open
 * in Excel (docs/sector-format.md, "In Excel"). The workbook's own `Submissions` table is the
 * ledger: the previous ledger, `SectorData`, `Revisions` and `Register` are read back and handed to
 * the engine, so files added next month join it, a resubmission supersedes, and nothing already
 * collated is lost.
 *
 * A workbook that holds a return (an officer's own: src/core/checks/check.ts `holdsAReturn`, the
 * test that makes a check's `notAReturn`) is refused before anything is written, naming whose
 * return it is (REFUSAL.holdsAReturn): the sector workbook is a workbook of its own. The pane asks
 * first (`readSectorSettings`) and offers to open a new workbook (`openNewWorkbook`).
 *
 * Syncs: 2 + R to read + B write batches + 1 to finish, where R and B are the batches the earlier
 * sector tables' rows are read in and the new ones' written in, so that each response and request
 * stays under `budgetBytes` (default 4 MB, under Excel's 5 MB limit on both), measured in UTF-8
 * bytes of the JSON of the values (and number formats) carried:
 *   1      read sheets, tables and PivotTables (a workbook holding a return: 2 more syncs read its
 *          details for the refusal, and nothing is written);
 *   2..R+2 the four tables the engine needs: their headers and sizes, with the settings beside the
 *          Register table (`Sector homes`, `Only signed-off returns`: SETTINGS_RANGE), then their
 *          rows in R batches (batched-read.ts; R is 0 when the workbook has no sector tables yet);
 *          in a workbook new to Collate, sync 2 also looks into any sheet with a default name
 *          ("Sheet1": src/core/setup/default-sheet.ts, Set up's rule) to see whether it is empty;
 *   3..B+2 write the sector tables (the plan's, docs/sector-format.md) on sheets with temporary names ("Submissions (new)"), a
 *          batch at a time (a table's sheet, header, table and widths go with its first rows);
 *   B+3    the Sector charts sheet (its data table and charts) and the Sector pivots sheet (one
 *          PivotTable of SectorTotals a unit), then the old sector sheets are deleted and the new ones
 *          take their names; last, once the sector sheets exist (Excel refuses to delete a
 *          workbook's last visible sheet), an empty default sheet of a new workbook is deleted.
 * A failure part-way removes the sheets under temporary names (2 more syncs): the old sector
 * sheets are untouched until the last batch, so nothing collated before is lost.
 *
 * The register: a register given (`options.register`, chosen in the pane) is the engine's, as the
 * command line's `--register` is, so the same files, register and day give the same chase list;
 * without one, the workbook's Register is kept (see registerFor).
 *
 * The outcome carries the Collation itself (with this collation's submissions), the publication
 * rules and the register used, so the pane can make the bulletin, the feedback workbooks and the
 * email drafts from it without reading the workbook again (no more syncs).
 *
 * `readSectorSettings` (what the pane shows before collating): 2 syncs - the workbook's tables and
 * the Register table (or none), then the settings beside it and its rows; a workbook that holds a
 * return: the refusal instead, its details read in 2 more.
 *
 * `openNewWorkbook`: Excel.createWorkbook (ExcelApi 1.8, guarded with isSetSupported), no sync. The
 * new workbook opens in a window of its own; this add-in stays here, so the officer opens Impact
 * Returns there and collates (the pane says so). Seeding the new workbook with the add-in so its
 * pane opens by itself would need a Base64 workbook carrying the add-in's web-extension part; not done.
 */
// From their own modules, not the ../core/collate index: through the index, the modules the pane
// loads on demand (the bulletin, feedback and drafts: ../taskpane/published-downloads.ts) would
// join the pane's first bundle.
import { collate } from "../core/collate/collate";
import { planSector, SectorTooLargeError } from "../core/collate/plan";
import type { Collation, FileOutcome, LedgerRow, RegisterEntry, Submission } from "../core/collate/types";
import { publicationRules, type PublicationRules } from "../core/collate/estimates";
import { SECTOR_FORMATS, type SectorCell, type SectorColumn, type SectorPlan, type SectorTablePlan } from "../core/collate/plan";
import { headerLines, LINE_POINTS } from "../core/collate/sector-table";
import { cellAddress, rangeAddress } from "../core/layout/a1";
import { SECTOR_CHART_TABLE, SECTOR_EXTRA_SHEET, SECTOR_OWNED, SECTOR_SHEET, SECTOR_TABLE } from "../core/layout/sector-contract";
import { text } from "../core/return";
import type { CellValue } from "../core/workbook/types";
import { columnWidthPoints, queuePageLayout } from "./apply";
import { queueChart, queuePivot, type Naming } from "./draw";
import { NEW_WORKBOOK_STEP, REFUSAL } from "../core/refusals";
import { holdsAReturn } from "../core/checks/check";
import { readReturn } from "../core/return";
import { defaultSheetCandidates, type WorkbookOwner } from "../core/setup/default-sheet";
import { UserFacingError } from "./errors";
import type { ExcelHost } from "./host";
import { probeEmptySheets } from "./default-sheets";
import { readSnapshot } from "./read";
import { previousFromValues, SETTINGS_RANGE, settingsFromAside, type PreviousSector, type SectorSettings } from "../core/collate/previous";
import { jsonBytes, readTablesInBatches } from "./batched-read";

export { previousFromValues, type PreviousSector };

/** A request's size budget: under Excel's 5 MB limit, with room for the request's own wrapping. */
export const DEFAULT_BUDGET_BYTES = 4 * 1024 * 1024;
const TEMP = " (new)";
const TABLE_TEMP = "_IRNew";
const temp = (sheet: string) => `${sheet}${TEMP}`;

export interface CollateInExcelOptions {
  /** The day the chase list is for. */
  today: Date;
  /** The sector's homes (coverage's denominator); when absent, the workbook's `Sector homes` is kept. */
  sectorHomes?: number;
  /**
   * The organisations expected to return (a register file chosen in the pane): replaces the
   * workbook's Register. When absent, the workbook's Register is kept, with each new organisation added.
   */
  register?: RegisterEntry[];
  /** Hold returns not signed off (as `--require-sign-off`); when absent, the workbook's `Only signed-off returns` is kept (default no). */
  requireSignOff?: boolean;
  /** The most a write request or a read response may carry (UTF-8 bytes of JSON); default 4 MB. */
  budgetBytes?: number;
  /**
   * The sector's publication rules (a framework's `minimumCoverage`, `minimumOrganisations`, as the
   * command line's --framework gives them); each absent: the default (30%, 3 organisations).
   */
  publication?: { minimumCoverage?: number; minimumOrganisations?: number };
}

export interface CollateInExcelOutcome {
  /** Every file in the ledger now, with its status and reason (the submissions are not kept). */
  files: LedgerRow[];
  /** The rows that were in the ledger before. */
  previousFiles: number;
  organisations: number;
  totals: number;
  revisions: number;
  chase: number;
  sectorHomes?: number;
  /** Whether returns not signed off were held (now recorded beside the Register table). */
  requireSignOff: boolean;
  /** Read batches of the earlier collation (each one sync; none when the workbook has no sector tables yet). */
  readBatches: number;
  /** The largest read response, in UTF-8 bytes of the values read. */
  largestResponse: number;
  /** Write batches (each one sync); syncs = 2 + readBatches + batches + 1. */
  batches: number;
  /** The largest write request, in bytes of JSON. */
  largestRequest: number;
  sheets: string[];
  /** Empty default sheets of a new workbook ("Sheet1") deleted once the sector sheets existed. */
  removedSheets: string[];
  charts: number;
  /**
   * The collation written (its files in this collation keep their submissions): what the pane's
   * bulletin, feedback and email drafts are made from, as the command line makes them.
   */
  collation: Collation;
  /** The publication rules it was collated with (the bulletin and feedback hide sector figures from fewer than `minimumOrganisations`). */
  rules: PublicationRules;
  /** The register the engine was given (the drafts' `Contact email`s); undefined when there was none. */
  register?: RegisterEntry[];
}

export type CollateProgress = (step: string, fraction: number) => void;

/**
 * The register handed to the engine: the workbook's Register (its homes are what coverage was
 * worked out from), and each organisation found in the new returns that is not on it yet.
 */
function registerFor(previous: PreviousSector, submissions: readonly Submission[]): RegisterEntry[] | undefined {
  const out = [...previous.register];
  const known = new Set(out.map((r) => r.organisationCode.trim().toUpperCase()));
  for (const s of submissions) {
    if (s.problem !== undefined || !s.organisationCode) continue;
    const key = s.organisationCode.trim().toUpperCase();
    if (known.has(key)) continue;
    known.add(key);
    out.push({ organisationCode: s.organisationCode, ...(s.organisation ? { organisation: s.organisation } : {}), ...(s.homesManaged !== undefined ? { homesManaged: s.homesManaged } : {}) });
  }
  return out.length > 0 ? out : undefined;
}

// --- Batching the writes --------------------------------------------------------------------------

type ExcelValue = string | number;

function cellValue(cell: SectorCell): ExcelValue {
  if (cell === null) return "";
  if (typeof cell === "object") return cell.value;
  return cell;
}

function cellFormat(cell: SectorCell, column: SectorColumn): string {
  if (typeof cell === "string") return SECTOR_FORMATS.text;
  if (cell !== null && typeof cell === "object") return SECTOR_FORMATS[cell.format];
  if (typeof cell === "number" && column.format === "text") return SECTOR_FORMATS.decimal;
  return SECTOR_FORMATS[column.format];
}

/** One piece of a write batch: a table's set-up (sheet, header, table, widths) or a run of its rows. */
export type WritePiece = { kind: "table"; table: number; bytes: number } | { kind: "rows"; table: number; start: number; values: ExcelValue[][]; formats: string[][]; bytes: number };

/** The JSON size of a request's values and formats: what the budget is measured in. */
export const payloadBytes = (values: unknown, formats: unknown): number => jsonBytes(values) + jsonBytes(formats);

/**
 * Splits the tables' writes into batches of at most `budget` bytes each (a single row larger than
 * the budget goes alone). Pure, so the formula can be tested: batches = this list's length.
 */
export function planBatches(tables: readonly SectorTablePlan[], budget: number): WritePiece[][] {
  const batches: WritePiece[][] = [];
  let current: WritePiece[] = [];
  let size = 0;
  const push = (piece: WritePiece) => {
    if (current.length > 0 && size + piece.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    // Rows join the run before them when they fit.
    const last = current[current.length - 1];
    if (piece.kind === "rows" && last?.kind === "rows" && last.table === piece.table && last.start + last.values.length === piece.start) {
      last.values.push(...piece.values);
      last.formats.push(...piece.formats);
      last.bytes += piece.bytes;
    } else current.push(piece);
    size += piece.bytes;
  };
  tables.forEach((t, ti) => {
    const headers = t.columns.map((c) => c.header);
    push({ kind: "table", table: ti, bytes: payloadBytes([headers], [headers.map(() => "@")]) + 200 + jsonBytes([t.aside ?? [], t.notes ?? []]) });
    const rows = t.rows.length > 0 ? t.rows : [t.columns.map(() => null)];
    rows.forEach((row, r) => {
      const values = [row.map(cellValue)];
      const formats = [row.map((c, i) => cellFormat(c, t.columns[i]!))];
      push({ kind: "rows", table: ti, start: r, values, formats, bytes: payloadBytes(values, formats) });
    });
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

function queuePiece(context: Excel.RequestContext, t: SectorTablePlan, piece: WritePiece): void {
  const sheets = context.workbook.worksheets;
  const width = t.columns.length;
  const bodyRows = Math.max(1, t.rows.length);
  if (piece.kind === "table") {
    const ws = sheets.add(temp(t.sheet));
    const header = ws.getRange(rangeAddress(0, 0, 1, width));
    header.numberFormat = [t.columns.map(() => "@")];
    header.values = [t.columns.map((c) => c.header)];
    header.format.wrapText = true;
    header.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
    const lines = headerLines(t.columns);
    if (lines > 1) header.format.rowHeight = lines * LINE_POINTS;
    if (t.notes && t.notes.length > 0) {
      // Below the table, one blank row between: plain text, never a formula.
      const notes = ws.getRangeByIndexes(bodyRows + 2, 0, t.notes.length, 1);
      notes.numberFormat = t.notes.map(() => ["@"]);
      notes.values = t.notes.map((n) => [n]);
    }
    const table = ws.tables.add(rangeAddress(0, 0, bodyRows + 1, width), true);
    // Figures sit at the top of their row, level with the first line of any wrapped text beside them.
    table.getRange().format.verticalAlignment = "Top" as Excel.VerticalAlignment;
    table.name = `${t.table}${TABLE_TEMP}`;
    t.columns.forEach((c, i) => {
      const column = ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn();
      column.format.columnWidth = columnWidthPoints(c.width);
      if (c.wrap) {
        column.format.wrapText = true;
        column.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
      }
    });
    ws.freezePanes.freezeRows(1);
    if (t.layout) queuePageLayout(ws, t.layout);
    if (t.aside) {
      const col = width + 1;
      t.aside.forEach(([label, value], r) => {
        const cells = ws.getRange(rangeAddress(r, col, 1, 2));
        const column: SectorColumn = { header: label, format: "count", width: 14 };
        cells.numberFormat = [["@", cellFormat(value, column)]];
        cells.values = [[label, cellValue(value)]];
        ws.getRange(cellAddress(r, col)).format.font.bold = true;
      });
      ws.getRangeByIndexes(0, col, 1, 1).getEntireColumn().format.columnWidth = columnWidthPoints(16);
    }
    return;
  }
  const range = sheets.getItem(temp(t.sheet)).getRange(rangeAddress(1 + piece.start, 0, piece.values.length, width));
  range.numberFormat = piece.formats;
  range.values = piece.values;
}

// --- Charts and the PivotTable --------------------------------------------------------------------

/** Collate builds under temporary names (see above). */
const COLLATING: Naming = { sheet: temp, table: (t) => `${t}${TABLE_TEMP}`, pivot: (p) => `${p}${TABLE_TEMP}` };

/** The charts sheet (its data table, then the charts the core planned) and the PivotTable sheet; returns the number of charts. */
function queueDrawing(context: Excel.RequestContext, drawing: SectorPlan["drawing"]): { charts: number; bytes: number } {
  const [pieces = []] = planBatches([drawing.data], Number.POSITIVE_INFINITY);
  for (const piece of pieces) queuePiece(context, drawing.data, piece);
  for (const chart of drawing.charts) queueChart(context, chart, COLLATING);
  const pivotSheet = context.workbook.worksheets.add(temp(SECTOR_EXTRA_SHEET.pivots));
  const heading = pivotSheet.getRange("A1");
  heading.values = [[drawing.pivotHeading]];
  heading.format.font.bold = true;
  drawing.pivotWidths.forEach((characters, column) => {
    pivotSheet.getRangeByIndexes(0, column, 1, 1).getEntireColumn().format.columnWidth = columnWidthPoints(characters);
  });
  for (const pivot of drawing.pivots) queuePivot(context, pivot, COLLATING);
  return { charts: drawing.charts.length, bytes: pieces.reduce((n, p) => n + p.bytes, 0) };
}

// --- The action -------------------------------------------------------------------------------------

/** The sheets Collate owns, each with the table (or PivotTable) that marks it as Collate's. */
const OWNED = SECTOR_OWNED;
/** Collate's tables and sheets: a workbook with none of these tables is new to Collate. */
const SECTOR_WORKBOOK: WorkbookOwner = { tables: OWNED.flatMap((o) => (o.table ? [o.table] : [])), sheets: OWNED.map((o) => o.sheet) };

/**
 * Collate's refusal of a workbook that holds a return, naming whose (its details read: 2 syncs), or
 * undefined when the tables show none.
 */
async function returnRefusal(context: Excel.RequestContext, tableNames: readonly string[]): Promise<string | undefined> {
  if (!holdsAReturn(tableNames)) return undefined;
  const details = readReturn(await readSnapshot(context)).details;
  return REFUSAL.holdsAReturn(details?.organisationCode).message;
}

/** The ExcelApi set of Excel.createWorkbook. */
export const CREATE_WORKBOOK_API = "1.8";

/** Whether this Excel can open a new workbook for the add-in (Excel.createWorkbook). */
export function canOpenNewWorkbook(host: ExcelHost): boolean {
  return host.createWorkbook !== undefined && host.isSetSupported("ExcelApi", CREATE_WORKBOOK_API);
}

/** Opens a new, blank workbook in a window of its own (see the file's comment). */
export async function openNewWorkbook(host: ExcelHost): Promise<void> {
  if (!host.createWorkbook || !canOpenNewWorkbook(host)) {
    throw new UserFacingError("This version of Excel cannot open a new workbook for Impact Returns.", NEW_WORKBOOK_STEP.byHand);
  }
  await host.createWorkbook();
}

const lower = (s: string) => s.toLowerCase();

/** Collates `submissions` into the open workbook (see the file's comment for the syncs). */
export async function collateInExcel(host: ExcelHost, submissions: readonly Submission[], options: CollateInExcelOptions, onProgress?: CollateProgress): Promise<CollateInExcelOutcome> {
  const budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  let building = false;
  try {
    return await host.run(async (context) => {
      onProgress?.("Reading the sector workbook", 0.05);
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name,items/worksheet/name");
      const pivots = context.workbook.pivotTables;
      pivots.load("items/name,items/worksheet/name");
      await context.sync();

      const sheetNames = worksheets.items.map((s) => s.name);
      // An officer's return is no place for the sector sheets: refuse before writing anything.
      const holding = await returnRefusal(context, tables.items.map((t) => t.name));
      if (holding) throw new UserFacingError(`Collate did not change anything. ${holding}`, NEW_WORKBOOK_STEP.byHand);
      const tableSheet = new Map(tables.items.map((t) => [lower(t.name), t.worksheet.name]));
      const pivotSheet = new Map(pivots.items.map((p) => [lower(p.name), p.worksheet.name]));
      const problems: string[] = [];
      const old: string[] = [];
      for (const own of OWNED) {
        const sheet = sheetNames.find((n) => lower(n) === lower(own.sheet));
        // The pivots sheet is marked by its PivotTables, each named SECTOR_PIVOT and a unit's ending.
        const marker = own.table ? tableSheet.get(lower(own.table)) : [...pivotSheet].find(([name]) => name.startsWith(lower(own.pivot!)))?.[1];
        if (marker !== undefined && lower(marker) !== lower(own.sheet)) problems.push(REFUSAL.tableElsewhere("collate", own.table ?? own.pivot!, marker, own.sheet).message);
        if (sheet && marker === undefined) problems.push(REFUSAL.foreignSheet("collate", sheet, own.table ? `${own.table} table` : `${own.pivot!} PivotTable`).message);
        if (sheet) old.push(sheet);
      }
      if (problems.length > 0) throw new UserFacingError(`Collate did not change anything: ${problems.join(" ")}`, "Resolve the problem above, then add the files again.");
      const leftovers = sheetNames.filter((n) => OWNED.some((o) => lower(n) === lower(temp(o.sheet))));
      // A new workbook's untouched "Sheet1" (Set up's rule): looked into with the next sync, deleted last.
      const onSheet = (sheet: string, names: Map<string, string>) => [...names].filter(([, on]) => lower(on) === lower(sheet)).map(([name]) => name);
      const candidates = defaultSheetCandidates(
        { sheets: sheetNames.map((name) => ({ name, tables: onSheet(name, tableSheet), pivotTables: onSheet(name, pivotSheet) })) },
        SECTOR_WORKBOOK,
      );
      const emptySheets = probeEmptySheets(context, candidates);

      // The earlier collation, read back in batches under Excel's response limits (batched-read.ts).
      const wanted = [SECTOR_TABLE.submissions, SECTOR_TABLE.data, SECTOR_TABLE.revisions, SECTOR_TABLE.reflections, SECTOR_TABLE.register].filter((t) => tableSheet.has(lower(t)));
      const settingsCells = tableSheet.has(lower(SECTOR_TABLE.register)) ? worksheets.getItem(tableSheet.get(lower(SECTOR_TABLE.register))!).getRange(SETTINGS_RANGE) : undefined;
      settingsCells?.load("values");
      const read = await readTablesInBatches(context, wanted, budget);
      const values = (table: string) => read.values.get(table);
      const previous = previousFromValues({
        submissions: values(SECTOR_TABLE.submissions),
        data: values(SECTOR_TABLE.data),
        revisions: values(SECTOR_TABLE.revisions),
        reflections: values(SECTOR_TABLE.reflections),
        register: values(SECTOR_TABLE.register),
        ...(settingsCells ? { aside: settingsCells.values as CellValue[][] } : {}),
      });

      onProgress?.("Collating", 0.2);
      const sectorHomes = options.sectorHomes ?? previous.sectorHomes;
      const requireSignOff = options.requireSignOff ?? previous.requireSignOff ?? false;
      const register = options.register ?? registerFor(previous, submissions);
      const d = options.today;
      const rules = publicationRules(options.publication);
      const collation = collate(submissions, {
        asOf: { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() },
        minimumCoverage: rules.minimumCoverage,
        ...(register && register.length > 0 ? { register } : {}),
        ...(sectorHomes !== undefined ? { sectorHomes } : {}),
        ...(requireSignOff ? { requireSignOff } : {}),
        previous: { ledger: previous.ledger, sectorData: previous.sectorData, revisions: previous.revisions, reflections: previous.reflections },
      });
      let plan;
      try {
        plan = planSector(collation);
      } catch (error) {
        if (error instanceof SectorTooLargeError) throw new UserFacingError(error.message, "Collate fewer reporting years in this workbook.");
        throw error;
      }
      const batches = planBatches(plan.tables, budget);
      let largest = 0;
      building = true;
      for (const [i, batch] of batches.entries()) {
        onProgress?.(`Writing the sector sheets (${i + 1} of ${batches.length})`, 0.25 + (0.6 * i) / batches.length);
        if (i === 0) for (const name of leftovers) worksheets.getItem(name).delete();
        context.workbook.application.suspendApiCalculationUntilNextSync();
        for (const piece of batch) queuePiece(context, plan.tables[piece.table]!, piece);
        largest = Math.max(largest, batch.reduce((n, p) => n + p.bytes, 0));
        // One sync a batch, by design: each request must stay under Excel's 5 MB limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }

      onProgress?.("Drawing the charts and PivotTables", 0.9);
      const drawn = queueDrawing(context, plan.drawing);
      largest = Math.max(largest, drawn.bytes);
      const charts = drawn.charts;
      // The new sector sheets are complete: they replace the old ones.
      for (const name of old) worksheets.getItem(name).delete();
      const names = [...plan.tables.map((t) => t.sheet), SECTOR_EXTRA_SHEET.charts, SECTOR_EXTRA_SHEET.pivots];
      for (const name of names) worksheets.getItem(temp(name)).name = name;
      for (const t of [...plan.tables.map((t) => t.table), SECTOR_CHART_TABLE]) tables.getItem(`${t}${TABLE_TEMP}`).name = t;
      for (const pivot of plan.drawing.pivots) context.workbook.pivotTables.getItem(`${pivot.name}${TABLE_TEMP}`).name = pivot.name;
      // Last, once the sector sheets exist: Excel will not delete a workbook's last visible sheet.
      const removedSheets = emptySheets();
      for (const name of removedSheets) worksheets.getItem(name).delete();
      worksheets.getItem(SECTOR_SHEET.totals).activate();
      await context.sync();
      building = false;
      onProgress?.("Done", 1);
      const ledger = collation.files.map(({ submission: _dropped, ...row }: FileOutcome) => row);
      return {
        files: ledger,
        previousFiles: previous.ledger.length,
        organisations: collation.organisations.length,
        totals: collation.totals.length,
        revisions: collation.revisions.length,
        chase: collation.chase.length,
        ...(collation.sectorHomes !== undefined ? { sectorHomes: collation.sectorHomes } : {}),
        requireSignOff,
        batches: batches.length,
        readBatches: read.batches,
        largestRequest: largest,
        largestResponse: read.largestResponse,
        sheets: names,
        removedSheets,
        charts,
        collation,
        rules,
        ...(register && register.length > 0 ? { register } : {}),
      };
    });
  } catch (error) {
    if (building) await removeTemporarySheets(host);
    throw error;
  }
}

/** What the sector workbook open in Excel holds now: its settings, and how many organisations its Register lists. */
export interface SectorWorkbookSettings extends SectorSettings {
  /** Organisations listed in the Register table (0 when there is none: a workbook not collated into yet). */
  registerOrganisations: number;
  /** Why Collate will not add the sector sheets here: the workbook holds a return (REFUSAL.holdsAReturn's words). */
  holdsReturn?: string;
  /** Whether the add-in can open a new workbook here (Excel.createWorkbook, ExcelApi 1.8). */
  canOpenNewWorkbook?: boolean;
}

/** Reads the settings beside the Register table and counts its organisations (2 syncs; see the file's comment). */
export async function readSectorSettings(host: ExcelHost): Promise<SectorWorkbookSettings> {
  return host.run(async (context) => {
    const all = context.workbook.tables.load("items/name");
    const table = context.workbook.tables.getItemOrNullObject(SECTOR_TABLE.register);
    table.load("name");
    await context.sync();
    const holdsReturn = await returnRefusal(context, all.items.map((t) => t.name));
    if (holdsReturn) return { registerOrganisations: 0, holdsReturn, canOpenNewWorkbook: canOpenNewWorkbook(host) };
    if (table.isNullObject) return { registerOrganisations: 0 };
    const aside = table.worksheet.getRange(SETTINGS_RANGE);
    aside.load("values");
    const codes = table.getDataBodyRange().getColumn(0);
    codes.load("values");
    await context.sync();
    const codeValues = codes.values as CellValue[][];
    const registerOrganisations = codeValues.filter((row) => text(row[0]) !== "").length;
    return { ...settingsFromAside(aside.values as CellValue[][]), registerOrganisations };
  });
}

/** After a failed write: deletes the sheets under temporary names (the old sector sheets are untouched). */
async function removeTemporarySheets(host: ExcelHost): Promise<void> {
  try {
    await host.run(async (context) => {
      const found = OWNED.map((o) => context.workbook.worksheets.getItemOrNullObject(temp(o.sheet)));
      await context.sync();
      for (const sheet of found) if (!sheet.isNullObject) sheet.delete();
      await context.sync();
    });
  } catch {
    // The original failure is what the user needs to hear about.
  }
}
