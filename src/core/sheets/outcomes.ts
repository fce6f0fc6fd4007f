/**
 * The Outcomes sheet: table ImpactMap, stakeholders to activities, outputs, outcomes and value.
 * Impact value (£) is a formula Set up writes (src/core/setup/impact-value.ts), locked.
 */
import { NUMBER_FORMAT, SHEET, TABLE } from "../layout/names";
import { fit, headersOf, type SheetContext, type SheetDefinition, entrySheet } from "./types";
import { numberValidation, percentValidation } from "./validations";
import { outcomeAreaColumn, stakeholderGroupColumn } from "./stakeholders";

const percent = (guidance: string) =>
  ({
    cells: "entry",
    numberFormat: NUMBER_FORMAT.percent,
    validation: (_: SheetContext, header: string) => percentValidation(header, guidance),
    read: "percent",
  }) as const;

const COLUMNS = [
  stakeholderGroupColumn(22, "Who this outcome is for: a group from the Stakeholders sheet."),
  { header: "Activity", width: 22, cells: "entry", wrap: true, read: "text" },
  { header: "Output", width: 22, cells: "entry", wrap: true, read: "text" },
  { header: "Outcome", width: 26, cells: "entry", wrap: true, read: "text" },
  outcomeAreaColumn(20, "The framework's outcome area this outcome contributes to."),
  { header: "Indicator", width: 22, cells: "entry", wrap: true, read: "text" },
  { header: "Source", width: 18, cells: "entry", wrap: true, read: "text" },
  {
    header: "Quantity",
    width: fit("Quantity", "1,000,000".length),
    cells: "entry",
    numberFormat: NUMBER_FORMAT.decimal,
    validation: (_, header) => numberValidation(header, false, 0, undefined, "How many people (or other units) experienced the outcome."),
    read: "number",
  },
  {
    header: "Duration (years)",
    width: fit("Duration (years)", 4),
    cells: "entry",
    numberFormat: NUMBER_FORMAT.years,
    validation: (_, header) => numberValidation(header, false, 0, 50, "How many years the outcome lasts. Blank counts as one year."),
    read: "number",
  },
  {
    header: "Financial proxy (£)",
    width: fit("Financial proxy (£)", "£1,000,000.00".length),
    cells: "entry",
    numberFormat: NUMBER_FORMAT.gbp,
    validation: (_, header) => numberValidation(header, false, 0, undefined, "The value in pounds of the outcome for one unit for one year, from a source you name. Type your own proxy."),
    read: "number",
  },
  { header: "Proxy source", width: 18, cells: "entry", wrap: true, read: "text" },
  { header: "Deadweight %", width: fit("Deadweight %", "100%".length), ...percent("How much of the outcome would have happened anyway, without your work.") },
  { header: "Attribution %", width: fit("Attribution %", "100%".length), ...percent("How much of the outcome is owed to other organisations or people.") },
  { header: "Displacement %", width: fit("Displacement %", "100%".length), ...percent("How much of the outcome moved a problem elsewhere rather than solving it.") },
  { header: "Drop-off %", width: fit("Drop-off %", "100%".length), ...percent("How much the outcome fades each year after the first.") },
  { header: "Impact value (£)", width: fit("Impact value (£)", "£100,000,000.00".length), cells: "formula", numberFormat: NUMBER_FORMAT.gbp, read: "formula" },
] as const satisfies SheetDefinition["columns"];

export const IMPACT_MAP_HEADERS = headersOf(COLUMNS);

export const OUTCOMES_SHEET: SheetDefinition = entrySheet(SHEET.outcomes, TABLE.impactMap, COLUMNS);
