/**
 * Filling a template the way an officer (or a script such as openpyxl) fills it: open the file,
 * type into cells, save. Formulas are left without calculated values, as such programs leave them.
 */
import type { CellValue as ExcelCellValue, Workbook } from "exceljs";
import { findBuiltinFramework } from "../../src/core/framework";
import { measureRows } from "../../src/core/setup/measure-rows";
import { readWorkbookFile, writeWorkbookFile } from "../../src/xlsx/files";
import { runCli } from "./cli";

export type Edits = Record<string, Record<string, ExcelCellValue>>;

export function writeTemplate(path: string): void {
  const result = runCli(["template", "--out", path, "--organisation", "Riverside Homes", "--code", "RH01", "--year-start", "2020-04", "--force"]);
  if (result.status !== 0) throw new Error(`template failed: ${result.stderr}`);
}

/** Steady figures for April to July; breakdowns add up to their totals. */
export function cleanEdits(): Edits {
  const measures: Record<string, ExcelCellValue> = {};
  measureRows(findBuiltinFramework("community-investment-monthly", 1)!).forEach((row, i) => {
    const parts = row.measure.breakdowns.length;
    const base = row.kind === "stock" ? 400 : 120;
    ["F", "G", "H", "I"].forEach((col, m) => {
      const one = base + m * 6;
      measures[`${col}${i + 2}`] = row.breakdown === "Total" ? one * parts : one;
    });
  });
  return {
    Return: { B5: 5200, B6: "Sam Jones", B7: "sam.jones@riverside.example.org", B8: "Sam Jones" },
    Measures: measures,
    Stakeholders: { C2: 850, D2: "Fewer residents feel alone", C3: 310 },
    Outcomes: {
      A2: "Older residents", B2: "Weekly welfare calls", C2: "1,200 calls", D2: "Less isolated", E2: "Social isolation",
      F2: "Residents saying they feel less alone", G2: "Follow-up survey", H2: 40, I2: 1, J2: 150, K2: "Own survey of costs",
      L2: 0.2, M2: 0.1, N2: 0, O2: 0,
      A3: "Families with children", B3: "Holiday food club", C3: "300 meals", D3: "Children eat well in holidays", E3: "Poverty",
      H3: 25, J3: 60, L3: 0.25,
    },
    "Case studies": {
      A2: "Mrs B's weekly calls", B2: "May 2020", C2: "Social isolation", D2: "Older residents",
      E2: "A volunteer called Mrs B every week during lockdown.", F2: "Before, nobody checked on her.", G2: "Yes",
      A3: "The holiday food club", B3: new Date(Date.UTC(2020, 5, 15)), C3: "Poverty", D3: "Families with children",
      E3: "Families collected meals twice a week.", F3: "A new partnership with the school.", G3: "Yes",
    },
  };
}

export async function fillReturn(path: string, edits: Edits): Promise<void> {
  const workbook: Workbook = await readWorkbookFile(path);
  for (const [sheet, cells] of Object.entries(edits)) {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  }
  await writeWorkbookFile(path, workbook, { overwrite: true });
}

/** Deep-merges edits: later ones win, cell by cell. */
export function withEdits(base: Edits, ...more: Edits[]): Edits {
  const out: Edits = {};
  for (const edits of [base, ...more]) for (const [sheet, cells] of Object.entries(edits)) out[sheet] = { ...(out[sheet] ?? {}), ...cells };
  return out;
}
