/**
 * Opening workbook bytes, with plain-English reasons when they are not an .xlsx workbook we can
 * read. No file system here (src/xlsx/files.ts adds it): usable in a browser for a chosen file,
 * with the zip guard's browser inflater (`browserInflater()` in ./inflaters.ts).
 */
import type { Workbook } from "exceljs";
import { loadXlsx } from "./exceljs-adapter";
import { errorText, FileProblem } from "./problem";
import { guardXlsx, type Inflater } from "./zip-guard";

export { FileProblem, type FileProblemKind } from "./problem";

/** What the first bytes say a file is. */
export type FileSort = "empty" | "xlsx" | "xlsb" | "ods" | "other-zip" | "cut-zip" | "encrypted" | "old-xls" | "text" | "unknown";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: .xls (Excel 97-2003), and also the container Excel puts an encrypted .xlsx in. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Whether the bytes contain this ASCII text (or, with `utf16`, its UTF-16LE form). */
function contains(bytes: Uint8Array, text: string, utf16 = false): boolean {
  const needle = utf16 ? [...text].flatMap((ch) => [ch.charCodeAt(0), 0]) : [...text].map((ch) => ch.charCodeAt(0));
  const first = needle[0]!;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Looks at a file's bytes to say what it is, without parsing it. */
export function sniffFile(bytes: Uint8Array): FileSort {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP)) {
    // A zip file ends with its directory; without it the file was cut short (an unfinished download or copy).
    if (!contains(bytes.subarray(Math.max(0, bytes.length - 65_557)), "PK\u0005\u0006")) return "cut-zip";
    // Entry names are stored uncompressed, so the parts that mark each format can be seen.
    if (contains(bytes, "mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) return "ods";
    if (contains(bytes, "xl/workbook.xml")) return "xlsx";
    if (contains(bytes, "xl/workbook.bin")) return "xlsb";
    return "other-zip";
  }
  if (startsWith(bytes, OLE)) {
    return contains(bytes, "EncryptedPackage", true) || contains(bytes, "EncryptionInfo", true) ? "encrypted" : "old-xls";
  }
  const head = bytes.subarray(0, 4096);
  const printable = head.filter((b) => b === 9 || b === 10 || b === 13 || b >= 32).length;
  return !head.includes(0) && printable / head.length > 0.95 ? "text" : "unknown";
}

/** Why these bytes cannot be opened as a workbook, or undefined when they look like an .xlsx. */
export function problemWithBytes(file: string, bytes: Uint8Array): FileProblem | undefined {
  const name = `'${file}'`;
  switch (sniffFile(bytes)) {
    case "xlsx":
      return undefined;
    case "empty":
      return new FileProblem(file, "empty", `${name} is empty (0 bytes), so there is no workbook in it. It may not have finished saving or downloading.`);
    case "old-xls":
      return new FileProblem(file, "old-xls", `${name} is an old-style Excel 97-2003 workbook (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx) and try again.`);
    case "encrypted":
      return new FileProblem(file, "encrypted", `${name} is protected with a password to open, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it and try again.`);
    case "xlsb":
      return new FileProblem(file, "not-xlsx", `${name} is an Excel Binary Workbook (.xlsb). Open it in Excel, save it as an Excel Workbook (.xlsx) and try again.`);
    case "ods":
      return new FileProblem(file, "not-xlsx", `${name} is an OpenDocument spreadsheet (.ods). Save it as an Excel Workbook (.xlsx) and try again.`);
    case "cut-zip":
      return new FileProblem(file, "damaged", `${name} is incomplete: the file stops part-way through. It may not have finished saving, copying or downloading; get a fresh copy and try again.`);
    case "other-zip":
      return new FileProblem(file, "not-xlsx", `${name} is not an Excel workbook: it is a zip file with no workbook inside (perhaps a Word document or a folder of files).`);
    case "text":
      return new FileProblem(file, "not-xlsx", `${name} is a text file (perhaps CSV), not an Excel workbook. Open it in Excel, save it as an Excel Workbook (.xlsx) and try again.`);
    case "unknown":
      return new FileProblem(file, "not-xlsx", `${name} is not an Excel workbook (.xlsx).`);
  }
}

/**
 * Opens .xlsx bytes as an exceljs workbook. Throws FileProblem when they are not one, break a
 * limit (docs/limits.md) or cannot be read. This is the one place where reading a file's contents
 * can fail: whatever exceljs, JSZip or the XML parser throws becomes one plain sentence naming the
 * file (their own words are kept in `detail`, shown only with IMPACT_RETURNS_DEBUG).
 */
export async function loadWorkbook(bytes: Uint8Array, file: string, inflate?: Inflater): Promise<Workbook> {
  const problem = problemWithBytes(file, bytes);
  if (problem) throw problem;
  const checked = await guardXlsx(bytes, file, inflate);
  // exceljs is loaded only here, when asked for: the return reader (./package/) never needs it,
  // and `impact-returns check` starts faster without it.
  const { Workbook } = await import("exceljs");
  try {
    return await loadXlsx(new Workbook(), checked);
  } catch (error) {
    throw unreadableWorkbook(file, error);
  }
}

/** A workbook that passed the zip guard but whose contents could not be read (by exceljs, or by the package reader in ./package/). */
export function unreadableWorkbook(file: string, error: unknown): FileProblem {
  return new FileProblem(
    file,
    "damaged",
    `'${file}' looks like an Excel workbook but could not be read: a part of it is damaged or was written by a program that does not follow the format. Open it in Excel, save a fresh copy and try again.`,
    errorText(error),
  );
}
