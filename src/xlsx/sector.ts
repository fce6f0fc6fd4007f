/**
 * The .xlsx gateway for Collate: writes the sector workbook (docs/sector-format.md), the bulletin
 * and feedback workbooks (docs/bulletin-feedback.md) from the core's plans - their parts made by
 * ./sector-write.ts (browser-safe), zipped here with Node's zlib (chunks of a sheet deflated in parallel, ./zip-write.ts) and a fixed entry date, so the
 * same inputs give the same bytes - and reads the files collated (returns and the register).
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { TablesPlan } from "../core/collate/sector-table";
import type { RegisterRead } from "../core/collate/register";
import { submissionFromSnapshot, unreadableSubmission } from "../core/collate/submission";
import type { Submission } from "../core/collate/types";
import { FileProblem, readRegularFile } from "./files";
import { fileTooLargeMessage, LIMITS } from "./limits";
import { errorText, unreadableContentsMessage } from "./problem";
import { readReturnSnapshot } from "./package";
import { REGISTER_MAX_BYTES, registerFromBytes, registerTooLarge } from "./register";
import { sectorWorkbookParts } from "./sector-write";
import { ParallelZip } from "./zip-write";

// --- Writing (./sector-write.ts, browser-safe; zipped here with Node's zlib) ---------------------

export { xmlText } from "./sector-write";

/** The sector workbook's bytes (or the bulletin's, or a feedback workbook's), the same for the same plan. */
export async function sectorWorkbookBytes(plan: TablesPlan): Promise<Uint8Array> {
  // Each chunk of a sheet starts deflating on the thread pool as soon as it is written.
  const zip = new ParallelZip();
  return zip.zip(sectorWorkbookParts(plan, zip.start));
}

// --- Reading ------------------------------------------------------------------------------------

/** SHA-256 of bytes, lower-case hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const debugDetail = (error: unknown) => (process.env.IMPACT_RETURNS_DEBUG ? ` (detail: ${errorText(error)})` : "");

/**
 * Reads one file given to Collate as a Submission. Never throws: a file that cannot be read, or
 * is not a return, becomes a Submission with a plain `problem`, so one bad file never stops the others.
 */
export async function readSubmissionFile(file: string, options: { keepIssues?: boolean } = {}): Promise<Submission> {
  let bytes: Buffer;
  let modifiedAt = 0;
  try {
    bytes = await readRegularFile(file, LIMITS.fileBytes, (size) => fileTooLargeMessage(file, size));
    modifiedAt = (await fs.stat(file)).mtimeMs;
  } catch (error) {
    const message = error instanceof FileProblem ? error.message : `'${file}' could not be read. Copy it to a local folder and try again.`;
    return unreadableSubmission({ file, sha256: "", modifiedAt: 0 }, message);
  }
  const facts = { file, sha256: sha256(bytes), modifiedAt: Math.floor(modifiedAt) };
  try {
    return submissionFromSnapshot(facts, await readReturnSnapshot(bytes, file), options);
  } catch (error) {
    if (error instanceof FileProblem) return unreadableSubmission(facts, error.message + (error.detail ? debugDetail(error.detail) : ""));
    return unreadableSubmission(facts, `${unreadableContentsMessage(file)}${debugDetail(error)}`);
  }
}

/** Reads a register: the first sheet of an .xlsx workbook, or a CSV file with a header row (./register.ts). Throws FileProblem. */
export async function readRegisterFile(file: string): Promise<RegisterRead> {
  const bytes = await readRegularFile(file, REGISTER_MAX_BYTES, (size) => registerTooLarge(file, size));
  return registerFromBytes(bytes, file);
}

// --- Reading many files: bounded concurrency, worker threads when compiled -----------------------

export interface ReadManyOptions {
  /** Worker threads to read with (default: one per core, at most 4). 1 reads in this thread. */
  jobs?: number;
  keepIssues?: boolean;
  /** Called after each file is read, with how many are done. */
  onProgress?: (done: number, total: number) => void;
}

const WORKER_ROLE = "impact-returns-collate-reader";
const IN_FLIGHT_PER_THREAD = 2;

