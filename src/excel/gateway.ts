/**
 * The Excel gateway: every user action that touches the open workbook, each in a small fixed
 * number of context.sync calls whatever the size of the data. The only module that calls run().
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
import type { YearMonth } from "../core/calendar";
import { isDefaultSheetName, planSetup, type SetupDetails, type SetupPlan } from "../core/setup/plan";
import { findTable, type CellValue, type TableSnapshot, type WorkbookSnapshot } from "../core/workbook/types";
import { queueOperations } from "./apply";
import { toUserFacingError, UserFacingError } from "./errors";
import { writeExplanation, type IssueKey } from "./explain";
import type { ExcelHost } from "./host";
import { readSnapshot, readWorkbookState, type SheetProtectionState } from "./read";
import { summariseInExcel, type SummariseOutcome } from "./summarise";
import { collateInExcel, type CollateInExcelOptions, type CollateInExcelOutcome } from "./collate";
import type { Submission as CollateSubmission } from "../core/collate";

export type { SummariseOutcome } from "./summarise";
export type { CollateInExcelOptions, CollateInExcelOutcome } from "./collate";

export type ProgressListener = (step: string, fraction: number) => void;

export interface SetupOutcome {
  plan: SetupPlan;
}

export interface ExcelGateway {
  /** Reads sheet names and our tables (2 syncs). */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** Reads the workbook and works out what Set up would do, changing nothing (2 syncs). */
  previewSetup(framework: Framework, details: SetupDetails, defaultYearStart: YearMonth): Promise<SetupPlan>;
  /**
   * Inserts or upgrades the returns sheets (at most 3 syncs: a new workbook reads in one, looks at
   * its default sheet in one, writes in one). On a new workbook, an empty default sheet ("Sheet1")
   * is deleted last. Refuses, changing nothing, when the plan has blockers.
   */
  setUp(framework: Framework, details: SetupDetails, defaultYearStart: YearMonth, onProgress?: ProgressListener): Promise<SetupOutcome>;
  /** Activates the sheet and selects the cell (1 sync). */
  selectCell(sheet: string, cell: string): Promise<void>;
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
   * Builds or refreshes the board summary: Board summary, Summary charts, Summary pivots and Summary
   * data sheets with their tables, PivotTables and charts (3 syncs; a failure part-way removes what
   * it made, 2 more). Commentary typed in KeyFigures is kept; no other sheet is touched.
   */
  summarise(today: Date, onProgress?: ProgressListener): Promise<SummariseOutcome>;
  /**
   * Adds submissions to the sector workbook open in Excel: reads its ledger (Submissions, Register,
   * SectorData, Revisions), collates, and replaces the sector sheets, charts and PivotTable
   * (2 + B + 1 syncs, B the write batches that keep each request under the budget; src/excel/collate.ts).
   */
  collate(submissions: readonly CollateSubmission[], options: CollateInExcelOptions, onProgress?: ProgressListener): Promise<CollateInExcelOutcome>;
  /** Activates the Board summary and selects its title (1 sync). */
  showSheet(sheet: string): Promise<void>;
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

/**
 * After a failed Set up: removes the sheets it added (they hold nothing of the user's) and puts
 * back the protection, with its options, of every sheet that was protected before Set up
 * unprotected it (2 syncs). Returns what it could not undo, in words, or "" when all was undone.
 */
async function rollBack(host: ExcelHost, plan: SetupPlan, before: readonly SheetProtectionState[]): Promise<string> {
  const added = new Set(plan.operations.flatMap((op) => (op.kind === "addSheet" ? [op.sheet.toLowerCase()] : [])));
  const wasProtected = before.filter((p) => p.protected && !added.has(p.sheet.toLowerCase()));
  const left: { added: string[]; unprotected: string[] } = { added: [], unprotected: [] };
  try {
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/protection/protected");
      await context.sync();
      for (const sheet of sheets.items) {
        const name = sheet.name.toLowerCase();
        if (added.has(name)) {
          sheet.delete();
          continue;
        }
        const state = wasProtected.find((p) => p.sheet.toLowerCase() === name);
        if (state && !sheet.protection.protected) sheet.protection.protect(state.options);
      }
      await context.sync();
    });
    return "";
  } catch {
    // Say exactly what was left, from a fresh look at the workbook.
    try {
      await host.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name,items/protection/protected");
        await context.sync();
        for (const sheet of sheets.items) {
          const name = sheet.name.toLowerCase();
          if (added.has(name)) left.added.push(sheet.name);
          else if (wasProtected.some((p) => p.sheet.toLowerCase() === name) && !sheet.protection.protected) left.unprotected.push(sheet.name);
        }
      });
    } catch {
      // Excel cannot be reached: name every sheet Set up took protection off.
      const unprotected = new Set(plan.operations.flatMap((op) => (op.kind === "unprotect" ? [op.sheet.toLowerCase()] : [])));
      left.unprotected.push(...wasProtected.filter((p) => unprotected.has(p.sheet.toLowerCase())).map((p) => p.sheet));
      left.added.push(...plan.operations.flatMap((op) => (op.kind === "addSheet" ? [op.sheet] : [])));
    }
  }
  const quoted = (names: string[]) => names.map((n) => `'${n}'`).join(", ");
  const parts: string[] = [];
  if (left.unprotected.length > 0) parts.push(`${quoted(left.unprotected)} ${left.unprotected.length > 1 ? "are" : "is"} left unprotected (protect again with Review > Protect Sheet)`);
  if (left.added.length > 0) parts.push(`the half-made ${left.added.length > 1 ? "sheets" : "sheet"} ${quoted(left.added)} could not be removed (delete ${left.added.length > 1 ? "them" : "it"})`);
  return parts.length > 0 ? `It could not undo everything: ${parts.join("; ")}.` : "";
}

