/** The messages between the task pane and the Collate worker (plain, structured-cloneable data). */
import type { YearMonth } from "../core/calendar";
import type { Submission } from "../core/collate/types";
import type { ReturnSummary } from "../core/summary/model";

/** Where a file is: waiting its turn, being read (unzipped and checked by the zip guard), checked, or done. */
export type ReadStage = "waiting" | "reading" | "checking" | "done";

/** Pane to worker: read this file (for Collate), or read it as last year's return (for Summarise). */
export type ReadRequest = { id: number; file: File; lastYear?: undefined } | { id: number; file: File; lastYear: { fallbackYearStart: YearMonth } };

/** Last year's return for Summarise, read and summarised: its summary, or why it cannot be used (one sentence naming the file). */
export type LastYearRead = { file: string; summary: ReturnSummary } | { file: string; problem: string };

/** Worker to pane: a file's progress, then its Submission (or, for last year, its summary). */
export type ReadReply =
  | { id: number; type: "progress"; stage: ReadStage; fraction: number }
  | { id: number; type: "done"; submission: Submission }
  | { id: number; type: "last-year"; read: LastYearRead };
