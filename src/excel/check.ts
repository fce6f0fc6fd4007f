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
import { SHEET, TABLE } from "../core/layout/contract";
import { findTable, type CellValue, type TableSnapshot } from "../core/workbook/types";
import { queueOperations } from "./apply";
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
   * Calls `onEdit` when the user changes a sheet (typing or pasting; on the Checks sheet, only where
   * Excel says who made the change), not for the add-in's own writes. Resolves to a function that stops watching.
   */
  watchEdits(onEdit: () => void, options?: { probeDelayMs?: number }): Promise<() => Promise<void>>;
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

/** How long the selection must rest on a data sheet before the data is read again for changes no event reported. */
export const PROBE_DELAY_MS = 2000;

/** The sheets whose cells are the return's data (a change there needs a new check). */
const DATA_SHEETS = new Set([SHEET.return, SHEET.measures, SHEET.stakeholders, SHEET.outcomes, SHEET.caseStudies].map((s) => s.toLowerCase()));

/** The Checks table as planChecksList will have left it (for a second write in the same batch). */
function checksTableAfterWrite(table: TableSnapshot, result: CheckResult): TableSnapshot {
  const rows = Math.max(1, result.issues.length);
  return { ...table, values: Array.from({ length: rows }, () => []), formulas: [] };
}

/**
 * `today` is the clock Check reads for the months that are due (default: the computer's date); a
 * preview of a sample return from another year, and tests, give their own.
 */
export function createCheckGateway(host: ExcelHost, clock: { today?: () => Date } = {}): CheckGateway {
  /** The data the last check saw (a checksum), for the probe that catches unreported changes. */
  let fingerprint: string | undefined;
  const run = <T>(action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => runAction(host, action, batch);
  return {
    check: (options = {}) =>
      run("Check", async (context) => {
        const snapshot = await readSnapshot(context);
        const explanations = readExplanations(snapshot);
        const withToday = { ...options, today: options.today ?? (clock.today ? clock.today() : new Date()) };
        let result = checkReturn(snapshot, { ...withToday, explanations });
        fingerprint = returnChecksum(snapshot);
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

    watchEdits: async (onEdit, options = {}) => {
      const probeDelay = options.probeDelayMs ?? PROBE_DELAY_MS;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let probing = false;
      // Excel on the web raises no onChanged for a value picked from a dropdown (office-js issues
      // 3888 and 4066). So when the selection moves on a data sheet, once it has rested, the data is
      // read again (2 syncs) and compared with what the last check saw: a change re-checks.
      const probe = async () => {
        if (probing || fingerprint === undefined) return;
        probing = true;
        try {
          const now = returnChecksum(await host.run((context) => readSnapshot(context)));
          if (now !== fingerprint) {
            fingerprint = now;
            onEdit();
          }
        } catch {
          // A probe is a fallback: if it cannot read, the next edit or check will.
        } finally {
          probing = false;
        }
      };
      const registration = await run("Watching for edits", async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/id,items/name");
        const nameOf = (id: string) => sheets.items.find((s) => s.id === id)?.name.toLowerCase();
        const changed = sheets.onChanged.add(async (event) => {
          // A colleague's edit in a shared workbook (source "Remote"): their own pane re-checks; re-checking
          // here too would make each pane's rewrite of the Checks list set off the other's.
          if (event.source === "Remote") return Promise.resolve();
          const name = nameOf(event.worksheetId);
          // triggerSource (ExcelApi 1.14) tells the add-in's own writes apart. Without it, edits on
          // the Checks sheet are ignored, since Check itself writes there and would re-trigger.
          const source = (event as { triggerSource?: string }).triggerSource;
          const ours = source === "ThisLocalAddin" || name === SHEET.framework.toLowerCase() || (name === SHEET.checks.toLowerCase() && source === undefined);
          if (!ours) onEdit();
          return Promise.resolve();
        });
        const selected = sheets.onSelectionChanged.add(async (event) => {
          const name = nameOf(event.worksheetId);
          if (name === undefined || !DATA_SHEETS.has(name)) return Promise.resolve();
          if (timer !== undefined) clearTimeout(timer);
          timer = setTimeout(() => {
            timer = undefined;
            void probe();
          }, probeDelay);
          return Promise.resolve();
        });
        await context.sync();
        return [changed, selected] as const;
      });
      return () => {
        if (timer !== undefined) clearTimeout(timer);
        return host.runIn(registration[0].context, async (context) => {
          for (const handler of registration) handler.remove();
          await context.sync();
        });
      };
    },

  };
}
