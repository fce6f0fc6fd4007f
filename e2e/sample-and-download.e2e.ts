/**
 * The sample return (a part-filled return to start from), Set up over it keeping every entry,
 * and the download of the in-memory workbook as .xlsx, opened with exceljs; after Summarise, with
 * its charts (the bundle's chart writer and fflate, in the browser).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT_DIR, screenshot } from "./support/browser";
import { taskPaneForEachTest } from "./support/lifecycle";
import { buildSummary, openSummariseTab } from "./support/summarise";
import {
  allSheetCells,
  gridCells,
  previewTool,
  pressSetUp,
  reviewChanges,
  setupPanel,
  sheetTabs,
  showSheet,
  startFromSample,
  valueBeside,
  type Cells,
} from "./support/taskpane";

const harness = taskPaneForEachTest();

const RETURN_SHEETS = ["Return", "Measures", "Stakeholders", "Outcomes", "Case studies"];

/** Every non-empty cell of `before` still holds the same text in `after`. */
function lostEntries(before: Record<string, Cells>, after: Record<string, Cells>): string[] {
  const lost: string[] = [];
  for (const [sheet, cells] of Object.entries(before)) {
    for (const [address, text] of Object.entries(cells)) {
      const now = after[sheet]?.[address];
      if (now !== text) lost.push(`${sheet}!${address}: "${text}" became "${now ?? ""}"`);
    }
  }
  return lost;
}

describe("the sample return", () => {
  it("loads a part-filled return for Riverside Homes", async () => {
    const { page } = harness.pane;
    await startFromSample(page);
    await screenshot(page, "10-sample-loaded");

    expect(await page.getByRole("heading", { level: 2, name: /Sample return: Riverside Homes \(RH01\)/ }).isVisible()).toBe(true);
    expect(await sheetTabs(page)).toEqual(expect.arrayContaining(RETURN_SHEETS));

    const panel = setupPanel(page);
    expect(await panel.getByRole("heading", { name: "Update this workbook" }).isVisible()).toBe(true);
    expect(await panel.getByRole("textbox", { name: "Organisation", exact: true }).inputValue()).toBe("Riverside Homes");
    expect(await panel.getByRole("textbox", { name: "Organisation code" }).inputValue()).toBe("RH01");
    expect(await panel.getByRole("combobox", { name: "Start year" }).inputValue()).toBe("2020");
    expect(await panel.getByRole("combobox", { name: "Start month" }).inputValue()).toBe("4");

    await showSheet(page, "Return");
    const ret = await gridCells(page);
    expect(valueBeside(ret, "Organisation")).toBe("Riverside Homes");
    expect(valueBeside(ret, "Contact name")).toBe("Priya Shah");

    await showSheet(page, "Measures");
    const measures = Object.values(await gridCells(page));
    // April's welfare calls and the advice total, as typed into the sample.
    expect(measures).toEqual(expect.arrayContaining([expect.stringMatching(/^1,?840$/), "212"]));
    await screenshot(page, "11-sample-measures-sheet");
  });

  it("keeps every entry when Set up runs again over it", async () => {
    const { page } = harness.pane;
    await startFromSample(page);
    const before = await allSheetCells(page);
    await reviewChanges(page);
    await screenshot(page, "12-sample-setup-review");
    await pressSetUp(page);
    await screenshot(page, "13-sample-setup-done");
    const after = await allSheetCells(page);
    expect(lostEntries(before, after)).toEqual([]);
    expect(Object.keys(after)).toEqual(Object.keys(before));
  });
});

describe("download", () => {
  it("saves the in-memory workbook as an .xlsx that exceljs opens with the returns sheets", async () => {
    const { page } = harness.pane;
    await startFromSample(page);

    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), previewTool(page, "Download workbook (.xlsx)").click()]);
    const name = download.suggestedFilename();
    // Named for the organisation and its reporting year, not a month ("RH01 impact return Apr 2020.xlsx" before).
    expect(name).toBe("RH01 impact return 2020-21.xlsx");
    const dir = join(OUTPUT_DIR, "downloads");
    mkdirSync(dir, { recursive: true });
    const saved = join(dir, name);
    await download.saveAs(saved);
    expect(await download.failure()).toBeNull();
    expect(statSync(saved).size).toBeGreaterThan(5_000);
    await page.getByText(`Downloaded ${name}.`).waitFor({ state: "visible" });
    await screenshot(page, "14-download-done");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining([...RETURN_SHEETS, "Framework"]));
    expect(workbook.getWorksheet("Framework")?.state).toMatch(/hidden/);

    // Return details: the organisation beside its label.
    const ret = workbook.getWorksheet("Return")!;
    let organisation: unknown;
    ret.eachRow((row) => {
      row.eachCell((cell, col) => {
        if (cell.value === "Organisation") organisation = row.getCell(col + 1).value;
      });
    });
    expect(organisation).toBe("Riverside Homes");

    // Measures: the sample's April welfare calls are there as a number.
    const measures = workbook.getWorksheet("Measures")!;
    const numbers: number[] = [];
    measures.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "number" && numbers.push(cell.value))));
    expect(numbers).toEqual(expect.arrayContaining([1840, 212]));
    // exceljs reads sheet protection into `sheetProtection` (missing from its typings).
    expect((measures as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  });

  it("after Summarise, saves the charts as native charts and says the PivotTables are kept as their figures", async () => {
    const { page } = harness.pane;
    await startFromSample(page);
    await openSummariseTab(page);
    await buildSummary(page);
    const charts = await page.evaluate(() => window.impactReturnsPreview!.host.workbook.sheets.flatMap((s) => s.charts.map((c) => c.title.text)));
    expect(charts.length).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), previewTool(page, "Download workbook (.xlsx)").click()]);
    const dir = join(OUTPUT_DIR, "downloads");
    mkdirSync(dir, { recursive: true });
    const saved = join(dir, `summarised ${download.suggestedFilename()}`);
    await download.saveAs(saved);
    expect(await download.failure()).toBeNull();
    await page.getByText(/PivotTables are kept as the figures they show, as plain cells, not as PivotTables\./).waitFor({ state: "visible" });
    await screenshot(page, "15-download-summarised");

    const zip = await JSZip.loadAsync(readFileSync(saved));
    const parts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(parts).toHaveLength(charts.length);
    const titles = await Promise.all(parts.sort((a, b) => a.localeCompare(b, "en", { numeric: true })).map(async (p) => /<a:t>([^<]*)<\/a:t>/.exec(await zip.file(p)!.async("string"))![1]));
    expect(titles).toEqual(charts.map((t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")));
    // exceljs still opens it, with the Summary charts sheet.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    expect(workbook.getWorksheet("Summary charts")).toBeDefined();
  });
});
