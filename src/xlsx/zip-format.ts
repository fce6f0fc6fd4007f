/**
 * The zip records as the zip guard reads them and both zip writers write them (PKWARE's APPNOTE,
 * section 4.3): where each field of a local header, a central directory entry and the end record
 * lies, and a writer of whole zips from their entries. One description, so the reader and the
 * writers cannot disagree. No Node APIs: the guard runs in a browser too.
 */

/**
 * A record's fields in order, as APPNOTE lists them: "name:width" with the width in bytes (2 or 4,
 * little-endian), each field starting where the one before ends.
 */
type FieldName<S extends string> = S extends `${infer Name}:${number} ${infer Rest}` ? Name | FieldName<Rest> : S extends `${infer Name}:${number}` ? Name : never;

interface Layout<K extends string = string> {
  /** The record's size in bytes, before what follows it (names, comments). */
  size: number;
  /** Each field's offset from the record's start and its width. */
  fields: Readonly<Record<K, readonly [offset: number, width: number]>>;
}

function layout<const S extends string>(spec: S): Layout<FieldName<S>> {
  const fields: Record<string, readonly [number, number]> = {};
  let size = 0;
  for (const field of spec.split(" ")) {
    const [name, width] = field.split(":") as [string, string];
    fields[name] = [size, Number(width)];
    size += Number(width);
  }
  return { size, fields: fields as Layout<FieldName<S>>["fields"] };
}

export const SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, zip64Locator: 0x07064b50 } as const;

/** Compression methods a workbook uses. */
export const METHOD = { stored: 0, deflated: 8 } as const;

/** What a local header and a central directory entry both hold about a part, in the same order. */
const ENTRY_FIELDS = "version:2 flags:2 method:2 time:2 date:2 crc:4 compressedSize:4 size:4 nameLength:2 extraLength:2";
/** A local header: 30 bytes, then the name and the extra field. */
export const LOCAL_HEADER = layout(`signature:4 ${ENTRY_FIELDS}`);
/** A central directory entry: 46 bytes, then the name, the extra field and the comment. */
export const CENTRAL_ENTRY = layout(`signature:4 madeBy:2 ${ENTRY_FIELDS} commentLength:2 disk:2 internalAttributes:2 externalAttributes:4 localOffset:4`);
/** The end of central directory record: 22 bytes, then the comment. */
export const END_RECORD = layout("signature:4 disk:2 directoryDisk:2 entriesHere:2 entries:2 directorySize:4 directoryOffset:4 commentLength:2");

/** Version 2.0 (deflate), needed to extract and the version that made the entry. */
const VERSION = 20;
/** General-purpose flag 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;

/** The fields of the record at `at`. */
export function readFields<K extends string>(view: DataView, at: number, record: Layout<K>): Record<K, number> {
  const values = {} as Record<K, number>;
  for (const [name, [offset, width]] of Object.entries(record.fields) as [K, readonly [number, number]][]) {
    values[name] = width === 2 ? view.getUint16(at + offset, true) : view.getUint32(at + offset, true);
  }
  return values;
}

/** The record's bytes with the fields given (the rest 0), followed by `tail`. */
function recordBytes<K extends string>(record: Layout<K>, values: Partial<Record<K, number>>, tail: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(record.size + tail.length);
  const view = new DataView(out.buffer);
  for (const [name, value] of Object.entries(values) as [K, number][]) {
    const [offset, width] = record.fields[name];
    if (width === 2) view.setUint16(offset, value, true);
    else view.setUint32(offset, value, true);
  }
  out.set(tail, record.size);
  return out;
}

/** One entry of a zip to write: its name (UTF-8), its data as stored in the zip, and what the headers say about it. */
export interface ZipEntry {
  name: Uint8Array;
  /** The bytes in the zip: the data itself when stored, its raw deflate stream when deflated. */
  body: Uint8Array;
  method: number;
  /** The MS-DOS time and date words (0 for none). */
  time: number;
  date: number;
  crc: number;
  /** The size of the data unpacked. */
  size: number;
}

/** The fields a local header and a central directory entry both hold. */
function entryFields(e: ZipEntry) {
  return { version: VERSION, flags: UTF8_NAMES, method: e.method, time: e.time, date: e.date, crc: e.crc, compressedSize: e.body.length, size: e.size, nameLength: e.name.length };
}

/** A zip of the entries, in the order given: each local header and body, the central directory, the end record. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const pieces: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const header = recordBytes(LOCAL_HEADER, { signature: SIGNATURE.local, ...entryFields(e) }, e.name);
    directory.push(recordBytes(CENTRAL_ENTRY, { signature: SIGNATURE.central, madeBy: VERSION, ...entryFields(e), localOffset: offset }, e.name));
    pieces.push(header, e.body);
    offset += header.length + e.body.length;
  }
  const directorySize = directory.reduce((sum, d) => sum + d.length, 0);
  const end = recordBytes(END_RECORD, { signature: SIGNATURE.end, entriesHere: entries.length, entries: entries.length, directorySize, directoryOffset: offset });
  return concat([...pieces, ...directory, end], offset + directorySize + end.length);
}

function concat(pieces: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
