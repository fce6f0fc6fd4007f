/**
 * The workbook contract (docs/return-format.md): sheet, table and column names that the centre and
 * other tools rely on. Change only with a new LAYOUT_VERSION and a note in the docs.
 */

export const LAYOUT_VERSION = "1.1";

/**
 * Every layout version the readers understand. 1.0 wrote the framework's own words in the
 * Measures table's Unit and Kind cells (`gbp`, `count`, `flow`, `stock`); 1.1 writes them as
 * officers say them (UNIT_LABEL, KIND_LABEL). Readers accept both (see src/core/return/words.ts).
 */
export const LAYOUT_VERSIONS_READ = ["1.0", "1.1"] as const;

export const SHEET = {
  return: "Return",
  measures: "Measures",
  stakeholders: "Stakeholders",
  outcomes: "Outcomes",
  caseStudies: "Case studies",
  checks: "Checks",
  framework: "Framework",
} as const;

export const TABLE = {
  returnDetails: "ReturnDetails",
  measures: "Measures",
  stakeholders: "Stakeholders",
  impactMap: "ImpactMap",
  caseStudies: "CaseStudies",
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
  Checks: SHEET.checks,
  FrameworkInfo: SHEET.framework,
};

export const RETURN_DETAILS_HEADERS = ["Field", "Value"] as const;

export const FIELD = {
  organisation: "Organisation",
  organisationCode: "Organisation code",
  yearStart: "Reporting year start",
  homesManaged: "Homes managed",
  contactName: "Contact name",
  contactEmail: "Contact email",
  preparedBy: "Prepared by",
  signedOffBy: "Signed off by",
  signedOffOn: "Signed off on",
  dataChecksum: "Data checksum",
} as const;

export type FieldName = (typeof FIELD)[keyof typeof FIELD];

export type FieldType = "text" | "month" | "date" | "whole" | "email";

export interface FieldSpec {
  field: FieldName;
  type: FieldType;
  required: boolean;
  /** Written by the tool, not typed: the cell is locked. */
  toolOwned: boolean;
  prompt: string;
}

/** The fields Set up writes into ReturnDetails, in order (the contract's nine). */
export const RETURN_FIELDS: readonly FieldSpec[] = [
  { field: FIELD.organisation, type: "text", required: true, toolOwned: false, prompt: "Your organisation's name, as the centre knows it." },
  { field: FIELD.organisationCode, type: "text", required: true, toolOwned: false, prompt: "The short code the centre gave your organisation. It identifies your returns when they are collated." },
  { field: FIELD.yearStart, type: "month", required: true, toolOwned: true, prompt: "The first month of the reporting year. Set by Impact Returns when the workbook was set up; it fixes the month columns on the Measures sheet." },
  { field: FIELD.homesManaged, type: "whole", required: false, toolOwned: false, prompt: "Homes your organisation manages. The centre uses it to scale sector totals." },
  { field: FIELD.contactName, type: "text", required: false, toolOwned: false, prompt: "Who the centre should contact about this return." },
  { field: FIELD.contactEmail, type: "email", required: false, toolOwned: false, prompt: "Email address for questions about this return, e.g. name@example.org.uk" },
  { field: FIELD.preparedBy, type: "text", required: false, toolOwned: false, prompt: "Who filled in this return." },
  { field: FIELD.signedOffBy, type: "text", required: false, toolOwned: false, prompt: "Who certified the return as ready to send. Filled in when you mark it ready to send." },
  { field: FIELD.signedOffOn, type: "date", required: false, toolOwned: false, prompt: "When the return was certified, as a date (dd/mm/yyyy). Filled in when you mark it ready to send." },
];

/** Added as the last row of ReturnDetails at sign-off ("Mark ready to send"), not by Set up. */
export const CHECKSUM_FIELD: FieldSpec = {
  field: FIELD.dataChecksum,
  type: "text",
  required: false,
  toolOwned: true,
  prompt: "Written by Impact Returns at sign-off, so later changes to the figures can be spotted. Do not edit.",
};

/** Every field ReturnDetails may hold: Set up's nine, then the sign-off checksum. */
export const ALL_RETURN_FIELDS: readonly FieldSpec[] = [...RETURN_FIELDS, CHECKSUM_FIELD];

export const MEASURE_KEY_HEADERS = ["Code", "Measure", "Breakdown", "Unit", "Kind"] as const;
/** A measure's Unit cell as written since layout 1.1 (1.0 wrote the key: gbp, count, hours, people). */
export const UNIT_LABEL = { count: "number", people: "people", hours: "hours", gbp: "£" } as const;
/** A measure's Kind cell as written since layout 1.1 (1.0 wrote the key: flow, stock). */
export const KIND_LABEL = { flow: "this month only", stock: "at the end of the month" } as const;
export type MeasureUnitKey = keyof typeof UNIT_LABEL;
export type MeasureKindKey = keyof typeof KIND_LABEL;
/** The Breakdown value of the row that holds a broken-down measure's total. */
export const TOTAL_BREAKDOWN = "Total";

export const STAKEHOLDER_HEADERS = ["Stakeholder group", "Description", "Number of people", "How they are affected"] as const;

export const IMPACT_MAP_HEADERS = [
  "Stakeholder group",
  "Activity",
  "Output",
  "Outcome",
  "Outcome area",
  "Indicator",
  "Source",
  "Quantity",
  "Duration (years)",
  "Financial proxy (£)",
  "Proxy source",
  "Deadweight %",
  "Attribution %",
  "Displacement %",
  "Drop-off %",
  "Impact value (£)",
] as const;

export const CASE_STUDY_HEADERS = [
  "Title",
  "Month",
  "Outcome area",
  "Stakeholder group",
  "What happened",
  "How this is different",
  "Consent given",
] as const;

/** The to-do list written by Check; an explanation typed against a warning accepts it. */
export const CHECKS_HEADERS = ["Severity", "Code", "Sheet", "Cell", "Message", "Explanation"] as const;
export const SEVERITY_LABEL = { error: "Error", warning: "Warning" } as const;

/**
 * Cells named in the Checks table are highlighted by conditional formats that Set up puts on each
 * data table and that look the cell up in the Checks table, so clearing the Checks table clears
 * every highlight and the user's own formatting is never touched.
 */
export const HIGHLIGHT = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
} as const;

export const FRAMEWORK_INFO_HEADERS = ["Key", "Value"] as const;

export const INFO_KEY = {
  frameworkId: "Framework id",
  frameworkVersion: "Framework version",
  frameworkTitle: "Framework title",
  layoutVersion: "Layout version",
  writtenBy: "Written by",
} as const;

/** Plain-range lists on the hidden Framework sheet that dropdowns point at (columns D, F) and the framework definition (column H). */
export const FRAMEWORK_SHEET_COLUMNS = {
  outcomeAreas: 3,
  months: 5,
  definition: 7,
} as const;
export const FRAMEWORK_SHEET_HEADINGS = {
  outcomeAreas: "Outcome areas",
  months: "Months",
  definition: "Framework definition (JSON)",
} as const;
/** Rows cleared below each list heading before it is rewritten. */
export const FRAMEWORK_SHEET_LIST_CAPACITY = 200;
export const DEFINITION_CHUNK_LENGTH = 30_000;

/** Blank rows given to entry tables when they are first made (the sheets are protected, so tables cannot grow by typing below them). */
export const BLANK_ROWS = {
  stakeholders: 12,
  impactMap: 100,
  caseStudies: 50,
} as const;

export const YES_NO = ["Yes", "No"] as const;

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
