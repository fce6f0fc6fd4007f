/**
 * The directory of an OLE2 compound file (Microsoft's Compound File Binary format, [MS-CFB]): the
 * container of .xls (Excel 5.0 to 2003), .doc, and of a password-protected .xlsx. Only the names of
 * the streams and storages directly under the root are read - enough to say what the file is (a
 * "Workbook" stream is an Excel 97-2003 workbook, "Book" an Excel 5.0/95 one, "EncryptedPackage" an
 * encrypted Office Open XML file, "WordDocument" a Word document). Every size and sector number in
 * the file is untrusted: each is checked against the file's length, and every chain and tree walk
 * is bounded and refuses a loop. No Node APIs: this runs in a browser too.
 */

/** Thrown when the bytes start like a compound file but its header or directory is broken. */
export class BrokenCompoundFile extends Error {
  constructor(why: string) {
    super(why);
    this.name = "BrokenCompoundFile";
  }
}

export const COMPOUND_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** Special sector numbers ([MS-CFB] 2.1). */
const SECTOR = { free: 0xffffffff, endOfChain: 0xfffffffe, fat: 0xfffffffd, difat: 0xfffffffc, maxRegular: 0xfffffffa } as const;
/** Directory entry types ([MS-CFB] 2.6.1). */
const ENTRY_TYPE = { storage: 1, stream: 2, root: 5 } as const;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT = 109;
const ENTRY_SIZE = 128;

const broken = (why: string) => new BrokenCompoundFile(why);

/**
 * The names of the streams and storages directly under the compound file's root, in the order the
 * directory tree holds them. Throws BrokenCompoundFile when the header, allocation table or
 * directory is not laid out as [MS-CFB] says.
 */
export function compoundRootNames(bytes: Uint8Array): string[] {
  if (bytes.length < 512) throw broken("shorter than its header");
  if (!COMPOUND_SIGNATURE.every((b, i) => bytes[i] === b)) throw broken("no compound file signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  const major = u16(0x1a);
  const shift = u16(0x1e);
  if (u16(0x1c) !== 0xfffe) throw broken("wrong byte order mark");
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) throw broken("unknown version or sector size");
  const sectorSize = 1 << shift;
  // Sector n starts at (n + 1) * sectorSize; the last may be cut short by a careless writer.
  const sectorCount = Math.max(0, Math.ceil((bytes.length - sectorSize) / sectorSize));
  const sectorView = (n: number): DataView => {
    if (n > SECTOR.maxRegular || n >= sectorCount) throw broken("a sector number points past the end of the file");
    const start = (n + 1) * sectorSize;
    return new DataView(bytes.buffer, bytes.byteOffset + start, Math.min(sectorSize, bytes.length - start));
  };
  const word = (sector: DataView, index: number): number => (index * 4 + 4 <= sector.byteLength ? sector.getUint32(index * 4, true) : SECTOR.free);

  // Where the allocation table's sectors are: the first 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectorCount = u32(0x2c);
  if (fatSectorCount === 0 || fatSectorCount > sectorCount) throw broken("impossible allocation table size");
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(0x4c + i * 4));
  const perDifat = sectorSize / 4 - 1;
  const difatSeen = new Set<number>();
  for (let d = u32(0x44); fatSectors.length < fatSectorCount && d !== SECTOR.endOfChain && d !== SECTOR.free; ) {
    if (difatSeen.has(d)) throw broken("the DIFAT chain loops");
    difatSeen.add(d);
    const sector = sectorView(d);
    for (let i = 0; i < perDifat && fatSectors.length < fatSectorCount; i++) fatSectors.push(word(sector, i));
    d = word(sector, perDifat);
  }
  if (fatSectors.length < fatSectorCount) throw broken("the allocation table is incomplete");

  // The allocation table, only as far as the file has sectors (entries past the end mean nothing).
  const perSector = sectorSize / 4;
  const fat = new Uint32Array(Math.min(sectorCount, fatSectorCount * perSector));
  for (let s = 0; s < fatSectors.length; s++) {
    const sector = sectorView(fatSectors[s]!);
    for (let i = 0; i < perSector && s * perSector + i < fat.length; i++) fat[s * perSector + i] = word(sector, i);
  }

  // The directory's chain of sectors.
  const directory: DataView[] = [];
  const seen = new Set<number>();
  for (let d = u32(0x30); d !== SECTOR.endOfChain; ) {
    if (seen.has(d) || d >= fat.length) throw broken("the directory chain loops or leaves the file");
    seen.add(d);
    directory.push(sectorView(d));
    d = fat[d]!;
  }
  const perDirectorySector = sectorSize / ENTRY_SIZE;
  const entryCount = directory.length * perDirectorySector;
  const entry = (id: number) => {
    if (id >= entryCount) throw broken("a directory entry points past the directory");
    const sector = directory[Math.floor(id / perDirectorySector)]!;
    const at = (id % perDirectorySector) * ENTRY_SIZE;
    if (at + ENTRY_SIZE > sector.byteLength) throw broken("a directory entry is cut short");
    const nameBytes = sector.getUint16(at + 0x40, true);
    const nameLength = Math.max(0, Math.min(64, nameBytes) - 2);
    const name = new TextDecoder("utf-16le").decode(new Uint8Array(sector.buffer, sector.byteOffset + at, nameLength - (nameLength % 2)));
    return {
      name,
      type: sector.getUint8(at + 0x42),
      left: sector.getUint32(at + 0x44, true),
      right: sector.getUint32(at + 0x48, true),
      child: sector.getUint32(at + 0x4c, true),
    };
  };

  const root = entry(0);
  if (root.type !== ENTRY_TYPE.root) throw broken("the first directory entry is not the root");
  // The root's children form a tree linked by left and right siblings; walk it without recursion.
  const names: string[] = [];
  const visited = new Set<number>();
  const stack = root.child === NO_STREAM ? [] : [root.child];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (visited.has(id) || visited.size >= entryCount) throw broken("the directory tree loops");
    visited.add(id);
    const child = entry(id);
    if (child.type === ENTRY_TYPE.storage || child.type === ENTRY_TYPE.stream) names.push(child.name);
    if (child.right !== NO_STREAM) stack.push(child.right);
    if (child.left !== NO_STREAM) stack.push(child.left);
  }
  return names;
}
