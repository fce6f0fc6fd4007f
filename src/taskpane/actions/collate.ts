/**
 * Collate's actions: read chosen returns in a worker, read a register file, open a new workbook
 * (when this one holds a return), add the returns to the
 * sector workbook (with the register, sector homes and sign-off setting), show the totals,
 * download the receipts, the sector bulletin, the feedback workbooks (.zip) and the email drafts
 * (.zip) - the last three made in a chunk loaded on demand (../published-downloads.ts).
 */
import type { ReadStage } from "../../collate-worker/protocol";
import type { RegisterRead } from "../../core/collate/register";
import type { FileOutcome, RegisterEntry, Submission as CollateSubmission } from "../../core/collate/types";
import { UserFacingError } from "../../excel/errors";
import type { CollateInExcelOutcome, ExcelGateway, ProgressListener, SectorWorkbookSettings } from "../../excel/gateway";
import { FileProblem } from "../../xlsx/problem";
import { saveDownload } from "../save-download";
import type { Published } from "../published-downloads";

/** What a download after collating gave: the file's name, and for the .zips what is in them. */
export interface Downloaded {
  name: string;
  /** Feedback: workbooks in the .zip; drafts: drafts in the .zip. */
  count?: number;
  /** Drafts: the organisations whose draft has no address (To left empty). */
  withoutAddress?: string[];
}

/** What "Add to this workbook" is given beside the returns (each absent: the workbook's own is kept). */
export interface AddOptions {
  sectorHomes?: number;
  /** A register chosen: replaces the workbook's Register. */
  register?: RegisterEntry[];
  /** Only accept signed-off returns. */
  requireSignOff?: boolean;
}

/** The Collate view: read chosen returns (in a worker), add them to the sector workbook, show the totals. */
export interface CollateActions {
  /** Starts the readers of readReturns ahead of a read (the view opens); returns how to end those not used (the view closes). */
  prepareReading?(): () => void;
  /** Reads and checks each file off the pane's thread; `onFile` reports each file's progress. Never rejects for a bad file. */
  readReturns(files: readonly File[], onFile: (index: number, stage: ReadStage, fraction: number) => void): Promise<CollateSubmission[]>;
  /** Reads a register of organisations (.xlsx first sheet, or .csv). Rejects, with a plain reason, when the file cannot be read. */
  readRegister(file: File): Promise<RegisterRead>;
  /** The sector workbook's settings and how many organisations its Register lists; or why Collate will not work in this workbook (it holds a return). */
  sectorSettings(): Promise<SectorWorkbookSettings>;
  /** Opens a new, blank workbook in a window of its own, for the sector's returns (where settings say Excel can). */
  openNewWorkbook(): Promise<void>;
  /** Adds the submissions to the open sector workbook (the Submissions table is the ledger). */
  addToWorkbook(submissions: readonly CollateSubmission[], options: AddOptions, onProgress: ProgressListener): Promise<CollateInExcelOutcome>;
  /** The day collation is for (the chase list's day). */
  today(): Date;
  /** Activates the Sector totals sheet at A1. */
  showSectorTotals(): Promise<void>;
  /** Downloads the files' receipts (one .txt, or a .zip of them); returns the name of the file downloaded. */
  downloadReceipts(files: readonly FileOutcome[]): Promise<string>;
  /** Downloads the sector bulletin (.xlsx) of the collation just added (the outcome's). */
  downloadBulletin(outcome: Published): Promise<Downloaded>;
  /** Downloads a .zip of each organisation's `<code> feedback.xlsx`. */
  downloadFeedback(outcome: Published): Promise<Downloaded>;
  /** Downloads a .zip of the email drafts (.eml), each with its receipts and feedback workbook attached. */
  downloadDrafts(outcome: Published): Promise<Downloaded>;
}

const published = () => import(/* webpackChunkName: "published" */ "../published-downloads");

export function collateActions(gateway: ExcelGateway, today: () => Date): CollateActions {
  return {
    prepareReading: () => {
      let closed = false;
      let cool: (() => void) | undefined;
      import(/* webpackChunkName: "collate-reader" */ "../../collate-worker/client")
        .then((client) => {
          if (closed) return;
          client.warmReaders();
          cool = client.coolReaders;
        })
        .catch(() => undefined); // Reading starts its readers itself then.
      return () => {
        closed = true;
        cool?.();
      };
    },
    readReturns: async (files, onFile) => {
      const { readFilesInWorker } = await import(/* webpackChunkName: "collate-reader" */ "../../collate-worker/client");
      return readFilesInWorker(files, onFile);
    },
    readRegister: async (file) => {
      const [{ registerFromBytes }, { browserInflater }] = await Promise.all([
        import(/* webpackChunkName: "register-reader" */ "../../xlsx/register"),
        import(/* webpackChunkName: "register-reader" */ "../../xlsx/inflaters"),
      ]);
      try {
        return await registerFromBytes(new Uint8Array(await file.arrayBuffer()), file.name, browserInflater());
      } catch (error) {
        if (error instanceof FileProblem) throw new UserFacingError(error.message, "Choose the register again, as an Excel workbook (.xlsx) or a CSV file.");
        throw error;
      }
    },
    sectorSettings: () => gateway.sectorSettings(),
    openNewWorkbook: () => gateway.openNewWorkbook(),
    addToWorkbook: (submissions, options, onProgress) => gateway.collate(submissions, { today: today(), ...options }, onProgress),
    today,
    showSectorTotals: async () => gateway.showSheet((await import(/* webpackChunkName: "collate-gateway" */ "../../core/layout/sector-contract")).SECTOR_SHEET.totals),
    downloadReceipts: async (files) => {
      const download = (await import(/* webpackChunkName: "receipts" */ "../receipts")).receiptsDownload(files, today());
      saveDownload(download);
      return download.name;
    },
    downloadBulletin: async (outcome) => {
      const download = (await published()).bulletinDownload(outcome);
      saveDownload(download);
      return { name: download.name };
    },
    downloadFeedback: async (outcome) => {
      const download = (await published()).feedbackDownload(outcome);
      saveDownload(download);
      return { name: download.name, count: download.files };
    },
    downloadDrafts: async (outcome) => {
      const download = (await published()).draftsDownload(outcome);
      saveDownload(download);
      return { name: download.name, count: download.drafts, withoutAddress: download.withoutAddress };
    },
  };
}
