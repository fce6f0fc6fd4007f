/**
 * The sector workbook as a pure plan: from a Collation, the sheets and tables of
 * docs/sector-format.md, with every cell typed (text, number, date, percent) and formatted.
 * Text is always text: a gateway writes it as a string, never as a formula. No "built at" time
 * is written, so the same inputs give the same workbook.
 */
import { excelSerial } from "../calendar";
import {
  CHASE_HEADERS,
  MAX_TABLE_ROWS,
  REGISTER_TABLE_HEADERS,
  REVISIONS_HEADERS,
  SECTOR_DATA_HEADERS,
  SECTOR_HOMES_LABEL,
  SECTOR_SHEET,
  SECTOR_TABLE,
  SECTOR_TOTALS_HEADERS,
  SUBMISSIONS_HEADERS,
} from "../layout/sector-contract";
import { KIND_WORD, UNIT_WORD } from "../layout/summary-contract";
import { ym } from "./submission";
import { planSectorDrawing } from "./drawing";
import type { SectorCell, SectorColumn, SectorFormat, SectorPlan, SectorTablePlan } from "./sector-table";
import type { Collation, MeasureLine } from "./types";

export { SECTOR_FORMATS, type SectorCell, type SectorColumn, type SectorFormat, type SectorPlan, type SectorTablePlan } from "./sector-table";

const opt = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const monthCell = (month: string): SectorCell => {
  const m = ym(month);
  return { value: excelSerial(m.year, m.month, 1), format: "month" };
};
const unitFormat = (unit: MeasureLine["unit"]): SectorFormat => (unit === "gbp" ? "gbp" : unit === "hours" ? "hours" : "count");
const figure = (value: number | undefined, unit: MeasureLine["unit"]): SectorCell => (value === undefined ? null : { value, format: unitFormat(unit) });

function col(header: string, format: SectorFormat, width: number): SectorColumn {
  return { header, format, width };
}

/** A measure row in a month: the columns SectorData and SectorTotals share, and their cells. */
const MEASURE_MONTH_COLUMNS: readonly SectorColumn[] = [
  col("Code", "text", 22),
  col("Measure", "text", 40),
  col("Breakdown", "text", 24),
  col("Unit", "text", 8),
  col("Kind", "text", 8),
  col("Month", "month", 10),
];
function measureMonthCells(r: Pick<MeasureLine, "unit" | "kind"> & { code: string; measure: string; breakdown: string; month: string }): SectorCell[] {
  return [r.code, r.measure, r.breakdown === "" ? null : r.breakdown, UNIT_WORD[r.unit], KIND_WORD[r.kind], monthCell(r.month)];
}

export class SectorTooLargeError extends Error {
  constructor(readonly table: string, readonly rows: number) {
    super(`The ${table} table would have ${rows.toLocaleString("en-GB")} rows, more than an Excel sheet holds (${MAX_TABLE_ROWS.toLocaleString("en-GB")}). Collate fewer reporting years at a time.`);
    this.name = "SectorTooLargeError";
  }
}

