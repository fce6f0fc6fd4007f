/**
 * The sector bulletin (docs/bulletin-feedback.md): what every submitter may be sent - the
 * sector's headlines for the latest reporting year, its month-on-month reported totals and their
 * charts - and nothing of any one organisation: no names, codes or files, and no sector figure
 * made from fewer organisations than the publication rules allow (./estimates.ts: with two,
 * either could work out the other's figure by subtraction). A year to date is shown only when
 * every month in it may be; a scaled estimate only where coverage reaches the minimum. Pure: a
 * Collation in, a plan of typed cells out, which src/xlsx/sector.ts writes.
 */
import { excelSerial, monthLabel } from "../calendar";
import { gbDate } from "../format";
import { a4Landscape, pagesWideFor } from "../layout/print";
import { BULLETIN_MONTHLY_MEASURE_COLUMNS, BULLETIN_MONTHLY_NOTE, BULLETIN_SHEET, BULLETIN_SUMMARY_COLUMNS, BULLETIN_TABLE, NOT_SHOWN } from "../sheets/feedback";
import { FIGURE_BASIS, MONTHLY_MONTH_COLUMN } from "../sheets/sector";
import { KIND_WORD, UNIT_WORD } from "../sheets/summary";
import { TOOL_LABEL } from "../version";
import { planSectorDrawing } from "./drawing";
import { howFiguresAreMade, suppressed, type PublicationRules } from "./estimates";
import { sectorHeadlines } from "./headlines";
import { unitFormat, type SectorCell, type SectorTablePlan, type TablesPlan } from "./sector-table";

export { unitFormat };
import { ym } from "./submission";
import type { Collation, MeasureLine, SectorTotalRow } from "./types";

export const BULLETIN_TITLE = "Sector bulletin";

export const figureCell = (value: number | undefined, unit: MeasureLine["unit"]): SectorCell => (value === undefined ? null : { value, format: unitFormat(unit) });
export const monthCell = (month: string): SectorCell => {
  const m = ym(month);
  return { value: excelSerial(m.year, m.month, 1), format: "month" };
};
export const lineCells = (l: MeasureLine): SectorCell[] => [l.code, l.label, l.breakdown === "" ? null : l.breakdown, UNIT_WORD[l.unit], KIND_WORD[l.kind]];
export const cellKey = (code: string, breakdown: string, month: string): string => `${code}|${breakdown}|${month}`;

/** The sector totals that may be shown to others: those made from at least the minimum number of organisations. */
export function publishableTotals(c: Collation, rules: PublicationRules): SectorTotalRow[] {
  return c.totals.filter((t) => suppressed(t.organisations, rules.minimumOrganisations) === undefined);
}

/** Every sheet of a bulletin or feedback workbook prints on A4 landscape with its header row on every page. */
export function printEverySheet(tables: readonly SectorTablePlan[], headerLeft: string, asOf: Collation["asOf"], pagesWide?: (t: SectorTablePlan) => number | undefined): void {
  const right = `As on ${gbDate(asOf)}`;
  for (const t of tables) {
    t.layout = a4Landscape({ header: { left: headerLeft, center: t.sheet, right }, footerLeft: TOOL_LABEL, titleRow: 1, pagesWide: pagesWide?.(t) ?? pagesWideFor(t.columns.map((col) => col.width)) });
  }
}

export function planBulletin(c: Collation, rules: PublicationRules): TablesPlan {
  const h = sectorHeadlines(c);
  const min = rules.minimumOrganisations;
  const byCell = new Map(c.totals.map((t) => [cellKey(t.code, t.breakdown, t.month), t]));
  const cellsOf = (l: MeasureLine) => h.months.map((m) => byCell.get(cellKey(l.code, l.breakdown, m)));

  const summary: SectorTablePlan = {
    sheet: BULLETIN_SHEET.summary,
    table: BULLETIN_TABLE.summary,
    columns: BULLETIN_SUMMARY_COLUMNS.map((col) => ({ ...col })),
    rows: h.rows.map((r) => {
      const reported = cellsOf(r).filter((t): t is SectorTotalRow => t !== undefined);
      const latest = reported[reported.length - 1];
      const latestHidden = latest === undefined || suppressed(latest.organisations, min) !== undefined;
      // A stock is its latest month; a flow's year to date adds up every month, so each must be showable.
      const hidden = r.kind === "stock" ? latestHidden : reported.some((t) => suppressed(t.organisations, min) !== undefined);
      const lowCoverage = r.coverage !== undefined && r.coverage + 1e-9 < rules.minimumCoverage;
      const estimate = hidden || lowCoverage ? undefined : r.scaledEstimate;
      return [
        ...lineCells(r),
        r.monthsReported,
        r.latestMonth === undefined ? null : monthCell(r.latestMonth),
        latestHidden ? null : r.organisations,
        latestHidden || r.coverage === undefined ? null : { value: r.coverage, format: "percent" },
        FIGURE_BASIS[r.kind],
        hidden ? null : figureCell(r.reported, r.unit),
        figureCell(estimate, r.unit),
        hidden ? suppressed(0, min)! : (r.estimateNote ?? (estimate === undefined && r.scaledEstimate !== undefined ? "No estimate: coverage is below the minimum." : null)),
      ];
    }),
  };

  summary.notes = howFiguresAreMade(rules, c.sectorHomes, true);

  const monthly: SectorTablePlan = {
    sheet: BULLETIN_SHEET.monthly,
    table: BULLETIN_TABLE.monthly,
    columns: [...BULLETIN_MONTHLY_MEASURE_COLUMNS.map((col) => ({ ...col })), ...h.months.map((m) => ({ header: monthLabel(ym(m)), ...MONTHLY_MONTH_COLUMN })), { ...BULLETIN_MONTHLY_NOTE }],
    rows: h.monthly.map(({ line }) => {
      let anyHidden = false;
      const values = cellsOf(line).map((t): SectorCell => {
        if (t === undefined) return null;
        if (suppressed(t.organisations, min) !== undefined) {
          anyHidden = true;
          return NOT_SHOWN;
        }
        return figureCell(t.reportedTotal, line.unit);
      });
      return [...lineCells(line), ...values, anyHidden ? suppressed(0, min)! : null];
    }),
  };

  // The charts: the sector workbook's, drawn from the showable totals of the same reporting year only.
  const months = new Set(h.months);
  const drawing = planSectorDrawing({ ...c, totals: publishableTotals(c, rules).filter((t) => months.has(t.month)) });
  const data: SectorTablePlan = { ...drawing.data, table: BULLETIN_TABLE.charts };
  const tables = [summary, monthly];
  // One page wide, all of it: a bulletin is read on paper (the twelve months fit at a small scale).
  printEverySheet([...tables, data], BULLETIN_TITLE, c.asOf, () => 1);
  return { title: BULLETIN_TITLE, tables, drawing: { data, charts: drawing.charts } };
}
