/**
 * The charts of the preview's download: the in-memory host's charts (what Summarise drew, through
 * src/excel/draw.ts) as the .xlsx chart writer's specs (src/xlsx/charts/types.ts), so the download
 * holds native charts on the same sheets, over the same cells, with the same titles, axes, number
 * formats and the same cell ranges plotted. The writer draws clustered columns, lines with markers
 * and clustered bars (what Summarise and Collate draw); a chart of any other kind, or one the
 * writer cannot place, is left out and named in `leftOut`. Browser-safe: no Node APIs.
 */
import type { ChartModel, ChartSeriesModel, Rect, SheetModel, WorkbookModel } from "../memory-host";
import { columnLeft, MAX_COLUMNS, MAX_ROWS, rowTop } from "../memory-host";
import { cellAddress } from "../core/layout/a1";
import { sheetRef } from "../xlsx/charts/plan";
import type { CellPosition, ChartSpec, ChartType } from "../xlsx/charts/types";

/** The Office.js chart types the writer draws as they are in Excel (src/excel/draw.ts draws these three). */
const WRITTEN_TYPES: Readonly<Record<string, ChartType>> = {
  ColumnClustered: "column",
  LineMarkers: "line",
  BarClustered: "bar",
};

export interface DownloadCharts {
  charts: ChartSpec[];
  /** Charts the download does not hold, as "<chart> on <sheet> (<why>)". */
  leftOut: string[];
}

/**
 * The index of the cell edge nearest `position` (points from the sheet's top or left), edges being
 * `edge(0)`, `edge(1)`... up to `edge(max)`, in order. Of edges at the same place (hidden rows or
 * columns), the last: a chart's corner goes in the visible cell.
 */
export function nearestEdge(position: number, edge: (index: number) => number, max: number): number {
  /** The last index whose edge is at `at` or before it. */
  const lastUpTo = (at: number): number => {
    let lo = 0;
    let hi = max;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (edge(mid) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const before = lastUpTo(position);
  if (before === max) return before;
  const after = edge(before + 1);
  return after - position < position - edge(before) ? lastUpTo(after) : before;
}

/** The cells a chart covers, from its position in points: its corners at the nearest cell edges, at least one cell each way. */
export function anchorOf(sheet: SheetModel, chart: Pick<ChartModel, "top" | "left" | "width" | "height">): { from: CellPosition; to: CellPosition } {
  const row = (y: number) => nearestEdge(y, (r) => rowTop(sheet, r), MAX_ROWS);
  const col = (x: number) => nearestEdge(x, (c) => columnLeft(sheet, c), MAX_COLUMNS);
  const from = { row: row(chart.top), col: col(chart.left) };
  const to = { row: Math.max(from.row + 1, row(chart.top + chart.height)), col: Math.max(from.col + 1, col(chart.left + chart.width)) };
  return { from, to };
}

function rectAddress(rect: Rect): string {
  const first = cellAddress(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? first : `${first}:${cellAddress(rect.r1, rect.c1)}`;
}

function cellsOf(rect: Rect): [number, number][] {
  const out: [number, number][] = [];
  for (let row = rect.r0; row <= rect.r1; row++) for (let col = rect.c0; col <= rect.c1; col++) out.push([row, col]);
  return out;
}

const shown = (title: { text: string; visible: boolean }): string => (title.visible ? title.text : "");

/** One model chart as the writer's spec, or why it cannot be written. */
function fileChart(chart: ChartModel, name: string): ChartSpec | string {
  const type = WRITTEN_TYPES[chart.chartType];
  if (type === undefined) return `a ${chart.chartType} chart, which the download cannot draw`;
  const plotted = chart.series.filter((s): s is ChartSeriesModel & { values: NonNullable<ChartSeriesModel["values"]> } => s.values !== null);
  if (plotted.length === 0) return "it plots no cells";
  if (plotted.some((s) => s.chartType !== null && s.chartType !== chart.chartType)) return "its series are of different kinds";
  const labelled = plotted.find((s) => s.categories !== null)?.categories;
  if (!labelled) return "it has no category labels from cells";
  const categoryFormat = chart.axes.category.numberFormat;
  const dated = categoryFormat !== "" && categoryFormat !== "General";
  const categoryCells = cellsOf(labelled.rect);
  const spec: ChartSpec = {
    sheet: chart.sheet.name,
    name,
    type,
    title: shown(chart.title),
    categories: sheetRef(labelled.sheet.name, rectAddress(labelled.rect)),
    categoriesCache: dated
      ? categoryCells.map(([row, col]) => labelled.sheet.valueAt(row, col)).map((v) => (typeof v === "number" ? v : String(v)))
      : categoryCells.map(([row, col]) => labelled.sheet.textAt(row, col)),
    series: plotted.map((s) => ({
      name: s.name,
      values: sheetRef(s.values.sheet.name, rectAddress(s.values.rect)),
      cache: cellsOf(s.values.rect).map(([row, col]) => {
        const v = s.values.sheet.valueAt(row, col);
        return typeof v === "number" ? v : null;
      }),
    })),
    valueAxisTitle: shown(chart.axes.value.title),
    categoryAxisTitle: shown(chart.axes.category.title),
    legend: chart.legend.visible,
    valueAxisFromZero: chart.axes.value.minimum === 0,
    anchor: anchorOf(chart.sheet, chart),
  };
  if (dated) spec.categoryNumberFormat = categoryFormat;
  const valueFormat = chart.axes.value.numberFormat;
  if (valueFormat !== "" && valueFormat !== "General") spec.valueNumberFormat = valueFormat;
  return spec;
}

/** Every chart of the workbook as the writer's spec, sheet by sheet; names made unique on their sheet (Excel does not insist). */
export function downloadCharts(model: WorkbookModel): DownloadCharts {
  const charts: ChartSpec[] = [];
  const leftOut: string[] = [];
  for (const sheet of model.sheets) {
    const names = new Set<string>();
    for (const chart of sheet.charts) {
      if (chart.deleted) continue;
      const base = chart.name.trim() === "" ? "Chart" : chart.name;
      let name = base;
      for (let n = 2; names.has(name); n++) name = `${base} (${n})`;
      const spec = fileChart(chart, name);
      if (typeof spec === "string") {
        leftOut.push(`"${chart.name}" on ${sheet.name} (${spec})`);
        continue;
      }
      names.add(name);
      charts.push(spec);
    }
  }
  return { charts, leftOut };
}
