/* eslint-disable office-addins/no-context-sync-in-loop -- each case runs its own batch on purpose */
import { formatAddress, MemoryExcelHost, parseAddress, quoteSheetName } from "../../src/memory-host";

async function load<T>(host: MemoryExcelHost, read: (context: Excel.RequestContext) => T): Promise<T> {
  return host.run(async (context) => {
    const result = read(context);
    await context.sync();
    return result;
  });
}

describe("addresses", () => {
  test("formatted as Office returns them, quoted when needed", () => {
    expect(formatAddress("Measures", { r0: 0, c0: 0, r1: 1, c1: 1 })).toBe("Measures!A1:B2");
    expect(formatAddress("Case studies", { r0: 0, c0: 0, r1: 1, c1: 6 })).toBe("'Case studies'!A1:G2");
    expect(quoteSheetName("O'Brien's")).toBe("'O''Brien''s'");
    expect(quoteSheetName("2020")).toBe("'2020'");
    expect(quoteSheetName("Q1")).toBe("'Q1'");
    expect(quoteSheetName("R2C3")).toBe("'R2C3'");
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("Impact_map")).toBe("Impact_map");
  });

  test("parsed in all of Excel's A1 forms", () => {
    expect(parseAddress("B3").rect).toEqual({ r0: 2, c0: 1, r1: 2, c1: 1 });
    expect(parseAddress("$B$3:c10").rect).toEqual({ r0: 2, c0: 1, r1: 9, c1: 2 });
    expect(parseAddress("C10:B3").rect).toEqual({ r0: 2, c0: 1, r1: 9, c1: 2 });
    expect(parseAddress("A:C").rect).toEqual({ r0: 0, c0: 0, r1: 1_048_575, c1: 2 });
    expect(parseAddress("1:3").rect).toEqual({ r0: 0, c0: 0, r1: 2, c1: 16_383 });
    expect(parseAddress("'Case studies'!A1:G2")).toEqual({ sheet: "Case studies", rect: { r0: 0, c0: 0, r1: 1, c1: 6 } });
    expect(parseAddress("'It''s'!XFD1048576")).toEqual({ sheet: "It's", rect: { r0: 1_048_575, c0: 16_383, r1: 1_048_575, c1: 16_383 } });
    for (const bad of ["", "A", "XFE1", "A0", "A1048577", "A1:B", "A1,B2", "Sheet1!", "'Bad!A1"]) {
      expect(() => parseAddress(bad)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    }
  });

  test("range addresses from the API", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "Case studies" }, { name: "Measures" }] });
    const [a, b, c, d, e, f] = await load(host, (context) => {
      const cs = context.workbook.worksheets.getItem("Case studies");
      const m = context.workbook.worksheets.getItem("Measures");
      return [
        cs.getRange("a1:g2").load("address"),
        m.getRange("B:C").load("address"),
        m.getRange("2:4").load("address"),
        m.getRange().load("address"),
        m.getRangeByIndexes(1, 2, 3, 4).load("address, rowIndex, columnIndex, rowCount, columnCount, cellCount"),
        m.getRange("Measures!C3").load("addressLocal"),
      ];
    });
    expect(a?.address).toBe("'Case studies'!A1:G2");
    expect(b?.address).toBe("Measures!B:C");
    expect(c?.address).toBe("Measures!2:4");
    expect(d?.address).toBe("Measures!1:1048576");
    expect(e?.address).toBe("Measures!C2:F4");
    expect([e?.rowIndex, e?.columnIndex, e?.rowCount, e?.columnCount, e?.cellCount]).toEqual([1, 2, 3, 4, 12]);
    expect(f?.addressLocal).toBe("Measures!C3");
  });

  test("an invalid address or a different sheet's address fails at sync", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "A" }, { name: "B" }] });
    for (const address of ["nonsense", "B!A1"]) {
      await expect(
        host.run(async (context) => {
          context.workbook.worksheets.getItem("A").getRange(address).load("address");
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  test("derived ranges", async () => {
    const host = new MemoryExcelHost();
    const results = await load(host, (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("B2:D5");
      return {
        cell: r.getCell(1, 1).load("address"),
        offset: r.getOffsetRange(1, -1).load("address"),
        resized: r.getResizedRange(-1, 2).load("address"),
        row: r.getRow(2).load("address"),
        column: r.getColumn(0).load("address"),
        entireColumn: r.getEntireColumn().load("address"),
        entireRow: r.getEntireRow().load("address"),
        lastRow: r.getLastRow().load("address"),
        lastColumn: r.getLastColumn().load("address"),
        lastCell: r.getLastCell().load("address"),
        above: r.getRowsAbove().load("address"),
        after: r.getColumnsAfter(2).load("address"),
        intersection: r.getIntersectionOrNullObject("C1:C3").load("address"),
        none: r.getIntersectionOrNullObject("Z9"),
        bounding: r.getBoundingRect("F8").load("address"),
      };
    });
    expect(results.cell.address).toBe("Sheet1!C3");
    expect(results.offset.address).toBe("Sheet1!A3:C6");
    expect(results.resized.address).toBe("Sheet1!B2:F4");
    expect(results.row.address).toBe("Sheet1!B4:D4");
    expect(results.column.address).toBe("Sheet1!B2:B5");
    expect(results.entireColumn.address).toBe("Sheet1!B:D");
    expect(results.entireRow.address).toBe("Sheet1!2:5");
    expect(results.lastRow.address).toBe("Sheet1!B5:D5");
    expect(results.lastColumn.address).toBe("Sheet1!D2:D5");
    expect(results.lastCell.address).toBe("Sheet1!D5");
    expect(results.above.address).toBe("Sheet1!B1:D1");
    expect(results.after.address).toBe("Sheet1!E2:F5");
    expect(results.intersection.address).toBe("Sheet1!C2:C3");
    expect(results.none.isNullObject).toBe(true);
    expect(results.bounding.address).toBe("Sheet1!B2:F8");
  });

  test("a derived range off the grid fails at sync with InvalidArgument", async () => {
    const host = new MemoryExcelHost();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").getOffsetRange(-1, 0).load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", debugInfo: { errorLocation: "Range.getOffsetRange" } });
  });
});

