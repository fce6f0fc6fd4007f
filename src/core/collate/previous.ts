/**
 * The previous collation, read back from the sector workbook's tables (their values, header row
 * first): the ledger (Submissions), SectorData, Revisions, SectorReflections and the Register, so that a collation in
 * Excel adds to what was collated before. Columns are found as the return reader finds them.
 */
import { isoMonth, monthLabel, serialToDate } from "../calendar";
import { REGISTER_TABLE_HEADERS, REVISIONS_HEADERS, SECTOR_DATA_HEADERS, SECTOR_HOMES_LABEL, SECTOR_REFLECTIONS_HEADERS, SECTOR_TABLE, SIGN_OFF_REQUIRED_LABEL, SUBMISSIONS_HEADERS, YES_NO } from "../layout/sector-contract";
import { KIND_WORD, UNIT_WORD } from "../layout/summary-contract";
import { SIGN_OFF_LABEL, type SignOffState } from "../checks/sign-off";
import { norm, text, viewOfRows } from "../return";
import type { CellValue } from "../workbook/types";
import type { FileStatus, LedgerRow, RegisterEntry, Revision, SectorDataRow, SectorReflectionRow } from "./types";

const num = (v: CellValue | undefined): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : undefined);
const isoOf = (v: CellValue | undefined): string | undefined => {
  if (typeof v === "number" && v > 0) {
    return isoMonth(serialToDate(v));
  }
  const m = /^(\d{4})-(\d{2})/.exec(text(v));
  return m ? `${m[1]}-${m[2]}` : undefined;
};
const STATUSES: readonly FileStatus[] = ["accepted", "superseded", "duplicate", "held", "rejected"];
const UNIT_OF = new Map(Object.entries(UNIT_WORD).map(([k, w]) => [w.toLowerCase(), k as SectorDataRow["unit"]]));
const KIND_OF = new Map(Object.entries(KIND_WORD).map(([k, w]) => [w.toLowerCase(), k as SectorDataRow["kind"]]));

/** A sector table's non-blank rows as records by header, its columns found as the return reader finds them. */
/** The Sign-off column's words back to their states. */
const SIGN_OFF_STATE = new Map<string, SignOffState>((Object.entries(SIGN_OFF_LABEL) as [SignOffState, string][]).map(([state, label]) => [norm(label), state]));

function records(name: string, values: CellValue[][] | undefined, expected: readonly string[]): ((header: string) => CellValue)[] {
  if (!values || values.length < 2) return [];
  const view = viewOfRows(name, values[0], values.slice(1), expected);
  const rows: ((header: string) => CellValue)[] = [];
  for (let i = 0; i < view.rowCount; i++) {
    if (!view.isBlankRow(i)) rows.push((header) => view.value(i, view.col(header)));
  }
  return rows;
}

/** The settings kept beside the Register table (docs/sector-format.md, "Organisations"). */
export interface SectorSettings {
  /** `Sector homes`: the denominator of coverage; absent when blank. */
  sectorHomes?: number;
  /** `Only signed-off returns`: "Yes" held returns not signed off; absent when the workbook does not say. */
  requireSignOff?: boolean;
}

/** The cells beside the Register table to read the settings from (labels in E, values in F). */
export const SETTINGS_RANGE = "E1:F2";

/** The settings in the cells beside the Register table (SETTINGS_RANGE's values), found by their labels. Pure. */
export function settingsFromAside(rows: readonly (readonly CellValue[])[] | undefined): SectorSettings {
  const out: SectorSettings = {};
  for (const row of rows ?? []) {
    const label = norm(text(row[0]));
    if (label === norm(SECTOR_HOMES_LABEL)) {
      const homes = num(row[1]);
      if (homes !== undefined && homes > 0) out.sectorHomes = homes;
    } else if (label === norm(SIGN_OFF_REQUIRED_LABEL)) {
      const answer = norm(text(row[1]));
      if (answer === norm(YES_NO.yes)) out.requireSignOff = true;
      else if (answer === norm(YES_NO.no)) out.requireSignOff = false;
    }
  }
  return out;
}

export interface PreviousSector extends SectorSettings {
  ledger: LedgerRow[];
  sectorData: SectorDataRow[];
  revisions: Revision[];
  reflections: SectorReflectionRow[];
  register: RegisterEntry[];
}

