/**
 * Summarise through the Excel gateway on the in-memory host: the sample return's summary sheets,
 * tables, PivotTables and charts; the sync budget; re-running keeps Commentary and makes no
 * duplicates; a failure part-way leaves nothing half-built; name clashes are refused plainly.
 */
import { SUMMARY_SHEET } from "../../src/core/layout/summary-contract";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { measureRows } from "../../src/core/setup/measure-rows";
import { largeFramework } from "../../src/bench/summary-bench";
import { readSnapshot } from "../../src/excel/read";
import { planWorkbookSummary, requestBytes } from "../../src/excel/summarise";
import { buildSampleReturn, sampleFramework } from "../../src/preview/sample-return";

const today = new Date(Date.UTC(2020, 7, 20));

async function sample() {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  await buildSampleReturn(gateway, (sheet, address, values) => host.userEdit(sheet, address, values));
  return { host, gateway };
}

async function sheetNames(host: MemoryExcelHost): Promise<string[]> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

async function tableValues(host: MemoryExcelHost, name: string): Promise<unknown[][]> {
  return host.run(async (context) => {
    const range = context.workbook.tables.getItem(name).getRange();
    range.load("values");
    await context.sync();
    return range.values;
  });
}

async function pivotNames(host: MemoryExcelHost): Promise<string[]> {
  return host.run(async (context) => {
    const pivots = context.workbook.pivotTables;
    pivots.load("items/name");
    await context.sync();
    return pivots.items.map((p) => p.name);
  });
}

async function chartCount(host: MemoryExcelHost): Promise<number> {
  return host.run(async (context) => {
    const charts = context.workbook.worksheets.getItem(SUMMARY_SHEET.charts).charts;
    charts.load("items/name");
    await context.sync();
    return charts.items.length;
  });
}

