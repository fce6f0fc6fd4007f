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
import { formatCount as count } from "../core/format";
import { fileTooLargeMessage, LIMITS, MAX_COLUMN, MAX_ROW, megabytes } from "./limits";
import { partKey, sheetNamesByPart } from "./package-xml";
import { errorText, FileProblem, unreadableContentsMessage } from "./problem";
import { CENTRAL_ENTRY, END_RECORD, LOCAL_HEADER, METHOD, readFields, SIGNATURE, writeZip } from "./zip-format";

export { browserInflater, fflateInflater, InflatedTooLarge, nodeInflater, streamInflater, type Inflater } from "./inflaters";

/** A part as the zip's central directory records it. */
export interface Entry {
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


/** Names a part for a message: "sheet 'Measures'" when the package says which sheet it is, else "the part xl/...". */
type Label = (part: string) => string;

class Refusal extends Error {
  constructor(
    readonly kind: "damaged" | "too-large",
    message: string,
    /** What was found, e.g. "one merged range on sheet 'Measures' covers the whole of column B". */
    readonly found?: (label: Label) => string,
    /** The next step, fitting the cause. */
    readonly advice?: (label: Label) => string,
  ) {
    super(message);
  }
}

function damaged(why: string): Refusal {
  return new Refusal("damaged", why);
}

function tooLarge(why: string, found?: (label: Label) => string, advice?: (label: Label) => string): Refusal {
  return new Refusal("too-large", why, found, advice);
}

const ASK_SENDER = () => "Ask the sender for a fresh copy saved from Excel.";
const CHECK_FILE = () => "Check it is the right file.";

/** The next step for a part that is too large, by what the part is. */
function adviceForPart(part: string): (label: Label) => string {
  if (/\/media\/|\.(png|jpe?g|gif|emf|wmf|bmp|tiff?)$/i.test(part)) return () => "Check it is the right file; if it is, open it in Excel, remove or compress the large pictures (Picture Format > Compress Pictures) and save it again.";
  if (/\/embeddings\//i.test(part)) return () => "Check it is the right file; if it is, open it in Excel, remove the embedded files the return does not need and save it again.";
  if (/worksheets\//i.test(part)) return (label) => `Check it is the right file; if it is, open it in Excel, delete the empty rows and columns around the data on ${label(part)} and save it again.`;
  return () => "Check it is the right file; if it is, open it in Excel, delete what the return does not need and save it again.";
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

/** The parts the zip's central directory lists, checked (throws when it is damaged, zip64 or past LIMITS.parts). */
export function readDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw damaged("it is too short to be a workbook");
  const end = findEndRecord(bytes, view);
  if (end >= 20 && view.getUint32(end - 20, true) === SIGNATURE.zip64Locator) throw tooLarge("it uses the zip64 format, which only files of more than 4 GB need", undefined, CHECK_FILE);
  const { disk, directoryDisk, entriesHere, entries, directorySize, directoryOffset } = readFields(view, end, END_RECORD);
  if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw tooLarge("it uses the zip64 format, which only files of more than 4 GB need", undefined, CHECK_FILE);
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entries) throw damaged("it is one piece of a zip split over several files");
  if (entries > LIMITS.parts) throw tooLarge(`it holds more than ${count(LIMITS.parts)} parts`, () => `it holds ${count(entries)}`, CHECK_FILE);
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
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw tooLarge("it uses the zip64 format, which only files of more than 4 GB need", undefined, CHECK_FILE);
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
  if (total > LIMITS.totalBytes) {
    const largest = entries.reduce((a, b) => (b.size > a.size ? b : a));
    throw tooLarge(`it expands to more than ${megabytes(LIMITS.totalBytes)}`, (label) => `its largest part, ${label(largest.name)}, unpacks to ${megabytes(largest.size)}`, adviceForPart(largest.name));
  }
  for (const entry of entries) {
    if (entry.size > LIMITS.partBytes) {
      throw tooLarge(`a part (${shown(entry.name)}) expands to more than ${megabytes(LIMITS.partBytes)}`, (label) => `that is ${label(entry.name)}, at ${megabytes(entry.size)}`, adviceForPart(entry.name));
    }
    if (entry.method === 0 && entry.size !== entry.compressedSize) throw damaged(`a part (${shown(entry.name)}) has the wrong size`);
    if (entry.size > LIMITS.ratioFloorBytes && entry.size > LIMITS.ratio * Math.max(1, entry.compressedSize)) {
      throw tooLarge(`a part (${shown(entry.name)}) expands more than ${LIMITS.ratio} times, far more than workbook contents do`, undefined, ASK_SENDER);
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
    if (error instanceof InflatedTooLarge) throw tooLarge(`a part (${shown(entry.name)}) expands to more than the size the file records for it`, undefined, ASK_SENDER);
    throw damaged(`a part (${shown(entry.name)}) cannot be unpacked`);
  }
  if (data.length !== entry.size) throw damaged(`a part (${shown(entry.name)}) is not the size the file records for it`);
  return data;
}

// --- Scanning the XML ---------------------------------------------------------------------------

/** One range a part claims, kept when it is the largest of its kind so far (to name in a refusal). */
interface Claim {
  part: string;
  ref: string;
  area: number;
  /** A defined name's or table's name. */
  name?: string;
}

interface Counts {
  cells: number;
  rows: number;
  elements: number;
}

interface Tally {
  elements: number;
  cells: number;
  rows: number;
  strings: number;
  expanded: number;
  /** The part being scanned, and what each part scanned so far holds. */
  part: string;
  here: Counts;
  byPart: Map<string, Counts>;
  /** The largest merged range, data validation and defined name seen. */
  merge?: Claim;
  validation?: Claim;
  definedName?: Claim;
}

function newTally(): Tally {
  return { elements: 0, cells: 0, rows: 0, strings: 0, expanded: 0, part: "", here: { cells: 0, rows: 0, elements: 0 }, byPart: new Map() };
}

const LT = 0x3c;

function isNameEnd(byte: number | undefined): boolean {
  return byte === undefined || byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x2f || byte === 0x3e;
}

const SINGLE_BYTE = new TextDecoder("latin1");

/** Bytes as single-byte text (one character a byte: the names and references looked for are ASCII), without Node's Buffer. */
function latin1(data: Uint8Array, start: number, end: number): string {
  return SINGLE_BYTE.decode(data.subarray(start, end));
}

/** The text of the tag starting at `p` (up to its '>', at most 64 KB). */
function tagText(data: Uint8Array, p: number): string {
  const close = data.indexOf(0x3e, p);
  const end = close < 0 ? Math.min(data.length, p + 65_536) : Math.min(close, p + 65_536);
  return latin1(data, p, end);
}

const attributePatterns = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`)));
  return pattern.exec(tag)?.[1];
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

const CELL_REF = /^\$?([A-Za-z]{1,4})\$?(\d{1,8})$/;

interface Area {
  ref: string;
  area: number;
  columns: [number, number];
  rows: [number, number];
}

/** The cells each A1 range in the text covers (full ranges and single cells; whole rows and columns are not expanded by the reader). */
function rangeAreas(text: string, what: string): Area[] {
  const areas: Area[] = [];
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
    const columns: [number, number] = [Math.min(c1, c2), Math.max(c1, c2)];
    const rows: [number, number] = [Math.min(r1, r2), Math.max(r1, r2)];
    areas.push({ ref: match[0], area: (rows[1] - rows[0] + 1) * (columns[1] - columns[0] + 1), columns, rows });
  }
  return areas;
}

function columnLetters(n: number): string {
  let out = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

/** What a range covers, in words: "the whole sheet", "the whole of column B", "rows 1 to 3", "A1:Z50000 (1,300,000 cells)". */
export function rangeWords(ref: string): string {
  const range = rangeAreas(ref, "a range")[0];
  if (!range) return shown(ref);
  const [c1, c2] = range.columns;
  const [r1, r2] = range.rows;
  const allRows = r1 === 1 && r2 === MAX_ROW;
  const allColumns = c1 === 1 && c2 === MAX_COLUMN;
  if (allRows && allColumns) return "the whole sheet";
  if (allRows) return c1 === c2 ? `the whole of column ${columnLetters(c1)}` : `the whole of columns ${columnLetters(c1)} to ${columnLetters(c2)}`;
  if (allColumns) return r1 === r2 ? `the whole of row ${r1}` : `the whole of rows ${count(r1)} to ${count(r2)}`;
  return `${shown(ref.replace(/\$/g, ""))} (${count(range.area)} cells)`;
}

/** Keeps the larger of two claims. */
function larger(kept: Claim | undefined, claim: Claim): Claim {
  return kept && kept.area >= claim.area ? kept : claim;
}

/** The part holding the most of `key`, counting the part being scanned (which may hold more than counted so far: "or more"). */
function busiest(tally: Tally, key: keyof Counts, partial = true): [string, string] {
  let best: [string, number, boolean] = [tally.part, tally.here[key], partial];
  for (const [part, counts] of tally.byPart) if (counts[key] > best[1]) best = [part, counts[key], false];
  return [best[0], `${count(best[1])}${best[2] ? " or more" : ""}`];
}


const tooManyCellsWords = () => `it holds more than ${count(LIMITS.cells)} cells`;

/** Too many cells: blame one huge merged range if there is one, else the sheet with the most cells. */
function tooManyCells(tally: Tally): Refusal {
  const merge = tally.merge;
  if (merge && merge.area >= LIMITS.cells / 2) {
    return tooLarge(
      `${tooManyCellsWords()} (counting merged ranges)`,
      (label) => `one merged range on ${label(merge.part)} covers ${rangeWords(merge.ref)}`,
      (label) => `Open it in Excel, unmerge that range on ${label(merge.part)} (Home > Merge & Center) and save it again.`,
    );
  }
  const [part, cells] = busiest(tally, "cells");
  return tooLarge(tooManyCellsWords(), (label) => `${label(part)} has ${cells} cells in use`, (label) => `Check it is the right file; if it is, open it in Excel, delete the rows and columns on ${label(part)} that the return does not use and save it again.`);
}

/** Too many cells under validations and names: blame the largest of either. */
function tooManyExpanded(tally: Tally): Refusal {
  const why = `it holds more than ${count(LIMITS.expandedCells)} cells under data validation or named ranges`;
  const { validation, definedName } = tally;
  if (validation && (!definedName || validation.area >= definedName.area)) {
    return tooLarge(
      why,
      (label) => `one data validation on ${label(validation.part)} covers ${rangeWords(validation.ref)}`,
      () => "Open it in Excel, remove that validation or limit it to the cells the return uses (Data > Data Validation) and save it again.",
    );
  }
  if (definedName) {
    return tooLarge(why, () => `the name '${shown(definedName.name ?? "")}' covers ${rangeWords(definedName.ref)}`, () => "Open it in Excel, delete that name or narrow it to the cells it needs (Formulas > Name Manager) and save it again.");
  }
  return tooLarge(why);
}

/** The elements whose attributes the scan looks into, as bytes. */
const WATCHED = ["dimension", "table", "mergeCell", "dataValidation", "definedName", "col"].map((name) => [name, new TextEncoder().encode(name)] as const);

/** Which watched element the name at data[start, end) is, if any (compared as bytes: no string is made for the others). */
function watchedName(data: Uint8Array, start: number, end: number): string | undefined {
  for (const [name, bytes] of WATCHED) {
    if (bytes.length !== end - start) continue;
    let i = 0;
    while (i < bytes.length && data[start + i] === bytes[i]) i++;
    if (i === bytes.length) return name;
  }
  return undefined;
}

/**
 * Counts what matters in one XML part, refusing as soon as a limit is passed. Jumps from '<' to
 * '<' with indexOf (native speed); only the few element kinds that claim ranges are looked into.
 */
function scanXml(data: Uint8Array, tally: Tally): void {
  let elements = 0;
  const here = tally.here;
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
      here.cells++;
      if (++tally.cells > LIMITS.cells) throw tooManyCells(tally);
      continue;
    }
    if (first === 0x72 /* r */ && data[s + 1] === 0x6f && data[s + 2] === 0x77 && isNameEnd(data[s + 3])) {
      here.rows++;
      if (++tally.rows > LIMITS.rows) {
        const [part, rows] = busiest(tally, "rows");
        throw tooLarge(
          `it holds more than ${count(LIMITS.rows)} rows`,
          (label) => `${label(part)} has ${rows} rows in use`,
          (label) => `Check it is the right file; if it is, open it in Excel, delete the empty rows below the data on ${label(part)} and save it again.`,
        );
      }
      continue;
    }
    if (first === 0x73 /* s */ && data[s + 1] === 0x69 && isNameEnd(data[s + 2])) {
      if (++tally.strings > LIMITS.strings) throw tooLarge(`it holds more than ${count(LIMITS.strings)} pieces of text`, undefined, () => "Check it is the right file; if it is, open it in Excel, delete the sheets and text the return does not need and save it again.");
      continue;
    }
    if (first !== 0x6d && first !== 0x64 && first !== 0x74 && first !== 0x63) continue; // m, d, t, c
    let q = s;
    while (q < data.length && q - s < 40 && !isNameEnd(data[q])) q++;
    switch (watchedName(data, s, q)) {
      case "dimension": {
        const ref = attribute(tagText(data, p), "ref") ?? "";
        const part = tally.part;
        for (const { area } of rangeAreas(ref, "a sheet's used range")) {
          if (area <= LIMITS.claimedCells) continue;
          throw tooLarge(
            `a sheet's used range ${shown(ref)} covers more than ${count(LIMITS.claimedCells)} cells`,
            (label) => `the used range of ${label(part)} covers ${rangeWords(ref)}`,
            (label) => `Open it in Excel, delete the unused rows and columns on ${label(part)} (select them, then Delete) and save it again.`,
          );
        }
        break;
      }
      case "table": {
        const tag = tagText(data, p);
        const ref = attribute(tag, "ref") ?? "";
        const table = attribute(tag, "displayName") ?? attribute(tag, "name") ?? "";
        for (const { area } of rangeAreas(ref, "a table's range")) {
          if (area <= LIMITS.claimedCells) continue;
          throw tooLarge(
            `a table's range ${shown(ref)} covers more than ${count(LIMITS.claimedCells)} cells`,
            () => `table '${shown(table)}' covers ${rangeWords(ref)}`,
            () => `Open it in Excel, resize table '${shown(table)}' to its data (Table Design > Resize Table) and save it again.`,
          );
        }
        break;
      }
      case "mergeCell": {
        const ref = attribute(tagText(data, p), "ref") ?? "";
        for (const range of rangeAreas(ref, "a merged range")) {
          tally.merge = larger(tally.merge, { part: tally.part, ref: range.ref, area: range.area });
          tally.cells += range.area;
          if (range.area > LIMITS.claimedCells || tally.cells > LIMITS.cells) throw tooManyCells(tally);
        }
        break;
      }
      case "dataValidation": {
        const ref = attribute(tagText(data, p), "sqref") ?? "";
        for (const range of rangeAreas(ref, "a data validation range")) {
          tally.validation = larger(tally.validation, { part: tally.part, ref: range.ref, area: range.area });
          tally.expanded += range.area;
          if (tally.expanded > LIMITS.expandedCells) throw tooManyExpanded(tally);
        }
        break;
      }
      case "definedName": {
        const close = data.indexOf(LT, p + 1);
        const text = latin1(data, p, close < 0 ? Math.min(data.length, p + 65_536) : Math.min(close, p + 65_536));
        const body = text.slice(text.indexOf(">") + 1);
        const definedName = attribute(text.slice(0, text.indexOf(">") + 1), "name") ?? "";
        for (const range of rangeAreas(body, "defined name")) {
          tally.definedName = larger(tally.definedName, { part: tally.part, ref: range.ref, area: range.area, name: definedName });
          tally.expanded += range.area;
          if (tally.expanded > LIMITS.expandedCells) throw tooManyExpanded(tally);
        }
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
  here.elements = elements;
  tally.elements += elements;
  if (tally.elements > LIMITS.elements) {
    const [part, most] = busiest(tally, "elements", false);
    throw tooLarge(`it holds more than ${count(LIMITS.elements)} XML elements`, (label) => `${label(part)} holds ${most} of them`, adviceForPart(part));
  }
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

/** The small parts that say which sheet is which are unpacked for a refusal's message only if at most this size. */
const NAMING_PART_BYTES = 1024 * 1024;

/**
 * Names parts for a refusal: "sheet 'Measures'" for a worksheet part (found through the package's
 * relationships), else "the part xl/...". Never throws.
 */
async function partLabels(bytes: Uint8Array, entries: readonly Entry[], inflate: Inflater): Promise<Label> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byKey = new Map(entries.map((e) => [partKey(e.name), e] as const));
  const sheets = await sheetNamesByPart(async (name) => {
    const entry = byKey.get(partKey(name));
    if (!entry || entry.size > NAMING_PART_BYTES) return undefined;
    return unpack(bytes, view, entry, bytes.length, inflate).catch(() => undefined);
  });
  return (part) => {
    const sheet = sheets.get(partKey(part));
    return sheet === undefined ? `the part ${shown(part)}` : `sheet '${shown(sheet)}'`;
  };
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
  if (bytes.length > LIMITS.fileBytes) throw new FileProblem(file, "too-large", fileTooLargeMessage(file, bytes.length));
  let entries: Entry[] = [];
  try {
    entries = readDirectory(bytes);
    checkSizes(entries);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const dataEnd = bytes.length;
    const tally = newTally();
    const parts: Part[] = [];
    for (const entry of entries) {
      if (entry.name.endsWith("/")) continue; // a folder
      const data = await unpack(bytes, view, entry, dataEnd, inflate);
      if (isXml(entry.name)) {
        tally.part = entry.name;
        tally.here = { cells: 0, rows: 0, elements: 0 };
        scanXml(data, tally);
        tally.byPart.set(entry.name, tally.here);
      }
      parts.push({ name: entry.name, crc: entry.crc, data });
    }
    return parts;
  } catch (error) {
    if (error instanceof Refusal && error.kind === "too-large") {
      const label = await partLabels(bytes, entries, inflate);
      const found = error.found ? `: ${error.found(label)}` : "";
      const advice = (error.advice ?? adviceForPart(""))(label);
      throw new FileProblem(file, "too-large", `${name} cannot be read: ${error.message}, too large for a return workbook (docs/limits.md gives the limits)${found}. ${advice}`, error.message);
    }
    if (error instanceof Refusal) {
      throw new FileProblem(file, "damaged", `${name} is damaged and cannot be read: ${error.message}. Open it in Excel and save a fresh copy (or ask the sender for one), then try again.`, error.message);
    }
    // Anything else here (out of memory while unpacking, a bug) is still about this file.
    throw new FileProblem(file, "damaged", unreadableContentsMessage(file), errorText(error));
  }
}
