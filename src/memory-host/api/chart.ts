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
import type { FakeClientResult, Mirror } from "./core";
import { clientResult, FakeCollection, FakeObject, make, sameContext, partTarget } from "./core";
import { FakeRange, resolveRangeArgument } from "./range";
import { officeError } from "../errors";
import type { ChartModel, ChartRef, ChartSeriesModel } from "../model/chart";
import { addChart, CHART_TYPES, columnLeft, rowTop } from "../model/chart";
import type { SheetModel } from "../model/sheet";
import { declareProperties } from "./properties";
// ---------------------------------------------------------------------------------------------
// Proxies

export class FakeChartCollection
  extends FakeCollection<SheetModel, ChartModel, FakeChart>
  implements Mirror<Excel.ChartCollection, "add" | "count" | "getCount" | "getItem" | "getItemAt" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "ChartCollection";
  protected readonly _itemClass = FakeChart;

  declare readonly count: Excel.ChartCollection["count"];

  static {
    declareProperties(this, { scalars: { count: (s) => s.charts.length } });
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

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (sheet) => sheet.charts.length);
  }

  /** The first chart of that name (names need not be unique). */
  getItem(name: string): FakeChart {
    return this._item("getItem", (sheet) => sheet.charts.find((c) => c.name === name), false);
  }

  getItemOrNullObject(name: string): FakeChart {
    return this._item("getItemOrNullObject", (sheet) => sheet.charts.find((c) => c.name === name), true);
  }

  getItemAt(index: number): FakeChart {
    return this._item("getItemAt", (sheet) => sheet.charts[index], false);
  }
}

export function touch(chart: ChartModel): void {
  chart.sheet.workbook.touch();
}

function positiveNumber(v: unknown, location: string, allowZero = true): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0))
    throw officeError("InvalidArgument", undefined, location);
  return v;
}

