/**
 * `impact-returns template`, run as a real process: the workbook it writes, read back with exceljs
 * (sheets, tables, rows, validation, formats, locking, panes, the stored framework) and with the
 * .xlsx gateway's reader.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import { findBuiltinFramework } from "../../src/core/framework";
import { LAYOUT_VERSION } from "../../src/core/layout/contract";
import { defaultYearStart, monthLabel } from "../../src/core/calendar";
import { readExistingReturn } from "../../src/core/return";
import { planSetup } from "../../src/core/setup/plan";
import { TOOL_VERSION } from "../../src/core/version";
import { dataValidationsOf, protectionOf, tablesOf } from "../../src/xlsx/exceljs-adapter";
import { readSnapshot } from "../../src/xlsx/read";
import { requireBuiltCli, runCli, tempDir, type CliResult } from "../support/cli";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;

let dir: string;
let cleanUp: () => void;
let run: CliResult;
let file: string;
let workbook: Workbook;

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanUp } = tempDir("template"));
  file = join(dir, "riverside.xlsx");
  run = runCli(["template", "--year-start", "2020-04", "--organisation", "Riverside Homes", "--code", "RIV", "--out", file]);
  workbook = new Workbook();
  if (run.status === 0) await workbook.xlsx.readFile(file);
});
afterAll(() => cleanUp());

function sheet(name: string): Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** A body column's values, from row 2 down to the table's end. */
function column(ws: Worksheet, letter: string, rows: number): unknown[] {
  return Array.from({ length: rows }, (_, i) => ws.getCell(`${letter}${i + 2}`).value);
}

