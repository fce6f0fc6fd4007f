/**
 * How the Collate view says things: each file's status in plain words, the summary line, what a
 * file's stage is while it is read. Pure functions; the preview of statuses runs the same engine
 * as "Add to this workbook" on the files chosen (the workbook's earlier files are weighed when added).
 */
// Not through the ../core/collate index, which would bring the on-demand bulletin, feedback and drafts into the first bundle.
import { collate } from "../core/collate/collate";
import type { FileOutcome, FileStatus, LedgerRow, Submission } from "../core/collate/types";
import type { ReadStage } from "../collate-worker/protocol";
import { plural } from "./check-display";
import { formatCount } from "../core/format";

export { STATUS_WORD, statusWordOf } from "../core/collate/next-step";

/** What each status means for the analyst, in a sentence. */
export const STATUS_MEANING: Record<FileStatus, string> = {
  accepted: "Its figures go into the sector totals.",
  superseded: "A newer return from the same organisation for the same year is used instead.",
  duplicate: "The same file was already given, so it is not counted twice.",
  held: "Its figures are not used until the organisation sends a corrected return.",
  rejected: "It cannot be collated.",
};

export const STAGE_WORD: Record<ReadStage, string> = { waiting: "Waiting", reading: "Reading", checking: "Checking", done: "Read" };

const ORDER: readonly FileStatus[] = ["accepted", "superseded", "duplicate", "held", "rejected"];

/** "4 files: 2 accepted, 1 held, 1 rejected". */
export function summaryLine(files: readonly Pick<LedgerRow, "status">[]): string {
  const counts = ORDER.map((s) => [s, files.filter((f) => f.status === s).length] as const).filter(([, n]) => n > 0);
  return `${plural(files.length, "file")}${counts.length > 0 ? `: ${counts.map(([s, n]) => `${formatCount(n)} ${s}`).join(", ")}` : ""}`;
}

/** The status each chosen file would have among the files chosen (by file name and SHA-256, in the order chosen), with the sign-off setting. */
export function previewOutcomes(submissions: readonly Submission[], today: Date, options: { requireSignOff?: boolean } = {}): FileOutcome[] {
  const c = collate(submissions, { asOf: { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() }, ...(options.requireSignOff ? { requireSignOff: true } : {}) });
  const left = [...c.files];
  return submissions.map((s) => {
    const i = left.findIndex((f) => f.file === s.file && f.sha256 === s.sha256);
    return left.splice(i < 0 ? 0 : i, 1)[0]!;
  });
}

/**
 * "37 of 100 files read": how far reading the chosen files has got. Drawn at each progress pass,
 * so grouped by formatCount: toLocaleString("en-GB") sets up a number format at every call.
 */
export function filesReadLine(done: number, total: number): string {
  return `${formatCount(done)} of ${plural(total, "file")} read`;
}

/**
 * Whether reading `done` of `total` files is worth announcing: a quarter of the way, half, three
 * quarters (screen readers hear the start and the end from the view; not every file).
 */
export function isReadMilestone(done: number, total: number): boolean {
  if (total < 8 || done <= 0 || done >= total) return false;
  return [0.25, 0.5, 0.75].some((q) => done === Math.ceil(total * q));
}

/** The organisation a file is from, when known: "Riverside Homes (RH01)". */
export function fromWhom(f: Pick<LedgerRow, "organisation" | "organisationCode">): string | undefined {
  if (!f.organisationCode) return undefined;
  return f.organisation ? `${f.organisation} (${f.organisationCode})` : f.organisationCode;
}
