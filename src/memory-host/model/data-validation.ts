/// <reference types="office-js" />
/**
 * This file is the model (no proxies); the Office.js proxies are in `api/data-validation.ts`.
 *
 * Data validation (ExcelApi 1.8): the model (validation rectangles
 * on a sheet and how setting part of a validation splits and merges them), Office's checks on a
 * rule, the evaluation of `DataValidation.valid`, and the `Excel.DataValidation` proxy.
 * A list's items (`listItems`) come from its literal source, a range or a defined name (as Excel's
 * in-cell dropdown shows them). Rules the host cannot evaluate (custom formulas, non-trivial
 * expressions) count as satisfied.
 */
import type { Rect } from "../address";
import { formatAddress, intersection, intersects, subtract, subtractAll, tryParseAddress } from "../address";
import { officeError } from "../errors";
import type { CellValue } from "../values";
import { dateToSerial } from "../values";
import { namedRange } from "./named-items";
import type { DataValidationErrorAlertModel, DataValidationModel, DataValidationPromptModel, SheetModel } from "./types";

// ---------------------------------------------------------------------------------------------
// Model

export const DEFAULT_PROMPT: Readonly<DataValidationPromptModel> = Object.freeze({ message: "", showPrompt: false, title: "" });
export const DEFAULT_ERROR_ALERT: Readonly<DataValidationErrorAlertModel> = Object.freeze({
  message: "",
  showAlert: true,
  style: "Stop",
  title: "",
});

// ---------------------------------------------------------------------------------------------
// The model's operations (SheetModel delegates to these)

/** Applies part of a data validation to `r`, keeping the other settings of the cells there. */
export function applyDataValidation(sheet: SheetModel, r: Rect, patch: Partial<Omit<DataValidationModel, "rect">>): void {
  const kept: DataValidationModel[] = [];
  const added: DataValidationModel[] = [];
  const covered: Rect[] = [];
  for (const dv of sheet.dataValidations) {
    const overlap = intersection(dv.rect, r);
    if (!overlap) {
      kept.push(dv);
      continue;
    }
    for (const piece of subtract(dv.rect, r)) added.push({ ...cloneValidation(dv), rect: piece });
    added.push({ ...cloneValidation(dv), ...cloneValidationPatch(patch), rect: overlap });
    covered.push(overlap);
  }
  for (const piece of subtractAll(r, covered)) {
    added.push({
      rule: {},
      prompt: { ...DEFAULT_PROMPT },
      errorAlert: { ...DEFAULT_ERROR_ALERT },
      ignoreBlanks: true,
      ...cloneValidationPatch(patch),
      rect: piece,
    });
  }
  sheet.dataValidations = mergeInto(kept, added);
  sheet.workbook.touch();
}

export function clearDataValidation(sheet: SheetModel, r: Rect): void {
  sheet.dataValidations = sheet.dataValidations.flatMap((dv) =>
    intersects(dv.rect, r) ? subtract(dv.rect, r).map((piece) => ({ ...cloneValidation(dv), rect: piece })) : [dv],
  );
  sheet.workbook.touch();
}

export function validationsIn(sheet: SheetModel, r: Rect): DataValidationModel[] {
  return sheet.dataValidations.filter((dv) => intersects(dv.rect, r));
}

export function validationAt(sheet: SheetModel, row: number, col: number): DataValidationModel | undefined {
  return sheet.dataValidations.find((dv) => row >= dv.rect.r0 && row <= dv.rect.r1 && col >= dv.rect.c0 && col <= dv.rect.c1);
}

function cloneValidation(dv: DataValidationModel): Omit<DataValidationModel, "rect"> {
  return {
    rule: structuredClone(dv.rule),
    prompt: { ...dv.prompt },
    errorAlert: { ...dv.errorAlert },
    ignoreBlanks: dv.ignoreBlanks,
  };
}

function cloneValidationPatch(patch: Partial<Omit<DataValidationModel, "rect">>): Partial<Omit<DataValidationModel, "rect">> {
  const out: Partial<Omit<DataValidationModel, "rect">> = {};
  if (patch.rule !== undefined) out.rule = structuredClone(patch.rule);
  if (patch.prompt !== undefined) out.prompt = { ...patch.prompt };
  if (patch.errorAlert !== undefined) out.errorAlert = { ...patch.errorAlert };
  if (patch.ignoreBlanks !== undefined) out.ignoreBlanks = patch.ignoreBlanks;
  return out;
}

/** Settings of a validation (everything but its rectangle), as a comparable key; cached per object. */
const SETTINGS_KEYS = new WeakMap<DataValidationModel, string>();

function settingsKey(dv: DataValidationModel): string {
  let key = SETTINGS_KEYS.get(dv);
  if (key === undefined) {
    key = JSON.stringify([dv.rule, dv.prompt, dv.errorAlert, dv.ignoreBlanks]);
    SETTINGS_KEYS.set(dv, key);
  }
  return key;
}

