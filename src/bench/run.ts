/**
 * `npm run bench`: prints the speed, memory and round-trip figures the project holds itself to.
 * Figures, not pass/fail tests: read them, compare with the targets printed beside them.
 * `node --expose-gc lib/bench/run.js --only read,check` runs only those parts (PARTS lists them).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkReturn } from "../core/checks";
import { findBuiltinFramework, type Framework } from "../core/framework";
import { planSetup } from "../core/setup/plan";
import { EMPTY_WORKBOOK } from "../core/workbook/types";
import { createExcelGateway } from "../excel/gateway";
import { MemoryExcelHost } from "../memory-host";
import { benchChecks, benchFramework, benchReturn } from "./check-bench";
import { benchCollate } from "./collate-bench";
import { benchSummary } from "./summary-bench";
import { medianTime } from "./timing";
import { fullYearReturn, manyMeasures, timeCheckProcess, timeRead, timeTemplate } from "./xlsx-bench";

const april2020 = { year: 2020, month: 4 };

function line(name: string, figure: string, target: string): void {
  console.log(`${name.replace(" (65 measure rows x 12 months, 500 impact-map rows, 200 case studies)", ": 65 rows x 12 months, 500 impact, 200 cases").padEnd(62)} ${figure.padStart(10)}   ${target}`);
}

async function syncCounts(framework: Framework): Promise<[string, number][]> {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  const count = async (action: () => Promise<unknown>) => {
    host.resetSyncCount();
    await action();
    return host.syncCount;
  };
  return [
    ["Set up, new workbook", await count(() => gateway.setUp(framework, { organisation: "Bench", organisationCode: "B1" }, april2020))],
    ["Set up again, existing workbook", await count(() => gateway.setUp(framework, {}, april2020))],
    ["Preview of Set up", await count(() => gateway.previewSetup(framework, {}, april2020))],
    ["Check (read + write the Checks list)", await count(() => gateway.check())],
    ["Mark ready to send", await count(() => gateway.signOff("Bench", new Date(2020, 6, 1)))],
    ["Go to a cell", await count(() => gateway.selectCell("Measures", "H7"))],
  ];
}

/** The parts of the bench, in the order they run; `--only read,check` runs just those. */
const PARTS = ["core", "read", "check", "template", "summary", "collate", "bundle", "worker"] as const;
type Part = (typeof PARTS)[number];

/** The parts asked for: every part, or those `--only` names (comma-separated). Throws on a name that is not a part. */
export function partsToRun(argv: readonly string[]): Set<Part> {
  const at = argv.indexOf("--only");
  if (at < 0) return new Set(PARTS);
  const named = (argv[at + 1] ?? "").split(",").filter((name) => name !== "");
  const unknown = named.filter((name) => !(PARTS as readonly string[]).includes(name));
  if (named.length === 0 || unknown.length > 0) throw new Error(`--only takes parts of the bench, comma-separated: ${PARTS.join(", ")}`);
  return new Set(named as Part[]);
}

async function core(builtin: Framework): Promise<void> {
  for (const result of benchChecks()) line(`Check: ${result.name}`, `${result.ms.toFixed(1)} ms`, `< ${result.target} ms`);
  line("Set up plan (core), built-in framework", `${medianTime(() => planSetup(EMPTY_WORKBOOK, builtin, {}, april2020), 20).toFixed(2)} ms`, "< 10 ms");

  const big = benchReturn(benchFramework(), 20_000, 200);
  if (global.gc) global.gc();
  const before = process.memoryUsage().heapUsed;
  const result = checkReturn(big);
  const after = process.memoryUsage().heapUsed;
  line("Check: heap growth on the 20,000-row impact map", `${((after - before) / 1024 / 1024).toFixed(1)} MB`, "< 200 MB");
  line("Check: issues found on the synthetic return", String(result.issues.length), "(for information)");

  for (const [name, syncs] of await syncCounts(builtin)) line(`Syncs: ${name}`, String(syncs), name.startsWith("Check") || name.startsWith("Mark") ? "<= 3 (2 read + 1 write)" : name.startsWith("Set up,") || name.startsWith("Set up again") ? "<= 3" : name.startsWith("Go to") ? "1" : "<= 2");
  const huge = { ...builtin, measures: Array.from({ length: 300 }, (_, i) => ({ ...builtin.measures[1]!, code: `MEASURE_${i}`, label: `Measure ${i}` })) };
  const hugeCounts = await syncCounts(huge);
  line("Syncs: Set up again, 300-measure framework (1,500 rows)", String(hugeCounts[1]![1]), "<= 3, whatever the size");
}

