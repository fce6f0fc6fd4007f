#!/usr/bin/env node
// `npm start`:
// - Windows and macOS: sideloads the add-in into Excel desktop with office-addin-debugging, which
//   starts the dev server (https://localhost:3000, with Office's dev certificates) and Excel.
// - Linux (and anything else): Excel desktop cannot run here, so it serves the task pane in
//   preview mode on http://127.0.0.1:3000 for a browser, running against an in-memory workbook.
// Ctrl+C stops whatever it started.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { get } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = 3000;
const PREVIEW_URL = `http://127.0.0.1:${PORT}/preview`;
const webpackCli = join(root, "node_modules", "webpack-cli", "bin", "cli.js");

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (!existsSync(webpackCli)) fail("webpack is not installed. Run `npm ci` first, then `npm start` again.");

if (process.platform === "win32" || process.platform === "darwin") {
  sideload();
} else {
  preview();
}

function sideload() {
  const installed = existsSync(join(root, "node_modules", "office-addin-debugging", "package.json"));
  if (!installed) {
    fail(
      [
        "office-addin-debugging is not installed, so Impact Returns cannot be sideloaded into Excel.",
        "It is an optional dependency; install it with:",
        "  npm install --include=optional",
        "(or `npm install --no-save office-addin-debugging`), then run `npm start` again.",
        `Meanwhile, \`node scripts/start.mjs --preview\` serves the browser preview at ${PREVIEW_URL}.`,
      ].join("\n"),
    );
  }
  if (process.argv.includes("--preview")) {
    preview();
    return;
  }
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const devServer = `node "${webpackCli}" serve --mode development`;
  const args = ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", devServer, "--dev-server-port", String(PORT)];
  console.log("Sideloading Impact Returns into Excel (the first run asks to trust a localhost certificate)…");
  const child = spawn(npx, args, { cwd: root, stdio: "inherit", env: { ...process.env, IR_HTTPS: "1" }, shell: process.platform === "win32" });
  const stop = () => {
    console.log("\nStopping: unregistering the add-in and the dev server…");
    spawnSync(npx, ["office-addin-debugging", "stop", "manifest.xml"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  child.on("exit", (code) => {
    if (code === 0) {
      console.log(
        "Excel should now be open with Impact Returns on the Home tab. Press Ctrl+C here (or run `npx office-addin-debugging stop manifest.xml`) to stop.",
      );
    } else {
      process.exit(code ?? 1);
    }
  });
}

function preview() {
  if (process.platform === "linux") {
    console.log("Excel desktop cannot run on Linux, so Impact Returns cannot be sideloaded here.");
    console.log("Serving the task pane in PREVIEW mode instead: the real task pane, run against an in-memory workbook shown beside it.");
  } else {
    console.log("Serving the task pane in preview mode.");
  }
  console.log("Building (development mode)…");
  // Start webpack itself (not through npx) so the PID we hold is the server's and Ctrl+C ends it.
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, IR_HTTPS: "0" },
  });
  // Announce the URL once the page is actually served.
  const started = Date.now();
  const poll = () => {
    if (server.exitCode !== null) return;
    const request = get(PREVIEW_URL, (response) => {
      response.resume();
      if (response.statusCode === 200) {
        console.log(`\nImpact Returns preview: ${PREVIEW_URL}\nOpen it in a browser. Press Ctrl+C to stop.\n`);
      } else {
        setTimeout(poll, 1000);
      }
    });
    request.on("error", () => {
      if (Date.now() - started < 180_000) setTimeout(poll, 1000);
    });
  };
  setTimeout(poll, 1500);
  let stopping = false;
  const stop = (signal) => {
    stopping = true;
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  server.on("exit", (code) => {
    if (stopping) {
      console.log("Preview stopped.");
      process.exit(0);
    }
    if (code !== 0) console.error(`The dev server stopped (exit code ${code}). Is port ${PORT} already in use?`);
    process.exit(code ?? 0);
  });
}
