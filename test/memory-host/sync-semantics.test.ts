/* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/no-empty-load -- these tests break Office's load/sync rules on purpose to check that the host enforces them, and the rules misread ClientResult.value and navigation properties */
import { type Mirror, MemoryExcelHost, NotImplementedByHostError, type OfficeHostError } from "../../src/memory-host";

/** Runs `fn` and returns the error it throws or rejects with. */
async function caught(fn: () => unknown): Promise<OfficeHostError & Error> {
  try {
    await fn();
  } catch (error) {
    return error as OfficeHostError & Error;
  }
  throw new Error("expected an error");
}

describe("load/sync semantics", () => {
  test("property writes are queued: the model changes only at sync", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [[1, "two"]];
      expect(host.cell("Sheet1", "A1").value).toBe("");
      await context.sync();
      expect(host.cell("Sheet1", "A1").value).toBe(1);
      expect(host.cell("Sheet1", "B1").value).toBe("two");
    });
  });

  test("reading an unloaded property throws PropertyNotLoaded with Office's message", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      const error = await caught(() => range.values);
      expect(error.code).toBe("PropertyNotLoaded");
      expect(error.message).toBe(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      expect(error.debugInfo.errorLocation).toBe("Range.values");
    });
  });

  test("a loaded property is unreadable until the sync resolves, then readable", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "Data", rows: [["a", 2]] }] });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B1");
      range.load("values, address");
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const pending = context.sync();
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await pending;
      expect(range.values).toEqual([["a", 2]]);
      expect(range.address).toBe("Data!A1:B1");
    });
  });

  test("load takes its snapshot at its place in the queue", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const before = sheet.getRange("A1");
      const after = sheet.getRange("A1");
      before.load("values");
      sheet.getRange("A1").values = [[42]];
      after.load("values");
      await context.sync();
      expect(before.values).toEqual([[""]]);
      expect(after.values).toEqual([[42]]);
    });
  });

  test("a written property reads back locally before sync, as in Office.js", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["x"]];
      expect(range.values).toEqual([["x"]]);
      await context.sync();
    });
  });

  test("load forms: arrays, select/expand, option objects, navigation paths and load()", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S", cells: { A1: { value: 5, bold: true } } }] });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const a = sheet.getRange("A1").load(["values", "rowIndex"]);
      const b = sheet.getRange("A1").load({ select: "address", expand: "format/font" });
      const c = sheet.getRange("A1").load({ values: true, format: { font: { bold: true } } });
      const d = sheet.getRange("A1").load("format/font/bold");
      const e = sheet.load();
      await context.sync();
      expect(a.values).toEqual([[5]]);
      expect(a.rowIndex).toBe(0);
      expect(b.address).toBe("S!A1");
      expect(b.format.font.bold).toBe(true);
      expect(c.values).toEqual([[5]]);
      expect(c.format.font.bold).toBe(true);
      expect(d.format.font.bold).toBe(true);
      expect(e.name).toBe("S");
      expect(e.position).toBe(0);
    });
  });

  test("collections: items after load, with item properties", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "One" }, { name: "Two", visibility: "Hidden" }] });
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name,items/visibility");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["One", "Visible"],
        ["Two", "Hidden"],
      ]);
      // A plain property name on a collection applies to its items; each load replaces the items.
      sheets.load("name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["One", "Two"]);
      expect(() => sheets.items[0]?.visibility).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      // Items are live proxies.
      sheets.items[1]?.getRange("A1").set({ values: [["hi"]] });
      await context.sync();
    });
    expect(host.cell("Two", "A1").value).toBe("hi");
  });

  test("getItem of a missing sheet fails at sync with ItemNotFound, not before", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Nope");
      const range = sheet.getRange("A1");
      range.load("values");
      const error = await caught(() => context.sync());
      expect(error.code).toBe("ItemNotFound");
      expect(error.debugInfo.code).toBe("ItemNotFound");
      expect(error.debugInfo.message).toBe(error.message);
      expect(error.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
      expect(error.name).toBe("RichApi.Error");
    });
  });

  test("getItemOrNullObject: isNullObject is readable after sync without an explicit load", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Data");
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      // Properties of a null object read as undefined (Office does not throw for them).
      missing.load("name");
      await context.sync();
      expect(missing.name).toBeUndefined();
    });
  });

  test("operating on a null object fails with ItemNotFound", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Data");
      missing.getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("syncs are counted, including the implicit final sync of pending work", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      await context.sync();
      await context.sync();
    });
    expect(host.syncCount).toBe(2);
    host.resetSyncCount();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    });
    expect(host.syncCount).toBe(1);
    expect(host.cell("Sheet1", "A1").value).toBe(1);
    host.resetSyncCount();
    await host.run(async () => undefined);
    expect(host.syncCount).toBe(0);
  });

  test("a failing operation keeps earlier ones applied and drops later ones (not transactional)", async () => {
    const host = new MemoryExcelHost();
    const error = await caught(() =>
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["before"]];
        sheet.getRange("A2:B2").values = [[1]]; // wrong shape
        sheet.getRange("A3").values = [["after"]];
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
    expect(error.debugInfo.errorLocation).toBe("Range.values");
    expect(host.cell("Sheet1", "A1").value).toBe("before");
    expect(host.cell("Sheet1", "A2").value).toBe("");
    expect(host.cell("Sheet1", "A3").value).toBe("");
  });

  test("values loaded in a failed sync are not delivered", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("values");
      context.workbook.worksheets.getItem("Missing").getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("touching a member the host does not implement throws a host error at once", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      const call = () => (range as unknown as { getSpillingToRange(): unknown }).getSpillingToRange();
      expect(call).toThrow(NotImplementedByHostError);
      expect(call).toThrow("Memory Excel host: Range.getSpillingToRange is not implemented");
      expect(() => {
        (range as unknown as Record<string, unknown>).hyperlink = {};
      }).toThrow("Memory Excel host: Range.hyperlink is not implemented");
      expect(() => range.load("numberFormatCategories")).toThrow("Memory Excel host: Range.numberFormatCategories is not implemented");
      expect(() => context.workbook.slicers).toThrow("Memory Excel host: Workbook.slicers is not implemented");
    });
  });

  test("ClientResult values are available after sync only", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "A" }, { name: "B" }, { name: "C", visibility: "Hidden" }] });
    await host.run(async (context) => {
      const all = context.workbook.worksheets.getCount();
      const visible = context.workbook.worksheets.getCount(true);
      expect(() => all.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      await context.sync();
      expect(all.value).toBe(3);
      expect(visible.value).toBe(2);
    });
  });

  test("objects cannot cross request contexts or outlive their batch", async () => {
    const host = new MemoryExcelHost();
    let kept: Excel.Range | undefined;
    await host.run(async (context) => {
      kept = context.workbook.worksheets.getItem("Sheet1").getRange("B2");
      kept.load("address");
      await context.sync();
    });
    expect(kept?.address).toBe("Sheet1!B2");
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      expect(() => sheet.freezePanes.freezeAt(kept as Excel.Range)).toThrow(expect.objectContaining({ code: "InvalidRequestContext" }));
    });
    expect(() => {
      (kept as Excel.Range).values = [[1]];
    }).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  test("run requires the batch to return a promise, and passes its result through", async () => {
    const host = new MemoryExcelHost();
    await expect(host.run((() => 5) as unknown as (c: Excel.RequestContext) => Promise<number>)).rejects.toMatchObject({
      code: "RunMustReturnPromise",
    });
    await expect(host.run(async () => "done")).resolves.toBe("done");
  });

  test("suspendApiCalculationUntilNextSync and trackedObjects are accepted", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      context.trackedObjects.add(range);
      context.trackedObjects.remove(range);
      await context.sync();
    });
    expect(host.workbook.calculationSuspended).toBe(false);
  });

  test("requirement sets: isSetSupported follows apiVersion", () => {
    const host = new MemoryExcelHost({ apiVersion: "1.12" });
    expect(host.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(host.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(host.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(host.isSetSupported("ExcelApi")).toBe(true);
    expect(host.isSetSupported("WordApi", "1.1")).toBe(false);
    expect(new MemoryExcelHost().isSetSupported("ExcelApi", "1.17")).toBe(true);
    expect(new MemoryExcelHost().isSetSupported("ExcelApi", "1.18")).toBe(false);
  });

  test("toJSON returns what was loaded", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S", rows: [[1]] }] });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1").load("values,address");
      await context.sync();
      expect(JSON.parse(JSON.stringify(range))).toEqual({ values: [[1]], address: "S!A1" });
    });
  });

  test("Mirror makes the compiler check a fake's members against Office's types", () => {
    class WrongRange implements Mirror<Excel.Range, "rowCount" | "getCell"> {
      // @ts-expect-error Office's rowCount is a number
      rowCount = "three";
      // @ts-expect-error Office's getCell takes (row: number, column: number)
      getCell(address: string): string {
        return address;
      }
    }
    expect(new WrongRange().getCell("A1")).toBe("A1");
  });
});
