/**
 * The sector workbook's contract (docs/sector-format.md): the sheets and tables Collate writes.
 * Names and column order are exact; change only with a note in the docs. The `Submissions` table
 * is the ledger: a later collation reads it (and `SectorData`) back so nothing collated is lost.
 */

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

export const SUBMISSIONS_HEADERS = [
  "File",
  "SHA-256",
  "Organisation code",
  "Organisation",
  "Reporting year start",
  "Framework",
  "Framework version",
  "Months reported",
  "Signed off on",
  "Errors",
  "Warnings",
  "Status",
  "Reason",
] as const;

export const REGISTER_TABLE_HEADERS = ["Organisation code", "Organisation", "Homes managed"] as const;

export const SECTOR_DATA_HEADERS = ["Organisation code", "Organisation", "Code", "Measure", "Breakdown", "Unit", "Kind", "Month", "Value"] as const;

export const SECTOR_TOTALS_HEADERS = [
  "Code",
  "Measure",
  "Breakdown",
  "Unit",
  "Kind",
  "Month",
  "Organisations reporting",
  "Homes covered",
  "Coverage %",
  "Reported total",
  "Scaled estimate",
] as const;

export const REVISIONS_HEADERS = ["Organisation code", "Code", "Breakdown", "Month", "Was", "Now", "File"] as const;

export const CHASE_HEADERS = ["Organisation code", "Organisation", "Month", "Why"] as const;

/** The label beside the Register table whose neighbour holds the sector's total homes. */
export const SECTOR_HOMES_LABEL = "Sector homes";

/** Status words as the Submissions table writes them. */
export const STATUS_WORDS = ["accepted", "superseded", "duplicate", "held", "rejected"] as const;

/** Excel's last row: a table can hold one row fewer (its header takes one). */
export const MAX_TABLE_ROWS = 1_048_575;
