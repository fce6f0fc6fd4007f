/**
 * The sector workbook's tables as data: typed, formatted cells (text, number, date, percent), the
 * form both gateways write (src/excel/collate.ts, src/xlsx/sector.ts).
 */
import { NUMBER_FORMAT } from "../layout/contract";
import type { ChartSpec, PivotSpec } from "../summary/specs";
import type { PageLayout } from "../workbook/types";

/** How a cell is shown. */
export type SectorFormat = "text" | "count" | "hours" | "gbp" | "decimal" | "month" | "date" | "percent" | "whole";

/** The format of a measure's figures in the sector workbook, by its unit. */
export const unitFormat = (unit: "count" | "gbp" | "hours" | "people"): SectorFormat => (unit === "gbp" ? "gbp" : unit === "hours" ? "hours" : "count");

export const SECTOR_FORMATS: Record<SectorFormat, string> = {
  text: NUMBER_FORMAT.text,
  count: NUMBER_FORMAT.count,
  hours: NUMBER_FORMAT.hours,
  gbp: NUMBER_FORMAT.gbp,
  decimal: NUMBER_FORMAT.decimal,
  month: NUMBER_FORMAT.month,
  date: NUMBER_FORMAT.date,
  percent: "0.0%",
  whole: "0",
};

/** A cell: text (always written as text), a number, or blank; a number may carry its own format. */
export type SectorCell = string | number | null | { value: number; format: SectorFormat };

export interface SectorColumn {
  header: string;
  /** The column's format (a cell's own format wins). */
  format: SectorFormat;
  width: number;
  /** Long text (reasons, notes): wrapped within the column, aligned to the top, so it prints within its width. */
  wrap?: boolean;
}

export interface SectorTablePlan {
  sheet: string;
  table: string;
  columns: SectorColumn[];
  rows: SectorCell[][];
  /** Label/value cells to the right of the table, one blank column between (e.g. the sector's homes). */
  aside?: [string, SectorCell][];
  /** How the sheet prints (src/core/layout/print.ts). */
  layout?: PageLayout;
  /** Lines of plain text below the table, one blank row between (how the figures are made). */
  notes?: string[];
}

/** The header row's height in lines: a header longer than its column wraps (about a character a unit of width). */
export function headerLines(columns: readonly SectorColumn[]): number {
  return Math.min(4, Math.max(1, ...columns.map((c) => Math.ceil(c.header.length / Math.max(1, c.width - 1)))));
}

/**
 * A row's height in lines: its longest wrapped text over its column's width (about a character a
 * unit of width). Files say it (programs that open them need not fit rows to wrapped text); Excel
 * fits rows itself.
 */
export function rowLines(row: readonly SectorCell[], columns: readonly SectorColumn[]): number {
  let lines = 1;
  row.forEach((cell, i) => {
    const column = columns[i];
    if (column?.wrap && typeof cell === "string" && cell.length > 0) lines = Math.max(lines, Math.ceil(cell.length / Math.max(1, column.width - 1)));
  });
  return Math.min(lines, 15);
}

/** Points a line of 11-point text takes in a row. */
export const LINE_POINTS = 15;

/**
 * Any workbook of sector tables a gateway writes: the sector workbook (SectorPlan), the sector
 * bulletin and an organisation's feedback (./bulletin.ts, ./feedback.ts), which have charts
 * but no PivotTable.
 */
export interface TablesPlan {
  /** The workbook's title (docProps). */
  title: string;
  tables: SectorTablePlan[];
  /** The charts sheet: its data table and charts, after the tables. */
  drawing?: { data: SectorTablePlan; charts: ChartSpec[] };
}

export interface SectorPlan {
  title: string;
  /** The tables of docs/sector-format.md, in sheet order. */
  tables: SectorTablePlan[];
  /** The charts sheet (its data table and charts) and the PivotTable: see ./drawing.ts. */
  drawing: { data: SectorTablePlan; charts: ChartSpec[]; pivots: PivotSpec[]; pivotHeading: string; pivotWidths: readonly number[] };
}
