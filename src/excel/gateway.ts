/**
 * The Excel gateway: every user action that touches the open workbook, each in a small fixed
 * number of context.sync calls whatever the size of the data. The only module that calls run().
 */
import type { Framework } from "../core/framework";
import type { YearMonth } from "../core/layout/months";
import { planSetup, type SetupDetails, type SetupPlan } from "../core/setup/plan";
import type { WorkbookSnapshot } from "../core/workbook/types";
import { queueOperations } from "./apply";
import { toUserFacingError, UserFacingError } from "./errors";
import type { ExcelHost } from "./host";
import { readSnapshot } from "./read";

export type ProgressListener = (step: string, fraction: number) => void;

export interface SetupOutcome {
  plan: SetupPlan;
  /** context.sync calls used. */
  syncs: number;
}

export interface ExcelGateway {
  /** Reads sheet names and our tables (2 syncs). */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** Reads the workbook and works out what Set up would do, changing nothing (2 syncs). */
  previewSetup(framework: Framework, details: SetupDetails, defaultYearStart: YearMonth): Promise<SetupPlan>;
  /** Inserts or upgrades the returns sheets (at most 3 syncs). Refuses, changing nothing, when the plan has blockers. */
  setUp(framework: Framework, details: SetupDetails, defaultYearStart: YearMonth, onProgress?: ProgressListener): Promise<SetupOutcome>;
  /** Activates the sheet and selects the cell (1 sync). */
  selectCell(sheet: string, cell: string): Promise<void>;
}

/** Counts syncs for one batch, so each action can report (and tests can assert) its cost. */
function counter(context: Excel.RequestContext): { sync: () => Promise<void>; count: () => number } {
  let n = 0;
  return {
    sync: async () => {
      n++;
      await context.sync();
    },
    count: () => n,
  };
}

export function createExcelGateway(host: ExcelHost): ExcelGateway {
  const run = async <T>(action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await host.run(batch);
    } catch (error) {
      throw toUserFacingError(action, error);
    }
  };

  return {
    readWorkbook: () => run("Reading the workbook", (context) => readSnapshot(context, counter(context).sync)),

    previewSetup: (framework, details, defaultYearStart) =>
      run("Reading the workbook", async (context) => planSetup(await readSnapshot(context, counter(context).sync), framework, details, defaultYearStart)),

    setUp: (framework, details, defaultYearStart, onProgress) =>
      run("Set up", async (context) => {
        const syncs = counter(context);
        onProgress?.("Reading the workbook", 0.1);
        const snapshot = await readSnapshot(context, syncs.sync);
        onProgress?.("Working out what to add", 0.35);
        const plan = planSetup(snapshot, framework, details, defaultYearStart);
        if (plan.blockers.length > 0) {
          throw new UserFacingError(`Set up did not change anything: ${plan.blockers.join(" ")}`, "Resolve the problem above, then run Set up again.");
        }
        onProgress?.("Writing the sheets", 0.5);
        context.workbook.application.suspendApiCalculationUntilNextSync();
        queueOperations(context, plan.operations);
        await syncs.sync();
        onProgress?.("Done", 1);
        return { plan, syncs: syncs.count() };
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
