/**
 * Bootstrap. Office.onReady tells us where we are:
 * - in Excel: the task pane runs against the real workbook through officeExcelHost();
 * - anywhere else (a plain browser, Office.js missing): preview mode, loaded on demand, runs the
 *   same pane against the in-memory Excel host beside a grid showing its workbook.
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createExcelGateway } from "../excel/gateway";
import { MINIMUM_EXCEL_API, officeExcelHost } from "../excel/host";
import { createTaskPaneActions } from "./actions";
import { App } from "./App";
import { THEMES, officeThemeName } from "./theme";

/** Outside Office, how long to wait for Office.js before assuming there is no host. */
const OFFICE_READY_TIMEOUT_MS = 10_000;

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

function renderInExcel(root: Root): void {
  const host = officeExcelHost();
  const actions = createTaskPaneActions(createExcelGateway(host));
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
      <FluentProvider theme={THEMES[officeThemeName()]} lang="en-GB">
        <div style={{ height: "100vh" }}>
          <App actions={actions} notice={notice} />
        </div>
      </FluentProvider>
    </StrictMode>,
  );
}

function renderWrongHost(root: Root, host: string): void {
  root.render(
    <FluentProvider theme={THEMES[officeThemeName()]} lang="en-GB">
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

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("The task pane page has no #root element.");
  const info = await officeReady();
  const root = createRoot(container);
  // `info` is undefined when Office.js did not load (e.g. offline outside Office): do not touch `Office` then.
  if (info && info.host === Office.HostType.Excel) {
    renderInExcel(root);
  } else if (info?.host) {
    renderWrongHost(root, String(info.host));
  } else {
    const { startPreview } = await import(/* webpackChunkName: "preview" */ "../preview/start");
    await startPreview(root);
  }
}

start().catch((error: unknown) => {
  console.error(error);
  const container = document.getElementById("root");
  if (container) {
    container.textContent = "Impact Returns could not start. Close the task pane and open it again; if it keeps happening, restart Excel.";
  }
});
