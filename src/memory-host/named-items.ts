/// <reference types="office-js" />
/**
 * Named items (`workbook.names`, ExcelApi 1.1; `add` 1.4) and the one namespace Excel shares
 * between defined names, table names and PivotTable names.
 *
 * - A defined name, a table and a PivotTable may not share a name (case-insensitive). Excel
 *   refuses a table or PivotTable whose name is taken with a vague InvalidArgument ("The argument is
 *   invalid or missing or has an incorrect format."), and `names.add` with a taken name with
 *   ItemAlreadyExists, "A resource with the same name or identifier already exists." (office-js
 *   issue #2875 shows that message for `workbook.names.add`).
 * - `assertNameAvailable` is the single check every kind of name goes through.
 */
import { columnIndex, formatAddress, type Rect, tryParseAddress } from "./address";
import {
  clientResult,
  FakeCollection,
  type FakeClientResult,
  FakeObject,
  make,
  type Mirror,
  sameContext,
  type ScalarGetters,
} from "./core";
import { MESSAGES, officeError, type OfficeErrorCode } from "./errors";
import type { SheetModel, WorkbookModel } from "./model";
import { FakeRange, makeRange, rangeTarget } from "./range";
import { type CellValue } from "./values";

// ---------------------------------------------------------------------------------------------
// Model

export interface NamedItemModel {
  name: string;
  /** "=Sheet1!$A$1:$B$2", "=42", "=\"text\"". */
  formula: string;
  comment: string;
  visible: boolean;
  /** Defined names are workbook-scoped here (sheet-scoped names are not modelled). */
  readonly deleted?: boolean;
}

/** Characters Excel allows in defined names and table names (no spaces). */
const NAME_PATTERN = /^[A-Za-z_\\\u00A1-\uFFFF][A-Za-z0-9_.\\\u00A1-\uFFFF]*$/;

