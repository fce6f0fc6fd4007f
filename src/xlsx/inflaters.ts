/**
 * How the zip guard unpacks raw deflate data, three ways, each with the same hard cap: an
 * inflater never produces more than the size it is given (the part's recorded size, itself within
 * LIMITS) and throws InflatedTooLarge as soon as the data would expand past it.
 *
 * - `nodeInflater`: Node's zlib (the command line; the default).
 * - `streamInflater`: the browser's DecompressionStream("deflate-raw"), read chunk by chunk.
 * - `fflateInflater`: fflate's pure-JavaScript streaming inflate, fed a slice at a time, for
 *   webviews without DecompressionStream("deflate-raw") (Safari and WebKit before 16.4).
 *
 * Browser code takes its inflater from `browserInflater()`, the one place that chooses, so a file
 * is never called damaged because of the webview it was opened in. A browser build maps node:zlib
 * to a stub (webpack.config.js): nodeInflater is never called there.
 */
import type * as FflateModule from "fflate";
import { inflateRawSync } from "node:zlib";
import { errorCode } from "./problem";

type Fflate = typeof FflateModule;
let fflateModule: Fflate | undefined;

/** fflate, loaded on first use: the command line never needs it (Node's zlib inflates there), and `impact-returns check` starts faster without it. */
function fflate(): Fflate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (fflateModule ??= require("fflate") as Fflate);
}

/**
 * Unpacks raw deflate data, producing at most `size` bytes: more throws InflatedTooLarge; damaged
 * data throws anything else.
 */
export type Inflater = (packed: Uint8Array, size: number) => Uint8Array | Promise<Uint8Array>;

/** An inflater that answers at once (Node's zlib, fflate): what file-type detection needs. */
export type SyncInflater = (packed: Uint8Array, size: number) => Uint8Array;

/** Thrown by an inflater when the data expands past its cap. */
export class InflatedTooLarge extends Error {
  constructor() {
    super("expands past its recorded size");
    this.name = "InflatedTooLarge";
  }
}

/** Node's zlib, with its own hard cap on the output. */
export const nodeInflater: SyncInflater = (packed, size) => {
  try {
    return inflateRawSync(packed, { maxOutputLength: Math.max(1, size) });
  } catch (error) {
    if (errorCode(error) === "ERR_BUFFER_TOO_LARGE") throw new InflatedTooLarge();
    throw error;
  }
};

/**
 * The browser's DecompressionStream("deflate-raw"), read chunk by chunk into a buffer of the
 * recorded size: the first chunk past it cancels the stream and throws InflatedTooLarge, so no
 * more than `size` bytes (plus one chunk) are ever held.
 */
export const streamInflater: Inflater = async (packed, size) => {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; these promises must not go unhandled.
  writer.write(packed as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const out = new Uint8Array(Math.max(1, size));
  let filled = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (filled + value.length > size) {
      await reader.cancel().catch(() => undefined);
      throw new InflatedTooLarge();
    }
    out.set(value, filled);
    filled += value.length;
  }
  return out.subarray(0, filled);
};

/**
 * Packed bytes handed to fflate at a time. Deflate expands at most about 1,032 times, so one
 * slice never unpacks to more than about 8 MB however the data lies about its size.
 */
const FFLATE_SLICE = 8 * 1024;

/**
 * Packed data of at most one slice, unpacked in one go into a buffer one byte longer than the
 * recorded size (fflate then allocates nothing more, and writes past the buffer are dropped): no
 * more work than the stream's first slice, and ten to twenty times faster than streaming it (a
 * return's small parts). Output that fills the spare byte has passed the cap; undefined when
 * fflate stops on the data, for the stream to say why (damaged, or too large).
 */
function fflateAtOnce(packed: Uint8Array, size: number): Uint8Array | undefined {
  let out: Uint8Array;
  try {
    out = fflate().inflateSync(packed, { out: new Uint8Array(size + 1) });
  } catch {
    return undefined;
  }
  if (out.length > size) throw new InflatedTooLarge();
  return out;
}

/**
 * fflate's pure-JavaScript inflate, streamed: the packed data is pushed a slice at a time and the
 * output copied into a buffer of the recorded size; the first output past it stops the inflating
 * and throws InflatedTooLarge, so at most `size` bytes (plus one slice's output) are ever held,
 * and a zip bomb is stopped early rather than unpacked whole. Data that ends before its final
 * block, or is not deflate at all, throws fflate's error (the guard calls the part damaged).
 */
export const fflateInflater: SyncInflater = (packed, size) => {
  // No data at all is not a deflate stream (fflate would return nothing without complaint).
  if (packed.length === 0) throw new Error("no deflate data");
  if (packed.length <= FFLATE_SLICE) {
    const whole = fflateAtOnce(packed, size);
    if (whole) return whole;
  }
  const out = new Uint8Array(Math.max(1, size));
  let filled = 0;
  const inflate = new (fflate().Inflate)((chunk) => {
    if (filled + chunk.length > size) throw new InflatedTooLarge();
    out.set(chunk, filled);
    filled += chunk.length;
  });
  for (let p = 0; p < packed.length; p += FFLATE_SLICE) {
    const end = Math.min(packed.length, p + FFLATE_SLICE);
    inflate.push(packed.subarray(p, end), end === packed.length);
  }
  return out.subarray(0, filled);
};

/** Whether this browser's DecompressionStream exists and takes "deflate-raw" (it throws a TypeError for a format it lacks). */
export function hasDeflateRawStream(): boolean {
  if (typeof globalThis.DecompressionStream !== "function") return false;
  try {
    new DecompressionStream("deflate-raw");
    return true;
  } catch {
    return false;
  }
}

/**
 * DecompressionStream, with fflate as a second opinion: data the browser's stream fails on for
 * any reason but size is unpacked again by fflate, so only data both refuse is called damaged.
 */
const streamThenFflate: Inflater = async (packed, size) => {
  try {
    return await streamInflater(packed, size);
  } catch (error) {
    if (error instanceof InflatedTooLarge) throw error;
    return fflateInflater(packed, size);
  }
};

/**
 * The browser's inflater: a short part (one fflate slice or less packed: nearly every part of a
 * return) unpacked at once by fflate, a longer one by DecompressionStream (then fflate). Each
 * DecompressionStream is a stream pair read through promises, a few tasks and microtasks a part
 * whatever its size (https://developer.mozilla.org/docs/Web/API/DecompressionStream); for the
 * thirty-odd parts of a few kilobytes in a return that cost the Collate worker about twice
 * what fflate takes to unpack them synchronously. The caps are fflateAtOnce's and the stream's, as
 * before; data fflate stops on goes to the stream, so it is still refused only when both refuse it.
 * Always a promise, as the stream's was.
 */
const shortAtOnceElseStream: Inflater = async (packed, size) => {
  if (packed.length > 0 && packed.length <= FFLATE_SLICE) {
    const whole = fflateAtOnce(packed, size);
    if (whole) return whole;
  }
  return streamThenFflate(packed, size);
};

/**
 * The inflater for browser code (the Collate worker, anything else that opens .xlsx bytes in a
 * webview): the browser's DecompressionStream("deflate-raw") where it has one (short parts by
 * fflate at once: shortAtOnceElseStream), else fflate's.
 * Asked afresh each time (it is cheap), so the answer is always this webview's.
 */
export function browserInflater(): Inflater {
  return hasDeflateRawStream() ? shortAtOnceElseStream : fflateInflater;
}
