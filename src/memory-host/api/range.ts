/// <reference types="office-js" />
/**
 * Fakes of `Excel.Range` and its format (font, fill, protection). Data validation and conditional
 * formats, which also hang off a range, have their own files (data-validation.ts,
 * conditional-formats.ts).
 */
import type { Rect } from "../address";
import {
  boundingRect,
  columnCount,
  inGrid,
  intersection,
  isEntireColumns,
  isEntireRows,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  rowCount,
} from "../address";
import type { FakeRequestContext, Mirror } from "./core";
import { FakeObject, make, sameContext, partTarget } from "./core";
import type { OfficeErrorCode } from "../errors";
import { MESSAGES, officeError } from "../errors";
import { assertNotPivot } from "../model/pivot-table";
import { colourOf, formulaA1ToR1C1, valueType } from "../values";
import { area } from "../address";
import type { Accept, Scalars, WritableProperty } from "./properties";
import { accepted, boolean, declareProperties, nonBlank, numberWhere, oneOf, withProperties } from "./properties";
import type { CellFormat, FormatKey, SheetModel } from "../model/types";

/** What a range proxy is bound to. */
export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
  readonly deleted?: boolean;
}

export function rangeTarget(sheet: SheetModel, rect: Rect): RangeTarget {
  return partTarget({ sheet, rect }, () => sheet.deleted);
}

/** Creates a range proxy that is bound, at sync, by `resolve`. */
export function makeRange(context: FakeRequestContext, resolve: () => RangeTarget | null): FakeRange {
  return make(new FakeRange(context, resolve));
}

/**
 * A range an object finds at sync (`Table.getHeaderRowRange`, `NamedItem.getRange`...): `find` returns
 * its cells, or null when there are none; then the range fails with `missing` (ItemNotFound unless
 * said otherwise), or, for the `*OrNullObject` methods (`missing` "null"), is a null object.
 */
export function rangeFrom<T>(
  owner: FakeObject<T>,
  member: string,
  find: (target: T) => RangeTarget | null,
  missing: OfficeErrorCode | "null" = "ItemNotFound",
): FakeRange {
  const location = `${owner._typeName}.${member}`;
  const range = makeRange(owner._ctx, () => {
    const found = find(owner._target(location));
    if (found) return found;
    if (missing === "null") return null;
    throw officeError(missing, undefined, location);
  });
  return missing === "null" ? range._asNullable() : range;
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

// ---------------------------------------------------------------------------------------------
// Range format

type FormatMembers = "autofitColumns" | "autofitRows" | "load";

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];

/** Common base for objects that format the cells of a range. */
abstract class RangePart extends FakeObject<RangeTarget> {}

/**
 * A format property of every cell of the range (`property` of the proxy, `key` of the cells'
 * format): reads the cells' common value (null when they differ); a write is checked against the
 * sheet's protection ("locking" properties need an unprotected sheet) and converted by `convert`.
 */
