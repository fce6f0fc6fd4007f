/**
 * Typing into the preview grid at full speed (no delay between keys) through a refused entry, and
 * Excel's in-cell dropdown for list cells, with the pane re-checking the return as the cells change:
 *  - a month the list refuses, Tab, the next cell's words, Tab: the stop alert opens and no key
 *    typed after the refused entry reaches a cell; the alert is a modal alert dialog named by its
 *    title and described by its message, Tab and Shift+Tab cycle its buttons, Escape is Cancel;
 *  - a month typed as a month ("Aug 2020"), Tab, the outcome area, Tab, the stakeholder group,
 *    Tab: every key lands in order, whatever the re-check is doing;
 *  - the dropdown by mouse and by Alt+Down picks a month the cell's validation accepts;
 *  - axe on the grid with the alert open and with the dropdown open.
 * Everything waits on the page's own state, never on time.
 */
import type { Locator, Page } from "playwright-core";
import { screenshot } from "./support/browser";
import { expectNoSeriousViolations, openCheckTab, runCheck, selectedCell, waitForCheckAfter, checkCount, waitForWatchingEdits } from "./support/check";
import { describeFocus, isFocused } from "./support/keyboard";
import { taskPaneForEachTest } from "./support/lifecycle";
import { showSheet, startFromSample } from "./support/taskpane";

const harness = taskPaneForEachTest();

const REFUSED_MESSAGE = "Month: choose a value from the dropdown. Or type a month of this reporting year, such as Aug 2026.";

function grid(page: Page): Locator {
  return page.getByRole("grid", { name: "Case studies sheet" });
}

function cell(page: Page, address: string): Locator {
  return grid(page).locator(`td[data-cell="${address}"]`);
}

/** A cell's text as the grid draws it (without the editor's). */
async function shown(page: Page, address: string): Promise<string> {
  return cell(page, address).evaluate((td) => [...td.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE || (n as Element).tagName === "SPAN").map((n) => n.textContent ?? "").join("").trim());
}

async function waitForSelected(page: Page, address: string): Promise<void> {
  await page.waitForFunction((a) => document.querySelector('output[aria-label="Selected cell"]')?.textContent?.trim() === a, address);
}

/** The sample return on the Case studies sheet, checked once so that every edit is re-checked; B5 (the first blank story's Month) selected. */
async function caseStudiesReady(page: Page): Promise<void> {
  await startFromSample(page);
  await openCheckTab(page);
  await runCheck(page);
  await waitForWatchingEdits(page);
  await showSheet(page, "Case studies");
  await cell(page, "B5").click();
  await waitForSelected(page, "B5");
  expect(await isFocused(grid(page))).toBe(true);
}

