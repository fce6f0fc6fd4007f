/** What a caller asks for: one native chart on one worksheet. See ./index.ts. */

export interface ChartSeriesSpec {
  /** The series name shown in the legend (literal text, not a cell reference). */
  name: string;
  /** Absolute reference with the sheet, e.g. `'Summary charts'!$C$2:$C$13` (see sheetRef). */
  values: string;
  /** The values as they are in the cells (null for a blank), cached in the chart for viewers that do not recalculate. */
  cache?: readonly (number | null)[];
}

export type ChartType = "column" | "line" | "bar";

export interface CellPosition {
  /** 0-based column index (0 = A). */
  col: number;
  /** 0-based row index (0 = row 1). */
  row: number;
}

export interface ChartSpec {
  /** Worksheet name as in the workbook. */
  sheet: string;
  /** Chart name, unique on its sheet (the drawing object's name in Excel's selection pane). */
  name: string;
  /** Clustered column, line with markers, or clustered horizontal bar. */
  type: ChartType;
  title: string;
  /** Absolute reference to the category cells (month dates or text). */
  categories: string;
  /**
   * The categories as cached in the chart. Strings are labels as shown (text categories); numbers
   * are the cells' values, e.g. date serial numbers (date categories). A string cache is left out
   * for date categories, whose cache must hold numbers.
   */
  categoriesCache?: readonly (string | number)[];
  /** A number format for date (or number) categories, e.g. "mmm yyyy"; makes the category axis a date axis. */
  categoryNumberFormat?: string;
  series: readonly ChartSeriesSpec[];
  valueAxisTitle?: string;
  categoryAxisTitle?: string;
  /** e.g. '"£"#,##0.00' or "#,##0"; default: the cells' own format. */
  valueNumberFormat?: string;
  /** Default: shown only with 2+ series. */
  legend?: boolean;
  /** Start the value axis at zero (default: yes for column and bar charts, no for lines) when no cached figure is negative. */
  valueAxisFromZero?: boolean;
  /** The cells the chart covers: from the top-left corner of `from` to the top-left corner of `to` (0-based). */
  anchor: { from: CellPosition; to: CellPosition };
}
