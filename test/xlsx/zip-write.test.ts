/**
 * The zip writer's chunked parts (src/xlsx/zip-write.ts's ParallelZip) and the chunk writer of
 * large sheets (src/xlsx/xml-chunks.ts): a part deflated chunk by chunk on the thread pool is one
 * valid deflate stream that unzips (by Node's zlib and by fflate) to exactly the joined chunks,
 * and the bytes do not depend on when each chunk started deflating.
 */
import { crc32, inflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { ParallelZip, zipParts } from "../../src/xlsx/zip-write";
import { partBytes, type ZipPart } from "../../src/xlsx/zip-store";
import { XmlChunks } from "../../src/xlsx/xml-chunks";

const decoder = new TextDecoder();

/** Pseudo-random but fixed text of `n` characters, some of them beyond ASCII. */
function text(n: number, seed: number): string {
  const pieces = ['<c r="A1" s="3"><v>', "42", "</v></c>", "£", "é", "😀", "Bench Homes ", "\u00a0"];
  let out = "";
  let x = seed;
  while (out.length < n) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += pieces[x % pieces.length]!;
  }
  return out;
}

describe("XmlChunks", () => {
  it("writes text, ASCII or not, as UTF-8 across chunk boundaries", () => {
    const made: Uint8Array[] = [];
    const w = new XmlChunks((chunk) => made.push(chunk));
    const written: string[] = [];
    for (let i = 0; i < 400; i++) {
      const t = text(1 + ((i * 7919) % 20_000), i);
      written.push(t);
      w.text(t);
    }
    const chunks = w.finish();
    expect(chunks.length).toBeGreaterThan(2);
    expect(made).toEqual(chunks);
    expect(decoder.decode(partBytes({ name: "x", data: chunks }))).toBe(written.join(""));
  });

  it("writes every number exactly as String() does", () => {
    const values = [0, -0, 1, 9, 10, 99, 100, 12_345, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1e21, -1, -12.5, 0.1, 1 / 3, 123_456.789, 5e-7, Number.MAX_VALUE];
    const w = new XmlChunks();
    for (const v of values) {
      w.number(v);
      w.text(",");
    }
    expect(decoder.decode(partBytes({ name: "x", data: w.finish() }))).toBe(values.map((v) => `${String(v)},`).join(""));
  });
});

describe("ParallelZip", () => {
  const chunks = Array.from({ length: 5 }, (_, i) => new TextEncoder().encode(text(300_000 + i * 1000, i)));
  const parts: ZipPart[] = [
    { name: "[Content_Types].xml", data: new TextEncoder().encode("<Types/>") },
    { name: "xl/worksheets/sheet1.xml", data: chunks },
    { name: "empty.xml", data: new Uint8Array(0) },
  ];

  it("writes a chunked part that unzips to its chunks joined, as one entry", async () => {
    const zip = new ParallelZip();
    for (const chunk of chunks.slice(0, 3)) zip.start(chunk);
    const bytes = await zip.zip(parts);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(parts.map((p) => p.name));
    expect(Buffer.from(files["xl/worksheets/sheet1.xml"]!).equals(Buffer.from(partBytes(parts[1]!)))).toBe(true);
    expect(files["empty.xml"]!.length).toBe(0);
  });

  it("gives the same bytes whenever each chunk started deflating", async () => {
    const early = new ParallelZip();
    for (const chunk of chunks) early.start(chunk);
    const a = await early.zip(parts);
    const b = await new ParallelZip().zip(parts);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("ends the chunked part's deflate data with a final block that zlib accepts as the end, and records the CRC of the whole part", async () => {
    const bytes = await new ParallelZip().zip([{ name: "a.xml", data: chunks }]);
    // The local header: 30 bytes and the name; then the deflate data up to the central directory.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const packedSize = view.getUint32(18, true);
    const packed = bytes.subarray(30 + "a.xml".length, 30 + "a.xml".length + packedSize);
    expect(view.getUint32(14, true)).toBe(crc32(partBytes({ name: "a.xml", data: chunks })));
    expect(Array.from(packed.subarray(packed.length - 2))).toEqual([0x03, 0x00]);
    // zlib's finishFlush default (Z_FINISH) throws on a stream with no final block.
    expect(Buffer.from(inflateRawSync(packed)).equals(Buffer.from(partBytes({ name: "a.xml", data: chunks })))).toBe(true);
  });

  it("zips a part in one buffer as zipParts does", async () => {
    const whole: ZipPart[] = [{ name: "a.xml", data: partBytes({ name: "a.xml", data: chunks }) }];
    expect(Buffer.from(await new ParallelZip().zip(whole)).equals(Buffer.from(zipParts(whole)))).toBe(true);
  });
});
