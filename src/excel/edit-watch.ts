/**
 * Watching for the user's edits (the Check view re-checks when the officer edits the return), on
 * every Excel the add-in runs on. Part of the Excel gateway (./gateway.ts): the gateway runs every
 * capability's batches through `EditWatch.host`, and Check's `watchEdits` is `EditWatch.watch`.
 *
 * Excel raises `onChanged` for the add-in's own writes as well as the user's. Telling them apart:
 *
 * - **ExcelApi 1.14 and later**: `WorksheetChangedEventArgs.triggerSource` is "ThisLocalAddin" for
 *   the add-in's own writes ("[API set: ExcelApi 1.14]",
 *   https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs).
 * - **Before 1.14** (Excel on Windows before Version 2108, on Mac before 16.52, on iPad before
 *   16.53: https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets)
 *   there is no `triggerSource` (Office.js passes it on as `undefined`). While something watches,
 *   each batch the gateway runs switches this add-in's events off at its start and on again at its
 *   end (`context.runtime.enableEvents`, ExcelApi 1.8, "Toggle JavaScript events in the current
 *   task pane or content add-in": https://learn.microsoft.com/javascript/api/excel/excel.runtime),
 *   so the add-in's own writes, the sheets it adds included, raise nothing; what still arrives is
 *   someone's edit. The cost: the switching back rides a final sync of each batch (one more sync,
 *   only on those versions and only while the Check view watches), and an edit the user makes
 *   while a batch of the add-in's is running is not reported (the probe below may still see it).
 *
 * In either path, a sheet's name is looked up by its id when an event comes, reading the names
 * again (1 sync) for a sheet added since watching began (by Set up, Summarise, Collate or the user),
 * and adding a sheet is never itself an edit (the watch does not listen to `worksheets.onAdded`).
 */
import type { WorkbookSnapshot } from "../core/workbook/types";
import { SHEET } from "../core/layout/contract";
import { runAction } from "./errors";
import type { ExcelBatch, ExcelHost } from "./host";
import { readSnapshot } from "./read";

/** How long the selection must rest on a data sheet before the data is read again for changes no event reported. */
export const PROBE_DELAY_MS = 2000;

/** The sheets whose cells are the return's data (a change there needs a new check). */
const DATA_SHEETS = new Set([SHEET.return, SHEET.measures, SHEET.stakeholders, SHEET.outcomes, SHEET.caseStudies, SHEET.reflections].map((s) => s.toLowerCase()));

/** The ExcelApi set that brought `triggerSource`, and the one that brought `context.runtime.enableEvents`. */
const TRIGGER_SOURCE_API = "1.14";
const ENABLE_EVENTS_API = "1.8";

export interface WatchOptions {
  /** How long the selection rests on a data sheet before the probe reads (default PROBE_DELAY_MS). */
  probeDelayMs?: number;
}

export interface EditWatch {
  /** The host the gateway's capabilities run their batches through (quiet while watching before 1.14). */
  readonly host: ExcelHost;
  /**
   * Calls `onEdit` when the user changes a sheet (typing or pasting), not for the add-in's own writes
   * nor a colleague's in a shared workbook. Resolves to a function that stops watching.
   */
  watch(onEdit: () => void, options?: WatchOptions): Promise<() => Promise<void>>;
  /**
   * What the last check saw (a checksum of the return's data) and how it was taken, for the probe
   * that catches unreported changes (given by Check, so the watch needs no checks engine of its own).
   */
  checked(fingerprint: string, fingerprintOf: (snapshot: WorkbookSnapshot) => string): void;
}

