/**
 * The compiled command against files from strangers: no crash, no hang, no library wording,
 * bounded memory; each refusal one plain line on standard error with exit 2. And what it prints
 * from a file is safe for a terminal, and a huge result still gives a useful report.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CheckIssue, CheckResult } from "../../src/core/checks";
import { describe as report, EXAMPLES_PER_GROUP } from "../../src/cli/commands/check";
import { plainFault } from "../../src/cli/framework-option";
import { safeText } from "../../src/cli/text";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { fillReturn, writeTemplate } from "../support/fill-return";
import { deflateRepeated, partText, SHEET, SHEET_HEAD, SHEET_TAIL, workbookWith } from "../support/hostile-files";

const { dir, cleanUp } = tempDir("cli-hostile");
beforeAll(requireBuiltCli);
afterAll(cleanUp);

const RAW_TEXT = /Cannot read propert|undefined|Bug :|text data outside|Invalid string length|Unexpected token|in JSON at position|Too big|Too small|Maximum call stack|ERR_|\bat .*\.js:\d+|\d+:\d+: /;
/** A small heap: a reader that allocates without bound dies here (exit 134) instead of refusing. */
const SMALL_HEAP = { NODE_OPTIONS: "--max-old-space-size=384" };

function refusedPlainly(args: string[], pattern: RegExp): void {
  const result = runCli(args, { env: SMALL_HEAP });
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^impact-returns (check|template): [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(RAW_TEXT);
  expect(result.status).toBe(2);
}

describe("hostile files on the command line", () => {
  it("refuses a zip bomb of empty rows, a whole-grid table and broken XML, each in one line", async () => {
    const bomb = join(dir, "bomb.xlsx");
    writeFileSync(bomb, await workbookWith({ [SHEET]: { name: SHEET, deflated: await deflateRepeated(SHEET_HEAD, "<row/>", 80_000_000, SHEET_TAIL) } }));
    refusedPlainly(["check", bomb], /'.*bomb\.xlsx' cannot be read: it expands to more than 200 MB, too large for a return workbook/);

    const table = join(dir, "table.xlsx");
    writeFileSync(table, await workbookWith({ "xl/tables/table1.xml": (await partText("xl/tables/table1.xml")).replace(/ref="A1:B2"/g, 'ref="A1:XFD1048576"') }));
    refusedPlainly(["check", table], /table\.xlsx' cannot be read: a table's range A1:XFD1048576 covers more than 2,000,000 cells/);

    const xml = join(dir, "xml.xlsx");
    writeFileSync(xml, await workbookWith({ [SHEET]: "<worksheet/>text outside of the root" }));
    refusedPlainly(["check", xml], /xml\.xlsx' looks like an Excel workbook but could not be read/);
  });

  it("refuses a FIFO without waiting, and names a folder where files cannot be created", () => {
    const fifo = join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    refusedPlainly(["check", fifo], /pipe\.xlsx' is a pipe, not a workbook file\./);
    refusedPlainly(["check", "--framework", fifo, "x.xlsx"], /is a pipe, not a framework file/);
    refusedPlainly(["template", "--out", "/proc/x.xlsx"], /Cannot write '\/proc\/x\.xlsx': files cannot be created in the folder '\/proc'/);
  });

  it("with several files, the readable ones are reported and each refusal is a line on standard error", async () => {
    const good = join(dir, "good.xlsx");
    writeTemplate(good);
    const csv = join(dir, "figures.xlsx");
    writeFileSync(csv, "a,b\n1,2\n");
    const result = runCli(["check", good, csv]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`impact-returns check: '${csv}' is a text file (perhaps CSV), not an Excel workbook. Open it in Excel, save it as an Excel Workbook (.xlsx) and try again.\n`);
    expect(result.stdout).toMatch(/^good\.xlsx: /);
    expect(result.stdout).toMatch(/2 files checked: \d with errors, 1 could not be checked\.\n$/);
  });

  it("refuses a cell value longer than Excel allows, writing nothing", () => {
    const out = join(dir, "long.xlsx");
    refusedPlainly(["template", "--out", out, "--organisation", "x".repeat(40_000)], /Cannot write '.*long\.xlsx': The text for Return!B\d+ is 40,000 characters long; an Excel cell holds at most 32,767\./);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes("impact-returns-tmp"))).toEqual([]);
  });

  it("a framework file that is not JSON or breaks the schema gets plain faults", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, '{\n  "id": "x",\n  "version": 1\n  "title": "t"\n}\n');
    const result = runCli(["template", "--framework", bad, "--out", join(dir, "f.xlsx")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/not valid JSON near line 4, column 3: look there for a missing comma, quote or bracket/);
    expect(result.stderr).not.toMatch(RAW_TEXT);
    expect(plainFault("title: Too big: expected string to have <=200 characters")).toBe("title: too long: at most 200 characters");
    expect(plainFault("measures: Too big: expected array to have <=500 items")).toBe("measures: too many items: at most 500");
    expect(plainFault("measures[0].maximum: Too small: expected number to be >=0")).toBe("measures[0].maximum: must be at least 0");
  });
});

