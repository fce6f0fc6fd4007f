/**
 * Another spreadsheet program opens the template: LibreOffice converts it to PDF, and re-saves it
 * as .xlsx with its tables, validation, hidden sheet and stored framework intact, which the .xlsx
 * gateway then reads like our own file. Needs LibreOffice (soffice); fails, not skips, without it.
 */
import { readFileSync, statSync } from "node:fs";
import JSZip from "jszip";
import { join } from "node:path";
import { findBuiltinFramework } from "../../src/core/framework";
import { readExistingReturn } from "../../src/core/return";
import { dataValidationsOf } from "../../src/xlsx/exceljs-adapter";
import { readWorkbookFile } from "../../src/xlsx/files";
import { readSnapshot } from "../../src/xlsx/read";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { convertWithLibreOffice, pageTexts, pdfPages, sofficePath } from "../support/libreoffice";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
/**
 * LibreOffice takes a few seconds a file, but minutes to print the template while its highlight
 * rules count matches over whole columns of the Checks sheet (COUNTIFS(Checks!$C:$C,...)).
 */
const SLOW = 600_000;

let dir: string;
let cleanUp: () => void;
let template: string;

beforeAll(() => {
  sofficePath(); // fail at once, saying how to install it, when LibreOffice is missing
  requireBuiltCli();
  ({ dir, cleanUp } = tempDir("libreoffice"));
  template = join(dir, "template.xlsx");
  const result = runCli(["template", "--year-start", "2020-04", "--organisation", "Riverside Homes", "--code", "RIV", "--out", template]);
  if (result.status !== 0) throw new Error(`impact-returns template failed: ${result.stderr}`);
});
afterAll(() => cleanUp?.());

it("says how to install LibreOffice when it is missing", () => {
  const path = process.env.PATH;
  process.env.PATH = dir;
  try {
    expect(() => sofficePath()).toThrow(/install it with `sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui`/);
  } finally {
    process.env.PATH = path;
  }
});

/** Sheets as printed, in order, and the pages each takes (the built-in framework, a blank template). */
const PRINTED: [sheet: string, pages: number][] = [
  ["Return", 1],
  ["Measures", 1],
  ["Stakeholders", 1],
  ["Outcomes", 2],
  ["Case studies", 1],
  ["Reflections", 2],
  ["Checks", 1],
];
const PAGES = PRINTED.reduce((n, [, p]) => n + p, 0);

it(
  "prints to a PDF of 9 A4 landscape pages: each sheet one page wide, Measures on one page, header row, header and footer on every page",
  () => {
    const pdf = convertWithLibreOffice(template, "pdf", join(dir, "pdf"), dir);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(statSync(pdf).size).toBeGreaterThan(10_000);

    // Before: 23 US Letter portrait pages, Measures split over four, headings cut off.
    const pages = pdfPages(bytes);
    expect(pages).toHaveLength(PAGES);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(841.89, 0); // A4 landscape: 297 x 210 mm
      expect(page.height).toBeCloseTo(595.3, 0);
    }

    const texts = pageTexts(pdf, PAGES);
    let page = 0;
    for (const [sheet, count] of PRINTED) {
      for (let i = 0; i < count; i++, page++) {
        const text = texts[page]!;
        const lines = text.split("\n").filter((l) => l.trim() !== "");
        // The header: organisation, sheet, year; the footer: the framework and "Page x of y".
        expect(lines[0]).toMatch(new RegExp(`Riverside Homes\\s+${sheet}\\s+Apr 2020 to Mar 2021`));
        expect(lines.at(-1)).toMatch(new RegExp(`${v1.title}\\s+Page ${page + 1} of ${PAGES}$`));
        // The table's header row on every page, in full.
        expect(lines[1]).toMatch(/\S/);
      }
    }
    const measures = texts[1]!;
    // One page wide: the last month and the last measure are on the Measures page, every heading whole.
    for (const heading of ["Measure", "Breakdown", "Unit", "Kind", "Apr 2020", "Mar 2021"]) expect(measures).toContain(heading);
    expect(measures).toContain(v1.measures.at(-1)!.label);
    expect(measures).toContain("at the end of the month");
    expect(measures).toMatch(/Direct financial support given\s+Total\s+£\s+this month only/);
    // Codes and the framework's keys are not what officers read.
    const all = texts.join("\n");
    expect(all).not.toMatch(/WELFARE_CALLS|\bgbp\b|\bflow\b|\bstock\b|community-investment-monthly/);
    // The Outcomes sheet's header row repeats on its second page.
    for (const heading of ["Stakeholder group", "Financial proxy (£)", "Drop-off %", "Impact value (£)"]) {
      expect(texts[3]).toContain(heading);
      expect(texts[4]).toContain(heading);
    }
    // The Reflections sheet: each prompt whole on its line, the month beside it.
    expect(texts[6]).toMatch(/Apr 2020\s+What have we changed that we would keep\?\s+No/);
    expect(texts[8]).toMatch(/Severity\s+Sheet\s+Cell\s+Message\s+Explanation/);
  },
  SLOW,
);

