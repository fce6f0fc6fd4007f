/**
 * The checksum recorded at sign-off: SHA-256 of the return's data, so a later check can tell whether
 * the figures changed after the return was marked ready to send. It covers Measures, Stakeholders,
 * ImpactMap and CaseStudies (the contract's columns only, blank rows left out) and ReturnDetails
 * except the sign-off fields. Values are normalised so the same workbook gives the same checksum
 * read from Excel (blank "") or from a file (blank null): blanks are null, text is trimmed,
 * numbers are rounded to 15 significant digits, and formula cells count by their formula, not
 * their (possibly uncalculated) result.
 */
import { CASE_STUDY_HEADERS, FIELD, IMPACT_MAP_HEADERS, MEASURE_KEY_HEADERS, STAKEHOLDER_HEADERS, TABLE } from "../layout/contract";
import { norm, readReturn, type MeasuresData, type ReturnData, type ReturnDetailsData, type TableView } from "../return";
import type { CellValue, WorkbookSnapshot } from "../workbook/types";
import { sha256Hex, utf8Bytes } from "../sha256";

export type Canon = string | number | boolean | null;

const SIGN_OFF_FIELDS = new Set([FIELD.signedOffBy, FIELD.signedOffOn, FIELD.dataChecksum].map(norm));

/** A cell as the checksum sees it (see above). */
export function canon(value: CellValue | undefined, formula: CellValue | undefined): Canon {
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

/** The table's rows over the given columns (body column index, or undefined when missing), blank rows left out. */
function rows(view: TableView, columns: (number | undefined)[]): Canon[][] {
  const out: Canon[][] = [];
  const { values, formulas } = view.table;
  values.forEach((row, i) => {
    const cells = columns.map((c) => (c === undefined ? null : canon(row[c], formulas[i]?.[c])));
    if (cells.some((c) => c !== null)) out.push(cells);
  });
  return out;
}

function contractTable(view: TableView | undefined, headers: readonly string[]): unknown {
  if (!view) return null;
  return { headers: [...headers], rows: rows(view, headers.map((h) => view.col(h))) };
}

function measuresTable(measures: MeasuresData | undefined): unknown {
  if (!measures) return null;
  const view = measures.view;
  return {
    headers: [...MEASURE_KEY_HEADERS, ...measures.months.map((m) => m.label)],
    rows: rows(view, [...MEASURE_KEY_HEADERS.map((h) => view.col(h)), ...measures.months.map((m) => m.col)]),
  };
}

function detailsTable(details: ReturnDetailsData | undefined): unknown {
  if (!details) return null;
  const fields: [string, Canon][] = [];
  for (const [field, read] of details.fields) {
    if (SIGN_OFF_FIELDS.has(field)) continue;
    fields.push([field, read.col < 0 ? null : canon(read.cell.value, read.cell.formula)]);
  }
  fields.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return fields;
}

/** SHA-256 (hex) of the return's data, as recorded in ReturnDetails' Data checksum at sign-off. */
export function returnChecksum(source: ReturnData | WorkbookSnapshot): string {
  const data = "views" in source ? source : readReturn(source);
  const content = {
    v: 1,
    returnDetails: detailsTable(data.details),
    measures: measuresTable(data.measures),
    stakeholders: contractTable(data.views.get(TABLE.stakeholders), STAKEHOLDER_HEADERS),
    impactMap: contractTable(data.views.get(TABLE.impactMap), IMPACT_MAP_HEADERS),
    caseStudies: contractTable(data.views.get(TABLE.caseStudies), CASE_STUDY_HEADERS),
  };
  return sha256Hex(utf8Bytes(JSON.stringify(content)));
}
