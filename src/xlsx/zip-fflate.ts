/**
 * Zipping anywhere, the task pane's browser included: fflate (pure JavaScript), where the command
 * line uses Node's zlib (./zip-write.ts). One fixed date on every entry, so the same parts give the
 * same bytes. For the pane's bulletin and feedback downloads (./published.ts) and the preview's
 * workbook download with its charts (src/preview/export-xlsx.ts).
 */
import { zipSync, type Zippable } from "fflate";
import { partBytes, type ZipPart } from "./zip-store";

/** The date of every entry (as zip-write.ts uses): nothing records when a workbook was made. */
const ENTRY_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

/** Files in one .zip, each entry dated ENTRY_DATE; `level` 0 stores them (for files compressed already). */
export function zipBytes(entries: readonly ZipPart[], level: 0 | 6 = 6): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) files[e.name] = [partBytes(e), { level, mtime: ENTRY_DATE }];
  return zipSync(files, { level, mtime: ENTRY_DATE });
}
