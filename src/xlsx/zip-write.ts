/**
 * The one zip writer of the .xlsx writers (the sector workbook, sector.ts; workbooks with charts
 * added, charts/): every part deflated with Node's zlib (the pure-JavaScript deflate of the zip
 * library took 24 s on the 2,000-organisation sector workbook; zlib takes a few), names in UTF-8,
 * and one fixed date on every entry rather than the time of writing, so the same parts give the
 * same bytes. zip-guard.ts reads zips; this writes them. At level 0 it needs no zlib, so the task
 * pane uses it for a .zip of receipts (src/taskpane/receipts.ts).
 */
import * as zlib from "node:zlib";
import { METHOD, writeZip } from "./zip-format";

export interface ZipPart {
  /** The entry's path in the zip, e.g. "xl/workbook.xml". */
  name: string;
  data: Uint8Array;
}

export interface ZipOptions {
  /** The date of every entry (its UTC date and time; zip keeps them to 2 seconds). Default: 1 Jan 2020, 00:00. */
  date?: Date;
  /** zlib's compression level, 1 to 9; 0 stores the parts uncompressed, without zlib (usable in a browser). Default 4. */
  level?: number;
}

const DEFAULT_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

let crcTable: Int32Array | undefined;
/** zlib's own crc32 where this Node has it (20.15 and later), else a table. */
function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** A date as zip (MS-DOS) holds it: time and date words. */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** A zip of the parts, in the order given. */
export function zipParts(parts: readonly ZipPart[], { date = DEFAULT_DATE, level = 4 }: ZipOptions = {}): Uint8Array {
  const dos = dosDateTime(date);
  const utf8 = new TextEncoder();
  return writeZip(
    parts.map((part) => ({
      name: utf8.encode(part.name),
      // Level 0 stores the parts as they are: no zlib, so it runs in a browser (the task pane's receipts).
      body: level === 0 ? part.data : zlib.deflateRawSync(part.data, { level }),
      method: level === 0 ? METHOD.stored : METHOD.deflated,
      ...dos,
      crc: crc32(part.data),
      size: part.data.length,
    })),
  );
}
