/**
 * The Reflections sheet (layout 1.2): table Reflections, the team's own reflections month by month,
 * against the framework's prompts ("What have we learnt?"). First and foremost an internal tool:
 * only a row whose `Share with the centre` is Yes ever leaves the workbook (Collate's Reflections
 * sheet); the others are read for the organisation's own Board summary only.
 */
import { reflectionPromptsOf } from "../framework/reflection-prompts";
import { SHEET, TABLE, YES_NO } from "../layout/names";
import { monthColumn } from "./case-studies";
import { fit, headersOf, type SheetDefinition, entrySheet } from "./types";
import { listValidation } from "./validations";

/** What Set up writes in `Share with the centre` on the rows it offers: nothing is shared until an officer says so. */
export const SHARE_DEFAULT = "No";

const COLUMNS = [
  // Typed and validated as the Case studies sheet's Month: a month of the reporting year, a date from the list.
  monthColumn("Month", "The month the reflection is about, within this reporting year."),
  // Wide enough for the framework's prompts on one line (printed rows do not grow for wrapped text everywhere).
  { header: "Prompt", width: (c) => fit("Prompt", Math.max(20, ...reflectionPromptsOf(c.framework).map((p) => p.length))), cells: "entry", wrap: true, read: "text" },
  { header: "Reflection", width: 60, cells: "entry", wrap: true, read: "text" },
  {
    header: "Share with the centre",
    width: fit("Share with the centre", 3),
    cells: "entry",
    validation: (_, header) => listValidation(header, YES_NO, "Yes to send this reflection to the centre with the return; No keeps it in this workbook."),
    read: "yes-no",
  },
] as const satisfies SheetDefinition["columns"];

export const REFLECTION_HEADERS = headersOf(COLUMNS);

export const REFLECTIONS_SHEET: SheetDefinition = entrySheet(SHEET.reflections, TABLE.reflections, COLUMNS);
