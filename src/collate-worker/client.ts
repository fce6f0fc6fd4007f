/**
 * The task pane's side of the Collate worker: starts the readers (Web Workers, one per core up to
 * MAX_READERS; every browser that runs Office add-ins has workers) and hands them the chosen files
 * (./pool.ts), passing each file's progress on at most every PROGRESS_EVERY_MS, on an animation frame.
 */
import type { Submission } from "../core/collate/types";
import type { YearMonth } from "../core/calendar";
import type { LastYearRead } from "./protocol";
import { MAX_READERS, readerCount, readerStoppedMessage, readFilesWith, type FileProgressListener, type Reader, type Scheduler } from "./pool";

export type { FileProgressListener } from "./pool";

function startReader(): Reader {
  return new Worker(/* webpackChunkName: "collate-worker" */ new URL("./worker.ts", import.meta.url)) as Reader;
}

/**
 * How often the files' progress reaches the pane: on an animation frame, at most every 100 ms.
 * Each pass redraws the view (React, then style, layout and paint on the pane's thread); once a
 * frame that was the pane's thread busy most of the read, taking a core from the readers on a
 * two-core machine, and ten times a second is as smooth to read for a list of files.
 */
const PROGRESS_EVERY_MS = 100;
const nextFrame: Scheduler = (flush) => {
  let frame: number | undefined;
  const timer = setTimeout(() => (frame = requestAnimationFrame(flush)), PROGRESS_EVERY_MS);
  return () => {
    clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
};

/** Readers started ahead of a read (warmReaders) and not yet taken by one. */
const warm: Reader[] = [];

/**
 * Starts, ahead of a read, the readers a read of many files would use (the Collate view, when it
 * opens): a reader's start (fetching and compiling its script, about 0.2 s a reader on a two-core
 * machine) then happens while the analyst chooses the files rather than after. A reader that fails
 * to start is dropped, never handed files.
 */
export function warmReaders(): void {
  const wanted = readerCount(MAX_READERS, navigator.hardwareConcurrency);
  while (warm.length < wanted) {
    const reader = startReader();
    reader.onerror = (event) => {
      event.preventDefault();
      const i = warm.indexOf(reader);
      if (i >= 0) warm.splice(i, 1);
      reader.terminate();
    };
    warm.push(reader);
  }
}

/** Ends the readers started ahead and not taken (the Collate view closes). */
export function coolReaders(): void {
  for (const reader of warm.splice(0)) reader.terminate();
}

/** A reader started ahead, else a new one; the pool sets its handlers and ends it after the read. */
const takeReader = (): Reader => warm.shift() ?? startReader();

export function readFilesInWorker(files: readonly File[], onProgress: FileProgressListener): Promise<Submission[]> {
  return readFilesWith(files, onProgress, { start: takeReader, readers: readerCount(files.length, navigator.hardwareConcurrency), schedule: nextFrame });
}

/** Reads last year's return in the worker (as Collate reads files) and summarises it for Summarise. */
export async function readLastYearInWorker(file: File, fallbackYearStart: YearMonth): Promise<LastYearRead> {
  const reader = startReader();
  try {
    return await new Promise<LastYearRead>((resolve) => {
      reader.onmessage = (event) => {
        if (event.data.type === "last-year") resolve(event.data.read);
      };
      reader.onerror = (event) => {
        event.preventDefault();
        resolve({ file: file.name, problem: readerStoppedMessage(file.name) });
      };
      reader.postMessage({ id: 0, file, lastYear: { fallbackYearStart } });
    });
  } finally {
    reader.terminate();
  }
}
