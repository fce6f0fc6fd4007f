/**
 * The case-study and reflection Month in the .xlsx template and in LibreOffice
 * (src/core/sheets/case-studies.ts, monthColumn): the template's Month cells are dates formatted
 * "mmm yyyy" with a list of the year's month-start dates, and LibreOffice keeps both when it
 * re-saves the file; LibreOffice's en-GB input reads "Aug 2020", "August 2020" and "01/08/2020"
 * as 1 August 2020 - the list's own item - so a month typed there is in the list.
 * Needs LibreOffice (soffice); fails, not skips, without it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { excelSerial } from "../../src/core/calendar";
import { dataValidationsOf } from "../../src/xlsx/exceljs-adapter";
import { readWorkbookFile } from "../../src/xlsx/files";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { convertWithLibreOffice, sofficePath } from "../support/libreoffice";

const SLOW = 300_000;
let dir: string;
let cleanUp: () => void;
let template: string;

beforeAll(() => {
  sofficePath();
  requireBuiltCli();
  ({ dir, cleanUp } = tempDir("month-libreoffice"));
  template = join(dir, "template.xlsx");
  const result = runCli(["template", "--year-start", "2020-04", "--organisation", "Riverside Homes", "--code", "RIV", "--out", template]);
  if (result.status !== 0) throw new Error(`impact-returns template failed: ${result.stderr}`);
});
afterAll(() => cleanUp?.());

const MONTH_STARTS = Array.from({ length: 12 }, (_, i) => excelSerial(2020 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1, 1));

/** A cell's value as a serial (exceljs gives date-formatted numbers as Dates). */
function serialOf(value: unknown): unknown {
  return value instanceof Date ? Math.round(value.getTime() / 86_400_000 + 25569) : value;
}

async function expectMonthRule(file: string): Promise<void> {
  const workbook = await readWorkbookFile(file);
  for (const [sheet, cell] of [["Case studies", "B2"], ["Reflections", "A2"]] as const) {
    const ws = workbook.getWorksheet(sheet)!;
    expect(ws.getCell(cell).numFmt).toBe("mmm yyyy");
    const rule = dataValidationsOf(ws).model[cell];
    expect(rule).toMatchObject({ type: "list", promptTitle: "Month", errorStyle: "stop" });
    expect(rule?.formulae[0]).toMatch(/^\$?Framework!\$F\$2:\$F\$13$/);
  }
  const framework = workbook.getWorksheet("Framework")!;
  const list = MONTH_STARTS.map((_, i) => framework.getCell(`F${i + 2}`));
  expect(list.map((c) => serialOf(c.value))).toEqual(MONTH_STARTS);
  expect(new Set(list.map((c) => c.numFmt))).toEqual(new Set(["mmm yyyy"]));
}

it("writes the Month as a date formatted mmm yyyy, listed from the year's month-start dates", async () => {
  await expectMonthRule(template);
});

it(
  "keeps the rule and the list's dates when LibreOffice re-saves the template",
  async () => {
    await expectMonthRule(convertWithLibreOffice(template, "xlsx", join(dir, "resaved"), dir));
  },
  SLOW,
);

it(
  "reads a month typed in LibreOffice's en-GB way as the list's date",
  async () => {
    // LibreOffice's input scanner is the one typing goes through; a CSV import in en-GB (locale 2057) runs it on each line.
    const csv = join(dir, "typed.csv");
    writeFileSync(csv, "Aug 2020\nAugust 2020\n01/08/2020\nSummer\n");
    const out = join(dir, "typed");
    const file = convertWithLibreOffice(csv, "xlsx", out, dir, ["--infilter=CSV:44,34,76,1,,2057"]);
    const ws = (await readWorkbookFile(file)).worksheets[0]!;
    const aug = MONTH_STARTS[4]!;
    expect(["A1", "A2", "A3", "A4"].map((a) => serialOf(ws.getCell(a).value))).toEqual([aug, aug, aug, "Summer"]);
  },
  SLOW,
);
