/**
 * What Collate sends back (docs/bulletin-feedback.md): `--bulletin FILE.xlsx`, the sector bulletin
 * for every submitter, and `--feedback DIR`, one `<code> feedback.xlsx` per organisation with a
 * return in use; `--min-organisations N`, the fewest organisations a sector figure shown to others
 * needs. Planned in the core (planBulletin, planFeedback), written by the .xlsx gateway.
 */
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { feedbackFiles, planBulletin, planFeedback, type Collation, type PublicationRules } from "../core/collate";
import { plural } from "../core/format";
import { writeFileAtomically } from "../xlsx/files";
import { sectorWorkbookBytes } from "../xlsx/sector";
import { InputError, UsageError } from "./command";
import { ensureWritable } from "./out-option";
import { safeText } from "./text";

export const ROUND_TRIP_OPTIONS = {
  bulletin: { type: "string" },
  feedback: { type: "string" },
  "min-organisations": { type: "string" },
} as const;

export const ROUND_TRIP_HELP = `  --bulletin FILE.xlsx    Also write the sector bulletin for every submitter: the Sector summary, the
                          month-by-month totals and their charts, with no organisation's own
                          figures, names or files (docs/bulletin-feedback.md).
  --feedback DIR          Also write, for each organisation with a return in use, DIR/<code>
                          feedback.xlsx: its figures beside the sector's (DIR is made if missing).
  --min-organisations N   The fewest organisations a sector figure in the bulletin or feedback needs
                          (2-100; default: the framework's minimumOrganisations, else 3). A figure
                          from fewer is not shown, since a total of two gives the other's away.
`;

/** --min-organisations: a whole number from 2 to 100, or undefined. */
export function parseMinOrganisations(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 2 || n > 100) throw new UsageError(`--min-organisations must be a whole number from 2 to 100 (got '${text}')`);
  return n;
}

/** Refuses, before any work, a bulletin that is not an .xlsx name or already exists (without --force), and a --feedback that is a file. */
export async function checkRoundTrip(values: { bulletin?: string | undefined; feedback?: string | undefined }, out: string, force: boolean): Promise<void> {
  const bulletin = values.bulletin?.trim();
  if (bulletin !== undefined) {
    if (!/\.xlsx$/i.test(bulletin)) throw new UsageError(`--bulletin must name an .xlsx workbook (got '${bulletin}')`);
    if (bulletin === out.trim()) throw new UsageError("--bulletin must name a different file from --out");
    await ensureWritable(bulletin, force);
  }
  if (values.feedback !== undefined) {
    const stat = await fs.stat(values.feedback).catch(() => undefined);
    if (stat && !stat.isDirectory()) throw new InputError(`--feedback '${values.feedback}' is a file, not a folder.`);
  }
}

export interface RoundTripWritten {
  bulletin?: string;
  feedback?: { folder: string; files: { organisationCode: string; file: string }[] };
  minimumOrganisations: number;
}

/** Each organisation in use's feedback workbook, by organisation code: written by --feedback, attached to --drafts. */
export async function feedbackWorkbooks(c: Collation, rules: PublicationRules): Promise<Map<string, { fileName: string; bytes: Uint8Array }>> {
  const books = new Map<string, { fileName: string; bytes: Uint8Array }>();
  for (const o of feedbackFiles(c)) books.set(o.organisationCode, { fileName: o.name, bytes: await sectorWorkbookBytes(planFeedback(c, o.organisationCode, rules)) });
  return books;
}

/** Writes the bulletin and the feedback workbooks (made by feedbackWorkbooks) the options ask for. */
export async function writeRoundTrip(
  values: { bulletin?: string | undefined; feedback?: string | undefined },
  c: Collation,
  rules: PublicationRules,
  force: boolean,
  books: ReadonlyMap<string, { fileName: string; bytes: Uint8Array }>,
): Promise<RoundTripWritten> {
  const written: RoundTripWritten = { minimumOrganisations: rules.minimumOrganisations };
  const bulletin = values.bulletin?.trim();
  if (bulletin !== undefined) {
    await writeFileAtomically(bulletin, await sectorWorkbookBytes(planBulletin(c, rules)), { overwrite: force });
    written.bulletin = bulletin;
  }
  if (values.feedback !== undefined) {
    const folder = values.feedback;
    await fs.mkdir(folder, { recursive: true });
    const files: { organisationCode: string; file: string }[] = [];
    for (const [organisationCode, book] of books) {
      const file = join(folder, book.fileName);
      await writeFileAtomically(file, book.bytes, { overwrite: true });
      files.push({ organisationCode, file });
    }
    written.feedback = { folder, files };
  }
  return written;
}

/** The report's lines for what was written. */
export function roundTripLines(w: RoundTripWritten): string[] {
  const lines: string[] = [];
  if (w.bulletin !== undefined) lines.push(`  Bulletin:      ${safeText(w.bulletin)} (sector figures from fewer than ${w.minimumOrganisations} organisations not shown)`);
  if (w.feedback !== undefined) lines.push(`  Feedback:      ${plural(w.feedback.files.length, "workbook")} in ${safeText(w.feedback.folder)}`);
  return lines;
}

/** The --json fields for what was written (docs/cli.md). */
export function roundTripJson(w: RoundTripWritten): Record<string, unknown> {
  return {
    minimumOrganisations: w.minimumOrganisations,
    bulletin: w.bulletin ?? null,
    feedback: w.feedback === undefined ? null : { folder: w.feedback.folder, files: w.feedback.files },
  };
}
