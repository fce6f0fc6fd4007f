/**
 * What a file is, by its contents, and the one sentence (with the next step) for each kind of file
 * that is not a workbook we read. Decided without trusting the name or searching the bytes:
 *
 * - a zip is an Office Open XML package when its `[Content_Types].xml` and `_rels/.rels` say so:
 *   the package relationship of type officeDocument (Transitional or Strict) names the main part,
 *   and that part's content type says .xlsx, .xlsm, .xltx/.xltm, .xlsb, .docx or .pptx. Only those
 *   two small parts are unpacked (each capped at PACKAGE_PART_BYTES), with fflate, which runs in
 *   Node and the browser alike; an OpenDocument file is known by its `mimetype` part;
 * - an OLE2 compound file by the streams under its root (./compound-file.ts): .xls (Excel 97-2003
 *   or Excel 5.0/95), an encrypted Office Open XML file, a Word document;
 * - an Excel 2.x-4.0 file (older than OLE) by its BIFF beginning-of-file record;
 * - Excel's `~$` lock file by its content (a length byte and a user's name, padded) or its name;
 *   an unfinished download by its name (`.crdownload`, `.part`...) when its contents are not a workbook.
 *
 * No library's words reach a message: a part that cannot be parsed is "damaged", plainly.
 */
import { baseName } from "../core/safe-text";
import { BrokenCompoundFile, COMPOUND_SIGNATURE, compoundRootNames } from "./compound-file";
import { fflateInflater, type SyncInflater } from "./inflaters";
import { NS, officeDocumentTarget, partKey, xmlElements } from "./package-xml";
import { FileProblem } from "./problem";
import { readDirectory, type Entry } from "./zip-guard";
import { LOCAL_HEADER, readFields, SIGNATURE } from "./zip-format";

/** What a file's contents say it is. */
export type FileSort =
  | "empty"
  // Workbooks read: Office Open XML spreadsheets (macros are never run, only data read).
  | "xlsx"
  | "xlsm"
  | "xltx"
  | "xltm"
  // Other zips.
  | "xlsb"
  | "ods"
  | "docx"
  | "pptx"
  | "other-zip"
  | "cut-zip"
  | "damaged-zip"
  // OLE2 compound files.
  | "xls"
  | "xls-95"
  | "encrypted"
  | "doc"
  | "other-ole"
  // Before OLE: Excel 2.x, 3.0 and 4.0's BIFF files.
  | "xls-biff2"
  | "xls-biff3"
  | "xls-biff4"
  | "lock-file"
  | "pdf"
  | "text"
  | "unknown";

type Readable = "xlsx" | "xlsm" | "xltx" | "xltm";
const READABLE: readonly FileSort[] = ["xlsx", "xlsm", "xltx", "xltm"] satisfies Readable[];

/** Whether files of this sort are read: .xlsx, and .xlsm and templates too (their data is read, their macros never run). */
export function isReadable(sort: FileSort): sort is Readable {
  return READABLE.includes(sort);
}

/** `[Content_Types].xml` and `_rels/.rels` are a few hundred bytes; larger is no package of ours to trust. */
export const PACKAGE_PART_BYTES = 256 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** The main part's content type (without parameters, lower case) and what it makes the package. */
const MAIN_PART: Readonly<Record<string, FileSort>> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.ms-excel.sheet.macroenabled.main+xml": "xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
  "application/vnd.ms-excel.template.macroenabled.main+xml": "xltm",
  "application/vnd.ms-excel.sheet.binary.macroenabled.main": "xlsb",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
  "application/vnd.ms-word.document.macroenabled.main+xml": "docx",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "docx",
  "application/vnd.ms-word.template.macroenabledtemplate.main+xml": "docx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
  "application/vnd.ms-powerpoint.presentation.macroenabled.main+xml": "pptx",
  "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": "pptx",
  "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": "pptx",
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

// --- Zip packages --------------------------------------------------------------------------------

