/// <reference types="office-js" />
/**
 * This file is the Office.js imitation (the proxies); the model is in `model/conditional-formats.ts`.
 *
 * Conditional formats (ExcelApi 1.6): the model (custom-formula
 * formats on a sheet, in priority order) and the proxies `ConditionalFormatCollection`,
 * `ConditionalFormat`, `CustomConditionalFormat`, its rule and its format (fill and font).
 */
import type { Mirror } from "./core";
import { FakeObject, make, partTarget } from "./core";
import { FakeKeyedCollection } from "./collection";
import type { RangeTarget } from "./range";
import { rangeFrom, rangeTarget } from "./range";
import { MESSAGES, NotImplementedByHostError, officeError } from "../errors";
import { CONDITIONAL_FORMULA_LIMIT } from "../model/conditional-formats";
import { colourOf, formulaA1ToR1C1, formulaR1C1ToA1 } from "../values";
import { FakeRange } from "./range";
import type { Accept, WritableProperty } from "./properties";
import { accepted, boolean, declareProperties, moveTo, nonBlank, position, stored, text, withProperties } from "./properties";
import type { ConditionalFormatModel, SheetModel } from "../model/types";
// ---------------------------------------------------------------------------------------------
// Conditional formats

function cfTarget(sheet: SheetModel, cf: ConditionalFormatModel) {
  return partTarget({ sheet, cf }, () => sheet.deleted || !sheet.conditionalFormats.includes(cf));
}

/** What a conditional-format proxy is bound to. */
export type ConditionalFormatTarget = ReturnType<typeof cfTarget>;

/** A property of the conditional format (`key` of the model), refused on a protected sheet. */
function ruleProperty<K extends keyof ConditionalFormatModel>(key: K, accept: Accept<ConditionalFormatModel[K]>) {
  return stored((t: ConditionalFormatTarget) => t.cf, key, accept, touchSheet, assertUnprotected);
}

const touchSheet = (t: ConditionalFormatTarget): void => t.sheet.workbook.touch();
const assertUnprotected = (t: ConditionalFormatTarget, location: string): void => t.sheet.assertUnprotected(location);

function onlyRange(t: ConditionalFormatTarget): RangeTarget | null {
  const only = t.cf.rects.length === 1 ? t.cf.rects[0] : undefined;
  return only ? rangeTarget(t.sheet, only) : null;
}

/** An operation on the conditional format, refused on a protected sheet. */
abstract class ConditionalPart extends FakeObject<ConditionalFormatTarget> {
  protected _change(member: string, change: (t: ConditionalFormatTarget) => void): void {
    this._queue(member, (t) => {
      assertUnprotected(t, `${this._typeName}.${member}`);
      change(t);
      touchSheet(t);
    });
  }
}

export class FakeConditionalRangeFill
  extends withProperties<Excel.ConditionalRangeFill, "color">()(ConditionalPart)
  implements Mirror<Excel.ConditionalRangeFill, "clear" | "load">
{
  readonly _typeName = "ConditionalRangeFill";

  static {
    declareProperties(this, {
      scalars: {
        color: ruleProperty("fillColor", colourOf),
      },
    });
  }

  clear(): void {
    this._values.delete("color");
    this._change("clear", (t) => {
      t.cf.fillColor = null;
    });
  }
}

export class FakeConditionalRangeFont
  extends withProperties<Excel.ConditionalRangeFont, "color" | "bold" | "italic">()(ConditionalPart)
  implements Mirror<Excel.ConditionalRangeFont, "clear" | "load">
{
  readonly _typeName = "ConditionalRangeFont";

  static {
    declareProperties(this, {
      scalars: {
        color: ruleProperty("fontColor", colourOf),
        bold: ruleProperty("bold", boolean),
        italic: ruleProperty("italic", boolean),
      },
    });
  }

  clear(): void {
    for (const key of ["color", "bold", "italic"]) this._values.delete(key);
    this._change("clear", (t) => {
      Object.assign(t.cf, { fontColor: null, bold: null, italic: null });
    });
  }
}

export class FakeConditionalRangeFormat
  extends withProperties<Excel.ConditionalRangeFormat, "numberFormat">()(ConditionalPart)
  implements Mirror<Excel.ConditionalRangeFormat, "clearFormat" | "load">
{
  readonly _typeName = "ConditionalRangeFormat";

  declare readonly fill: FakeConditionalRangeFill;
  declare readonly font: FakeConditionalRangeFont;

  static {
    declareProperties(this, {
      scalars: {
        numberFormat: ruleProperty("numberFormat", text),
      },
      parts: { fill: FakeConditionalRangeFill, font: FakeConditionalRangeFont },
    });
  }

  clearFormat(): void {
    this._change("clearFormat", (t) => {
      Object.assign(t.cf, { fillColor: null, fontColor: null, bold: null, italic: null, numberFormat: null });
    });
  }
}

export class FakeConditionalFormatRule
  extends withProperties<Excel.ConditionalFormatRule, "formula" | "formulaLocal" | "formulaR1C1">()(ConditionalPart)
{
  readonly _typeName = "ConditionalFormatRule";

  static {
    declareProperties(this, {
      scalars: {
        formula: ruleFormula(false),
        formulaLocal: ruleFormula(false),
        formulaR1C1: { ...ruleFormula(true), get: (t) => formulaA1ToR1C1(t.cf.formula, t.cf.rects[0]?.r0 ?? 0, t.cf.rects[0]?.c0 ?? 0) },
      },
    });
  }
}

