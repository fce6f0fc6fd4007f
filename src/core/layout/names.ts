/**
 * The workbook contract's names (docs/return-format.md): the layout version, the sheets and tables
 * of a return, and the number formats its cells use. Each sheet's columns are defined in
 * src/core/sheets/; src/core/layout/contract.ts gathers both. Change only with a new
 * LAYOUT_VERSION and a note in the docs.
 */

export const LAYOUT_VERSION = "1.2";

/**
 * Every layout version the readers understand. 1.0 wrote the framework's own words in the
 * Measures table's Unit and Kind cells (`gbp`, `count`, `flow`, `stock`); 1.1 writes them as
 * officers say them (UNIT_LABEL, KIND_LABEL). Readers accept both (see src/core/return/words.ts).
 * 1.2 adds the Reflections sheet (table Reflections); a 1.0 or 1.1 workbook simply has none, and
 * Set up adds it.
 */
export const LAYOUT_VERSIONS_READ = ["1.0", "1.1", "1.2"] as const;

export const SHEET = {
  return: "Return",
  measures: "Measures",
  stakeholders: "Stakeholders",
  outcomes: "Outcomes",
  caseStudies: "Case studies",
  reflections: "Reflections",
  checks: "Checks",
  framework: "Framework",
} as const;

export const TABLE = {
  returnDetails: "ReturnDetails",
  measures: "Measures",
  stakeholders: "Stakeholders",
  impactMap: "ImpactMap",
  caseStudies: "CaseStudies",
  reflections: "Reflections",
  checks: "Checks",
  frameworkInfo: "FrameworkInfo",
} as const;

export type SheetName = (typeof SHEET)[keyof typeof SHEET];
export type TableName = (typeof TABLE)[keyof typeof TABLE];

/** Where each of our tables lives. */
export const TABLE_SHEET: Record<TableName, SheetName> = {
  ReturnDetails: SHEET.return,
  Measures: SHEET.measures,
  Stakeholders: SHEET.stakeholders,
  ImpactMap: SHEET.outcomes,
  CaseStudies: SHEET.caseStudies,
  Reflections: SHEET.reflections,
  Checks: SHEET.checks,
  FrameworkInfo: SHEET.framework,
};

/**
 * Cells named in the Checks table are highlighted by conditional formats that Set up puts on each
 * data table and that look the cell up in the Checks table, so clearing the Checks table clears
 * every highlight and the user's own formatting is never touched.
 */
export const HIGHLIGHT = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
} as const;

/** Blank rows given to entry tables when they are first made (the sheets are protected, so tables cannot grow by typing below them). */
export const BLANK_ROWS = {
  stakeholders: 12,
  impactMap: 100,
  caseStudies: 50,
  /** Below the rows of the framework's prompts, for the officers' own. */
  reflections: 20,
} as const;

export const YES_NO = ["Yes", "No"] as const;

/** The most characters an Excel cell holds (Microsoft's "Excel specifications and limits": 32,767). */
export const MAX_CELL_TEXT = 32_767;

export const NUMBER_FORMAT = {
  count: "#,##0",
  people: "#,##0",
  hours: "#,##0.0",
  gbp: '"£"#,##0.00',
  gbpWhole: '"£"#,##0',
  percent: "0%",
  decimal: "#,##0.##",
  years: "0.0",
  month: "mmm yyyy",
  date: "dd/mm/yyyy",
  text: "@",
} as const;
