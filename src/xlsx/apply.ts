/**
 * The .xlsx gateway's writer: applies the core's WorkbookOperations to an exceljs workbook. It covers
 * what making a new workbook needs (sheets, tables, cells, formats, validation, locking, widths,
 * frozen panes, protection, hidden sheets, the active sheet), `unprotect` and `deleteTable`; the other upgrade
 * operations (appending rows or columns to an existing table) throw UnsupportedOperationError.
 * No file system here: usable in a browser.
 */
import type { Cell, DataValidation, TableStyleProperties, Workbook, Worksheet, WorksheetProtection } from "exceljs";
import { cellAddress, parseRange, rangeAddress, type RangeRef } from "../core/layout/a1";
import { isBlank, isFormulaCell, type CellValue, type PlannedCell, type RangeRule, type WorkbookOperation, type Validation } from "../core/workbook/types";
import { dataValidationsOf, isTabSelected, nextConditionalFormatPriority, setTabSelected, tablesOf } from "./exceljs-adapter";
import { cellAt, findCell } from "./cells";
import { applyFormat, applyPageLayout } from "./format";
import { MAX_CELL_TEXT } from "./limits";

/** A value longer than an Excel cell can hold (32,767 characters): Excel would cut it or refuse the file. */
export class CellTextTooLongError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    readonly length: number,
  ) {
    super(`The text for ${sheet}!${cell} is ${length.toLocaleString("en-GB")} characters long; an Excel cell holds at most ${MAX_CELL_TEXT.toLocaleString("en-GB")}.`);
    this.name = "CellTextTooLongError";
  }
}

/** An operation the file gateway cannot carry out (upgrading an existing table in a file). */
export class UnsupportedOperationError extends Error {
  constructor(readonly operation: WorkbookOperation["kind"]) {
    super(`The '${operation}' step is not supported for files: upgrade this workbook with the Impact Returns add-in in Excel.`);
    this.name = "UnsupportedOperationError";
  }
}

/**
 * What a protected sheet still lets people do: select any cell, resize columns and rows, and
 * filter tables. Everything else (editing locked cells, inserting or deleting rows) is refused.
 */
export const SHEET_PROTECTION: Partial<WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
};

/** Applies the operations in order. Throws on an operation that does not fit the workbook. */
export function applyOperations(workbook: Workbook, operations: readonly WorkbookOperation[]): void {
  for (const op of operations) {
    switch (op.kind) {
      case "addSheet":
        if (findWorksheet(workbook, op.sheet)) throw new Error(`The workbook already has a sheet called '${op.sheet}'.`);
        workbook.addWorksheet(op.sheet);
        break;
      case "deleteSheet":
        deleteSheet(workbook, op.sheet);
        break;
      case "unprotect":
        sheet(workbook, op.sheet).unprotect();
        break;
      case "addTable":
        addTable(workbook, sheet(workbook, op.sheet), op);
        break;
      case "deleteTable":
        deleteTable(workbook, op.table);
        break;
      case "write":
        writeBlock(workbook, sheet(workbook, op.sheet), checkedShape(op.address, op.cells), op.cells);
        break;
      case "clearContents":
        clearContents(sheet(workbook, op.sheet), parseRange(op.address));
        break;
      case "applyRules": {
        const ws = sheet(workbook, op.sheet);
        for (const rule of op.rules) applyRule(ws, rule);
        break;
      }
      case "highlight":
        highlight(sheet(workbook, op.sheet), op);
        break;
      case "defineName":
        // exceljs keeps defined names cell by cell and writes them back as ranges.
        workbook.definedNames.add(op.reference, op.name);
        break;
      case "setColumnWidths": {
        const ws = sheet(workbook, op.sheet);
        for (const { column, characters, hidden } of op.widths) {
          const col = ws.getColumn(column + 1);
          col.width = characters;
          if (hidden !== undefined) col.hidden = hidden;
        }
        break;
      }
      case "freeze":
        freeze(sheet(workbook, op.sheet), op.rows, op.columns);
        break;
      case "protect":
        // With no password, exceljs's protect() does all its work before returning its promise.
        void sheet(workbook, op.sheet).protect("", { ...SHEET_PROTECTION });
        break;
      case "hide":
        sheet(workbook, op.sheet).state = "hidden";
        break;
      case "activate":
        activate(workbook, sheet(workbook, op.sheet));
        break;
      case "format":
        applyFormat(sheet(workbook, op.sheet), op);
        break;
      case "pageLayout":
        applyPageLayout(sheet(workbook, op.sheet), op.layout);
        break;
      case "appendRows":
      case "appendColumns":
        throw new UnsupportedOperationError(op.kind);
      default:
        // Operations added to the core after this writer (it says which, rather than guess).
        throw new UnsupportedOperationError((op as { kind: WorkbookOperation["kind"] }).kind);
    }
  }
}

