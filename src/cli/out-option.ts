/** The --out option shared by the commands that write a workbook (template, summary, collate), and --force. */
import { checkWritable, FileProblem } from "../xlsx/files";
import { EXIT, UsageError, type CliIO } from "./command";
import { writeJson } from "./json";

/** --out FILE.xlsx and --force, for a command's options. */
export const OUT_OPTIONS = {
  out: { type: "string" },
  force: { type: "boolean" },
} as const;

/**
 * The workbook --out names, trimmed: refused (UsageError) when missing or not an .xlsx name.
 * `what` and `example` word the message when it is missing: "the summary workbook", "summary.xlsx".
 */
export function outOption(value: string | undefined, what: string, example: string): string {
  const out = value?.trim();
  if (!out) throw new UsageError(`missing --out: name ${what} to write, e.g. --out ${example}`);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an .xlsx workbook (got '${out}')`);
  return out;
}

/** Refuses, before any work, to replace an existing file without --force (a UsageError) or to write where it cannot (a FileProblem). */
export async function ensureWritable(out: string, force: boolean): Promise<void> {
  try {
    await checkWritable(out, { overwrite: force });
  } catch (error) {
    if (error instanceof FileProblem && error.kind === "exists") throw new UsageError(`'${out}' already exists: add --force to replace it, or choose another name`);
    throw error;
  }
}

/** How a command that wrote a workbook ends: its JSON on standard output with --json, else its report for people; exit code 0. */
export function reportWritten(io: CliIO, json: boolean | undefined, asJson: () => unknown, asText: () => string): number {
  if (json) writeJson(asJson(), io.stdout);
  else io.stdout(asText());
  return EXIT.ok;
}
