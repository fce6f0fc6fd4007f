/**
 * Set up in Excel: previews and applies the core's Set up plan (src/core/setup/plan.ts), rolling
 * back what a failed write added. Part of the Excel gateway (./gateway.ts).
 */
import type { Framework } from "../core/framework";
import type { YearMonth } from "../core/calendar";
import { planSetup, type SetupDetails, type SetupPlan } from "../core/setup/plan";
import { queueOperations } from "./apply";
import { emptyDefaultSheets } from "./default-sheets";
import { runAction, toUserFacingError, UserFacingError } from "./errors";
import type { ExcelHost } from "./host";
import type { ProgressListener } from "./progress";
import { readSnapshot, readWorkbookState, type SheetProtectionState } from "./read";

/** Set up's part of the gateway. */
export interface SetupGateway {
  /** Reads the workbook and works out what Set up would do, changing nothing (2 syncs). */
  previewSetup(framework: Framework, details: SetupDetails, defaultYearStart: YearMonth): Promise<SetupPlan>;
  /**
   * Inserts or upgrades the returns sheets (at most 3 syncs: a new workbook reads in one, looks at
   * its default sheet in one, writes in one). On a new workbook, an empty default sheet ("Sheet1")
   * is deleted last. Refuses, changing nothing, when the plan has blockers.
   */
  setUp(framework: Framework, details: SetupDetails, defaultYearStart: YearMonth, onProgress?: ProgressListener): Promise<SetupOutcome>;
}

export interface SetupOutcome {
  plan: SetupPlan;
}

/**
 * After a failed Set up: removes the sheets it added (they hold nothing of the user's) and puts
 * back the protection, with its options, of every sheet that was protected before Set up
 * unprotected it (2 syncs). Returns what it could not undo, in words, or "" when all was undone.
 */
/** Loads every sheet's name and protection (1 sync), calls `visit` on each (by its lower-case name), and syncs what it queued (1 more). */
async function eachSheet(host: ExcelHost, visit: (sheet: Excel.Worksheet, name: string) => void): Promise<void> {
  await host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/protection/protected");
    await context.sync();
    for (const sheet of sheets.items) visit(sheet, sheet.name.toLowerCase());
    await context.sync();
  });
}

async function rollBack(host: ExcelHost, plan: SetupPlan, before: readonly SheetProtectionState[]): Promise<string> {
  const added = new Set(plan.operations.flatMap((op) => (op.kind === "addSheet" ? [op.sheet.toLowerCase()] : [])));
  const wasProtected = before.filter((p) => p.protected && !added.has(p.sheet.toLowerCase()));
  const left: { added: string[]; unprotected: string[] } = { added: [], unprotected: [] };
  try {
    await eachSheet(host, (sheet, name) => {
      if (added.has(name)) {
        sheet.delete();
        return;
      }
      const state = wasProtected.find((p) => p.sheet.toLowerCase() === name);
      if (state && !sheet.protection.protected) sheet.protection.protect(state.options);
    });
    return "";
  } catch {
    // Say exactly what was left, from a fresh look at the workbook.
    try {
      await eachSheet(host, (sheet, name) => {
        if (added.has(name)) left.added.push(sheet.name);
        else if (wasProtected.some((p) => p.sheet.toLowerCase() === name) && !sheet.protection.protected) left.unprotected.push(sheet.name);
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

export function createSetupGateway(host: ExcelHost): SetupGateway {
  const run = <T>(action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => runAction(host, action, batch);
  return {
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

  };
}
