/**
 * The board paper (docs/summary-format.md, "Board summary"): what a board reads in five minutes.
 *
 *   title block    who, which year, months covered, framework; figures left out (check errors);
 *                  figures marked † (warnings not yet explained) and how to resolve them; last year
 *   headlines      the framework's headline measures and the social value, in large type
 *   FlowFigures    "Totals for the year so far": flows, in officers' words
 *   StockFigures   "Position at the end of the month": stocks, never added up over months
 *   SocialValue, SocialValueByGroup, Stories
 *
 * The board tables keep each row's Code and Breakdown in hidden columns at their right. The
 * analysts' detail, KeyFigures (every figure, live formulas in files, the Commentary kept by code
 * and breakdown), is on its own sheet, Key figures; the board tables show its Commentary.
 */
import { cellAddress, columnLetter, quoteSheet, rangeAddress } from "../layout/a1";
import { NUMBER_FORMAT, SHEET, TOTAL_BREAKDOWN } from "../layout/contract";
import { excelSerial, monthLabel, reportingMonths } from "../calendar";
import { signOffInBrief } from "../checks/sign-off";
import { formatDateGb, formatMoney, formatNumber, plural } from "../format";
import { measureRowKey } from "../return";
import {
  BOARD_TAIL_HEADERS,
  BOARD_WIDTHS,
  FLOW_FIGURES_HEADERS,
  IMPACT_DATA_COLUMN,
  KEY_FIGURES_HEADERS,
  LAST_YEAR_HEADERS,
  SOCIAL_VALUE_BY_GROUP_HEADERS,
  SOCIAL_VALUE_HEADERS,
  STOCK_FIGURES_HEADERS,
  STORIES_HEADERS,
  SUMMARY_SHEET,
  SUMMARY_TABLE,
} from "../sheets/summary";
import { TOOL_LABEL } from "../version";
import type { PlannedCell, RangeRule } from "../workbook/types";
import { keyFigureFormulas, keyFigureValues } from "./key-figures";
import { describeMonths, type MeasureSummary, type ReturnSummary } from "./model";
import { planReflectionsBlock } from "./reflections";
import { formatRuns, markedFormat, pageLayout, Sheet, signedFormat, unitFormat, WARNING_MARK, type SummaryPlanOptions } from "./sheet-writer";

/** KeyFigures' header row on the Key figures sheet (0-based): below the sheet's title and note. */
const KEY_FIGURES_TOP = 3;
const PERCENT_FORMAT = "+0.0%;-0.0%;0.0%";

// --- Key figures (the analysts' detail) ------------------------------------------------------------

export function keyFiguresSheet(summary: ReturnSummary, options: SummaryPlanOptions, dataRows: number): Sheet {
  const sheet = new Sheet(SUMMARY_SHEET.keyFigures);
  sheet.write(0, 0, [
    [`Key figures${summary.organisation ? `: ${summary.organisation}` : ""}`],
    ["Every measure row's figures for analysts. Type commentary in the Commentary column: it is kept when the summary is built again, and shown on the Board summary."],
  ]);
  sheet.format("A1", { bold: true, fontSize: 16 });
  const top = KEY_FIGURES_TOP;
  const rows = summary.measures.map((m, i) => (options.formulas ? keyFigureFormulas(m, top + 2 + i, dataRows, options.commentary) : keyFigureValues(m, options.commentary)));
  const count = sheet.table(SUMMARY_TABLE.keyFigures, top, 0, KEY_FIGURES_HEADERS, rows);
  const body = top + 1;
  const col = (h: (typeof KEY_FIGURES_HEADERS)[number]) => KEY_FIGURES_HEADERS.indexOf(h);
  const plain = summary.measures.map((m) => unitFormat(m.unit));
  const marked = (pick: (m: MeasureSummary) => boolean) => summary.measures.map((m, i) => (pick(m) ? markedFormat(plain[i]!) : plain[i]!));
  sheet.rules([
    { address: rangeAddress(body, col("Months reported"), count, 1), numberFormat: "0" },
    { address: rangeAddress(body, col("Latest month"), count, 1), numberFormat: NUMBER_FORMAT.month },
    ...formatRuns(col("Year to date"), body, marked((m) => m.warned > 0)),
    ...formatRuns(col("Monthly average"), body, marked((m) => m.warned > 0)),
    ...formatRuns(col("Latest value"), body, marked((m) => m.latest?.warning === true)),
    ...formatRuns(col("Previous value"), body, marked((m) => m.previous?.warning === true)),
    ...formatRuns(col("Change"), body, plain),
    { address: rangeAddress(body, col("Commentary"), count, 1), wrap: true, numberFormat: NUMBER_FORMAT.text },
  ]);
  sheet.widths([24, 46, 24, 8, 6, 16, 14, 13, 14, 16, 12, 10, 17, 40]);
  sheet.ops.push({ kind: "freeze", sheet: sheet.name, rows: top + 1, columns: 0 });
  sheet.ops.push({ kind: "pageLayout", sheet: sheet.name, layout: pageLayout(summary, sheet.name, `$${top + 1}:$${top + 1}`, undefined) });
  return sheet;
}

