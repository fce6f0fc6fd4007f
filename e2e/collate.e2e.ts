/**
 * The Collate view in preview, driven as a user would: several returns chosen at once (read and
 * checked in the worker, each listed with its status and reason), a register file chosen (an
 * organisation on it that sent nothing is chased), "Add to this workbook", the receipts downloaded
 * (a .zip of .txt files), then the sector sheets, charts and PivotTable in the grid. Screenshots;
 * axe clean. And the same files read in a worker without DecompressionStream (older WebKit),
 * through fflate.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { screenshot } from "./support/browser";
import { expectNoSeriousViolations, paneScreenshot } from "./support/check";
import { addToWorkbook, chooseReturns, collatePanel, makeReturnsToChoose, openCollateTab } from "./support/collate";
import { taskPaneForEachTest } from "./support/lifecycle";
import { gridCells, sheetTabs, showSheet } from "./support/taskpane";

const OUTPUT_DIR = join(__dirname, "..", "test-output", "e2e");

jest.setTimeout(300_000);
const harness = taskPaneForEachTest();
let made: { dir: string; files: string[] };

beforeAll(async () => {
  made = await makeReturnsToChoose();
});
afterAll(() => {
  if (made) rmSync(made.dir, { recursive: true, force: true });
});

describe("Collate, in the preview", () => {
  it("reads several chosen returns in the worker, lists their statuses, adds them to the workbook and shows the sector sheets", async () => {
    const { page } = harness.pane;
    await openCollateTab(page);
    await expectNoSeriousViolations(page, "collate-opened");
    await chooseReturns(page, made.files);

    const panel = collatePanel(page);
    expect(await panel.getByTestId("collate-summary").innerText()).toBe("4 files: 2 accepted, 1 held, 1 rejected");
    const items = panel.getByRole("list", { name: "Files chosen" }).getByRole("listitem");
    expect(await items.count()).toBe(4);
    const held = items.filter({ hasText: "hilltop-2020-07.xlsx" });
    expect(await held.innerText()).toMatch(/Held: has check errors[\s\S]*check error/);
    const rejected = items.filter({ hasText: "notes.xlsx" });
    expect(await rejected.innerText()).toMatch(/Rejected[\s\S]*text file/);
    await paneScreenshot(page, "90-collate-files-read");
    await expectNoSeriousViolations(page, "collate-files-read");

    // The register: the three organisations and one that sent nothing.
    const register = join(made.dir, "register.csv");
    writeFileSync(register, "Organisation code,Organisation,Homes managed\nRH01,Riverside Homes,12000\nGL02,Green Lane Housing,4000\nHT03,Hilltop Homes,2500\nQS09,Quiet Street Homes,900\n");
    expect(await panel.getByTestId("collate-register-status").innerText()).toMatch(/^Keeping the workbook's register/);
    await panel.getByTestId("collate-register-input").setInputFiles(register);
    await panel.getByText("register.csv: 4 organisations. It replaces the workbook's register.").waitFor({ state: "visible", timeout: 30_000 });
    expect(await panel.getByRole("checkbox", { name: "Only accept signed-off returns" }).isChecked()).toBe(false);
    await panel.getByRole("textbox", { name: /Homes in the sector/ }).fill("100000");
    await expectNoSeriousViolations(page, "collate-register-chosen");
    await addToWorkbook(page);
    const result = panel.getByTestId("collate-result");
    expect(await result.innerText()).toMatch(/The Submissions ledger now lists 4 files: 2 accepted, 1 held, 1 rejected/);

    // The receipts: a .zip of one .txt a file.
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), result.getByRole("button", { name: "Download 4 receipts (.zip)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Receipts \d{4}-\d{2}-\d{2}\.zip$/);
    mkdirSync(join(OUTPUT_DIR, "downloads"), { recursive: true });
    const saved = join(OUTPUT_DIR, "downloads", "collate-receipts.zip");
    await download.saveAs(saved);
    const zip = await JSZip.loadAsync(readFileSync(saved));
    expect(Object.keys(zip.files).sort()).toEqual(["green-lane-2020-06.receipt.txt", "hilltop-2020-07.receipt.txt", "notes.receipt.txt", "riverside-2020-07.receipt.txt"]);
    const heldReceipt = await zip.files["hilltop-2020-07.receipt.txt"]!.async("string");
    expect(heldReceipt).toContain("Status:            held");
    expect(heldReceipt).toContain("Check report");
    expect(await result.getByTestId("collate-receipts-note").innerText()).toMatch(/^Downloaded Receipts/);
    await paneScreenshot(page, "91-collate-added");
    await expectNoSeriousViolations(page, "collate-added");

    const tabs = await sheetTabs(page);
    for (const sheet of ["Submissions", "Organisations", "Sector data", "Sector totals", "Revisions", "Chase list", "Sector charts", "Sector pivots"]) expect(tabs).toContain(sheet);
    await result.getByRole("button", { name: "Show the Sector totals" }).click();
    await page.getByRole("region", { name: "Sheet Sector totals, read-only" }).waitFor({ state: "visible", timeout: 15_000 });
    const totals = await gridCells(page);
    expect(totals.A1).toBe("Code");
    expect(Object.values(totals)).toContain("Reported total");
    await screenshot(page, "92-collate-sector-totals");
    await showSheet(page, "Submissions");
    expect(Object.values(await gridCells(page))).toEqual(expect.arrayContaining(["accepted", "held", "rejected"]));
    await screenshot(page, "93-collate-submissions");
    // The register chosen replaced the workbook's: QS09, which sent nothing, is listed (and chased).
    await showSheet(page, "Organisations");
    expect(Object.values(await gridCells(page))).toEqual(expect.arrayContaining(["QS09", "Quiet Street Homes", "Only signed-off returns", "No"]));
    await showSheet(page, "Sector charts");
    await screenshot(page, "94-collate-sector-charts");
    await showSheet(page, "Sector pivots");
    await screenshot(page, "95-collate-sector-pivots");
    await expectNoSeriousViolations(page, "collate-charts-sheet");

    // A resubmission later: the ledger grows, nothing collated before is lost.
    await openCollateTab(page);
    await chooseReturns(page, [made.files[0]!]);
    await addToWorkbook(page);
    expect(await panel.getByTestId("collate-result").innerText()).toMatch(/ledger now lists 5 files: 2 accepted, 1 duplicate, 1 held, 1 rejected \(4 files from before\)/);
  });

  it("reads the same returns in a webview without DecompressionStream (WebKit before 16.4): none is called damaged", async () => {
    const { page } = harness.pane;
    // The worker's script, served with DecompressionStream taken away before anything else runs.
    let patched = 0;
    await page.context().route(/\/collate-worker\.[0-9a-f]+\.js$/, async (route) => {
      const response = await route.fetch();
      patched++;
      await route.fulfill({ response, body: `Object.defineProperty(self, "DecompressionStream", { value: undefined, configurable: true });\n${await response.text()}` });
    });
    await openCollateTab(page);
    await chooseReturns(page, made.files);
    expect(patched).toBe(1);
    const panel = collatePanel(page);
    expect(await panel.getByTestId("collate-summary").innerText()).toBe("4 files: 2 accepted, 1 held, 1 rejected");
    expect(await panel.innerText()).not.toMatch(/damaged/);
  });
});
