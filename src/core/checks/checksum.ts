/**
 * The checksum recorded at sign-off: SHA-256 of the return's data, so a later check can tell whether
 * the figures changed after the return was marked ready to send. It covers Measures, Stakeholders,
 * ImpactMap and CaseStudies (the contract's columns only, blank rows left out) and ReturnDetails
 * except the sign-off fields. Values are normalised so the same workbook gives the same checksum
 * read from Excel (blank "") or from a file (blank null): blanks are null, text is trimmed,
 * numbers are rounded to 15 significant digits, and formula cells count by their formula, not
 * their (possibly uncalculated) result.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { CASE_STUDY_HEADERS, FIELD, IMPACT_MAP_HEADERS, MEASURE_KEY_HEADERS, STAKEHOLDER_HEADERS, TABLE } from "../layout/contract";
import { monthIndex, monthLabel, parseMonth } from "../layout/months";
import { findTable, type CellValue, type TableSnapshot, type WorkbookSnapshot } from "../workbook/types";
import { norm } from "./values";

type Canon = string | number | boolean | null;

const SIGN_OFF_FIELDS = new Set([FIELD.signedOffBy, FIELD.signedOffOn, FIELD.dataChecksum].map(norm));

function canon(value: CellValue | undefined, formula: CellValue | undefined): Canon {
  if (typeof formula === "string" && formula.startsWith("=")) return formula.replace(/\s+/g, "").toUpperCase();
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    const n = Number(value.toPrecision(15));
    return n === 0 ? 0 : n;
  }
  if (typeof value === "boolean") return value;
  const t = value.trim();
  return t === "" ? null : t;
}

/** The table's rows over the given columns (body column index or -1), blank rows left out. */
function rows(table: TableSnapshot, columns: number[]): Canon[][] {
  const out: Canon[][] = [];
  table.values.forEach((row, i) => {
    const formulas = table.formulas[i];
    const cells = columns.map((c) => (c < 0 ? null : canon(row[c], formulas?.[c])));
    if (cells.some((c) => c !== null)) out.push(cells);
  });
  return out;
}

function indexOf(table: TableSnapshot, header: string): number {
  const wanted = norm(header);
  return table.headers.findIndex((h) => norm(h) === wanted);
}

function contractTable(snapshot: WorkbookSnapshot, name: string, headers: readonly string[]): unknown {
  const table = findTable(snapshot, name);
  if (!table) return null;
  return { headers: [...headers], rows: rows(table, headers.map((h) => indexOf(table, h))) };
}

function measuresTable(snapshot: WorkbookSnapshot): unknown {
  const table = findTable(snapshot, TABLE.measures);
  if (!table) return null;
  const keyColumns = MEASURE_KEY_HEADERS.map((h) => indexOf(table, h));
  const keyed = new Set(keyColumns);
  const months: { label: string; order: number; col: number }[] = [];
  const seen = new Set<string>();
  table.headers.forEach((h, col) => {
    if (keyed.has(col) || !/\d/.test(String(h))) return;
    const month = parseMonth(h);
    if (!month || seen.has(monthLabel(month))) return;
    seen.add(monthLabel(month));
    months.push({ label: monthLabel(month), order: monthIndex(month), col });
  });
  months.sort((a, b) => a.order - b.order);
  return {
    headers: [...MEASURE_KEY_HEADERS, ...months.map((m) => m.label)],
    rows: rows(table, [...keyColumns, ...months.map((m) => m.col)]),
  };
}

function detailsTable(snapshot: WorkbookSnapshot): unknown {
  const table = findTable(snapshot, TABLE.returnDetails);
  if (!table) return null;
  const fieldCol = indexOf(table, "Field");
  const valueCol = indexOf(table, "Value");
  if (fieldCol < 0) return [];
  const fields: [string, Canon][] = [];
  table.values.forEach((row, i) => {
    const field = norm(row[fieldCol]);
    if (field === "" || SIGN_OFF_FIELDS.has(field)) return;
    fields.push([field, valueCol < 0 ? null : canon(row[valueCol], table.formulas[i]?.[valueCol])]);
  });
  fields.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return fields;
}

/** SHA-256 (hex) of the return's data, as recorded in ReturnDetails' Data checksum at sign-off. */
export function returnChecksum(snapshot: WorkbookSnapshot): string {
  const data = {
    v: 1,
    returnDetails: detailsTable(snapshot),
    measures: measuresTable(snapshot),
    stakeholders: contractTable(snapshot, TABLE.stakeholders, STAKEHOLDER_HEADERS),
    impactMap: contractTable(snapshot, TABLE.impactMap, IMPACT_MAP_HEADERS),
    caseStudies: contractTable(snapshot, TABLE.caseStudies, CASE_STUDY_HEADERS),
  };
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(data))));
}
