/**
 * A1 addresses: parsing, formatting and rectangle arithmetic. Rows and columns are zero-based
 * internally; Excel's grid is 1,048,576 rows by 16,384 columns (A to XFD).
 */
import { columnLetter } from "../core/layout/a1";
import { officeError } from "./errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** An inclusive, zero-based rectangle of cells. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rect(r0: number, c0: number, r1: number = r0, c1: number = c0): Rect {
  return { r0, c0, r1, c1 };
}

export function rowCount(r: Rect): number {
  return r.r1 - r.r0 + 1;
}

export function columnCount(r: Rect): number {
  return r.c1 - r.c0 + 1;
}

export function area(r: Rect): number {
  return rowCount(r) * columnCount(r);
}

export function isEntireColumns(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}

export function isEntireRows(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLUMNS - 1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  const c0 = Math.max(a.c0, b.c0);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : null;
}

export function intersects(a: Rect, b: Rect): boolean {
  return intersection(a, b) !== null;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return {
    r0: Math.min(a.r0, b.r0),
    c0: Math.min(a.c0, b.c0),
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
  };
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

/** `a` minus `b`, as up to four disjoint rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  const overlap = intersection(a, b);
  if (!overlap) return [{ ...a }];
  const pieces: Rect[] = [];
  if (a.r0 < overlap.r0) pieces.push({ r0: a.r0, c0: a.c0, r1: overlap.r0 - 1, c1: a.c1 });
  if (overlap.r1 < a.r1) pieces.push({ r0: overlap.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < overlap.c0) pieces.push({ r0: overlap.r0, c0: a.c0, r1: overlap.r1, c1: overlap.c0 - 1 });
  if (overlap.c1 < a.c1) pieces.push({ r0: overlap.r0, c0: overlap.c1 + 1, r1: overlap.r1, c1: a.c1 });
  return pieces;
}

/** `a` minus all of `others`. */
export function subtractAll(a: Rect, others: readonly Rect[]): Rect[] {
  let pieces: Rect[] = [{ ...a }];
  for (const other of others) {
    pieces = pieces.flatMap((piece) => subtract(piece, other));
    if (pieces.length === 0) break;
  }
  return pieces;
}

export function inGrid(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLUMNS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

/** Zero-based column index to letters: 0 -> "A", 16383 -> "XFD" (the core's rule for A1 addresses). */
export const columnLetters: (index: number) => string = columnLetter;

/** Letters to zero-based column index, or -1 when not a column within the grid. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLUMNS ? n - 1 : -1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** The area part of an address as Excel writes it: "A1", "A1:B2", "A:C", "1:3". */
export function formatArea(r: Rect): string {
  const entireColumns = isEntireColumns(r);
  const entireRows = isEntireRows(r);
  if (entireRows) return `${r.r0 + 1}:${r.r1 + 1}`; // also the whole sheet: "1:1048576"
  if (entireColumns) return `${columnLetters(r.c0)}:${columnLetters(r.c1)}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return cellAddress(r.r0, r.c0);
  return `${cellAddress(r.r0, r.c0)}:${cellAddress(r.r1, r.c1)}`;
}

/** Does this sheet name need quoting in a reference? Mirrors Excel's rules closely enough. */
export function sheetNameNeedsQuotes(name: string): boolean {
  if (!/^[A-Za-z_\u00A1-\uFFFF][A-Za-z0-9_.\u00A1-\uFFFF]*$/.test(name)) return true;
  // Names that read as an A1 cell reference ("Q1", "ABC12") or an R1C1 one ("R", "C3", "R2C4").
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && columnIndex(a1[1] ?? "") >= 0) return true;
  if (/^[Rr]\d*[Cc]?\d*$/.test(name) || /^[Cc]\d*$/.test(name)) return true;
  return false;
}

export function quoteSheetName(name: string): string {
  return sheetNameNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** A full address as Office returns it: `Measures!A1:B2`, `'Case studies'!A1:G2`. */
export function formatAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${formatArea(r)}`;
}

export interface ParsedAddress {
  /** The sheet named in the address, if any (unquoted). */
  sheet?: string;
  rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parseRowNumber(text: string): number {
  const n = Number(text);
  return n >= 1 && n <= MAX_ROWS ? n - 1 : -1;
}

/** Parses one corner: a cell, a column or a row. */
function parseCorner(text: string): { kind: "cell" | "column" | "row"; row: number; col: number } | null {
  let m = CELL.exec(text);
  if (m) {
    const col = columnIndex(m[1] ?? "");
    const row = parseRowNumber(m[2] ?? "");
    return col >= 0 && row >= 0 ? { kind: "cell", row, col } : null;
  }
  m = COLUMN.exec(text);
  if (m) {
    const col = columnIndex(m[1] ?? "");
    return col >= 0 ? { kind: "column", row: -1, col } : null;
  }
  m = ROW.exec(text);
  if (m) {
    const row = parseRowNumber(m[1] ?? "");
    return row >= 0 ? { kind: "row", row, col: -1 } : null;
  }
  return null;
}

/** Splits `Sheet!A1` / `'My sheet'!A1` into sheet and area. */
function splitSheet(address: string): { sheet?: string; area: string } | null {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { area: address };
  const sheetPart = address.slice(0, bang).trim();
  const areaPart = address.slice(bang + 1);
  if (sheetPart.startsWith("'")) {
    if (!sheetPart.endsWith("'") || sheetPart.length < 3) return null;
    const inner = sheetPart.slice(1, -1);
    if (/(^|[^'])'($|[^'])/.test(inner.replace(/''/g, ""))) return null;
    return { sheet: inner.replace(/''/g, "'"), area: areaPart };
  }
  if (sheetPart.length === 0) return null;
  return { sheet: sheetPart, area: areaPart };
}

/** Parses an A1 address; returns null if it is not one. */
export function tryParseAddress(address: string): ParsedAddress | null {
  const split = splitSheet(address.trim());
  if (!split) return null;
  const parts = split.area.trim().split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const first = parseCorner((parts[0] ?? "").trim());
  const second = parts.length === 2 ? parseCorner((parts[1] ?? "").trim()) : first;
  if (!first || !second || first.kind !== second.kind) return null;
  let r: Rect;
  if (first.kind === "cell") {
    r = rect(Math.min(first.row, second.row), Math.min(first.col, second.col), Math.max(first.row, second.row), Math.max(first.col, second.col));
  } else if (first.kind === "column") {
    if (parts.length !== 2) return null; // "A" alone is not an address
    r = rect(0, Math.min(first.col, second.col), MAX_ROWS - 1, Math.max(first.col, second.col));
  } else {
    if (parts.length !== 2) return null; // "3" alone is not an address
    r = rect(Math.min(first.row, second.row), 0, Math.max(first.row, second.row), MAX_COLUMNS - 1);
  }
  return split.sheet !== undefined ? { sheet: split.sheet, rect: r } : { rect: r };
}

/** Parses an A1 address or throws Office's InvalidArgument. */
export function parseAddress(address: string, errorLocation?: string): ParsedAddress {
  const parsed = typeof address === "string" ? tryParseAddress(address) : null;
  if (!parsed) throw officeError("InvalidArgument", undefined, errorLocation);
  return parsed;
}

/** Parses a column label such as "C" or a 1-based row label such as "7" used in snapshots. */
export function parseColumnLabel(label: string): number {
  const index = columnIndex(label.replace(/\$/g, ""));
  if (index < 0) throw new Error(`Memory Excel host: "${label}" is not a column label`);
  return index;
}
