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
import { convertWithLibreOffice, sofficePath } from "../support/libreoffice";

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

it(
  "opens in LibreOffice and prints to a PDF",
  () => {
    const pdf = convertWithLibreOffice(template, "pdf", join(dir, "pdf"), dir);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
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
