/**
 * The sector workbook's contract (docs/sector-format.md): the sheets and tables Collate writes,
 * and each table's columns (header, format, width in characters). Names and column order are
 * exact; change only with a note in the docs. The `Submissions` table
 * is the ledger: a later collation reads it (and `SectorData`) back so nothing collated is lost.
 */
import type { SectorColumn, SectorFormat } from "../collate/sector-table";
import { headersOf } from "./types";

export const SECTOR_SHEET = {
  submissions: "Submissions",
  organisations: "Organisations",
  data: "Sector data",
  totals: "Sector totals",
  revisions: "Revisions",
  chase: "Chase list",
} as const;

export const SECTOR_TABLE = {
  submissions: "Submissions",
  register: "Register",
  data: "SectorData",
  totals: "SectorTotals",
  revisions: "Revisions",
  chase: "ChaseList",
} as const;

/** The sheets of the sector's charts and PivotTable (beside the six above). The command line's workbook has the charts; only Excel's has the PivotTable. */
export const SECTOR_EXTRA_SHEET = { charts: "Sector charts", pivots: "Sector pivots" } as const;
export const SECTOR_CHART_TABLE = "SectorChartData";
export const SECTOR_PIVOT = "SectorTotalsPivot";

function col<const H extends string>(header: H, format: SectorFormat, width: number) {
  return { header, format, width };
}

/** The ledger: one row a file collated. */
export const SUBMISSIONS_COLUMNS = [
  col("File", "text", 34),
  col("SHA-256", "text", 20),
  col("Organisation code", "text", 14),
  col("Organisation", "text", 30),
  col("Reporting year start", "month", 12),
  col("Framework", "text", 28),
  col("Framework version", "whole", 10),
  col("Months reported", "whole", 10),
  col("Signed off on", "date", 12),
  col("Sign-off", "text", 22),
  col("Errors", "whole", 8),
  col("Warnings", "whole", 9),
  col("Explained", "whole", 9),
  col("Status", "text", 12),
  col("Reason", "text", 80),
] as const satisfies readonly SectorColumn[];
export const SUBMISSIONS_HEADERS = headersOf(SUBMISSIONS_COLUMNS);

export const REGISTER_COLUMNS = [col("Organisation code", "text", 16), col("Organisation", "text", 36), col("Homes managed", "count", 14)] as const satisfies readonly SectorColumn[];
export const REGISTER_TABLE_HEADERS = headersOf(REGISTER_COLUMNS);

/** A measure row in a month: the columns SectorData and SectorTotals share. */
const MEASURE_MONTH_COLUMNS = [
  col("Code", "text", 22),
  col("Measure", "text", 40),
  col("Breakdown", "text", 24),
  col("Unit", "text", 8),
  col("Kind", "text", 8),
  col("Month", "month", 10),
] as const satisfies readonly SectorColumn[];

export const SECTOR_DATA_COLUMNS = [col("Organisation code", "text", 14), col("Organisation", "text", 30), ...MEASURE_MONTH_COLUMNS, col("Value", "count", 14)] as const satisfies readonly SectorColumn[];
export const SECTOR_DATA_HEADERS = headersOf(SECTOR_DATA_COLUMNS);

export const SECTOR_TOTALS_COLUMNS = [
  ...MEASURE_MONTH_COLUMNS,
  col("Organisations reporting", "whole", 13),
  col("Homes covered", "count", 13),
  col("Coverage %", "percent", 11),
  col("Reported total", "count", 15),
  col("Scaled estimate", "count", 15),
] as const satisfies readonly SectorColumn[];
export const SECTOR_TOTALS_HEADERS = headersOf(SECTOR_TOTALS_COLUMNS);

export const REVISIONS_COLUMNS = [
  col("Organisation code", "text", 14),
  col("Code", "text", 22),
  col("Breakdown", "text", 24),
  col("Month", "month", 10),
  col("Was", "count", 12),
  col("Now", "count", 12),
  col("File", "text", 34),
] as const satisfies readonly SectorColumn[];
export const REVISIONS_HEADERS = headersOf(REVISIONS_COLUMNS);

export const CHASE_COLUMNS = [col("Organisation code", "text", 14), col("Organisation", "text", 30), col("Month", "month", 10), col("Why", "text", 70)] as const satisfies readonly SectorColumn[];
export const CHASE_HEADERS = headersOf(CHASE_COLUMNS);

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
