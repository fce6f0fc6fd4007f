/**
 * The Check view in preview, driven as a user would: clicks, typing and the keyboard in the task
 * pane, and the read-only grid to see what happened in the workbook. The officer's own typing in
 * Excel is stood in for by the preview host's userEdit (the grid cannot be typed into).
 */
import { HIGHLIGHT } from "../src/core/layout/contract";
import { screenshot } from "./support/browser";
import {
  cellBackground,
  checkCount,
  checkPanel,
  checkedAt,
  expectNoSeriousViolations,
  groupLocations,
  groupTitles,
  issueGroup,
  issueRows,
  openCheckTab,
  paneScreenshot,
  results,
  rgb,
  runCheck,
  selectedCell,
  summaryLine,
  switchToDarkTheme,
  typeInExcel,
  waitForWatchingEdits,
  waitForCheckAfter,
} from "./support/check";
import { isFocused } from "./support/keyboard";
import { taskPaneForEachTest } from "./support/lifecycle";
import { findCells, gridCells, joinAddress, showSheet, shownSheet, splitAddress, startFromSample, valueBeside } from "./support/taskpane";
import type { Locator, Page } from "playwright-core";

const harness = taskPaneForEachTest();

/** Faults an officer might make in the sample return, and where the check must find them. */
async function seedFaults(page: Page): Promise<void> {
  await typeInExcel(page, "Measures", "G2", [["abc"]]); // text where a number belongs
  await typeInExcel(page, "Measures", "H3", [[187.5]]); // a decimal in a whole-number measure
  await typeInExcel(page, "Measures", "H4", [[1234]]); // a month far out of line (a warning)
  await typeInExcel(page, "Measures", "J2", [[700]]); // August started with one measure only: others required
  await typeInExcel(page, "Outcomes", "A3", [["Pensioners"]]); // a stakeholder group not on the Stakeholders sheet
  await typeInExcel(page, "Return", "B7", [["priya at riverside"]]); // not an email address
}

/** The sample return, on the Check tab. */
async function sampleOnCheckTab(page: Page): Promise<void> {
  await startFromSample(page);
  await openCheckTab(page);
}

/** Types an explanation against an issue in the Checks sheet's Explanation column, finding its row through the grid. */
async function explainInChecksSheet(page: Page, code: string, cell: string, explanation: string): Promise<void> {
  await showSheet(page, "Checks");
  const cells = await gridCells(page);
  const [explanationHeader] = findCells(cells, "Explanation");
  if (!explanationHeader) throw new Error("the Checks sheet has no Explanation column");
  const row = findCells(cells, code)
    .map((a) => splitAddress(a).row)
    .find((r) => Object.entries(cells).some(([a, text]) => text === cell && splitAddress(a).row === r));
  if (row === undefined) throw new Error(`no row for ${code} at ${cell} on the Checks sheet`);
  await typeInExcel(page, "Checks", joinAddress(splitAddress(explanationHeader).column, row), [[explanation]]);
}

