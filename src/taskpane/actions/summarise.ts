/** Summarise's actions: build the board summary (last year beside it when chosen), show it. */
import { addMonths, defaultYearStart } from "../../core/calendar";
import { SUMMARY_SHEET } from "../../core/layout/summary-contract";
import type { LastYearRead } from "../../collate-worker/protocol";
import type { ExcelGateway, LastYearReturn, ProgressListener, SummariseOutcome } from "../../excel/gateway";

export type { LastYearRead } from "../../collate-worker/protocol";

/** The Summarise view: build (or refresh) the board summary, then show it. */
export interface SummariseActions {
  /** Builds the board summary's sheets, PivotTables and charts, keeping the Commentary typed on the last one; last year beside this year when given. */
  summarise(onProgress: ProgressListener, lastYear?: LastYearReturn): Promise<SummariseOutcome>;
  /** Reads the chosen file as last year's return (in a worker, as Collate reads files): its summary, or why it cannot be used. */
  readLastYear(file: File): Promise<LastYearRead>;
  /** Activates the Board summary sheet at A1. */
  showBoardSummary(): Promise<void>;
}

export function summariseActions(gateway: ExcelGateway, today: () => Date): SummariseActions {
  return {
    summarise: (onProgress, lastYear) => gateway.summarise(today(), onProgress, lastYear),
    readLastYear: async (file) => {
      const { readLastYearInWorker } = await import(/* webpackChunkName: "collate-reader" */ "../../collate-worker/client");
      return readLastYearInWorker(file, addMonths(defaultYearStart(today()), -12));
    },
    showBoardSummary: () => gateway.showSheet(SUMMARY_SHEET.board),
  };
}
