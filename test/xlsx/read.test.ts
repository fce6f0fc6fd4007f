/**
 * The .xlsx reader: snapshots shaped as the Excel gateway gives them, from files written by
 * exceljs and by other programs (tables linked the way openpyxl links them, header rows left to
 * their default, tables lost), with cell values normalised the way Office.js gives them.
 */
import JSZip from "jszip";
import { Workbook, type CellFormulaValue } from "exceljs";
import { findBuiltinFramework } from "../../src/core/framework";
import { LAYOUT_VERSION } from "../../src/core/layout/contract";
import { excelSerial } from "../../src/core/calendar";
import { readExistingReturn } from "../../src/core/return";
import { joinDefinitionChunks, planSetup } from "../../src/core/setup/plan";
import { EMPTY_WORKBOOK, findTable } from "../../src/core/workbook/types";
import { applyOperations } from "../../src/xlsx/apply";
import { loadWorkbook } from "../../src/xlsx/load";
import { readSnapshot } from "../../src/xlsx/read";
import { tablesOf } from "../../src/xlsx/exceljs-adapter";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;

async function bytesOf(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function reload(workbook: Workbook): Promise<Workbook> {
  return loadWorkbook(await bytesOf(workbook), "test.xlsx");
}

/** Rewrites parts of an .xlsx file, as another program would have written them. */
async function rewrite(bytes: Uint8Array, edit: (name: string, xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
    const xml = await zip.file(name)!.async("string");
    const edited = edit(name, xml);
    if (edited !== xml) zip.file(name, edited);
  }
  return zip.generateAsync({ type: "uint8array" });
}

/** A workbook with a Measures table at C3:F6 holding one of each kind of cell value. */
function measuresWorkbook(): Workbook {
  const workbook = new Workbook();
  workbook.addWorksheet("Intro");
  const ws = workbook.addWorksheet("Measures");
  ws.getCell("A1").value = "Monthly figures";
  ws.addTable({
    name: "Measures",
    ref: "C3",
    columns: [{ name: "Code" }, { name: "Apr 2020" }, { name: "May 2020" }, { name: "Notes" }],
    rows: [
      ["A", 1, new Date(Date.UTC(2020, 3, 15)), { richText: [{ text: "Rich " }, { font: { bold: true }, text: "text" }] }],
      ["B", { formula: "D4*2", result: 2 }, { error: "#DIV/0!" }, { text: "Link", hyperlink: "https://example.org" }],
      ["C", { formula: "D4+D5", result: undefined }, true, null],
    ],
  });
  const other = workbook.addWorksheet("Other");
  other.addTable({ name: "Lookup", ref: "A1", columns: [{ name: "K" }], rows: [["x"]] });
  return workbook;
}

describe("readSnapshot: tables and cell values", () => {
  it("lists every sheet in order with its tables, and reads only our tables", async () => {
    const snapshot = readSnapshot(await reload(measuresWorkbook()));
    expect(snapshot.sheets).toEqual([
      { name: "Intro", tables: [] },
      { name: "Measures", tables: ["Measures"] },
      { name: "Other", tables: ["Lookup"] },
    ]);
    expect(snapshot.tables.map((t) => t.name)).toEqual(["Measures"]);
    expect(snapshot.frameworkDefinition).toBeUndefined();
  });

  it("gives the table's position, headers, values and formulas as Office.js would", async () => {
    const table = findTable(readSnapshot(await reload(measuresWorkbook())), "Measures")!;
    expect(table).toMatchObject({ sheet: "Measures", row: 2, column: 2, headers: ["Code", "Apr 2020", "May 2020", "Notes"] });
    expect(table.fromSheet).toBeUndefined();
    expect(table.values).toEqual([
      ["A", 1, excelSerial(2020, 4, 15), "Rich text"],
      ["B", 2, "#DIV/0!", "Link"],
      ["C", null, true, null],
    ]);
    expect(table.formulas).toEqual([
      ["A", 1, excelSerial(2020, 4, 15), "Rich text"],
      ["B", "=D4*2", "#DIV/0!", "Link"],
      ["C", "=D4+D5", true, null],
    ]);
  });

  it("resolves shared formulas to each cell's own formula", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Stakeholders");
    ws.addTable({ name: "Stakeholders", ref: "A1", columns: [{ name: "Stakeholder group" }, { name: "Number of people" }, { name: "Twice" }], rows: [["a", 1, null], ["b", 2, null], ["c", 3, null]] });
    // exceljs writes a shared formula from a master cell; its typings leave out shareType and ref.
    ws.getCell("C2").value = { formula: "B2*2", result: 2, shareType: "shared", ref: "C2:C4" } as CellFormulaValue;
    ws.getCell("C3").value = { sharedFormula: "C2", result: 4 };
    ws.getCell("C4").value = { sharedFormula: "C2", result: 6 };
    const table = findTable(readSnapshot(await reload(workbook)), "Stakeholders")!;
    expect(table.formulas.map((r) => r[2])).toEqual(["=B2*2", "=B3*2", "=B4*2"]);
    expect(table.values.map((r) => r[2])).toEqual([2, 4, 6]);
  });

  it("leaves out a totals row and reads a header cell typed as a date as its month", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Measures");
    ws.addTable({
      name: "Measures",
      ref: "A1",
      totalsRow: true,
      columns: [{ name: "Code", totalsRowLabel: "Total" }, { name: "Apr 2020", totalsRowFunction: "sum" }],
      rows: [["A", 1], ["B", 2]],
    });
    // Another program stored the month heading as a date with a date format.
    ws.getCell("B1").value = new Date(Date.UTC(2020, 3, 1));
    ws.getCell("B1").numFmt = "mmm-yy";
    const table = findTable(readSnapshot(await reload(workbook)), "Measures")!;
    expect(table.headers).toEqual(["Code", "Apr 2020"]);
    expect(table.values).toEqual([["A", 1], ["B", 2]]);
  });
});

