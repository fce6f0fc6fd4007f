/**
 * Preview mode's page: a banner saying plainly that this is not Excel, the real task pane at task
 * pane width on the left, running against an in-memory Excel host, and a live grid of that host's
 * workbook on the right, which the user fills as in Excel (unlocked cells only, on protected sheets). Offers a sample return to start from and an .xlsx download.
 */
import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowResetRegular, DocumentTableRegular, EyeRegular } from "@fluentui/react-icons";
import { useCallback, useState, useSyncExternalStore } from "react";
import { App } from "../taskpane/App";
import type { TaskPaneActions } from "../taskpane/actions";
import type { ThemeName } from "../taskpane/theme";
import { THEMES } from "../taskpane/themes";
import { describeError } from "../taskpane/errors";
import { ErrorBoundary } from "../taskpane/components/ErrorBoundary";
import { WorkbookGrid } from "./WorkbookGrid";
import type { PreviewHost } from "./session";

export const PANE_WIDTH_PX = 350;
/** Below this width the pane and the grid are stacked. */
const NARROW = "@media (max-width: 719px)";

/** The task pane and the grid beside it: framed columns, as in Excel's window. */
const FRAMED = {
  minHeight: 0,
  display: "flex",
  flexDirection: "column",
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  borderRadius: tokens.borderRadiusMedium,
  overflow: "hidden",
  boxShadow: tokens.shadow4,
} as const;

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  banner: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderTop: `${tokens.strokeWidthThickest} solid ${tokens.colorStatusWarningBorderActive}`,
    color: tokens.colorNeutralForeground1,
  },
  bannerText: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, minWidth: 0 },
  bannerIcon: {
    fontSize: "20px",
    flexShrink: 0,
    color: tokens.colorStatusWarningForeground1,
    backgroundColor: tokens.colorStatusWarningBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    borderRadius: tokens.borderRadiusCircular,
    padding: "6px",
  },
  bannerTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  bannerDetail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  status: { flexBasis: "100%", ":empty": { display: "none" } },
  body: {
    flex: 1,
    minHeight: 0,
    display: "flex",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    // A narrow window (a phone, a zoomed page) stacks the pane above the grid rather than scrolling sideways.
    [NARROW]: { flexDirection: "column", overflowY: "auto" },
  },
  pane: {
    ...FRAMED,
    width: `${PANE_WIDTH_PX}px`,
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    [NARROW]: { width: "auto", minHeight: "80vh" },
  },
  gridArea: {
    ...FRAMED,
    flex: 1,
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    [NARROW]: { flex: "none", height: "80vh" },
  },
  gridHeading: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  gridHint: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  gridBody: { flex: 1, minHeight: 0 },
});

export interface PreviewSession {
  host: PreviewHost;
  actions: TaskPaneActions;
  /** Increases with each new workbook, so the task pane starts afresh. */
  generation: number;
  /** What the workbook is, for the grid's heading. */
  label: string;
}

export interface PreviewShellProps {
  initial: PreviewSession;
  initialTheme: ThemeName;
  /** Builds a new session: an empty workbook, or the sample return. */
  newSession(kind: "empty" | "sample", onProgress: (step: string) => void): Promise<Omit<PreviewSession, "generation">>;
  /** Called whenever the session changes (so tests can reach the current host). */
  onSession?(session: PreviewSession): void;
}

type Status = { intent: "success" | "error" | "info"; text: string; hint?: string | undefined } | undefined;

function useModelVersion(host: PreviewHost): number {
  return useSyncExternalStore(
    useCallback((listener: () => void) => host.subscribe(listener), [host]),
    () => host.workbook.version,
  );
}

