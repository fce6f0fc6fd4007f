/**
 * File types by content: each input is built here from bytes (a compound file with the streams a
 * .xls, an Excel 5.0/95 file or an encrypted workbook holds, raw BIFF2-4, packages with content
 * types and relationships, Excel's lock file), and each refusal is asserted whole: the file named
 * in quotes, plain sentences ending with a full stop, the next step last.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { readWorkbookFile } from "../../src/xlsx/files";
import { problemWithBytes, sniffFile, type FileSort } from "../../src/xlsx/file-type";
import { compoundRootNames } from "../../src/xlsx/compound-file";
import { tempDir } from "../support/cli";
import { biffFile, compoundFile, CONTENT_TYPE, contentTypes, lockFile, packageRels, packageOf } from "../support/office-files";

let dir: string;
let cleanUp: () => void;
beforeAll(() => ({ dir, cleanUp } = tempDir("file-type")));
afterAll(() => cleanUp());

async function smallXlsx(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.addWorksheet("Return").getCell("A1").value = "read me";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The package's parts, changed by `edit`, zipped again. */
function rewritten(bytes: Uint8Array, edit: (parts: Record<string, Uint8Array>) => void): Buffer {
  const parts = unzipSync(bytes);
  edit(parts);
  return packageOf(parts);
}

const text = (parts: Record<string, Uint8Array>, name: string) => strFromU8(parts[name]!);

describe("compound files (OLE2)", () => {
  it("reads the names under the root of a compound file built to [MS-CFB]", () => {
    expect(compoundRootNames(compoundFile(["Workbook", "\u0005SummaryInformation", "\u0005DocumentSummaryInformation"]))).toEqual(["Workbook", "\u0005SummaryInformation", "\u0005DocumentSummaryInformation"]);
  });

  it.each<[string, string[], FileSort, string]>([
    ["an Excel 97-2003 workbook (BIFF8)", ["Workbook", "\u0005SummaryInformation"], "xls", "'old.xls' is an old-style Excel 97-2003 workbook (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx) and try again."],
    ["an Excel 5.0/95 workbook (BIFF5)", ["Book"], "xls-95", "'old.xls' is an Excel 5.0/95 workbook (.xls), a format from the 1990s. Open it in Excel, save it as an Excel Workbook (.xlsx) and try again."],
    [
      "a password-protected workbook",
      ["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"],
      "encrypted",
      "'old.xls' is protected with a password to open, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it and try again.",
    ],
    ["a Word 97-2003 document", ["WordDocument", "1Table"], "doc", "'old.xls' is a Word document, not an Excel workbook. Choose the return workbook (.xlsx) instead."],
    ["another compound file", ["Contents"], "other-ole", "'old.xls' is an older Microsoft Office file but not one Excel saved as a workbook. Choose the return workbook (.xlsx) instead."],
  ])("tells %s by its streams", (_what, streams, sort, message) => {
    const bytes = compoundFile(streams);
    expect(sniffFile(bytes)).toBe(sort);
    expect(problemWithBytes("old.xls", bytes)?.message).toBe(message);
  });

  it("does not take a stream's name from anywhere but the directory: 'Workbook' in a stream's data is not a .xls", () => {
    const bytes = compoundFile(["Contents"]);
    Buffer.from("Workbook", "utf16le").copy(bytes, bytes.length - 100);
    expect(sniffFile(bytes)).toBe("other-ole");
  });

  it("survives a compound file whose directory chain loops or points past the end", () => {
    const looped = compoundFile(["Workbook"]);
    looped.writeUInt32LE(1, 512 + 4); // the directory sector's next sector is itself
    expect(sniffFile(looped)).toBe("other-ole");
    const outside = compoundFile(["Workbook"]);
    outside.writeUInt32LE(0x7fffffff, 0x30); // first directory sector far past the end
    expect(sniffFile(outside)).toBe("other-ole");
    expect(sniffFile(compoundFile(["Workbook"]).subarray(0, 600))).toBe("other-ole");
  });
});

