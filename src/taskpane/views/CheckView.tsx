/**
 * Check: one click checks the return; issues are grouped by type with counts and the first few
 * cells (`Measures!H7`), each of which selects its cell in Excel. The check also writes the Checks
 * sheet, which highlights the cells. It re-runs by itself shortly after the user edits, and, once
 * clean, the return can be marked ready to send. Acts only through its CheckActions.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Switch, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ClipboardTaskListLtr20Regular, Clock16Regular, TableSearch20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CheckIssue, CheckResult } from "../../core/checks";
import { HIGHLIGHT } from "../../core/layout/contract";
import {
  arrangeIssues,
  clockTime,
  createCheckScheduler,
  isClean,
  issueLocation,
  issueTitle,
  plural,
  progressText,
  signOffBlocker,
  summaryText,
  type CheckReason,
  type CheckScheduler,
} from "../check-display";
import { CheckSummary } from "../components/CheckSummary";
import { Announcer, FocusableError } from "../components/ViewParts";
import { IssueGroupCard } from "../components/IssueGroupCard";
import { moveBetweenIssues } from "../components/IssueItem";
import { IssueList } from "../components/IssueList";
import { SignOffSection } from "../components/SignOffSection";
import { describeError, type DisplayError } from "../errors";
import type { CheckActions } from "../actions";
import { focusPending } from "../pending-focus";
import { useViewStyles } from "../view-styles";

/** How long after the user's last edit the check runs again by itself. */
export const RECHECK_DELAY_MS = 1500;

