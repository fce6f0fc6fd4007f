/** The Check view's pure helpers: wording, arrangement of issues, sign-off reasons and the re-check scheduler. */
import type { CheckIssue, CheckResult } from "../../src/core/checks";
import {
  FIRST_EXAMPLES,
  SHOW_MORE_STEP,
  arrangeIssues,
  clockTime,
  createCheckScheduler,
  isClean,
  issueExplanation,
  issueLocation,
  issueTitle,
  longDate,
  nextShown,
  plural,
  progressText,
  showMoreLabel,
  signOffBlocker,
  summaryText,
  type CheckReason,
  type Timers,
} from "../../src/taskpane/check-display";

function issue(partial: Partial<CheckIssue> & Pick<CheckIssue, "code">): CheckIssue {
  return { severity: "error", sheet: "Measures", cell: "G2", row: 2, column: "G", message: "Something is wrong.", ...partial };
}

function result(issues: CheckIssue[], extra: Partial<CheckResult> = {}): CheckResult {
  const errors = issues.filter((i) => i.severity === "error").length;
  const accepted = issues.filter((i) => i.accepted).length;
  const warnings = issues.filter((i) => i.severity === "warning" && !i.accepted).length;
  return { issues, summary: { errors, warnings, accepted }, ...extra };
}

describe("wording", () => {
  it("counts in words, with thousands separated", () => {
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(0, "error")).toBe("0 errors");
    expect(plural(1234, "cell")).toBe("1,234 cells");
  });

  it("writes locations the way Excel does, quoting sheet names that need it", () => {
    expect(issueLocation({ sheet: "Measures", cell: "H7" })).toBe("Measures!H7");
    expect(issueLocation({ sheet: "Case studies", cell: "B3" })).toBe("'Case studies'!B3");
    expect(issueLocation({ sheet: "Outcomes", cell: "" })).toBe("Outcomes sheet");
  });

  it("summarises errors, warnings and explained warnings", () => {
    expect(summaryText({ errors: 2, warnings: 5, accepted: 1 })).toBe("2 errors, 5 warnings, 1 explained");
    expect(summaryText({ errors: 1, warnings: 0, accepted: 0 })).toBe("1 error");
    expect(summaryText({ errors: 0, warnings: 1, accepted: 0 })).toBe("1 warning");
    expect(summaryText({ errors: 0, warnings: 0, accepted: 0 })).toBe("No errors or warnings");
    expect(summaryText({ errors: 0, warnings: 0, accepted: 2 })).toBe("No errors or warnings (2 warnings explained)");
  });

  it("gives each code its catalogue title and explanation", () => {
    expect(issueTitle("not-a-number")).toBe("Text where a number belongs");
    expect(issueExplanation("not-a-number")).toMatch(/needs a number/);
    expect(issueTitle("no-such-code")).toBe("no-such-code");
    expect(issueExplanation("no-such-code")).toBeUndefined();
  });

  it("shows times and dates the UK way", () => {
    const at = new Date(2026, 2, 5, 14, 3, 59);
    expect(clockTime(at)).toBe("14:03");
    expect(longDate(at)).toBe("5 March 2026");
  });
});

describe("arrangeIssues", () => {
  it("puts whole-sheet issues first (errors before warnings), groups the rest by code, and keeps explained warnings apart", () => {
    const issues = [
      issue({ code: "table-recovered", severity: "warning", sheet: "Stakeholders", cell: "", row: 0, column: "" }),
      issue({ code: "missing-table", sheet: "Case studies", cell: "", row: 0, column: "" }),
      issue({ code: "month-out-of-line", severity: "warning", cell: "H4" }),
      issue({ code: "not-a-number", cell: "G2" }),
      issue({ code: "not-a-number", cell: "G5" }),
      issue({ code: "month-out-of-line", severity: "warning", cell: "I20", explanation: "Staff went back.", accepted: true }),
    ];
    const arranged = arrangeIssues(result(issues));
    expect(arranged.sheetWide.map((i) => i.code)).toEqual(["missing-table", "table-recovered"]);
    expect(arranged.groups.map((g) => [g.code, g.count, g.accepted])).toEqual([
      ["not-a-number", 2, 0],
      ["month-out-of-line", 1, 0],
    ]);
    expect(arranged.byCode.get("not-a-number")!.map((i) => i.cell)).toEqual(["G2", "G5"]);
    expect(arranged.accepted.map((i) => i.cell)).toEqual(["I20"]);
  });

  it("gives each group its first few examples and keeps every issue for Show all", () => {
    const many = Array.from({ length: 130 }, (_, i) => issue({ code: "required-measure-missing", cell: `J${i + 2}` }));
    const arranged = arrangeIssues(result(many));
    expect(arranged.groups[0]!.examples).toHaveLength(FIRST_EXAMPLES);
    expect(arranged.groups[0]!.count).toBe(130);
    expect(arranged.byCode.get("required-measure-missing")).toHaveLength(130);
  });

  it("has nothing to arrange for a clean return", () => {
    const arranged = arrangeIssues(result([]));
    expect(arranged).toEqual({ sheetWide: [], groups: [], byCode: new Map(), accepted: [] });
  });
});

