/**
 * The Collate worker's reading of a chosen file, in a webview without DecompressionStream (Safari
 * and other WebKit before 16.4): the same real return gives the same Submission as with the
 * browser's stream and as the command line's reading with Node's zlib. A file is never called
 * damaged because of the webview it was opened in.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { readAhead, readChosenFile, readLastYearFile } from "../../src/collate-worker/read-file";
import { analyseReturn } from "../../src/core/checks";
import { summariseReturn } from "../../src/core/summary";
import { submissionFromSnapshot } from "../../src/core/collate/submission";
import { LIMITS } from "../../src/xlsx/limits";
import { loadWorkbook } from "../../src/xlsx/load";
import { readSnapshot } from "../../src/xlsx/read";
import { sha256 } from "../../src/xlsx/sector";
import { requireBuiltCli, tempDir } from "../support/cli";
import { workbookWith } from "../support/hostile-files";
import { makeReturn, makeTemplate } from "../support/returns";

jest.setTimeout(120_000);

let bytes: Buffer;
let modifiedAt: number;
let cleanUp: () => void;

beforeAll(async () => {
  requireBuiltCli();
  let dir: string;
  ({ dir, cleanUp } = tempDir("worker-read"));
  makeTemplate(join(dir, "template.xlsx"));
  const file = join(dir, "alpha.xlsx");
  await makeReturn(join(dir, "template.xlsx"), file, { organisation: "Alpha Homes", code: "AL01", homes: 1000, months: 3, value: (row, m) => row.code.length * 10 + m, signedOffOn: new Date(Date.UTC(2020, 6, 5)) });
  bytes = readFileSync(file);
  modifiedAt = Math.floor(statSync(file).mtimeMs);
});

afterAll(() => cleanUp?.());

/** A chosen file as the worker gets it (File's fields it reads). */
const chosen = () => ({ name: "alpha.xlsx", size: bytes.length, lastModified: modifiedAt, arrayBuffer: () => Promise.resolve(new Uint8Array(bytes).buffer) });

describe("readChosenFile", () => {
  const real = globalThis.DecompressionStream;
  afterEach(() => {
    globalThis.DecompressionStream = real;
  });

  it("reads a real return without DecompressionStream to the same Submission as with Node's zlib", async () => {
    const withNode = submissionFromSnapshot({ file: "alpha.xlsx", sha256: sha256(bytes), modifiedAt }, readSnapshot(await loadWorkbook(new Uint8Array(bytes), "alpha.xlsx")), { keepIssues: true });
    expect(withNode.problem).toBeUndefined();
    expect(withNode.figures.length).toBeGreaterThan(0);

    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
    expect(typeof globalThis.DecompressionStream).toBe("undefined");
    const stages: string[] = [];
    const withFflate = await readChosenFile(chosen(), (stage) => stages.push(stage));
    expect(withFflate).toEqual(withNode);
    expect(stages).toContain("checking");
  });

  it("reads it where DecompressionStream lacks deflate-raw, and where it has it, the same", async () => {
    const withStream = await readChosenFile(chosen());
    expect(withStream.problem).toBeUndefined();
    globalThis.DecompressionStream = class extends real {
      constructor(format: CompressionFormat) {
        if (format === "deflate-raw") throw new TypeError(`Unsupported compression format: '${format}'`);
        super(format);
      }
    };
    expect(await readChosenFile(chosen())).toEqual(withStream);
  });

  it("still calls a part that cannot be unpacked damaged without DecompressionStream, in the guard's words", async () => {
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
    const broken = await workbookWith({ "xl/broken.xml": { name: "", deflated: { data: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]), size: 40 } } });
    const s = await readChosenFile({ ...chosen(), size: broken.length, arrayBuffer: () => Promise.resolve(new Uint8Array(broken).buffer) });
    expect(s.problem).toMatch(/^'alpha.xlsx' is damaged and cannot be read: a part \(xl\/broken.xml\) cannot be unpacked/);
  });
});

describe("readAhead: a file's bytes read as it is handed over", () => {
  it("gives readChosenFile the same Submission as reading the file in its turn", async () => {
    const file = chosen();
    const ahead = readAhead(file);
    expect(ahead).toBeDefined();
    expect(await readChosenFile({ ...file, arrayBuffer: () => Promise.reject(new Error("read twice")) }, undefined, ahead)).toEqual(await readChosenFile(chosen()));
  });

  it("reads nothing of a file over the size limit, which is refused as before", async () => {
    let reads = 0;
    const big = { ...chosen(), size: LIMITS.fileBytes + 1, arrayBuffer: () => (reads++, Promise.resolve(new ArrayBuffer(0))) };
    expect(readAhead(big)).toBeUndefined();
    const s = await readChosenFile(big, undefined, readAhead(big));
    expect(reads).toBe(0);
    expect(s.problem).toMatch(/^'alpha.xlsx' cannot be read: it is/);
  });

  it("a read that fails is the file's problem in its turn, in the same words (never an unhandled rejection)", async () => {
    const failing = { ...chosen(), arrayBuffer: () => Promise.reject(new DOMException("gone", "NotReadableError")) };
    const ahead = readAhead(failing);
    await Promise.resolve(); // the rejection settles before its turn
    const [early, inTurn] = [await readChosenFile(failing, undefined, ahead), await readChosenFile(failing)];
    expect(early).toEqual(inTurn);
    expect(early.problem).toBe("'alpha.xlsx' could not be read from the disk. Copy it to a local folder and choose it again.");
  });
});

describe("readLastYearFile", () => {
  it("summarises a real return as the command line does", async () => {
    const { data, framework, result } = analyseReturn(readSnapshot(await loadWorkbook(new Uint8Array(bytes), "alpha.xlsx")));
    const expected = summariseReturn({ data, framework: framework!, result }, { year: 2019, month: 4 });
    expect(await readLastYearFile(chosen(), { year: 2019, month: 4 })).toEqual({ file: "alpha.xlsx", summary: expected });
  });

  it("says plainly, naming the file, when it is not a return", async () => {
    const notes = new Workbook();
    notes.addWorksheet("Notes").getCell("A1").value = "Shopping list";
    const plain = Buffer.from(await notes.xlsx.writeBuffer());
    const read = await readLastYearFile({ ...chosen(), name: "notes.xlsx", size: plain.length, arrayBuffer: () => Promise.resolve(new Uint8Array(plain).buffer) }, { year: 2019, month: 4 });
    expect(read).toEqual({ file: "notes.xlsx", problem: "'notes.xlsx' is not a return workbook, so it cannot be set beside this year: choose last year's return." });
  });
});
