/**
 * Every check the engine makes, each defined once: its stable code, severity, title, what it means,
 * and the sentence it says, as a template of typed parameters (`issues.add(code, at, params)`).
 * docs/checks.md shows each entry's examples; test/core/checks/catalogue.test.ts renders them all
 * and compares, so the documentation cannot drift. Codes never change meaning; new checks get new
 * codes.
 */
import { addMonths, monthLabel, serialToDate, type YearMonth } from "../calendar";
import { formatNumber, gbDate, longDateText, longMonthText } from "../format";
import { FIELD, MAX_CELL_TEXT } from "../layout/contract";
import type { CellValue } from "../workbook/types";
import { describeNeed, formatFigure, showValue, type FigureUnit, type NumberSpec } from "./values";

/** How serious an issue is: an error stops sign-off; a warning needs fixing or an explanation. */
export type Severity = "error" | "warning";

export interface CatalogueEntry {
  code: string;
  severity: Severity;
  title: string;
  explanation: string;
}

/** An example of an entry's message, where it would be reported ("Measures!H2"), for the docs and their test. */
export interface MessageExample<P> {
  at: string;
  params: P;
}

interface Entry<C extends string, P> extends CatalogueEntry {
  code: C;
  message: (params: P) => string;
  /** One example of every form the message takes. */
  examples: readonly MessageExample<P>[];
}

function entry<C extends string, P>(e: Entry<C, P>): Entry<C, P> {
  return e;
}

/** A figure with its unit, shown as messages show figures (£ for money, % for percentages). */
export interface Figure {
  value: number;
  unit: FigureUnit;
}

/** A figure and the month it is for ("Jun 2020"). */
export interface MonthFigure {
  value: number;
  month: string;
}

/** A framework as messages name it. */
export interface FrameworkName {
  title: string;
  version: number;
}

type NoParams = Record<never, never>;

function showFigure(f: Figure): string {
  return formatFigure(f.value, f.unit);
}

function frameworkName(f: FrameworkName): string {
  return `"${f.title}" (version ${f.version})`;
}

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
}

/** A reporting year as a span of months: "Apr 2020 to Mar 2021". */
function yearText(start: YearMonth): string {
  return `${monthLabel(start)} to ${monthLabel(addMonths(start, 11))}`;
}

/** An Excel date serial as dd/mm/yyyy (the figure it would show as a date). */
function dateText(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return "not a real date";
  return gbDate(serialToDate(Math.floor(serial)));
}

/** Words officers type instead of leaving a cell blank or typing 0. */
const NOT_A_FIGURE = /^(?:n\/?a|-+|–|—|nil|none|tbc|tbd|unknown|not known|not available|\?+|x)$/i;

/** What to do about a required return detail left blank. */
const REQUIRED_HINT: Partial<Record<string, string>> = {
  [FIELD.organisation]: "Type your organisation's name, as the centre knows it.",
  [FIELD.organisationCode]: "Type the short code the centre gave your organisation.",
  [FIELD.yearStart]: "It is set when the workbook is set up: run Set up again, or type the first month of the reporting year, e.g. Apr 2020.",
};

// Examples shared by several entries (the docs' sample return).
const EXAMPLE_FRAMEWORK: FrameworkName = { title: "Community investment monthly measures", version: 1 };
const EXAMPLE_SPEC = { what: "Welfare calls made (Jun 2020)", unit: "count", whole: true, min: 0, max: 1_000_000, blank: "or leave the cell blank if it was not reported" } as const;
const EXAMPLE_AREAS = ["Social isolation", "Poverty", "Community cohesion", "Health and wellbeing", "Employment and skills", "Environment"];

