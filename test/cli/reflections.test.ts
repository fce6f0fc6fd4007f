/**
 * Reflections (layout 1.2) through the command line, on real .xlsx files written and read back:
 * the template's Reflections sheet (the framework's prompts for each month, its validation), Check
 * (a share flag other than Yes or No, a reflection longer than a cell holds), the Board summary
 * (latest month first, blank ones left out) and Collate (only reflections marked Yes reach the
 * sector workbook, as text; none reach the bulletin or any feedback workbook).
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import type { Workbook, Worksheet } from "exceljs";
import { parseRange } from "../../src/core/layout/a1";
import { STANDARD_REFLECTION_PROMPTS } from "../../src/core/framework";
import { dataValidationsOf, tablesOf } from "../../src/xlsx/exceljs-adapter";
import { readWorkbookFile } from "../../src/xlsx/files";
import { cleanEdits, fillReturn, withEdits, writeTemplate, type Edits } from "../support/fill-return";
import { makeReturn, makeTemplate } from "../support/returns";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { convertWithLibreOffice, isA4Landscape, pageTexts, pdfPages } from "../support/libreoffice";

const { dir, cleanUp } = tempDir("reflections");
beforeAll(requireBuiltCli);
afterAll(cleanUp);

const PROMPTS = STANDARD_REFLECTION_PROMPTS;
/** Sheet row of a month's prompt as Set up offers them: four prompts a month from row 2. */
const rowOf = (slot: number, prompt: number) => 2 + slot * PROMPTS.length + prompt;
const FIRST_BLANK_ROW = rowOf(12, 0);

const SHARED_JUNE = "We learnt that a weekly call matters more than a long one, and that residents who were called every week told us about problems with their homes much earlier than before.";
const SHARED_FORMULA = "=SUM(A1:A2) is what one resident wrote on the survey";
const SHARED_OWN = "Our own question, answered and shared.";
const UNSHARED_NO = "UNSHARED-NO: staff are stretched and the rota is failing";
const UNSHARED_BLANK = "UNSHARED-BLANK: a complaint we are still looking into";

/** Reflections as an officer types them: two months, shared and not, one row of their own below the prompts. */
function reflectionEdits(): Edits {
  return {
    Reflections: {
      [`C${rowOf(2, 0)}`]: SHARED_JUNE,
      [`D${rowOf(2, 0)}`]: "Yes",
      [`C${rowOf(2, 1)}`]: UNSHARED_NO,
      [`C${rowOf(2, 3)}`]: UNSHARED_BLANK,
      [`D${rowOf(2, 3)}`]: null,
      [`C${rowOf(3, 2)}`]: SHARED_FORMULA,
      [`D${rowOf(3, 2)}`]: "yes ",
      [`A${FIRST_BLANK_ROW}`]: "Jul 2020",
      [`B${FIRST_BLANK_ROW}`]: "What surprised us?",
      [`C${FIRST_BLANK_ROW}`]: SHARED_OWN,
      [`D${FIRST_BLANK_ROW}`]: "Yes",
    },
  };
}

function sheet(workbook: Workbook, name: string): Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** A table's body rows, read by its range (exceljs does not fill in a loaded table's rows). */
function tableRows(workbook: Workbook, name: string): unknown[][] {
  for (const ws of workbook.worksheets) {
    const table = tablesOf(ws).find((t) => t.name === name);
    if (!table) continue;
    // 0-based row and column of the table's top-left cell.
    const range = parseRange(table.tableRef ?? "");
    const rows: unknown[][] = [];
    for (let r = 1; r < range.rowCount; r++) {
      rows.push(Array.from({ length: range.columnCount }, (_, c) => ws.getRow(range.row + 1 + r).getCell(range.column + 1 + c).value));
    }
    return rows;
  }
  throw new Error(`no table ${name}`);
}

/** Every text part of an .xlsx (sheets, shared strings, properties), unzipped. */
function xmlText(file: string): string {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.values(parts).map((bytes) => strFromU8(bytes)).join("\n");
}

