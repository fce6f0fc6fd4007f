/**
 * Issue 10: an empty return is an error; months past their due date with no figures are warnings;
 * the year's progress and where the return goes; a jump between just two months; the cells changed
 * since sign-off named; typing mistakes listed before their consequences.
 */
import {
  checkReturn,
  groupIssues,
  planSignOff,
  returnChecksum,
  SIGN_OFF_CELLS_KEY,
  signOffCellsText,
  type CheckResult,
} from "../../../src/core/checks";
import { DEFAULT_DUE_DAY, dueDate, isOverdue, parseFramework, type Framework } from "../../../src/core/framework";
import { longDateText } from "../../../src/core/format";
import { FIELD, TABLE } from "../../../src/core/layout/contract";
import { readReturn } from "../../../src/core/return";
import type { WorkbookSnapshot } from "../../../src/core/workbook/types";
import { brief, cleanReturn, FRAMEWORK, measureRow, MONTHS, setCell, setDetail, setMeasure, table } from "./fixtures";

/** The clean return with every figure cleared: what Set up leaves. */
function blankReturn(): WorkbookSnapshot {
  const s = cleanReturn();
  const t = table(s, TABLE.measures);
  t.values.forEach((_, i) => MONTHS.forEach((m) => setCell(s, TABLE.measures, i, m, null)));
  return s;
}

/** Only these months (0 = Apr 2020) keep their figures. */
function onlyMonths(keep: number[]): WorkbookSnapshot {
  const s = cleanReturn();
  const t = table(s, TABLE.measures);
  t.values.forEach((_, i) => MONTHS.forEach((m, slot) => (keep.includes(slot) ? undefined : setCell(s, TABLE.measures, i, m, null))));
  return s;
}

function codes(result: CheckResult, severity?: string): string[] {
  return result.issues.filter((i) => severity === undefined || i.severity === severity).map((i) => `${i.code} ${i.sheet}!${i.cell}`);
}

function withFramework(s: WorkbookSnapshot, changes: Partial<Framework>): Framework {
  const framework = parseFramework({ ...JSON.parse(JSON.stringify(FRAMEWORK)), ...changes } as unknown, "test");
  s.frameworkDefinition = JSON.stringify(framework);
  return framework;
}

describe("the due date of a month", () => {
  test("the 15th of the next month by default, the framework's day otherwise, kept within the month", () => {
    expect(DEFAULT_DUE_DAY).toBe(15);
    expect(dueDate({ year: 2020, month: 7 })).toBe("2020-08-15");
    expect(dueDate({ year: 2020, month: 12 })).toBe("2021-01-15");
    expect(dueDate({ year: 2021, month: 1 }, 31)).toBe("2021-02-28");
    expect(dueDate({ year: 2020, month: 1 }, 31)).toBe("2020-02-29");
    expect(longDateText("2020-08-15")).toBe("15 August 2020");
  });

  test("a month is overdue the day after its due date, not on it", () => {
    expect(isOverdue({ year: 2020, month: 7 }, new Date(2020, 7, 15, 23, 59))).toBe(false);
    expect(isOverdue({ year: 2020, month: 7 }, new Date(2020, 7, 16, 0, 1))).toBe(true);
  });
});

describe("an empty return", () => {
  test("is an error, at the Measures table's first month cell (issue 10: was 'No errors or warnings')", () => {
    const result = checkReturn(blankReturn());
    expect(codes(result)).toEqual(["no-figures Measures!F2"]);
    expect(result.issues[0]!.message).toBe(
      "The return has no figures: not one month of the Measures table is filled in, so there is nothing to send. Type the figures for the months reported so far, starting with Apr 2020 (0 where there was nothing).",
    );
    expect(result.summary.errors).toBe(1);
  });

  test("cannot be marked ready to send", () => {
    const s = blankReturn();
    expect(planSignOff(s, checkReturn(s), "Pat Lee", new Date(2020, 4, 1)).refusal).toMatch(/1 error to fix/);
  });

  test("one figure anywhere is enough", () => {
    const s = blankReturn();
    setMeasure(s, "STAFF_REDEPLOYED", "", "May 2020", 0);
    expect(codes(checkReturn(s)).filter((c) => c.startsWith("no-figures"))).toEqual([]);
  });
});

