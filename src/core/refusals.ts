/**
 * Why Impact Returns will not change a workbook, each reason written once: Set up's and Summarise's
 * blockers (including Set up's framework and year), the Checks list that cannot be written, and Collate's refusals all say "a sheet we did
 * not make" and "a name Excel already uses" in these words. Each reason has a code (for tests and
 * tools) and a template; the capability only says who is acting.
 */

import { safeText } from "./safe-text";

/** Who is refusing: each has its own consequence and its own "try again". */
export type Actor = "setup" | "summarise" | "check" | "collate";

const KEPT: Record<Actor, string> = {
  setup: "Set up will not overwrite it",
  summarise: "Summarise will not replace it",
  check: "the list of checks was not written",
  collate: "Collate will not replace it",
};

const AGAIN: Record<Actor, string> = {
  setup: "run Set up again",
  summarise: "summarise again",
  check: "check again",
  collate: "add the files again",
};

export type RefusalCode =
  | "foreign-sheet"
  | "table-elsewhere"
  | "defined-name-clash"
  | "table-name-clash"
  | "other-framework"
  | "newer-framework-version"
  | "other-reporting-year"
  | "holds-a-return";

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export const REFUSAL = {
  /** A sheet with one of our names that we did not make (it lacks the table or PivotTable that marks ours). */
  foreignSheet: (actor: Actor, sheet: string, marker?: string): Refusal => ({
    code: "foreign-sheet",
    message: `The workbook already has a sheet called '${sheet}' that Impact Returns did not make${marker ? ` (it has no ${marker})` : ""}, so ${KEPT[actor]}. Rename or move that sheet, then ${AGAIN[actor]}.`,
  }),
  /** Our table (or PivotTable) found on another sheet than ours. */
  tableElsewhere: (actor: Actor, table: string, onSheet: string, ourSheet: string): Refusal => ({
    code: "table-elsewhere",
    message: `The table ${table} is on the sheet '${onSheet}', but Impact Returns keeps it on a sheet called '${ourSheet}'. Rename that sheet back to '${ourSheet}', then ${AGAIN[actor]}.`,
  }),
  /** A defined name that takes a name we need: Excel keeps defined, table and PivotTable names in one list. */
  definedNameClash: (actor: Actor, name: string, needed: string): Refusal => ({
    code: "defined-name-clash",
    message: `The workbook already has a defined name '${name}' (Formulas > Name Manager). Excel keeps table names and defined names in one list, so Impact Returns cannot name its ${needed}. Rename or delete that name, then ${AGAIN[actor]}.`,
  }),
  /** A table or PivotTable of someone else's that takes a name we need. */
  tableNameClash: (actor: Actor, name: string, onSheet: string | undefined, needed: string): Refusal => ({
    code: "table-name-clash",
    message: `The workbook already has a table or PivotTable called '${name}'${onSheet ? ` (on the sheet '${onSheet}')` : ""}. Excel keeps table and PivotTable names in one list, so Impact Returns cannot name its ${needed}. Rename it (Table Design > Table Name, or PivotTable Analyze > PivotTable Name), then ${AGAIN[actor]}.`,
  }),
  /** Set up asked to update a workbook made with another framework (named by title, or by id when the titles are the same). */
  otherFramework: (theirs: string, ours: string): Refusal => ({
    code: "other-framework",
    message: `This workbook was set up with the framework '${theirs}', not '${ours}'. Choose '${theirs}' to update it, or start a new workbook for the other framework.`,
  }),
  /** Set up asked to go back to an older version of the workbook's framework. */
  newerFrameworkVersion: (title: string, workbookVersion: number, chosenVersion: number): Refusal => ({
    code: "newer-framework-version",
    message: `This workbook uses version ${workbookVersion} of '${title}', newer than the version ${chosenVersion} chosen. Choose version ${workbookVersion} or later.`,
  }),
  /** Set up asked for another reporting year than the workbook's: one workbook per year. */
  otherReportingYear: (workbookYear: string, chosenYear: string): Refusal => ({
    code: "other-reporting-year",
    message: `This workbook is for the reporting year starting ${workbookYear}, not ${chosenYear}. Keep one workbook per reporting year: start a new workbook for ${chosenYear}.`,
  }),
  /**
   * Collate asked to add the sector sheets to a workbook that holds a return (an officer's own):
   * the sector workbook is a workbook of its own. `organisationCode` is the return's, as read from
   * it (untrusted: made one short line here).
   */
  holdsAReturn: (organisationCode: string | undefined): Refusal => {
    const code = organisationCode?.trim() ? safeText(organisationCode.trim(), 20) : undefined;
    return {
      code: "holds-a-return",
      message: `This workbook holds ${code ? `${code}'s` : "an organisation's"} return. The sector workbook should be a workbook of its own: open a new workbook, open Impact Returns there and choose Collate.`,
    };
  },
} as const;

/** The next step after Collate's `holdsAReturn` refusal: once the add-in opened the new workbook, or where it cannot. */
export const NEW_WORKBOOK_STEP = {
  opened: "A new, blank workbook has opened in a window of its own. Open Impact Returns there (Home > Show Impact Returns) and choose Collate.",
  byHand: "Make a new workbook (File > New > Blank workbook), open Impact Returns there (Home > Show Impact Returns) and choose Collate.",
} as const;
