/* eslint-disable office-addins/load-object-before-read -- these tests break Office's load/sync rules on purpose to check that the host enforces them, and the rules misread ClientResult.value and navigation properties */
import { MemoryExcelHost } from "../../src/memory-host";
import { attempt } from "../support/attempt";

describe("tables", () => {
  test("add with headers: ranges, names, defaults; header cells are text", async () => {
    const host = MemoryExcelHost.fromSnapshot({
      sheets: [{ name: "Returns", rows: [["Month", 2020, "", "Month"], ["Apr", 1, 2, 3], ["May", 4, 5, 6]] }],
    });
    await host.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Returns").tables.add("A1:D3", true);
      table.load("name, id, style, showHeaders, showTotals, showBandedRows, showFilterButton");
      const header = table.getHeaderRowRange().load("address, values, valueTypes");
      const body = table.getDataBodyRange().load("address, values");
      const all = table.getRange().load("address");
      const columns = table.columns.load("items/name, items/index, items/id");
      await context.sync();
      expect(table.name).toBe("Table1");
      expect(table.style).toBe("TableStyleMedium2");
      expect([table.showHeaders, table.showTotals, table.showBandedRows, table.showFilterButton]).toEqual([true, false, true, true]);
      expect(header.address).toBe("Returns!A1:D1");
      expect(header.values).toEqual([["Month", "2020", "Column3", "Month2"]]);
      expect(header.valueTypes).toEqual([["String", "String", "String", "String"]]);
      expect(body.address).toBe("Returns!A2:D3");
      expect(body.values[1]).toEqual(["May", 4, 5, 6]);
      expect(all.address).toBe("Returns!A1:D3");
      expect(columns.items.map((c) => [c.name, c.index, c.id])).toEqual([
        ["Month", 0, 1],
        ["2020", 1, 2],
        ["Column3", 2, 3],
        ["Month2", 3, 4],
      ]);
    });
    // Writing a number into a header keeps it as text.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Returns").getRange("B1").values = [[2021]];
      await context.sync();
    });
    expect(host.cell("Returns", "B1").value).toBe("2021");
    expect(host.workbook.tables[0]?.columns[1]?.name).toBe("2021");
  });

  test("add without headers inserts a header row and moves the data down", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S", rows: [["a", 1], ["b", 2]], cells: { A5: "below", C1: "beside" } }] });
    await host.run(async (context) => {
      const table = context.workbook.worksheets.getItem("S").tables.add("S!A1:B2", false);
      table.getRange().load("address");
      await context.sync();
    });
    expect(host.workbook.tables[0]?.address).toBe("S!A1:B3");
    expect(host.cell("S", "A1").value).toBe("Column1");
    expect(host.cell("S", "B1").value).toBe("Column2");
    expect(host.cell("S", "A3").value).toBe("b");
    expect(host.cell("S", "A6").value).toBe("below"); // shifted with the table's columns
    expect(host.cell("S", "C1").value).toBe("beside"); // other columns untouched
  });

  test("rows.add appends (growing the table) and inserts (shifting cells below)", async () => {
    const host = MemoryExcelHost.fromSnapshot({
      sheets: [
        {
          name: "S",
          rows: [["Name", "Count"], ["a", 1]],
          cells: { A6: "note below", D3: "outside" },
          tables: [{ name: "Data", range: "A1:B2" }],
        },
      ],
    });
    await host.run(async (context) => {
      const table = context.workbook.tables.getItem("Data");
      const added = table.rows.add(undefined, [
        ["b", 2],
        ["c", 3],
      ]);
      added.load("index, values");
      const count = table.rows.getCount();
      await context.sync();
      expect(added.index).toBe(1);
      expect(added.values).toEqual([["b", 2]]);
      expect(count.value).toBe(3);
    });
    expect(host.workbook.tables[0]?.address).toBe("S!A1:B4");
    expect(host.cell("S", "A6").value).toBe("note below"); // cells below were blank: nothing moved
    expect(host.cell("S", "D3").value).toBe("outside");

    await host.run(async (context) => {
      const table = context.workbook.tables.getItem("data");
      table.rows.add(0, [["first", 0]]);
      table.rows.add(null as unknown as number, [["last", 9]]);
      table.rows.load("items/index, items/values, count");
      await context.sync();
      expect(table.rows.count).toBe(5);
      expect(table.rows.items.map((r) => r.values[0])).toEqual([
        ["first", 0],
        ["a", 1],
        ["b", 2],
        ["c", 3],
        ["last", 9],
      ]);
    });
    expect(host.workbook.tables[0]?.address).toBe("S!A1:B6");
    expect(host.cell("S", "A7").value).toBe("note below"); // pushed down by the insertion, then the append
    expect(host.cell("S", "D3").value).toBe("outside");
  });

  test("rows.add checks the shape of its values", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S", rows: [["x", "y"]], tables: [{ name: "T", range: "A1:B2" }] }] });
    expect(await attempt(host, (c) => c.workbook.tables.getItem("T").rows.add(undefined, [["only one"]]))).toMatchObject({ code: "InvalidArgument" });
    expect(await attempt(host, (c) => c.workbook.tables.getItem("T").rows.add(7, [["a", "b"]]))).toMatchObject({ code: "InvalidArgument" });
  });

  test("appended rows take the validation and formats of the last row", async () => {
    const host = MemoryExcelHost.fromSnapshot({
      sheets: [
        {
          name: "S",
          rows: [["Name", "Count"], ["a", 1]],
          cells: { B2: { value: 1, numberFormat: "0.00", locked: false } },
          tables: [{ name: "T", range: "A1:B2" }],
          dataValidations: [{ range: "B2", rule: { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } } }],
        },
      ],
    });
    await host.run(async (context) => {
      context.workbook.tables.getItem("T").rows.add(undefined, [["b", 2]]);
      await context.sync();
    });
    expect(host.cell("S", "B3")).toMatchObject({ value: 2, numberFormat: "0.00", locked: false });
    expect(host.workbook.sheets[0]?.dataValidations.map((dv) => dv.rect)).toEqual([{ r0: 1, c0: 1, r1: 2, c1: 1 }]);
  });

  test("columns: getItem by name or id, add with values and name, data body ranges", async () => {
    const host = MemoryExcelHost.fromSnapshot({
      sheets: [{ name: "S", rows: [["Name", "Count"], ["a", 1], ["b", 2]], tables: [{ name: "T", range: "A1:B3" }] }],
    });
    await host.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      const count = table.columns.getItem("count").getDataBodyRange().load("address, values");
      const byId = table.columns.getItem(1).load("name");
      const missing = table.columns.getItemOrNullObject("Nope");
      const added = table.columns.add(undefined, [["Direction"], ["up"], ["down"]]);
      added.load("name, index, values");
      const named = table.columns.add(1, undefined, "Notes");
      named.load("name, index");
      await context.sync();
      expect(count.address).toBe("S!B2:B3");
      expect(count.values).toEqual([[1], [2]]);
      expect(byId.name).toBe("Name");
      expect(missing.isNullObject).toBe(true);
      expect(added.name).toBe("Direction");
      expect(added.index).toBe(2);
      expect(added.values).toEqual([["Direction"], ["up"], ["down"]]);
      expect(named.name).toBe("Notes");
      expect(named.index).toBe(1);
    });
    expect(host.workbook.tables[0]?.address).toBe("S!A1:D3");
    expect(host.workbook.tables[0]?.columns.map((c) => c.name)).toEqual(["Name", "Notes", "Count", "Direction"]);
    expect(host.cell("S", "C2").value).toBe(1);
    expect(await attempt(host, (c) => c.workbook.tables.getItem("T").columns.getItem("Nope").load("name"))).toMatchObject({ code: "ItemNotFound" });
  });

  test("names are unique workbook-wide and valid; tables may not overlap", async () => {
    const host = MemoryExcelHost.fromSnapshot({
      sheets: [
        { name: "A", rows: [["x"], [1]], tables: [{ name: "Measures", range: "A1:A2" }] },
        { name: "B", rows: [["y", "z"], [1, 2]] },
      ],
    });
    expect(await attempt(host, (c) => (c.workbook.worksheets.getItem("B").tables.add("A1:B2", true).name = "measures"))).toMatchObject({
      code: "InvalidArgument",
    });
    // The failed rename came after a successful add (not transactional).
    expect(host.workbook.tables.map((t) => t.name)).toEqual(["Measures", "Table1"]);
    for (const bad of ["has space", "A1", "R1C1", "1st", ""]) {
      expect(await attempt(host, (c) => (c.workbook.tables.getItem("Table1").name = bad))).toMatchObject({ code: "InvalidArgument" });
    }
    expect(await attempt(host, (c) => c.workbook.worksheets.getItem("A").tables.add("A2:B4", true))).toMatchObject({ code: "InvalidArgument" });
    expect(await attempt(host, (c) => c.workbook.tables.getItem("Missing").load("name"))).toMatchObject({ code: "ItemNotFound" });
    // A sheet's collection only holds its own tables.
    expect(await attempt(host, (c) => c.workbook.worksheets.getItem("B").tables.getItem("Measures").load("name"))).toMatchObject({
      code: "ItemNotFound",
    });
  });

  test("resize needs ExcelApi 1.13: it throws ApiNotFound on older hosts", async () => {
    const old = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S", rows: [["a"], [1]], tables: [{ name: "T", range: "A1:A2" }] }] }, { apiVersion: "1.12" });
    await old.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      expect(() => table.resize("A1:B5")).toThrow(
        expect.objectContaining({
          code: "ApiNotFound",
          message: "The method or property Table.resize is part of the ExcelApi 1.13 requirement set, which is not available in your version of Excel.",
        }),
      );
    });
    const current = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S", rows: [["a"], [1]], tables: [{ name: "T", range: "A1:A2" }] }] });
    await current.run(async (context) => {
      context.workbook.tables.getItem("T").resize("A1:B5");
      await context.sync();
    });
    expect(current.workbook.tables[0]?.address).toBe("S!A1:B5");
    expect(current.workbook.tables[0]?.columns.map((c) => c.name)).toEqual(["a", "Column2"]);
    expect(await attempt(current, (c) => c.workbook.tables.getItem("T").resize("A2:B5"))).toMatchObject({ code: "InvalidArgument" });
  });

  test("delete removes the table and its contents; convertToRange keeps them", async () => {
    const snapshot = { sheets: [{ name: "S", rows: [["a", "b"], [1, 2]], tables: [{ name: "T", range: "A1:B2" }] }] };
    const deleted = MemoryExcelHost.fromSnapshot(snapshot);
    await deleted.run(async (context) => {
      context.workbook.tables.getItem("T").delete();
      await context.sync();
    });
    expect(deleted.workbook.tables).toHaveLength(0);
    expect(deleted.cell("S", "A2").value).toBe("");
    const converted = MemoryExcelHost.fromSnapshot(snapshot);
    await converted.run(async (context) => {
      const range = context.workbook.tables.getItem("T").convertToRange().load("address");
      await context.sync();
      expect(range.address).toBe("S!A1:B2");
    });
    expect(converted.workbook.tables).toHaveLength(0);
    expect(converted.cell("S", "A2").value).toBe(1);
  });

  test("table properties can be set; totals add a row", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S", rows: [["a", "b"], [1, 2]], tables: [{ name: "T", range: "A1:B2" }] }] });
    await host.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.style = "TableStyleLight9";
      table.showBandedRows = false;
      table.showTotals = true;
      table.getTotalRowRange().load("address, values");
      table.getDataBodyRange().load("address");
      const body = table.getDataBodyRange().load("address");
      const total = table.getTotalRowRange().load("address");
      await context.sync();
      expect(body.address).toBe("S!A2:B2");
      expect(total.address).toBe("S!A3:B3");
    });
    expect(host.workbook.tables[0]).toMatchObject({ style: "TableStyleLight9", showBandedRows: false, showTotals: true });
    expect(await attempt(host, (c) => (c.workbook.tables.getItem("T").style = "Fancy"))).toMatchObject({ code: "InvalidArgument" });
  });

  test("getCount, items and the table's worksheet", async () => {
    const host = MemoryExcelHost.fromSnapshot({
      sheets: [
        { name: "A", rows: [["x"], [1]], tables: [{ name: "One", range: "A1:A2" }] },
        { name: "B", rows: [["y"], [1]], tables: [{ name: "Two", range: "A1:A2" }] },
      ],
    });
    await host.run(async (context) => {
      const count = context.workbook.tables.getCount();
      const onB = context.workbook.worksheets.getItem("B").tables.load("items/name");
      const sheet = context.workbook.tables.getItem("Two").worksheet.load("name");
      await context.sync();
      expect(count.value).toBe(2);
      expect(onB.items.map((t) => t.name)).toEqual(["Two"]);
      expect(sheet.name).toBe("B");
    });
  });
});
