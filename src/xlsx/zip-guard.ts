/**
 * The safe door for workbook files from outside. Before exceljs sees anything, this reads the
 * zip's central directory itself, refuses what a return workbook never is (encrypted or zip64
 * entries, odd compression methods, duplicate names, parts that overlap or lie outside the file),
 * checks every size against LIMITS, unpacks each part with a hard byte cap (the recorded size,
 * itself within the limits), and scans the XML for what the reader would otherwise allocate
 * without bound: rows, cells, shared strings, merged ranges, column ranges, the ranges sheets,
 * tables, data validations and defined names claim. What passes is handed on as a new, stored
 * (uncompressed) zip of exactly the parts that were checked, so exceljs reads nothing unchecked.
 *
 * The inflater is pluggable (./inflaters.ts): Node's zlib by default (`nodeInflater`); browser code
 * passes `browserInflater()` (DecompressionStream("deflate-raw"), or fflate where a webview lacks it),
 * each with the same byte cap. Nothing else here touches Node.
 */
import { InflatedTooLarge, nodeInflater, type Inflater } from "./inflaters";
import { count, LIMITS, MAX_COLUMN, MAX_ROW, megabytes } from "./limits";
import { errorText, FileProblem } from "./problem";
import { CENTRAL_ENTRY, END_RECORD, LOCAL_HEADER, METHOD, readFields, SIGNATURE, writeZip } from "./zip-format";

export { browserInflater, fflateInflater, InflatedTooLarge, nodeInflater, streamInflater, type Inflater } from "./inflaters";

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

interface Part extends CheckedPart {
  crc: number;
}


class Refusal extends Error {
  constructor(
    readonly kind: "damaged" | "too-large",
    message: string,
  ) {
    super(message);
  }
}

function damaged(why: string): Refusal {
  return new Refusal("damaged", why);
}

function tooLarge(why: string): Refusal {
  return new Refusal("too-large", why);
}

/** A part's name as safe to show: printable, short. */
function shown(name: string): string {
  const clean = name.replace(/[^\x20-\x7e]/g, "?");
  return clean.length > 60 ? `${clean.slice(0, 57)}...` : clean;
}

function findEndRecord(bytes: Uint8Array, view: DataView): number {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) === SIGNATURE.end && p + 22 + view.getUint16(p + 20, true) === bytes.length) return p;
  }
  // A directory followed by extra bytes: JSZip would guess; we do not.
  throw damaged("the end of the file is missing or has extra bytes after the zip directory");
}

function readDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw damaged("it is too short to be a workbook");
  const end = findEndRecord(bytes, view);
  if (end >= 20 && view.getUint32(end - 20, true) === SIGNATURE.zip64Locator) throw tooLarge("it uses the zip64 format, which only files of more than 4 GB need");
  const { disk, directoryDisk, entriesHere, entries, directorySize, directoryOffset } = readFields(view, end, END_RECORD);
  if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw tooLarge("it uses the zip64 format, which only files of more than 4 GB need");
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entries) throw damaged("it is one piece of a zip split over several files");
  if (entries > LIMITS.parts) throw tooLarge(`it holds more than ${count(LIMITS.parts)} parts`);
  if (directoryOffset + directorySize !== end) throw damaged("its zip directory is not where the file says it is");

  const decoder = new TextDecoder("utf-8", { fatal: false });
  const out: Entry[] = [];
  const names = new Set<string>();
  let p = directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (p + CENTRAL_ENTRY.size > end || view.getUint32(p, true) !== SIGNATURE.central) throw damaged("its zip directory is broken");
    const { flags, method, crc, compressedSize, size, nameLength, extraLength, commentLength, localOffset } = readFields(view, p, CENTRAL_ENTRY);
    const next = p + CENTRAL_ENTRY.size + nameLength + extraLength + commentLength;
    if (next > end) throw damaged("its zip directory is broken");
    const name = decoder.decode(bytes.subarray(p + CENTRAL_ENTRY.size, p + CENTRAL_ENTRY.size + nameLength));
    p = next;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw tooLarge("it uses the zip64 format, which only files of more than 4 GB need");
    if (flags & 0x1) throw damaged(`a part (${shown(name)}) is encrypted`);
    if (method !== 0 && method !== 8) throw damaged(`a part (${shown(name)}) is packed with a method Excel does not use`);
    const key = name.replace(/^\//, "").toLowerCase();
    if (names.has(key)) throw damaged(`it holds two parts called ${shown(name)}`);
    names.add(key);
    out.push({ name, method, crc, compressedSize, size, localOffset });
  }
  if (p !== end) throw damaged("its zip directory is broken");
  return out;
}

