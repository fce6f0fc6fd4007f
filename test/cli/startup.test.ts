/**
 * What a command loads: the tool loads only the command being run, and a check of a return set up
 * from the built-in framework needs neither exceljs (the writer), nor the framework validator (zod),
 * nor a general XML parser, nor fflate (Node's zlib inflates), nor a hashing library. Seen from the modules a real `impact-returns` process has loaded when it
 * exits (not by timing it: `npm run bench` prints the start-up figure).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, FIXTURES, requireBuiltCli, tempDir } from "../support/cli";
import { makeReturn, makeTemplate } from "../support/returns";

jest.setTimeout(120_000);

const { dir, cleanUp } = tempDir("startup");
afterAll(cleanUp);

/** The packages (and our own lib/ folders) a run of the command line loaded, with its exit code. */
function loadedBy(args: string[]): { status: number | null; packages: Set<string> } {
  const report = join(dir, "loaded.json");
  const hook = join(dir, "report-loaded.js");
  writeFileSync(hook, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify(Object.keys(require.cache))));`);
  const result = spawnSync(process.execPath, ["-r", hook, BIN, ...args], { encoding: "utf8", timeout: 60_000 });
  const files = JSON.parse(readFileSync(report, "utf8")) as string[];
  const packages = new Set(files.map((file) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]?.replace(/\\/g, "/") ?? /lib[\\/](\w+[\\/]\w+)/.exec(file)?.[1]?.replace(/\\/g, "/") ?? file));
  return { status: result.status, packages };
}

let returnFile: string;

beforeAll(async () => {
  requireBuiltCli();
  const template = join(dir, "template.xlsx");
  makeTemplate(template, 1);
  returnFile = join(dir, "return.xlsx");
  await makeReturn(template, returnFile, { organisation: "Riverside Homes", code: "RH01", homes: 5200, months: 3, value: (row, m) => (row.code.length + m) % 40 });
});

describe("the command line loads what the command needs", () => {
  it("check of a built-in framework's return: no exceljs, no zod, no saxes, no fflate, no other command", () => {
    const { status, packages } = loadedBy(["check", returnFile]);
    expect([0, 1]).toContain(status);
    expect(packages).toContain("cli/commands");
    expect(packages).toContain("xlsx/package");
    for (const heavy of ["exceljs", "zod", "saxes", "fflate", "@noble/hashes", "jszip", "mimetext", "core/collate", "core/summary"]) expect({ heavy, loaded: packages.has(heavy) }).toEqual({ heavy, loaded: false });
  });

  it("check against a framework file loads the validator for it", () => {
    const { status, packages } = loadedBy(["check", returnFile, "--framework", join(FIXTURES, "frameworks", "small.json")]);
    expect([0, 1]).toContain(status);
    expect(packages).toContain("zod");
    expect(packages.has("exceljs")).toBe(false);
  });

  it("the tool's help loads no command", () => {
    const { status, packages } = loadedBy(["--help"]);
    expect(status).toBe(0);
    for (const heavy of ["exceljs", "zod", "core/checks", "xlsx/package"]) expect({ heavy, loaded: packages.has(heavy) }).toEqual({ heavy, loaded: false });
  });
});
