/// <reference types="office-js" />
/**
 * This file is the Office.js imitation (the proxies); the model is in `model/data-validation.ts`.
 *
 * Data validation (ExcelApi 1.8): the model (validation rectangles
 * on a sheet and how setting part of a validation splits and merges them), Office's checks on a
 * rule, the evaluation of `DataValidation.valid`, and the `Excel.DataValidation` proxy.
 * Rules the host cannot evaluate (custom formulas, named ranges, non-trivial expressions) count as
 * satisfied.
 */
import { intersection, subtractAll } from "../address";
import type { Mirror } from "./core";
import { FakeObject, sameContext } from "./core";
import type { RangeTarget } from "./range";
import { FakeRange } from "./range";
import { DEFAULT_ERROR_ALERT, DEFAULT_PROMPT, normaliseRule, ruleType, satisfies } from "../model/data-validation";
import { area } from "../address";
import { make } from "./core";
import type { Accept, WritableProperty } from "./properties";
import { accepted, boolean, declareProperties, withProperties } from "./properties";
import type { DataValidationModel } from "../model/types";
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
    return {
      type: "None",
      rule: {},
      prompt: { ...DEFAULT_PROMPT },
      errorAlert: { ...DEFAULT_ERROR_ALERT } as Excel.DataValidationErrorAlert,
      ignoreBlanks: true,
    };
  }
  const covered =
    subtractAll(
      t.rect,
      entries.map((e) => e.rect),
    ).length === 0;
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
  const uncovered =
    subtractAll(
      t.rect,
      t.sheet.validationsIn(t.rect).map((dv) => dv.rect),
    ).length > 0;
  if (uncovered) valid++;
  return invalid === 0 ? true : valid === 0 ? false : null;
}

const ALERT_STYLES = ["Stop", "Warning", "Information"];

type ValidationPatch = Parameters<RangeTarget["sheet"]["applyDataValidation"]>[1];

/**
 * A part of the cells' validation (`prompt`, `errorAlert`, `ignoreBlanks`): a write is refused on a
 * protected sheet, then converted by `accept` (InvalidArgument if refused) and applied to every cell
 * of the range.
 */
function validationPart<K extends "prompt" | "errorAlert" | "ignoreBlanks">(
  key: K,
  accept: Accept<ValidationPatch[K]>,
): WritableProperty<unknown, RangeTarget> {
  return {
    get: (t) => summarise(t)[key],
    set: (t, v, _self, location) => {
      t.sheet.assertUnprotected(location);
      t.sheet.applyDataValidation(t.rect, { [key]: accepted(v, accept, location) });
    },
  };
}

/** An object argument (`prompt`, `errorAlert`), made into the model's value by `convert`. */
function fromObject<O, R>(convert: (object: Partial<O>) => R | undefined): Accept<R> {
  return (v) => (v && typeof v === "object" ? convert(v as Partial<O>) : undefined);
}

type DataValidationProperties =
  | "rule"
  | "prompt"
  | "errorAlert"
  | "ignoreBlanks"
  | "type"
  | "valid";

export class FakeDataValidation
  extends withProperties<Excel.DataValidation, DataValidationProperties>()(FakeObject<RangeTarget>)
  implements Mirror<Excel.DataValidation, "clear" | "load">
{
  readonly _typeName = "DataValidation";

  static {
    declareProperties(this, {
      scalars: {
        rule: {
          get: (t) => summarise(t).rule,
          assign: (self, value) => {
            const location = "DataValidation.rule";
            const source = (value as { list?: { source?: unknown } } | undefined)?.list?.source;
            sameContext(self._ctx, source, location);
            self._write("rule", value, (t, v) => {
              t.sheet.assertUnprotected(location);
              const rule = normaliseRule(v, location, (range) => (range instanceof FakeRange ? range._target(location) : null));
              t.sheet.applyDataValidation(t.rect, { rule });
            });
          },
        },
        prompt: validationPart("prompt", fromObject((p: Partial<Excel.DataValidationPrompt>) => ({
          message: String(p.message ?? DEFAULT_PROMPT.message),
          showPrompt: Boolean(p.showPrompt ?? DEFAULT_PROMPT.showPrompt),
          title: String(p.title ?? DEFAULT_PROMPT.title),
        }))),
        errorAlert: validationPart("errorAlert", fromObject((a: Partial<Excel.DataValidationErrorAlert>) => {
          const style = String(a.style ?? DEFAULT_ERROR_ALERT.style);
          if (!ALERT_STYLES.includes(style)) return undefined;
          return {
            message: String(a.message ?? DEFAULT_ERROR_ALERT.message),
            showAlert: Boolean(a.showAlert ?? DEFAULT_ERROR_ALERT.showAlert),
            style,
            title: String(a.title ?? DEFAULT_ERROR_ALERT.title),
          };
        })),
        ignoreBlanks: validationPart("ignoreBlanks", boolean),
        type: (t) => summarise(t).type,
        valid: (t) => validity(t),
      },
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

// `Range.dataValidation`, declared here so that range.ts need not import this family.
declare module "./range" {
  interface FakeRange {
    readonly dataValidation: FakeDataValidation;
  }
}
declareProperties(FakeRange, {
  navigation: { dataValidation: (self) => make(new FakeDataValidation(self._ctx, () => self._target("Range.dataValidation"))) },
});
