/**
 * Hostile files: readWorkbookFile refuses each with one plain line naming the file, before exceljs
 * allocates anything large; no library wording gets through. Files are generated here
 * (test/support/hostile-files.ts), never committed.
 */
import { execFileSync } from "node:child_process";
import { closeSync, openSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FileProblem, readWorkbookFile } from "../../src/xlsx/files";
import { LIMITS } from "../../src/xlsx/limits";
import { tempDir } from "../support/cli";
import { deflateRepeated, partText, SHEET, SHEET_HEAD, SHEET_TAIL, workbookParts, workbookWith, zipOf } from "../support/hostile-files";

let dir: string;
let cleanUp: () => void;
beforeAll(() => ({ dir, cleanUp } = tempDir("hostile")));
afterAll(() => cleanUp());

/** Raw library and engine wording that must never reach a person. */
export const RAW_TEXT = /Cannot read propert|undefined|Bug :|text data outside|Invalid string length|Unexpected token|in JSON at position|Too big|Too small|Maximum call stack|ERR_|\bat .*\.js:\d+|\d+:\d+: /;

async function refusal(name: string, bytes: Buffer): Promise<FileProblem> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const before = process.memoryUsage().rss;
  try {
    await readWorkbookFile(file);
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    expect(error.message).toContain(file);
    expect(error.message).not.toMatch(/\n/);
    expect(error.message).not.toMatch(RAW_TEXT);
    // Refused before anything large was made.
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    return error;
  }
  throw new Error(`${name} was read`);
}

