/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- these tests break Office's load/sync rules on purpose to check that the host enforces them, and the rules misread ClientResult.value and navigation properties */
import { MemoryExcelHost, type WorkbookSnapshot } from "../../src/memory-host";

describe("onChanged events", () => {
  test("userEdit changes cells and fires onChanged asynchronously", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "Measures" }, { name: "Other" }] });
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    const sheetOnly: string[] = [];
    await host.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => {
        seen.push(args);
      });
      context.workbook.worksheets.getItem("Other").onChanged.add(async (args) => {
        sheetOnly.push(args.address);
      });
      await context.sync();
    });
    expect(host.handlerCount).toBe(2);

    const done = host.userEdit("Measures", "B2:C3", [
      [1, 2],
      [3, "=B2+C2"],
    ]);
    expect(seen).toHaveLength(0); // handlers run later, not inside userEdit
    expect(host.cell("Measures", "C3").formula).toBe("=B2+C2");
    await done;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: "Local",
      address: "B2:C3",
      triggerSource: "Unknown",
      worksheetId: host.workbook.sheets[0]?.id,
    });
    expect(sheetOnly).toEqual([]);

    await host.userEdit("Other", "A1", [["x"]]);
    expect(sheetOnly).toEqual(["A1"]);
    expect(seen[1]?.details).toEqual({ valueBefore: "", valueAfter: "x", valueTypeBefore: "Empty", valueTypeAfter: "String" });
  });

  test("a handler can read the changed range in a new batch", async () => {
    const host = new MemoryExcelHost();
    const read: unknown[] = [];
    await host.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => {
        await host.run(async (ctx) => {
          const range = args.getRange(ctx).load("values, address");
          await ctx.sync();
          read.push(range.address, range.values);
        });
      });
      await context.sync();
    });
    await host.userEdit("Sheet1", "D4", [[12]]);
    expect(read).toEqual(["Sheet1!D4", [[12]]]);
  });

  test("changes made through the API fire too, marked as this add-in's", async () => {
    const host = new MemoryExcelHost();
    const sources: string[] = [];
    let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    await host.run(async (context) => {
      registration = context.workbook.worksheets.onChanged.add(async (args) => {
        sources.push(`${args.triggerSource}:${args.address}`);
      });
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").values = [[1], [2]];
      context.workbook.worksheets.getItem("Sheet1").getRange("B1").format.font.bold = true; // not a data change
      await context.sync();
    });
    await host.settle();
    expect(sources).toEqual(["ThisLocalAddin:A1:A2"]);
    registration?.remove();
    expect(host.handlerCount).toBe(0);
    await host.userEdit("Sheet1", "A1", [[5]]);
    expect(sources).toHaveLength(1);
  });

  test("API change events can be switched off; handler errors are collected", async () => {
    const host = new MemoryExcelHost({ apiChangeEvents: false });
    let calls = 0;
    await host.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async () => {
        calls++;
        throw new Error("handler failed");
      });
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    await host.settle();
    expect(calls).toBe(0);
    await host.userEdit("Sheet1", "A1", [[2]]);
    expect(calls).toBe(1);
    expect(host.eventErrors).toHaveLength(1);
  });

  test("onChanged needs ExcelApi 1.9", async () => {
    const host = new MemoryExcelHost({ apiVersion: "1.8" });
    await host.run(async (context) => {
      expect(() => context.workbook.worksheets.onChanged).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });
});