describe("Check, by clicking", () => {
  it("finds the seeded faults, groups them, and goes to their cells", async () => {
    const { page } = harness.pane;
    await sampleOnCheckTab(page);
    await paneScreenshot(page, "40-check-opened");
    // Before any check, signing off is not possible, and the pane says why.
    expect(
      await checkPanel(page)
        .getByText(/^Check the return first/)
        .isVisible(),
    ).toBe(true);

    await seedFaults(page);
    await runCheck(page);
    expect(await checkedAt(page).innerText()).toMatch(/^Checked at \d{2}:\d{2}$/);
    expect(await summaryLine(page)).toBe("10 errors, 2 warnings");
    // The officer's own typing mistakes first, then their consequences (a required measure missing).
    expect(await groupTitles(page)).toEqual([
      "Text where a number belongs",
      "Decimal in a whole-number field",
      "Email address not valid",
      "Stakeholder group not on the Stakeholders sheet",
      "Required measure not reported",
      "Month far out of line",
    ]);
    expect(await groupLocations(issueGroup(page, "Text where a number belongs"))).toEqual(["Measures!G2"]);
    expect(await groupLocations(issueGroup(page, "Decimal in a whole-number field"))).toEqual(["Measures!H3"]);
    expect(await groupLocations(issueGroup(page, "Stakeholder group not on the Stakeholders sheet"))).toEqual(["Outcomes!A3"]);
    expect(await groupLocations(issueGroup(page, "Email address not valid"))).toEqual(["Return!B7"]);
    expect(await groupLocations(issueGroup(page, "Month far out of line"))).toEqual(["Measures!H4", "Measures!I20"]);
    const notNumber = issueGroup(page, "Text where a number belongs");
    expect(await notNumber.innerText()).toMatch(/Error\s*1 cell/);
    expect(await issueRows(notNumber).first().innerText()).toMatch(/"abc" is not a number/);
    expect(await issueGroup(page, "Month far out of line").innerText()).toMatch(/Warning\s*2 cells/);
    await paneScreenshot(page, "41-check-issues");

    // The catalogue says what a check means, on request.
    const about = notNumber.getByRole("button", { name: 'What "Text where a number belongs" means' });
    expect(await about.getAttribute("aria-expanded")).toBe("false");
    await about.click();
    expect(await about.getAttribute("aria-expanded")).toBe("true");
    expect(await notNumber.getByText(/A cell that needs a number holds text/).isVisible()).toBe(true);

    // A long group shows its first three cells, and the rest on request.
    const required = issueGroup(page, "Required measure not reported");
    expect(await groupLocations(required)).toEqual(["Measures!J3", "Measures!J8", "Measures!J13"]);
    await required.getByRole("button", { name: "Show all 6" }).click();
    expect(await groupLocations(required)).toEqual(["Measures!J3", "Measures!J8", "Measures!J13", "Measures!J18", "Measures!J19", "Measures!J21"]);
    // Focus lands on the first cell that appeared.
    expect(await isFocused(issueRows(required).nth(3))).toBe(true);
    await screenshot(page, "42-check-show-all");
    await required.getByRole("button", { name: "Show fewer" }).click();
    expect(await issueRows(required).count()).toBe(3);

    // Clicking a cell selects it in Excel: the grid shows the sheet with the cell selected, highlighted light red.
    await issueRows(notNumber).first().click();
    await page.waitForFunction(() => document.querySelector('output[aria-label="Selected cell"]')?.textContent?.trim() === "G2");
    expect(await shownSheet(page)).toBe("Measures");
    expect(await selectedCell(page)).toBe("G2");
    expect(await cellBackground(page, "G2")).toBe(rgb(HIGHLIGHT.error.fill));
    expect(await cellBackground(page, "H4")).toBe(rgb(HIGHLIGHT.warning.fill));
    expect(await cellBackground(page, "F2")).not.toBe(rgb(HIGHLIGHT.error.fill));
    await screenshot(page, "43-check-went-to-cell");

    await issueRows(issueGroup(page, "Stakeholder group not on the Stakeholders sheet")).first().click();
    await page.waitForFunction(() => document.querySelector('output[aria-label="Selected cell"]')?.textContent?.trim() === "A3");
    expect(await shownSheet(page)).toBe("Outcomes");
    expect(await cellBackground(page, "A3")).toBe(rgb(HIGHLIGHT.error.fill));

    // The Checks sheet lists every issue; "Go to the Checks sheet" opens it at the Explanation column.
    await checkPanel(page).getByRole("button", { name: "Go to the Checks sheet" }).click();
    await page.waitForFunction(() => document.querySelector('output[aria-label="Selected cell"]')?.textContent?.trim() === "F2");
    expect(await shownSheet(page)).toBe("Checks");
    const checks = await gridCells(page);
    expect(findCells(checks, "not-a-number")).toHaveLength(1);
    expect(findCells(checks, "required-measure-missing")).toHaveLength(6);

    // Fixing the faults clears them on the next check (re-run by itself after the edits).
    await waitForWatchingEdits(page);
    const n = await checkCount(page);
    await typeInExcel(page, "Measures", "G2", [[1320]]);
    await typeInExcel(page, "Measures", "H3", [[187]]);
    await waitForCheckAfter(page, n);
    expect(await groupTitles(page)).not.toContain("Text where a number belongs");
    expect(await groupTitles(page)).not.toContain("Decimal in a whole-number field");
    // H3 is a number again, so its breakdowns are compared with it: H4's 1,234 is more than the total.
    expect(await groupTitles(page)).toContain("Breakdowns do not add up to the total");
    expect(await summaryLine(page)).toBe("8 errors, 3 warnings");
  });

  it("accepts an explained warning, then marks a clean return ready to send", async () => {
    const { page } = harness.pane;
    await sampleOnCheckTab(page);
    await runCheck(page);
    // The sample return has one warning: July's redeployed staff is far below the other months.
    expect(await summaryLine(page)).toBe("0 errors, 1 warning");
    expect(await groupLocations(issueGroup(page, "Month far out of line"))).toEqual(["Measures!I20"]);
    const signOff = checkPanel(page).getByRole("button", { name: "Mark ready to send" });
    expect(await signOff.getAttribute("aria-disabled")).toBe("true");
    expect(
      await checkPanel(page)
        .getByText(/^Fix or explain the 1 warning/)
        .isVisible(),
    ).toBe(true);
    await paneScreenshot(page, "44-check-one-warning");

    // The officer explains it in the Checks sheet, and checks again: the warning is accepted.
    await explainInChecksSheet(page, "month-out-of-line", "I20", "Staff went back to their usual roles in July as services reopened.");
    await runCheck(page);
    const explained = results(page).getByRole("region", { name: "Explained warnings (1)" });
    expect(await explained.isVisible()).toBe(true);
    expect(await explained.innerText()).toMatch(/Measures!I20[\s\S]*Explanation: Staff went back to their usual roles/);
    expect(await results(page).getByText("No errors or warnings", { exact: true }).isVisible()).toBe(true);
    expect(await groupTitles(page)).toEqual([]);
    expect(await signOff.getAttribute("aria-disabled")).toBeNull();
    await paneScreenshot(page, "45-check-explained-clean");

    // Signing off needs a name; then it is recorded on the Return sheet.
    await signOff.click();
    expect(
      await checkPanel(page)
        .getByText(/^Type your name/)
        .isVisible(),
    ).toBe(true);
    await checkPanel(page).getByRole("textbox", { name: "Your name" }).click();
    await page.keyboard.type("Priya Shah", { delay: 5 });
    await signOff.click();
    const done = checkPanel(page).getByText("Marked ready to send", { exact: true });
    await done.waitFor({ state: "visible", timeout: 30_000 });
    expect(
      await checkPanel(page)
        .getByText(/^Signed off by Priya Shah on \d{1,2} \w+ \d{4} at \d{2}:\d{2}/)
        .isVisible(),
    ).toBe(true);
    await paneScreenshot(page, "46-check-signed-off");

    await showSheet(page, "Return");
    const ret = await gridCells(page);
    expect(valueBeside(ret, "Signed off by")).toBe("Priya Shah");
    expect(ret.B9).toBe("Priya Shah");
    expect(ret.B10).toMatch(/\d/); // the date, as the cell's format shows it
    expect(ret.B11).toBe("returns@centre.example"); // Centre email, asked for once by Set up
    expect(ret.B12).toMatch(/^[0-9a-f]{64}$/);
    expect(valueBeside(ret, "Data checksum")).toBe(ret.B12);

    // An edit afterwards is checked again by itself, and the change since sign-off is flagged.
    await waitForWatchingEdits(page);
    const n = await checkCount(page);
    await typeInExcel(page, "Measures", "G2", [[1321]]);
    await waitForCheckAfter(page, n);
    expect(await checkedAt(page).innerText()).toMatch(/^Checked again at \d{2}:\d{2}$/);
    expect(await groupTitles(page)).toEqual(["Data changed after sign-off"]);
    // The warning names the cell that changed since sign-off.
    expect(await groupLocations(issueGroup(page, "Data changed after sign-off"))).toEqual(["Measures!G2"]);
    expect(await done.count()).toBe(0);
    // Signing off again is how a change since sign-off is dealt with, so it stays available.
    expect(await signOff.getAttribute("aria-disabled")).not.toBe("true");
    await paneScreenshot(page, "47-check-changed-after-sign-off");
  });

  it("re-checks after edits only while the switch is on, once for a burst of edits; off, says the results are out of date", async () => {
    const { page } = harness.pane;
    await sampleOnCheckTab(page);
    await runCheck(page);
    const automatic = checkPanel(page).getByRole("switch", { name: "Check again automatically after edits" });
    expect(await automatic.isChecked()).toBe(true);

    // A burst of edits (two cells changed at once) gives one re-check once the edits pause (the
    // delay itself is the scheduler's unit test): wait for the pane to be idle again, then count.
    await waitForWatchingEdits(page);
    let n = await checkCount(page);
    await page.evaluate(async () => {
      const host = window.impactReturnsPreview!.host;
      await Promise.all([host.userEdit("Measures", "G2", [["x"]]), host.userEdit("Measures", "G3", [["y"]])]);
    });
    await waitForCheckAfter(page, n);
    expect(await checkPanel(page).getByTestId("recheck-waiting").count()).toBe(0);
    expect(await checkCount(page)).toBe(n + 1);
    expect(await summaryLine(page)).toMatch(/^2 errors/);

    // Switched off: an edit is noticed (the results say they are out of date) and not checked until the user asks.
    await automatic.click();
    expect(await automatic.isChecked()).toBe(false);
    n = await checkCount(page);
    await typeInExcel(page, "Measures", "G2", [[1320]]);
    await checkPanel(page).locator("[data-testid=checked-at][data-stale]").waitFor({ state: "visible" });
    expect(await checkPanel(page).getByTestId("checked-at").innerText()).toMatch(/edited since: check again to update$/);
    expect(await checkPanel(page).getByTestId("recheck-waiting").count()).toBe(0);
    expect(await checkCount(page)).toBe(n);
    await paneScreenshot(page, "48-check-auto-off");
    await runCheck(page);
    expect(await summaryLine(page)).toMatch(/^1 error/);
  });
});

