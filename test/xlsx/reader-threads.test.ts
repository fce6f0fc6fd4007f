/**
 * The command line's reader threads (src/xlsx/sector.ts's ReaderThread), each with two files in
 * hand: when a worker stops (a crash reports an error, then its exit), each of its files is read
 * again alone in a fresh worker, once; only the file that stops that worker too is unreadable, so
 * a hostile file never takes an innocent one with it. Driven with stand-in workers that behave
 * as node:worker_threads' do when one dies (no answer to what it held, then 'error' and 'exit').
 */
import { EventEmitter } from "node:events";
import type { Submission } from "../../src/core/collate/types";
import { ReaderThread, type ReaderWorker, type WorkerJob } from "../../src/xlsx/sector";

/** A stand-in worker: answers each job on a later turn, unless the file's name says "crash", which stops it. */
class StandInWorker extends EventEmitter implements ReaderWorker {
  dead = false;
  readonly jobs: string[] = [];
  postMessage(job: WorkerJob): void {
    this.jobs.push(job.file);
    setImmediate(() => {
      if (this.dead) return;
      if (job.file.includes("crash")) {
        this.dead = true;
        this.emit("error", new Error("out of memory"));
        this.emit("exit", 1);
        return;
      }
      this.emit("message", { id: job.id, submission: { file: job.file, sha256: "ab", modifiedAt: 0, lines: [], figures: [], monthsReported: 12, errors: 0, warnings: 0 } satisfies Submission });
    });
  }
  terminate(): Promise<number> {
    this.dead = true;
    return Promise.resolve(1);
  }
}

function standIns() {
  const workers: StandInWorker[] = [];
  return {
    workers,
    spawn: () => {
      const worker = new StandInWorker();
      workers.push(worker);
      return worker;
    },
  };
}

describe("reader threads, two files in hand", () => {
  it("reads both files of a healthy worker in it", async () => {
    const { workers, spawn } = standIns();
    const thread = new ReaderThread(spawn);
    const read = await Promise.all([thread.read({ id: 0, file: "a.xlsx", keepIssues: false }), thread.read({ id: 1, file: "b.xlsx", keepIssues: false })]);
    expect(read.map((s) => [s.file, s.problem])).toEqual([
      ["a.xlsx", undefined],
      ["b.xlsx", undefined],
    ]);
    expect(workers).toHaveLength(1);
    await thread.close();
  });

  it("reads the innocent file again alone when the other stops the worker, and calls only the other unreadable", async () => {
    const { workers, spawn } = standIns();
    const thread = new ReaderThread(spawn);
    const read = await Promise.all([thread.read({ id: 0, file: "crash.xlsx", keepIssues: false }), thread.read({ id: 1, file: "innocent.xlsx", keepIssues: false })]);
    expect(read[0]!.problem).toBe("'crash.xlsx' could not be read: the reader stopped (out of memory).");
    expect(read[1]).toMatchObject({ file: "innocent.xlsx", monthsReported: 12 });
    expect(read[1]!.problem).toBeUndefined();
    // The shared worker, then one worker for each file read again alone (once each, though the
    // shared worker reported its error and then its exit).
    expect(workers.map((w) => w.jobs)).toEqual([["crash.xlsx", "innocent.xlsx"], ["crash.xlsx"], ["innocent.xlsx"]]);
    await thread.close();
  });

  it("goes on reading with a fresh worker after one stopped", async () => {
    const { workers, spawn } = standIns();
    const thread = new ReaderThread(spawn);
    expect((await thread.read({ id: 0, file: "crash.xlsx", keepIssues: false })).problem).toContain("the reader stopped");
    expect((await thread.read({ id: 1, file: "next.xlsx", keepIssues: false })).problem).toBeUndefined();
    expect(workers.at(-1)!.jobs).toEqual(["next.xlsx"]);
    await thread.close();
  });
});
