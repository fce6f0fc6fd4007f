/**
 * `impact-returns check FILE.xlsx [FILE ...] [--json]`: the add-in's check engine on workbook files.
 * Each file gets its own result; the exit code is the worst of them (0 clean or warnings only,
 * 1 errors found, 2 a file unreadable or not a return).
 */
import { basename } from "node:path";
import { checkReturn, notAReturnMessage, type CheckIssue, type CheckResult } from "../../core/checks";
import { checkReportText, EXAMPLES_PER_GROUP, type FileCheck } from "../../core/checks/report-text";
import type { Framework } from "../../core/framework";
import type { CellValue } from "../../core/workbook/types";
import { FileProblem, readReturnFile } from "../../xlsx/files";
import { errorText, unreadableContentsMessage } from "../../xlsx/problem";
import { defineCommand, EXIT, UsageError, type CliIO, type OptionValues } from "../command";
import { loadFramework } from "../framework-option";
import { writeJson } from "../json";
import { safeLine } from "../text";
import { plural } from "../../core/format";

export { EXAMPLES_PER_GROUP, type FileCheck };

const OPTIONS = {
  json: { type: "boolean" },
  framework: { type: "string" },
  today: { type: "string" },
} as const;

function help(): string {
  return `Usage: impact-returns check FILE.xlsx [FILE.xlsx ...] [options]

Checks returns workbooks against their framework - the same checks as the add-in's Check: types,
ranges, required fields, references between sheets, duplicates, periods and month-on-month
plausibility. Errors must be fixed before a return is sent; warnings need fixing or an
explanation (typed in the Explanation column of the Checks sheet, in Excel).

Options:
  --json                  Print the results as JSON (one object for one file, an array for several).
  --framework ID|FILE     Check against this framework instead of the one the workbook records.
  --today YYYY-MM-DD      Check as on this date: which months are past their due date (default: today).
  -h, --help              Show this help.

Exit codes: 0 no errors (there may be warnings); 1 errors found; 2 a file could not be read
or is not a return (the reason is given).

Examples:
  impact-returns check riverside-2020.xlsx
  impact-returns check returns/*.xlsx --json > results.json
`;
}

/** One file's outcome, as printed with --json (docs/cli.md documents the shape). */
export interface FileResult {
  file: string;
  /** Why the file could not be checked; absent when it was. */
  error?: string;
  framework: { id: string; version: number } | null;
  organisation: string | null;
  organisationCode: string | null;
  summary: { errors: number; warnings: number; accepted: number } | null;
  /** The year's progress: months reported, the next month due, months overdue. */
  progress: CheckResult["progress"] | null;
  /** Where and by when the return goes (the latest month with figures). */
  submission: CheckResult["submission"] | null;
  /** Whether the sign-off holds: signed-off, changed (with the cells changed) or not-signed-off. */
  signOff: CheckResult["signOff"] | null;
  issues: JsonIssue[];
}

interface JsonIssue {
  severity: CheckIssue["severity"];
  code: string;
  sheet: string;
  cell: string;
  row: number;
  column: string;
  message: string;
  value: CellValue;
  header?: string;
  explanation?: string;
  accepted?: boolean;
  details?: CheckIssue["details"];
}

function toJsonIssue(issue: CheckIssue): JsonIssue {
  return {
    severity: issue.severity,
    code: issue.code,
    sheet: issue.sheet,
    cell: issue.cell,
    row: issue.row,
    column: issue.column,
    message: issue.message,
    value: issue.value ?? null,
    ...(issue.header !== undefined ? { header: issue.header } : {}),
    ...(issue.explanation !== undefined ? { explanation: issue.explanation } : {}),
    ...(issue.accepted ? { accepted: true } : {}),
    ...(issue.details ? { details: issue.details } : {}),
  };
}


