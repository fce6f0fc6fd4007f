/** Set up's actions: the frameworks, the workbook's details, the plan, and Set up itself. */
import { builtinFrameworks, type Framework } from "../../core/framework";
import { defaultYearStart, type YearMonth } from "../../core/calendar";
import { readExistingReturn, type ExistingReturn } from "../../core/return";
import type { SetupDetails, SetupPlan } from "../../core/setup/plan";
import type { ExcelGateway, ProgressListener, SetupOutcome } from "../../excel/gateway";

/** The Set up view: choose a framework and details, review, insert or upgrade the sheets. */
export interface SetupActions {
  /** Frameworks shipped with the tool, newest version of each first. */
  builtinFrameworks(): Framework[];
  /** Validates a framework file the user picked (its validator is fetched then); rejects with a FrameworkError, one line a fault. */
  loadFrameworkFile(fileName: string, text: string): Promise<Framework>;
  /** The reporting year to offer when the workbook has none. */
  defaultYearStart(): YearMonth;
  /** What the open workbook already says about itself (to pre-fill the Set up form). */
  readExisting(): Promise<ExistingReturn>;
  /** What Set up would add or change, without changing anything. */
  previewSetup(framework: Framework, details: SetupDetails): Promise<SetupPlan>;
  /** Inserts or upgrades the sheets. */
  runSetup(framework: Framework, details: SetupDetails, onProgress: ProgressListener): Promise<SetupOutcome>;
  /** Activates a sheet and selects a cell, e.g. ("Measures", "F2"). */
  goToCell(sheet: string, cell: string): Promise<void>;
}

/** Frameworks shipped with the tool, by title, newest version of each first. */
export function sortedBuiltinFrameworks(): Framework[] {
  return [...builtinFrameworks()].sort((a, b) => a.title.localeCompare(b.title) || b.version - a.version);
}

export function setupActions(gateway: ExcelGateway, today: () => Date): SetupActions {
  const yearStart = () => defaultYearStart(today());
  return {
    builtinFrameworks: sortedBuiltinFrameworks,
    loadFrameworkFile: async (fileName, text) => (await import(/* webpackChunkName: "framework-schema" */ "../../core/framework/load")).parseFrameworkText(text, fileName),
    defaultYearStart: yearStart,
    readExisting: async () => readExistingReturn(await gateway.readWorkbook()),
    previewSetup: (framework, details) => gateway.previewSetup(framework, details, yearStart()),
    runSetup: (framework, details, onProgress) => gateway.setUp(framework, details, yearStart(), onProgress),
    goToCell: (sheet, cell) => gateway.selectCell(sheet, cell),
  };
}
