/**
 * Preview mode, the page preview.html (served at /preview; see src/taskpane/index.tsx): the task
 * pane in a plain browser against an in-memory workbook. Loaded on demand, so none of it reaches
 * Excel users.
 *
 * URL options: ?sample=1 starts from the sample return; ?theme=dark starts dark; ?latency=MS
 * delays every Excel round trip by MS milliseconds (default 40), e.g. to watch Set up's progress.
 * For tests, window.impactReturnsPreview gives the current in-memory host (its `workbook` model).
 *
 * The work is kept in this browser (IndexedDB, saved-workbook.ts): on load, the work saved there
 * is restored, whatever the URL asks for (?sample=1 opens the sample only when nothing is kept),
 * with a line saying so; saved work that cannot be read is ignored with one sentence.
 */
import { StrictMode } from "react";
import type { Root } from "react-dom/client";
import type { ThemeName } from "../taskpane/theme";
import type { Notice } from "./PreviewNotices";
import { PreviewShell, type PreviewSession } from "./PreviewShell";
import { browserWorkStore, readSavedWork, SAVED_WORK_MESSAGES, WorkSaver } from "./saved-workbook";
import { createSession, restoreSession, type NewSession, type PreviewHost } from "./session";

const RESTORED_NOTICE: Notice = {
  intent: "info",
  text: "Your work from this browser was restored. It is kept only in this browser on this computer.",
  action: "clear",
};

export interface PreviewHandle {
  /** The in-memory host behind the pane now (a new one after "Start from a sample return"). */
  readonly host: PreviewHost;
  readonly session: PreviewSession;
}

declare global {
  interface Window {
    impactReturnsPreview?: PreviewHandle;
  }
}

export async function startPreview(root: Root): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const theme: ThemeName = params.get("theme") === "dark" ? "dark" : "light";
  const latency = Number(params.get("latency"));
  const latencyMs = Number.isFinite(latency) && latency >= 0 && params.has("latency") ? Math.min(latency, 10_000) : undefined;
  const store = browserWorkStore();
  const saved = await readSavedWork(store);
  let first: NewSession | undefined;
  let notice: Notice | undefined;
  if (saved.ok) {
    try {
      first = await restoreSession(saved.work, latencyMs);
      notice = RESTORED_NOTICE;
    } catch {
      notice = { intent: "warning", text: SAVED_WORK_MESSAGES.unreadable };
    }
  } else if ("message" in saved) {
    notice = { intent: "warning", text: saved.message };
  }
  const saver = new WorkSaver(store);
  first ??= await createSession(params.get("sample") === "1" ? "sample" : "empty", undefined, latencyMs);
  let current: PreviewSession = { ...first, generation: 1 };
  window.impactReturnsPreview = {
    get host() {
      return current.host;
    },
    get session() {
      return current;
    },
  };
  document.title = "Impact Returns - preview";
  root.render(
    <StrictMode>
      <PreviewShell
        initial={current}
        initialTheme={theme}
        initialNotice={notice}
        saver={saver}
        newSession={(kind, onProgress) => createSession(kind, onProgress, latencyMs)}
        restore={(work) => restoreSession(work, latencyMs)}
        onSession={(session) => {
          current = session;
        }}
      />
    </StrictMode>,
  );
}