/** Whether the zip's end record is in its last 64 KB; without it the file was cut short. */
function hasEndRecord(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 65_557); p--) if (view.getUint32(p, true) === SIGNATURE.end) return true;
  return false;
}

/** One entry's bytes, unpacked with a hard cap; undefined when it is too large, missing or damaged. */
function entryBytes(bytes: Uint8Array, entry: Entry, inflate: SyncInflater): Uint8Array | undefined {
  if (entry.size > PACKAGE_PART_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localOffset;
  if (p + LOCAL_HEADER.size > bytes.length || view.getUint32(p, true) !== SIGNATURE.local) return undefined;
  const { nameLength, extraLength } = readFields(view, p, LOCAL_HEADER);
  const start = p + LOCAL_HEADER.size + nameLength + extraLength;
  if (start + entry.compressedSize > bytes.length) return undefined;
  const packed = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return packed.length === entry.size ? packed : undefined;
  try {
    return inflate(packed, entry.size);
  } catch {
    return undefined;
  }
}

/** What an Office Open XML (or OpenDocument) package is, from its content types and relationships. */
function zipSort(bytes: Uint8Array, inflate: SyncInflater): FileSort {
  let entries: Entry[];
  try {
    entries = readDirectory(bytes);
  } catch {
    return "damaged-zip"; // the zip guard says exactly how
  }
  const byKey = new Map(entries.map((e) => [partKey(e.name), e] as const));
  const part = (name: string): Uint8Array | undefined => {
    const entry = byKey.get(partKey(name));
    return entry ? entryBytes(bytes, entry, inflate) : undefined;
  };

  const contentTypes = part("[Content_Types].xml");
  if (!byKey.has(partKey("[Content_Types].xml"))) {
    const mimetype = byKey.has("mimetype") ? part("mimetype") : undefined;
    const type = mimetype ? new TextDecoder().decode(mimetype).trim() : "";
    return type === "application/vnd.oasis.opendocument.spreadsheet" || type === "application/vnd.oasis.opendocument.spreadsheet-template" ? "ods" : "other-zip";
  }
  if (!contentTypes) return "damaged-zip";

  let defaults: Map<string, string>;
  let overrides: Map<string, string>;
  try {
    defaults = new Map();
    overrides = new Map();
    for (const e of xmlElements(contentTypes)) {
      if (e.uri !== NS.contentTypes) continue;
      const type = (e.attributes.get("ContentType") ?? "").split(";")[0]!.trim().toLowerCase();
      if (e.local === "Default") defaults.set((e.attributes.get("Extension") ?? "").toLowerCase(), type);
      if (e.local === "Override") overrides.set(partKey(e.attributes.get("PartName") ?? ""), type);
    }
  } catch {
    return "damaged-zip";
  }
  const typeOf = (name: string) => overrides.get(partKey(name)) ?? defaults.get(/\.([^./]*)$/.exec(name)?.[1]?.toLowerCase() ?? "");

  // The officeDocument relationship names the main part; its content type says what the package is.
  const rels = byKey.has(partKey("_rels/.rels")) ? part("_rels/.rels") : undefined;
  let target: string | undefined;
  if (rels) {
    try {
      target = officeDocumentTarget(rels);
    } catch {
      return "damaged-zip";
    }
  }
  if (target !== undefined) return MAIN_PART[typeOf(target) ?? ""] ?? "other-zip";
  // No officeDocument relationship: a package whose content types still name a main part is that
  // kind of package (the reader will say what is missing); otherwise it is some other zip.
  const named = [...overrides.values()].map((type) => MAIN_PART[type]).find((sort) => sort !== undefined);
  return named ?? "other-zip";
}

// --- Files before and beside zips ------------------------------------------------------------------

/** What a compound file holds, by the streams under its root. */
function compoundSort(bytes: Uint8Array): FileSort {
  let names: string[];
  try {
    names = compoundRootNames(bytes).map((n) => n.toLowerCase());
  } catch (error) {
    if (error instanceof BrokenCompoundFile) return "other-ole";
    throw error;
  }
  const has = (name: string) => names.includes(name.toLowerCase());
  if (has("EncryptedPackage") || has("EncryptionInfo")) return "encrypted";
  if (has("Workbook")) return "xls";
  if (has("Book")) return "xls-95";
  if (has("WordDocument")) return "doc";
  return "other-ole";
}

/**
 * Excel 2.x-4.0 files (not OLE) start with a BIFF beginning-of-file record: its number (0x0009,
 * 0x0209 or 0x0409), its length, the BIFF version and the kind of sheet.
 */
function biffSort(bytes: Uint8Array): FileSort | undefined {
  if (bytes.length < 8) return undefined;
  const id = bytes[0]! | (bytes[1]! << 8);
  const length = bytes[2]! | (bytes[3]! << 8);
  const kind = bytes[6]! | (bytes[7]! << 8);
  // Worksheet, chart, macro sheet, workspace (BIFF3-4) or workbook (BIFF4W) - and nothing else.
  const sheetKinds = [0x0010, 0x0020, 0x0040, 0x0100];
  if (id === 0x0009 && length === 4 && sheetKinds.includes(kind)) return "xls-biff2";
  if (id === 0x0209 && length === 6 && sheetKinds.includes(kind)) return "xls-biff3";
  if (id === 0x0409 && length === 6 && sheetKinds.includes(kind)) return "xls-biff4";
  return undefined;
}

/**
 * Excel's owner ("lock") file, `~$name.xlsx`: 165 bytes, a length byte, the user's name (at most
 * 54 characters, padded with spaces to byte 55), then the name again in UTF-16.
 */
function isLockFile(bytes: Uint8Array): boolean {
  if (bytes.length < 55 || bytes.length > 512) return false;
  const n = bytes[0]!;
  if (n < 1 || n > 54) return false;
  for (let i = 1; i <= n; i++) if (bytes[i]! < 0x20 || bytes[i] === 0x7f) return false;
  for (let i = n + 1; i < 55; i++) if (bytes[i] !== 0x20 && bytes[i] !== 0) return false;
  return true;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  const printable = head.filter((b) => b === 9 || b === 10 || b === 13 || b >= 32).length;
  return !head.includes(0) && printable / head.length > 0.95;
}

/** Looks at a file's contents to say what it is, unpacking a zip's content types and relationships with `inflate` (fflate unless told: the command line passes Node's zlib). Never throws. */
export function sniffFile(bytes: Uint8Array, inflate: SyncInflater = fflateInflater): FileSort {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP)) return hasEndRecord(bytes) ? zipSort(bytes, inflate) : "cut-zip";
  if (startsWith(bytes, COMPOUND_SIGNATURE)) return compoundSort(bytes);
  if (startsWith(bytes, PDF)) return "pdf";
  const biff = biffSort(bytes);
  if (biff) return biff;
  if (isLockFile(bytes)) return "lock-file";
  return looksLikeText(bytes) ? "text" : "unknown";
}

