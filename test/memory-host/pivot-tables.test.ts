/* eslint-disable office-addins/load-object-before-read -- these tests break Office's load/sync rules on purpose to check that the host enforces them */
import { MemoryExcelHost, type WorkbookSnapshot } from "../../src/memory-host";
import { attempt } from "../support/attempt";

const APR = 45383; // 1 April 2024
const MAY = 45413; // 1 May 2024

function month(serial: number) {
  return { value: serial, numberFormat: "mmm yyyy" };
}

/** A source table with Measure/Breakdown rows, Month columns, a Kind to filter on and a Value. */
function source(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: "Data",
        cells: {
          A1: "Measure", B1: "Breakdown", C1: "Month", D1: "Kind", E1: "Value",
          A2: "Income", B2: "Grants", C2: month(APR), D2: "Flow", E2: 100,
          A3: "Income", B3: "Grants", C3: month(MAY), D3: "Flow", E3: 150,
          A4: "Income", B4: "Donations", C4: month(APR), D4: "Flow", E4: 50,
          A5: "Costs", B5: "Staff", C5: month(APR), D5: "Flow", E5: 80,
          A6: "Costs", B6: "Staff", C6: month(MAY), D6: "Flow", E6: 90,
          A7: "Income", B7: "Grants", C7: month(APR), D7: "Stock", E7: 1000,
        }, // prettier-ignore
        tables: [{ name: "Figures", range: "A1:E7" }],
      },
      { name: "Summary pivots" },
    ],
  };
}

/** The gateway's calls, all queued in one batch before a sync. */
function buildSummary(context: Excel.RequestContext, name: string, rowGrandTotals: boolean): Excel.PivotTable {
  const table = context.workbook.tables.getItem("Figures");
  const pivot = context.workbook.pivotTables.add(name, table, "'Summary pivots'!A3");
  pivot.rowHierarchies.add(pivot.hierarchies.getItem("Measure"));
  pivot.rowHierarchies.add(pivot.hierarchies.getItem("Breakdown"));
  pivot.columnHierarchies.add(pivot.hierarchies.getItem("Month"));
  const d = pivot.dataHierarchies.add(pivot.hierarchies.getItem("Value"));
  d.summarizeBy = "Sum" as Excel.AggregationFunction;
  d.numberFormat = '"£"#,##0.00';
  d.name = "Total";
  pivot.filterHierarchies.add(pivot.hierarchies.getItem("Kind"));
  pivot.filterHierarchies.getItem("Kind").fields.getItem("Kind").items.getItem("Stock").visible = false;
  pivot.layout.layoutType = "Tabular";
  pivot.layout.subtotalLocation = "Off";
  pivot.layout.showRowGrandTotals = rowGrandTotals;
  pivot.layout.showColumnGrandTotals = false;
  return pivot;
}

function grid(host: MemoryExcelHost, sheet: string, addresses: string[][]): string[][] {
  return addresses.map((line) => line.map((a) => host.cell(sheet, a).text));
}

