/**
 * The zip guard's three inflaters (Node's zlib, the browser's DecompressionStream, fflate's pure
 * JavaScript for webviews without "deflate-raw") give the same bytes for every part of a real
 * return, and each refuses what the guard refuses, with the guard's words: a zip bomb, a part
 * that lies about its size (stopping at that size, not after unpacking it all), damaged data.
 * And browserInflater() picks fflate exactly when the webview cannot inflate "deflate-raw"; where
 * it can, short parts are unpacked at once by fflate and only longer ones by the stream.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { browserInflater, fflateInflater, hasDeflateRawStream, InflatedTooLarge, nodeInflater, streamInflater, type Inflater } from "../../src/xlsx/inflaters";
import { LIMITS } from "../../src/xlsx/limits";
import { FileProblem } from "../../src/xlsx/problem";
import { CENTRAL_ENTRY, END_RECORD, LOCAL_HEADER, readFields, SIGNATURE } from "../../src/xlsx/zip-format";
import { guardXlsx } from "../../src/xlsx/zip-guard";
import { requireBuiltCli, tempDir } from "../support/cli";
import { deflateRepeated, SHEET, SHEET_HEAD, SHEET_TAIL, workbookWith } from "../support/hostile-files";
import { makeReturn, makeTemplate } from "../support/returns";

jest.setTimeout(120_000);

const INFLATERS: [string, Inflater][] = [
  ["node", nodeInflater],
  ["stream", streamInflater],
  ["fflate", fflateInflater],
  // The browser's own choice where DecompressionStream has deflate-raw (Node's has): fflate at once for short parts, the stream for longer ones.
  ["browser", browserInflater()],
];

/** The deflated entries of a zip, as the guard finds them: name, packed bytes, recorded size. */
function deflatedEntries(bytes: Uint8Array): { name: string; packed: Uint8Array; size: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== SIGNATURE.end) end--;
  const { entries, directoryOffset } = readFields(view, end, END_RECORD);
  const out: { name: string; packed: Uint8Array; size: number }[] = [];
  let p = directoryOffset;
  for (let i = 0; i < entries; i++) {
    const e = readFields(view, p, CENTRAL_ENTRY);
    const name = new TextDecoder().decode(bytes.subarray(p + CENTRAL_ENTRY.size, p + CENTRAL_ENTRY.size + e.nameLength));
    p += CENTRAL_ENTRY.size + e.nameLength + e.extraLength + e.commentLength;
    const local = readFields(view, e.localOffset, LOCAL_HEADER);
    const start = e.localOffset + LOCAL_HEADER.size + local.nameLength + local.extraLength;
    if (e.method === 8) out.push({ name, packed: bytes.subarray(start, start + e.compressedSize), size: e.size });
  }
  return out;
}

let returnBytes: Uint8Array;
let cleanUp: () => void;

beforeAll(async () => {
  requireBuiltCli();
  let dir: string;
  ({ dir, cleanUp } = tempDir("inflaters"));
  makeTemplate(join(dir, "template.xlsx"));
  await makeReturn(join(dir, "template.xlsx"), join(dir, "return.xlsx"), { organisation: "Alpha Homes", code: "AL01", homes: 1000, months: 3, value: (_row, m) => 10 + m });
  returnBytes = new Uint8Array(readFileSync(join(dir, "return.xlsx")));
});

afterAll(() => cleanUp?.());

describe("the inflaters agree", () => {
  it("give identical bytes for every part of a real return", async () => {
    const entries = deflatedEntries(returnBytes);
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
    for (const entry of entries) {
      const expected = Buffer.from(nodeInflater(entry.packed, entry.size) as Uint8Array);
      expect(expected.length).toBe(entry.size);
      for (const [, inflate] of INFLATERS) expect(Buffer.from(await inflate(entry.packed, entry.size)).equals(expected)).toBe(true);
    }
  });

  it("give the guard the same checked workbook", async () => {
    const checked = await Promise.all(INFLATERS.map(([, inflate]) => guardXlsx(returnBytes, "return.xlsx", inflate)));
    for (const c of checked.slice(1)) expect(Buffer.from(c).equals(Buffer.from(checked[0]!))).toBe(true);
  });
});

