/**
 * Returns as other producers write them, read exactly as the original: every element prefixed
 * (`<x:workbook>`, .NET's Open XML SDK and ClosedXML), the workbook part moved and found only
 * through the package's relationships, an empty (0-byte) stored part, and Strict Open XML. Each
 * gives the original's snapshot and the original's check result. The prefixed file also passes
 * the zip guard's limits as the plain one does (its cells and rows are counted).
 */
import { strFromU8 } from "fflate";
import { analyseReturn } from "../../src/core/checks";
import { findTable, type WorkbookSnapshot } from "../../src/core/workbook/types";
import { loadWorkbook } from "../../src/xlsx/load";
import { readReturnSnapshot, snapshotFromParts } from "../../src/xlsx/package";
import { resolveTarget } from "../../src/xlsx/package/opc";
import { guardParts } from "../../src/xlsx/zip-guard";
import { FileProblem } from "../../src/xlsx/problem";
import { LIMITS } from "../../src/xlsx/limits";
import { requireBuiltCli, tempDir } from "../support/cli";
import { SHEET, workbookWith } from "../support/hostile-files";
import { addEmptyThumbnail, moveWorkbookPart, prefixEveryElement, toStrict, unzip, zip, type Parts } from "../support/package-rewrite";
import { sevenMonthReturn } from "../support/returns";

jest.setTimeout(120_000);

const { dir, cleanUp } = tempDir("package-variants");
afterAll(cleanUp);
const today = new Date(2021, 1, 10);

let original: Uint8Array;
let expected: WorkbookSnapshot;

beforeAll(async () => {
  requireBuiltCli();
  original = await sevenMonthReturn(dir, { extra: { Measures: { G4: "n/a" }, Outcomes: { A2: "Older residents", H2: 40, J2: 150, I2: 1 } } });
  expected = await readReturnSnapshot(original, "return.xlsx");
  expect(findTable(expected, "Measures")!.values.length).toBeGreaterThan(10);
});

function expectAsOriginal(snapshot: WorkbookSnapshot): void {
  expect(snapshot).toStrictEqual(expected);
  expect(analyseReturn(snapshot, { today })).toStrictEqual(analyseReturn(expected, { today }));
}

/** The parts' text, to see that the rewriting did what it says. */
function text(parts: Parts, name: string): string {
  return strFromU8(parts[name]!);
}

