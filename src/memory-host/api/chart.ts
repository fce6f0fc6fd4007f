/// <reference types="office-js" />
/**
 * This file is the Office.js imitation (the proxies); the model is in `model/chart.ts`.
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
import { columnCount, rowCount } from "../address";
import type { Mirror } from "./core";
import { FakeObject, make, sameContext, partTarget } from "./core";
import { FakeCollection, FakeKeyedCollection } from "./collection";
import { FakeRange, resolveRangeArgument } from "./range";
import { officeError } from "../errors";
import { addChart, CHART_TYPES, columnLeft, rowTop } from "../model/chart";
import type { Accept } from "./properties";
import { accepted, boolean, declareProperties, nonBlank, numberWhere, stored, text, withProperties } from "./properties";
import type { ChartModel, ChartRef, ChartSeriesModel, SheetModel } from "../model/types";
// ---------------------------------------------------------------------------------------------
// Proxies

export function touch(chart: ChartModel): void {
  chart.sheet.workbook.touch();
}

const touchChart = (t: { chart: ChartModel }): void => touch(t.chart);

/** A chart type Excel knows. */
const chartType: Accept<string> = (v) => (typeof v === "string" && CHART_TYPES.includes(v) ? v : undefined);

/** Excel accepts any non-empty name up to 255 characters, even one another chart has. */
const chartName: Accept<string> = (v) => (nonBlank(v) !== undefined && String(v).length <= 255 ? String(v) : undefined);

/** `top` and `left` may be 0; `width` and `height` may not. */
const offset = numberWhere((n) => n >= 0);
const extent = numberWhere((n) => n > 0);

abstract class TitleBase<T> extends FakeObject<T> {
  protected abstract _title(t: T): { text: string; visible: boolean };
  protected abstract _chart(t: T): ChartModel;

  declare text: string;
  declare visible: boolean;

  static {
    declareProperties(this, {
      scalars: {
        text: {
          get: (t, self) => self._title(t).text,
          set: (t, v, self, location) => {
            const title = self._title(t);
            title.text = accepted(v, text, location);
            // Giving a title text shows it, as in Excel.
            if (v !== "") title.visible = true;
            touch(self._chart(t));
          },
        },
        visible: {
          get: (t, self) => self._title(t).visible,
          set: (t, v, self, location) => {
            self._title(t).visible = accepted(v, boolean, location);
            touch(self._chart(t));
          },
        },
      },
    });
  }
}

export class FakeChartTitle extends TitleBase<ChartModel> implements Mirror<Excel.ChartTitle, "text" | "visible" | "load"> {
  readonly _typeName = "ChartTitle";

  protected _title(c: ChartModel) {
    return c.title;
  }

  protected _chart(c: ChartModel): ChartModel {
    return c;
  }
}

const LEGEND_POSITIONS = ["Top", "Bottom", "Left", "Right", "Corner", "Custom"];

export class FakeChartLegend extends withProperties<Excel.ChartLegend, "visible" | "position">()(FakeObject<ChartModel>) {
  readonly _typeName = "ChartLegend";

  static {
    declareProperties(this, {
      scalars: {
        visible: stored((c) => c.legend, "visible", boolean, touch),
        position: stored((c) => c.legend, "position", (v) => (LEGEND_POSITIONS.includes(String(v)) ? String(v) : undefined), touch),
      },
    });
  }
}

type AxisKind = "category" | "value";

function axisTarget(chart: ChartModel, kind: AxisKind) {
  return partTarget({ chart, kind }, () => chart.deleted);
}

type AxisTarget = ReturnType<typeof axisTarget>;

export class FakeChartAxes extends FakeObject<ChartModel> {
  readonly _typeName = "ChartAxes";

  declare readonly categoryAxis: FakeChartAxis;
  declare readonly valueAxis: FakeChartAxis;

  static {
    declareProperties(this, {
      navigation: {
        categoryAxis: (self) => make(new FakeChartAxis(self._ctx, () => axisTarget(self._target("ChartAxes.categoryAxis"), "category"))),
        valueAxis: (self) => make(new FakeChartAxis(self._ctx, () => axisTarget(self._target("ChartAxes.valueAxis"), "value"))),
      },
    });
  }
}

export class FakeChartAxisTitle extends TitleBase<AxisTarget> implements Mirror<Excel.ChartAxisTitle, "text" | "visible" | "load"> {
  readonly _typeName = "ChartAxisTitle";

