/**
 * One worksheet part streamed into a CellGrid (../return-tables.ts): every cell's value as
 * Office.js gives it (shared strings, inline strings, booleans, errors as "#N/A", numbers; a
 * formula's cached result) and its formula ("=..." with shared formulas moved to the cell), which
 * cells show dates, the rows the sheet lists, and merged ranges (each cell of one reads as its
 * first cell, as exceljs gave them). Only the sheets a return's snapshot needs are parsed.
 */
import { dateToSerial } from "../../core/calendar";
import { columnIndex, MAX_COLUMNS, MAX_ROWS, parseRange } from "../../core/layout/a1";
import type { CellValue } from "../../core/workbook/types";
import { BLANK_CELL, type ReadCell } from "../cells";
import type { CellGrid } from "../return-tables";
import { moveFormula } from "./formulas";
import { unescapeExcelText } from "./shared-strings";
import { attr, isSpreadsheet, parseXml } from "./xml";

/** What a sheet's cells are read against: the shared strings, which cell formats are dates, the date system. */
export interface SheetContext {
  strings: readonly (string | null)[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

interface CellRecord extends ReadCell {
  /** A number shown through a date format (not a formula's result). */
  date: boolean;
  /** The cell's own number format is a date or time format. */
  dateFormat: boolean;
}

const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel serial; 1904-system serials count 1,462 days fewer. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1900_TO_1904 = 1_462;

/**
 * A date cell's serial in the 1900 date system the core counts in, to the millisecond (as
 * exceljs's Date objects carried it, so both readers agree); a 1904-system workbook's serials
 * are moved to 1900's.
 */
function dateSerial(serial: number, date1904: boolean): number | null {
  const date = new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1900_TO_1904 : 0)) * DAY_MS));
  return Number.isNaN(date.getTime()) ? null : dateToSerial(date);
}

/** An ISO 8601 date cell (`t="d"`, written by some programs and by Strict files) as a serial, UTC as written. */
function isoSerial(text: string): CellValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return text;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) + Math.round(Number(m[6] ?? 0) * 1000);
  return Number.isNaN(ms) ? text : dateToSerial(new Date(ms));
}

function number(text: string): number | null {
  const n = Number.parseFloat(text);
  return Number.isFinite(n) ? n : null;
}

const ADDRESS = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$/;

class Grid implements CellGrid {
  readonly rows: (CellRecord | undefined)[][] = [];
  rowCount = 0;

  constructor(readonly name: string) {}

  cell(row: number, column: number): CellRecord | undefined {
    return this.rows[row]?.[column];
  }

  rowWidth(row: number): number {
    return this.rows[row]?.length ?? 0;
  }

  read(row: number, column: number): ReadCell {
    return this.cell(row, column) ?? BLANK_CELL;
  }

  holdsDate(row: number, column: number): boolean {
    return this.cell(row, column)?.date === true;
  }

  shownAsDate(row: number, column: number): boolean {
    const cell = this.cell(row, column);
    return cell !== undefined && (cell.date || cell.dateFormat);
  }

  put(row: number, column: number, cell: CellRecord): void {
    (this.rows[row] ??= [])[column] = cell;
    this.rowCount = Math.max(this.rowCount, row + 1);
  }
}

/** What one `<c>` held, gathered while it is open. */
interface OpenCell {
  row: number;
  column: number;
  type: string;
  style: number | undefined;
  formula: string[] | undefined;
  share: { type: string | undefined; si: string | undefined; ref: string | undefined } | undefined;
  value: string[] | undefined;
  inline: string[] | undefined;
}

