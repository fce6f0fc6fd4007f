/**
 * Nothing lost in the preview (issue 18, item 1): replacing a workbook that holds typed work asks
 * first (an alert dialog, Cancel focused, Escape cancels, Download first keeps asking), Undo puts
 * back every cell of every sheet, the work survives a reload (restored, and said so) until the user
 * clears it, corrupt saved data is ignored in one sentence, and the banners can be dismissed.
 * Keyboard only where a user would use it; every wait is on the page's own state.
 */
import type { Page } from "playwright-core";
import { screenshot } from "./support/browser";
import { expectNoSeriousViolations } from "./support/check";
import { describeFocus, KeyboardUser } from "./support/keyboard";
import { taskPaneForEachTest } from "./support/lifecycle";
import { allSheetCells, previewTool, startFromSample } from "./support/taskpane";

const harness = taskPaneForEachTest();
// Generous: the suite must pass on a busy machine (it waits on the page's state, never on time).
jest.setTimeout(600_000);

const RESTORED = "Your work from this browser was restored. It is kept only in this browser on this computer.";

/** The workbook model behind the grid, as its snapshot's JSON. */
function model(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(window.impactReturnsPreview!.host.snapshot()));
}

/** Where two models differ (paths, at most 12), so a failure says what changed rather than printing both. */
function differences(a: unknown, b: unknown, path = "", out: string[] = []): string[] {
  if (out.length >= 12) return out;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    if (a !== b) out.push(`${path}: ${JSON.stringify(a)?.slice(0, 80)} -> ${JSON.stringify(b)?.slice(0, 80)}`);
    return out;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}/${key}`, out);
  return out;
}

/** Expects the model now to be `before`, exactly. */
async function expectModel(page: Page, before: string): Promise<void> {
  expect(differences(JSON.parse(before), JSON.parse(await model(page)))).toEqual([]);
}

/** Filled cells and the sheets holding them, counted from the model (the dialog must say these). */
function filledCounts(page: Page): Promise<{ cells: number; sheets: number }> {
  return page.evaluate(() => {
    let cells = 0;
    let sheets = 0;
    for (const sheet of window.impactReturnsPreview!.host.workbook.sheets) {
      let here = 0;
      sheet.forEachStored({ r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 }, (cell) => {
        if (cell.formula !== undefined || (cell.value !== "" && cell.value !== null)) here++;
      });
      cells += here;
      if (here > 0) sheets++;
    }
    return { cells, sheets };
  });
}

/** Waits until the page says the workbook as it is now is saved in this browser. */
async function waitForSaved(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const line = document.querySelector('[data-testid="saved-state"]');
      return line?.getAttribute("data-state") === "saved" && line.getAttribute("data-saved-version") === String(window.impactReturnsPreview?.host.workbook.version);
    },
    undefined,
    { timeout: 30_000 },
  );
  expect(await page.getByTestId("saved-state").innerText()).toMatch(/^Saved in this browser/);
}

async function waitForFocus(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => (document.activeElement as HTMLElement | null)?.innerText?.trim() === n, name, { timeout: 10_000 });
}

async function reloadPreview(page: Page): Promise<void> {
  await page.reload({ waitUntil: "load" });
  await page.getByRole("heading", { level: 1, name: "Impact Returns" }).waitFor({ state: "visible", timeout: 30_000 });
}

describe("nothing lost", () => {
  it("asks before replacing typed work, undoes the replacement exactly, keeps the work over a reload until cleared", async () => {
    const { page } = harness.pane;
    const user = new KeyboardUser(page);
    try {
      await startFromSample(page);
      // The officer types August's first two figures into Measures (the grid shows it, J2 selected).
      await page.locator('td[data-cell="J2"]').click();
      await user.type("710");
      await user.press("Enter");
      await user.type("151");
      await user.press("Enter");
      await page.waitForFunction(() => document.querySelector('td[data-cell="J3"]')?.textContent?.trim() === "151");
      await waitForSaved(page);
      const before = await model(page);
      const beforeCells = await allSheetCells(page);
      expect(Object.keys(beforeCells).length).toBeGreaterThan(4);
      expect(beforeCells.Measures?.J2).toBe("710");

      // "Start with an empty workbook" from the keyboard: the question, with Cancel focused.
      await page.locator("body").focus();
      const empty = previewTool(page, "Start with an empty workbook");
      await user.tabTo(empty);
      await user.press("Enter");
      const dialog = page.getByRole("alertdialog", { name: "Replace the workbook?" });
      await dialog.waitFor({ state: "visible" });
      await waitForFocus(page, "Cancel");
      const { cells, sheets } = await filledCounts(page);
      expect(await dialog.getByText(/^The workbook has/).innerText()).toBe(
        `The workbook has ${cells.toLocaleString("en-GB")} filled cells on ${sheets} sheets. They will be replaced by an empty workbook.`,
      );
      expect(await dialog.getByRole("button").allInnerTexts()).toEqual(["Cancel", "Download first", "Replace"]);
      await screenshot(page, "nothing-lost-01-asked");
      await expectNoSeriousViolations(page, "nothing-lost-dialog");

      // Focus stays in the dialog.
      for (let i = 0; i < 4; i++) {
        await user.press("Tab");
        expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      }
      // Escape is Cancel: nothing replaced, focus back on the button.
      await user.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() === "Start with an empty workbook", undefined, { timeout: 10_000 });
      await expectModel(page, before);

      // Again; Download first downloads and keeps asking.
      await user.press("Enter");
      await dialog.waitFor({ state: "visible" });
      await waitForFocus(page, "Cancel");
      await user.press("Tab");
      expect(await describeFocus(page)).toBe('button "Download first"');
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), user.press("Enter")]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      await dialog.getByText(/^Downloaded .*\.xlsx\./).waitFor({ state: "visible" });
      expect(await dialog.isVisible()).toBe(true);
      await expectModel(page, before);

      // Replace: the empty workbook, and Undo one key away. What Undo must give back is the
      // workbook as it is now, while the dialog holds the page.
      const replaced = await model(page);
      await user.tabTo(dialog.getByRole("button", { name: "Replace" }));
      await user.press("Enter");
      await page.getByText("Replaced with an empty workbook.", { exact: true }).waitFor({ state: "visible", timeout: 60_000 });
      expect(JSON.parse(await model(page))).toEqual({ sheets: [{ name: "Sheet1" }], activeSheet: "Sheet1" });
      const undo = page.getByRole("button", { name: "Undo", exact: true });
      await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() === "Undo", undefined, { timeout: 10_000 });
      await screenshot(page, "nothing-lost-02-replaced");
      await expectNoSeriousViolations(page, "nothing-lost-replaced");

      // Undo: every cell of every sheet as it was (the model compared whole, and the grid sheet by sheet).
      await user.press("Enter");
      await page.getByText("The workbook you had before is back.", { exact: true }).waitFor({ state: "visible", timeout: 60_000 });
      expect(await undo.count()).toBe(0);
      await expectModel(page, replaced);
      expect(await allSheetCells(page)).toEqual(beforeCells);
      await waitForSaved(page);

      // A reload keeps the work, and says so.
      await reloadPreview(page);
      await page.getByText(RESTORED, { exact: true }).waitFor({ state: "visible" });
      await expectModel(page, replaced);
      expect(await allSheetCells(page)).toEqual(beforeCells);
      await screenshot(page, "nothing-lost-03-restored");
      await expectNoSeriousViolations(page, "nothing-lost-restored");

      // Clear saved work asks first (Cancel focused), then nothing is kept: a reload is empty.
      const clear = page.getByTestId("saved-state").getByRole("button", { name: "Clear saved work" });
      await clear.focus();
      await user.press("Enter");
      const clearDialog = page.getByRole("alertdialog", { name: "Clear the work saved in this browser?" });
      await clearDialog.waitFor({ state: "visible" });
      await waitForFocus(page, "Cancel");
      await user.tabTo(clearDialog.getByRole("button", { name: "Clear saved work" }));
      await user.press("Enter");
      await clearDialog.waitFor({ state: "hidden" });
      await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute("data-state") === "off");
      await waitForFocus(page, "Keep in this browser");
      expect(await page.getByTestId("saved-state").innerText()).toMatch(/^Not kept in this browser/);
      await expectModel(page, before);
      await reloadPreview(page);
      expect(await page.getByText(RESTORED).count()).toBe(0);
      expect(JSON.parse(await model(page))).toEqual({ sheets: [{ name: "Sheet1" }], activeSheet: "Sheet1" });
    } finally {
      console.log(user.log.join("\n"));
    }
  });

  it("dismisses its banners, asks nothing for an untouched workbook, and ignores corrupt saved work in one sentence", async () => {
    const { page } = harness.pane;
    // An untouched empty workbook is replaced without a question; the banner can be dismissed.
    await previewTool(page, "Start with an empty workbook").click();
    const banner = page.getByText("Started again with an empty workbook.", { exact: true });
    await banner.waitFor({ state: "visible" });
    expect(await page.getByRole("alertdialog").count()).toBe(0);
    await page.getByRole("button", { name: "Dismiss" }).click();
    await banner.waitFor({ state: "hidden" });

    // The untouched sample is replaced without a question too (and can still be had back).
    await startFromSample(page);
    await previewTool(page, "Start with an empty workbook").click();
    await page.getByText("Replaced with an empty workbook.", { exact: true }).waitFor({ state: "visible" });
    expect(await page.getByRole("alertdialog").count()).toBe(0);

    // Saved work that cannot be read: one sentence, an empty workbook, no error in the page.
    // (First the page has finished with the blank workbook: nothing kept, nothing being written.)
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute("data-state") === "blank");
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("impact-returns-preview", 1);
          open.onupgradeneeded = () => open.result.createObjectStore("work");
          open.onerror = () => reject(new Error("no database"));
          open.onsuccess = () => {
            const tx = open.result.transaction("work", "readwrite");
            tx.objectStore("work").put('{"format":"impact-returns-preview-work","version":1,"workbook":{"sheets":[{"na', "current");
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(new Error("not written"));
          };
        }),
    );
    await reloadPreview(page);
    await page.getByText("The work saved in this browser could not be read, so the preview started with an empty workbook.", { exact: true }).waitFor({ state: "visible" });
    expect(JSON.parse(await model(page))).toEqual({ sheets: [{ name: "Sheet1" }], activeSheet: "Sheet1" });
    await page.getByRole("button", { name: "Dismiss" }).click();
    expect(await page.getByText(/could not be read/).count()).toBe(0);
  });
});
