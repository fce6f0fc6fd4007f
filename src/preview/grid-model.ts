/**
 * The preview grid's model: what the in-memory sheet looks like as a grid of cells, worked out
 * from the workbook model without React. How many rows and columns are drawn (extentOf, capped at
 * MAX_ROWS x MAX_COLUMNS), what each cell shows (displayText: values through their number formats,
 * formulas' results), how it looks (table headers and bands, locked cells on protected sheets,
 * fills, conditional formats, frozen panes, the selection), its tooltip (describeValidation for
 * validated cells, notes), numbers too wide for their column as "####" and text spilling into
 * empty neighbours, and the items of a list-validated cell's in-cell dropdown (dropdownAt).
 * WorkbookGrid.tsx draws what buildGrid returns.
 */
import type { CSSProperties } from "react";
import type { DataValidationModel, SheetModel, TableModel, WorkbookModel } from "../memory-host";
import { formatValue, listItems, type ListItem } from "../memory-host";
import { evaluateFormula, type FormulaContext, type Scalar } from "./formula-preview";
import { conditionalLook, modelContext } from "./model-formulas";
import { columnLetter } from "../core/layout/a1";
import { fitNumber, spillWidth } from "./grid-edit";

export const MAX_ROWS = 200;
export const MAX_COLUMNS = 30;
const MIN_ROWS = 30;
const MIN_COLUMNS = 12;
/** Drawn sizes, in pixels: a row, and the row numbers' column. */
export const ROW_HEIGHT_PX = 21;
export const ROW_HEADER_PX = 44;

const TABLE_HEADER: Record<"medium" | "light", { background: string; color: string }> = {
  medium: { background: "#4472C4", color: "#FFFFFF" },
  light: { background: "#FFFFFF", color: "#000000" },
};
const BAND = "#D9E1F2";
export const LOCKED = "#EDEBE9";

/** A cell's A1 address, from 0-based row and column. */
export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A range's A1 address: "B2" for one cell, "B2:D5" for more. */
export function rangeText(r: { r0: number; c0: number; r1: number; c1: number }): string {
  return r.r0 === r.r1 && r.c0 === r.c1 ? address(r.r0, r.c0) : `${address(r.r0, r.c0)}:${address(r.r1, r.c1)}`;
}

/** Plain-English summary of a validation rule, for the cell's tooltip. */
export function describeValidation(dv: DataValidationModel): string {
  const r = dv.rule;
  const bounds = (b: { formula1: unknown; formula2?: unknown; operator?: unknown }) => {
    const op = String(b.operator ?? "");
    const f1 = String(b.formula1 ?? "");
    const f2 = String(b.formula2 ?? "");
    switch (op) {
      case "Between":
        return `between ${f1} and ${f2}`;
      case "GreaterThanOrEqualTo":
        return `${f1} or more`;
      case "GreaterThan":
        return `more than ${f1}`;
      case "LessThanOrEqualTo":
        return `${f1} or less`;
      case "LessThan":
        return `less than ${f1}`;
      case "EqualTo":
        return `equal to ${f1}`;
      default:
        return `${op} ${f1} ${f2}`.trim();
    }
  };
  let text = "Validated";
  if (r.wholeNumber) text = `Whole number, ${bounds(r.wholeNumber)}`;
  else if (r.decimal) text = `Number, ${bounds(r.decimal)}`;
  else if (r.date) text = `Date, ${bounds(r.date)}`;
  else if (r.textLength) text = `Text length ${bounds(r.textLength)}`;
  else if (r.list) text = `List: ${String(r.list.source ?? "").replace(/^=/, "")}`;
  else if (r.custom) text = `Rule: ${String(r.custom.formula ?? "")}`;
  const prompt = dv.prompt.showPrompt && dv.prompt.message ? `\n${dv.prompt.title ? `${dv.prompt.title}: ` : ""}${dv.prompt.message}` : "";
  return text + prompt;
}

/**
 * The items of the in-cell dropdown of the cell at (row, col), or undefined when it has none: the
 * cell has list validation with "In-cell dropdown" on, the list resolves (items, a range or a
 * defined name; blanks skipped, each item as its source cell shows it) and the cell may be typed in
 * (not locked on a protected sheet).
 */
export function dropdownAt(sheet: SheetModel, row: number, col: number): ListItem[] | undefined {
  const dv = sheet.validationAt(row, col);
  if (!dv?.rule.list || dv.rule.list.inCellDropDown === false) return undefined;
  if (sheet.protection.protected && sheet.formatAt(row, col, "locked")) return undefined;
  const items = listItems(dv, sheet);
  return items && items.length > 0 ? items : undefined;
}

export interface Extent {
  rows: number;
  columns: number;
  /** The sheet holds more than is drawn. */
  cappedRows: boolean;
  cappedColumns: boolean;
  totalRows: number;
  totalColumns: number;
}

