/**
 * The sector workbook as a pure plan: from a Collation, the sheets and tables of
 * docs/sector-format.md, with every cell typed (text, number, date, percent) and formatted.
 * Text is always text: a gateway writes it as a string, never as a formula. No "built at" time
 * is written, so the same inputs give the same workbook.
 */
import { excelSerial } from "../calendar";
import {
  CHASE_COLUMNS,
  FIGURE_BASIS,
  HEADLINES_COLUMNS,
  MAX_TABLE_ROWS,
  MONTHLY_MEASURE_COLUMNS,
  MONTHLY_MONTH_COLUMN,
  REGISTER_COLUMNS,
  REVISIONS_COLUMNS,
  SECTOR_DATA_COLUMNS,
  SECTOR_HOMES_LABEL,
  SECTOR_REFLECTIONS_COLUMNS,
  SECTOR_SHEET,
  SECTOR_TABLE,
  SECTOR_TOTALS_COLUMNS,
  SIGN_OFF_REQUIRED_LABEL,
  SUBMISSIONS_COLUMNS,
  YES_NO,
} from "../sheets/sector";
import { KIND_WORD, UNIT_WORD } from "../sheets/summary";
import { pivotPart } from "../summary/specs";
import { SIGN_OFF_LABEL } from "../checks/sign-off";
import { ym } from "./submission";
import { planSectorDrawing } from "./drawing";
import { sectorHeadlines } from "./headlines";
import { DEFAULT_PUBLICATION, howFiguresAreMade } from "./estimates";
import { monthLabel } from "../calendar";
import { gbDate } from "../format";
import { a4Landscape, pagesWideFor } from "../layout/print";
import { TOOL_LABEL } from "../version";
import { unitFormat, type SectorCell, type SectorColumn, type SectorPlan, type SectorTablePlan } from "./sector-table";
import type { Collation, MeasureLine } from "./types";

export { SECTOR_FORMATS, type SectorCell, type SectorColumn, type SectorPlan, type SectorTablePlan } from "./sector-table";

const opt = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
/** Month cells by month ("2021-04"): one per month, shared by every row of it (half a million rows name a few dozen months). */
const monthCells = new Map<string, SectorCell>();
const monthCell = (month: string): SectorCell => {
  let cell = monthCells.get(month);
  if (cell === undefined) {
    const m = ym(month);
    cell = Object.freeze({ value: excelSerial(m.year, m.month, 1), format: "month" as const });
    if (monthCells.size < 10_000) monthCells.set(month, cell);
  }
  return cell;
};
const figure = (value: number | undefined, unit: MeasureLine["unit"]): SectorCell => (value === undefined ? null : { value, format: unitFormat(unit) });
const percent = (fraction: number | undefined): SectorCell => (fraction === undefined ? null : { value: fraction, format: "percent" });
/** The Scaled estimate and Estimate note cells (ESTIMATE_COLUMNS). */
const estimateCells = (r: { unit: MeasureLine["unit"]; scaledEstimate?: number | undefined; estimateNote?: string | undefined }): SectorCell[] => [figure(r.scaledEstimate, r.unit), r.estimateNote ?? null];

/** A table's columns as its definition gives them (src/core/sheets/sector.ts), each the plan's own. */
const columnsOf = (columns: readonly SectorColumn[]): SectorColumn[] => columns.map((c) => ({ ...c }));

/** The cells of a measure row in a month: the columns SectorData and SectorTotals share. */
function measureMonthCells(r: Pick<MeasureLine, "unit" | "kind"> & { code: string; measure: string; breakdown: string; month: string }): SectorCell[] {
  return [r.code, r.measure, r.breakdown === "" ? null : r.breakdown, UNIT_WORD[r.unit], KIND_WORD[r.kind], monthCell(r.month)];
}

export class SectorTooLargeError extends Error {
  constructor(readonly table: string, readonly rows: number) {
    super(`The ${table} table would have ${rows.toLocaleString("en-GB")} rows, more than an Excel sheet holds (${MAX_TABLE_ROWS.toLocaleString("en-GB")}). Collate fewer reporting years at a time.`);
    this.name = "SectorTooLargeError";
  }
}

/** Each Submissions column's cell for a file, by header: the columns' order is the definition's (src/core/sheets/sector.ts). */
const SUBMISSION_CELL: Record<(typeof SUBMISSIONS_COLUMNS)[number]["header"], (f: Collation["files"][number]) => SectorCell> = {
  File: (f) => f.file,
  Organisation: (f) => opt(f.organisation),
  Status: (f) => f.status,
  Reason: (f) => f.reason,
  "Sign-off": (f) => (f.signOff === undefined ? null : SIGN_OFF_LABEL[f.signOff]),
  "Organisation code": (f) => opt(f.organisationCode),
  "Reporting year start": (f) => (f.reportingYearStart === undefined ? null : monthCell(f.reportingYearStart)),
  "Months reported": (f) => opt(f.monthsReported),
  Errors: (f) => opt(f.errors),
  Warnings: (f) => opt(f.warnings),
  Explained: (f) => opt(f.explained),
  "Signed off on": (f) => (f.signedOffOn === undefined ? null : { value: f.signedOffOn, format: "date" }),
  Framework: (f) => opt(f.framework),
  "Framework version": (f) => opt(f.frameworkVersion),
  "SHA-256": (f) => f.sha256,
};

