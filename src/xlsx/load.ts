/**
 * Opening workbook bytes, with plain-English reasons when they are not an .xlsx workbook we can
 * read. No file system here (src/xlsx/files.ts adds it): usable in a browser for a chosen file,
 * with the zip guard's browser inflater (`browserInflater()` in ./inflaters.ts).
 */
import type { Workbook } from "exceljs";
import { loadXlsx } from "./exceljs-adapter";
import { problemWithBytes } from "./file-type";
import { unreadableWorkbook } from "./problem";
import { guardXlsx, nodeInflater, type Inflater } from "./zip-guard";

export { problemWithBytes, sniffFile, type FileSort } from "./file-type";
export { FileProblem, unreadableWorkbook, type FileProblemKind } from "./problem";

/**
 * Opens .xlsx bytes as an exceljs workbook. Throws FileProblem when they are not one, break a
 * limit (docs/limits.md) or cannot be read. This is the one place where reading a file's contents
 * can fail: whatever exceljs, JSZip or the XML parser throws becomes one plain sentence naming the
 * file (their own words are kept in `detail`, shown only with IMPACT_RETURNS_DEBUG).
 */
export async function loadWorkbook(bytes: Uint8Array, file: string, inflate?: Inflater): Promise<Workbook> {
  // Without an inflater given, this is Node: its zlib unpacks the parts file-type detection reads too.
  const problem = problemWithBytes(file, bytes, inflate ? undefined : nodeInflater);
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