describe("the template's Reflections sheet", () => {
  let workbook: Workbook;
  beforeAll(async () => {
    const file = join(dir, "template.xlsx");
    writeTemplate(file);
    workbook = await readWorkbookFile(file);
  });

  it("comes after Case studies, with the Reflections table and its four columns", () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["Return", "Measures", "Stakeholders", "Outcomes", "Case studies", "Reflections", "Checks", "Framework"]);
    const table = tablesOf(sheet(workbook, "Reflections")).find((t) => t.name === "Reflections");
    expect(table?.tableRef).toBe(`A1:D${FIRST_BLANK_ROW - 1 + 20}`);
    expect([1, 2, 3, 4].map((c) => sheet(workbook, "Reflections").getCell(1, c).value)).toEqual(["Month", "Prompt", "Reflection", "Share with the centre"]);
  });

  it("offers each of the framework's prompts for each month of the year, Reflection blank and Share No, then blank rows", () => {
    const rows = tableRows(workbook, "Reflections");
    // Each month a date, its first day (exceljs reads date-formatted cells as Dates), shown "mmm yyyy".
    const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2020, 3 + i, 1)));
    expect(rows.slice(0, 48)).toEqual(months.flatMap((m) => PROMPTS.map((p) => [m, p, null, "No"])));
    expect(rows.slice(48)).toEqual(Array.from({ length: 20 }, () => [null, null, null, null]));
    expect(PROMPTS).toEqual(["What have we learnt?", "What have we changed that we would keep?", "What could we improve?", "What are residents telling us?"]);
  });

  it("validates Month from the year's months and Share with the centre as Yes or No; entry cells unlocked, text wrapped", () => {
    const ws = sheet(workbook, "Reflections");
    const rules = dataValidationsOf(ws).model;
    const last = FIRST_BLANK_ROW - 1 + 20;
    for (const row of [2, last]) {
      expect(rules[`A${row}`]).toMatchObject({ type: "list", formulae: ["Framework!$F$2:$F$13"], promptTitle: "Month" });
      expect(rules[`D${row}`]).toMatchObject({ type: "list", formulae: ['"Yes,No"'], promptTitle: "Share with the centre" });
    }
    expect(rules.C2).toBeUndefined();
    expect(ws.getCell("C2").protection?.locked).toBe(false);
    expect(ws.getCell("C2").alignment?.wrapText).toBe(true);
    expect(ws.getCell("A1").protection?.locked).not.toBe(false);
  });
});

