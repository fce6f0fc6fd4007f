/**
 * The download's charts from the memory host's (src/preview/export-charts.ts): what the writer
 * cannot draw is left out and named, never written as something else; names are made unique on
 * their sheet; a chart placed between cell edges is anchored at the nearest ones. The charts
 * Summarise draws, written and printed, are test/preview/export-keeps.test.ts's.
 */
import JSZip from "jszip";
import { MemoryExcelHost, type WorkbookSnapshot } from "../../src/memory-host";
import { anchorOf, downloadCharts, nearestEdge } from "../../src/preview/export-charts";
import { downloadFile, downloadNotes } from "../../src/preview/export-xlsx";

function data(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: "Bob's charts",
        cells: {
          A1: "Month", B1: "Income", C1: "Costs",
          A2: { value: 45383, numberFormat: "mmm yyyy" }, B2: 100, C2: 80,
          A3: { value: 45413, numberFormat: "mmm yyyy" }, B3: 150, C3: 90,
          A4: { value: 45444, numberFormat: "mmm yyyy" }, B4: 120, C4: -95,
        }, // prettier-ignore
      },
    ],
  };
}

async function charted(): Promise<MemoryExcelHost> {
  const host = MemoryExcelHost.fromSnapshot(data());
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Bob's charts");
    const columns = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C4"), "Columns");
    columns.name = "Money";
    columns.axes.categoryAxis.numberFormat = "mmm yyyy";
    columns.setPosition("E2", "J15");
    const lines = sheet.charts.add("LineMarkers", sheet.getRange("A1:B4"), "Columns");
    lines.name = "Money";
    // 360 by 216 pt (charts.add's size) from 305 pt down, 100 pt across: rows are 15 pt, columns 48 pt.
    lines.top = 305; // between the edges of rows 21 and 22 (300 and 315 pt), nearer 300: row index 20
    lines.left = 100; // between 96 and 144 pt, nearer 96: column index 2 (C)
    sheet.charts.add("Pie", sheet.getRange("A1:B4"), "Columns").name = "Share";
    await context.sync();
  });
  return host;
}

it("writes clustered columns and lines with markers, names made unique, and names the charts it leaves out", async () => {
  const host = await charted();
  const { charts, leftOut } = downloadCharts(host.workbook);
  expect(charts.map((c) => [c.name, c.type])).toEqual([
    ["Money", "column"],
    ["Money (2)", "line"],
  ]);
  expect(leftOut).toEqual([`"Share" on Bob's charts (a Pie chart, which the download cannot draw)`]);
  const [columns, lines] = charts;
  expect(columns).toMatchObject({
    sheet: "Bob's charts",
    categories: "'Bob''s charts'!$A$2:$A$4",
    categoriesCache: [45383, 45413, 45444],
    categoryNumberFormat: "mmm yyyy",
    series: [
      { name: "Income", values: "'Bob''s charts'!$B$2:$B$4", cache: [100, 150, 120] },
      { name: "Costs", values: "'Bob''s charts'!$C$2:$C$4", cache: [80, 90, -95] },
    ],
    legend: true,
    anchor: { from: { row: 1, col: 4 }, to: { row: 15, col: 10 } },
  });
  // One series: Excel titles the chart with it and shows no legend.
  expect(lines).toMatchObject({ title: "Income", legend: false, anchor: { from: { row: 20, col: 2 }, to: { row: 35, col: 10 } } }); // 521 pt nearer 525, 460 pt nearer 480

  const { bytes, notes } = await downloadFile(host.workbook);
  expect(notes).toEqual([`Not in the file: "Share" on Bob's charts (a Pie chart, which the download cannot draw).`]);
  const zip = await JSZip.loadAsync(bytes);
  expect(Object.keys(zip.files).filter((p) => p.startsWith("xl/charts/")).sort()).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
  const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
  expect([...drawing.matchAll(/<xdr:cNvPr id="\d+" name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Money", "Money (2)"]);
});

it("says nothing when the file holds everything", async () => {
  const { bytes, notes } = await downloadFile(MemoryExcelHost.fromSnapshot(data()).workbook);
  expect(notes).toEqual([]);
  expect(Object.keys((await JSZip.loadAsync(bytes)).files).filter((p) => /chart|drawing/.test(p))).toEqual([]);
});

it("says one PivotTable or several, and names a few charts left out at most", () => {
  expect(downloadNotes(1, [])).toEqual(["The PivotTable is kept as the figures it shows, as plain cells, not as a PivotTable."]);
  expect(downloadNotes(0, ["a", "b", "c", "d", "e"])).toEqual(["Not in the file: a; b; c; and 2 more charts."]);
  expect(downloadNotes(0, ["a", "b", "c", "d"])).toEqual(["Not in the file: a; b; c; and 1 more chart."]);
});

it("puts a corner between cell edges at the nearer edge, and after hidden rows", () => {
  const edges = [0, 15, 15, 15, 30, 45];
  const edge = (i: number) => edges[i]!;
  expect(nearestEdge(0, edge, 5)).toBe(0);
  expect(nearestEdge(7, edge, 5)).toBe(0);
  expect(nearestEdge(8, edge, 5)).toBe(3);
  expect(nearestEdge(15, edge, 5)).toBe(3);
  expect(nearestEdge(38, edge, 5)).toBe(5);
  expect(nearestEdge(100, edge, 5)).toBe(5);
  const sheet = MemoryExcelHost.fromSnapshot(data()).workbook.sheets[0]!;
  expect(anchorOf(sheet, { top: 1, left: 1, width: 1, height: 1 })).toEqual({ from: { row: 0, col: 0 }, to: { row: 1, col: 1 } });
});