/** A sheet by name, ignoring case as Excel does. */
export function findWorksheet(workbook: Workbook, name: string): Worksheet | undefined {
  const wanted = name.toLowerCase();
  return workbook.worksheets.find((ws) => ws.name.toLowerCase() === wanted);
}

/** Deletes a sheet, refusing (as Excel does) to delete the last visible one. */
function deleteSheet(workbook: Workbook, name: string): void {
  const ws = sheet(workbook, name);
  const visible = workbook.worksheets.filter((w) => w.state === "visible" || w.state === undefined);
  if (visible.length === 1 && visible[0] === ws) throw new Error(`The sheet '${name}' is the workbook's only visible sheet, so it cannot be deleted.`);
  const active = workbook.views[0]?.activeTab;
  const activeSheet = active === undefined ? undefined : workbook.worksheets[active];
  workbook.removeWorksheet(ws.id);
  // Keep the same sheet active: tab indexes move down past the deleted sheet.
  if (activeSheet && activeSheet !== ws) activate(workbook, activeSheet);
}

function sheet(workbook: Workbook, name: string): Worksheet {
  const ws = findWorksheet(workbook, name);
  if (!ws) throw new Error(`The workbook has no sheet called '${name}'.`);
  return ws;
}

function checkedShape(address: string, cells: readonly (readonly PlannedCell[])[]): RangeRef {
  const range = parseRange(address);
  if (cells.length !== range.rowCount || cells.some((row) => row.length !== range.columnCount)) {
    throw new Error(`Cells do not fit ${address}: expected ${range.rowCount} rows of ${range.columnCount}.`);
  }
  return range;
}

// --- Tables and cells ---------------------------------------------------------------------------

function addTable(workbook: Workbook, ws: Worksheet, op: Extract<WorkbookOperation, { kind: "addTable" }>): void {
  const range = parseRange(op.address);
  if (range.rowCount !== op.rows.length + 1 || range.columnCount !== op.headers.length) {
    throw new Error(`Table ${op.table} does not fit ${op.address}: ${op.headers.length} columns and ${op.rows.length} rows plus a header row.`);
  }
  if (op.rows.some((row) => row.length !== op.headers.length)) throw new Error(`Table ${op.table}: every row needs ${op.headers.length} cells.`);
  ws.addTable({
    name: op.table,
    displayName: op.table,
    ref: cellAddress(range.row, range.column),
    headerRow: true,
    totalsRow: false,
    style: { theme: op.style as TableStyleProperties["theme"], showRowStripes: true },
    columns: op.headers.map((name) => ({ name, filterButton: true })),
    // Constants only: formulas are written next, once the cells they refer to hold their values.
    rows: op.rows.map((row) => row.map((cell) => (isFormulaCell(cell) ? null : cell))),
  });
  writeBlock(workbook, ws, { ...range, row: range.row + 1, rowCount: op.rows.length }, op.rows);
}

/**
 * Writes constants first, then formulas. A formula gets a cached result of "" when every cell it
 * refers to is blank (Set up's formulas, such as the impact value, show nothing until their inputs
 * are filled in), so a program reading the file without calculating sees a value; otherwise it has
 * no cached result, and the workbook is marked to be recalculated when opened.
 */