describe("notes", () => {
  test("exist only from ExcelApi 1.18: touching them on an older host throws ApiNotFound", async () => {
    const host = new MemoryExcelHost(); // 1.17 by default
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      expect(() => sheet.notes).toThrow(
        expect.objectContaining({
          code: "ApiNotFound",
          message: "The method or property Worksheet.notes is part of the ExcelApi 1.18 requirement set, which is not available in your version of Excel.",
        }),
      );
      expect(() => context.workbook.notes).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });

  test("add, read, count and delete notes on a 1.18 host", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "Case studies" }] }, { apiVersion: "1.18", authorName: "Officer" });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Case studies");
      sheet.notes.add("B2", "Consent given on 3 May");
      context.workbook.notes.add("'Case studies'!C3", "Check the figure");
      const count = context.workbook.notes.getCount();
      const note = sheet.notes.getItem("B2").load("content, authorName");
      const location = sheet.notes.getItem("B2").getLocation().load("address");
      const missing = sheet.notes.getItemOrNullObject("D4");
      await context.sync();
      expect(count.value).toBe(2);
      expect(note.content).toBe("Consent given on 3 May");
      expect(note.authorName).toBe("Officer");
      expect(location.address).toBe("'Case studies'!B2");
      expect(missing.isNullObject).toBe(true);
      sheet.notes.getItem("C3").delete();
      await context.sync();
    });
    expect(host.workbook.sheets[0]?.notes.map((n) => [n.row, n.column, n.content])).toEqual([[1, 1, "Consent given on 3 May"]]);
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Case studies").notes.add("A1:B2", "not a single cell");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("model, snapshots and subscriptions", () => {
  const snapshot: WorkbookSnapshot = {
    activeSheet: "Measures",
    sheets: [
      {
        name: "Foreign",
        cells: { A1: "Someone else's sheet", B2: { formula: "=1+1", calculated: 2 } },
      },
      {
        name: "Measures",
        rows: [
          ["Measure", "Apr", "May"],
          ["Welfare calls", 120, 95],
        ],
        cells: { B2: { value: 120, fillColor: "#FFC000", locked: false } },
        columnFormats: { C: { locked: false } },
        columnWidths: { A: 150 },
        tables: [{ name: "MonthlyMeasures", range: "A1:C2", style: "TableStyleLight9" }],
        protection: { protected: true, options: { allowFormatColumns: true } },
        freeze: { rows: 1, columns: 1 },
        dataValidations: [{ range: "B2:C2", rule: { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } } }],
        conditionalFormats: [{ range: "B2:C2", formula: "=B2<0", fillColor: "#FFC7CE" }],
        notes: [{ address: "A2", content: "Calls made this month" }],
        selection: "B2",
      },
    ],
  };

  test("a host seeded from a snapshot exposes the model and round-trips through toJSON", () => {
    const host = MemoryExcelHost.fromSnapshot(snapshot, { apiVersion: "1.18" });
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Foreign", "Measures"]);
    expect(host.selection).toEqual({ sheet: "Measures", address: "B2" });
    expect(host.cell("Foreign", "B2")).toMatchObject({ value: 2, formula: "=1+1", text: "2" });
    expect(host.cell("Measures", "B2")).toMatchObject({ value: 120, fillColor: "#FFC000", locked: false, bold: false, fontColor: "#000000" });
    expect(host.cell("Measures", "C2").locked).toBe(false);
    const measures = host.workbook.sheets[1];
    expect(measures?.tables.map((t) => [t.name, t.address, t.style])).toEqual([["MonthlyMeasures", "Measures!A1:C2", "TableStyleLight9"]]);
    expect(measures?.freeze).toEqual({ rows: 1, columns: 1 });

    const json = host.toJSON();
    const again = MemoryExcelHost.fromSnapshot(JSON.parse(JSON.stringify(json)) as WorkbookSnapshot);
    expect(again.toJSON()).toEqual(json);
  });

  test("the seeded protection, validation and tables behave", async () => {
    const host = MemoryExcelHost.fromSnapshot(snapshot);
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Measures").getRange("A2").values = [["renamed"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await host.run(async (context) => {
      const body = context.workbook.tables.getItem("MonthlyMeasures").getDataBodyRange().load("values");
      context.workbook.worksheets.getItem("Measures").getRange("C2").values = [[101]];
      await context.sync();
      expect(body.values).toEqual([["Welfare calls", 120, 95]]); // loaded before the write
    });
    expect(host.cell("Measures", "C2").value).toBe(101);
  });

  test("subscribers hear about syncs and edits that change the model", async () => {
    const host = new MemoryExcelHost();
    const kinds: string[] = [];
    const unsubscribe = host.subscribe((change) => kinds.push(change.kind));
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync(); // a read: no change
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    await host.userEdit("Sheet1", "A2", [[2]]);
    unsubscribe();
    await host.userEdit("Sheet1", "A3", [[3]]);
    expect(kinds).toEqual(["sync", "userEdit"]);
  });

  test("a latency option delays syncs (for the preview)", async () => {
    jest.useFakeTimers();
    try {
      const host = new MemoryExcelHost({ latencyMs: 30 });
      let done = false;
      const running = host.run(async (context) => {
        await context.sync();
        done = true;
      });
      await jest.advanceTimersByTimeAsync(29);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await running;
      expect(done).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
