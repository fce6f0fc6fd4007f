/** Excel A1 addresses: column letters, cell and range addresses, sheet-name quoting. 0-based indexes in, Excel text out. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0 -> A, 25 -> Z, 26 -> AA */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS) throw new RangeError(`column index out of range: ${index}`);
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A -> 0, AA -> 26 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`not a column: ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export function rangeAddress(row: number, column: number, rowCount: number, columnCount: number): string {
  const start = cellAddress(row, column);
  if (rowCount === 1 && columnCount === 1) return start;
  return `${start}:${cellAddress(row + rowCount - 1, column + columnCount - 1)}`;
}

export function absoluteRange(row: number, column: number, rowCount: number, columnCount: number): string {
  const abs = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
  return `${abs(row, column)}:${abs(row + rowCount - 1, column + columnCount - 1)}`;
}

/** Quotes a sheet name for use in a formula or address when Excel would: 'Case studies'!A1 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

export interface CellRef {
  row: number;
  column: number;
}

/** Parses a single-cell address such as H7 or $H$7 (no sheet). */
export function parseCell(address: string): CellRef {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new RangeError(`not a cell address: ${address}`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]!) };
}

/** Splits "Sheet!A1:B2" or "'Case studies'!A1" into sheet and address. */
export function splitSheetAddress(full: string): { sheet: string | undefined; address: string } {
  const bang = full.lastIndexOf("!");
  if (bang < 0) return { sheet: undefined, address: full };
  let sheet = full.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1) };
}

export interface RangeRef {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** Parses A1 or A1:B2 (no sheet, no whole rows/columns). */
export function parseRange(address: string): RangeRef {
  const [a, b] = address.split(":");
  const start = parseCell(a!);
  const end = b === undefined ? start : parseCell(b);
  const row = Math.min(start.row, end.row);
  const column = Math.min(start.column, end.column);
  return { row, column, rowCount: Math.abs(end.row - start.row) + 1, columnCount: Math.abs(end.column - start.column) + 1 };
}