export function worksheetGrid(name: string, data: Uint8Array, context: SheetContext): Grid {
  const grid = new Grid(name);
  const masters = new Map<string, { row: number; column: number; text: string }>();
  const merges: string[] = [];
  let row = 0;
  let lastColumn = -1;
  let cell: OpenCell | undefined;
  let into: string[] | undefined;
  let phonetic = 0;

  const finish = (c: OpenCell): void => {
    const dateFormat = c.style !== undefined && c.style < context.dateStyles.length && context.dateStyles[c.style] === true;
    const text = c.value?.join("");
    let formulaText = c.formula?.join("") ?? "";
    if (c.share?.type === "shared" && c.share.si !== undefined) {
      const master = masters.get(c.share.si);
      if (c.share.ref) masters.set(c.share.si, { row: c.row, column: c.column, text: formulaText });
      else if (formulaText === "" && master && master.text !== "") formulaText = moveFormula(master.text, c.row - master.row, c.column - master.column);
    }
    let value: CellValue = null;
    let date = false;
    if (c.formula !== undefined || c.share !== undefined) {
      if (text !== undefined && text !== "") {
        if (c.type === "str") value = unescapeExcelText(text);
        else if (c.type === "b") value = text.trim() !== "0" && text.trim() !== "false";
        else if (c.type === "e") value = text;
        else if (c.type === "d") value = isoSerial(text);
        else {
          const n = number(text);
          value = n !== null && dateFormat ? dateSerial(n, context.date1904) : n;
        }
      }
      const formula = formulaText === "" ? value : `=${formulaText.replace(/^=/, "")}`;
      grid.put(c.row, c.column, { value, formula, date: false, dateFormat });
      return;
    }
    switch (c.type) {
      case "s":
        value = text === undefined || text === "" ? null : (context.strings[Number.parseInt(text, 10)] ?? null);
        break;
      case "inlineStr":
        value = c.inline === undefined ? null : unescapeExcelText(c.inline.join(""));
        break;
      case "str":
        value = text === undefined ? null : unescapeExcelText(text);
        break;
      case "b":
        value = text === undefined || text === "" ? null : text.trim() !== "0" && text.trim() !== "false";
        break;
      case "e":
        value = text === undefined || text === "" ? null : text;
        break;
      case "d":
        value = text === undefined || text === "" ? null : isoSerial(text);
        date = typeof value === "number";
        break;
      default: {
        const n = text === undefined || text === "" ? null : number(text);
        date = n !== null && dateFormat;
        value = date ? dateSerial(n!, context.date1904) : n;
        date &&= value !== null;
      }
    }
    if (value === null && c.style === undefined) {
      grid.rowCount = Math.max(grid.rowCount, c.row + 1);
      return; // nothing in it, no format: not a cell
    }
    grid.put(c.row, c.column, { value, formula: value, date, dateFormat });
  };

  parseXml(data, {
    open(element) {
      if (!isSpreadsheet(element, element.local)) return;
      switch (element.local) {
        case "row": {
          const r = attr(element, "r");
          row = r === undefined ? row + 1 : Number.parseInt(r, 10);
          if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) throw new Error(`a row number outside Excel's grid (${String(r)})`);
          grid.rowCount = Math.max(grid.rowCount, row);
          (grid.rows[row - 1] ??= []);
          lastColumn = -1;
          break;
        }
        case "c": {
          const r = attr(element, "r");
          let cellRow = row - 1;
          let column = lastColumn + 1;
          if (r !== undefined) {
            const m = ADDRESS.exec(r);
            if (!m) throw new Error(`a cell address that is not one (${r})`);
            cellRow = Number(m[2]) - 1;
            column = columnIndex(m[1]!);
          }
          if (cellRow < 0 || cellRow >= MAX_ROWS || column < 0 || column >= MAX_COLUMNS) throw new Error("a cell outside Excel's grid");
          lastColumn = column;
          const s = attr(element, "s");
          const style = s === undefined ? undefined : Number.parseInt(s, 10);
          // One shape for every cell (all fields set): the hottest object of the reader.
          cell = { row: cellRow, column, type: attr(element, "t") ?? "n", style: style !== undefined && Number.isInteger(style) ? style : undefined, formula: undefined, share: undefined, value: undefined, inline: undefined };
          break;
        }
        case "f":
          if (!cell) break;
          cell.formula = into = [];
          if (attr(element, "t") !== undefined) cell.share = { type: attr(element, "t"), si: attr(element, "si"), ref: attr(element, "ref") };
          break;
        case "v":
          if (cell) cell.value = into = [];
          break;
        case "is":
          if (cell) cell.inline = [];
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (cell?.inline && phonetic === 0) into = cell.inline;
          break;
        case "mergeCell": {
          const ref = attr(element, "ref");
          if (ref !== undefined) merges.push(ref);
          break;
        }
        default:
          break;
      }
    },
    text(text) {
      into?.push(text);
    },
    close(element) {
      if (!isSpreadsheet(element, element.local)) return;
      switch (element.local) {
        case "c":
          if (cell) finish(cell);
          cell = undefined;
          into = undefined;
          break;
        case "f":
        case "v":
        case "t":
          into = undefined;
          break;
        case "rPh":
          phonetic--;
          break;
        default:
          break;
      }
    },
  });
  for (const ref of merges) merge(grid, ref);
  return grid;
}

/** Every cell of a merged range reads as its first cell (its own number format kept). */
function merge(grid: Grid, ref: string): void {
  let range;
  try {
    range = parseRange(ref.replace(/\$/g, ""));
  } catch {
    return; // not a range: nothing merged
  }
  const first = grid.cell(range.row, range.column);
  const master: CellRecord = first ?? { value: null, formula: null, date: false, dateFormat: false };
  if (!first) grid.put(range.row, range.column, master);
  for (let r = range.row; r < range.row + range.rowCount; r++) {
    for (let c = range.column; c < range.column + range.columnCount; c++) {
      if (r === range.row && c === range.column) continue;
      grid.put(r, c, { value: master.value, formula: master.formula, date: master.date, dateFormat: grid.cell(r, c)?.dateFormat ?? false });
    }
  }
}
