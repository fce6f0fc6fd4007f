/**
 * Preview mode, the page preview.html (served at /preview; see src/taskpane/index.tsx): the task
 * pane in a plain browser against an in-memory workbook. Loaded on demand, so none of it reaches
 * Excel users.
 *
 * URL options: ?sample=1 starts from the sample return; ?theme=dark starts dark; ?latency=MS
 * delays every Excel round trip by MS milliseconds (default 40), e.g. to watch Set up's progress.
 * For tests, window.impactReturnsPreview gives the current in-memory host (its `workbook` model).
 */
import { StrictMode } from "react";
import type { Root } from "react-dom/client";
import type { ThemeName } from "../taskpane/theme";
import { PreviewShell, type PreviewSession } from "./PreviewShell";
import { createSession, type PreviewHost } from "./session";

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
  const first = await createSession(params.get("sample") === "1" ? "sample" : "empty", undefined, latencyMs);
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
        newSession={(kind, onProgress) => createSession(kind, onProgress, latencyMs)}
        onSession={(session) => {
          current = session;
        }}
      />
    </StrictMode>,
  );
}
