/**
 * The Check view as a user meets it: its tab, the "Check the return" button, the results (groups
 * of issues, each a section named by its title) and the sign-off form; plus the one stand-in for
 * the user typing in Excel itself (the preview host's userEdit), since the grid is read-only.
 */
import type { Locator, Page } from "playwright-core";
import { axe, screenshot, VIEWPORT, type AxeFinding } from "./browser";
import { gridRegion } from "./taskpane";

export function checkPanel(page: Page): Locator {
  return page.getByRole("tabpanel", { name: "Check" });
}

/** Clicks the Check tab and waits for the view (it is loaded on demand). */
export async function openCheckTab(page: Page): Promise<void> {
  await page.getByRole("tablist", { name: "Impact Returns views" }).getByRole("tab", { name: "Check" }).click();
  await checkPanel(page).getByRole("heading", { level: 2, name: "Check this return" }).waitFor({ state: "visible", timeout: 30_000 });
}

/** "Checked at 14:03" or "Checked again at 14:05" beside the button, once a check has finished. */
export function checkedAt(page: Page): Locator {
  return checkPanel(page).getByTestId("checked-at");
}

/** The spinner shown while a check runs. */
export function checking(page: Page): Locator {
  return checkPanel(page).getByRole("progressbar", { name: /^Checking/ });
}

/** How many checks the results show (the view numbers them), 0 before the first. */
export async function checkCount(page: Page): Promise<number> {
  const section = checkPanel(page).locator("section[data-check-number]");
  return (await section.count()) > 0 ? Number(await section.getAttribute("data-check-number")) : 0;
}

/**
 * Waits until the results come from a check after the `after`-th and the pane is idle: no check
 * running and no re-check waiting for edits to pause (so every edit made before is in the results).
 */
export async function waitForCheckAfter(page: Page, after: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (n) =>
      Number(document.querySelector("section[data-check-number]")?.getAttribute("data-check-number") ?? "0") > n &&
      !document.querySelector("[data-recheck-waiting], [data-checking]"),
    after,
    { timeout },
  );
}

/** Waits until the Check view watches the workbook for edits (so that an edit made now is re-checked). */
export async function waitForWatchingEdits(page: Page): Promise<void> {
  await checkPanel(page).locator("[data-watching-edits]").waitFor({ state: "attached" });
}

/** Clicks "Check the return" and waits for the results. */
export async function runCheck(page: Page): Promise<void> {
  const before = await checkCount(page);
  await checkPanel(page).getByRole("button", { name: "Check the return" }).click();
  await waitForCheckAfter(page, before);
}

/** The results section. */
export function results(page: Page): Locator {
  return checkPanel(page).getByRole("region", { name: "Results" });
}

/** The counts line as read out ("0 errors, 5 warnings, 1 explained"); "" when the return is clean. */
export async function summaryLine(page: Page): Promise<string> {
  const line = results(page).getByTestId("check-summary");
  if ((await line.count()) === 0) return "";
  return (await line.innerText())
    .replace(/\s*,\s*/g, ", ")
    .replace(/\s+/g, " ")
    .trim();
}

/** One group of issues, by its title (e.g. "Text where a number belongs"). */
export function issueGroup(page: Page, title: string): Locator {
  return results(page).getByRole("region", { name: title, exact: true });
}

/** The clickable issue rows of a group, e.g. "Measures!G2 ..." */
export function issueRows(group: Locator): Locator {
  return group.getByRole("list").getByRole("button");
}

/** The group titles shown, in order. */
export async function groupTitles(page: Page): Promise<string[]> {
  return (await results(page).locator("section[data-code] h4").allInnerTexts()).map((t) => t.trim());
}

/** The locations (`Measures!G2`) a group shows. */
export async function groupLocations(group: Locator): Promise<string[]> {
  const texts = await issueRows(group).allInnerTexts();
  return texts.map((t) => t.split("\n")[0]!.trim());
}

/** Stands in for the officer typing into Excel (the preview grid is read-only): the host's userEdit. */
export async function typeInExcel(page: Page, sheet: string, address: string, values: (string | number)[][]): Promise<void> {
  await page.evaluate(
    async ({ sheet, address, values }) => {
      const preview = window.impactReturnsPreview;
      if (!preview) throw new Error("no preview handle");
      await preview.host.userEdit(sheet, address, values);
    },
    { sheet, address, values },
  );
}

/** The grid's name box: the selected cell in the workbook. */
export async function selectedCell(page: Page): Promise<string> {
  return (await page.getByLabel("Selected cell", { exact: true }).innerText()).trim();
}

/** The background colour the grid draws for a cell of the sheet shown, as rgb(...). */
export async function cellBackground(page: Page, address: string): Promise<string> {
  return gridRegion(page)
    .locator(`td[data-cell="${address}"]`)
    .evaluate((td) => getComputedStyle(td).backgroundColor);
}

/** #RRGGBB as the browser reports colours: rgb(r, g, b). */
export function rgb(hex: string): string {
  const n = parseInt(hex.replace("#", ""), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

function formatFindings(findings: AxeFinding[]): string {
  return findings.map((f) => `${f.impact} ${f.id}: ${f.help}\n    at ${f.targets.slice(0, 5).join(", ")}\n    ${f.summary.slice(0, 400)}`).join("\n");
}

export async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const serious = await axe(page, name);
  if (serious.length > 0) throw new Error(`axe found serious or critical violations on "${name}":\n${formatFindings(serious)}`);
}

export async function switchToDarkTheme(page: Page): Promise<void> {
  await page.getByRole("switch", { name: "Dark theme" }).click();
  await page.waitForFunction(() => {
    const bg = getComputedStyle(document.querySelector(".fui-FluentProvider") ?? document.body).backgroundColor;
    const [r, g, b] = (bg.match(/\d+/g) ?? ["255", "255", "255"]).map(Number);
    return (r ?? 255) + (g ?? 255) + (b ?? 255) < 200;
  });
}

/**
 * Screenshots with the page made tall enough for the whole task pane to show without scrolling
 * (the pane scrolls inside itself, so a full-page screenshot would cut it off): the page as
 * `<name>.png`, and the task pane alone, at its real 350 px width, as `<name>-pane.png`.
 */
export async function paneScreenshot(page: Page, name: string): Promise<string> {
  const extra = await page.getByTestId("task-pane").evaluate((pane) => {
    const scroller = [...pane.querySelectorAll<HTMLElement>("*")].find(
      (el) => el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY === "auto",
    );
    if (!scroller) return 0;
    scroller.scrollTop = 0;
    return scroller.scrollHeight - scroller.clientHeight;
  });
  if (extra > 0) await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(VIEWPORT.height + extra + 8, 6000) });
  try {
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    const path = await screenshot(page, name);
    await page.getByTestId("task-pane").screenshot({ path: path.replace(/\.png$/, "-pane.png"), animations: "disabled" });
    return path;
  } finally {
    if (extra > 0) await page.setViewportSize(VIEWPORT);
  }
}
