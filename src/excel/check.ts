/**
 * Check in Excel: checks the return and writes the Checks list, explains a warning, signs off, and
 * watches for the user's edits. Part of the Excel gateway (./gateway.ts).
 */
import {
  checkReturn,
  checksSheetProblem,
  explanationsIn,
  explanationsTypedSince,
  planChecksList,
  planSignOff,
  readExplanations,
  returnChecksum,
  type CheckResult,
  type SubmissionDue,
} from "../core/checks";
import type { Framework } from "../core/framework";
import { TABLE } from "../core/layout/contract";
import { findTable, type CellValue, type TableSnapshot } from "../core/workbook/types";
import { queueOperations } from "./apply";
import type { EditWatch, WatchOptions } from "./edit-watch";
import { runAction } from "./errors";
import { writeExplanation, type IssueKey } from "./explain";
import type { ExcelHost } from "./host";
import { readSnapshot } from "./read";

/** Check's part of the gateway. */
export interface CheckGateway {
  /**
   * Checks the return and writes the list to the Checks sheet, keeping explanations typed against
   * warnings; the Checks table drives the highlights (2 syncs to read, 1 to write).
   */
  check(options?: { framework?: Framework; today?: Date }): Promise<CheckOutcome>;
  /**
   * Writes `text` as the explanation of one issue in the Checks table's Explanation column, as if
   * typed there (1 sync to read the table, 1 to write). Check again to count it.
   */
  explain(issueKey: IssueKey, text: string): Promise<void>;
  /** Checks, then records the sign-off if there is no error and every warning is explained (2 + 1 syncs). */
  signOff(signedOffBy: string, today: Date): Promise<SignOffOutcome>;
  /**
   * Calls `onEdit` when the user changes a sheet (typing or pasting), not for the add-in's own
   * writes, the sheets it adds, nor a colleague's edits, on every ExcelApi version from the
   * manifest's 1.9 (./edit-watch.ts). Resolves to a function that stops watching.
   */
  watchEdits(onEdit: () => void, options?: WatchOptions): Promise<() => Promise<void>>;
}

export interface CheckOutcome {
  result: CheckResult;
  /** Set when the list could not be written (a foreign Checks sheet); the result is still good. */
  listProblem?: string;
}

export interface SignOffOutcome {
  result: CheckResult;
  /** Why the return was not marked ready; absent when it was. */
  refusal?: string;
  checksum?: string;
  /** Once marked ready: where the workbook goes (the framework's `submission.to`, if any) and by when (docs/checks.md). */
  submission?: SubmissionDue;
}

/** The Checks table as planChecksList will have left it (for a second write in the same batch). */
function checksTableAfterWrite(table: TableSnapshot, result: CheckResult): TableSnapshot {
  const rows = Math.max(1, result.issues.length);
  return { ...table, values: Array.from({ length: rows }, () => []), formulas: [] };
}

/**
 * `today` is the clock Check reads for the months that are due (default: the computer's date); a
 * preview of a sample return from another year, and tests, give their own.
 */
export function createCheckGateway(host: ExcelHost, edits: Pick<EditWatch, "watch" | "checked">, clock: { today?: () => Date } = {}): CheckGateway {
  const run = <T>(action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => runAction(host, action, batch);
  return {
    check: (options = {}) =>
      run("Check", async (context) => {
        const snapshot = await readSnapshot(context);
        const explanations = readExplanations(snapshot);
        const withToday = { ...options, today: options.today ?? (clock.today ? clock.today() : new Date()) };
        let result = checkReturn(snapshot, { ...withToday, explanations });
        edits.checked(returnChecksum(snapshot), returnChecksum);
        if (result.notAReturn) return { result };
        const listProblem = checksSheetProblem(snapshot);
        if (listProblem) return { result, listProblem };
        // In a shared workbook a colleague may type an explanation between the read and the write:
        // the Checks table is read again at the head of the write batch, before it is replaced.
        const existing = findTable(snapshot, TABLE.checks);
        const live = existing ? context.workbook.tables.getItem(existing.name).getRange() : undefined;
        live?.load("values");
        queueOperations(context, planChecksList(snapshot, result));
        await context.sync();
        if (live) {
          const [headers = [], ...rows] = live.values as CellValue[][];
          const typed = explanationsTypedSince(explanations, explanationsIn(headers, rows));
          if (typed.size > 0) {
            // Rewrite the list with them (one more sync, only when this happened).
            result = checkReturn(snapshot, { ...withToday, explanations: new Map([...explanations, ...typed]) });
            queueOperations(context, planChecksList({ ...snapshot, tables: snapshot.tables.map((t) => (t === existing ? checksTableAfterWrite(t, result) : t)) }, result));
            await context.sync();
          }
        }
        return { result };
      }),

    explain: (issueKey, text) => run("Explaining the warning", (context) => writeExplanation(context, issueKey, text)),

    signOff: (signedOffBy, today) =>
      run("Mark ready to send", async (context) => {
        const snapshot = await readSnapshot(context);
        const result = checkReturn(snapshot, { explanations: readExplanations(snapshot), today });
        const plan = planSignOff(snapshot, result, signedOffBy, today);
        if (plan.refusal !== undefined) return { result, refusal: plan.refusal };
        queueOperations(context, plan.operations);
        await context.sync();
        return { result, ...(plan.checksum !== undefined ? { checksum: plan.checksum } : {}), ...(result.submission ? { submission: result.submission } : {}) };
      }),

    watchEdits: (onEdit, options) => edits.watch(onEdit, options),
  };
}
