/**
 * Set up through the task pane in preview, as a user would (clicks and typing), checked in the
 * in-memory workbook through the read-only grid beside the pane.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BASE_URL, screenshot } from "./support/browser";
import { taskPaneForEachTest } from "./support/lifecycle";
import {
  allSheetCells,
  fillSetupForm,
  gridCells,
  headerRow,
  pressSetUp,
  reviewChanges,
  reviewSection,
  setupPanel,
  sheetStatus,
  sheetTabs,
  showSheet,
  valueBeside,
} from "./support/taskpane";

const harness = taskPaneForEachTest();

const RETURN_SHEETS = ["Return", "Measures", "Stakeholders", "Outcomes", "Case studies"];
const INPUT = { organisation: "Northfield Housing", code: "NF07", startMonth: "April", startYear: "2025" };

describe("the task pane in preview", () => {
  it("opens beside the workbook grid, clearly labelled as a preview", async () => {
    const { page } = harness.pane;
    const banner = page.getByText("Preview - not connected to Excel");
    await banner.waitFor({ state: "visible" });
    const box = await banner.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeLessThan(80); // at the top of the page, not scrolled away
    expect(await page.getByRole("heading", { level: 1, name: "Impact Returns" }).isVisible()).toBe(true);
    expect(await page.getByRole("tab", { name: "Set up", selected: true }).isVisible()).toBe(true);
    expect(await setupPanel(page).getByRole("heading", { name: "Set up this workbook" }).isVisible()).toBe(true);
    expect(await sheetTabs(page)).toEqual(["Sheet1"]);
    await screenshot(page, "01-preview-opened");
  });

  it("serves the task pane page and every icon the manifest names", async () => {
    const { page } = harness.pane;
    const manifest = readFileSync(join(__dirname, "..", "manifest.xml"), "utf8");
    const origin = new URL(BASE_URL).origin;
    const paths = [...new Set([...manifest.matchAll(/https:\/\/localhost:3000(\/[^"<\s]*)/g)].map((m) => m[1]!))];
    expect(paths).toEqual(expect.arrayContaining(["/taskpane.html", "/support.html", "/assets/icon-32.png", "/assets/icon-64.png", "/assets/icon-80.png"]));
    for (const path of paths) {
      const response = await page.request.get(origin + path);
      expect({ path, status: response.status() }).toEqual({ path, status: 200 });
      expect(response.headers()["content-type"]).toMatch(path.endsWith(".png") ? /^image\/png/ : /^text\/html/);
    }
  });
});

describe("Set up, by clicking and typing", () => {
  it("adds the returns sheets with the organisation and year entered", async () => {
    const { page } = harness.pane;
    await fillSetupForm(page, INPUT);
    await screenshot(page, "02-setup-form-filled");

    await reviewChanges(page);
    const review = reviewSection(page);
    // The review repeats what the return will say: organisation, code, year.
    expect(await review.innerText()).toMatch(/Organisation\s+Northfield Housing\s+Organisation code\s+NF07\s+Reporting year\s+Apr 2025 to Mar 2026/);
    for (const sheet of RETURN_SHEETS) {
      expect(await review.getByRole("heading", { level: 4, name: sheet, exact: true }).isVisible()).toBe(true);
    }
    await screenshot(page, "03-setup-review");
    // Reviewing changes nothing.
    expect(await sheetTabs(page)).toEqual(["Sheet1"]);

    await pressSetUp(page);
    await screenshot(page, "04-setup-done");

    const tabs = await sheetTabs(page);
    expect(tabs).toEqual(expect.arrayContaining(RETURN_SHEETS));
    expect(tabs).toContain("Framework (hidden)");
    expect(tabs).not.toContain("Sheet1");

    await showSheet(page, "Return");
    const ret = await gridCells(page);
    expect(headerRow(ret, "Field").slice(0, 2)).toEqual(["Field", "Value"]);
    expect(valueBeside(ret, "Organisation")).toBe("Northfield Housing");
    expect(valueBeside(ret, "Organisation code")).toBe("NF07");
    expect(valueBeside(ret, "Reporting year start")).toMatch(/Apr(il)? 2025|2025-04|01\/04\/2025/);
    expect(await sheetStatus(page).innerText()).toMatch(/ReturnDetails/);
    await screenshot(page, "05-grid-return-sheet");

    await showSheet(page, "Measures");
    const measures = await gridCells(page);
    const header = headerRow(measures, "Code");
    expect(header.slice(0, 5)).toEqual(["Code", "Measure", "Breakdown", "Unit", "Kind"]);
    const months = header.slice(5);
    expect(months).toHaveLength(12);
    expect(months[0]).toMatch(/Apr.*(2025|25)/);
    expect(months[11]).toMatch(/Mar.*(2026|26)/);
    expect(Object.values(measures)).toEqual(expect.arrayContaining(["WELFARE_CALLS"]));
    const status = await sheetStatus(page).innerText();
    expect(status).toMatch(/^Protected sheet/);
    expect(status).toMatch(/Measures/);
    await screenshot(page, "06-grid-measures-sheet");

    for (const sheet of ["Stakeholders", "Outcomes", "Case studies"]) {
      await showSheet(page, sheet);
      expect(Object.keys(await gridCells(page)).length).toBeGreaterThan(0);
    }
  });

  it("set up again changes nothing and says so", async () => {
    const { page } = harness.pane;
    await fillSetupForm(page, INPUT);
    await reviewChanges(page);
    await pressSetUp(page);
    const before = await allSheetCells(page);

    // The form now reads the workbook: the details are filled in and the year is fixed.
    const panel = setupPanel(page);
    expect(await panel.getByRole("heading", { name: "Update this workbook" }).isVisible()).toBe(true);
    expect(await panel.getByRole("textbox", { name: "Organisation", exact: true }).inputValue()).toBe("Northfield Housing");
    expect(await panel.getByRole("textbox", { name: "Organisation code" }).inputValue()).toBe("NF07");
    expect(await panel.getByRole("combobox", { name: "Start year" }).isDisabled()).toBe(true);

    await reviewChanges(page);
    await screenshot(page, "07-setup-again-review");
    // Nothing to change: it says so and offers no primary action (only putting formats back).
    const review = reviewSection(page);
    expect(await review.innerText()).toMatch(/Nothing to change/);
    expect(await review.innerText()).not.toMatch(/\b0 figures/);
    expect(await review.getByRole("button", { name: "Set up workbook", exact: true }).count()).toBe(0);
    await pressSetUp(page);
    expect(await panel.innerText()).toMatch(/already up to date/);
    await screenshot(page, "08-setup-again-done");
    expect(await allSheetCells(page)).toEqual(before);
  });

  it("asks for the organisation and its code, and shows the code as it will be stored", async () => {
    const { page } = harness.pane;
    const panel = setupPanel(page);
    await panel.getByRole("button", { name: "Review changes" }).click();
    expect(await panel.getByText("Enter your organisation's name.").isVisible()).toBe(true);
    expect(await panel.getByText(/Enter the code the centre gave your organisation/).isVisible()).toBe(true);
    expect(await reviewSection(page).count()).toBe(0);
    await screenshot(page, "08b-setup-required-fields");
    await fillSetupForm(page, { ...INPUT, code: "  NF07  " });
    expect(await panel.getByText("Stored as NF07: the code the centre gave you.").isVisible()).toBe(true);
    await reviewChanges(page);
    expect(await reviewSection(page).innerText()).toMatch(/Organisation code\s+NF07\s/);
    // The new workbook's empty Sheet1 goes once the returns sheets are in.
    expect(await reviewSection(page).innerText()).toMatch(/Removes the empty sheet 'Sheet1'/);
    await pressSetUp(page);
    expect(await sheetTabs(page)).not.toContain("Sheet1");
  });
});
