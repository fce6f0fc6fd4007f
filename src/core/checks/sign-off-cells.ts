/**
 * The cells a sign-off covered, so that "Data changed after sign-off" can name the cells changed
 * since (docs/checks.md, "The data checksum"). At sign-off every cell the checksum covers gets a
 * short fingerprint of what it is and what it holds: each Measures month cell (blank ones too, by
 * the row's Code + Breakdown and the month), each return detail (by its field), and each non-blank
 * row of Stakeholders, ImpactMap and CaseStudies (by its content). The fingerprints are kept on the
 * hidden Framework sheet, in the FrameworkInfo row keyed `Sign-off cells`, as
 * `1:<first 8 hex digits of the checksum>:<4 characters a cell>`. A later check that finds the
 * checksum changed names every cell whose fingerprint is not among them.
 *
 * The checksum alone decides whether anything changed: the fingerprints only say where. So a
 * fingerprint that matches by chance (about one in 16 million) or rows deleted, which have no cell
 * left to name, leave the warning at the Data checksum cell as before; and so does a workbook signed
 * off before fingerprints were kept, or one too large for them (more than MAX_SIGN_OFF_CELLS).
 */
import { CASE_STUDY_HEADERS, FIELD, FRAMEWORK_INFO_HEADERS, IMPACT_MAP_HEADERS, STAKEHOLDER_HEADERS, TABLE } from "../layout/contract";
import { isoMonth } from "../calendar";
import { norm, text, type Location, type ReturnData, type TableView } from "../return";
import { canon } from "./checksum";

/** The FrameworkInfo key of the row that holds the fingerprints. */
export const SIGN_OFF_CELLS_KEY = "Sign-off cells";
/** 4 characters a cell, within Excel's 32,767 characters a cell. */
export const MAX_SIGN_OFF_CELLS = 8000;

const SIGN_OFF_FIELDS = new Set([FIELD.signedOffBy, FIELD.signedOffOn, FIELD.dataChecksum].map(norm));
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** One cell (or entry-table row) the sign-off covers: its fingerprint, where it is, and what it is in words. */
export interface CoveredCell {
  fingerprint: string;
  at: Location;
  what: string;
}

/** FNV-1a (32-bit) of the text, 24 bits of it as 4 URL-safe base64 characters. */
function fingerprint(identity: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < identity.length; k++) {
    h ^= identity.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const bits = (h ^ (h >>> 24)) & 0xffffff;
  return B64[(bits >>> 18) & 63]! + B64[(bits >>> 12) & 63]! + B64[(bits >>> 6) & 63]! + B64[bits & 63]!;
}

const ENTRY_TABLES: readonly { table: (typeof TABLE)[keyof typeof TABLE]; key: "stakeholders" | "impactMap" | "caseStudies"; headers: readonly string[]; what: string }[] = [
  { table: TABLE.stakeholders, key: "stakeholders", headers: STAKEHOLDER_HEADERS, what: "stakeholder group" },
  { table: TABLE.impactMap, key: "impactMap", headers: IMPACT_MAP_HEADERS, what: "impact-map row" },
  { table: TABLE.caseStudies, key: "caseStudies", headers: CASE_STUDY_HEADERS, what: "case study" },
];

/** Every cell the sign-off covers, in sheet order. */
export function coveredCells(data: ReturnData): CoveredCell[] {
  const cells: CoveredCell[] = [];
  const details = data.details;
  if (details) {
    for (const [field, read] of details.fields) {
      if (SIGN_OFF_FIELDS.has(field)) continue;
      const value = read.col < 0 ? null : canon(read.cell.value, read.cell.formula);
      cells.push({ fingerprint: fingerprint(`D|${field}|${JSON.stringify(value)}`), at: read.cell.at, what: read.spec?.field ?? text(details.view.value(read.i, details.view.col("Field"))) });
    }
  }
  const measures = data.measures;
  if (measures) {
    const seen = new Map<string, number>();
    const view = measures.view;
    for (const row of measures.rows) {
      const n = (seen.get(row.key) ?? 0) + 1;
      seen.set(row.key, n);
      const name = row.measure || row.code || `row ${view.sheetRow(row.i)}`;
      const label = row.breakdown === "" ? name : `${name}: ${row.breakdown}`;
      for (const m of measures.months) {
        const value = canon(view.value(row.i, m.col), view.formula(row.i, m.col));
        cells.push({
          fingerprint: fingerprint(`M|${row.key}#${n}|${isoMonth(m.month)}|${JSON.stringify(value)}`),
          at: view.at(row.i, m.col, m.label),
          what: `${label} (${m.label})`,
        });
      }
    }
  }
  for (const entry of ENTRY_TABLES) {
    const table = data[entry.key];
    if (!table) continue;
    const view: TableView = table.view;
    const cols = entry.headers.map((h) => view.col(h));
    const first = cols.find((c) => c !== undefined) ?? 0;
    for (const row of table.rows) {
      const content = cols.map((c) => (c === undefined ? null : canon(view.value(row.i, c), view.formula(row.i, c))));
      cells.push({ fingerprint: fingerprint(`${entry.table}|${JSON.stringify(content)}`), at: view.at(row.i, first), what: `The ${entry.what} on row ${view.sheetRow(row.i)}` });
    }
  }
  return cells;
}

/** The text kept at sign-off for a return whose checksum is `checksum`; "" when the return is too large for it. */
export function signOffCellsText(data: ReturnData, checksum: string): string {
  const cells = coveredCells(data);
  if (cells.length > MAX_SIGN_OFF_CELLS) return "";
  return `1:${checksum.slice(0, 8).toLowerCase()}:${cells.map((c) => c.fingerprint).join("")}`;
}

/** The fingerprints recorded at sign-off, from the FrameworkInfo row, when they belong to the checksum recorded with them. */
export function recordedSignOffCells(data: ReturnData, recordedChecksum: string): Set<string> | undefined {
  const view = data.views.get(TABLE.frameworkInfo);
  if (!view) return undefined;
  const keyCol = view.col(FRAMEWORK_INFO_HEADERS[0]);
  const valueCol = view.col(FRAMEWORK_INFO_HEADERS[1]);
  if (keyCol === undefined || valueCol === undefined) return undefined;
  for (let i = 0; i < view.rowCount; i++) {
    if (norm(view.value(i, keyCol)) !== norm(SIGN_OFF_CELLS_KEY)) continue;
    const match = /^1:([0-9a-f]{8}):([A-Za-z0-9_-]*)$/.exec(text(view.value(i, valueCol)));
    if (!match || match[1] !== recordedChecksum.slice(0, 8).toLowerCase() || match[2]!.length % 4 !== 0) return undefined;
    const set = new Set<string>();
    for (let k = 0; k < match[2]!.length; k += 4) set.add(match[2]!.slice(k, k + 4));
    return set;
  }
  return undefined;
}

/** The cells whose content is not what was signed off, or undefined when the sign-off recorded none to compare with. */
export function changedSinceSignOff(data: ReturnData, recordedChecksum: string): CoveredCell[] | undefined {
  const recorded = recordedSignOffCells(data, recordedChecksum);
  if (!recorded) return undefined;
  return coveredCells(data).filter((c) => !recorded.has(c.fingerprint));
}
