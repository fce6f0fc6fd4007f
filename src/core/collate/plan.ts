/**
 * The sector workbook as a pure plan: from a Collation, the sheets and tables of
 * docs/sector-format.md, with every cell typed (text, number, date, percent) and formatted.
 * Text is always text: a gateway writes it as a string, never as a formula. No "built at" time
 * is written, so the same inputs give the same workbook.
 */
import { excelSerial } from "../calendar";
import {
  CHASE_COLUMNS,
  MAX_TABLE_ROWS,
  REGISTER_COLUMNS,
  REVISIONS_COLUMNS,
  SECTOR_DATA_COLUMNS,
  SECTOR_HOMES_LABEL,
  SECTOR_SHEET,
  SECTOR_TABLE,
  SECTOR_TOTALS_COLUMNS,
  SIGN_OFF_REQUIRED_LABEL,
  SUBMISSIONS_COLUMNS,
  YES_NO,
} from "../sheets/sector";
import { KIND_WORD, UNIT_WORD } from "../sheets/summary";
import { SIGN_OFF_LABEL } from "../checks/sign-off";
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

export function planSector(c: Collation, title = "Sector returns"): SectorPlan {
  const lineOf = new Map(c.lines.map((l) => [`${l.code}|${l.breakdown}`, l]));
  const submissions: SectorTablePlan = {
    sheet: SECTOR_SHEET.submissions,
    table: SECTOR_TABLE.submissions,
    columns: columnsOf(SUBMISSIONS_COLUMNS),
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
      f.signOff === undefined ? null : SIGN_OFF_LABEL[f.signOff],
      opt(f.errors),
      opt(f.warnings),
      opt(f.explained),
      f.status,
      f.reason,
    ]),
  };

  const register: SectorTablePlan = {
    sheet: SECTOR_SHEET.organisations,
    table: SECTOR_TABLE.register,
    columns: columnsOf(REGISTER_COLUMNS),
    rows: c.organisations.map((o) => [o.organisationCode, o.organisation === "" ? null : o.organisation, opt(o.homesManaged)]),
    aside: [
      [SECTOR_HOMES_LABEL, c.sectorHomes === undefined ? null : { value: c.sectorHomes, format: "count" }],
      [SIGN_OFF_REQUIRED_LABEL, c.requireSignOff ? YES_NO.yes : YES_NO.no],
    ],
  };

  const data: SectorTablePlan = {
    sheet: SECTOR_SHEET.data,
    table: SECTOR_TABLE.data,
    columns: columnsOf(SECTOR_DATA_COLUMNS),
    rows: c.data.map((d) => [d.organisationCode, d.organisation === "" ? null : d.organisation, ...measureMonthCells(d), figure(d.value, d.unit)]),
  };

  const totals: SectorTablePlan = {
    sheet: SECTOR_SHEET.totals,
    table: SECTOR_TABLE.totals,
    columns: columnsOf(SECTOR_TOTALS_COLUMNS),
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
    columns: columnsOf(REVISIONS_COLUMNS),
    rows: c.revisions.map((r) => {
      const unit = lineOf.get(`${r.code}|${r.breakdown}`)?.unit ?? "count";
      return [r.organisationCode, r.code, r.breakdown === "" ? null : r.breakdown, monthCell(r.month), figure(r.was, unit), figure(r.now, unit), r.file];
    }),
  };

  const chase: SectorTablePlan = {
    sheet: SECTOR_SHEET.chase,
    table: SECTOR_TABLE.chase,
    columns: columnsOf(CHASE_COLUMNS),
    rows: c.chase.map((r) => [r.organisationCode, r.organisation === "" ? null : r.organisation, monthCell(r.month), r.why]),
  };

  const tables = [submissions, register, data, totals, revisions, chase];
  for (const t of tables) {
    if (t.rows.length > MAX_TABLE_ROWS) throw new SectorTooLargeError(t.table, t.rows.length);
  }
  return { title, tables, drawing: planSectorDrawing(c) };
}