describe.each(INFLATERS)("the %s inflater refuses what the guard refuses", (_name, inflate) => {
  const refusal = async (file: string, bytes: Uint8Array): Promise<FileProblem> => {
    const error = await guardXlsx(bytes, file, inflate).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileProblem);
    return error as FileProblem;
  };

  it("a zip bomb: refused before anything is unpacked", async () => {
    const bomb = await deflateRepeated(SHEET_HEAD, "<row/>", Math.ceil(LIMITS.partBytes / 6) + 10, SHEET_TAIL);
    const problem = await refusal("bomb.xlsx", await workbookWith({ [SHEET]: { name: SHEET, deflated: bomb } }));
    expect(problem).toMatchObject({ kind: "too-large", message: expect.stringMatching(/^'bomb.xlsx' cannot be read: a part \(xl\/worksheets\/sheet1.xml\) expands to more than 100 MB/) });
  });

  it("a part lying about its size: refused at that size, with the guard's message", async () => {
    const liar = await deflateRepeated(SHEET_HEAD, "<row/>", 2_000_000, SHEET_TAIL);
    const problem = await refusal("liar.xlsx", await workbookWith({ [SHEET]: { name: SHEET, deflated: { data: liar.data, size: 1000 } } }));
    expect(problem).toMatchObject({ kind: "too-large", message: expect.stringMatching(/^'liar.xlsx' cannot be read: a part \(xl\/worksheets\/sheet1.xml\) expands to more than the size the file records for it/) });
  });

  it("stops at the cap rather than unpacking everything first", async () => {
    // A bomb cut short: an inflater that unpacked it all before checking would find it damaged.
    const liar = await deflateRepeated(SHEET_HEAD, "<row/>", 20_000_000, SHEET_TAIL);
    const cut = liar.data.subarray(0, Math.floor(liar.data.length / 2));
    await expect(Promise.resolve().then(() => inflate(cut, 100_000))).rejects.toBeInstanceOf(InflatedTooLarge);
  });

  it("a short part (one slice or less packed) past its size is too large, packed or stored, and at its size is whole", async () => {
    const text = Buffer.from("<row/>".repeat(50_000));
    const packed = deflateRawSync(text);
    const stored = deflateRawSync(text.subarray(0, 5000), { level: 0 });
    expect(packed.length).toBeLessThan(8 * 1024);
    expect(stored.length).toBeLessThan(8 * 1024);
    await expect(Promise.resolve().then(() => inflate(packed, 1000))).rejects.toBeInstanceOf(InflatedTooLarge);
    await expect(Promise.resolve().then(() => inflate(packed, text.length - 1))).rejects.toBeInstanceOf(InflatedTooLarge);
    await expect(Promise.resolve().then(() => inflate(stored, 100))).rejects.toBeInstanceOf(InflatedTooLarge);
    expect(Buffer.from(await inflate(packed, text.length)).equals(text)).toBe(true);
    expect(Buffer.from(await inflate(stored, 5000)).equals(text.subarray(0, 5000))).toBe(true);
  });

  it("damaged data: the guard calls the part damaged", async () => {
    await expect(Promise.resolve().then(() => inflate(new Uint8Array([1, 2, 3, 4, 5, 250]), 100))).rejects.not.toBeInstanceOf(InflatedTooLarge);
    await expect(Promise.resolve().then(() => inflate(new Uint8Array(0), 100))).rejects.toBeDefined();
    const text = '<?xml version="1.0"?><x>hello</x>';
    const problem = await refusal("broken.xlsx", await workbookWith({ "xl/broken.xml": { name: "", deflated: { data: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]), size: text.length } } }));
    expect(problem).toMatchObject({ kind: "damaged", message: expect.stringMatching(/^'broken.xlsx' is damaged and cannot be read: a part \(xl\/broken.xml\) cannot be unpacked/) });
  });

  it("a stream that ends short of its recorded size is damaged", async () => {
    const text = Buffer.from("<row/>".repeat(1000));
    const packed = deflateRawSync(text);
    const problem = await refusal("short.xlsx", await workbookWith({ "xl/short.xml": { name: "", deflated: { data: packed, size: text.length + 10 } } }));
    expect(problem.message).toMatch(/is not the size the file records for it/);
  });
});

