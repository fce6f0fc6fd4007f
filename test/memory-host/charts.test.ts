/* eslint-disable office-addins/load-object-before-read -- these tests break Office's load/sync rules on purpose to check that the host enforces them */
import { chartData, MemoryExcelHost, type WorkbookSnapshot } from "../../src/memory-host";
import { attempt } from "../support/attempt";

function data(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: "Charts",
        cells: {
          A1: "Month", B1: "Income", C1: "Costs",
          A2: { value: 45383, numberFormat: "mmm yyyy" }, B2: 100, C2: 80,
          A3: { value: 45413, numberFormat: "mmm yyyy" }, B3: 150, C3: 90,
          A4: { value: 45444, numberFormat: "mmm yyyy" }, B4: 120, C4: 95,
        }, // prettier-ignore
      },
    ],
  };
}

describe("charts", () => {
  test("the gateway's chart: series from columns, titles, axes, legend, position; figures read from the cells", async () => {
    const host = MemoryExcelHost.fromSnapshot(data());
    host.resetSyncCount();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Charts");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C4"), "Columns");
      chart.name = "Income and costs";
      chart.title.text = "Income and costs by month";
      chart.axes.valueAxis.title.text = "£";
      chart.axes.categoryAxis.title.text = "Month";
      chart.axes.valueAxis.numberFormat = '"£"#,##0';
      chart.axes.categoryAxis.numberFormat = "mmm yyyy";
      chart.legend.visible = false;
      chart.setPosition("A20", "H38");
      chart.load("name, chartType, top, left, width, height");
      const series = chart.series.load("items/name, count");
      const title = chart.title.load("text, visible");
      await context.sync();
      expect([chart.name, chart.chartType]).toEqual(["Income and costs", "ColumnClustered"]);
      expect(series.items.map((s) => s.name)).toEqual(["Income", "Costs"]);
      expect(series.count).toBe(2);
      expect(title.toJSON()).toEqual({ text: "Income and costs by month", visible: true });
      // A20 is 19 rows of 15 pt down; H38 ends 8 columns of 48 pt and 19 rows further.
      expect([chart.top, chart.left, chart.width, chart.height]).toEqual([285, 0, 384, 285]);
    });
    expect(host.syncCount).toBe(1);
    const model = host.workbook.findSheet("Charts")?.charts[0];
    if (!model) throw new Error("no chart");
    expect(chartData(model)).toEqual({
      categories: ["Apr 2024", "May 2024", "Jun 2024"],
      series: [
        { name: "Income", chartType: "ColumnClustered", values: [100, 150, 120] },
        { name: "Costs", chartType: "ColumnClustered", values: [80, 90, 95] },
      ],
    });
    expect(model.axes.value).toEqual({ title: { text: "£", visible: true }, numberFormat: '"£"#,##0', minimum: null });
    expect(model.legend.visible).toBe(false);
    // Charts follow their cells.
    await host.userEdit("Charts", "B2", [[110]]);
    expect(chartData(model).series[0]?.values).toEqual([110, 150, 120]);
  });

  test("names: 'Chart N' by default; Excel does not keep them unique, getItem returns the first", async () => {
    const host = MemoryExcelHost.fromSnapshot(data());
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Charts");
      const line = sheet.charts.add("Line", sheet.getRange("A1:B4"), "Columns");
      const bar = sheet.charts.add("BarClustered", sheet.getRange("A1:C4"), "Auto");
      line.load("name");
      bar.load("name");
      await context.sync();
      expect([line.name, bar.name]).toEqual(["Chart 1", "Chart 2"]);
      bar.name = "Chart 1";
      const all = sheet.charts.load("items/name, items/chartType");
      const first = sheet.charts.getItem("Chart 1").load("chartType");
      const missing = sheet.charts.getItemOrNullObject("Chart 9");
      const count = sheet.charts.getCount();
      await context.sync();
      expect(all.items.map((c) => [c.name, c.chartType])).toEqual([
        ["Chart 1", "Line"],
        ["Chart 1", "BarClustered"],
      ]);
      expect(first.chartType).toBe("Line");
      expect(missing.isNullObject).toBe(true);
      expect(count.value).toBe(2);
      // One series: Excel titles the chart with the series' name and hides the legend.
      const title = line.title.load("text, visible");
      const legend = line.legend.load("visible");
      await context.sync();
      expect([title.text, title.visible, legend.visible]).toEqual(["Income", true, false]);
      line.delete();
      const after = sheet.charts.load("items/chartType");
      await context.sync();
      expect(after.items.map((c) => c.chartType)).toEqual(["BarClustered"]);
    });
  });

  test("series.add with setValues and setXAxisValues; rows as series", async () => {
    const host = MemoryExcelHost.fromSnapshot(data());
    await host.userEdit("Charts", "F1:G3", [["Apr", "May"], [1, 2], [3, 4]]);
    await host.userEdit("Charts", "E2:E3", [["Income"], ["Costs"]]);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Charts");
      const chart = sheet.charts.add("Line", sheet.getRange("E1:G3"), "Rows");
      const s = chart.series.add("Costs again");
      s.setValues(sheet.getRange("C2:C4"));
      s.setXAxisValues(sheet.getRange("A2:A4"));
      s.chartType = "ColumnClustered";
      const first = chart.series.getItemAt(0).load("name");
      await context.sync();
      expect(first.name).toBe("Income");
    });
    const model = host.workbook.findSheet("Charts")?.charts[0];
    if (!model) throw new Error("no chart");
    const figures = chartData(model);
    expect(figures.categories).toEqual(["Apr", "May"]);
    expect(figures.series.map((s) => [s.name, s.chartType, s.values])).toEqual([
      ["Income", "Line", [1, 2]],
      ["Costs", "Line", [3, 4]],
      ["Costs again", "ColumnClustered", [80, 90, 95]],
    ]);
  });

  test("refuses what Excel refuses; PropertyNotLoaded; API versions", async () => {
    const host = MemoryExcelHost.fromSnapshot(data());
    const sheet = (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Charts");
    expect((await attempt(host, (c) => sheet(c).charts.add("Sparkle" as Excel.ChartType, sheet(c).getRange("A1:C4"))))?.code).toBe("InvalidArgument");
    expect((await attempt(host, (c) => sheet(c).charts.getItem("Nope").delete()))?.code).toBe("ItemNotFound");
    expect(
      (await attempt(host, (c) => sheet(c).charts.add("Line", sheet(c).getRange("A1:C4")).series.getItemAt(0).setValues(sheet(c).getRange("B2:C4"))))?.code,
    ).toBe("InvalidArgument");
    await host.run(async (context) => {
      const chart = sheet(context).charts.add("Line", sheet(context).getRange("A1:C4"));
      expect(() => chart.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }) as Error);
      await context.sync();
    });
    const old = MemoryExcelHost.fromSnapshot(data(), { apiVersion: "1.6" });
    await old.run(async (context) => {
      const chart = sheet(context).charts.add("Line", sheet(context).getRange("A1:C4"));
      expect(() => chart.series.add("x")).toThrow(expect.objectContaining({ code: "ApiNotFound" }) as Error);
      expect(() => chart.axes.valueAxis.numberFormat).toThrow(expect.objectContaining({ code: "ApiNotFound" }) as Error);
      await context.sync();
    });
  });

  test("round-trips through toJSON and fromSnapshot", async () => {
    const host = MemoryExcelHost.fromSnapshot(data());
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Charts");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C4"), "Columns");
      chart.title.text = "Totals";
      chart.setPosition("E2", "L18");
      await context.sync();
    });
    const json = JSON.parse(JSON.stringify(host.toJSON())) as WorkbookSnapshot;
    expect(json.sheets[0]?.charts?.[0]).toMatchObject({
      name: "Chart 1",
      source: "Charts!A1:C4",
      series: [
        { name: "Income", values: "Charts!B2:B4", categories: "Charts!A2:A4" },
        { name: "Costs", values: "Charts!C2:C4", categories: "Charts!A2:A4" },
      ],
    });
    const copy = MemoryExcelHost.fromSnapshot(json);
    expect(copy.toJSON()).toEqual(host.toJSON());
  });
});
