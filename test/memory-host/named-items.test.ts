import { MemoryExcelHost, type WorkbookSnapshot } from "../../src/memory-host";
import { attempt } from "../support/attempt";

function workbook(): WorkbookSnapshot {
  return { sheets: [{ name: "Data", rows: [["Kind", "Value"], ["Flow", 1]], tables: [{ name: "Figures", range: "A1:B2" }] }] };
}

describe("named items", () => {
  test("add, getItem, getItemOrNullObject; type, value and formula; getRange", async () => {
    const host = MemoryExcelHost.fromSnapshot(workbook());
    await host.run(async (context) => {
      const names = context.workbook.names;
      const missing = names.getItemOrNullObject("ReturnYear");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      names.add("ReturnYear", "=2024", "The year of the return");
      names.add("Kinds", context.workbook.worksheets.getItem("Data").getRange("A2:A2"));
      const year = names.getItem("returnyear").load("name, type, value, formula, comment, visible");
      const kinds = names.getItemOrNullObject("Kinds").load("type, value, formula");
      const range = names.getItem("Kinds").getRange().load("address, values");
      const all = names.load("items/name");
      await context.sync();
      expect(year.toJSON()).toEqual({ name: "ReturnYear", type: "Double", value: 2024, formula: "=2024", comment: "The year of the return", visible: true });
      expect(kinds.toJSON()).toEqual({ type: "Range", value: "Data!$A$2", formula: "=Data!$A$2" });
      expect([range.address, range.values]).toEqual(["Data!A2", [["Flow"]]]);
      expect(all.items.map((n) => n.name)).toEqual(["ReturnYear", "Kinds"]);
    });
    const json = JSON.parse(JSON.stringify(host.toJSON())) as WorkbookSnapshot;
    expect(json.names).toEqual([
      { name: "ReturnYear", formula: "=2024", comment: "The year of the return", visible: true },
      { name: "Kinds", formula: "=Data!$A$2", comment: "", visible: true },
    ]);
    expect(MemoryExcelHost.fromSnapshot(json).toJSON()).toEqual(host.toJSON());
  });

  test("one namespace for names, tables and PivotTables, regardless of case", async () => {
    const host = MemoryExcelHost.fromSnapshot(workbook());
    await host.run(async (context) => {
      context.workbook.names.add("Rates", "=0.2");
      context.workbook.pivotTables.add("Summary", "Data!A1:B2", "Data!E3");
      await context.sync();
    });
    const names = (c: Excel.RequestContext) => c.workbook.names;
    const clash = await attempt(host, (c) => names(c).add("FIGURES", "=1"));
    expect(clash).toMatchObject({ code: "ItemAlreadyExists", message: "A resource with the same name or identifier already exists." });
    expect((await attempt(host, (c) => names(c).add("summary", "=1")))?.code).toBe("ItemAlreadyExists");
    expect((await attempt(host, (c) => names(c).add("rates", "=1")))?.code).toBe("ItemAlreadyExists");
    expect((await attempt(host, (c) => (c.workbook.tables.getItem("Figures").name = "RATES")))?.code).toBe("InvalidArgument");
    expect((await attempt(host, (c) => (c.workbook.pivotTables.getItem("Summary").name = "Figures")))?.code).toBe("InvalidArgument");
    // Not a valid name: spaces, cell references.
    expect((await attempt(host, (c) => names(c).add("Two words", "=1")))?.code).toBe("InvalidArgument");
    expect((await attempt(host, (c) => names(c).add("AB12", "=1")))?.code).toBe("InvalidArgument");
    // Renaming to its own name in another case is fine.
    expect(await attempt(host, (c) => (c.workbook.tables.getItem("Figures").name = "FIGURES"))).toBeUndefined();
  });

  test("PropertyNotLoaded; ExcelApi 1.4 for add", async () => {
    const host = MemoryExcelHost.fromSnapshot(workbook(), { apiVersion: "1.3" });
    await host.run(async (context) => {
      expect(() => context.workbook.names.add("X", "=1")).toThrow(expect.objectContaining({ code: "ApiNotFound" }) as Error);
      const all = context.workbook.names;
      expect(() => all.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }) as Error);
      await context.sync();
    });
  });
});
