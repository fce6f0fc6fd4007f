/**
 * What goes back to organisations (docs/bulletin-feedback.md): the sector bulletin, sent to every
 * submitter, and each organisation's feedback workbook, its own figures beside the sector's. Their
 * sheets, tables and columns (header, format, width in characters), defined once here. Names and
 * column order are exact; change only with a note in the docs.
 */
import type { SectorColumn } from "../collate/sector-table";
import { col, HEADLINES_COLUMNS, MONTHLY_MEASURE_COLUMNS, ORGANISATIONS_REPORTING, wrapped } from "./sector";
import { headersOf } from "./types";

export const BULLETIN_SHEET = { summary: "Sector summary", monthly: "Month by month", charts: "Sector charts" } as const;
export const BULLETIN_TABLE = { summary: "BulletinSummary", monthly: "BulletinMonthly", charts: "BulletinChartData" } as const;

/** The sector's headlines as the sector workbook's `Sector summary` has them, the last column a note (no estimate, or not shown). */
export const BULLETIN_SUMMARY_COLUMNS = [...HEADLINES_COLUMNS.slice(0, -1), wrapped("Note", 40)] as const satisfies readonly SectorColumn[];
export const BULLETIN_SUMMARY_HEADERS = headersOf(BULLETIN_SUMMARY_COLUMNS);

/** Month by month: the measure row's columns, one column a month (headed "Apr 2024"), then a note. */
export const BULLETIN_MONTHLY_MEASURE_COLUMNS = MONTHLY_MEASURE_COLUMNS;
export const BULLETIN_MONTHLY_NOTE = wrapped("Note", 30);
/** What a month's cell says when its total is not shown (the row's Note gives the sentence). */
export const NOT_SHOWN = "Not shown";

export const FEEDBACK_SHEET = { summary: "Your figures", monthly: "Month by month", charts: "Charts" } as const;
export const FEEDBACK_TABLE = { summary: "FeedbackSummary", monthly: "FeedbackMonthly", charts: "FeedbackChartData" } as const;

/** What the organisation's figure is compared with: the columns both feedback tables end with. */
const BESIDE_SECTOR = [
  col("Your figure", "count", 13),
  col("Sector reported total", "count", 15),
  ORGANISATIONS_REPORTING,
  col("Your share %", "percent", 10),
  wrapped("Note", 34),
] as const satisfies readonly SectorColumn[];

/** One row a measure row and reporting year: flows over the months the organisation reported (year to date), stocks in its latest month. */
export const FEEDBACK_SUMMARY_COLUMNS = [
  col("Reporting year start", "month", 11),
  ...MONTHLY_MEASURE_COLUMNS,
  col("Figure", "text", 13),
  wrapped("Months", 18),
  ...BESIDE_SECTOR,
] as const satisfies readonly SectorColumn[];
export const FEEDBACK_SUMMARY_HEADERS = headersOf(FEEDBACK_SUMMARY_COLUMNS);

/** One row a measure row and month the organisation reported. */
export const FEEDBACK_MONTHLY_COLUMNS = [...MONTHLY_MEASURE_COLUMNS, col("Month", "month", 10), ...BESIDE_SECTOR] as const satisfies readonly SectorColumn[];
export const FEEDBACK_MONTHLY_HEADERS = headersOf(FEEDBACK_MONTHLY_COLUMNS);
