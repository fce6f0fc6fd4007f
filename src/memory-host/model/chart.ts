/// <reference types="office-js" />
/**
 * This file is the model (no proxies); the Office.js proxies are in `api/chart.ts`.
 *
 * Charts (ExcelApi 1.1; `chartType` and series `add`/`setValues`/`setXAxisValues` 1.7; axis
 * `numberFormat` 1.8): the model and the proxies `ChartCollection`, `Chart`, `ChartTitle`,
 * `ChartLegend`, `ChartAxes`, `ChartAxis`, `ChartAxisTitle`, `ChartSeriesCollection` and
 * `ChartSeries`.
 *
 * A chart keeps the resolved addresses of what it plots; `chartData(chart)` reads the figures from
 * the cells (charts are live in Excel: they follow their cells), so tests and the preview see
 * what the chart draws.
 *
 * Names: Excel numbers new charts "Chart 1", "Chart 2"... per sheet, but does not keep chart names
 * unique: Office's reference for `ChartCollection.getItem` says "If there are multiple charts with
 * the same name, the first one will be returned", so renaming a chart to a name in use is
 * accepted, and `getItem` returns the first chart of that name.
 */
import type { Rect } from "../address";
import { columnCount, formatAddress, parseAddress, rowCount } from "../address";
import { officeError } from "../errors";
import type { ChartAxisModel, ChartModel, ChartRef, ChartSeriesModel, SheetModel } from "./types";

export const CHART_TYPES = [
  "ColumnClustered", "ColumnStacked", "ColumnStacked100", "3DColumnClustered", "3DColumnStacked", "3DColumnStacked100",
  "BarClustered", "BarStacked", "BarStacked100", "3DBarClustered", "3DBarStacked", "3DBarStacked100", "LineStacked",
  "LineStacked100", "LineMarkers", "LineMarkersStacked", "LineMarkersStacked100", "PieOfPie", "PieExploded", "3DPieExploded",
  "BarOfPie", "XYScatterSmooth", "XYScatterSmoothNoMarkers", "XYScatterLines", "XYScatterLinesNoMarkers", "AreaStacked",
  "AreaStacked100", "3DAreaStacked", "3DAreaStacked100", "DoughnutExploded", "RadarMarkers", "RadarFilled", "Surface",
  "SurfaceWireframe", "SurfaceTopView", "SurfaceTopViewWireframe", "Bubble", "Bubble3DEffect", "StockHLC", "StockOHLC",
  "StockVHLC", "StockVOHLC", "CylinderColClustered", "CylinderColStacked", "CylinderColStacked100", "CylinderBarClustered",
  "CylinderBarStacked", "CylinderBarStacked100", "CylinderCol", "ConeColClustered", "ConeColStacked", "ConeColStacked100",
  "ConeBarClustered", "ConeBarStacked", "ConeBarStacked100", "ConeCol", "PyramidColClustered", "PyramidColStacked",
  "PyramidColStacked100", "PyramidBarClustered", "PyramidBarStacked", "PyramidBarStacked100", "PyramidCol", "3DColumn", "Line",
  "3DLine", "3DPie", "Pie", "XYScatter", "3DArea", "Area", "Doughnut", "Radar", "Histogram", "Boxwhisker", "Pareto", "RegionMap",
  "Treemap", "Waterfall", "Sunburst", "Funnel",
]; // prettier-ignore

// ---------------------------------------------------------------------------------------------
// Model

export class Chart implements ChartModel {
  title = { text: "", visible: false };
  legend = { visible: true, position: "Right" };
  axes: { category: ChartAxisModel; value: ChartAxisModel } = {
    category: { title: { text: "", visible: false }, numberFormat: "General", minimum: null },
    value: { title: { text: "", visible: false }, numberFormat: "General", minimum: null },
  };
  series: ChartSeriesModel[] = [];
  /** Position and size in points, from the sheet's top-left corner. */
  top = 0;
  left = 0;
  width = 360;
  height = 216;
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
    public chartType: string,
    readonly sheet: SheetModel,
    /** The range given to `add` (resolved address), or null. */
    public source: ChartRef | null,
    public seriesBy: "Columns" | "Rows",
  ) {}
}

/** Distance in points from the top of the sheet to the top of `row`. */
export function rowTop(sheet: SheetModel, row: number): number {
  let y = row * sheet.standardHeight;
  for (const [r, h] of sheet.rowHeights) if (r < row) y += h - sheet.standardHeight;
  for (const r of sheet.hiddenRows) if (r < row) y -= sheet.rowHeight(r);
  return y;
}