function cellFormat<K extends FormatKey>(
  key: K,
  kind: "cells" | "locking",
  accept: Accept<CellFormat[K]>,
): WritableProperty<unknown, RangeTarget> {
  return {
    get: (t) => t.sheet.uniformFormat(t.rect, key),
    set: (t, v, _self, location) => {
      if (kind === "locking") t.sheet.assertUnprotected(location);
      else t.sheet.assertCanFormat("cells", location);
      t.sheet.setFormat(t.rect, { [key]: accepted(v, accept, location) });
    },
  };
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

export class FakeRangeFont extends withProperties<Excel.RangeFont, "bold" | "italic" | "color" | "name" | "size">()(RangePart) {
  readonly _typeName = "RangeFont";

  static {
    declareProperties(this, {
      scalars: {
        bold: cellFormat("bold", "cells", boolean),
        italic: cellFormat("italic", "cells", boolean),
        color: cellFormat("fontColor", "cells", colourOf),
        name: cellFormat("fontName", "cells", nonBlank),
        size: cellFormat("fontSize", "cells", numberWhere((v) => v >= 1 && v <= 409)),
      },
    });
  }
}

export class FakeRangeFill
  extends withProperties<Excel.RangeFill, "color">()(RangePart)
  implements Mirror<Excel.RangeFill, "clear" | "load">
{
  readonly _typeName = "RangeFill";

  static {
    declareProperties(this, {
      scalars: {
        // Office reports "#FFFFFF" for cells without a fill, and null when cells differ.
        color: {
          ...cellFormat("fillColor", "cells", colourOf),
          get: (t) => {
            const values = t.sheet.distinctFormat(t.rect, "fillColor").map((c) => c ?? "#FFFFFF");
            return new Set(values).size === 1 ? values[0] : null;
          },
        },
      },
    });
  }

  clear(): void {
    this._values.delete("color");
    this._queue("clear", (t) => {
      t.sheet.assertCanFormat("cells", "RangeFill.clear");
      t.sheet.setFormat(t.rect, { fillColor: null });
    });
  }
}

export class FakeFormatProtection extends withProperties<Excel.FormatProtection, "locked" | "formulaHidden">()(RangePart) {
  readonly _typeName = "FormatProtection";

  static {
    declareProperties(this, {
      scalars: {
        locked: cellFormat("locked", "locking", boolean),
        formulaHidden: cellFormat("formulaHidden", "locking", boolean),
      },
    });
  }
}

const RANGE_FORMAT_PROPERTIES = {
  columnWidth: {
    get: uniformColumnWidth,
    set: (t, v) => {
      t.sheet.assertCanFormat("columns", "RangeFormat.columnWidth");
      t.sheet.setColumnWidth(t.rect, v as number, "RangeFormat.columnWidth");
    },
  },
  rowHeight: {
    get: uniformRowHeight,
    set: (t, v) => {
      t.sheet.assertCanFormat("rows", "RangeFormat.rowHeight");
      t.sheet.setRowHeight(t.rect, v as number, "RangeFormat.rowHeight");
    },
  },
  wrapText: cellFormat("wrapText", "cells", boolean),
  horizontalAlignment: cellFormat("horizontalAlignment", "cells", oneOf(HORIZONTAL)),
  verticalAlignment: cellFormat("verticalAlignment", "cells", oneOf(VERTICAL)),
} satisfies Scalars<RangeTarget>;

export class FakeRangeFormat
  extends withProperties<Excel.RangeFormat, keyof typeof RANGE_FORMAT_PROPERTIES>()(RangePart)
  implements Mirror<Excel.RangeFormat, FormatMembers>
{
  readonly _typeName = "RangeFormat";

  declare readonly font: FakeRangeFont;
  declare readonly fill: FakeRangeFill;
  declare readonly protection: FakeFormatProtection;

  static {
    declareProperties(this, {
      scalars: RANGE_FORMAT_PROPERTIES,
      parts: { font: FakeRangeFont, fill: FakeRangeFill, protection: FakeFormatProtection },
    });
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

/** Reads a property of every cell of the range (refused above Excel's cell limit). */
function read<T>(t: RangeTarget, property: string, fn: (row: number, col: number) => T): T[][] {
  return t.sheet.read(t.rect, fn, `Range.${property}`);
}

const RANGE_PROPERTIES = {
  address: (t) => t.sheet.address(t.rect),
  addressLocal: (t) => t.sheet.address(t.rect),
  cellCount: (t) => area(t.rect),
  columnCount: (t) => columnCount(t.rect),
  columnIndex: (t) => t.rect.c0,
  rowCount: (t) => rowCount(t.rect),
  rowIndex: (t) => t.rect.r0,
  isEntireColumn: (t) => isEntireColumns(t.rect),
  isEntireRow: (t) => isEntireRows(t.rect),
  values: {
    get: (t) => read(t, "values", (r, c) => t.sheet.valueAt(r, c)),
    set: (t, v) => t.sheet.writeInputs(t.rect, v, "values", "Range.values"),
  },
  formulas: {
    get: (t) => read(t, "formulas", (r, c) => t.sheet.formulaAt(r, c)),
    set: (t, v) => t.sheet.writeInputs(t.rect, v, "formulas", "Range.formulas"),
  },
  formulasLocal: {
    get: (t) => read(t, "formulasLocal", (r, c) => t.sheet.formulaAt(r, c)),
    set: (t, v) => t.sheet.writeInputs(t.rect, v, "formulas", "Range.formulasLocal"),
  },
  formulasR1C1: {
    get: (t) =>
      read(t, "formulasR1C1", (r, c) => {
        const cell = t.sheet.cellAt(r, c);
        return cell?.formula !== undefined ? formulaA1ToR1C1(cell.formula, r, c) : t.sheet.formulaAt(r, c);
      }),
    set: (t, v) => t.sheet.writeInputs(t.rect, v, "formulasR1C1", "Range.formulasR1C1"),
  },
  numberFormat: {
    get: (t) => read(t, "numberFormat", (r, c) => t.sheet.formatAt(r, c, "numberFormat")),
    set: (t, v) => writeNumberFormat(t, v, "Range.numberFormat"),
  },
  numberFormatLocal: {
    get: (t) => read(t, "numberFormatLocal", (r, c) => t.sheet.formatAt(r, c, "numberFormat")),
    set: (t, v) => writeNumberFormat(t, v, "Range.numberFormatLocal"),
  },
  text: (t) => read(t, "text", (r, c) => t.sheet.textAt(r, c)),
  valueTypes: (t) => read(t, "valueTypes", (r, c) => valueType(t.sheet.valueAt(r, c), t.sheet.isErrorAt(r, c))),
  rowHidden: hiddenProperty("rows"),
  columnHidden: hiddenProperty("columns"),
  hidden: (t) =>
    allOrNone(t.rect.r0, t.rect.r1, t.sheet.hiddenRows) === true || allOrNone(t.rect.c0, t.rect.c1, t.sheet.hiddenColumns) === true,
} satisfies Scalars<RangeTarget>;

export class FakeRange
  extends withProperties<Excel.Range, keyof typeof RANGE_PROPERTIES>()(FakeObject<RangeTarget>)
  implements Mirror<Excel.Range, RangeMembers>
{
  readonly _typeName = "Range";

  declare readonly format: FakeRangeFormat;
  // `worksheet`, `dataValidation` and `conditionalFormats` are declared by their own families
  // (worksheet.ts, data-validation.ts, conditional-formats.ts), which import this one.

  static {
    declareProperties(this, {
      scalars: RANGE_PROPERTIES,
      parts: { format: FakeRangeFormat },
    });
  }

  // --- scalar properties ---------------------------------------------------------------------

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
        assertNotPivot(t.sheet, t.rect, "Range.clear");
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
    const other = this._other("getIntersectionOrNullObject", anotherRange);
    return rangeFrom(
      this,
      "getIntersectionOrNullObject",
      (t) => {
        const overlap = intersection(t.rect, other(t));
        return overlap && rangeTarget(t.sheet, overlap);
      },
      "null",
    );
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
    return rangeFrom(
      this,
      "getUsedRangeOrNullObject",
      (t) => {
        const used = t.sheet.usedRect(valuesOnly === true, t.rect);
        return used && rangeTarget(t.sheet, used);
      },
      "null",
    );
  }
}

/** `rowHidden` or `columnHidden`: true, false, or null when some are hidden. */
function hiddenProperty(kind: "rows" | "columns"): WritableProperty<unknown, RangeTarget> {
  return {
    get: (t) => (kind === "rows" ? allOrNone(t.rect.r0, t.rect.r1, t.sheet.hiddenRows) : allOrNone(t.rect.c0, t.rect.c1, t.sheet.hiddenColumns)),
    set: (t, v, _self, location) => {
      const hidden = accepted(v, boolean, location);
      t.sheet.assertCanFormat(kind, location);
      t.sheet.setHidden(kind, t.rect, hidden);
    },
  };
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
    for (const line of matrix)
      for (const v of line)
        if (v !== null && v !== undefined && typeof v !== "string") throw officeError("InvalidArgument", undefined, location);
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
