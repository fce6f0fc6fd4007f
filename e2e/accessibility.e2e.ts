/**
 * axe-core on every view and state of the task pane in preview (and the preview page around it),
 * in the light theme and in the dark theme (the preview's "Dark theme" switch): no serious or
 * critical violation. Every finding, minor ones included, is written to test-output/e2e/axe-*.json.
 */
import type { Page } from "playwright-core";
import { axe, screenshot, type AxeFinding } from "./support/browser";
import { taskPaneForEachTest } from "./support/lifecycle";
import { fillSetupForm, pressSetUp, reviewChanges, startFromSample } from "./support/taskpane";

const harness = taskPaneForEachTest();

function formatFindings(findings: AxeFinding[]): string {
  return findings.map((f) => `${f.impact} ${f.id}: ${f.help}\n    at ${f.targets.slice(0, 5).join(", ")}\n    ${f.summary.slice(0, 400)}`).join("\n");
}

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const serious = await axe(page, name);
  if (serious.length > 0) throw new Error(`axe found serious or critical violations on "${name}":\n${formatFindings(serious)}`);
}

async function switchToDarkTheme(page: Page): Promise<void> {
  await page.getByRole("switch", { name: "Dark theme" }).click();
  await page.waitForFunction(() => {
    const bg = getComputedStyle(document.querySelector(".fui-FluentProvider") ?? document.body).backgroundColor;
    const [r, g, b] = (bg.match(/\d+/g) ?? ["255", "255", "255"]).map(Number);
    return (r ?? 255) + (g ?? 255) + (b ?? 255) < 200;
  });
}

describe.each(["light", "dark"] as const)("accessibility, %s theme", (theme) => {
  const prepare = async (page: Page) => {
    if (theme === "dark") await switchToDarkTheme(page);
  };

  it("Set up view, as opened", async () => {
    const { page } = harness.pane;
    await prepare(page);
    await screenshot(page, `30-${theme}-setup-opened`);
    await expectNoSeriousViolations(page, `${theme}-setup-opened`);
  });

  it("Set up view, reviewing changes", async () => {
    const { page } = harness.pane;
    await prepare(page);
    await fillSetupForm(page, { organisation: "Northfield Housing", code: "NF07", startMonth: "April", startYear: "2025" });
    await reviewChanges(page);
    await screenshot(page, `31-${theme}-setup-review`);
    await expectNoSeriousViolations(page, `${theme}-setup-review`);
  });

  it("Set up view, after Set up", async () => {
    const { page } = harness.pane;
    await prepare(page);
    await fillSetupForm(page, { organisation: "Northfield Housing", code: "NF07", startMonth: "April", startYear: "2025" });
    await reviewChanges(page);
    await pressSetUp(page);
    await screenshot(page, `32-${theme}-setup-done`);
    await expectNoSeriousViolations(page, `${theme}-setup-done`);
  });

  it("Set up view over the sample return, with a protected sheet in the grid", async () => {
    const { page } = harness.pane;
    await prepare(page);
    await startFromSample(page);
    await page.getByRole("tablist", { name: "Sheets in the workbook" }).getByRole("tab", { name: "Measures" }).click();
    await screenshot(page, `33-${theme}-sample-measures`);
    await expectNoSeriousViolations(page, `${theme}-sample-measures`);
  });

  it("Set up view, with a validation error shown", async () => {
    const { page } = harness.pane;
    await prepare(page);
    // A framework file that is not JSON: the pane must explain in plain English.
    await page.getByLabel("Framework file (.json)").setInputFiles({ name: "not-a-framework.json", mimeType: "application/json", buffer: Buffer.from("{ this is not json") });
    await page.getByText("That file is not a framework Impact Returns can use").waitFor({ state: "visible" });
    await screenshot(page, `34-${theme}-setup-file-error`);
    await expectNoSeriousViolations(page, `${theme}-setup-file-error`);
  });
});
