/// <reference types="office-js" />
/**
 * Fakes of `Excel.Range` and what hangs off it: format (font, fill, protection), data validation
 * and conditional formats.
 */
import {
  area,
  boundingRect,
  columnCount,
  inGrid,
  intersection,
  isEntireColumns,
  isEntireRows,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  type Rect,
  rowCount,
  subtractAll,
} from "./address";
import {
  clientResult,
  FakeCollection,
  type FakeClientResult,
  FakeObject,
  type FakeRequestContext,
  make,
  type Mirror,
  sameContext,
  type ScalarGetters,
} from "./core";
import { MESSAGES, NotImplementedByHostError, officeError } from "./errors";
import {
  type CellFormat,
  type ConditionalFormatModel,
  DEFAULT_ERROR_ALERT,
  DEFAULT_PROMPT,
  type DataValidationModel,
  type SheetModel,
} from "./model";
import { normaliseRule, ruleType, satisfies } from "./validation";
import { formulaA1ToR1C1, formulaR1C1ToA1, normaliseColour, valueType } from "./values";
import { FakeWorksheet } from "./worksheet";

/** What a range proxy is bound to. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
  readonly deleted?: boolean;
}

export function rangeTarget(sheet: SheetModel, rect: Rect): RangeTarget {
  return {
    sheet,
    rect,
    get deleted() {
      return sheet.deleted;
    },
  };
}

/** Creates a range proxy that is bound, at sync, by `resolve`. */
export function makeRange(context: FakeRequestContext, resolve: () => RangeTarget | null): FakeRange {
  return make(new FakeRange(context, resolve));
}

/**
 * Resolves a `Range | string` argument against `sheet` (a string is an address on that sheet).
 * Call at sync time.
 */
export function resolveRangeArgument(sheet: SheetModel, argument: unknown, location: string): RangeTarget {
  if (typeof argument === "string") {
    const parsed = parseAddress(argument, location);
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
      const other = sheet.workbook.findSheet(parsed.sheet);
      if (!other) throw officeError("InvalidArgument", undefined, location);
      return rangeTarget(other, parsed.rect);
    }
    return rangeTarget(sheet, parsed.rect);
  }
  if (argument instanceof FakeRange) return argument._target(location);
  throw officeError("InvalidArgument", undefined, location);
}

function checkedRect(r: Rect, location: string): Rect {
  if (!inGrid(r)) throw officeError("InvalidArgument", undefined, location);
  return r;
}

type RangeMembers =
  | "address"
  | "addressLocal"
  | "cellCount"
  | "columnCount"
  | "columnHidden"
  | "columnIndex"
  | "formulas"
  | "formulasLocal"
  | "formulasR1C1"
  | "hidden"
  | "isEntireColumn"
  | "isEntireRow"
  | "numberFormat"
  | "numberFormatLocal"
  | "rowCount"
  | "rowHidden"
  | "rowIndex"
  | "text"
  | "valueTypes"
  | "values"
  | "load"
  | "select"
  | "clear"
  | "getCell"
  | "getOffsetRange"
  | "getResizedRange"
  | "getAbsoluteResizedRange"
  | "getRow"
  | "getColumn"
  | "getEntireColumn"
  | "getEntireRow"
  | "getLastRow"
  | "getLastColumn"
  | "getLastCell"
  | "getRowsAbove"
  | "getRowsBelow"
  | "getColumnsBefore"
  | "getColumnsAfter"
  | "getIntersection"
  | "getIntersectionOrNullObject"
  | "getBoundingRect"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "track"
  | "untrack";

export class FakeRange extends FakeObject<RangeTarget> implements Mirror<Excel.Range, RangeMembers> {
  readonly _typeName = "Range";

  protected _scalars(): ScalarGetters<RangeTarget> {
    const read = <T>(t: RangeTarget, property: string, fn: (row: number, col: number) => T): T[][] =>
      t.sheet.read(t.rect, fn, `Range.${property}`);
    return {
      address: (t) => t.sheet.address(t.rect),
      addressLocal: (t) => t.sheet.address(t.rect),
      cellCount: (t) => area(t.rect),
      columnCount: (t) => columnCount(t.rect),
      columnIndex: (t) => t.rect.c0,
      rowCount: (t) => rowCount(t.rect),
      rowIndex: (t) => t.rect.r0,
      isEntireColumn: (t) => isEntireColumns(t.rect),
      isEntireRow: (t) => isEntireRows(t.rect),
      values: (t) => read(t, "values", (r, c) => t.sheet.valueAt(r, c)),
      formulas: (t) => read(t, "formulas", (r, c) => t.sheet.formulaAt(r, c)),
      formulasLocal: (t) => read(t, "formulasLocal", (r, c) => t.sheet.formulaAt(r, c)),
      formulasR1C1: (t) =>
        read(t, "formulasR1C1", (r, c) => {
          const cell = t.sheet.cellAt(r, c);
          return cell?.formula !== undefined ? formulaA1ToR1C1(cell.formula, r, c) : t.sheet.formulaAt(r, c);
        }),
      numberFormat: (t) => read(t, "numberFormat", (r, c) => t.sheet.formatAt(r, c, "numberFormat")),
      numberFormatLocal: (t) => read(t, "numberFormatLocal", (r, c) => t.sheet.formatAt(r, c, "numberFormat")),
      text: (t) => read(t, "text", (r, c) => t.sheet.textAt(r, c)),
      valueTypes: (t) => read(t, "valueTypes", (r, c) => valueType(t.sheet.valueAt(r, c), t.sheet.isErrorAt(r, c))),
      rowHidden: (t) => allOrNone(t.rect.r0, t.rect.r1, t.sheet.hiddenRows),
      columnHidden: (t) => allOrNone(t.rect.c0, t.rect.c1, t.sheet.hiddenColumns),
      hidden: (t) =>
        allOrNone(t.rect.r0, t.rect.r1, t.sheet.hiddenRows) === true || allOrNone(t.rect.c0, t.rect.c1, t.sheet.hiddenColumns) === true,
    };
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    switch (name) {
      case "format":
        return this.format as unknown as FakeObject<unknown>;
      case "worksheet":
        return this.worksheet as unknown as FakeObject<unknown>;
      case "dataValidation":
        return this.dataValidation as unknown as FakeObject<unknown>;
      case "conditionalFormats":
        return this.conditionalFormats as unknown as FakeObject<unknown>;
      default:
        return undefined;
    }
  }