function writeBlock(workbook: Workbook, ws: Worksheet, range: RangeRef, cells: readonly (readonly PlannedCell[])[]): void {
  cells.forEach((row, r) =>
    row.forEach((planned, c) => {
      const text = typeof planned === "string" ? planned : isFormulaCell(planned) ? planned.formula : undefined;
      if (text !== undefined && text.length > MAX_CELL_TEXT) throw new CellTextTooLongError(ws.name, cellAddress(range.row + r, range.column + c), text.length);
    }),
  );
  const formulas: [Cell, string, CellValue | undefined][] = [];
  cells.forEach((row, r) =>
    row.forEach((planned, c) => {
      const cell = cellAt(ws, range.row + r, range.column + c);
      if (isFormulaCell(planned)) formulas.push([cell, planned.formula.replace(/^=/, ""), planned.result]);
      else cell.value = planned;
    }),
  );
  for (const [cell, formula, expected] of formulas) {
    // The core's expected result is cached as the core worked it out; else "" when the inputs are all blank.
    const result = expected !== undefined && expected !== null ? expected : inputsAllBlank(ws, formula) ? "" : undefined;
    cell.value = result === undefined ? { formula } : { formula, result };
  }
  if (formulas.length > 0) workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
}

/**
 * True when the formula refers only to plain cells of its own sheet and all of them are blank.
 * False when it refers to nothing, to other sheets, ranges, names of tables, or a filled cell.
 */
function inputsAllBlank(ws: Worksheet, formula: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""'); // string literals cannot hold references
  if (/[!:[\]]/.test(code)) return false;
  const refs = [...code.matchAll(/(?<![A-Za-z0-9_.$])\$?([A-Za-z]{1,3})\$?(\d+)(?![A-Za-z0-9_(])/g)];
  if (refs.length === 0) return false;
  return refs.every((m) => {
    const address = `${m[1]!.toUpperCase()}${m[2]!}`;
    const { row, column } = parseRange(address);
    const cell = findCell(ws, row, column);
    return cell === undefined || isBlank(cell.value);
  });
}

/** Removes a table by name (any case); its cells keep their contents, as in Excel. */
function deleteTable(workbook: Workbook, name: string): void {
  const wanted = name.toLowerCase();
  for (const ws of workbook.worksheets) {
    const table = tablesOf(ws).find((t) => t.name.toLowerCase() === wanted);
    if (table) {
      ws.removeTable(table.name);
      return;
    }
  }
  throw new Error(`The workbook has no table called '${name}'.`);
}

function clearContents(ws: Worksheet, range: RangeRef): void {
  for (let r = range.row; r < range.row + range.rowCount; r++) {
    const row = ws.findRow(r + 1);
    if (!row) continue;
    for (let c = range.column; c < range.column + range.columnCount; c++) {
      const cell = row.findCell(c + 1);
      if (cell) cell.value = null;
    }
  }
}

// --- Formats, locking, validation ---------------------------------------------------------------

/** A rule with a validation replaces the range's validation (cleared first); every rule sets what it gives of format, locking and wrapping. */
function applyRule(ws: Worksheet, rule: RangeRule): void {
  const range = parseRange(rule.address);
  if (rule.validation) {
    clearValidation(ws, range);
    addValidation(ws, rangeAddress(range.row, range.column, range.rowCount, range.columnCount), toExcelValidation(rule.validation));
  }
  if (rule.numberFormat === undefined && rule.locked === undefined && rule.wrap === undefined) return;
  for (let r = range.row; r < range.row + range.rowCount; r++) {
    for (let c = range.column; c < range.column + range.columnCount; c++) {
      const cell = cellAt(ws, r, c);
      // Copy the style: exceljs shares one style object between cells loaded with the same style.
      const style = { ...cell.style };
      if (rule.numberFormat !== undefined) style.numFmt = rule.numberFormat;
      if (rule.locked !== undefined) style.protection = { ...style.protection, locked: rule.locked };
      if (rule.wrap !== undefined) style.alignment = { ...style.alignment, wrapText: rule.wrap };
      cell.style = style;
    }
  }
}

/** Our validation rule in exceljs's terms: a stop alert, blanks allowed, the prompt shown when the cell is selected. */
export function toExcelValidation(validation: Validation): DataValidation {
  const { rule } = validation;
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: validation.error.title,
    error: validation.error.message,
    ...(validation.prompt ? { showInputMessage: true, promptTitle: validation.prompt.title, prompt: validation.prompt.message } : {}),
  };
  switch (rule.type) {
    case "whole":
    case "decimal":
      return rule.max === undefined
        ? { type: rule.type, operator: "greaterThanOrEqual", formulae: [rule.min], ...common }
        : { type: rule.type, operator: "between", formulae: [rule.min, rule.max], ...common };
    case "date": {
      // exceljs writes a date rule's formulae from Date objects (read as UTC).
      const date = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000));
      return rule.max === undefined
        ? { type: "date", operator: "greaterThanOrEqual", formulae: [date(rule.min)], ...common }
        : { type: "date", operator: "between", formulae: [date(rule.min), date(rule.max)], ...common };
    }
    case "list": {
      const bad = rule.items.find((item) => item.includes(",") || item.includes('"'));
      if (bad !== undefined) throw new Error(`A dropdown item cannot contain a comma or a double quote: ${bad}`);
      return { type: "list", formulae: [`"${rule.items.join(",")}"`], ...common };
    }
    case "listRange":
      return { type: "list", formulae: [rule.source.replace(/^=/, "")], ...common };
    case "custom":
      return { type: "custom", formulae: [rule.formula.replace(/^=/, "")], ...common };
  }
}

