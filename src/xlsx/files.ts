/**
 * Reading and writing workbook files (Node only). Every failure is a FileProblem whose message
 * names the file and says what to do. Writes are atomic: the workbook goes to a temporary file
 * beside the target, which is then renamed over it, so a failure never leaves half a file.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Workbook } from "exceljs";
import writeFileAtomic from "write-file-atomic";
import { FileProblem, loadWorkbook } from "./load";

export { FileProblem, type FileProblemKind } from "./load";

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

/** Reads an .xlsx file. Throws FileProblem: not found, a folder, empty, .xls, CSV, password-protected, damaged... */
export async function readWorkbookFile(file: string): Promise<Workbook> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new FileProblem(file, "not-a-file", `'${file}' is a folder, not a workbook file.`);
    bytes = await fs.readFile(file);
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    switch (errorCode(error)) {
      case "ENOENT":
      case "ENOTDIR":
        throw new FileProblem(file, "not-found", `Cannot find the file '${file}'. Check the name and folder.`);
      case "EACCES":
      case "EPERM":
        throw new FileProblem(file, "unreadable", `Cannot read '${file}': permission denied.`);
      default:
        throw new FileProblem(file, "unreadable", `Cannot read '${file}': ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return loadWorkbook(bytes, file);
}

export interface WriteOptions {
  /** Replace the file if it exists (default: refuse). */
  overwrite?: boolean;
}

/**
 * Checks that the workbook could be written to `file`: the folder exists, and the file does not
 * (unless overwriting) and is not a folder. Throws FileProblem. Call before slow work to fail early.
 */
export async function checkWritable(file: string, options: WriteOptions = {}): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  const folderStat = await fs.stat(folder).catch(() => undefined);
  if (!folderStat) throw new FileProblem(file, "no-folder", `Cannot write '${file}': the folder '${path.dirname(file)}' does not exist.`);
  if (!folderStat.isDirectory()) throw new FileProblem(file, "no-folder", `Cannot write '${file}': '${path.dirname(file)}' is not a folder.`);
  const fileStat = await fs.stat(file).catch(() => undefined);
  if (fileStat?.isDirectory()) throw new FileProblem(file, "not-a-file", `Cannot write '${file}': it is a folder.`);
  if (fileStat && !options.overwrite) throw new FileProblem(file, "exists", `'${file}' already exists and was not replaced.`);
}

/**
 * Writes the workbook to `file` atomically. Refuses to replace an existing file unless
 * `overwrite` is set. (The check and the rename are separate steps, so a file created by another
 * program in between would be replaced; the file is never left half-written either way.)
 */
export async function writeWorkbookFile(file: string, workbook: Workbook, options: WriteOptions = {}): Promise<void> {
  await checkWritable(file, options);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  try {
    await writeFileAtomic(file, bytes);
  } catch (error) {
    const reason: Record<string, string> = {
      EACCES: "permission denied",
      EPERM: "permission denied",
      EROFS: "the folder is read-only",
      ENOSPC: "the disk is full",
      EDQUOT: "the disk quota is used up",
      EBUSY: "the file is in use (is it open in Excel?)",
      ENOENT: "the folder does not exist",
    };
    const code = errorCode(error);
    const why = (code && reason[code]) ?? (error instanceof Error ? error.message : String(error));
    throw new FileProblem(file, "unwritable", `Cannot write '${file}': ${why}.`);
  }
}
