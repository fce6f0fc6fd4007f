/**
 * `impact-returns summary RETURN.xlsx --out SUMMARY.xlsx`: the board summary of a return as a new
 * workbook - Board summary, Summary charts and Summary data sheets - with live formulas over the
 * summary data and native charts. The return itself is only read, never re-saved.
 */
import { analyseReturn, notAReturnMessage } from "../../core/checks";
import { addMonths, defaultYearStart, isoMonth, monthLabel, type YearMonth } from "../../core/calendar";
import { planSummary, rowLabel, summariseReturn, type LastYearFigure, type MeasureSummary, type ReturnSummary, withLastYear } from "../../core/summary";
import { formatMoney, formatNumber } from "../../core/format";
import { readReturnFile, writeFileAtomically } from "../../xlsx/files";
import { summaryWorkbookBytes } from "../../xlsx/summary";
import { defineCommand, InputError, UsageError, type CliIO, type OptionValues } from "../command";
import { ensureWritable, OUT_OPTIONS, outOption, reportWritten } from "../out-option";
import { safeText } from "../text";

const OPTIONS = {
  ...OUT_OPTIONS,
  previous: { type: "string" },
  json: { type: "boolean" },
} as const;

function help(): string {
  return `Usage: impact-returns summary RETURN.xlsx --out SUMMARY.xlsx [--previous LAST-YEAR.xlsx] [options]

Writes a board summary of a return as a new workbook: the key figures of every measure (flows
added up over the months reported, stocks never: their latest value, change and direction),
the social value of the impact map by outcome area and stakeholder group, the case studies
with consent to share, and charts. Figures whose cells have check errors are left out and
counted; figures with a warning not yet explained are used and marked †. The key figures
are live formulas over the Summary data sheet, so a corrected figure there flows through.
With --previous, last year's return of the same organisation is set beside this year: the
same months last year (flows added up, stocks the same month), the change and the change
in per cent. The returns themselves are only read.

Options:
  --out SUMMARY.xlsx      The workbook to write (required). Its folder must exist.
  --force                 Replace SUMMARY.xlsx if it already exists.
  --previous LAST.xlsx    Last year's return of the same organisation, set beside this year.
  --json                  Also print the key figures as JSON on standard output (for pipelines).
  -h, --help              Show this help.

Exit codes: 0 written; 2 bad arguments, or a file cannot be read or is not a return, or
the previous return is of another organisation or not of the year before.

Example:
  impact-returns summary riverside-2020.xlsx --out riverside-board-summary.xlsx
  impact-returns summary riverside-2021.xlsx --previous riverside-2020.xlsx --out board.xlsx
`;
}

const iso = (m: YearMonth | undefined) => (m ? isoMonth(m) : null);

/** The key figures for pipelines (docs/cli.md). */
export function summaryJson(file: string, out: string, s: ReturnSummary): unknown {
  return {
    file,
    out,
    organisation: s.organisation ?? null,
    organisationCode: s.organisationCode ?? null,
    framework: s.framework,
    yearStart: iso(s.yearStart),
    monthsCovered: s.monthsCovered.map(iso),
    excludedFigures: s.excludedFigures,
    warnedFigures: s.warnedFigures,
    lastYear: s.lastYear ? { organisation: s.lastYear.organisation ?? null, yearStart: iso(s.lastYear.yearStart), framework: s.lastYear.framework } : null,
    keyFigures: s.measures.map((m) => ({
      code: m.code,
      measure: m.measure,
      breakdown: m.breakdown,
      unit: m.unit,
      kind: m.kind,
      monthsReported: m.monthsReported,
      yearToDate: m.yearToDate ?? null,
      latestMonth: iso(m.latest?.month),
      latestValue: m.latest?.value ?? null,
      previousMonth: iso(m.previous?.month),
      previousValue: m.previous?.value ?? null,
      change: m.change ?? null,
      direction: m.direction ?? null,
      monthlyAverage: m.monthlyAverage ?? null,
      excluded: m.excluded,
      warned: m.warned,
      ...(m.lastYear ? { lastYear: lastYearJson(m.lastYear) } : {}),
    })),
    socialValue: {
      total: s.socialValue.total,
      outcomes: s.socialValue.outcomes,
      excluded: s.socialValue.excluded,
      byOutcomeArea: s.socialValue.byOutcomeArea,
      byStakeholderGroup: s.socialValue.byStakeholderGroup,
    },
    stories: { listed: s.caseStudies.stories.length, withoutConsent: s.caseStudies.withoutConsent },
    reflections: { listed: s.reflections.lines.length, shared: s.reflections.lines.filter((l) => l.shared).length, excluded: s.reflections.excluded },
  };
}