/**
 * Where a worksheet's validations are, parsed once and kept in step with every change made here,
 * so clearing a range looks only at the validations on its rows: Set up's cost stays linear in the
 * number of rules (re-parsing every validation for every rule made a 5,000-measure template take
 * 25 seconds, a 20,000-measure one 9 minutes).
 */
interface ValidationIndex {
  model: Record<string, DataValidation | undefined>;
  ranges: Map<string, RangeRef[]>;
  byRow: Map<number, Set<string>>;
  /** Keys covering very many rows, checked against every clear. */
  tall: Set<string>;
}

const TALL_ROWS = 5_000;
const indexes = new WeakMap<Worksheet, ValidationIndex>();

function validationIndex(ws: Worksheet): ValidationIndex {
  const model = dataValidationsOf(ws).model;
  const known = indexes.get(ws);
  if (known && known.model === model) return known;
  const index: ValidationIndex = { model, ranges: new Map(), byRow: new Map(), tall: new Set() };
  for (const key of Object.keys(model)) indexKey(index, key);
  indexes.set(ws, index);
  return index;
}

function indexKey(index: ValidationIndex, key: string): void {
  if (index.ranges.has(key)) return;
  const ranges = key
    .split(/\s+/)
    .filter((p) => p !== "")
    .map((p) => parseRange(p.replace(/\$/g, "")));
  index.ranges.set(key, ranges);
  for (const range of ranges) {
    if (range.rowCount > TALL_ROWS) {
      index.tall.add(key);
      continue;
    }
    for (let r = range.row; r < range.row + range.rowCount; r++) {
      let keys = index.byRow.get(r);
      if (!keys) index.byRow.set(r, (keys = new Set()));
      keys.add(key);
    }
  }
}

function unindexKey(index: ValidationIndex, key: string): void {
  for (const range of index.ranges.get(key) ?? []) {
    if (range.rowCount > TALL_ROWS) continue;
    for (let r = range.row; r < range.row + range.rowCount; r++) index.byRow.get(r)?.delete(key);
  }
  index.ranges.delete(key);
  index.tall.delete(key);
}

function addValidation(ws: Worksheet, address: string, validation: DataValidation): void {
  const store = dataValidationsOf(ws);
  const index = validationIndex(ws);
  store.add(address, validation);
  indexKey(index, address);
}