describe("Show all, in steps", () => {
  it("shows all of a small group at once", () => {
    expect(showMoreLabel(3, 6)).toBe("Show all 6");
    expect(nextShown(3, 6)).toBe(6);
  });

  it("reveals a long group a step at a time", () => {
    expect(showMoreLabel(3, 130)).toBe(`Show ${SHOW_MORE_STEP - 3} more of 130`);
    expect(nextShown(3, 130)).toBe(SHOW_MORE_STEP);
    expect(nextShown(50, 130)).toBe(100);
    expect(showMoreLabel(100, 130)).toBe("Show all 130");
    expect(nextShown(100, 130)).toBe(130);
    expect(showMoreLabel(3, 2_500)).toBe("Show 47 more of 2,500");
  });
});

describe("signOffBlocker", () => {
  const warning = issue({ code: "month-out-of-line", severity: "warning" });
  const error = issue({ code: "not-a-number" });

  it("explains, in a sentence, what stands in the way", () => {
    expect(signOffBlocker(undefined, false)).toMatch(/^Check the return first/);
    expect(signOffBlocker(result([]), true)).toBe("Wait for the check to finish.");
    expect(signOffBlocker(result([], { notAReturn: "no Measures table" }), false)).toMatch(/^This workbook is not a return yet/);
    expect(signOffBlocker(result([error, error]), false)).toBe("Fix the 2 errors, then check again.");
    expect(signOffBlocker(result([warning]), false)).toMatch(
      /^Fix or explain the 1 warning \(use Explain on the warning, or type why .* Explanation column of the Checks sheet\), then check again\.$/,
    );
    expect(signOffBlocker(result([error, warning, warning]), false)).toMatch(/^Fix the 1 error, and fix or explain the 2 warnings/);
  });

  it("lets a return with only explained warnings be signed off", () => {
    const explained = result([{ ...warning, explanation: "Right.", accepted: true }]);
    expect(isClean(explained)).toBe(true);
    expect(signOffBlocker(explained, false)).toBeUndefined();
    expect(isClean(result([], { notAReturn: "no tables" }))).toBe(false);
  });
});