/** A table of the sector workbook: its sheet, name and columns (as src/core/sheets/sector.ts defines them) and rows. */
function sectorTable(sheet: string, table: string, columns: readonly SectorColumn[], rows: SectorCell[][], aside?: SectorTablePlan["aside"]): SectorTablePlan {
  return { sheet, table, columns: columnsOf(columns), rows, ...(aside ? { aside } : {}) };
}

const orNull = (text: string) => (text === "" ? null : text);

/** The Sector summary and Month by month tables: the reporting year's headlines (./headlines.ts). */
function planHeadlines(c: Collation): SectorTablePlan[] {
  const h = sectorHeadlines(c);
  const lineCells = (l: MeasureLine): SectorCell[] => [l.code, l.label, orNull(l.breakdown), UNIT_WORD[l.unit], KIND_WORD[l.kind]];
  const headlines = sectorTable(
    SECTOR_SHEET.summary,
    SECTOR_TABLE.headlines,
    HEADLINES_COLUMNS,
    h.rows.map((r) => [...lineCells(r), r.monthsReported, r.latestMonth === undefined ? null : monthCell(r.latestMonth), r.organisations, percent(r.coverage), FIGURE_BASIS[r.kind], figure(r.reported, r.unit), ...estimateCells(r)]),
  );
  headlines.notes = howFiguresAreMade({ ...DEFAULT_PUBLICATION, minimumCoverage: c.minimumCoverage }, c.sectorHomes, false);
  const monthColumns = h.months.map((m) => ({ header: monthLabel(ym(m)), ...MONTHLY_MONTH_COLUMN }));
  const monthly = sectorTable(SECTOR_SHEET.monthly, SECTOR_TABLE.monthly, [...MONTHLY_MEASURE_COLUMNS, ...monthColumns], h.monthly.map(({ line, values }) => [...lineCells(line), ...values.map((v) => figure(v, line.unit))]));
  return [headlines, monthly];
}

export function planSector(c: Collation, title = "Sector returns"): SectorPlan {
  const lineOf = new Map(c.lines.map((l) => [`${l.code}|${l.breakdown}`, l]));
  const submissions = sectorTable(SECTOR_SHEET.submissions, SECTOR_TABLE.submissions, SUBMISSIONS_COLUMNS, c.files.map((f) => SUBMISSIONS_COLUMNS.map((column) => SUBMISSION_CELL[column.header](f))));
  const register = sectorTable(
    SECTOR_SHEET.organisations,
    SECTOR_TABLE.register,
    REGISTER_COLUMNS,
    c.organisations.map((o) => [o.organisationCode, orNull(o.organisation), opt(o.homesManaged)]),
    [
      [SECTOR_HOMES_LABEL, c.sectorHomes === undefined ? null : { value: c.sectorHomes, format: "count" }],
      [SIGN_OFF_REQUIRED_LABEL, c.requireSignOff ? YES_NO.yes : YES_NO.no],
    ],
  );
  const data = sectorTable(SECTOR_SHEET.data, SECTOR_TABLE.data, SECTOR_DATA_COLUMNS, c.data.map((d) => [d.organisationCode, orNull(d.organisation), ...measureMonthCells(d), figure(d.value, d.unit)]));
  const totals = sectorTable(SECTOR_SHEET.totals, SECTOR_TABLE.totals, SECTOR_TOTALS_COLUMNS, c.totals.map((t) => [...measureMonthCells(t), t.organisations, t.homesCovered, percent(t.coverage), figure(t.reportedTotal, t.unit), ...estimateCells(t), pivotPart(t.breakdown)]));
  const revisions = sectorTable(
    SECTOR_SHEET.revisions,
    SECTOR_TABLE.revisions,
    REVISIONS_COLUMNS,
    c.revisions.map((r) => {
      const unit = lineOf.get(`${r.code}|${r.breakdown}`)?.unit ?? "count";
      return [r.organisationCode, r.code, orNull(r.breakdown), monthCell(r.month), figure(r.was, unit), figure(r.now, unit), r.file];
    }),
  );
  const chase = sectorTable(SECTOR_SHEET.chase, SECTOR_TABLE.chase, CHASE_COLUMNS, c.chase.map((r) => [r.organisationCode, orNull(r.organisation), monthCell(r.month), r.why]));

  // Shared reflections only (the collation holds no other): text written as text, never a formula.
  const reflections = sectorTable(
    SECTOR_SHEET.reflections,
    SECTOR_TABLE.reflections,
    SECTOR_REFLECTIONS_COLUMNS,
    c.reflections.map((r) => [r.organisationCode, orNull(r.organisation), r.month !== undefined ? monthCell(r.month) : orNull(r.monthText), orNull(r.prompt), r.reflection]),
  );

  const tables = [...planHeadlines(c), submissions, register, data, totals, revisions, chase, reflections];
  const drawing = planSectorDrawing(c);
  const asOn = `As on ${gbDate(c.asOf)}`;
  for (const t of [...tables, drawing.data]) {
    if (t.rows.length > MAX_TABLE_ROWS) throw new SectorTooLargeError(t.table, t.rows.length);
    t.layout = a4Landscape({ header: { left: title, center: t.sheet, right: asOn }, footerLeft: TOOL_LABEL, titleRow: 1, pagesWide: pagesWideFor(t.columns.map((col) => col.width)) });
  }
  return { title, tables, drawing };
}