/** Checks the recorded sizes before anything is unpacked. */
function checkSizes(entries: readonly Entry[]): void {
  let total = 0;
  for (const entry of entries) total += entry.size;
  if (total > LIMITS.totalBytes) throw tooLarge(`it expands to more than ${megabytes(LIMITS.totalBytes)}`);
  for (const entry of entries) {
    if (entry.size > LIMITS.partBytes) throw tooLarge(`a part (${shown(entry.name)}) expands to more than ${megabytes(LIMITS.partBytes)}`);
    if (entry.method === 0 && entry.size !== entry.compressedSize) throw damaged(`a part (${shown(entry.name)}) has the wrong size`);
    if (entry.size > LIMITS.ratioFloorBytes && entry.size > LIMITS.ratio * Math.max(1, entry.compressedSize)) {
      throw tooLarge(`a part (${shown(entry.name)}) expands more than ${LIMITS.ratio} times, far more than workbook contents do`);
    }
  }
}

/** Unpacks one part, never producing more than its recorded size. */
async function unpack(bytes: Uint8Array, view: DataView, entry: Entry, dataEnd: number, inflate: Inflater): Promise<Uint8Array> {
  const p = entry.localOffset;
  if (p + LOCAL_HEADER.size > dataEnd || view.getUint32(p, true) !== SIGNATURE.local) throw damaged(`a part (${shown(entry.name)}) is missing`);
  const { nameLength, extraLength } = readFields(view, p, LOCAL_HEADER);
  const start = p + LOCAL_HEADER.size + nameLength + extraLength;
  const stop = start + entry.compressedSize;
  if (stop > dataEnd) throw damaged(`a part (${shown(entry.name)}) runs past the end of the file`);
  const packed = bytes.subarray(start, stop);
  if (entry.method === 0) return packed;
  let data: Uint8Array;
  try {
    data = await inflate(packed, entry.size);
  } catch (error) {
    if (error instanceof InflatedTooLarge) throw tooLarge(`a part (${shown(entry.name)}) expands to more than the size the file records for it`);
    throw damaged(`a part (${shown(entry.name)}) cannot be unpacked`);
  }
  if (data.length !== entry.size) throw damaged(`a part (${shown(entry.name)}) is not the size the file records for it`);
  return data;
}

// --- Scanning the XML ---------------------------------------------------------------------------

interface Tally {
  elements: number;
  cells: number;
  rows: number;
  strings: number;
  expanded: number;
}

const LT = 0x3c;

function isNameEnd(byte: number | undefined): boolean {
  return byte === undefined || byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x2f || byte === 0x3e;
}

/** Bytes as Latin-1 text (one character a byte), without Node's Buffer. */
function latin1(data: Uint8Array, start: number, end: number): string {
  let out = "";
  for (let p = start; p < end; p += 8192) out += String.fromCharCode(...data.subarray(p, Math.min(end, p + 8192)));
  return out;
}

