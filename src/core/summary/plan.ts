/**
 * Summarise as a pure plan: from a ReturnSummary, the sheets Summarise owns (docs/summary-format.md)
 * as operations, plus the PivotTables and charts to draw. Gateways replace the old summary by
 * name: this plan only ever adds Summarise's own sheets.
 *
 *   Board summary   the board paper (board.ts): title block, headlines, FlowFigures, StockFigures,
 *                   SocialValue, SocialValueByGroup, Stories                                (prints on A4)
 *   Key figures     KeyFigures, the analysts' detail with its Commentary (board.ts)
 *   Summary charts  ChartData and SocialValueChartData, the charts drawn from them
 *   Summary pivots  PivotTables over SummaryData (Excel only; files cannot hold them)
 *   Summary data    SummaryData (one row per measure row per reported month) and ImpactData
 */
import { rangeAddress } from "../layout/a1";
import { NUMBER_FORMAT, TOTAL_BREAKDOWN } from "../layout/contract";
import { excelSerial, monthLabel, reportingMonths } from "../calendar";
import {
  IMPACT_DATA_COLUMN,
  IMPACT_DATA_HEADERS,
  KIND_WORD,
  SOCIAL_VALUE_CHART_HEADERS,
  SUMMARY_DATA_HEADERS,
  SUMMARY_SHEET,
  SUMMARY_TABLE,
  UNIT_WORD,
  type SummarySheetName,
} from "../sheets/summary";
import { type PlannedCell, type WorkbookOperation } from "../workbook/types";
import { boardSheet, keyFiguresSheet } from "./board";
import { describeMonths, rowLabel, type MeasureSummary, type ReturnSummary } from "./model";
import { formatRuns, LIGHT_STYLE, markedFormat, pageLayout, Sheet, unitFormat, type SummaryPlanOptions } from "./sheet-writer";
import { planPivotsSheet } from "./pivots";
import { pivotPart, type ChartSpec, type PivotSpec } from "./specs";
import { printScale } from "../layout/print";

export type { SummaryPlanOptions };

export interface SummaryPlan {
  /** Summarise's sheets, in tab order. */
  sheets: SummarySheetName[];
  operations: WorkbookOperation[];
  pivots: PivotSpec[];
  charts: ChartSpec[];
}

/** Charts at most, so a very large framework still gives a readable page. */
export const MAX_CHARTS = 12;

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

export function planSummary(summary: ReturnSummary, options: SummaryPlanOptions): SummaryPlan {
  const data = summaryDataSheet(summary);
  const board = boardSheet(summary, options, data.impactRows);
  const keyFigures = keyFiguresSheet(summary, options, data.rows);
  const charts = chartsSheet(summary);
  const pivots = options.pivots ? planPivotsSheet(summary, unitFormat, pageLayout(summary, SUMMARY_SHEET.pivots, undefined, undefined)) : undefined;
  const sheets: SummarySheetName[] = [SUMMARY_SHEET.board, SUMMARY_SHEET.keyFigures, SUMMARY_SHEET.charts, ...(pivots ? [SUMMARY_SHEET.pivots] : []), SUMMARY_SHEET.data];
  const operations = [
    ...board.ops,
    ...keyFigures.ops,
    ...charts.sheet.ops,
    ...(pivots ? pivots.operations : []),
    ...data.sheet.ops,
    { kind: "activate", sheet: SUMMARY_SHEET.board } as const,
  ];
  return { sheets, operations, pivots: pivots?.specs ?? [], charts: charts.specs };
}

// --- Summary data ---------------------------------------------------------------------------------

