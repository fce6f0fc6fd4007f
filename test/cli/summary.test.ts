/**
 * `impact-returns summary` on real files: a template made by the CLI, filled as an officer fills it
 * (April to July, breakdowns, a gap month, a corrected figure, one bad cell), summarised by the
 * compiled CLI. The key figures are checked against arithmetic done here on the cells typed, the
 * summary workbook is read back, and LibreOffice recalculates its formulas (no cached results),
 * draws its charts and prints its Board summary. Needs `npm run build:cli` and LibreOffice.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook, type CellValue as ExcelCellValue } from "exceljs";
import JSZip from "jszip";
import { analyseReturn } from "../../src/core/checks";
import { findBuiltinFramework } from "../../src/core/framework";
import { columnLetter, parseRange } from "../../src/core/layout/a1";
import { KEY_FIGURES_HEADERS, SUMMARY_TABLE } from "../../src/core/layout/summary-contract";
import { measureRows } from "../../src/core/setup/measure-rows";
import { keyFigureValues, planSummary, summariseReturn, type SummaryPlan } from "../../src/core/summary";
import type { WorkbookOperation } from "../../src/core/workbook/types";
import { tablesOf } from "../../src/xlsx/exceljs-adapter";
import { readWorkbookFile } from "../../src/xlsx/files";
import { readSnapshot } from "../../src/xlsx/read";
import { summaryWorkbookBytes } from "../../src/xlsx/summary";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { cleanEdits, fillReturn, withEdits, writeTemplate, type Edits } from "../support/fill-return";
import { convertWithLibreOffice, sofficePath } from "../support/libreoffice";

const SLOW = 300_000;
const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const ROWS = measureRows(v1);
/** Measures sheet: row of a measure row, and the month columns F (Apr 2020) to I (Jul 2020). */
const rowOf = (code: string, breakdown = "") => ROWS.findIndex((r) => r.code === code && r.breakdown === breakdown) + 2;
const MONTH_COLUMNS = ["F", "G", "H", "I"];
const MONTH_ISO = ["2020-04", "2020-05", "2020-06", "2020-07"];

let dir: string;
let cleanUp: () => void;
let returnFile: string;
let measures: Record<string, ExcelCellValue>;

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanUp } = tempDir("summary"));
  returnFile = join(dir, "riverside.xlsx");
  writeTemplate(returnFile);
  const overrides: Edits = {
    Measures: {
      // A gap month in a stock: Apr 400, May blank, Jun 380, Jul blank.
      [`F${rowOf("VULNERABLE_RESIDENTS")}`]: 400,
      [`G${rowOf("VULNERABLE_RESIDENTS")}`]: null,
      [`H${rowOf("VULNERABLE_RESIDENTS")}`]: 380,
      [`I${rowOf("VULNERABLE_RESIDENTS")}`]: null,
      // A typo, corrected below in a second save.
      [`H${rowOf("WELFARE_CALLS")}`]: 1380,
      // Zero is a figure.
      [`G${rowOf("ADVICE_SUPPORTED", "Other advice")}`]: 0,
      // One bad cell.
      [`I${rowOf("FOOD_INTERVENTIONS", "Food parcels")}`]: "lots",
      // Same as the month before.
      [`H${rowOf("COMMUNITY_STAFF")}`]: 418,
    },
    "Case studies": { A4: "Not for sharing", B4: "Jul 2020", C4: "Poverty", D4: "Families with children", E4: "A story.", F4: "Different.", G4: "No" },
  };
  const edits = withEdits(cleanEdits(), overrides);
  await fillReturn(returnFile, edits);
  const correction: Edits = { Measures: { [`H${rowOf("WELFARE_CALLS")}`]: 138 } };
  await fillReturn(returnFile, correction);
  measures = withEdits(edits, correction).Measures!;
}, SLOW);
afterAll(() => cleanUp?.());

interface Expected {
  code: string;
  breakdown: string;
  kind: string;
  monthsReported: number;
  yearToDate: number | null;
  latestMonth: string | null;
  latestValue: number | null;
  previousMonth: string | null;
  previousValue: number | null;
  change: number | null;
  direction: string | null;
  monthlyAverage: number | null;
  excluded: number;
}