describe("readSnapshot: files from other programs", () => {
  it("loads openpyxl-style table links without crashing (exceljs issue #1468) and reads the table", async () => {
    const original = await bytesOf(measuresWorkbook());
    const bytes = await rewrite(original, (name, xml) => {
      if (/^xl\/worksheets\/_rels\//.test(name)) return xml.replace(/Target="\.\.\/tables\//g, 'Target="/xl/tables/');
      if (name.startsWith("xl/tables/")) return xml.replace(/ headerRowCount="1"/, "");
      return xml;
    });
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("xl/worksheets/_rels/sheet2.xml.rels")!.async("string")).toContain('Target="/xl/tables/');
    expect(await zip.file("xl/tables/table1.xml")!.async("string")).not.toContain("headerRowCount");

    // exceljs alone cannot open it:
    await expect(new Workbook().xlsx.load(Buffer.from(bytes) as unknown as Parameters<Workbook["xlsx"]["load"]>[0])).rejects.toThrow(/reading 'name'/);

    const workbook = await loadWorkbook(bytes, "openpyxl.xlsx");
    const snapshot = readSnapshot(workbook);
    expect(snapshot.sheets.map((s) => s.tables)).toEqual([[], ["Measures"], ["Lookup"]]);
    // The header row is known to be there, so saving the workbook again keeps it.
    expect(tablesOf(workbook.getWorksheet("Measures")!)[0]!.headerRow).toBe(true);
    const resaved = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    expect(await resaved.file("xl/tables/table1.xml")!.async("string")).toContain('headerRowCount="1"');
    const table = findTable(snapshot, "Measures")!;
    expect(table).toMatchObject({ row: 2, column: 2, headers: ["Code", "Apr 2020", "May 2020", "Notes"] });
    expect(table.values).toHaveLength(3);
    expect(table.values[1]).toEqual(["B", 2, "#DIV/0!", "Link"]);
  });

  it("drops a table part whose file is missing rather than fail", async () => {
    const bytes = await rewrite(await bytesOf(measuresWorkbook()), (name, xml) =>
      /^xl\/worksheets\/_rels\/sheet3/.test(name) ? xml.replace(/Target="[^"]*"/, 'Target="../tables/table99.xml"') : xml,
    );
    const snapshot = readSnapshot(await loadWorkbook(bytes, "missing-part.xlsx"));
    expect(snapshot.sheets.map((s) => s.tables)).toEqual([[], ["Measures"], []]);
  });

  it("recovers a lost table from a header row that looks like ours, marked fromSheet", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Measures");
    ws.getCell("A1").value = "Pasted from last year's return";
    ws.getRow(3).values = [null, "Code", "Measure", "Breakdown", "Unit", "Kind", "Apr 2020", "May 2020"];
    ws.getRow(4).values = [null, "WELFARE_CALLS", "Welfare calls made", null, "count", "flow", 120, { formula: "G4+1", result: 121 }];
    ws.getRow(5).values = [null, "FOOD_INTERVENTIONS", "Food interventions", "Total", "count", "flow", null, null];
    ws.getCell("B9").value = null; // a touched but blank row below
    const other = workbook.addWorksheet("Stakeholders");
    other.getCell("A1").value = "Nothing like our table here";
    const snapshot = readSnapshot(await reload(workbook));
    expect(snapshot.sheets).toEqual([
      { name: "Measures", tables: [] },
      { name: "Stakeholders", tables: [] },
    ]);
    expect(snapshot.tables).toEqual([
      {
        name: "Measures",
        sheet: "Measures",
        row: 2,
        column: 1,
        headers: ["Code", "Measure", "Breakdown", "Unit", "Kind", "Apr 2020", "May 2020"],
        values: [
          ["WELFARE_CALLS", "Welfare calls made", null, "count", "flow", 120, 121],
          ["FOOD_INTERVENTIONS", "Food interventions", "Total", "count", "flow", null, null],
        ],
        formulas: [
          ["WELFARE_CALLS", "Welfare calls made", null, "count", "flow", 120, "=G4+1"],
          ["FOOD_INTERVENTIONS", "Food interventions", "Total", "count", "flow", null, null],
        ],
        fromSheet: true,
      },
    ]);
  });
});

