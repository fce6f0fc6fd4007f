/**
 * The bulletin and feedback workbooks (docs/bulletin-feedback.md) as bytes anywhere: in Node and
 * in the task pane's browser alike. The parts are ./sector-write.ts's, zipped with fflate
 * (./zip-fflate.ts, pure JavaScript; the command line zips the same parts with Node's zlib,
 * ./sector.ts), one fixed date on every entry, so the same plan gives the same bytes. For the pane's "Download the sector
 * bulletin" and its feedback .zip.
 */
// From their own modules, not the ../core/collate index (which the pane's first bundle holds: what
// this chunk took through it would join that bundle).
import { planBulletin } from "../core/collate/bulletin";
import { feedbackFiles, planFeedback } from "../core/collate/feedback";
import type { PublicationRules } from "../core/collate/estimates";
import type { TablesPlan } from "../core/collate/sector-table";
import type { Collation } from "../core/collate/types";
import { sectorWorkbookParts } from "./sector-write";
import { zipBytes } from "./zip-fflate";

export { zipBytes };

/** A planned workbook (the bulletin, a feedback workbook; any TablesPlan) as .xlsx bytes. */
export function workbookBytes(plan: TablesPlan): Uint8Array {
  return zipBytes(sectorWorkbookParts(plan));
}

/** The sector bulletin, safe to send to every submitter. */
export function bulletinBytes(c: Collation, rules: PublicationRules): Uint8Array {
  return workbookBytes(planBulletin(c, rules));
}

/** Each organisation in use's feedback workbook, `<code> feedback.xlsx` (as the command line's feedbackWorkbooks, src/cli/round-trip.ts). */
export function feedbackWorkbooks(c: Collation, rules: PublicationRules): { organisationCode: string; name: string; data: Uint8Array }[] {
  return feedbackFiles(c).map((o) => ({ organisationCode: o.organisationCode, name: o.name, data: workbookBytes(planFeedback(c, o.organisationCode, rules)) }));
}

/** Every organisation's feedback workbook, named `<code> feedback.xlsx`, in one .zip (stored: the workbooks are compressed already). */
export function feedbackZipBytes(c: Collation, rules: PublicationRules): { zip: Uint8Array; files: { organisationCode: string; name: string }[] } {
  const files = feedbackWorkbooks(c, rules);
  return { zip: zipBytes(files, 0), files: files.map(({ organisationCode, name }) => ({ organisationCode, name })) };
}
