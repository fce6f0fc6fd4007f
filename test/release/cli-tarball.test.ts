/**
 * The command line as the centre installs it: `scripts/pack-cli.mjs` packs the tarball (compiled
 * afresh, never the repository's lib/), `npm install -g --prefix` puts it in an empty prefix, and
 * the installed `impact-returns` runs template, check, summary and collate on a real return from a
 * folder outside the repository. The files it writes carry its version.
 *
 * npm: `--prefer-offline` takes every package from the cache `npm ci` filled; npm still asks the
 * registry for the dependencies' full metadata the first time (`npm ci` caches only what the lock
 * file needs, and a tarball install resolves its dependencies' ranges afresh), so this needs the
 * npm registry once per machine, as `npm ci` does.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { TOOL_LABEL, TOOL_VERSION } from "../../src/core/version";
import { cleanEdits, fillReturn } from "../support/fill-return";
import { ROOT, tempDir } from "../support/cli";

const SLOW = 300_000;
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let dir: string;
let cleanUp: () => void;
let tarball: string;
let installed: string;
let work: string;

function run(command: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  // No NODE_PATH and a cwd outside the repository: the installed tool finds only what it brought.
  const env = { ...process.env };
  delete env.NODE_PATH;
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 240_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The installed command, run from the work folder. */
function tool(...args: string[]) {
  return run(join(installed, "bin", "impact-returns"), args, work);
}

beforeAll(() => {
  ({ dir, cleanUp } = tempDir("tarball"));
  const packed = run(process.execPath, [join(ROOT, "scripts", "pack-cli.mjs"), "--out", join(dir, "packed")], ROOT);
  if (packed.status !== 0) throw new Error(`pack-cli failed: ${packed.stderr}`);
  tarball = packed.stdout.trim();
  installed = join(dir, "prefix");
  work = join(dir, "work");
  mkdirSync(work);
  const install = run("npm", ["install", "-g", "--prefix", installed, "--prefer-offline", "--no-audit", "--no-fund", tarball], work);
  if (install.status !== 0) throw new Error(`npm install -g failed (${String(install.status)}):\n${install.stderr}`);
}, SLOW);
afterAll(() => cleanUp?.());

describe("the packed tarball", () => {
  let entries: string[];
  beforeAll(() => {
    const listed = run("tar", ["tzf", tarball], dir);
    entries = listed.stdout.trim().split("\n").map((e) => e.replace(/^package\//, ""));
  });

  it("is named for the version", () => {
    expect(tarball.endsWith(`impact-returns-${PKG.version}.tgz`)).toBe(true);
  });

  it("holds the compiled command line and nothing of the repository's own", () => {
    const top = [...new Set(entries.map((e) => (e.startsWith("lib/") ? e.split("/").slice(0, 2).join("/") : e)))].sort();
    expect(top).toEqual(["CHANGELOG.md", "README.md", "bin/impact-returns.js", "lib/cli", "lib/core", "lib/xlsx", "package.json"]);
    expect(entries).toContain("lib/cli/main.js");
    // Compiled code and the built-in frameworks it reads; no sources, maps, tests or fixtures.
    const data = entries.filter((e) => e.startsWith("lib/") && !e.endsWith(".js"));
    expect(data.length).toBeGreaterThan(0);
    for (const file of data) expect(file).toMatch(/^lib\/core\/framework\/builtin\/[^/]+\.json$/);
  });

  it("carries a package.json with the runtime dependencies only: no scripts, no devDependencies", () => {
    const packed = JSON.parse(run("tar", ["xzf", tarball, "-O", "package/package.json"], dir).stdout) as Record<string, unknown>;
    expect(Object.keys(packed).sort()).toEqual(["bin", "dependencies", "description", "engines", "files", "license", "name", "private", "version"]);
    expect(packed.dependencies).toEqual(PKG.dependencies);
    expect(packed.files).toEqual(PKG.files);
  });

  it("lists in dependencies exactly the packages the compiled code requires", () => {
    const libRoot = join(installed, "lib", "node_modules", "impact-returns", "lib");
    const required = new Set<string>();
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith(".js")) {
          for (const m of readFileSync(path, "utf8").matchAll(/require\("([^".][^"]*)"\)/g)) {
            const spec = m[1]!;
            if (spec.startsWith("node:")) continue;
            required.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
          }
        }
      }
    };
    walk(libRoot);
    expect([...required].sort()).toEqual(Object.keys(PKG.dependencies).sort());
    for (const name of required) expect(PKG.devDependencies[name]).toBeUndefined();
  });
});

describe("impact-returns installed from the tarball into an empty prefix", () => {
  let returnFile: string;

  beforeAll(async () => {
    returnFile = join(work, "returns", "riverside.xlsx");
    mkdirSync(join(work, "returns"));
    const made = tool("template", "--out", returnFile, "--organisation", "Riverside Homes", "--code", "RH01", "--year-start", "2020-04");
    if (made.status !== 0) throw new Error(`template failed: ${made.stderr}`);
    await fillReturn(returnFile, cleanEdits());
  }, SLOW);

  it("says its version", () => {
    expect(tool("--version")).toEqual({ status: 0, stdout: `impact-returns ${TOOL_VERSION}\n`, stderr: "" });
  });

  it("template wrote a return whose hidden Framework sheet names the version", async () => {
    const workbook = new Workbook();
    await workbook.xlsx.readFile(returnFile);
    const framework = workbook.getWorksheet("Framework")!;
    const values: string[] = [];
    framework.eachRow((row) => values.push(row.values?.toString() ?? ""));
    expect(values.join("\n")).toContain(TOOL_LABEL);
  });

  it("check passes the filled return", () => {
    const checked = tool("check", returnFile, "--json");
    expect(checked.stderr).toBe("");
    expect(checked.status).toBe(0);
    const result = JSON.parse(checked.stdout) as { organisationCode: string; summary: { errors: number } };
    expect({ code: result.organisationCode, errors: result.summary.errors }).toEqual({ code: "RH01", errors: 0 });
  });

  it("summary writes a board summary whose printed pages carry the version", async () => {
    const out = join(work, "board-summary.xlsx");
    const summarised = tool("summary", returnFile, "--out", out);
    expect({ status: summarised.status, stderr: summarised.stderr }).toEqual({ status: 0, stderr: "" });
    const workbook = new Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet("Board summary")!.headerFooter.oddFooter).toContain(TOOL_LABEL);
  });

  it("collate writes a sector workbook whose printed pages carry the version", async () => {
    const out = join(work, "sector.xlsx");
    const collated = tool("collate", join(work, "returns"), "--out", out, "--json");
    expect({ status: collated.status, stderr: collated.stderr }).toEqual({ status: 0, stderr: "" });
    const result = JSON.parse(collated.stdout) as { files: { organisationCode: string | null; status: string }[] };
    expect(result.files.map((f) => [f.organisationCode, f.status])).toEqual([["RH01", "accepted"]]);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    for (const ws of workbook.worksheets.filter((w) => w.state === "visible")) {
      expect({ sheet: ws.name, footer: ws.headerFooter.oddFooter }).toEqual({ sheet: ws.name, footer: expect.stringContaining(TOOL_LABEL) });
    }
  });
});
