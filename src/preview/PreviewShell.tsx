/**
 * Preview mode's page: a banner saying plainly that this is not Excel, the real task pane at task
 * pane width on the left, running against an in-memory Excel host, and a live grid of that host's
 * workbook on the right, which the user fills as in Excel (unlocked cells only, on protected sheets). Offers a sample return to start from and an .xlsx download.
 *
 * Nothing is lost by accident: replacing a workbook that holds work asks first (ConfirmDialog, with
 * "Download first"; the rule is work-at-risk.ts), the last replacement can be undone (the replaced
 * workbook's snapshot is kept), and the work is kept in this browser after each change (WorkSaver,
 * saved-workbook.ts) and restored on reload.
 */
import { Button, FluentProvider, Spinner, Switch, makeStyles, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowResetRegular, DocumentTableRegular, EyeRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { App } from "../taskpane/App";
import type { ThemeName } from "../taskpane/theme";
import { THEMES } from "../taskpane/themes";
import { describeError } from "../taskpane/errors";
import { ErrorBoundary } from "../taskpane/components/ErrorBoundary";
import { WorkbookGrid } from "./WorkbookGrid";
import { ConfirmDialog, type ConfirmQuestion } from "./ConfirmDialog";
import { NoticeBar, SavedState, type Notice, type NoticeAction } from "./PreviewNotices";
import type { WorkbookSnapshot } from "../memory-host";
import type { WorkbookOrigin, WorkSaver } from "./saved-workbook";
import type { NewSession, PreviewHost } from "./session";
import { isBlank, replaceQuestion, workAtRisk, type Replacement } from "./work-at-risk";

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

export interface PreviewSession extends NewSession {
  /** Increases with each new workbook, so the task pane starts afresh. */
  generation: number;
}

export interface PreviewShellProps {
  initial: PreviewSession;
  initialTheme: ThemeName;
  /** What the page says first (work restored from this browser, or why it could not be). */
  initialNotice?: Notice | undefined;
  /** Builds a new session: an empty workbook, or the sample return. */
  newSession(kind: WorkbookOrigin, onProgress: (step: string) => void): Promise<NewSession>;
  /** A session over a workbook kept earlier (the one replaced, for Undo). */
  restore(work: { origin: WorkbookOrigin; workbook: WorkbookSnapshot }): Promise<NewSession>;
  /** Keeps the session's workbook in this browser. */
  saver: WorkSaver;
  /** Called whenever the session changes (so tests can reach the current host). */
  onSession?(session: PreviewSession): void;
}

/** The workbook a replacement took away, as its snapshot's JSON (so Undo gets it back exactly). */
interface Replaced {
  origin: WorkbookOrigin;
  json: string;
  by: Exclude<Replacement, "previous">;
}

/** A question open in the dialog, and what it does when confirmed. */
interface Asking extends ConfirmQuestion {
  go(): void;
  download: boolean;
}

const SAMPLE_LOADED = "Sample return loaded: Riverside Homes (RH01), reporting year from April 2020, with April to July filled in.";

function useModelVersion(host: PreviewHost): number {
  return useSyncExternalStore(
    useCallback((listener: () => void) => host.subscribe(listener), [host]),
    () => host.workbook.version,
  );
}

export function PreviewShell({ initial, initialTheme, initialNotice, newSession, restore, saver, onSession }: PreviewShellProps) {
  const styles = useStyles();
  const [session, setSession] = useState(initial);
  const [theme, setTheme] = useState<ThemeName>(initialTheme);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(initialNotice);
  const [replaced, setReplaced] = useState<Replaced | undefined>(undefined);
  const [asking, setAsking] = useState<Asking | undefined>(undefined);
  const [dialogNote, setDialogNote] = useState<string | undefined>(undefined);
  const [focusUndo, setFocusUndo] = useState(false);
  const undoRef = useRef<HTMLButtonElement>(null);
  const restoreFocusTarget = useRestoreFocusTarget();
  const version = useModelVersion(session.host);

  useEffect(() => saver.watch({ host: session.host, origin: session.origin }), [saver, session]);
  useEffect(() => {
    if (!focusUndo) return;
    // After a replacement, Undo is one key away.
    undoRef.current?.focus();
    setFocusUndo(false);
  }, [focusUndo]);

  const fail = (e: unknown, action: string) => {
    const shown = describeError(e, action);
    setNotice({ intent: "error", text: shown.message, hint: shown.hint });
  };

  const replace = async (by: Replacement) => {
    if (by === "previous" && !replaced) return;
    setNotice(undefined);
    setBusy(by === "sample" ? "Building the sample return…" : by === "empty" ? "Starting a new workbook…" : "Putting back the workbook you had…");
    const before = session.host.snapshot();
    const keep: Replaced | undefined = by !== "previous" && !isBlank(before) ? { origin: session.origin, json: JSON.stringify(before), by } : undefined;
    try {
      const next =
        by === "previous" && replaced
          ? await restore({ origin: replaced.origin, workbook: JSON.parse(replaced.json) as WorkbookSnapshot })
          : await newSession(by === "sample" ? "sample" : "empty", (step) => setBusy(`${step}…`));
      const s: PreviewSession = { ...next, generation: session.generation + 1 };
      setSession(s);
      onSession?.(s);
      setReplaced(keep);
      if (by === "previous") setNotice({ intent: "success", text: "The workbook you had before is back." });
      else if (by === "sample") setNotice({ intent: "success", text: SAMPLE_LOADED, action: keep ? "undo" : undefined });
      else setNotice(keep ? { intent: "info", text: "Replaced with an empty workbook.", action: "undo" } : { intent: "info", text: "Started again with an empty workbook." });
      setFocusUndo(keep !== undefined);
    } catch (e) {
      fail(e, by === "sample" ? "Building the sample return" : by === "empty" ? "Starting a new workbook" : "Putting back the workbook you had");
    } finally {
      setBusy(undefined);
    }
  };

  /** Replaces the workbook, asking first when that would lose work. */
  const requestReplace = (by: Replacement) => {
    const risk = workAtRisk(session.host.snapshot(), session.opened);
    if (!risk) {
      void replace(by);
      return;
    }
    setDialogNote(undefined);
    setAsking({ title: "Replace the workbook?", message: replaceQuestion(risk, by), confirm: "Replace", download: true, go: () => void replace(by) });
  };

  const download = async (): Promise<string | undefined> => {
    setNotice(undefined);
    setBusy("Preparing the .xlsx file…");
    try {
      const { downloadWorkbook } = await import(/* webpackChunkName: "export-xlsx" */ "./export-xlsx");
      const { fileName, notes } = await downloadWorkbook(session.host.workbook);
      setNotice({ intent: "success", text: [`Downloaded ${fileName}.`, ...notes].join(" ") });
      return fileName;
    } catch (e) {
      fail(e, "Making the .xlsx file");
      return undefined;
    } finally {
      setBusy(undefined);
    }
  };

  const requestClear = () => {
    setDialogNote(undefined);
    setAsking({
      title: "Clear the work saved in this browser?",
      message:
        "The workbook stays open on this page, but this browser will no longer keep it: after a reload the preview starts with an empty workbook.",
      confirm: "Clear saved work",
      download: true,
      go: () => {
        void saver.clear();
        setNotice({ intent: "info", text: "The work saved in this browser is cleared. Nothing more is kept here unless you choose Keep in this browser." });
      },
    });
  };

  const onNoticeAction = (action: NoticeAction) => {
    if (action === "undo") requestReplace("previous");
    else requestClear();
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
                The task pane runs against an in-memory workbook, shown on the right. It is kept only in this browser on this computer: download it to keep
                a copy. <SavedState saver={saver} onClear={requestClear} onKeep={() => saver.resume()} restoreFocus={restoreFocusTarget} />
              </div>
            </div>
          </div>
          <div className={styles.toolbar} role="group" aria-label="Preview tools">
            <Button icon={<DocumentTableRegular />} disabled={busy !== undefined} {...restoreFocusTarget} onClick={() => requestReplace("sample")}>
              Start from a sample return
            </Button>
            <Button icon={<ArrowResetRegular />} disabled={busy !== undefined} {...restoreFocusTarget} onClick={() => requestReplace("empty")}>
              Start with an empty workbook
            </Button>
            <Button icon={<ArrowDownloadRegular />} disabled={busy !== undefined} onClick={() => void download()}>
              Download workbook (.xlsx)
            </Button>
            <Switch label="Dark theme" checked={theme === "dark"} onChange={(_, data) => setTheme(data.checked ? "dark" : "light")} />
          </div>
          <div className={styles.status} aria-live="polite">
            {busy ? <Spinner size="tiny" label={busy} labelPosition="after" /> : null}
            {!busy && notice ? (
              <NoticeBar
                notice={notice}
                onAction={onNoticeAction}
                onDismiss={() => setNotice(undefined)}
                actionRef={undoRef}
                restoreFocus={restoreFocusTarget}
              />
            ) : null}
          </div>
        </header>
        <ConfirmDialog
          question={asking}
          note={dialogNote}
          busy={busy !== undefined}
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            const go = asking?.go;
            setAsking(undefined);
            go?.();
          }}
          onDownload={
            asking?.download
              ? () =>
                  void download().then((name) => {
                    if (name) setDialogNote(`Downloaded ${name}. Check it is in your downloads, then choose what to do.`);
                  })
              : undefined
          }
        />
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
