/**
 * The shape of a sheet's definition: its table and, for each column, the header, how wide it is,
 * how its body cells are formatted, validated and locked, and how the return reader reads them.
 * One module per sheet of the contract (./return.ts, ./measures.ts, ...) exports one definition;
 * Set up's sheet rules (src/core/setup/sheet-rules.ts) turn them into operations and the return
 * reader (src/core/return/) finds the columns by their headers.
 */
import type { Framework } from "../framework";
import type { SheetName, TableName } from "../layout/names";
import type { Validation } from "../workbook/types";

/** What a column's width or validation may depend on: the framework and the dropdown lists' references. */
export interface SheetContext {
  framework: Framework;
  /** The reporting year's month labels ("Apr 2020" ...). */
  monthLabels: readonly string[];
  /** Absolute references of the lists dropdowns offer. */
  lists: { outcomeAreas: string; months: string; stakeholderGroups: string };
}

/**
 * How the reader and Check take a column's cells: `text`; `number` (a figure, text numbers read
 * but marked); `whole` (a whole number); `percent` (a fraction, "25%" typed as text read as 0.25);
 * `month` (a month of the reporting year); `list` (one of a dropdown's values); `yes-no`;
 * `formula` (worked out by the workbook); `key` (written by the tool, identifies the row).
 */
export type ReadAs = "text" | "number" | "whole" | "percent" | "month" | "list" | "yes-no" | "formula" | "key";

/**
 * Who owns a column's body cells: `entry` cells are unlocked for the officer; `key` cells are
 * written by the tool and locked; `formula` cells are locked and their rule says so again.
 * A column without `cells` gets no locking rule of its own.
 */
export type CellOwner = "entry" | "key" | "formula";

export interface ColumnDefinition {
  header: string;
  /** Width in characters (at least the header and its filter button), or worked out from the framework. */
  width: number | ((context: SheetContext) => number);
  hidden?: boolean;
  cells?: CellOwner;
  wrap?: boolean;
  numberFormat?: string;
  validation?: (context: SheetContext, header: string) => Validation;
  read: ReadAs;
}

export interface SheetDefinition {
  sheet: SheetName;
  table: TableName;
  /** The table style Set up gives the table when it makes it. */
  style: string;
  /** The table's columns in order; their headers are the contract's. */
  columns: readonly ColumnDefinition[];
  /** Rows and columns frozen; none when absent. */
  freeze?: { rows: number; columns: number };
  /** Whether the header row is locked and the sheet protected (entry sheets), printed (page layout) and hidden. */
  protect: boolean;
  print: boolean;
  hidden?: boolean;
}

/** The headers of a sheet's columns, in order. */
export function headersOf<const C extends readonly { header: string }[]>(columns: C): { readonly [K in keyof C]: C[K]["header"] } {
  return columns.map((c) => c.header) as unknown as { readonly [K in keyof C]: C[K]["header"] };
}

/** Characters a table header's filter button takes beside the header text. */
export const FILTER_BUTTON = 3;
/** Characters of padding a value needs to show without "####" or spilling. */
const CELL_PADDING = 2;

/** A column width that shows the header in full (beside its filter button) and values of `widestValue` characters, within `max`. */
export function fit(header: string, widestValue: number, max = 60): number {
  return Math.min(Math.max(max, header.length + FILTER_BUTTON), Math.max(header.length + FILTER_BUTTON, widestValue + CELL_PADDING));
}

/** The style of the tables officers fill in (the Framework sheet's table is plainer). */
export const TABLE_STYLE = "TableStyleMedium2";

/** An officer's sheet: its table in TABLE_STYLE, header locked and sheet protected, printed; `freeze` rows and columns (the header row and key columns by default). */
export function entrySheet(sheet: SheetName, table: TableName, columns: readonly ColumnDefinition[], freeze = { rows: 1, columns: 1 }, protect = true): SheetDefinition {
  return { sheet, table, style: TABLE_STYLE, columns, freeze, protect, print: true };
}
