/**
 * `impact-returns collate FILE|FOLDER... --out SECTOR.xlsx`: many organisations' returns into one
 * sector workbook (docs/sector-format.md): every file with its status and reason, the sector data,
 * totals per measure and month with coverage and scaled estimates, revisions and a chase list.
 * One bad file never stops the others; the workbook is written atomically and is the same for the
 * same inputs whatever their order.
 */
import { promises as fs } from "node:fs";
import { basename, join } from "node:path";
import { collate, planSector, receipts, receiptText, SectorTooLargeError, type Collation, type FileOutcome, type RegisterEntry } from "../../core/collate";

import { monthLabel, parseIsoMonth } from "../../core/calendar";
import { formatPercent, plural } from "../../core/format";
import { writeFileAtomically } from "../../xlsx/files";
import { gatherInputs, skippedLine, type SkippedFile } from "../../xlsx/folder";
import { readRegisterFile, readSubmissionFiles, sectorWorkbookBytes } from "../../xlsx/sector";
import { defineCommand, InputError, UsageError, type CliIO, type OptionValues } from "../command";
import { ensureWritable, OUT_OPTIONS, outOption, reportWritten } from "../out-option";
import { safeLine, safeText } from "../text";
import { loadFramework } from "../framework-option";
import { publicationRules } from "../../core/collate/estimates";
import { checkDraftsFolder, draftsJson, draftsReport, writeDrafts, type DraftsWritten } from "../drafts-option";
import { checkRoundTrip, feedbackWorkbooks, parseMinOrganisations, ROUND_TRIP_HELP, ROUND_TRIP_OPTIONS, roundTripJson, roundTripLines, writeRoundTrip } from "../round-trip";

const OPTIONS = {
  ...OUT_OPTIONS,
  register: { type: "string" },
  "sector-homes": { type: "string" },
  receipts: { type: "string" },
  drafts: { type: "string" },
  "as-of": { type: "string" },
  "require-sign-off": { type: "boolean" },
  "min-coverage": { type: "string" },
  framework: { type: "string" },
  jobs: { type: "string" },
  json: { type: "boolean" },
  ...ROUND_TRIP_OPTIONS,
} as const;