describe("values, formulas and text", () => {
  test("blank cells read as empty strings; shapes must match", async () => {
    const host = new MemoryExcelHost();
    const range = await load(host, (context) => context.workbook.worksheets.getItem("Sheet1").getRange("A1:C2").load("values, valueTypes"));
    expect(range.values).toEqual([
      ["", "", ""],
      ["", "", ""],
    ]);
    expect(range.valueTypes).toEqual([
      ["Empty", "Empty", "Empty"],
      ["Empty", "Empty", "Empty"],
    ]);
    for (const bad of [[[1, 2, 3]], [[1, 2], [3, 4]], [1, 2, 3], [[1, 2, 3], [4, 5]]]) {
      const error = await host
        .run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("A1:C2").values = bad as unknown[][];
          await context.sync();
        })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: "InvalidArgument",
        message: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      });
    }
  });

  test("a single value fills the whole range; null leaves a cell unchanged", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S", rows: [["keep", "old"]] }] });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A2:B3").values = "x" as unknown as unknown[][];
      sheet.getRange("A1:B1").values = [[null, "new"]];
      await context.sync();
    });
    expect(host.cell("S", "A1").value).toBe("keep");
    expect(host.cell("S", "B1").value).toBe("new");
    expect(host.cell("S", "B3").value).toBe("x");
  });

  test("strings beginning with = become formulas; values of formulas are the cached result", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A2").values = [[2], [3]];
      sheet.getRange("A3").values = [["=SUM(A1:A2)"]];
      sheet.getRange("B3").formulas = [["=A3*2"]];
      await context.sync();
    });
    expect(host.cell("Sheet1", "A3")).toMatchObject({ formula: "=SUM(A1:A2)", value: "", calculated: null });
    host.setCalculatedValue("Sheet1", "A3", 5);
    const range = await load(host, (context) =>
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B3").load("values, formulas, formulasR1C1, text"),
    );
    expect(range.values).toEqual([
      [2, ""],
      [3, ""],
      [5, ""],
    ]);
    expect(range.formulas).toEqual([
      [2, ""],
      [3, ""],
      ["=SUM(A1:A2)", "=A3*2"],
    ]);
    expect(range.formulasR1C1).toEqual([
      [2, ""],
      [3, ""],
      ["=SUM(R[-2]C:R[-1]C)", "=RC[-1]*2"],
    ]);
    expect(range.text[2]).toEqual(["5", ""]);
  });

  test("formulasR1C1 can be written", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C5").formulasR1C1 = [["=R[-1]C+R1C1"]];
      await context.sync();
    });
    expect(host.cell("Sheet1", "C5").formula).toBe("=C4+$A$1");
  });

  test("an evaluateFormula option stands in for calculation", async () => {
    const host = new MemoryExcelHost({ evaluateFormula: (formula) => (formula === "=1+1" ? 2 : undefined) });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").formulas = [["=1+1"], ["=NOW()"]];
      await context.sync();
    });
    expect(host.cell("Sheet1", "A1").value).toBe(2);
    expect(host.cell("Sheet1", "A2").value).toBe("");
  });

  test("written text is interpreted as Excel does, unless the cell is formatted as text", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").numberFormat = [["@"]];
      sheet.getRange("A1:A8").values = [["123"], ["12.5%"], ["TRUE"], ["2020-04-30"], ["'0123"], ["#N/A"], ["1,234"], ["hello"]];
      sheet.getRange("B1").values = [["=0123"]];
      await context.sync();
    });
    const range = await load(host, (context) =>
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B8").load("values, valueTypes, numberFormat, text"),
    );
    expect(range.values.map((r) => r[0])).toEqual([123, 0.125, true, 43951, "0123", "#N/A", 1234, "hello"]);
    expect(range.valueTypes.map((r) => r[0])).toEqual(["Double", "Double", "Boolean", "Double", "String", "Error", "Double", "String"]);
    expect(range.numberFormat.map((r) => r[0])).toEqual(["General", "0.0%", "General", "yyyy-mm-dd", "General", "General", "#,##0", "General"]);
    expect(range.text.map((r) => r[0])).toEqual(["123", "12.5%", "TRUE", "2020-04-30", "0123", "#N/A", "1,234", "hello"]);
    expect(range.values[0]?.[1]).toBe("=0123");
    expect(host.cell("Sheet1", "B1").formula).toBeNull();
  });

  test("text follows the number format", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1");
      r.values = [[1234.5, 0.256, 43951, -5, 1 / 3, 1234567890123]];
      r.numberFormat = [["£#,##0.00", "0%", "dd/mm/yyyy", "0.0;(0.0)", "General", "General"]];
      await context.sync();
    });
    const range = await load(host, (context) => context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1").load("text"));
    expect(range.text).toEqual([["£1,234.50", "26%", "30/04/2020", "(5.0)", "0.333333333", "1.23457E+12"]]);
  });

  test("writing 20,000 x 16 values in one call: every cell written, the used range exact", async () => {
    const host = new MemoryExcelHost();
    const rows = Array.from({ length: 20_000 }, (_, i) => Array.from({ length: 16 }, (__, j) => (j % 2 ? `text ${i}` : i * j)));
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:P20000").values = rows;
      await context.sync();
    });
    expect(host.cell("Sheet1", "P20000").value).toBe("text 19999");
    const read = await load(host, (context) => context.workbook.worksheets.getItem("Sheet1").getUsedRange().load("address, rowCount"));
    expect(read.address).toBe("Sheet1!A1:P20000");
  });

  test("used range: A1 on an empty sheet, null object with OrNullObject, values only on request", async () => {
    const host = MemoryExcelHost.fromSnapshot({
      sheets: [{ name: "Empty" }, { name: "Data", cells: { B2: 1, D5: "x", F9: { fillColor: "#FF0000" } } }],
    });
    const r = await load(host, (context) => {
      const empty = context.workbook.worksheets.getItem("Empty");
      const data = context.workbook.worksheets.getItem("Data");
      return {
        emptyUsed: empty.getUsedRange().load("address"),
        emptyNull: empty.getUsedRangeOrNullObject(true),
        all: data.getUsedRange().load("address"),
        valuesOnly: data.getUsedRange(true).load("address"),
        within: data.getRange("C3:Z99").getUsedRangeOrNullObject(true).load("address"),
      };
    });
    expect(r.emptyUsed.address).toBe("Empty!A1");
    expect(r.emptyNull.isNullObject).toBe(true);
    expect(r.all.address).toBe("Data!B2:F9");
    expect(r.valuesOnly.address).toBe("Data!B2:D5");
    expect(r.within.address).toBe("Data!D5");
  });

  test("clear removes contents and/or formats", async () => {
    const cells = { A1: { value: 1, bold: true }, A2: { value: 2, fillColor: "#FFFF00" } };
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S", cells }] });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A1").clear("Contents");
      sheet.getRange("A2").clear("Formats");
      await context.sync();
    });
    expect(host.cell("S", "A1")).toMatchObject({ value: "", bold: true });
    expect(host.cell("S", "A2")).toMatchObject({ value: 2, fillColor: null });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:A2").clear();
      await context.sync();
    });
    expect(host.workbook.sheets[0]?.cells.size).toBe(0);
  });
});