describe("Check on workbooks that are not (quite) returns", () => {
  it("says when the workbook is not a return, and shows whole-sheet problems first", async () => {
    const { page } = harness.pane;
    // The preview starts with an empty workbook.
    await openCheckTab(page);
    await runCheck(page);
    expect(await results(page).getByText("This workbook is not a return yet", { exact: true }).isVisible()).toBe(true);
    expect(
      await checkPanel(page)
        .getByText(/^This workbook is not a return yet: set it up on the Set up tab/)
        .isVisible(),
    ).toBe(true);
    await paneScreenshot(page, "52-check-not-a-return");

    // The officer deletes the Case studies sheet in Excel, and keeps a sheet of their own called Checks.
    await startFromSample(page);
    await openCheckTab(page);
    await page.evaluate(async () => {
      await window.impactReturnsPreview!.host.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem("Case studies").delete();
        sheets.getItem("Checks").delete();
        sheets.add("Checks").getRange("A1").values = [["My own notes"]];
        await context.sync();
      });
    });
    await runCheck(page);
    expect(await summaryLine(page)).toBe("1 error, 1 warning");
    const wholeSheet = results(page).getByRole("group", { name: "A whole sheet needs attention" });
    expect(await wholeSheet.innerText()).toMatch(/Sheet or table missing \(Case studies sheet\): The workbook has no Case studies sheet/);
    expect(await wholeSheet.getByRole("button").count()).toBe(0);
    expect(await results(page).getByText("The Checks sheet was not updated", { exact: true }).isVisible()).toBe(true);
    expect(
      await results(page)
        .getByText(/a sheet called 'Checks' that Impact Returns did not make/)
        .isVisible(),
    ).toBe(true);
    // Whole-sheet problems come before the groups of cells.
    const order = await results(page).evaluate((el) => {
      const text = (el as HTMLElement).innerText;
      return [text.indexOf("A whole sheet needs attention"), text.indexOf("Month far out of line")];
    });
    expect(order[0]).toBeGreaterThanOrEqual(0);
    expect(order[0]).toBeLessThan(order[1]!);
    await paneScreenshot(page, "53-check-whole-sheet");
    await expectNoSeriousViolations(page, "check-light-whole-sheet");
  });
});