describe("size limits, checked while unpacking", () => {
  it("refuses a file larger than the limit without reading it", async () => {
    const file = join(dir, "huge.xlsx");
    writeFileSync(file, zipOf(await workbookParts()));
    execFileSync("truncate", ["-s", String(LIMITS.fileBytes + 1024 * 1024), file]); // sparse: quick
    await expect(readWorkbookFile(file)).rejects.toMatchObject({ kind: "too-large", message: expect.stringMatching(/is 51 MB, more than the 50 MB a return workbook may be/) });
  });

  it("refuses a part that expands past the part limit (a zip bomb of empty rows)", async () => {
    const bomb = await deflateRepeated(SHEET_HEAD, "<row/>", Math.ceil(LIMITS.partBytes / 6) + 10, SHEET_TAIL);
    expect(bomb.data.length).toBeLessThan(1024 * 1024); // a small file...
    const problem = await refusal("bomb.xlsx", await workbookWith({ [SHEET]: { name: SHEET, deflated: bomb } }));
    expect(problem.kind).toBe("too-large");
    expect(problem.message).toMatch(/expands to more than 100 MB/);
  });

  it("refuses parts that together expand past the total limit", async () => {
    const part = await deflateRepeated("<x>", "<a/>", Math.floor((LIMITS.totalBytes / 3 + 1024) / 4), "</x>");
    const problem = await refusal("total.xlsx", await workbookWith({ "xl/a.xml": { name: "", deflated: part }, "xl/b.xml": { name: "", deflated: part }, "xl/c.xml": { name: "", deflated: part } }));
    expect(problem.message).toMatch(/expands to more than 200 MB/);
  });

  it("refuses a part that inflates to more than the size it records, stopping at that size", async () => {
    const liar = await deflateRepeated(SHEET_HEAD, "<row/>", 2_000_000, SHEET_TAIL);
    const problem = await refusal("liar.xlsx", await workbookWith({ [SHEET]: { name: SHEET, deflated: { data: liar.data, size: 1000 } } }));
    expect(problem.message).toMatch(/expands to more than the size the file records/);
  });

  it("refuses a part packed far more tightly than workbook contents are", async () => {
    const tight = await deflateRepeated("<x>", " ", 20 * 1024 * 1024, "</x>");
    const problem = await refusal("ratio.xlsx", await workbookWith({ "xl/padding.xml": { name: "", deflated: tight } }));
    expect(problem.message).toMatch(/expands more than 100 times/);
  });

  it("refuses too many rows, cells or parts", async () => {
    // Numbered rows and cells, which do not pack as tightly as a bomb does.
    const rows = SHEET_HEAD + Array.from({ length: LIMITS.rows + 1 }, (_, i) => `<row r="${i + 1}"/>`).join("") + SHEET_TAIL;
    expect((await refusal("rows.xlsx", await workbookWith({ [SHEET]: rows }))).message).toMatch(/more than 1,000,000 rows/);
    const cells = `${SHEET_HEAD}<row r="1">${Array.from({ length: LIMITS.cells + 1 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`).join("")}</row>${SHEET_TAIL}`;
    expect((await refusal("cells.xlsx", await workbookWith({ [SHEET]: cells }))).message).toMatch(/more than 1,000,000 cells/);
    const many = Object.fromEntries(Array.from({ length: LIMITS.parts + 1 }, (_, i) => [`xl/extra/p${i}.xml`, "<x/>"]));
    expect((await refusal("parts.xlsx", await workbookWith(many))).message).toMatch(/more than 2,000 parts/);
  });
});

describe("what a sheet or table may claim", () => {
  it("refuses a table whose range is the whole grid (A1:XFD1048576)", async () => {
    const table = (await partText("xl/tables/table1.xml")).replace(/ref="A1:B2"/g, 'ref="A1:XFD1048576"');
    expect(table).toContain("XFD1048576");
    const problem = await refusal("table.xlsx", await workbookWith({ "xl/tables/table1.xml": table }));
    expect(problem.message).toMatch(/a table's range A1:XFD1048576 covers more than 2,000,000 cells/);
  });

  it("refuses a sheet whose used range, merged cells, data validation, columns or names claim the grid", async () => {
    const sheet = await partText(SHEET);
    const cases: [string, string, RegExp][] = [
      ["dimension", sheet.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'), /a sheet's used range/],
      ["merge", sheet.replace("</worksheet>", '<mergeCells count="1"><mergeCell ref="A1:Z100000"/></mergeCells></worksheet>'), /merged range|more than 1,000,000 cells/],
      ["validation", sheet.replace("</worksheet>", '<dataValidations count="1"><dataValidation type="whole" sqref="A1:Z1048576"><formula1>0</formula1></dataValidation></dataValidations></worksheet>'), /under data validation/],
      ["columns", sheet.replace("<sheetData", '<cols><col min="1" max="100000000" width="9"/></cols><sheetData'), /columns outside Excel's grid/],
    ];
    for (const [name, xml, message] of cases) {
      expect(xml).not.toBe(sheet);
      expect((await refusal(`${name}.xlsx`, await workbookWith({ [SHEET]: xml }))).message).toMatch(message);
    }
    const workbookXml = (await partText("xl/workbook.xml")).replace("</workbook>", '<definedNames><definedName name="Everything">Return!$A$1:$XFD$1048576</definedName></definedNames></workbook>');
    expect((await refusal("names.xlsx", await workbookWith({ "xl/workbook.xml": workbookXml }))).message).toMatch(/under data validation or named ranges/);
  });
});

describe("damaged files get a plain sentence, never the library's words", () => {
  it.each([
    ["xml-garbage", { [SHEET]: "<worksheet/>text after the root<" }],
    ["not-a-workbook-part", { "xl/workbook.xml": '<?xml version="1.0"?><x/>' }],
    ["angle-brackets", { [SHEET]: "<<<>>>" }],
    ["bad-deflate", { [SHEET]: { name: SHEET, deflated: { data: Buffer.from([1, 2, 3, 4, 5]), size: 50 } } }],
    ["size-mismatch", { [SHEET]: { name: SHEET, deflated: { data: Buffer.from([3, 0]), size: 50 } } }],
    ["encrypted-part", { [SHEET]: { name: SHEET, data: Buffer.from("<x/>"), flags: 1 } }],
    ["odd-method", { [SHEET]: { name: SHEET, data: Buffer.from("<x/>"), method: 12 } }],
  ] as [string, Record<string, unknown>][])("%s", async (name, replace) => {
    const problem = await refusal(`${name}.xlsx`, await workbookWith(replace as Parameters<typeof workbookWith>[0]));
    expect(problem.kind).toMatch(/damaged|not-xlsx/);
  });

  it("duplicate part names and bytes after the directory", async () => {
    const parts = await workbookParts();
    expect((await refusal("dup.xlsx", zipOf([...parts, parts.find((p) => p.name === SHEET)!]))).message).toMatch(/two parts called/);
    expect((await refusal("trailing.xlsx", zipOf(parts, { trailing: Buffer.from("junk") }))).kind).toBe("damaged");
  });
});

describe("not a regular file", () => {
  it("refuses a FIFO at once instead of waiting for a writer", async () => {
    const fifo = join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    await expect(readWorkbookFile(fifo)).rejects.toMatchObject({ kind: "not-a-file", message: `'${fifo}' is a pipe, not a workbook file. Name the workbook file itself (.xlsx).` });
  });

  it("refuses a device", async () => {
    await expect(readWorkbookFile("/dev/zero")).rejects.toMatchObject({ kind: "not-a-file", message: "'/dev/zero' is a device, not a workbook file. Name the workbook file itself (.xlsx)." });
    closeSync(openSync("/dev/null", "r"));
  });
});