/** Timers driven by hand: `advance(ms)` fires whatever falls due. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const id = next++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...pending.entries()].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now) {
        pending.delete(id);
        t.callback();
      }
    }
  };
  return { timers, advance, pending: () => pending.size };
}

/** A check that finishes when told to. */
function controllableRun() {
  const calls: CheckReason[] = [];
  let finish: (() => void) | undefined;
  let active = 0;
  let overlapped = false;
  const run = (reason: CheckReason) => {
    calls.push(reason);
    active++;
    if (active > 1) overlapped = true;
    return new Promise<void>((resolve) => {
      finish = () => {
        active--;
        resolve();
      };
    });
  };
  return {
    run,
    calls,
    finish: async () => {
      finish?.();
      // Let the scheduler's .finally run.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    overlapped: () => overlapped,
  };
}

describe("createCheckScheduler", () => {
  it("re-checks once, the delay after the last of a burst of edits", async () => {
    const { timers, advance } = manualTimers();
    const check = controllableRun();
    const scheduler = createCheckScheduler(check.run, 1500, timers);
    scheduler.edited();
    advance(1000);
    scheduler.edited();
    advance(1000);
    scheduler.edited();
    advance(1499);
    expect(check.calls).toEqual([]);
    advance(1);
    expect(check.calls).toEqual(["auto"]);
    await check.finish();
    advance(5000);
    expect(check.calls).toEqual(["auto"]);
  });

  it("says when a re-check is waiting for its delay, and when it no longer is", async () => {
    const { timers, advance } = manualTimers();
    const check = controllableRun();
    const waiting: boolean[] = [];
    const scheduler = createCheckScheduler(check.run, 1500, timers, (w) => waiting.push(w));
    scheduler.edited();
    scheduler.edited();
    expect(waiting).toEqual([true]);
    advance(1500);
    expect(waiting).toEqual([true, false]);
    await check.finish();
    scheduler.edited();
    scheduler.checkNow();
    expect(waiting).toEqual([true, false, true, false]);
    await check.finish();
    scheduler.edited();
    scheduler.cancel();
    scheduler.dispose();
    expect(waiting).toEqual([true, false, true, false, true, false]);
  });

  it("never runs two checks at once: requests while one runs become one run after it", async () => {
    const { timers, advance } = manualTimers();
    const check = controllableRun();
    const scheduler = createCheckScheduler(check.run, 1500, timers);
    scheduler.checkNow();
    expect(check.calls).toEqual(["manual"]);
    scheduler.edited();
    advance(1500);
    scheduler.edited();
    advance(1500);
    expect(check.calls).toEqual(["manual"]);
    await check.finish();
    expect(check.calls).toEqual(["manual", "auto"]);
    await check.finish();
    expect(check.calls).toEqual(["manual", "auto"]);
    expect(check.overlapped()).toBe(false);
  });

  it("lets a manual request win over a queued automatic one, and cancels a waiting re-check", async () => {
    const { timers, advance, pending } = manualTimers();
    const check = controllableRun();
    const scheduler = createCheckScheduler(check.run, 1500, timers);
    scheduler.checkNow();
    scheduler.edited();
    advance(1500);
    scheduler.checkNow();
    await check.finish();
    expect(check.calls).toEqual(["manual", "manual"]);
    await check.finish();

    scheduler.edited();
    expect(pending()).toBe(1);
    scheduler.checkNow();
    expect(pending()).toBe(0);
    await check.finish();
    expect(check.calls).toEqual(["manual", "manual", "manual"]);
  });

  it("forgets waiting re-checks when cancelled, and does nothing more once disposed", async () => {
    const { timers, advance } = manualTimers();
    const check = controllableRun();
    const scheduler = createCheckScheduler(check.run, 1500, timers);
    scheduler.edited();
    scheduler.cancel();
    advance(2000);
    expect(check.calls).toEqual([]);

    scheduler.checkNow();
    scheduler.edited();
    advance(1500);
    scheduler.dispose();
    await check.finish();
    scheduler.edited();
    scheduler.checkNow();
    advance(2000);
    expect(check.calls).toEqual(["manual"]);
  });

  it("carries on after a check that fails", async () => {
    const { timers, advance } = manualTimers();
    const calls: string[] = [];
    const scheduler = createCheckScheduler(
      (reason) => {
        calls.push(reason);
        return Promise.reject(new Error("boom"));
      },
      10,
      timers,
    );
    scheduler.checkNow();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    scheduler.edited();
    advance(10);
    expect(calls).toEqual(["manual", "auto"]);
  });
});

describe("the year's progress", () => {
  const month = (m: string, label: string, dueDate: string, overdue?: boolean) => ({ month: m, label, dueDate, ...(overdue ? { overdue } : {}) });

  it("says how many months are reported and the next month due with its date", () => {
    expect(progressText({ reported: 6, months: 12, next: month("2020-10", "October 2020", "2020-11-15"), overdue: [] })).toBe(
      "6 of 12 months reported. Next due: October 2020, by 15 November 2020.",
    );
  });

  it("says when the next month was due if it is late, and how many are", () => {
    const june = month("2020-06", "June 2020", "2020-07-15", true);
    expect(progressText({ reported: 2, months: 12, next: june, overdue: [june] })).toBe("2 of 12 months reported. June 2020 was due by 15 July 2020.");
    const july = month("2020-07", "July 2020", "2020-08-15", true);
    expect(progressText({ reported: 2, months: 12, next: june, overdue: [june, july] })).toBe("2 of 12 months reported. June 2020 was due by 15 July 2020 (2 months overdue).");
  });

  it("a full year", () => {
    expect(progressText({ reported: 12, months: 12, overdue: [] })).toBe("12 of 12 months reported. Every month of the year has figures.");
  });
});