const CATALOGUE = [
  // --- Errors: the shape of the workbook -------------------------------------------------------
  entry<"missing-table", { kind: "no-sheet"; sheet: string; holds: string } | { kind: "no-table"; sheet: string; table: string; holds: string }>({
    code: "missing-table",
    severity: "error",
    title: "Sheet or table missing",
    explanation:
      "One of the return's sheets, or the table on it, is not in the workbook, so its contents cannot be read or checked.",
    message: (p) =>
      p.kind === "no-table"
        ? `The ${p.sheet} sheet has no ${p.table} table, so ${p.holds} cannot be checked. Restore the table from an earlier copy of the workbook (it must be an Excel table named ${p.table}).`
        : `The workbook has no ${p.sheet} sheet, so ${p.holds} cannot be checked. Copy the sheet back from an earlier copy of the workbook, or start again from a workbook made by Set up.`,
    examples: [
      { at: "Case studies!", params: { kind: "no-sheet", sheet: "Case studies", holds: "the case studies" } },
      { at: "Measures!", params: { kind: "no-table", sheet: "Measures", table: "Measures", holds: "the monthly figures" } },
    ],
  }),
  entry<"missing-header", { table: string; expected: string }>({
    code: "missing-header",
    severity: "error",
    title: "Column missing",
    explanation:
      "A column the return needs is not in its table (no header matches it, ignoring case and extra spaces).",
    message: (p) => `The ${p.table} table has no "${p.expected}" column, so it cannot be checked. Add a column headed "${p.expected}" to the table (running Set up again adds missing columns).`,
    examples: [{ at: "Case studies!A1", params: { table: "CaseStudies", expected: "Consent given" } }],
  }),
  entry<"misspelt-header", { header: string; table: string; expected: string }>({
    code: "misspelt-header",
    severity: "error",
    title: "Column header misspelt",
    explanation:
      "A header is close to, but not the same as, a column the return needs. The column is read as the one it resembles, but other tools look for the exact name.",
    message: (p) =>
      `The header "${p.header.trim()}" is not one the ${p.table} table expects: it looks like "${p.expected}", and was read as that column. Rename the header to "${p.expected}" so other tools find it.`,
    examples: [{ at: "Outcomes!H1", params: { header: "Quantiy", table: "ImpactMap", expected: "Quantity" } }],
  }),
  entry<"unknown-framework", { kind: "not-built-in"; id: string; version?: number | undefined; definition: "missing" | "unreadable" } | { kind: "not-recorded"; frameworkSheet: boolean; checkedAgainst?: FrameworkName | undefined }>({
    code: "unknown-framework",
    severity: "error",
    title: "Framework not known",
    explanation:
      "The workbook does not say which framework it was set up with, or names one this version of Impact Returns does not have and no definition is stored in the workbook.",
    message: (p) => {
      if (p.kind === "not-built-in") {
        const named = `"${p.id}"${p.version !== undefined ? ` version ${p.version}` : ""}`;
        return `This workbook was set up with the framework ${named}, which this version of Impact Returns does not have, and the framework definition stored in the workbook ${p.definition === "unreadable" ? "cannot be read" : "is missing"}. Measures were checked only for numbers, not against the framework: update Impact Returns, or check with the framework file.`;
      }
      const how = p.checkedAgainst ? `It was checked against the built-in ${frameworkName(p.checkedAgainst)}; run` : "Measures were checked only for numbers: run";
      return p.frameworkSheet
        ? `The Framework sheet does not say which framework this workbook was set up with. ${how} Set up again to record the framework.`
        : `The hidden Framework sheet, which records the framework this workbook was set up with, is missing. ${how} Set up again to restore it.`;
    },
    examples: [
      { at: "Framework!B2", params: { kind: "not-built-in", id: "our-own-measures", version: 1, definition: "missing" } },
      { at: "Framework!", params: { kind: "not-recorded", frameworkSheet: false, checkedAgainst: EXAMPLE_FRAMEWORK } },
    ],
  }),
  // --- Errors: the officer's own typing mistakes, first (docs/checks.md, Order and grouping) -----
  entry<"not-a-number", { value: CellValue; spec: NumberSpec }>({
    code: "not-a-number",
    severity: "error",
    title: "Text where a number belongs",
    explanation:
      "A cell that needs a number holds text that cannot be read as one.",
    message: (p) =>
      typeof p.value === "string" && NOT_A_FIGURE.test(p.value.trim())
        ? `${showValue(p.value)} is not a number. For ${p.spec.what} leave the cell blank if there is nothing to report, or type 0 if there were none.`
        : `${showValue(p.value)} is not a number. ${p.spec.what} needs ${describeNeed(p.spec)}: type the figure alone, ${p.spec.blank}.`,
    examples: [
      { at: "Measures!H2", params: { value: "12a", spec: EXAMPLE_SPEC } },
      { at: "Measures!H2", params: { value: "n/a", spec: EXAMPLE_SPEC } },
    ],
  }),
  entry<"not-whole-number", { value: number; what: string }>({
    code: "not-whole-number",
    severity: "error",
    title: "Decimal in a whole-number field",
    explanation:
      "A figure counted in whole numbers (people, calls, homes) has a fractional part.",
    message: (p) => {
      const lo = Math.floor(p.value);
      return `${formatNumber(p.value, 6)} is not a whole number. ${p.what} is counted in whole numbers: type ${formatNumber(lo, 0)} or ${formatNumber(lo + 1, 0)}.`;
    },
    examples: [{ at: "Measures!H18", params: { value: 1335.5, what: "Vulnerable residents (Jun 2020)" } }],
  }),
  entry<"below-minimum", { value: number; spec: NumberSpec & { min: number } }>({
    code: "below-minimum",
    severity: "error",
    title: "Below the minimum",
    explanation:
      "A figure is below the smallest value allowed, for example a negative count.",
    message: (p) => `${formatFigure(p.value, p.spec.unit)} is below the minimum of ${formatFigure(p.spec.min, p.spec.unit)} for ${p.spec.what}. Type ${describeNeed(p.spec)}, ${p.spec.blank}.`,
    examples: [{ at: "Measures!H19", params: { value: -2, spec: { ...EXAMPLE_SPEC, what: "Staff in community-facing roles (Jun 2020)", max: 100_000 } } }],
  }),
  entry<"above-maximum", { value: number; spec: NumberSpec & { max: number } }>({
    code: "above-maximum",
    severity: "error",
    title: "Above the maximum",
    explanation:
      "A figure is above the largest value the framework allows for it.",
    message: (p) =>
      `${formatFigure(p.value, p.spec.unit)} is above the maximum of ${formatFigure(p.spec.max, p.spec.unit)} for ${p.spec.what}. Check for extra digits, or a total typed where a single figure belongs.`,
    examples: [{ at: "Measures!H21", params: { value: 20_000_000, spec: { ...EXAMPLE_SPEC, what: "Residents at risk of rent arrears (Jun 2020)", max: 10_000_000 } } }],
  }),
  entry<"percent-out-of-range", { value: number; what: string }>({
    code: "percent-out-of-range",
    severity: "error",
    title: "Percentage outside 0% to 100%",
    explanation:
      "A percentage is below 0% or above 100%. Percentages are stored as fractions: 25% is 0.25, so a 25 typed into a percentage cell means 2,500%.",
    message: (p) => {
      const n = p.value;
      if (n > 1 && n <= 100) {
        return `${formatNumber(n, 6)} means ${formatNumber(n * 100, 2)}%, which is more than 100%. Percentages are stored as fractions: if you meant ${formatNumber(n, 6)}% for ${p.what}, type ${formatNumber(n, 6)}% (with the % sign) or ${formatNumber(n / 100, 6)}.`;
      }
      return `${formatNumber(n * 100, 2)}% is ${n < 0 ? "below 0%" : "above 100%"}. ${p.what} needs a percentage from 0% to 100%, e.g. 25%.`;
    },
    examples: [
      { at: "Outcomes!L2", params: { value: 25, what: "Deadweight % on impact-map row 2" } },
      { at: "Outcomes!M2", params: { value: -0.1, what: "Attribution % on impact-map row 2" } },
    ],
  }),
  entry<"not-a-date", { kind: "month" | "date"; value: CellValue; field: string }>({
    code: "not-a-date",
    severity: "error",
    title: "Not a date or month",
    explanation:
      "A return detail that must be a month or a date holds something that cannot be read as one.",
    message: (p) =>
      p.kind === "month"
        ? `${showValue(p.value)} is not a month. ${p.field} needs a month such as Apr 2020.`
        : `${showValue(p.value)} is not a date. ${p.field} needs a date such as 15/05/2020.`,
    examples: [
      { at: "Return!B10", params: { kind: "date", value: "soon", field: "Signed off on" } },
      { at: "Return!B4", params: { kind: "month", value: "next year", field: "Reporting year start" } },
    ],
  }),
  entry<"invalid-email", { value: CellValue }>({
    code: "invalid-email",
    severity: "error",
    title: "Email address not valid",
    explanation:
      "An email address on the Return sheet (the contact's or the centre's) is not a single email address of the form name@example.org.uk.",
    message: (p) => `${showValue(p.value)} is not a valid email address. Type one address, such as name@example.org.uk.`,
    examples: [{ at: "Return!B7", params: { value: "priya.shah@northgate" } }],
  }),
  entry<"not-in-list", { kind: "outcome-area"; value: string; allowed: readonly string[]; suggestion?: string | undefined } | { kind: "month"; value: CellValue; yearStart?: YearMonth | undefined } | { kind: "consent"; value: CellValue } | { kind: "share"; value: CellValue }>({
    code: "not-in-list",
    severity: "error",
    title: "Value not in its list",
    explanation:
      "A cell with a list of allowed values (outcome area, consent, case-study month, whether to share a reflection) holds something else.",
    message: (p) => {
      switch (p.kind) {
        case "outcome-area":
          return `${showValue(p.value)} is not an outcome area of the framework${didYouMean(p.suggestion)}. Choose one of: ${p.allowed.join(", ")}.`;
        case "month":
          return `${showValue(p.value)} is not a month. Choose the month the story happened from the list${p.yearStart ? ` (${yearText(p.yearStart)})` : ""}, e.g. ${p.yearStart ? monthLabel(p.yearStart) : "Apr 2020"}.`;
        case "consent":
          return `${showValue(p.value)} is not an answer to Consent given. Choose Yes or No from the list.`;
        case "share":
          return `${showValue(p.value)} is not an answer to Share with the centre, so the reflection stays in this workbook. Choose Yes to send it to the centre with the return, or No to keep it here.`;
      }
    },
    examples: [
      { at: "Outcomes!E3", params: { kind: "outcome-area", value: "Loneliness", allowed: EXAMPLE_AREAS } },
      { at: "Outcomes!E4", params: { kind: "outcome-area", value: "Poverty relief", allowed: EXAMPLE_AREAS, suggestion: "Poverty" } },
      { at: "Case studies!B4", params: { kind: "month", value: "Summer", yearStart: { year: 2020, month: 4 } } },
      { at: "Case studies!G5", params: { kind: "consent", value: "Maybe" } },
      { at: "Reflections!D6", params: { kind: "share", value: "Maybe later" } },
    ],
  }),
  entry<"text-too-long", { what: string; length: number }>({
    code: "text-too-long",
    severity: "error",
    title: "Text longer than a cell holds",
    explanation:
      `A cell holds more text than Excel keeps in one cell (${formatNumber(MAX_CELL_TEXT, 0)} characters), as a file written by another program can: Excel would cut it short.`,
    message: (p) =>
      `${p.what} is ${formatNumber(p.length, 0)} characters long, more than the ${formatNumber(MAX_CELL_TEXT, 0)} an Excel cell holds, so Excel would cut it short. Shorten it, or carry it on in a row of its own.`,
    examples: [{ at: "Reflections!C5", params: { what: "The reflection on row 5", length: 40_000 } }],
  }),
  entry<"unknown-stakeholder-group", { group: string; of: "outcome" | "story"; suggestion?: string | undefined }>({
    code: "unknown-stakeholder-group",
    severity: "error",
    title: "Stakeholder group not on the Stakeholders sheet",
    explanation:
      "An impact-map row or case study names a stakeholder group that is not in the Stakeholders table.",
    message: (p) =>
      `${showValue(p.group)} is not a stakeholder group on the Stakeholders sheet. Choose the ${p.of}'s group from the list${didYouMean(p.suggestion)}, or add ${showValue(p.group)} to the Stakeholders table first.`,
    examples: [{ at: "Outcomes!A4", params: { group: "Older people", of: "outcome", suggestion: "Older residents" } }],
  }),
  entry<"month-outside-year", { month: YearMonth; yearStart: YearMonth }>({
    code: "month-outside-year",
    severity: "error",
    title: "Month outside the reporting year",
    explanation:
      "A case study's month is not one of the twelve months of this return's reporting year.",
    message: (p) =>
      `${monthLabel(p.month)} is outside this return's reporting year (${yearText(p.yearStart)}). Choose the month within the year when the story happened, or keep the story for the return of its own year.`,
    examples: [{ at: "Case studies!B2", params: { month: { year: 2019, month: 6 }, yearStart: { year: 2020, month: 4 } } }],
  }),
  entry<"cell-error", { kind: "cell"; what: string; error: string; formula: boolean } | { kind: "impact-value"; row: number; error: string }>({
    code: "cell-error",
    severity: "error",
    title: "Excel error in a cell",
    explanation:
      "A cell shows an Excel error such as #DIV/0!, #REF! or #VALUE! instead of a value.",
    message: (p) => {
      if (p.kind === "impact-value") {
        return `The impact value on row ${p.row} shows the Excel error ${p.error}. Check the row's quantity, duration, proxy and percentages are numbers.`;
      }
      return p.formula
        ? `${p.what} shows the Excel error ${p.error}. Fix the formula or the cells it uses, or replace it with the figure.`
        : `${p.what} holds the Excel error ${p.error}. Replace it with the figure, or clear the cell.`;
    },
    examples: [
      { at: "Measures!H2", params: { kind: "cell", what: "Welfare calls made (Jun 2020)", error: "#REF!", formula: true } },
      { at: "Measures!I2", params: { kind: "cell", what: "Welfare calls made (Jul 2020)", error: "#N/A", formula: false } },
      { at: "Outcomes!P3", params: { kind: "impact-value", row: 3, error: "#VALUE!" } },
    ],
  }),
  entry<"formula-no-value", { kind: "cell"; what: string; formula: CellValue } | { kind: "impact-value"; row: number }>({
    code: "formula-no-value",
    severity: "error",
    title: "Formula without a calculated value",
    explanation:
      "A cell holds a formula but no calculated result, usually because the file was saved by a program that does not calculate formulas.",
    message: (p) =>
      p.kind === "impact-value"
        ? `The impact value on row ${p.row} has a formula but no calculated value, so it cannot be checked. Open the workbook in Excel and save it again so the formula is calculated.`
        : `${p.what} has a formula (${showValue(p.formula)}) but no calculated value, so it cannot be checked. Open the workbook in Excel and save it again so the formula is calculated.`,
    examples: [
      { at: "Measures!H2", params: { kind: "cell", what: "Welfare calls made (Jun 2020)", formula: "=400+80" } },
      { at: "Outcomes!P3", params: { kind: "impact-value", row: 3 } },
    ],
  }),
  // --- Errors: measure rows ---------------------------------------------------------------------
  entry<"unknown-measure", | { kind: "no-code" }
  | { kind: "not-in-framework"; code: string; framework: FrameworkName; suggestion?: string | undefined }
  | { kind: "no-breakdowns"; measure: string; breakdown: string }
  | { kind: "breakdown-blank"; measure: string; allowed: readonly string[] }
  | { kind: "not-a-breakdown"; measure: string; breakdown: string; allowed: readonly string[] }>({
    code: "unknown-measure",
    severity: "error",
    title: "Measure not in the framework",
    explanation:
      "A row of the Measures table has a code (or a code and breakdown) that the framework does not define, or figures with no code at all.",
    message: (p) => {
      switch (p.kind) {
        case "no-code":
          return "This row has figures but no measure code, so they cannot be counted. Put the figures in the row of the measure they belong to, then delete this row.";
        case "not-in-framework":
          return `${showValue(p.code)} is not a measure in the framework ${frameworkName(p.framework)}. Correct the code${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ""}, or delete the row if it was added by mistake: its figures are not counted.`;
        case "no-breakdowns":
          return `${p.measure} has no breakdowns, but this row says ${showValue(p.breakdown)}. Clear the Breakdown cell and keep one row for ${p.measure}, or delete this row.`;
        case "breakdown-blank":
          return `${p.measure} is broken down, so this row's Breakdown must say which part it is: one of ${p.allowed.join(", ")}.`;
        case "not-a-breakdown":
          return `${showValue(p.breakdown)} is not a breakdown of ${p.measure}. Use one of ${p.allowed.join(", ")}, or delete the row.`;
      }
    },
    examples: [
      { at: "Measures!A23", params: { kind: "not-in-framework", code: "WELFARE_CALL", framework: EXAMPLE_FRAMEWORK, suggestion: "WELFARE_CALLS" } },
      { at: "Measures!A24", params: { kind: "no-code" } },
      { at: "Measures!C25", params: { kind: "no-breakdowns", measure: "Welfare calls made", breakdown: "Phone" } },
      { at: "Measures!C26", params: { kind: "breakdown-blank", measure: "Food interventions", allowed: ["Total", "Food bank referrals", "Food parcels"] } },
      { at: "Measures!C27", params: { kind: "not-a-breakdown", measure: "Food interventions", breakdown: "Vouchers", allowed: ["Total", "Food bank referrals", "Food parcels"] } },
    ],
  }),
  entry<"duplicate-measure-row", { measure: string; firstRow: number }>({
    code: "duplicate-measure-row",
    severity: "error",
    title: "Measure row repeated",
    explanation:
      "Two rows of the Measures table have the same Code and Breakdown, so it is not clear which figures count.",
    message: (p) => `This row repeats ${p.measure} (also on row ${p.firstRow}). Keep one row for it: move any figures to row ${p.firstRow}, then delete this row.`,
    examples: [{ at: "Measures!A23", params: { measure: "Welfare calls made", firstRow: 2 } }],
  }),
  entry<"missing-measure-row", { measure: string; code: string; breakdown: string }>({
    code: "missing-measure-row",
    severity: "error",
    title: "Measure row missing",
    explanation:
      "A row the framework calls for (a measure, or one of its breakdowns) is not in the Measures table.",
    message: (p) => {
      const row = p.breakdown === "" ? p.measure : `${p.measure}: ${p.breakdown}`;
      const which = p.breakdown === "" ? `code ${p.code}` : `code ${p.code}, breakdown "${p.breakdown}"`;
      return `The Measures table has no row for ${row} (${which}), so it cannot be reported. Run Set up again to restore the row.`;
    },
    examples: [{ at: "Measures!A1", params: { measure: "Residents on Universal Credit", code: "UNIVERSAL_CREDIT", breakdown: "" } }],
  }),
  // --- Errors: consequences - something left out -----------------------------------------------
  entry<"required-field", { kind: "no-row" | "blank"; field: string }>({
    code: "required-field",
    severity: "error",
    title: "Required detail missing",
    explanation:
      "Organisation, Organisation code and Reporting year start must be filled in on the Return sheet.",
    message: (p) =>
      p.kind === "no-row"
        ? `The return details have no "${p.field}" row. Run Set up again to restore it, then fill it in.`
        : `${p.field} is blank. ${REQUIRED_HINT[p.field] ?? "Fill it in."}`,
    examples: [
      { at: "Return!B2", params: { kind: "blank", field: "Organisation" } },
      { at: "Return!A1", params: { kind: "no-row", field: "Organisation code" } },
    ],
  }),
  entry<"required-measure-missing", { measure: string; month: string; breakdownsTotal?: Figure | undefined }>({
    code: "required-measure-missing",
    severity: "error",
    title: "Required measure not reported",
    explanation:
      "A month has figures for some measures but is blank for a measure the framework requires. Blank means 'not reported', never zero: type 0 if nothing happened.",
    message: (p) =>
      `${p.measure} is required but blank for ${p.month}, although other measures have figures for that month.${
        p.breakdownsTotal
          ? ` Its breakdowns are filled in (${showFigure(p.breakdownsTotal)} in all): type the Total as well.`
          : " Type the figure, or 0 if there was none: blank means not reported."
      }`,
    examples: [
      { at: "Measures!H2", params: { measure: "Welfare calls made", month: "Jun 2020" } },
      { at: "Measures!H13", params: { measure: "Food interventions", month: "Jun 2020", breakdownsTotal: { value: 428, unit: "count" } } },
    ],
  }),
  entry<"no-figures", { firstMonth: string }>({
    code: "no-figures",
    severity: "error",
    title: "No figures in the return",
    explanation:
      "Not one month of the Measures table has a figure, so there is nothing to send. Type the figures of the months reported so far (0 where there was nothing).",
    message: (p) =>
      `The return has no figures: not one month of the Measures table is filled in, so there is nothing to send. Type the figures for the months reported so far, starting with ${p.firstMonth} (0 where there was nothing).`,
    examples: [{ at: "Measures!F2", params: { firstMonth: "Apr 2020" } }],
  }),
  // --- Warnings ---------------------------------------------------------------------------------
  entry<"table-recovered", { sheet: string; table: string; holds: string }>({
    code: "table-recovered",
    severity: "warning",
    title: "Table missing, read from the sheet",
    explanation:
      "The sheet is there but its table is not (it may have been converted to a range, or the file saved by another program). Its contents were read from the sheet and checked, but other tools look for the table.",
    message: (p) =>
      `The ${p.sheet} sheet has no ${p.table} table (it may have been converted to a range, or the file saved by another program), so ${p.holds} were read from the sheet itself. Select the headers and data and use Insert > Table, then name the table ${p.table} (Table Design > Table Name).`,
    examples: [{ at: "Case studies!", params: { sheet: "Case studies", table: "CaseStudies", holds: "the case studies" } }],
  }),
  entry<"number-stored-as-text", { value: CellValue; read: Figure }>({
    code: "number-stored-as-text",
    severity: "warning",
    title: "Number stored as text",
    explanation:
      "A figure is stored as text (for example pasted as \"1,234\" or with spaces). It was read as a number for the other checks, but Excel will not add it up.",
    message: (p) =>
      `${showValue(p.value)} is stored as text, not as a number. It was read as ${showFigure(p.read)}, but Excel will not add it up: retype the figure in the cell (or use Excel's Convert to Number).`,
    examples: [{ at: "Measures!H2", params: { value: " 480 ", read: { value: 480, unit: "count" } } }],
  }),
  entry<"date-in-number-cell", { figure: Figure; what: string }>({
    code: "date-in-number-cell",
    severity: "warning",
    title: "Date in a number cell",
    explanation:
      "A figure is shown through a date format, so it is most likely a date typed or pasted into a number cell: Excel keeps the date as its serial number (2024-05-05 becomes 45,417).",
    message: (p) =>
      `${showFigure(p.figure)} is shown as a date (${dateText(p.figure.value)}), so it is probably a date typed or pasted where ${p.what} belongs: Excel stores a date as a count of days. Type the figure, or clear the cell; then set the cell back to a number format (Home > Number).`,
    examples: [{ at: "Measures!H2", params: { figure: { value: 45_417, unit: "count" }, what: "Welfare calls made to residents" } }],
  }),
  entry<"framework-definition-unreadable", { error?: string | undefined; checkedAgainst: FrameworkName }>({
    code: "framework-definition-unreadable",
    severity: "warning",
    title: "Stored framework unreadable",
    explanation:
      "The framework definition kept on the hidden Framework sheet is damaged (for example a #REF! or a cell edited), so the return was checked against the built-in framework of the same name instead.",
    message: (p) =>
      `The framework definition stored on the hidden Framework sheet cannot be read (a cell of it holds ${p.error ? `the Excel error ${p.error}` : "text that is not a whole framework definition"}), so the return was checked against the built-in ${frameworkName(p.checkedAgainst)} instead. If your centre gave you a changed framework, the checks may differ from it: run Set up again with that framework to store it afresh.`,
    examples: [{ at: "Framework!", params: { error: "#REF!", checkedAgainst: EXAMPLE_FRAMEWORK } }],
  }),
  entry<"month-out-of-line", | { kind: "above-previous" | "below-previous"; measure: string; month: string; figure: Figure; previous: number; previousMonth: string }
  | { kind: "above-typical" | "below-typical"; measure: string; month: string; figure: Figure; typical: number }>({
    code: "month-out-of-line",
    severity: "warning",
    title: "Month far out of line",
    explanation:
      "A month's figure is many times higher or lower than the measure's other months (the factor and the smallest difference that counts come from the framework).",
    message: (p) => {
      const v = p.figure.value;
      const show = (n: number) => formatFigure(n, p.figure.unit);
      const head = `${showFigure(p.figure)} for ${p.measure} in ${p.month} is`;
      switch (p.kind) {
        case "above-previous":
          return `${head} ${formatNumber(v / p.previous, 1)} times the month before it (${show(p.previous)} in ${p.previousMonth}). Check both months for a typing slip or an extra digit; if the figures are right, explain why.`;
        case "below-previous":
          return `${head} far below the month before it (${show(p.previous)} in ${p.previousMonth}): about ${formatNumber((v / p.previous) * 100, 0)}% of it. Check both months for a missing digit or a figure for part of the month; if the figures are right, explain why.`;
        case "above-typical":
          return `${head} ${formatNumber(v / p.typical, 1)} times its typical month (${show(p.typical)}, the median of the other months). Check for a typing slip or an extra digit; if the figure is right, explain why.`;
        case "below-typical":
          return `${head} far below its typical month (${show(p.typical)}, the median of the other months): about ${formatNumber((v / p.typical) * 100, 0)}% of it. Check for a missing digit or a figure for part of the month; if the figure is right, explain why.`;
      }
    },
    examples: [
      { at: "Measures!H2", params: { kind: "above-typical", measure: "Welfare calls made", month: "Jun 2020", figure: { value: 4800, unit: "count" }, typical: 420 } },
      { at: "Measures!H2", params: { kind: "below-typical", measure: "Welfare calls made", month: "Jun 2020", figure: { value: 42, unit: "count" }, typical: 420 } },
      { at: "Measures!G2", params: { kind: "above-previous", measure: "Welfare calls made", month: "May 2020", figure: { value: 2500, unit: "count" }, previous: 25, previousMonth: "Apr 2020" } },
      { at: "Measures!G2", params: { kind: "below-previous", measure: "Welfare calls made", month: "May 2020", figure: { value: 25, unit: "count" }, previous: 2500, previousMonth: "Apr 2020" } },
    ],
  }),
  entry<"looks-like-running-total", { measure: string; unit: FigureUnit; first: MonthFigure; last: MonthFigure; beforeLast: number }>({
    code: "looks-like-running-total",
    severity: "warning",
    title: "Looks like a running total",
    explanation:
      "A flow measure (a figure for the month only) rises every month to several times its first figure, as a running total of the year so far would.",
    message: (p) => {
      const show = (n: number) => formatFigure(n, p.unit);
      return `${p.measure} rises every month, from ${show(p.first.value)} in ${p.first.month} to ${show(p.last.value)} in ${p.last.month}, as a running total of the year so far would. It is a flow: each month should hold that month's figure only (if these are running totals, ${p.last.month} would be ${show(p.last.value - p.beforeLast)}). Correct the figures, or explain why they rise like this.`;
    },
    examples: [{ at: "Measures!K2", params: { measure: "Welfare calls made", unit: "count", first: { value: 420, month: "Apr 2020" }, last: { value: 2660, month: "Sep 2020" }, beforeLast: 2210 } }],
  }),
  entry<"zero-after-activity", { measure: string; month: string; unit: FigureUnit; before: readonly MonthFigure[] }>({
    code: "zero-after-activity",
    severity: "warning",
    title: "Zero after months of activity",
    explanation:
      "A measure is 0 straight after at least three months of real activity. If the month was not reported, leave it blank rather than 0.",
    message: (p) =>
      `${p.measure} is 0 for ${p.month}, straight after ${p.before.map((b) => `${formatFigure(b.value, p.unit)} in ${b.month}`).join(", ")}. If ${p.month} has not been reported yet, leave the cell blank rather than 0; if nothing happened that month, explain why.`,
    examples: [
      {
        at: "Measures!K2",
        params: {
          measure: "Welfare calls made",
          month: "Sep 2020",
          unit: "count",
          before: [
            { value: 480, month: "Jun 2020" },
            { value: 390, month: "Jul 2020" },
            { value: 405, month: "Aug 2020" },
          ],
        },
      },
    ],
  }),
  entry<"breakdowns-do-not-add-up", { kind: "differ" | "above-total"; measure: string; month: string; unit: FigureUnit; sum: number; total: number }>({
    code: "breakdowns-do-not-add-up",
    severity: "warning",
    title: "Breakdowns do not add up to the total",
    explanation:
      "A measure's breakdown rows for a month do not add up to its Total row (all breakdowns filled in and a different sum, or the breakdowns filled in so far already above the total).",
    message: (p) => {
      const show = (n: number) => formatFigure(n, p.unit);
      return p.kind === "differ"
        ? `The breakdowns of ${p.measure} for ${p.month} add up to ${show(p.sum)}, but the Total is ${show(p.total)} (a difference of ${show(Math.abs(p.sum - p.total))}). Correct the Total or the breakdowns so they agree.`
        : `The breakdowns of ${p.measure} filled in for ${p.month} already add up to ${show(p.sum)}, more than the Total of ${show(p.total)}. Correct the Total or the breakdowns so they agree.`;
    },
    examples: [
      { at: "Measures!H13", params: { kind: "differ", measure: "Food interventions", month: "Jun 2020", unit: "count", sum: 428, total: 448 } },
      { at: "Measures!I13", params: { kind: "above-total", measure: "Food interventions", month: "Jul 2020", unit: "count", sum: 460, total: 448 } },
    ],
  }),
  entry<"gap-in-months", | { kind: "month"; month: string; dueBy?: string | undefined; before: string; after: string }
  | { kind: "measure"; measure: string; month: string; before: string; after: string }>({
    code: "gap-in-months",
    severity: "warning",
    title: "Month not reported between reported months",
    explanation:
      "Nothing at all is reported for a month, but earlier and later months have figures; or a measure is blank in a month the return reports, between two months it has figures for.",
    message: (p) =>
      p.kind === "month"
        ? `Nothing is reported for ${p.month}${p.dueBy ? ` (it was due by ${longDateText(p.dueBy)})` : ""}, but ${p.before} and ${p.after} have figures. Fill in ${p.month}, or explain why it was not reported.`
        : `${p.measure} has no figure for ${p.month}, though ${p.before} and ${p.after} have figures. Type the figure (0 if there was none), or explain why it was not reported.`,
    examples: [
      { at: "Measures!I1", params: { kind: "month", month: "Jul 2020", dueBy: "2020-08-15", before: "Jun 2020", after: "Aug 2020" } },
      { at: "Measures!H17", params: { kind: "measure", measure: "Volunteer hours given", month: "Jun 2020", before: "May 2020", after: "Jul 2020" } },
    ],
  }),
  entry<"month-overdue", { month: YearMonth; dueBy: string }>({
    code: "month-overdue",
    severity: "warning",
    title: "Month due but not reported",
    explanation:
      "A month whose return was due (by the framework's due day of the next month, the 15th unless it says otherwise) has no figure in any measure.",
    message: (p) => `${longMonthText(p.month)} was due by ${longDateText(p.dueBy)} and has no figures. Type its figures (0 where there was nothing), or explain why it is late.`,
    examples: [{ at: "Measures!I1", params: { month: { year: 2020, month: 7 }, dueBy: "2020-08-15" } }],
  }),
  entry<"duplicate-stakeholder-group", { group: string; firstRow: number }>({
    code: "duplicate-stakeholder-group",
    severity: "warning",
    title: "Stakeholder group listed twice",
    explanation:
      "The same stakeholder group appears on more than one row of the Stakeholders table, so its number of people may be counted twice.",
    message: (p) =>
      `${showValue(p.group)} is already listed on row ${p.firstRow}. Keep one row for each group: merge the two rows, or rename one if they are different groups.`,
    examples: [{ at: "Stakeholders!A9", params: { group: "Older residents", firstRow: 3 } }],
  }),
  entry<"missing-stakeholder-group", { table: "stakeholders" | "impact-map" }>({
    code: "missing-stakeholder-group",
    severity: "warning",
    title: "Row without a stakeholder group",
    explanation:
      "A Stakeholders or impact-map row has entries but no stakeholder group, so it cannot be linked to the people it is about.",
    message: (p) =>
      p.table === "stakeholders"
        ? "This row has entries but no stakeholder group. Name the group, or clear the row if it is not needed."
        : "This impact-map row has entries but no stakeholder group. Choose who the outcome is for from the list (add the group on the Stakeholders sheet first if it is not there).",
    examples: [
      { at: "Outcomes!A5", params: { table: "impact-map" } },
      { at: "Stakeholders!A6", params: { table: "stakeholders" } },
    ],
  }),
  entry<"consent-blank", NoParams>({
    code: "consent-blank",
    severity: "warning",
    title: "Case study consent not recorded",
    explanation:
      "A case study has no answer in Consent given. Record Yes or No so the story is not used without permission.",
    message: () =>
      "Consent given is blank for this case study. Record Yes if the people in the story agreed to it being used, or No if they did not, so the story is never used without permission.",
    examples: [{ at: "Case studies!G3", params: {} }],
  }),
  entry<"changed-after-sign-off", { kind: "cell"; what: string } | { kind: "data" }>({
    code: "changed-after-sign-off",
    severity: "warning",
    title: "Data changed after sign-off",
    explanation:
      "The return was marked ready to send, but its data has changed since (the Data checksum no longer matches). The cells that changed are named when the sign-off recorded them.",
    message: (p) =>
      p.kind === "cell"
        ? `${p.what} has changed since the return was marked ready to send. Check the change is meant, then mark the return ready to send again so the sign-off covers the figures being sent.`
        : "The data has changed since the return was marked ready to send. Check the changes are meant, then mark the return ready to send again so the sign-off covers the figures being sent.",
    examples: [
      { at: "Measures!G2", params: { kind: "cell", what: "Welfare calls made (May 2020)" } },
      { at: "Return!B11", params: { kind: "data" } },
    ],
  }),
] as const;