/** Removes every validation over the range; a validation range that only partly overlaps keeps its outside parts. */
function clearValidation(ws: Worksheet, clear: RangeRef): void {
  const store = dataValidationsOf(ws);
  const index = validationIndex(ws);
  const candidates = new Set<string>(index.tall);
  for (let r = clear.row; r < clear.row + clear.rowCount; r++) for (const key of index.byRow.get(r) ?? []) candidates.add(key);
  for (const key of candidates) {
    const ranges = index.ranges.get(key) ?? [];
    if (!ranges.some((r) => overlaps(r, clear))) continue;
    const validation = store.model[key];
    delete store.model[key];
    unindexKey(index, key);
    if (!validation) continue;
    for (const range of ranges) {
      for (const rest of subtract(range, clear)) addValidation(ws, rangeAddress(rest.row, rest.column, rest.rowCount, rest.columnCount), validation);
    }
  }
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

/** The parts of `a` outside `b`, as up to four rectangles. */
function subtract(a: RangeRef, b: RangeRef): RangeRef[] {
  if (!overlaps(a, b)) return [a];
  const out: RangeRef[] = [];
  const aBottom = a.row + a.rowCount;
  const aRight = a.column + a.columnCount;
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(aBottom, b.row + b.rowCount);
  if (b.row > a.row) out.push({ row: a.row, column: a.column, rowCount: b.row - a.row, columnCount: a.columnCount });
  if (b.row + b.rowCount < aBottom) out.push({ row: b.row + b.rowCount, column: a.column, rowCount: aBottom - (b.row + b.rowCount), columnCount: a.columnCount });
  if (b.column > a.column) out.push({ row: top, column: a.column, rowCount: bottom - top, columnCount: b.column - a.column });
  if (b.column + b.columnCount < aRight) out.push({ row: top, column: b.column + b.columnCount, rowCount: bottom - top, columnCount: aRight - (b.column + b.columnCount) });
  return out;
}

/** A conditional format filling the cells where the formula (relative to the range's top-left cell) is true. */
function highlight(ws: Worksheet, op: Extract<WorkbookOperation, { kind: "highlight" }>): void {
  const fill = argb(op.fill);
  ws.addConditionalFormatting({
    ref: op.address,
    rules: [
      {
        type: "expression",
        priority: nextConditionalFormatPriority(ws),
        formulae: [op.formula.replace(/^=/, "")],
        // Excel reads a conditional format's solid fill from bgColor, some programs from fgColor: give both.
        style: { fill: { type: "pattern", pattern: "solid", fgColor: { argb: fill }, bgColor: { argb: fill } }, font: { color: { argb: argb(op.font) } } },
      },
    ],
  });
}

/** "#FFC7CE" -> "FFFFC7CE" (opaque ARGB, as exceljs wants). */
function argb(colour: string): string {
  const hex = colour.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new Error(`Not a colour: ${colour}`);
  return `FF${hex}`;
}

// --- Views --------------------------------------------------------------------------------------

function freeze(ws: Worksheet, rows: number, columns: number): void {
  const selected = isTabSelected(ws);
  ws.views =
    rows === 0 && columns === 0
      ? [{ state: "normal" }]
      : [{ state: "frozen", xSplit: columns, ySplit: rows, topLeftCell: cellAddress(rows, columns), activeCell: cellAddress(rows, columns) }];
  if (selected) setTabSelected(ws, true);
}

/** Makes the sheet the one shown when the workbook opens. */
function activate(workbook: Workbook, ws: Worksheet): void {
  const sheets = workbook.worksheets;
  const index = sheets.indexOf(ws);
  const current = workbook.views[0];
  workbook.views = [
    {
      x: current?.x ?? 0,
      y: current?.y ?? 0,
      width: current?.width ?? 20000,
      height: current?.height ?? 12000,
      visibility: current?.visibility ?? "visible",
      firstSheet: Math.min(current?.firstSheet ?? 0, index),
      activeTab: index,
    },
  ];
  for (const other of sheets) setTabSelected(other, other === ws);
}
