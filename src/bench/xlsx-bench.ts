/**
 * The .xlsx figures for `npm run bench`: Set up's writer on a large framework (linear, not
 * quadratic), and reading a full-year return through the return reader beside two floors of the
 * same bytes: a bare exceljs load (what reading cost before) and a bare fflate unzip plus a saxes
 * pass over every XML part (what any reader of the package must at least spend).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Workbook } from "exceljs";
import { SHEET } from "../core/layout/contract";
import { findBuiltinFramework, type Framework } from "../core/framework";
import { planSetup } from "../core/setup/plan";
import { EMPTY_WORKBOOK } from "../core/workbook/types";
import { applyOperations } from "../xlsx/apply";
import { loadXlsx } from "../xlsx/exceljs-adapter";
import { readReturnSnapshot } from "../xlsx/package";
import { bareExceljsLoad, bareUnzipParse } from "./floors";
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
 * A full-year return as an officer sends it: the template for the framework with every measure
 * filled for twelve months, the return details and signed-off date, and twenty impact-map rows.
 */
export async function fullYearReturn(framework: Framework): Promise<Uint8Array> {
  const workbook = await loadXlsx(new Workbook(), (await timeTemplate(framework)).bytes);
  const measures = workbook.getWorksheet(SHEET.measures)!;
  for (let row = 2; row <= measures.rowCount; row++) for (let month = 0; month < 12; month++) measures.getCell(row, 6 + month).value = (row * 13 + month * 7) % 200;
  const details = workbook.getWorksheet(SHEET.return)!;
  details.getCell("B5").value = 5200;
  details.getCell("B6").value = "Sam Jones";
  details.getCell("B9").value = "Sam Jones";
  details.getCell("B10").value = new Date(Date.UTC(2021, 3, 20));
  const outcomes = workbook.getWorksheet(SHEET.outcomes)!;
  for (let row = 2; row < 22; row++) ["Residents", "Welfare calls", "120 calls", "Less isolated", "Social isolation", "Feel less alone", "Survey", 40, 1, 150].forEach((v, c) => (outcomes.getCell(row, c + 1).value = v));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * Reading the same bytes: the return reader (problemWithBytes, zip guard, package reader:
 * what check, summary and collate do), beside two floors measured in the same run, a bare exceljs
 * load and a bare fflate unzip + saxes pass over every XML part. Runs are interleaved so that a
 * busy machine slows all three alike.
 */
export async function timeRead(bytes: Uint8Array, runs = 21): Promise<{ reader: number; exceljs: number; unzipParse: number }> {
  const actions = {
    reader: () => readReturnSnapshot(bytes, "bench.xlsx"),
    exceljs: () => bareExceljsLoad(bytes),
    unzipParse: () => bareUnzipParse(bytes),
  };
  const times: Record<keyof typeof actions, number[]> = { reader: [], exceljs: [], unzipParse: [] };
  for (let i = 0; i < runs + 3; i++) {
    for (const key of Object.keys(actions) as (keyof typeof actions)[]) {
      const start = performance.now();
      await actions[key]();
      if (i >= 3) times[key].push(performance.now() - start);
    }
  }
  return { reader: median(times.reader), exceljs: median(times.exceljs), unzipParse: median(times.unzipParse) };
}

/**
 * Milliseconds for `impact-returns check FILE` of the return as a whole process (node started,
 * the command loaded, the file read and checked, the report printed): the median of `runs`,
 * after one run that is not counted (it warms the disk cache); beside it, in turn with each run,
 * Node starting with nothing to run (its floor: this machine's NODE_EXTRA_CA_CERTS, for one,
 * costs every Node process about 40 ms before any of the tool's code runs).
 */
export function timeCheckProcess(bytes: Uint8Array, runs = 5): { check: number; node: number } {
  const dir = mkdtempSync(join(tmpdir(), "impact-returns-check-bench-"));
  try {
    const file = join(dir, "return.xlsx");
    writeFileSync(file, bytes);
    const bin = join(__dirname, "..", "..", "bin", "impact-returns.js");
    const times: number[] = [];
    const node: number[] = [];
    for (let i = 0; i <= runs; i++) {
      let start = performance.now();
      const result = spawnSync(process.execPath, [bin, "check", file], { encoding: "utf8" });
      const ms = performance.now() - start;
      if (result.status !== 0 && result.status !== 1) throw new Error(`impact-returns check failed (exit ${String(result.status)}): ${result.stderr.slice(0, 200)}`);
      // Node starting and stopping with nothing to run, in turn with the checks (the floor).
      start = performance.now();
      spawnSync(process.execPath, ["-e", "0"]);
      const bare = performance.now() - start;
      if (i > 0) {
        times.push(ms);
        node.push(bare);
      }
    }
    return { check: median(times), node: median(node) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
