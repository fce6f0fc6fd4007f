/**
 * `impact-returns template`: writes a new returns workbook, set up for a framework and a reporting
 * year, with the same plan the add-in's Set up uses on an empty workbook.
 */
import { Workbook } from "exceljs";
import { builtinFrameworks, DEFAULT_FRAMEWORK_ID } from "../../core/framework";
import { addMonths, defaultYearStart, isoMonth, monthLabel, parseIsoMonth, type YearMonth } from "../../core/calendar";
import { planSetup, type SetupPlan } from "../../core/setup/plan";
import { TOOL_NAME } from "../../core/version";
import { EMPTY_WORKBOOK } from "../../core/workbook/types";
import { applyOperations, CellTextTooLongError } from "../../xlsx/apply";
import { writeWorkbookFile } from "../../xlsx/files";
import { defineCommand, EXIT, InputError, UsageError, type CliIO, type OptionValues } from "../command";
import { loadFramework } from "../framework-option";
import { ensureWritable, OUT_OPTIONS, outOption } from "../out-option";
import { EMAIL_ADDRESS } from "../../core/mail/address";
import { safeText } from "../../core/safe-text";

const OPTIONS = {
  framework: { type: "string" },
  organisation: { type: "string" },
  code: { type: "string" },
  "year-start": { type: "string" },
  "centre-email": { type: "string" },
  ...OUT_OPTIONS,
} as const;

function help(): string {
  const year = defaultYearStart(new Date());
  const ids = builtinFrameworks().map((f) => f.id);
  return `Usage: impact-returns template --out FILE.xlsx [options]

Writes a new returns workbook, ready for an officer to fill in: the Return, Measures,
Stakeholders, Outcomes, Case studies and Reflections sheets, with dropdowns, checks on the figures typed,
and locked headers; the framework is recorded on a hidden Framework sheet.

Options:
  --out FILE.xlsx         The workbook to write (required). Its folder must exist.
  --framework ID|FILE     A built-in framework (${ids.join(", ")}) or a framework
                          JSON file (docs/framework-format.md). Default: ${DEFAULT_FRAMEWORK_ID}.
  --organisation NAME     Your organisation's name, filled in on the Return sheet.
  --code CODE             The code the centre gave your organisation.
  --year-start YYYY-MM    The first month of the reporting year. Default: the current
                          reporting year, April to March (now ${isoMonth(year)}).
  --centre-email ADDRESS  The centre's email address, where the return is sent (kept on the
                          Return sheet; for a framework that names none).
  --force                 Replace FILE.xlsx if it already exists.
  -h, --help              Show this help.

Examples:
  impact-returns template --out return-2024.xlsx --year-start 2024-04
  impact-returns template --framework my-framework.json --organisation "Riverside Homes" --code RIV --out riverside.xlsx
`;
}


function parseYearStart(text: string): YearMonth {
  const month = /^\d{4}-\d{1,2}$/.test(text.trim()) ? parseIsoMonth(text) : undefined;
  if (!month || month.year < 2000 || month.year > 2100) {
    throw new UsageError(`--year-start must be a month written YYYY-MM, e.g. 2024-04 (got '${text}')`);
  }
  return month;
}

async function run(options: OptionValues<typeof OPTIONS>, _files: string[], io: CliIO): Promise<number> {
  const out = outOption(options.out, "the workbook", "return.xlsx");
  const yearStart = options["year-start"] === undefined ? undefined : parseYearStart(options["year-start"]);
  const framework = await loadFramework(options.framework);
  await ensureWritable(out, options.force === true);

  const organisation = options.organisation?.trim() || undefined;
  const organisationCode = options.code?.trim() || undefined;
  const centreEmail = options["centre-email"]?.trim() || undefined;
  if (centreEmail !== undefined && !EMAIL_ADDRESS.test(centreEmail)) {
    throw new UsageError(`--centre-email must be one email address, e.g. returns@centre.example (got '${safeText(centreEmail, 100)}')`);
  }
  const plan = planSetup(EMPTY_WORKBOOK, framework, { organisation, organisationCode, yearStart, centreEmail }, defaultYearStart(new Date()));
  if (plan.blockers.length > 0) throw new Error(`Set up refused a new workbook: ${plan.blockers.join(" ")}`);

  const workbook = new Workbook();
  try {
    applyOperations(workbook, plan.operations);
  } catch (error) {
    if (error instanceof CellTextTooLongError) {
      throw new InputError(`Cannot write '${out}': ${error.message} Shorten that text (in the framework file, or the option given) and try again. Nothing was written.`);
    }
    throw error;
  }
  describeWorkbook(workbook, plan, organisation);
  await writeWorkbookFile(out, workbook, { overwrite: options.force === true });

  io.stdout(summary(out, plan, organisation, organisationCode));
  return EXIT.ok;
}

function yearLabel(plan: SetupPlan): string {
  return `${monthLabel(plan.yearStart)} to ${monthLabel(addMonths(plan.yearStart, 11))}`;
}

/** Document properties, shown by Excel under File > Info. */
function describeWorkbook(workbook: Workbook, plan: SetupPlan, organisation: string | undefined): void {
  const now = new Date();
  workbook.creator = TOOL_NAME;
  workbook.lastModifiedBy = TOOL_NAME;
  workbook.created = now;
  workbook.modified = now;
  workbook.title = `${plan.framework.title}, ${yearLabel(plan)}${organisation ? ` - ${organisation}` : ""}`;
  workbook.subject = "Community investment monthly return";
  workbook.keywords = `${plan.framework.id} version ${plan.framework.version}`;
  if (organisation) workbook.company = organisation;
}

function summary(out: string, plan: SetupPlan, organisation: string | undefined, code: string | undefined): string {
  const width = Math.max(...plan.changes.map((c) => c.sheet.length));
  const lines = [
    `Wrote ${out}`,
    `  Framework:      ${plan.framework.title} (${plan.framework.id}, version ${plan.framework.version})`,
    `  Reporting year: ${yearLabel(plan)}`,
  ];
  if (organisation || code) lines.push(`  Organisation:   ${[organisation, code && `code ${code}`].filter(Boolean).join(", ")}`);
  lines.push(`  Sheets:`);
  for (const change of plan.changes) lines.push(`    ${change.sheet.padEnd(width)}  ${change.detail}`);
  return `${lines.join("\n")}\n`;
}

export const templateCommand = defineCommand(OPTIONS, {
  name: "template",
  help,
  takesFiles: false,
  run,
});
