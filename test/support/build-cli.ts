/**
 * Jest's global setup: compiles the command-line tool (lib/, `tsc -p tsconfig.cli.json`) when any
 * of its sources changed since it was last compiled here, so the CLI tests always run the current
 * source, never a stale build. Unchanged sources cost a look at file times, not a build; a change
 * costs one incremental build before the tests start.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const LIB = join(ROOT, "lib");
/** Touched after each build: sources newer than it have not been compiled. */
const STAMP = join(LIB, ".built-for-tests");
const CONFIGS = ["tsconfig.json", "tsconfig.cli.json", "package.json"].map((name) => join(ROOT, name));

/** The newest modification time in a folder, its subfolders and the folders themselves (a deleted file changes its folder's). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** The source folders compiled into lib/: those named in tsconfig.cli.json and those they import (lib/'s own folders). */
function sourceFolders(): string[] {
  const named = ["core", "xlsx", "cli", "bench"];
  const compiled = existsSync(LIB) ? readdirSync(LIB, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
  return [...new Set([...named, ...compiled])].map((name) => join(ROOT, "src", name)).filter((path) => existsSync(path));
}

export function isStale(): boolean {
  if (!existsSync(STAMP) || !existsSync(join(LIB, "cli", "main.js"))) return true;
  const built = statSync(STAMP).mtimeMs;
  return [...CONFIGS, ...sourceFolders()].some((path) => existsSync(path) && newest(path) > built);
}

export default function buildCli(): void {
  if (!isStale()) return;
  const started = Date.now();
  const tsc = require.resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json", "--incremental", "--tsBuildInfoFile", join(LIB, ".tsbuildinfo")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  // tsc exits 2 when it found type errors but still wrote every file: the CLI tests can run what was
  // written (the type errors are `npm run typecheck`'s to report). Anything else is a failed build.
  if (result.status === 2) {
    process.stderr.write(`\nCompiled the CLI into lib/ with type errors (run \`npm run typecheck\`):\n${result.stdout}\n`);
    return;
  }
  if (result.status !== 0) throw new Error(`Could not compile the CLI (tsc -p tsconfig.cli.json exited ${String(result.status)}):\n${result.stdout}${result.stderr}`);
  mkdirSync(LIB, { recursive: true });
  writeFileSync(STAMP, `Compiled for the tests in ${Date.now() - started} ms.\n`);
  // Dated when the build started: a source saved while tsc ran counts as newer, and is compiled next time.
  utimesSync(STAMP, started / 1000, started / 1000);
}