/** Excel's rules for a defined name or table name: letters, digits, _ . \, not a cell reference. */
export function isValidDefinedName(name: unknown): name is string {
  if (typeof name !== "string" || name.length === 0 || name.length > 255 || !NAME_PATTERN.test(name)) return false;
  const a1 = /^([A-Za-z]{1,3})\d+$/.exec(name);
  if ((a1 && columnIndex(a1[1] ?? "") >= 0) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return false;
  return true;
}

/** What holds a name in the shared namespace. */
export type NameOwner = { kind: "table" | "pivot" | "name"; ref: unknown };

/** The table, PivotTable or defined name called `name` (case-insensitive), if any. */
export function nameOwner(workbook: WorkbookModel, name: string): NameOwner | undefined {
  const lower = name.toLowerCase();
  const table = workbook.tables.find((t) => t.name.toLowerCase() === lower);
  if (table) return { kind: "table", ref: table };
  const pivot = workbook.pivotTables.find((p) => p.name.toLowerCase() === lower);
  if (pivot) return { kind: "pivot", ref: pivot };
  const named = workbook.names.find((n) => n.name.toLowerCase() === lower);
  if (named) return { kind: "name", ref: named };
  return undefined;
}

/**
 * Refuses a name already used by a table, a PivotTable or a defined name (other than `except`,
 * when an object is renamed to its own name in another case).
 */
export function assertNameAvailable(workbook: WorkbookModel, name: string, location: string, except?: unknown, code: OfficeErrorCode = "InvalidArgument"): void {
  const owner = nameOwner(workbook, name);
  if (owner && owner.ref !== except) {
    throw officeError(code, code === "ItemAlreadyExists" ? MESSAGES.duplicateName : undefined, location);
  }
}

/** `names.add(name, reference, comment)`. */
export function addNamedItem(workbook: WorkbookModel, name: unknown, formula: string, comment: string, location: string): NamedItemModel {
  if (!isValidDefinedName(name)) throw officeError("InvalidArgument", undefined, location);
  assertNameAvailable(workbook, name, location, undefined, "ItemAlreadyExists");
  const item: NamedItemModel = { name, formula, comment, visible: true };
  workbook.names.push(item);
  workbook.touch();
  return item;
}

/** "=Sheet1!$A$1:$B$2" for a range. */
export function absoluteReference(sheet: SheetModel, r: Rect): string {
  const address = formatAddress(sheet.name, r);
  const bang = address.lastIndexOf("!");
  return `=${address.slice(0, bang + 1)}${address.slice(bang + 1).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
}

/** The range a name refers to, if its formula is a plain reference to an existing sheet. */
export function namedRange(workbook: WorkbookModel, item: NamedItemModel): { sheet: SheetModel; rect: Rect } | null {
  const parsed = tryParseAddress(item.formula.replace(/^=/, "").replace(/\$/g, ""));
  if (!parsed || parsed.sheet === undefined) return null;
  const sheet = workbook.findSheet(parsed.sheet);
  return sheet ? { sheet, rect: parsed.rect } : null;
}

/** Office's `NamedItem.type` and `value` for a name's formula. */
function evaluateName(workbook: WorkbookModel, item: NamedItemModel): { type: string; value: CellValue } {
  const range = namedRange(workbook, item);
  if (range) return { type: "Range", value: item.formula.replace(/^=/, "") };
  const body = item.formula.replace(/^=/, "");
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(body)) return { type: "Double", value: Number(body) };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: "Boolean", value: body.toUpperCase() === "TRUE" };
  if (/^".*"$/.test(body)) return { type: "String", value: body.slice(1, -1).replace(/""/g, '"') };
  if (/^#/.test(body)) return { type: "Error", value: body };
  return { type: "String", value: body };
}

// ---------------------------------------------------------------------------------------------
// Proxies

interface NamedItemTarget {
  workbook: WorkbookModel;
  item: NamedItemModel;
  readonly deleted: boolean;
}

function itemTarget(workbook: WorkbookModel, item: NamedItemModel): NamedItemTarget {
  return {
    workbook,
    item,
    get deleted() {
      return !workbook.names.includes(item);
    },
  };
}

export class FakeNamedItemCollection
  extends FakeCollection<WorkbookModel, NamedItemTarget, FakeNamedItem>
  implements Mirror<Excel.NamedItemCollection, "add" | "getCount" | "getItem" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "NamedItemCollection";

  protected _scalars(): ScalarGetters<WorkbookModel> {
    return {};
  }

  protected _itemTargets(workbook: WorkbookModel): NamedItemTarget[] {
    return workbook.names.map((item) => itemTarget(workbook, item));
  }

  protected _makeItem(item: NamedItemTarget): FakeNamedItem {
    return make(new FakeNamedItem(this._ctx, () => item, { bound: item }));
  }

  add(name: string, reference: Excel.Range | string, comment?: string): FakeNamedItem {
    const location = "NamedItemCollection.add";
    sameContext(this._ctx, reference, location);
    let created: NamedItemTarget | undefined;
    this._queue("add", (workbook) => {
      let formula: string;
      if (reference instanceof FakeRange) {
        const t = reference._target(location);
        formula = absoluteReference(t.sheet, t.rect);
      } else if (typeof reference === "string" && reference.length > 0) {
        formula = reference.startsWith("=") ? reference : `=${reference}`;
        const parsed = tryParseAddress(formula.slice(1).replace(/\$/g, ""));
        if (parsed?.sheet !== undefined) {
          const sheet = workbook.findSheet(parsed.sheet);
          if (!sheet) throw officeError("InvalidArgument", undefined, location);
          formula = absoluteReference(sheet, parsed.rect);
        }
      } else throw officeError("InvalidArgument", undefined, location);
      created = itemTarget(workbook, addNamedItem(workbook, name, formula, String(comment ?? ""), location));
    });
    return make(
      new FakeNamedItem(this._ctx, () => {
        if (!created) throw officeError("ItemNotFound", undefined, location);
        return created;
      }),
    );
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (workbook) => workbook.names.length);
  }

  private _lookup(member: string, name: string, nullable: boolean): FakeNamedItem {
    const location = `NamedItemCollection.${member}`;
    const proxy = make(
      new FakeNamedItem(this._ctx, () => {
        const workbook = this._target(location);
        const lower = String(name).toLowerCase();
        const item = workbook.names.find((n) => n.name.toLowerCase() === lower);
        if (item) return itemTarget(workbook, item);
        if (nullable) return null;
        throw officeError("ItemNotFound", undefined, location);
      }),
    );
    return nullable ? proxy._asNullable() : proxy;
  }

  getItem(name: string): FakeNamedItem {
    return this._lookup("getItem", name, false);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return this._lookup("getItemOrNullObject", name, true);
  }
}

export class FakeNamedItem
  extends FakeObject<NamedItemTarget>
  implements Mirror<Excel.NamedItem, "name" | "type" | "value" | "formula" | "comment" | "visible" | "delete" | "getRange" | "getRangeOrNullObject" | "load">
{
  readonly _typeName = "NamedItem";

  protected _scalars(): ScalarGetters<NamedItemTarget> {
    return {
      name: (t) => t.item.name,
      type: (t) => evaluateName(t.workbook, t.item).type,
      value: (t) => evaluateName(t.workbook, t.item).value,
      formula: (t) => t.item.formula,
      comment: (t) => t.item.comment,
      visible: (t) => t.item.visible,
    };
  }

  get name(): Excel.NamedItem["name"] {
    return this._read("name");
  }
  get type(): Excel.NamedItem["type"] {
    return this._read("type");
  }
  get value(): Excel.NamedItem["value"] {
    return this._read("value");
  }

  get formula(): Excel.NamedItem["formula"] {
    return this._read("formula");
  }
  set formula(value: Excel.NamedItem["formula"]) {
    this._write("formula", value, (t, v) => {
      if (typeof v !== "string" || v === "") throw officeError("InvalidArgument", undefined, "NamedItem.formula");
      t.item.formula = v.startsWith("=") ? v : `=${v}`;
      t.workbook.touch();
    });
  }

  get comment(): Excel.NamedItem["comment"] {
    return this._read("comment");
  }
  set comment(value: Excel.NamedItem["comment"]) {
    this._write("comment", value, (t, v) => {
      t.item.comment = String(v ?? "");
      t.workbook.touch();
    });
  }

  get visible(): Excel.NamedItem["visible"] {
    return this._read("visible");
  }
  set visible(value: Excel.NamedItem["visible"]) {
    this._write("visible", value, (t, v) => {
      if (typeof v !== "boolean") throw officeError("InvalidArgument", undefined, "NamedItem.visible");
      t.item.visible = v;
      t.workbook.touch();
    });
  }

  delete(): void {
    this._queue("delete", (t) => {
      t.workbook.names = t.workbook.names.filter((n) => n !== t.item);
      t.workbook.touch();
    });
  }

  getRange(): FakeRange {
    return makeRange(this._ctx, () => {
      const t = this._target("NamedItem.getRange");
      const range = namedRange(t.workbook, t.item);
      if (!range) throw officeError("InvalidOperation", undefined, "NamedItem.getRange");
      return rangeTarget(range.sheet, range.rect);
    });
  }

  getRangeOrNullObject(): FakeRange {
    return makeRange(this._ctx, () => {
      const t = this._target("NamedItem.getRangeOrNullObject");
      const range = namedRange(t.workbook, t.item);
      return range ? rangeTarget(range.sheet, range.rect) : null;
    })._asNullable();
  }
}
