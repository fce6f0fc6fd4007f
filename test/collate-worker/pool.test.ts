/**
 * The pane's readers (src/collate-worker/pool.ts) over real returns: readers that answer as the
 * Collate worker does (readChosenFile, one file at a time, in the order given) stand in for Web
 * Workers. The files come back in the order chosen whichever reader read them, each reader holds
 * at most READER_DEPTH files, progress is passed on once a frame (the latest for each file), and a
 * reader that fails stops only its own files while the others read the rest.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readerCount, readFilesWith, MAX_READERS, READER_DEPTH, type Reader, type Scheduler } from "../../src/collate-worker/pool";
import type { ReadReply, ReadRequest, ReadStage } from "../../src/collate-worker/protocol";
import { readChosenFile } from "../../src/collate-worker/read-file";
import { requireBuiltCli, tempDir } from "../support/cli";
import { makeReturn, makeTemplate } from "../support/returns";

jest.setTimeout(120_000);

let files: File[];
let cleanUp: () => void;

beforeAll(async () => {
  requireBuiltCli();
  let dir: string;
  ({ dir, cleanUp } = tempDir("worker-client"));
  makeTemplate(join(dir, "template.xlsx"));
  const made: File[] = [];
  for (const [organisation, code] of [
    ["Alpha Homes", "AL01"],
    ["Beta Housing", "BE02"],
    ["Gamma Homes", "GA03"],
  ] as const) {
    const path = join(dir, `${code}.xlsx`);
    await makeReturn(join(dir, "template.xlsx"), path, { organisation, code, homes: 1000, months: 3, value: (row, m) => row.code.length + m });
    made.push(new File([readFileSync(path)], `${code}.xlsx`));
  }
  const notes = new File(["Organisation,Calls\nAL01,100\n"], "notes.xlsx");
  // Six files: three returns, a CSV named .xlsx, and two of the returns again.
  files = [made[0]!, notes, made[1]!, made[2]!, made[0]!, made[1]!];
}, 120_000);

afterAll(() => cleanUp?.());

/** Readers that answer as src/collate-worker/worker.ts does, recording what each was given. */
function fakeReaders() {
  const readers: { given: number[]; reading: Set<number>; most: number; terminated: boolean; reader: Reader }[] = [];
  const start = (): Reader => {
    let queue = Promise.resolve();
    const record = { given: [] as number[], reading: new Set<number>(), most: 0, terminated: false, reader: undefined as unknown as Reader };
    const post = (reply: ReadReply) => {
      if (!record.terminated) record.reader.onmessage?.({ data: reply } as MessageEvent<ReadReply>);
    };
    record.reader = {
      onmessage: null,
      onerror: null,
      postMessage: ({ id, file }: ReadRequest) => {
        record.given.push(id);
        record.reading.add(id);
        record.most = Math.max(record.most, record.reading.size);
        queue = queue.then(async () => {
          const submission = await readChosenFile(file, (stage, fraction) => post({ id, type: "progress", stage, fraction }));
          record.reading.delete(id);
          post({ id, type: "done", submission });
        });
      },
      terminate: () => {
        record.terminated = true;
      },
    };
    readers.push(record);
    return record.reader;
  };
  return { readers, start };
}

/** A scheduler the test runs by hand: the frames asked for and not yet drawn. */
function frames() {
  const due: (() => void)[] = [];
  const schedule: Scheduler = (flush) => {
    due.push(flush);
    return () => due.splice(due.indexOf(flush), 1);
  };
  return { due, schedule };
}

