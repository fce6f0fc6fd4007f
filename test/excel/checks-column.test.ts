/**
 * The Checks sheet readable without its hidden Code column: Check writes a `Check` column (the
 * catalogue's title for each row's code) as the last column, so no column the highlights find by
 * letter moves; a list written by an earlier version is upgraded in place (explanations kept, the
 * old columns' widths kept, the new column given its width); and the list survives the preview's
 * .xlsx download, read back by exceljs and by the command line's check, which finds the
 * explanation by header.
 */
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { Workbook } from "exceljs";
import { catalogueEntry } from "../../src/core/checks/catalogue";
import { findBuiltinFramework } from "../../src/core/framework";
import { columnWidthPoints, printScale } from "../../src/core/layout/print";
import { measureRows } from "../../src/core/setup/measure-rows";
import { CHECK_TITLE_HEADER, CHECKS_COLUMN_WIDTHS, CHECKS_HEADERS } from "../../src/core/sheets/checks";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { toExcelJsWorkbook } from "../../src/preview/export-xlsx";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";

jest.setTimeout(60_000);

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const JULY_10 = () => new Date(2020, 6, 10);
const EXPLANATION = "Pasted from the finance report; the figure is right.";

/** A return for April to June with one number stored as text (a warning) in Measures!H2. */
async function returnWithAWarning() {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host, { today: JULY_10 });
  await gateway.setUp(v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, { year: 2020, month: 4 });
  await host.userEdit("Return", "B5:B7", [[5200], ["Sam Jones"], ["sam.jones@riverside.example.org"]]);
  const figures = measureRows(v1).map((row) => {
    const one = (m: number) => (row.kind === "stock" ? 400 : 120) + m * 6;
    return row.breakdown === "Total" ? [0, 1, 2].map((m) => one(m) * row.measure.breakdowns.length) : [0, 1, 2].map(one);
  });
  await host.userEdit("Measures", `F2:H${figures.length + 1}`, figures);
  await host.userEdit("Measures", "H2", [["'132"]]);
  return { host, gateway };
}

async function checksRange(host: MemoryExcelHost): Promise<{ values: unknown[][]; address: string }> {
  return host.run(async (context) => {
    const range = context.workbook.tables.getItem("Checks").getRange();
    range.load("values,address");
    await context.sync();
    return { values: range.values, address: range.address };
  });
}

/** Each column's width (points) and whether it is hidden, A to G of the Checks sheet. */
async function columns(host: MemoryExcelHost): Promise<{ width: number; hidden: boolean }[]> {
  return host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Checks");
    const cols = ["A", "B", "C", "D", "E", "F", "G"].map((letter) => {
      const range = ws.getRange(`${letter}:${letter}`);
      return { range: range.load("columnHidden"), format: range.format.load("columnWidth") };
    });
    await context.sync();
    return cols.map((c) => ({ width: c.format.columnWidth, hidden: c.range.columnHidden }));
  });
}

