/**
 * Cell values from exceljs, normalised to what Office.js gives for the same cell, so the core sees
 * one shape whichever gateway read the workbook:
 * - dates (exceljs makes Date objects of date-formatted numbers) -> Excel serial numbers;
 * - rich text -> its plain text; hyperlinks -> their text; errors -> "#DIV/0!" and the like;
 * - formula cells -> the cached result as the value (null when the file has none), and the
 *   formula with its leading "=" (shared formulas resolved to this cell's own formula).
 * Blank cells are null (Office.js gives ""; isBlank() treats both alike).
 */
import type { Cell, CellValue as ExcelValue, Row, Worksheet } from "exceljs";
import { dateToSerial } from "../core/calendar";
import type { CellValue } from "../core/workbook/types";

export interface ReadCell {
  value: CellValue;
  /** The formula ("=...") when the cell has one, else the same as `value`. */
  formula: CellValue;
}

/** A cell with nothing in it. */
export const BLANK_CELL: ReadCell = { value: null, formula: null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A constant (non-formula) exceljs value as a plain cell value. */
export function plainValue(value: ExcelValue | unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  if (!isRecord(value)) return String(value);
  if (Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : "")).join("");
  }
  if (typeof value.error === "string") return value.error;
  if ("hyperlink" in value || "text" in value) return plainValue(value.text);
  if ("formula" in value || "sharedFormula" in value) return plainValue(value.result);
  return null;
}

/** Reads one cell, which may be missing (never written). */
export function readCell(cell: Cell | undefined): ReadCell {
  if (!cell) return BLANK_CELL;
  const raw: unknown = cell.value;
  if (isRecord(raw) && ("formula" in raw || "sharedFormula" in raw)) {
    // cell.formula translates a shared formula from its master cell to this cell.
    const text = (cell.formula as string | undefined) ?? (typeof raw.formula === "string" ? raw.formula : undefined);
    const value = plainValue(raw.result);
    if (typeof text === "string" && text !== "") return { value, formula: `=${text.replace(/^=/, "")}` };
    return { value, formula: value };
  }
  const value = plainValue(raw);
  return { value, formula: value };
}

/**
 * The cell at a 0-based row and column, created if need be. (A function of its own also keeps
 * the Office add-in lint rules from taking exceljs cells for Office.js proxies.)
 */
export function cellAt(worksheet: Worksheet, row: number, column: number): Cell {
  return worksheet.getCell(row + 1, column + 1);
}

/** Finds a cell without creating it. Rows and columns are 0-based. */
export function findCell(worksheet: Worksheet, row: number, column: number): Cell | undefined {
  const r: Row | undefined = worksheet.findRow(row + 1);
  return r?.findCell(column + 1);
}
