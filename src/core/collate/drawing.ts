/**
 * What the sector workbook draws, decided in the core (what to chart is a domain decision) in the
 * vocabulary Summarise uses (../summary/specs.ts): the chart data table of the latest reporting
 * year, for each key measure (the framework's, else every measure's total; at most six) its
 * reported total by month and, where it could be made, its scaled estimate, and the sector's
 * coverage; charts of each (see planSectorDrawing); and PivotTables of reported totals by measure
 * and month, one a unit. The Excel
 * gateway draws all of it (src/excel/draw.ts); the .xlsx gateway draws the charts as native chart
 * parts (src/xlsx/sector.ts), since files get no PivotTables.
 */
import { CHART_MONTH_FORMAT, chartMonthLabel, excelSerial, isoMonth, monthLabel, reportingMonths } from "../calendar";
import { latestReportingYear } from "./headlines";
import { findBuiltinFramework } from "../framework";
import { cellAddress, columnLetter } from "../layout/a1";
import { SECTOR_CHART_TABLE, SECTOR_EXTRA_SHEET, SECTOR_PIVOT, SECTOR_TABLE } from "../layout/sector-contract";
import { PIVOT_COLUMN_WIDTHS, PIVOT_PART_FIELD, PIVOT_UNITS, pivotBlock, type ChartSpec, type PivotSpec } from "../summary/specs";
import { UNIT_WORD } from "../sheets/summary";
import { SECTOR_FORMATS, unitFormat, type SectorCell, type SectorColumn, type SectorFormat, type SectorTablePlan } from "./sector-table";
import { ym } from "./submission";
import type { Collation } from "./types";

/** At most this many key measures are charted. */
const MAX_CHARTED = 6;
/** Each chart covers this many columns and rows; two charts side by side. */
const CHART_COLUMNS = 7;
const CHART_ROWS = 15;

export interface SectorDrawing {
  /** The chart data, a table of its own on the charts sheet. */
  data: SectorTablePlan;
  charts: ChartSpec[];
  /** The Sector pivots sheet's PivotTables, one a unit. */
  pivots: PivotSpec[];
  /** The Sector pivots sheet's heading (A1); each PivotTable has its own (PivotSpec.heading). */
  pivotHeading: string;
  /** The Sector pivots sheet's column widths, in characters from column A. */
  pivotWidths: readonly number[];
}

/** The key measures (the framework's, else every measure's total), at most six. */
function chartedLines(c: Collation): Collation["lines"] {
  const counts = new Map<string, number>();
  for (const f of c.files) if (f.status === "accepted" && f.framework) counts.set(f.framework, (counts.get(f.framework) ?? 0) + 1);
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const framework = main ? findBuiltinFramework(main) : undefined;
  const keyCodes = new Set((framework?.measures ?? []).filter((m) => (m as { key?: boolean }).key).map((m) => m.code.toUpperCase()));
  const totals = c.lines.filter((l) => l.breakdown === "" || l.breakdown === "Total");
  const withFigures = totals.filter((l) => c.totals.some((t) => t.code === l.code && t.breakdown === l.breakdown));
  const key = withFigures.filter((l) => keyCodes.has(l.code.toUpperCase()));
  return (key.length > 0 ? key : withFigures).slice(0, MAX_CHARTED);
}

/** The months a chart covers: the latest reporting year's months with a sector figure (one year a chart, never two run together). */
function chartedMonths(c: Collation): string[] {
  const yearStart = latestReportingYear(c);
  const all = [...new Set(c.totals.map((t) => t.month))].sort();
  if (yearStart === undefined) return all;
  const year = new Set(reportingMonths(ym(yearStart)).map(isoMonth));
  return all.filter((m) => year.has(m));
}

/** Each month's coverage of the sector's homes by the organisations with any figure that month (0-1). */
function coverageByMonth(c: Collation): (month: string) => number | undefined {
  if (c.sectorHomes === undefined || !(c.sectorHomes > 0)) return () => undefined;
  const homes = new Map(c.organisations.map((o) => [o.organisationCode.toUpperCase(), o.homesManaged]));
  const reporting = new Map<string, Set<string>>();
  for (const d of c.data) {
    const set = reporting.get(d.month) ?? new Set<string>();
    set.add(d.organisationCode.toUpperCase());
    reporting.set(d.month, set);
  }
  return (month) => {
    const orgs = reporting.get(month);
    if (!orgs) return undefined;
    let covered = 0;
    for (const o of orgs) covered += homes.get(o) ?? 0;
    return covered / c.sectorHomes!;
  };
}

/**
 * The sector's charts and PivotTable, as data. Charts tell the truth: one reporting year (the
 * latest) a chart; reported totals and scaled estimates never share a value axis (each key measure
 * has a column chart of what was reported and, where any month could be estimated, a line chart of
 * the scaled estimate of its own); coverage is one percentage line on a chart of its own; months are
 * labelled "Apr 24"; every chart's legend names exactly its series.
 */