describe("Check with the keyboard only", () => {
  it("checks, moves through the issues and selects a cell without a click", async () => {
    const { page } = harness.pane;
    await startFromSample(page);
    await seedFaults(page);
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

    // The view tabs: Tab to them, then the arrow key to Check.
    const viewTabs = page.getByRole("tablist", { name: "Impact Returns views" });
    await page.locator("body").focus();
    await tabTo(viewTabs);
    await press("ArrowRight");
    expect(await isFocused(viewTabs.getByRole("tab", { name: "Check" }))).toBe(true);
    await checkPanel(page).getByRole("heading", { level: 2, name: "Check this return" }).waitFor({ state: "visible" });

    await tabTo(checkPanel(page).getByRole("button", { name: "Check the return" }));
    const n = await checkCount(page);
    await press("Enter");
    await waitForCheckAfter(page, n);
    // Focus moves to the results.
    await page.waitForFunction(() => document.activeElement?.id === "check-results-heading", undefined, { timeout: 5_000 });

    const first = issueRows(issueGroup(page, "Text where a number belongs")).first();
    await tabTo(first, 10);
    // Down through the one-cell groups (decimal, email, stakeholder group) to the required measures.
    for (const group of ["Decimal in a whole-number field", "Email address not valid", "Stakeholder group not on the Stakeholders sheet"]) {
      await press("ArrowDown");
      expect(await isFocused(issueRows(issueGroup(page, group)).first())).toBe(true);
    }
    const required = issueRows(issueGroup(page, "Required measure not reported"));
    await press("ArrowDown");
    expect(await isFocused(required.nth(0))).toBe(true);
    await press("ArrowDown");
    expect(await isFocused(required.nth(1))).toBe(true);
    await press("ArrowUp");
    expect(await isFocused(required.nth(0))).toBe(true);
    await press("Enter");
    await page.waitForFunction(() => document.querySelector('output[aria-label="Selected cell"]')?.textContent?.trim() === "J3");
    expect(await shownSheet(page)).toBe("Measures");
    expect(await selectedCell(page)).toBe("J3");
    expect(await isFocused(required.nth(0))).toBe(true);
    await screenshot(page, "49-check-keyboard");
  });
});

