/**
 * Each organisation's feedback (docs/bulletin-feedback.md): its own figures beside the sector's,
 * month by month and for the year (flows: the months it reported added up; stocks: its latest
 * month, never added up), with the sector's reported total, the organisations reporting and its
 * share; and a chart of its share for each key measure. No other organisation can be identified:
 * only its own figures are shown, and a sector figure made from fewer organisations than the
 * publication rules allow (./estimates.ts) is blank with the sentence saying why, as is anything
 * worked out from it (its share, a year to date with such a month). Pure: a Collation in, a plan
 * of typed cells out, which src/xlsx/sector.ts writes.
 */
import { addMonths, isoMonth, monthLabel, reportingMonths, SHORT_MONTH_NAMES } from "../calendar";
import { columnLetter } from "../layout/a1";
import { FEEDBACK_MONTHLY_COLUMNS, FEEDBACK_SHEET, FEEDBACK_SUMMARY_COLUMNS, FEEDBACK_TABLE } from "../sheets/feedback";
import { FIGURE_BASIS } from "../sheets/sector";
import type { ChartSpec } from "../summary/specs";
import { cellKey, figureCell, lineCells, monthCell, printEverySheet, unitFormat } from "./bulletin";
import { orgKey } from "./collate";
import { roundSum, suppressed, type PublicationRules } from "./estimates";
import { type SectorCell, type SectorColumn, type SectorTablePlan, type TablesPlan } from "./sector-table";
import { ym } from "./submission";
import type { Collation, MeasureLine, SectorDataRow, SectorTotalRow } from "./types";

/** At most this many key measures are charted; each chart covers this many columns and rows, two side by side. */
const MAX_CHARTED = 6;
const CHART_COLUMNS = 6;
const CHART_ROWS = 15;

export interface FeedbackOrganisation {
  organisationCode: string;
  organisation: string;
}

/** The organisations with a return in use (accepted), by code: each gets feedback. */
export function feedbackOrganisations(c: Collation): FeedbackOrganisation[] {
  const named = new Map(c.organisations.map((o) => [orgKey(o.organisationCode), o]));
  const out = new Map<string, FeedbackOrganisation>();
  for (const f of c.files) {
    if (f.status !== "accepted" || !f.organisationCode) continue;
    const key = orgKey(f.organisationCode);
    if (out.has(key)) continue;
    const o = named.get(key);
    out.set(key, { organisationCode: o?.organisationCode ?? f.organisationCode, organisation: o?.organisation || f.organisation || "" });
  }
  return [...out.values()];
}

/** A workbook's file name from the organisation's own code: letters, digits, spaces and ._()- kept, the rest "_". */
export function feedbackFileName(organisationCode: string): string {
  const stem = organisationCode
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._()-]/gu, "_")
    .replace(/^[\s.]+|[\s.]+$/g, "")
    .slice(0, 60);
  return `${stem || "organisation"} feedback.xlsx`;
}

/** Each organisation with feedback and its workbook's file name (made unique without regard to case: "AL01 feedback (2).xlsx"). */
export function feedbackFiles(c: Collation): (FeedbackOrganisation & { name: string })[] {
  const used = new Set<string>();
  return feedbackOrganisations(c).map((o) => {
    let name = feedbackFileName(o.organisationCode);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = feedbackFileName(`${o.organisationCode} (${n})`);
    used.add(name.toLowerCase());
    return { ...o, name };
  });
}

/** "Apr 20", as the charts label months. */
const shortMonth = (month: string) => {
  const m = ym(month);
  return `${SHORT_MONTH_NAMES[m.month - 1]!} ${String(m.year % 100).padStart(2, "0")}`;
};

interface Beside {
  own: number;
  /** undefined: not shown (too few organisations), or no sector figure. */
  sector?: number;
  organisations?: number;
  share?: number;
  note?: string;
}

/** The last five columns of both tables: its figure, the sector's total, organisations, share, note. */
const besideCells = (b: Beside, unit: MeasureLine["unit"]): SectorCell[] => [
  figureCell(b.own, unit),
  figureCell(b.sector, unit),
  b.organisations ?? null,
  b.share === undefined ? null : { value: b.share, format: "percent" },
  b.note ?? null,
];