/** What a failed Set up left, once rolled back: the existing sheets it may have part-updated. */
function partlyUpdated(plan: SetupPlan): string {
  const added = new Set(plan.operations.flatMap((op) => (op.kind === "addSheet" ? [op.sheet] : [])));
  const updated = [...new Set(plan.changes.filter((c) => c.action === "update" && !added.has(c.sheet)).map((c) => `'${c.sheet}'`))];
  const undone = "The sheets it was adding were removed and your sheets' protection was put back as it was.";
  return updated.length > 0 ? `${undone} Some updates to ${updated.join(", ")} may already have been made (every entry is kept); run Set up again to finish them.` : undone;
}

/**
 * The sheets of a new workbook (none of the returns tables yet) with a default name ("Sheet1")
 * that hold nothing: no values, tables, PivotTables or charts. One sync, and only when there is
 * such a sheet to look at; a workbook already set up costs nothing.
 */
async function emptyDefaultSheets(context: Excel.RequestContext, snapshot: WorkbookSnapshot): Promise<string[]> {
  const ours = new Set<string>(Object.values(TABLE).map((t) => t.toLowerCase()));
  if (snapshot.sheets.some((s) => s.tables.some((t) => ours.has(t.toLowerCase())))) return [];
  const candidates = snapshot.sheets.filter((s) => s.tables.length === 0 && isDefaultSheetName(s.name));
  if (candidates.length === 0) return [];
  const probes = candidates.map((s) => {
    // Worksheet.getUsedRangeOrNullObject (ExcelApi 1.4), values only: formats alone leave a sheet empty.
    const used = context.workbook.worksheets.getItem(s.name).getUsedRangeOrNullObject(true);
    const charts = context.workbook.worksheets.getItem(s.name).charts.load("items/name");
    const pivots = context.workbook.worksheets.getItem(s.name).pivotTables.load("items/name");
    return { name: s.name, used, charts, pivots };
  });
  await context.sync();
  return probes.filter((p) => p.used.isNullObject && p.charts.items.length === 0 && p.pivots.items.length === 0).map((p) => p.name);
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
export function createExcelGateway(host: ExcelHost, clock: { today?: () => Date } = {}): ExcelGateway {
  /** The data the last check saw (a checksum), for the probe that catches unreported changes. */
  let fingerprint: string | undefined;
  const run = async <T>(action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await host.run(batch);
    } catch (error) {
      throw toUserFacingError(action, error);
    }
  };

  return {
    readWorkbook: () => run("Reading the workbook", (context) => readSnapshot(context)),

    previewSetup: (framework, details, defaultYearStart) =>
      run("Reading the workbook", async (context) => {
        const snapshot = await readSnapshot(context, { setup: true });
        return planSetup(snapshot, framework, details, defaultYearStart, { emptySheets: await emptyDefaultSheets(context, snapshot) });
      }),

    setUp: async (framework, details, defaultYearStart, onProgress) => {
      let writing: SetupPlan | undefined;
      let protection: SheetProtectionState[] = [];
      try {
        return await host.run(async (context) => {
          onProgress?.("Reading the workbook", 0.1);
          const state = await readWorkbookState(context, { setup: true });
          const snapshot = state.snapshot;
          protection = state.protection;
          const emptySheets = await emptyDefaultSheets(context, snapshot);
          onProgress?.("Working out what to add", 0.35);
          const plan = planSetup(snapshot, framework, details, defaultYearStart, { emptySheets });
          if (plan.blockers.length > 0) {
            throw new UserFacingError(`Set up did not change anything: ${plan.blockers.join(" ")}`, "Resolve the problem above, then run Set up again.");
          }
          onProgress?.("Writing the sheets", 0.5);
          context.workbook.application.suspendApiCalculationUntilNextSync();
          queueOperations(context, plan.operations);
          writing = plan;
          await context.sync();
          writing = undefined;
          onProgress?.("Done", 1);
          return { plan };
        });
      } catch (error) {
        // Excel applies a failed batch up to the failing step. Sheets this Set up added hold
        // nothing of the user's, so remove them rather than leave a half-made return, and put
        // back the protection Set up took off the user's sheets; say exactly what could not be undone.
        const failure = toUserFacingError("Set up", error);
        if (!writing) throw failure;
        const left = await rollBack(host, writing, protection);
        throw new UserFacingError(`${failure.message.replace(/([^.!?])$/, "$1.")} ${left || partlyUpdated(writing)}`, failure.hint);
      }
    },

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

    summarise: async (today, onProgress) => {
      try {
        return await summariseInExcel(host, today, onProgress);
      } catch (error) {
        throw toUserFacingError("Summarise", error);
      }
    },

    collate: async (submissions, options, onProgress) => {
      try {
        return await collateInExcel(host, submissions, options, onProgress);
      } catch (error) {
        throw toUserFacingError("Collate", error);
      }
    },

    showSheet: (sheet) =>
      run("Going to the sheet", async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange("A1").select();
        await context.sync();
      }),

    selectCell: (sheet, cell) =>
      run("Going to the cell", async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
  };
}
