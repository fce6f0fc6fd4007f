/**
 * The task pane's side of the Collate worker: hands it the chosen files and reports each file's
 * progress and Submission (every browser that runs Office add-ins has workers).
 */
import type { Submission } from "../core/collate/types";
import type { YearMonth } from "../core/calendar";
import type { LastYearRead, ReadReply, ReadRequest, ReadStage } from "./protocol";

export type FileProgressListener = (index: number, stage: ReadStage, fraction: number) => void;

export async function readFilesInWorker(files: readonly File[], onProgress: FileProgressListener): Promise<Submission[]> {
  if (files.length === 0) return [];
  const worker = new Worker(/* webpackChunkName: "collate-worker" */ new URL("./worker.ts", import.meta.url));
  const results: (Submission | undefined)[] = files.map(() => undefined);
  try {
    return await new Promise<Submission[]>((resolve) => {
      let left = files.length;
      const finish = (i: number, s: Submission) => {
        if (results[i]) return;
        results[i] = s;
        onProgress(i, "done", 1);
        if (--left === 0) resolve(results as Submission[]);
      };
      worker.onmessage = (event: MessageEvent<ReadReply>) => {
        const reply = event.data;
        if (reply.type === "progress") onProgress(reply.id, reply.stage, reply.fraction);
        else if (reply.type === "done") finish(reply.id, reply.submission);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        files.forEach((f, i) =>
          finish(i, { file: f.name, sha256: "", modifiedAt: 0, problem: `'${f.name}' could not be read: the reader stopped. Choose the file again.`, lines: [], figures: [], monthsReported: 0, errors: 0, warnings: 0 }),
        );
      };
      files.forEach((file, id) => worker.postMessage({ id, file } satisfies ReadRequest));
    });
  } finally {
    worker.terminate();
  }
}

/** Reads last year's return in the worker (as Collate reads files) and summarises it for Summarise. */
export async function readLastYearInWorker(file: File, fallbackYearStart: YearMonth): Promise<LastYearRead> {
  const worker = new Worker(/* webpackChunkName: "collate-worker" */ new URL("./worker.ts", import.meta.url));
  try {
    return await new Promise<LastYearRead>((resolve) => {
      worker.onmessage = (event: MessageEvent<ReadReply>) => {
        if (event.data.type === "last-year") resolve(event.data.read);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        resolve({ file: file.name, problem: `'${file.name}' could not be read: the reader stopped. Choose the file again.` });
      };
      worker.postMessage({ id: 0, file, lastYear: { fallbackYearStart } } satisfies ReadRequest);
    });
  } finally {
    worker.terminate();
  }
}
