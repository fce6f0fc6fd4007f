/* eslint-disable office-addins/load-object-before-read, office-addins/no-navigational-load -- these tests break Office's load/sync rules on purpose to check that the host enforces them, and the rules misread ClientResult.value and navigation properties */
import { MemoryExcelHost } from "../../src/memory-host";
import { attempt } from "../support/attempt";

const PROTECTED_MESSAGE =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

/** Runs one batch and returns its rejection (or undefined). */
describe("worksheet protection", () => {
  test("cells are locked by default; writing to a locked cell of a protected sheet fails at sync", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B2:B10").format.protection.locked = false;
      sheet.protection.protect({ allowFormatColumns: true }, "secret");
      sheet.protection.load("protected, options, isPasswordProtected");
      await context.sync();
      expect(sheet.protection.protected).toBe(true);
      expect(sheet.protection.options.allowFormatColumns).toBe(true);
      expect(sheet.protection.options.allowFormatCells).toBe(false);
      expect(sheet.protection.isPasswordProtected).toBe(true);
    });
    expect(host.cell("Sheet1", "A1").locked).toBe(true);

    const error = await attempt(host, (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
    });
    expect(error).toMatchObject({ code: "AccessDenied", message: PROTECTED_MESSAGE, debugInfo: { errorLocation: "Range.values" } });
    expect(host.cell("Sheet1", "B2").value).toBe("");

    // Unlocked cells can still be written.
    expect(
      await attempt(host, (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("B2:B3").values = [["ok"], ["fine"]];
      }),
    ).toBeUndefined();
    expect(host.cell("Sheet1", "B3").value).toBe("fine");
  });

  test("formatting, locking, tables, validation and conditional formats are refused on a protected sheet", async () => {
    const host = MemoryExcelHost.fromSnapshot({
      sheets: [{ name: "P", columnFormats: { B: { locked: false } }, protection: { protected: true, options: { allowFormatColumns: true } } }],
    });
    const refused: ((context: Excel.RequestContext) => void)[] = [
      (c) => (c.workbook.worksheets.getItem("P").getRange("B2").format.fill.color = "#FF0000"),
      (c) => (c.workbook.worksheets.getItem("P").getRange("B2").format.protection.locked = true),
      (c) => (c.workbook.worksheets.getItem("P").getRange("B2").numberFormat = [["0.0"]]),
      (c) => c.workbook.worksheets.getItem("P").tables.add("B1:B5", true),
      (c) => (c.workbook.worksheets.getItem("P").getRange("B2:B5").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } }),
      (c) => c.workbook.worksheets.getItem("P").getRange("B2:B5").conditionalFormats.add("Custom"),
      (c) => (c.workbook.worksheets.getItem("P").getRange("2:2").format.rowHeight = 30),
      (c) => c.workbook.worksheets.getItem("P").getRange("A1").clear(),
    ];
    for (const batch of refused) expect(await attempt(host, batch)).toMatchObject({ code: "AccessDenied" });
    // Allowed by the protection options:
    expect(await attempt(host, (c) => (c.workbook.worksheets.getItem("P").getRange("B:B").format.columnWidth = 100))).toBeUndefined();
  });

  test("protecting a protected sheet fails, as Office's reference says, and changes nothing; unprotect needs the right password", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").protection.protect(undefined, "pw");
      await context.sync();
    });
    expect(await attempt(host, (c) => c.workbook.worksheets.getItem("Sheet1").protection.protect({ allowFormatCells: true }))).toMatchObject({
      code: "InvalidOperation",
    });
    expect(host.workbook.sheets[0]?.protection).toMatchObject({ password: "pw", options: { allowFormatCells: false } });
    expect(await attempt(host, (c) => c.workbook.worksheets.getItem("Sheet1").protection.unprotect("wrong"))).toMatchObject({
      code: "AccessDenied",
    });
    expect(await attempt(host, (c) => c.workbook.worksheets.getItem("Sheet1").protection.unprotect())).toMatchObject({
      code: "AccessDenied",
    });
    expect(host.workbook.sheets[0]?.protection.protected).toBe(true);
    expect(await attempt(host, (c) => c.workbook.worksheets.getItem("Sheet1").protection.unprotect("pw"))).toBeUndefined();
    expect(host.workbook.sheets[0]?.protection.protected).toBe(false);
    expect(await attempt(host, (c) => (c.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]]))).toBeUndefined();
  });

  test("a user's edit respects protection: it rejects and changes nothing", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "P", protection: { protected: true } }] });
    await expect(host.userEdit("P", "A1", [["x"]])).rejects.toMatchObject({ code: "AccessDenied", message: PROTECTED_MESSAGE });
    expect(host.cell("P", "A1").value).toBe("");
    await expect(host.userEdit("Missing", "A1", [["x"]])).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("worksheets", () => {
  test("names: unique regardless of case, at most 31 characters, no []:*?/\\", async () => {
    const host = new MemoryExcelHost();
    const cases: [string, string][] = [
      ["sheet1", "ItemAlreadyExists"],
      ["x".repeat(32), "InvalidArgument"],
      ["a/b", "InvalidArgument"],
      ["a[1]", "InvalidArgument"],
      ["what?", "InvalidArgument"],
      ["", "InvalidArgument"],
      ["'quoted'", "InvalidArgument"],
      ["History", "InvalidArgument"],
    ];
    for (const [name, code] of cases) {
      expect(await attempt(host, (c) => c.workbook.worksheets.add(name))).toMatchObject({ code });
    }
    expect(await attempt(host, (c) => c.workbook.worksheets.add("x".repeat(31)))).toBeUndefined();
    expect(await attempt(host, (c) => c.workbook.worksheets.add("Case studies"))).toBeUndefined();
    expect(await attempt(host, (c) => (c.workbook.worksheets.getItem("Case studies").name = "SHEET1"))).toMatchObject({
      code: "ItemAlreadyExists",
    });
    expect(await attempt(host, (c) => (c.workbook.worksheets.getItem("Sheet1").name = "SHEET1"))).toBeUndefined();
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["SHEET1", "x".repeat(31), "Case studies"]);
  });

  test("add, getItem (case-insensitive), position, visibility, tab colour, activate, delete", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add("Measures");
      added.load("name, position, id");
      const unnamed = sheets.add();
      unnamed.load("name");
      await context.sync();
      expect(added.name).toBe("Measures");
      expect(added.position).toBe(1);
      expect(added.id).toMatch(/^\{[0-9A-F-]+\}$/i);
      expect(unnamed.name).toBe("Sheet3");

      const measures = sheets.getItem("MEASURES");
      measures.position = 0;
      measures.tabColor = "#00ff00";
      measures.activate();
      sheets.getItem("Sheet3").visibility = "VeryHidden";
      sheets.getItem("Sheet1").delete();
      await context.sync();
    });
    expect(host.workbook.sheets.map((s) => [s.name, s.visibility, s.tabColor])).toEqual([
      ["Measures", "Visible", "#00FF00"],
      ["Sheet3", "VeryHidden", ""],
    ]);
    expect(host.selection.sheet).toBe("Measures");
    // The last visible sheet can be neither hidden nor deleted.
    expect(await attempt(host, (c) => (c.workbook.worksheets.getItem("Measures").visibility = "Hidden"))).toMatchObject({
      code: "InvalidOperation",
    });
    expect(await attempt(host, (c) => c.workbook.worksheets.getItem("Measures").delete())).toMatchObject({ code: "InvalidOperation" });
    // A proxy bound before a rename still refers to the same sheet.
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Measures");
      sheet.load("id");
      await context.sync();
      sheet.name = "Renamed";
      sheet.getRange("A1").values = [["still here"]];
      await context.sync();
    });
    expect(host.cell("Renamed", "A1").value).toBe("still here");
  });

  test("a deleted sheet's proxies fail with ItemNotFound", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "A" }, { name: "B" }] });
    await host.run(async (context) => {
      const b = context.workbook.worksheets.getItem("B");
      b.load("name");
      await context.sync();
      b.delete();
      await context.sync();
      b.getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("freeze panes", async () => {
    const host = new MemoryExcelHost();
    const location = async () =>
      host.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").freezePanes.getLocationOrNullObject();
        range.load("address");
        await context.sync();
        return range.isNullObject ? null : range.address;
      });
    expect(await location()).toBeNull();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").freezePanes.freezeRows(2);
      await context.sync();
    });
    expect(host.workbook.sheets[0]?.freeze).toEqual({ rows: 2, columns: 0 });
    expect(await location()).toBe("Sheet1!1:2");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").freezePanes.freezeColumns(1);
      await context.sync();
    });
    expect(await location()).toBe("Sheet1!A:A");
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.freezePanes.freezeAt(sheet.getRange("A1:B3"));
      await context.sync();
    });
    expect(await location()).toBe("Sheet1!A1:B3");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").freezePanes.unfreeze();
      await context.sync();
    });
    expect(host.workbook.sheets[0]?.freeze).toEqual({ rows: 0, columns: 0 });
  });
});
