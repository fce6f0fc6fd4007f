/**
 * The one zip writer of the .xlsx writers (the sector workbook, sector.ts; workbooks with charts
 * added, charts/): every part deflated with Node's zlib (the pure-JavaScript deflate of the zip
 * library took 24 s on the 2,000-organisation sector workbook; zlib takes a few), names in UTF-8,
 * and one fixed date on every entry rather than the time of writing, so the same parts give the
 * same bytes. zip-guard.ts reads zips; this writes them. What needs no zlib (CRC, dates, stored
 * entries) is in zip-store.ts, which the task pane uses alone for a .zip of receipts.
 */
import * as zlib from "node:zlib";
import { METHOD, writeZip } from "./zip-format";
import { crc32ByTable, DEFAULT_ZIP_DATE, zipEntryOf, type ZipPart } from "./zip-store";

export type { ZipPart };

export interface ZipOptions {
  /** The date of every entry (its UTC date and time; zip keeps them to 2 seconds). Default: 1 Jan 2020, 00:00. */
  date?: Date;
  /** zlib's compression level, 0 to 9. Default 4. */
  level?: number;
}

/** zlib's own crc32 where this Node has it (20.15 and later), else a table. */
function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return native ? native(data) >>> 0 : crc32ByTable(data);
}

/** A zip of the parts, in the order given. */
export function zipParts(parts: readonly ZipPart[], { date = DEFAULT_ZIP_DATE, level = 4 }: ZipOptions = {}): Uint8Array {
  return writeZip(parts.map((part) => zipEntryOf(part, date, { bytes: zlib.deflateRawSync(part.data, { level }), method: METHOD.deflated }, crc32(part.data))));
}
