/**
 * The .xlsx figures for `npm run bench`: Set up's writer on a large framework (linear, not
 * quadratic), and reading a normal return through the safe reader beside the bare exceljs load
 * of the same bytes (the floor: the zip guard's cost is the difference).
 */
import { performance } from "node:perf_hooks";
import { Workbook } from "exceljs";
import { findBuiltinFramework, type Framework } from "../core/framework";
import { planSetup } from "../core/setup/plan";
import { EMPTY_WORKBOOK } from "../core/workbook/types";
import { applyOperations } from "../xlsx/apply";
import { loadXlsx } from "../xlsx/exceljs-adapter";
import { loadWorkbook } from "../xlsx/load";
import { readSnapshot } from "../xlsx/read";
import { median } from "./timing";

const april2020 = { year: 2020, month: 4 };

/** The built-in framework with `count` measures (copies of its second measure). */
export function manyMeasures(count: number): Framework {
  const builtin = findBuiltinFramework("community-investment-monthly")!;
  return { ...builtin, measures: Array.from({ length: count }, (_, i) => ({ ...builtin.measures[1]!, code: `MEASURE_${i}`, label: `Measure ${i}` })) };
}

/** Plans, applies and serialises a template; returns the milliseconds each step took and the bytes. */
export async function timeTemplate(framework: Framework): Promise<{ plan: number; apply: number; write: number; total: number; bytes: Uint8Array }> {
  const t0 = performance.now();
  const plan = planSetup(EMPTY_WORKBOOK, framework, { organisation: "Bench", organisationCode: "B1", yearStart: april2020 }, april2020);
  const t1 = performance.now();
  const workbook = new Workbook();
  applyOperations(workbook, plan.operations);
  const t2 = performance.now();
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const t3 = performance.now();
  return { plan: t1 - t0, apply: t2 - t1, write: t3 - t2, total: t3 - t0, bytes };
}

/**
 * Reading the same bytes: the safe reader (guard + exceljs + snapshot), the guarded load alone, and
 * bare exceljs (the floor). Runs are interleaved so that a busy machine slows all three alike.
 */
export async function timeRead(bytes: Uint8Array, runs = 21): Promise<{ safe: number; bare: number; guardedLoad: number }> {
  const actions = {
    safe: async () => readSnapshot(await loadWorkbook(bytes, "bench.xlsx")),
    guardedLoad: () => loadWorkbook(bytes, "bench.xlsx"),
    bare: () => loadXlsx(new Workbook(), bytes),
  };
  const times: Record<keyof typeof actions, number[]> = { safe: [], guardedLoad: [], bare: [] };
  for (let i = 0; i < runs + 3; i++) {
    for (const key of Object.keys(actions) as (keyof typeof actions)[]) {
      const start = performance.now();
      await actions[key]();
      if (i >= 3) times[key].push(performance.now() - start);
    }
  }
  return { safe: median(times.safe), guardedLoad: median(times.guardedLoad), bare: median(times.bare) };
}
