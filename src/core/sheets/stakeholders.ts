/** The Stakeholders sheet: table Stakeholders, the groups the work affects (their names are the list the impact map and case studies offer). */
import { NUMBER_FORMAT, SHEET, TABLE } from "../layout/names";
import { headersOf, type SheetContext, type SheetDefinition, entrySheet } from "./types";
import { listRangeValidation, numberValidation } from "./validations";

const COLUMNS = [
  { header: "Stakeholder group", width: 30, cells: "entry", wrap: true, read: "text" },
  { header: "Description", width: 50, cells: "entry", wrap: true, read: "text" },
  {
    header: "Number of people",
    width: 16,
    cells: "entry",
    numberFormat: NUMBER_FORMAT.count,
    validation: (_, header) => numberValidation(header, true, 0, undefined, "How many people in this group your work reached or affected this year."),
    read: "whole",
  },
  { header: "How they are affected", width: 50, cells: "entry", wrap: true, read: "text" },
] as const satisfies SheetDefinition["columns"];

export const STAKEHOLDER_HEADERS = headersOf(COLUMNS);

export const STAKEHOLDERS_SHEET: SheetDefinition = entrySheet(SHEET.stakeholders, TABLE.stakeholders, COLUMNS);

/** The column whose values are the list of groups offered elsewhere. */
export const STAKEHOLDER_GROUP = STAKEHOLDER_HEADERS[0];

/** What an error on a group dropdown tells the officer to do. */
export const ADD_GROUP_HINT = "To add a group, type it on the Stakeholders sheet first.";

/** A column naming a stakeholder group, picked from the Stakeholders sheet's list (the impact map's and the case studies'). */
export function stakeholderGroupColumn(width: number, prompt: string) {
  return {
    header: "Stakeholder group",
    width,
    cells: "entry",
    validation: (c: SheetContext, header: string) => listRangeValidation(header, c.lists.stakeholderGroups, prompt, ADD_GROUP_HINT),
    read: "list",
  } as const;
}

/** A column naming one of the framework's outcome areas, picked from its list. */
export function outcomeAreaColumn(width: number, prompt: string) {
  return { header: "Outcome area", width, cells: "entry", validation: (c: SheetContext, header: string) => listRangeValidation(header, c.lists.outcomeAreas, prompt), read: "list" } as const;
}