// --- Board summary ---------------------------------------------------------------------------------

export function boardSheet(summary: ReturnSummary, options: SummaryPlanOptions, impactRows: number): Sheet {
  const sheet = new Sheet(SUMMARY_SHEET.board);
  const months = reportingMonths(summary.yearStart);
  const covered = summary.monthsCovered.length;
  const lines: string[] = [
    `Organisation code: ${summary.organisationCode ?? "not given"}. Reporting year: ${monthLabel(months[0]!)} to ${monthLabel(months[11]!)}.`,
    `Months covered: ${describeMonths(summary.monthsCovered)} (${covered} of 12).`,
    `Framework: ${summary.framework.title}, version ${summary.framework.version}. Built on ${formatDateGb(options.builtAt)} by ${TOOL_LABEL}.`,
    leftOutLine(summary),
    ...(summary.warnedFigures > 0 ? warningLines(summary.warnedFigures) : []),
    ...(summary.lastYear ? [lastYearLine(summary)] : []),
  ];
  sheet.write(0, 0, [[`Board summary${summary.organisation ? `: ${summary.organisation}` : ""}`]]);
  sheet.format("A1", { bold: true, fontSize: 16 });
  sheet.write(1, 0, lines.map((l) => [l]));
  let row = lines.length + 2;

  // Headlines, in large type.
  const headlines = headlineRows(summary);
  if (headlines.length > 0) {
    heading(sheet, row, "The year at a glance");
    row++;
    sheet.rules([{ address: rangeAddress(row, 0, headlines.length, 1), numberFormat: NUMBER_FORMAT.text }]);
    sheet.write(row, 0, headlines.map((h) => [h.figure, h.words]));
    sheet.format(rangeAddress(row, 0, headlines.length, 1), { bold: true, fontSize: 18 });
    row += headlines.length + 1;
  }

  const lastYear = summary.lastYear !== undefined;
  const flows = summary.measures.filter((m) => m.kind === "flow");
  const stocks = summary.measures.filter((m) => m.kind === "stock");
  row = figuresTable(sheet, summary, options, row, "Totals for the year so far", SUMMARY_TABLE.flowFigures, FLOW_FIGURES_HEADERS, flows, lastYear);
  row = figuresTable(sheet, summary, options, row, "Position at the end of the month", SUMMARY_TABLE.stockFigures, STOCK_FIGURES_HEADERS, stocks, lastYear);

  // Social value
  heading(sheet, row, "Social value (from the impact map)");
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
  heading(sheet, row, "Stories (case studies with consent to share)");
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

  // Widths (characters): one A4 landscape page wide at close to full size; Code and Breakdown hidden.
  const widths = [...BOARD_WIDTHS.figures, ...(lastYear ? BOARD_WIDTHS.lastYear : []), ...BOARD_WIDTHS.tail];
  const reflections = planReflectionsBlock(sheet.name, row + 2, summary.reflections, widths);
  sheet.ops.push(...reflections.ops);
  const lastRow = reflections.lastRow;
  // Printed: the figures, not Commentary (printed with KeyFigures on the Key figures sheet) nor the hidden codes,
  // so the paper prints one page wide at 9 pt or more.
  const printed = widths.length - 3;
  sheet.ops.push({
    kind: "setColumnWidths",
    sheet: sheet.name,
    widths: widths.map((characters, column) => ({ column, characters, ...(column > printed ? { hidden: true } : {}) })),
  });
  sheet.ops.push({
    kind: "pageLayout",
    sheet: sheet.name,
    // No repeated title row: the paper has two tables with different headers.
    layout: pageLayout(summary, sheet.name, undefined, rangeAddress(0, 0, lastRow + 1, printed)),
  });
  return sheet;
}

