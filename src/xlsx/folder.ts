/**
 * Which files a Collate run reads, from the files and folders named (Node only). Every file in a
 * folder is accounted for: it is either read (and, if it is no return workbook - a .xls, .ods,
 * CSV, PDF, an empty file - rejected with the reason `check` gives, decided by its contents) or
 * skipped here with a reason the command line names. Skipped: lock files (`~$name.xlsx`, Excel's;
 * `.~lock.name.xlsx#`, LibreOffice's), hidden files and folders (`.name`, and Windows' Thumbs.db
 * and desktop.ini), Collate's own receipts (`*.receipt.txt`, which a `--receipts` folder inside
 * the returns folder holds), the sector workbook the run writes, links to folders (never
 * followed), links that lead nowhere, pipes and other special files, and folders deeper than
 * MAX_DEPTH or that cannot be listed.
 *
 * Folders are walked in name order (UTF-16 code units), each subfolder where its name falls, so
 * the same folder gives the same list on every machine. A file named directly is read as named
 * (even a lock file: the person named it), except the sector workbook being written.
 */
import { promises as fs, type Dirent } from "node:fs";
import { basename, join, resolve } from "node:path";
import { plural } from "../core/format";

/** Subfolders below a folder named that are searched (a folder deeper is skipped and named). */
export const MAX_DEPTH = 8;

export type SkipKind = "lock-file" | "hidden" | "receipt" | "output" | "link-to-folder" | "broken-link" | "not-a-file" | "too-deep" | "unreadable-folder";

/** A file (or folder) found in a folder and not read, with why in a few words. */
export interface SkippedFile {
  /** Its path, as found under the folder named. */
  file: string;
  kind: SkipKind;
  /** Whether it is a folder (or a link to one), whose files were not searched. */
  folder: boolean;
  /** Why, in a few words: "an Excel lock file", "hidden". */
  reason: string;
}

export interface GatheredInputs {
  /** The files to read, in order: each input as named, a folder's files in name order. No file twice. */
  files: string[];
  /** What was found in the folders and not read, in the same order. */
  skipped: SkippedFile[];
}

const RECEIPT = /\.receipt\.txt$/i;
const WINDOWS_SYSTEM = new Set(["thumbs.db", "ehthumbs.db", "desktop.ini"]);

/** Why a file or folder of this name is skipped, by its name alone; undefined when it is read. */
export function skippedByName(name: string, isFolder = false): { kind: SkipKind; reason: string } | undefined {
  if (name.startsWith("~$")) return { kind: "lock-file", reason: "an Excel lock file" };
  if (name.startsWith(".~lock.")) return { kind: "lock-file", reason: "a LibreOffice lock file" };
  if (name.startsWith(".")) return { kind: "hidden", reason: isFolder ? "a hidden folder, not searched" : "hidden" };
  if (!isFolder && WINDOWS_SYSTEM.has(name.toLowerCase())) return { kind: "hidden", reason: "a hidden Windows file" };
  if (!isFolder && RECEIPT.test(name)) return { kind: "receipt", reason: "a Collate receipt" };
  return undefined;
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The files to read from the inputs (files and folders), and what the folders hold that is not
 * read. `output` is the sector workbook being written: never read, wherever it is.
 */
export async function gatherInputs(inputs: readonly string[], options: { output?: string } = {}): Promise<GatheredInputs> {
  const output = options.output === undefined ? undefined : resolve(options.output);
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const skip = (file: string, kind: SkipKind, reason: string, folder = false) => skipped.push({ file, kind, folder, reason });
  const isOutput = (path: string) => output !== undefined && resolve(path) === output;

  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      skip(dir, "unreadable-folder", "a folder that could not be listed", true);
      return;
    }
    for (const entry of entries.sort(byName)) {
      const path = join(dir, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await fs.stat(path).catch(() => undefined);
        if (!target) {
          skip(path, "broken-link", "a link that leads nowhere");
          continue;
        }
        if (target.isDirectory()) {
          skip(path, "link-to-folder", "a link to a folder, not followed", true);
          continue;
        }
        isFolder = false;
        isFile = target.isFile();
      }
      const byItsName = skippedByName(entry.name, isFolder);
      if (byItsName) skip(path, byItsName.kind, byItsName.reason, isFolder);
      else if (isFolder) {
        if (depth < MAX_DEPTH) await walk(path, depth + 1);
        else skip(path, "too-deep", `a folder more than ${MAX_DEPTH} levels down, not searched`, true);
      } else if (!isFile) skip(path, "not-a-file", "not a regular file");
      else if (isOutput(path)) skip(path, "output", "the sector workbook this run writes");
      else files.push(path);
    }
  };

  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (stat?.isDirectory()) await walk(input, 0);
    else if (isOutput(input)) skip(input, "output", "the sector workbook this run writes");
    else files.push(input); // read (or refused with a reason) like any other file
  }
  // The same file named twice (or a folder and a file in it) is one file.
  const once = <T>(items: T[], path: (item: T) => string): T[] => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const key = resolve(path(item));
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  // A file named directly is read, even if a folder named holds it too.
  const read = new Set(files.map((f) => resolve(f)));
  return { files: once(files, (f) => f), skipped: once(skipped, (s) => s.file).filter((s) => !read.has(resolve(s.file))) };
}

/** A name as the line shows it: at most 80 characters. */
const shortName = (file: string) => {
  const name = basename(file);
  return name.length > 80 ? `${name.slice(0, 77)}...` : name;
};

/**
 * What was skipped, in one line for people: "Skipped 3 files: ~$alpha.xlsx (an Excel lock file),
 * .DS_Store (hidden), ...", at most about `max` characters, the rest counted. Names are as found
 * (the caller makes the line safe for a terminal). Undefined when nothing was skipped.
 */
export function skippedLine(skipped: readonly SkippedFile[], max = 500): string | undefined {
  if (skipped.length === 0) return undefined;
  const folders = skipped.filter((s) => s.folder).length;
  const files = skipped.length - folders;
  const counted = [files > 0 ? plural(files, "file") : "", folders > 0 ? plural(folders, "folder") : ""].filter(Boolean).join(" and ");
  const head = `Skipped ${counted}: `;
  const parts: string[] = [];
  let length = head.length;
  for (const s of skipped) {
    const part = `${shortName(s.file)} (${s.reason})`;
    if (parts.length > 0 && length + part.length + 2 > max) break;
    parts.push(part);
    length += part.length + 2;
  }
  const rest = skipped.length - parts.length;
  return `${head}${parts.join(", ")}${rest > 0 ? `, and ${rest} more (listed with --json)` : ""}`;
}
