/**
 * PivotTables and charts as data: what Summarise asks a gateway to draw. The Excel gateway turns
 * them into Office.js PivotTables and charts; the .xlsx gateway writes the charts as native chart
 * parts (exceljs writes no PivotTables: files get live formulas instead, see key-figures.ts).
 */
import { TOTAL_BREAKDOWN } from "../layout/contract";

/**
 * The field a measure-by-month PivotTable lists under each measure (SummaryData's and
 * SectorTotals' `Part` column): "All" for the measure's total (its Total row, or its only row),
 * "of which: <breakdown>" for each breakdown. Excel sorts a pivot's items in ascending order
 * (docs/memory-host.md, "Items"), and "All" sorts before "of which: ..." whatever the breakdowns
 * are called, so a measure's total always comes first, never among its breakdowns; and no item is
 * blank, so no row says "(blank)". The Breakdown column keeps the return's own words.
 */
export const PIVOT_PART_FIELD = "Part";
export const PIVOT_PART = { total: "All", breakdown: "of which: " } as const;

/** The Part of a measure row with this Breakdown ("" or "Total" for the measure's total). */
export function pivotPart(breakdown: string): string {
  return breakdown === "" || breakdown === TOTAL_BREAKDOWN ? PIVOT_PART.total : `${PIVOT_PART.breakdown}${breakdown}`;
}

/**
 * A measure-by-month pivot shows one unit (a data field has one number format, and each report
 * filter then shows one item, never "(Multiple Items)"): each unit's pivot-name ending and the
 * words of its heading, in the order the pivots are placed.
 */
export const PIVOT_UNITS: readonly { unit: "gbp" | "count" | "people" | "hours"; id: string; words: string }[] = [
  { unit: "gbp", id: "Money", words: "£" },
  { unit: "count", id: "Counts", words: "numbers" },
  { unit: "people", id: "People", words: "people" },
  { unit: "hours", id: "Hours", words: "hours" },
];

/** Blank rows between one measure-by-month pivot's last row and the next heading (room to spare should Excel place a filter lower). */
const PIVOT_GAP = 3;

/**
 * Where a measure-by-month pivot (rows Measure and Part, columns Month, no Grand Total row) goes
 * under a heading on `headingRow` (0-based): its destination row, below the heading, a row a
 * report filter and a blank row (Excel's filter area sits above the body: PivotLayout.getRange
 * excludes it, getFilterAxisRange returns it); its height from the heading to its last row (two
 * header rows, then one a measure row); and the row of the next heading.
 */
export function pivotBlock(headingRow: number, filters: number, measureRows: number): { destination: number; height: number; next: number } {
  const destination = headingRow + 1 + (filters > 0 ? filters + 1 : 0);
  const body = 2 + measureRows;
  return { destination, height: destination - headingRow + body, next: destination + body + PIVOT_GAP };
}

/** A PivotTable over a table the plan writes (SummaryData, SectorTotals). */
export interface PivotSpec {
  name: string;
  /**
   * The sheet the pivot goes on and the top-left cell of its body there. Its report filters take
   * the rows above: one a filter, then a blank row (Excel's filter area), so a plan leaves
   * `filters.length + 1` free rows above the destination when there are filters.
   */
  sheet: string;
  destination: string;
  /** The source table. */
  source: string;
  rows: readonly string[];
  columns: readonly string[];
  data: { field: string; name: string; numberFormat: string };
  /** Report filters: for each field, the items to hide. */
  filters: { field: string; hide: string[] }[];
  /** A Grand Total column at the right, totalling each row across the months (flows: the year to date). */
  rowGrandTotals: boolean;
  /** A Grand Total row at the bottom, totalling each month down the rows (off: rows are different measures). */
  columnGrandTotals: boolean;
  /** Rows the pivot will take at most (for placing the next one below it). */
  height: number;
  /**
   * The pivot's heading (column A, 0-based row above its filter area), written once the pivot is
   * complete: while it is being built, an empty pivot shows Excel's placeholder (18 rows by 3
   * columns) over the cells below its destination, which would wipe a heading written before.
   */
  heading?: { row: number; text: string; fontSize: number };
}

/** A chart drawn from cells the add-in writes (never from pivot cells). Addresses are on `sheet`. */
export interface ChartSpec {
  sheet: string;
  name: string;
  type: "column" | "line" | "bar";
  title: string;
  /** The category cells (months or names), e.g. "A4:A15". */
  categories: string;
  categoryLabels: string[];
  categoryNumberFormat?: string;
  series: { name: string; values: string; figures: (number | null)[] }[];
  valueAxisTitle: string;
  categoryAxisTitle: string;
  valueNumberFormat: string;
  /** The cells the chart covers, 0-based, `to` exclusive of its last row and column. */
  anchor: { from: { row: number; col: number }; to: { row: number; col: number } };
}

/**
 * Column widths (characters) of a sheet of measure-by-month PivotTables: Measure, Part, then the
 * months and a total, wide enough for "Sep 2026" and "£1,234,567.00". Excel autofits a PivotTable's
 * columns on refresh (PivotLayout.autoFormat); set them too, so the sheet reads the same before then
 * and wherever autofit is off.
 */
export const PIVOT_COLUMN_WIDTHS: readonly number[] = [40, 30, ...Array<number>(13).fill(14)];
