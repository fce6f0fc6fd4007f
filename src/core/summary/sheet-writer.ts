/**
 * How Summarise's sheets are written, shared by the parts of its plan (plan.ts, board.ts): a sheet
 * as a list of operations, runs of number formats, each unit's format (with the † mark of a figure
 * whose warning is not yet explained), and how the sheets print.
 */
import { rangeAddress } from "../layout/a1";
import { NUMBER_FORMAT } from "../layout/contract";
import { monthLabel } from "../calendar";
import { TOOL_LABEL } from "../version";
import { a4Landscape } from "../layout/print";
import { type PageLayout, type PlannedCell, type RangeRule, type WorkbookOperation } from "../workbook/types";
import type { Commentary } from "./key-figures";
import type { MeasureSummary, ReturnSummary } from "./model";

export interface SummaryPlanOptions {
  /** When the summary is built (shown in its title block). */
  builtAt: Date;
  /** Files: KeyFigures and SocialValue as live formulas over the Summary data sheet. Excel: figures (its pivots are the live part). */
  formulas: boolean;
  /** Excel: PivotTables on a Summary pivots sheet. Files cannot hold them. */
  pivots: boolean;
  /** Commentary typed in the last summary's KeyFigures, kept by code and breakdown. */
  commentary?: Commentary;
}

export const STYLE = "TableStyleMedium2";
export const LIGHT_STYLE = "TableStyleLight9";

export function unitFormat(unit: MeasureSummary["unit"]): string {
  return unit === "gbp" ? NUMBER_FORMAT.gbp : unit === "hours" ? NUMBER_FORMAT.hours : NUMBER_FORMAT.count;
}

/** The mark of a figure used with a check warning not yet explained. */
export const WARNING_MARK = "†";

/** A figure's format with the † mark after it (the figure stays a number). */
export function markedFormat(format: string): string {
  return `${format}" ${WARNING_MARK}"`;
}

/** A change's format: + or - always shown. */
export function signedFormat(format: string): string {
  return `+${format};-${format};${format}`;
}

export class Sheet {
  readonly ops: WorkbookOperation[] = [];
  constructor(readonly name: string) {
    this.ops.push({ kind: "addSheet", sheet: name });
  }
  write(row: number, col: number, cells: PlannedCell[][]): void {
    if (cells.length === 0 || cells[0]!.length === 0) return;
    this.ops.push({ kind: "write", sheet: this.name, address: rangeAddress(row, col, cells.length, cells[0]!.length), cells });
  }
  format(address: string, format: Omit<Extract<WorkbookOperation, { kind: "format" }>, "kind" | "sheet" | "address">): void {
    this.ops.push({ kind: "format", sheet: this.name, address, ...format });
  }
  table(table: string, row: number, col: number, headers: readonly string[], rows: PlannedCell[][], style = STYLE): number {
    const body = rows.length > 0 ? rows : [headers.map(() => null)];
    this.ops.push({ kind: "addTable", sheet: this.name, table, address: rangeAddress(row, col, body.length + 1, headers.length), headers, rows: body, style });
    return body.length;
  }
  rules(rules: RangeRule[]): void {
    if (rules.length > 0) this.ops.push({ kind: "applyRules", sheet: this.name, rules });
  }
  widths(widths: number[], from = 0): void {
    this.ops.push({ kind: "setColumnWidths", sheet: this.name, widths: widths.map((characters, i) => ({ column: from + i, characters })) });
  }
}

/** Groups consecutive rows with the same number format into one rule each. */
export function formatRuns(column: number, firstRow: number, formats: string[]): RangeRule[] {
  const rules: RangeRule[] = [];
  let start = 0;
  for (let i = 1; i <= formats.length; i++) {
    if (i === formats.length || formats[i] !== formats[start]) {
      rules.push({ address: rangeAddress(firstRow + start, column, i - start, 1), numberFormat: formats[start]! });
      start = i;
    }
  }
  return rules;
}

export function pageLayout(summary: ReturnSummary, sheet: string, printTitleRows: string | undefined, printArea: string | undefined): PageLayout {
  const layout = a4Landscape({
    header: { left: summary.organisation ?? "Return", center: sheet, right: `Reporting year from ${monthLabel(summary.yearStart)}` },
    footerLeft: TOOL_LABEL,
    printArea,
  });
  if (printTitleRows) layout.printTitleRows = printTitleRows;
  return layout;
}

