/**
 * Small things seen: a 360 px window does not scroll sideways, the highlight legend's swatches
 * carry no number, the Framework dropdown names its whole title on hover, and the year dropdowns
 * show a clear focus mark.
 */
import { screenshot } from "./support/browser";
import { checkPanel, openCheckTab } from "./support/check";
import { taskPaneForEachTest } from "./support/lifecycle";
import { setupPanel } from "./support/taskpane";

const harness = taskPaneForEachTest();

describe("a narrow window and the small things", () => {
  it("does not overflow a 360 px window", async () => {
    const { page } = harness.pane;
    await page.setViewportSize({ width: 360, height: 760 });
    // The page has laid itself out at the new width once two frames have been drawn.
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    const report = await page.evaluate(() => {
      const doc = document.documentElement;
      const wide = [...document.querySelectorAll<HTMLElement>("body *")]
        // Content that scrolls inside its own box (the grid's cells) is not the window overflowing.
        .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5 && getComputedStyle(el).position !== "fixed" && !el.closest("[role=region][aria-label^='Sheet ']"))
        .slice(0, 8)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} right=${Math.round(el.getBoundingClientRect().right)}`);
      return { overflow: doc.scrollWidth - doc.clientWidth, wide };
    });
    await screenshot(page, "90-narrow-360");
    expect(report).toEqual({ overflow: 0, wide: [] });
  });

  it("the highlight legend's swatches carry no number", async () => {
    const { page } = harness.pane;
    await openCheckTab(page);
    const legend = checkPanel(page).getByRole("list", { name: "Highlight colours" });
    expect((await legend.innerText()).replace(/\s+/g, " ").trim()).toBe("Errors turn cells light red Warnings turn them amber");
  });

  it("the Framework dropdown shows its whole title on hover, and the year dropdowns a clear focus mark", async () => {
    const { page } = harness.pane;
    const framework = setupPanel(page).getByRole("combobox", { name: "Framework" });
    const selected = await framework.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? "");
    expect(selected).not.toBe("");
    expect(await framework.getAttribute("title")).toBe(selected);

    const year = setupPanel(page).getByRole("combobox", { name: "Start year" });
    const month = setupPanel(page).getByRole("combobox", { name: "Start month" });
    await month.focus();
    await page.keyboard.press("Tab");
    expect(await year.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await year.evaluate((el) => {
      const style = getComputedStyle(el.parentElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).toBe("solid");
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await setupPanel(page).screenshot({ path: (await screenshot(page, "91-year-focus")).replace(/\.png$/, "-pane.png") });
  });
});
