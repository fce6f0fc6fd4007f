/** The Case studies sheet: table CaseStudies, the stories behind the numbers. */
import { NUMBER_FORMAT, SHEET, TABLE, YES_NO } from "../layout/names";
import { fit, headersOf, type ColumnDefinition, type SheetDefinition, entrySheet } from "./types";
import { listRangeValidation, listValidation } from "./validations";
import { outcomeAreaColumn, stakeholderGroupColumn } from "./stakeholders";

/**
 * A `Month` column of an entry sheet (Case studies, Reflections): a real date, the first of the
 * month, formatted "mmm yyyy", validated by the list of the reporting year's month-start dates on
 * the Framework sheet (formatted the same way, so the dropdown offers "Apr 2026" ...). Typing a
 * month gives that date in Excel, LibreOffice and the preview alike: "Aug 2026", "August 2026" and
 * "01/08/2026" (en-GB) are all read as 1 Aug 2026, which is in the list. A column of text months
 * could not be typed into: Excel turns "Aug 2026" into a date, which a list of text refuses.
 * Months typed as text before (layout 1.2 and earlier: `'Aug 2026`) stay as they are; the reader
 * and Check read text months and dates alike. docs/return-format.md says so for officers.
 */
export function monthColumn<const H extends string>(header: H, guidance: string) {
  return {
    header,
    width: fit(header, "Sep 2025".length),
    cells: "entry",
    numberFormat: NUMBER_FORMAT.month,
    validation: (c, h) => listRangeValidation(h, c.lists.months, guidance, "Or type a month of this reporting year, such as Aug 2026."),
    read: "month",
  } as const satisfies ColumnDefinition;
}

const COLUMNS = [
  { header: "Title", width: 30, cells: "entry", wrap: true, read: "text" },
  monthColumn("Month", "The month the story happened, within this reporting year."),
  outcomeAreaColumn(22, "The outcome area the story shows."),
  stakeholderGroupColumn(24, "Who the story is about: a group from the Stakeholders sheet."),
  { header: "What happened", width: 56, cells: "entry", wrap: true, read: "text" },
  { header: "How this is different", width: fit("How this is different", 50), cells: "entry", wrap: true, read: "text" },
  {
    header: "Consent given",
    width: fit("Consent given", 3),
    cells: "entry",
    validation: (_, header) => listValidation(header, YES_NO, "Yes only if the people in the story agreed to it being used."),
    read: "yes-no",
  },
] as const satisfies SheetDefinition["columns"];

export const CASE_STUDY_HEADERS = headersOf(COLUMNS);

export const CASE_STUDIES_SHEET: SheetDefinition = entrySheet(SHEET.caseStudies, TABLE.caseStudies, COLUMNS);
