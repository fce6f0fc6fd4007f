#!/usr/bin/env node
// Prints the gzipped size of the task pane's INITIAL JavaScript (the scripts dist/taskpane.html,
// the page the manifest names, loads before anything is clicked) and exits 1 when it is over
// budget (issue 19: at most 150 KB). The preview page (dist/preview.html, the browser preview
// with its in-memory Excel) is measured too, for information: its initial scripts are the same,
// and it fetches the preview chunk at start. Builds nothing: run `npm run build` first. Lazily
// loaded chunks (views, gateway parts, preview, grid, exceljs...) are listed for information.
//
//   node scripts/bundle-size.mjs [--json] [--dist DIR]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 150 * 1024;

const args = process.argv.slice(2);
const json = args.includes("--json");
const distArg = args.indexOf("--dist");
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = distArg >= 0 && args[distArg + 1] ? resolve(args[distArg + 1]) : join(root, "dist");
const html = join(dist, "taskpane.html");

if (!existsSync(html)) {
  console.error(`No ${relative(process.cwd(), html) || html}: build the task pane first (npm run build).`);
  process.exit(2);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Our own scripts a page references (Office.js, from the CDN or dist/office-js, is not ours). */
function scriptsOf(pageFile) {
  const page = readFileSync(pageFile, "utf8");
  // html-webpack-plugin minifies the page, so attribute values may be unquoted.
  return [...page.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^(https?:)?\/\//.test(src) && !src.startsWith("office-js/"))
    .map((src) => ({ file: src.replace(/^\.?\//, "").split("?")[0], path: join(dist, src.replace(/^\.?\//, "").split("?")[0]) }));
}
const initial = scriptsOf(html);
const previewHtml = join(dist, "preview.html");
const previewInitial = existsSync(previewHtml) ? scriptsOf(previewHtml).filter((s) => existsSync(s.path)) : [];
const previewTotal = previewInitial.reduce((n, s) => n + gz(s.path), 0);

const missing = initial.filter((s) => !existsSync(s.path));
if (initial.length === 0 || missing.length > 0) {
  console.error(
    initial.length === 0 ? "dist/taskpane.html loads no scripts of ours: is the build complete?" : `Missing: ${missing.map((m) => m.file).join(", ")}`,
  );
  process.exit(2);
}

const initialRows = initial.map((s) => ({ file: s.file, raw: statSync(s.path).size, gzip: gz(s.path) }));
const total = initialRows.reduce((n, r) => n + r.gzip, 0);
const initialFiles = new Set(initialRows.map((r) => r.file));

const lazyDir = join(dist, "chunks");
const lazyRows = existsSync(lazyDir)
  ? readdirSync(lazyDir)
      .filter((f) => f.endsWith(".js"))
      .map((f) => ({ file: `chunks/${f}`, raw: statSync(join(lazyDir, f)).size, gzip: gz(join(lazyDir, f)) }))
      .filter((r) => !initialFiles.has(r.file))
      .sort((a, b) => b.gzip - a.gzip)
  : [];

const over = total > BUDGET_BYTES;
if (json) {
  console.log(JSON.stringify({ page: "taskpane.html", initialGzipBytes: total, budgetBytes: BUDGET_BYTES, withinBudget: !over, initial: initialRows, previewPageInitialGzipBytes: previewTotal, lazy: lazyRows }, null, 2));
} else {
  console.log("Initial task pane JavaScript, taskpane.html (gzipped):");
  for (const r of initialRows) console.log(`  ${r.file.padEnd(48)} ${kb(r.raw).padStart(10)} raw  ${kb(r.gzip).padStart(9)} gzip`);
  console.log(`  ${"total".padEnd(48)} ${"".padStart(14)} ${kb(total).padStart(9)} gzip  (budget ${kb(BUDGET_BYTES)})`);
  if (previewInitial.length > 0) console.log(`  ${"preview.html's own initial scripts (not budgeted)".padEnd(48)} ${"".padStart(14)} ${kb(previewTotal).padStart(9)} gzip`);
  if (lazyRows.length > 0) {
    console.log("Loaded on demand (not counted):");
    for (const r of lazyRows) console.log(`  ${r.file.padEnd(48)} ${kb(r.raw).padStart(10)} raw  ${kb(r.gzip).padStart(9)} gzip`);
  }
  console.log(over ? `OVER BUDGET by ${kb(total - BUDGET_BYTES)}` : `Within budget: ${kb(total)} of ${kb(BUDGET_BYTES)}`);
}
process.exit(over ? 1 : 0);
