/**
 * Draws the core's PivotTable and chart specifications (src/core/summary/specs.ts) in Excel, for
 * Summarise and Collate alike. Nothing here syncs. Both build under temporary names and rename
 * when complete, so each call takes a Naming that maps a spec's sheet, table and PivotTable names
 * to the names they have while being built.
 *
 * API sets: PivotTables 1.8, charts 1.1 (series.setXAxisValues 1.7, axis numberFormat 1.8): within
 * the manifest's ExcelApi 1.9.
 */
import type { ChartSpec, PivotSpec } from "../core/summary/specs";
import { cellAddress } from "../core/layout/a1";

export interface Naming {
  sheet(name: string): string;
  table(name: string): string;
  pivot(name: string): string;
}

/** The names as they are (nothing built under a temporary name). */
export const AS_NAMED: Naming = { sheet: (n) => n, table: (n) => n, pivot: (n) => n };

const CHART_TYPE: Record<ChartSpec["type"], Excel.ChartType> = {
  column: "ColumnClustered" as Excel.ChartType,
  line: "LineMarkers" as Excel.ChartType,
  bar: "BarClustered" as Excel.ChartType,
};

/** Queues a PivotTable over its source table: report filters (with items hidden), rows, columns, one summed data field, tabular, no subtotals; then its heading. */
export function queuePivot(context: Excel.RequestContext, spec: PivotSpec, names: Naming = AS_NAMED): void {
  const sheet = context.workbook.worksheets.getItem(names.sheet(spec.sheet));
  const pivot = context.workbook.pivotTables.add(names.pivot(spec.name), context.workbook.tables.getItem(names.table(spec.source)), sheet.getRange(spec.destination));
  const hierarchy = (name: string) => pivot.hierarchies.getItem(name);
  for (const filter of spec.filters) {
    pivot.filterHierarchies.add(hierarchy(filter.field));
    const items = pivot.filterHierarchies.getItem(filter.field).fields.getItem(filter.field).items;
    for (const item of filter.hide) items.getItem(item).visible = false;
  }
  for (const row of spec.rows) pivot.rowHierarchies.add(hierarchy(row));
  for (const column of spec.columns) pivot.columnHierarchies.add(hierarchy(column));
  const data = pivot.dataHierarchies.add(hierarchy(spec.data.field));
  data.summarizeBy = "Sum" as Excel.AggregationFunction;
  data.numberFormat = spec.data.numberFormat;
  data.name = spec.data.name;
  pivot.layout.layoutType = "Tabular" as Excel.PivotLayoutType;
  pivot.layout.subtotalLocation = "Off" as Excel.SubtotalLocationType;
  pivot.layout.showRowGrandTotals = spec.rowGrandTotals;
  pivot.layout.showColumnGrandTotals = spec.columnGrandTotals;
  // The heading last: the empty pivot's placeholder, while it was being built, covered the cells below the destination.
  if (spec.heading) {
    const heading = sheet.getRangeByIndexes(spec.heading.row, 0, 1, 1);
    heading.numberFormat = [["@"]];
    heading.values = [[spec.heading.text]];
    heading.format.font.bold = true;
    heading.format.font.size = spec.heading.fontSize;
  }
}

/** Queues a chart drawn from the cells the spec names, placed over its anchor's cells. */
export function queueChart(context: Excel.RequestContext, spec: ChartSpec, names: Naming = AS_NAMED): void {
  const sheet = context.workbook.worksheets.getItem(names.sheet(spec.sheet));
  const [first, ...rest] = spec.series;
  if (!first) return;
  const chart = sheet.charts.add(CHART_TYPE[spec.type], sheet.getRange(first.values), "Columns" as Excel.ChartSeriesBy);
  chart.name = spec.name;
  chart.title.text = spec.title;
  chart.legend.visible = spec.series.length > 1;
  const series = chart.series.getItemAt(0);
  series.name = first.name;
  series.setXAxisValues(sheet.getRange(spec.categories));
  for (const more of rest) {
    const added = chart.series.add(more.name);
    added.setValues(sheet.getRange(more.values));
    added.setXAxisValues(sheet.getRange(spec.categories));
  }
  chart.axes.valueAxis.title.text = spec.valueAxisTitle;
  chart.axes.valueAxis.numberFormat = spec.valueNumberFormat;
  if (spec.type !== "line") chart.axes.valueAxis.minimum = 0;
  chart.axes.categoryAxis.title.text = spec.categoryAxisTitle;
  if (spec.categoryNumberFormat) chart.axes.categoryAxis.numberFormat = spec.categoryNumberFormat;
  chart.setPosition(sheet.getRange(cellAddress(spec.anchor.from.row, spec.anchor.from.col)), sheet.getRange(cellAddress(spec.anchor.to.row - 1, spec.anchor.to.col - 1)));
}
