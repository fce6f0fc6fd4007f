/**
 * The Collate view as a user meets it: its tab, the file chooser, the list of files with their
 * statuses, "Add to this workbook" and the result. Returns to choose are made in the test process
 * with the command line's template and exceljs (test/support/returns.ts).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { makeReturn, makeTemplate } from "../../test/support/returns";

export function collatePanel(page: Page): Locator {
  return page.getByRole("tabpanel", { name: "Collate" });
}

export async function openCollateTab(page: Page): Promise<void> {
  await page.getByRole("tablist", { name: "Impact Returns views" }).getByRole("tab", { name: "Collate" }).click();
  await collatePanel(page).getByRole("heading", { level: 2, name: "Collate returns" }).waitFor({ state: "visible", timeout: 30_000 });
}

/** Chooses files as the file dialog would. */
export async function chooseReturns(page: Page, files: string[]): Promise<void> {
  await collatePanel(page).getByTestId("collate-file-input").setInputFiles(files);
  await collatePanel(page)
    .getByTestId("collate-summary")
    .waitFor({ state: "visible", timeout: 60_000 })
    .catch(async (error: unknown) => {
      throw new Error(`the files were not read: ${String(error)}\nThe pane showed: ${(await collatePanel(page).innerText()).replace(/\s+/g, " ")}`);
    });
}

export async function addToWorkbook(page: Page): Promise<void> {
  await collatePanel(page).getByRole("button", { name: "Add to this workbook" }).click();
  const failed = collatePanel(page).getByText("The returns were not added");
  await collatePanel(page).getByTestId("collate-result").or(failed).first().waitFor({ state: "visible", timeout: 120_000 });
  if (await failed.isVisible()) throw new Error(`Collate failed in the pane: ${(await collatePanel(page).innerText()).replace(/\s+/g, " ")}`);
}

/** Three returns and a file that is not a workbook, in a new temporary folder. */
export async function makeReturnsToChoose(): Promise<{ dir: string; files: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "ir-collate-e2e-"));
  const template = join(dir, "template.xlsx");
  makeTemplate(template);
  const riverside = join(dir, "riverside-2020-07.xlsx");
  const green = join(dir, "green-lane-2020-06.xlsx");
  const held = join(dir, "hilltop-2020-07.xlsx");
  await makeReturn(template, riverside, { organisation: "Riverside Homes", code: "RH01", homes: 12_000, months: 4, value: (_, m) => 100 + m * 10, signedOffOn: new Date(Date.UTC(2020, 7, 10)) });
  await makeReturn(template, green, { organisation: "Green Lane Housing", code: "GL02", homes: 4_000, months: 3, value: (_, m) => 20 + m, signedOffOn: new Date(Date.UTC(2020, 6, 12)) });
  await makeReturn(template, held, { organisation: "Hilltop Homes", code: "HT03", homes: 2_500, months: 4, value: () => 5, extra: { Measures: { F2: "lots" } } });
  const notes = join(dir, "notes.xlsx");
  writeFileSync(notes, "Organisation,Calls\nRH01,100\n");
  return { dir, files: [riverside, green, held, notes] };
}
