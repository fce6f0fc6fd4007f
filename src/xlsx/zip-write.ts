/**
 * The one zip writer of the .xlsx writers (the sector workbook, sector.ts; workbooks with charts
 * added, charts/): every part deflated with Node's zlib (the pure-JavaScript deflate of the zip
 * library took 24 s on the 2,000-organisation sector workbook; zlib takes a few), names in UTF-8,
 * and one fixed date on every entry rather than the time of writing, so the same parts give the
 * same bytes. zip-guard.ts reads zips; this writes them.
 */
import * as zlib from "node:zlib";

export interface ZipPart {
  /** The entry's path in the zip, e.g. "xl/workbook.xml". */
  name: string;
  data: Uint8Array;
}

export interface ZipOptions {
  /** The date of every entry (its UTC date and time; zip keeps them to 2 seconds). Default: 1 Jan 2020, 00:00. */
  date?: Date;
  /** zlib's compression level, 0 to 9. Default 4. */
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
export function zipParts(parts: readonly ZipPart[], { date = DEFAULT_DATE, level = 4 }: ZipOptions = {}): Buffer {
  const dos = dosDateTime(date);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const body = zlib.deflateRawSync(part.data, { level });
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dos.time, 10);
    local.writeUInt16LE(dos.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(dos.time, 12);
    entry.writeUInt16LE(dos.date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(part.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(entry, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