function lastYearJson(ly: LastYearFigure): unknown {
  if (ly.status !== "compared") return { status: ly.status, value: null, change: null, changePercent: null };
  return { status: ly.status, value: ly.value, change: ly.change ?? null, changePercent: ly.changePercent ?? null };
}

function figure(m: MeasureSummary, n: number | undefined): string {
  if (n === undefined) return "";
  return m.unit === "gbp" ? formatMoney(n) : formatNumber(n, 2);
}

function report(out: string, s: ReturnSummary): string {
  const lines = [
    `Wrote ${safeText(out)}`,
    `  Organisation:   ${safeText(s.organisation ?? "not given", 80)}${s.organisationCode ? ` (${safeText(s.organisationCode, 40)})` : ""}`,
    `  Months covered: ${s.monthsCovered.length === 0 ? "none yet" : `${monthLabel(s.monthsCovered[0]!)} to ${monthLabel(s.monthsCovered[s.monthsCovered.length - 1]!)} (${s.monthsCovered.length} of 12)`}`,
  ];
  if (s.warnedFigures > 0) lines.push(`  Marked †:       ${s.warnedFigures} figure${s.warnedFigures === 1 ? "" : "s"} with a warning not yet explained (used; explain or correct them)`);
  if (s.lastYear) lines.push(`  Last year:      the return for the year from ${monthLabel(s.lastYear.yearStart)}, the same months`);
  if (s.excludedFigures > 0) lines.push(`  Left out:       ${s.excludedFigures} figure${s.excludedFigures === 1 ? "" : "s"} with check errors (run 'impact-returns check' to see them)`);
  lines.push("  Key figures:");
  for (const m of s.measures.filter((x) => x.breakdown === "" || x.breakdown === "Total").slice(0, 40)) {
    const latest = m.latest ? `${figure(m, m.latest.value)} in ${monthLabel(m.latest.month)}` : "not reported";
    const detail = m.kind === "flow" ? `year to date ${figure(m, m.yearToDate) || "-"}; latest ${latest}` : `latest ${latest}${m.direction ? ` (${m.direction.toLowerCase()})` : ""}`;
    lines.push(`    ${safeText(rowLabel(m), 60)}: ${detail}`);
  }
  lines.push(`  Social value:   ${formatMoney(s.socialValue.total)} from ${s.socialValue.outcomes} outcome${s.socialValue.outcomes === 1 ? "" : "s"}`);
  return `${lines.join("\n")}\n`;
}

async function run(values: OptionValues<typeof OPTIONS>, files: string[], io: CliIO): Promise<number> {
  if (files.length !== 1) throw new UsageError(files.length === 0 ? "name the return workbook to summarise, e.g. impact-returns summary return.xlsx --out summary.xlsx" : "give one return workbook at a time");
  const file = files[0]!;
  const out = outOption(values.out, "the summary workbook", "summary.xlsx");
  await ensureWritable(out, values.force === true);

  let summary = await summariseFile(file, defaultYearStart(new Date()));
  if (values.previous !== undefined) {
    const previous = await summariseFile(values.previous, addMonths(summary.yearStart, -12));
    const compared = withLastYear(summary, previous, values.previous);
    if (!compared.ok) throw new InputError(compared.reason);
    summary = compared.summary;
  }
  const plan = planSummary(summary, { builtAt: new Date(), formulas: true, pivots: false });
  const bytes = await summaryWorkbookBytes(plan, { title: `Board summary${summary.organisation ? ` - ${summary.organisation}` : ""}` });
  await writeFileAtomically(out, bytes, { overwrite: values.force === true });

  return reportWritten(io, values.json, () => summaryJson(file, out, summary), () => report(out, summary));
}

/** One return read, checked and summarised; an InputError when it is not a return or names no framework this version has. */
async function summariseFile(file: string, fallbackYearStart: YearMonth): Promise<ReturnSummary> {
  const snapshot = await readReturnFile(file);
  const analysis = analyseReturn(snapshot);
  if (analysis.result.notAReturn) throw new InputError(notAReturnMessage(file));
  const framework = analysis.framework;
  if (!framework) {
    throw new InputError(`'${file}' cannot be summarised: it does not say which framework it uses, or names one this version does not have. Run 'impact-returns check ${file}' to see why.`);
  }
  return summariseReturn({ data: analysis.data, framework, result: analysis.result }, fallbackYearStart);
}

export const summaryCommand = defineCommand(OPTIONS, {
  name: "summary",
  help,
  run,
});
