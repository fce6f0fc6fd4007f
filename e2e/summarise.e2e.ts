/**
 * The Summarise view in preview, driven as a user would: the sample return (Riverside Homes,
 * Apr-Jul 2020), the Summarise tab, "Build board summary", the key figures in the pane, and the
 * Board summary, Summary pivots and Summary charts sheets in the grid beside it. By mouse and by
 * keyboard alone; axe in light and dark.
 */
import type { Locator, Page } from "playwright-core";
import { SAMPLE_FIGURES } from "../src/preview/sample-return";
import { screenshot } from "./support/browser";
import { expectNoSeriousViolations, paneScreenshot, switchToDarkTheme, typeInExcel } from "./support/check";
import { isFocused } from "./support/keyboard";
import { taskPaneForEachTest } from "./support/lifecycle";
import {
  buildButton,
  buildSummary,
  cardFigures,
  cardNames,
  measureCard,
  openSummariseTab,
  showBoardSummaryButton,
  summaryCount,
  summariseHeading,
  summarisePanel,
  waitForSummaryAfter,
} from "./support/summarise";
import { findCells, gridCells, gridRegion, showSheet, shownSheet, sheetTabs, startFromSample } from "./support/taskpane";

const harness = taskPaneForEachTest();

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const count = (n: number) => n.toLocaleString("en-GB");
const money = (n: number) => n.toLocaleString("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2 });

async function sampleOnSummariseTab(page: Page): Promise<void> {
  await startFromSample(page);
  await openSummariseTab(page);
}

/**
 * Stands in for the user clicking another sheet's tab in Excel: activates `sheet` in the workbook.
 * (The preview grid's own tabs only change what the grid shows, not Excel's active sheet.)
 */
async function activateInExcel(page: Page, sheet: string): Promise<void> {
  await page.evaluate(async (name) => {
    await window.impactReturnsPreview!.host.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }, sheet);
  await waitForShownSheet(page, sheet);
}

/** Waits until the grid shows `sheet` (the pane's action activates it in the workbook). */
async function waitForShownSheet(page: Page, sheet: string): Promise<void> {
  await page.getByRole("region", { name: `Sheet ${sheet}, read-only` }).waitFor({ state: "visible", timeout: 15_000 });
}

describe("Summarise, by clicking", () => {
  it("builds the board summary from the sample return and shows its key figures", async () => {
    const { page } = harness.pane;
    await sampleOnSummariseTab(page);
    expect(await buildButton(page).innerText()).toBe("Build board summary");
    await paneScreenshot(page, "60-summarise-opened");

    // Progress steps show while it builds: record them as they appear.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { summariseSteps: string[] }).summariseSteps = seen;
      new MutationObserver(() => {
        const step = document.querySelector("[data-testid=summarise-step]")?.textContent;
        if (step && seen[seen.length - 1] !== step) seen.push(step);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await buildButton(page).click();
    await waitForSummaryAfter(page, 0);
    const steps = await page.evaluate(() => (window as unknown as { summariseSteps: string[] }).summariseSteps);
    expect(steps).toEqual(expect.arrayContaining(["Reading the return…", "Writing the summary, PivotTables and charts…"]));
    expect(await buildButton(page).innerText()).toBe("Refresh board summary");
    expect(await summarisePanel(page).getByTestId("months-covered").innerText()).toBe("Riverside Homes (RH01): Apr 2020 to Jul 2020, 4 of 12 months");
    expect(await cardNames(page)).toEqual([
      "Welfare calls made",
      "Residents supported with advice and guidance",
      "Direct financial support given",
      "Food interventions",
      "Vulnerable residents",
      "Residents at risk of rent arrears",
    ]);

    // Flows add up: year to date and the latest month.
    const calls = SAMPLE_FIGURES.WELFARE_CALLS![""]!;
    expect(sum(calls)).toBe(4830);
    expect(await cardFigures(measureCard(page, "Welfare calls made"))).toEqual({
      "Year to date": `${count(sum(calls))} (4 months)`,
      "Latest month": "710 in Jul 2020",
    });
    const support = SAMPLE_FIGURES.FINANCIAL_SUPPORT!.Total!;
    expect(await cardFigures(measureCard(page, "Direct financial support given"))).toEqual({
      "Year to date": `${money(sum(support))} (4 months)`,
      "Latest month": "£9,880.25 in Jul 2020",
    });
    expect(money(sum(support))).toBe("£54,925.75");
    // Stocks never do: their latest value, and the direction in words.
    expect(await cardFigures(measureCard(page, "Vulnerable residents"))).toEqual({
      Latest: "2,298 in Jul 2020",
      Direction: "Lower than Jun 2020 (down 44)",
    });
    expect(await cardFigures(measureCard(page, "Residents at risk of rent arrears"))).toEqual({
      Latest: "1,164 in Jul 2020",
      Direction: "Lower than Jun 2020 (down 34)",
    });
    const value = summarisePanel(page).getByRole("region", { name: "Social value and stories" });
    expect(await value.innerText()).toMatch(/Social value\s*£[\d,]+\.\d\d from \d+ outcomes/);
    // No internal codes or units anywhere in the pane.
    expect(await summarisePanel(page).innerText()).not.toMatch(/WELFARE_CALLS|VULNERABLE_RESIDENTS|\bgbp\b|\bflow\b|\bstock\b/);
    await paneScreenshot(page, "61-summarise-built");

    // The summary's sheets are in the workbook.
    const tabs = await sheetTabs(page);
    for (const sheet of ["Board summary", "Summary charts", "Summary pivots"]) expect(tabs).toContain(sheet);

    // "Show the board summary" activates the Board summary sheet in the workbook.
    await activateInExcel(page, "Measures");
    await showBoardSummaryButton(page).click();
    await waitForShownSheet(page, "Board summary");
    expect(await shownSheet(page)).toBe("Board summary");
    const board = await gridCells(page);
    expect(findCells(board, "Welfare calls made").length).toBeGreaterThan(0);
    expect(Object.values(board)).toContain("4,830");
    await screenshot(page, "62-summarise-board-summary");

    // The PivotTables are real cells in the grid; the charts are drawn over theirs.
    await showSheet(page, "Summary pivots");
    expect(Object.keys(await gridCells(page)).length).toBeGreaterThan(10);
    await screenshot(page, "63-summarise-pivots");
    await showSheet(page, "Summary charts");
    await screenshot(page, "64-summarise-charts");
    expect(await gridRegion(page).isVisible()).toBe(true);

    // Refreshing builds it again, in place.
    const n = await summaryCount(page);
    await buildSummary(page);
    expect(await summaryCount(page)).toBe(n + 1);
    expect(await summarisePanel(page).getByTestId("built-at").innerText()).toMatch(/^Refreshed at \d{2}:\d{2}$/);
  });

  it("leaves out figures with check errors, and says so", async () => {
    const { page } = harness.pane;
    await sampleOnSummariseTab(page);
    await typeInExcel(page, "Measures", "G2", [["abc"]]); // text where May's welfare calls belong
    await buildSummary(page);
    expect(await summarisePanel(page).getByText(/^1 figure with check errors was left out: run Check to see it\.$/).isVisible()).toBe(true);
    const calls = SAMPLE_FIGURES.WELFARE_CALLS![""]!;
    const figures = await cardFigures(measureCard(page, "Welfare calls made"));
    expect(figures["Year to date"]).toBe(`${count(sum(calls) - calls[1]!)} (3 months)`);
    expect(figures["Left out"]).toBe("1 figure with check errors");
    await paneScreenshot(page, "65-summarise-left-out");
  });

  it("refuses plainly when the workbook is not a return", async () => {
    const { page } = harness.pane;
    await openSummariseTab(page);
    await buildButton(page).click();
    const refused = summarisePanel(page).getByRole("group", { name: "The board summary was not built" });
    await refused.waitFor({ state: "visible", timeout: 30_000 });
    expect(await refused.innerText()).toMatch(/not a return/i);
    expect(await summarisePanel(page).getByRole("region", { name: "Key figures" }).count()).toBe(0);
    await paneScreenshot(page, "66-summarise-not-a-return");
  });
});

describe("Summarise with the keyboard only", () => {
  it("reaches the tab, builds, and shows the board summary without a click", async () => {
    const { page } = harness.pane;
    await startFromSample(page);
    const log: string[] = [];
    const press = async (key: string) => {
      await page.keyboard.press(key);
      log.push(`${key} -> ${await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.replace(/\s+/g, " ").slice(0, 50) ?? "")}`);
    };
    const tabTo = async (target: Locator, max = 40) => {
      for (let i = 0; i < max; i++) {
        await press("Tab");
        if (await isFocused(target)) return;
      }
      throw new Error(`Tab never reached the target: ${log.slice(-8).join(" | ")}`);
    };

    const viewTabs = page.getByRole("tablist", { name: "Impact Returns views" });
    await page.locator("body").focus();
    await tabTo(viewTabs);
    // Summarise is the last tab but one (Collate follows it).
    await press("End");
    await press("ArrowLeft");
    const tab = viewTabs.getByRole("tab", { name: "Summarise" });
    expect(await isFocused(tab)).toBe(true);
    expect(await tab.getAttribute("aria-selected")).toBe("true");
    await summariseHeading(page).waitFor({ state: "visible" });

    await tabTo(buildButton(page));
    const n = await summaryCount(page);
    await press("Enter");
    await waitForSummaryAfter(page, n);
    // Focus moves to the results, and the result is announced politely.
    await page.waitForFunction(() => document.activeElement?.id === "summarise-results-heading", undefined, { timeout: 5_000 });
    expect(await summarisePanel(page).getByRole("status").innerText()).toMatch(/^Board summary built: 6 key figures, Apr 2020 to Jul 2020, 4 of 12 months\.$/);

    await activateInExcel(page, "Measures");
    await tabTo(showBoardSummaryButton(page), 5);
    await press("Space");
    await waitForShownSheet(page, "Board summary");
    expect(await isFocused(showBoardSummaryButton(page))).toBe(true);

    // Space on the build button refreshes.
    await tabTo(buildButton(page));
    const m = await summaryCount(page);
    await press("Space");
    await waitForSummaryAfter(page, m);
    expect(await buildButton(page).innerText()).toBe("Refresh board summary");
    await screenshot(page, "67-summarise-keyboard");
  });
});

describe.each(["light", "dark"] as const)("Summarise accessibility, %s theme", (theme) => {
  it("has no serious or critical axe violation: opened, built, and on each summary sheet", async () => {
    const { page } = harness.pane;
    if (theme === "dark") await switchToDarkTheme(page);
    await sampleOnSummariseTab(page);
    await expectNoSeriousViolations(page, `summarise-${theme}-opened`);

    await buildSummary(page);
    await paneScreenshot(page, `68-summarise-${theme}-built`);
    await expectNoSeriousViolations(page, `summarise-${theme}-built`);

    await activateInExcel(page, "Measures");
    await showBoardSummaryButton(page).click();
    await waitForShownSheet(page, "Board summary");
    await screenshot(page, `69-summarise-${theme}-board-summary`);
    await showSheet(page, "Summary pivots");
    await screenshot(page, `70-summarise-${theme}-pivots`);
    await showSheet(page, "Summary charts");
    await screenshot(page, `71-summarise-${theme}-charts`);
    await expectNoSeriousViolations(page, `summarise-${theme}-charts-sheet`);
  });
});