describe("terminal safety", () => {
  it("control characters and line breaks from a file never reach the terminal raw; JSON stays exact", async () => {
    const file = join(dir, "escapes.xlsx");
    writeTemplate(file);
    const organisation = "Evil\u001b[2J\u001b[31m Homes\nNo errors or warnings.";
    const code = "C".repeat(100_000);
    await fillReturn(file, { Return: { B2: organisation, B3: code }, Measures: { F2: "\u001b[32mgreen\u001b[0m" } });
    const human = runCli(["check", file]);
    expect([...human.stdout].filter((ch) => (ch < " " && ch !== "\n") || ch === "\u007f")).toEqual([]);
    expect(human.stdout).not.toMatch(/^\s*No errors or warnings\.$/m);
    expect(human.stdout.split("\n")[0]!.length).toBeLessThan(400);
    expect(human.stdout).toMatch(/\(100,000 characters in all\)/);
    const json = JSON.parse(runCli(["check", file, "--json"]).stdout) as { organisation: string; organisationCode: string; issues: { value: unknown }[] };
    // (exceljs does not keep every control character through a save; what it reads is given whole.)
    expect(json.organisation).toMatch(/Evil.*\[2J.*\[31m Homes\nNo errors or warnings\.$/);
    expect(json.organisationCode).toBe(code);
  });

  it("safeText flattens, replaces and shortens", () => {
    expect(safeText("a\r\nb\tc\u001bd\u202ee")).toBe("a b c\ufffdd\ufffde");
    expect(safeText("x".repeat(10), 4)).toBe("xxxx... (10 characters in all)");
  });
});

describe("large reports", () => {
  it("200,000 issues of one code give counts, the first examples and a pointer to --json", () => {
    const issue: CheckIssue = { severity: "error", code: "not-a-number", sheet: "Outcomes", cell: "H2", row: 2, column: "H", message: '"x" is not a number.', value: "x" } as CheckIssue;
    const issues = Array.from({ length: 200_000 }, (_, i) => ({ ...issue, cell: `H${i + 2}`, row: i + 2 }));
    const result = { issues, summary: { errors: issues.length, warnings: 0, accepted: 0 }, organisation: "Big" } as unknown as CheckResult;
    const text = report({ file: "big.xlsx", result });
    expect(text).toMatch(/200,000 errors, 0 warnings/);
    expect(text).toMatch(/\[not-a-number\] \(200,000\)/);
    expect(text.split("\n").filter((l) => l.startsWith("    Outcomes!"))).toHaveLength(EXAMPLES_PER_GROUP);
    expect(text).toMatch(/\.\.\. and 199,950 more issues of this kind/);
    expect(text).toMatch(/run with --json for all 200,000 issues/);
  });
});