export function extentOf(sheet: SheetModel): Extent {
  let rows = MIN_ROWS;
  let columns = MIN_COLUMNS;
  const grow = (r: { r1: number; c1: number }) => {
    rows = Math.max(rows, Math.min(r.r1, 1_048_575) + 1);
    columns = Math.max(columns, Math.min(r.c1, 16_383) + 1);
  };
  const used = sheet.usedRect(false);
  if (used) grow({ r1: used.r1 + 3, c1: used.c1 + 2 });
  for (const t of sheet.tables) grow({ r1: t.rect.r1 + 3, c1: t.rect.c1 + 2 });
  for (const dv of sheet.dataValidations) if (dv.rect.r1 < 1_048_575) grow(dv.rect);
  for (const n of sheet.notes) grow({ r1: n.row + 1, c1: n.column + 1 });
  // Room for the charts, so that scrolling reaches them.
  for (const chart of sheet.charts) {
    grow({ r1: Math.ceil((chart.top + chart.height) / sheet.standardHeight), c1: Math.ceil((chart.left + chart.width) / sheet.standardWidth) });
  }
  if (sheet.selection.r1 < 1_048_575 && sheet.selection.c1 < 16_383) grow({ r1: sheet.selection.r1 + 1, c1: sheet.selection.c1 + 1 });
  return {
    rows: Math.min(rows, MAX_ROWS),
    columns: Math.min(columns, MAX_COLUMNS),
    cappedRows: rows > MAX_ROWS,
    cappedColumns: columns > MAX_COLUMNS,
    totalRows: rows,
    totalColumns: columns,
  };
}

function tableRole(table: TableModel | undefined, row: number): "header" | "body" | "none" {
  if (!table) return "none";
  if (table.showHeaders && row === table.rect.r0) return "header";
  return "body";
}

/** What a cell shows: the formatted value, or a formula's result (worked out for display when the host has none). */
export function displayText(sheet: SheetModel, row: number, col: number, context: FormulaContext): { text: string; numeric: boolean; formula: string | null } {
  const view = sheet.view(row, col);
  if (view.formula !== null) {
    let value: Scalar | undefined = view.calculated ?? undefined;
    if (value === undefined || value === "") {
      context.row = row;
      context.col = col;
      value = evaluateFormula(view.formula, context);
    }
    if (value === undefined) return { text: "", numeric: false, formula: view.formula };
    return { text: formatValue(value, view.numberFormat), numeric: typeof value === "number", formula: view.formula };
  }
  return { text: view.value === "" ? "" : view.text, numeric: typeof view.value === "number", formula: null };
}

export interface GridCell {
  address: string;
  text: string;
  /** Locked (read-only once the sheet is protected). */
  locked: boolean;
  /** Width in pixels the text spills over into empty neighbours, when it does. */
  spill?: number | undefined;
  style: CSSProperties;
  tooltip: string | undefined;
  note: boolean;
  validated: boolean;
  selected: boolean;
}

export interface Grid {
  widths: number[];
  /** Left offset of each column from the first column, in pixels. */
  offsets: number[];
  frozenRows: number;
  frozenColumns: number;
  frozenWidth: number;
  width: number;
  rows: GridCell[][];
  capNote: string | undefined;
}

