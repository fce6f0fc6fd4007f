/// <reference types="office-js" />
/**
 * This file is the Office.js imitation (the proxies); the model is in `model/named-items.ts`.
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
import { tryParseAddress } from "../address";
import type { Mirror } from "./core";
import { FakeObject, sameContext, partTarget } from "./core";
import { FakeKeyedCollection } from "./collection";
import type { RangeTarget } from "./range";
import { FakeRange, rangeFrom, rangeTarget } from "./range";
import { officeError } from "../errors";
import { absoluteReference, addNamedItem, evaluateName, namedRange } from "../model/named-items";
import { boolean, declareProperties, stored, withProperties } from "./properties";
import type { NamedItemModel, WorkbookModel } from "../model/types";
// ---------------------------------------------------------------------------------------------
// Proxies

function itemTarget(workbook: WorkbookModel, item: NamedItemModel) {
  return partTarget({ workbook, item }, () => !workbook.names.includes(item));
}

type NamedItemTarget = ReturnType<typeof itemTarget>;

const touchWorkbook = (t: NamedItemTarget): void => t.workbook.touch();

/** A name's formula: a non-empty string, "=" added when missing. */
const asFormula = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? (v.startsWith("=") ? v : `=${v}`) : undefined);

function referencedRange(t: NamedItemTarget): RangeTarget | null {
  const range = namedRange(t.workbook, t.item);
  return range && rangeTarget(range.sheet, range.rect);
}

export class FakeNamedItem
  extends withProperties<Excel.NamedItem, "name" | "type" | "value" | "formula" | "comment" | "visible">()(FakeObject<NamedItemTarget>)
  implements Mirror<Excel.NamedItem, "delete" | "getRange" | "getRangeOrNullObject" | "load">
{
  readonly _typeName = "NamedItem";

  static {
    declareProperties(this, {
      scalars: {
        name: (t) => t.item.name,
        type: (t) => evaluateName(t.workbook, t.item).type,
        value: (t) => evaluateName(t.workbook, t.item).value,
        formula: stored((t) => t.item, "formula", asFormula, touchWorkbook),
        comment: stored((t) => t.item, "comment", (v) => String(v ?? ""), touchWorkbook),
        visible: stored((t) => t.item, "visible", boolean, touchWorkbook),
      },
    });
  }

  delete(): void {
    this._queue("delete", (t) => {
      t.workbook.names = t.workbook.names.filter((n) => n !== t.item);
      t.workbook.touch();
    });
  }

  /** A name that is not a reference (a constant, a formula) has no range. */
  getRange(): FakeRange {
    return rangeFrom(this, "getRange", referencedRange, "InvalidOperation");
  }

  getRangeOrNullObject(): FakeRange {
    return rangeFrom(this, "getRangeOrNullObject", referencedRange, "null");
  }
}

export class FakeNamedItemCollection
  extends FakeKeyedCollection<WorkbookModel, NamedItemTarget, FakeNamedItem>
  implements Mirror<Excel.NamedItemCollection, "add" | "getCount" | "getItem" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "NamedItemCollection";
  protected readonly _itemClass = FakeNamedItem;

  protected _itemTargets(workbook: WorkbookModel): NamedItemTarget[] {
    return workbook.names.map((item) => itemTarget(workbook, item));
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
    return this._created(location, () => created);
  }

  protected _find(workbook: WorkbookModel, name: string): NamedItemTarget | undefined {
    const lower = String(name).toLowerCase();
    const item = workbook.names.find((n) => n.name.toLowerCase() === lower);
    return item ? itemTarget(workbook, item) : undefined;
  }
}
