/**
 * `impact-returns collate FILE|FOLDER... --out SECTOR.xlsx`: many organisations' returns into one
 * sector workbook (docs/sector-format.md): every file with its status and reason, the sector data,
 * totals per measure and month with coverage and scaled estimates, revisions and a chase list.
 * One bad file never stops the others; the workbook is written atomically and is the same for the
 * same inputs whatever their order.
 */
import { promises as fs } from "node:fs";
import { basename, join, resolve } from "node:path";
import { collate, planSector, receipts, SectorTooLargeError, type Collation, type FileOutcome, type RegisterEntry } from "../../core/collate";

import { monthLabel, parseIsoMonth } from "../../core/calendar";
import { plural } from "../../core/format";
import { writeFileAtomically } from "../../xlsx/files";
import { readRegisterFile, readSubmissionFiles, sectorWorkbookBytes } from "../../xlsx/sector";
import { defineCommand, InputError, UsageError, type CliIO, type OptionValues } from "../command";
import { ensureWritable, OUT_OPTIONS, outOption, reportWritten } from "../out-option";
import { safeLine, safeText } from "../text";

const OPTIONS = {
  ...OUT_OPTIONS,
  register: { type: "string" },
  "sector-homes": { type: "string" },
  receipts: { type: "string" },
  "as-of": { type: "string" },
  "require-sign-off": { type: "boolean" },
  jobs: { type: "string" },
  json: { type: "boolean" },
} as const;

function help(): string {
  return `Usage: impact-returns collate FILE.xlsx|FOLDER ... --out SECTOR.xlsx [options]

Collates organisations' returns into a sector workbook: every file given, with its status
(accepted, superseded, duplicate, held, rejected) and the reason; every figure in use; totals per
measure and month with the organisations reporting, homes covered, coverage and a scaled
estimate for the whole sector; the figures revised by resubmissions; and a chase list.
Folders are searched (with their subfolders) for .xlsx files. A file that cannot be read is listed
as rejected and the others are still collated.

Options:
  --out SECTOR.xlsx       The sector workbook to write (required). Its folder must exist.
  --register FILE         The organisations expected to return: an .xlsx (first sheet) or .csv with
                          the columns Organisation code, Organisation, Homes managed.
  --sector-homes N        The total number of homes in the sector: the denominator of coverage.
                          Without it, coverage and scaled estimates are left blank.
  --receipts DIR          Write a receipt for each file (status, reason, check report) into DIR.
  --as-of YYYY-MM-DD      The day the chase list is for (default: today).
  --require-sign-off      Hold returns that are not signed off (no Data checksum), instead of
                          accepting them and flagging them in the Sign-off column.
  --jobs N                Files read at once, in worker threads (default: one per core, at most 4).
  --json                  Print the files and totals as JSON on standard output.
  --force                 Replace SECTOR.xlsx if it already exists.
  -h, --help              Show this help.

Exit codes: 0 the sector workbook was written (held or rejected files are listed in it);
2 bad arguments, or the register cannot be read.

Example:
  impact-returns collate returns/ --register register.csv --sector-homes 2400000 --out sector.xlsx
`;
}

