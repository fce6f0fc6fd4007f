/**
 * What the pane downloads after collating, beside the receipts (docs/bulletin-feedback.md): the
 * sector bulletin (.xlsx), a .zip of every organisation's feedback workbook, and a .zip of the
 * email drafts (.eml, each with its receipts and feedback workbook attached) - what the command
 * line's --bulletin, --feedback and --drafts write, made from the same Collation by the same core
 * planners (src/xlsx/published.ts zips them with fflate: no Node APIs). Loaded on demand (its own
 * webpack chunk, "published"), so the pane's first load stays small.
 */
// Each from its own module, not the ../core/collate index: the index is in the pane's first
// bundle, and what a chunk takes through it would join that bundle.
import { collationDrafts } from "../core/collate/drafts";
import { receiptText } from "../core/collate/receipt";
import type { Collation, RegisterEntry } from "../core/collate/types";
import type { PublicationRules } from "../core/collate/estimates";
import { bulletinBytes, feedbackWorkbooks, zipBytes } from "../xlsx/published";
import type { Download } from "./save-download";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ZIP = "application/zip";

/** What a download is made from: the gateway's collate outcome carries all three. */
export interface Published {
  collation: Collation;
  rules: PublicationRules;
  register?: readonly RegisterEntry[];
}

const isoDay = ({ year, month, day }: Collation["asOf"]) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** The sector bulletin: safe to send to every submitter. */
export function bulletinDownload({ collation, rules }: Published): Download {
  return { name: `Sector bulletin ${isoDay(collation.asOf)}.xlsx`, type: XLSX, bytes: bulletinBytes(collation, rules) };
}

/** Every organisation in use's `<code> feedback.xlsx`, in one .zip; `files`: how many. */
export function feedbackDownload({ collation, rules }: Published): Download & { files: number } {
  const books = feedbackWorkbooks(collation, rules);
  return { name: `Feedback ${isoDay(collation.asOf)}.zip`, type: ZIP, bytes: zipBytes(books, 0), files: books.length };
}

export interface DraftsDownload extends Download {
  drafts: number;
  /** The organisations whose draft has no To (no usable address): "RH01 (Riverside Homes)". */
  withoutAddress: string[];
  /** Files that name no organisation: no draft. */
  withoutOrganisation: number;
}

/**
 * One unsent email draft (.eml) per organisation, in one .zip: each with its files' receipts
 * (receiptText, as --receipts) and its feedback workbook attached, as `collate --drafts` writes
 * them (src/cli/commands/collate.ts).
 */
export function draftsDownload({ collation, rules, register }: Published): DraftsDownload {
  const feedback = new Map(feedbackWorkbooks(collation, rules).map((b) => [b.organisationCode, { fileName: b.name, bytes: b.data }]));
  const made = collationDrafts(collation, {
    asOf: collation.asOf,
    ...(register ? { register } : {}),
    receipt: (f) => receiptText(f, collation.asOf),
    feedback,
  });
  const ascii = new TextEncoder();
  const bytes = zipBytes(made.drafts.map((d) => ({ name: d.fileName, data: ascii.encode(d.eml) })));
  return {
    name: `Email drafts ${isoDay(collation.asOf)}.zip`,
    type: ZIP,
    bytes,
    drafts: made.drafts.length,
    withoutAddress: made.drafts.filter((d) => d.to === undefined).map((d) => (d.organisation ? `${d.organisationCode} (${d.organisation})` : d.organisationCode)),
    withoutOrganisation: made.withoutOrganisation.length,
  };
}