describe.each(["light", "dark"] as const)("Check accessibility, %s theme", (theme) => {
  it("has no serious or critical axe violation: opened, with issues, and signed off", async () => {
    const { page } = harness.pane;
    if (theme === "dark") await switchToDarkTheme(page);
    await sampleOnCheckTab(page);
    await expectNoSeriousViolations(page, `check-${theme}-opened`);

    await seedFaults(page);
    await runCheck(page);
    await issueGroup(page, "Text where a number belongs").getByRole("button", { name: /^What/ }).click();
    await issueGroup(page, "Required measure not reported").getByRole("button", { name: "Show all 6" }).click();
    await paneScreenshot(page, `50-check-${theme}-issues`);
    await expectNoSeriousViolations(page, `check-${theme}-issues`);

    // A fresh sample, its one warning explained, signed off.
    await startFromSample(page);
    await openCheckTab(page);
    await runCheck(page);
    await explainInChecksSheet(page, "month-out-of-line", "I20", "Staff went back to their usual roles in July.");
    await runCheck(page);
    await checkPanel(page).getByRole("textbox", { name: "Your name" }).click();
    await page.keyboard.type("Priya Shah");
    await checkPanel(page).getByRole("button", { name: "Mark ready to send" }).click();
    await checkPanel(page).getByText("Marked ready to send", { exact: true }).waitFor({ state: "visible", timeout: 30_000 });
    await paneScreenshot(page, `51-check-${theme}-signed-off`);
    await expectNoSeriousViolations(page, `check-${theme}-signed-off`);
  });
});
