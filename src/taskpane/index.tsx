/**
 * Bootstrap. The page says which it is (`<meta name="impact-returns-page">`, set by webpack):
 * - preview.html (served at /preview): preview mode, loaded on demand, runs the same pane against
 *   the in-memory Excel host beside a grid showing its workbook; it needs no Office.js;
 * - taskpane.html, the page the manifest names: Office.onReady tells us where we are. In Excel the
 *   task pane runs against the real workbook through officeExcelHost(); in another Office
 *   application it says it works in Excel only; when Office.js did not load (offline, blocked, a
 *   plain browser that could not reach Microsoft) or loaded outside Office, it says so in one plain
 *   sentence (start-messages.ts) instead of staying blank.
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, type Theme } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createLazyExcelGateway } from "./lazy-gateway";
import { MINIMUM_EXCEL_API, officeExcelHost } from "../excel/host";
import { createTaskPaneActions } from "./actions";
import { App } from "./App";
import { OFFICE_JS_NOT_LOADED, OUTSIDE_OFFICE } from "./start-messages";
import { loadTheme, officeThemeName } from "./theme";

/** Outside Office, how long to wait for Office.js before assuming there is no host. */
const OFFICE_READY_TIMEOUT_MS = 10_000;

function isPreviewPage(): boolean {
  return document.querySelector('meta[name="impact-returns-page"]')?.getAttribute("content") === "preview";
}

/** Office opens add-ins with `_host_Info` in the URL; then we wait for Office.js however long it takes. */
function openedByOffice(): boolean {
  return /[?&#]_host_Info=/i.test(window.location.href);
}

async function officeReady(): Promise<{ host: Office.HostType | null } | undefined> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return undefined;
  if (openedByOffice()) return Office.onReady();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), OFFICE_READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Office.onReady(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function renderInExcel(root: Root, theme: Theme): void {
  const host = officeExcelHost();
  const actions = createTaskPaneActions(createLazyExcelGateway(host));
  const tooOld = !host.isSetSupported("ExcelApi", MINIMUM_EXCEL_API);
  const notice = tooOld ? (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This version of Excel is too old for Impact Returns</MessageBarTitle>
        <div>Impact Returns needs Excel JavaScript API {MINIMUM_EXCEL_API} or later. Update Office, or use Excel on the web.</div>
      </MessageBarBody>
    </MessageBar>
  ) : undefined;
  root.render(
    <StrictMode>
      <FluentProvider theme={theme} lang="en-GB">
        <div style={{ height: "100vh" }}>
          <App actions={actions} notice={notice} />
        </div>
      </FluentProvider>
    </StrictMode>,
  );
}

function renderWrongHost(root: Root, host: string, theme: Theme): void {
  root.render(
    <FluentProvider theme={theme} lang="en-GB">
      <div style={{ padding: 16 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Impact Returns works in Excel only</MessageBarTitle>
            <div>It was opened in {host}. Open your returns workbook in Excel and start Impact Returns from the Home tab.</div>
          </MessageBarBody>
        </MessageBar>
      </div>
    </FluentProvider>,
  );
}

/** One plain sentence in place of the loading message: no Fluent UI, nothing that could fail to load. */
function renderSentence(container: HTMLElement, sentence: string): void {
  const p = document.createElement("p");
  p.className = "ir-cannot-start";
  p.setAttribute("role", "alert");
  p.textContent = sentence;
  container.replaceChildren(p);
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("The task pane page has no #root element.");
  if (isPreviewPage()) {
    const { startPreview } = await import(/* webpackChunkName: "preview" */ "../preview/start");
    await startPreview(createRoot(container));
    return;
  }
  const info = await officeReady();
  // `info` is undefined when Office.js did not load (offline, blocked): do not touch `Office` then.
  if (!info) {
    renderSentence(container, OFFICE_JS_NOT_LOADED);
  } else if (info.host === Office.HostType.Excel) {
    renderInExcel(createRoot(container), await loadTheme(officeThemeName()));
  } else if (info.host) {
    renderWrongHost(createRoot(container), String(info.host), await loadTheme(officeThemeName()));
  } else {
    renderSentence(container, OUTSIDE_OFFICE);
  }
}

start().catch((error: unknown) => {
  console.error(error);
  const container = document.getElementById("root");
  if (container) {
    container.textContent = "Impact Returns could not start. Close the task pane and open it again; if it keeps happening, restart Excel.";
  }
});
