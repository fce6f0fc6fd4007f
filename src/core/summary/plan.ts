/**
 * Summarise as a pure plan: from a ReturnSummary, the sheets Summarise owns (docs/summary-format.md)
 * as operations, plus the PivotTables and charts to draw. Gateways replace the old summary by
 * name: this plan only ever adds Summarise's own sheets.
 *
 *   Board summary   title block, KeyFigures, SocialValue, SocialValueByGroup, Stories,
 *                   BoardReflections (./reflections.ts)                                 (prints on A4)
 *   Summary charts  ChartData and SocialValueChartData, the charts drawn from them
 *   Summary pivots  PivotTables over SummaryData (Excel only; files cannot hold them)
 *   Summary data    SummaryData (one row per measure row per reported month) and ImpactData
 */
import { cellAddress, columnLetter, quoteSheet, rangeAddress } from "../layout/a1";
import { NUMBER_FORMAT, TOTAL_BREAKDOWN } from "../layout/contract";
import { excelSerial, monthLabel, reportingMonths } from "../calendar";
import { signOffInBrief } from "../checks/sign-off";
import { formatDateGb } from "../format";
import {
  IMPACT_DATA_HEADERS,
  KEY_FIGURES_HEADERS,
  KIND_WORD,
  PIVOT_PREFIX,
  SOCIAL_VALUE_BY_GROUP_HEADERS,
  SOCIAL_VALUE_CHART_HEADERS,
  SOCIAL_VALUE_HEADERS,
  STORIES_HEADERS,
  SUMMARY_DATA_HEADERS,
  SUMMARY_SHEET,
  SUMMARY_TABLE,
  UNIT_WORD,
  type SummarySheetName,
} from "../sheets/summary";
import { TOOL_NAME } from "../version";
import { a4Landscape } from "../layout/print";
import { type PageLayout, type PlannedCell, type RangeRule, type WorkbookOperation } from "../workbook/types";
import { keyFigureFormulas, keyFigureValues, type Commentary } from "./key-figures";
import { describeMonths, rowLabel, type MeasureSummary, type ReturnSummary } from "./model";
import { planReflectionsBlock } from "./reflections";
import type { ChartSpec, PivotSpec } from "./specs";

export interface SummaryPlanOptions {
  /** When the summary is built (shown in its title block). */
  builtAt: Date;
  /** Files: KeyFigures and SocialValue as live formulas over the Summary data sheet. Excel: figures (its pivots are the live part). */
  formulas: boolean;
  /** Excel: PivotTables on a Summary pivots sheet. Files cannot hold them. */
  pivots: boolean;
  /** Commentary typed in the last summary's KeyFigures, kept by code and breakdown. */
  commentary?: Commentary;
}

export interface SummaryPlan {
  /** Summarise's sheets, in tab order. */
  sheets: SummarySheetName[];
  operations: WorkbookOperation[];
  pivots: PivotSpec[];
  charts: ChartSpec[];
}

const STYLE = "TableStyleMedium2";
const LIGHT_STYLE = "TableStyleLight9";
/** Charts at most, so a very large framework still gives a readable page. */
export const MAX_CHARTS = 12;

export function unitFormat(unit: MeasureSummary["unit"]): string {
  return unit === "gbp" ? NUMBER_FORMAT.gbp : unit === "hours" ? NUMBER_FORMAT.hours : NUMBER_FORMAT.count;
}

/** Excel keeps at most 255 characters in a table header and refuses duplicates: make chart-data headers fit. */
function uniqueHeaders(labels: string[]): string[] {
  const seen = new Set<string>();
  return labels.map((label) => {
    let base = label.replace(/\s+/g, " ").trim().slice(0, 200) || "Series";
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    base = name;
    return base;
  });
}

class Sheet {
  readonly ops: WorkbookOperation[] = [];
  constructor(readonly name: string) {
    this.ops.push({ kind: "addSheet", sheet: name });
  }
  write(row: number, col: number, cells: PlannedCell[][]): void {
    if (cells.length === 0 || cells[0]!.length === 0) return;
    this.ops.push({ kind: "write", sheet: this.name, address: rangeAddress(row, col, cells.length, cells[0]!.length), cells });
  }
  format(address: string, format: Omit<Extract<WorkbookOperation, { kind: "format" }>, "kind" | "sheet" | "address">): void {
    this.ops.push({ kind: "format", sheet: this.name, address, ...format });
  }
  table(table: string, row: number, col: number, headers: readonly string[], rows: PlannedCell[][], style = STYLE): number {
    const body = rows.length > 0 ? rows : [headers.map(() => null)];
    this.ops.push({ kind: "addTable", sheet: this.name, table, address: rangeAddress(row, col, body.length + 1, headers.length), headers, rows: body, style });
    return body.length;
  }
  rules(rules: RangeRule[]): void {
    if (rules.length > 0) this.ops.push({ kind: "applyRules", sheet: this.name, rules });
  }
  widths(widths: number[], from = 0): void {
    this.ops.push({ kind: "setColumnWidths", sheet: this.name, widths: widths.map((characters, i) => ({ column: from + i, characters })) });
  }
}