/** Its figure beside the sector's, from the cells of the months it counts (one month, or a year to date). */
function beside(own: number, cells: readonly (SectorTotalRow | undefined)[], min: number): Beside {
  const out: Beside = { own };
  const hidden = cells.find((t) => t === undefined || suppressed(t.organisations, min) !== undefined);
  if (hidden !== undefined || cells.length === 0) {
    out.note = suppressed(0, min)!;
    return out;
  }
  const totals = cells as SectorTotalRow[];
  out.sector = roundSum(totals.reduce((sum, t) => sum + t.reportedTotal, 0));
  out.organisations = Math.min(...totals.map((t) => t.organisations));
  if (out.sector > 0) out.share = own / out.sector;
  else out.note = "No share: the sector's reported total is 0.";
  return out;
}

export function planFeedback(c: Collation, organisationCode: string, rules: PublicationRules): TablesPlan {
  const key = orgKey(organisationCode);
  const who = feedbackOrganisations(c).find((o) => orgKey(o.organisationCode) === key) ?? { organisationCode, organisation: "" };
  const min = rules.minimumOrganisations;
  const byCell = new Map(c.totals.map((t) => [cellKey(t.code, t.breakdown, t.month), t]));
  const lineOf = new Map(c.lines.map((l) => [`${l.code}|${l.breakdown}`, l]));
  const own = c.data.filter((d) => orgKey(d.organisationCode) === key);
  const lineOfRow = (d: SectorDataRow): MeasureLine => lineOf.get(`${d.code}|${d.breakdown}`) ?? { code: d.code, breakdown: d.breakdown, label: d.measure, unit: d.unit, kind: d.kind };
  const years = [...new Set(c.files.filter((f) => f.status === "accepted" && f.organisationCode && orgKey(f.organisationCode) === key && f.reportingYearStart).map((f) => f.reportingYearStart!))].sort();
  const yearOf = (month: string) => [...years].reverse().find((y) => y <= month && month <= isoMonth(addMonths(ym(y), 11))) ?? month;

  const monthly: SectorTablePlan = {
    sheet: FEEDBACK_SHEET.monthly,
    table: FEEDBACK_TABLE.monthly,
    columns: FEEDBACK_MONTHLY_COLUMNS.map((col) => ({ ...col })),
    rows: own.map((d) => {
      const line = lineOfRow(d);
      return [...lineCells(line), monthCell(d.month), ...besideCells(beside(d.value, [byCell.get(cellKey(d.code, d.breakdown, d.month))], min), line.unit)];
    }),
  };

  // The year: per reporting year and measure row, in the data's order (framework order, then month).
  const groups = new Map<string, { year: string; line: MeasureLine; rows: SectorDataRow[] }>();
  for (const d of own) {
    const year = yearOf(d.month);
    const k = `${year}|${d.code}|${d.breakdown}`;
    const g = groups.get(k) ?? { year, line: lineOfRow(d), rows: [] };
    g.rows.push(d);
    groups.set(k, g);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.year < b.year ? -1 : a.year > b.year ? 1 : 0));
  const summary: SectorTablePlan = {
    sheet: FEEDBACK_SHEET.summary,
    table: FEEDBACK_TABLE.summary,
    columns: FEEDBACK_SUMMARY_COLUMNS.map((col) => ({ ...col })),
    rows: ordered.map(({ year, line, rows }) => {
      const months = rows.map((r) => r.month).sort();
      const cells = (ms: readonly string[]) => ms.map((m) => byCell.get(cellKey(line.code, line.breakdown, m)));
      const latest = rows.reduce((a, b) => (b.month > a.month ? b : a));
      const b =
        line.kind === "stock"
          ? beside(latest.value, cells([latest.month]), min)
          : beside(roundSum(rows.reduce((sum, r) => sum + r.value, 0)), cells(months), min);
      const span =
        line.kind === "stock" ? monthLabel(ym(latest.month)) : months.length === 1 ? monthLabel(ym(months[0]!)) : `${months.length} months, ${monthLabel(ym(months[0]!))} to ${monthLabel(ym(months[months.length - 1]!))}`;
      return [monthCell(year), ...lineCells(line), FIGURE_BASIS[line.kind], span, ...besideCells(b, line.unit)];
    }),
  };

  const drawing = planFeedbackCharts(own, lineOfRow, years[years.length - 1], byCell, min);
  const headerLeft = who.organisation ? `${who.organisation} (${who.organisationCode})` : who.organisationCode;
  const tables = [summary, monthly];
  printEverySheet([...tables, drawing.data], `Feedback for ${headerLeft}`, c.asOf, (t) => (t === drawing.data ? 1 : undefined));
  return { title: `Feedback for ${who.organisationCode}`, tables, ...(drawing.charts.length > 0 || drawing.data.rows.length > 0 ? { drawing } : {}) };
}

