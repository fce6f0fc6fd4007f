/** The Case studies sheet: table CaseStudies, the stories behind the numbers. */
import { SHEET, TABLE, YES_NO } from "../layout/names";
import { fit, headersOf, type SheetDefinition, entrySheet } from "./types";
import { listRangeValidation, listValidation } from "./validations";
import { outcomeAreaColumn, stakeholderGroupColumn } from "./stakeholders";

const COLUMNS = [
  { header: "Title", width: 30, cells: "entry", wrap: true, read: "text" },
  {
    header: "Month",
    width: fit("Month", "Sep 2025".length),
    cells: "entry",
    validation: (c, header) => listRangeValidation(header, c.lists.months, "The month the story happened, within this reporting year."),
    read: "month",
  },
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
