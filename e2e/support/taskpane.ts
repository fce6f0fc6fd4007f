/**
 * What a user does in the preview, and what they see: the Set up form (clicks and typing), the
 * preview toolbar, and the workbook grid read through its DOM (sheet tabs and cells).
 * No test hooks: everything here goes through roles, labels and the grid's rendered cells.
 */
import type { Locator, Page } from "playwright-core";

export interface SetupInput {
  organisation: string;
  code: string;
  /** Month name as offered, e.g. "April". */
  startMonth?: string;
  startYear?: string;
}

/** The task pane (left of the grid in preview). */
export function taskPane(page: Page): Locator {
  return page.getByTestId("task-pane");
}

export function setupPanel(page: Page): Locator {
  return page.getByRole("tabpanel", { name: "Set up" });
}

/** Replaces a text box's contents by clicking it, selecting what is there and typing over it. */
async function typeInto(page: Page, box: Locator, text: string): Promise<void> {
  await box.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text, { delay: 5 });
}

/** Fills the Set up form as a user would: click into each box and type, choose the year from the lists. */
export async function fillSetupForm(page: Page, input: SetupInput): Promise<void> {
  const panel = setupPanel(page);
  await typeInto(page, panel.getByRole("textbox", { name: "Organisation", exact: true }), input.organisation);
  await typeInto(page, panel.getByRole("textbox", { name: "Organisation code" }), input.code);
  if (input.startMonth) await panel.getByRole("combobox", { name: "Start month" }).selectOption({ label: input.startMonth });
  if (input.startYear) await panel.getByRole("combobox", { name: "Start year" }).selectOption({ label: input.startYear });
}

/** The review section shown after "Review changes". */
export function reviewSection(page: Page): Locator {
  return setupPanel(page).getByRole("region", { name: "Review changes" });
}

export async function reviewChanges(page: Page): Promise<void> {
  await setupPanel(page).getByRole("button", { name: "Review changes" }).click();
  await reviewSection(page).getByRole("heading", { name: "Review changes" }).waitFor({ state: "visible" });
}

/** The success message after Set up. */
export function setupDone(page: Page): Locator {
  return setupPanel(page).getByText("The workbook is set up", { exact: true });
}

/** Waits for Set up to succeed; throws with the message the pane showed when it did not. */
export async function waitForSetupResult(page: Page): Promise<void> {
  const failed = setupPanel(page).getByRole("group", { name: /did not finish|could not|cannot/i });
  await setupDone(page).or(failed).first().waitFor({ state: "visible", timeout: 60_000 });
  if (await failed.first().isVisible()) {
    throw new Error(`Set up failed in the pane: ${(await failed.first().innerText()).replace(/\s+/g, " ")}`);
  }
}

export async function pressSetUp(page: Page): Promise<void> {
  await reviewSection(page).getByRole("button", { name: "Set up workbook" }).click();
  await waitForSetupResult(page);
}

/** The preview's tool buttons (in the banner, outside the task pane). */
export function previewTool(page: Page, name: string): Locator {
  return page.getByRole("button", { name, exact: true });
}

/**
 * Loads the sample return. When the workbook holds typed work, the preview asks first (its
 * "Replace the workbook?" dialog): this answers Replace, as a user starting afresh would. An earlier
 * banner is dismissed first, so the one waited for is the new sample's.
 */
export async function startFromSample(page: Page): Promise<void> {
  const dismiss = page.getByRole("button", { name: "Dismiss" });
  if (await dismiss.isVisible()) {
    await dismiss.click();
    await dismiss.waitFor({ state: "hidden" });
  }
  await previewTool(page, "Start from a sample return").click();
  const loaded = page.getByText(/^Sample return loaded/);
  const asked = page.getByRole("alertdialog", { name: "Replace the workbook?" });
  await loaded.or(asked).first().waitFor({ state: "visible", timeout: 60_000 });
  if (await asked.isVisible()) await asked.getByRole("button", { name: "Replace", exact: true }).click();
  await loaded.waitFor({ state: "visible", timeout: 60_000 });
  // The pane starts afresh for the new workbook: wait until it has read it.
  await setupPanel(page).getByRole("textbox", { name: "Organisation", exact: true }).waitFor({ state: "visible" });
}

