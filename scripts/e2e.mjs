#!/usr/bin/env node
/**
 * End-to-end tests of the task pane, in Debian's chromium:
 *   1. builds the preview (PREVIEW=1 webpack --mode production: production code, local Office.js);
 *   2. prints the initial JavaScript size (scripts/bundle-size.mjs; over budget fails the run);
 *   3. serves dist/ on 127.0.0.1 on a free port (a small static server in this process);
 *   4. runs jest -c jest.e2e.config.js with IMPACT_RETURNS_E2E_URL set to the preview page
 *      (/preview; the add-in's own page, taskpane.html, is beside it);
 *   5. stops the server, always, and exits with jest's code (1 if the bundle is over budget).
 *
 * Usage: node scripts/e2e.mjs [jest arguments, e.g. -t "keyboard"]
 * Environment: E2E_SKIP_BUILD=1 reuses dist/ as built; CHROMIUM_PATH overrides /usr/bin/chromium.
 * Screenshots go to test-output/e2e/.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { closeServer, serve } from "./static-server.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const BIN = join(ROOT, "node_modules", ".bin");
const OUTPUT = join(ROOT, "test-output", "e2e");

/** Runs a command with inherited output; resolves with its exit code. */
function run(command, args, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
    running.add(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
}

/** Child processes started here, so an interrupt can end exactly these (by PID). */
const running = new Set();

let server;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of running) {
    try {
      child.kill("SIGTERM");
    } catch {
      // already gone
    }
  }
  await closeServer(server);
  process.exit(code);
}
process.on("SIGINT", () => void stop(130));
process.on("SIGTERM", () => void stop(143));

async function main() {
  const jestArgs = process.argv.slice(2);

  if (process.env.E2E_SKIP_BUILD !== "1") {
    console.log("e2e: building the task pane preview (PREVIEW=1 webpack --mode production)");
    const built = await run(join(BIN, "webpack"), ["--mode", "production"], { PREVIEW: "1" });
    if (built !== 0) {
      console.error(`e2e: the build failed (exit ${built})`);
      return built;
    }
  }
  if (!existsSync(join(DIST, "taskpane.html"))) {
    console.error("e2e: dist/taskpane.html is missing; build first (or drop E2E_SKIP_BUILD)");
    return 1;
  }

  let bundleCode = 0;
  const bundleScript = join(ROOT, "scripts", "bundle-size.mjs");
  if (existsSync(bundleScript)) {
    bundleCode = await run(process.execPath, [bundleScript]);
    if (bundleCode !== 0) console.error("e2e: the initial task pane JavaScript is over budget (see above)");
  } else {
    console.warn("e2e: scripts/bundle-size.mjs not found; bundle figure not printed");
  }

  mkdirSync(OUTPUT, { recursive: true });
  server = await serve(DIST);
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}/preview`;
  console.log(`e2e: serving ${DIST} at ${url}`);

  let code;
  try {
    code = await run(join(BIN, "jest"), ["-c", "jest.e2e.config.js", ...jestArgs], {
      IMPACT_RETURNS_E2E_URL: url,
      IMPACT_RETURNS_E2E_OUTPUT: OUTPUT,
    });
  } finally {
    await closeServer(server);
    server = undefined;
  }
  console.log(`e2e: screenshots in ${OUTPUT}`);
  return code !== 0 ? code : bundleCode;
}

main().then(
  (code) => stop(code),
  (error) => {
    console.error(error);
    void stop(1);
  },
);