describe("readFilesWith", () => {
  it("reads the files with two readers into the order chosen, each holding at most READER_DEPTH, as one reader reads them", async () => {
    const one = fakeReaders();
    const alone = await readFilesWith(files, () => undefined, { start: one.start, readers: 1, schedule: frames().schedule });
    expect(alone.map((s) => s.file)).toEqual(["AL01.xlsx", "notes.xlsx", "BE02.xlsx", "GA03.xlsx", "AL01.xlsx", "BE02.xlsx"]);
    expect(alone[0]!.problem).toBeUndefined();
    expect(alone[0]!.organisationCode).toBe("AL01");
    expect(alone[1]!.problem).toMatch(/notes\.xlsx/);
    expect(alone[4]!.sha256).toBe(alone[0]!.sha256);

    const two = fakeReaders();
    const together = await readFilesWith(files, () => undefined, { start: two.start, readers: 2, schedule: frames().schedule });
    expect(together).toEqual(alone);
    expect(two.readers).toHaveLength(2);
    expect(two.readers.map((r) => r.given.length).every((n) => n > 0)).toBe(true);
    expect([...two.readers[0]!.given, ...two.readers[1]!.given].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Math.max(...two.readers.map((r) => r.most))).toBe(READER_DEPTH);
    expect(two.readers.every((r) => r.terminated)).toBe(true);
  });

  it("passes progress on once a frame, the latest for each file, and every file's 'done' once before it resolves", async () => {
    const { start } = fakeReaders();
    const { due, schedule } = frames();
    const heard: [number, ReadStage, number][] = [];
    const reading = readFilesWith(files, (i, stage, fraction) => heard.push([i, stage, fraction]), { start, readers: 2, schedule });
    // Files are read, but nothing is passed on until the frame asked for is drawn.
    while (due.length === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(heard).toEqual([]);
    expect(due).toHaveLength(1);
    due.shift()!();
    expect(heard.length).toBeGreaterThan(0);
    // One call for each file at most in a frame: its latest stage.
    expect(new Set(heard.map(([i]) => i)).size).toBe(heard.length);
    await reading;
    // The last file read passes on what is left at once (a hidden pane draws no frames).
    const done = heard.filter(([, stage]) => stage === "done").map(([i]) => i);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(due).toHaveLength(0);
  });

  it("gives a failed reader's files 'the reader stopped' and reads the rest with the other reader", async () => {
    const { readers, start } = fakeReaders();
    const reading = readFilesWith(files, () => undefined, { start, readers: 2, schedule: frames().schedule });
    const failed = readers[1]!;
    const stopped = [...failed.reading];
    expect(stopped.length).toBe(READER_DEPTH);
    failed.terminated = true; // its replies are lost, as a crashed worker's are
    const error = new Event("error", { cancelable: true });
    failed.reader.onerror?.(error);
    const read = await reading;
    expect(error.defaultPrevented).toBe(true);
    expect(read.map((s) => s.file)).toEqual(files.map((f) => f.name));
    for (const i of stopped) expect(read[i]!.problem).toBe(`'${files[i]!.name}' could not be read: the reader stopped. Choose the file again.`);
    const others = read.filter((_, i) => !stopped.includes(i));
    expect(others.filter((s) => s.problem === undefined).length).toBe(others.filter((s) => s.file !== "notes.xlsx").length);
    expect(readers[0]!.given.length).toBe(files.length - stopped.length);
  });

  it("stops every file not yet read when the only reader fails", async () => {
    const { readers, start } = fakeReaders();
    const reading = readFilesWith(files, () => undefined, { start, readers: 1, schedule: frames().schedule });
    readers[0]!.terminated = true;
    readers[0]!.reader.onerror?.(new Event("error", { cancelable: true }));
    const read = await reading;
    expect(read.map((s) => s.problem)).toEqual(files.map((f) => `'${f.name}' could not be read: the reader stopped. Choose the file again.`));
  });

  it("reads nothing for no files, and uses one reader a core up to MAX_READERS, never more than the files", async () => {
    const { readers, start } = fakeReaders();
    expect(await readFilesWith([], () => undefined, { start, readers: 2, schedule: frames().schedule })).toEqual([]);
    expect(readers).toHaveLength(0);
    expect(readerCount(100, 2)).toBe(2);
    expect(readerCount(100, 16)).toBe(MAX_READERS);
    expect(readerCount(1, 8)).toBe(1);
    expect(readerCount(100, undefined)).toBe(1);
    expect(readerCount(100, 0)).toBe(1);
  });
});