describe("PivotTables", () => {
  test("the gateway's summary: cells computed from the table in Excel's tabular layout", async () => {
    const host = MemoryExcelHost.fromSnapshot(source());
    host.resetSyncCount();
    await host.run(async (context) => {
      const pivot = buildSummary(context, "Summary", true);
      const range = pivot.layout.getRange().load("address");
      const body = pivot.layout.getDataBodyRange().load("address");
      await context.sync();
      expect(range.address).toBe("'Summary pivots'!A3:E7");
      expect(body.address).toBe("'Summary pivots'!C5:E7");
    });
    expect(host.syncCount).toBe(1);
    // Filter area above the body, a blank row between; only "Flow" is left, so it shows by name.
    expect(grid(host, "Summary pivots", [["A1", "B1"], ["A2", "B2"]])).toEqual([["Kind", "Flow"], ["", ""]]);
    expect(
      grid(host, "Summary pivots", [
        ["A3", "B3", "C3", "D3", "E3"],
        ["A4", "B4", "C4", "D4", "E4"],
        ["A5", "B5", "C5", "D5", "E5"],
        ["A6", "B6", "C6", "D6", "E6"],
        ["A7", "B7", "C7", "D7", "E7"],
        ["A8", "B8", "C8", "D8", "E8"],
      ]),
    ).toEqual([
      ["Total", "", "Month", "", ""],
      ["Measure", "Breakdown", "Apr 2024", "May 2024", "Grand Total"],
      ["Costs", "Staff", "£80.00", "£90.00", "£170.00"],
      ["Income", "Donations", "£50.00", "", "£50.00"],
      ["", "Grants", "£100.00", "£150.00", "£250.00"],
      ["", "", "", "", ""],
    ]);
    // Column items hold the source's dates, shown with the source's number format.
    expect(host.cell("Summary pivots", "C4").value).toBe(APR);
    expect(host.cell("Summary pivots", "C4").numberFormat).toBe("mmm yyyy");
    expect(host.cell("Summary pivots", "E7").value).toBe(250);
  });

  test("grand totals: showRowGrandTotals is the Grand Total column, showColumnGrandTotals the Grand Total row", async () => {
    const host = MemoryExcelHost.fromSnapshot(source());
    await host.run(async (context) => {
      const pivot = buildSummary(context, "Summary", false);
      const range = pivot.layout.getRange().load("address");
      await context.sync();
      expect(range.address).toBe("'Summary pivots'!A3:D7");
      expect(host.cell("Summary pivots", "E4").text).toBe("");
      pivot.layout.showColumnGrandTotals = true;
      // A Range stays at the address it had; ask the layout again.
      const grown = pivot.layout.getRange().load("address");
      await context.sync();
      expect(range.address).toBe("'Summary pivots'!A3:D7");
      expect(grown.address).toBe("'Summary pivots'!A3:D8");
    });
    expect(grid(host, "Summary pivots", [["A8", "B8", "C8", "D8"]])).toEqual([["Grand Total", "", "£230.00", "£240.00"]]);
  });

  test("the cells follow the source at refresh, not before; delete removes them", async () => {
    const host = MemoryExcelHost.fromSnapshot(source());
    await host.run(async (context) => {
      buildSummary(context, "Summary", true);
      await context.sync();
    });
    await host.userEdit("Data", "E2", [[400]]);
    expect(host.cell("Summary pivots", "C7").text).toBe("£100.00"); // the pivot cache is not refreshed yet
    await host.run(async (context) => {
      const pivot = context.workbook.pivotTables.getItem("Summary");
      pivot.refresh();
      await context.sync();
    });
    expect(host.cell("Summary pivots", "C7").text).toBe("£400.00");
    expect(host.cell("Summary pivots", "E7").text).toBe("£550.00");
    // A new Breakdown item appears as a row after refresh.
    await host.run(async (context) => {
      context.workbook.tables.getItem("Figures").rows.add(undefined, [["Costs", "Rent", MAY, "Flow", 30]]);
      context.workbook.pivotTables.getItem("Summary").refresh();
      await context.sync();
    });
    expect(grid(host, "Summary pivots", [["A5", "B5", "D5"], ["A6", "B6", "D6"]])).toEqual([
      ["Costs", "Rent", "£30.00"],
      ["", "Staff", "£90.00"],
    ]);
    await host.run(async (context) => {
      const existing = context.workbook.pivotTables.getItemOrNullObject("Summary");
      await context.sync();
      expect(existing.isNullObject).toBe(false);
      existing.delete();
      await context.sync();
      const gone = context.workbook.pivotTables.getItemOrNullObject("Summary");
      const count = context.workbook.pivotTables.getCount();
      await context.sync();
      expect(gone.isNullObject).toBe(true);
      expect(count.value).toBe(0);
    });
    const used = host.workbook.findSheet("Summary pivots")?.usedRect(false);
    expect(used).toBeNull();
  });

  test("hierarchies, fields and items read back; PropertyNotLoaded before load", async () => {
    const host = MemoryExcelHost.fromSnapshot(source());
    await host.run(async (context) => {
      const pivot = buildSummary(context, "Summary", true);
      expect(() => pivot.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }) as Error);
      const rows = pivot.rowHierarchies.load("items/name");
      const data = pivot.dataHierarchies.getItem("Total").load("name, summarizeBy, numberFormat");
      const items = pivot.hierarchies.getItem("Kind").fields.getItem("Kind").items.load("items/name, items/visible");
      const months = pivot.columnHierarchies.getItem("Month").fields.getItem("Month").items.load("items/name");
      const layout = pivot.layout.load("layoutType, showRowGrandTotals, showColumnGrandTotals, subtotalLocation");
      pivot.load("name");
      await context.sync();
      expect(pivot.name).toBe("Summary");
      expect(rows.items.map((h) => h.name)).toEqual(["Measure", "Breakdown"]);
      expect([data.name, data.summarizeBy, data.numberFormat]).toEqual(["Total", "Sum", '"£"#,##0.00']);
      expect(items.items.map((i) => [i.name, i.visible])).toEqual([
        ["Flow", true],
        ["Stock", false],
      ]);
      expect(months.items.map((i) => i.name)).toEqual(["Apr 2024", "May 2024"]);
      expect(layout.toJSON()).toEqual({ layoutType: "Tabular", showRowGrandTotals: true, showColumnGrandTotals: false, subtotalLocation: "Off" });
    });
  });

  test("default names follow summarizeBy; Count, Average, Max and Min summarise as Excel does", async () => {
    const host = MemoryExcelHost.fromSnapshot(source());
    await host.run(async (context) => {
      const pivot = context.workbook.worksheets.getItem("Summary pivots").pivotTables.add("P", "Data!A1:E7", "A3");
      pivot.rowHierarchies.add(pivot.hierarchies.getItem("Measure"));
      const d = pivot.dataHierarchies.add(pivot.hierarchies.getItem("Value"));
      d.load("name");
      await context.sync();
      expect(d.name).toBe("Sum of Value");
      pivot.layout.layoutType = "Tabular";
      const results: Record<string, string[]> = {};
      for (const how of ["Count", "Average", "Max", "Min"]) {
        d.summarizeBy = how as Excel.AggregationFunction;
        d.load("name");
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each function is checked after its own sync
        await context.sync();
        results[d.name] = ["B4", "B5", "B6"].map((a) => host.cell("Summary pivots", a).text);
      }
      expect(results).toEqual({
        "Count of Value": ["2", "4", "6"],
        "Average of Value": ["85", "325", "245"],
        "Max of Value": ["90", "1000", "1000"],
        "Min of Value": ["80", "50", "50"],
      });
      expect(host.cell("Summary pivots", "A3").text).toBe("Measure");
      expect(host.cell("Summary pivots", "B3").text).toBe("Min of Value");
    });
  });

  test("compact layout (Excel's default) with subtotals at the top", async () => {
    const host = MemoryExcelHost.fromSnapshot(source());
    await host.run(async (context) => {
      const pivot = context.workbook.pivotTables.add("P", context.workbook.tables.getItem("Figures"), "'Summary pivots'!A3");
      pivot.rowHierarchies.add(pivot.hierarchies.getItem("Measure"));
      pivot.rowHierarchies.add(pivot.hierarchies.getItem("Breakdown"));
      pivot.dataHierarchies.add(pivot.hierarchies.getItem("Value"));
      await context.sync();
    });
    expect(grid(host, "Summary pivots", [["A3", "B3"], ["A4", "B4"], ["A5", "B5"], ["A6", "B6"], ["A7", "B7"], ["A8", "B8"], ["A9", "B9"]])).toEqual([
      ["Row Labels", "Sum of Value"],
      ["Costs", "170"],
      ["Staff", "170"],
      ["Income", "1300"],
      ["Donations", "50"],
      ["Grants", "1250"],
      ["Grand Total", "1470"],
    ]);
  });

  test("refuses what Excel refuses", async () => {
    const host = MemoryExcelHost.fromSnapshot(source());
    await host.run(async (context) => {
      buildSummary(context, "Summary", true);
      context.workbook.names.add("Rates", "Data!A1");
      await context.sync();
    });
    const codes = async (batch: (context: Excel.RequestContext) => void) => ((await attempt(host, batch)) as { code?: string } | undefined)?.code;
    const table = (c: Excel.RequestContext) => c.workbook.tables.getItem("Figures");
    // Names are shared by pivots, tables and defined names, regardless of case.
    expect(await codes((c) => c.workbook.pivotTables.add("summary", table(c), "'Summary pivots'!H3"))).toBe("InvalidArgument");
    expect(await codes((c) => c.workbook.pivotTables.add("FIGURES", table(c), "'Summary pivots'!H3"))).toBe("InvalidArgument");
    expect(await codes((c) => c.workbook.pivotTables.add("rates", table(c), "'Summary pivots'!H3"))).toBe("InvalidArgument");
    expect(await codes((c) => c.workbook.tables.add("'Summary pivots'!K20:L22", true).set({ name: "Summary" }))).toBe("InvalidArgument");
    expect(await codes((c) => c.workbook.names.add("SUMMARY", "Data!A1"))).toBe("ItemAlreadyExists");
    // Overlaps: the source, another pivot.
    expect(await codes((c) => c.workbook.pivotTables.add("P2", table(c), "Data!B3"))).toBe("InvalidArgument");
    expect(await codes((c) => c.workbook.pivotTables.add("P2", table(c), "'Summary pivots'!B4"))).toBe("InvalidOperation");
    // Through a worksheet, the destination must be on that worksheet.
    expect(await codes((c) => c.workbook.worksheets.getItem("Data").pivotTables.add("P2", table(c), "'Summary pivots'!H3"))).toBe("InvalidArgument");
    // A source without data rows.
    expect(await codes((c) => c.workbook.pivotTables.add("P2", "Data!A1:E1", "'Summary pivots'!H3"))).toBe("InvalidArgument");
    // A hierarchy twice, or in two areas; an unknown hierarchy.
    const pivot = (c: Excel.RequestContext) => c.workbook.pivotTables.getItem("Summary");
    expect(await codes((c) => pivot(c).rowHierarchies.add(pivot(c).hierarchies.getItem("Measure")))).toBe("InvalidArgument");
    expect(await codes((c) => pivot(c).columnHierarchies.add(pivot(c).hierarchies.getItem("Breakdown")))).toBe("InvalidArgument");
    expect(await codes((c) => pivot(c).rowHierarchies.add(pivot(c).hierarchies.getItem("Region")))).toBe("ItemNotFound");
    // Writing into the pivot's cells.
    expect(await codes((c) => (c.workbook.worksheets.getItem("Summary pivots").getRange("C5").values = [[1]]))).toBe("InvalidOperation");
    expect(await codes((c) => c.workbook.worksheets.getItem("Summary pivots").getRange("A1:E8").clear())).toBe("InvalidOperation");
    await expect(host.userEdit("Summary pivots", "A1", [["x"]])).rejects.toMatchObject({ code: "InvalidOperation" });
    // Every item of a field hidden.
    expect(await codes((c) => (pivot(c).filterHierarchies.getItem("Kind").fields.getItem("Kind").items.getItem("Flow").visible = false))).toBe(
      "InvalidOperation",
    );
    // A data name that is a field name.
    expect(await codes((c) => (pivot(c).dataHierarchies.getItem("Total").name = "Value"))).toBe("InvalidArgument");
    expect(host.cell("Summary pivots", "C5").text).toBe("£80.00");
  });

  test("hierarchies move between areas only after remove; renaming a pivot keeps the namespace", async () => {
    const host = MemoryExcelHost.fromSnapshot(source());
    await host.run(async (context) => {
      const pivot = buildSummary(context, "Summary", true);
      await context.sync();
      pivot.rowHierarchies.remove(pivot.rowHierarchies.getItem("Breakdown"));
      pivot.columnHierarchies.add(pivot.hierarchies.getItem("Breakdown"));
      pivot.name = "Overview";
      const count = pivot.columnHierarchies.getCount();
      await context.sync();
      expect(count.value).toBe(2);
      const renamed = context.workbook.pivotTables.getItemOrNullObject("overview").load("name");
      await context.sync();
      expect(renamed.name).toBe("Overview");
    });
    // Two column fields: their names on the top row, one header row per field, the row field's name on the last.
    expect(grid(host, "Summary pivots", [["A3", "B3", "C3"], ["A4", "B4", "C4"], ["A5", "B5", "C5"]])).toEqual([
      ["Total", "Month", "Breakdown"],
      ["", "Apr 2024", ""],
      ["Measure", "Donations", "Grants"],
    ]);
  });

  test("round-trips through toJSON and fromSnapshot, cells recomputed from the source", async () => {
    const host = MemoryExcelHost.fromSnapshot(source());
    await host.run(async (context) => {
      buildSummary(context, "Summary", true);
      await context.sync();
    });
    const json = JSON.parse(JSON.stringify(host.toJSON())) as WorkbookSnapshot;
    expect(json.sheets[1]?.pivotTables?.[0]).toMatchObject({
      name: "Summary",
      source: { table: "Figures" },
      destination: "A3",
      rows: ["Measure", "Breakdown"],
      columns: ["Month"],
      filters: ["Kind"],
      hiddenItems: { Kind: ["Stock"] },
      data: [{ field: "Value", name: "Total", summarizeBy: "Sum", numberFormat: '"£"#,##0.00' }],
    });
    const copy = MemoryExcelHost.fromSnapshot(json);
    expect(copy.toJSON()).toEqual(host.toJSON());
    expect(copy.cell("Summary pivots", "E7").text).toBe("£250.00");
    await copy.run(async (context) => {
      const range = context.workbook.pivotTables.getItem("Summary").layout.getRange().load("address");
      await context.sync();
      expect(range.address).toBe("'Summary pivots'!A3:E7");
    });
  });

  test("PivotTable members follow the host's API version", async () => {
    const host = MemoryExcelHost.fromSnapshot(source(), { apiVersion: "1.7" });
    await host.run(async (context) => {
      expect(() => context.workbook.pivotTables.add("P", "Data!A1:E7", "'Summary pivots'!A3")).toThrow(
        expect.objectContaining({ code: "ApiNotFound" }) as Error,
      );
      await context.sync();
    });
    const older = MemoryExcelHost.fromSnapshot(source(), { apiVersion: "1.8" });
    await older.run(async (context) => {
      const pivot = context.workbook.pivotTables.add("P", "Data!A1:E7", "'Summary pivots'!A3");
      expect(() => pivot.layout.preserveFormatting).toThrow(expect.objectContaining({ code: "ApiNotFound" }) as Error);
      await context.sync();
    });
  });
});
