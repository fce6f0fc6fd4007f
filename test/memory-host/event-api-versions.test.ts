/**
 * Change events as the Excel the host claims to be sends them. Office.js builds the event's
 * arguments from what Excel sends (Worksheet_Changed_EventArgsTransform in @microsoft/office-js), so
 * a member newer than that Excel is present but undefined, and registering for an event newer than
 * it throws ApiNotFound at once (Office.js's getters call throwIfApiNotSupported). Requirement sets
 * from learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs (triggerSource 1.14,
 * details 1.9, getRange 1.8), excel.worksheet (onChanged 1.7) and excel.worksheetcollection
 * (onChanged and onSelectionChanged 1.9); Runtime.enableEvents 1.8 (excel.runtime).
 */
import { MemoryExcelHost } from "../../src/memory-host";

type Args = Excel.WorksheetChangedEventArgs;

/** Registers on the workbook's (or one sheet's) onChanged and collects what the handlers get. */
async function watching(host: MemoryExcelHost, scope: "workbook" | "sheet" = "workbook"): Promise<Args[]> {
  const seen: Args[] = [];
  await host.run(async (context) => {
    const events = scope === "workbook" ? context.workbook.worksheets.onChanged : context.workbook.worksheets.getItem("Sheet1").onChanged;
    events.add(async (args) => {
      seen.push(args);
    });
    await context.sync();
  });
  return seen;
}

async function addinWrites(host: MemoryExcelHost, address: string, value: string | number): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange(address).values = [[value]];
    await context.sync();
  });
  await host.settle();
}

describe("WorksheetChangedEventArgs follow the host's API version", () => {
  test("ExcelApi 1.13 sends no triggerSource: the member is there, undefined, for the user's edits and the add-in's alike", async () => {
    const host = new MemoryExcelHost({ apiVersion: "1.13" });
    const seen = await watching(host);
    await host.userEdit("Sheet1", "A1", [[1]]);
    await addinWrites(host, "B1", 2);
    expect(seen.map((args) => args.address)).toEqual(["A1", "B1"]);
    for (const args of seen) {
      expect(args.triggerSource).toBeUndefined();
      expect("triggerSource" in args).toBe(true); // as Office.js copies it: `triggerSource: value.triggerSource`
      expect(args.source).toBe("Local");
    }
  });

  test("ExcelApi 1.14 tells the user's edits (Unknown) from this add-in's (ThisLocalAddin)", async () => {
    const host = new MemoryExcelHost({ apiVersion: "1.14" });
    const seen = await watching(host);
    await host.userEdit("Sheet1", "A1", [[1]]);
    await addinWrites(host, "B1", 2);
    expect(seen.map((args) => [args.address, args.triggerSource])).toEqual([
      ["A1", "Unknown"],
      ["B1", "ThisLocalAddin"],
    ]);
  });

  test("details (a single cell's value before and after) from ExcelApi 1.9 only", async () => {
    const newer = new MemoryExcelHost({ apiVersion: "1.9" });
    const seenNewer = await watching(newer);
    await newer.userEdit("Sheet1", "A1", [["x"]]);
    expect(seenNewer[0]?.details).toEqual({ valueBefore: "", valueAfter: "x", valueTypeBefore: "Empty", valueTypeAfter: "String" });

    const older = new MemoryExcelHost({ apiVersion: "1.8" });
    const seenOlder = await watching(older, "sheet");
    await older.userEdit("Sheet1", "A1", [["x"]]);
    expect(seenOlder).toHaveLength(1);
    expect(seenOlder[0]?.details).toBeUndefined();
  });

  test("getRange works from ExcelApi 1.8; below, calling it throws ApiNotFound", async () => {
    const at18 = new MemoryExcelHost({ apiVersion: "1.8" });
    const seen18 = await watching(at18, "sheet");
    await at18.userEdit("Sheet1", "C3", [[7]]);
    const values = await at18.run(async (context) => {
      const range = seen18[0]!.getRange(context).load("values");
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([[7]]);

    const at17 = new MemoryExcelHost({ apiVersion: "1.7" });
    const seen17 = await watching(at17, "sheet");
    await at17.userEdit("Sheet1", "C3", [[7]]);
    await at17.run(async (context) => {
      expect(() => seen17[0]!.getRange(context)).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      expect(() => seen17[0]!.getRangeOrNullObject(context)).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      return Promise.resolve();
    });
  });
});

describe("registering for events is refused where Excel would refuse it", () => {
  test("a worksheet's onChanged from 1.7, the collection's onChanged and onSelectionChanged from 1.9", async () => {
    const at16 = new MemoryExcelHost({ apiVersion: "1.6" });
    await at16.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem("Sheet1").onChanged).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      return Promise.resolve();
    });
    const at18 = new MemoryExcelHost({ apiVersion: "1.8" });
    await at18.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem("Sheet1").onChanged).not.toThrow();
      expect(() => context.workbook.worksheets.onChanged).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      expect(() => context.workbook.worksheets.onSelectionChanged).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      return Promise.resolve();
    });
    const at19 = new MemoryExcelHost({ apiVersion: "1.9" });
    await at19.run(async (context) => {
      expect(() => context.workbook.worksheets.onChanged).not.toThrow();
      expect(() => context.workbook.worksheets.onSelectionChanged).not.toThrow();
      return Promise.resolve();
    });
  });

  test("context.runtime.enableEvents exists from 1.8", async () => {
    const host = new MemoryExcelHost({ apiVersion: "1.7" });
    await host.run(async (context) => {
      expect(() => {
        context.runtime.enableEvents = false;
      }).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      return Promise.resolve();
    });
  });
});

describe("context.runtime.enableEvents", () => {
  test("while it is false no handler of this add-in runs, for its own writes or the user's edits", async () => {
    const host = new MemoryExcelHost({ apiVersion: "1.13" });
    const seen = await watching(host);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["before the switch"]];
      context.runtime.enableEvents = false;
      sheet.getRange("A2").values = [["quiet"]];
      await context.sync();
      context.workbook.worksheets.add("Added quietly").getRange("A1").values = [["new sheet"]];
      await context.sync();
    });
    await host.userEdit("Sheet1", "A3", [["typed meanwhile"]]);
    const enabled = await host.run(async (context) => {
      context.runtime.load("enableEvents");
      await context.sync();
      const was = context.runtime.enableEvents;
      context.runtime.enableEvents = true;
      await context.sync();
      return was;
    });
    expect(enabled).toBe(false);
    await host.userEdit("Sheet1", "A4", [["typed after"]]);
    expect(seen.map((args) => args.address)).toEqual(["A1", "A4"]);
  });
});