/** What the reader threads need of a worker thread (node:worker_threads' Worker has it; a test gives a stand-in). */
export interface ReaderWorker {
  postMessage(job: WorkerJob): void;
  on(event: "message", listener: (message: { id: number; submission: Submission }) => void): unknown;
  on(event: "error", listener: (error: unknown) => void): unknown;
  on(event: "exit", listener: (code: number) => void): unknown;
  off(event: "message", listener: (message: { id: number; submission: Submission }) => void): unknown;
  off(event: "error", listener: (error: unknown) => void): unknown;
  off(event: "exit", listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface WorkerJob {
  id: number;
  file: string;
  keepIssues: boolean;
}

/** Whether this module runs as compiled JavaScript (worker threads can load it then; under ts-jest they cannot). */
const canUseWorkers = () => __filename.endsWith(".js");

/**
 * Reads files in a worker, two at a time. A worker that fails is replaced; as it may have been
 * reading two files, each is read again alone in a worker of its own, and only a file that stops
 * that worker too becomes unreadable (so a hostile file never takes an innocent one with it).
 */
export class ReaderThread {
  private worker: ReaderWorker | undefined;
  /** `spawn` starts a worker (a test gives one of its own). */
  constructor(private readonly spawn: () => ReaderWorker = () => new Worker(__filename, { workerData: { role: WORKER_ROLE } })) {}

  read(job: WorkerJob, alone = false): Promise<Submission> {
    const worker = (this.worker ??= this.spawn());
    return new Promise<Submission>((resolve) => {
      // This job hears its worker no more once it is answered or the worker broke (a worker that
      // fails reports an error and then its exit: the job is read again once, not twice).
      const detach = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      const settle = (s: Submission) => {
        detach();
        resolve(s);
      };
      const broken = (why: string) => {
        detach();
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
        if (!alone) {
          const single = new ReaderThread(this.spawn);
          void single.read(job, true).then((s) => single.close().then(() => resolve(s)));
          return;
        }
        resolve(unreadableSubmission({ file: job.file, sha256: "", modifiedAt: 0 }, `'${job.file}' could not be read: the reader stopped (${why}).`));
      };
      const onMessage = (message: { id: number; submission: Submission }) => {
        if (message.id === job.id) settle(message.submission);
      };
      const onError = (error: unknown) => broken(errorText(error));
      const onExit = (code: number) => broken(`exit ${code}`);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(job);
    });
  }
  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

/**
 * Reads the files as Submissions, in the order given. The reading (zip guard, package reader, check) is
 * the cost, and it is CPU work: with more than one job and compiled code, it is shared among
 * worker threads, each reading one file at a time (so memory stays bounded).
 */
export async function readSubmissionFiles(files: readonly string[], options: ReadManyOptions = {}): Promise<Submission[]> {
  const keepIssues = options.keepIssues === true;
  const jobs = Math.max(1, Math.min(options.jobs ?? Math.min(availableParallelism(), 4), files.length));
  const results: Submission[] = new Array<Submission>(files.length);
  let done = 0;
  const finished = (i: number, s: Submission) => {
    results[i] = s;
    done++;
    options.onProgress?.(done, files.length);
  };
  if (jobs <= 1 || !canUseWorkers()) {
    for (let i = 0; i < files.length; i++) finished(i, await readSubmissionFile(files[i]!, { keepIssues }));
    return results;
  }
  let next = 0;
  // Two files in flight per thread: while the main thread takes one file's answer and hands over
  // the next, the worker is already reading the other (one at a time left each worker idle about
  // an eighth of the time). Memory stays bounded: at most two files a thread.
  const threads = Array.from({ length: jobs }, () => new ReaderThread());
  try {
    await Promise.all(
      threads.flatMap((thread) =>
        Array.from({ length: IN_FLIGHT_PER_THREAD }, async () => {
          while (next < files.length) {
            const id = next++;
            finished(id, await thread.read({ id, file: files[id]!, keepIssues }));
          }
        }),
      ),
    );
  } finally {
    await Promise.all(threads.map((thread) => thread.close()));
  }
  return results;
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  parentPort?.on("message", (job: WorkerJob) => {
    void readSubmissionFile(job.file, { keepIssues: job.keepIssues }).then((submission) => parentPort?.postMessage({ id: job.id, submission }));
  });
}
