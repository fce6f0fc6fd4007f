/**
 * Summarise figures for `npm run bench`: the summary model on a full year of a 300-measure
 * framework, the Summarise sync count and largest request, and the CLI summary of a full-year
 * return file (time and peak memory, in a child process of its own).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { analyseReturn } from "../core/checks";
import type { Framework } from "../core/framework";
import { planSetup } from "../core/setup/plan";
import { measureRows } from "../core/setup/measure-rows";
import { planSummary, summariseReturn } from "../core/summary";
import { EMPTY_WORKBOOK } from "../core/workbook/types";
import { createExcelGateway } from "../excel/gateway";
import { readSnapshot } from "../excel/read";
import { planWorkbookSummary, requestBytes } from "../excel/summarise";
import { MemoryExcelHost } from "../memory-host";
import { applyOperations } from "../xlsx/apply";
import { benchReturn } from "./check-bench";
import { medianTime } from "./timing";

const april2020 = { year: 2020, month: 4 };

export interface SummaryFigure {
  name: string;
  figure: string;
  target: string;
}

/** A framework of `count` measures (a third with four breakdowns), built from the built-in one's shapes. */
export function largeFramework(base: Framework, count: number): Framework {
  const flow = base.measures.find((m) => m.kind === "flow" && m.breakdowns.length > 0)!;
  const stock = base.measures.find((m) => m.kind === "stock")!;
  return {
    ...base,
    measures: Array.from({ length: count }, (_, i) => {
      const shape = i % 3 === 0 ? flow : i % 3 === 1 ? { ...flow, breakdowns: [] } : stock;
      return { ...shape, code: `MEASURE_${i}`, label: `Measure ${i}`, key: i < 6 };
    }),
  };
}

export async function benchSummary(builtin: Framework): Promise<SummaryFigure[]> {
  const figures: SummaryFigure[] = [];
  const large = largeFramework(builtin, 300);
  const snapshot = benchReturn(large, 500, 200);
  const analysis = analyseReturn(snapshot, { framework: large });
  const input = { data: analysis.data, framework: large, result: analysis.result };
  const model = medianTime(() => summariseReturn(input, april2020), 15);
  figures.push({ name: `Summary model: full year, 300 measures (${measureRows(large).length} rows)`, figure: `${model.toFixed(1)} ms`, target: "< 50 ms" });
  const summary = summariseReturn(input, april2020);
  const plan = medianTime(() => planSummary(summary, { builtAt: new Date(), formulas: true, pivots: true }), 9);
  figures.push({ name: "Summary plan (sheets, pivots, charts), 300 measures", figure: `${plan.toFixed(1)} ms`, target: "(for information)" });

  // Through the gateway on the in-memory host.
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  await gateway.setUp(large, { organisation: "Bench Homes", organisationCode: "BEN" }, april2020);
  const rows = measureRows(large);
  await host.userEdit("Measures", `F2:Q${rows.length + 1}`, rows.map((_, r) => Array.from({ length: 12 }, (_, m) => 100 + r + m)));
  host.resetSyncCount();
  await gateway.summarise(new Date());
  figures.push({ name: "Syncs: Summarise, 300-measure full year", figure: String(host.syncCount), target: "<= 4, whatever the size" });
  const planned = await host.run(async (context) => {
    return planWorkbookSummary(await readSnapshot(context, { summary: true }), new Date());
  });
  figures.push({ name: "Summarise: largest request (the write batch), 300 measures", figure: `${(requestBytes(planned.plan) / 1024 / 1024).toFixed(2)} MB`, target: "< 5 MB (Excel's limit)" });

  // The CLI on a full-year return file.
  const dir = mkdtempSync(join(tmpdir(), "impact-returns-bench-"));
  try {
    const file = join(dir, "full-year.xlsx");
    writeFileSync(file, await fullYearReturn(builtin));
    const script = `const t=process.hrtime.bigint();require(${JSON.stringify(join(__dirname, "..", "cli", "main"))}).main(["summary",${JSON.stringify(file)},"--out",${JSON.stringify(join(dir, "summary.xlsx"))},"--force","--json"],{stdout(){},stderr(s){process.stderr.write(s)}}).then((code)=>{process.stdout.write(JSON.stringify({code,ms:Number(process.hrtime.bigint()-t)/1e6,rss:process.resourceUsage().maxRSS}))})`;
    const runs = [0, 1, 2].map(() => spawnSync(process.execPath, ["-e", script], { encoding: "utf8" }));
    const results = runs.map((r) => JSON.parse(r.stdout || "{}") as { code?: number; ms?: number; rss?: number });
    const ok = results.filter((r) => r.code === 0);
    if (ok.length > 0) {
      const ms = ok.map((r) => r.ms!).sort((a, b) => a - b)[Math.floor(ok.length / 2)]!;
      const rss = Math.max(...ok.map((r) => r.rss!));
      figures.push({ name: "CLI summary of a full-year return (in-process, after start)", figure: `${ms.toFixed(0)} ms`, target: "< 2,000 ms" });
      figures.push({ name: "CLI summary: peak memory (resident)", figure: `${(rss / 1024).toFixed(0)} MB`, target: "< 300 MB" });
    } else {
      figures.push({ name: "CLI summary of a full-year return", figure: "failed", target: runs[0]?.stderr.slice(0, 200) ?? "" });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** A template of the built-in framework with all twelve months filled, as bytes. */
async function fullYearReturn(framework: Framework): Promise<Uint8Array> {
  const plan = planSetup(EMPTY_WORKBOOK, framework, { organisation: "Bench Homes", organisationCode: "BEN" }, april2020);
  const workbook = new Workbook();
  applyOperations(workbook, plan.operations);
  const sheet = workbook.getWorksheet("Measures")!;
  measureRows(framework).forEach((row, r) => {
    for (let m = 0; m < 12; m++) sheet.getCell(r + 2, 6 + m).value = row.kind === "stock" ? 400 + m : 120 + m * 3;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
