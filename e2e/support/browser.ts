/**
 * Browser plumbing for the end-to-end tests: Debian's chromium through playwright-core, a fresh
 * context per test, and guards that fail the test on any console error, uncaught page error,
 * failed local request, or request to anything but 127.0.0.1 (those are aborted, never sent).
 */
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const BASE_URL = process.env.IMPACT_RETURNS_E2E_URL ?? "";
export const OUTPUT_DIR = process.env.IMPACT_RETURNS_E2E_OUTPUT ?? join(__dirname, "..", "..", "test-output", "e2e");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags for chromium as root on a closed network (see docs: TOOLCHAIN pitfalls). */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];

/** A task pane is narrow; the preview puts the workbook grid beside it, so give it room. */
export const VIEWPORT = { width: 1360, height: 860 };

export interface Session {
  browser: Browser;
  /** chromium's XDG_CONFIG_HOME for this run, removed by close(). */
  configHome: string;
  close(): Promise<void>;
}

if (!BASE_URL) {
  throw new Error("IMPACT_RETURNS_E2E_URL is not set: run the end-to-end tests with `node scripts/e2e.mjs`.");
}

/**
 * One chromium per test file. playwright's launch() gives it a fresh temporary --user-data-dir
 * (removed on close); XDG_CONFIG_HOME points at a temp folder of our own so nothing lands in ~/.config.
 */
export async function launch(): Promise<Session> {
  const configHome = mkdtempSync(join(tmpdir(), "impact-returns-e2e-xdg-"));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: configHome, XDG_CACHE_HOME: join(configHome, "cache") },
    timeout: 60_000,
  });
  return {
    browser,
    configHome,
    close: async () => {
      await browser.close();
      rmSync(configHome, { recursive: true, force: true });
    },
  };
}

export interface Pane {
  context: BrowserContext;
  page: Page;
  /** Everything that went wrong in the page: console errors, page errors, stray or failed requests. */
  problems: string[];
  /** Hosts other than 127.0.0.1 the page tried to reach (aborted). */
  blockedRequests: string[];
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return true;
  try {
    const u = new URL(url);
    return u.hostname === "127.0.0.1";
  } catch {
    return false;
  }
}

/** A new context and page, guarded; the task pane is not opened yet (see openTaskPane). */
export async function newPane(session: Session, options: { colorScheme?: "light" | "dark" } = {}): Promise<Pane> {
  const context = await session.browser.newContext({
    viewport: VIEWPORT,
    acceptDownloads: true,
    colorScheme: options.colorScheme ?? "light",
    locale: "en-GB",
    timezoneId: "Europe/London",
    reducedMotion: "reduce",
  });
  const problems: string[] = [];
  const blockedRequests: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blockedRequests.push(url);
    const hint = /oaspapps\.com\/telemetryservice/.test(url) ? " (Office.js's telemetry frame, loaded 3 s after office.js starts: the preview must switch it off)" : "";
    problems.push(`request to a non-local host (aborted): ${route.request().method()} ${url}${hint}`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") {
      const where = msg.location();
      problems.push(`console error: ${msg.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    if (isLocal(request.url())) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "unknown"})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  return {
    context,
    page,
    problems,
    blockedRequests,
    close: () => context.close(),
  };
}

/** Opens the task pane page and waits for the app to replace the loading message. */
export async function openTaskPane(pane: Pane): Promise<void> {
  let onError: ((error: Error) => void) | undefined;
  const crashed = new Promise<never>((_, reject) => {
    onError = (error) => reject(new Error(`the task pane threw while starting: ${error.message}`));
    pane.page.once("pageerror", onError);
  });
  try {
    await pane.page.goto(BASE_URL, { waitUntil: "load" });
    await Promise.race([pane.page.getByRole("heading", { level: 1, name: "Impact Returns" }).waitFor({ state: "visible", timeout: 30_000 }), crashed]);
  } finally {
    if (onError) pane.page.off("pageerror", onError);
    crashed.catch(() => undefined);
  }
}

/** A full-page screenshot at test-output/e2e/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  return path;
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  summary: string;
}

/**
 * Runs axe-core on the page as it is now. Every finding is written to test-output/e2e/axe-<name>.json;
 * the serious and critical ones are returned (the tests expect none).
 */
export async function axe(page: Page, name: string): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  // Known false positive, suppressed node by node as Accessibility Insights does (microsoft/tabster#288,
  // microsoft/accessibility-insights-web#7605): Fluent UI's focus manager adds <i data-tabster-dummy
  // tabindex="0" aria-hidden="true"> sentinels that hand focus straight on; screen readers never meet them.
  let suppressed = 0;
  const violations = results.violations
    .map((v) => {
      if (v.id !== "aria-hidden-focus") return v;
      const nodes = v.nodes.filter((n) => !/data-tabster-dummy/.test(n.html));
      suppressed += v.nodes.length - nodes.length;
      return { ...v, nodes };
    })
    .filter((v) => v.nodes.length > 0);
  const findings: AxeFinding[] = violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
    summary: v.nodes.map((n) => `${n.html.slice(0, 160)} -> ${n.failureSummary ?? ""}`).join(" | "),
  }));
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const incomplete = results.incomplete.map((i) => ({ id: i.id, impact: i.impact, help: i.help, targets: i.nodes.map((n) => n.target.join(" ")) }));
  writeFileSync(join(OUTPUT_DIR, `axe-${name}.json`), JSON.stringify({ url: results.url, violations: findings, suppressedTabsterDummies: suppressed, incomplete }, null, 2));
  return findings.filter((f) => f.impact === "serious" || f.impact === "critical");
}