describe("months that are due", () => {
  test("each month past its due date with no figures is a warning naming the month and the date", () => {
    // Apr to Sep 2020 reported; on 20 Dec 2020, Oct (due 15 Nov) and Nov (due 15 Dec) are overdue; Dec is not yet due.
    const result = checkReturn(cleanReturn(), { today: new Date(2020, 11, 20) });
    expect(codes(result)).toEqual(["month-overdue Measures!L1", "month-overdue Measures!M1"]);
    expect(result.issues.map((i) => i.message)).toEqual([
      "October 2020 was due by 15 November 2020 and has no figures. Type its figures (0 where there was nothing), or explain why it is late.",
      "November 2020 was due by 15 December 2020 and has no figures. Type its figures (0 where there was nothing), or explain why it is late.",
    ]);
    expect(result.issues[0]!.details).toEqual({ table: "Measures", month: "2020-10" });
  });

  test("months not yet due are fine, and without today no month is overdue", () => {
    expect(codes(checkReturn(cleanReturn(), { today: new Date(2020, 10, 15) }))).toEqual([]);
    expect(codes(checkReturn(cleanReturn()))).toEqual([]);
  });

  test("the framework's due day counts", () => {
    const s = cleanReturn();
    withFramework(s, { submission: { dueDay: 5 } });
    expect(codes(checkReturn(s, { today: new Date(2020, 10, 6) }))).toEqual(["month-overdue Measures!L1"]);
    expect(checkReturn(s, { today: new Date(2020, 10, 6) }).issues[0]!.message).toContain("was due by 5 November 2020");
  });

  test("a month between reported months stays one gap-in-months warning, with its due date", () => {
    const s = cleanReturn();
    for (const i of table(s, TABLE.measures).values.keys()) setCell(s, TABLE.measures, i, "Jul 2020", null);
    const result = checkReturn(s, { today: new Date(2020, 9, 1) });
    expect(codes(result)).toEqual(["gap-in-months Measures!I1"]);
    expect(result.issues[0]!.message).toBe("Nothing is reported for Jul 2020 (it was due by 15 August 2020), but Jun 2020 and Aug 2020 have figures. Fill in Jul 2020, or explain why it was not reported.");
  });

  test("an empty return names every overdue month as well as the error", () => {
    const result = checkReturn(blankReturn(), { today: new Date(2020, 6, 16) });
    expect(codes(result)).toEqual(["month-overdue Measures!F1", "month-overdue Measures!G1", "month-overdue Measures!H1", "no-figures Measures!F2"]);
  });
});

