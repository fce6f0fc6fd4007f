/** Summarise's actions: build the board summary, show it. */
import { SUMMARY_SHEET } from "../../core/layout/summary-contract";
import type { ExcelGateway, ProgressListener, SummariseOutcome } from "../../excel/gateway";

/** The Summarise view: build (or refresh) the board summary, then show it. */
export interface SummariseActions {
  /** Builds the board summary's sheets, PivotTables and charts, keeping the Commentary typed on the last one. */
  summarise(onProgress: ProgressListener): Promise<SummariseOutcome>;
  /** Activates the Board summary sheet at A1. */
  showBoardSummary(): Promise<void>;
}

export function summariseActions(gateway: ExcelGateway, today: () => Date): SummariseActions {
  return {
    summarise: (onProgress) => gateway.summarise(today(), onProgress),
    showBoardSummary: () => gateway.showSheet(SUMMARY_SHEET.board),
  };
}