/** Groups consecutive rows with the same number format into one rule each. */
function formatRuns(column: number, firstRow: number, formats: string[]): RangeRule[] {
  const rules: RangeRule[] = [];
  let start = 0;
  for (let i = 1; i <= formats.length; i++) {
    if (i === formats.length || formats[i] !== formats[start]) {
      rules.push({ address: rangeAddress(firstRow + start, column, i - start, 1), numberFormat: formats[start]! });
      start = i;
    }
  }
  return rules;
}

function pageLayout(summary: ReturnSummary, sheet: string, printTitleRows: string | undefined, printArea: string | undefined): PageLayout {
  const layout = a4Landscape({
    header: { left: summary.organisation ?? "Return", center: sheet, right: `Reporting year from ${monthLabel(summary.yearStart)}` },
    footerLeft: TOOL_NAME,
    printArea,
  });
  if (printTitleRows) layout.printTitleRows = printTitleRows;
  return layout;
}

export function planSummary(summary: ReturnSummary, options: SummaryPlanOptions): SummaryPlan {
  const data = summaryDataSheet(summary);
  const board = boardSheet(summary, options, data.rows, data.impactRows);
  const charts = chartsSheet(summary);
  const pivots = options.pivots ? pivotsSheet(summary) : undefined;
  const sheets: SummarySheetName[] = [SUMMARY_SHEET.board, SUMMARY_SHEET.charts, ...(pivots ? [SUMMARY_SHEET.pivots] : []), SUMMARY_SHEET.data];
  const operations = [
    ...board.ops,
    ...charts.sheet.ops,
    ...(pivots ? pivots.sheet.ops : []),
    ...data.sheet.ops,
    { kind: "activate", sheet: SUMMARY_SHEET.board } as const,
  ];
  return { sheets, operations, pivots: pivots?.specs ?? [], charts: charts.specs };
}

// --- Summary data ---------------------------------------------------------------------------------

/** ImpactData sits to the right of SummaryData, one blank column between. */
const IMPACT_DATA_COLUMN = SUMMARY_DATA_HEADERS.length + 1;

function summaryDataSheet(summary: ReturnSummary): { sheet: Sheet; rows: number; impactRows: number } {
  const sheet = new Sheet(SUMMARY_SHEET.data);
  const rows: PlannedCell[][] = [];
  const formats: string[] = [];
  for (const m of summary.measures) {
    for (const f of m.figures) {
      rows.push([m.code, m.measure, m.breakdown === "" ? null : m.breakdown, UNIT_WORD[m.unit], KIND_WORD[m.kind], excelSerial(f.month.year, f.month.month, 1), f.value]);
      formats.push(unitFormat(m.unit));
    }
  }
  const written = sheet.table(SUMMARY_TABLE.data, 0, 0, SUMMARY_DATA_HEADERS, rows);
  const impact = summary.socialValue.rows.map((r): PlannedCell[] => [r.outcomeArea, r.stakeholderGroup, r.value]);
  const impactRows = sheet.table(SUMMARY_TABLE.impactData, 0, IMPACT_DATA_COLUMN, IMPACT_DATA_HEADERS, impact, LIGHT_STYLE);
  sheet.rules([
    { address: rangeAddress(1, 5, written, 1), numberFormat: NUMBER_FORMAT.month },
    ...formatRuns(6, 1, formats),
    { address: rangeAddress(1, IMPACT_DATA_COLUMN + 2, impactRows, 1), numberFormat: NUMBER_FORMAT.gbp },
  ]);
  sheet.widths([22, 44, 24, 8, 8, 10, 14, 3, 24, 26, 16]);
  sheet.ops.push({ kind: "freeze", sheet: sheet.name, rows: 1, columns: 0 });
  sheet.ops.push({ kind: "pageLayout", sheet: sheet.name, layout: pageLayout(summary, sheet.name, "$1:$1", undefined) });
  return { sheet, rows: written, impactRows };
}