describe("the year's progress and where the return goes", () => {
  test("months reported out of twelve, and the next month due with its date", () => {
    const result = checkReturn(cleanReturn(), { today: new Date(2020, 9, 20) });
    expect(result.progress).toEqual({ reported: 6, months: 12, next: { month: "2020-10", label: "October 2020", dueDate: "2020-11-15" }, overdue: [] });
    expect(result.submission).toEqual({ dueDate: "2020-10-15", month: "2020-09", yearStart: "2020-04", dueDay: 15 });
  });

  test("an overdue next month says so, and the overdue months are listed", () => {
    const result = checkReturn(onlyMonths([0, 1]), { today: new Date(2020, 7, 1) });
    expect(result.progress?.reported).toBe(2);
    expect(result.progress?.next).toEqual({ month: "2020-06", label: "June 2020", dueDate: "2020-07-15", overdue: true });
    expect(result.progress?.overdue.map((m) => m.month)).toEqual(["2020-06"]);
  });

  test("a full year has no next month; an empty one has no submission", () => {
    const full = cleanReturn();
    for (const i of table(full, TABLE.measures).values.keys()) MONTHS.slice(6).forEach((m) => setCell(full, TABLE.measures, i, m, 0));
    expect(checkReturn(full).progress).toEqual({ reported: 12, months: 12, overdue: [] });
    const blank = checkReturn(blankReturn());
    expect(blank.progress?.reported).toBe(0);
    expect(blank.submission).toBeUndefined();
  });

  test("the framework's submission: whom to email, and its due day", () => {
    const s = cleanReturn();
    withFramework(s, { submission: { to: "returns@centre.example", dueDay: 10 } });
    expect(checkReturn(s).submission).toEqual({ to: "returns@centre.example", dueDate: "2020-10-10", month: "2020-09", yearStart: "2020-04", dueDay: 10 });
  });

  test("the framework format validates submission", () => {
    const bad = (submission: unknown) => () => parseFramework({ ...JSON.parse(JSON.stringify(FRAMEWORK)), submission } as unknown, "f.json");
    expect(bad({ to: "not an address" })).toThrow(/submission\.to: expected one email address/);
    expect(bad({ dueDay: 32 })).toThrow(/submission\.dueDay/);
    expect(bad({ to: "a@b.org", when: 1 })).toThrow(/submission: unknown field "when"/);
    expect(parseFramework({ ...JSON.parse(JSON.stringify(FRAMEWORK)), submission: {} } as unknown, "f.json").submission).toEqual({ dueDay: 15 });
  });
});

describe("a jump between two months", () => {
  test("25 welfare calls then 2,500, with only April and May filled, is a warning (issue 10: was none)", () => {
    const s = onlyMonths([0, 1]);
    setMeasure(s, "WELFARE_CALLS", "", "Apr 2020", 25);
    setMeasure(s, "WELFARE_CALLS", "", "May 2020", 2500);
    const result = checkReturn(s);
    expect(codes(result)).toEqual(["month-out-of-line Measures!G2"]);
    expect(result.issues[0]!.message).toBe(
      "2,500 for Welfare calls made in May 2020 is 100 times the month before it (25 in Apr 2020). Check both months for a typing slip or an extra digit; if the figures are right, explain why.",
    );
  });

  test("a fall of that size too; small or ordinary changes are not", () => {
    const s = onlyMonths([0, 1]);
    setMeasure(s, "WELFARE_CALLS", "", "Apr 2020", 2500);
    setMeasure(s, "WELFARE_CALLS", "", "May 2020", 25);
    expect(checkReturn(s).issues.map((i) => i.message)).toEqual([expect.stringContaining("is far below the month before it (2,500 in Apr 2020): about 1% of it")]);
    setMeasure(s, "WELFARE_CALLS", "", "Apr 2020", 2);
    setMeasure(s, "WELFARE_CALLS", "", "May 2020", 9); // 4.5 times, and within ignoreBelow (10)
    expect(brief(checkReturn(s))).toEqual([]);
    setMeasure(s, "WELFARE_CALLS", "", "Apr 2020", 0); // an activity starting
    setMeasure(s, "WELFARE_CALLS", "", "May 2020", 500);
    expect(brief(checkReturn(s))).toEqual([]);
  });

  test("uses the framework's thresholds", () => {
    const s = onlyMonths([0, 1]);
    const framework = withFramework(s, {});
    framework.measures[0]!.plausibility = { outlierFactor: 2, ignoreBelow: 10 };
    s.frameworkDefinition = JSON.stringify(framework);
    setMeasure(s, "WELFARE_CALLS", "", "Apr 2020", 100);
    setMeasure(s, "WELFARE_CALLS", "", "May 2020", 250);
    expect(codes(checkReturn(s))).toEqual(["month-out-of-line Measures!G2"]);
  });
});