// --- The workbook grid ------------------------------------------------------------------------

export function sheetTabList(page: Page): Locator {
  return page.getByRole("tablist", { name: "Sheets in the workbook" });
}

/** Sheet tab labels as shown, e.g. ["Sheet1", "Return", ..., "Framework (hidden)"]. */
export async function sheetTabs(page: Page): Promise<string[]> {
  return (await sheetTabList(page).getByRole("tab").allInnerTexts()).map((t) => t.trim());
}

/** The grid region for the sheet shown now. */
export function gridRegion(page: Page): Locator {
  return page.getByRole("region", { name: /^Sheet .*, read-only( where protected)?$/ });
}

/** Shows a sheet by clicking its tab. */
export async function showSheet(page: Page, name: string): Promise<void> {
  const tabs = sheetTabList(page).getByRole("tab");
  const labels = await sheetTabs(page);
  const index = labels.findIndex((l) => l === name || l === `${name} (hidden)`);
  if (index < 0) throw new Error(`no sheet tab "${name}" (tabs: ${labels.join(", ")})`);
  await tabs.nth(index).click();
  await page.getByRole("region", { name: `Sheet ${name}, read-only` }).waitFor({ state: "visible" });
}

/** The name of the sheet the grid shows. */
export async function shownSheet(page: Page): Promise<string> {
  const label = (await gridRegion(page).getAttribute("aria-label")) ?? "";
  return /^Sheet (.*), read-only( where protected)?$/.exec(label)?.[1] ?? "";
}

export type Cells = Record<string, string>;

/** The non-empty cells the grid draws for the shown sheet, by address. */
export async function gridCells(page: Page): Promise<Cells> {
  return gridRegion(page)
    .locator("td[data-cell]")
    .evaluateAll((tds) => {
      const out: Record<string, string> = {};
      for (const td of tds) {
        const text = (td as HTMLElement).innerText.trim();
        if (text !== "") out[(td as HTMLElement).dataset.cell ?? ""] = text;
      }
      return out;
    });
}

/** Every sheet's drawn cells, by clicking through the tabs; leaves the first sheet shown. */
export async function allSheetCells(page: Page): Promise<Record<string, Cells>> {
  const out: Record<string, Cells> = {};
  for (const label of await sheetTabs(page)) {
    const name = label.replace(/ \(hidden\)$/, "");
    await showSheet(page, name);
    out[name] = await gridCells(page);
  }
  return out;
}

export function splitAddress(address: string): { column: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(m[2]) - 1 };
}

export function joinAddress(column: number, row: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

/** Addresses whose text is exactly `text`. */
export function findCells(cells: Cells, text: string): string[] {
  return Object.keys(cells).filter((a) => cells[a] === text);
}

/** The value beside a label (the cell to its right), for label/value tables such as Return details. */
export function valueBeside(cells: Cells, label: string): string | undefined {
  const [at] = findCells(cells, label);
  if (!at) return undefined;
  const { column, row } = splitAddress(at);
  return cells[joinAddress(column + 1, row)];
}

/** The texts of one row, left to right, from a given column (blank cells as ""), up to the last non-empty one. */
export function rowFrom(cells: Cells, address: string): string[] {
  const { column, row } = splitAddress(address);
  const out: string[] = [];
  let lastFilled = -1;
  for (let c = column; c < column + 60; c++) {
    const text = cells[joinAddress(c, row)] ?? "";
    out.push(text);
    if (text !== "") lastFilled = out.length - 1;
  }
  return out.slice(0, lastFilled + 1);
}

/** The header row that starts with the given header, e.g. "Code" on Measures. */
export function headerRow(cells: Cells, first: string): string[] {
  const [at] = findCells(cells, first);
  return at ? rowFrom(cells, at) : [];
}

/** The status line under the sheet tabs (protection, tables). */
export function sheetStatus(page: Page): Locator {
  return page.getByText(/^(Protected sheet|Not protected)/);
}
