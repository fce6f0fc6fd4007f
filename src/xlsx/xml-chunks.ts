/**
 * XML written straight into byte chunks of about a megabyte, for sheets of hundreds of thousands
 * of rows (the sector workbook's Sector data: about 190 MB at 2,000 organisations). Building such a
 * sheet as strings and encoding them cost seconds and most of the garbage collector's time (each
 * row's string lived long enough to be promoted); here most of each row is ASCII markup and
 * integers copied byte by byte, and text that is not ASCII goes through TextEncoder.encodeInto.
 * Browser-safe (no Node APIs). Each chunk is handed to `made` as soon as it is full, so a zip
 * writer can start deflating it (./zip-write.ts's ParallelZip).
 */

const encoder = new TextEncoder();

/** Bytes a chunk holds before it is handed on. */
const CHUNK_BYTES = 1 << 20;

export class XmlChunks {
  readonly chunks: Uint8Array[] = [];
  private buffer = new Uint8Array(CHUNK_BYTES);
  private at = 0;

  constructor(private readonly made?: (chunk: Uint8Array) => void) {}

  /** Appends text as UTF-8 (already escaped as the XML needs). */
  text(s: string): void {
    // UTF-8 takes at most three bytes for each UTF-16 code unit.
    const most = s.length * 3;
    if (this.at + most > this.buffer.length) this.next(most);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.at += encoder.encodeInto(s, buffer.subarray(this.at)).written;
        return;
      }
      buffer[at++] = c;
    }
    this.at = at;
  }

  /** Appends a number as String(n) writes it (an integer digit by digit). */
  number(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) {
      this.text(String(n));
      return;
    }
    if (this.at + 16 > this.buffer.length) this.next(16);
    const buffer = this.buffer;
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    let rest = n;
    do {
      buffer[--at] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /** The chunks, the last one included. */
  finish(): Uint8Array[] {
    if (this.at > 0) this.hand(this.buffer.slice(0, this.at));
    this.buffer = new Uint8Array(0);
    this.at = 0;
    return this.chunks;
  }

  private next(need: number): void {
    if (this.at > 0) this.hand(this.at === this.buffer.length ? this.buffer : this.buffer.subarray(0, this.at));
    this.buffer = new Uint8Array(Math.max(CHUNK_BYTES, need));
    this.at = 0;
  }

  private hand(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.made?.(chunk);
  }
}