async function expandInputs(inputs: readonly string[], exclude: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 8) await walk(path, depth + 1);
      else if ((entry.isFile() || entry.isSymbolicLink()) && /\.xlsx$/i.test(entry.name) && resolve(path) !== exclude) files.push(path);
    }
  };
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (stat?.isDirectory()) await walk(input, 0);
    else files.push(input); // read (or refused with a reason) like any other file
  }
  // The same file named twice is one file.
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function parseAsOf(text: string | undefined): { year: number; month: number; day: number } {
  if (text === undefined) {
    const now = new Date();
    return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.getUTCDate() !== Number(m[3]) || date.getUTCMonth() !== Number(m[2]) - 1) throw new UsageError(`--as-of must be a date such as 2020-07-20 (got '${text}')`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const iso = (month: string | undefined) => month ?? null;

/** The JSON printed with --json (docs/cli.md). */
export function collateJson(out: string, c: Collation): unknown {
  return {
    out,
    sectorHomes: c.sectorHomes ?? null,
    files: c.files.map((f) => ({
      file: f.file,
      sha256: f.sha256 === "" ? null : f.sha256,
      status: f.status,
      reason: f.reason,
      organisationCode: f.organisationCode ?? null,
      reportingYearStart: iso(f.reportingYearStart),
      monthsReported: f.monthsReported ?? null,
      signOff: f.signOff ?? null,
      errors: f.errors ?? null,
      warnings: f.warnings ?? null,
      explained: f.explained ?? null,
    })),
    totals: c.totals.map((t) => ({
      code: t.code,
      breakdown: t.breakdown,
      month: t.month,
      organisations: t.organisations,
      homesCovered: t.homesCovered,
      coverage: t.coverage ?? null,
      reportedTotal: t.reportedTotal,
      scaledEstimate: t.scaledEstimate ?? null,
    })),
    revisions: c.revisions.map((r) => ({ organisationCode: r.organisationCode, code: r.code, breakdown: r.breakdown, month: r.month, was: r.was, now: r.now ?? null, file: r.file })),
    chase: c.chase,
  };
}

function report(out: string, c: Collation): string {
  const count = (status: FileOutcome["status"]) => c.files.filter((f) => f.status === status).length;
  const lines = [
    `Wrote ${safeText(out)}`,
    `  Files:         ${plural(c.files.length, "file")}: ${count("accepted")} accepted, ${count("superseded")} superseded, ${count("duplicate")} duplicate, ${count("held")} held, ${count("rejected")} rejected`,
    `  Organisations: ${plural(new Set(c.data.map((d) => d.organisationCode.toUpperCase())).size, "organisation")} with figures in use; ${plural(c.organisations.length, "organisation")} listed`,
  ];
  const months = [...new Set(c.totals.map((t) => t.month))].sort();
  if (months.length > 0) lines.push(`  Months:        ${monthLabel(parseIsoMonth(months[0]!)!)} to ${monthLabel(parseIsoMonth(months[months.length - 1]!)!)}`);
  lines.push(`  Totals:        ${plural(c.totals.length, "row")} (measure rows x months)${c.sectorHomes === undefined ? "; no --sector-homes, so no coverage or scaled estimates" : ""}`);
  lines.push(`  Revisions:     ${plural(c.revisions.length, "figure")} changed or blanked by resubmissions`);
  lines.push(`  Chase list:    ${plural(c.chase.length, "row")}`);
  const notAccepted = c.files.filter((f) => f.status === "held" || f.status === "rejected");
  if (notAccepted.length > 0) {
    lines.push("  Held or rejected:");
    for (const f of notAccepted.slice(0, 50)) lines.push(`    ${safeText(basename(f.file), 80)}: ${f.status} - ${safeText(f.reason, 300)}`);
    if (notAccepted.length > 50) lines.push(`    ... and ${notAccepted.length - 50} more (see the Submissions sheet)`);
  }
  return `${lines.join("\n")}\n`;
}

async function writeReceipts(dir: string, files: readonly FileOutcome[]): Promise<void> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new InputError(`--receipts '${dir}' is a file, not a folder.`);
  if (!stat) await fs.mkdir(dir, { recursive: true });
  for (const receipt of receipts(files)) await writeFileAtomically(join(dir, receipt.name), Buffer.from(receipt.text, "utf8"), { overwrite: true });
}

async function run(values: OptionValues<typeof OPTIONS>, inputs: string[], io: CliIO): Promise<number> {
  if (inputs.length === 0) throw new UsageError("name the returns to collate (files or folders), e.g. impact-returns collate returns/ --out sector.xlsx");
  const out = outOption(values.out, "the sector workbook", "sector.xlsx");
  let sectorHomes: number | undefined;
  if (values["sector-homes"] !== undefined) {
    const text = values["sector-homes"].replace(/[,_\s]/g, "");
    sectorHomes = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(sectorHomes) || sectorHomes <= 0) throw new UsageError(`--sector-homes must be a whole number of homes above 0 (got '${values["sector-homes"]}')`);
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64 (got '${values.jobs}')`);
  }
  const asOf = parseAsOf(values["as-of"]);
  await ensureWritable(out, values.force === true);
  let register: RegisterEntry[] | undefined;
  if (values.register !== undefined) {
    const read = await readRegisterFile(values.register);
    if (read.entries.length === 0) throw new InputError(`The register '${values.register}' lists no organisations: ${read.problems[0] ?? "it has no rows"}.`);
    for (const problem of read.problems.slice(0, 20)) io.stderr(`${safeLine(`impact-returns collate: register: ${problem}`)}\n`);
    register = read.entries;
  }

  const files = await expandInputs(inputs, resolve(out));
  if (files.length === 0) throw new UsageError("no .xlsx files found in the folders given");
  const long = files.length >= 20;
  let lastShown = Date.now();
  if (long) io.stderr(`Collating ${plural(files.length, "file")}...\n`);
  const submissions = await readSubmissionFiles(files, {
    ...(jobs !== undefined ? { jobs } : {}),
    keepIssues: values.receipts !== undefined,
    onProgress: (done, total) => {
      if (!long || (Date.now() - lastShown < 2000 && done !== total)) return;
      lastShown = Date.now();
      io.stderr(`  read ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} files\n`);
    },
  });
  for (const s of submissions) {
    if (s.sha256 === "" && s.problem) io.stderr(`${safeLine(`impact-returns collate: ${s.problem}`)}\n`);
  }
  const collation = collate(submissions, {
    asOf,
    ...(register ? { register } : {}),
    ...(sectorHomes !== undefined ? { sectorHomes } : {}),
    ...(values["require-sign-off"] ? { requireSignOff: true } : {}),
  });
  let bytes: Uint8Array;
  try {
    bytes = await sectorWorkbookBytes(planSector(collation));
  } catch (error) {
    if (error instanceof SectorTooLargeError) throw new InputError(error.message);
    throw error;
  }
  await writeFileAtomically(out, bytes, { overwrite: values.force === true });
  if (values.receipts !== undefined) await writeReceipts(values.receipts, collation.files);
  return reportWritten(io, values.json, () => collateJson(out, collation), () => report(out, collation));
}

export const collateCommand = defineCommand(OPTIONS, {
  name: "collate",
  summary: "Collate many organisations' returns into a sector workbook: statuses, totals, coverage, revisions, chase list",
  help,
  run,
});
