/**
 * A clean, realistically filled return for the check tests: six months (Apr to Sep 2020) reported,
 * breakdowns adding up, stakeholders, impact-map rows with their formula, case studies, and the
 * blank rows Set up leaves for more. Every table starts at A1, as Set up makes them:
 *   Return!A1        ReturnDetails  (Value in column B; Organisation B2 ... Signed off on B10; Centre email B11; Data checksum B12 once signed off)
 *   Measures!A1      Measures       (Code A ... Kind E, Apr 2020 F, May G, Jun H, ... Mar 2021 Q;
 *                                    WELFARE_CALLS row 2, ADVICE_SUPPORTED Total row 3, ...)
 *   Stakeholders!A1  Stakeholders   (7 groups on rows 2-8, blank rows 9-10)
 *   Outcomes!A1      ImpactMap      (5 rows on rows 2-6, blank rows 7-9; Quantity H, proxy J, value P)
 *   'Case studies'!A1 CaseStudies   (3 stories on rows 2-4, blank rows 5-6; Month B, Consent G)
 *   Framework!A1     FrameworkInfo
 */
import { findBuiltinFramework, type Framework } from "../../../src/core/framework";
import {
  CASE_STUDY_HEADERS,
  FIELD,
  FRAMEWORK_INFO_HEADERS,
  IMPACT_MAP_HEADERS,
  INFO_KEY,
  MEASURE_KEY_HEADERS,
  RETURN_DETAILS_HEADERS,
  RETURN_FIELDS,
  SHEET,
  STAKEHOLDER_HEADERS,
  TABLE,
  TABLE_SHEET,
  type TableName,
} from "../../../src/core/layout/contract";
import { columnLetter } from "../../../src/core/layout/a1";
import { excelSerial, monthLabel, reportingMonths } from "../../../src/core/calendar";
import { impactValue, impactValueFormula } from "../../../src/core/setup/impact-value";
import { measureRowKey, measureRows } from "../../../src/core/setup/measure-rows";
import type { CheckIssue, CheckResult } from "../../../src/core/checks";
import type { CellValue, TableSnapshot, WorkbookSnapshot } from "../../../src/core/workbook/types";

export const FRAMEWORK: Framework = findBuiltinFramework("community-investment-monthly", 1)!;
export const YEAR_START = { year: 2020, month: 4 };
export const MONTHS = reportingMonths(YEAR_START).map(monthLabel);

/** Figures for Apr to Sep 2020, by Code|Breakdown; Totals are worked out from their breakdowns. */
export const FIGURES: Record<string, number[]> = {
  "WELFARE_CALLS|": [420, 515, 480, 390, 405, 450],
  "ADVICE_SUPPORTED|Welfare benefits": [60, 72, 65, 58, 61, 70],
  "ADVICE_SUPPORTED|Debt and money": [35, 41, 38, 30, 33, 36],
  "ADVICE_SUPPORTED|Employment and training": [12, 15, 18, 14, 16, 19],
  "ADVICE_SUPPORTED|Other advice": [8, 6, 9, 7, 5, 10],
  "FINANCIAL_SUPPORT|Hardship grants": [4250.5, 5100, 4800.25, 3900, 4100.75, 4600],
  "FINANCIAL_SUPPORT|Fuel vouchers": [1200, 950.5, 600, 450, 500, 980],
  "FINANCIAL_SUPPORT|Food vouchers": [800.25, 900, 850, 760.5, 700, 820],
  "FINANCIAL_SUPPORT|Other financial support": [150, 200, 0, 120, 90, 175],
  "FOOD_INTERVENTIONS|Food parcels": [310, 290, 260, 240, 255, 270],
  "FOOD_INTERVENTIONS|Prepared meals": [120, 140, 130, 110, 100, 115],
  "FOOD_INTERVENTIONS|Referrals to food banks": [45, 50, 38, 42, 40, 47],
  "VOLUNTEER_HOURS|": [320.5, 410, 385.5, 300, 290, 350],
  "VULNERABLE_RESIDENTS|": [1250, 1310, 1335, 1320, 1340, 1362],
  "COMMUNITY_STAFF|": [42, 45, 46, 46, 44, 45],
  "STAFF_REDEPLOYED|": [12, 14, 13, 9, 8, 8],
  "RENT_ARREARS_RISK|": [640, 700, 725, 690, 672, 660],
  "UNIVERSAL_CREDIT|": [2100, 2250, 2380, 2410, 2435, 2460],
};

const STAKEHOLDER_PEOPLE = [3200, 850, 600, 410, 25, 60, 45];

