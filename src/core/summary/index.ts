/** Summarise: the board summary of one return, as a model and as a plan of sheets, PivotTables and charts. */
export { describeMonths, errorCells, rowLabel, summariseReturn, type Direction, type MeasureSummary, type MonthFigure, type LastYearFigure, type ReturnSummary, type SummaryInput } from "./model";
export { planSummary, MAX_CHARTS, type SummaryPlan, type SummaryPlanOptions } from "./plan";
export { unitFormat, WARNING_MARK } from "./sheet-writer";
export { lastYearSummary, withLastYear, LAST_YEAR_REFUSAL, type LastYearResult } from "./last-year";
export { headlineRows, warningLines } from "./board";
export { keyFigureValues, type Commentary } from "./key-figures";
export { readCommentary, summaryBlockers } from "./existing";
export type { ChartSpec, PivotSpec } from "./specs";
export type { SocialValueGroup, SocialValueSummary } from "./social-value";
export type { CaseStudiesSummary, Story } from "./case-studies";
export type { ReflectionLine, ReflectionsSummary } from "./reflections";