/** The text of the tag starting at `p` (up to its '>', at most 64 KB). */
function tagText(data: Uint8Array, p: number): string {
  const close = data.indexOf(0x3e, p);
  const end = close < 0 ? Math.min(data.length, p + 65_536) : Math.min(close, p + 65_536);
  return latin1(data, p, end);
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

const CELL_REF = /^\$?([A-Za-z]{1,4})\$?(\d{1,8})$/;

/** The cells each A1 range in the text covers (full ranges and single cells; whole rows and columns are not expanded by the reader). */
function rangeAreas(text: string, what: string): number[] {
  const areas: number[] = [];
  for (const match of text.matchAll(/\$?[A-Za-z]{1,4}\$?\d{1,8}(?::\$?[A-Za-z]{1,4}\$?\d{1,8})?/g)) {
    const [from, to = from] = match[0].split(":") as [string, string?];
    const a = CELL_REF.exec(from);
    const b = CELL_REF.exec(to);
    if (!a || !b) continue;
    const [c1, r1, c2, r2] = [columnNumber(a[1]!), Number(a[2]), columnNumber(b[1]!), Number(b[2])];
    if (c1 > MAX_COLUMN || c2 > MAX_COLUMN || r1 > MAX_ROW || r2 > MAX_ROW) {
      // Names such as "ABCD1" in a defined name are text, not references.
      if (what === "defined name") continue;
      throw damaged(`${what} ${shown(match[0])} lies outside Excel's grid`);
    }
    areas.push((Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1));
  }
  return areas;
}

function claim(area: number, what: string, text: string): void {
  if (area > LIMITS.claimedCells) throw tooLarge(`${what} ${shown(text)} covers more than ${count(LIMITS.claimedCells)} cells`);
}

function bump(tally: Tally, key: keyof Tally, by: number, limit: number, what: string): void {
  tally[key] += by;
  if (tally[key] > limit) throw tooLarge(`it holds more than ${count(limit)} ${what}`);
}

/**
 * Counts what matters in one XML part, refusing as soon as a limit is passed. Jumps from '<' to
 * '<' with indexOf (native speed); only the few element kinds that claim ranges are looked into.
 */
function scanXml(data: Uint8Array, tally: Tally): void {
  let elements = 0;
  for (let p = data.indexOf(LT); p >= 0; p = data.indexOf(LT, p + 1)) {
    elements++;
    // Quick outs for the common elements: </...>, <v>, <f>, <is>, <t>...
    if (data[p + 1] === 0x2f || data[p + 1] === 0x3f || data[p + 1] === 0x21) continue;
    // The local name, after any prefix: <x:c> is counted as <c> is (.NET's Open XML SDK writes prefixes).
    let s = p + 1;
    for (let q = s; q < data.length && q - p < 40 && !isNameEnd(data[q]); q++) {
      if (data[q] === 0x3a) {
        s = q + 1;
        break;
      }
    }
    const first = data[s];
    if (first === 0x63 /* c */ && isNameEnd(data[s + 1])) {
      if (++tally.cells > LIMITS.cells) throw tooLarge(`it holds more than ${count(LIMITS.cells)} cells`);
      continue;
    }
    if (first === 0x72 /* r */ && data[s + 1] === 0x6f && data[s + 2] === 0x77 && isNameEnd(data[s + 3])) {
      if (++tally.rows > LIMITS.rows) throw tooLarge(`it holds more than ${count(LIMITS.rows)} rows`);
      continue;
    }
    if (first === 0x73 /* s */ && data[s + 1] === 0x69 && isNameEnd(data[s + 2])) {
      if (++tally.strings > LIMITS.strings) throw tooLarge(`it holds more than ${count(LIMITS.strings)} pieces of text`);
      continue;
    }
    if (first !== 0x6d && first !== 0x64 && first !== 0x74 && first !== 0x63) continue; // m, d, t, c
    let q = s;
    while (q < data.length && q - s < 40 && !isNameEnd(data[q])) q++;
    const name = latin1(data, s, q);
    switch (name) {
      case "dimension":
      case "table": {
        const ref = attribute(tagText(data, p), "ref") ?? "";
        for (const area of rangeAreas(ref, name === "table" ? "a table's range" : "a sheet's used range")) claim(area, name === "table" ? "a table's range" : "a sheet's used range", ref);
        break;
      }
      case "mergeCell": {
        const ref = attribute(tagText(data, p), "ref") ?? "";
        for (const area of rangeAreas(ref, "a merged range")) {
          claim(area, "a merged range", ref);
          bump(tally, "cells", area, LIMITS.cells, "cells (counting merged ranges)");
        }
        break;
      }
      case "dataValidation": {
        const ref = attribute(tagText(data, p), "sqref") ?? "";
        for (const area of rangeAreas(ref, "a data validation range")) bump(tally, "expanded", area, LIMITS.expandedCells, "cells under data validation or named ranges");
        break;
      }
      case "definedName": {
        const close = data.indexOf(LT, p + 1);
        const text = latin1(data, p, close < 0 ? Math.min(data.length, p + 65_536) : Math.min(close, p + 65_536));
        const body = text.slice(text.indexOf(">") + 1);
        for (const area of rangeAreas(body, "defined name")) bump(tally, "expanded", area, LIMITS.expandedCells, "cells under data validation or named ranges");
        break;
      }
      case "col": {
        const tag = tagText(data, p);
        const min = Number(attribute(tag, "min") ?? "1");
        const max = Number(attribute(tag, "max") ?? "1");
        if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || max > MAX_COLUMN) throw damaged("it describes columns outside Excel's grid");
        break;
      }
      default:
        break;
    }
  }
  bump(tally, "elements", elements, LIMITS.elements, "XML elements");
}

