/**
 * The preview grid's editing rules, kept apart from React so they can be tested alone: what a
 * pasted block of clipboard text becomes, where a key moves the active cell, Excel's "####" for a
 * number too wide for its column, how far text spills into empty neighbours, and what picking a
 * dropdown item types.
 */

import { parseDelimited } from "../core/delimited";
import type { ListItem } from "../memory-host";
import { interpretInput } from "../memory-host/values";

/** Excel's message when a locked cell on a protected sheet is typed in. */
export const PROTECTED_MESSAGE =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

/** Excel's grid limits (the preview draws only part of it). */
export const LAST_ROW = 1_048_575;
export const LAST_COLUMN = 16_383;

/**
 * Clipboard text as Excel reads a paste: rows split on line breaks, cells on tabs, the final line
 * break ignored. Quoted cells (as Excel writes cells holding tabs or line breaks) are unquoted.
 * Ragged rows are padded with "" so the block is a rectangle.
 */
export function parseClipboardText(text: string): string[][] {
  const rows = parseDelimited(text, "\t");
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill("")] : r));
}

export type Move = { dr: number; dc: number };

/** Where a navigation key moves the active cell (Enter and Tab too, as after typing), or undefined for other keys. */
export function moveFor(key: string, shift: boolean): Move | undefined {
  switch (key) {
    case "ArrowUp":
      return { dr: -1, dc: 0 };
    case "ArrowDown":
      return { dr: 1, dc: 0 };
    case "ArrowLeft":
      return { dr: 0, dc: -1 };
    case "ArrowRight":
      return { dr: 0, dc: 1 };
    case "Enter":
      return { dr: shift ? -1 : 1, dc: 0 };
    case "Tab":
      return { dr: 0, dc: shift ? -1 : 1 };
    default:
      return undefined;
  }
}

/** The cell a move leads to, kept within the sheet. */
export function moved(row: number, col: number, move: Move): { row: number; col: number } {
  return { row: Math.min(LAST_ROW, Math.max(0, row + move.dr)), col: Math.min(LAST_COLUMN, Math.max(0, col + move.dc)) };
}

/** Measures text in the grid's font, in CSS pixels. */
export type Measure = (text: string) => number;

const FONT = "14.5px Calibri, Carlito, 'Segoe UI', Arial, sans-serif";
let canvasContext: CanvasRenderingContext2D | null | undefined;

/** Text width in the grid's font (a canvas where there is one; an estimate elsewhere, e.g. in jsdom). */
export const measureText: Measure = (text) => {
  if (canvasContext === undefined) {
    try {
      const jsdom = typeof navigator !== "undefined" && /jsdom/i.test(navigator.userAgent);
      canvasContext = typeof document !== "undefined" && !jsdom ? document.createElement("canvas").getContext("2d") : null;
    } catch {
      canvasContext = null;
    }
    if (canvasContext) canvasContext.font = FONT;
  }
  return canvasContext ? canvasContext.measureText(text).width : text.length * 7.2;
};

/** Padding either side of a cell's text, in pixels. */
export const CELL_PADDING_PX = 4;

/**
 * What a number shows in a column `widthPx` wide: its text when it fits, else "#" repeated to fill
 * the cell, as Excel does (numbers are never cut off or spilled).
 */
export function fitNumber(text: string, widthPx: number, measure: Measure = measureText): string {
  const room = widthPx - 2 * CELL_PADDING_PX - 1;
  if (text === "" || measure(text) <= room) return text;
  const hash = Math.max(1, measure("#"));
  return "#".repeat(Math.max(1, Math.floor(room / hash)));
}

/**
 * How wide text may be drawn from cell `col` of a row: its own width, plus the widths of the empty
 * cells to its right that it needs (text spills into empty neighbours, as in Excel). Returns the
 * cell's width when the text fits or the next cell is not empty.
 */
export function spillWidth(text: string, col: number, widths: readonly number[], isEmpty: (col: number) => boolean, measure: Measure = measureText): number {
  const own = widths[col] ?? 0;
  const needed = measure(text) + 2 * CELL_PADDING_PX + 1;
  let width = own;
  for (let c = col + 1; width < needed && c < widths.length && isEmpty(c); c++) width += widths[c]!;
  return width;
}

/**
 * What picking a dropdown item types into a cell formatted `numberFormat`, so that the cell ends up
 * holding the item's value as Excel's dropdown writes it: the item's text as shown when typing it
 * gives that value back ("Aug 2026" for 1 Aug 2026 in a date cell), else its plain value; text that
 * typing would turn into something else (a number, a date, a formula) gets Excel's leading
 * apostrophe.
 */
export function typedTextFor(item: ListItem, numberFormat: string): string {
  if (typeof item.value === "boolean") return item.value ? "TRUE" : "FALSE";
  const typed = (text: string) => {
    const input = interpretInput(text, numberFormat, "dropdown");
    return input.kind === "value" && !input.error ? input.value : undefined;
  };
  if (typeof item.value === "number") return typed(item.text) === item.value ? item.text : String(item.value);
  return typed(item.value) === item.value ? item.value : `'${item.value}`;
}