function summaryDataSheet(summary: ReturnSummary): { sheet: Sheet; rows: number; impactRows: number } {
  const sheet = new Sheet(SUMMARY_SHEET.data);
  const rows: PlannedCell[][] = [];
  const formats: string[] = [];
  for (const m of summary.measures) {
    for (const f of m.figures) {
      rows.push([m.code, m.measure, m.breakdown === "" ? null : m.breakdown, UNIT_WORD[m.unit], KIND_WORD[m.kind], excelSerial(f.month.year, f.month.month, 1), f.value, pivotPart(m.breakdown)]);
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
  sheet.widths([22, 44, 24, 8, 8, 10, 14, 30, 3, 24, 26, 16]);
  sheet.ops.push({ kind: "freeze", sheet: sheet.name, rows: 1, columns: 0 });
  sheet.ops.push({ kind: "pageLayout", sheet: sheet.name, layout: pageLayout(summary, sheet.name, "$1:$1", undefined) });
  return { sheet, rows: written, impactRows };
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
  // One column a charted measure; a key flow compared with last year has last year's months beside it.
  const columns = measures.flatMap((m, i) => {
    const ly = m.lastYear;
    type Cell = { value: number; warning?: true } | undefined;
    const thisYear = { measure: i, label: rowLabel(m), figure: (slot: number): Cell => m.figures.find((f) => f.slot === slot), lastYear: false };
    if (m.kind !== "flow" || !ly || ly.status === "new this year") return [thisYear];
    return [thisYear, { measure: i, label: `${rowLabel(m)}, last year`, figure: (slot: number): Cell => (ly.figures[slot] === null || ly.figures[slot] === undefined ? undefined : { value: ly.figures[slot] }), lastYear: true }];
  });
  const headers = uniqueHeaders(["Month", ...columns.map((c) => c.label)]);
  const top = 3;
  const rows = months.map((month, slot): PlannedCell[] => [excelSerial(month.year, month.month, 1), ...columns.map((c) => c.figure(slot)?.value ?? null)]);
  sheet.table(SUMMARY_TABLE.chartData, top, 0, headers, rows, LIGHT_STYLE);
  sheet.rules([
    { address: rangeAddress(top + 1, 0, rows.length, 1), numberFormat: NUMBER_FORMAT.month },
    // A figure used with a warning not yet explained is marked †, as on the Board summary.
    ...columns.flatMap((c, i) => {
      const format = unitFormat(measures[c.measure]!.unit);
      return formatRuns(1 + i, top + 1, months.map((_, slot) => (c.figure(slot)?.warning === true ? markedFormat(format) : format)));
    }),
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
      title: flow ? `${rowLabel(m)}: each month${m.lastYear && m.lastYear.status !== "new this year" ? ", this year and last" : ""}` : `${rowLabel(m)}: at the end of each month`,
      categories: monthsAddress,
      categoryLabels: labels,
      categoryNumberFormat: NUMBER_FORMAT.month,
      series: columns.flatMap((c, k) => (c.measure === i ? [{ name: headers[1 + k]!, values: rangeAddress(top + 1, 1 + k, months.length, 1), figures: rows.map((r) => (typeof r[1 + k] === "number" ? (r[1 + k] as number) : null)) }] : [])),
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
  const widths = Array<number>(right).fill(12);
  sheet.widths(widths);
  // Two rows of charts a page, with a page break between, so no chart is cut in two. Excel ignores
  // manual page breaks on a sheet fitted to pages, so the sheet prints at a scale that fits the
  // columns one page wide and the tallest page (the first: title, data and two rows of charts) one page tall.
  const chartRows = Math.ceil(specs.length / 2);
  const layout = pageLayout(summary, name, undefined, rangeAddress(0, 0, bottom + 1, right));
  layout.rowBreaks = Array.from({ length: Math.max(0, Math.ceil(chartRows / 2) - 1) }, (_, k) => chartTop + (k + 1) * 2 * (CHART_ROWS + 1));
  const firstBreak = layout.rowBreaks[0];
  if (firstBreak !== undefined) layout.scale = printScale(widths, Math.max(firstBreak, 2 * (CHART_ROWS + 1)));
  sheet.ops.push({ kind: "pageLayout", sheet: name, layout });
  return { sheet, specs };
}

function unitTitle(m: MeasureSummary): string {
  return m.unit === "gbp" ? "Pounds (£)" : m.unit === "hours" ? "Hours" : m.unit === "people" ? "People" : "Number";
}
