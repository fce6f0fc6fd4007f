/**
 * From the core's chart plans to this writer's chart specs (./types.ts). No file system and no
 * Node APIs: the browser-safe writer (../sector-write.ts) uses it too.
 */
import type { ChartSpec as PlannedChart } from "../../core/summary/specs";
import type { ChartSpec } from "./types";

/**
 * An absolute reference with its sheet, quoted for any sheet name: sheetRef("Bob's data", "C2:C13")
 * is 'Bob''s data'!$C$2:$C$13.
 */
export function sheetRef(sheet: string, range: string): string {
  const absolute = range
    .split(":")
    .map((cell) => {
      const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell.trim());
      if (!match) throw new Error(`"${range}" is not a cell range like C2:C13.`);
      return `$${match[1]!.toUpperCase()}$${match[2]!}`;
    })
    .join(":");
  return `'${sheet.replace(/'/g, "''")}'!${absolute}`;
}

/** A chart the core planned (Summarise's or Collate's, src/core/summary/specs.ts) as this writer's spec, with its cached figures. */
export function toFileChart(chart: PlannedChart): ChartSpec {
  const spec: ChartSpec = {
    sheet: chart.sheet,
    name: chart.name,
    type: chart.type,
    title: chart.title,
    categories: sheetRef(chart.sheet, chart.categories),
    categoriesCache: chart.categoryLabels,
    series: chart.series.map((s) => ({ name: s.name, values: sheetRef(chart.sheet, s.values), cache: s.figures })),
    valueAxisTitle: chart.valueAxisTitle,
    categoryAxisTitle: chart.categoryAxisTitle,
    valueNumberFormat: chart.valueNumberFormat,
    legend: chart.series.length > 1,
    anchor: chart.anchor,
  };
  if (chart.categoryNumberFormat !== undefined) spec.categoryNumberFormat = chart.categoryNumberFormat;
  return spec;
}