export function planSector(c: Collation, title = "Sector returns"): SectorPlan {
  const lineOf = new Map(c.lines.map((l) => [`${l.code}|${l.breakdown}`, l]));
  const widths = (headers: readonly string[], w: number[]) => headers.map((h, i) => col(h, "text", w[i] ?? 14));
  const submissions: SectorTablePlan = {
    sheet: SECTOR_SHEET.submissions,
    table: SECTOR_TABLE.submissions,
    columns: widths(SUBMISSIONS_HEADERS, [34, 20, 14, 30, 12, 28, 10, 10, 12, 8, 9, 12, 80]),
    rows: c.files.map((f) => [
      f.file,
      f.sha256,
      opt(f.organisationCode),
      opt(f.organisation),
      f.reportingYearStart === undefined ? null : monthCell(f.reportingYearStart),
      opt(f.framework),
      opt(f.frameworkVersion),
      opt(f.monthsReported),
      f.signedOffOn === undefined ? null : { value: f.signedOffOn, format: "date" },
      opt(f.errors),
      opt(f.warnings),
      f.status,
      f.reason,
    ]),
  };
  for (const i of [6, 7, 9, 10]) submissions.columns[i]!.format = "whole";
  submissions.columns[4]!.format = "month";
  submissions.columns[8]!.format = "date";

  const register: SectorTablePlan = {
    sheet: SECTOR_SHEET.organisations,
    table: SECTOR_TABLE.register,
    columns: [col(REGISTER_TABLE_HEADERS[0], "text", 16), col(REGISTER_TABLE_HEADERS[1], "text", 36), col(REGISTER_TABLE_HEADERS[2], "count", 14)],
    rows: c.organisations.map((o) => [o.organisationCode, o.organisation === "" ? null : o.organisation, opt(o.homesManaged)]),
    aside: [[SECTOR_HOMES_LABEL, c.sectorHomes === undefined ? null : { value: c.sectorHomes, format: "count" }]],
  };

  const data: SectorTablePlan = {
    sheet: SECTOR_SHEET.data,
    table: SECTOR_TABLE.data,
    columns: [col("Organisation code", "text", 14), col("Organisation", "text", 30), ...MEASURE_MONTH_COLUMNS, col("Value", "count", 14)],
    rows: c.data.map((d) => [d.organisationCode, d.organisation === "" ? null : d.organisation, ...measureMonthCells(d), figure(d.value, d.unit)]),
  };

  const totals: SectorTablePlan = {
    sheet: SECTOR_SHEET.totals,
    table: SECTOR_TABLE.totals,
    columns: [
      ...MEASURE_MONTH_COLUMNS,
      col("Organisations reporting", "whole", 13),
      col("Homes covered", "count", 13),
      col("Coverage %", "percent", 11),
      col("Reported total", "count", 15),
      col("Scaled estimate", "count", 15),
    ],
    rows: c.totals.map((t) => [
      ...measureMonthCells(t),
      t.organisations,
      t.homesCovered,
      t.coverage === undefined ? null : { value: t.coverage, format: "percent" },
      figure(t.reportedTotal, t.unit),
      figure(t.scaledEstimate, t.unit),
    ]),
  };

  const revisions: SectorTablePlan = {
    sheet: SECTOR_SHEET.revisions,
    table: SECTOR_TABLE.revisions,
    columns: [col("Organisation code", "text", 14), col("Code", "text", 22), col("Breakdown", "text", 24), col("Month", "month", 10), col("Was", "count", 12), col("Now", "count", 12), col("File", "text", 34)],
    rows: c.revisions.map((r) => {
      const unit = lineOf.get(`${r.code}|${r.breakdown}`)?.unit ?? "count";
      return [r.organisationCode, r.code, r.breakdown === "" ? null : r.breakdown, monthCell(r.month), figure(r.was, unit), figure(r.now, unit), r.file];
    }),
  };

  const chase: SectorTablePlan = {
    sheet: SECTOR_SHEET.chase,
    table: SECTOR_TABLE.chase,
    columns: [col("Organisation code", "text", 14), col("Organisation", "text", 30), col("Month", "month", 10), col("Why", "text", 70)],
    rows: c.chase.map((r) => [r.organisationCode, r.organisation === "" ? null : r.organisation, monthCell(r.month), r.why]),
  };

  const tables = [submissions, register, data, totals, revisions, chase];
  const expected: Record<string, readonly string[]> = {
    [SECTOR_TABLE.submissions]: SUBMISSIONS_HEADERS,
    [SECTOR_TABLE.register]: REGISTER_TABLE_HEADERS,
    [SECTOR_TABLE.data]: SECTOR_DATA_HEADERS,
    [SECTOR_TABLE.totals]: SECTOR_TOTALS_HEADERS,
    [SECTOR_TABLE.revisions]: REVISIONS_HEADERS,
    [SECTOR_TABLE.chase]: CHASE_HEADERS,
  };
  for (const t of tables) {
    if (t.columns.map((x) => x.header).join("|") !== expected[t.table]!.join("|")) throw new Error(`planSector: ${t.table} columns do not follow the contract`);
    if (t.rows.length > MAX_TABLE_ROWS) throw new SectorTooLargeError(t.table, t.rows.length);
  }
  return { title, tables, drawing: planSectorDrawing(c) };
}