async function read(full: Uint8Array): Promise<void> {
  const times = await timeRead(full);
  const ratio = (ms: number) => `${(ms / times.exceljs).toFixed(2)}x exceljs`;
  line(`Read a full-year return (${Math.round(full.length / 1024)} KB): return reader`, `${times.reader.toFixed(1)} ms`, `<= 0.25x the exceljs load (${ratio(times.reader)})`);
  line("Read a full-year return: bare exceljs load (floor)", `${times.exceljs.toFixed(1)} ms`, "(floor: what reading cost before)");
  line("Read a full-year return: fflate unzip + saxes, every part (floor)", `${times.unzipParse.toFixed(1)} ms`, `(floor: ${ratio(times.unzipParse)}; reader ${(times.reader / times.unzipParse).toFixed(2)}x it)`);
}

function check(full: Uint8Array): void {
  const { check: ms, node } = timeCheckProcess(full);
  line("Check of one return, whole process (median of 5)", `${(ms / 1000).toFixed(2)} s`, "< 0.3 s");
  line("Node starting with nothing to run (floor)", `${(node / 1000).toFixed(2)} s`, `(floor: check is ${(ms / node).toFixed(1)}x it)`);
}

/** Prints a script's own lines (the bundle size, the worker in chromium), when it and what it measures exist. */
function script(name: string, args: readonly string[], needs: string): void {
  const path = join(__dirname, "..", "..", "scripts", name);
  if (!existsSync(path) || !existsSync(join(__dirname, "..", "..", needs))) return;
  const out = spawnSync(process.execPath, [path, ...args], { encoding: "utf8" });
  process.stdout.write(`\n${out.stdout}${out.stderr}`);
}

async function main(): Promise<void> {
  const parts = partsToRun(process.argv.slice(2));
  console.log("Impact Returns benchmark (median of several runs; this machine: 2 cores)\n");
  console.log(`${"figure".padEnd(62)} ${"measured".padStart(10)}   target`);
  const builtin = findBuiltinFramework("community-investment-monthly")!;
  if (parts.has("core")) await core(builtin);
  const full = parts.has("read") || parts.has("check") ? await fullYearReturn(builtin) : undefined;
  if (full && parts.has("read")) await read(full);
  if (full && parts.has("check")) check(full);
  if (parts.has("template")) {
    const template5000 = await timeTemplate(manyMeasures(5000));
    line("Template, 5,000-measure framework (plan + write .xlsx)", `${(template5000.total / 1000).toFixed(1)} s`, "< 15 s, linear (was 25 s)");
  }
  if (parts.has("summary")) for (const f of await benchSummary(builtin)) line(f.name, f.figure, f.target);
  if (parts.has("collate")) for (const f of await benchCollate()) line(f.name, f.figure, f.target);
  if (parts.has("bundle")) {
    if (existsSync(join(__dirname, "..", "..", "dist", "taskpane.html"))) script("bundle-size.mjs", [], "dist/taskpane.html");
    else console.log("\nTask pane bundle: run `npm run build` first for the initial bundle figure (budget 150 KB gzipped).");
  }
  // The pane's Collate worker reading 100 returns in chromium, on the build just measured.
  if (parts.has("worker")) script("worker-bench.mjs", ["--no-build"], "scripts/worker-bench.mjs");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
