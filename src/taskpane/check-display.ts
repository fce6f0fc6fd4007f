/**
 * Pure helpers for the Check view: how a check result is arranged and worded in the pane, why
 * "Mark ready to send" is not available yet, and the re-check scheduler (debounced, never two
 * checks at once). No React and no Office.js here, so all of it is unit-tested directly.
 */
import { catalogueEntry, groupIssues, warningsBlockingSignOff, type CheckIssue, type CheckResult, type IssueGroup, type YearProgress } from "../core/checks";
import { longDateText, plural } from "../core/format";

// The pane's words for counts, dates and times are the core's (src/core/format.ts).
export { clockTime, longDate, plural } from "../core/format";
import { sheetAddress } from "../core/layout/a1";

/** How many examples a group shows before "Show all". */
export const FIRST_EXAMPLES = 3;
/** How many more issues each "Show more" reveals, so a group of thousands never floods the pane. */
export const SHOW_MORE_STEP = 50;

/** Where an issue is, the way Excel writes it: `Measures!H7`, `'Case studies'!B3`, or the sheet alone for a whole-sheet issue. */
export function issueLocation(issue: Pick<CheckIssue, "sheet" | "cell">): string {
  return issue.cell === "" ? `${issue.sheet} sheet` : sheetAddress(issue.sheet, issue.cell);
}

/** "2 errors, 5 warnings, 1 explained"; "No errors or warnings" (with any explained warnings after it). */
export function summaryText(summary: CheckResult["summary"]): string {
  const parts: string[] = [];
  if (summary.errors > 0) parts.push(plural(summary.errors, "error"));
  if (summary.warnings > 0) parts.push(plural(summary.warnings, "warning"));
  if (parts.length === 0) {
    return summary.accepted > 0 ? `No errors or warnings (${plural(summary.accepted, "warning")} explained)` : "No errors or warnings";
  }
  if (summary.accepted > 0) parts.push(`${summary.accepted.toLocaleString("en-GB")} explained`);
  return parts.join(", ");
}

/** True when the return can be marked ready to send: it is a return, with no error and no unexplained warning. */
export function isClean(result: CheckResult): boolean {
  return !result.notAReturn && result.summary.errors === 0 && result.summary.warnings === 0;
}

export interface ArrangedIssues {
  /** Issues about a whole sheet (no cell): shown first, not clickable. */
  sheetWide: CheckIssue[];
  /** Issues with a cell still to deal with (errors, unexplained warnings), grouped by code: errors first. */
  groups: IssueGroup[];
  /** Every open issue with a cell, by code, in sheet order (for "Show all"). */
  byCode: Map<string, CheckIssue[]>;
  /** Warnings with an explanation: shown apart, de-emphasised. */
  accepted: CheckIssue[];
}

export function arrangeIssues(result: CheckResult, examples = FIRST_EXAMPLES): ArrangedIssues {
  const sheetWide: CheckIssue[] = [];
  const open: CheckIssue[] = [];
  const accepted: CheckIssue[] = [];
  for (const issue of result.issues) {
    if (issue.accepted) accepted.push(issue);
    else if (issue.cell === "") sheetWide.push(issue);
    else open.push(issue);
  }
  const byCode = new Map<string, CheckIssue[]>();
  for (const issue of open) {
    const list = byCode.get(issue.code);
    if (list) list.push(issue);
    else byCode.set(issue.code, [issue]);
  }
  // Errors before warnings, so the most serious whole-sheet problem is read first.
  sheetWide.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return { sheetWide, groups: groupIssues(open, examples), byCode, accepted };
}

/** The catalogue's title for a code (the code itself when the catalogue does not know it). */
export function issueTitle(code: string): string {
  return catalogueEntry(code)?.title ?? code;
}

/** The catalogue's plain-English explanation of what a code means, when it has one. */
export function issueExplanation(code: string): string | undefined {
  return catalogueEntry(code)?.explanation;
}

/** How many issues of a group to show after one more "Show more" (all of them when few are left). */
export function nextShown(shown: number, total: number): number {
  return Math.min(total, shown <= FIRST_EXAMPLES ? SHOW_MORE_STEP : shown + SHOW_MORE_STEP);
}

/** The label of the control that reveals more of a group. */
export function showMoreLabel(shown: number, total: number): string {
  const next = nextShown(shown, total);
  if (next >= total) return `Show all ${total.toLocaleString("en-GB")}`;
  return `Show ${(next - shown).toLocaleString("en-GB")} more of ${total.toLocaleString("en-GB")}`;
}

