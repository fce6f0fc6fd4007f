/**
 * The readers the task pane hands chosen files to (Web Workers, made by ./client.ts): each given
 * at most READER_DEPTH files at a time (so it never waits on the pane for its next one, and a slow
 * file holds up no other reader) and the next file as it finishes one. The files' progress is
 * passed on when the scheduler says (the latest for each file; the pane's: at most every 100 ms, on
 * an animation frame), so the pane draws its list at that pace however many files are read in it.
 * Results come back in the order chosen.
 */
import type { Submission } from "../core/collate/types";
import type { ReadReply, ReadRequest, ReadStage } from "./protocol";

export type FileProgressListener = (index: number, stage: ReadStage, fraction: number) => void;

/** The part of a Worker the readers use (a fake stands in for it in the tests). */
export interface Reader {
  onmessage: ((event: MessageEvent<ReadReply>) => void) | null;
  onerror: ((event: Event) => void) | null;
  postMessage(request: ReadRequest): void;
  terminate(): void;
}

/** Runs `flush` later (the pane's: the first animation frame after 100 ms); returns how to cancel it. */
export type Scheduler = (flush: () => void) => () => void;

/** Readers at most, whatever the cores: each holds one file and its reading in memory. */
export const MAX_READERS = 4;
/** Files given to a reader at a time. */
export const READER_DEPTH = 2;

/** Why a file was not read when its reader (worker) failed - never that the file is wrong. */
export function readerStoppedMessage(name: string): string {
  return `'${name}' could not be read: the reader stopped. Choose the file again.`;
}

function readerStopped(file: File): Submission {
  return { file: file.name, sha256: "", modifiedAt: 0, problem: readerStoppedMessage(file.name), lines: [], figures: [], monthsReported: 0, errors: 0, warnings: 0 };
}

/** How many readers for `files` files on this machine's cores. */
export function readerCount(files: number, cores: number | undefined): number {
  return Math.max(1, Math.min(MAX_READERS, files, cores && cores > 0 ? cores : 1));
}

/**
 * Reads the files with `readers` readers made by `start`, passing progress on through `schedule`.
 * Resolves with each file's Submission in the order given; never rejects: a file whose reader
 * fails is a Submission with a problem, and the other readers read the rest.
 */
export async function readFilesWith(
  files: readonly File[],
  onProgress: FileProgressListener,
  { start, readers, schedule }: { start: () => Reader; readers: number; schedule: Scheduler },
): Promise<Submission[]> {
  if (files.length === 0) return [];
  const results: (Submission | undefined)[] = files.map(() => undefined);
  const pending = new Map<number, { stage: ReadStage; fraction: number }>();
  let cancelFlush: (() => void) | undefined;
  const flush = () => {
    cancelFlush = undefined;
    const due = [...pending];
    pending.clear();
    for (const [i, p] of due) onProgress(i, p.stage, p.fraction);
  };
  const report = (i: number, stage: ReadStage, fraction: number) => {
    pending.set(i, { stage, fraction });
    cancelFlush ??= schedule(flush);
  };
  const pool: { reader: Reader; reading: Set<number> }[] = [];
  try {
    return await new Promise<Submission[]>((resolve) => {
      let next = 0;
      let left = files.length;
      const finish = (i: number, s: Submission) => {
        if (results[i]) return;
        results[i] = s;
        report(i, "done", 1);
        if (--left > 0) return;
        cancelFlush?.();
        flush();
        resolve(results as Submission[]);
      };
      const feed = (slot: (typeof pool)[number]) => {
        while (slot.reading.size < READER_DEPTH && next < files.length) {
          const id = next++;
          slot.reading.add(id);
          slot.reader.postMessage({ id, file: files[id]! });
        }
      };
      for (let r = 0; r < Math.min(readers, files.length); r++) {
        const slot = { reader: start(), reading: new Set<number>() };
        pool.push(slot);
        slot.reader.onmessage = (event) => {
          const reply = event.data;
          if (results[reply.id]) return;
          if (reply.type === "progress") report(reply.id, reply.stage, reply.fraction);
          else if (reply.type === "done") {
            slot.reading.delete(reply.id);
            finish(reply.id, reply.submission);
            feed(slot);
          }
        };
        slot.reader.onerror = (event) => {
          event.preventDefault();
          slot.reader.terminate();
          pool.splice(pool.indexOf(slot), 1);
          const stopped = [...slot.reading];
          slot.reading.clear();
          // With no reader left, the files not yet given to one stop too.
          if (pool.length === 0) while (next < files.length) stopped.push(next++);
          for (const i of stopped) finish(i, readerStopped(files[i]!));
        };
      }
      for (const slot of pool) feed(slot);
    });
  } finally {
    cancelFlush?.();
    for (const slot of pool) slot.reader.terminate();
  }
}

