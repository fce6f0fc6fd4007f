/**
 * `impact-returns check` on real .xlsx files: templates written by the CLI, filled the way officers
 * (and scripts) fill them, some with seeded faults; read back and checked by the compiled command.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { cleanEdits, fillReturn, withEdits, writeTemplate } from "../support/fill-return";

interface JsonIssue {
  severity: string;
  code: string;
  sheet: string;
  cell: string;
  row: number;
  column: string;
  message: string;
  value: unknown;
}
interface JsonResult {
  file: string;
  error?: string;
  framework: { id: string; version: number } | null;
  organisation: string | null;
  summary: { errors: number; warnings: number } | null;
  issues: JsonIssue[];
}

const { dir, cleanUp } = tempDir("check");
beforeAll(requireBuiltCli);
afterAll(cleanUp);

async function returnFile(name: string, ...faults: Parameters<typeof withEdits>[1][]): Promise<string> {
  const path = join(dir, name);
  writeTemplate(path);
  await fillReturn(path, withEdits(cleanEdits(), ...faults));
  return path;
}

/** The day the checks run on: 10 August 2020, when the filled months (April to July) are all that is due. */
const TODAY = ["--today", "2020-08-10"];

function checkJson(...files: string[]): { status: number | null; json: JsonResult | JsonResult[] } {
  const result = runCli(["check", ...files, "--json", ...TODAY]);
  // Standard error has one line for each file that could not be checked, and nothing else.
  const json = JSON.parse(result.stdout) as JsonResult | JsonResult[];
  const unreadable = (Array.isArray(json) ? json : [json]).filter((r) => r.error !== undefined);
  expect(result.stderr).toBe(unreadable.map((r) => `impact-returns check: ${r.error}\n`).join(""));
  return { status: result.status, json: JSON.parse(result.stdout) as JsonResult | JsonResult[] };
}

const located = (r: JsonResult) => r.issues.map((i) => [i.severity, i.code, i.sheet, i.cell]);