/** The key figures worked out here from the cells typed, without the code under test. */
function expectedFigures(): Expected[] {
  return ROWS.map((r, i) => {
    const figures: { month: string; value: number }[] = [];
    let excluded = 0;
    MONTH_COLUMNS.forEach((col, m) => {
      const v = measures[`${col}${i + 2}`];
      if (v === null || v === undefined) return;
      if (typeof v === "number") figures.push({ month: MONTH_ISO[m]!, value: v });
      else excluded++;
    });
    const flow = r.kind === "flow";
    const n = figures.length;
    let total = 0;
    for (const f of figures) total += f.value;
    const latest = figures[n - 1];
    const previous = n >= 2 ? figures[n - 2] : undefined;
    const change = latest && previous ? latest.value - previous.value : null;
    return {
      code: r.code,
      breakdown: r.breakdown,
      kind: r.kind,
      monthsReported: n,
      yearToDate: flow && n > 0 ? total : null,
      latestMonth: latest?.month ?? null,
      latestValue: latest?.value ?? null,
      previousMonth: previous?.month ?? null,
      previousValue: previous?.value ?? null,
      change,
      direction: flow || change === null ? null : change > 0 ? "Higher" : change < 0 ? "Lower" : "Same",
      monthlyAverage: flow && n > 0 ? total / n : null,
      excluded,
    };
  });
}

const decode = (xml: string) =>
  xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, "&");

