/**
 * The Measures sheet: table Measures, the five key columns (Code hidden) then one column a month of
 * the reporting year. The rows the framework calls for, the words of the Unit and Kind cells, the
 * widths, and the format and validation of a measure's month cells.
 */
import type { Framework, Measure } from "../framework";
import { NUMBER_FORMAT, SHEET, TABLE } from "../layout/names";
import type { RangeRule } from "../workbook/types";
import { fit, headersOf, type SheetContext, type SheetDefinition, entrySheet } from "./types";
import { measureValidation } from "./validations";

/** A measure's Unit cell as written since layout 1.1 (1.0 wrote the key: gbp, count, hours, people). */
export const UNIT_LABEL = { count: "number", people: "people", hours: "hours", gbp: "£" } as const;
/** A measure's Kind cell as written since layout 1.1 (1.0 wrote the key: flow, stock). */
export const KIND_LABEL = { flow: "this month only", stock: "at the end of the month" } as const;
export type MeasureUnitKey = keyof typeof UNIT_LABEL;
export type MeasureKindKey = keyof typeof KIND_LABEL;
/** The Breakdown value of the row that holds a broken-down measure's total. */
export const TOTAL_BREAKDOWN = "Total";

export interface MeasureRow {
  code: string;
  label: string;
  /** "" for a measure with no breakdowns, "Total" for a broken-down measure's total, else the breakdown's label. */
  breakdown: string;
  unit: Measure["unit"];
  kind: Measure["kind"];
  measure: Measure;
}

/** The rows of the Measures table that a framework calls for: one per measure, plus one per breakdown. */
export function measureRows(framework: Framework): MeasureRow[] {
  const rows: MeasureRow[] = [];
  for (const measure of framework.measures) {
    const base = { code: measure.code, label: measure.label, unit: measure.unit, kind: measure.kind, measure };
    if (measure.breakdowns.length === 0) {
      rows.push({ ...base, breakdown: "" });
    } else {
      rows.push({ ...base, breakdown: TOTAL_BREAKDOWN });
      for (const breakdown of measure.breakdowns) rows.push({ ...base, breakdown: breakdown.label });
    }
  }
  return rows;
}

/** Figures a measure's month cells hold at most, written as Excel shows them (e.g. £100,000,000.00). */
const UNBOUNDED_FIGURE = 99_999_999;

/** The widest figure a measure allows, as its number format shows it. */
export function widestFigure(measure: Measure): string {
  const decimals = measure.unit === "gbp" ? 2 : measure.unit === "hours" ? 1 : measure.numberType === "whole" ? 0 : 2;
  const largest = Math.max(Math.abs(measure.maximum ?? UNBOUNDED_FIGURE), Math.abs(measure.minimum));
  const digits = largest.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${measure.minimum < 0 ? "-" : ""}${measure.unit === "gbp" ? "£" : ""}${digits}`;
}

const widest = (texts: string[]) => Math.max(0, ...texts.map((t) => t.length));
const widestOf = (context: SheetContext, of: (row: MeasureRow) => string) => widest(measureRows(context.framework).map(of));

// Every column shows its header in full and the widest value it can hold. The Code column is for
// the centre and tools: kept (readers find it by header) but hidden, out of the officer's way.
const KEY_COLUMNS = [
  { header: "Code", width: (c: SheetContext) => fit("Code", widestOf(c, (r) => r.code), 30), hidden: true, cells: "key", read: "key" },
  { header: "Measure", width: (c: SheetContext) => fit("Measure", widestOf(c, (r) => r.label), 50), cells: "key", wrap: true, read: "key" },
  { header: "Breakdown", width: (c: SheetContext) => fit("Breakdown", widestOf(c, (r) => r.breakdown), 36), cells: "key", read: "key" },
  { header: "Unit", width: (c: SheetContext) => fit("Unit", widestOf(c, (r) => UNIT_LABEL[r.unit])), cells: "key", read: "key" },
  { header: "Kind", width: (c: SheetContext) => fit("Kind", widestOf(c, (r) => KIND_LABEL[r.kind])), cells: "key", read: "key" },
] as const satisfies SheetDefinition["columns"];

export const MEASURE_KEY_HEADERS = headersOf(KEY_COLUMNS);

export const MEASURES_SHEET: SheetDefinition = entrySheet(SHEET.measures, TABLE.measures, KEY_COLUMNS, { rows: 1, columns: 3 });

/** A month column (headed "Apr 2020"): wide enough for the largest figure the framework allows (e.g. £100,000,000.00). */
export function monthColumnWidth(label: string, context: SheetContext): number {
  return fit(label, widest(context.framework.measures.map(widestFigure)));
}

/** The rule of a block of month cells of one measure (its total and breakdowns share it); a row of no known measure takes any number. */
export function monthCellsRule(address: string, measure: Measure | undefined): RangeRule {
  return measure
    ? { address, locked: false, numberFormat: measure.unit === "gbp" ? NUMBER_FORMAT.gbp : NUMBER_FORMAT[measure.unit], validation: measureValidation(measure) }
    : { address, locked: false, numberFormat: NUMBER_FORMAT.decimal };
}