type AnyEntry = (typeof CATALOGUE)[number];
export type CheckCode = AnyEntry["code"];
/** The parameters of a code's message. */
export type MessageParams<C extends CheckCode> = Parameters<Extract<AnyEntry, { code: C }>["message"]>[0];

export const CHECK_CATALOGUE: readonly CatalogueEntry[] = CATALOGUE;

const BY_CODE = new Map<string, AnyEntry>(CATALOGUE.map((e) => [e.code, e]));
const ORDER = new Map<string, number>(CATALOGUE.map((e, index) => [e.code, index]));

export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return BY_CODE.get(code);
}

export function severityOf(code: CheckCode): Severity {
  return BY_CODE.get(code)!.severity;
}

/** The sentence an issue says, from its code's template. */
export function renderMessage<C extends CheckCode>(code: C, params: MessageParams<C>): string {
  const e = BY_CODE.get(code)!;
  return (e.message as (p: MessageParams<C>) => string)(params);
}

/** Each entry's examples rendered, as docs/checks.md shows them: "`Measures!H2`: message". */
export function renderedExamples(): { code: CheckCode; at: string; params: unknown; message: string }[] {
  return CATALOGUE.flatMap((e) =>
    (e.examples as readonly MessageExample<unknown>[]).map((x) => ({ code: e.code, at: x.at, params: x.params, message: (e.message as (p: unknown) => string)(x.params) })),
  );
}

/** Position in the catalogue, for a stable order of groups; unknown codes last. */
export function catalogueOrder(code: string): number {
  return ORDER.get(code) ?? CATALOGUE.length;
}