// --- Board summary --------------------------------------------------------------------------------

/** The Board summary's column widths (characters), fitted to one A4 landscape page wide. */
const BOARD_WIDTHS = [24, 46, 24, 8, 7, 9, 14, 11, 14, 14, 12, 10, 14, 40] as const;

function boardSheet(summary: ReturnSummary, options: SummaryPlanOptions, dataRows: number, impactRows: number): Sheet {
  const sheet = new Sheet(SUMMARY_SHEET.board);
  const months = reportingMonths(summary.yearStart);
  const covered = summary.monthsCovered.length;
  const title = `Board summary${summary.organisation ? `: ${summary.organisation}` : ""}`;
  const lines: string[] = [
    `Organisation code: ${summary.organisationCode ?? "not given"}. Reporting year: ${monthLabel(months[0]!)} to ${monthLabel(months[11]!)}.`,
    `Months covered: ${describeMonths(summary.monthsCovered)} (${covered} of 12).`,
    `Framework: ${summary.framework.title}, version ${summary.framework.version}. Built on ${formatDateGb(options.builtAt)} by ${TOOL_NAME}.`,
    leftOutLine(summary),
  ];
  sheet.write(0, 0, [[title]]);
  sheet.format("A1", { bold: true, fontSize: 16 });
  sheet.write(1, 0, lines.map((l) => [l]));

  // Key figures
  let row = 6;
  sheet.write(row, 0, [["Key figures"]]);
  sheet.format(cellAddress(row, 0), { bold: true, fontSize: 13 });
  row++;
  const headerRow = row;
  const keyRows = summary.measures.map((m, i) =>
    options.formulas ? keyFigureFormulas(m, headerRow + 2 + i, dataRows, options.commentary) : keyFigureValues(m, options.commentary),
  );
  const keyCount = sheet.table(SUMMARY_TABLE.keyFigures, row, 0, KEY_FIGURES_HEADERS, keyRows);
  const body = headerRow + 1;
  const col = (h: (typeof KEY_FIGURES_HEADERS)[number]) => KEY_FIGURES_HEADERS.indexOf(h);
  const figureFormats = summary.measures.map((m) => unitFormat(m.unit));
  sheet.rules([
    { address: rangeAddress(body, col("Months reported"), keyCount, 1), numberFormat: "0" },
    { address: rangeAddress(body, col("Latest month"), keyCount, 1), numberFormat: NUMBER_FORMAT.month },
    ...["Year to date", "Latest value", "Previous value", "Change", "Monthly average"].flatMap((h) => formatRuns(col(h as (typeof KEY_FIGURES_HEADERS)[number]), body, figureFormats)),
    { address: rangeAddress(body, col("Commentary"), keyCount, 1), wrap: true, numberFormat: NUMBER_FORMAT.text },
  ]);
  row = body + keyCount + 1;

  // Social value
  sheet.write(row, 0, [["Social value (from the impact map)"]]);
  sheet.format(cellAddress(row, 0), { bold: true, fontSize: 13 });
  row++;
  const sv = summary.socialValue;
  const impactRef = (c: number) => `${quoteSheet(SUMMARY_SHEET.data)}!$${columnLetter(IMPACT_DATA_COLUMN + c)}$2:$${columnLetter(IMPACT_DATA_COLUMN + c)}$${Math.max(impactRows, 1) + 1}`;
  const socialRows = (groups: typeof sv.byOutcomeArea, keyColumn: number, first: number): PlannedCell[][] =>
    groups.map((g, i) => {
      const here = `$A$${first + 1 + i}`;
      return options.formulas
        ? [g.name, { formula: `=COUNTIF(${impactRef(keyColumn)},${here})`, result: g.outcomes }, { formula: `=SUMIF(${impactRef(keyColumn)},${here},${impactRef(2)})`, result: g.value }]
        : [g.name, g.outcomes, g.value];
    });
  const svCount = sheet.table(SUMMARY_TABLE.socialValue, row, 0, SOCIAL_VALUE_HEADERS, socialRows(sv.byOutcomeArea, 0, row + 1));
  sheet.rules([{ address: rangeAddress(row + 1, 1, svCount, 1), numberFormat: NUMBER_FORMAT.count }, { address: rangeAddress(row + 1, 2, svCount, 1), numberFormat: NUMBER_FORMAT.gbp }]);
  row += svCount + 1;
  sheet.write(row, 0, [[socialValueLine(summary)]]);
  row += 2;
  const groupCount = sheet.table(SUMMARY_TABLE.socialValueByGroup, row, 0, SOCIAL_VALUE_BY_GROUP_HEADERS, socialRows(sv.byStakeholderGroup, 1, row + 1));
  sheet.rules([{ address: rangeAddress(row + 1, 1, groupCount, 1), numberFormat: NUMBER_FORMAT.count }, { address: rangeAddress(row + 1, 2, groupCount, 1), numberFormat: NUMBER_FORMAT.gbp }]);
  row += groupCount + 2;

  // Stories
  sheet.write(row, 0, [["Stories (case studies with consent to share)"]]);
  sheet.format(cellAddress(row, 0), { bold: true, fontSize: 13 });
  row++;
  const cs = summary.caseStudies;
  const stories = cs.stories.map((s): PlannedCell[] => [s.title, s.month ? excelSerial(s.month.year, s.month.month, 1) : s.monthText || null, s.outcomeArea, s.stakeholderGroup || null]);
  const storyCount = sheet.table(SUMMARY_TABLE.stories, row, 0, STORIES_HEADERS, stories);
  sheet.rules([
    { address: rangeAddress(row + 1, 1, storyCount, 1), numberFormat: NUMBER_FORMAT.month },
    { address: rangeAddress(row + 1, 0, storyCount, 1), wrap: true },
  ]);
  row += storyCount + 1;
  sheet.write(row, 0, [[storiesLine(summary)]]);
  const reflections = planReflectionsBlock(sheet.name, row + 2, summary.reflections, BOARD_WIDTHS);
  sheet.ops.push(...reflections.ops);
  const lastRow = reflections.lastRow;

  // Widths (characters): fitted to one A4 landscape page wide.
  sheet.widths([...BOARD_WIDTHS]);
  sheet.ops.push({
    kind: "pageLayout",
    sheet: sheet.name,
    layout: pageLayout(summary, sheet.name, `$${headerRow + 1}:$${headerRow + 1}`, rangeAddress(0, 0, lastRow + 1, KEY_FIGURES_HEADERS.length)),
  });
  return sheet;
}