function heading(sheet: Sheet, row: number, text: string): void {
  sheet.write(row, 0, [[text]]);
  sheet.format(cellAddress(row, 0), { bold: true, fontSize: 13 });
}

/** One of the board tables (flows or stocks) under its heading; returns the row after it and a blank row. */
function figuresTable(
  sheet: Sheet,
  summary: ReturnSummary,
  options: SummaryPlanOptions,
  row: number,
  title: string,
  table: string,
  figureHeaders: readonly string[],
  measures: MeasureSummary[],
  lastYear: boolean,
): number {
  heading(sheet, row, title);
  const top = row + 1;
  const headers = [...figureHeaders, ...(lastYear ? LAST_YEAR_HEADERS : []), ...BOARD_TAIL_HEADERS];
  const flow = table === SUMMARY_TABLE.flowFigures;
  const rows = measures.map((m) => [...(flow ? flowCells(m) : stockCells(m)), ...(lastYear ? lastYearCells(m) : []), commentaryCell(summary, options, m), m.code, m.breakdown === "" ? null : m.breakdown]);
  const count = sheet.table(table, top, 0, headers, rows);
  const body = top + 1;
  const at = (h: string) => headers.indexOf(h);
  const plain = measures.map((m) => unitFormat(m.unit));
  const marked = (pick: (m: MeasureSummary) => boolean) => measures.map((m, i) => (pick(m) ? markedFormat(plain[i]!) : plain[i]!));
  const rules: RangeRule[] = [
    { address: rangeAddress(body, at("Months"), count, 1), numberFormat: "0" },
    { address: rangeAddress(body, at("Latest month"), count, 1), numberFormat: NUMBER_FORMAT.month },
    ...formatRuns(at("Latest figure"), body, marked((m) => m.latest?.warning === true)),
    // Not wrapped: rows keep one line's height, so nothing printed overlaps the row below.
    { address: rangeAddress(body, at("Commentary"), count, 1), numberFormat: NUMBER_FORMAT.text },
  ];
  if (flow) rules.push(...formatRuns(at("Year so far"), body, marked((m) => m.warned > 0)), ...formatRuns(at("Per month"), body, marked((m) => m.warned > 0)));
  else rules.push(...formatRuns(at("Month before"), body, marked((m) => m.previous?.warning === true)));
  if (lastYear) {
    rules.push(
      ...formatRuns(at("Last year"), body, plain),
      ...formatRuns(at("Change"), body, plain.map(signedFormat)),
      { address: rangeAddress(body, at("Change (%)"), count, 1), numberFormat: PERCENT_FORMAT },
    );
  }
  sheet.rules(rules);
  return body + count + 1;
}

function flowCells(m: MeasureSummary): PlannedCell[] {
  const serial = m.latest ? excelSerial(m.latest.month.year, m.latest.month.month, 1) : null;
  return [boardLabel(m), m.monthsReported, m.yearToDate ?? null, m.monthlyAverage ?? null, serial, m.latest?.value ?? null];
}

function stockCells(m: MeasureSummary): PlannedCell[] {
  const serial = m.latest ? excelSerial(m.latest.month.year, m.latest.month.month, 1) : null;
  return [boardLabel(m), m.monthsReported, serial, m.latest?.value ?? null, m.previous?.value ?? null, m.direction ?? null];
}

/**
 * Last year, change, change (%). Without a figure last year, Change says why in words ("New this
 * year", "Not reported last year"): printed after the blank Last year cell, clear of the figure before.
 */
function lastYearCells(m: MeasureSummary): PlannedCell[] {
  const ly = m.lastYear;
  if (!ly || ly.status === "new this year") return [null, "New this year", null];
  if (ly.status === "not reported") return [null, "Not reported last year", null];
  return [ly.value, ly.change ?? null, ly.changePercent === undefined ? null : ly.changePercent / 100];
}

/** The KeyFigures Commentary of the row: in files a live reference to it; in Excel the words typed. */
function commentaryCell(summary: ReturnSummary, options: SummaryPlanOptions, m: MeasureSummary): PlannedCell {
  const typed = options.commentary?.get(measureRowKey(m.code, m.breakdown)) ?? null;
  if (!options.formulas) return typed;
  const i = summary.measures.indexOf(m);
  const ref = `${quoteSheet(SUMMARY_SHEET.keyFigures)}!$${columnLetter(KEY_FIGURES_HEADERS.indexOf("Commentary"))}$${KEY_FIGURES_TOP + 2 + i}`;
  return { formula: `=IF(${ref}="","",${ref})`, result: typed ?? "" };
}