describe("Summarise through the gateway", () => {
  it("builds the summary sheets, tables, PivotTables and charts of the sample return in 3 syncs", async () => {
    const { host, gateway } = await sample();
    host.resetSyncCount();
    const outcome = await gateway.summarise(today);
    expect(host.syncCount).toBe(3);
    const names = await sheetNames(host);
    expect(names).toEqual(expect.arrayContaining([SUMMARY_SHEET.board, SUMMARY_SHEET.charts, SUMMARY_SHEET.pivots, SUMMARY_SHEET.data]));
    expect(names.some((n) => n.endsWith("(new)"))).toBe(false);
    const key = await tableValues(host, "KeyFigures");
    expect(key[0]).toEqual(["Code", "Measure", "Breakdown", "Unit", "Kind", "Months reported", "Year to date", "Latest month", "Latest value", "Previous value", "Change", "Direction", "Monthly average", "Commentary"]);
    const welfare = key.find((r) => r[0] === "WELFARE_CALLS")!;
    expect(welfare.slice(5, 7)).toEqual([4, 1840 + 1320 + 960 + 710]);
    expect(outcome.pivots).toBeGreaterThan(0);
    expect((await pivotNames(host)).sort()).toEqual(expect.arrayContaining(["SummaryFlowsCounts"]));
    expect(await chartCount(host)).toBe(outcome.charts);
  });

  it("re-running keeps Commentary and makes no duplicates", async () => {
    const { host, gateway } = await sample();
    await gateway.summarise(today);
    const key = await tableValues(host, "KeyFigures");
    const row = key.findIndex((r) => r[0] === "WELFARE_CALLS");
    const address = await host.run(async (context) => {
      const range = context.workbook.tables.getItem("KeyFigures").getRange();
      range.load("rowIndex");
      await context.sync();
      return `N${range.rowIndex + row + 1}`;
    });
    await host.userEdit(SUMMARY_SHEET.keyFigures, address, [["Calls fell as lockdown eased."]]);
    const before = (await sheetNames(host)).length;
    await gateway.summarise(today);
    expect((await sheetNames(host)).length).toBe(before);
    const again = await tableValues(host, "KeyFigures");
    expect(again.find((r) => r[0] === "WELFARE_CALLS")![13]).toBe("Calls fell as lockdown eased.");
    expect((await pivotNames(host)).length).toBe(new Set(await pivotNames(host)).size);
  });

  it("refuses a name clash with a plain message and changes nothing", async () => {
    const { host, gateway } = await sample();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Mine");
      const table = sheet.tables.add("A1:B2", true);
      table.name = "KeyFigures";
      await context.sync();
    });
    const before = await sheetNames(host);
    await expect(gateway.summarise(today)).rejects.toThrow(/a table or PivotTable called 'KeyFigures' \(on the sheet 'Mine'\)/);
    expect(await sheetNames(host)).toEqual(before);
  });

  it("refuses a foreign sheet called Board summary", async () => {
    const { host, gateway } = await sample();
    await host.run(async (context) => {
      context.workbook.worksheets.add("Board summary").getRange("A1").values = [["My own notes"]];
      await context.sync();
    });
    await expect(gateway.summarise(today)).rejects.toThrow(/did not make/);
  });

  it("a failure part-way through the first summary leaves no summary sheet at all", async () => {
    const { host, gateway } = await sample();
    const before = await sheetNames(host);
    host.failAt(/^PivotTableCollection\.add$/);
    await expect(gateway.summarise(today)).rejects.toThrow(/^Summarise could not finish/);
    expect(await sheetNames(host)).toEqual(before);
    expect(await pivotNames(host)).toEqual([]);
  });

  it("a failure part-way through a re-run leaves the old summary, Commentary and all", async () => {
    const { host, gateway } = await sample();
    await gateway.summarise(today);
    const row = (await tableValues(host, "KeyFigures")).findIndex((r) => r[0] === "WELFARE_CALLS");
    await host.userEdit(SUMMARY_SHEET.keyFigures, `N${4 + row}`, [["Kept through a failure."]]);
    const before = await sheetNames(host);
    const charts = await chartCount(host);
    host.failAt(/^ChartCollection\.add$/);
    await expect(gateway.summarise(today)).rejects.toThrow(/^Summarise could not finish/);
    expect(await sheetNames(host)).toEqual(before);
    expect(await chartCount(host)).toBe(charts);
    expect((await tableValues(host, "KeyFigures")).find((r) => r[0] === "WELFARE_CALLS")![13]).toBe("Kept through a failure.");
  });

  it("refuses a PivotTable elsewhere that has one of the summary's PivotTable names", async () => {
    const { host, gateway } = await sample();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Analysis");
      sheet.getRange("A1:B3").values = [["Measure", "Value"], ["a", 1], ["b", 2]];
      context.workbook.pivotTables.add("SummaryFlowsCounts", sheet.getRange("A1:B3"), sheet.getRange("D1"));
      await context.sync();
    });
    await expect(gateway.summarise(today)).rejects.toThrow(/a table or PivotTable called 'SummaryFlowsCounts' \(on the sheet 'Analysis'\)/);
  });

  it("refuses a defined name that takes one of the summary's table names", async () => {
    const { host, gateway } = await sample();
    await host.run(async (context) => {
      context.workbook.names.add("SummaryData", context.workbook.worksheets.getItem("Return").getRange("A1"));
      await context.sync();
    });
    await expect(gateway.summarise(today)).rejects.toThrow(/defined name 'SummaryData'/);
  });

  it("a 300-measure full year: still 3 syncs and a write batch far under Excel's 5 MB request limit", async () => {
    const base = sampleFramework();
    const large = largeFramework(base, 300);
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host);
    await gateway.setUp(large, { organisation: "Big Homes", organisationCode: "BIG" }, { year: 2020, month: 4 });
    const rows = measureRows(large);
    await host.userEdit("Measures", `F2:Q${rows.length + 1}`, rows.map((_, r) => Array.from({ length: 12 }, (_, m) => 100 + r + m)));
    host.resetSyncCount();
    const outcome = await gateway.summarise(today);
    expect(host.syncCount).toBe(3);
    expect(outcome.summary.measures).toHaveLength(rows.length);
    const planned = await host.run(async (context) => planWorkbookSummary(await readSnapshot(context, { summary: true }), today));
    expect(requestBytes(planned.plan)).toBeLessThan(5 * 1024 * 1024);
  });

  it("sets last year beside this year in the same 3 syncs, and refuses another organisation's return changing nothing", async () => {
    const { host, gateway } = await sample();
    const first = await gateway.summarise(today);
    const thisYear = first.summary;
    const lastYear = { ...thisYear, yearStart: { year: thisYear.yearStart.year - 1, month: thisYear.yearStart.month } };
    host.resetSyncCount();
    const compared = await gateway.summarise(today, undefined, { file: "last-year.xlsx", summary: lastYear });
    expect(host.syncCount).toBe(3);
    const flows = await tableValues(host, "FlowFigures");
    expect(flows[0]).toEqual(expect.arrayContaining(["Last year", "Change", "Change (%)"]));
    const welfare = compared.summary.measures.find((m) => m.code === "WELFARE_CALLS")!;
    // The same figures a year earlier: no change.
    expect(welfare.lastYear).toMatchObject({ status: "compared", value: welfare.yearToDate, change: 0, changePercent: 0 });

    const before = await sheetNames(host);
    const other = { ...lastYear, organisation: "Bridge Homes", organisationCode: "BH02" };
    await expect(gateway.summarise(today, undefined, { file: "C:\\Returns\\bridge.xlsx", summary: other })).rejects.toThrow(
      /Summarise did not change anything: 'bridge\.xlsx' is the return of Bridge Homes \(BH02\), not of /,
    );
    expect(await sheetNames(host)).toEqual(before);
    expect((await tableValues(host, "FlowFigures"))[0]).toEqual(expect.arrayContaining(["Last year"]));
  });
});
