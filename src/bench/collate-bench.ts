/**
 * Collate figures for `npm run bench`, at the size of the sector (about 1,600 social landlords in
 * the UK): the CLI collating 300 and 2,000 synthetic full-year returns - real .xlsx files made by
 * the template command and filled, each organisation with its own code, homes and figures - with
 * its time and peak memory (in a child process of its own), beside two floors measured in the
 * same run over the same files: a bare exceljs load, and a bare fflate + saxes pass.
 */
import { spawnSync } from "node:child_process";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { templateCommand } from "../cli/commands/template";
import { findBuiltinFramework } from "../core/framework";
import { measureRows } from "../core/setup/measure-rows";
import { bareExceljsLoad, bareUnzipParse, floorOver } from "./floors";

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

/** The package path of a sheet, found through the workbook's relationships (exceljs writes xl/worksheets/sheetN.xml). */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = rid ? new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1] : undefined;
  if (!target) throw new Error(`the bench return has no ${name} sheet`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/**
 * `count` returns of different organisations in `folder`: each its own name and code, homes
 * managed, and figures (every month's figure times a factor of 1 to 9, so totals still add up
 * and no month stands out).
 */
export async function writeReturns(base: Buffer, folder: string, count: number): Promise<string[]> {
  mkdirSync(folder, { recursive: true });
  const zip = await JSZip.loadAsync(base);
  const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
  const measuresPart = await sheetPart(zip, "Measures");
  const detailsPart = await sheetPart(zip, "Return");
  const measures = await zip.file(measuresPart)!.async("string");
  const details = await zip.file(detailsPart)!.async("string");
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const code = `B${String(i + 1).padStart(5, "0")}`;
    const factor = 1 + (i % 9);
    zip.file("xl/sharedStrings.xml", strings.split(PLACEHOLDER).join(code));
    zip.file(measuresPart, measures.replace(/(<c r="[F-Q]\d+"(?: s="\d+")?><v>)(\d+)(<\/v>)/g, (_, open: string, v: string, close: string) => `${open}${Number(v) * factor}${close}`));
    zip.file(detailsPart, details.replace(/(<c r="B5"(?: s="\d+")?><v>)\d+(<\/v>)/, `$1${500 + ((i * 7919) % 40_000)}$2`));
    const file = join(folder, `${code}.xlsx`);
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    files.push(file);
  }
  return files;
}

interface CollateRun {
  code?: number;
  ms?: number;
  /** Peak resident memory of the collate process, in KB (process.resourceUsage().maxRSS: worker threads included). */
  rss?: number;
  error?: string;
}

/** `impact-returns collate FOLDER --out ...` in a child process of its own, timed and with its peak memory. */
export function runCollate(folder: string, out: string, extra: readonly string[] = []): CollateRun {
  const args = ["collate", folder, "--out", out, "--force", "--sector-homes", "2400000", "--as-of", "2021-05-20", "--json", ...extra];
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(join(__dirname, "..", "cli", "main"))}).main(${JSON.stringify(args)},{stdout(){},stderr(){}}).then((code)=>{process.stdout.write(JSON.stringify({code,ms:Number(process.hrtime.bigint()-t)/1e6,rss:process.resourceUsage().maxRSS}))})`;
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  try {
    return JSON.parse(result.stdout) as CollateRun;
  } catch {
    return { error: (result.stderr || `exit ${String(result.status)}`).slice(0, 200) };
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Makes `count` varied full-year returns in `folder` (for the bench, and for profiling a collate by hand). */
export async function makeBenchReturns(folder: string, count: number): Promise<string[]> {
  const scratch = mkdtempSync(join(tmpdir(), "impact-returns-template-"));
  try {
    return await writeReturns(await filledReturn(scratch), folder, count);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Collate of 300 and 2,000 returns, each beside its two floors measured in the same run over the
 * same files: a bare exceljs load, and a bare fflate unzip + saxes pass (./floors.ts).
 */
export async function benchCollate(): Promise<CollateFigure[]> {
  const figures: CollateFigure[] = [];
  const dir = mkdtempSync(join(tmpdir(), "impact-returns-collate-bench-"));
  try {
    const big = await makeBenchReturns(join(dir, "2000"), 2000);
    const small = join(dir, "300");
    mkdirSync(small);
    for (const file of big.slice(0, 300)) linkSync(file, join(small, file.split(/[\\/]/).pop()!));
    const sets: [string, string, readonly string[], string][] = [
      ["300", small, big.slice(0, 300), "<= 1.3x the exceljs floor"],
      ["2,000", join(dir, "2000"), big, "< 20 s"],
    ];
    for (const [label, folder, files, target] of sets) {
      const exceljs = await floorOver(files, bareExceljsLoad);
      const sax = await floorOver(files, bareUnzipParse);
      figures.push({ name: `Collate ${label}: bare exceljs load, one thread (floor)`, figure: seconds(exceljs), target: "(floor)" });
      figures.push({ name: `Collate ${label}: bare fflate + saxes pass, one thread (floor)`, figure: seconds(sax), target: "(floor)" });
      const r = runCollate(folder, join(dir, `sector-${label}.xlsx`));
      if (r.code !== 0 || r.ms === undefined || r.rss === undefined) {
        figures.push({ name: `Collate ${label} returns (CLI)`, figure: "failed", target: r.error ?? `exit ${String(r.code)}` });
        continue;
      }
      figures.push({ name: `Collate ${label} returns (CLI, default jobs)`, figure: seconds(r.ms), target });
      figures.push({ name: `Collate ${label}: peak memory (resident)`, figure: `${(r.rss / 1024).toFixed(0)} MB`, target: "< 1,024 MB" });
      figures.push({ name: `Collate ${label}: time / exceljs floor`, figure: `${(r.ms / exceljs).toFixed(2)}x`, target: "(for information)" });
      figures.push({ name: `Collate ${label}: time / fflate + saxes floor`, figure: `${(r.ms / sax).toFixed(1)}x`, target: "(for information)" });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** `node lib/bench/collate-bench.js --make DIR [COUNT]` writes COUNT (default 2,000) varied returns into DIR, e.g. to profile a collate of them. */
if (require.main === module) {
  const [flag, folder, count] = process.argv.slice(2);
  if (flag !== "--make" || !folder) {
    console.error("Usage: node lib/bench/collate-bench.js --make DIR [COUNT]");
    process.exitCode = 2;
  } else {
    void makeBenchReturns(folder, Number(count ?? 2000)).then((files) => console.log(`${files.length} returns in ${folder}`));
  }
}
