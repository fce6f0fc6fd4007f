/**
 * Every check the engine makes, with its stable code and severity (docs/checks.md describes each,
 * with an example message and how to fix it). Codes never change meaning; new checks get new codes.
 */
/** How serious an issue is: an error stops sign-off; a warning needs fixing or an explanation. */
export type Severity = "error" | "warning";

export interface CatalogueEntry {
  code: string;
  severity: Severity;
  title: string;
  explanation: string;
}

const CATALOGUE = [
  // --- Errors: the shape of the workbook -------------------------------------------------------
  {
    code: "missing-table",
    severity: "error",
    title: "Sheet or table missing",
    explanation: "One of the return's sheets, or the table on it, is not in the workbook, so its contents cannot be read or checked.",
  },
  {
    code: "missing-header",
    severity: "error",
    title: "Column missing",
    explanation: "A column the return needs is not in its table (no header matches it, ignoring case and extra spaces).",
  },
  {
    code: "misspelt-header",
    severity: "error",
    title: "Column header misspelt",
    explanation: "A header is close to, but not the same as, a column the return needs. The column is read as the one it resembles, but other tools look for the exact name.",
  },
  {
    code: "unknown-framework",
    severity: "error",
    title: "Framework not known",
    explanation: "The workbook does not say which framework it was set up with, or names one this version of Impact Returns does not have and no definition is stored in the workbook.",
  },
  // --- Errors: the officer's own typing mistakes, first (docs/checks.md, Order and grouping) -----
  {
    code: "not-a-number",
    severity: "error",
    title: "Text where a number belongs",
    explanation: "A cell that needs a number holds text that cannot be read as one.",
  },
  {
    code: "not-whole-number",
    severity: "error",
    title: "Decimal in a whole-number field",
    explanation: "A figure counted in whole numbers (people, calls, homes) has a fractional part.",
  },
  {
    code: "below-minimum",
    severity: "error",
    title: "Below the minimum",
    explanation: "A figure is below the smallest value allowed, for example a negative count.",
  },
  {
    code: "above-maximum",
    severity: "error",
    title: "Above the maximum",
    explanation: "A figure is above the largest value the framework allows for it.",
  },
  {
    code: "percent-out-of-range",
    severity: "error",
    title: "Percentage outside 0% to 100%",
    explanation: "A percentage is below 0% or above 100%. Percentages are stored as fractions: 25% is 0.25, so a 25 typed into a percentage cell means 2,500%.",
  },
  {
    code: "not-a-date",
    severity: "error",
    title: "Not a date or month",
    explanation: "A return detail that must be a month or a date holds something that cannot be read as one.",
  },
  {
    code: "invalid-email",
    severity: "error",
    title: "Email address not valid",
    explanation: "The contact email is not a single email address of the form name@example.org.uk.",
  },
  {
    code: "not-in-list",
    severity: "error",
    title: "Value not in its list",
    explanation: "A cell with a list of allowed values (outcome area, consent, case-study month) holds something else.",
  },
  {
    code: "unknown-stakeholder-group",
    severity: "error",
    title: "Stakeholder group not on the Stakeholders sheet",
    explanation: "An impact-map row or case study names a stakeholder group that is not in the Stakeholders table.",
  },
  {
    code: "month-outside-year",
    severity: "error",
    title: "Month outside the reporting year",
    explanation: "A case study's month is not one of the twelve months of this return's reporting year.",
  },
  {
    code: "cell-error",
    severity: "error",
    title: "Excel error in a cell",
    explanation: "A cell shows an Excel error such as #DIV/0!, #REF! or #VALUE! instead of a value.",
  },
  {
    code: "formula-no-value",
    severity: "error",
    title: "Formula without a calculated value",
    explanation: "A cell holds a formula but no calculated result, usually because the file was saved by a program that does not calculate formulas.",
  },
  // --- Errors: measure rows ---------------------------------------------------------------------
  {
    code: "unknown-measure",
    severity: "error",
    title: "Measure not in the framework",
    explanation: "A row of the Measures table has a code (or a code and breakdown) that the framework does not define, or figures with no code at all.",
  },
  {
    code: "duplicate-measure-row",
    severity: "error",
    title: "Measure row repeated",
    explanation: "Two rows of the Measures table have the same Code and Breakdown, so it is not clear which figures count.",
  },
  {
    code: "missing-measure-row",
    severity: "error",
    title: "Measure row missing",
    explanation: "A row the framework calls for (a measure, or one of its breakdowns) is not in the Measures table.",
  },
  // --- Errors: consequences - something left out -----------------------------------------------
  {
    code: "required-field",
    severity: "error",
    title: "Required detail missing",
    explanation: "Organisation, Organisation code and Reporting year start must be filled in on the Return sheet.",
  },
  {
    code: "required-measure-missing",
    severity: "error",
    title: "Required measure not reported",
    explanation: "A month has figures for some measures but is blank for a measure the framework requires. Blank means 'not reported', never zero: type 0 if nothing happened.",
  },
  {
    code: "no-figures",
    severity: "error",
    title: "No figures in the return",
    explanation: "Not one month of the Measures table has a figure, so there is nothing to send. Type the figures of the months reported so far (0 where there was nothing).",
  },
  // --- Warnings ---------------------------------------------------------------------------------
  {
    code: "table-recovered",
    severity: "warning",
    title: "Table missing, read from the sheet",
    explanation: "The sheet is there but its table is not (it may have been converted to a range, or the file saved by another program). Its contents were read from the sheet and checked, but other tools look for the table.",
  },
  {
    code: "number-stored-as-text",
    severity: "warning",
    title: "Number stored as text",
    explanation: "A figure is stored as text (for example pasted as \"1,234\" or with spaces). It was read as a number for the other checks, but Excel will not add it up.",
  },
  {
    code: "date-in-number-cell",
    severity: "warning",
    title: "Date in a number cell",
    explanation: "A figure is shown through a date format, so it is most likely a date typed or pasted into a number cell: Excel keeps the date as its serial number (2024-05-05 becomes 45,417).",
  },
  {
    code: "framework-definition-unreadable",
    severity: "warning",
    title: "Stored framework unreadable",
    explanation: "The framework definition kept on the hidden Framework sheet is damaged (for example a #REF! or a cell edited), so the return was checked against the built-in framework of the same name instead.",
  },
  {
    code: "month-out-of-line",
    severity: "warning",
    title: "Month far out of line",
    explanation: "A month's figure is many times higher or lower than the measure's other months (the factor and the smallest difference that counts come from the framework).",
  },
  {
    code: "looks-like-running-total",
    severity: "warning",
    title: "Looks like a running total",
    explanation: "A flow measure (a figure for the month only) rises every month to several times its first figure, as a running total of the year so far would.",
  },
  {
    code: "zero-after-activity",
    severity: "warning",
    title: "Zero after months of activity",
    explanation: "A measure is 0 straight after at least three months of real activity. If the month was not reported, leave it blank rather than 0.",
  },
  {
    code: "breakdowns-do-not-add-up",
    severity: "warning",
    title: "Breakdowns do not add up to the total",
    explanation: "A measure's breakdown rows for a month do not add up to its Total row (all breakdowns filled in and a different sum, or the breakdowns filled in so far already above the total).",
  },
  {
    code: "gap-in-months",
    severity: "warning",
    title: "Month not reported between reported months",
    explanation:
      "Nothing at all is reported for a month, but earlier and later months have figures; or a measure is blank in a month the return reports, between two months it has figures for.",
  },
  {
    code: "month-overdue",
    severity: "warning",
    title: "Month due but not reported",
    explanation: "A month whose return was due (by the framework's due day of the next month, the 15th unless it says otherwise) has no figure in any measure.",
  },
  {
    code: "duplicate-stakeholder-group",
    severity: "warning",
    title: "Stakeholder group listed twice",
    explanation: "The same stakeholder group appears on more than one row of the Stakeholders table, so its number of people may be counted twice.",
  },
  {
    code: "missing-stakeholder-group",
    severity: "warning",
    title: "Row without a stakeholder group",
    explanation: "A Stakeholders or impact-map row has entries but no stakeholder group, so it cannot be linked to the people it is about.",
  },
  {
    code: "consent-blank",
    severity: "warning",
    title: "Case study consent not recorded",
    explanation: "A case study has no answer in Consent given. Record Yes or No so the story is not used without permission.",
  },
  {
    code: "changed-after-sign-off",
    severity: "warning",
    title: "Data changed after sign-off",
    explanation: "The return was marked ready to send, but its data has changed since (the Data checksum no longer matches). The cells that changed are named when the sign-off recorded them.",
  },
] as const satisfies readonly CatalogueEntry[];

export type CheckCode = (typeof CATALOGUE)[number]["code"];

export const CHECK_CATALOGUE: readonly CatalogueEntry[] = CATALOGUE;

const BY_CODE = new Map<string, CatalogueEntry>(CATALOGUE.map((entry) => [entry.code, entry]));
const ORDER = new Map<string, number>(CATALOGUE.map((entry, index) => [entry.code, index]));

export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return BY_CODE.get(code);
}

export function severityOf(code: CheckCode): Severity {
  return BY_CODE.get(code)!.severity;
}

/** Position in the catalogue, for a stable order of groups; unknown codes last. */
export function catalogueOrder(code: string): number {
  return ORDER.get(code) ?? CATALOGUE.length;
}
