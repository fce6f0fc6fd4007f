/**
 * The sector's headlines for one reporting year (the latest with a return in use, unless asked
 * for another): for each measure row, the months reported, the organisations reporting and the
 * coverage in its latest month, the reported figure - flows added up over the year to date, stocks
 * as in the latest month, never added across months - and a scaled estimate only where coverage
 * reaches the minimum (./estimates.ts), else a note saying why. Also the month-on-month reported
 * totals the bulletin and the `Month by month` sheet show. Pure: a Collation in, data out.
 */
import { isoMonth, monthLabel, reportingMonths } from "../calendar";
import { roundSum } from "./estimates";
import { ym } from "./submission";
import type { Collation, MeasureLine, SectorTotalRow } from "./types";

export interface HeadlineRow extends MeasureLine {
  /** Months of the year with a reported total. */
  monthsReported: number;
  /** The latest of them (YYYY-MM). */
  latestMonth?: string;
  /** Organisations reporting in the latest month. */
  organisations: number;
  /** Coverage in the latest month (0-1), when the sector's homes are known. */
  coverage?: number;
  /** Flows: the year to date; stocks: the latest month. */
  reported?: number;
  scaledEstimate?: number;
  /** Why there is no scaled estimate. */
  estimateNote?: string;
}

export interface SectorHeadlines {
  /** The reporting year's first month (YYYY-MM), or undefined when no return is in use. */
  yearStart?: string;
  /** Its twelve months (YYYY-MM). */
  months: string[];
  rows: HeadlineRow[];
  /** Reported totals per measure row and month (undefined: nobody reported it). */
  monthly: { line: MeasureLine; values: (number | undefined)[] }[];
}

/** The latest reporting year with a return in use. */
export function latestReportingYear(c: Collation): string | undefined {
  let latest: string | undefined;
  for (const f of c.files) if (f.status === "accepted" && f.reportingYearStart !== undefined && (latest === undefined || f.reportingYearStart > latest)) latest = f.reportingYearStart;
  return latest;
}

export function sectorHeadlines(c: Collation, yearStart: string | undefined = latestReportingYear(c)): SectorHeadlines {
  if (yearStart === undefined) return { months: [], rows: [], monthly: [] };
  const months = reportingMonths(ym(yearStart)).map(isoMonth);
  const byCell = new Map<string, SectorTotalRow>();
  for (const t of c.totals) byCell.set(`${t.code}|${t.breakdown}|${t.month}`, t);
  const rows: HeadlineRow[] = [];
  const monthly: SectorHeadlines["monthly"] = [];
  for (const line of c.lines) {
    const cells = months.map((m) => byCell.get(`${line.code}|${line.breakdown}|${m}`));
    const reported = cells.filter((t): t is SectorTotalRow => t !== undefined);
    if (reported.length === 0) continue;
    monthly.push({ line, values: cells.map((t) => t?.reportedTotal) });
    const latest = reported[reported.length - 1]!;
    const row: HeadlineRow = { ...line, monthsReported: reported.length, latestMonth: latest.month, organisations: latest.organisations };
    if (latest.coverage !== undefined) row.coverage = latest.coverage;
    if (line.kind === "stock") {
      row.reported = latest.reportedTotal;
      if (latest.scaledEstimate !== undefined) row.scaledEstimate = latest.scaledEstimate;
      else row.estimateNote = latest.estimateNote ?? "No estimate.";
    } else {
      row.reported = roundSum(reported.reduce((sum, t) => sum + t.reportedTotal, 0));
      // A year-to-date estimate adds up each month's: every month reported must be estimable.
      const short = reported.find((t) => t.scaledEstimate === undefined);
      if (short === undefined) row.scaledEstimate = reported.reduce((sum, t) => sum + t.scaledEstimate!, 0);
      else row.estimateNote = inMonth(short.estimateNote ?? "No estimate.", short.month, reported.length);
    }
    rows.push(row);
  }
  return { yearStart, months, rows, monthly };
}

/** "No estimate: ... (in Jun 2024)" when the year has other months. */
function inMonth(note: string, month: string, monthsReported: number): string {
  return monthsReported > 1 ? `${note.replace(/\.$/, "")} (in ${monthLabel(ym(month))}).` : note;
}
