/**
 * An officer's month in the preview, with the keyboard alone: the sample return's remaining month
 * (August 2020) typed and pasted into the workbook grid (a typed decimal meets the cell's stop
 * alert; a locked cell refuses with Excel's message), the warning that leaves explained from the
 * pane's Explain box, the return marked ready to send, and the next step shown. Screenshots at
 * each step, axe on each state.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { findBuiltinFramework, DEFAULT_FRAMEWORK_ID } from "../src/core/framework";
import { measureRowKey, measureRows } from "../src/core/setup/measure-rows";
import { SAMPLE_FIGURES } from "../src/preview/sample-return";
import { BASE_URL, OUTPUT_DIR, screenshot } from "./support/browser";
import { checkCount, checkPanel, expectNoSeriousViolations, groupLocations, issueGroup, paneScreenshot, results, selectedCell, summaryLine, waitForCheckAfter } from "./support/check";
import { isFocused, KeyboardUser } from "./support/keyboard";
import { taskPaneForEachTest } from "./support/lifecycle";
import { gridCells, previewTool, shownSheet } from "./support/taskpane";

const harness = taskPaneForEachTest();
jest.setTimeout(300_000);

/** August's figures, by Measures row (2-21): July's again, but 3 staff still redeployed (far below the usual: a warning). */
function augustFigures(): number[] {
  const framework = findBuiltinFramework(DEFAULT_FRAMEWORK_ID)!;
  return measureRows(framework).map((row) => {
    if (row.code === "STAFF_REDEPLOYED") return 3;
    const byBreakdown = SAMPLE_FIGURES[row.code] ?? {};
    const entry = Object.entries(byBreakdown).find(([breakdown]) => measureRowKey(row.code, breakdown) === measureRowKey(row.code, row.breakdown));
    return entry ? entry[1][3]! : 0;
  });
}

function grid(page: Page) {
  return page.getByRole("grid", { name: "Measures sheet" });
}

async function waitForSelected(page: Page, address: string): Promise<void> {
  await page.waitForFunction((a) => document.querySelector('output[aria-label="Selected cell"]')?.textContent?.trim() === a, address, { timeout: 10_000 });
}

async function cellText(page: Page, address: string): Promise<string> {
  return (await page.locator(`td[data-cell="${address}"]`).innerText()).trim();
}

