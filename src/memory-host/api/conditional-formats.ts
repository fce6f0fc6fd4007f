/// <reference types="office-js" />
/**
 * This file is the Office.js imitation (the proxies); the model is in `model/conditional-formats.ts`.
 *
 * Conditional formats (ExcelApi 1.6): the model (custom-formula
 * formats on a sheet, in priority order) and the proxies `ConditionalFormatCollection`,
 * `ConditionalFormat`, `CustomConditionalFormat`, its rule and its format (fill and font).
 */
import type { FakeClientResult, Mirror } from "./core";
import { clientResult, FakeCollection, FakeObject, make, partTarget } from "./core";
import type { RangeTarget } from "./range";
import { asBoolean, makeRange, rangeTarget } from "./range";
import { MESSAGES, NotImplementedByHostError, officeError } from "../errors";
import type { ConditionalFormatModel } from "../model/conditional-formats";
import { CONDITIONAL_FORMULA_LIMIT } from "../model/conditional-formats";
import type { SheetModel } from "../model/sheet";
import { formulaA1ToR1C1, formulaR1C1ToA1, normaliseColour } from "../values";
import { FakeRange } from "./range";
import { declareProperties } from "./properties";
// ---------------------------------------------------------------------------------------------
// Conditional formats

/** What a conditional-format proxy is bound to. */
export interface ConditionalFormatTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
  readonly deleted: boolean;
}

function cfTarget(sheet: SheetModel, cf: ConditionalFormatModel): ConditionalFormatTarget {
  return partTarget({ sheet, cf }, () => sheet.deleted || !sheet.conditionalFormats.includes(cf));
}

