/**
 * The Collate view in preview, driven as a user would: several returns chosen at once (read and
 * checked in the worker, each listed with its status and reason), a register file chosen (an
 * organisation on it that sent nothing is chased), "Add to this workbook", the receipts downloaded
 * (a .zip of .txt files), the sector bulletin (.xlsx), the feedback workbooks (.zip) and the email
 * drafts (.zip of .eml, parsed back), then the sector sheets, charts and PivotTable in the grid.
 * Screenshots; axe clean. And the same files read in a worker without DecompressionStream (older WebKit),
 * through fflate.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import type { Download, Locator, Page } from "playwright-core";
import PostalMime from "postal-mime";
import { screenshot } from "./support/browser";
import { expectNoSeriousViolations, paneScreenshot } from "./support/check";
import { addToWorkbook, chooseReturns, collatePanel, makeReturnsToChoose, openCollateTab } from "./support/collate";
import { taskPaneForEachTest } from "./support/lifecycle";
import { gridCells, sheetTabs, showSheet } from "./support/taskpane";

const OUTPUT_DIR = join(__dirname, "..", "test-output", "e2e");

jest.setTimeout(300_000);
const harness = taskPaneForEachTest();
let made: { dir: string; files: string[] };

/** Clicks a download button and saves what the pane gives under test-output/e2e/downloads. */
async function downloadVia(page: Page, button: Locator, as: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), button.click()]);
  mkdirSync(join(OUTPUT_DIR, "downloads"), { recursive: true });
  const saved = join(OUTPUT_DIR, "downloads", as);
  await file.saveAs(saved);
  return { file, bytes: readFileSync(saved) };
}

/** Every part of a zip (an .xlsx, or a .zip of them) as bytes, by name. */
async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async("uint8array"));
  return out;
}

const workbookOf = async (bytes: Uint8Array) => {
  const book = new Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
};

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
    expect(heldReceipt).toContain("Outcome:           Held: has check errors");
    expect(heldReceipt).toContain("Errors to correct (1):");
    expect(await result.getByTestId("collate-receipts-note").innerText()).toMatch(/^Downloaded Receipts/);

    // The sector bulletin: an .xlsx that names no organisation.
    const downloads = result.getByTestId("collate-downloads");
    const bulletin = await downloadVia(page, downloads.getByRole("button", { name: "Download the sector bulletin" }), "collate-bulletin.xlsx");
    expect(bulletin.file.suggestedFilename()).toMatch(/^Sector bulletin \d{4}-\d{2}-\d{2}\.xlsx$/);
    await result.getByTestId("collate-download-bulletin-note").waitFor({ state: "visible", timeout: 30_000 });
    expect(await result.getByTestId("collate-download-bulletin-note").innerText()).toBe(`Downloaded ${bulletin.file.suggestedFilename()}.`);
    expect((await workbookOf(bulletin.bytes)).worksheets.length).toBeGreaterThan(0);
    const bulletinText = [...(await unzip(bulletin.bytes)).values()].map((b) => new TextDecoder().decode(b)).join("\n");
    for (const secret of ["Riverside Homes", "Green Lane Housing", "RH01", "GL02", "riverside-2020-07"]) expect(bulletinText).not.toContain(secret);

    // Feedback: a .zip of one workbook for each organisation with a return in use.
    const feedback = await downloadVia(page, downloads.getByRole("button", { name: "Download feedback for each organisation" }), "collate-feedback.zip");
    expect(feedback.file.suggestedFilename()).toMatch(/^Feedback \d{4}-\d{2}-\d{2}\.zip$/);
    await result.getByTestId("collate-download-feedback-note").waitFor({ state: "visible", timeout: 30_000 });
    const books = await unzip(feedback.bytes);
    expect([...books.keys()].sort()).toEqual(["GL02 feedback.xlsx", "RH01 feedback.xlsx"]);
    for (const book of books.values()) expect((await workbookOf(book)).worksheets.length).toBeGreaterThan(0);
    expect(await result.getByTestId("collate-download-feedback-note").innerText()).toMatch(/: 2 feedback workbooks\.$/);

    // Email drafts: a .zip of unsent .eml files, each with its receipt (and, when in use, its feedback workbook) attached.
    const drafts = await downloadVia(page, downloads.getByRole("button", { name: "Download email drafts" }), "collate-drafts.zip");
    expect(drafts.file.suggestedFilename()).toMatch(/^Email drafts \d{4}-\d{2}-\d{2}\.zip$/);
    await result.getByTestId("collate-download-drafts-note").waitFor({ state: "visible", timeout: 30_000 });
    const emls = await unzip(drafts.bytes);
    expect([...emls.keys()].every((n) => n.endsWith(".eml"))).toBe(true);
    expect([...emls.keys()]).toEqual(expect.arrayContaining(["RH01 accepted.eml", "GL02 accepted.eml", "HT03 held.eml", "QS09 chase.eml"]));
    const eml = new TextDecoder().decode(emls.get("RH01 accepted.eml"));
    expect(eml).toMatch(/^X-Unsent: 1\r$/m);
    const mail = await PostalMime.parse(eml);
    expect(mail.attachments.map((a) => a.filename)).toEqual(["riverside-2020-07.receipt.txt", "RH01 feedback.xlsx"]);
    expect(new TextDecoder().decode(mail.attachments[0]!.content as ArrayBuffer)).toMatch(/^Outcome: +Accepted/m);
    expect((await workbookOf(new Uint8Array(mail.attachments[1]!.content as ArrayBuffer))).worksheets.length).toBeGreaterThan(0);
    expect(await result.getByTestId("collate-download-drafts-note").innerText()).toMatch(new RegExp(`^Downloaded ${drafts.file.suggestedFilename()}: ${emls.size} email drafts\\.`));
    expect(await panel.getByRole("status").innerText()).toMatch(/^Downloaded Email drafts/);
    await downloads.scrollIntoViewIfNeeded();
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await downloads.screenshot({ path: join(OUTPUT_DIR, "96-collate-downloads.png"), animations: "disabled" });
    await expectNoSeriousViolations(page, "collate-downloaded");
    await paneScreenshot(page, "91-collate-added");
    await expectNoSeriousViolations(page, "collate-added");

    const tabs = await sheetTabs(page);
    for (const sheet of ["Submissions", "Organisations", "Sector data", "Sector totals", "Revisions", "Chase list", "Sector charts", "Sector pivots"]) expect(tabs).toContain(sheet);
    // The new workbook's empty Sheet1 went once the sector sheets existed, and the pane said so.
    expect(tabs).not.toContain("Sheet1");
    expect(await result.innerText()).toContain("Removed the empty sheet 'Sheet1' the new workbook started with.");
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
    // Each reader (one a core, up to MAX_READERS, no more than the files) loads the patched script.
    const readers = await page.evaluate((files) => Math.max(1, Math.min(4, files, navigator.hardwareConcurrency || 1)), made.files.length);
    expect(patched).toBe(readers);
    const panel = collatePanel(page);
    expect(await panel.getByTestId("collate-summary").innerText()).toBe("4 files: 2 accepted, 1 held, 1 rejected");
    expect(await panel.innerText()).not.toMatch(/damaged/);
  });
});
