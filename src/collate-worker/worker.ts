/**
 * The Collate worker: reads the files the analyst chose, one at a time (so memory stays bounded),
 * off the task pane's thread so the pane stays responsive. Posts each file's progress, then its
 * Submission (plain data). A file's bytes are read from the disk as soon as it is handed over
 * (readAhead), so the next one is at hand when the current one is done; the pool hands a reader
 * at most READER_DEPTH files at a time (./pool.ts), so no more than that many are held.
 */
import type { ReadReply, ReadRequest } from "./protocol";
import { readAhead, readChosenFile, readLastYearFile } from "./read-file";

const scope = self as unknown as { onmessage: ((event: MessageEvent<ReadRequest>) => void) | null; postMessage(message: ReadReply): void };
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const { id, file, lastYear } = event.data;
  const ahead = lastYear ? undefined : readAhead(file);
  queue = queue.then(async () => {
    if (lastYear) {
      scope.postMessage({ id, type: "last-year", read: await readLastYearFile(file, lastYear.fallbackYearStart) });
      return;
    }
    const submission = await readChosenFile(file, (stage, fraction) => scope.postMessage({ id, type: "progress", stage, fraction }), ahead);
    scope.postMessage({ id, type: "done", submission });
  });
};
