/**
 * The add-in's own page (taskpane.html, the page the manifest names) opened outside Excel: with
 * Office.js blocked (offline, a firewall) it says so in one plain sentence instead of staying blank;
 * with Office.js loaded in a plain browser it says the add-in runs inside Excel. The preview
 * (/preview) still opens, with the About line giving the versions.
 */
import { OFFICE_JS_NOT_LOADED, OUTSIDE_OFFICE } from "../src/taskpane/start-messages";
import { TOOL_LABEL } from "../src/core/version";
import { BASE_URL, launch, newPane, openTaskPane, screenshot, type Pane, type Session } from "./support/browser";

const TASKPANE_URL = new URL("taskpane.html", BASE_URL).href;

let session: Session;
let pane: Pane;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});
beforeEach(async () => {
  pane = await newPane(session);
});
afterEach(async () => {
  await pane.close();
});

/** The sentence in place of the loading message, and nothing else on the page. */
async function sentenceShown(): Promise<string> {
  const alert = pane.page.getByRole("alert");
  await alert.waitFor({ state: "visible", timeout: 30_000 });
  expect(await pane.page.getByText("Loading Impact Returns…").count()).toBe(0);
  return (await pane.page.locator("#root").innerText()).trim();
}

it("says in one plain sentence that Office.js did not load when it is blocked", async () => {
  const blocked: string[] = [];
  await pane.context.route("**/office.js", async (route) => {
    blocked.push(route.request().url());
    await route.abort("blockedbyclient");
  });
  await pane.page.goto(TASKPANE_URL, { waitUntil: "load" });
  expect(await sentenceShown()).toBe(OFFICE_JS_NOT_LOADED);
  await screenshot(pane.page, "start-office-js-blocked");
  expect(blocked).toEqual([new URL("office-js/office.js", TASKPANE_URL).href]);
  // The only problems are the blocked script itself: no page error, no other failed request.
  const others = pane.problems.filter((p) => !p.includes("office.js") && !/Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/.test(p));
  expect(others).toEqual([]);
});

it("says the add-in runs inside Excel when the page is opened in a plain browser", async () => {
  await pane.page.goto(TASKPANE_URL, { waitUntil: "load" });
  expect(await sentenceShown()).toBe(OUTSIDE_OFFICE);
  await screenshot(pane.page, "start-outside-office");
  expect(pane.problems.filter((p) => !/telemetryservice/.test(p))).toEqual([]);
});

it("still opens the preview at /preview, with the versions on the About line", async () => {
  expect(new URL(BASE_URL).pathname).toBe("/preview");
  await openTaskPane(pane);
  const about = pane.page.locator("footer").filter({ hasText: /^About: / });
  await about.waitFor({ state: "visible" });
  expect(await about.innerText()).toBe(`About: ${TOOL_LABEL}; no framework set up in this workbook yet.`);
  await pane.page.getByRole("button", { name: /Start from a sample return/ }).click();
  await pane.page.getByRole("tablist", { name: "Impact Returns views" }).getByRole("tab", { name: "Check" }).click();
  await pane.page.getByText(/framework .+, version \d+\.$/).waitFor({ state: "visible", timeout: 60_000 });
  expect(await about.innerText()).toMatch(new RegExp(`^About: ${TOOL_LABEL.replace(/\./g, "\\.")}; framework .+, version \\d+\\.$`));
  await screenshot(pane.page, "start-preview-about");
  expect(pane.problems).toEqual([]);
});
