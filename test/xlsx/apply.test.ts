/**
 * The .xlsx writer on small, hand-made operation lists: each operation's effect on the exceljs
 * workbook, checked after writing the file to bytes and loading it back (what a reader sees).
 */
import { Workbook, type DataValidation } from "exceljs";
import { applyOperations, toExcelValidation, UnsupportedOperationError } from "../../src/xlsx/apply";
import { dataValidationsOf, isTabSelected, protectionOf, tablesOf } from "../../src/xlsx/exceljs-adapter";
import { loadWorkbook } from "../../src/xlsx/load";
import type { WorkbookOperation, Validation } from "../../src/core/workbook/types";

async function roundTrip(workbook: Workbook): Promise<Workbook> {
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return loadWorkbook(bytes, "round-trip.xlsx");
}

function applied(operations: WorkbookOperation[]): Workbook {
  const workbook = new Workbook();
  applyOperations(workbook, operations);
  return workbook;
}

const validation: Validation = {
  rule: { type: "whole", min: 0, max: 10 },
  prompt: { title: "Visits", message: "Visits made this month." },
  error: { title: "Not a valid figure", message: "Visits: enter a whole number from 0 to 10." },
};

describe("applyOperations: sheets, tables and cells", () => {
  it("adds sheets in order and a table with its header row, style, rows and a formula column", async () => {
    const workbook = applied([
      { kind: "addSheet", sheet: "Data" },
      { kind: "addSheet", sheet: "Notes" },
      {
        kind: "addTable",
        sheet: "Data",
        table: "Figures",
        address: "B2:D4",
        headers: ["Name", "Count", "Double"],
        rows: [
          ["One", 1, { formula: "=C3*2" }],
          [null, null, { formula: '=IF(C4="","",C4*2)' }],
        ],
        style: "TableStyleMedium2",
      },
    ]);
    const loaded = await roundTrip(workbook);
    expect(loaded.worksheets.map((ws) => ws.name)).toEqual(["Data", "Notes"]);
    const ws = loaded.getWorksheet("Data")!;
    expect(tablesOf(ws)).toEqual([expect.objectContaining({ name: "Figures", tableRef: "B2:D4" })]);
    expect(ws.getRow(2).values).toEqual([undefined, undefined, "Name", "Count", "Double"]);
    expect(ws.getCell("B3").value).toBe("One");
    expect(ws.getCell("C3").value).toBe(1);
    // A formula over a filled cell has no cached result; one whose inputs are all blank shows "".
    expect(ws.getCell("D3").formula).toBe("C3*2");
    expect(ws.getCell("D4").formula).toBe('IF(C4="","",C4*2)');
    expect(ws.getCell("B4").value).toBeNull();
    // Excel and LibreOffice calculate the formulas when the file is opened.
    expect(workbook.calcProperties.fullCalcOnLoad).toBe(true);
    expect(await partXml(workbook, "xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
  });

  it("caches an empty result only for formulas whose inputs are all blank", async () => {
    const workbook = applied([
      { kind: "addSheet", sheet: "S" },
      { kind: "write", sheet: "S", address: "A1:C1", cells: [[5, null, null]] },
      {
        kind: "write",
        sheet: "S",
        address: "D1:G1",
        cells: [[{ formula: "=A1*2" }, { formula: '=IF(B1="","",B1)' }, { formula: "=SUM(B1:C1)" }, { formula: "=Other!B1" }]],
      },
    ]);
    const xml = await sheetXml(workbook, 1);
    expect(xml).toContain('<c r="D1"><f>A1*2</f></c>');
    expect(xml).toContain('<c r="E1" t="str"><f>IF(B1=&quot;&quot;,&quot;&quot;,B1)</f><v></v></c>');
    expect(xml).toContain('<c r="F1"><f>SUM(B1:C1)</f></c>');
    expect(xml).toContain('<c r="G1"><f>Other!B1</f></c>');
  });

  it("writes and clears blocks, leaving formats alone", () => {
    const workbook = applied([
      { kind: "addSheet", sheet: "S" },
      { kind: "write", sheet: "S", address: "A1:B2", cells: [["a", 1], [true, null]] },
      { kind: "applyRules", sheet: "S", rules: [{ address: "B1", numberFormat: "0.00" }] },
      { kind: "clearContents", sheet: "S", address: "A1:B1" },
      { kind: "clearContents", sheet: "S", address: "Z100:Z200" },
    ]);
    const ws = workbook.getWorksheet("S")!;
    expect(ws.getCell("A1").value).toBeNull();
    expect(ws.getCell("B1").value).toBeNull();
    expect(ws.getCell("B1").numFmt).toBe("0.00");
    expect(ws.getCell("A2").value).toBe(true);
    expect(ws.findRow(100)).toBeUndefined();
  });

  it("refuses cells that do not fit the address, unknown sheets and duplicate sheets", () => {
    expect(() => applied([{ kind: "addSheet", sheet: "S" }, { kind: "write", sheet: "S", address: "A1:B1", cells: [[1]] }])).toThrow(/do not fit A1:B1/);
    expect(() => applied([{ kind: "write", sheet: "Nowhere", address: "A1", cells: [[1]] }])).toThrow(/no sheet called 'Nowhere'/);
    expect(() => applied([{ kind: "addSheet", sheet: "S" }, { kind: "addSheet", sheet: "s" }])).toThrow(/already has a sheet called 's'/);
  });

  it("deletes a table by name, keeping its cells, so a new one can take its place", async () => {
    const workbook = applied([
      { kind: "addSheet", sheet: "Checks" },
      { kind: "addTable", sheet: "Checks", table: "Checks", address: "A1:B2", headers: ["Severity", "Message"], rows: [["Error", "Old"]], style: "TableStyleLight9" },
      { kind: "deleteTable", table: "checks" },
    ]);
    const ws = workbook.getWorksheet("Checks")!;
    expect(tablesOf(ws)).toEqual([]);
    expect(ws.getCell("B2").value).toBe("Old");
    applyOperations(workbook, [
      { kind: "clearContents", sheet: "Checks", address: "A1:B2" },
      { kind: "addTable", sheet: "Checks", table: "Checks", address: "A1:B3", headers: ["Severity", "Message"], rows: [["Error", "New"], ["Warning", "Newer"]], style: "TableStyleLight9" },
    ]);
    const loaded = await roundTrip(workbook);
    expect(tablesOf(loaded.getWorksheet("Checks")!).map((t) => [t.name, t.tableRef])).toEqual([["Checks", "A1:B3"]]);
    expect(() => applied([{ kind: "deleteTable", table: "Nowhere" }])).toThrow(/no table called 'Nowhere'/);
  });

  it("says plainly that appending to an existing table is for the add-in", () => {
    expect(() => applied([{ kind: "appendRows", table: "Measures", rows: [[1]] }])).toThrow(UnsupportedOperationError);
    expect(() => applied([{ kind: "appendColumns", table: "Measures", headers: ["X"] }])).toThrow(/not supported for files/);
  });
});

describe("applyOperations: rules, views and protection", () => {
  it("sets number formats, locking and wrapping on every cell of a rule's range", async () => {
    const workbook = applied([
      { kind: "addSheet", sheet: "S" },
      { kind: "write", sheet: "S", address: "A1:C1", cells: [["x", "y", "z"]] },
      {
        kind: "applyRules",
        sheet: "S",
        rules: [
          { address: "A1:C1", locked: true },
          { address: "A2:B3", locked: false, numberFormat: "#,##0", wrap: true },
        ],
      },
    ]);
    const ws = (await roundTrip(workbook)).getWorksheet("S")!;
    for (const address of ["A2", "B2", "A3", "B3"]) {
      expect(ws.getCell(address).protection).toMatchObject({ locked: false });
      expect(ws.getCell(address).numFmt).toBe("#,##0");
      expect(ws.getCell(address).alignment).toMatchObject({ wrapText: true });
    }
    expect(ws.getCell("A1").protection?.locked).not.toBe(false);
    expect(ws.getCell("C3").protection).toBeUndefined();
  });

  it("changes only the cells of the range in a loaded file, where cells share style objects", async () => {
    const source = applied([
      { kind: "addSheet", sheet: "S" },
      { kind: "write", sheet: "S", address: "A1:B1", cells: [[1, 2]] },
      { kind: "applyRules", sheet: "S", rules: [{ address: "A1:B1", numberFormat: "0.0" }] },
    ]);
    const loaded = await roundTrip(source);
    const ws = loaded.getWorksheet("S")!;
    expect(ws.getCell("A1").style).toBe(ws.getCell("B1").style); // exceljs shares them
    applyOperations(loaded, [{ kind: "applyRules", sheet: "S", rules: [{ address: "A1", locked: false, numberFormat: "0%" }] }]);
    expect(ws.getCell("A1").protection).toEqual({ locked: false });
    expect(ws.getCell("A1").numFmt).toBe("0%");
    expect(ws.getCell("B1").protection).toBeUndefined();
    expect(ws.getCell("B1").numFmt).toBe("0.0");
  });

  it("sets data validation on the whole range at once and replaces what was there", async () => {
    const listRule: Validation = { ...validation, rule: { type: "list", items: ["Yes", "No"] } };
    const workbook = applied([
      { kind: "addSheet", sheet: "S" },
      { kind: "applyRules", sheet: "S", rules: [{ address: "A1:A10", validation }] },
      { kind: "applyRules", sheet: "S", rules: [{ address: "A4:A5", validation: listRule }] },
    ]);
    const model = dataValidationsOf(workbook.getWorksheet("S")!).model;
    expect(Object.keys(model).sort()).toEqual(["A1:A3", "A4:A5", "A6:A10"]);
    const ws = (await roundTrip(workbook)).getWorksheet("S")!;
    const loaded = dataValidationsOf(ws).model;
    expect(loaded.A1).toMatchObject({ type: "whole", formulae: [0, 10] });
    expect(loaded.A4).toMatchObject({ type: "list", formulae: ['"Yes,No"'] });
    expect(loaded.A10).toMatchObject({ type: "whole" });
    expect(loaded.A11).toBeUndefined();
  });

  it("maps every kind of rule to Excel's data validation", () => {
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Not a valid figure",
      error: "Visits: enter a whole number from 0 to 10.",
      showInputMessage: true,
      promptTitle: "Visits",
      prompt: "Visits made this month.",
    };
    const as = (rule: Validation["rule"]): DataValidation => toExcelValidation({ ...validation, rule });
    expect(as({ type: "whole", min: 0, max: 10 })).toEqual({ type: "whole", operator: "between", formulae: [0, 10], ...common });
    expect(as({ type: "decimal", min: 0 })).toEqual({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0], ...common });
    expect(as({ type: "list", items: ["Yes", "No"] })).toMatchObject({ type: "list", formulae: ['"Yes,No"'] });
    expect(as({ type: "listRange", source: "Framework!$D$2:$D$7" })).toMatchObject({ type: "list", formulae: ["Framework!$D$2:$D$7"] });
    expect(as({ type: "custom", formula: '=ISNUMBER(SEARCH("@",B7))' })).toMatchObject({ type: "custom", formulae: ['ISNUMBER(SEARCH("@",B7))'] });
    const date = as({ type: "date", min: 36526 });
    expect(date).toMatchObject({ type: "date", operator: "greaterThanOrEqual" });
    expect((date.formulae[0] as Date).toISOString()).toBe("2000-01-01T00:00:00.000Z");
    const noPrompt = toExcelValidation({ rule: { type: "whole", min: 0 }, error: validation.error });
    expect(noPrompt.showInputMessage).toBeUndefined();
    expect(() => as({ type: "list", items: ["a,b"] })).toThrow(/comma/);
  });

  it("writes a date rule's bound as the Excel serial it came from", async () => {
    const workbook = applied([
      { kind: "addSheet", sheet: "S" },
      { kind: "applyRules", sheet: "S", rules: [{ address: "B9", validation: { ...validation, rule: { type: "date", min: 36526 } } }] },
    ]);
    const xml = await sheetXml(workbook, 1);
    expect(xml).toMatch(/<dataValidation type="date" operator="greaterThanOrEqual"[^>]*sqref="B9"><formula1>36526<\/formula1>/);
  });

  it("freezes panes, protects without a password, hides and activates sheets", async () => {
    const workbook = applied([
      { kind: "addSheet", sheet: "First" },
      { kind: "addSheet", sheet: "Second" },
      { kind: "addSheet", sheet: "Hidden" },
      { kind: "freeze", sheet: "Second", rows: 1, columns: 3 },
      { kind: "protect", sheet: "Second" },
      { kind: "protect", sheet: "First" },
      { kind: "unprotect", sheet: "First" },
      { kind: "hide", sheet: "Hidden" },
      { kind: "activate", sheet: "Second" },
    ]);
    const loaded = await roundTrip(workbook);
    const second = loaded.getWorksheet("Second")!;
    expect(second.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 1, topLeftCell: "D2" });
    expect(protectionOf(second)).toEqual({ sheet: true, formatColumns: true, formatRows: true, autoFilter: true });
    expect(protectionOf(loaded.getWorksheet("First")!)).toBeUndefined();
    expect(loaded.getWorksheet("Hidden")!.state).toBe("hidden");
    expect(loaded.views[0]).toMatchObject({ activeTab: 1 });
    // exceljs writes tabSelected but does not read it back: look at the file itself.
    expect(isTabSelected(workbook.getWorksheet("Second")!)).toBe(true);
    expect(await sheetXml(workbook, 2)).toContain('<sheetView workbookViewId="0" tabSelected="1">');
    expect(await sheetXml(workbook, 1)).not.toContain("tabSelected");
    expect(await sheetXml(workbook, 2)).not.toMatch(/hashValue|algorithmName/);
  });

  it("adds a highlight as a conditional format with a fill and font colour", async () => {
    const workbook = applied([
      { kind: "addSheet", sheet: "S" },
      { kind: "highlight", sheet: "S", address: "A1:C10", formula: '=A1="bad"', fill: "#FFC7CE", font: "#9C0006" },
      { kind: "highlight", sheet: "S", address: "A1:C10", formula: '=A1="odd"', fill: "#FFEB9C", font: "#9C5700" },
    ]);
    const xml = await sheetXml(workbook, 1);
    expect(xml).toContain('<conditionalFormatting sqref="A1:C10"><cfRule type="expression" dxfId="0" priority="1"><formula>A1=&quot;bad&quot;</formula>');
    expect(xml).toContain('priority="2"><formula>A1=&quot;odd&quot;</formula>');
    expect(() => applied([{ kind: "addSheet", sheet: "S" }, { kind: "highlight", sheet: "S", address: "A1", formula: "=TRUE", fill: "red", font: "#000000" }])).toThrow(/Not a colour/);
  });
});

/** A part of the file as exceljs writes it. (jszip comes with exceljs.) */
async function partXml(workbook: Workbook, part: string): Promise<string> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  return zip.file(part)!.async("string");
}

/** The XML of the n-th worksheet (1-based). */
function sheetXml(workbook: Workbook, n: number): Promise<string> {
  return partXml(workbook, `xl/worksheets/sheet${n}.xml`);
}