export function createEditWatch(excel: ExcelHost): EditWatch {
  const hasTriggerSource = excel.isSetSupported("ExcelApi", TRIGGER_SOURCE_API);
  const canQuiet = !hasTriggerSource && excel.isSetSupported("ExcelApi", ENABLE_EVENTS_API);
  let watchers = 0;
  /** Quiet batches under way: events go back on when the last one ends. */
  let quietBatches = 0;
  let fingerprint: string | undefined;
  let fingerprintOf: ((snapshot: WorkbookSnapshot) => string) | undefined;

  const quietly = <T>(batch: ExcelBatch<T>): Promise<T> =>
    excel.run(async (context) => {
      quietBatches++;
      context.runtime.enableEvents = false;
      let ended = false;
      const end = () => {
        if (ended) return false;
        ended = true;
        quietBatches--;
        if (quietBatches > 0) return false;
        context.runtime.enableEvents = true;
        return true;
      };
      try {
        const result = await batch(context);
        end(); // sent by Excel.run's final sync
        return result;
      } catch (error) {
        // A failed batch sends nothing more by itself: switch events back on explicitly.
        if (end()) await context.sync().catch(() => undefined);
        throw error;
      }
    });

  const host: ExcelHost = {
    run: (batch) => (canQuiet && watchers > 0 ? quietly(batch) : excel.run(batch)),
    runIn: (context, batch) => excel.runIn(context, batch),
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
    ...(excel.createWorkbook ? { createWorkbook: excel.createWorkbook } : {}),
  };

  return {
    host,
    checked: (value, measure) => {
      fingerprint = value;
      fingerprintOf = measure;
    },
    watch: async (onEdit, options = {}) => {
      const probeDelay = options.probeDelayMs ?? PROBE_DELAY_MS;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let probing = false;
      let names = new Map<string, string>();
      const readNames = () =>
        excel.run(async (context) => {
          const sheets = context.workbook.worksheets.load("items/id,items/name");
          await context.sync();
          return new Map(sheets.items.map((s) => [s.id, s.name.toLowerCase()]));
        });
      /** A sheet's lower-case name; one read of the names for a sheet added (or renamed) since. */
      const nameOf = async (id: string): Promise<string | undefined> => {
        if (!names.has(id)) {
          try {
            names = await readNames();
          } catch {
            return undefined;
          }
        }
        return names.get(id);
      };
      // Excel on the web raises no onChanged for a value picked from a dropdown (office-js issues
      // 3888 and 4066). So when the selection moves on a data sheet, once it has rested, the data is
      // read again (2 syncs) and compared with what the last check saw: a change re-checks.
      const probe = async () => {
        if (probing || fingerprint === undefined || !fingerprintOf) return;
        probing = true;
        try {
          const now = fingerprintOf(await excel.run((context) => readSnapshot(context)));
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
      const registration = await runAction(excel, "Watching for edits", async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/id,items/name");
        const changed = sheets.onChanged.add(async (event) => {
          // A colleague's edit in a shared workbook (source "Remote"): their own pane re-checks; re-checking
          // here too would make each pane's rewrite of the Checks list set off the other's.
          if (event.source === "Remote") return;
          // Undefined before ExcelApi 1.14: then the add-in's own writes raised nothing (see above),
          // unless events could not be switched off, when the Checks sheet Check writes is left out.
          const source = (event as { triggerSource?: string }).triggerSource;
          if (source === "ThisLocalAddin") return;
          const name = await nameOf(event.worksheetId);
          if (name === SHEET.framework.toLowerCase()) return;
          if (source === undefined && !canQuiet && name === SHEET.checks.toLowerCase()) return;
          onEdit();
        });
        const selected = sheets.onSelectionChanged.add(async (event) => {
          const name = await nameOf(event.worksheetId);
          if (name === undefined || !DATA_SHEETS.has(name)) return;
          if (timer !== undefined) clearTimeout(timer);
          timer = setTimeout(() => {
            timer = undefined;
            void probe();
          }, probeDelay);
        });
        await context.sync();
        names = new Map(sheets.items.map((s) => [s.id, s.name.toLowerCase()]));
        return [changed, selected] as const;
      });
      watchers++;
      let stopped = false;
      return () => {
        if (timer !== undefined) clearTimeout(timer);
        if (!stopped) watchers--;
        stopped = true;
        return excel.runIn(registration[0].context, async (context) => {
          for (const handler of registration) handler.remove();
          await context.sync();
        });
      };
    },
  };
}
