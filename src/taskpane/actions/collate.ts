/** Collate's actions: read chosen returns in a worker, add them to the sector workbook, show the totals. */
import type { ReadStage } from "../../collate-worker/protocol";
import type { Submission as CollateSubmission } from "../../core/collate/types";
import { SECTOR_SHEET } from "../../core/layout/sector-contract";
import type { CollateInExcelOutcome, ExcelGateway, ProgressListener } from "../../excel/gateway";

/** The Collate view: read chosen returns (in a worker), add them to the sector workbook, show the totals. */
export interface CollateActions {
  /** Reads and checks each file off the pane's thread; `onFile` reports each file's progress. Never rejects for a bad file. */
  readReturns(files: readonly File[], onFile: (index: number, stage: ReadStage, fraction: number) => void): Promise<CollateSubmission[]>;
  /** Adds the submissions to the open sector workbook (the Submissions table is the ledger). */
  addToWorkbook(submissions: readonly CollateSubmission[], options: { sectorHomes?: number }, onProgress: ProgressListener): Promise<CollateInExcelOutcome>;
  /** The day collation is for (the chase list's day). */
  today(): Date;
  /** Activates the Sector totals sheet at A1. */
  showSectorTotals(): Promise<void>;
}

export function collateActions(gateway: ExcelGateway, today: () => Date): CollateActions {
  return {
    readReturns: async (files, onFile) => {
      const { readFilesInWorker } = await import(/* webpackChunkName: "collate-reader" */ "../../collate-worker/client");
      return readFilesInWorker(files, onFile);
    },
    addToWorkbook: (submissions, options, onProgress) => gateway.collate(submissions, { today: today(), ...options }, onProgress),
    today,
    showSectorTotals: () => gateway.showSheet(SECTOR_SHEET.totals),
  };
}
