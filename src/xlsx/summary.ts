/**
 * The .xlsx gateway for Summarise: a new workbook holding the summary sheets of a return, written
 * from the core's plan. exceljs writes no PivotTables and no charts, so KeyFigures and SocialValue
 * hold live formulas over the Summary data sheet (the plan's `formulas` option) and the charts are
 * added as native chart parts by ./charts. The user's return is never re-saved.
 */
import { Workbook } from "exceljs";
import type { SummaryPlan } from "../core/summary";
import { TOOL_NAME } from "../core/version";
import { isFormulaCell, type PlannedCell, type WorkbookOperation } from "../core/workbook/types";
import { applyOperations } from "./apply";
import { addCharts, toFileChart } from "./charts";

export interface SummaryWorkbookOptions {
  title: string;
  /** Cache the core's results in formula cells (default). Without, a spreadsheet program must calculate them (tests use this). */
  cacheResults?: boolean;
}

function withoutResults(operations: readonly WorkbookOperation[]): WorkbookOperation[] {
  const strip = (cells: PlannedCell[][]) => cells.map((row) => row.map((c) => (isFormulaCell(c) ? { formula: c.formula } : c)));
  return operations.map((op) => (op.kind === "write" ? { ...op, cells: strip(op.cells) } : op.kind === "addTable" ? { ...op, rows: strip(op.rows) } : op));
}

/** The summary workbook's bytes. */
export async function summaryWorkbookBytes(plan: SummaryPlan, options: SummaryWorkbookOptions): Promise<Uint8Array> {
  const workbook = new Workbook();
  const now = new Date();
  workbook.creator = TOOL_NAME;
  workbook.lastModifiedBy = TOOL_NAME;
  workbook.created = now;
  workbook.modified = now;
  workbook.title = options.title;
  applyOperations(workbook, options.cacheResults === false ? withoutResults(plan.operations) : plan.operations);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return plan.charts.length === 0 ? bytes : addCharts(bytes, plan.charts.map(toFileChart));
}
