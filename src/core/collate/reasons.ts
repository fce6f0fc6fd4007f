/**
 * Why Collate did what it did with each file, each reason written once: the Submissions sheet, the
 * command line's report and the receipts all say these sentences. The key is the reason's code
 * (for tests and tools); the status it goes with is in the comment.
 */
import { plural } from "../format";

/** A submission as reasons name it: its file name and how new it is ("signed off on 01/05/2020, 2 months reported"). */
export interface NamedSubmission {
  file: string;
  newness: string;
}

const errors = (count: number) => plural(count, "check error");

/** Cells named in a reason; the rest counted. */
const CELLS_NAMED = 5;
function listCells(cells: readonly string[]): string {
  const more = cells.length > CELLS_NAMED ? ` and ${plural(cells.length - CELLS_NAMED, "more cell")}` : "";
  return `${cells.slice(0, CELLS_NAMED).join(", ")}${more}`;
}

export const REASON = {
  /** duplicate: the same bytes as a file already collated. */
  duplicate: (original: string, collatedBefore: boolean) => `the same bytes as ${original}${collatedBefore ? " (collated before)" : ""}: it is not counted again`,
  /** rejected: the return does not name a framework Impact Returns has. */
  unknownFramework: () => "it does not say which framework it uses, or names one this version of Impact Returns does not have",
  /** rejected: no reporting year, so no months (read from the file). */
  noMonths: () => "it does not give its Reporting year start, so its months are not known",
  /** rejected: no organisation code. */
  noOrganisationCode: () => "it does not give its Organisation code, so it cannot be matched to an organisation",
  /** rejected: no reporting year (from an earlier ledger row). */
  noYearStart: () => "it does not give its Reporting year start",
  /** rejected: another framework's measures entirely. */
  noMeasureInCommon: (framework: string | undefined) => `its framework (${framework ?? "unknown"}) has no measure in common with the sector's`,
  /** superseded: an older return with errors that a newer clean one replaced. */
  replacedHadErrors: (newer: NamedSubmission, errorCount: number) => `replaced by a newer submission, ${newer.file} (${newer.newness}); this one also had ${errors(errorCount)}`,
  /** held: check errors, so its figures are not used; the newest clean one (if any) stays in use. */
  held: (errorCount: number, inUse: NamedSubmission | undefined) =>
    `it has ${errors(errorCount)}, so its figures are not used: ${
      inUse ? `${inUse.file} (${inUse.newness}) stays in use` : "no earlier submission without errors, so none of this organisation's figures for the year are in use"
    }. A corrected return is needed: the receipt lists the errors`,
  /** held: changed after it was signed off, so its figures are not used. */
  changedSinceSignOff: (cells: readonly string[], inUse: NamedSubmission | undefined) =>
    `it was changed after it was signed off${cells.length > 0 ? ` (${listCells(cells)})` : ""}, so its figures are not used: ${
      inUse ? `${inUse.file} (${inUse.newness}) stays in use` : "none of this organisation's figures for the year are in use"
    }. Ask for the return to be checked and marked ready to send again`,
  /** held: not signed off, where the centre requires a sign-off. */
  notSignedOff: (inUse: NamedSubmission | undefined) =>
    `it is not signed off (no Data checksum: it was not marked ready to send with Impact Returns), and a sign-off is required, so its figures are not used: ${
      inUse ? `${inUse.file} (${inUse.newness}) stays in use` : "none of this organisation's figures for the year are in use"
    }. Ask for the return to be marked ready to send`,
  /** accepted: the newest clean return of its organisation and year. */
  inUse: (newness: string, cleanCount: number) =>
    cleanCount > 1 ? `in use: the newest of ${cleanCount} submissions without errors for this organisation and year (${newness})` : `in use (${newness})`,
  /** superseded: a newer clean return replaced it. */
  replaced: (newer: NamedSubmission, newness: string) => `replaced by a newer submission, ${newer.file} (${newer.newness}; this one: ${newness})`,
} as const;

export type ReasonCode = keyof typeof REASON;

/** Why an organisation is on the chase list, each written once. */
export const CHASE = {
  /** A month due that its returns do not report. */
  notReported: (month: string, dueBy: string) => `${month} not reported (due by ${dueBy})`,
  /** An organisation expected to return that sent nothing. */
  nothingReceived: (month: string, dueBy: string) => `no return received (${month} due by ${dueBy})`,
  /** Its latest return is held: asked once, for a corrected return. */
  held: (file: string, s: { errors: number; signOff?: string | undefined; changedCells?: readonly string[] | undefined; firstErrors?: readonly string[] | undefined }) => {
    if (s.errors > 0) {
      const first = s.firstErrors && s.firstErrors.length > 0 ? ` (first: ${s.firstErrors.join("; ")})` : "";
      return `latest return ${file} has ${errors(s.errors)}${first} and is held: ask for a corrected return`;
    }
    if (s.signOff === "changed") {
      return `latest return ${file} was changed after it was signed off${s.changedCells && s.changedCells.length > 0 ? ` (${listCells(s.changedCells)})` : ""} and is held: ask for it to be checked and marked ready to send again`;
    }
    return `latest return ${file} is not signed off and is held: ask for it to be marked ready to send`;
  },
} as const;