function leftOutLine(summary: ReturnSummary): string {
  const parts: string[] = [];
  if (summary.excludedFigures > 0) {
    parts.push(`${summary.excludedFigures} figure${summary.excludedFigures === 1 ? " has" : "s have"} check errors and ${summary.excludedFigures === 1 ? "is" : "are"} left out`);
  }
  if (summary.socialValue.excluded > 0) {
    parts.push(`${summary.socialValue.excluded} impact-map row${summary.socialValue.excluded === 1 ? " has" : "s have"} check errors and ${summary.socialValue.excluded === 1 ? "is" : "are"} left out of the social value`);
  }
  const signOff = summary.signOff ? ` ${signOffInBrief(summary.signOff)}` : "";
  if (parts.length === 0) return (summary.errors === 0 ? "Every reported figure is included; the return has no check errors." : "Every reported figure is included.") + signOff;
  return `${parts.join("; ")}: run Check on the return to see them.`.replace(/^./, (c) => c.toUpperCase()) + signOff;
}

function socialValueLine(summary: ReturnSummary): string {
  const sv = summary.socialValue;
  if (sv.outcomes === 0) return "No impact-map rows with a quantity and a financial proxy yet.";
  const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" }).format(sv.total);
  return `Total social value: ${money} from ${sv.outcomes} outcome${sv.outcomes === 1 ? "" : "s"}, worked out by the impact formula (docs: Impact value).`;
}

function storiesLine(summary: ReturnSummary): string {
  const cs = summary.caseStudies;
  const listed = cs.stories.length === 0 ? "No case studies with consent to share yet." : `${cs.stories.length} case stud${cs.stories.length === 1 ? "y" : "ies"} listed.`;
  const more = cs.withoutConsent === 0 ? "" : ` ${cs.withoutConsent} more case stud${cs.withoutConsent === 1 ? "y exists" : "ies exist"} without consent to share, so ${cs.withoutConsent === 1 ? "it is" : "they are"} not listed.`;
  return listed + more;
}

// --- Summary charts -------------------------------------------------------------------------------

/** Each chart covers this many columns and rows; two charts side by side. */
const CHART_COLUMNS = 7;
const CHART_ROWS = 16;

