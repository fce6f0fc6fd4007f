/**
 * `impact-returns summary RETURN.xlsx --out SUMMARY.xlsx`: the board summary of a return as a new
 * workbook - Board summary, Summary charts and Summary data sheets - with live formulas over the
 * summary data and native charts. The return itself is only read, never re-saved.
 */
import { analyseReturn } from "../../core/checks";
import { defaultYearStart, isoMonth, monthLabel, type YearMonth } from "../../core/calendar";
import { planSummary, rowLabel, summariseReturn, type MeasureSummary, type ReturnSummary } from "../../core/summary";
import { formatMoney, formatNumber } from "../../core/format";
import { readWorkbookFile, writeFileAtomically } from "../../xlsx/files";
import { readSnapshot } from "../../xlsx/read";
import { summaryWorkbookBytes } from "../../xlsx/summary";
import { defineCommand, InputError, UsageError, type CliIO, type OptionValues } from "../command";
import { ensureWritable, OUT_OPTIONS, outOption, reportWritten } from "../out-option";
import { safeText } from "../text";

const OPTIONS = {
  ...OUT_OPTIONS,
  json: { type: "boolean" },
} as const;

function help(): string {
  return `Usage: impact-returns summary RETURN.xlsx --out SUMMARY.xlsx [options]

Writes a board summary of a return as a new workbook: the key figures of every measure (flows
added up over the months reported, stocks never: their latest value, change and direction),
the social value of the impact map by outcome area and stakeholder group, the case studies
with consent to share, and charts. Figures whose cells have check errors are left out and
counted. The key figures are live formulas over the Summary data sheet, so a corrected
figure there flows through. The return itself is only read.

Options:
  --out SUMMARY.xlsx      The workbook to write (required). Its folder must exist.
  --force                 Replace SUMMARY.xlsx if it already exists.
  --json                  Also print the key figures as JSON on standard output (for pipelines).
  -h, --help              Show this help.

Exit codes: 0 written; 2 bad arguments, or the file cannot be read or is not a return.

Example:
  impact-returns summary riverside-2020.xlsx --out riverside-board-summary.xlsx
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

  const snapshot = readSnapshot(await readWorkbookFile(file));
  const analysis = analyseReturn(snapshot);
  if (analysis.result.notAReturn) throw new InputError(`'${file}' is not an Impact Returns workbook: ${analysis.result.notAReturn}.`);
  const framework = analysis.framework;
  if (!framework) {
    throw new InputError(`'${file}' cannot be summarised: it does not say which framework it uses, or names one this version does not have. Run 'impact-returns check ${file}' to see why.`);
  }
  const summary = summariseReturn({ data: analysis.data, framework, result: analysis.result }, defaultYearStart(new Date()));
  const plan = planSummary(summary, { builtAt: new Date(), formulas: true, pivots: false });
  const bytes = await summaryWorkbookBytes(plan, { title: `Board summary${summary.organisation ? ` - ${summary.organisation}` : ""}` });
  await writeFileAtomically(out, bytes, { overwrite: values.force === true });

  return reportWritten(io, values.json, () => summaryJson(file, out, summary), () => report(out, summary));
}

export const summaryCommand = defineCommand(OPTIONS, {
  name: "summary",
  summary: "Write a board summary of a return (.xlsx): key figures, social value, stories and charts",
  help,
  run,
});