describe("impact-returns template", () => {
  it("exits 0 and says what it wrote", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Wrote ${file}\n`);
    expect(run.stdout).toContain("Framework:      Community investment monthly measures (community-investment-monthly, version 1)");
    expect(run.stdout).toContain("Reporting year: Apr 2020 to Mar 2021");
    expect(run.stdout).toContain("Organisation:   Riverside Homes, code RIV");
    expect(run.stdout).toMatch(/^ {4}Measures +\d+ measures in \d+ rows, Apr 2020 to Mar 2021$/m);
  });

  it("writes the sheets in order, the Framework sheet hidden, the Return sheet shown first", () => {
    expect(workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ["Return", "visible"],
      ["Measures", "visible"],
      ["Stakeholders", "visible"],
      ["Outcomes", "visible"],
      ["Case studies", "visible"],
      ["Reflections", "visible"],
      ["Checks", "visible"],
      ["Framework", "hidden"],
    ]);
    expect(workbook.views[0]?.activeTab).toBe(0);
    expect(workbook.creator).toBe("Impact Returns");
    expect(workbook.title).toBe("Community investment monthly measures, Apr 2020 to Mar 2021 - Riverside Homes");
  });

  it("puts each table on its sheet, with its range and headers", () => {
    const measureRows = v1.measures.reduce((n, m) => n + 1 + m.breakdowns.length, 0);
    const expected: [string, string, string][] = [
      ["Return", "ReturnDetails", "A1:B11"],
      ["Measures", "Measures", `A1:Q${measureRows + 1}`],
      ["Stakeholders", "Stakeholders", `A1:D${v1.stakeholderGroups.length + 12 + 1}`],
      ["Outcomes", "ImpactMap", "A1:P101"],
      ["Case studies", "CaseStudies", "A1:G51"],
      ["Framework", "FrameworkInfo", "A1:B6"],
    ];
    for (const [sheetName, table, ref] of expected) {
      expect(tablesOf(sheet(sheetName)).map((t) => [t.name, t.tableRef])).toEqual([[table, ref]]);
    }
    expect(sheet("Return").getRow(1).values).toEqual([undefined, "Field", "Value"]);
    expect(sheet("Case studies").getRow(1).values).toEqual([undefined, "Title", "Month", "Outcome area", "Stakeholder group", "What happened", "How this is different", "Consent given"]);
    expect((sheet("Outcomes").getRow(1).values as unknown[]).slice(-1)).toEqual(["Impact value (£)"]);
  });

  it("lays out Measures: a row per measure and breakdown, and the twelve months of the year", () => {
    const ws = sheet("Measures");
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Code", "Measure", "Breakdown", "Unit", "Kind",
      "Apr 2020", "May 2020", "Jun 2020", "Jul 2020", "Aug 2020", "Sep 2020", "Oct 2020", "Nov 2020", "Dec 2020", "Jan 2021", "Feb 2021", "Mar 2021",
    ]);
    const expectedRows = v1.measures.flatMap((m) =>
      m.breakdowns.length === 0 ? [[m.code, m.label, null]] : [[m.code, m.label, "Total"], ...m.breakdowns.map((b) => [m.code, m.label, b.label])],
    );
    const rows = expectedRows.length;
    const actual = column(ws, "A", rows).map((code, i) => [code, ws.getCell(`B${i + 2}`).value, ws.getCell(`C${i + 2}`).value]);
    expect(actual).toEqual(expectedRows);
    expect(ws.getCell(`A${rows + 2}`).value).toBeNull();
    expect(ws.getRow(2).values).toEqual([undefined, "WELFARE_CALLS", "Welfare calls made", undefined, "number", "this month only"]);
    // The codes are for the centre: kept, hidden from the officer.
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getColumn(2).hidden).toBe(false);
  });

  it("fills in the return details: organisation, code, and the year start as a date shown mmm yyyy", () => {
    const ws = sheet("Return");
    expect(column(ws, "A", 3)).toEqual(["Organisation", "Organisation code", "Reporting year start"]);
    expect(ws.getCell("B2").value).toBe("Riverside Homes");
    expect(ws.getCell("B3").value).toBe("RIV");
    expect(ws.getCell("B4").value).toEqual(new Date(Date.UTC(2020, 3, 1)));
    expect(ws.getCell("B4").numFmt).toBe("mmm yyyy");
    const details = readSnapshot(workbook).tables.find((t) => t.name === "ReturnDetails")!;
    expect(details.values[2]).toEqual(["Reporting year start", 43922]);
  });

  it("validates measure cells: whole numbers from 0, with the framework's guidance as the prompt", () => {
    const validations = dataValidationsOf(sheet("Measures")).model;
    const welfare = v1.measures.find((m) => m.code === "WELFARE_CALLS")!;
    for (const cell of ["F2", "Q2"]) {
      expect(validations[cell]).toMatchObject({
        type: "whole",
        operator: "between",
        formulae: [0, welfare.maximum],
        allowBlank: true,
        showInputMessage: true,
        promptTitle: welfare.label,
        prompt: welfare.guidance,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Not a valid figure",
      });
    }
    const money = v1.measures.find((m) => m.unit === "gbp")!;
    const moneyRow = 2 + v1.measures.slice(0, v1.measures.indexOf(money)).reduce((n, m) => n + 1 + m.breakdowns.length, 0);
    expect(validations[`F${moneyRow}`]).toMatchObject({ type: "decimal", formulae: [0, money.maximum], promptTitle: money.label });
    expect(sheet("Measures").getCell(`F${moneyRow}`).numFmt).toBe('"£"#,##0.00');
    expect(sheet("Measures").getCell("F2").numFmt).toBe("#,##0");
    expect(validations.A2).toBeUndefined(); // key columns are locked, not validated
  });

  it("gives dropdowns for stakeholder group, outcome area, month and consent, and 0-100% for percentages", () => {
    const outcomes = dataValidationsOf(sheet("Outcomes")).model;
    const stakeholderRows = v1.stakeholderGroups.length + 12;
    expect(outcomes.A2).toMatchObject({ type: "list", formulae: [`Stakeholders!$A$2:$A$${stakeholderRows + 1}`], promptTitle: "Stakeholder group" });
    expect(outcomes.E101).toMatchObject({ type: "list", formulae: [`Framework!$D$2:$D$${v1.outcomeAreas.length + 1}`], promptTitle: "Outcome area" });
    for (const cell of ["L2", "M50", "N2", "O101"]) {
      expect(outcomes[cell]).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1], errorTitle: "Not a percentage" });
      expect(sheet("Outcomes").getCell(cell).numFmt).toBe("0%");
    }
    expect(outcomes.P2).toBeUndefined();
    const stories = dataValidationsOf(sheet("Case studies")).model;
    expect(stories.G2).toMatchObject({ type: "list", formulae: ['"Yes,No"'], promptTitle: "Consent given" });
    expect(stories.B51).toMatchObject({ type: "list", formulae: ["Framework!$F$2:$F$13"] });
    expect(stories.D2).toMatchObject({ type: "list", formulae: [`Stakeholders!$A$2:$A$${stakeholderRows + 1}`] });
    const framework = sheet("Framework");
    expect(column(framework, "D", v1.outcomeAreas.length)).toEqual(v1.outcomeAreas.map((a) => a.name));
    // The months are dates (each month's first day) shown "mmm yyyy": the Month dropdowns offer them as "Apr 2020".
    expect(column(framework, "F", 12)).toEqual(Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2020, 3 + i, 1))));
    expect(framework.getCell("F2").numFmt).toBe("mmm yyyy");
  });

  it("protects the sheets with no password, entry cells unlocked, headers and key columns locked", () => {
    for (const name of ["Return", "Measures", "Stakeholders", "Outcomes", "Case studies", "Framework"]) {
      expect(protectionOf(sheet(name))).toEqual({ sheet: true, formatColumns: true, formatRows: true, autoFilter: true });
    }
    const locked = (ws: string, cell: string) => sheet(ws).getCell(cell).protection?.locked !== false; // Excel locks by default
    const lastMeasureRow = 1 + v1.measures.reduce((n, m) => n + 1 + m.breakdowns.length, 0);
    expect(locked("Measures", "A1")).toBe(true);
    expect(locked("Measures", "F1")).toBe(true);
    expect(locked("Measures", "A2")).toBe(true);
    expect(locked("Measures", `E${lastMeasureRow}`)).toBe(true);
    expect(locked("Measures", "F2")).toBe(false);
    expect(locked("Measures", `Q${lastMeasureRow}`)).toBe(false);
    expect(locked("Return", "A2")).toBe(true);
    expect(locked("Return", "B2")).toBe(false); // organisation: typed
    expect(locked("Return", "B4")).toBe(true); // year start: set by the tool
    expect(locked("Outcomes", "A2")).toBe(false);
    expect(locked("Outcomes", "P2")).toBe(true); // impact value: a formula
    expect(locked("Case studies", "G51")).toBe(false);
  });

  it("freezes the header row and the key columns", () => {
    expect(sheet("Measures").views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 1, topLeftCell: "D2" });
    for (const name of ["Return", "Stakeholders", "Outcomes", "Case studies"]) {
      expect(sheet(name).views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    }
  });

  it("works out the impact value by formula", () => {
    expect(sheet("Outcomes").getCell("P2").formula).toMatch(/^IF\(OR\(H2="",J2=""\),"",H2\*J2\*/);
    expect(sheet("Outcomes").getCell("P101").formula).toContain("H101");
  });

  it("records the framework and layout on the hidden Framework sheet", () => {
    const ws = sheet("Framework");
    expect([1, 2, 3, 4, 5, 6].map((r) => [ws.getCell(`A${r}`).value, ws.getCell(`B${r}`).value])).toEqual([
      ["Key", "Value"],
      ["Framework id", "community-investment-monthly"],
      ["Framework version", 1],
      ["Framework title", v1.title],
      ["Layout version", LAYOUT_VERSION],
      ["Written by", `Impact Returns ${TOOL_VERSION}`],
    ]);
    expect(ws.getCell("H1").value).toBe("Framework definition (JSON)");
    expect(JSON.parse(String(ws.getCell("H2").value))).toEqual(v1);
  });

  it("reads back through the .xlsx gateway as a set-up return that Set up would leave as it is", () => {
    const snapshot = readSnapshot(workbook);
    expect(snapshot.sheets.map((s) => [s.name, s.tables])).toEqual([
      ["Return", ["ReturnDetails"]],
      ["Measures", ["Measures"]],
      ["Stakeholders", ["Stakeholders"]],
      ["Outcomes", ["ImpactMap"]],
      ["Case studies", ["CaseStudies"]],
      ["Reflections", ["Reflections"]],
      ["Checks", ["Checks"]],
      ["Framework", ["FrameworkInfo"]],
    ]);
    expect(snapshot.tables.every((t) => t.fromSheet === undefined && t.row === 0 && t.column === 0)).toBe(true);
    expect(JSON.parse(snapshot.frameworkDefinition!)).toEqual(v1);
    expect(readExistingReturn(snapshot)).toEqual({
      frameworkId: v1.id,
      frameworkTitle: v1.title,
      frameworkVersion: 1,
      layoutVersion: LAYOUT_VERSION,
      organisation: "Riverside Homes",
      organisationCode: "RIV",
      yearStart: { year: 2020, month: 4 },
    });
    const again = planSetup(snapshot, v1, {}, { year: 2020, month: 4 });
    expect(again.blockers).toEqual([]);
    expect(again.changes.every((c) => c.action === "keep")).toBe(true);
  });
});

describe("impact-returns template options", () => {
  it("defaults to the current reporting year and the built-in framework", async () => {
    const out = join(dir, "default.xlsx");
    const result = runCli(["template", "--out", out]);
    expect(result.status).toBe(0);
    const wb = await new Workbook().xlsx.readFile(out);
    const start = defaultYearStart(new Date());
    expect(wb.getWorksheet("Measures")!.getCell("F1").value).toBe(monthLabel(start));
    expect(wb.getWorksheet("Framework")!.getCell("B2").value).toBe("community-investment-monthly");
    expect(wb.getWorksheet("Return")!.getCell("B2").value).toBeNull();
    expect(result.stdout).not.toContain("Organisation:");
  });

  it("takes a framework from a JSON file, and a relative --out from the current folder", async () => {
    const result = runCli(["template", "--framework", join(__dirname, "..", "fixtures", "frameworks", "small.json"), "--year-start", "2023-1", "--out", "small.xlsx"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Wrote small.xlsx");
    expect(result.stdout).toContain("(small-test, version 1)");
    const wb = await new Workbook().xlsx.readFile(join(dir, "small.xlsx"));
    expect(wb.getWorksheet("Framework")!.getCell("B2").value).toBe("small-test");
    expect(tablesOf(wb.getWorksheet("Measures")!)[0]!.tableRef).toBe("A1:Q2");
    expect(wb.getWorksheet("Measures")!.getCell("F1").value).toBe("Jan 2023");
  });

  it("keeps an organisation code as text, leading zero and all", async () => {
    const out = join(dir, "code.xlsx");
    expect(runCli(["template", "--code", "0123", "--organisation", "  Northside  ", "--out", out]).status).toBe(0);
    const ws = (await new Workbook().xlsx.readFile(out)).getWorksheet("Return")!;
    expect(ws.getCell("B3").value).toBe("0123");
    expect(ws.getCell("B3").numFmt).toBe("@");
    expect(ws.getCell("B2").value).toBe("Northside");
  });

  it("replaces an existing file with --force", async () => {
    const out = join(dir, "again.xlsx");
    expect(runCli(["template", "--out", out, "--year-start", "2021-04"]).status).toBe(0);
    const result = runCli(["template", "--out", out, "--year-start", "2022-04", "--force"]);
    expect(result.status).toBe(0);
    const wb = await new Workbook().xlsx.readFile(out);
    expect(wb.getWorksheet("Measures")!.getCell("F1").value).toBe("Apr 2022");
  });

  it("sets every printed sheet to A4 landscape, one page wide, header row repeated, with header and footer", () => {
    for (const name of ["Return", "Measures", "Stakeholders", "Outcomes", "Case studies", "Checks"]) {
      const ws = sheet(name);
      expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
      expect(ws.headerFooter.oddHeader).toBe(`&LRiverside Homes&C${name}&RApr 2020 to Mar 2021`);
      expect(ws.headerFooter.oddFooter).toBe(`&L${v1.title}&RPage &P of &N`);
    }
  });
});

describe("impact-returns template --centre-email", () => {
  it("keeps the centre's address on the Return sheet, where Check reads it for the message after sign-off", async () => {
    const out = join(dir, "centre.xlsx");
    const result = runCli(["template", "--year-start", "2026-04", "--code", "RH01", "--centre-email", "returns@centre.example", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    const ret = wb.getWorksheet("Return")!;
    expect([ret.getCell("A11").value, ret.getCell("B11").value]).toEqual(["Centre email", "returns@centre.example"]);
    expect(dataValidationsOf(ret).model.B11).toMatchObject({ type: "custom", promptTitle: "Centre email" });
  });

  it("refuses an address that is not one email address, in one sentence, writing nothing", () => {
    const out = join(dir, "bad-centre.xlsx");
    const result = runCli(["template", "--centre-email", "returns@centre.example\nBcc: all@example.org", "--out", out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--centre-email must be one email address, e.g. returns@centre.example (got 'returns@centre.example Bcc: all@example.org')");
    expect(existsSync(out)).toBe(false);
  });
});
