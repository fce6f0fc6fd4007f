/** The messages between the task pane and the Collate worker (plain, structured-cloneable data). */
import type { Submission } from "../core/collate/types";

/** Where a file is: waiting its turn, being read (unzipped and checked by the zip guard), checked, or done. */
export type ReadStage = "waiting" | "reading" | "checking" | "done";

/** Pane to worker: read this file. */
export interface ReadRequest {
  id: number;
  file: File;
}

/** Worker to pane: a file's progress, then its Submission. */
export type ReadReply = { id: number; type: "progress"; stage: ReadStage; fraction: number } | { id: number; type: "done"; submission: Submission };
