/**
 * The differential test: the package reader (src/xlsx/package/) against the exceljs reader it
 * replaces (loadWorkbook + readSnapshot), over every .xlsx fixture, returns made and filled the way
 * the other tests make them, a LibreOffice-saved copy, a package with shared formulas, and a
 * workbook holding each kind of cell value. Snapshots, the typed return data and the check's
 * result must be exactly equal. Kept until the old reader is removed.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { analyseReturn } from "../../src/core/checks";
import { findTable, type WorkbookSnapshot } from "../../src/core/workbook/types";
import { loadWorkbook } from "../../src/xlsx/load";
import { readReturnSnapshot } from "../../src/xlsx/package";
import { readSnapshot } from "../../src/xlsx/read";
import { FIXTURES, requireBuiltCli, tempDir } from "../support/cli";
import { cleanEdits, fillReturn, writeTemplate } from "../support/fill-return";
import { convertWithLibreOffice } from "../support/libreoffice";
import { shareFormulas, unzip, zip } from "../support/package-rewrite";
import { makeReturn, makeTemplate } from "../support/returns";

jest.setTimeout(300_000);

const { dir, cleanUp } = tempDir("package-differential");
afterAll(cleanUp);
const today = new Date(2021, 1, 10);

async function oldReader(bytes: Uint8Array, file: string): Promise<WorkbookSnapshot> {
  return readSnapshot(await loadWorkbook(bytes, file));
}

/** Both readers over the same bytes: the same snapshot, the same return data and the same check. */
async function expectSameAnswers(bytes: Uint8Array, file: string): Promise<WorkbookSnapshot> {
  const before = await oldReader(bytes, file);
  const after = await readReturnSnapshot(bytes, file);
  expect(after).toStrictEqual(before);
  expect(analyseReturn(after, { today })).toStrictEqual(analyseReturn(before, { today }));
  return after;
}

function xlsxFilesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return xlsxFilesUnder(path);
    return /\.xlsx$/i.test(name) ? [path] : [];
  });
}

const files: Record<string, string> = {};

beforeAll(async () => {
  requireBuiltCli();
  files.templateV1 = join(dir, "template-v1.xlsx");
  files.templateV2 = join(dir, "template-v2.xlsx");
  makeTemplate(files.templateV1, 1);
  makeTemplate(files.templateV2, 2, "2021-04");
  files.clean = join(dir, "clean.xlsx");
  writeTemplate(files.clean);
  await fillReturn(files.clean, cleanEdits());
  files.signedOff = join(dir, "signed-off.xlsx");
  await makeReturn(files.templateV1, files.signedOff, {
    organisation: "Alpha Homes & Co <Ltd>",
    code: "AL01",
    homes: 1200,
    months: 12,
    value: (row, m) => row.code.length * 10 + m,
    signedOffOn: new Date(Date.UTC(2021, 3, 20)),
    extra: { Measures: { G3: "about 40", H4: new Date(Date.UTC(2020, 4, 5)), I5: -3 } },
  });
  files.partV2 = join(dir, "part-v2.xlsx");
  await makeReturn(files.templateV2, files.partV2, { organisation: "Beta Housing", code: "BE02", months: 3, value: () => 7, version: 2 });
});

describe("the package reader gives what the exceljs reader gave", () => {
  it("over every .xlsx fixture", async () => {
    for (const file of xlsxFilesUnder(FIXTURES)) await expectSameAnswers(new Uint8Array(readFileSync(file)), file);
  });

  it("over blank templates and filled returns (both frameworks, signed off, with mistakes)", async () => {
    for (const name of ["templateV1", "templateV2", "clean", "signedOff", "partV2"]) {
      const snapshot = await expectSameAnswers(new Uint8Array(readFileSync(files[name]!)), files[name]!);
      expect(findTable(snapshot, "Measures")!.values.length).toBeGreaterThan(10);
      expect(snapshot.frameworkDefinition).toMatch(/^\{/);
    }
    // The mistakes are read as they were typed: text in a figure cell, a date as its serial.
    const signedOff = await readReturnSnapshot(new Uint8Array(readFileSync(files.signedOff!)), "signed-off.xlsx");
    const measures = findTable(signedOff, "Measures")!;
    expect(measures.values[1]).toContain("about 40");
    expect(measures.values[2]).toContain(43956); // 5 May 2020
  });

  it("over a return saved again by LibreOffice", async () => {
    const copy = convertWithLibreOffice(files.signedOff!, "xlsx", join(dir, "libreoffice"), dir);
    const snapshot = await expectSameAnswers(new Uint8Array(readFileSync(copy)), copy);
    expect(findTable(snapshot, "ReturnDetails")!.values.flat()).toContain("Alpha Homes & Co <Ltd>");
  });

  it("over a return whose formulas are shared down a column, as Excel writes them", async () => {
    const parts = unzip(new Uint8Array(readFileSync(files.clean!)));
    const shared = zip(shareFormulas(parts, "xl/worksheets/sheet4.xml", "P"));
    const snapshot = await expectSameAnswers(shared, "shared.xlsx");
    // Each cell's formula is the first cell's moved to it, as the unshared file has it.
    expect(findTable(snapshot, "ImpactMap")!.formulas).toStrictEqual(findTable(await readReturnSnapshot(new Uint8Array(readFileSync(files.clean!)), "clean.xlsx"), "ImpactMap")!.formulas);
  });

  it("over a workbook holding each kind of cell value", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("Intro").getCell("A1").value = "Read me";
    const ws = workbook.addWorksheet("Measures");
    ws.addTable({
      name: "Measures",
      ref: "C3",
      columns: [{ name: "Code" }, { name: "Apr 2020" }, { name: "May 2020" }, { name: "Notes" }],
      rows: [
        ["A", 1.5, new Date(Date.UTC(2020, 3, 15)), { richText: [{ text: "Rich " }, { font: { bold: true }, text: "text" }] }],
        ["B", { formula: "D4*2", result: 3 }, { error: "#N/A" }, { text: "Link", hyperlink: "https://example.org" }],
        ["C", { formula: "D4+D5", result: undefined }, true, "tab\there"],
      ],
    });
    ws.getCell("D5").numFmt = "dd/mm/yyyy";
    ws.getCell("C3").value = new Date(Date.UTC(2020, 3, 1)); // a header typed as a date: "Apr 2020"
    const file = join(dir, "values.xlsx");
    writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const snapshot = await expectSameAnswers(new Uint8Array(readFileSync(file)), file);
    expect(findTable(snapshot, "Measures")!.values).toStrictEqual([
      ["A", 1.5, 43936, "Rich text"],
      ["B", 3, "#N/A", "Link"],
      ["C", null, true, "tab\there"],
    ]);
  });
});

describe("where the package reader is deliberately not the exceljs reader", () => {
  it("a formula whose cached result is 0 reads as 0, as Excel gives it (exceljs's reader dropped results that are 0 or FALSE)", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("Measures").addTable({ name: "Measures", ref: "A1", columns: [{ name: "Code" }, { name: "Apr 2020" }, { name: "May 2020" }], rows: [["A", 0, { formula: "B2*2", result: 0 }]] });
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(findTable(await oldReader(bytes, "zero.xlsx"), "Measures")!.values).toStrictEqual([["A", 0, null]]);
    const table = findTable(await readReturnSnapshot(bytes, "zero.xlsx"), "Measures")!;
    expect(table.values).toStrictEqual([["A", 0, 0]]);
    expect(table.formulas).toStrictEqual([["A", 0, "=B2*2"]]);
  });
});