/** For the latest reporting year: per key measure its figure, the sector's total and its share by month, and a chart of the share. */
function planFeedbackCharts(
  own: readonly SectorDataRow[],
  lineOfRow: (d: SectorDataRow) => MeasureLine,
  year: string | undefined,
  byCell: ReadonlyMap<string, SectorTotalRow>,
  min: number,
): { data: SectorTablePlan; charts: ChartSpec[] } {
  const months = year === undefined ? [] : reportingMonths(ym(year)).map(isoMonth);
  const inYear = new Set(months);
  const ownCell = new Map(own.filter((d) => inYear.has(d.month)).map((d) => [cellKey(d.code, d.breakdown, d.month), d]));
  const seen = new Map<string, MeasureLine>();
  for (const d of ownCell.values()) if (d.breakdown === "" || d.breakdown === "Total") seen.set(`${d.code}|${d.breakdown}`, lineOfRow(d));
  const totals = [...seen.values()];
  const key = totals.filter((l) => l.key);
  const lines = (key.length > 0 ? key : totals).slice(0, MAX_CHARTED);

  // Months as text ("Apr 20"): the charts' categories, one reporting year (LibreOffice draws no columns on a date axis of months).
  const columns: SectorColumn[] = [{ header: "Month", format: "text", width: 8 }];
  const cellsOf: ((month: string) => SectorCell)[] = [];
  const shares: { line: MeasureLine; column: number; figures: (number | null)[] }[] = [];
  for (const l of lines) {
    const at = (m: string) => {
      const d = ownCell.get(cellKey(l.code, l.breakdown, m));
      return d === undefined ? undefined : beside(d.value, [byCell.get(cellKey(l.code, l.breakdown, m))], min);
    };
    columns.push({ header: `${l.label}: yours`, format: unitFormat(l.unit), width: 11 });
    cellsOf.push((m) => figureCell(at(m)?.own, l.unit));
    columns.push({ header: `${l.label}: sector`, format: unitFormat(l.unit), width: 11 });
    cellsOf.push((m) => figureCell(at(m)?.sector, l.unit));
    columns.push({ header: `${l.label}: your share`, format: "percent", width: 11 });
    cellsOf.push((m) => {
      const share = at(m)?.share;
      return share === undefined ? null : { value: share, format: "percent" };
    });
    shares.push({ line: l, column: columns.length - 1, figures: months.map((m) => at(m)?.share ?? null) });
  }
  const rows: SectorCell[][] = lines.length === 0 ? [] : months.map((m) => [shortMonth(m), ...cellsOf.map((f) => f(m))]);
  const data: SectorTablePlan = { sheet: FEEDBACK_SHEET.charts, table: FEEDBACK_TABLE.charts, columns, rows };

  const bodyRows = Math.max(1, rows.length);
  const range = (i: number) => `${columnLetter(i)}2:${columnLetter(i)}${bodyRows + 1}`;
  const top = bodyRows + 2;
  const yearLabel = year === undefined ? "" : ` (year from ${monthLabel(ym(year))})`;
  const charts: ChartSpec[] = shares.map((s, i) => {
    const row = top + Math.floor(i / 2) * (CHART_ROWS + 1);
    const col = (i % 2) * (CHART_COLUMNS + 1);
    return {
      sheet: FEEDBACK_SHEET.charts,
      name: `FeedbackChart${i + 1}`,
      type: "column",
      title: `${s.line.label}: your share of the sector's reported total${yearLabel}`,
      categories: range(0),
      categoryLabels: months.map(shortMonth),
      series: [{ name: "Your share", values: range(s.column), figures: s.figures }],
      valueAxisTitle: "Share of the sector's total",
      categoryAxisTitle: "Month",
      valueNumberFormat: "0%",
      anchor: { from: { row, col }, to: { row: row + CHART_ROWS, col: col + CHART_COLUMNS } },
    };
  });
  return { data, charts };
}
