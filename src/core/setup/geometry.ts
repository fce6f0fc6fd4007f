/**
 * Where Set up's tables end up once the plan is applied (their geometry), and the cell ranges,
 * column widths and rule ranges worked out from it. Used by the plan (./plan.ts).
 */
import { rangeAddress } from "../layout/a1";
import { headerIndex } from "../return";
import { FILTER_BUTTON } from "../sheets/types";
import type { CellValue, RangeRule } from "../workbook/types";

/** Final position and shape of one of our tables after the plan is applied. */
export interface Geometry {
  sheet: string;
  row: number;
  column: number;
  headers: string[];
  rowCount: number;
  /** Body values by header, for rows whose rules depend on their content. */
  cell(rowIndex: number, header: string): CellValue;
}

/** Sheet column of a header, or -1. */
export function columnOf(g: Geometry, header: string): number {
  const i = headerIndex(g.headers, header);
  return i < 0 ? -1 : g.column + i;
}

/** The body cells of one column, e.g. "C2:C41", or undefined when the column or body is missing. */
export function bodyColumn(g: Geometry, header: string): string | undefined {
  const col = columnOf(g, header);
  if (col < 0 || g.rowCount === 0) return undefined;
  return rangeAddress(g.row + 1, col, g.rowCount, 1);
}

export function bodyRowNumber(g: Geometry, rowIndex: number): number {
  return g.row + 2 + rowIndex; // 1-based sheet row
}

/** A column's header, width in characters and, optionally, hidden. */
export type Width = [header: string, characters: number, hidden?: boolean];

export function widthsOf(g: Geometry, widths: Width[]): { column: number; characters: number; hidden?: boolean }[] {
  return widths.flatMap(([h, characters, hidden]) => {
    const column = columnOf(g, h);
    return column < 0 ? [] : [{ column, characters: Math.max(characters, h.length + FILTER_BUTTON), ...(hidden ? { hidden } : {}) }];
  });
}

export { fit } from "../sheets/types";
export { widestFigure } from "../sheets/measures";

/** Entry (unlocked) body cells of the given columns, with shared settings. */
export function entry(g: Geometry, headers: string[], settings: Omit<RangeRule, "address" | "locked">): RangeRule[] {
  return body(g, headers, { ...settings, locked: false });
}

export function body(g: Geometry, headers: string[], settings: Omit<RangeRule, "address">): RangeRule[] {
  return headers.flatMap((h) => {
    const address = bodyColumn(g, h);
    return address ? [{ address, ...settings }] : [];
  });
}

/** Groups sorted column indexes into runs of consecutive columns: [start, count][] */
export function runs(columns: number[]): [number, number][] {
  const sorted = [...columns].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else out.push([c, 1]);
  }
  return out;
}
