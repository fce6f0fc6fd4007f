/**
 * `impact-returns check FILE.xlsx [FILE ...] [--json]`: the add-in's check engine on workbook files.
 * Each file gets its own result; the exit code is the worst of them (0 clean or warnings only,
 * 1 errors found, 2 a file unreadable or not a return).
 */
import { parseArgs } from "node:util";
import { basename } from "node:path";
import { checkReturn, groupIssues, type CheckIssue, type CheckResult, type IssueGroup } from "../../core/checks";
import type { Framework } from "../../core/framework";
import type { CellValue } from "../../core/workbook/types";
import { FileProblem, readWorkbookFile } from "../../xlsx/files";
import { readSnapshot } from "../../xlsx/read";
import { EXIT, UsageError, type CliIO, type Command } from "../command";
import { loadFramework } from "../framework-option";

function help(): string {
  return `Usage: impact-returns check FILE.xlsx [FILE.xlsx ...] [options]

Checks returns workbooks against their framework - the same checks as the add-in's Check: types,
ranges, required fields, references between sheets, duplicates, periods and month-on-month
plausibility. Errors must be fixed before a return is sent; warnings need fixing or an
explanation (typed in the Explanation column of the Checks sheet, in Excel).

Options:
  --json                  Print the results as JSON (one object for one file, an array for several).
  --framework ID|FILE     Check against this framework instead of the one the workbook records.
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
  };
}

/** A file checked, or the reason it could not be. */
export interface FileCheck {
  file: string;
  error?: string;
  result?: CheckResult;
}

export function toFileResult(check: FileCheck): FileResult {
  const r = check.result;
  if (check.error !== undefined || !r) {
    return { file: check.file, error: check.error ?? "not checked", framework: null, organisation: null, organisationCode: null, summary: null, issues: [] };
  }
  return {
    file: check.file,
    framework: r.framework ?? null,
    organisation: r.organisation ?? null,
    organisationCode: r.organisationCode ?? null,
    summary: r.summary,
    issues: r.issues.map(toJsonIssue),
  };
}

export async function checkFile(file: string, framework: Framework | undefined): Promise<FileCheck> {
  let snapshot;
  try {
    snapshot = readSnapshot(await readWorkbookFile(file));
  } catch (error) {
    if (error instanceof FileProblem) return { file, error: error.message };
    throw error;
  }
  const result = checkReturn(snapshot, framework ? { framework } : {});
  if (result.notAReturn) return { file, error: `${basename(file)} is not an Impact Returns workbook: ${result.notAReturn}` };
  return { file, result };
}

export function exitCodeFor(checks: readonly FileCheck[]): number {
  if (checks.some((c) => c.error !== undefined)) return EXIT.usage;
  if (checks.some((c) => (c.result?.summary.errors ?? 0) > 0)) return EXIT.problems;
  return EXIT.ok;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;
}

function where(issue: CheckIssue): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(issue.sheet) ? issue.sheet : `'${issue.sheet}'`;
  return issue.cell === "" ? `${sheet} (whole sheet)` : `${sheet}!${issue.cell}`;
}

/** The human report: like the pane, a summary, then issues grouped by code with counts, listing every issue. */
function describe(check: FileCheck): string {
  const name = basename(check.file);
  if (check.error !== undefined || !check.result) return `${name}: cannot check: ${check.error ?? "not checked"}\n`;
  const r = check.result;
  const who = [r.organisation, r.organisationCode && `(${r.organisationCode})`].filter(Boolean).join(" ");
  const framework = r.framework ? `${r.framework.id} version ${r.framework.version}` : "framework not known";
  const lines = [`${name}: ${who || "organisation not given"} - ${framework}`];
  const s = r.summary;
  if (s.errors === 0 && s.warnings === 0) {
    lines.push(`  No errors${s.accepted > 0 ? ` and no warnings still to deal with (${plural(s.accepted, "warning")} explained)` : " or warnings"}.`);
  } else {
    lines.push(`  ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}${s.accepted > 0 ? `, ${s.accepted.toLocaleString("en-GB")} explained` : ""}`);
  }
  for (const group of groupIssues(r.issues, Number.MAX_SAFE_INTEGER)) lines.push("", ...describeGroup(group));
  return `${lines.join("\n")}\n`;
}

function describeGroup(group: IssueGroup): string[] {
  const label = group.severity === "error" ? "Error" : group.accepted === group.count ? "Explained" : "Warning";
  const count = group.accepted > 0 && group.accepted < group.count ? `${group.count}, ${group.accepted} explained` : String(group.count);
  const lines = [`  ${label}: ${group.title} [${group.code}] (${count})`];
  for (const issue of group.examples) {
    lines.push(`    ${where(issue)}  ${issue.message}`);
    if (issue.explanation) lines.push(`      Explanation: ${issue.explanation}`);
  }
  return lines;
}

async function run(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: "boolean" }, framework: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split("\n")[0]!.replace(/\.$/, "") : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(help());
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError("name at least one workbook to check, e.g. impact-returns check return.xlsx");
  const framework = values.framework === undefined ? undefined : await loadFramework(values.framework);

  const checks: FileCheck[] = [];
  for (const file of positionals) checks.push(await checkFile(file, framework));
  if (values.json) {
    const results = checks.map(toFileResult);
    io.stdout(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  } else {
    io.stdout(checks.map(describe).join("\n"));
    if (checks.length > 1) {
      const failed = checks.filter((c) => c.error !== undefined).length;
      const withErrors = checks.filter((c) => (c.result?.summary.errors ?? 0) > 0).length;
      io.stdout(`\n${plural(checks.length, "file")} checked: ${withErrors} with errors, ${failed} could not be checked.\n`);
    }
  }
  return exitCodeFor(checks);
}

export const checkCommand: Command = {
  name: "check",
  summary: "Check returns workbooks against their framework; report errors and warnings by sheet and cell",
  help,
  run,
};