export class FakeConditionalFormatCollection
  extends FakeCollection<RangeTarget, ConditionalFormatTarget, FakeConditionalFormat>
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

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (t) => t.sheet.conditionalFormatsIn(t.rect).length);
  }

  private _lookup(member: string, find: (t: RangeTarget) => ConditionalFormatModel | undefined, nullable: boolean): FakeConditionalFormat {
    return this._item(
      member,
      (t) => {
        const cf = find(t);
        return cf ? cfTarget(t.sheet, cf) : undefined;
      },
      nullable,
    );
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
  protected _writeRule(
    property: string,
    value: unknown,
    apply: (cf: ConditionalFormatModel, v: unknown, t: ConditionalFormatTarget) => void,
  ): void {
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
  implements
    Mirror<Excel.ConditionalFormat, "id" | "type" | "priority" | "stopIfTrue" | "delete" | "getRange" | "getRangeOrNullObject" | "load">
{
  readonly _typeName = "ConditionalFormat";

  declare readonly id: Excel.ConditionalFormat["id"];
  declare readonly type: Excel.ConditionalFormat["type"];
  declare priority: Excel.ConditionalFormat["priority"];
  declare stopIfTrue: Excel.ConditionalFormat["stopIfTrue"];
  declare readonly custom: FakeCustomConditionalFormat;

  static {
    declareProperties(this, {
      scalars: {
        id: (t) => t.cf.id,
        type: (t) => t.cf.type,
        priority: {
          get: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
          assign: (self, value) => {
            self._writeRule("priority", value, (cf, v, t) => {
              if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
                throw officeError("InvalidArgument", undefined, "ConditionalFormat.priority");
              const list = t.sheet.conditionalFormats;
              list.splice(list.indexOf(cf), 1);
              list.splice(Math.min(v, list.length), 0, cf);
            });
          },
        },
        stopIfTrue: {
          get: (t) => t.cf.stopIfTrue,
          assign: (self, value) => {
            self._writeRule("stopIfTrue", value, (cf, v) => {
              cf.stopIfTrue = asBoolean(v, "ConditionalFormat.stopIfTrue");
            });
          },
        },
      },
      navigation: {
        custom: (self) => make(new FakeCustomConditionalFormat(self._ctx, () => self._target("ConditionalFormat.custom"))),
      },
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

  declare readonly rule: FakeConditionalFormatRule;
  declare readonly format: FakeConditionalRangeFormat;

  static {
    declareProperties(this, {
      navigation: {
        rule: (self) => make(new FakeConditionalFormatRule(self._ctx, () => self._target("CustomConditionalFormat.rule"))),
        format: (self) => make(new FakeConditionalRangeFormat(self._ctx, () => self._target("CustomConditionalFormat.format"))),
      },
    });
  }
}

export class FakeConditionalFormatRule
  extends ConditionalPart
  implements Mirror<Excel.ConditionalFormatRule, "formula" | "formulaLocal" | "formulaR1C1" | "load">
{
  readonly _typeName = "ConditionalFormatRule";

  declare formula: Excel.ConditionalFormatRule["formula"];
  declare formulaLocal: Excel.ConditionalFormatRule["formulaLocal"];
  declare formulaR1C1: Excel.ConditionalFormatRule["formulaR1C1"];

  static {
    declareProperties(this, {
      scalars: {
        formula: {
          get: (t) => t.cf.formula,
          assign: (self, value) => {
            self._setFormula("formula", value, false);
          },
        },
        formulaLocal: {
          get: (t) => t.cf.formula,
          assign: (self, value) => {
            self._setFormula("formulaLocal", value, false);
          },
        },
        formulaR1C1: {
          get: (t) => formulaA1ToR1C1(t.cf.formula, t.cf.rects[0]?.r0 ?? 0, t.cf.rects[0]?.c0 ?? 0),
          assign: (self, value) => {
            self._setFormula("formulaR1C1", value, true);
          },
        },
      },
    });
  }

  private _setFormula(property: string, value: unknown, r1c1: boolean): void {
    this._writeRule(property, value, (cf, v) => {
      if (typeof v !== "string" || v.trim() === "") throw officeError("InvalidArgument", undefined, `ConditionalFormatRule.${property}`);
      // Excel refuses a conditional-format formula longer than 255 characters (see
      // docs/memory-host.md, "Limits"): the rule is not changed.
      if (v.length > CONDITIONAL_FORMULA_LIMIT)
        throw officeError("InvalidArgument", MESSAGES.formulaTooLong, `ConditionalFormatRule.${property}`);
      cf.formula = r1c1 ? formulaR1C1ToA1Local(v, cf) : v;
    });
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

  declare numberFormat: Excel.ConditionalRangeFormat["numberFormat"];
  declare readonly fill: FakeConditionalRangeFill;
  declare readonly font: FakeConditionalRangeFont;

  static {
    declareProperties(this, {
      scalars: {
        numberFormat: {
          get: (t) => t.cf.numberFormat,
          assign: (self, value) => {
            self._writeRule("numberFormat", value, (cf, v) => {
              if (typeof v !== "string") throw officeError("InvalidArgument", undefined, "ConditionalRangeFormat.numberFormat");
              cf.numberFormat = v;
            });
          },
        },
      },
      navigation: {
        fill: (self) => make(new FakeConditionalRangeFill(self._ctx, () => self._target("ConditionalRangeFormat.fill"))),
        font: (self) => make(new FakeConditionalRangeFont(self._ctx, () => self._target("ConditionalRangeFormat.font"))),
      },
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

  declare color: Excel.ConditionalRangeFill["color"];

  static {
    declareProperties(this, {
      scalars: {
        color: {
          get: (t) => t.cf.fillColor,
          assign: (self, value) => {
            self._writeRule("color", value, (cf, v) => {
              cf.fillColor = normaliseColour(v, "ConditionalRangeFill.color");
            });
          },
        },
      },
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

  declare color: Excel.ConditionalRangeFont["color"];
  declare bold: Excel.ConditionalRangeFont["bold"];
  declare italic: Excel.ConditionalRangeFont["italic"];

  static {
    declareProperties(this, {
      scalars: {
        color: {
          get: (t) => t.cf.fontColor,
          assign: (self, value) => {
            self._writeRule("color", value, (cf, v) => {
              cf.fontColor = normaliseColour(v, "ConditionalRangeFont.color");
            });
          },
        },
        bold: {
          get: (t) => t.cf.bold,
          assign: (self, value) => {
            self._writeRule("bold", value, (cf, v) => {
              cf.bold = asBoolean(v, "ConditionalRangeFont.bold");
            });
          },
        },
        italic: {
          get: (t) => t.cf.italic,
          assign: (self, value) => {
            self._writeRule("italic", value, (cf, v) => {
              cf.italic = asBoolean(v, "ConditionalRangeFont.italic");
            });
          },
        },
      },
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