describe("impact-returns check", () => {
  it("a clean, properly filled return gives no error and no warning (exit 0)", async () => {
    const file = await returnFile("clean.xlsx");
    const { status, json } = checkJson(file);
    const result = json as JsonResult;
    expect(located(result)).toEqual([]);
    expect(result).toMatchObject({ framework: { id: "community-investment-monthly", version: 1 }, organisation: "Riverside Homes", summary: { errors: 0, warnings: 0 } });
    expect(status).toBe(0);
  });

  it("reports every seeded fault at its cell with its severity (exit 1)", async () => {
    const file = await returnFile("faulty.xlsx", {
      Return: { B7: "sam.jones at riverside" },
      Measures: {
        G2: "12a", // text where a number belongs
        H9: -5, // below the minimum (financial support breakdown? row 9 is Hardship grants)
        F14: 12.5, // a decimal in a whole-number measure (food parcels)
        G17: "1,234", // number stored as text: read, but flagged
      },
      Outcomes: { A3: "Older people", L2: 25 },
      "Case studies": { B3: "Aug 2021" },
    });
    const { status, json } = checkJson(file);
    const result = json as JsonResult;
    expect(status).toBe(1);
    expect(located(result)).toEqual(
      expect.arrayContaining([
        ["error", "invalid-email", "Return", "B7"],
        ["error", "not-a-number", "Measures", "G2"],
        ["error", "below-minimum", "Measures", "H9"],
        ["error", "not-whole-number", "Measures", "F14"],
        ["warning", "number-stored-as-text", "Measures", "G17"],
        ["error", "unknown-stakeholder-group", "Outcomes", "A3"],
        ["error", "percent-out-of-range", "Outcomes", "L2"],
        ["error", "month-outside-year", "Case studies", "B3"],
      ]),
    );
    const byCell = new Map(result.issues.map((i) => [`${i.sheet}!${i.cell}`, i]));
    expect(byCell.get("Measures!G2")).toMatchObject({ row: 2, column: "G", value: "12a" });
    expect(byCell.get("Measures!G2")!.message).toMatch(/"12a" is not a number/);
    expect(byCell.get("Outcomes!A3")!.message).toMatch(/Older residents/);
  });

  it("warns about figures out of line, running totals, zeros after activity, gaps and breakdowns", async () => {
    const file = await returnFile("plausibility.xlsx", {
      // Welfare calls: a tenfold jump in June
      Measures: {
        H2: 1260,
        // Volunteer hours (row 17): typed as a running total over Apr-Jul
        F17: 120, G17: 250, H17: 380, I17: 520,
        // Vulnerable residents (row 18): zero in July after three active months
        I18: 0,
        // Universal Credit (row 22): reported in April, June and July but not May
        G22: null,
        // Food parcels (row 14) no longer add up to the food interventions total (row 13)
        F14: 999,
      },
    });
    const result = checkJson(file).json as JsonResult;
    expect(located(result)).toEqual(
      expect.arrayContaining([
        ["warning", "month-out-of-line", "Measures", "H2"],
        ["warning", "looks-like-running-total", "Measures", "I17"],
        ["warning", "zero-after-activity", "Measures", "I18"],
        ["warning", "gap-in-months", "Measures", "G22"],
        ["warning", "breakdowns-do-not-add-up", "Measures", "F13"],
      ]),
    );
    expect(result.summary!.errors).toBe(0);
  });

  it("checks several files at once, each with its own result, and says why a file is not a return", async () => {
    const clean = await returnFile("clean2.xlsx");
    const faulty = await returnFile("faulty2.xlsx", { Return: { B2: null }, Measures: { F2: "lots" } });
    const plain = join(dir, "plain.xlsx");
    const workbook = new Workbook();
    workbook.addWorksheet("Sheet1").getCell("A1").value = "Not a return";
    await workbook.xlsx.writeFile(plain);
    const csv = join(dir, "figures.csv");
    writeFileSync(csv, "a,b\n1,2\n");

    const { status, json } = checkJson(clean, faulty, plain, csv);
    const results = json as JsonResult[];
    expect(results.map((r) => r.file)).toEqual([clean, faulty, plain, csv]);
    expect(results[0]!.summary).toEqual({ errors: 0, warnings: 0, accepted: 0 });
    expect(located(results[1]!)).toEqual(
      expect.arrayContaining([
        ["error", "required-field", "Return", "B2"],
        ["error", "not-a-number", "Measures", "F2"],
      ]),
    );
    // Named once, in quotes; the reason once; a full stop; the next step last.
    expect(results[2]!.error).toBe("'plain.xlsx' is not an Impact Returns workbook: it has no Measures or ReturnDetails table. Check it is the return you meant; a new return is made with 'impact-returns template' or the add-in's Set up tab.");
    expect(results[3]!.error).toMatch(/text file \(perhaps CSV\)/);
    expect(status).toBe(2);
  });

  it("prints a human report grouped by issue type with Sheet!Cell locations", async () => {
    const file = await returnFile("human.xlsx", { Measures: { G2: "12a", G3: "n/a" }, "Case studies": { B3: "Aug 2021" } });
    const result = runCli(["check", file, ...TODAY]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^human\.xlsx: Riverside Homes \(RH01\) - community-investment-monthly version 1\n {2}3 errors, 0 warnings\n/);
    expect(result.stdout).toMatch(/ {2}Error: .+ \[not-a-number\] \(2\)\n {4}Measures!G2 {2}"12a" is not a number/);
    expect(result.stdout).toMatch(/'Case studies'!B3 {2}/);
    expect(result.stdout).not.toMatch(/at .+\.js:\d+/);
  });

  it("a blank template is not ready to send: the no-figures error, exit 1 (issue 10: was exit 0)", () => {
    const file = join(dir, "blank.xlsx");
    writeTemplate(file);
    const { status, json } = checkJson(file);
    const result = json as JsonResult;
    expect(located(result).filter((i) => i[0] === "error")).toEqual([["error", "no-figures", "Measures", "F2"]]);
    expect(result.issues.find((i) => i.code === "no-figures")!.message).toMatch(/^The return has no figures/);
    expect(status).toBe(1);
    // On 10 August 2020, April to June are past their due dates.
    expect(located(result).filter((i) => i[1] === "month-overdue").map((i) => i[3])).toEqual(["F1", "G1", "H1"]);
  });

  it("names the months past their due date, as on --today", async () => {
    const file = await returnFile("late.xlsx");
    const result = runCli(["check", file, "--today", "2020-09-16"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Warning: Month due but not reported \[month-overdue\] \(1\)\n {4}Measures!J1 {2}August 2020 was due by 15 September 2020 and has no figures\./);
    expect(runCli(["check", file, "--today", "2020-02-30"]).stderr).toMatch(/--today needs a date such as 2020-08-20, not "2020-02-30"/);
  });

  it("gives exit 2 and a plain reason for bad arguments", () => {
    expect(runCli(["check"]).stderr).toMatch(/name at least one workbook to check/);
    expect(runCli(["check"]).status).toBe(2);
    expect(runCli(["check", "x.xlsx", "--colour"]).status).toBe(2);
  });
});
