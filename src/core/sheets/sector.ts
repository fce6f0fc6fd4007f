/**
 * The sector workbook's contract (docs/sector-format.md): the sheets and tables Collate writes,
 * and each table's columns (header, format, width in characters). Names and column order are
 * exact; change only with a note in the docs. The `Submissions` table
 * is the ledger: a later collation reads it (and `SectorData`) back so nothing collated is lost.
 */
import type { SectorColumn, SectorFormat } from "../collate/sector-table";
import { headersOf } from "./types";

export const SECTOR_SHEET = {
  summary: "Sector summary",
  monthly: "Month by month",
  submissions: "Submissions",
  organisations: "Organisations",
  data: "Sector data",
  totals: "Sector totals",
  revisions: "Revisions",
  chase: "Chase list",
  reflections: "Reflections",
} as const;

export const SECTOR_TABLE = {
  headlines: "SectorHeadlines",
  monthly: "SectorMonthly",
  submissions: "Submissions",
  register: "Register",
  data: "SectorData",
  totals: "SectorTotals",
  revisions: "Revisions",
  chase: "ChaseList",
  reflections: "SectorReflections",
} as const;

/** The sheets of the sector's charts and PivotTable (beside the six above). The command line's workbook has the charts; only Excel's has the PivotTable. */
export const SECTOR_EXTRA_SHEET = { charts: "Sector charts", pivots: "Sector pivots" } as const;
export const SECTOR_CHART_TABLE = "SectorChartData";
export const SECTOR_PIVOT = "SectorTotalsPivot";

/** Every sheet Collate owns in the sector workbook, with the table (or PivotTable) that marks it as Collate's, in sheet order. */
export const SECTOR_OWNED: readonly { sheet: string; table?: string; pivot?: string }[] = [
  { sheet: SECTOR_SHEET.summary, table: SECTOR_TABLE.headlines },
  { sheet: SECTOR_SHEET.monthly, table: SECTOR_TABLE.monthly },
  { sheet: SECTOR_SHEET.submissions, table: SECTOR_TABLE.submissions },
  { sheet: SECTOR_SHEET.organisations, table: SECTOR_TABLE.register },
  { sheet: SECTOR_SHEET.data, table: SECTOR_TABLE.data },
  { sheet: SECTOR_SHEET.totals, table: SECTOR_TABLE.totals },
  { sheet: SECTOR_SHEET.revisions, table: SECTOR_TABLE.revisions },
  { sheet: SECTOR_SHEET.chase, table: SECTOR_TABLE.chase },
  { sheet: SECTOR_SHEET.reflections, table: SECTOR_TABLE.reflections },
  { sheet: SECTOR_EXTRA_SHEET.charts, table: SECTOR_CHART_TABLE },
  // Marked by its PivotTables, one a unit, each named SectorTotalsPivot and the unit's ending (SectorTotalsPivotMoney...).
  { sheet: SECTOR_EXTRA_SHEET.pivots, pivot: SECTOR_PIVOT },
];

/** A column of the sector workbook or what goes back to organisations: header, format, width in characters. */
export function col<const H extends string>(header: H, format: SectorFormat, width: number) {
  return { header, format, width };
}

/** A column of long text, wrapped within its width. */
export function wrapped<const H extends string>(header: H, width: number) {
  return { header, format: "text", width, wrap: true } as const;
}

/** The ledger: one row a file collated - what a reader needs first (file, organisation, status, reason, sign-off), the SHA-256 last. */
export const SUBMISSIONS_COLUMNS = [
  wrapped("File", 24),
  col("Organisation", "text", 22),
  col("Status", "text", 11),
  wrapped("Reason", 44),
  col("Sign-off", "text", 18),
  col("Organisation code", "text", 12),
  col("Reporting year start", "month", 11),
  col("Months reported", "whole", 9),
  col("Errors", "whole", 7),
  col("Warnings", "whole", 9),
  col("Explained", "whole", 9),
  col("Signed off on", "date", 11),
  col("Framework", "text", 14),
  col("Framework version", "whole", 9),
  col("SHA-256", "text", 10),
] as const satisfies readonly SectorColumn[];
export const SUBMISSIONS_HEADERS = headersOf(SUBMISSIONS_COLUMNS);

export const REGISTER_COLUMNS = [col("Organisation code", "text", 16), col("Organisation", "text", 36), col("Homes managed", "count", 14)] as const satisfies readonly SectorColumn[];
export const REGISTER_TABLE_HEADERS = headersOf(REGISTER_COLUMNS);

/** A measure row in a month: the columns SectorData and SectorTotals share. */
const MEASURE_MONTH_COLUMNS = [
  col("Code", "text", 18),
  wrapped("Measure", 34),
  wrapped("Breakdown", 20),
  col("Unit", "text", 8),
  col("Kind", "text", 8),
  col("Month", "month", 10),
] as const satisfies readonly SectorColumn[];