describe("the real mistakes first", () => {
  test("typing mistakes are grouped before the consequences, each group in sheet order", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", null); // a required measure missing
    setMeasure(s, "VULNERABLE_RESIDENTS", "", "May 2020", -3);
    setMeasure(s, "COMMUNITY_STAFF", "", "Apr 2020", "lots");
    setMeasure(s, "WELFARE_CALLS", "", "May 2020", "12a");
    setMeasure(s, "UNIVERSAL_CREDIT", "", "Apr 2020", 2100.5);
    const groups = groupIssues(checkReturn(s).issues).filter((g) => g.severity === "error");
    expect(groups.map((g) => g.code)).toEqual(["not-a-number", "not-whole-number", "below-minimum", "required-measure-missing"]);
    expect(groups[0]!.examples.map((i) => i.cell)).toEqual([`G${measureRow(s, "WELFARE_CALLS") + 2}`, `F${measureRow(s, "COMMUNITY_STAFF") + 2}`]);
  });
});

describe("the cells changed since sign-off", () => {
  /** Signs off as planSignOff records it: the checksum in ReturnDetails, the cells in FrameworkInfo. */
  function signedOff(s: WorkbookSnapshot): void {
    const data = readReturn(s);
    const checksum = returnChecksum(data);
    const cells = signOffCellsText(data, checksum);
    setDetail(s, FIELD.dataChecksum, checksum);
    const info = table(s, TABLE.frameworkInfo);
    info.values.push([SIGN_OFF_CELLS_KEY, cells]);
    info.formulas.push([SIGN_OFF_CELLS_KEY, cells]);
  }

  test("the sign-off plan records them on the hidden Framework sheet", () => {
    const s = cleanReturn();
    const plan = planSignOff(s, checkReturn(s), "Pat Lee", new Date(2020, 9, 1));
    const append = plan.operations.find((op) => op.kind === "appendRows" && op.table === TABLE.frameworkInfo);
    expect(append).toMatchObject({ rows: [[SIGN_OFF_CELLS_KEY, expect.stringMatching(new RegExp(`^1:${plan.checksum!.slice(0, 8)}:[A-Za-z0-9_-]+$`))]] });
    expect(plan.operations.filter((op) => op.kind === "protect").map((op) => op.kind === "protect" && op.sheet)).toEqual(["Return", "Framework"]);
  });

  test("each changed cell is named at its place; nothing else is", () => {
    const s = cleanReturn();
    signedOff(s);
    expect(codes(checkReturn(s))).toEqual([]);
    setMeasure(s, "WELFARE_CALLS", "", "May 2020", 516);
    setMeasure(s, "UNIVERSAL_CREDIT", "", "Sep 2020", 2470);
    setDetail(s, FIELD.contactName, "Sam Jones");
    setCell(s, TABLE.impactMap, 1, "Quantity", 90, "90");
    const result = checkReturn(s);
    expect(codes(result)).toEqual([
      "changed-after-sign-off Return!B6",
      `changed-after-sign-off Measures!G${measureRow(s, "WELFARE_CALLS") + 2}`,
      `changed-after-sign-off Measures!K${measureRow(s, "UNIVERSAL_CREDIT") + 2}`,
      "changed-after-sign-off Outcomes!A3",
    ]);
    expect(result.issues.map((i) => i.message.split(" has changed")[0])).toEqual([
      "Contact name",
      "Welfare calls made (May 2020)",
      "Residents on Universal Credit (Sep 2020)",
      "The impact-map row on row 3",
    ]);
  });

  test("signed off before the cells were kept, or only rows deleted: the warning stays at the Data checksum", () => {
    const old = cleanReturn();
    setDetail(old, FIELD.dataChecksum, returnChecksum(old));
    setMeasure(old, "WELFARE_CALLS", "", "May 2020", 516);
    expect(codes(checkReturn(old))).toEqual(["changed-after-sign-off Return!B12"]);

    const deleted = cleanReturn();
    signedOff(deleted);
    const cases = table(deleted, TABLE.caseStudies);
    cases.values.splice(0, 1);
    cases.formulas.splice(0, 1);
    expect(codes(checkReturn(deleted))).toEqual(["changed-after-sign-off Return!B12"]);
  });

  test("cells recorded for another checksum are not used", () => {
    const s = cleanReturn();
    signedOff(s);
    setDetail(s, FIELD.dataChecksum, "0".repeat(64));
    expect(codes(checkReturn(s))).toEqual(["changed-after-sign-off Return!B12"]);
  });
});
