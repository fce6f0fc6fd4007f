/**
 * Small generators of hostile .xlsx files, made inside the tests (never committed): zip bombs,
 * files that lie about their sizes, sheets and tables that claim the whole grid, broken zips and
 * broken XML. Each is written from the parts of a real workbook with one part replaced, by a
 * tiny zip writer of our own, so a test can put in the zip exactly what a stranger could.
 */
import { Readable } from "node:stream";
import { createDeflateRaw, deflateRawSync } from "node:zlib";
import { Workbook } from "exceljs";
import JSZip from "jszip";

export interface ZipPart {
  name: string;
  /** Uncompressed contents (stored, or deflated when `deflate` is set). */
  data?: Buffer;
  deflate?: boolean;
  /** Already-deflated contents and the size they expand to. */
  deflated?: { data: Buffer; size: number };
  /** Sizes to record instead of the true ones (to lie). */
  recordSize?: number;
  /** General-purpose flags to record (bit 0: encrypted). */
  flags?: number;
  method?: number;
}

/** A zip file of the parts, written byte by byte (CRCs left 0: readers do not check them). */
export function zipOf(parts: readonly ZipPart[], options: { trailing?: Buffer } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    let body: Buffer;
    let size: number;
    let method = part.method ?? 0;
    if (part.deflated) {
      body = part.deflated.data;
      size = part.deflated.size;
      method = part.method ?? 8;
    } else if (part.deflate) {
      body = deflateRawSync(part.data ?? Buffer.alloc(0));
      size = part.data?.length ?? 0;
      method = part.method ?? 8;
    } else {
      body = part.data ?? Buffer.alloc(0);
      size = body.length;
    }
    const recorded = part.recordSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(recorded, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(recorded, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end, options.trailing ?? Buffer.alloc(0)]);
}

/** Deflates `head`, `chunk` repeated `times` times, then `tail`, without holding the whole text in memory. */
export async function deflateRepeated(head: string, chunk: string, times: number, tail: string): Promise<{ data: Buffer; size: number }> {
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor(65_536 / chunk.length))));
  const perBlock = block.length / chunk.length;
  const blocks = Math.floor(times / perBlock);
  const rest = Buffer.from(chunk.repeat(times - blocks * perBlock));
  function* pieces(): Generator<Buffer> {
    yield Buffer.from(head);
    for (let i = 0; i < blocks; i++) yield block;
    yield rest;
    yield Buffer.from(tail);
  }
  const out: Buffer[] = [];
  const deflate = createDeflateRaw({ level: 1 });
  deflate.on("data", (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  Readable.from(pieces()).pipe(deflate);
  await done;
  return { data: Buffer.concat(out), size: Buffer.byteLength(head) + block.length * blocks + rest.length + Buffer.byteLength(tail) };
}

/** The parts of a small real workbook (one sheet "Return" with a table), as exceljs writes it. */
export async function workbookParts(): Promise<ZipPart[]> {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("Return");
  ws.addTable({ name: "ReturnDetails", ref: "A1", headerRow: true, columns: [{ name: "Field" }, { name: "Value" }], rows: [["Organisation", "Riverside"]] });
  const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  const parts: ZipPart[] = [];
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) parts.push({ name: entry.name, data: await entry.async("nodebuffer"), deflate: true });
  }
  return parts;
}

export const SHEET = "xl/worksheets/sheet1.xml";
export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = "</sheetData></worksheet>";

/** The workbook's parts with some replaced (by name) or added. */
export async function workbookWith(replace: Record<string, ZipPart | string>): Promise<Buffer> {
  const parts = await workbookParts();
  const out = parts.map((p) => {
    const r = replace[p.name];
    if (r === undefined) return p;
    return typeof r === "string" ? { name: p.name, data: Buffer.from(r), deflate: true } : { ...r, name: p.name };
  });
  for (const [name, r] of Object.entries(replace)) {
    if (!parts.some((p) => p.name === name)) out.push(typeof r === "string" ? { name, data: Buffer.from(r), deflate: true } : { ...r, name });
  }
  return zipOf(out);
}

/** The text of a part of the small workbook, to edit. */
export async function partText(name: string): Promise<string> {
  const part = (await workbookParts()).find((p) => p.name === name);
  if (!part?.data) throw new Error(`no part ${name}`);
  return part.data.toString("utf8");
}