export function PreviewShell({ initial, initialTheme, newSession, onSession }: PreviewShellProps) {
  const styles = useStyles();
  const [session, setSession] = useState(initial);
  const [theme, setTheme] = useState<ThemeName>(initialTheme);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<Status>(undefined);
  const version = useModelVersion(session.host);

  const replace = async (kind: "empty" | "sample") => {
    setStatus(undefined);
    setBusy(kind === "sample" ? "Building the sample return…" : "Starting a new workbook…");
    try {
      const next = await newSession(kind, (step) => setBusy(`${step}…`));
      const s: PreviewSession = { ...next, generation: session.generation + 1 };
      setSession(s);
      onSession?.(s);
      setStatus(
        kind === "sample"
          ? { intent: "success", text: "Sample return loaded: Riverside Homes (RH01), reporting year from April 2020, with April to July filled in." }
          : { intent: "info", text: "Started again with an empty workbook." },
      );
    } catch (e) {
      const shown = describeError(e, kind === "sample" ? "Building the sample return" : "Starting a new workbook");
      setStatus({ intent: "error", text: shown.message, hint: shown.hint });
    } finally {
      setBusy(undefined);
    }
  };

  const download = async () => {
    setStatus(undefined);
    setBusy("Preparing the .xlsx file…");
    try {
      const { downloadWorkbook } = await import(/* webpackChunkName: "export-xlsx" */ "./export-xlsx");
      const name = await downloadWorkbook(session.host.workbook);
      setStatus({ intent: "success", text: `Downloaded ${name}.` });
    } catch (e) {
      const shown = describeError(e, "Making the .xlsx file");
      setStatus({ intent: "error", text: shown.message, hint: shown.hint });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    // Layout lives on an inner div: FluentProvider passes its className on to portals (tooltips), which would then cover the page.
    <FluentProvider theme={THEMES[theme]} lang="en-GB">
      <div className={styles.page}>
        <header className={styles.banner}>
          <div className={styles.bannerText}>
            <EyeRegular className={styles.bannerIcon} aria-hidden="true" />
            <div>
              <div className={styles.bannerTitle}>Preview - not connected to Excel</div>
              <div className={styles.bannerDetail}>
                The task pane runs against an in-memory workbook, shown on the right. Nothing is saved unless you download it.
              </div>
            </div>
          </div>
          <div className={styles.toolbar} role="group" aria-label="Preview tools">
            <Button icon={<DocumentTableRegular />} disabled={busy !== undefined} onClick={() => void replace("sample")}>
              Start from a sample return
            </Button>
            <Button icon={<ArrowResetRegular />} disabled={busy !== undefined} onClick={() => void replace("empty")}>
              Start with an empty workbook
            </Button>
            <Button icon={<ArrowDownloadRegular />} disabled={busy !== undefined} onClick={() => void download()}>
              Download workbook (.xlsx)
            </Button>
            <Switch label="Dark theme" checked={theme === "dark"} onChange={(_, data) => setTheme(data.checked ? "dark" : "light")} />
          </div>
          <div className={styles.status} aria-live="polite">
            {busy ? <Spinner size="tiny" label={busy} labelPosition="after" /> : null}
            {!busy && status ? (
              <MessageBar intent={status.intent} layout="multiline">
                <MessageBarBody>
                  {status.text}
                  {status.hint ? ` ${status.hint}` : ""}
                </MessageBarBody>
              </MessageBar>
            ) : null}
          </div>
        </header>
        <div className={styles.body}>
          <div className={styles.pane} data-testid="task-pane">
            <App key={session.generation} actions={session.actions} />
          </div>
          <section className={styles.gridArea} aria-labelledby="preview-grid-heading">
            <h2 id="preview-grid-heading" className={styles.gridHeading}>
              Workbook <span className={styles.gridHint}>{session.label} · type in unlocked cells as in Excel</span>
            </h2>
            <div className={styles.gridBody}>
              <ErrorBoundary key={session.generation} what="The workbook preview">
                <WorkbookGrid workbook={session.host.workbook} version={version} host={session.host} />
              </ErrorBoundary>
            </div>
          </section>
        </div>
      </div>
    </FluentProvider>
  );
}
