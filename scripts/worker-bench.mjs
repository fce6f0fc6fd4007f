#!/usr/bin/env node
/**
 * The pane's worker reading 100 returns, in Debian's chromium (issue 19: under 3 s). A benchmark,
 * not a test: it prints the time beside its target and never fails on it.
 *
 *   1. makes 100 varied full-year returns with the bench's generator (lib/bench/collate-bench.js:
 *      run `npm run build:cli` first);
 *   2. builds the task pane (webpack --mode production) unless --no-build, and serves dist/ with
 *      the end-to-end tests' server (./static-server.mjs);
 *   3. opens the preview page, goes to Collate, chooses the 100 files through its file input as
 *      the file dialog would, and times from the choice until the pane itself shows its summary
 *      line, "100 files: ...", which replaces "N of 100 files read" once every file is read (the
 *      Collate worker's readers, src/collate-worker/, read them);
 *   4. prints the median of --runs (default 3) fresh pages.
 *
 * Usage: node scripts/worker-bench.mjs [--no-build] [--runs N] [--count N] [--json]
 * Environment: CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { closeServer, serve } from "./static-server.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const TARGET_MS = 3000;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const runs = option("--runs", 3);
const count = option("--count", 100);
const json = args.includes("--json");
const log = (line) => {
  if (!json) console.log(line);
};

/** The same flags the end-to-end tests give chromium as root on a closed network (e2e/support/browser.ts). */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"];

function build() {
  log("worker bench: building the task pane (webpack --mode production)");
  const built = spawnSync(join(ROOT, "node_modules", ".bin", "webpack"), ["--mode", "production"], { cwd: ROOT, stdio: json ? "ignore" : "inherit" });
  if (built.status !== 0) throw new Error(`the build failed (exit ${String(built.status)})`);
}

async function makeReturns(folder) {
  const generator = join(ROOT, "lib", "bench", "collate-bench.js");
  if (!existsSync(generator)) throw new Error("lib/bench/collate-bench.js is missing: run `npm run build:cli` first.");
  const { makeBenchReturns } = createRequire(import.meta.url)(generator);
  return makeBenchReturns(folder, count);
}

/** One fresh page: the preview, the Collate tab, the files chosen; milliseconds until all are read. */
async function timeOnce(browser, url, files) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: "en-GB", timezoneId: "Europe/London" });
  // Nothing leaves the machine: only the local server answers.
  await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort("blockedbyclient")));
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole("tablist", { name: "Impact Returns views" }).getByRole("tab", { name: "Collate" }).click();
    const panel = page.getByRole("tabpanel", { name: "Collate" });
    await panel.getByRole("heading", { level: 2, name: "Collate returns" }).waitFor({ state: "visible", timeout: 60_000 });
    const start = performance.now();
    await panel.getByTestId("collate-file-input").setInputFiles(files);
    // The pane's own state: the summary line replaces "N of N files read" once every file is read.
    await panel.getByTestId("collate-summary").filter({ hasText: `${files.length.toLocaleString("en-GB")} files` }).waitFor({ state: "visible", timeout: 300_000 });
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "impact-returns-worker-bench-"));
  let server;
  let browser;
  try {
    const files = await makeReturns(join(dir, "returns"));
    if (!args.includes("--no-build") || !existsSync(join(DIST, "preview.html"))) build();
    server = await serve(DIST);
    const url = `http://127.0.0.1:${server.address().port}/preview`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, XDG_CONFIG_HOME: join(dir, "xdg"), XDG_CACHE_HOME: join(dir, "xdg", "cache") },
      timeout: 60_000,
    });
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await timeOnce(browser, url, files));
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    if (json) {
      console.log(JSON.stringify({ files: files.length, runsMs: times.map(Math.round), medianMs: Math.round(median), targetMs: TARGET_MS }));
    } else {
      // The line `npm run bench` prints (src/bench/run.ts): name, figure, target, as its other lines are.
      const runsNote = runs > 1 ? ` (median of ${runs}: ${times.map((t) => (t / 1000).toFixed(1)).join(", ")} s)` : "";
      console.log(`${`Collate worker in chromium: ${files.length} returns read`.padEnd(62)} ${`${(median / 1000).toFixed(1)} s`.padStart(10)}   < ${TARGET_MS / 1000} s${runsNote}`);
    }
  } finally {
    await browser?.close();
    await closeServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`worker bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