describe("typing into the grid at full speed", () => {
  it("drops every key typed after a refused entry; the alert is announced, keeps focus and closes with Escape as Cancel", async () => {
    const { page } = harness.pane;
    await caseStudiesReady(page);
    expect([await shown(page, "B5"), await shown(page, "C5")]).toEqual(["", ""]);

    // No delay between keys: the alert opens while the rest is still being typed.
    await page.keyboard.type("Summer");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Employment and skills");
    await page.keyboard.press("Tab");
    await page.keyboard.type("more");

    const alert = page.getByRole("alertdialog", { name: "Choose from the list" });
    await alert.waitFor({ state: "visible" });
    // Announced: a modal alert dialog, named by its title, described by its message, hidden from nobody.
    const semantics = await alert.evaluate((el) => ({
      modal: el.getAttribute("aria-modal"),
      description: (el.getAttribute("aria-describedby") ?? "")
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" "),
      hidden: el.closest('[aria-hidden="true"]') !== null,
      open: (el as HTMLDialogElement).open,
    }));
    expect(semantics).toEqual({ modal: "true", description: REFUSED_MESSAGE, hidden: false, open: true });
    // Nothing after the refused entry reached a cell: the month cell is still blank, the next cell too, and the cell's entry is just what was refused.
    expect([await shown(page, "B5"), await shown(page, "C5")]).toEqual(["", ""]);
    expect(await page.getByRole("textbox", { name: "Editing Case studies!B5" }).inputValue()).toBe("Summer");
    expect(await selectedCell(page)).toBe("B5");
    await screenshot(page, "90-grid-entry-refused");
    await expectNoSeriousViolations(page, "grid-entry-alert");

    // Focus is in the alert (on Retry as it opened; the Tab typed after the words moved it on, as it would in Excel's box),
    // and stays there: Tab and Shift+Tab cycle its two buttons.
    const retry = alert.getByRole("button", { name: "Retry" });
    const cancel = alert.getByRole("button", { name: "Cancel" });
    expect((await isFocused(retry)) || (await isFocused(cancel))).toBe(true);
    const start = await describeFocus(page);
    const other = start === 'button "Retry"' ? 'button "Cancel"' : 'button "Retry"';
    const walk: string[] = [];
    for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab"]) {
      await page.keyboard.press(key);
      walk.push(await describeFocus(page));
    }
    expect(walk).toEqual([other, start, other, start, other]);

    // Escape is Cancel: the entry is dropped, focus back on the grid, nothing written anywhere.
    await page.keyboard.press("Escape");
    await alert.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "grid");
    expect(await page.getByRole("textbox", { name: /^Editing / }).count()).toBe(0);
    expect([await shown(page, "B5"), await shown(page, "C5")]).toEqual(["", ""]);
    expect(await selectedCell(page)).toBe("B5");

    // Refused alone, the alert opens with its default button, Retry, focused; Enter is Retry: back in the cell with what was typed, Escape there cancels.
    await page.keyboard.type("Winter");
    await page.keyboard.press("Enter");
    await alert.waitFor({ state: "visible" });
    expect(await isFocused(retry)).toBe(true);
    await page.keyboard.press("Enter");
    await alert.waitFor({ state: "detached" });
    const editor = page.getByRole("textbox", { name: "Editing Case studies!B5" });
    expect(await isFocused(editor)).toBe(true);
    expect(await editor.inputValue()).toBe("Winter");
    await page.keyboard.press("Escape");
    await editor.waitFor({ state: "detached" });
    expect(await shown(page, "B5")).toBe("");

    // A month typed as a month, and the row's next cells, at full speed while the pane re-checks: every key lands, in order.
    const n = await checkCount(page);
    await page.keyboard.type("Aug 2020");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Social isolation");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Older residents");
    await page.keyboard.press("Tab");
    await waitForSelected(page, "E5");
    expect(await page.getByRole("alertdialog").count()).toBe(0);
    expect([await shown(page, "B5"), await shown(page, "C5"), await shown(page, "D5")]).toEqual(["Aug 2020", "Social isolation", "Older residents"]);
    await waitForCheckAfter(page, n);
    // The month is a date in the workbook, as Excel makes "Aug 2020" typed into a date cell.
    const month = await page.evaluate(() => window.impactReturnsPreview!.host.cell("Case studies", "B5").value);
    expect(month).toBe(44044);
  });

  it("offers a list cell's months in Excel's dropdown, by mouse and by Alt+Down, and enters the month picked", async () => {
    const { page } = harness.pane;
    await caseStudiesReady(page);
    // The arrow shows on the active cell only.
    const arrows = grid(page).getByRole("button", { name: /^Choose a value for / });
    expect(await arrows.count()).toBe(1);
    expect(await arrows.first().getAttribute("aria-label")).toBe("Choose a value for Case studies!B5");
    expect(await arrows.first().getAttribute("aria-expanded")).toBe("false");

    // By mouse: the arrow opens the list of the year's months, as the Framework sheet shows them.
    await arrows.first().click();
    const list = page.getByRole("listbox", { name: "Values for Case studies!B5" });
    await list.waitFor({ state: "visible" });
    expect(await isFocused(list)).toBe(true);
    expect(await list.getByRole("option").allInnerTexts()).toEqual(["Apr 2020", "May 2020", "Jun 2020", "Jul 2020", "Aug 2020", "Sep 2020", "Oct 2020", "Nov 2020", "Dec 2020", "Jan 2021", "Feb 2021", "Mar 2021"]);
    expect(await arrows.first().getAttribute("aria-expanded")).toBe("true");
    await screenshot(page, "91-grid-entry-dropdown");
    await expectNoSeriousViolations(page, "grid-entry-dropdown");
    await list.getByRole("option", { name: "Jul 2020" }).click();
    await list.waitFor({ state: "detached" });
    // The pointer leaves the grid, so the next list does not open under it (hovering an option highlights it).
    await page.mouse.move(1, 1);
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "grid");
    expect(await shown(page, "B5")).toBe("Jul 2020");
    expect(await page.getByRole("alertdialog").count()).toBe(0);

    // By keyboard: Alt+Down on the next row's Month, Down twice, Enter.
    await page.keyboard.press("ArrowDown");
    await waitForSelected(page, "B6");
    await page.keyboard.press("Alt+ArrowDown");
    const list6 = page.getByRole("listbox", { name: "Values for Case studies!B6" });
    await list6.waitFor({ state: "visible" });
    expect(await isFocused(list6)).toBe(true);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await list6.getByRole("option", { selected: true }).innerText()).toBe("Jun 2020");
    await page.keyboard.press("Enter");
    await list6.waitFor({ state: "detached" });
    expect(await shown(page, "B6")).toBe("Jun 2020");

    // Escape closes the list with nothing written, focus back on the grid.
    await page.keyboard.press("ArrowDown");
    await waitForSelected(page, "B7");
    await page.keyboard.press("Alt+ArrowDown");
    await page.getByRole("listbox", { name: "Values for Case studies!B7" }).waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await page.getByRole("listbox").waitFor({ state: "detached" });
    expect(await isFocused(grid(page))).toBe(true);
    expect(await shown(page, "B7")).toBe("");

    // What was picked are the list's dates, which the cell's validation accepts.
    const values = await page.evaluate(() => {
      const host = window.impactReturnsPreview!.host;
      return ["B5", "B6"].map((a) => host.cell("Case studies", a).value);
    });
    expect(values).toEqual([44013, 43983]);
  });
});
