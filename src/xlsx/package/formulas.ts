/**
 * Shared formulas (`<f t="shared" si="0" ref="...">` on the first cell, `<f t="shared" si="0"/>`
 * on the others): each other cell's formula is the first cell's moved by the distance between the
 * cells, as Excel moves a formula filled across: relative references shift, `$` parts stay. Text in
 * quotes and function names are left alone. This gives the formula exceljs's reader gave for such
 * a cell (exceljs 4.4 `slideFormula`), so Check's formula checks read the same text.
 */
import { columnIndex, columnLetter, MAX_COLUMNS, MAX_ROWS } from "../../core/layout/a1";

/** A reference candidate: an optional sheet, then a token of letters, digits, "_" and "$", and whether "(" follows (a function). */
const CANDIDATE = /("(?:[^"]|"")*")|(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})(\()?/gi;
const CELL = /^(\$)?([a-z]+)(\$)?([1-9][0-9]*)$/i;

/** The formula of the cell `rows` down and `columns` across from the cell whose formula is `formula`. */
export function moveFormula(formula: string, rows: number, columns: number): string {
  return formula.replace(CANDIDATE, (match: string, quoted: string | undefined, sheet: string | undefined, _name: string | undefined, token: string | undefined, paren: string | undefined) => {
    if (quoted !== undefined || paren !== undefined || token === undefined) return match;
    const cell = CELL.exec(token);
    if (!cell) return match;
    const [, columnDollar = "", letters, rowDollar = "", digits] = cell as unknown as [string, string | undefined, string, string | undefined, string];
    if (letters.length > 3 || (letters.length === 3 && letters.toUpperCase() > "XFD")) return match; // a name, not a column
    const column = columnIndex(letters) + (columnDollar ? 0 : columns);
    const row = Number(digits) + (rowDollar ? 0 : rows);
    if (column < 0 || column >= MAX_COLUMNS || row < 1 || row > MAX_ROWS) return `${sheet ?? ""}#REF!`;
    return `${sheet ?? ""}${columnDollar}${columnLetter(column)}${rowDollar}${row}`;
  });
}
