/**
 * The Collate worker: reads the files the analyst chose, one at a time (so memory stays bounded),
 * off the task pane's thread so the pane stays responsive. Posts each file's progress, then its
 * Submission (plain data).
 */
import type { ReadReply, ReadRequest } from "./protocol";
import { readChosenFile, readLastYearFile } from "./read-file";

const scope = self as unknown as { onmessage: ((event: MessageEvent<ReadRequest>) => void) | null; postMessage(message: ReadReply): void };
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const { id, file, lastYear } = event.data;
  queue = queue.then(async () => {
    if (lastYear) {
      scope.postMessage({ id, type: "last-year", read: await readLastYearFile(file, lastYear.fallbackYearStart) });
      return;
    }
    const submission = await readChosenFile(file, (stage, fraction) => scope.postMessage({ id, type: "progress", stage, fraction }));
    scope.postMessage({ id, type: "done", submission });
  });
};