/** The measure in the board's words: a breakdown row is indented under its measure's Total row, "   – Food parcels". */
function boardLabel(m: MeasureSummary): string {
  return m.breakdown === "" || m.breakdown === TOTAL_BREAKDOWN ? m.measure : `   \u2013 ${m.breakdown}`;
}

/** A figure as a sentence shows it: money in pounds, hours to one place, counts whole. */
export function figureText(m: Pick<MeasureSummary, "unit">, n: number): string {
  return m.unit === "gbp" ? formatMoney(n) : formatNumber(n, m.unit === "hours" ? 1 : 0);
}

/** The headline block: each headline measure's figure (flows: the year so far; stocks: the latest month) and the social value. */
export function headlineRows(summary: ReturnSummary): { figure: string; words: string }[] {
  const rows: { figure: string; words: string }[] = [];
  for (const m of summary.measures) {
    if (!m.headline || !m.latest) continue;
    const flow = m.kind === "flow";
    const value = flow ? m.yearToDate! : m.latest.value;
    const mark = (flow ? m.warned > 0 : m.latest.warning) ? ` ${WARNING_MARK}` : "";
    const when = flow ? `in ${describeMonths(m.figures.map((f) => f.month))}` : `at the end of ${monthLabel(m.latest.month)}`;
    rows.push({ figure: `${figureText(m, value)}${mark}`, words: `${m.measure} ${when}${lastYearWords(m)}` });
  }
  const sv = summary.socialValue;
  if (sv.outcomes > 0) rows.push({ figure: formatMoney(sv.total), words: `Social value from the impact map (${plural(sv.outcomes, "outcome")})` });
  return rows;
}

function lastYearWords(m: MeasureSummary): string {
  const ly = m.lastYear;
  if (!ly) return "";
  if (ly.status === "new this year") return " (new this year)";
  if (ly.status === "not reported" || ly.change === undefined) return "";
  const same = m.kind === "flow" ? "the same months last year" : "the same month last year";
  const direction = ly.change > 0 ? "up" : ly.change < 0 ? "down" : "no change";
  const percent = ly.changePercent === undefined || ly.change === 0 ? "" : ` ${formatNumber(Math.abs(ly.changePercent), 0)}%`;
  return `; ${direction}${percent} on ${same} (${figureText(m, ly.value)})`;
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

/** The title block's lines about figures used with a warning nobody has explained yet, and how to resolve them. */
export function warningLines(count: number): [string, string] {
  const one = count === 1;
  return [
    `${WARNING_MARK} ${plural(count, "figure")} ${one ? "has" : "have"} a check warning not yet explained: ${one ? "it is" : "they are"} included and marked ${WARNING_MARK}.`,
    `To resolve ${one ? "it" : "them"}, run Check, then correct the figure or type why it is right in the Explanation column of the ${SHEET.checks} sheet, and summarise again.`,
  ];
}

function lastYearLine(summary: ReturnSummary): string {
  const ly = summary.lastYear!;
  return `Last year: the return for the year from ${monthLabel(ly.yearStart)}, over the same months (flows added up; stocks at the end of the same month).`;
}

function socialValueLine(summary: ReturnSummary): string {
  const sv = summary.socialValue;
  if (sv.outcomes === 0) return "No impact-map rows with a quantity and a financial proxy yet.";
  return `Total social value: ${formatMoney(sv.total)} from ${plural(sv.outcomes, "outcome")}, worked out from each impact-map row's quantity and financial proxy, less deadweight, attribution and displacement, over its duration with drop-off.`;
}

function storiesLine(summary: ReturnSummary): string {
  const cs = summary.caseStudies;
  const listed = cs.stories.length === 0 ? "No case studies with consent to share yet." : `${cs.stories.length} case stud${cs.stories.length === 1 ? "y" : "ies"} listed.`;
  const more = cs.withoutConsent === 0 ? "" : ` ${cs.withoutConsent} more case stud${cs.withoutConsent === 1 ? "y exists" : "ies exist"} without consent to share, so ${cs.withoutConsent === 1 ? "it is" : "they are"} not listed.`;
  return listed + more;
}
