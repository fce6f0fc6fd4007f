/**
 * The whole Set up flow with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrow keys and
 * typing. No clicks and no programmatic value setting; the test only reads where focus is.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { OUTPUT_DIR, screenshot } from "./support/browser";
import { isFocused } from "./support/keyboard";
import { taskPaneForEachTest } from "./support/lifecycle";
import { gridCells, reviewSection, setupPanel, sheetTabList, sheetTabs, shownSheet, valueBeside } from "./support/taskpane";

const harness = taskPaneForEachTest();

/** What has focus, as a screen reader might name it (role-ish and name). */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "(body)";
    const labelled = el.getAttribute("aria-labelledby");
    const byId = labelled ? labelled.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ") : "";
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? "";
    const name = el.getAttribute("aria-label") || byId || label || el.innerText || (el as HTMLInputElement).value || "";
    return `${el.getAttribute("role") ?? el.tagName.toLowerCase()} "${name.trim().replace(/\s+/g, " ").slice(0, 60)}"`;
  });
}

/** Presses Tab (or Shift+Tab) until `target` has focus; returns the number of presses. */
async function tabTo(page: Page, target: Locator, log: string[], options: { back?: boolean; max?: number } = {}): Promise<number> {
  const key = options.back ? "Shift+Tab" : "Tab";
  for (let presses = 1; presses <= (options.max ?? 40); presses++) {
    await page.keyboard.press(key);
    log.push(`${key} -> ${await describeFocus(page)}`);
    if (await isFocused(target)) return presses;
  }
  throw new Error(`${key} never reached the target; focus went: ${log.slice(-10).join(" | ")}`);
}

/** Changes a focused native select with the arrow keys until it shows `label`. */
async function arrowSelect(page: Page, select: Locator, label: string, log: string[]): Promise<void> {
  const labels = await select.locator("option").allInnerTexts();
  const target = labels.indexOf(label);
  if (target < 0) throw new Error(`no option "${label}"`);
  for (let i = 0; i < labels.length; i++) {
    const current = await select.evaluate((el) => (el as HTMLSelectElement).selectedIndex);
    if (current === target) return;
    const key = current < target ? "ArrowDown" : "ArrowUp";
    await page.keyboard.press(key);
    log.push(`${key} -> ${await select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? "")}`);
  }
  throw new Error(`the arrow keys did not reach "${label}"`);
}

describe("Set up with the keyboard only", () => {
  it("fills the form, reviews and sets up without a click", async () => {
    const { page } = harness.pane;
    const log: string[] = [];
    const panel = setupPanel(page);
    const organisation = panel.getByRole("textbox", { name: "Organisation", exact: true });
    const code = panel.getByRole("textbox", { name: "Organisation code" });
    const centreEmail = panel.getByRole("textbox", { name: "Centre email" });
    const month = panel.getByRole("combobox", { name: "Start month" });
    const year = panel.getByRole("combobox", { name: "Start year" });
    const review = panel.getByRole("button", { name: "Review changes" });

    try {
      await tabTo(page, organisation, log);
      await page.keyboard.type("Northfield Housing");
      // The next stops follow the form's visual order.
      expect(await tabTo(page, code, log, { max: 1 })).toBe(1);
      await page.keyboard.type("NF07");
      // The built-in framework names no centre: Set up asks for its address once.
      expect(await tabTo(page, centreEmail, log, { max: 1 })).toBe(1);
      await page.keyboard.type("returns@centre.example");
      expect(await tabTo(page, month, log, { max: 1 })).toBe(1);
      await arrowSelect(page, month, "April", log);
      expect(await tabTo(page, year, log, { max: 1 })).toBe(1);
      await arrowSelect(page, year, "2025", log);
      expect(await tabTo(page, review, log, { max: 1 })).toBe(1);
      // Shift+Tab goes back the same way.
      expect(await tabTo(page, year, log, { back: true, max: 1 })).toBe(1);
      expect(await tabTo(page, review, log, { max: 1 })).toBe(1);
      await screenshot(page, "20-keyboard-form-filled");

      expect(await organisation.inputValue()).toBe("Northfield Housing");
      expect(await code.inputValue()).toBe("NF07");
      expect(await centreEmail.inputValue()).toBe("returns@centre.example");
      expect(await year.inputValue()).toBe("2025");

      await page.keyboard.press("Enter");
      const reviewHeading = reviewSection(page).getByRole("heading", { name: "Review changes" });
      await reviewHeading.waitFor({ state: "visible" });
      // Focus moves to the review so keyboard and screen reader users land on it.
      await page.waitForFunction(() => document.activeElement?.id === "setup-review-heading");
      log.push(`after Enter on Review changes -> ${await describeFocus(page)}`);
      expect(await isFocused(reviewHeading)).toBe(true);
      await screenshot(page, "21-keyboard-review");

      const setUp = reviewSection(page).getByRole("button", { name: "Set up workbook" });
      await tabTo(page, setUp, log, { max: 20 });
      await page.keyboard.press("Space");
      const done = panel.getByText("The workbook is set up", { exact: true });
      const failed = panel.getByRole("group", { name: /did not finish/ });
      await done.or(failed).first().waitFor({ state: "visible", timeout: 60_000 });
      if (await failed.isVisible()) throw new Error(`Set up failed: ${(await failed.innerText()).replace(/\s+/g, " ")}`);
      // Focus moves to the result.
      await page.waitForFunction(() => /The workbook is set up/.test((document.activeElement as HTMLElement | null)?.innerText ?? ""));
      log.push(`after Space on Set up workbook -> ${await describeFocus(page)}`);
      await screenshot(page, "22-keyboard-setup-done");

      // The grid's sheet tabs work from the keyboard too: reach them, arrow to Return, Enter.
      const tabs = sheetTabList(page).getByRole("tab");
      const labels = await sheetTabs(page);
      await tabTo(page, sheetTabList(page), log, { max: 40 });
      const returnIndex = labels.indexOf("Return");
      expect(returnIndex).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < labels.length && !(await isFocused(tabs.nth(returnIndex))); i++) {
        await page.keyboard.press("ArrowRight");
        log.push(`ArrowRight -> ${await describeFocus(page)}`);
      }
      expect(await isFocused(tabs.nth(returnIndex))).toBe(true);
      await page.keyboard.press("Enter");
      await page.getByRole("region", { name: "Sheet Return, read-only" }).waitFor({ state: "visible" });
      expect(await shownSheet(page)).toBe("Return");
      const ret = await gridCells(page);
      expect(valueBeside(ret, "Organisation")).toBe("Northfield Housing");
      expect(valueBeside(ret, "Organisation code")).toBe("NF07");
      await screenshot(page, "23-keyboard-grid-return");
    } finally {
      mkdirSync(OUTPUT_DIR, { recursive: true });
      writeFileSync(join(OUTPUT_DIR, "keyboard-focus-order.txt"), log.join("\n") + "\n");
    }
  });
});