/** A scaled estimate and, where there is none, why (src/core/collate/estimates.ts): the last columns of SectorTotals and SectorHeadlines. */
const ESTIMATE_COLUMNS = [col("Scaled estimate", "count", 14), wrapped("Estimate note", 40)] as const satisfies readonly SectorColumn[];

/** Organisations with a figure in a cell, and the share of the sector's homes they manage: wherever a sector figure is shown. */
export const ORGANISATIONS_REPORTING = col("Organisations reporting", "whole", 13);
const COVERAGE = col("Coverage %", "percent", 10);

/** The sector's headlines for the reporting year: one row a measure row (src/core/collate/headlines.ts). */
export const HEADLINES_COLUMNS = [
  ...MEASURE_MONTH_COLUMNS.slice(0, 5),
  col("Months reported", "whole", 9),
  col("Latest month", "month", 10),
  ORGANISATIONS_REPORTING,
  COVERAGE,
  col("Figure", "text", 14),
  col("Reported", "count", 14),
  ...ESTIMATE_COLUMNS,
] as const satisfies readonly SectorColumn[];
export const HEADLINES_HEADERS = headersOf(HEADLINES_COLUMNS);

/** Month by month: the measure row's columns, then one column a month of the reporting year (headed "Apr 2024"). */
export const MONTHLY_MEASURE_COLUMNS = MEASURE_MONTH_COLUMNS.slice(0, 5);
export const MONTHLY_MONTH_COLUMN = { format: "count", width: 10 } as const satisfies Omit<SectorColumn, "header">;

/** What the Figure column says: flows add up over the year, stocks never do. */
export const FIGURE_BASIS = { flow: "Year to date", stock: "Latest month" } as const;

export const SECTOR_DATA_COLUMNS = [col("Organisation code", "text", 14), col("Organisation", "text", 30), ...MEASURE_MONTH_COLUMNS, col("Value", "count", 14)] as const satisfies readonly SectorColumn[];
export const SECTOR_DATA_HEADERS = headersOf(SECTOR_DATA_COLUMNS);

export const SECTOR_TOTALS_COLUMNS = [
  ...MEASURE_MONTH_COLUMNS,
  ORGANISATIONS_REPORTING,
  col("Homes covered", "count", 13),
  COVERAGE,
  col("Reported total", "count", 15),
  ...ESTIMATE_COLUMNS,
  // What the Sector pivots list under each measure: "All", then "of which: <breakdown>" (src/core/summary/specs.ts, pivotPart).
  wrapped("Part", 16),
] as const satisfies readonly SectorColumn[];
export const SECTOR_TOTALS_HEADERS = headersOf(SECTOR_TOTALS_COLUMNS);

export const REVISIONS_COLUMNS = [col("Organisation code", "text", 14), col("Code", "text", 18), wrapped("Breakdown", 20), col("Month", "month", 10), col("Was", "count", 12), col("Now", "count", 12), wrapped("File", 40)] as const satisfies readonly SectorColumn[];
export const REVISIONS_HEADERS = headersOf(REVISIONS_COLUMNS);

export const CHASE_COLUMNS = [col("Organisation code", "text", 14), col("Organisation", "text", 30), col("Month", "month", 10), wrapped("Why", 60)] as const satisfies readonly SectorColumn[];
export const CHASE_HEADERS = headersOf(CHASE_COLUMNS);

/**
 * The reflections organisations marked to share with the centre (src/core/collate/reflections.ts):
 * by organisation, latest month first. The Month is a month, or the text the return held.
 */
export const SECTOR_REFLECTIONS_COLUMNS = [col("Organisation code", "text", 14), col("Organisation", "text", 26), col("Month", "month", 10), wrapped("Prompt", 30), wrapped("Reflection", 70)] as const satisfies readonly SectorColumn[];
export const SECTOR_REFLECTIONS_HEADERS = headersOf(SECTOR_REFLECTIONS_COLUMNS);

/** The label beside the Register table whose neighbour holds the sector's total homes. */
export const SECTOR_HOMES_LABEL = "Sector homes";

/**
 * The label under `Sector homes` whose neighbour says whether returns not signed off were held
 * ("Yes") or accepted and flagged ("No"): the setting a later collation in Excel keeps.
 */
export const SIGN_OFF_REQUIRED_LABEL = "Only signed-off returns";
export const YES_NO = { yes: "Yes", no: "No" } as const;

/** Status words as the Submissions table writes them. */
export const STATUS_WORDS = ["accepted", "superseded", "duplicate", "held", "rejected"] as const;

/** Excel's last row: a table can hold one row fewer (its header takes one). */
export const MAX_TABLE_ROWS = 1_048_575;
