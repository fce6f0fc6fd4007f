/**
 * The summary's part of the workbook contract (docs/summary-format.md): the sheets, tables,
 * PivotTables and charts that Summarise owns. Summarise replaces exactly these, by name, and never
 * touches another sheet. Change only with a note in the docs.
 */

export const SUMMARY_SHEET = {
  board: "Board summary",
  keyFigures: "Key figures",
  charts: "Summary charts",
  pivots: "Summary pivots",
  data: "Summary data",
} as const;

export const SUMMARY_TABLE = {
  data: "SummaryData",
  keyFigures: "KeyFigures",
  flowFigures: "FlowFigures",
  stockFigures: "StockFigures",
  socialValue: "SocialValue",
  socialValueByGroup: "SocialValueByGroup",
  stories: "Stories",
  /** Not "Reflections": that is the return's own table, in the same workbook. */
  reflections: "BoardReflections",
  chartData: "ChartData",
  socialValueChartData: "SocialValueChartData",
  impactData: "ImpactData",
} as const;

export type SummarySheetName = (typeof SUMMARY_SHEET)[keyof typeof SUMMARY_SHEET];

/**
 * Which tables mark a sheet as Summarise's own, any one of them (the pivots sheet is marked by its
 * PivotTables). Summaries built before the Key figures sheet had KeyFigures on the Board summary.
 */
export const SUMMARY_SHEET_MARKER: Record<SummarySheetName, readonly string[] | undefined> = {
  "Board summary": [SUMMARY_TABLE.flowFigures, SUMMARY_TABLE.keyFigures],
  "Key figures": [SUMMARY_TABLE.keyFigures],
  "Summary charts": [SUMMARY_TABLE.chartData],
  "Summary pivots": undefined,
  "Summary data": [SUMMARY_TABLE.data],
};

/** `Part` is what the PivotTables list under each measure: "All", then "of which: <breakdown>" (src/core/summary/specs.ts, pivotPart). */
export const SUMMARY_DATA_HEADERS = ["Code", "Measure", "Breakdown", "Unit", "Kind", "Month", "Value", "Part"] as const;

export const KEY_FIGURES_HEADERS = [
  "Code",
  "Measure",
  "Breakdown",
  "Unit",
  "Kind",
  "Months reported",
  "Year to date",
  "Latest month",
  "Latest value",
  "Previous value",
  "Change",
  "Direction",
  "Monthly average",
  "Commentary",
] as const;

/**
 * The board paper's two tables, in officers' words: flows under "Totals for the year so far",
 * stocks under "Position at the end of the month". Then, when last year is set beside, its three
 * columns; then Commentary (shown from KeyFigures, one line) and the row's Code and Breakdown, kept hidden so
 * a row can be matched.
 */
export const FLOW_FIGURES_HEADERS = ["Measure", "Months", "Year so far", "Per month", "Latest month", "Latest figure"] as const;
export const STOCK_FIGURES_HEADERS = ["Measure", "Months", "Latest month", "Latest figure", "Month before", "Direction"] as const;
/** Flows: the same months last year added up; stocks: the same month last year. */
export const LAST_YEAR_HEADERS = ["Last year", "Change", "Change (%)"] as const;
export const BOARD_TAIL_HEADERS = ["Commentary", "Code", "Breakdown"] as const;
/** Widths (characters) of the board tables' columns, shared by both (they sit in the same columns). */
export const BOARD_WIDTHS = { figures: [40, 8, 13, 13, 13, 13], lastYear: [12, 12, 11], tail: [30, 12, 12] } as const;

export const SOCIAL_VALUE_HEADERS = ["Outcome area", "Outcomes", "Impact value (£)"] as const;
export const SOCIAL_VALUE_BY_GROUP_HEADERS = ["Stakeholder group", "Outcomes", "Impact value (£)"] as const;
/** ImpactData sits to the right of SummaryData, one blank column between (0-based column). */
export const IMPACT_DATA_COLUMN = SUMMARY_DATA_HEADERS.length + 1;
/** Beside SummaryData: each outcome's area, group and value (the source of the social value PivotTables). */
export const IMPACT_DATA_HEADERS = ["Outcome area", "Stakeholder group", "Impact value (£)"] as const;
/** The social value chart's data on the Summary charts sheet. */
export const SOCIAL_VALUE_CHART_HEADERS = ["Outcome area", "Impact value (£)"] as const;
export const STORIES_HEADERS = ["Title", "Month", "Outcome area", "Stakeholder group"] as const;
/** The year's reflections with text, latest month first (src/core/summary/reflections.ts). */
/** Reflection first, in the Board summary's widest column (A); then when, which prompt, and whether it is shared. */
export const BOARD_REFLECTIONS_HEADERS = ["Reflection", "Month", "Prompt", "Shared with the centre"] as const;

/** PivotTable names start with this; each is `${prefix}${Flows|Stocks}${unit family}`. */
export const PIVOT_PREFIX = "Summary";

/** Kind as the summary writes it. */
export const KIND_WORD = { flow: "Flow", stock: "Stock" } as const;

/** Units as officers write them. */
export const UNIT_WORD = { count: "number", people: "people", hours: "hours", gbp: "£" } as const;