describe("Excel 2.x-4.0 files (before OLE)", () => {
  it.each<[2 | 3 | 4, FileSort, string]>([
    [2, "xls-biff2", "an Excel 2.x worksheet (.xls) from the late 1980s"],
    [3, "xls-biff3", "an Excel 3.0 worksheet (.xls) from 1990"],
    [4, "xls-biff4", "an Excel 4.0 worksheet (.xls) from 1992"],
  ])("names the era of a BIFF%s file", (version, sort, era) => {
    const bytes = biffFile(version);
    expect(sniffFile(bytes)).toBe(sort);
    expect(problemWithBytes("SALES.XLS", bytes)?.message).toBe(`'SALES.XLS' is ${era}, older than any format Excel still saves. Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) and try again.`);
  });
});

describe("zip packages, by their content types and relationships", () => {
  it("calls an .xlsb an .xlsb even when it holds an embedded .xlsx", async () => {
    const bytes = packageOf({
      "[Content_Types].xml": contentTypes("xl/workbook.bin", CONTENT_TYPE.xlsb, '<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>'),
      "_rels/.rels": packageRels("xl/workbook.bin"),
      "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00]),
      "xl/embeddings/Microsoft_Excel_Worksheet.xlsx": await smallXlsx(),
    });
    expect(sniffFile(bytes)).toBe("xlsb");
    expect(problemWithBytes("figures.xlsb", bytes)?.message).toBe("'figures.xlsb' is an Excel Binary Workbook (.xlsb). Open it in Excel, save it as an Excel Workbook (.xlsx) and try again.");
  });

  it("accepts a Strict Open XML workbook, whose package relationship has Strict's type", async () => {
    const strict = rewritten(await smallXlsx(), (parts) => {
      parts["_rels/.rels"] = strToU8(text(parts, "_rels/.rels").replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"));
    });
    expect(text(unzipSync(strict), "_rels/.rels")).toContain("purl.oclc.org/ooxml/officeDocument/relationships/officeDocument");
    expect(sniffFile(strict)).toBe("xlsx");
    expect(problemWithBytes("strict.xlsx", strict)).toBeUndefined();
  });

  it("finds the workbook part through the relationships, with prefixed elements and part names in any case", async () => {
    const moved = rewritten(await smallXlsx(), (parts) => {
      const rels = text(parts, "_rels/.rels").replace(/<(\/?)Relationship/g, "<$1x:Relationship").replace('xmlns="', 'xmlns:x="').replace('Target="xl/workbook.xml"', 'Target="/XL/Book.xml"');
      parts["_rels/.rels"] = strToU8(rels);
      parts["[Content_Types].xml"] = strToU8(text(parts, "[Content_Types].xml").replace('PartName="/xl/workbook.xml"', 'PartName="/xl/book.XML"'));
      parts["xl/book.xml"] = parts["xl/workbook.xml"]!;
      delete parts["xl/workbook.xml"];
    });
    expect(sniffFile(moved)).toBe("xlsx");
    expect(problemWithBytes("moved.xlsx", moved)).toBeUndefined();
  });

  it("reads an .xlsm's data (its macros are never run)", async () => {
    const xlsm = rewritten(await smallXlsx(), (parts) => {
      parts["[Content_Types].xml"] = strToU8(text(parts, "[Content_Types].xml").replace(CONTENT_TYPE.xlsx, CONTENT_TYPE.xlsm));
    });
    expect(sniffFile(xlsm)).toBe("xlsm");
    const file = join(dir, "macros.xlsm");
    writeFileSync(file, xlsm);
    const workbook = await readWorkbookFile(file);
    expect(workbook.getWorksheet("Return")!.getCell("A1").value).toBe("read me");
  });

  it.each<[string, () => Buffer, FileSort, string]>([
    [
      "a Word document",
      () => packageOf({ "[Content_Types].xml": contentTypes("word/document.xml", CONTENT_TYPE.docx), "_rels/.rels": packageRels("word/document.xml"), "word/document.xml": "<w:document/>" }),
      "docx",
      "'letter.xlsx' is a Word document, not an Excel workbook. Choose the return workbook (.xlsx) instead.",
    ],
    [
      "an OpenDocument spreadsheet",
      () => packageOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" }),
      "ods",
      "'letter.xlsx' is an OpenDocument spreadsheet (.ods). Save it as an Excel Workbook (.xlsx) and try again.",
    ],
    [
      "a zip of other files",
      () => packageOf({ "notes.txt": "hello", "xl/workbook.xml": "<workbook/>" }),
      "other-zip",
      "'letter.xlsx' is a zip file with no workbook inside, not an Excel workbook. If the return is inside, unzip it and choose the workbook itself.",
    ],
  ])("names %s", (_what, build, sort, message) => {
    const bytes = build();
    expect(sniffFile(bytes)).toBe(sort);
    expect(problemWithBytes("letter.xlsx", bytes)?.message).toBe(message);
  });

  it("calls a zip cut short incomplete", async () => {
    const good = await smallXlsx();
    const cut = good.subarray(0, Math.floor(good.length * 0.6));
    expect(sniffFile(cut)).toBe("cut-zip");
    expect(problemWithBytes("cut.xlsx", cut)?.message).toBe("'cut.xlsx' is incomplete: the file stops part-way through. It may not have finished saving, copying or downloading; get a fresh copy and try again.");
  });

  it("leaves a package whose content types are not well-formed to the reader, without a parser's words", async () => {
    const broken = rewritten(await smallXlsx(), (parts) => {
      parts["[Content_Types].xml"] = strToU8("<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'><Default");
    });
    expect(sniffFile(broken)).toBe("damaged-zip");
    expect(problemWithBytes("broken.xlsx", broken)).toBeUndefined();
  });
});

describe("lock files, downloads and the rest", () => {
  it("tells Excel's lock file by its content, whatever its name, and by its name", () => {
    const lock = lockFile("Alice Example");
    expect(lock.length).toBe(165);
    expect(sniffFile(lock)).toBe("lock-file");
    const message = `'~$return.xlsx' is Excel's lock file for a workbook that is open, not the workbook itself. Choose the file of the same name without "~$" at the start.`;
    expect(problemWithBytes("~$return.xlsx", lock)?.message).toBe(message);
    expect(problemWithBytes("renamed.xlsx", lock)?.message).toBe(message.replace("~$return.xlsx", "renamed.xlsx"));
    // By its name: a lock file's contents vary with the Excel that wrote it.
    expect(problemWithBytes("C:\\Returns\\~$return.xlsx", Buffer.from([0, 0, 0, 0]))?.message).toBe(message.replace("~$return.xlsx", "C:\\Returns\\~$return.xlsx"));
  });

  it("says a download has not finished", async () => {
    const good = await smallXlsx();
    expect(problemWithBytes("return.xlsx.crdownload", good.subarray(0, 300))?.message).toBe(`'return.xlsx.crdownload' is a download that has not finished, not the workbook. Let the download finish, then choose the file without ".crdownload" at the end of its name.`);
    expect(problemWithBytes("return.xlsx.part", good)).toBeUndefined(); // finished after all: read it
  });

  it.each<[string, Uint8Array, FileSort, string]>([
    ["an empty file", new Uint8Array(0), "empty", "'x.xlsx' is empty (0 bytes), so there is no workbook in it: it may not have finished saving or downloading. Save or download it again and choose the new copy."],
    ["a CSV file", strToU8("Code,Apr 2020\nWELFARE_CALLS,120\n"), "text", "'x.xlsx' is a text file (perhaps CSV), not an Excel workbook. Open it in Excel, save it as an Excel Workbook (.xlsx) and try again."],
    ["a PDF", strToU8("%PDF-1.4\n%\u00e2\u00e3\n"), "pdf", "'x.xlsx' is a PDF document, not an Excel workbook. Choose the return workbook (.xlsx) instead."],
    ["random bytes", new Uint8Array([0, 1, 2, 3, 255, 254, 0, 7, 9]), "unknown", "'x.xlsx' is not an Excel workbook (.xlsx): its contents are not those of any spreadsheet. Choose the return workbook (.xlsx) instead."],
  ])("names %s", (_what, bytes, sort, message) => {
    expect(sniffFile(bytes)).toBe(sort);
    expect(problemWithBytes("x.xlsx", bytes)?.message).toBe(message);
  });

  it("ends every refusal with a full stop and names the file once, in quotes", async () => {
    const inputs = [compoundFile(["Workbook"]), compoundFile(["Book"]), biffFile(4), lockFile("Bob"), new Uint8Array(0), (await smallXlsx()).subarray(0, 200), packageOf({ a: "b" })];
    for (const bytes of inputs) {
      const message = problemWithBytes("name.xlsx", bytes)!.message;
      expect(message).toMatch(/^'name\.xlsx' [^']*(?:'[^']*)?\.$/);
      expect(message.split("name.xlsx")).toHaveLength(2);
    }
  });
});