  // --- navigation ----------------------------------------------------------------------------

  get format(): FakeRangeFormat {
    return this._nav("format", () => make(new FakeRangeFormat(this._ctx, () => this._target("Range.format"))));
  }

  get worksheet(): FakeWorksheet {
    return this._nav("worksheet", () => make(new FakeWorksheet(this._ctx, () => this._target("Range.worksheet").sheet)));
  }

  get dataValidation(): FakeDataValidation {
    return this._nav("dataValidation", () => make(new FakeDataValidation(this._ctx, () => this._target("Range.dataValidation"))));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._nav("conditionalFormats", () =>
      make(new FakeConditionalFormatCollection(this._ctx, () => this._target("Range.conditionalFormats"))),
    );
  }

  // --- scalar properties ---------------------------------------------------------------------

  get address(): Excel.Range["address"] {
    return this._read("address");
  }
  get addressLocal(): Excel.Range["addressLocal"] {
    return this._read("addressLocal");
  }
  get cellCount(): Excel.Range["cellCount"] {
    return this._read("cellCount");
  }
  get columnCount(): Excel.Range["columnCount"] {
    return this._read("columnCount");
  }
  get columnIndex(): Excel.Range["columnIndex"] {
    return this._read("columnIndex");
  }
  get rowCount(): Excel.Range["rowCount"] {
    return this._read("rowCount");
  }
  get rowIndex(): Excel.Range["rowIndex"] {
    return this._read("rowIndex");
  }
  get isEntireColumn(): Excel.Range["isEntireColumn"] {
    return this._read("isEntireColumn");
  }
  get isEntireRow(): Excel.Range["isEntireRow"] {
    return this._read("isEntireRow");
  }
  get text(): Excel.Range["text"] {
    return this._read("text");
  }
  get valueTypes(): Excel.Range["valueTypes"] {
    return this._read("valueTypes");
  }
  get hidden(): Excel.Range["hidden"] {
    return this._read("hidden");
  }

  get values(): Excel.Range["values"] {
    return this._read("values");
  }
  set values(value: Excel.Range["values"]) {
    this._write("values", value, (t, v) => t.sheet.writeInputs(t.rect, v, "values", "Range.values"));
  }

  get formulas(): Excel.Range["formulas"] {
    return this._read("formulas");
  }
  set formulas(value: Excel.Range["formulas"]) {
    this._write("formulas", value, (t, v) => t.sheet.writeInputs(t.rect, v, "formulas", "Range.formulas"));
  }

  get formulasLocal(): Excel.Range["formulasLocal"] {
    return this._read("formulasLocal");
  }
  set formulasLocal(value: Excel.Range["formulasLocal"]) {
    this._write("formulasLocal", value, (t, v) => t.sheet.writeInputs(t.rect, v, "formulas", "Range.formulasLocal"));
  }

  get formulasR1C1(): Excel.Range["formulasR1C1"] {
    return this._read("formulasR1C1");
  }
  set formulasR1C1(value: Excel.Range["formulasR1C1"]) {
    this._write("formulasR1C1", value, (t, v) => t.sheet.writeInputs(t.rect, v, "formulasR1C1", "Range.formulasR1C1"));
  }

  get numberFormat(): Excel.Range["numberFormat"] {
    return this._read("numberFormat");
  }
  set numberFormat(value: Excel.Range["numberFormat"]) {
    this._write("numberFormat", value, (t, v) => writeNumberFormat(t, v, "Range.numberFormat"));
  }

  get numberFormatLocal(): Excel.Range["numberFormatLocal"] {
    return this._read("numberFormatLocal");
  }
  set numberFormatLocal(value: Excel.Range["numberFormatLocal"]) {
    this._write("numberFormatLocal", value, (t, v) => writeNumberFormat(t, v, "Range.numberFormatLocal"));
  }

  get rowHidden(): Excel.Range["rowHidden"] {
    return this._read("rowHidden");
  }
  set rowHidden(value: Excel.Range["rowHidden"]) {
    this._write("rowHidden", value, (t, v) => {
      if (typeof v !== "boolean") throw officeError("InvalidArgument", undefined, "Range.rowHidden");
      t.sheet.assertCanFormat("rows", "Range.rowHidden");
      t.sheet.setHidden("rows", t.rect, v);
    });
  }

  get columnHidden(): Excel.Range["columnHidden"] {
    return this._read("columnHidden");
  }
  set columnHidden(value: Excel.Range["columnHidden"]) {
    this._write("columnHidden", value, (t, v) => {
      if (typeof v !== "boolean") throw officeError("InvalidArgument", undefined, "Range.columnHidden");
      t.sheet.assertCanFormat("columns", "Range.columnHidden");
      t.sheet.setHidden("columns", t.rect, v);
    });
  }

  // --- methods -------------------------------------------------------------------------------

  select(): void {
    this._queue("select", (t) => t.sheet.workbook.select(t.sheet, t.rect, "Range.select"));
  }

