/**
 * Reads one chosen file as a Submission, in the browser: the same door as the command line
 * (problemWithBytes, the zip guard with the webview's inflater, the package reader, then
 * the check and figures of submissionFromSnapshot), and SHA-256 by crypto.subtle. The inflater is
 * browserInflater(): DecompressionStream("deflate-raw") (short parts by fflate at once), or fflate
 * where the webview lacks it.
 * Never throws: a file that cannot be read becomes a Submission with a `problem`. The check's
 * issues are kept, for the receipts the pane downloads.
 */
import { submissionFromSnapshot, unreadableSubmission } from "../core/collate/submission";
import type { Submission } from "../core/collate/types";
import { fileTooLargeMessage, LIMITS } from "../xlsx/limits";
import { FileProblem, unreadableContentsMessage } from "../xlsx/problem";
import { browserInflater } from "../xlsx/inflaters";
import { readReturnSnapshot } from "../xlsx/package";
import type { YearMonth } from "../core/calendar";
import { lastYearSummary } from "../core/summary/last-year";
import type { LastYearRead, ReadStage } from "./protocol";

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Starts reading a chosen file's bytes ahead of its turn (undefined, and nothing read, when it is
 * over the size limit). File.arrayBuffer() reads off this thread (https://w3c.github.io/FileAPI/#dom-blob-arraybuffer):
 * started as the file arrives, its bytes are at hand when the reader finishes the file before it,
 * instead of the reader waiting on the disk between files. A failure is readChosenFile's to report.
 */
export function readAhead(file: Pick<File, "size" | "arrayBuffer">): Promise<Uint8Array> | undefined {
  if (file.size > LIMITS.fileBytes) return undefined;
  const bytes = file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  bytes.catch(() => undefined); // Handled when its turn comes, never unhandled meanwhile.
  return bytes;
}

/** Reads a chosen file as a Submission; `ahead` is its bytes from readAhead, if started. */
export async function readChosenFile(
  file: Pick<File, "name" | "size" | "lastModified" | "arrayBuffer">,
  onStage: (stage: ReadStage, fraction: number) => void = () => undefined,
  ahead?: Promise<Uint8Array>,
): Promise<Submission> {
  const name = file.name;
  if (file.size > LIMITS.fileBytes) {
    return unreadableSubmission({ file: name, sha256: "", modifiedAt: file.lastModified }, fileTooLargeMessage(name, file.size));
  }
  onStage("reading", 0.1);
  let bytes: Uint8Array;
  try {
    bytes = await (ahead ?? file.arrayBuffer().then((buffer) => new Uint8Array(buffer)));
  } catch {
    return unreadableSubmission({ file: name, sha256: "", modifiedAt: 0 }, `'${name}' could not be read from the disk. Copy it to a local folder and choose it again.`);
  }
  const facts = { file: name, sha256: await sha256Hex(bytes), modifiedAt: Math.floor(file.lastModified || 0) };
  onStage("reading", 0.3);
  try {
    const snapshot = await readReturnSnapshot(bytes, name, browserInflater());
    onStage("checking", 0.7);
    return submissionFromSnapshot(facts, snapshot, { keepIssues: true });
  } catch (error) {
    if (error instanceof FileProblem) return unreadableSubmission(facts, error.message);
    return unreadableSubmission(facts, unreadableContentsMessage(name));
  }
}

/**
 * Reads last year's return for Summarise through the same door (size limit, zip guard, the
 * package reader) and summarises it as this year's is. Never throws.
 */
export async function readLastYearFile(file: Pick<File, "name" | "size" | "lastModified" | "arrayBuffer">, fallbackYearStart: YearMonth): Promise<LastYearRead> {
  const name = file.name;
  if (file.size > LIMITS.fileBytes) return { file: name, problem: fileTooLargeMessage(name, file.size) };
  try {
    const snapshot = await readReturnSnapshot(new Uint8Array(await file.arrayBuffer()), name, browserInflater());
    const read = lastYearSummary(snapshot, name, fallbackYearStart);
    return read.ok ? { file: name, summary: read.summary } : { file: name, problem: read.reason };
  } catch (error) {
    if (error instanceof FileProblem) return { file: name, problem: error.message };
    return { file: name, problem: unreadableContentsMessage(name) };
  }
}