/** The sheet as drawn: column widths, frozen panes and every drawn cell's text, look and tooltip. */
export function buildGrid(workbook: WorkbookModel, sheet: SheetModel): Grid {
  const context = modelContext(workbook, sheet);
  const extent = extentOf(sheet);
  const widths = Array.from({ length: extent.columns }, (_, c) =>
    sheet.hiddenColumns.has(c) ? 4 : Math.max(24, Math.min(480, Math.round((sheet.columnWidth(c) * 4) / 3))),
  );
  const offsets: number[] = [];
  widths.reduce((x, w, i) => {
    offsets[i] = x;
    return x + w;
  }, 0);
  // Frozen panes stay put while the rest scrolls, as in Excel.
  const frozenRows = Math.min(sheet.freeze.rows, extent.rows);
  const frozenColumns = Math.min(sheet.freeze.columns, extent.columns);
  const frozenWidth = frozenColumns > 0 ? offsets[frozenColumns - 1]! + widths[frozenColumns - 1]! : 0;
  const sel = sheet.selection;
  const protectedSheet = sheet.protection.protected;
  const tables = sheet.tables;
  const notes = new Map(sheet.notes.map((n) => [`${n.row}:${n.column}`, n.content] as const));
  // Locked cells are shaded only where there is something (a table or content): every cell of a sheet is locked by default.
  const used = sheet.usedRect(true);
  const rows: GridCell[][] = [];
  for (let r = 0; r < extent.rows; r++) {
    const line: GridCell[] = [];
    const spillable: boolean[] = [];
    for (let c = 0; c < extent.columns; c++) {
      const table = tables.find((t) => r >= t.rect.r0 && r <= t.rect.r1 && c >= t.rect.c0 && c <= t.rect.c1);
      const role = tableRole(table, r);
      const shown = displayText(sheet, r, c, context);
      const fill = sheet.formatAt(r, c, "fillColor");
      const locked = sheet.formatAt(r, c, "locked");
      const bold = sheet.formatAt(r, c, "bold");
      const italic = sheet.formatAt(r, c, "italic");
      const fontColor = sheet.formatAt(r, c, "fontColor");
      const align = sheet.formatAt(r, c, "horizontalAlignment");
      const dv = sheet.validationAt(r, c);
      const note = notes.get(`${r}:${c}`);
      const style: CSSProperties = {};
      if (role === "header") {
        const look = /Light/i.test(table?.style ?? "") ? TABLE_HEADER.light : TABLE_HEADER.medium;
        style.backgroundColor = look.background;
        style.color = look.color;
        style.fontWeight = 700;
        if (look === TABLE_HEADER.light) style.borderBottom = "1px solid #000000";
      } else {
        const inUse = table !== undefined || (used !== null && r >= used.r0 && r <= used.r1 && c >= used.c0 && c <= used.c1);
        if (protectedSheet && locked && inUse) style.backgroundColor = LOCKED;
        else if (role === "body" && table?.showBandedRows && !protectedSheet && (r - table.dataRect.r0) % 2 === 0) style.backgroundColor = BAND;
        if (role === "body" && table && r === table.rect.r1) style.borderBottom = "1px solid #8EA9DB";
        if (bold) style.fontWeight = 700;
        if (fontColor && fontColor.toUpperCase() !== "#000000") style.color = fontColor;
      }
      if (fill) style.backgroundColor = fill;
      // Conditional formats, e.g. the cells Check highlights.
      const look = sheet.conditionalFormats.length > 0 ? conditionalLook(context, sheet.conditionalFormats, r, c) : undefined;
      if (look?.fillColor) style.backgroundColor = look.fillColor;
      if (look?.fontColor) style.color = look.fontColor;
      if (look?.bold !== undefined) style.fontWeight = look.bold ? 700 : 400;
      if (look?.italic !== undefined) style.fontStyle = look.italic ? "italic" : "normal";
      // The rest of a selected range is tinted, as in Excel; the active cell is outlined.
      if (r >= sel.r0 && r <= sel.r1 && c >= sel.c0 && c <= sel.c1 && !(r === sel.r0 && c === sel.c0))
        style.boxShadow = "inset 0 0 0 999px rgba(33, 115, 70, 0.12)";
      const frozenRow = r < frozenRows;
      const frozenColumn = c < frozenColumns;
      if (frozenRow || frozenColumn) {
        style.position = "sticky";
        style.backgroundColor ??= "#FFFFFF";
        style.zIndex = frozenRow && frozenColumn ? 3 : 2;
        if (frozenRow) style.top = `${ROW_HEIGHT_PX * (1 + r)}px`;
        if (frozenColumn) style.left = `${ROW_HEADER_PX + offsets[c]!}px`;
        if (r === frozenRows - 1) style.borderBottom = "1px solid #8A8886";
        if (c === frozenColumns - 1) style.borderRight = "1px solid #8A8886";
      }
      if (italic) style.fontStyle = "italic";
      style.textAlign =
        align === "Center" ? "center" : align === "Right" ? "right" : align === "Left" ? "left" : shown.numeric && role !== "header" ? "right" : "left";
      const tips: string[] = [];
      if (shown.formula) tips.push(shown.formula);
      else if (shown.text.length > 12) tips.push(shown.text.length > 500 ? `${shown.text.slice(0, 500)}…` : shown.text);
      if (dv) tips.push(describeValidation(dv));
      if (note) tips.push(`Note: ${note}`);
      if (protectedSheet && role !== "header") tips.push(locked ? "Locked" : "Editable");
      const width = widths[c]!;
      // Numbers too wide for their column show ####, as in Excel; wrapped or aligned text stays in its cell.
      const text = shown.numeric && role !== "header" ? fitNumber(shown.text, width) : shown.text;
      line.push({
        address: address(r, c),
        text,
        locked: Boolean(locked),
        style,
        tooltip: tips.length > 0 ? `${address(r, c)}: ${tips.join("\n")}` : undefined,
        note: note !== undefined,
        validated: dv !== undefined && Object.keys(dv.rule).length > 0,
        selected: r === sel.r0 && c === sel.c0,
      });
      spillable.push(!shown.numeric && shown.text !== "" && role !== "header" && !sheet.formatAt(r, c, "wrapText") && (style.textAlign === "left" || style.textAlign === undefined) && c >= frozenColumns);
    }
    // Text wider than its cell spills into the empty cells to its right.
    for (let c = 0; c < line.length; c++) {
      if (!spillable[c]) continue;
      const spill = spillWidth(line[c]!.text, c, widths, (n) => line[n]!.text === "" && n >= frozenColumns);
      if (spill > widths[c]!) line[c]!.spill = spill;
    }
    rows.push(line);
  }
  const capParts: string[] = [];
  if (extent.cappedRows) capParts.push(`the first ${MAX_ROWS} rows`);
  if (extent.cappedColumns) capParts.push(`columns A to ${columnLetter(MAX_COLUMNS - 1)}`);
  return {
    widths,
    offsets,
    frozenRows,
    frozenColumns,
    frozenWidth,
    width: ROW_HEADER_PX + widths.reduce((a, b) => a + b, 0),
    rows,
    capNote: capParts.length > 0 ? `Showing ${capParts.join(" and ")} only, to keep the preview quick.` : undefined,
  };
}