const IMPACT_ROWS: { group: string; activity: string; outcome: string; area: string; q: number; years: number | null; proxy: number; dw: number; at: number; dp: number; drop: number | null }[] = [
  { group: "Older residents", activity: "Weekly welfare calls", outcome: "Feel less lonely", area: "Social isolation", q: 120, years: 1, proxy: 850, dw: 0.25, at: 0.1, dp: 0, drop: null },
  { group: "Residents in financial hardship", activity: "Benefits advice", outcome: "Higher household income", area: "Poverty", q: 85, years: 2, proxy: 1200.5, dw: 0.2, at: 0.15, dp: 0.05, drop: 0.1 },
  { group: "Families with children", activity: "Food parcels", outcome: "Fewer days without a meal", area: "Health and wellbeing", q: 60, years: null, proxy: 300, dw: 0.3, at: 0.2, dp: 0, drop: null },
  { group: "Local community groups", activity: "Small grants", outcome: "Stronger local groups", area: "Community cohesion", q: 12, years: 3, proxy: 2500, dw: 0.1, at: 0.4, dp: 0, drop: 0.25 },
  { group: "Volunteers", activity: "Volunteering programme", outcome: "New skills and confidence", area: "Employment and skills", q: 40, years: 1, proxy: 1500, dw: 0.35, at: 0.1, dp: 0, drop: null },
];

const CASE_STUDIES: CellValue[][] = [
  ["Mrs A's weekly call", "May 2020", "Social isolation", "Older residents", "A weekly call kept Mrs A in touch while shielding.", "Before, we only called about rent.", "Yes"],
  ["Back to work", "Jul 2020", "Employment and skills", "Tenants and residents", "Mr B found work after CV help.", "Advice now comes to the estate.", "No"],
  ["Food for the holidays", "Aug 2020", "Health and wellbeing", "Families with children", "Twenty families got meals through August.", "Partnered with the local food bank.", "Yes"],
];

