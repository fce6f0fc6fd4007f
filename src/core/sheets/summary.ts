/**
 * The summary's part of the workbook contract (docs/summary-format.md): the sheets, tables,
 * PivotTables and charts that Summarise owns. Summarise replaces exactly these, by name, and never
 * touches another sheet. Change only with a note in the docs.
 */

export const SUMMARY_SHEET = {
  board: "Board summary",
  charts: "Summary charts",
  pivots: "Summary pivots",
  data: "Summary data",
} as const;

export const SUMMARY_TABLE = {
  data: "SummaryData",
  keyFigures: "KeyFigures",
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

/** Which table marks a sheet as Summarise's own (the pivots sheet is marked by its PivotTables). */
export const SUMMARY_SHEET_MARKER: Record<SummarySheetName, string | undefined> = {
  "Board summary": SUMMARY_TABLE.keyFigures,
  "Summary charts": SUMMARY_TABLE.chartData,
  "Summary pivots": undefined,
  "Summary data": SUMMARY_TABLE.data,
};

export const SUMMARY_DATA_HEADERS = ["Code", "Measure", "Breakdown", "Unit", "Kind", "Month", "Value"] as const;

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

export const SOCIAL_VALUE_HEADERS = ["Outcome area", "Outcomes", "Impact value (£)"] as const;
export const SOCIAL_VALUE_BY_GROUP_HEADERS = ["Stakeholder group", "Outcomes", "Impact value (£)"] as const;
/** Beside SummaryData: each outcome's area, group and value (the source of the social value PivotTables). */
export const IMPACT_DATA_HEADERS = ["Outcome area", "Stakeholder group", "Impact value (£)"] as const;
/** The social value chart's data on the Summary charts sheet. */
export const SOCIAL_VALUE_CHART_HEADERS = ["Outcome area", "Impact value (£)"] as const;
export const STORIES_HEADERS = ["Title", "Month", "Outcome area", "Stakeholder group"] as const;
/** The year's reflections with text, latest month first (src/core/summary/reflections.ts). */
export const BOARD_REFLECTIONS_HEADERS = ["Month", "Prompt", "Reflection", "Shared with the centre"] as const;

/** PivotTable names start with this; each is `${prefix}${Flows|Stocks}${unit family}`. */
export const PIVOT_PREFIX = "Summary";

/** Kind as the summary writes it. */
export const KIND_WORD = { flow: "Flow", stock: "Stock" } as const;

/** Units as officers write them. */
export const UNIT_WORD = { count: "number", people: "people", hours: "hours", gbp: "£" } as const;