export class FakeChart
  extends FakeObject<ChartModel>
  implements Mirror<Excel.Chart, "id" | "name" | "chartType" | "top" | "left" | "width" | "height" | "setPosition" | "delete" | "load">
{
  readonly _typeName = "Chart";

  declare readonly id: Excel.Chart["id"];
  declare name: Excel.Chart["name"];
  declare chartType: Excel.Chart["chartType"];
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;
  declare readonly title: FakeChartTitle;
  declare readonly legend: FakeChartLegend;
  declare readonly axes: FakeChartAxes;
  declare readonly series: FakeChartSeriesCollection;
  // `worksheet` is declared in worksheet.ts, which imports this family.

  static {
    declareProperties(this, {
      scalars: {
        id: (c) => c.id,
        name: {
          get: (c) => c.name,
          set: (c, v) => {
            // Excel accepts any non-empty name up to 255 characters, even one another chart has.
            if (typeof v !== "string" || v.trim() === "" || v.length > 255) throw officeError("InvalidArgument", undefined, "Chart.name");
            c.name = v;
            touch(c);
          },
        },
        chartType: {
          get: (c) => c.chartType,
          set: (c, v) => {
            if (typeof v !== "string" || !CHART_TYPES.includes(v)) throw officeError("InvalidArgument", undefined, "Chart.chartType");
            c.chartType = v;
            touch(c);
          },
        },
        top: {
          get: (c) => c.top,
          assign: (self, value) => {
            self._size("top", value);
          },
        },
        left: {
          get: (c) => c.left,
          assign: (self, value) => {
            self._size("left", value);
          },
        },
        width: {
          get: (c) => c.width,
          assign: (self, value) => {
            self._size("width", value);
          },
        },
        height: {
          get: (c) => c.height,
          assign: (self, value) => {
            self._size("height", value);
          },
        },
      },
      navigation: {
        title: (self) => make(new FakeChartTitle(self._ctx, () => self._target("Chart.title"))),
        legend: (self) => make(new FakeChartLegend(self._ctx, () => self._target("Chart.legend"))),
        axes: (self) => make(new FakeChartAxes(self._ctx, () => self._target("Chart.axes"))),
        series: (self) => make(new FakeChartSeriesCollection(self._ctx, () => self._target("Chart.series"))),
      },
    });
  }

  private _size(key: "top" | "left" | "width" | "height", value: unknown): void {
    this._write(key, value, (c, v) => {
      c[key] = positiveNumber(v, `Chart.${key}`, key === "top" || key === "left");
      touch(c);
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
          set: (t, v, self) => {
            if (typeof v !== "string") throw officeError("InvalidArgument", undefined, `${self._typeName}.text`);
            const title = self._title(t);
            title.text = v;
            // Giving a title text shows it, as in Excel.
            if (v !== "") title.visible = true;
            touch(self._chart(t));
          },
        },
        visible: {
          get: (t, self) => self._title(t).visible,
          set: (t, v, self) => {
            if (typeof v !== "boolean") throw officeError("InvalidArgument", undefined, `${self._typeName}.visible`);
            self._title(t).visible = v;
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

export class FakeChartLegend extends FakeObject<ChartModel> implements Mirror<Excel.ChartLegend, "visible" | "position" | "load"> {
  readonly _typeName = "ChartLegend";

  declare visible: Excel.ChartLegend["visible"];
  declare position: Excel.ChartLegend["position"];

  static {
    declareProperties(this, {
      scalars: {
        visible: {
          get: (c) => c.legend.visible,
          set: (c, v) => {
            if (typeof v !== "boolean") throw officeError("InvalidArgument", undefined, "ChartLegend.visible");
            c.legend.visible = v;
            touch(c);
          },
        },
        position: {
          get: (c) => c.legend.position,
          set: (c, v) => {
            if (!LEGEND_POSITIONS.includes(String(v))) throw officeError("InvalidArgument", undefined, "ChartLegend.position");
            c.legend.position = String(v);
            touch(c);
          },
        },
      },
    });
  }
}

type AxisKind = "category" | "value";

interface AxisTarget {
  chart: ChartModel;
  kind: AxisKind;
  readonly deleted: boolean;
}

function axisTarget(chart: ChartModel, kind: AxisKind): AxisTarget {
  return partTarget({ chart, kind }, () => chart.deleted);
}

export class FakeChartAxes extends FakeObject<ChartModel> implements Mirror<Excel.ChartAxes, "load"> {
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

export class FakeChartAxis extends FakeObject<AxisTarget> implements Mirror<Excel.ChartAxis, "numberFormat" | "minimum" | "load"> {
  readonly _typeName = "ChartAxis";

  declare numberFormat: Excel.ChartAxis["numberFormat"];
  declare minimum: Excel.ChartAxis["minimum"];
  declare readonly title: FakeChartAxisTitle;

  static {
    declareProperties(this, {
      scalars: {
        numberFormat: {
          get: (t) => t.chart.axes[t.kind].numberFormat,
          set: (t, v) => {
            if (typeof v !== "string") throw officeError("InvalidArgument", undefined, "ChartAxis.numberFormat");
            t.chart.axes[t.kind].numberFormat = v === "" ? "General" : v;
            touch(t.chart);
          },
        },
        minimum: {
          get: (t) => t.chart.axes[t.kind].minimum,
          set: (t, v) => {
            if (t.kind !== "value" || typeof v !== "number" || !Number.isFinite(v))
              throw officeError("InvalidArgument", undefined, "ChartAxis.minimum");
            t.chart.axes[t.kind].minimum = v;
            touch(t.chart);
          },
        },
      },
      navigation: {
        title: (self) => make(new FakeChartAxisTitle(self._ctx, () => self._target("ChartAxis.title"))),
      },
    });
  }

  /** ExcelApi 1.7. Only a value axis has a minimum (Excel: "InvalidArgument" on a category axis of text). */
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

interface SeriesTarget {
  chart: ChartModel;
  series: ChartSeriesModel;
  readonly deleted: boolean;
}

function seriesTarget(chart: ChartModel, series: ChartSeriesModel): SeriesTarget {
  return partTarget({ chart, series }, () => chart.deleted || !chart.series.includes(series));
}

export class FakeChartSeriesCollection
  extends FakeCollection<ChartModel, SeriesTarget, FakeChartSeries>
  implements Mirror<Excel.ChartSeriesCollection, "add" | "count" | "getCount" | "getItemAt" | "load">
{
  readonly _typeName = "ChartSeriesCollection";
  protected readonly _itemClass = FakeChartSeries;

  declare readonly count: Excel.ChartSeriesCollection["count"];

  static {
    declareProperties(this, { scalars: { count: (c) => c.series.length } });
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

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (chart) => chart.series.length);
  }

  getItemAt(index: number): FakeChartSeries {
    return make(
      new FakeChartSeries(this._ctx, () => {
        const chart = this._target("ChartSeriesCollection.getItemAt");
        const series = chart.series[index];
        if (!series) throw officeError("ItemNotFound", undefined, "ChartSeriesCollection.getItemAt");
        return seriesTarget(chart, series);
      }),
    );
  }
}

export class FakeChartSeries
  extends FakeObject<SeriesTarget>
  implements Mirror<Excel.ChartSeries, "name" | "chartType" | "setValues" | "setXAxisValues" | "delete" | "load">
{
  readonly _typeName = "ChartSeries";

  declare name: Excel.ChartSeries["name"];
  declare chartType: Excel.ChartSeries["chartType"];

  static {
    declareProperties(this, {
      scalars: {
        name: {
          get: (t) => t.series.name,
          set: (t, v) => {
            if (typeof v !== "string") throw officeError("InvalidArgument", undefined, "ChartSeries.name");
            t.series.name = v;
            touch(t.chart);
          },
        },
        chartType: {
          get: (t) => t.series.chartType ?? t.chart.chartType,
          set: (t, v) => {
            if (typeof v !== "string" || !CHART_TYPES.includes(v)) throw officeError("InvalidArgument", undefined, "ChartSeries.chartType");
            t.series.chartType = v;
            touch(t.chart);
          },
        },
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
