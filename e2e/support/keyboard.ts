/**
 * Driving the preview with the keyboard alone: what has focus (as a screen reader might name it),
 * Tab / Shift+Tab until something has focus, and a log of every press for test-output.
 */
import type { Locator, Page } from "playwright-core";

/** What has focus: its role (or tag) and name. */
export async function describeFocus(page: Page): Promise<string> {
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

/** Whether focus is on `target` or inside it, now (no waiting: false when it is not on the page). */
export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluateAll((els) => els.some((el) => el === document.activeElement || el.contains(document.activeElement)));
}

/** A keyboard: presses keys and logs where focus went. */
export class KeyboardUser {
  readonly log: string[] = [];
  constructor(readonly page: Page) {}

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.log.push(`${key} -> ${await describeFocus(this.page)}`);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 5 });
    this.log.push(`type "${text}"`);
  }

  /** Presses Tab (or Shift+Tab) until `target` has focus; returns the number of presses. */
  async tabTo(target: Locator, options: { back?: boolean; max?: number } = {}): Promise<number> {
    const key = options.back ? "Shift+Tab" : "Tab";
    for (let presses = 1; presses <= (options.max ?? 60); presses++) {
      await this.press(key);
      if (await isFocused(target)) return presses;
    }
    throw new Error(`${key} never reached the target; focus went: ${this.log.slice(-12).join(" | ")}`);
  }
}
