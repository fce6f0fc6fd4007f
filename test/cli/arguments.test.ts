/**
 * The command line's help, version and refusals: every mistake exits 2 with one plain line (or,
 * for an invalid framework, the framework's faults one a line), never a stack trace, and writes nothing.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES, requireBuiltCli, ROOT, runCli, tempDir, type CliResult } from "../support/cli";

let dir: string;
let cleanUp: () => void;
beforeAll(() => {
  requireBuiltCli();
  ({ dir, cleanUp } = tempDir("arguments"));
});
afterAll(() => cleanUp());

/** Asserts a refusal: exit 2, nothing on stdout, one line on stderr matching `message`. */
function expectRefusal(result: CliResult, message: RegExp): void {
  expect(result.stdout).toBe("");
  expect(result.stderr.trimEnd()).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(result.status).toBe(2);
}

describe("help and version", () => {
  it("shows the tool's help, listing its commands", () => {
    const result = runCli(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^impact-returns \d+\.\d+\.\d+: /);
    expect(result.stdout).toContain("Usage: impact-returns <command> [options]");
    expect(result.stdout).toMatch(/^ {2}template {3}Write a new, empty returns workbook/m);
  });

  it("shows a command's help, from either end", () => {
    for (const args of [["template", "--help"], ["template", "-h"], ["help", "template"]]) {
      const result = runCli(args);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("Usage: impact-returns template --out FILE.xlsx [options]");
      expect(result.stdout).toContain("--year-start YYYY-MM");
    }
  });

  it("shows the version from package.json", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const result = runCli([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`impact-returns ${version}\n`);
    }
  });

  it("refuses no command, an unknown command and an unknown option before the command", () => {
    const none = runCli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("Usage: impact-returns <command>");
    expectRefusal(runCli(["tempalte"]), /^impact-returns: unknown command 'tempalte'\. Commands: template, check(, [a-z]+)*\. Run 'impact-returns --help' for help\.$/);
    expectRefusal(runCli(["--colour"]), /^impact-returns: unknown option '--colour'/);
  });
});

describe("check, summary and collate refuse bad arguments as template does", () => {
  const help = (command: string) => `\\. Run 'impact-returns ${command} --help' for help\\.$`;
  it.each([
    ["check", "an unknown option", ["return.xlsx", "--colour", "blue"], "unknown option '--colour'"],
    ["check", "--framework with no value", ["return.xlsx", "--framework"], "option '--framework' needs a value"],
    ["check", "a value for --json", ["return.xlsx", "--json=yes"], "option '--json' does not take a value"],
    ["check", "no workbook", ["--json"], "name at least one workbook to check, e\\.g\\. impact-returns check return\\.xlsx"],
    ["summary", "an unknown option", ["return.xlsx", "--colour", "blue"], "unknown option '--colour'"],
    ["summary", "--out with no value", ["return.xlsx", "--out"], "option '--out' needs a value"],
    ["summary", "a value for --force", ["return.xlsx", "--out", "s.xlsx", "--force=yes"], "option '--force' does not take a value"],
    ["summary", "no workbook", ["--out", "s.xlsx"], "name the return workbook to summarise, e\\.g\\. impact-returns summary return\\.xlsx --out summary\\.xlsx"],
    ["summary", "missing --out", ["return.xlsx"], "missing --out: name the summary workbook to write, e\\.g\\. --out summary\\.xlsx"],
    ["collate", "an unknown option", ["returns", "--colour", "blue"], "unknown option '--colour'"],
    ["collate", "--jobs with no value", ["returns", "--out", "sector.xlsx", "--jobs"], "option '--jobs' needs a value"],
    ["collate", "a value for --json", ["returns", "--out", "sector.xlsx", "--json=yes"], "option '--json' does not take a value"],
    ["collate", "no returns", ["--out", "sector.xlsx"], "name the returns to collate \\(files or folders\\), e\\.g\\. impact-returns collate returns/ --out sector\\.xlsx"],
    ["collate", "missing --out", ["returns"], "missing --out: name the sector workbook to write, e\\.g\\. --out sector\\.xlsx"],
  ])("%s refuses %s", (command, _what, args, message) => {
    expectRefusal(runCli([command, ...args], { cwd: dir }), new RegExp(`^impact-returns ${command}: ${message}${help(command)}`));
  });
});

