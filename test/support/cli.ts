/**
 * Running the real `impact-returns` command in a child process, as people do. It runs the
 * compiled lib/, which Jest's global setup (build-cli.ts) compiles from the current source first
 * whenever the source is newer.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "impact-returns.js");
export const FIXTURES = join(ROOT, "test", "fixtures");

/** Fails with a clear message when the CLI has not been compiled. */
export function requireBuiltCli(): void {
  if (!existsSync(join(ROOT, "lib", "cli", "main.js"))) {
    throw new Error("lib/cli/main.js is missing: Jest's global setup (test/support/build-cli.ts) compiles it; run these tests with Jest's configuration.");
  }
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder, and a function that removes it. */
export function tempDir(prefix: string): { dir: string; cleanUp: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `impact-returns-${prefix}-`));
  return { dir, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}