  clear(applyTo?: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents"): void {
    this._queue("clear", (t) => {
      const what = String(applyTo ?? "All");
      if (!["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(what)) {
        throw officeError("InvalidArgument", undefined, "Range.clear");
      }
      if (what === "All" || what === "Contents" || what === "ResetContents") {
        t.sheet.assertCanEdit(t.rect, "Range.clear");
      }
      if (what === "All" || what === "Formats") t.sheet.assertUnprotected("Range.clear");
      if (what === "All" || what === "Contents" || what === "ResetContents") {
        t.sheet.clearContents(t.rect);
        t.sheet.refreshTableHeaders(t.rect);
        t.sheet.workbook.changes.push({ sheet: t.sheet, rect: t.rect });
      }
      if (what === "All" || what === "Formats") t.sheet.clearFormats(t.rect);
      if (what === "All") t.sheet.deleteNotes(t.rect);
    });
  }

  /** A range derived from this one at sync time. */
  private _derived(member: string, derive: (t: RangeTarget) => Rect): FakeRange {
    const location = `Range.${member}`;
    return makeRange(this._ctx, () => {
      const t = this._target(location);
      return rangeTarget(t.sheet, checkedRect(derive(t), location));
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this._derived("getCell", ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0 + column, r1: rect.r0 + row, c1: rect.c0 + column }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._derived("getOffsetRange", ({ rect }) => ({
      r0: rect.r0 + rowOffset,
      r1: rect.r1 + rowOffset,
      c0: rect.c0 + columnOffset,
      c1: rect.c1 + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._derived("getResizedRange", ({ rect }) => ({ ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this._derived("getAbsoluteResizedRange", ({ rect }) => ({ ...rect, r1: rect.r0 + numRows - 1, c1: rect.c0 + numColumns - 1 }));
  }

  getRow(row: number): FakeRange {
    return this._derived("getRow", ({ rect }) => ({ ...rect, r0: rect.r0 + row, r1: rect.r0 + row }));
  }

  getColumn(column: number): FakeRange {
    return this._derived("getColumn", ({ rect }) => ({ ...rect, c0: rect.c0 + column, c1: rect.c0 + column }));
  }

  getEntireColumn(): FakeRange {
    return this._derived("getEntireColumn", ({ rect }) => ({ ...rect, r0: 0, r1: MAX_ROWS - 1 }));
  }

  getEntireRow(): FakeRange {
    return this._derived("getEntireRow", ({ rect }) => ({ ...rect, c0: 0, c1: MAX_COLUMNS - 1 }));
  }

  getLastRow(): FakeRange {
    return this._derived("getLastRow", ({ rect }) => ({ ...rect, r0: rect.r1 }));
  }

  getLastColumn(): FakeRange {
    return this._derived("getLastColumn", ({ rect }) => ({ ...rect, c0: rect.c1 }));
  }

  getLastCell(): FakeRange {
    return this._derived("getLastCell", ({ rect }) => ({ r0: rect.r1, r1: rect.r1, c0: rect.c1, c1: rect.c1 }));
  }

  getRowsAbove(count = 1): FakeRange {
    return this._derived("getRowsAbove", ({ rect }) => ({ ...rect, r0: rect.r0 - count, r1: rect.r0 - 1 }));
  }

  getRowsBelow(count = 1): FakeRange {
    return this._derived("getRowsBelow", ({ rect }) => ({ ...rect, r0: rect.r1 + 1, r1: rect.r1 + count }));
  }

  getColumnsBefore(count = 1): FakeRange {
    return this._derived("getColumnsBefore", ({ rect }) => ({ ...rect, c0: rect.c0 - count, c1: rect.c0 - 1 }));
  }

  getColumnsAfter(count = 1): FakeRange {
    return this._derived("getColumnsAfter", ({ rect }) => ({ ...rect, c0: rect.c1 + 1, c1: rect.c1 + count }));
  }

  private _other(member: string, anotherRange: Excel.Range | string): (t: RangeTarget) => Rect {
    const location = `Range.${member}`;
    sameContext(this._ctx, anotherRange, location);
    return (t) => {
      const other = resolveRangeArgument(t.sheet, anotherRange, location);
      if (other.sheet !== t.sheet) throw officeError("InvalidArgument", undefined, location);
      return other.rect;
    };
  }

  getIntersection(anotherRange: Excel.Range | string): FakeRange {
    const other = this._other("getIntersection", anotherRange);
    return this._derived("getIntersection", (t) => {
      const overlap = intersection(t.rect, other(t));
      if (!overlap) throw officeError("ItemNotFound", undefined, "Range.getIntersection");
      return overlap;
    });
  }

  getIntersectionOrNullObject(anotherRange: Excel.Range | string): FakeRange {
    const location = "Range.getIntersectionOrNullObject";
    const other = this._other("getIntersectionOrNullObject", anotherRange);
    return makeRange(this._ctx, () => {
      const t = this._target(location);
      const overlap = intersection(t.rect, other(t));
      return overlap ? rangeTarget(t.sheet, overlap) : null;
    })._asNullable();
  }

  getBoundingRect(anotherRange: Excel.Range | string): FakeRange {
    const other = this._other("getBoundingRect", anotherRange);
    return this._derived("getBoundingRect", (t) => boundingRect(t.rect, other(t)));
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._derived("getUsedRange", (t) => {
      const used = t.sheet.usedRect(valuesOnly === true, t.rect);
      if (!used) throw officeError("ItemNotFound", undefined, "Range.getUsedRange");
      return used;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const location = "Range.getUsedRangeOrNullObject";
    return makeRange(this._ctx, () => {
      const t = this._target(location);
      const used = t.sheet.usedRect(valuesOnly === true, t.rect);
      return used ? rangeTarget(t.sheet, used) : null;
    })._asNullable();
  }
}

function allOrNone(from: number, to: number, set: Set<number>): boolean | null {
  const size = to - from + 1;
  let hidden = 0;
  if (set.size < size) {
    for (const i of set) if (i >= from && i <= to) hidden++;
  } else for (let i = from; i <= to; i++) if (set.has(i)) hidden++;
  return hidden === 0 ? false : hidden === size ? true : null;
}

function writeNumberFormat(t: RangeTarget, value: unknown, location: string): void {
  const rows = rowCount(t.rect);
  const cols = columnCount(t.rect);
  t.sheet.assertCanFormat("cells", location);
  if (Array.isArray(value)) {
    const matrix = value as unknown[][];
    if (matrix.length !== rows || !matrix.every((line) => Array.isArray(line) && line.length === cols)) {
      throw officeError("InvalidArgument", MESSAGES.shapeMismatch, location);
    }
    for (const line of matrix) for (const v of line) if (v !== null && v !== undefined && typeof v !== "string") throw officeError("InvalidArgument", undefined, location);
    t.sheet.setFormatCells(t.rect, "numberFormat", (i, j) => {
      const v = matrix[i]?.[j];
      return typeof v === "string" ? v : undefined;
    });
  } else if (typeof value === "string") {
    t.sheet.setFormat(t.rect, { numberFormat: value });
  } else if (value !== null && value !== undefined) {
    throw officeError("InvalidArgument", undefined, location);
  }
}

// ---------------------------------------------------------------------------------------------
// Range format

type FormatMembers =
  | "columnWidth"
  | "rowHeight"
  | "wrapText"
  | "horizontalAlignment"
  | "verticalAlignment"
  | "autofitColumns"
  | "autofitRows"
  | "load";

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];

/** Common base for objects that format the cells of a range. */
abstract class RangePart extends FakeObject<RangeTarget> {
  /** Writes one format property to every cell, after Excel's protection check. */
  protected _writeFormat(property: string, value: unknown, kind: "cells" | "locking", patch: (v: unknown) => Partial<CellFormat>): void {
    const location = `${this._typeName}.${property}`;
    this._write(property, value, (t, v) => {
      if (kind === "locking") t.sheet.assertUnprotected(location);
      else t.sheet.assertCanFormat("cells", location);
      t.sheet.setFormat(t.rect, patch(v));
    });
  }
}

function uniformColumnWidth(t: RangeTarget): number | null {
  const widths = new Set<number>();
  const last = Math.min(t.rect.c1, t.rect.c0 + MAX_COLUMNS);
  for (let c = t.rect.c0; c <= last && widths.size < 2; c++) widths.add(t.sheet.columnWidth(c));
  return widths.size === 1 ? ([...widths][0] ?? null) : null;
}

function uniformRowHeight(t: RangeTarget): number | null {
  const heights = new Set<number>();
  if (rowCount(t.rect) > t.sheet.rowHeights.size) {
    heights.add(t.sheet.standardHeight);
    for (const [row, h] of t.sheet.rowHeights) if (row >= t.rect.r0 && row <= t.rect.r1) heights.add(h);
    // If every row of the range has its own height, the standard height is not really present.
    let own = 0;
    for (const row of t.sheet.rowHeights.keys()) if (row >= t.rect.r0 && row <= t.rect.r1) own++;
    if (own === rowCount(t.rect)) heights.delete(t.sheet.standardHeight);
  } else for (let r = t.rect.r0; r <= t.rect.r1 && heights.size < 2; r++) heights.add(t.sheet.rowHeight(r));
  return heights.size === 1 ? ([...heights][0] ?? null) : null;
}

export class FakeRangeFormat extends RangePart implements Mirror<Excel.RangeFormat, FormatMembers> {
  readonly _typeName = "RangeFormat";

  protected _scalars(): ScalarGetters<RangeTarget> {
    return {
      columnWidth: uniformColumnWidth,
      rowHeight: uniformRowHeight,
      wrapText: (t) => t.sheet.uniformFormat(t.rect, "wrapText"),
      horizontalAlignment: (t) => t.sheet.uniformFormat(t.rect, "horizontalAlignment"),
      verticalAlignment: (t) => t.sheet.uniformFormat(t.rect, "verticalAlignment"),
    };
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "font") return this.font as unknown as FakeObject<unknown>;
    if (name === "fill") return this.fill as unknown as FakeObject<unknown>;
    if (name === "protection") return this.protection as unknown as FakeObject<unknown>;
    return undefined;
  }

  get font(): FakeRangeFont {
    return this._nav("font", () => make(new FakeRangeFont(this._ctx, () => this._target("RangeFormat.font"))));
  }

  get fill(): FakeRangeFill {
    return this._nav("fill", () => make(new FakeRangeFill(this._ctx, () => this._target("RangeFormat.fill"))));
  }

  get protection(): FakeFormatProtection {
    return this._nav("protection", () => make(new FakeFormatProtection(this._ctx, () => this._target("RangeFormat.protection"))));
  }

  get columnWidth(): Excel.RangeFormat["columnWidth"] {
    return this._read("columnWidth");
  }
  set columnWidth(value: Excel.RangeFormat["columnWidth"]) {
    this._write("columnWidth", value, (t, v) => {
      t.sheet.assertCanFormat("columns", "RangeFormat.columnWidth");
      t.sheet.setColumnWidth(t.rect, v as number, "RangeFormat.columnWidth");
    });
  }

  get rowHeight(): Excel.RangeFormat["rowHeight"] {
    return this._read("rowHeight");
  }
  set rowHeight(value: Excel.RangeFormat["rowHeight"]) {
    this._write("rowHeight", value, (t, v) => {
      t.sheet.assertCanFormat("rows", "RangeFormat.rowHeight");
      t.sheet.setRowHeight(t.rect, v as number, "RangeFormat.rowHeight");
    });
  }

  get wrapText(): Excel.RangeFormat["wrapText"] {
    return this._read("wrapText");
  }
  set wrapText(value: Excel.RangeFormat["wrapText"]) {
    this._writeFormat("wrapText", value, "cells", (v) => ({ wrapText: asBoolean(v, "RangeFormat.wrapText") }));
  }

  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    return this._read("horizontalAlignment");
  }
  set horizontalAlignment(value: Excel.RangeFormat["horizontalAlignment"]) {
    this._writeFormat("horizontalAlignment", value, "cells", (v) => ({
      horizontalAlignment: oneOf(v, HORIZONTAL, "RangeFormat.horizontalAlignment"),
    }));
  }

  get verticalAlignment(): Excel.RangeFormat["verticalAlignment"] {
    return this._read("verticalAlignment");
  }
  set verticalAlignment(value: Excel.RangeFormat["verticalAlignment"]) {
    this._writeFormat("verticalAlignment", value, "cells", (v) => ({
      verticalAlignment: oneOf(v, VERTICAL, "RangeFormat.verticalAlignment"),
    }));
  }

  autofitColumns(): void {
    this._queue("autofitColumns", (t) => {
      t.sheet.assertCanFormat("columns", "RangeFormat.autofitColumns");
      t.sheet.autofitColumns(t.rect);
    });
  }

  autofitRows(): void {
    this._queue("autofitRows", (t) => {
      t.sheet.assertCanFormat("rows", "RangeFormat.autofitRows");
      t.sheet.autofitRows(t.rect);
    });
  }
}

function asBoolean(v: unknown, location: string): boolean {
  if (typeof v !== "boolean") throw officeError("InvalidArgument", undefined, location);
  return v;
}

function oneOf(v: unknown, allowed: string[], location: string): string {
  if (typeof v !== "string" || !allowed.includes(v)) throw officeError("InvalidArgument", undefined, location);
  return v;
}

export class FakeRangeFont extends RangePart implements Mirror<Excel.RangeFont, "bold" | "italic" | "color" | "name" | "size" | "load"> {
  readonly _typeName = "RangeFont";

  protected _scalars(): ScalarGetters<RangeTarget> {
    return {
      bold: (t) => t.sheet.uniformFormat(t.rect, "bold"),
      italic: (t) => t.sheet.uniformFormat(t.rect, "italic"),
      color: (t) => t.sheet.uniformFormat(t.rect, "fontColor"),
      name: (t) => t.sheet.uniformFormat(t.rect, "fontName"),
      size: (t) => t.sheet.uniformFormat(t.rect, "fontSize"),
    };
  }

  get bold(): Excel.RangeFont["bold"] {
    return this._read("bold");
  }
  set bold(value: Excel.RangeFont["bold"]) {
    this._writeFormat("bold", value, "cells", (v) => ({ bold: asBoolean(v, "RangeFont.bold") }));
  }

  get italic(): Excel.RangeFont["italic"] {
    return this._read("italic");
  }
  set italic(value: Excel.RangeFont["italic"]) {
    this._writeFormat("italic", value, "cells", (v) => ({ italic: asBoolean(v, "RangeFont.italic") }));
  }

  get color(): Excel.RangeFont["color"] {
    return this._read("color");
  }
  set color(value: Excel.RangeFont["color"]) {
    this._writeFormat("color", value, "cells", (v) => ({ fontColor: normaliseColour(v, "RangeFont.color") }));
  }

  get name(): Excel.RangeFont["name"] {
    return this._read("name");
  }
  set name(value: Excel.RangeFont["name"]) {
    this._writeFormat("name", value, "cells", (v) => {
      if (typeof v !== "string" || v.trim() === "") throw officeError("InvalidArgument", undefined, "RangeFont.name");
      return { fontName: v };
    });
  }

  get size(): Excel.RangeFont["size"] {
    return this._read("size");
  }
  set size(value: Excel.RangeFont["size"]) {
    this._writeFormat("size", value, "cells", (v) => {
      if (typeof v !== "number" || !(v >= 1 && v <= 409)) throw officeError("InvalidArgument", undefined, "RangeFont.size");
      return { fontSize: v };
    });
  }
}

export class FakeRangeFill extends RangePart implements Mirror<Excel.RangeFill, "color" | "clear" | "load"> {
  readonly _typeName = "RangeFill";

  protected _scalars(): ScalarGetters<RangeTarget> {
    return {
      // Office reports "#FFFFFF" for cells without a fill, and null when cells differ.
      color: (t) => {
        const values = t.sheet.distinctFormat(t.rect, "fillColor").map((c) => c ?? "#FFFFFF");
        return new Set(values).size === 1 ? values[0] : null;
      },
    };
  }

  get color(): Excel.RangeFill["color"] {
    return this._read("color");
  }
  set color(value: Excel.RangeFill["color"]) {
    this._writeFormat("color", value, "cells", (v) => ({ fillColor: normaliseColour(v, "RangeFill.color") }));
  }

  clear(): void {
    this._values.delete("color");
    this._queue("clear", (t) => {
      t.sheet.assertCanFormat("cells", "RangeFill.clear");
      t.sheet.setFormat(t.rect, { fillColor: null });
    });
  }
}

export class FakeFormatProtection extends RangePart implements Mirror<Excel.FormatProtection, "locked" | "formulaHidden" | "load"> {
  readonly _typeName = "FormatProtection";

  protected _scalars(): ScalarGetters<RangeTarget> {
    return {
      locked: (t) => t.sheet.uniformFormat(t.rect, "locked"),
      formulaHidden: (t) => t.sheet.uniformFormat(t.rect, "formulaHidden"),
    };
  }

  get locked(): Excel.FormatProtection["locked"] {
    return this._read("locked");
  }
  set locked(value: Excel.FormatProtection["locked"]) {
    this._writeFormat("locked", value, "locking", (v) => ({ locked: asBoolean(v, "FormatProtection.locked") }));
  }

  get formulaHidden(): Excel.FormatProtection["formulaHidden"] {
    return this._read("formulaHidden");
  }
  set formulaHidden(value: Excel.FormatProtection["formulaHidden"]) {
    this._writeFormat("formulaHidden", value, "locking", (v) => ({ formulaHidden: asBoolean(v, "FormatProtection.formulaHidden") }));
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation

interface ValidationSummary {
  type: string;
  rule: Excel.DataValidationRule | null;
  prompt: Excel.DataValidationPrompt | null;
  errorAlert: Excel.DataValidationErrorAlert | null;
  ignoreBlanks: boolean | null;
}

function summarise(t: RangeTarget): ValidationSummary {
  const entries = t.sheet.validationsIn(t.rect);
  if (entries.length === 0) {
    return { type: "None", rule: {}, prompt: { ...DEFAULT_PROMPT }, errorAlert: { ...DEFAULT_ERROR_ALERT } as Excel.DataValidationErrorAlert, ignoreBlanks: true };
  }
  const covered = subtractAll(t.rect, entries.map((e) => e.rect)).length === 0;
  const first = entries[0] as DataValidationModel;
  const same = <K extends keyof DataValidationModel>(key: K): boolean =>
    entries.every((e) => JSON.stringify(e[key]) === JSON.stringify(first[key]));
  const sameRule = same("rule");
  let type = ruleType(first.rule);
  if (!sameRule) type = "Inconsistent";
  else if (!covered) type = "MixedCriteria";
  return {
    type,
    rule: sameRule && covered ? structuredClone(first.rule) : null,
    prompt: covered && same("prompt") ? { ...first.prompt } : null,
    errorAlert: covered && same("errorAlert") ? ({ ...first.errorAlert } as Excel.DataValidationErrorAlert) : null,
    ignoreBlanks: covered && same("ignoreBlanks") ? first.ignoreBlanks : null,
  };
}

/** `valid`: true if all cells are valid, false if all are invalid, null if mixed. */
function validity(t: RangeTarget): boolean | null {
  let valid = 0;
  let invalid = 0;
  for (const dv of t.sheet.validationsIn(t.rect)) {
    const overlap = intersection(dv.rect, t.rect);
    if (!overlap) continue;
    // Only stored cells can hold values; blank cells are checked once, against ignoreBlanks.
    let stored = 0;
    t.sheet.forEachStored(overlap, (_cell, row, col) => {
      stored++;
      if (satisfies(dv, t.sheet.valueAt(row, col), t.sheet)) valid++;
      else invalid++;
    });
    if (stored < area(overlap)) {
      if (satisfies(dv, "", t.sheet)) valid++;
      else invalid++;
    }
  }
  const uncovered = subtractAll(t.rect, t.sheet.validationsIn(t.rect).map((dv) => dv.rect)).length > 0;
  if (uncovered) valid++;
  return invalid === 0 ? true : valid === 0 ? false : null;
}

const ALERT_STYLES = ["Stop", "Warning", "Information"];

export class FakeDataValidation
  extends FakeObject<RangeTarget>
  implements Mirror<Excel.DataValidation, "rule" | "prompt" | "errorAlert" | "ignoreBlanks" | "type" | "valid" | "clear" | "load">
{
  readonly _typeName = "DataValidation";

  protected _scalars(): ScalarGetters<RangeTarget> {
    return {
      rule: (t) => summarise(t).rule,
      prompt: (t) => summarise(t).prompt,
      errorAlert: (t) => summarise(t).errorAlert,
      ignoreBlanks: (t) => summarise(t).ignoreBlanks,
      type: (t) => summarise(t).type,
      valid: (t) => validity(t),
    };
  }

  get type(): Excel.DataValidation["type"] {
    return this._read("type");
  }

  get valid(): Excel.DataValidation["valid"] {
    return this._read("valid");
  }

  get rule(): Excel.DataValidation["rule"] {
    return this._read("rule");
  }
  set rule(value: Excel.DataValidation["rule"]) {
    const location = "DataValidation.rule";
    const source = (value as { list?: { source?: unknown } } | undefined)?.list?.source;
    sameContext(this._ctx, source, location);
    this._write("rule", value, (t, v) => {
      t.sheet.assertUnprotected(location);
      const rule = normaliseRule(v, location, (range) => (range instanceof FakeRange ? range._target(location) : null));
      t.sheet.applyDataValidation(t.rect, { rule });
    });
  }

  get prompt(): Excel.DataValidation["prompt"] {
    return this._read("prompt");
  }
  set prompt(value: Excel.DataValidation["prompt"]) {
    const location = "DataValidation.prompt";
    this._write("prompt", value, (t, v) => {
      t.sheet.assertUnprotected(location);
      if (!v || typeof v !== "object") throw officeError("InvalidArgument", undefined, location);
      const p = v as Partial<Excel.DataValidationPrompt>;
      const prompt = {
        message: String(p.message ?? DEFAULT_PROMPT.message),
        showPrompt: Boolean(p.showPrompt ?? DEFAULT_PROMPT.showPrompt),
        title: String(p.title ?? DEFAULT_PROMPT.title),
      };
      t.sheet.applyDataValidation(t.rect, { prompt });
    });
  }

  get errorAlert(): Excel.DataValidation["errorAlert"] {
    return this._read("errorAlert");
  }
  set errorAlert(value: Excel.DataValidation["errorAlert"]) {
    const location = "DataValidation.errorAlert";
    this._write("errorAlert", value, (t, v) => {
      t.sheet.assertUnprotected(location);
      if (!v || typeof v !== "object") throw officeError("InvalidArgument", undefined, location);
      const a = v as Partial<Excel.DataValidationErrorAlert>;
      const style = String(a.style ?? DEFAULT_ERROR_ALERT.style);
      if (!ALERT_STYLES.includes(style)) throw officeError("InvalidArgument", undefined, location);
      const errorAlert = {
        message: String(a.message ?? DEFAULT_ERROR_ALERT.message),
        showAlert: Boolean(a.showAlert ?? DEFAULT_ERROR_ALERT.showAlert),
        style,
        title: String(a.title ?? DEFAULT_ERROR_ALERT.title),
      };
      t.sheet.applyDataValidation(t.rect, { errorAlert });
    });
  }

  get ignoreBlanks(): Excel.DataValidation["ignoreBlanks"] {
    return this._read("ignoreBlanks");
  }
  set ignoreBlanks(value: Excel.DataValidation["ignoreBlanks"]) {
    const location = "DataValidation.ignoreBlanks";
    this._write("ignoreBlanks", value, (t, v) => {
      t.sheet.assertUnprotected(location);
      t.sheet.applyDataValidation(t.rect, { ignoreBlanks: asBoolean(v, location) });
    });
  }

  clear(): void {
    for (const key of ["rule", "prompt", "errorAlert", "ignoreBlanks", "type", "valid"]) this._values.delete(key);
    this._queue("clear", (t) => {
      t.sheet.assertUnprotected("DataValidation.clear");
      t.sheet.clearDataValidation(t.rect);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

/** What a conditional-format proxy is bound to. */
export interface ConditionalFormatTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
  readonly deleted: boolean;
}

function cfTarget(sheet: SheetModel, cf: ConditionalFormatModel): ConditionalFormatTarget {
  return {
    sheet,
    cf,
    get deleted() {
      return sheet.deleted || !sheet.conditionalFormats.includes(cf);
    },
  };
}

export class FakeConditionalFormatCollection
  extends FakeCollection<RangeTarget, ConditionalFormatTarget, FakeConditionalFormat>
  implements Mirror<Excel.ConditionalFormatCollection, "add" | "clearAll" | "getCount" | "getItem" | "getItemAt" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "ConditionalFormatCollection";

  protected _scalars(): ScalarGetters<RangeTarget> {
    return {};
  }

  protected _itemTargets(t: RangeTarget): ConditionalFormatTarget[] {
    return t.sheet.conditionalFormatsIn(t.rect).map((cf) => cfTarget(t.sheet, cf));
  }

  protected _makeItem(item: ConditionalFormatTarget): FakeConditionalFormat {
    return make(new FakeConditionalFormat(this._ctx, () => item, { bound: item }));
  }

  add(
    type: Excel.ConditionalFormatType | "Custom" | "DataBar" | "ColorScale" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText" | "CellValue",
  ): FakeConditionalFormat {
    if (String(type) !== "Custom") throw new NotImplementedByHostError(`ConditionalFormatCollection.add("${String(type)}")`);
    let created: ConditionalFormatTarget | undefined;
    this._queue("add", (t) => {
      t.sheet.assertUnprotected("ConditionalFormatCollection.add");
      created = cfTarget(t.sheet, t.sheet.workbook.addConditionalFormat(t.sheet, [t.rect]));
    });
    return make(
      new FakeConditionalFormat(this._ctx, () => {
        if (!created) throw officeError("ItemNotFound", undefined, "ConditionalFormatCollection.add");
        return created;
      }),
    );
  }

  clearAll(): void {
    this._queue("clearAll", (t) => {
      t.sheet.assertUnprotected("ConditionalFormatCollection.clearAll");
      t.sheet.clearConditionalFormats(t.rect);
    });
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (t) => t.sheet.conditionalFormatsIn(t.rect).length);
  }

  private _lookup(member: string, find: (t: RangeTarget) => ConditionalFormatModel | undefined, nullable: boolean): FakeConditionalFormat {
    const location = `ConditionalFormatCollection.${member}`;
    const proxy = make(
      new FakeConditionalFormat(this._ctx, () => {
        const t = this._target(location);
        const cf = find(t);
        if (!cf) {
          if (nullable) return null;
          throw officeError("ItemNotFound", undefined, location);
        }
        return cfTarget(t.sheet, cf);
      }),
    );
    return nullable ? proxy._asNullable() : proxy;
  }

  getItem(id: string): FakeConditionalFormat {
    return this._lookup("getItem", (t) => t.sheet.conditionalFormatsIn(t.rect).find((cf) => cf.id === id), false);
  }

  getItemOrNullObject(id: string): FakeConditionalFormat {
    return this._lookup("getItemOrNullObject", (t) => t.sheet.conditionalFormatsIn(t.rect).find((cf) => cf.id === id), true);
  }

  getItemAt(index: number): FakeConditionalFormat {
    return this._lookup("getItemAt", (t) => t.sheet.conditionalFormatsIn(t.rect)[index], false);
  }
}

abstract class ConditionalPart extends FakeObject<ConditionalFormatTarget> {
  /** Writes a property of the conditional format (refused on a protected sheet). */
  protected _writeRule(property: string, value: unknown, apply: (cf: ConditionalFormatModel, v: unknown, t: ConditionalFormatTarget) => void): void {
    const location = `${this._typeName}.${property}`;
    this._write(property, value, (t, v) => {
      t.sheet.assertUnprotected(location);
      apply(t.cf, v, t);
      t.sheet.workbook.touch();
    });
  }
}

export class FakeConditionalFormat
  extends ConditionalPart
  implements Mirror<Excel.ConditionalFormat, "id" | "type" | "priority" | "stopIfTrue" | "delete" | "getRange" | "getRangeOrNullObject" | "load">
{
  readonly _typeName = "ConditionalFormat";

  protected _scalars(): ScalarGetters<ConditionalFormatTarget> {
    return {
      id: (t) => t.cf.id,
      type: (t) => t.cf.type,
      priority: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
      stopIfTrue: (t) => t.cf.stopIfTrue,
    };
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    return name === "custom" ? (this.custom as unknown as FakeObject<unknown>) : undefined;
  }

  get custom(): FakeCustomConditionalFormat {
    return this._nav("custom", () => make(new FakeCustomConditionalFormat(this._ctx, () => this._target("ConditionalFormat.custom"))));
  }

  get id(): Excel.ConditionalFormat["id"] {
    return this._read("id");
  }
  get type(): Excel.ConditionalFormat["type"] {
    return this._read("type");
  }

  get priority(): Excel.ConditionalFormat["priority"] {
    return this._read("priority");
  }
  set priority(value: Excel.ConditionalFormat["priority"]) {
    this._writeRule("priority", value, (cf, v, t) => {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw officeError("InvalidArgument", undefined, "ConditionalFormat.priority");
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(cf), 1);
      list.splice(Math.min(v, list.length), 0, cf);
    });
  }

  get stopIfTrue(): Excel.ConditionalFormat["stopIfTrue"] {
    return this._read("stopIfTrue");
  }
  set stopIfTrue(value: Excel.ConditionalFormat["stopIfTrue"]) {
    this._writeRule("stopIfTrue", value, (cf, v) => {
      cf.stopIfTrue = asBoolean(v, "ConditionalFormat.stopIfTrue");
    });
  }

  delete(): void {
    this._queue("delete", (t) => {
      t.sheet.assertUnprotected("ConditionalFormat.delete");
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => cf !== t.cf);
      t.sheet.workbook.touch();
    });
  }

  getRange(): FakeRange {
    const location = "ConditionalFormat.getRange";
    return makeRange(this._ctx, () => {
      const t = this._target(location);
      const only = t.cf.rects.length === 1 ? t.cf.rects[0] : undefined;
      if (!only) throw officeError("InvalidOperation", undefined, location);
      return rangeTarget(t.sheet, only);
    });
  }

  getRangeOrNullObject(): FakeRange {
    const location = "ConditionalFormat.getRangeOrNullObject";
    return makeRange(this._ctx, () => {
      const t = this._target(location);
      const only = t.cf.rects.length === 1 ? t.cf.rects[0] : undefined;
      return only ? rangeTarget(t.sheet, only) : null;
    })._asNullable();
  }
}

export class FakeCustomConditionalFormat extends ConditionalPart {
  readonly _typeName = "CustomConditionalFormat";

  protected _scalars(): ScalarGetters<ConditionalFormatTarget> {
    return {};
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "rule") return this.rule as unknown as FakeObject<unknown>;
    if (name === "format") return this.format as unknown as FakeObject<unknown>;
    return undefined;
  }

  get rule(): FakeConditionalFormatRule {
    return this._nav("rule", () => make(new FakeConditionalFormatRule(this._ctx, () => this._target("CustomConditionalFormat.rule"))));
  }

  get format(): FakeConditionalRangeFormat {
    return this._nav("format", () => make(new FakeConditionalRangeFormat(this._ctx, () => this._target("CustomConditionalFormat.format"))));
  }
}

export class FakeConditionalFormatRule
  extends ConditionalPart
  implements Mirror<Excel.ConditionalFormatRule, "formula" | "formulaLocal" | "formulaR1C1" | "load">
{
  readonly _typeName = "ConditionalFormatRule";

  protected _scalars(): ScalarGetters<ConditionalFormatTarget> {
    return {
      formula: (t) => t.cf.formula,
      formulaLocal: (t) => t.cf.formula,
      formulaR1C1: (t) => formulaA1ToR1C1(t.cf.formula, t.cf.rects[0]?.r0 ?? 0, t.cf.rects[0]?.c0 ?? 0),
    };
  }

  private _setFormula(property: string, value: unknown, r1c1: boolean): void {
    this._writeRule(property, value, (cf, v) => {
      if (typeof v !== "string" || v.trim() === "") throw officeError("InvalidArgument", undefined, `ConditionalFormatRule.${property}`);
      cf.formula = r1c1 ? formulaR1C1ToA1Local(v, cf) : v;
    });
  }

  get formula(): Excel.ConditionalFormatRule["formula"] {
    return this._read("formula");
  }
  set formula(value: Excel.ConditionalFormatRule["formula"]) {
    this._setFormula("formula", value, false);
  }

  get formulaLocal(): Excel.ConditionalFormatRule["formulaLocal"] {
    return this._read("formulaLocal");
  }
  set formulaLocal(value: Excel.ConditionalFormatRule["formulaLocal"]) {
    this._setFormula("formulaLocal", value, false);
  }

  get formulaR1C1(): Excel.ConditionalFormatRule["formulaR1C1"] {
    return this._read("formulaR1C1");
  }
  set formulaR1C1(value: Excel.ConditionalFormatRule["formulaR1C1"]) {
    this._setFormula("formulaR1C1", value, true);
  }
}

/** Converts an R1C1 rule formula relative to the top-left cell of the format's range. */
function formulaR1C1ToA1Local(formula: string, cf: ConditionalFormatModel): string {
  const first = cf.rects[0];
  return formulaR1C1ToA1(formula, first?.r0 ?? 0, first?.c0 ?? 0);
}

export class FakeConditionalRangeFormat
  extends ConditionalPart
  implements Mirror<Excel.ConditionalRangeFormat, "numberFormat" | "clearFormat" | "load">
{
  readonly _typeName = "ConditionalRangeFormat";

  protected _scalars(): ScalarGetters<ConditionalFormatTarget> {
    return { numberFormat: (t) => t.cf.numberFormat };
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "fill") return this.fill as unknown as FakeObject<unknown>;
    if (name === "font") return this.font as unknown as FakeObject<unknown>;
    return undefined;
  }

  get fill(): FakeConditionalRangeFill {
    return this._nav("fill", () => make(new FakeConditionalRangeFill(this._ctx, () => this._target("ConditionalRangeFormat.fill"))));
  }

  get font(): FakeConditionalRangeFont {
    return this._nav("font", () => make(new FakeConditionalRangeFont(this._ctx, () => this._target("ConditionalRangeFormat.font"))));
  }

  get numberFormat(): Excel.ConditionalRangeFormat["numberFormat"] {
    return this._read("numberFormat");
  }
  set numberFormat(value: Excel.ConditionalRangeFormat["numberFormat"]) {
    this._writeRule("numberFormat", value, (cf, v) => {
      if (typeof v !== "string") throw officeError("InvalidArgument", undefined, "ConditionalRangeFormat.numberFormat");
      cf.numberFormat = v;
    });
  }

  clearFormat(): void {
    this._queue("clearFormat", (t) => {
      t.sheet.assertUnprotected("ConditionalRangeFormat.clearFormat");
      Object.assign(t.cf, { fillColor: null, fontColor: null, bold: null, italic: null, numberFormat: null });
      t.sheet.workbook.touch();
    });
  }
}

export class FakeConditionalRangeFill extends ConditionalPart implements Mirror<Excel.ConditionalRangeFill, "color" | "clear" | "load"> {
  readonly _typeName = "ConditionalRangeFill";

  protected _scalars(): ScalarGetters<ConditionalFormatTarget> {
    return { color: (t) => t.cf.fillColor };
  }

  get color(): Excel.ConditionalRangeFill["color"] {
    return this._read("color");
  }
  set color(value: Excel.ConditionalRangeFill["color"]) {
    this._writeRule("color", value, (cf, v) => {
      cf.fillColor = normaliseColour(v, "ConditionalRangeFill.color");
    });
  }

  clear(): void {
    this._values.delete("color");
    this._queue("clear", (t) => {
      t.sheet.assertUnprotected("ConditionalRangeFill.clear");
      t.cf.fillColor = null;
      t.sheet.workbook.touch();
    });
  }
}

export class FakeConditionalRangeFont
  extends ConditionalPart
  implements Mirror<Excel.ConditionalRangeFont, "color" | "bold" | "italic" | "clear" | "load">
{
  readonly _typeName = "ConditionalRangeFont";

  protected _scalars(): ScalarGetters<ConditionalFormatTarget> {
    return { color: (t) => t.cf.fontColor, bold: (t) => t.cf.bold, italic: (t) => t.cf.italic };
  }

  get color(): Excel.ConditionalRangeFont["color"] {
    return this._read("color");
  }
  set color(value: Excel.ConditionalRangeFont["color"]) {
    this._writeRule("color", value, (cf, v) => {
      cf.fontColor = normaliseColour(v, "ConditionalRangeFont.color");
    });
  }

  get bold(): Excel.ConditionalRangeFont["bold"] {
    return this._read("bold");
  }
  set bold(value: Excel.ConditionalRangeFont["bold"]) {
    this._writeRule("bold", value, (cf, v) => {
      cf.bold = asBoolean(v, "ConditionalRangeFont.bold");
    });
  }

  get italic(): Excel.ConditionalRangeFont["italic"] {
    return this._read("italic");
  }
  set italic(value: Excel.ConditionalRangeFont["italic"]) {
    this._writeRule("italic", value, (cf, v) => {
      cf.italic = asBoolean(v, "ConditionalRangeFont.italic");
    });
  }

  clear(): void {
    for (const key of ["color", "bold", "italic"]) this._values.delete(key);
    this._queue("clear", (t) => {
      t.sheet.assertUnprotected("ConditionalRangeFont.clear");
      Object.assign(t.cf, { fontColor: null, bold: null, italic: null });
      t.sheet.workbook.touch();
    });
  }
}