describe("returns written as other programs write them", () => {
  it("every element prefixed (x:), with a 0-byte stored thumbnail: read through the whole door exactly as the original", async () => {
    const parts = addEmptyThumbnail(prefixEveryElement(unzip(original)));
    expect(text(parts, "xl/workbook.xml")).toMatch(/^<\?xml[^>]*>\s*<x:workbook xmlns:x=/);
    expect(text(parts, "xl/worksheets/sheet2.xml")).toContain("<x:c r=");
    expect(text(parts, "xl/sharedStrings.xml")).toContain("<x:si>");
    expect(parts["docProps/thumbnail.jpeg"]!.length).toBe(0);
    const bytes = zip(parts);
    // exceljs could not read it (the reader it replaces called such files damaged or empty).
    const byExceljs = await loadWorkbook(bytes, "prefixed.xlsx").then(
      (workbook) => workbook.worksheets.flatMap((ws) => Object.keys((ws as unknown as { tables: object }).tables)),
      (error: unknown) => error,
    );
    expect(byExceljs).not.toEqual(expected.sheets.flatMap((s) => s.tables));
    expectAsOriginal(await readReturnSnapshot(bytes, "prefixed.xlsx"));
  });

  it("the workbook part moved (book/main.xml), prefixed, with a 0-byte part: found through the relationships and read exactly as the original", async () => {
    const parts = moveWorkbookPart(addEmptyThumbnail(prefixEveryElement(unzip(original))));
    expect(Object.keys(parts)).not.toContain("xl/workbook.xml");
    expect(text(parts, "_rels/.rels")).toContain('Target="book/main.xml"');
    expect(text(parts, "book/_rels/main.xml.rels")).toMatch(/Target="\/xl\/[^"]+"[\s\S]*Target="\.\.\/xl\//);
    // The reader proper, behind the zip guard. (The door's file-type sniff, which decides by the
    // package's content types and relationships, is the file-type detection's own test.)
    expectAsOriginal(snapshotFromParts(await guardParts(zip(parts), "moved.xlsx")));
  });

  it("Strict Open XML (purl.oclc.org namespaces, conformance=strict, an ISO 8601 date cell): read exactly as the original", async () => {
    const parts = toStrict(unzip(original));
    const sheet = text(parts, "xl/worksheets/sheet1.xml");
    // Strict files may keep dates as ISO 8601 text: the sign-off date (3 Nov 2020, serial 44138) so.
    const signedOff = /<c r="B10"( s="\d+")?( t="n")?><v>44138<\/v><\/c>/;
    expect(sheet).toMatch(signedOff);
    parts["xl/worksheets/sheet1.xml"] = new TextEncoder().encode(sheet.replace(signedOff, '<c r="B10"$1 t="d"><v>2020-11-03T00:00:00</v></c>'));
    expect(text(parts, "xl/workbook.xml")).toContain('conformance="strict"');
    expect(text(parts, "xl/workbook.xml")).toContain("http://purl.oclc.org/ooxml/spreadsheetml/main");
    expect(text(parts, "xl/workbook.xml")).not.toContain("schemas.openxmlformats.org/spreadsheetml");
    expect(text(parts, "xl/_rels/workbook.xml.rels")).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet"');
    expectAsOriginal(await readReturnSnapshot(zip(parts), "strict.xlsx"));
  });

  it("a package whose relationships name no workbook is refused in one plain sentence", async () => {
    const parts = unzip(original);
    parts["_rels/.rels"] = new TextEncoder().encode('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
    // The content types still name a workbook part (so the door's sniff takes it for a workbook), one the package does not hold.
    parts["[Content_Types].xml"] = new TextEncoder().encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/missing.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>');
    const problem = await readReturnSnapshot(zip(parts), "no-book.xlsx").catch((error: unknown) => error);
    expect(problem).toBeInstanceOf(FileProblem);
    expect(problem).toMatchObject({ kind: "damaged", message: "'no-book.xlsx' looks like an Excel workbook but could not be read: a part of it is damaged or was written by a program that does not follow the format. Open it in Excel, save a fresh copy and try again." });
  });
});

describe("the zip guard counts prefixed elements as it counts plain ones", () => {
  it("refuses a sheet of more cells than the limit written as <x:c>", async () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1">';
    const cells = Array.from({ length: LIMITS.cells + 1 }, (_, i) => `<x:c r="A${i + 1}"><x:v>1</x:v></x:c>`).join("");
    const bytes = await workbookWith({ [SHEET]: `${head}${cells}</x:row></x:sheetData></x:worksheet>` });
    await expect(readReturnSnapshot(bytes, "prefixed-cells.xlsx")).rejects.toMatchObject({ kind: "too-large", message: expect.stringMatching(/more than 1,000,000 cells/) });
  });
});

describe("relationship targets", () => {
  it.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/sheet1.xml", "../tables/table1.xml", "xl/tables/table1.xml"],
    ["xl/worksheets/sheet1.xml", "/xl/tables/table1.xml", "xl/tables/table1.xml"],
    ["book/main.xml", "../xl/styles.xml", "xl/styles.xml"],
    ["", "book/main.xml", "book/main.xml"],
    ["xl/workbook.xml", "./worksheets/My%20Sheet.xml", "xl/worksheets/My Sheet.xml"],
  ])("from %s, %s is %s", (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });

  it("a zip whose package names no workbook at all is not a workbook, and says so", async () => {
    const parts = unzip(original);
    parts["_rels/.rels"] = new TextEncoder().encode('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
    parts["[Content_Types].xml"] = new TextEncoder().encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    const problem = await readReturnSnapshot(zip(parts), "no-book.xlsx").catch((error: unknown) => error);
    // What a file is comes from its contents (file-type.ts), before the reader.
    expect(problem).toMatchObject({ kind: "not-xlsx", message: "'no-book.xlsx' is a zip file with no workbook inside, not an Excel workbook. If the return is inside, unzip it and choose the workbook itself." });
  });
});