const useStyles = makeStyles({
  statusLine: { display: "flex", alignItems: "center", minHeight: "20px", marginTop: `calc(-1 * ${tokens.spacingVerticalXS})` },
  checkedIcon: { flexShrink: 0 },
  switch: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  context: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sheetList: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  sheetName: { fontWeight: tokens.fontWeightSemibold },
  accepted: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  acceptedNote: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  legend: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}` },
  legendItem: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  // A blank cell in the highlight's colours (a number here read as a count).
  swatch: { display: "inline-block", flexShrink: 0, width: "28px", height: "16px", border: "1px solid #C8C6C4", borderRadius: "2px" },
  divider: { border: 0, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, margin: 0 },
});

interface LastCheck {
  /** Counts the checks shown, from 1. */
  number: number;
  result: CheckResult;
  listProblem?: string | undefined;
  at: Date;
  reason: CheckReason | "sign-off";
}

/** A problem with a whole sheet: what kind, which sheet, and the message. */
function SheetWideIssue({ issue, className }: { issue: CheckIssue; className: string }) {
  return (
    <>
      <span className={className}>
        {issueTitle(issue.code)} ({issueLocation(issue)}):
      </span>{" "}
      {issue.message}
    </>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface CheckViewProps {
  actions: CheckActions;
}

export function CheckView({ actions }: CheckViewProps) {
  const styles = useStyles();
  const common = useViewStyles();
  const [running, setRunning] = useState<CheckReason | undefined>(undefined);
  const [last, setLast] = useState<LastCheck | undefined>(undefined);
  const [checkError, setCheckError] = useState<{ error: DisplayError; reason: CheckReason } | undefined>(undefined);
  const [auto, setAuto] = useState(true);
  const [watchProblem, setWatchProblem] = useState<DisplayError | undefined>(undefined);
  const [goError, setGoError] = useState<DisplayError | undefined>(undefined);
  const [announcement, setAnnouncement] = useState("");
  /** An automatic re-check is waiting for the edits to pause. */
  const [waiting, setWaiting] = useState(false);
  /** Edited since the last check while automatic re-checks are off: the results may be out of date. */
  const [stale, setStale] = useState(false);
  /** Edits are being watched (the workbook's change events are registered). */
  const [watching, setWatching] = useState(false);
  const autoRef = useRef(auto);
  autoRef.current = auto;

  const scheduler = useRef<CheckScheduler | undefined>(undefined);
  const pendingFocus = useRef<"results" | "error" | "goError" | undefined>(undefined);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const goErrorRef = useRef<HTMLDivElement>(null);

  const frameworkTitles = useMemo(() => new Map(actions.builtinFrameworks().map((f) => [`${f.id}@${f.version}`, f.title])), [actions]);

  // One scheduler for this view's life: checks never overlap, and edits are debounced.
  useEffect(() => {
    const run = async (reason: CheckReason) => {
      setRunning(reason);
      setStale(false);
      if (reason === "manual") setAnnouncement("Checking the return…");
      try {
        const outcome = await actions.check();
        const at = new Date();
        setCheckError(undefined);
        setLast((current) => ({ number: (current?.number ?? 0) + 1, result: outcome.result, listProblem: outcome.listProblem, at, reason }));
        setAnnouncement(
          outcome.result.notAReturn
            ? "This workbook is not a return yet."
            : `${reason === "auto" ? "Checked again after your edits" : "Checked"} at ${clockTime(at)}: ${summaryText(outcome.result.summary)}.`,
        );
        if (reason === "manual") pendingFocus.current = "results";
      } catch (e) {
        setCheckError({ error: describeError(e, "Checking the return"), reason });
        setAnnouncement("The check did not finish.");
        if (reason === "manual") pendingFocus.current = "error";
      } finally {
        setRunning(undefined);
      }
    };
    const s = createCheckScheduler(run, RECHECK_DELAY_MS, undefined, setWaiting);
    scheduler.current = s;
    return () => {
      s.dispose();
      if (scheduler.current === s) scheduler.current = undefined;
    };
  }, [actions]);

  // Watch for edits once the return has been checked: each one re-checks (after a pause) while
  // automatic re-checks are on, and otherwise marks the results as out of date.
  const checkedOnce = last !== undefined;
  useEffect(() => {
    if (!checkedOnce) return;
    let stop: (() => Promise<void>) | undefined;
    let ended = false;
    const finish = (s: () => Promise<void>) => void s().catch(() => undefined);
    setWatchProblem(undefined);
    actions
      .watchEdits(() => (autoRef.current ? scheduler.current?.edited() : setStale(true)))
      .then(
        (s) => {
          if (ended) finish(s);
          else {
            stop = s;
            setWatching(true);
          }
        },
        (e: unknown) => {
          if (!ended) setWatchProblem(describeError(e, "Watching for edits"));
        },
      );
    return () => {
      ended = true;
      setWatching(false);
      scheduler.current?.cancel();
      if (stop) finish(stop);
    };
  }, [actions, checkedOnce]);

  // Focus follows what the user asked for: the results after a check, the message after a failure.
  useEffect(() => focusPending(pendingFocus, { results: resultsHeading, error: errorRef, goError: goErrorRef }), [last, checkError, goError]);

  const goTo = useCallback(
    async (sheet: string, cell: string, what: string) => {
      setGoError(undefined);
      try {
        await actions.goToCell(sheet, cell);
        setAnnouncement(`Selected ${what} in the workbook.`);
      } catch (e) {
        pendingFocus.current = "goError";
        setGoError(describeError(e, `Going to ${what}`));
      }
    },
    [actions],
  );
  const goToIssue = useCallback((issue: CheckIssue) => void goTo(issue.sheet, issue.cell, issueLocation(issue)), [goTo]);

  // "Explain" on a warning card: the explanation goes to the Checks sheet, then the return is checked again to count it.
  const explain = useCallback(
    async (issue: CheckIssue, text: string) => {
      await actions.explain({ code: issue.code, sheet: issue.sheet, cell: issue.cell }, text);
      setAnnouncement(`Explanation saved for ${issueLocation(issue)}. Checking again…`);
      scheduler.current?.checkNow("manual");
    },
    [actions],
  );

  const arranged = useMemo(() => (last && !last.result.notAReturn ? arrangeIssues(last.result) : undefined), [last]);
  const result = last?.result;
  const blocker = signOffBlocker(result, false);

  const onSignOffChecked = useCallback((checked: CheckResult, signed: boolean) => {
    setLast((current) => ({ number: (current?.number ?? 0) + 1, result: checked, listProblem: current?.listProblem, at: new Date(), reason: "sign-off" }));
    // A refusal means the return changed since the last check: refresh the Checks sheet and highlights too.
    if (!signed) scheduler.current?.checkNow("auto");
  }, []);

  const frameworkName = result?.framework
    ? `${frameworkTitles.get(`${result.framework.id}@${result.framework.version}`) ?? result.framework.id} (version ${result.framework.version})`
    : undefined;
  const organisation = result?.organisation ? `${result.organisation}${result.organisationCode ? ` (${result.organisationCode})` : ""}` : undefined;

  return (
    <div className={common.view}>
      <h2 className={common.heading}>Check this return</h2>
      <p className={common.intro}>
        Finds mistakes before you send the return. Each one is listed here and on the Checks sheet, and highlighted in the workbook.
      </p>

      {/* The view's state, for tests and tools to wait on: watching for edits, a re-check waiting, a check running. */}
      <div
        className={common.controls}
        data-watching-edits={watching ? "" : undefined}
        data-recheck-waiting={waiting ? "" : undefined}
        data-checking={running ? "" : undefined}
      >
        <div className={common.actions}>
          <Button
            appearance="primary"
            icon={<ClipboardTaskListLtr20Regular />}
            disabledFocusable={running !== undefined}
            onClick={() => scheduler.current?.checkNow("manual")}
          >
            Check the return
          </Button>
        </div>
        {/* One line, always there, so the view does not jump as checks start and finish. */}
        <div className={styles.statusLine}>
          {running ? (
            <Spinner size="extra-tiny" label={running === "auto" ? "Checking again after your edits…" : "Checking the return…"} />
          ) : waiting ? (
            <span className={common.stamp} data-testid="recheck-waiting">
              <Clock16Regular className={styles.checkedIcon} aria-hidden="true" />
              Edits noticed: checking again when you pause
            </span>
          ) : last && stale ? (
            <span className={common.stamp} data-testid="checked-at" data-stale="">
              <Clock16Regular className={styles.checkedIcon} aria-hidden="true" />
              {`${last.reason === "auto" ? "Checked again" : "Checked"} at ${clockTime(last.at)}; edited since: check again to update`}
            </span>
          ) : last ? (
            <span className={common.stamp} data-testid="checked-at">
              <Clock16Regular className={styles.checkedIcon} aria-hidden="true" />
              {last.reason === "auto" ? `Checked again at ${clockTime(last.at)}` : `Checked at ${clockTime(last.at)}`}
            </span>
          ) : (
            <span className={common.stamp}>Not checked yet</span>
          )}
        </div>
        <Switch
          className={styles.switch}
          label="Check again automatically after edits"
          checked={auto}
          onChange={(_, data) => {
            setAuto(data.checked);
            // Off: forget a re-check waiting for its delay; on again after edits: check them now.
            if (!data.checked) scheduler.current?.cancel();
            else if (stale) scheduler.current?.checkNow("auto");
          }}
        />
        {watchProblem ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Automatic re-checks are not available</MessageBarTitle>
              <div>{watchProblem.message} Press Check the return after editing instead.</div>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>

      {/* Always present, so screen readers announce each change. */}
      <Announcer text={announcement} />

      {checkError ? (
        <FocusableError focusRef={errorRef} error={checkError.error} title={checkError.reason === "auto" ? "The automatic re-check did not finish" : "The check did not finish"} />
      ) : null}

      {goError ? (
        <FocusableError focusRef={goErrorRef} error={goError} title="Could not go there in the workbook" />
      ) : null}

      {last && result ? (
        <section className={common.section} aria-labelledby="check-results-heading" data-check-number={last.number}>
          <div className={common.resultsHead}>
            <h3 id="check-results-heading" ref={resultsHeading} tabIndex={-1} className={mergeClasses(common.subheading, common.focusTarget)}>
              Results
            </h3>
            {organisation || frameworkName ? (
              <p className={styles.context}>{[organisation, frameworkName ? `checked against ${frameworkName}` : undefined].filter(Boolean).join(", ")}</p>
            ) : null}
            {/* The year's progress: months reported out of twelve, and the next month due. */}
            {result.progress ? (
              <p className={styles.context} data-testid="year-progress">
                {progressText(result.progress)}
              </p>
            ) : null}
          </div>

          {result.notAReturn ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>This workbook is not a return yet</MessageBarTitle>
                <div>{capitalise(result.notAReturn)}. Set it up on the Set up tab, then check again.</div>
              </MessageBarBody>
            </MessageBar>
          ) : isClean(result) ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>No errors or warnings</MessageBarTitle>
                <div>
                  {result.summary.accepted > 0
                    ? `${plural(result.summary.accepted, "warning")} explained. The return can be marked ready to send.`
                    : "The return can be marked ready to send."}
                </div>
              </MessageBarBody>
            </MessageBar>
          ) : (
            <CheckSummary summary={result.summary} />
          )}

          {arranged && arranged.sheetWide.length > 0 ? (
            <MessageBar intent={arranged.sheetWide.some((i) => i.severity === "error") ? "error" : "warning"} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{arranged.sheetWide.length === 1 ? "A whole sheet needs attention" : "Whole sheets need attention"}</MessageBarTitle>
                {arranged.sheetWide.length === 1 ? (
                  <div>
                    <SheetWideIssue issue={arranged.sheetWide[0]!} className={styles.sheetName} />
                  </div>
                ) : (
                  <ul className={styles.sheetList}>
                    {arranged.sheetWide.map((issue, i) => (
                      <li key={i}>
                        <SheetWideIssue issue={issue} className={styles.sheetName} />
                      </li>
                    ))}
                  </ul>
                )}
              </MessageBarBody>
            </MessageBar>
          ) : null}

          {last.listProblem ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>The Checks sheet was not updated</MessageBarTitle>
                <div>{last.listProblem} Until then, cells are not highlighted.</div>
              </MessageBarBody>
            </MessageBar>
          ) : null}

          {arranged && (arranged.groups.length > 0 || arranged.accepted.length > 0) ? (
            <div className={styles.groups} onKeyDown={moveBetweenIssues} aria-busy={running !== undefined}>
              {arranged.groups.map((group) => (
                <IssueGroupCard
                  key={group.code}
                  code={group.code}
                  title={group.title}
                  severity={group.severity}
                  issues={arranged.byCode.get(group.code) ?? []}
                  onGo={goToIssue}
                  onExplain={explain}
                />
              ))}
              {arranged.accepted.length > 0 ? (
                <section className={styles.accepted} aria-labelledby="check-accepted-heading">
                  <h4 id="check-accepted-heading" className={common.minorHeading}>
                    Explained warnings ({arranged.accepted.length.toLocaleString("en-GB")})
                  </h4>
                  <p className={styles.acceptedNote}>
                    These no longer count as warnings. To change or withdraw an explanation, edit it on the Checks sheet and check again.
                  </p>
                  <IssueList issues={arranged.accepted} onGo={goToIssue} showExplanations checksSheetNote={false} />
                </section>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}

      {result?.notAReturn ? null : (
        <section className={common.workbook} aria-labelledby="check-workbook-heading">
          <h3 id="check-workbook-heading" className={common.minorHeading}>
            In the workbook
          </h3>
          <ul className={styles.legend} aria-label="Highlight colours">
            <li className={styles.legendItem}>
              <span className={styles.swatch} style={{ backgroundColor: HIGHLIGHT.error.fill, borderColor: HIGHLIGHT.error.font }} aria-hidden="true" />
              Errors turn cells light red
            </li>
            <li className={styles.legendItem}>
              <span className={styles.swatch} style={{ backgroundColor: HIGHLIGHT.warning.fill, borderColor: HIGHLIGHT.warning.font }} aria-hidden="true" />
              Warnings turn them amber
            </li>
          </ul>
          <p className={common.note}>
            If a warned figure is right, say why with Explain on its warning, or type it in the Explanation column of the Checks sheet and check again: the
            warning then counts as explained. The highlights go when the problems are fixed.
          </p>
          <div>
            <Button size="small" icon={<TableSearch20Regular />} onClick={() => void goTo("Checks", "F2", "the Checks sheet")}>
              Go to the Checks sheet
            </Button>
          </div>
        </section>
      )}

      <hr className={styles.divider} />

      <SignOffSection
        blocker={blocker}
        clean={result !== undefined && isClean(result)}
        busy={running !== undefined}
        signOff={(name) => actions.signOff(name)}
        onChecked={onSignOffChecked}
        now={() => actions.today?.() ?? new Date()}
        mailer={actions.mailer?.()}
      />
    </div>
  );
}

export default CheckView;