function makeTable(name: TableName, headers: readonly string[], rows: CellValue[][], formulas?: CellValue[][]): TableSnapshot {
  return {
    name,
    sheet: TABLE_SHEET[name],
    row: 0,
    column: 0,
    headers: [...headers],
    values: rows.map((r) => [...r]),
    formulas: (formulas ?? rows).map((r) => [...r]),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function measureFigures(code: string, breakdown: string): (number | null)[] {
  const direct = FIGURES[`${code}|${breakdown}`];
  const six = direct ?? (() => {
    const parts = Object.entries(FIGURES).filter(([k]) => k.startsWith(`${code}|`)).map(([, v]) => v);
    return [0, 1, 2, 3, 4, 5].map((m) => round2(parts.reduce((s, p) => s + p[m]!, 0)));
  })();
  return [...six, null, null, null, null, null, null];
}

/** A clean return: no errors and no warnings. Each call builds a fresh copy. */
export function cleanReturn(options: { definition?: boolean } = {}): WorkbookSnapshot {
  const details = makeTable(
    TABLE.returnDetails,
    RETURN_DETAILS_HEADERS,
    RETURN_FIELDS.map((f) => {
      const value: Partial<Record<string, CellValue>> = {
        [FIELD.organisation]: "Northgate Homes",
        [FIELD.organisationCode]: "NGH",
        [FIELD.yearStart]: excelSerial(2020, 4, 1),
        [FIELD.homesManaged]: 12500,
        [FIELD.contactName]: "Priya Shah",
        [FIELD.contactEmail]: "priya.shah@northgate.org.uk",
        [FIELD.preparedBy]: "Tom Ellis",
      };
      return [f.field, value[f.field] ?? null];
    }),
  );

  const measureTable = makeTable(
    TABLE.measures,
    [...MEASURE_KEY_HEADERS, ...MONTHS],
    measureRows(FRAMEWORK).map((r) => [r.code, r.label, r.breakdown === "" ? null : r.breakdown, r.unit, r.kind, ...measureFigures(r.code, r.breakdown)]),
  );

  const stakeholders = makeTable(TABLE.stakeholders, STAKEHOLDER_HEADERS, [
    ...FRAMEWORK.stakeholderGroups.map((g, i): CellValue[] => [g.name, g.description, STAKEHOLDER_PEOPLE[i]!, "Reached by our community work this year."]),
    [null, null, null, null],
    [null, null, null, null],
  ]);

  const letter = (h: string) => columnLetter(IMPACT_MAP_HEADERS.indexOf(h as (typeof IMPACT_MAP_HEADERS)[number]));
  const cols = {
    quantity: letter("Quantity"),
    years: letter("Duration (years)"),
    proxy: letter("Financial proxy (£)"),
    deadweight: letter("Deadweight %"),
    attribution: letter("Attribution %"),
    displacement: letter("Displacement %"),
    dropOff: letter("Drop-off %"),
  };
  const impactValues: CellValue[][] = [];
  const impactFormulas: CellValue[][] = [];
  const totalRows = IMPACT_ROWS.length + 3;
  for (let i = 0; i < totalRows; i++) {
    const r = IMPACT_ROWS[i];
    const formula = impactValueFormula(cols, i + 2);
    if (!r) {
      impactValues.push([...Array<CellValue>(15).fill(null), ""]);
      impactFormulas.push([...Array<CellValue>(15).fill(null), formula]);
      continue;
    }
    const value = impactValue({ quantity: r.q, proxy: r.proxy, years: r.years ?? undefined, deadweight: r.dw, attribution: r.at, displacement: r.dp, dropOff: r.drop ?? undefined });
    const row: CellValue[] = [r.group, r.activity, "Residents reached", r.outcome, r.area, "Self-reported change", "Follow-up survey", r.q, r.years, r.proxy, "Own estimate from local costs", r.dw, r.at, r.dp, r.drop];
    impactValues.push([...row, value]);
    impactFormulas.push([...row, formula]);
  }
  const impactMap = makeTable(TABLE.impactMap, IMPACT_MAP_HEADERS, impactValues, impactFormulas);

  const caseStudies = makeTable(TABLE.caseStudies, CASE_STUDY_HEADERS, [...CASE_STUDIES, Array<CellValue>(7).fill(null), Array<CellValue>(7).fill(null)]);

  const info = makeTable(TABLE.frameworkInfo, FRAMEWORK_INFO_HEADERS, [
    [INFO_KEY.frameworkId, FRAMEWORK.id],
    [INFO_KEY.frameworkVersion, FRAMEWORK.version],
    [INFO_KEY.frameworkTitle, FRAMEWORK.title],
    [INFO_KEY.layoutVersion, "1.0"],
    [INFO_KEY.writtenBy, "Impact Returns 0.1.0"],
  ]);

  const tables = [details, measureTable, stakeholders, impactMap, caseStudies, info];
  const snapshot: WorkbookSnapshot = {
    sheets: [SHEET.return, SHEET.measures, SHEET.stakeholders, SHEET.outcomes, SHEET.caseStudies, SHEET.framework].map((name) => ({
      name,
      tables: tables.filter((t) => t.sheet === name).map((t) => t.name),
    })),
    tables,
  };
  if (options.definition !== false) snapshot.frameworkDefinition = JSON.stringify(FRAMEWORK);
  return snapshot;
}

export function table(snapshot: WorkbookSnapshot, name: TableName): TableSnapshot {
  const t = snapshot.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

function headerCol(t: TableSnapshot, header: string): number {
  const c = t.headers.indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${t.name}`);
  return c;
}

/** Sets a body cell (value, and formula when given; otherwise the formula is the value). */
export function setCell(snapshot: WorkbookSnapshot, name: TableName, rowIndex: number, header: string, value: CellValue, formula?: string): void {
  const t = table(snapshot, name);
  const c = headerCol(t, header);
  while (t.values.length <= rowIndex) {
    t.values.push(Array<CellValue>(t.headers.length).fill(null));
    t.formulas.push(Array<CellValue>(t.headers.length).fill(null));
  }
  t.values[rowIndex]![c] = value;
  t.formulas[rowIndex]![c] = formula ?? value;
}

export function getCell(snapshot: WorkbookSnapshot, name: TableName, rowIndex: number, header: string): CellValue {
  const t = table(snapshot, name);
  return t.values[rowIndex]![headerCol(t, header)] ?? null;
}

export function measureRow(snapshot: WorkbookSnapshot, code: string, breakdown = ""): number {
  const t = table(snapshot, TABLE.measures);
  const key = measureRowKey(code, breakdown);
  const i = t.values.findIndex((r) => measureRowKey(r[0], r[2]) === key);
  if (i < 0) throw new Error(`no measure row ${key}`);
  return i;
}

export function setMeasure(snapshot: WorkbookSnapshot, code: string, breakdown: string, month: string, value: CellValue, formula?: string): void {
  setCell(snapshot, TABLE.measures, measureRow(snapshot, code, breakdown), month, value, formula);
}

export function detailRow(snapshot: WorkbookSnapshot, field: string): number {
  return table(snapshot, TABLE.returnDetails).values.findIndex((r) => r[0] === field);
}

/** Sets a return detail; a field the table lacks (Data checksum, before sign-off) gets a new last row, as sign-off adds it. */
export function setDetail(snapshot: WorkbookSnapshot, field: string, value: CellValue): void {
  let row = detailRow(snapshot, field);
  if (row < 0) {
    const t = table(snapshot, TABLE.returnDetails);
    t.values.push([field, null]);
    t.formulas.push([field, null]);
    row = t.values.length - 1;
  }
  setCell(snapshot, TABLE.returnDetails, row, "Value", value);
}

/** Issues with this code. */
export function issuesOf(result: CheckResult, code: string): CheckIssue[] {
  return result.issues.filter((i) => i.code === code);
}

/** A compact view of issues for assertion failure messages. */
export function brief(result: CheckResult): string[] {
  return result.issues.map((i) => `${i.severity} ${i.code} ${i.sheet}!${i.cell}: ${i.message}`);
}
