/// <reference types="office-js" />
/**
 * This file is the model (no proxies); the Office.js proxies are in `api/conditional-formats.ts`.
 *
 * Conditional formats (ExcelApi 1.6): the model (custom-formula
 * formats on a sheet, in priority order) and the proxies `ConditionalFormatCollection`,
 * `ConditionalFormat`, `CustomConditionalFormat`, its rule and its format (fill and font).
 */
import type { Rect } from "../address";
import { intersects, subtract } from "../address";
import type { ConditionalFormatModel, SheetModel, WorkbookModel } from "./types";

// ---------------------------------------------------------------------------------------------
// Model

/** The longest formula Excel takes for a conditional format, in characters (with the leading "="). */
export const CONDITIONAL_FORMULA_LIMIT = 255;

// ---------------------------------------------------------------------------------------------
// The model's operations (SheetModel and WorkbookModel delegate to these)

export function conditionalFormatsIn(sheet: SheetModel, r: Rect): ConditionalFormatModel[] {
  return sheet.conditionalFormats.filter((cf) => cf.rects.some((x) => intersects(x, r)));
}

export function clearConditionalFormats(sheet: SheetModel, r: Rect): void {
  for (const cf of sheet.conditionalFormats) cf.rects = cf.rects.flatMap((x) => subtract(x, r));
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.rects.length > 0);
  sheet.workbook.touch();
}

export function addConditionalFormat(workbook: WorkbookModel, sheet: SheetModel, rects: Rect[]): ConditionalFormatModel {
  const cf: ConditionalFormatModel = {
    id: `{CF${String(workbook.nextConditionalFormatId++).padStart(6, "0")}-0000-0000-0000-000000000000}`,
    type: "Custom",
    rects: rects.map((x) => ({ ...x })),
    formula: "",
    fillColor: null,
    fontColor: null,
    bold: null,
    italic: null,
    numberFormat: null,
    stopIfTrue: false,
  };
  sheet.conditionalFormats.unshift(cf); // a new rule takes priority 0, as in Excel
  workbook.touch();
  return cf;
}

export function findConditionalFormat(workbook: WorkbookModel, id: string): { sheet: SheetModel; cf: ConditionalFormatModel } | undefined {
  for (const sheet of workbook.sheets) {
    const cf = sheet.conditionalFormats.find((x) => x.id === id);
    if (cf) return { sheet, cf };
  }
  return undefined;
}