/** Distance in points from the left of the sheet to the left of `col`. */
export function columnLeft(sheet: SheetModel, col: number): number {
  let x = col * sheet.standardWidth;
  for (const [c, w] of sheet.columnWidths) if (c < col) x += w - sheet.standardWidth;
  for (const c of sheet.hiddenColumns) if (c < col) x -= sheet.columnWidth(c);
  return x;
}

function isLabel(sheet: SheetModel, row: number, col: number): boolean {
  const v = sheet.valueAt(row, col);
  return typeof v === "string" && v !== "";
}

function isDate(sheet: SheetModel, row: number, col: number): boolean {
  return typeof sheet.valueAt(row, col) === "number" && /[dmy]/i.test(sheet.formatAt(row, col, "numberFormat").replace(/"[^"]*"/g, ""));
}

/**
 * Splits a source range into series as Excel does: the first row holds series names when it has
 * text (or the top-left cell is blank), the first column holds categories when it has text or
 * dates (or the top-left cell is blank). `Auto` plots by columns unless there are more columns than
 * rows.
 */
export function seriesFromSource(ref: ChartRef, seriesBy: "Auto" | "Columns" | "Rows"): { by: "Columns" | "Rows"; series: ChartSeriesModel[] } {
  const { sheet, rect: r } = ref;
  const by = seriesBy === "Auto" ? (columnCount(r) > rowCount(r) ? "Rows" : "Columns") : seriesBy;
  // Work in (line, across) terms: a line is one series.
  const lines = by === "Columns" ? columnCount(r) : rowCount(r);
  const across = by === "Columns" ? rowCount(r) : columnCount(r);
  const cell = (line: number, i: number): [number, number] => (by === "Columns" ? [r.r0 + i, r.c0 + line] : [r.r0 + line, r.c0 + i]);
  const topLeftBlank = sheet.valueAt(r.r0, r.c0) === "";
  let names = topLeftBlank && lines > 1 && across > 1;
  for (let line = 1; line < lines && !names; line++) if (isLabel(sheet, ...cell(line, 0))) names = true;
  let categories = topLeftBlank && lines > 1 && across > 1;
  for (let i = names ? 1 : 0; i < across && !categories && lines > 1; i++) {
    if (isLabel(sheet, ...cell(0, i)) || isDate(sheet, ...cell(0, i))) categories = true;
  }
  const first = names ? 1 : 0;
  const span = (line: number): Rect => {
    const [r0, c0] = cell(line, first);
    const [r1, c1] = cell(line, across - 1);
    return { r0, c0, r1, c1 };
  };
  const series: ChartSeriesModel[] = [];
  for (let line = categories ? 1 : 0; line < lines; line++) {
    if (first > across - 1) break;
    const name = names ? sheet.textAt(...cell(line, 0)) : `Series${series.length + 1}`;
    series.push({ name, values: { sheet, rect: span(line) }, categories: categories ? { sheet, rect: span(0) } : null, chartType: null });
  }
  return { by, series };
}

export interface ChartData {
  categories: string[];
  series: { name: string; chartType: string; values: (number | null)[] }[];
}

function cellsOf(ref: ChartRef): [number, number][] {
  const out: [number, number][] = [];
  for (let row = ref.rect.r0; row <= ref.rect.r1; row++) for (let col = ref.rect.c0; col <= ref.rect.c1; col++) out.push([row, col]);
  return out;
}

/** What a chart draws, read from its cells now: category labels and each series' numbers. */
export function chartData(chart: ChartModel): ChartData {
  const series = chart.series.map((s) => ({
    name: s.name,
    chartType: s.chartType ?? chart.chartType,
    values: s.values
      ? cellsOf(s.values).map(([row, col]) => {
          const v = s.values?.sheet.valueAt(row, col);
          return typeof v === "number" ? v : null;
        })
      : [],
  }));
  const longest = Math.max(0, ...series.map((s) => s.values.length));
  const labelled = chart.series.find((s) => s.categories);
  const categories = labelled?.categories
    ? cellsOf(labelled.categories).map(([row, col]) => labelled.categories?.sheet.textAt(row, col) ?? "")
    : Array.from({ length: longest }, (_, i) => String(i + 1));
  return { categories, series };
}

/** `charts.add(type, sourceData, seriesBy)`. */
export function addChart(sheet: SheetModel, type: unknown, source: ChartRef, seriesBy: unknown, location: string): ChartModel {
  if (typeof type !== "string" || !CHART_TYPES.includes(type)) throw officeError("InvalidArgument", undefined, location);
  const by = seriesBy === undefined || seriesBy === null ? "Auto" : seriesBy;
  if (by !== "Auto" && by !== "Columns" && by !== "Rows") throw officeError("InvalidArgument", undefined, location);
  if (sheet.protection.protected && !sheet.protection.options.allowEditObjects) throw officeError("AccessDenied", undefined, location);
  const workbook = sheet.workbook;
  let n = 1;
  while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
  const { by: resolved, series } = seriesFromSource(source, by);
  const chart = new Chart(`{CH${String(workbook.nextChartId++).padStart(6, "0")}}`, `Chart ${n}`, type, sheet, source, resolved);
  chart.series = series;
  // One series: Excel titles the chart with the series name and shows no legend.
  if (series.length === 1) chart.title = { text: (series[0] as ChartSeriesModel).name, visible: true };
  chart.legend.visible = series.length > 1;
  chart.legend.position = "Bottom";
  // Placed beside its data (Excel centres a new chart in the window; the host has no window).
  if (source.sheet === sheet) {
    chart.top = rowTop(sheet, source.rect.r0);
    chart.left = columnLeft(sheet, Math.min(source.rect.c1 + 2, 16_383));
  }
  sheet.charts.push(chart);
  workbook.touch();
  return chart;
}

// ---------------------------------------------------------------------------------------------
// Snapshots

export interface ChartSnapshot {
  name: string;
  chartType: string;
  /** The source range ("Data!A1:C13"), when the chart was made from one. */
  source?: string;
  seriesBy?: "Columns" | "Rows";
  title?: { text: string; visible: boolean };
  legend?: { visible: boolean; position: string };
  axes?: { category?: Partial<ChartAxisModel>; value?: Partial<ChartAxisModel> };
  position?: { top: number; left: number; width: number; height: number };
  series?: { name: string; values?: string; categories?: string; chartType?: string | null }[];
}

function refAddress(ref: ChartRef | null): string | undefined {
  return ref ? formatAddress(ref.sheet.name, ref.rect) : undefined;
}

function refFrom(sheet: SheetModel, address: string | undefined): ChartRef | null {
  if (!address) return null;
  const parsed = parseAddress(address);
  const target = parsed.sheet === undefined ? sheet : sheet.workbook.findSheet(parsed.sheet);
  if (!target) throw new Error(`Memory Excel host: no sheet for ${address}`);
  return { sheet: target, rect: parsed.rect };
}

export function chartSnapshot(chart: ChartModel): ChartSnapshot {
  const out: ChartSnapshot = {
    name: chart.name,
    chartType: chart.chartType,
    seriesBy: chart.seriesBy,
    title: { ...chart.title },
    legend: { ...chart.legend },
    axes: { category: structuredClone(chart.axes.category), value: structuredClone(chart.axes.value) },
    position: { top: chart.top, left: chart.left, width: chart.width, height: chart.height },
    series: chart.series.map((s) => ({ name: s.name, values: refAddress(s.values), categories: refAddress(s.categories), chartType: s.chartType })),
  };
  const source = refAddress(chart.source);
  if (source) out.source = source;
  return out;
}

export function loadChartSnapshot(sheet: SheetModel, s: ChartSnapshot): ChartModel {
  const workbook = sheet.workbook;
  const chart = new Chart(`{CH${String(workbook.nextChartId++).padStart(6, "0")}}`, s.name, s.chartType, sheet, refFrom(sheet, s.source), s.seriesBy ?? "Columns");
  if (s.series) {
    chart.series = s.series.map((x) => ({ name: x.name, values: refFrom(sheet, x.values), categories: refFrom(sheet, x.categories), chartType: x.chartType ?? null }));
  } else if (chart.source) chart.series = seriesFromSource(chart.source, chart.seriesBy).series;
  if (s.title) chart.title = { ...s.title };
  if (s.legend) chart.legend = { ...s.legend };
  if (s.axes?.category) chart.axes.category = { ...chart.axes.category, ...structuredClone(s.axes.category) };
  if (s.axes?.value) chart.axes.value = { ...chart.axes.value, ...structuredClone(s.axes.value) };
  if (s.position) Object.assign(chart, s.position);
  sheet.charts.push(chart);
  return chart;
}
