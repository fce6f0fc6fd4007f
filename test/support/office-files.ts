/**
 * Office files built byte by byte for the file-type tests: an OLE2 compound file ([MS-CFB],
 * version 3) with the streams named, a pre-OLE Excel 2.x-4.0 BIFF file, Excel's `~$` lock file,
 * and Office Open XML packages from their parts.
 */
import { zipOf } from "./hostile-files";

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;
const SECTOR = 512;

/**
 * A compound file holding these streams under its root, each `streamBytes` long (at least 4,096,
 * so each lives in ordinary sectors and no mini stream is needed). Sector 0 is the allocation
 * table, then the directory, then each stream; the root's children are chained by right siblings.
 */
export function compoundFile(streamNames: readonly string[], streamBytes = 4096): Buffer {
  const entries = ["Root Entry", ...streamNames];
  const directorySectors = Math.ceil(entries.length / (SECTOR / 128));
  const sectorsPerStream = Math.ceil(streamBytes / SECTOR);
  const totalSectors = 1 + directorySectors + streamNames.length * sectorsPerStream;
  if (totalSectors > SECTOR / 4) throw new Error("too many sectors for one allocation table sector");

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // allocation table sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 0x3c); // no mini allocation table
  header.writeUInt32LE(END_OF_CHAIN, 0x44); // no DIFAT sectors
  header.writeUInt32LE(0, 0x4c); // the allocation table is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 0x4c + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  for (let s = 1; s <= directorySectors; s++) fat.writeUInt32LE(s === directorySectors ? END_OF_CHAIN : s + 1, s * 4);
  const streamStart = (i: number) => 1 + directorySectors + i * sectorsPerStream;
  streamNames.forEach((_, i) => {
    for (let k = 0; k < sectorsPerStream; k++) {
      const s = streamStart(i) + k;
      fat.writeUInt32LE(k === sectorsPerStream - 1 ? END_OF_CHAIN : s + 1, s * 4);
    }
  });

  const directory = Buffer.alloc(directorySectors * SECTOR);
  entries.forEach((name, id) => {
    const at = id * 128;
    const encoded = Buffer.from(`${name}\0`, "utf16le");
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 0x40);
    directory.writeUInt8(id === 0 ? 5 : 2, at + 0x42); // root, or stream
    directory.writeUInt8(1, at + 0x43); // black
    directory.writeUInt32LE(NO_STREAM, at + 0x44); // left sibling
    directory.writeUInt32LE(id > 0 && id < entries.length - 1 ? id + 1 : NO_STREAM, at + 0x48); // right sibling
    directory.writeUInt32LE(id === 0 && entries.length > 1 ? 1 : NO_STREAM, at + 0x4c); // child
    directory.writeUInt32LE(id === 0 ? END_OF_CHAIN : streamStart(id - 1), at + 0x74); // first sector
    directory.writeUInt32LE(id === 0 ? 0 : streamBytes, at + 0x78); // size
  });
  for (let id = entries.length; id < directorySectors * 4; id++) {
    for (const field of [0x44, 0x48, 0x4c]) directory.writeUInt32LE(NO_STREAM, id * 128 + field);
  }
  const streams = Buffer.alloc(streamNames.length * sectorsPerStream * SECTOR, 0x41);
  return Buffer.concat([header, fat, directory, streams]);
}

/** An Excel 2.x (2), 3.0 (3) or 4.0 (4) worksheet: a BIFF beginning-of-file record, a cell, the end-of-file record. */
export function biffFile(version: 2 | 3 | 4): Buffer {
  const bof = version === 2 ? Buffer.from([0x09, 0x00, 0x04, 0x00, 0x02, 0x00, 0x10, 0x00]) : Buffer.from([0x09, version === 3 ? 0x02 : 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00]);
  const number = Buffer.from([0x03, 0x00, 0x0f, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0]); // NUMBER: A1 = 1
  const eof = Buffer.from([0x0a, 0x00, 0x00, 0x00]);
  return Buffer.concat([bof, number, eof]);
}

/** Excel's owner file for an open workbook: 165 bytes, the user's name twice (ANSI, then UTF-16), padded with spaces. */
export function lockFile(user: string): Buffer {
  const out = Buffer.alloc(165, 0x20);
  out[0] = user.length;
  Buffer.from(user, "latin1").copy(out, 1);
  out.writeUInt16LE(user.length, 55);
  const wide = Buffer.from(user, "utf16le");
  wide.copy(out, 57);
  for (let p = 57 + wide.length; p + 1 < out.length; p += 2) out.writeUInt16LE(0x20, p);
  return out;
}

/** A zip of these parts (text or bytes), deflated, as Office writes packages. */
export function packageOf(parts: Readonly<Record<string, string | Uint8Array>>): Buffer {
  return zipOf(Object.entries(parts).map(([name, body]) => ({ name, data: Buffer.from(body), deflate: true })));
}

export const CONTENT_TYPE = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  xlsb: "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
} as const;

/** `[Content_Types].xml` with the main part's type overridden. */
export function contentTypes(mainPart: string, mainType: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${mainPart}" ContentType="${mainType}"/>${extra}</Types>`;
}

/** `_rels/.rels` naming the main part (Transitional, or Strict Open XML's relationship type). */
export function packageRels(mainPart: string, strict = false): string {
  const type = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${type}" Target="${mainPart}"/></Relationships>`;
}