describe("formats", () => {
  test("defaults, uniform reads and null for mixed cells", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const header = sheet.getRange("A1:C1");
      header.format.font.bold = true;
      header.format.font.color = "white";
      header.format.fill.color = "#4472c4";
      header.format.wrapText = true;
      header.format.horizontalAlignment = "Center";
      sheet.getRange("B:B").format.columnWidth = 120;
      await context.sync();
    });
    const r = await load(host, (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      return {
        header: sheet.getRange("A1:C1").load("format/font/bold, format/font/color, format/fill/color, format/wrapText, format/horizontalAlignment"),
        plain: sheet.getRange("D4").load("numberFormat, format/font/name, format/font/size, format/fill/color, format/columnWidth, format/rowHeight, format/verticalAlignment, format/protection/locked"),
        mixed: sheet.getRange("A1:A2").load("format/font/bold, format/fill/color, format/columnWidth"),
        widths: sheet.getRange("A1:B1").load("format/columnWidth"),
        b: sheet.getRange("B7").load("format/columnWidth"),
      };
    });
    expect(r.header.format.font.bold).toBe(true);
    expect(r.header.format.font.color).toBe("#FFFFFF");
    expect(r.header.format.fill.color).toBe("#4472C4");
    expect(r.header.format.wrapText).toBe(true);
    expect(r.header.format.horizontalAlignment).toBe("Center");
    expect(r.plain.numberFormat).toEqual([["General"]]);
    expect(r.plain.format.font.name).toBe("Calibri");
    expect(r.plain.format.font.size).toBe(11);
    expect(r.plain.format.fill.color).toBe("#FFFFFF");
    expect(r.plain.format.columnWidth).toBe(48);
    expect(r.plain.format.rowHeight).toBe(15);
    expect(r.plain.format.verticalAlignment).toBe("Bottom");
    expect(r.plain.format.protection.locked).toBe(true);
    expect(r.mixed.format.font.bold).toBeNull();
    expect(r.mixed.format.fill.color).toBeNull();
    expect(r.widths.format.columnWidth).toBeNull();
    expect(r.b.format.columnWidth).toBe(120);
    expect(host.workbook.sheets[0]?.columnWidths.get(1)).toBe(120);
  });

  test("invalid colours are rejected as InvalidArgument", async () => {
    const host = new MemoryExcelHost();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "not a colour";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("whole-column formats apply to every cell without storing a million cells", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C:D").format.protection.locked = false;
      sheet.getRange("C:C").numberFormat = "0.00" as unknown as unknown[][];
      await context.sync();
    });
    const sheet = host.workbook.sheets[0];
    expect(sheet?.cells.size).toBe(0);
    expect(host.cell("Sheet1", "C500000")).toMatchObject({ locked: false, numberFormat: "0.00" });
    expect(host.cell("Sheet1", "D2")).toMatchObject({ locked: false, numberFormat: "General" });
    const r = await load(host, (context) => context.workbook.worksheets.getItem("Sheet1").getRange("C:D").load("format/protection/locked"));
    expect(r.format.protection.locked).toBe(false);
  });

  test("autofit estimates widths from the text", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S", rows: [["a much longer piece of text", "x"]] }] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B1").format.autofitColumns();
      await context.sync();
    });
    const sheet = host.workbook.sheets[0];
    expect(sheet?.columnWidth(0)).toBeGreaterThan(100);
    expect(sheet?.columnWidth(1)).toBeLessThan(48);
  });

  test("select() updates the selection; getSelectedRange and getActiveCell follow it", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "One" }, { name: "Two" }] });
    expect(host.selection).toEqual({ sheet: "One", address: "A1" });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Two").getRange("B3:C4").select();
      await context.sync();
    });
    expect(host.selection).toEqual({ sheet: "Two", address: "B3:C4" });
    const r = await load(host, (context) => ({
      selected: context.workbook.getSelectedRange().load("address"),
      active: context.workbook.getActiveCell().load("address"),
      sheet: context.workbook.worksheets.getActiveWorksheet().load("name"),
    }));
    expect(r.selected.address).toBe("Two!B3:C4");
    expect(r.active.address).toBe("Two!B3");
    expect(r.sheet.name).toBe("Two");
  });

  test("rowHidden and columnHidden read true, false or null", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S", hiddenRows: [2], hiddenColumns: ["C"] }] });
    const r = await load(host, (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      return {
        row: sheet.getRange("A2").load("rowHidden, columnHidden"),
        mixed: sheet.getRange("A1:A2").load("rowHidden"),
        column: sheet.getRange("C:C").load("columnHidden, hidden"),
      };
    });
    expect([r.row.rowHidden, r.row.columnHidden, r.mixed.rowHidden]).toEqual([true, false, null]);
    expect([r.column.columnHidden, r.column.hidden]).toEqual([true, true]);
  });
});