  protected _title(t: AxisTarget) {
    return t.chart.axes[t.kind].title;
  }

  protected _chart(t: AxisTarget): ChartModel {
    return t.chart;
  }
}

export class FakeChartAxis extends withProperties<Excel.ChartAxis, "numberFormat" | "minimum">()(FakeObject<AxisTarget>) {
  readonly _typeName = "ChartAxis";

  declare readonly title: FakeChartAxisTitle;

  static {
    declareProperties(this, {
      scalars: {
        numberFormat: stored((t) => t.chart.axes[t.kind], "numberFormat", (v) => (v === "" ? "General" : text(v)), touchChart),
        // ExcelApi 1.7. Only a value axis has a minimum (Excel: "InvalidArgument" on a category axis of text).
        minimum: stored((t) => t.chart.axes[t.kind], "minimum", numberWhere(() => true), touchChart, (t, location) => {
          if (t.kind !== "value") throw officeError("InvalidArgument", undefined, location);
        }),
      },
      parts: { title: FakeChartAxisTitle },
    });
  }
}

function seriesTarget(chart: ChartModel, series: ChartSeriesModel) {
  return partTarget({ chart, series }, () => chart.deleted || !chart.series.includes(series));
}

type SeriesTarget = ReturnType<typeof seriesTarget>;

export class FakeChartSeriesCollection
  extends FakeCollection<ChartModel, SeriesTarget, FakeChartSeries>
  implements Mirror<Excel.ChartSeriesCollection, "add" | "count" | "getCount" | "getItemAt" | "load">
{
  readonly _typeName = "ChartSeriesCollection";
  protected readonly _itemClass = FakeChartSeries;

  declare readonly count: Excel.ChartSeriesCollection["count"];

  static {
    declareProperties(this, { scalars: { count: (c, self) => self._countOf(c) } });
  }

  protected _itemTargets(chart: ChartModel): SeriesTarget[] {
    return chart.series.map((s) => seriesTarget(chart, s));
  }

  add(name?: string, index?: number): FakeChartSeries {
    const location = "ChartSeriesCollection.add";
    let created: SeriesTarget | undefined;
    this._queue("add", (chart) => {
      const at = index ?? chart.series.length;
      if (!Number.isInteger(at) || at < 0 || at > chart.series.length) throw officeError("InvalidArgument", undefined, location);
      const series: ChartSeriesModel = {
        name: name ?? `Series${chart.series.length + 1}`,
        values: null,
        categories: null,
        chartType: null,
      };
      chart.series.splice(at, 0, series);
      created = seriesTarget(chart, series);
      touch(chart);
    });
    return this._created(location, () => created);
  }

  getItemAt(index: number): FakeChartSeries {
    return this._itemAt(index);
  }
}

