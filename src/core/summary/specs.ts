/**
 * PivotTables and charts as data: what Summarise asks a gateway to draw. The Excel gateway turns
 * them into Office.js PivotTables and charts; the .xlsx gateway writes the charts as native chart
 * parts (exceljs writes no PivotTables: files get live formulas instead, see key-figures.ts).
 */

/** A PivotTable over the SummaryData table. */
export interface PivotSpec {
  name: string;
  /** The sheet the pivot goes on and its top-left cell there. */
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