function adjacent(x: Rect, y: Rect): boolean {
  const vertical = x.c0 === y.c0 && x.c1 === y.c1 && (x.r1 + 1 === y.r0 || y.r1 + 1 === x.r0);
  const horizontal = x.r0 === y.r0 && x.r1 === y.r1 && (x.c1 + 1 === y.c0 || y.c1 + 1 === x.c0);
  return vertical || horizontal;
}

/**
 * Adds validation pieces to a list, joining each to a neighbour with the same settings where the two
 * line up (so setting a rule row by row leaves one rectangle, as Excel's own ranges would read).
 */
function mergeInto(list: DataValidationModel[], pieces: DataValidationModel[]): DataValidationModel[] {
  const out = [...list];
  for (const piece of pieces) {
    let current = piece;
    let index = out.findIndex((dv) => adjacent(dv.rect, current.rect) && settingsKey(dv) === settingsKey(current));
    while (index >= 0) {
      const other = out[index] as DataValidationModel;
      out.splice(index, 1);
      const x = other.rect;
      const y = current.rect;
      current = { ...other, rect: { r0: Math.min(x.r0, y.r0), c0: Math.min(x.c0, y.c0), r1: Math.max(x.r1, y.r1), c1: Math.max(x.c1, y.c1) } };
      index = out.findIndex((dv) => adjacent(dv.rect, current.rect) && settingsKey(dv) === settingsKey(current));
    }
    out.push(current);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rules: Office's checks when a rule is set, and evaluation for `valid`

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];
const RULE_KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"] as const;
type RuleKind = (typeof RULE_KINDS)[number];

/** Office's DataValidationType for a stored rule. */
export function ruleType(rule: Excel.DataValidationRule): string {
  const kind = ruleKind(rule);
  switch (kind) {
    case "wholeNumber":
      return "WholeNumber";
    case "decimal":
      return "Decimal";
    case "textLength":
      return "TextLength";
    case "date":
      return "Date";
    case "time":
      return "Time";
    case "list":
      return "List";
    case "custom":
      return "Custom";
    default:
      return "None";
  }
}

function ruleKind(rule: Excel.DataValidationRule): RuleKind | null {
  for (const kind of RULE_KINDS) if (rule[kind] !== undefined && rule[kind] !== null) return kind;
  return null;
}

/**
 * Checks a rule as Office does when `DataValidation.rule` is set: exactly one kind, with the
 * fields that kind needs. A list whose source is a Range is turned into an absolute reference.
 */
export function normaliseRule(
  rule: unknown,
  location: string,
  rangeSource: (range: unknown) => { sheet: SheetModel; rect: Rect } | null,
): Excel.DataValidationRule {
  const bad = () => officeError("InvalidArgument", undefined, location);
  if (!rule || typeof rule !== "object" || Array.isArray(rule)) throw bad();
  const record = rule as Record<string, unknown>;
  const present = RULE_KINDS.filter((k) => record[k] !== undefined && record[k] !== null);
  const unknown = Object.keys(record).filter((k) => !(RULE_KINDS as readonly string[]).includes(k) && record[k] !== undefined);
  if (present.length !== 1 || unknown.length > 0) throw bad();
  const kind = present[0] as RuleKind;
  const body = record[kind];
  if (!body || typeof body !== "object") throw bad();
  const b = body as Record<string, unknown>;
  const isFormula = (v: unknown) => (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v.length > 0) || v instanceof Date;
  switch (kind) {
    case "wholeNumber":
    case "decimal":
    case "textLength":
    case "date":
    case "time": {
      if (!OPERATORS.includes(String(b.operator)) || !isFormula(b.formula1)) throw bad();
      const needsSecond = b.operator === "Between" || b.operator === "NotBetween";
      if (needsSecond && !isFormula(b.formula2)) throw bad();
      const out: Record<string, unknown> = { formula1: toFormulaValue(b.formula1), operator: b.operator };
      if (needsSecond) out.formula2 = toFormulaValue(b.formula2);
      return { [kind]: out } as Excel.DataValidationRule;
    }
    case "list": {
      let source = b.source;
      if (typeof source !== "string") {
        const resolved = rangeSource(source);
        if (!resolved) throw bad();
        source = `=${absolute(formatAddress(resolved.sheet.name, resolved.rect))}`;
      }
      if (typeof source !== "string" || source.trim() === "") throw bad();
      return { list: { inCellDropDown: b.inCellDropDown === undefined ? true : Boolean(b.inCellDropDown), source } };
    }
    case "custom": {
      if (typeof b.formula !== "string" || b.formula.length === 0) throw bad();
      return { custom: { formula: b.formula } };
    }
  }
}

function toFormulaValue(v: unknown): string | number {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v as string | number;
}

/** "Names!A1:A3" -> "Names!$A$1:$A$3". */
function absolute(address: string): string {
  const bang = address.lastIndexOf("!");
  const sheet = address.slice(0, bang + 1);
  const areaPart = address.slice(bang + 1).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return sheet + areaPart;
}

/** Resolves a rule operand to a number or text, or undefined when the host cannot evaluate it. */
function operand(value: unknown, sheet: SheetModel, kind: RuleKind): number | string | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  let text = value.trim();
  if (text.startsWith("=")) {
    text = text.slice(1);
    const ref = tryParseAddress(text.replace(/\$/g, ""));
    if (ref && ref.rect.r0 === ref.rect.r1 && ref.rect.c0 === ref.rect.c1) {
      const target = ref.sheet ? sheet.workbook.findSheet(ref.sheet) : sheet;
      if (!target) return undefined;
      const v = target.valueAt(ref.rect.r0, ref.rect.c0);
      return typeof v === "boolean" ? undefined : v;
    }
  }
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (kind === "date") {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
    if (m) return dateToSerial(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  }
  if (kind === "time") {
    const m = /^(?:\d{4}-\d{2}-\d{2}T)?(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
    if (m) return (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86_400;
  }
  return undefined;
}

function compare(x: number, operator: string, a: number, b: number | undefined): boolean {
  switch (operator) {
    case "Between":
      return b !== undefined && x >= Math.min(a, b) && x <= Math.max(a, b);
    case "NotBetween":
      return b !== undefined && (x < Math.min(a, b) || x > Math.max(a, b));
    case "EqualTo":
      return x === a;
    case "NotEqualTo":
      return x !== a;
    case "GreaterThan":
      return x > a;
    case "LessThan":
      return x < a;
    case "GreaterThanOrEqualTo":
      return x >= a;
    case "LessThanOrEqualTo":
      return x <= a;
    default:
      return true;
  }
}

/** One entry of a list rule's dropdown: the cell's value, and its text as the dropdown shows it. */
export interface ListItem {
  value: CellValue;
  text: string;
}

/** At most this many items are read from a list's source range (Excel's dropdown shows up to 32,767). */
const LIST_ITEMS_MAX = 10_000;

/**
 * The items of a list rule, as Excel's in-cell dropdown offers them, or undefined when the source
 * cannot be resolved (a formula the host does not evaluate). A literal source ("Yes,No") gives its
 * items as text; a reference (`=Framework!$C$2:$C$13`, `=Months`: a defined name is resolved to its
 * range) gives each source cell's value and its displayed text (through the source cell's number
 * format: a list of dates formatted "mmm yyyy" shows "Aug 2026"), blank cells skipped.
 */
export function listItems(dv: DataValidationModel, sheet: SheetModel): ListItem[] | undefined {
  const source = String(dv.rule.list?.source ?? "");
  if (!source.startsWith("=")) {
    return source
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "")
      .map((text) => ({ value: text, text }));
  }
  const body = source.slice(1).trim();
  let target: SheetModel | undefined;
  let rect: Rect | undefined;
  const ref = tryParseAddress(body.replace(/\$/g, ""));
  if (ref) {
    target = ref.sheet ? sheet.workbook.findSheet(ref.sheet) : sheet;
    rect = ref.rect;
  } else {
    const item = sheet.workbook.names.find((n) => n.name.toLowerCase() === body.toLowerCase());
    const named = item ? namedRange(sheet.workbook, item) : null;
    target = named?.sheet;
    rect = named?.rect;
  }
  if (!target || !rect) return undefined;
  const out: ListItem[] = [];
  for (let r = rect.r0; r <= rect.r1 && out.length < LIST_ITEMS_MAX; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const value = target.valueAt(r, c);
      if (value === "") continue;
      out.push({ value, text: target.textAt(r, c) });
    }
  }
  return out;
}

/**
 * Whether a typed value is one of a list's items, as Excel compares them: a number (a date is its
 * serial) equals an item whose value is that number; text equals an item's value or its displayed
 * text, ignoring case.
 */
function inList(value: CellValue, items: readonly ListItem[]): boolean {
  if (typeof value === "number") return items.some((item) => item.value === value || (typeof item.value === "string" && Number(item.value.trim()) === value && item.value.trim() !== ""));
  const text = (typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : value).toLowerCase();
  return items.some((item) => (typeof item.value === "boolean" ? (item.value ? "true" : "false") : String(item.value).toLowerCase()) === text || item.text.toLowerCase() === text);
}

/** Does `value` satisfy the validation? Blank cells pass when blanks are ignored. */
export function satisfies(dv: DataValidationModel, value: CellValue, sheet: SheetModel): boolean {
  const kind = ruleKind(dv.rule);
  if (kind === null || kind === "custom") return true;
  if (value === "") return dv.ignoreBlanks;
  if (kind === "list") {
    const items = listItems(dv, sheet);
    return items === undefined || inList(value, items);
  }
  const basic = (dv.rule[kind] ?? {}) as { formula1?: unknown; formula2?: unknown; operator?: string };
  const a = operand(basic.formula1, sheet, kind);
  const b = basic.formula2 === undefined ? undefined : operand(basic.formula2, sheet, kind);
  if (typeof a !== "number" || (basic.formula2 !== undefined && typeof b !== "number")) return true; // cannot evaluate
  let x: number;
  if (kind === "textLength") x = String(value).length;
  else if (typeof value !== "number") return false;
  else if (kind === "wholeNumber" && !Number.isInteger(value)) return false;
  else x = value;
  return compare(x, basic.operator ?? "", a, b as number | undefined);
}