/** The rule's formula, in A1 or R1C1 notation. */
function ruleFormula(r1c1: boolean): WritableProperty<unknown, ConditionalFormatTarget> {
  return {
    get: (t) => t.cf.formula,
    set: (t, v, _self, location) => {
      assertUnprotected(t, location);
      const formula = accepted(v, nonBlank, location);
      // Excel refuses a conditional-format formula longer than 255 characters (see
      // docs/memory-host.md, "Limits"): the rule is not changed.
      if (formula.length > CONDITIONAL_FORMULA_LIMIT) throw officeError("InvalidArgument", MESSAGES.formulaTooLong, location);
      t.cf.formula = r1c1 ? formulaR1C1ToA1Local(formula, t.cf) : formula;
      touchSheet(t);
    },
  };
}

/** Converts an R1C1 rule formula relative to the top-left cell of the format's range. */
function formulaR1C1ToA1Local(formula: string, cf: ConditionalFormatModel): string {
  const first = cf.rects[0];
  return formulaR1C1ToA1(formula, first?.r0 ?? 0, first?.c0 ?? 0);
}

export class FakeCustomConditionalFormat extends ConditionalPart {
  readonly _typeName = "CustomConditionalFormat";

  declare readonly rule: FakeConditionalFormatRule;
  declare readonly format: FakeConditionalRangeFormat;

  static {
    declareProperties(this, {
      parts: { rule: FakeConditionalFormatRule, format: FakeConditionalRangeFormat },
    });
  }
}

export class FakeConditionalFormat
  extends withProperties<Excel.ConditionalFormat, "id" | "type" | "priority" | "stopIfTrue">()(ConditionalPart)
  implements Mirror<Excel.ConditionalFormat, "delete" | "getRange" | "getRangeOrNullObject" | "load">
{
  readonly _typeName = "ConditionalFormat";
  declare readonly custom: FakeCustomConditionalFormat;

  static {
    declareProperties(this, {
      scalars: {
        id: (t) => t.cf.id,
        type: (t) => t.cf.type,
        priority: {
          get: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
          set: (t, v, _self, location) => {
            assertUnprotected(t, location);
            moveTo(t.sheet.conditionalFormats, t.cf, accepted(v, position, location));
            touchSheet(t);
          },
        },
        stopIfTrue: ruleProperty("stopIfTrue", boolean),
      },
      parts: { custom: FakeCustomConditionalFormat },
    });
  }

  delete(): void {
    this._change("delete", (t) => {
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => cf !== t.cf);
    });
  }

  /** The range of a format on one rectangle (the host keeps one `getRange` cannot return otherwise). */
  getRange(): FakeRange {
    return rangeFrom(this, "getRange", onlyRange, "InvalidOperation");
  }

  getRangeOrNullObject(): FakeRange {
    return rangeFrom(this, "getRangeOrNullObject", onlyRange, "null");
  }
}

export class FakeConditionalFormatCollection
  extends FakeKeyedCollection<RangeTarget, ConditionalFormatTarget, FakeConditionalFormat>
  implements
    Mirror<Excel.ConditionalFormatCollection, "add" | "clearAll" | "getCount" | "getItem" | "getItemAt" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "ConditionalFormatCollection";
  protected readonly _itemClass = FakeConditionalFormat;

  protected _itemTargets(t: RangeTarget): ConditionalFormatTarget[] {
    return t.sheet.conditionalFormatsIn(t.rect).map((cf) => cfTarget(t.sheet, cf));
  }

  add(
    type:
      | Excel.ConditionalFormatType
      | "Custom"
      | "DataBar"
      | "ColorScale"
      | "IconSet"
      | "TopBottom"
      | "PresetCriteria"
      | "ContainsText"
      | "CellValue",
  ): FakeConditionalFormat {
    if (String(type) !== "Custom") throw new NotImplementedByHostError(`ConditionalFormatCollection.add("${String(type)}")`);
    let created: ConditionalFormatTarget | undefined;
    this._queue("add", (t) => {
      t.sheet.assertUnprotected("ConditionalFormatCollection.add");
      created = cfTarget(t.sheet, t.sheet.workbook.addConditionalFormat(t.sheet, [t.rect]));
    });
    return this._created("ConditionalFormatCollection.add", () => created);
  }

  clearAll(): void {
    this._queue("clearAll", (t) => {
      t.sheet.assertUnprotected("ConditionalFormatCollection.clearAll");
      t.sheet.clearConditionalFormats(t.rect);
    });
  }

  protected _find(t: RangeTarget, id: string): ConditionalFormatTarget | undefined {
    const cf = t.sheet.conditionalFormatsIn(t.rect).find((c) => c.id === id);
    return cf && cfTarget(t.sheet, cf);
  }

  getItemAt(index: number): FakeConditionalFormat {
    return this._itemAt(index);
  }
}

// `Range.conditionalFormats`, declared here so that range.ts need not import this family.
declare module "./range" {
  interface FakeRange {
    readonly conditionalFormats: FakeConditionalFormatCollection;
  }
}
declareProperties(FakeRange, {
  navigation: {
    conditionalFormats: (self) => make(new FakeConditionalFormatCollection(self._ctx, () => self._target("Range.conditionalFormats"))),
  },
});