/** Parts the reader takes as XML (everything but pictures and other binary parts). */
function isXml(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

// --- Writing the checked parts as a stored zip ---------------------------------------------------

function storedZip(parts: readonly Part[]): Uint8Array {
  const encoder = new TextEncoder();
  return writeZip(parts.map((part) => ({ name: encoder.encode(part.name), body: part.data, method: METHOD.stored, time: 0, date: 0, crc: part.crc, size: part.data.length })));
}

/**
 * Checks .xlsx bytes against LIMITS and returns the checked parts as a stored zip for exceljs.
 * Throws FileProblem ("too-large" or "damaged"), whose one-line message names the file.
 */
export async function guardXlsx(bytes: Uint8Array, file: string, inflate: Inflater = nodeInflater): Promise<Uint8Array> {
  return storedZip(await checkedParts(bytes, file, inflate));
}

/** A part that passed the guard: its name as the zip gives it, and its unpacked bytes. */
export interface CheckedPart {
  readonly name: string;
  readonly data: Uint8Array;
}

/**
 * Checks .xlsx bytes against LIMITS, as guardXlsx does, and returns the checked parts themselves
 * (in the zip's order; folders left out), for the package reader (./package/).
 * Throws FileProblem ("too-large" or "damaged"), whose one-line message names the file.
 */
export async function guardParts(bytes: Uint8Array, file: string, inflate: Inflater = nodeInflater): Promise<CheckedPart[]> {
  return checkedParts(bytes, file, inflate);
}

async function checkedParts(bytes: Uint8Array, file: string, inflate: Inflater): Promise<Part[]> {
  const name = `'${file}'`;
  try {
    if (bytes.length > LIMITS.fileBytes) throw tooLarge(`it is larger than ${megabytes(LIMITS.fileBytes)}`);
    const entries = readDirectory(bytes);
    checkSizes(entries);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const dataEnd = bytes.length;
    const tally: Tally = { elements: 0, cells: 0, rows: 0, strings: 0, expanded: 0 };
    const parts: Part[] = [];
    for (const entry of entries) {
      if (entry.name.endsWith("/")) continue; // a folder
      const data = await unpack(bytes, view, entry, dataEnd, inflate);
      if (isXml(entry.name)) scanXml(data, tally);
      parts.push({ name: entry.name, crc: entry.crc, data });
    }
    return parts;
  } catch (error) {
    if (error instanceof Refusal) {
      const message =
        error.kind === "too-large"
          ? `${name} cannot be read: ${error.message}, too large for a return workbook (docs/limits.md gives the limits). Check it is the right file; if it is, open it in Excel, remove unused rows, columns and pictures, and save it again.`
          : `${name} is damaged and cannot be read: ${error.message}. Open it in Excel and save a fresh copy (or ask the sender for one), then try again.`;
      throw new FileProblem(file, error.kind, message, error.message);
    }
    // Anything else here (out of memory while unpacking, a bug) is still about this file.
    throw new FileProblem(file, "damaged", `${name} could not be read: its contents are not laid out as an Excel workbook's are. Open it in Excel and save a fresh copy, then try again.`, errorText(error));
  }
}