function help(): string {
  return `Usage: impact-returns collate FILE.xlsx|FOLDER ... --out SECTOR.xlsx [options]

Collates organisations' returns into a sector workbook: every file given, with its status
(accepted, superseded, duplicate, held, rejected) and the reason; every figure in use; totals per
measure and month with the organisations reporting, homes covered, coverage and a scaled
estimate for the whole sector; the figures revised by resubmissions; and a chase list.
Folders are searched with their subfolders: every file in them is collated, and one that is not a
return workbook (a .xls, .ods, CSV, PDF, an empty file...) is listed as rejected with the reason,
while the others are still collated. Lock files (~$...), hidden files, receipts (*.receipt.txt) and
the --out workbook are skipped, and named on standard error.

Options:
  --out SECTOR.xlsx       The sector workbook to write (required). Its folder must exist.
  --register FILE         The organisations expected to return: an .xlsx (first sheet) or .csv with
                          the columns Organisation code, Organisation, Homes managed (and, for
                          --drafts, an optional Contact email).
  --sector-homes N        The total number of homes in the sector: the denominator of coverage.
                          Without it, coverage and scaled estimates are left blank.
  --receipts DIR          Write a receipt for each file (status, reason, check report) into DIR.
  --drafts DIR            Write an unsent email draft (.eml) per organisation into DIR: its newest
                          file's status, reason and what to do next, with the receipt attached
                          (To: the return's Contact email, else the register's); and a reminder
                          for each organisation on the chase list that sent nothing.
  --as-of YYYY-MM-DD      The day the chase list is for (default: today).
  --min-coverage PERCENT  The coverage of the sector's homes a scaled estimate needs, e.g. 30 for
                          30% (default: the framework's minimumCoverage, else 30). Below it the
                          estimate is left blank and the Estimate note says why.
  --framework ID|FILE     The sector's framework, for its minimumCoverage (default: the built-in).
${ROUND_TRIP_HELP}  --require-sign-off      Hold returns that are not signed off (no Data checksum), instead of
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

/** A percentage option: "30" or "30%" is 0.3 (more than 0, at most 100). */
function parsePercentOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const value = m ? Number(m[1]) : NaN;
  if (!(value > 0 && value <= 100)) throw new UsageError(`${name} must be a percentage above 0 and at most 100, such as 30 (got '${text}')`);
  return value / 100;
}

const iso = (month: string | undefined) => month ?? null;

/** The JSON printed with --json (docs/cli.md); `skipped`: what the folders held that was not read. */
export function collateJson(out: string, c: Collation, skipped: readonly SkippedFile[] = []): unknown {
  return {
    out,
    sectorHomes: c.sectorHomes ?? null,
    minimumCoverage: c.minimumCoverage,
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
    skipped: skipped.map((s) => ({ file: s.file, kind: s.kind, folder: s.folder, reason: s.reason })),
    totals: c.totals.map((t) => ({
      code: t.code,
      breakdown: t.breakdown,
      month: t.month,
      organisations: t.organisations,
      homesCovered: t.homesCovered,
      coverage: t.coverage ?? null,
      reportedTotal: t.reportedTotal,
      scaledEstimate: t.scaledEstimate ?? null,
      estimateNote: t.estimateNote ?? null,
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
  const estimated = c.totals.filter((t) => t.scaledEstimate !== undefined).length;
  lines.push(
    `  Totals:        ${plural(c.totals.length, "row")} (measure rows x months)${
      c.sectorHomes === undefined ? "; no --sector-homes, so no coverage or scaled estimates" : `; ${estimated.toLocaleString("en-GB")} scaled (coverage of at least ${formatPercent(c.minimumCoverage)})`
    }`,
  );
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

async function writeReceipts(dir: string, c: Collation): Promise<void> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new InputError(`--receipts '${dir}' is a file, not a folder.`);
  if (!stat) await fs.mkdir(dir, { recursive: true });
  for (const receipt of receipts(c.files, c.asOf)) await writeFileAtomically(join(dir, receipt.name), Buffer.from(receipt.text, "utf8"), { overwrite: true });
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
  const framework = values.framework === undefined ? undefined : await loadFramework(values.framework);
  const rules = publicationRules(framework, { minimumCoverage: parsePercentOption("--min-coverage", values["min-coverage"]), minimumOrganisations: parseMinOrganisations(values["min-organisations"]) });
  await ensureWritable(out, values.force === true);
  if (values.drafts !== undefined) await checkDraftsFolder(values.drafts);
  await checkRoundTrip(values, out, values.force === true);
  let register: RegisterEntry[] | undefined;
  if (values.register !== undefined) {
    const read = await readRegisterFile(values.register);
    if (read.entries.length === 0) throw new InputError(`The register '${values.register}' lists no organisations: ${read.problems[0] ?? "it has no rows"}.`);
    for (const problem of read.problems.slice(0, 20)) io.stderr(`${safeLine(`impact-returns collate: register: ${problem}`)}\n`);
    register = read.entries;
  }

  const { files, skipped } = await gatherInputs(inputs, { output: out });
  const skippedText = skippedLine(skipped);
  if (skippedText) io.stderr(`${safeLine(skippedText)}\n`);
  if (files.length === 0) throw new UsageError("no files to collate in the folders given");
  const long = files.length >= 20;
  let lastShown = Date.now();
  if (long) io.stderr(`Collating ${plural(files.length, "file")}...\n`);
  const submissions = await readSubmissionFiles(files, {
    ...(jobs !== undefined ? { jobs } : {}),
    keepIssues: values.receipts !== undefined || values.drafts !== undefined,
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
    minimumCoverage: rules.minimumCoverage,
  });
  let bytes: Uint8Array;
  try {
    bytes = await sectorWorkbookBytes(planSector(collation));
  } catch (error) {
    if (error instanceof SectorTooLargeError) throw new InputError(error.message);
    throw error;
  }
  await writeFileAtomically(out, bytes, { overwrite: values.force === true });
  if (values.receipts !== undefined) await writeReceipts(values.receipts, collation);
  const books = values.feedback !== undefined || values.drafts !== undefined ? await feedbackWorkbooks(collation, rules) : new Map<string, { fileName: string; bytes: Uint8Array }>();
  const sent = await writeRoundTrip(values, collation, rules, values.force === true, books);
  let drafts: DraftsWritten | undefined;
  if (values.drafts !== undefined) drafts = await writeDrafts(values.drafts, collation, { asOf, ...(register ? { register } : {}), receipt: (f) => receiptText(f, collation.asOf), feedback: books });
  const extra = drafts ? draftsReport(drafts).map((l) => `${l}\n`).join("") : "";
  return reportWritten(
    io,
    values.json,
    () => ({ ...(collateJson(out, collation, skipped) as object), ...roundTripJson(sent), ...(drafts ? { drafts: draftsJson(drafts) } : {}) }),
    () => `${report(out, collation)}${roundTripLines(sent).map((l) => `${l}\n`).join("")}${extra}`,
  );
}

export const collateCommand = defineCommand(OPTIONS, {
  name: "collate",
  help,
  run,
});
