/**
 * The one zip writer of the .xlsx writers (the sector workbook, sector.ts; workbooks with charts
 * added, charts/): every part deflated with Node's zlib (the pure-JavaScript deflate of the zip
 * library took 24 s on the 2,000-organisation sector workbook; zlib takes a few), names in UTF-8,
 * and one fixed date on every entry rather than the time of writing, so the same parts give the
 * same bytes. zip-guard.ts reads zips; this writes them. What needs no zlib (CRC, dates, stored
 * entries) is in zip-store.ts, which the task pane uses alone for a .zip of receipts.
 *
 * A part given as chunks (the sector workbook's Sector data sheet: about 190 MB of XML at 2,000
 * organisations) is never joined: each chunk is deflated on its own on libuv's thread pool, so it
 * runs on the other cores while the main thread goes on writing the sheet, and ends with a sync
 * flush (zlib's Z_SYNC_FLUSH: a non-final block, byte-aligned); the chunks' deflate data, one
 * after another, then a final empty block (the two bytes 03 00), are one valid deflate stream -
 * how pigz deflates in parallel (RFC 1951, 3.2.3 and 3.2.6; zlib's manual on Z_SYNC_FLUSH).
 */
import * as zlib from "node:zlib";
import { METHOD, writeZip } from "./zip-format";
import { crc32ByTable, DEFAULT_ZIP_DATE, partBytes, zipEntryOf, type ZipPart } from "./zip-store";

export type { ZipPart };

export interface ZipOptions {
  /** The date of every entry (its UTC date and time; zip keeps them to 2 seconds). Default: 1 Jan 2020, 00:00. */
  date?: Date;
  /** zlib's compression level, 0 to 9. Default 4. */
  level?: number;
}

const DEFAULT_LEVEL = 4;

/** zlib's own crc32 where this Node has it (20.15 and later), else a table; `previous` continues a CRC. */
function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  return native ? native(data, previous) >>> 0 : crc32ByTable(data, previous);
}

/** A zip of the parts, in the order given, each part in one buffer. */
export function zipParts(parts: readonly ZipPart[], { date = DEFAULT_ZIP_DATE, level = DEFAULT_LEVEL }: ZipOptions = {}): Uint8Array {
  return writeZip(
    parts.map((part) => {
      const data = partBytes(part);
      return zipEntryOf(part, date, { bytes: zlib.deflateRawSync(data, { level }), method: METHOD.deflated }, crc32(data));
    }),
  );
}

/** The final, empty, fixed-Huffman block that ends a deflate stream of sync-flushed pieces. */
const FINAL_EMPTY_BLOCK = Uint8Array.of(0x03, 0x00);

function deflateChunk(chunk: Uint8Array, level: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zlib.deflateRaw(chunk, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH }, (error, packed) => (error ? reject(error) : resolve(packed)));
  });
}

/**
 * Zips parts whose chunks may already be deflating: hand `start` to the writer of the parts, which
 * calls it with each chunk as soon as it is made, then `zip` the parts. A chunk not started is
 * deflated then. The same parts give the same bytes, whenever each chunk was started.
 */
export class ParallelZip {
  private readonly started = new Map<Uint8Array, Promise<Uint8Array>>();
  constructor(private readonly options: ZipOptions = {}) {}

  /** Starts deflating one chunk of a part on the thread pool. */
  readonly start = (chunk: Uint8Array): void => {
    if (!this.started.has(chunk)) this.started.set(chunk, deflateChunk(chunk, this.options.level ?? DEFAULT_LEVEL));
  };

  async zip(parts: readonly ZipPart[]): Promise<Uint8Array> {
    const { date = DEFAULT_ZIP_DATE, level = DEFAULT_LEVEL } = this.options;
    const entries: ReturnType<typeof zipEntryOf>[] = [];
    for (const part of parts) {
      if (part.data instanceof Uint8Array) {
        entries.push(zipEntryOf(part, date, { bytes: zlib.deflateRawSync(part.data, { level }), method: METHOD.deflated }, crc32(part.data)));
        continue;
      }
      let crc = 0;
      const packed: Uint8Array[] = [];
      for (const chunk of part.data) {
        crc = crc32(chunk, crc);
        packed.push(await (this.started.get(chunk) ?? deflateChunk(chunk, level)));
        this.started.delete(chunk);
      }
      packed.push(FINAL_EMPTY_BLOCK);
      entries.push(zipEntryOf(part, date, { bytes: Buffer.concat(packed), method: METHOD.deflated }, crc));
    }
    return writeZip(entries);
  }
}