// --- What to say -----------------------------------------------------------------------------------


const PARTIAL_DOWNLOAD = /\.(crdownload|part|partial|download|opdownload)$/i;

const SAVE_AS_XLSX = "Open it in Excel, save it as an Excel Workbook (.xlsx) and try again.";
const CHOOSE_RETURN = "Choose the return workbook (.xlsx) instead.";

/** One sentence or two for each file that is not read, naming it in quotes; the next step last. */
const REFUSALS: Readonly<Record<Exclude<FileSort, Readable | "damaged-zip">, readonly [FileProblem["kind"], (name: string) => string]>> = {
  empty: ["empty", (n) => `${n} is empty (0 bytes), so there is no workbook in it: it may not have finished saving or downloading. Save or download it again and choose the new copy.`],
  xls: ["old-xls", (n) => `${n} is an old-style Excel 97-2003 workbook (.xls). ${SAVE_AS_XLSX}`],
  "xls-95": ["old-xls", (n) => `${n} is an Excel 5.0/95 workbook (.xls), a format from the 1990s. ${SAVE_AS_XLSX}`],
  "xls-biff2": ["old-xls", (n) => `${n} is an Excel 2.x worksheet (.xls) from the late 1980s, older than any format Excel still saves. Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) and try again.`],
  "xls-biff3": ["old-xls", (n) => `${n} is an Excel 3.0 worksheet (.xls) from 1990, older than any format Excel still saves. Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) and try again.`],
  "xls-biff4": ["old-xls", (n) => `${n} is an Excel 4.0 worksheet (.xls) from 1992, older than any format Excel still saves. Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) and try again.`],
  encrypted: ["encrypted", (n) => `${n} is protected with a password to open, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it and try again.`],
  doc: ["not-xlsx", (n) => `${n} is a Word document, not an Excel workbook. ${CHOOSE_RETURN}`],
  "other-ole": ["not-xlsx", (n) => `${n} is an older Microsoft Office file but not one Excel saved as a workbook. ${CHOOSE_RETURN}`],
  xlsb: ["not-xlsx", (n) => `${n} is an Excel Binary Workbook (.xlsb). ${SAVE_AS_XLSX}`],
  ods: ["not-xlsx", (n) => `${n} is an OpenDocument spreadsheet (.ods). Save it as an Excel Workbook (.xlsx) and try again.`],
  docx: ["not-xlsx", (n) => `${n} is a Word document, not an Excel workbook. ${CHOOSE_RETURN}`],
  pptx: ["not-xlsx", (n) => `${n} is a PowerPoint presentation, not an Excel workbook. ${CHOOSE_RETURN}`],
  "other-zip": ["not-xlsx", (n) => `${n} is a zip file with no workbook inside, not an Excel workbook. If the return is inside, unzip it and choose the workbook itself.`],
  "cut-zip": ["damaged", (n) => `${n} is incomplete: the file stops part-way through. It may not have finished saving, copying or downloading; get a fresh copy and try again.`],
  "lock-file": ["not-xlsx", (n) => `${n} is Excel's lock file for a workbook that is open, not the workbook itself. Choose the file of the same name without "~$" at the start.`],
  pdf: ["not-xlsx", (n) => `${n} is a PDF document, not an Excel workbook. ${CHOOSE_RETURN}`],
  text: ["not-xlsx", (n) => `${n} is a text file (perhaps CSV), not an Excel workbook. ${SAVE_AS_XLSX}`],
  unknown: ["not-xlsx", (n) => `${n} is not an Excel workbook (.xlsx): its contents are not those of any spreadsheet. ${CHOOSE_RETURN}`],
};