describe("An officer's month, keyboard only", () => {
  it("fills August in the grid, explains the warning from the pane, signs off and sees the next step", async () => {
    const { page, context } = harness.pane;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(BASE_URL).origin });
    const user = new KeyboardUser(page);
    const august = augustFigures();
    try {
      // The sample return, from the preview's toolbar.
      await page.locator("body").focus();
      await user.tabTo(previewTool(page, "Start from a sample return"));
      await user.press("Enter");
      await page.getByText(/^Sample return loaded/).waitFor({ state: "visible", timeout: 60_000 });

      // The Check tab, and a first check: one warning, July's redeployed staff.
      const viewTabs = page.getByRole("tablist", { name: "Impact Returns views" });
      await page.locator("body").focus();
      await user.tabTo(viewTabs);
      await user.press("ArrowRight");
      await checkPanel(page).getByRole("heading", { level: 2, name: "Check this return" }).waitFor({ state: "visible", timeout: 30_000 });
      await user.tabTo(checkPanel(page).getByRole("button", { name: "Check the return" }));
      let n = await checkCount(page);
      await user.press("Enter");
      await waitForCheckAfter(page, n);
      expect(await summaryLine(page)).toBe("0 errors, 1 warning");
      expect(await groupLocations(issueGroup(page, "Month far out of line"))).toEqual(["Measures!I20"]);

      // On to the grid: the sample left Measures!J2 (August's first figure) selected.
      await user.tabTo(grid(page), { max: 80 });
      expect(await shownSheet(page)).toBe("Measures");
      expect(await selectedCell(page)).toBe("J2");
      expect(await grid(page).getAttribute("aria-activedescendant")).toMatch(/-J2$/);
      n = await checkCount(page);

      // Typing: a figure, then Enter moves down, as in Excel.
      for (const figure of august.slice(0, 5)) {
        await user.type(String(figure));
        await user.press("Enter");
      }
      await waitForSelected(page, "J7");
      expect(await cellText(page, "J2")).toBe("710");
      expect(await cellText(page, "J3")).toBe("151");

      // A decimal in a whole-number measure: Excel's stop alert with the rule's title and message; Retry, then the right figure.
      await user.type("58.5");
      await user.press("Enter");
      const stop = page.getByRole("alertdialog", { name: "Not a valid figure" });
      await stop.waitFor({ state: "visible" });
      expect(await stop.innerText()).toMatch(/enter a whole number/);
      expect(await stop.getByRole("button").allInnerTexts()).toEqual(["Retry", "Cancel"]);
      await screenshot(page, "80-officer-validation-stop");
      await expectNoSeriousViolations(page, "officer-validation-stop");
      await user.press("Enter"); // Retry: back in the cell with what was typed
      const editor = page.getByRole("textbox", { name: "Editing Measures!J7" });
      await editor.waitFor({ state: "visible" });
      expect(await editor.inputValue()).toBe("58.5");
      await user.press("ControlOrMeta+A");
      await user.type(String(august[5]));
      await user.press("Enter");
      await waitForSelected(page, "J8");
      expect(await cellText(page, "J7")).toBe(String(august[5]));

      // A locked cell on the protected sheet refuses, with Excel's message.
      for (let i = 0; i < 8; i++) await user.press("ArrowLeft");
      await waitForSelected(page, "B8");
      const locked = page.getByRole("alertdialog", { name: "Microsoft Excel" });
      await user.type("x");
      await locked.waitFor({ state: "visible" });
      expect(await isFocused(locked.getByRole("button", { name: "OK" }))).toBe(true);
      expect(await locked.innerText()).toMatch(/The cell or chart you're trying to change is on a protected sheet\. To make a change, unprotect the sheet\./);
      await screenshot(page, "81-officer-protected-cell");
      await user.press("Enter");
      await locked.waitFor({ state: "hidden" });
      expect(await isFocused(grid(page))).toBe(true);
      for (let i = 0; i < 8; i++) await user.press("ArrowRight");
      await waitForSelected(page, "J8");

      // The rest of the month, copied from the officer's own spreadsheet: one paste (validation is not applied to pastes, as in Excel).
      const rest = august.slice(6);
      await page.evaluate((text) => navigator.clipboard.writeText(text), rest.map(String).join("\n") + "\n");
      await user.press("ControlOrMeta+V");
      await waitForSelected(page, `J8:J${7 + rest.length}`);
      const cells = await gridCells(page);
      expect(cells.J20).toBe("3");
      expect(Number(cells.J21?.replace(/,/g, ""))).toBe(august[19]);
      await screenshot(page, "82-officer-august-filled");
      await expectNoSeriousViolations(page, "officer-grid-filled");

      // The pane re-checked by itself: the July warning is gone, August's 3 redeployed staff is far below the usual.
      await waitForCheckAfter(page, n, 20_000);
      await page.waitForFunction(() => !document.querySelector("[role=tabpanel] [role=progressbar]"));
      expect(await summaryLine(page)).toBe("0 errors, 1 warning");
      const card = issueGroup(page, "Month far out of line");
      expect(await groupLocations(card)).toEqual(["Measures!J20"]);
      await paneScreenshot(page, "83-officer-warning");

      // Explain it from the pane: Shift+Tab back from the grid to the card's Explain button.
      const explain = card.getByRole("button", { name: "Explain", exact: true });
      await user.tabTo(explain, { back: true, max: 80 });
      await user.press("Enter");
      const box = card.getByRole("textbox", { name: /Why this figure is right \(Measures sheet, cell J20\)/ });
      await box.waitFor({ state: "visible" });
      expect(await isFocused(box)).toBe(true);
      await user.type("Most staff went back to their usual roles as services reopened in August.");
      await paneScreenshot(page, "84-officer-explaining");
      await expectNoSeriousViolations(page, "officer-explaining");
      n = await checkCount(page);
      await user.tabTo(card.getByRole("button", { name: "Save explanation" }), { max: 2 });
      await user.press("Enter");
      await waitForCheckAfter(page, n);
      expect(await results(page).getByText("No errors or warnings", { exact: true }).isVisible()).toBe(true);
      expect(await results(page).getByRole("region", { name: "Explained warnings (1)" }).innerText()).toMatch(
        /Measures!J20[\s\S]*Explanation: Most staff went back to their usual roles/,
      );
      // The explanation is on the Checks sheet, as if typed there.
      const onChecks = await page.evaluate(() => {
        const sheet = window.impactReturnsPreview!.host.workbook.sheets.find((s) => s.name === "Checks")!;
        return sheet.view(1, 5).value;
      });
      expect(onChecks).toBe("Most staff went back to their usual roles as services reopened in August.");

      // Mark ready to send, and the next step: the file, the centre's address (the sample's Centre
      // email), August's due date (the 15th of the month after) and the Email the centre link.
      const name = checkPanel(page).getByRole("textbox", { name: "Your name" });
      await user.tabTo(name);
      await user.type("Priya Shah");
      const signOff = checkPanel(page).getByRole("button", { name: "Mark ready to send" });
      await user.tabTo(signOff, { max: 3 });
      await user.press("Enter");
      await checkPanel(page).getByText("Marked ready to send", { exact: true }).waitFor({ state: "visible", timeout: 30_000 });
      const next = checkPanel(page).getByTestId("next-step");
      expect(await next.innerText()).toContain(
        "Next: Send RH01 impact return 2020-21.xlsx to returns@centre.example. August's figures are due by 15 September 2020. September's are due by 15 October 2020.",
      );
      const email = next.getByRole("link", { name: "Email the centre" });
      expect(await email.getAttribute("href")).toMatch(/^mailto:returns@centre\.example\?subject=RH01%20impact%20return%202020-21%3A%20figures%20to%20August%202020&body=/);
      expect(await next.innerText()).toContain("Download the workbook (Download workbook (.xlsx)), then attach the downloaded file to the email.");
      await paneScreenshot(page, "85-officer-signed-off");
      await expectNoSeriousViolations(page, "officer-signed-off");
    } catch (error) {
      await screenshot(page, "officer-month-failure").catch(() => undefined);
      throw error;
    } finally {
      mkdirSync(OUTPUT_DIR, { recursive: true });
      writeFileSync(join(OUTPUT_DIR, "officer-month-keys.txt"), user.log.join("\n") + "\n");
    }
  });
});