describe("browserInflater: the one choice for browser code", () => {
  const real = globalThis.DecompressionStream;
  afterEach(() => {
    globalThis.DecompressionStream = real;
  });
  const entry = () => deflatedEntries(returnBytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
  const expected = () => Buffer.from(nodeInflater(entry().packed, entry().size) as Uint8Array);

  it("uses DecompressionStream where the webview has deflate-raw", async () => {
    expect(hasDeflateRawStream()).toBe(true);
    expect(browserInflater()).not.toBe(fflateInflater);
    expect(Buffer.from(await browserInflater()(entry().packed, entry().size)).equals(expected())).toBe(true);
  });

  it("falls back to fflate where there is no DecompressionStream", async () => {
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
    expect(hasDeflateRawStream()).toBe(false);
    expect(browserInflater()).toBe(fflateInflater);
  });

  it("falls back to fflate where DecompressionStream lacks deflate-raw (Safari before 16.4)", () => {
    globalThis.DecompressionStream = class extends real {
      constructor(format: CompressionFormat) {
        if (format === "deflate-raw") throw new TypeError(`Unsupported compression format: '${format}'`);
        super(format);
      }
    };
    expect(hasDeflateRawStream()).toBe(false);
    expect(browserInflater()).toBe(fflateInflater);
  });

  /** DecompressionStream, counting the streams made. */
  const countingStreams = () => {
    const made = { count: 0 };
    globalThis.DecompressionStream = class extends real {
      constructor(format: CompressionFormat) {
        super(format);
        made.count++;
      }
    };
    return made;
  };
  /** A part longer than one fflate slice packed (bytes that do not compress). */
  const longPart = () => {
    const text = Buffer.concat(Array.from({ length: 1000 }, (_, i) => createHash("sha256").update(String(i)).digest()));
    const packed = deflateRawSync(text);
    expect(packed.length).toBeGreaterThan(8 * 1024);
    return { text, packed };
  };

  it("unpacks a short part at once, without a stream, and a longer one through the stream", async () => {
    const made = countingStreams();
    const inflate = browserInflater();
    made.count = 0; // hasDeflateRawStream's probe
    expect(entry().packed.length).toBeLessThan(8 * 1024);
    expect(Buffer.from(await inflate(entry().packed, entry().size)).equals(expected())).toBe(true);
    await expect(inflate(entry().packed, 100)).rejects.toBeInstanceOf(InflatedTooLarge);
    expect(made.count).toBe(0);
    const { text, packed } = longPart();
    expect(Buffer.from(await inflate(packed, text.length)).equals(text)).toBe(true);
    await expect(inflate(packed, text.length - 1)).rejects.toBeInstanceOf(InflatedTooLarge);
    expect(made.count).toBe(2);
  });

  it("gives the stream a short part fflate stops on, so only data both refuse is damaged", async () => {
    const made = countingStreams();
    const inflate = browserInflater();
    made.count = 0;
    await expect(inflate(new Uint8Array([1, 2, 3, 4, 5, 250]), 100)).rejects.not.toBeInstanceOf(InflatedTooLarge);
    expect(made.count).toBe(1);
  });

  it("asks fflate before calling a part damaged when the browser's stream fails", async () => {
    globalThis.DecompressionStream = class extends real {
      constructor(format: CompressionFormat) {
        super(format === "deflate-raw" ? "gzip" : format); // a stream that cannot read the data
      }
    };
    expect(hasDeflateRawStream()).toBe(true);
    expect(Buffer.from(await browserInflater()(entry().packed, entry().size)).equals(expected())).toBe(true);
    // The cap still holds.
    await expect(browserInflater()(entry().packed, 100)).rejects.toBeInstanceOf(InflatedTooLarge);
    // A longer part, which goes to the stream first.
    const { text, packed } = longPart();
    expect(Buffer.from(await browserInflater()(packed, text.length)).equals(text)).toBe(true);
    await expect(browserInflater()(packed, 100)).rejects.toBeInstanceOf(InflatedTooLarge);
  });
});