function chartMeasures(summary: ReturnSummary): MeasureSummary[] {
  const totals = summary.measures.filter((m) => m.breakdown === "" || m.breakdown === TOTAL_BREAKDOWN);
  const key = totals.filter((m) => m.key);
  const chosen = key.length > 0 ? key : totals;
  const flows = chosen.filter((m) => m.kind === "flow");
  const stocks = chosen.filter((m) => m.kind === "stock");
  const room = MAX_CHARTS - 1;
  const flowCount = Math.min(flows.length, Math.max(room - stocks.length, Math.ceil(room / 2)));
  return [...flows.slice(0, flowCount), ...stocks.slice(0, room - flowCount)];
}

function chartsSheet(summary: ReturnSummary): { sheet: Sheet; specs: ChartSpec[] } {
  const sheet = new Sheet(SUMMARY_SHEET.charts);
  const name = sheet.name;
  sheet.write(0, 0, [[`Charts${summary.organisation ? `: ${summary.organisation}` : ""}`], [`Months covered: ${describeMonths(summary.monthsCovered)}. Drawn from the tables below; the board summary has the figures.`]]);
  sheet.format("A1", { bold: true, fontSize: 16 });

  const measures = chartMeasures(summary);
  const lastSlot = summary.monthsCovered.length === 0 ? 0 : Math.max(...summary.measures.flatMap((m) => m.figures.map((f) => f.slot)));
  const months = reportingMonths(summary.yearStart).slice(0, lastSlot + 1);
  const headers = uniqueHeaders(["Month", ...measures.map(rowLabel)]);
  const top = 3;
  const rows = months.map((month, slot): PlannedCell[] => [
    excelSerial(month.year, month.month, 1),
    ...measures.map((m) => m.figures.find((f) => f.slot === slot)?.value ?? null),
  ]);
  sheet.table(SUMMARY_TABLE.chartData, top, 0, headers, rows, LIGHT_STYLE);
  sheet.rules([
    { address: rangeAddress(top + 1, 0, rows.length, 1), numberFormat: NUMBER_FORMAT.month },
    ...measures.map((m, i): RangeRule => ({ address: rangeAddress(top + 1, 1 + i, rows.length, 1), numberFormat: unitFormat(m.unit) })),
  ]);

  // Social value by outcome area, beside the monthly figures.
  const svColumn = Math.max(headers.length + 1, 2 * CHART_COLUMNS - 2);
  const sv = summary.socialValue.byOutcomeArea;
  const svRows = sv.map((g): PlannedCell[] => [g.name, g.value]);
  const svCount = sheet.table(SUMMARY_TABLE.socialValueChartData, top, svColumn, SOCIAL_VALUE_CHART_HEADERS, svRows, LIGHT_STYLE);
  sheet.rules([{ address: rangeAddress(top + 1, svColumn + 1, svCount, 1), numberFormat: NUMBER_FORMAT.gbp }]);

  const labels = months.map(monthLabel);
  const specs: ChartSpec[] = [];
  const chartTop = top + Math.max(rows.length, svCount) + 3;
  const place = (index: number) => {
    const r = chartTop + Math.floor(index / 2) * (CHART_ROWS + 1);
    const c = (index % 2) * CHART_COLUMNS;
    return { from: { row: r, col: c }, to: { row: r + CHART_ROWS, col: c + CHART_COLUMNS } };
  };
  const monthsAddress = rangeAddress(top + 1, 0, months.length, 1);
  measures.forEach((m, i) => {
    const flow = m.kind === "flow";
    specs.push({
      sheet: name,
      name: `Chart ${i + 1}`,
      type: flow ? "column" : "line",
      title: flow ? `${rowLabel(m)}: each month` : `${rowLabel(m)}: at the end of each month`,
      categories: monthsAddress,
      categoryLabels: labels,
      categoryNumberFormat: NUMBER_FORMAT.month,
      series: [{ name: headers[1 + i]!, values: rangeAddress(top + 1, 1 + i, months.length, 1), figures: rows.map((r) => (typeof r[1 + i] === "number" ? (r[1 + i] as number) : null)) }],
      valueAxisTitle: unitTitle(m),
      categoryAxisTitle: "Month",
      valueNumberFormat: unitFormat(m.unit),
      anchor: place(i),
    });
  });
  if (sv.length > 0) {
    specs.push({
      sheet: name,
      name: `Chart ${specs.length + 1}`,
      type: "bar",
      title: "Social value by outcome area",
      categories: rangeAddress(top + 1, svColumn, svCount, 1),
      categoryLabels: sv.map((g) => g.name),
      series: [{ name: "Impact value (£)", values: rangeAddress(top + 1, svColumn + 1, svCount, 1), figures: sv.map((g) => g.value) }],
      valueAxisTitle: "Impact value (£)",
      categoryAxisTitle: "Outcome area",
      valueNumberFormat: NUMBER_FORMAT.gbpWhole,
      anchor: place(specs.length),
    });
  }
  const bottom = specs.length === 0 ? top + rows.length + 1 : Math.max(...specs.map((s) => s.anchor.to.row));
  const right = Math.max(2 * CHART_COLUMNS, svColumn + 2);
  sheet.widths(Array<number>(right).fill(12));
  // Two rows of charts a page, with a page break between, so no chart is cut in two.
  const chartRows = Math.ceil(specs.length / 2);
  const layout = pageLayout(summary, name, undefined, rangeAddress(0, 0, bottom + 1, right));
  layout.rowBreaks = Array.from({ length: Math.max(0, Math.ceil(chartRows / 2) - 1) }, (_, k) => chartTop + (k + 1) * 2 * (CHART_ROWS + 1));
  sheet.ops.push({ kind: "pageLayout", sheet: name, layout });
  return { sheet, specs };
}

