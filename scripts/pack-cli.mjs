#!/usr/bin/env node
/**
 * Packs the command line as an installable tarball (`npm install -g impact-returns-X.Y.Z.tgz`).
 *
 * Never from the repository's own lib/ (it may hold files from an earlier build): the CLI is compiled
 * afresh into an empty staging folder beside a package.json that keeps only what an installed tool
 * needs - name, version, bin, "files" and the runtime "dependencies" (no scripts, no
 * devDependencies, no optional sideloading tools) - and `npm pack` packs that folder. package.json's
 * "files" list decides what goes in: bin/impact-returns.js, lib/cli, lib/core, lib/xlsx,
 * CHANGELOG.md (npm adds package.json and README.md itself).
 *
 *   node scripts/pack-cli.mjs [--out DIR]      (default: release/)
 *
 * Prints the tarball's path. Exits 1 when compiling or packing fails.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The package.json an installed tool needs: what npm and Node read, nothing of the repository's. */
export function installedPackageJson(pkg) {
  const keep = ["name", "version", "description", "license", "private", "engines", "bin", "files", "dependencies"];
  return Object.fromEntries(keep.filter((key) => pkg[key] !== undefined).map((key) => [key, pkg[key]]));
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${[command, ...args].join(" ")} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Compiles the CLI afresh, packs it into `outDir`; returns the tarball's absolute path. */
export function packCli(outDir) {
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), "impact-returns-pack-"));
  try {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    // A fresh compile into the empty staging folder (tsconfig.cli.json's sources, outDir overridden).
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    run(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.cli.json"), "--outDir", join(stage, "lib"), "--incremental", "false"], ROOT);
    mkdirSync(join(stage, "bin"));
    copyFileSync(join(ROOT, "bin", "impact-returns.js"), join(stage, "bin", "impact-returns.js"));
    for (const doc of ["README.md", "CHANGELOG.md"]) copyFileSync(join(ROOT, doc), join(stage, doc));
    writeFileSync(join(stage, "package.json"), `${JSON.stringify(installedPackageJson(pkg), null, 2)}\n`);
    const packed = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", out], stage));
    return join(out, packed[0].filename);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--out");
  try {
    console.log(packCli(at >= 0 && args[at + 1] ? args[at + 1] : join(ROOT, "release")));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
