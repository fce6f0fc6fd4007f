/**
 * The zip writer's parts that need no zlib: the CRC-32 of the data, the MS-DOS date of an entry,
 * and a zip of parts stored as they are (method 0). zip-write.ts deflates with Node's zlib on top
 * of these; the task pane (a browser, no zlib) zips its receipts with `storedZip` alone.
 */
import { METHOD, writeZip } from "./zip-format";

export interface ZipPart {
  /** The entry's path in the zip, e.g. "xl/workbook.xml". */
  name: string;
  /** Its bytes, or its bytes in order as chunks (a part of hundreds of megabytes is never joined into one buffer: ./zip-write.ts deflates the chunks as they are). */
  data: Uint8Array | readonly Uint8Array[];
}

/** A part's bytes in one buffer (its chunks joined, where it has chunks). */
export function partBytes(part: ZipPart): Uint8Array {
  const data = part.data;
  if (data instanceof Uint8Array) return data;
  if (data.length === 1) return data[0]!;
  const out = new Uint8Array(partSize(part));
  let at = 0;
  for (const chunk of data) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A part's size in bytes. */
export function partSize(part: ZipPart): number {
  return part.data instanceof Uint8Array ? part.data.length : part.data.reduce((n, chunk) => n + chunk.length, 0);
}

/** The date of every entry unless told: 1 Jan 2020, 00:00 UTC (a fixed date, so the same parts give the same bytes). */
export const DEFAULT_ZIP_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

let crcTable: Int32Array | undefined;
/** CRC-32 (as zip and zlib define it) by a table; `previous`, the CRC of the bytes before these, continues it. */
export function crc32ByTable(data: Uint8Array, previous = 0): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = previous ^ -1;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** A date as zip (MS-DOS) holds it: time and date words. */
export function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** The zip entry of a part: its name in UTF-8, the headers' date, CRC and size, and its body as given. */
export function zipEntryOf(part: ZipPart, date: Date, body: { bytes: Uint8Array; method: number } = { bytes: partBytes(part), method: METHOD.stored }, crc = crc32ByTable(partBytes(part))) {
  return { name: new TextEncoder().encode(part.name), body: body.bytes, method: body.method, ...dosDateTime(date), crc, size: partSize(part) };
}

/** A zip of the parts stored uncompressed, in the order given. No zlib: runs in a browser. */
export function storedZip(parts: readonly ZipPart[], date: Date = DEFAULT_ZIP_DATE): Uint8Array {
  return writeZip(parts.map((part) => zipEntryOf(part, date)));
}