function unitTitle(m: MeasureSummary): string {
  return m.unit === "gbp" ? "Pounds (£)" : m.unit === "hours" ? "Hours" : m.unit === "people" ? "People" : "Number";
}

// --- Summary pivots (Excel) ----------------------------------------------------------------------

/** Units whose figures share one number format share a pivot (one number format per data field). */
const FAMILIES: { id: string; units: MeasureSummary["unit"][]; format: string; words: string }[] = [
  { id: "Money", units: ["gbp"], format: NUMBER_FORMAT.gbp, words: "£" },
  { id: "Counts", units: ["count", "people"], format: NUMBER_FORMAT.count, words: "numbers and people" },
  { id: "Hours", units: ["hours"], format: NUMBER_FORMAT.hours, words: "hours" },
];

function pivotsSheet(summary: ReturnSummary): { sheet: Sheet; specs: PivotSpec[] } | undefined {
  const sheet = new Sheet(SUMMARY_SHEET.pivots);
  sheet.write(0, 0, [[`PivotTables${summary.organisation ? `: ${summary.organisation}` : ""}`], ["Built from the Summary data sheet. Flows add up across months (Grand Total = year to date); stocks are never added across months."]]);
  sheet.format("A1", { bold: true, fontSize: 16 });
  const specs: PivotSpec[] = [];
  let row = 3;
  const allUnits = [...new Set(summary.measures.filter((m) => m.figures.length > 0).map((m) => UNIT_WORD[m.unit]))];
  for (const kind of ["flow", "stock"] as const) {
    for (const family of FAMILIES) {
      const rows = summary.measures.filter((m) => m.kind === kind && family.units.includes(m.unit) && m.figures.length > 0);
      if (rows.length === 0) continue;
      const kinds = [...new Set(summary.measures.filter((m) => m.figures.length > 0).map((m) => KIND_WORD[m.kind]))];
      const keep = new Set(family.units.map((u) => UNIT_WORD[u]));
      const heading = `${kind === "flow" ? "Flows by month" : "Stocks at the end of each month"} (${family.words})`;
      sheet.write(row, 0, [[heading]]);
      sheet.format(cellAddress(row, 0), { bold: true, fontSize: 13 });
      const filters = [
        { field: "Kind", hide: kinds.filter((k) => k !== KIND_WORD[kind]) },
        { field: "Unit", hide: allUnits.filter((u) => !keep.has(u)) },
      ].filter((f) => f.hide.length > 0);
      // Report filters sit above the pivot's body: leave them room.
      const height = rows.length + 3 + (filters.length > 0 ? filters.length + 1 : 0);
      specs.push({
        name: `${PIVOT_PREFIX}${kind === "flow" ? "Flows" : "Stocks"}${family.id}`,
        sheet: sheet.name,
        destination: cellAddress(row + 2, 0),
        source: SUMMARY_TABLE.data,
        rows: ["Measure", "Breakdown"],
        columns: ["Month"],
        data: { field: "Value", name: kind === "flow" ? "Total" : "Value at month end", numberFormat: family.format },
        filters,
        rowGrandTotals: kind === "flow",
        columnGrandTotals: false,
        height,
      });
      row += height + 4;
    }
  }
  sheet.widths([40, 26, ...Array<number>(13).fill(12)]);
  sheet.ops.push({ kind: "pageLayout", sheet: sheet.name, layout: pageLayout(summary, sheet.name, undefined, undefined) });
  return { sheet, specs };
}