describe("readSnapshot of a workbook set up from the plan", () => {
  it("reads back the framework definition, the return details and every table", async () => {
    const plan = planSetup(EMPTY_WORKBOOK, v1, { organisation: "Riverside Homes", organisationCode: "0123" }, { year: 2020, month: 4 });
    const workbook = new Workbook();
    applyOperations(workbook, plan.operations);
    const snapshot = readSnapshot(await reload(workbook));
    expect(snapshot.tables.map((t) => t.name)).toEqual(["ReturnDetails", "Measures", "Stakeholders", "ImpactMap", "CaseStudies", "Reflections", "Checks", "FrameworkInfo"]);
    expect(snapshot.frameworkDefinition).toBe(JSON.stringify(v1));
    expect(joinDefinitionChunks([snapshot.frameworkDefinition!])).toEqual(v1);
    expect(readExistingReturn(snapshot)).toEqual({
      frameworkId: v1.id,
      frameworkTitle: v1.title,
      frameworkVersion: v1.version,
      layoutVersion: LAYOUT_VERSION,
      organisation: "Riverside Homes",
      organisationCode: "0123",
      yearStart: { year: 2020, month: 4 },
    });
    // Set up run again on the file would keep everything as it is.
    const again = planSetup(snapshot, v1, {}, { year: 2020, month: 4 });
    expect(again.blockers).toEqual([]);
    expect(again.changes.map((c) => c.action)).toEqual(again.changes.map(() => "keep"));
    expect(again.operations.some((op) => op.kind === "appendRows" || op.kind === "appendColumns" || op.kind === "addTable")).toBe(false);
  });

  it("joins a definition kept in several cells of column H", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Framework");
    ws.getCell("H1").value = "Framework definition (JSON)";
    ws.getCell("H2").value = '{"id":"x",';
    ws.getCell("H3").value = '"version":2}';
    expect(readSnapshot(await reload(workbook)).frameworkDefinition).toBe('{"id":"x","version":2}');
  });
});
