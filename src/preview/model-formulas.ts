/**
 * Formulas over the in-memory workbook model, for preview mode: a FormulaContext that reads any
 * sheet, and the conditional formats that apply to a cell (e.g. Check's highlights).
 */
import type { ConditionalFormatModel, SheetModel, WorkbookModel } from "../memory-host";
import { evaluateFormula, type FormulaContext, type Scalar } from "./formula-preview";

/** A reusable context for formulas on `sheet`; set `row`/`col` before each evaluation. Caches last rows. */
export function modelContext(workbook: WorkbookModel, sheet: SheetModel): FormulaContext {
  const lastRows = new Map<string, number>();
  const find = (name: string | undefined): SheetModel | undefined =>
    name === undefined ? sheet : workbook.sheets.find((s) => !s.deleted && s.name.toLowerCase() === name.toLowerCase());
  return {
    read: (name, row, col) => {
      const target = find(name);
      if (!target) return "#REF!";
      return target.valueAt(row, col);
    },
    name: (name) => {
      const item = workbook.names.find((n) => !n.deleted && n.name.toLowerCase() === name.toLowerCase());
      return item && /!/.test(item.formula) ? item.formula : undefined;
    },
    lastRow: (name) => {
      const key = (name ?? sheet.name).toLowerCase();
      let last = lastRows.get(key);
      if (last === undefined) {
        last = find(name)?.usedRect(true)?.r1 ?? -1;
        lastRows.set(key, last);
      }
      return last;
    },
  };
}

export interface ConditionalLook {
  fillColor?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

/**
 * The look the sheet's conditional formats give the cell: each format whose formula is true there,
 * in priority order, sets what earlier ones did not (stopping after one marked stop-if-true).
 */
export function conditionalLook(context: FormulaContext, formats: readonly ConditionalFormatModel[], row: number, col: number): ConditionalLook | undefined {
  let look: ConditionalLook | undefined;
  for (const cf of formats) {
    if (!cf.rects.some((r) => row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1)) continue;
    const formula = cf.formula.startsWith("=") ? cf.formula : `=${cf.formula}`;
    context.row = row;
    context.col = col;
    const result: Scalar | undefined = evaluateFormula(formula, context);
    if (result !== true && !(typeof result === "number" && result !== 0)) continue;
    look ??= {};
    if (cf.fillColor && look.fillColor === undefined) look.fillColor = cf.fillColor;
    if (cf.fontColor && look.fontColor === undefined) look.fontColor = cf.fontColor;
    if (cf.bold !== null && look.bold === undefined) look.bold = cf.bold;
    if (cf.italic !== null && look.italic === undefined) look.italic = cf.italic;
    if (cf.stopIfTrue) break;
  }
  return look;
}
