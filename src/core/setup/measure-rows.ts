/** The rows of the Measures table that a framework calls for: one per measure, plus one per breakdown. */
import type { Framework, Measure } from "../framework";
import { TOTAL_BREAKDOWN } from "../layout/contract";

export interface MeasureRow {
  code: string;
  label: string;
  /** "" for a measure with no breakdowns, "Total" for a broken-down measure's total, else the breakdown's label. */
  breakdown: string;
  unit: Measure["unit"];
  kind: Measure["kind"];
  measure: Measure;
}

export function measureRows(framework: Framework): MeasureRow[] {
  const rows: MeasureRow[] = [];
  for (const measure of framework.measures) {
    const base = { code: measure.code, label: measure.label, unit: measure.unit, kind: measure.kind, measure };
    if (measure.breakdowns.length === 0) {
      rows.push({ ...base, breakdown: "" });
    } else {
      rows.push({ ...base, breakdown: TOTAL_BREAKDOWN });
      for (const breakdown of measure.breakdowns) rows.push({ ...base, breakdown: breakdown.label });
    }
  }
  return rows;
}

export { measureRowKey } from "../return/reader";