export class FakeChartSeries
  extends withProperties<Excel.ChartSeries, "name" | "chartType">()(FakeObject<SeriesTarget>)
  implements Mirror<Excel.ChartSeries, "setValues" | "setXAxisValues" | "delete" | "load">
{
  readonly _typeName = "ChartSeries";

  static {
    declareProperties(this, {
      scalars: {
        name: stored((t) => t.series, "name", text, touchChart),
        chartType: { ...stored((t) => t.series, "chartType", chartType, touchChart), get: (t) => t.series.chartType ?? t.chart.chartType },
      },
    });
  }

  private _source(member: "setValues" | "setXAxisValues", sourceData: unknown, apply: (t: SeriesTarget, ref: ChartRef) => void): void {
    const location = `ChartSeries.${member}`;
    sameContext(this._ctx, sourceData, location);
    this._queue(member, (t) => {
      if (!(sourceData instanceof FakeRange)) throw officeError("InvalidArgument", undefined, location);
      const range = sourceData._target(location);
      // A series reads one row or one column.
      if (rowCount(range.rect) !== 1 && columnCount(range.rect) !== 1) throw officeError("InvalidArgument", undefined, location);
      apply(t, { sheet: range.sheet, rect: range.rect });
      touch(t.chart);
    });
  }

  setValues(sourceData: Excel.Range): void {
    this._source("setValues", sourceData, (t, ref) => {
      t.series.values = ref;
    });
  }

  setXAxisValues(sourceData: Excel.Range): void {
    this._source("setXAxisValues", sourceData, (t, ref) => {
      t.series.categories = ref;
    });
  }

  delete(): void {
    this._queue("delete", (t) => {
      t.chart.series = t.chart.series.filter((s) => s !== t.series);
      touch(t.chart);
    });
  }
}
export class FakeChart
  extends withProperties<Excel.Chart, "id" | "name" | "chartType" | "top" | "left" | "width" | "height">()(FakeObject<ChartModel>)
  implements Mirror<Excel.Chart, "setPosition" | "delete" | "load">
{
  readonly _typeName = "Chart";

  declare readonly title: FakeChartTitle;
  declare readonly legend: FakeChartLegend;
  declare readonly axes: FakeChartAxes;
  declare readonly series: FakeChartSeriesCollection;
  // `worksheet` is declared in worksheet.ts, which imports this family.

  static {
    declareProperties(this, {
      scalars: {
        id: (c) => c.id,
        name: stored((c) => c, "name", chartName, touch),
        chartType: stored((c) => c, "chartType", chartType, touch),
        top: stored((c) => c, "top", offset, touch),
        left: stored((c) => c, "left", offset, touch),
        width: stored((c) => c, "width", extent, touch),
        height: stored((c) => c, "height", extent, touch),
      },
      parts: { title: FakeChartTitle, legend: FakeChartLegend, axes: FakeChartAxes, series: FakeChartSeriesCollection },
    });
  }

  /** Moves the chart's top-left corner to `startCell`; with `endCell`, sizes it to end at that cell's far corner. */
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    const location = "Chart.setPosition";
    sameContext(this._ctx, startCell, location);
    sameContext(this._ctx, endCell, location);
    for (const key of ["top", "left", "width", "height"]) this._values.delete(key);
    this._queue("setPosition", (c) => {
      const start = resolveRangeArgument(c.sheet, startCell, location);
      if (start.sheet !== c.sheet) throw officeError("InvalidArgument", undefined, location);
      const top = rowTop(c.sheet, start.rect.r0);
      const left = columnLeft(c.sheet, start.rect.c0);
      if (endCell !== undefined && endCell !== null) {
        const end = resolveRangeArgument(c.sheet, endCell, location);
        if (end.sheet !== c.sheet) throw officeError("InvalidArgument", undefined, location);
        const bottom = rowTop(c.sheet, end.rect.r1 + 1);
        const right = columnLeft(c.sheet, end.rect.c1 + 1);
        if (bottom <= top || right <= left) throw officeError("InvalidArgument", undefined, location);
        c.width = right - left;
        c.height = bottom - top;
      }
      c.top = top;
      c.left = left;
      touch(c);
    });
  }

  delete(): void {
    this._queue("delete", (c) => {
      if (c.sheet.protection.protected && !c.sheet.protection.options.allowEditObjects)
        throw officeError("AccessDenied", undefined, "Chart.delete");
      c.sheet.charts = c.sheet.charts.filter((x) => x !== c);
      c.deleted = true;
      touch(c);
    });
  }
}

export class FakeChartCollection
  extends FakeKeyedCollection<SheetModel, ChartModel, FakeChart>
  implements Mirror<Excel.ChartCollection, "add" | "count" | "getCount" | "getItem" | "getItemAt" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "ChartCollection";
  protected readonly _itemClass = FakeChart;

  declare readonly count: Excel.ChartCollection["count"];

  static {
    declareProperties(this, { scalars: { count: (s, self) => self._countOf(s) } });
  }

  protected _itemTargets(sheet: SheetModel): ChartModel[] {
    return [...sheet.charts];
  }

  add(type: Excel.ChartType | string, sourceData: Excel.Range, seriesBy?: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows"): FakeChart {
    const location = "ChartCollection.add";
    sameContext(this._ctx, sourceData, location);
    let created: ChartModel | undefined;
    this._queue("add", (sheet) => {
      if (!(sourceData instanceof FakeRange) && typeof sourceData !== "string") throw officeError("InvalidArgument", undefined, location);
      const source = resolveRangeArgument(sheet, sourceData, location);
      created = addChart(sheet, type, { sheet: source.sheet, rect: source.rect }, seriesBy, location);
    });
    return this._created(location, () => created);
  }

  /** The first chart of that name (names need not be unique). */
  protected _find(sheet: SheetModel, name: string): ChartModel | undefined {
    return sheet.charts.find((c) => c.name === name);
  }

  getItemAt(index: number): FakeChart {
    return this._itemAt(index);
  }
}