/**
 * Why these bytes cannot be opened as a workbook, or undefined when they are an .xlsx (or .xlsm,
 * .xltx, .xltm) package, or a zip too damaged to say (the zip guard then says how). `file` is the
 * file as the person named it: it is shown in quotes, and its name alone tells a lock file or an
 * unfinished download whose contents are not a workbook.
 */
export function problemWithBytes(file: string, bytes: Uint8Array, inflate: SyncInflater = fflateInflater): FileProblem | undefined {
  const sort = sniffFile(bytes, inflate);
  if (isReadable(sort) || sort === "damaged-zip") return undefined;
  const name = `'${file}'`;
  const base = baseName(file);
  if (sort !== "lock-file" && base.startsWith("~$") && !["xlsb", "ods", "docx", "pptx", "xls", "xls-95", "encrypted"].includes(sort)) {
    return new FileProblem(file, "not-xlsx", REFUSALS["lock-file"][1](name));
  }
  if (PARTIAL_DOWNLOAD.test(base) && ["empty", "cut-zip", "unknown", "other-ole"].includes(sort)) {
    const suffix = PARTIAL_DOWNLOAD.exec(base)![0];
    return new FileProblem(file, "damaged", `${name} is a download that has not finished, not the workbook. Let the download finish, then choose the file without "${suffix}" at the end of its name.`);
  }
  const [kind, message] = REFUSALS[sort];
  return new FileProblem(file, kind, message(name));
}