describe("the Checks sheet's Check column", () => {
  it("says what each check was in the catalogue's words, in the last column, wrapped, beside the hidden code", async () => {
    const { host, gateway } = await returnWithAWarning();
    const { result } = await gateway.check();
    const { values, address } = await checksRange(host);
    expect(values[0]).toEqual([...CHECKS_HEADERS]);
    expect(values[0]![6]).toBe(CHECK_TITLE_HEADER);
    expect(address).toBe(`Checks!A1:G${result.issues.length + 1}`);
    const row = values.find((r) => r[1] === "number-stored-as-text")!;
    expect(row[6]).toBe("Number stored as text");
    // Every row names its check, and the title is the catalogue's for that row's code.
    for (const r of values.slice(1)) expect(r[6]).toBe(catalogueEntry(String(r[1]))!.title);
    const cols = await columns(host);
    expect(cols[1]!.hidden).toBe(true);
    expect(cols[6]).toEqual({ width: columnWidthPoints(30), hidden: false });
    // Printed one A4 landscape page wide (Set up fits it to one page), at three-quarters size or more.
    expect(printScale(CHECKS_COLUMN_WIDTHS.filter((c) => !c.hidden).map((c) => c.characters), 0)).toBeGreaterThanOrEqual(75);
    expect(host.workbook.sheets.find((s) => s.name === "Checks")!.formatAt(1, 6, "wrapText")).toBe(true);
  });

  it("upgrades a list an earlier version wrote (six columns) in place: explanations kept, old widths kept, the new column sized", async () => {
    const { host, gateway } = await returnWithAWarning();
    await gateway.check();
    // The list as an earlier version left it: no Check column; the officer widened Message and typed an explanation.
    const before = await checksRange(host);
    const oldRows = before.values.slice(1).map((r) => r.slice(0, 6));
    const at = oldRows.findIndex((r) => r[1] === "number-stored-as-text");
    oldRows[at]![5] = EXPLANATION;
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Checks");
      context.workbook.tables.getItem("Checks").delete();
      ws.getRange(before.address.replace(/^Checks!/, "")).clear("Contents");
      ws.getRange(`A1:F${oldRows.length + 1}`).values = [before.values[0]!.slice(0, 6), ...oldRows] as (string | number)[][];
      ws.tables.add(`A1:F${oldRows.length + 1}`, true).name = "Checks";
      ws.getRange("E:E").format.columnWidth = 400;
      ws.getRange("G:G").format.columnWidth = 20;
      await context.sync();
    });
    const { result } = await gateway.check();
    expect(result.issues.find((i) => i.code === "number-stored-as-text")).toMatchObject({ accepted: true, explanation: EXPLANATION });
    const after = await checksRange(host);
    expect(after.values[0]).toEqual([...CHECKS_HEADERS]);
    expect(after.values.find((r) => r[1] === "number-stored-as-text")?.slice(5)).toEqual([EXPLANATION, "Number stored as text"]);
    const cols = await columns(host);
    expect(cols[4]!.width).toBe(400);
    expect(cols[6]!.width).toBe(columnWidthPoints(30));
  });
});

describe("the Checks sheet in the downloaded workbook", () => {
  beforeAll(() => requireBuiltCli());

  it("keeps the Check column and the hidden code; the command line reads the explanation by header", async () => {
    const { host, gateway } = await returnWithAWarning();
    await gateway.check();
    const { values } = await checksRange(host);
    const at = values.findIndex((r) => r[1] === "number-stored-as-text");
    await host.userEdit("Checks", `F${at + 1}`, [[EXPLANATION]]);
    await gateway.check();
    const { dir, cleanUp } = tempDir("ir-checks-column-");
    try {
      const file = join(dir, "riverside.xlsx");
      writeFileSync(file, Buffer.from(await (await toExcelJsWorkbook(host.workbook)).xlsx.writeBuffer()));
      const wb = new Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet("Checks")!;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...CHECKS_HEADERS]);
      const titled = (ws.getColumn(2).values as unknown[]).findIndex((v) => v === "number-stored-as-text");
      expect(ws.getRow(titled).getCell(7).value).toBe("Number stored as text");
      expect(ws.getRow(titled).getCell(6).value).toBe(EXPLANATION);
      expect(ws.getColumn(2).hidden).toBe(true);
      expect(ws.getColumn(7).width).toBeCloseTo(30, 0);

      const json = JSON.parse(runCli(["check", file, "--json", "--today", "2020-07-10"]).stdout) as { issues: { code: string; accepted?: boolean; explanation?: string }[] };
      expect(json.issues.find((i) => i.code === "number-stored-as-text")).toMatchObject({ accepted: true, explanation: EXPLANATION });
    } finally {
      cleanUp();
    }
  });

  it("reads back the same from a template the command line writes (Set up's Checks sheet has the Check column)", async () => {
    const { dir, cleanUp } = tempDir("ir-checks-template-");
    try {
      const file = join(dir, "template.xlsx");
      const made = runCli(["template", "--year-start", "2020-04", "--organisation", "Riverside Homes", "--code", "RH01", "--out", file]);
      expect(made.status).toBe(0);
      const wb = new Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet("Checks")!;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...CHECKS_HEADERS]);
      expect(ws.getColumn(7).width).toBeCloseTo(30, 0);
      expect(ws.getColumn(2).hidden).toBe(true);
    } finally {
      cleanUp();
    }
  });
});
