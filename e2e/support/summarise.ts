/**
 * The Summarise view as a user meets it: its tab, the "Build board summary" button, the key
 * figures (one card per key measure, named by the measure) and "Show the board summary".
 */
import type { Locator, Page } from "playwright-core";

export function summarisePanel(page: Page): Locator {
  return page.getByRole("tabpanel", { name: "Summarise" });
}

/** Clicks the Summarise tab and waits for the view (it is loaded on demand). */
export async function openSummariseTab(page: Page): Promise<void> {
  await page.getByRole("tablist", { name: "Impact Returns views" }).getByRole("tab", { name: "Summarise" }).click();
  await summariseHeading(page).waitFor({ state: "visible", timeout: 30_000 });
}

export function summariseHeading(page: Page): Locator {
  return summarisePanel(page).getByRole("heading", { level: 2, name: "Summarise for the board" });
}

/** "Build board summary", or "Refresh board summary" after a run. */
export function buildButton(page: Page): Locator {
  return summarisePanel(page).getByRole("button", { name: /^(Build|Refresh) board summary$/ });
}

/** How many summaries the view shows it has built (it numbers them), 0 before the first. */
export async function summaryCount(page: Page): Promise<number> {
  const section = summarisePanel(page).locator("section[data-summary-number]");
  return (await section.count()) > 0 ? Number(await section.getAttribute("data-summary-number")) : 0;
}

/** Waits for a build after the `after`-th to finish; throws with the pane's message when it failed. */
export async function waitForSummaryAfter(page: Page, after: number, timeout = 60_000): Promise<void> {
  const failed = summarisePanel(page).getByRole("group", { name: "The board summary was not built" });
  await page
    .waitForFunction(
      (n) =>
        Number(document.querySelector("section[data-summary-number]")?.getAttribute("data-summary-number") ?? "0") > n ||
        [...document.querySelectorAll("[role=group]")].some((g) => /The board summary was not built/.test(g.textContent ?? "")),
      after,
      { timeout },
    )
    .catch(async (error: unknown) => {
      throw new Error(`the board summary did not finish: ${String(error)}`);
    });
  if (await failed.isVisible()) throw new Error(`Summarise failed in the pane: ${(await failed.innerText()).replace(/\s+/g, " ")}`);
  await summarisePanel(page).getByRole("progressbar").waitFor({ state: "hidden", timeout });
}

/** Clicks the build button and waits for the key figures. */
export async function buildSummary(page: Page): Promise<void> {
  const before = await summaryCount(page);
  await buildButton(page).click();
  await waitForSummaryAfter(page, before);
}

export function keyFigures(page: Page): Locator {
  return summarisePanel(page).getByRole("region", { name: "Key figures" });
}

/** One measure's card, by its plain name ("Welfare calls made"). */
export function measureCard(page: Page, name: string): Locator {
  return keyFigures(page).getByRole("listitem", { name, exact: true });
}

/** A card's figures, as { "Year to date": "4,830 (4 months)", ... }. */
export async function cardFigures(card: Locator): Promise<Record<string, string>> {
  return card.locator("dl").evaluate((dl) => {
    const out: Record<string, string> = {};
    for (const dt of dl.querySelectorAll("dt")) out[(dt.textContent ?? "").trim()] = (dt.nextElementSibling?.textContent ?? "").replace(/\s+/g, " ").trim();
    return out;
  });
}

/** The card names shown, in order. */
export async function cardNames(page: Page): Promise<string[]> {
  return (await keyFigures(page).locator("li h4").allInnerTexts()).map((t) => t.trim());
}

export function showBoardSummaryButton(page: Page): Locator {
  return summarisePanel(page).getByRole("button", { name: "Show the board summary" });
}
