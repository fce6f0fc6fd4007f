/**
 * Reading and writing files (Node only). Every failure is a FileProblem whose one-line message
 * names the file and says what to do.
 *
 * Reading: only regular files (a FIFO, device or socket would block or never end), no larger than
 * a limit, checked before a byte is read; then the zip guard and the package reader (./package/),
 * or exceljs (./load) where a test or the old reader wants an exceljs workbook.
 *
 * Writing: one helper, writeFileAtomically, for every output. The bytes go to a temporary file
 * beside the target, named `.<target>.<pid>-<random>.impact-returns-tmp`; every byte is checked
 * written (a short write or a full disk fails plainly) and synced to disk before the temporary file
 * takes the target's name. A run killed part-way leaves only such a temporary file, which the next
 * write into that folder removes once the process that made it has gone.
 */
import { constants, promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import type { Workbook } from "exceljs";
import type { WorkbookSnapshot } from "../core/workbook/types";
import { loadWorkbook } from "./load";
import { readReturnSnapshot } from "./package";
import { fileTooLargeMessage, LIMITS } from "./limits";
import { errorCode, errorText, FileProblem, unreadableContentsMessage } from "./problem";

export { FileProblem, type FileProblemKind } from "./problem";

function notRegular(file: string, what: string): FileProblem {
  return new FileProblem(file, "not-a-file", `'${file}' is ${what}, not a workbook file. Name the workbook file itself (.xlsx).`);
}

function describeKind(stat: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a pipe";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "not a regular file";
}

function readProblem(file: string, error: unknown): FileProblem {
  if (error instanceof FileProblem) return error;
  switch (errorCode(error)) {
    case "ENOENT":
    case "ENOTDIR":
      return new FileProblem(file, "not-found", `Cannot find the file '${file}'. Check the name and folder.`, errorText(error));
    case "EACCES":
    case "EPERM":
      return new FileProblem(file, "unreadable", `Cannot read '${file}': permission denied. Ask whoever owns it for access, or copy it to a folder of your own, and try again.`, errorText(error));
    case "EISDIR":
      return notRegular(file, "a folder");
    case "ELOOP":
      return new FileProblem(file, "unreadable", `Cannot read '${file}': it is a link that leads round in a circle. Name the workbook file itself.`, errorText(error));
    case "ENAMETOOLONG":
      return new FileProblem(file, "unreadable", `Cannot read '${file}': the name is too long. Move it to a folder nearer the top, or give it a shorter name, and try again.`, errorText(error));
    default:
      return new FileProblem(file, "unreadable", `Cannot read '${file}': the system could not read it. Copy it to a local folder and try again.`, errorText(error));
  }
}

/**
 * Reads a regular file of at most `maxBytes`. Refuses folders, pipes, devices and sockets without
 * opening them for long (the open does not wait for a writer), and larger files without reading them.
 */
export async function readRegularFile(file: string, maxBytes: number, tooLarge: (size: number) => string): Promise<Buffer> {
  let handle: FileHandle | undefined;
  try {
    const before = await fs.stat(file);
    if (!before.isFile()) throw notRegular(file, describeKind(before));
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile()) throw notRegular(file, describeKind(stat));
    if (stat.size > maxBytes) throw new FileProblem(file, "too-large", tooLarge(stat.size));
    const buffer = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === buffer.length ? buffer : buffer.subarray(0, filled);
  } catch (error) {
    throw readProblem(file, error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Reads an .xlsx file's bytes and opens them with `open`. Throws FileProblem: not found, not a regular file, too large, empty, .xls, CSV, password-protected, damaged... */
async function openWorkbookFile<T>(file: string, open: (bytes: Uint8Array) => Promise<T>): Promise<T> {
  const bytes = await readRegularFile(file, LIMITS.fileBytes, (size) => fileTooLargeMessage(file, size));
  try {
    return await open(bytes);
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    // The readers turn every failure into a FileProblem; this is the last net.
    throw new FileProblem(file, "damaged", unreadableContentsMessage(file), errorText(error));
  }
}

/** Reads an .xlsx file as an exceljs workbook (for the writers' tests and the old reader). Throws FileProblem as readReturnFile does. */
export async function readWorkbookFile(file: string): Promise<Workbook> {
  return openWorkbookFile(file, (bytes) => loadWorkbook(bytes, file));
}

/** Reads a return workbook file into a snapshot through the package reader (./package/). Throws FileProblem: not found, not a regular file, too large, empty, .xls, CSV, password-protected, damaged... */
export async function readReturnFile(file: string): Promise<WorkbookSnapshot> {
  return openWorkbookFile(file, (bytes) => readReturnSnapshot(bytes, file));
}

// --- Writing -----------------------------------------------------------------------------------

export interface WriteOptions {
  /** Replace the file if it exists (default: refuse). */
  overwrite?: boolean;
}

/** How bytes reach the disk; tests replace `write` to act out a short write or a full disk. */
export interface WriteIO {
  /** Writes up to `length` bytes of `data` from `offset` at file position `position`; resolves to the number written. */
  write(handle: FileHandle, data: Uint8Array, offset: number, length: number, position: number): Promise<number>;
}

const nodeIO: WriteIO = {
  write: async (handle, data, offset, length, position) => (await handle.write(data, offset, length, position)).bytesWritten,
};

const TEMP_SUFFIX = ".impact-returns-tmp";
const TEMP_PATTERN = /^\..+\.(\d+)-[0-9a-f]+\.impact-returns-tmp$/;

/** The temporary file a write to `file` uses: hidden, beside it, with this process's id. */
export function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString("hex")}${TEMP_SUFFIX}`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

/** Removes temporary files that earlier runs left in `folder` (killed part-way); returns their names. */
export async function removeStaleTemporaryFiles(folder: string): Promise<string[]> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_PATTERN.exec(name);
    if (!match || processAlive(Number(match[1]))) continue;
    const stale = path.join(folder, name);
    const stat = await fs.lstat(stale).catch(() => undefined);
    if (!stat?.isFile()) continue;
    await fs.unlink(stale).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

/**
 * Checks that a file could be written to `file`: the folder exists, and the file does not (unless
 * overwriting) and is not a folder or other special file. Throws FileProblem. Call before slow work to fail early.
 */
export async function checkWritable(file: string, options: WriteOptions = {}): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  const folderStat = await fs.stat(folder).catch(() => undefined);
  if (!folderStat) throw new FileProblem(file, "no-folder", `Cannot write '${file}': the folder '${path.dirname(file)}' does not exist. Create the folder, or write somewhere else.`);
  if (!folderStat.isDirectory()) throw new FileProblem(file, "no-folder", `Cannot write '${file}': '${path.dirname(file)}' is not a folder. Write into a folder instead.`);
  const fileStat = await fs.stat(file).catch(() => undefined);
  if (fileStat?.isDirectory()) throw new FileProblem(file, "not-a-file", `Cannot write '${file}': it is a folder. Choose another name for the file to write.`);
  if (fileStat && !fileStat.isFile()) throw new FileProblem(file, "not-a-file", `Cannot write '${file}': it is ${describeKind(fileStat)}, not a regular file. Choose another name for the file to write.`);
  if (fileStat && !options.overwrite) throw new FileProblem(file, "exists", `'${file}' already exists and was not replaced. Choose another name, or replace it on purpose (--force).`);
}

const WRITE_REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the folder is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file is larger than this disk allows",
  EIO: "the disk reported an error",
  EBUSY: "the file is in use (is it open in Excel?)",
  ETXTBSY: "the file is in use (is it open in Excel?)",
  EISDIR: "it is a folder",
  ENAMETOOLONG: "the name is too long",
};

async function writeProblem(file: string, error: unknown): Promise<FileProblem> {
  if (error instanceof FileProblem) return error;
  const code = errorCode(error);
  let why = code ? WRITE_REASONS[code] : undefined;
  if (code === "ENOENT" || code === "ENOTDIR") {
    const folder = path.dirname(path.resolve(file));
    const stat = await fs.stat(folder).catch(() => undefined);
    why = stat?.isDirectory() ? `files cannot be created in the folder '${path.dirname(file)}'` : `the folder '${path.dirname(file)}' does not exist`;
  }
  return new FileProblem(file, "unwritable", `Cannot write '${file}': ${why ?? "the system refused to write it"}. Nothing was written.`, errorText(error));
}

/**
 * Writes `data` to `file` atomically, checking every byte is written and synced before the file
 * appears under its name. Without `overwrite`, an existing file is never replaced (the temporary
 * file is linked to the name, which fails if the name is taken). Throws FileProblem; leaves nothing behind.
 */
export async function writeFileAtomically(file: string, data: Uint8Array, options: WriteOptions & { io?: WriteIO } = {}): Promise<void> {
  await checkWritable(file, options);
  const folder = path.dirname(path.resolve(file));
  await removeStaleTemporaryFiles(folder);
  const io = options.io ?? nodeIO;
  const temp = temporaryName(file);
  let handle: FileHandle | undefined;
  let created = false;
  try {
    handle = await fs.open(temp, "wx", 0o666);
    created = true;
    let written = 0;
    while (written < data.length) {
      const n = await io.write(handle, data, written, data.length - written, written);
      if (!Number.isInteger(n) || n <= 0) throw Object.assign(new Error("short write"), { code: "ENOSPC" });
      written += n;
    }
    await handle.sync();
    const stat = await handle.stat();
    if (stat.size !== data.length) throw Object.assign(new Error(`wrote ${stat.size} of ${data.length} bytes`), { code: "ENOSPC" });
    await handle.close();
    handle = undefined;
    if (options.overwrite) {
      await fs.rename(temp, file);
    } else {
      try {
        await fs.link(temp, file);
      } catch (error) {
        if (errorCode(error) === "EEXIST") throw new FileProblem(file, "exists", `'${file}' already exists and was not replaced. Choose another name, or replace it on purpose (--force).`);
        if (errorCode(error) !== "EPERM" && errorCode(error) !== "ENOTSUP" && errorCode(error) !== "EOPNOTSUPP") throw error;
        await fs.rename(temp, file); // a file system without hard links
      }
      await fs.unlink(temp).catch(() => undefined);
    }
    created = false;
    // Make the new name itself durable (best effort: not every system can sync a folder).
    const dir = await fs.open(folder, "r").catch(() => undefined);
    await dir?.sync().catch(() => undefined);
    await dir?.close().catch(() => undefined);
  } catch (error) {
    throw await writeProblem(file, error);
  } finally {
    await handle?.close().catch(() => undefined);
    if (created) await fs.unlink(temp).catch(() => undefined);
  }
}

/** Writes the workbook to `file` atomically (see writeFileAtomically). */
export async function writeWorkbookFile(file: string, workbook: Workbook, options: WriteOptions & { io?: WriteIO } = {}): Promise<void> {
  await checkWritable(file, options);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeFileAtomically(file, bytes, options);
}