export function planSectorDrawing(c: Collation): SectorDrawing {
  const lines = chartedLines(c);
  const months = chartedMonths(c);
  const year = months.length > 0 ? `${monthLabel(ym(months[0]!))} to ${monthLabel(ym(months[months.length - 1]!))}` : "";
  const byKey = new Map(c.totals.map((t) => [`${t.code}|${t.breakdown}|${t.month}`, t]));
  const columns: SectorColumn[] = [{ header: "Month", format: "month", width: 10 }];
  const cellsOf: ((month: string) => number | undefined)[] = [];
  type Planned = Omit<ChartSpec, "anchor" | "categories" | "categoryLabels" | "series"> & { series: { name: string; column: number }[] };
  const planned: Planned[] = [];
  const add = (header: string, format: SectorFormat, value: (month: string) => number | undefined): number => {
    columns.push({ header, format, width: 16 });
    cellsOf.push(value);
    return columns.length - 1;
  };
  const chart = (title: string, type: ChartSpec["type"], series: Planned["series"], valueAxisTitle: string, valueNumberFormat: string) =>
    planned.push({
      sheet: SECTOR_EXTRA_SHEET.charts,
      name: `SectorChart${planned.length + 1}`,
      type,
      title,
      series,
      valueAxisTitle,
      categoryAxisTitle: "Month",
      valueNumberFormat,
      categoryNumberFormat: CHART_MONTH_FORMAT,
    });
  for (const l of lines) {
    const name = l.label;
    const format = unitFormat(l.unit);
    const axis = l.unit === "gbp" ? "£" : l.unit === "hours" ? "Hours" : "Number";
    const at = (m: string) => byKey.get(`${l.code}|${l.breakdown}|${m}`);
    chart(`${name}: reported, ${year}`, "column", [{ name: "Reported total", column: add(`${name}: reported total`, format, (m) => at(m)?.reportedTotal) }], axis, SECTOR_FORMATS[format]);
    if (months.some((m) => at(m)?.scaledEstimate !== undefined)) {
      chart(`${name}: scaled estimate for the sector, ${year}`, "line", [{ name: "Scaled estimate", column: add(`${name}: scaled estimate`, format, (m) => at(m)?.scaledEstimate) }], axis, SECTOR_FORMATS[format]);
    }
  }
  const coverage = coverageByMonth(c);
  if (months.some((m) => coverage(m) !== undefined)) {
    chart(`Coverage: share of the sector's homes reporting, ${year}`, "line", [{ name: "Coverage", column: add("Coverage", "percent", coverage) }], "Coverage", "0%");
  }

  const rows: SectorCell[][] = months.map((m) => {
    const month = ym(m);
    return [{ value: excelSerial(month.year, month.month, 1), format: "month" }, ...cellsOf.map((f) => f(m) ?? null)];
  });
  const data: SectorTablePlan = { sheet: SECTOR_EXTRA_SHEET.charts, table: SECTOR_CHART_TABLE, columns, rows };

  // Charts below the table, two a row of charts.
  const bodyRows = Math.max(1, rows.length);
  const column = (i: number) => `${columnLetter(i)}2:${columnLetter(i)}${bodyRows + 1}`;
  const top = bodyRows + 2;
  const charts: ChartSpec[] = planned.map((p, i) => {
    const row = top + Math.floor(i / 2) * (CHART_ROWS + 1);
    const col = (i % 2) * (CHART_COLUMNS + 1);
    return {
      ...p,
      categories: column(0),
      categoryLabels: months.map((m) => chartMonthLabel(ym(m))),
      series: p.series.map((s) => ({ name: s.name, values: column(s.column), figures: months.map((m) => cellsOf[s.column - 1]!(m) ?? null) })),
      anchor: { from: { row, col }, to: { row: row + CHART_ROWS, col: col + CHART_COLUMNS } },
    };
  });

  return { data, charts, ...planSectorPivots(c) };
}

/**
 * The Sector pivots sheet: a PivotTable of SectorTotals for each unit reported, each under its own
 * heading (rows Measure and Part, so a measure's total comes first and no row is blank; columns
 * Month; no grand totals: stocks never add up over months), with a Unit filter showing its one
 * unit where others exist, and the unit's number format (money in £).
 */
function planSectorPivots(c: Collation): Pick<SectorDrawing, "pivots" | "pivotHeading" | "pivotWidths"> {
  const pivots: PivotSpec[] = [];
  const units = new Set(c.totals.map((t) => t.unit));
  let row = 2;
  for (const { unit, id, words } of PIVOT_UNITS) {
    if (!units.has(unit)) continue;
    const lines = c.lines.filter((l) => l.unit === unit && c.totals.some((t) => t.code === l.code && t.breakdown === l.breakdown));
    const hide = [...units].filter((u) => u !== unit).map((u) => UNIT_WORD[u]);
    const filters = hide.length > 0 ? [{ field: "Unit", hide }] : [];
    const block = pivotBlock(row, filters.length, lines.length);
    pivots.push({
      name: `${SECTOR_PIVOT}${id}`,
      sheet: SECTOR_EXTRA_SHEET.pivots,
      destination: cellAddress(block.destination, 0),
      source: SECTOR_TABLE.totals,
      rows: ["Measure", PIVOT_PART_FIELD],
      columns: ["Month"],
      data: { field: "Reported total", name: "Sum of reported total", numberFormat: SECTOR_FORMATS[unitFormat(unit)] },
      filters,
      rowGrandTotals: false,
      columnGrandTotals: false,
      height: block.height,
      heading: { row, text: `Reported total (${words})`, fontSize: 11 },
    });
    row = block.next;
  }
  return { pivots, pivotHeading: "Reported total by measure and month (each month on its own: stocks never add up over months)", pivotWidths: PIVOT_COLUMN_WIDTHS };
}

