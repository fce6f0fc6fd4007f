/**
 * Collate figures for `npm run bench`, at the size of the sector (about 1,600 social landlords in
 * the UK): the CLI collating 300 and 2,000 synthetic full-year returns - real .xlsx files made by
 * the template command and filled - with its time and peak memory (in a child process of its
 * own), beside a bare exceljs load of the same files in the same run (the floor).
 */
import { spawnSync } from "node:child_process";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { templateCommand } from "../cli/commands/template";
import { findBuiltinFramework } from "../core/framework";
import { measureRows } from "../core/setup/measure-rows";

export interface CollateFigure {
  name: string;
  figure: string;
  target: string;
}

const PLACEHOLDER = "B00000";

/** A template made by the template command, filled for a full year, as bytes (organisation code PLACEHOLDER). */
export async function filledReturn(dir: string): Promise<Buffer> {
  const file = join(dir, "template.xlsx");
  const code = await templateCommand.run(["--out", file, "--organisation", `Bench Homes ${PLACEHOLDER}`, "--code", PLACEHOLDER, "--year-start", "2020-04", "--force"], { stdout: () => undefined, stderr: (s) => void process.stderr.write(s) });
  if (code !== 0) throw new Error("the template command failed");
  const workbook = new Workbook();
  await workbook.xlsx.load(readFileSync(file) as never);
  const rows = measureRows(findBuiltinFramework("community-investment-monthly")!);
  const measures = workbook.getWorksheet("Measures")!;
  rows.forEach((row, r) => {
    const parts = rows.filter((x) => x.code === row.code && x.breakdown !== "Total" && x.breakdown !== "").length;
    for (let m = 0; m < 12; m++) {
      const one = (row.kind === "stock" ? 400 : 120) + m * 3;
      measures.getCell(r + 2, 6 + m).value = row.breakdown === "Total" ? one * parts : one;
    }
  });
  const details = workbook.getWorksheet("Return")!;
  details.getCell("B5").value = 2500;
  details.getCell("B6").value = "Sam Jones";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `count` returns of different organisations in `folder` (only the organisation's name and code differ). */
async function writeReturns(base: Buffer, folder: string, count: number): Promise<string[]> {
  mkdirSync(folder, { recursive: true });
  const zip = await JSZip.loadAsync(base);
  const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const code = `B${String(i + 1).padStart(5, "0")}`;
    zip.file("xl/sharedStrings.xml", strings.split(PLACEHOLDER).join(code));
    const file = join(folder, `${code}.xlsx`);
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    files.push(file);
  }
  return files;
}

/** The floor: exceljs loading each file's bytes, one after another, in this process. */
async function bareLoad(files: readonly string[]): Promise<number> {
  const start = performance.now();
  for (const file of files) await new Workbook().xlsx.load(readFileSync(file) as never);
  return performance.now() - start;
}

function runCollate(folder: string, out: string, extra: string[]): { code?: number; ms?: number; rss?: number; error?: string } {
  const args = ["collate", folder, "--out", out, "--force", "--sector-homes", "2400000", "--as-of", "2021-05-20", "--json", ...extra];
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(join(__dirname, "..", "cli", "main"))}).main(${JSON.stringify(args)},{stdout(){},stderr(){}}).then((code)=>{process.stdout.write(JSON.stringify({code,ms:Number(process.hrtime.bigint()-t)/1e6,rss:process.resourceUsage().maxRSS}))})`;
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  try {
    return JSON.parse(result.stdout) as { code: number; ms: number; rss: number };
  } catch {
    return { error: (result.stderr || `exit ${String(result.status)}`).slice(0, 200) };
  }
}

export async function benchCollate(): Promise<CollateFigure[]> {
  const figures: CollateFigure[] = [];
  const dir = mkdtempSync(join(tmpdir(), "impact-returns-collate-bench-"));
  try {
    const base = await filledReturn(dir);
    const big = await writeReturns(base, join(dir, "2000"), 2000);
    const small = join(dir, "300");
    mkdirSync(small);
    for (const file of big.slice(0, 300)) linkSync(file, join(small, file.split(/[\\/]/).pop()!));
    const sets: [string, string, readonly string[], number, string[][]][] = [
      ["300", small, big.slice(0, 300), 30, [["--jobs", "1"], []]],
      ["2,000", join(dir, "2000"), big, 120, [[]]],
    ];
    for (const [label, folder, files, seconds, variants] of sets) {
      const bare = await bareLoad(files);
      figures.push({ name: `Collate ${label} returns: bare exceljs load, one thread (the floor)`, figure: `${(bare / 1000).toFixed(1)} s`, target: "(floor)" });
      for (const extra of variants) {
        const how = extra.length === 0 ? "default jobs (worker threads)" : `${extra.join(" ")} (this thread)`;
        const r = runCollate(folder, join(dir, `sector-${label}.xlsx`), extra);
        if (r.code !== 0 || r.ms === undefined) {
          figures.push({ name: `Collate ${label} returns, ${how}`, figure: "failed", target: r.error ?? `exit ${String(r.code)}` });
          continue;
        }
        figures.push({ name: `Collate ${label} returns (CLI), ${how}`, figure: `${(r.ms / 1000).toFixed(1)} s`, target: `< ${seconds} s` });
        figures.push({ name: `Collate ${label} returns: peak memory (resident), ${extra.length === 0 ? "default" : "1 job"}`, figure: `${(r.rss! / 1024).toFixed(0)} MB`, target: "< 1,024 MB" });
        figures.push({ name: `Collate ${label} returns: time / bare load, ${extra.length === 0 ? "default" : "1 job"}`, figure: `${(r.ms / bare).toFixed(2)}x`, target: "<= 1.3x" });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