export function toFileResult(check: FileCheck): FileResult {
  const r = check.result;
  if (check.error !== undefined || !r) {
    return { file: check.file, error: check.error ?? "not checked", framework: null, organisation: null, organisationCode: null, summary: null, progress: null, submission: null, signOff: null, issues: [] };
  }
  return {
    file: check.file,
    framework: r.framework ?? null,
    organisation: r.organisation ?? null,
    organisationCode: r.organisationCode ?? null,
    summary: r.summary,
    progress: r.progress ?? null,
    submission: r.submission ?? null,
    signOff: r.signOff ?? null,
    issues: r.issues.map(toJsonIssue),
  };
}

/**
 * Reads and checks one file. Everything that can go wrong with the file is caught here, in one
 * place, and becomes a plain reason naming it: what the reader refuses (FileProblem) and anything
 * unexpected while making sense of its contents or checking them. (Debug detail: IMPACT_RETURNS_DEBUG.)
 */
export async function checkFile(file: string, framework: Framework | undefined, today: Date = new Date()): Promise<FileCheck> {
  const debug = (error: unknown) => (process.env.IMPACT_RETURNS_DEBUG ? ` (detail: ${errorText(error)})` : "");
  let snapshot;
  try {
    snapshot = await readReturnFile(file);
  } catch (error) {
    if (error instanceof FileProblem) return { file, error: error.message + (error.detail ? debug(error.detail) : "") };
    return { file, error: `${unreadableContentsMessage(file)}${debug(error)}` };
  }
  let result: CheckResult;
  try {
    result = checkReturn(snapshot, framework ? { framework, today } : { today });
  } catch (error) {
    return { file, error: `'${file}' could not be checked: something in it is not laid out as a return workbook's is. Open it in Excel, run Check there (or save a fresh copy) and try again.${debug(error)}` };
  }
  if (result.notAReturn) return { file, error: notAReturnMessage(basename(file)) };
  return { file, result };
}

/** --today: a calendar date, yyyy-mm-dd (the checks read it as that day, local time). */
function parseToday(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
  if (!m || !date || date.getMonth() !== Number(m[2]) - 1 || date.getDate() !== Number(m[3])) {
    throw new UsageError(`--today needs a date such as 2020-08-20, not "${text}"`);
  }
  return date;
}

export function exitCodeFor(checks: readonly FileCheck[]): number {
  if (checks.some((c) => c.error !== undefined)) return EXIT.usage;
  if (checks.some((c) => (c.result?.summary.errors ?? 0) > 0)) return EXIT.problems;
  return EXIT.ok;
}


/** The human report (the core's, shared with the receipts Collate writes). */
export const describe = checkReportText;

async function run(values: OptionValues<typeof OPTIONS>, files: string[], io: CliIO): Promise<number> {
  if (files.length === 0) throw new UsageError("name at least one workbook to check, e.g. impact-returns check return.xlsx");
  const framework = values.framework === undefined ? undefined : await loadFramework(values.framework);
  const today = values.today === undefined ? new Date() : parseToday(values.today);

  const checks: FileCheck[] = [];
  for (const file of files) {
    const check = await checkFile(file, framework, today);
    // A file that could not be checked: one plain line on standard error, as soon as it is known.
    if (check.error !== undefined) io.stderr(`${safeLine(`impact-returns check: ${check.error}`)}\n`);
    checks.push(check);
  }
  if (values.json) {
    const results = checks.map(toFileResult);
    writeJson(results.length === 1 ? results[0] : results, io.stdout);
  } else {
    let first = true;
    for (const check of checks) {
      const report = describe(check);
      if (report === "") continue;
      io.stdout(`${first ? "" : "\n"}${report}`);
      first = false;
    }
    if (checks.length > 1) {
      const failed = checks.filter((c) => c.error !== undefined).length;
      const withErrors = checks.filter((c) => (c.result?.summary.errors ?? 0) > 0).length;
      io.stdout(`${first ? "" : "\n"}${plural(checks.length, "file")} checked: ${withErrors} with errors, ${failed} could not be checked.\n`);
    }
  }
  return exitCodeFor(checks);
}

export const checkCommand = defineCommand(OPTIONS, {
  name: "check",
  help,
  run,
});