/** Why "Mark ready to send" cannot be used yet, in a sentence; undefined when it can. */
export function signOffBlocker(result: CheckResult | undefined, checking: boolean): string | undefined {
  if (checking) return "Wait for the check to finish.";
  if (!result) return "Check the return first. You can mark it ready to send once the check finds no errors and every warning is explained.";
  if (result.notAReturn) return "This workbook is not a return yet: set it up on the Set up tab, fill it in and check it first.";
  const errors = result.summary.errors;
  const warnings = warningsBlockingSignOff(result);
  const explain = "use Explain on the warning, or type why the figure is right in the Explanation column of the Checks sheet";
  if (errors > 0 && warnings > 0) {
    return `Fix the ${plural(errors, "error")}, and fix or explain the ${plural(warnings, "warning")} (${explain}), then check again.`;
  }
  if (errors > 0) return `Fix the ${plural(errors, "error")}, then check again.`;
  if (warnings > 0) return `Fix or explain the ${plural(warnings, "warning")} (${explain}), then check again.`;
  return undefined;
}

export type CheckReason = "manual" | "auto";

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CheckScheduler {
  /** Runs a check now (after the one running, if any), cancelling any re-check waiting for its delay. */
  checkNow(reason?: CheckReason): void;
  /** The user edited: re-check once `delayMs` have passed with no further edit. */
  edited(): void;
  /** Forgets a waiting re-check (e.g. automatic re-checks were switched off). */
  cancel(): void;
  /** Stops for good: nothing waiting runs, and nothing new starts. */
  dispose(): void;
}

const REAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs checks one at a time. Edits are debounced (the check runs `delayMs` after the last one); a
 * check asked for while one runs waits for it, and several such requests become one (a manual
 * request wins over an automatic one). `run` must not throw; it reports its own failures.
 */
export function createCheckScheduler(
  run: (reason: CheckReason) => Promise<void>,
  delayMs = 1500,
  timers: Timers = REAL_TIMERS,
  /** Told when a re-check starts or stops waiting for its delay (so the pane can say one is coming). */
  onWaiting: (waiting: boolean) => void = () => undefined,
): CheckScheduler {
  let timer: unknown;
  let running = false;
  let queued: CheckReason | undefined;
  let disposed = false;

  const clearTimer = () => {
    if (timer !== undefined) {
      timers.clearTimeout(timer);
      timer = undefined;
      onWaiting(false);
    }
  };

  const start = (reason: CheckReason) => {
    if (disposed) return;
    if (running) {
      queued = queued === "manual" || reason === "manual" ? "manual" : "auto";
      return;
    }
    running = true;
    void run(reason)
      .catch(() => undefined)
      .finally(() => {
        running = false;
        const next = queued;
        queued = undefined;
        if (next && !disposed) start(next);
      });
  };

  return {
    checkNow: (reason = "manual") => {
      clearTimer();
      start(reason);
    },
    edited: () => {
      if (disposed) return;
      if (timer !== undefined) timers.clearTimeout(timer);
      else onWaiting(true);
      timer = timers.setTimeout(() => {
        timer = undefined;
        onWaiting(false);
        start("auto");
      }, delayMs);
    },
    cancel: () => {
      clearTimer();
      if (queued === "auto") queued = undefined;
    },
    dispose: () => {
      disposed = true;
      queued = undefined;
      clearTimer();
    },
  };
}

/** After "Mark ready to send", what to send and where: "Send RH01 impact return 2026-27.xlsx to returns@centre.example." */
export function nextStepText(step: { to?: string | undefined; fileName?: string | undefined }): string {
  const file = step.fileName ?? "the workbook";
  if (step.to) return `Send ${file} to ${step.to}.`;
  return `Send ${file} to the centre. The framework names no address for it: type the centre's email in Set up (Centre email) to have it here.`;
}

/** How to attach the workbook: a mailto link cannot attach a file. */
export function attachText(inExcel: boolean): string {
  return inExcel
    ? "Save the workbook (Ctrl+S), then attach it to the email."
    : "Download the workbook (Download workbook (.xlsx)), then attach the downloaded file to the email.";
}

/**
 * The year's progress, in a sentence: "6 of 12 months reported. Next due: October 2020, by 15
 * November 2020." An overdue next month says when it was due; a full year says so.
 */
export function progressText(progress: YearProgress): string {
  const head = `${progress.reported} of ${progress.months} months reported.`;
  const next = progress.next;
  if (!next) return `${head} Every month of the year has figures.`;
  const due = longDateText(next.dueDate);
  const late = progress.overdue.length;
  if (next.overdue) return `${head} ${next.label} was due by ${due}${late > 1 ? ` (${plural(late, "month")} overdue)` : ""}.`;
  return `${head} Next due: ${next.label}, by ${due}.`;
}