it(
  "prints a figure as large as the framework allows without ####",
  async () => {
    const workbook = await readWorkbookFile(template);
    const ws = workbook.getWorksheet("Measures")!;
    ws.getCell("F8").value = 100_000_000; // Direct financial support given (Total): the largest allowed
    ws.getCell("Q2").value = 1_000_000;
    const filled = join(dir, "filled.xlsx");
    await workbook.xlsx.writeFile(filled);
    const pdf = convertWithLibreOffice(filled, "pdf", join(dir, "filled-pdf"), dir);
    expect(pdfPages(readFileSync(pdf))).toHaveLength(PAGES);
    const measures = pageTexts(pdf, 2)[1]!;
    expect(measures).toContain("£100,000,000.00");
    expect(measures).toContain("1,000,000");
    expect(measures).not.toContain("###");
  },
  SLOW,
);

it(
  "keeps its tables, validation, hidden sheet and framework when LibreOffice saves it as .xlsx",
  async () => {
    const resaved = convertWithLibreOffice(template, "xlsx", join(dir, "resaved"), dir);
    const workbook = await readWorkbookFile(resaved);
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

    const snapshot = readSnapshot(workbook);
    expect(snapshot.tables.map((t) => [t.name, t.sheet, t.fromSheet ?? false])).toEqual([
      ["ReturnDetails", "Return", false],
      ["Measures", "Measures", false],
      ["Stakeholders", "Stakeholders", false],
      ["ImpactMap", "Outcomes", false],
      ["CaseStudies", "Case studies", false],
      ["Reflections", "Reflections", false],
      ["Checks", "Checks", false],
      ["FrameworkInfo", "Framework", false],
    ]);
    expect(readExistingReturn(snapshot)).toMatchObject({ frameworkId: v1.id, organisation: "Riverside Homes", organisationCode: "RIV", yearStart: { year: 2020, month: 4 } });
    expect(JSON.parse(snapshot.frameworkDefinition!)).toEqual(v1);
    const measures = snapshot.tables.find((t) => t.name === "Measures")!;
    expect(measures.headers.slice(5)).toHaveLength(12);
    expect(measures.values.map((r) => r[0])[0]).toBe("WELFARE_CALLS");

    const welfare = v1.measures[0]!;
    expect(dataValidationsOf(workbook.getWorksheet("Measures")!).model.F2).toMatchObject({ type: "whole", formulae: [0, welfare.maximum], prompt: welfare.guidance });
    // LibreOffice adds a second formula ("0") to list rules: compare the first.
    const stakeholderList = dataValidationsOf(workbook.getWorksheet("Outcomes")!).model.A2;
    expect(stakeholderList).toMatchObject({ type: "list", promptTitle: "Stakeholder group" });
    expect(stakeholderList?.formulae[0]).toMatch(/^\$?Stakeholders!\$A\$2:\$A\$\d+$/);
    const consent = dataValidationsOf(workbook.getWorksheet("Case studies")!).model.G2;
    expect(consent).toMatchObject({ type: "list", promptTitle: "Consent given" });
    expect(consent?.formulae[0]).toBe('"Yes,No"');

    // Protection survives too. exceljs cannot read LibreOffice's "true"/"false" attributes
    // (it expects "1"/"0"), so look at the file: Measures protected, F2 unlocked, A1 locked.
    const zip = await JSZip.loadAsync(readFileSync(resaved));
    const measuresXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(measuresXml).toMatch(/<sheetProtection sheet="(true|1)"/);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)![1]!.match(/<xf\b[^>]*?(?:\/>|>.*?<\/xf>)/gs)!;
    const protectionOf = (cell: string) => {
      const style = Number(new RegExp(`<c r="${cell}" s="(\\d+)"`).exec(measuresXml)?.[1] ?? 0);
      return /<protection locked="(\w+)"/.exec(cellXfs[style]!)?.[1] ?? "true";
    };
    expect(protectionOf("F2")).toMatch(/^(false|0)$/);
    expect(protectionOf("A1")).toMatch(/^(true|1)$/);
  },
  SLOW,
);