describe("impact-returns template refuses bad arguments", () => {
  const out = () => join(dir, "out.xlsx");

  it.each([
    ["missing --out", [], /^impact-returns template: missing --out: name the workbook to write, e\.g\. --out return\.xlsx\. Run 'impact-returns template --help' for help\.$/],
    ["an unknown option", ["--colour", "blue"], /^impact-returns template: unknown option '--colour'\./],
    ["--out with no value", ["--out"], /^impact-returns template: option '--out' needs a value\./],
    ["a value for --force", ["--force=yes"], /^impact-returns template: option '--force' does not take a value\./],
    ["a stray argument", ["return.xlsx"], /^impact-returns template: unexpected argument 'return\.xlsx'/],
    ["--out that is not .xlsx", ["--out", "return.xls"], /^impact-returns template: --out must name an \.xlsx workbook \(got 'return\.xls'\)/],
    ["a year start as words", ["--year-start", "April 2020"], /--year-start must be a month written YYYY-MM, e\.g\. 2024-04 \(got 'April 2020'\)/],
    ["a thirteenth month", ["--year-start", "2020-13"], /--year-start must be a month written YYYY-MM/],
    ["a year start with a day", ["--year-start", "2020-04-01"], /--year-start must be a month written YYYY-MM/],
    ["an unknown framework", ["--framework", "community-investment"], /^impact-returns template: unknown framework 'community-investment': give a built-in framework \(community-investment-monthly\) or the path of a framework \.json file\./],
    ["a missing framework file", ["--framework", "nowhere/framework.json"], /^impact-returns template: cannot find the framework file 'nowhere\/framework\.json'\./],
  ])("refuses %s", (_what, args, message) => {
    const needsOut = !args.includes("--out") && !args.includes("return.xlsx") && _what !== "missing --out";
    const result = runCli(["template", ...args, ...(needsOut ? ["--out", out()] : [])]);
    expectRefusal(result, message);
    expect(existsSync(out())).toBe(false);
  });

  it("prints an invalid framework file's faults, naming the file", () => {
    const framework = join(FIXTURES, "frameworks", "bad-unit.json");
    const result = runCli(["template", "--framework", framework, "--out", out()]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`impact-returns template: ${framework} is not a valid framework:\n  - measures[3].unit: expected one of count, gbp, hours, people\n`);
    expect(existsSync(out())).toBe(false);
  });

  it("says when a framework file is not JSON", () => {
    const framework = join(dir, "notes.json");
    writeFileSync(framework, "measures: lots");
    const result = runCli(["template", "--framework", framework, "--out", out()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^impact-returns template: ${framework.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not a valid framework:\n {2}- not valid JSON( near [^:]+)?: look there for a missing comma, quote or bracket`));
  });

  it("will not replace an existing file without --force", () => {
    const existing = join(dir, "existing.xlsx");
    writeFileSync(existing, "an officer's return");
    expectRefusal(runCli(["template", "--out", existing]), /^impact-returns template: '.*existing\.xlsx' already exists: add --force to replace it, or choose another name\./);
    expect(readFileSync(existing, "utf8")).toBe("an officer's return");
  });

  it("names a missing folder and a folder it cannot write to", () => {
    expectRefusal(runCli(["template", "--out", join(dir, "no-such-folder", "r.xlsx")]), /^impact-returns template: Cannot write '.*r\.xlsx': the folder '.*no-such-folder' does not exist\. Create the folder, or write somewhere else\.$/);
    const isRoot = process.getuid?.() === 0;
    const locked = isRoot ? "/sys" : join(dir, "locked");
    if (!isRoot) {
      mkdirSync(locked);
      chmodSync(locked, 0o500);
    }
    expectRefusal(runCli(["template", "--out", join(locked, "r.xlsx")]), /^impact-returns template: Cannot write '.*r\.xlsx': (permission denied|the folder is read-only)\. Nothing was written\.$/);
    expect(existsSync(join(locked, "r.xlsx"))).toBe(false);
    if (!isRoot) chmodSync(locked, 0o700);
  });
});