/** The previous collation from the sector tables' values (header row first). Pure. */
export function previousFromValues(tables: { submissions?: CellValue[][]; data?: CellValue[][]; revisions?: CellValue[][]; reflections?: CellValue[][]; register?: CellValue[][]; aside?: CellValue[][] }): PreviousSector {
  const ledger: LedgerRow[] = [];
  for (const r of records(SECTOR_TABLE.submissions, tables.submissions, SUBMISSIONS_HEADERS)) {
    const status = text(r("Status")).toLowerCase() as FileStatus;
    const row: LedgerRow = { file: text(r("File")), sha256: text(r("SHA-256")), status: STATUSES.includes(status) ? status : "rejected", reason: text(r("Reason")) };
    if (row.file === "" && row.sha256 === "") continue;
    const code = text(r("Organisation code"));
    if (code !== "") row.organisationCode = code;
    const name = text(r("Organisation"));
    if (name !== "") row.organisation = name;
    const year = isoOf(r("Reporting year start"));
    if (year) row.reportingYearStart = year;
    const framework = text(r("Framework"));
    if (framework !== "") row.framework = framework;
    const signOff = SIGN_OFF_STATE.get(norm(text(r("Sign-off"))));
    if (signOff) row.signOff = signOff;
    const optional = { frameworkVersion: "Framework version", monthsReported: "Months reported", signedOffOn: "Signed off on", errors: "Errors", warnings: "Warnings", explained: "Explained" } as const;
    for (const [key, header] of Object.entries(optional) as [keyof typeof optional, string][]) {
      const n = num(r(header));
      if (n !== undefined) row[key] = n;
    }
    ledger.push(row);
  }
  const sectorData: SectorDataRow[] = [];
  for (const r of records(SECTOR_TABLE.data, tables.data, SECTOR_DATA_HEADERS)) {
    const value = num(r("Value"));
    const month = isoOf(r("Month"));
    const code = text(r("Code"));
    if (value === undefined || !month || code === "" || text(r("Organisation code")) === "") continue;
    sectorData.push({
      organisationCode: text(r("Organisation code")),
      organisation: text(r("Organisation")),
      code,
      measure: text(r("Measure")) || code,
      breakdown: text(r("Breakdown")),
      unit: UNIT_OF.get(text(r("Unit")).toLowerCase()) ?? "count",
      kind: KIND_OF.get(text(r("Kind")).toLowerCase()) ?? "flow",
      month,
      value,
    });
  }
  const revisions: Revision[] = [];
  for (const r of records(SECTOR_TABLE.revisions, tables.revisions, REVISIONS_HEADERS)) {
    const was = num(r("Was"));
    const month = isoOf(r("Month"));
    if (was === undefined || !month) continue;
    const rev: Revision = { organisationCode: text(r("Organisation code")), code: text(r("Code")), breakdown: text(r("Breakdown")), month, was, file: text(r("File")), previousFile: "" };
    const now = num(r("Now"));
    if (now !== undefined) rev.now = now;
    revisions.push(rev);
  }
  const reflections: SectorReflectionRow[] = [];
  for (const r of records(SECTOR_TABLE.reflections, tables.reflections, SECTOR_REFLECTIONS_HEADERS)) {
    const organisationCode = text(r("Organisation code"));
    const reflection = text(r("Reflection"));
    if (organisationCode === "" || reflection === "") continue;
    const month = typeof r("Month") === "number" ? isoOf(r("Month")) : undefined;
    const row: SectorReflectionRow = { organisationCode, organisation: text(r("Organisation")), monthText: month ? monthLabel(serialToDate(r("Month") as number)) : text(r("Month")), prompt: text(r("Prompt")), reflection };
    if (month) row.month = month;
    reflections.push(row);
  }
  const register: RegisterEntry[] = [];
  for (const r of records(SECTOR_TABLE.register, tables.register, REGISTER_TABLE_HEADERS)) {
    const code = text(r("Organisation code"));
    if (code === "") continue;
    const entry: RegisterEntry = { organisationCode: code };
    if (text(r("Organisation")) !== "") entry.organisation = text(r("Organisation"));
    const homes = num(r("Homes managed"));
    if (homes !== undefined) entry.homesManaged = homes;
    register.push(entry);
  }
  return { ledger, sectorData, revisions, reflections, register, ...settingsFromAside(tables.aside) };
}
