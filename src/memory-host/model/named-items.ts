/// <reference types="office-js" />
/**
 * This file is the model (no proxies); the Office.js proxies are in `api/named-items.ts`.
 *
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
import type { Rect } from "../address";
import { columnIndex, formatAddress, tryParseAddress } from "../address";
import type { OfficeErrorCode } from "../errors";
import { MESSAGES, officeError } from "../errors";
import type { CellValue } from "../values";
import type { NamedItemModel, SheetModel, WorkbookModel } from "./types";

// ---------------------------------------------------------------------------------------------
// Model

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
export function evaluateName(workbook: WorkbookModel, item: NamedItemModel): { type: string; value: CellValue } {
  const range = namedRange(workbook, item);
  if (range) return { type: "Range", value: item.formula.replace(/^=/, "") };
  const body = item.formula.replace(/^=/, "");
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(body)) return { type: "Double", value: Number(body) };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: "Boolean", value: body.toUpperCase() === "TRUE" };
  if (/^".*"$/.test(body)) return { type: "String", value: body.slice(1, -1).replace(/""/g, '"') };
  if (/^#/.test(body)) return { type: "Error", value: body };
  return { type: "String", value: body };
}