/** The cells of a workbook's sheet at `position` (1-based, checked to be `name`) as stored: numbers, strings, null. */
async function sheetCells(file: string, name: string, position: number): Promise<Map<string, string | number | boolean | null>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  expect(decode([...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)][position - 1]![1]!)).toBe(name);
  const sharedXml = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decode([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")));
  const sheet = await zip.file(`xl/worksheets/sheet${position}.xml`)!.async("string");
  const cells = new Map<string, string | number | boolean | null>();
  for (const m of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const type = /\bt="(\w+)"/.exec(m[2]!)?.[1] ?? "n";
    const body = m[3] ?? "";
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
    let value: string | number | boolean | null = null;
    if (type === "s") value = shared[Number(v)]!;
    else if (type === "str" || type === "e") value = decode(v ?? "");
    else if (type === "inlineStr") value = decode(inline ?? "");
    else if (type === "b") value = v === "1";
    else if (v !== undefined) value = Number(v);
    cells.set(m[1]!, value);
  }
  return cells;
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("impact-returns summary", () => {
  let out: string;
  let json: {
    monthsCovered: string[];
    excludedFigures: number;
    keyFigures: (Expected & { measure: string; unit: string })[];
    socialValue: { total: number; outcomes: number; excluded: number };
    stories: { listed: number; withoutConsent: number };
  };
  let before: string;

  beforeAll(() => {
    before = sha(returnFile);
    out = join(dir, "board.xlsx");
    const result = runCli(["summary", returnFile, "--out", out, "--json"]);
    if (result.status !== 0) throw new Error(`summary failed (${String(result.status)}): ${result.stderr}`);
    json = JSON.parse(result.stdout) as typeof json;
  });

  it("gives the key figures worked out from the cells typed", () => {
    const expected = expectedFigures();
    expect(json.keyFigures).toHaveLength(expected.length);
    json.keyFigures.forEach((k, i) => {
      const e = expected[i]!;
      const { measure: _m, unit: _u, warned: _w, ...rest } = k as typeof k & { warned: number };
      expect({ ...rest, monthlyAverage: null }).toEqual({ ...e, monthlyAverage: null });
      if (e.monthlyAverage === null) expect(k.monthlyAverage).toBeNull();
      else expect(k.monthlyAverage).toBeCloseTo(e.monthlyAverage, 9);
    });
    expect(json.monthsCovered).toEqual(MONTH_ISO);
    expect(json.excludedFigures).toBe(1);
  });

  it("the cases the return was filled to show", () => {
    const find = (code: string, breakdown = "") => json.keyFigures.find((k) => k.code === code && k.breakdown === breakdown)!;
    // Welfare calls: 120, 126, 138 (corrected from 1,380), 138.
    expect([find("WELFARE_CALLS").yearToDate, find("WELFARE_CALLS").latestValue, find("WELFARE_CALLS").change]).toEqual([522, 138, 0]);
    // Vulnerable residents: Apr 400, May blank, Jun 380.
    expect(find("VULNERABLE_RESIDENTS")).toMatchObject({ latestMonth: "2020-06", previousMonth: "2020-04", change: -20, direction: "Lower", yearToDate: null, monthlyAverage: null });
    // Staff: 400, 406, 418, 418.
    expect(find("COMMUNITY_STAFF")).toMatchObject({ latestValue: 418, previousValue: 418, direction: "Same" });
    // Food parcels: 120, 126, 132 and "lots".
    expect(find("FOOD_INTERVENTIONS", "Food parcels")).toMatchObject({ monthsReported: 3, yearToDate: 378, excluded: 1, latestMonth: "2020-06" });
    // Other advice: 120, 0, 132, 138.
    expect(find("ADVICE_SUPPORTED", "Other advice")).toMatchObject({ monthsReported: 4, yearToDate: 390 });
    // Social value: 40 x £150 x 0.8 x 0.9 = £4,320, and 25 x £60 x 0.75 = £1,125.
    expect(json.socialValue.total).toBeCloseTo(5445, 6);
    expect([json.socialValue.outcomes, json.socialValue.excluded]).toEqual([2, 0]);
    expect(json.stories).toEqual({ listed: 2, withoutConsent: 1 });
  });

  it("writes the Board summary, Key figures, Summary charts and Summary data sheets with their tables and formulas", async () => {
    const workbook = await readWorkbookFile(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["Board summary", "Key figures", "Summary charts", "Summary data"]);
    const snapshot = readSnapshot(workbook);
    const tables = snapshot.sheets.flatMap((s) => s.tables);
    for (const name of ["KeyFigures", "SocialValue", "Stories", "SummaryData"]) expect(tables).toContain(name);
    expect(snapshot.sheets.find((s) => s.name === "Board summary")!.tables).toEqual(expect.arrayContaining(["FlowFigures", "StockFigures", "SocialValue", "Stories"]));
    expect(snapshot.sheets.find((s) => s.name === "Key figures")!.tables).toEqual(["KeyFigures"]);
    expect(snapshot.sheets.find((s) => s.name === "Summary data")!.tables).toContain("SummaryData");

    const board = workbook.getWorksheet("Key figures")!;
    const keyFigures = tablesOf(board).find((t) => t.name === "KeyFigures")!;
    const range = parseRange((keyFigures.ref ?? keyFigures.tableRef)!);
    expect(range.rowCount - 1).toBe(ROWS.length);
    const monthsColumn = columnLetter(KEY_FIGURES_HEADERS.indexOf("Months reported"));
    const latestColumn = columnLetter(KEY_FIGURES_HEADERS.indexOf("Latest value"));
    for (let r = range.row + 2; r <= range.row + range.rowCount; r++) {
      expect(board.getCell(`${monthsColumn}${r}`).formula).toMatch(/^SUMPRODUCT\(/);
      expect(board.getCell(`${latestColumn}${r}`).formula).toBeTruthy();
    }
  });

  it("leaves the return's bytes unchanged", () => {
    expect(sha(returnFile)).toBe(before);
  });
});

describe("refusals", () => {
  it("exits 2 with one line for a workbook that is not a return", async () => {
    const plain = join(dir, "plain.xlsx");
    const workbook = new Workbook();
    workbook.addWorksheet("Notes").getCell("A1").value = "Shopping list";
    writeFileSync(plain, Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = runCli(["summary", plain, "--out", join(dir, "plain-summary.xlsx")]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^impact-returns summary: '.*plain\.xlsx' is not an Impact Returns workbook: it has no Measures or ReturnDetails table\. Check it is the return you meant; a new return is made with 'impact-returns template' or the add-in's Set up tab\.\n$/);
    expect(result.stdout).toBe("");
  });

  it("exits 2 with one line for a missing file", () => {
    const result = runCli(["summary", join(dir, "nowhere.xlsx"), "--out", join(dir, "nowhere-summary.xlsx")]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/nowhere\.xlsx/);
  });
});

describe("in LibreOffice (no cached results: it calculates)", () => {
  let plan: SummaryPlan;
  let file: string;
  let expectedRows: unknown[][];

  beforeAll(async () => {
    sofficePath();
    const { data, framework, result } = analyseReturn(readSnapshot(await readWorkbookFile(returnFile)));
    const summary = summariseReturn({ data, framework: framework!, result }, { year: 2020, month: 4 });
    plan = planSummary(summary, { builtAt: new Date(), formulas: true, pivots: false });
    expectedRows = summary.measures.map((m) => keyFigureValues(m, undefined));
    file = join(dir, "uncached.xlsx");
    writeFileSync(file, await summaryWorkbookBytes(plan, { title: "Board summary", cacheResults: false }));
  }, SLOW);

  it(
    "recalculates every KeyFigures row to the core's figures",
    async () => {
      // No cached results in our file: the figures can only come from LibreOffice's calculation.
      const op = plan.operations.find((o): o is Extract<WorkbookOperation, { kind: "addTable" }> => o.kind === "addTable" && o.table === SUMMARY_TABLE.keyFigures)!;
      const range = parseRange(op.address);
      const ours = await sheetCells(file, "Key figures", 2);
      for (let i = 0; i < expectedRows.length; i++) expect(ours.get(`${columnLetter(KEY_FIGURES_HEADERS.indexOf("Months reported"))}${range.row + 2 + i}`) ?? null).toBeNull();

      // Read LibreOffice's cached results from the XML itself: exceljs drops a cached result of 0.
      const board = await sheetCells(convertWithLibreOffice(file, "xlsx", join(dir, "lo-xlsx"), dir), "Key figures", 2);
      const norm = (v: unknown): unknown => (v === undefined || v === "" ? null : v);
      expectedRows.forEach((expected, i) => {
        const got = KEY_FIGURES_HEADERS.map((_, c) => norm(board.get(`${columnLetter(c)}${range.row + 2 + i}`)));
        expected.forEach((e, c) => {
          const where = `${String(expected[0])}|${String(expected[2])} ${KEY_FIGURES_HEADERS[c]}`;
          if (typeof e === "number") expect([where, got[c]]).toEqual([where, expect.closeTo(e, 6)]);
          else expect([where, got[c]]).toEqual([where, e]);
        });
      });
    },
    SLOW,
  );

  it(
    "parses every chart (one Object folder per chart in the .ods)",
    async () => {
      const ods = convertWithLibreOffice(file, "ods", join(dir, "lo-ods"), dir);
      const zip = await JSZip.loadAsync(readFileSync(ods));
      const objects = new Set(Object.keys(zip.files).map((n) => /^(Object \d+)\//.exec(n)?.[1]).filter((n): n is string => n !== undefined));
      expect(plan.charts).toHaveLength(7);
      expect(objects.size).toBe(plan.charts.length);
    },
    SLOW,
  );

  it(
    "prints the Board summary on at most 2 pages",
    () => {
      const pdf = convertWithLibreOffice(file, "pdf", join(dir, "lo-pdf"), dir);
      const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
      const total = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
      const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout;
      const pages = text.split("\f").filter((p) => p.trim() !== "");
      expect(pages).toHaveLength(total);
      // The page header's centre names the sheet.
      const boardPages = pages.filter((p) => /^.*\S\s{3,}Board summary\s{3,}\S/m.test(p));
      expect(boardPages.length).toBeGreaterThanOrEqual(1);
      expect(boardPages.length).toBeLessThanOrEqual(2);
      // The header's centre names each sheet: every page belongs to one of the four.
      expect(pages.every((p) => /Board summary|Key figures|Summary charts|Summary data/.test(p))).toBe(true);
    },
    SLOW,
  );
});
