/**
 * Reading and writing workbook files: plain-English problems naming the file for everything that
 * is not a readable .xlsx, and atomic writes that never replace a file unless asked.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { spawnSync } from "node:child_process";
import { FileProblem, readWorkbookFile, removeStaleTemporaryFiles, writeFileAtomically, writeWorkbookFile, type WriteIO } from "../../src/xlsx/files";
import { sniffFile } from "../../src/xlsx/load";
import { tempDir } from "../support/cli";
import { compoundFile } from "../support/office-files";

let dir: string;
let cleanUp: () => void;
beforeAll(() => ({ dir, cleanUp } = tempDir("files")));
afterAll(() => cleanUp());

function smallWorkbook(text = "hello"): Workbook {
  const workbook = new Workbook();
  workbook.addWorksheet("Return").getCell("A1").value = text;
  return workbook;
}

/** The FileProblem that reading `file` throws. */
async function problemReading(file: string): Promise<FileProblem> {
  try {
    await readWorkbookFile(file);
  } catch (error) {
    if (error instanceof FileProblem) return error;
    throw error;
  }
  throw new Error(`reading ${file} did not fail`);
}

/** An OLE2 compound file, as .xls files and password-protected .xlsx files are. */
const oleFile = compoundFile;

describe("readWorkbookFile", () => {
  it("reads an .xlsx file", async () => {
    const file = join(dir, "good.xlsx");
    await writeWorkbookFile(file, smallWorkbook("read me"));
    const workbook = await readWorkbookFile(file);
    expect(workbook.getWorksheet("Return")!.getCell("A1").value).toBe("read me");
  });

  it.each([
    ["a missing file", "missing.xlsx", undefined, "not-found", /^Cannot find the file '.*missing\.xlsx'/],
    ["an empty file", "empty.xlsx", Buffer.alloc(0), "empty", /'.*empty\.xlsx' is empty \(0 bytes\)/],
    ["an old .xls workbook", "old.xls", oleFile(["Workbook", "SummaryInformation"]), "old-xls", /'.*old\.xls' is an old-style Excel 97-2003 workbook \(\.xls\)\. .*save it as an Excel Workbook \(\.xlsx\)/],
    ["a password-protected workbook", "secret.xlsx", oleFile(["EncryptionInfo", "EncryptedPackage"]), "encrypted", /'.*secret\.xlsx' is protected with a password to open/],
    ["a CSV file", "figures.csv", Buffer.from("Code,Apr 2020\nWELFARE_CALLS,120\n"), "not-xlsx", /'.*figures\.csv' is a text file \(perhaps CSV\), not an Excel workbook/],
    ["a CSV file named .xlsx", "renamed.xlsx", Buffer.from("Code;Apr 2020\r\nWELFARE_CALLS;120\r\n"), "not-xlsx", /is a text file \(perhaps CSV\)/],
    ["random bytes", "noise.xlsx", Buffer.from([0, 1, 2, 3, 255, 254, 0, 7, 9]), "not-xlsx", /'.*noise\.xlsx' is not an Excel workbook \(\.xlsx\): its contents are not those of any spreadsheet\. Choose the return workbook \(\.xlsx\) instead\.$/],
  ])("explains %s", async (_what, name, content, kind, message) => {
    const file = join(dir, name);
    if (content) writeFileSync(file, content);
    const problem = await problemReading(file);
    expect(problem.kind).toBe(kind);
    expect(problem.file).toBe(file);
    expect(problem.message).toMatch(message);
  });

  it("explains a folder, a zip that is not a workbook, an .ods and a damaged .xlsx", async () => {
    const folder = join(dir, "a-folder.xlsx");
    mkdirSync(folder, { recursive: true });
    expect((await problemReading(folder)).message).toBe(`'${folder}' is a folder, not a workbook file. Name the workbook file itself (.xlsx).`);

    const JSZip = (await import("jszip")).default;
    const docx = new JSZip();
    docx.file("word/document.xml", "<w:document/>");
    writeFileSync(join(dir, "letter.xlsx"), await docx.generateAsync({ type: "nodebuffer" }));
    expect((await problemReading(join(dir, "letter.xlsx"))).message).toMatch(/is a zip file with no workbook inside, not an Excel workbook\. If the return is inside, unzip it and choose the workbook itself\.$/);

    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    ods.file("content.xml", "<office:document-content/>");
    writeFileSync(join(dir, "calc.ods"), await ods.generateAsync({ type: "nodebuffer", mimeType: "application/vnd.oasis.opendocument.spreadsheet" }));
    expect((await problemReading(join(dir, "calc.ods"))).message).toMatch(/is an OpenDocument spreadsheet \(\.ods\)/);

    const good = Buffer.from(await smallWorkbook().xlsx.writeBuffer());
    writeFileSync(join(dir, "cut.xlsx"), good.subarray(0, Math.floor(good.length * 0.6)));
    const cut = await problemReading(join(dir, "cut.xlsx"));
    expect(cut.kind).toBe("damaged");
    expect(cut.message).toMatch(/^'.*cut\.xlsx' is incomplete: the file stops part-way through/);

    // Complete, but a part inside is broken.
    const zip = await JSZip.loadAsync(good);
    zip.file("xl/workbook.xml", "<workbook><sheets><sheet");
    writeFileSync(join(dir, "broken.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    const broken = await problemReading(join(dir, "broken.xlsx"));
    expect(broken.kind).toBe("damaged");
    // Plain words only: what the XML parser said is kept for IMPACT_RETURNS_DEBUG, not shown.
    expect(broken.message).toMatch(/^'.*broken\.xlsx' looks like an Excel workbook but could not be read: .*Open it in Excel, save a fresh copy and try again\.$/);
    expect(broken.message).not.toMatch(/\(|\d+:\d+|Unexpected|undefined/);
    expect(broken.detail).toBeTruthy();
  });

  it("tells the sorts of file apart from their first bytes", () => {
    expect(sniffFile(new Uint8Array())).toBe("empty");
    expect(sniffFile(oleFile(["Workbook"]))).toBe("xls");
    expect(sniffFile(oleFile(["EncryptedPackage"]))).toBe("encrypted");
    expect(sniffFile(Buffer.from("a,b\n1,2\n"))).toBe("text");
  });
});

describe("writeWorkbookFile", () => {
  it("writes atomically, leaving no temporary files behind", async () => {
    const folder = join(dir, "atomic");
    mkdirSync(folder);
    const file = join(folder, "return.xlsx");
    await writeWorkbookFile(file, smallWorkbook());
    expect(readdirSync(folder)).toEqual(["return.xlsx"]);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses to replace a file unless asked to, and then replaces it whole", async () => {
    const file = join(dir, "existing.xlsx");
    writeFileSync(file, "keep me");
    await expect(writeWorkbookFile(file, smallWorkbook())).rejects.toMatchObject({ kind: "exists", message: `'${file}' already exists and was not replaced. Choose another name, or replace it on purpose (--force).` });
    expect(readFileSync(file, "utf8")).toBe("keep me");
    await writeWorkbookFile(file, smallWorkbook("new"), { overwrite: true });
    expect((await readWorkbookFile(file)).getWorksheet("Return")!.getCell("A1").value).toBe("new");
  });

  it("names a missing folder, and a folder it may not write to, leaving nothing behind", async () => {
    await expect(writeWorkbookFile(join(dir, "no-such-folder", "x.xlsx"), smallWorkbook())).rejects.toMatchObject({
      kind: "no-folder",
      message: expect.stringMatching(/^Cannot write '.*x\.xlsx': the folder '.*no-such-folder' does not exist\. Create the folder, or write somewhere else\.$/),
    });
    // Root may write anywhere a plain permission allows, so use /sys (refused even to root) there.
    const isRoot = process.getuid?.() === 0;
    const locked = isRoot ? "/sys" : join(dir, "locked");
    if (!isRoot) {
      mkdirSync(locked);
      chmodSync(locked, 0o500);
    }
    const file = join(locked, "x.xlsx");
    await expect(writeWorkbookFile(file, smallWorkbook())).rejects.toMatchObject({ kind: "unwritable", message: expect.stringMatching(/^Cannot write '.*x\.xlsx': /) });
    expect(existsSync(file)).toBe(false);
    if (!isRoot) chmodSync(locked, 0o700);
  });
});

describe("writeFileAtomically", () => {
  const bytes = Buffer.alloc(100_000, 7);

  it("fails plainly on a short write (a full disk), leaving neither the file nor a temporary file", async () => {
    const folder = join(dir, "short");
    mkdirSync(folder);
    const file = join(folder, "return.xlsx");
    // Writes 16 KB once, then nothing more: what a full disk looks like to write(2).
    let calls = 0;
    const shortWrite: WriteIO = { write: async (handle, data, offset, length, position) => (calls++ === 0 ? (await handle.write(data, offset, Math.min(length, 16_384), position)).bytesWritten : 0) };
    await expect(writeFileAtomically(file, bytes, { io: shortWrite })).rejects.toMatchObject({ kind: "unwritable", message: `Cannot write '${file}': the disk is full. Nothing was written.` });
    expect(readdirSync(folder)).toEqual([]);
    const enospc: WriteIO = { write: () => Promise.reject(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" })) };
    await expect(writeFileAtomically(file, bytes, { io: enospc })).rejects.toMatchObject({ message: `Cannot write '${file}': the disk is full. Nothing was written.` });
    expect(readdirSync(folder)).toEqual([]);
  });

  it("writes every byte, and never replaces an existing file without overwrite", async () => {
    const folder = join(dir, "whole");
    mkdirSync(folder);
    const file = join(folder, "return.xlsx");
    const slow: WriteIO = { write: async (handle, data, offset, length, position) => (await handle.write(data, offset, Math.min(length, 1000), position)).bytesWritten };
    await writeFileAtomically(file, bytes, { io: slow });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    await expect(writeFileAtomically(file, Buffer.from("new"))).rejects.toMatchObject({ kind: "exists" });
    await writeFileAtomically(file, Buffer.from("new"), { overwrite: true });
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(folder)).toEqual(["return.xlsx"]);
  });

  it("removes temporary files that a killed run left behind, and keeps those of running processes", async () => {
    const folder = join(dir, "stale");
    mkdirSync(folder);
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    const stale = `.return.xlsx.${dead}-0a1b2c3d.impact-returns-tmp`;
    const live = `.return.xlsx.${process.ppid}-0a1b2c3d.impact-returns-tmp`;
    writeFileSync(join(folder, stale), "half a workbook");
    writeFileSync(join(folder, live), "being written");
    writeFileSync(join(folder, "notes.txt"), "not ours");
    await writeFileAtomically(join(folder, "return.xlsx"), bytes);
    expect(readdirSync(folder).sort()).toEqual([live, "notes.txt", "return.xlsx"].sort());
    expect(await removeStaleTemporaryFiles(folder)).toEqual([]);
  });

  it("says when files cannot be created in a folder that exists (/proc)", async () => {
    await expect(writeFileAtomically("/proc/x.xlsx", bytes)).rejects.toMatchObject({ message: "Cannot write '/proc/x.xlsx': files cannot be created in the folder '/proc'. Nothing was written." });
  });
});