describe("check, summary and collate of reflections", () => {
  let template: string;
  let filled: string;
  beforeAll(async () => {
    template = join(dir, "blank.xlsx");
    makeTemplate(template);
    filled = join(dir, "returns", "riverside.xlsx");
    const spec = { organisation: "Riverside Homes", code: "RH01", homes: 5200, months: 4, value: () => 120, extra: reflectionEdits() };
    mkdirSync(join(dir, "returns"), { recursive: true });
    await makeReturn(template, filled, spec);
    await makeReturn(template, join(dir, "returns", "northgate.xlsx"), { organisation: "Northgate Housing", code: "NG02", homes: 3100, months: 4, value: () => 80 });
  });

  it("Check: a share flag other than Yes or No and a reflection longer than a cell are errors; nothing else on the sheet is required", async () => {
    const clean = runCli(["check", filled, "--json", "--today", "2020-08-10"]);
    const cleanJson = JSON.parse(clean.stdout) as { issues: { sheet: string }[] };
    expect(cleanJson.issues.filter((i) => i.sheet === "Reflections")).toEqual([]);

    const bad = join(dir, "bad.xlsx");
    writeTemplate(bad);
    await fillReturn(bad, withEdits(cleanEdits(), { Reflections: { D6: "Maybe later", C7: "x".repeat(40_000), D7: "Yes" } }));
    const run = runCli(["check", bad, "--json", "--today", "2020-08-10"]);
    const json = JSON.parse(run.stdout) as { issues: { code: string; sheet: string; cell: string; severity: string; message: string }[] };
    const mine = json.issues.filter((i) => i.sheet === "Reflections");
    expect(mine.map((i) => [i.code, i.cell, i.severity])).toEqual([
      ["not-in-list", "D6", "error"],
      ["text-too-long", "C7", "error"],
    ]);
    expect(mine[0]!.message).toBe('"Maybe later" is not an answer to Share with the centre, so the reflection stays in this workbook. Choose Yes to send it to the centre with the return, or No to keep it here.');
    expect(mine[1]!.message).toContain("40,000 characters long, more than the 32,767 an Excel cell holds");
    expect(run.status).toBe(1);
  });

  it("Summary: the Board summary lists the reflections with text, latest month first, saying which are shared", async () => {
    const out = join(dir, "board.xlsx");
    const run = runCli(["summary", filled, "--out", out]);
    expect(run.stderr).toBe("");
    const json = JSON.parse(runCli(["summary", filled, "--out", join(dir, "board-json.xlsx"), "--json"]).stdout) as { reflections: unknown };
    expect(json.reflections).toEqual({ listed: 5, shared: 3, excluded: 0 });
    const workbook = await readWorkbookFile(out);
    const rows = tableRows(workbook, "BoardReflections");
    const month = (v: unknown) => (v instanceof Date ? `${v.getUTCFullYear()}-${v.getUTCMonth() + 1}` : v);
    expect(rows.map((r) => [month(r[1]), r[2], r[0], r[3]])).toEqual([
      ["2020-7", PROMPTS[2], SHARED_FORMULA, "Yes"],
      ["2020-7", "What surprised us?", SHARED_OWN, "Yes"],
      ["2020-6", PROMPTS[0], SHARED_JUNE, "Yes"],
      ["2020-6", PROMPTS[1], UNSHARED_NO, "No"],
      ["2020-6", PROMPTS[3], UNSHARED_BLANK, "No"],
    ]);
    const board = sheet(workbook, "Board summary");
    const cells: unknown[] = [];
    board.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain("5 reflections listed; 3 marked to share with the centre.");
    // Printed by LibreOffice, each wrapped reflection shows whole: its rows are as tall as its text.
    const pdf = convertWithLibreOffice(out, "pdf", join(dir, "board-pdf"), dir);
    const pages = pdfPages(readFileSync(pdf));
    expect(pages.every(isA4Landscape)).toBe(true);
    const printed = pageTexts(pdf, pages.length).join("\n");
    expect(printed).toContain("Reflections (the team's own, latest month first)");
    for (const word of SHARED_JUNE.split(" ")) expect(printed).toContain(word);
    expect(printed).toMatch(/We\s+learnt\s+that/);
    // Written as text, never as a formula.
    expect(cells.some((v) => typeof v === "object" && v !== null && "formula" in v && String((v as { formula: unknown }).formula).includes("SUM(A1:A2)"))).toBe(false);
  });

  it("Collate: only reflections marked Yes reach the sector workbook, as text; none reach the bulletin or feedback", async () => {
    const out = join(dir, "sector.xlsx");
    const bulletin = join(dir, "bulletin.xlsx");
    const feedback = join(dir, "feedback");
    const run = runCli(["collate", join(dir, "returns"), "--out", out, "--bulletin", bulletin, "--feedback", feedback, "--sector-homes", "20000", "--as-of", "2020-08-20"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);

    const workbook = await readWorkbookFile(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toContain("Reflections");
    const rows = tableRows(workbook, "SectorReflections");
    const month = (v: unknown) => (typeof v === "number" ? v : v instanceof Date ? `${v.getUTCFullYear()}-${v.getUTCMonth() + 1}` : v);
    expect(rows.map((r) => [r[0], r[1], month(r[2]), r[3], r[4]])).toEqual([
      ["RH01", "Riverside Homes", "2020-7", PROMPTS[2], SHARED_FORMULA],
      ["RH01", "Riverside Homes", "2020-7", "What surprised us?", SHARED_OWN],
      ["RH01", "Riverside Homes", "2020-6", PROMPTS[0], SHARED_JUNE],
    ]);
    expect(sheet(workbook, "Reflections").getCell("E2").value).toBe(SHARED_FORMULA);

    const files = [out, bulletin, ...readdirSync(feedback).map((f) => join(feedback, f))];
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const text = xmlText(file);
      expect(text).not.toContain("UNSHARED-NO");
      expect(text).not.toContain("UNSHARED-BLANK");
      expect(text).not.toContain("<f>SUM(A1:A2)");
      if (file !== out) {
        // What goes back to organisations carries no reflection at all.
        expect(text).not.toContain("weekly call matters");
        expect(text).not.toContain("Our own question");
      }
    }
    expect(xmlText(out)).toContain("weekly call matters");
  });
});
