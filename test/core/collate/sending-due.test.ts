/**
 * The due dates said after "Mark ready to send", worked out from today and the months reported:
 * either side of a due day, at month ends, across a year boundary, with several late months, with
 * no month reported yet and with the whole year reported.
 */
import { reportingYearLabel } from "../../../src/core/calendar";
import { sendingDue, sendingDueText, type DayParts } from "../../../src/core/collate/next-step";

const april2026 = { year: 2026, month: 4 };
const day = (year: number, month: number, d: number): DayParts => ({ year, month, day: d });
const text = (latest: { year: number; month: number } | undefined, today: DayParts, dueDay = 15, yearStart = april2026) => sendingDueText(sendingDue(latest, yearStart, today, dueDay));

describe("the due dates after sign-off", () => {
  it("on 4 December 2026 with figures to October: October's are late, November's are due by 15 December (never 'by 15 November')", () => {
    const t = text({ year: 2026, month: 10 }, day(2026, 12, 4));
    expect(t).toBe("October's figures were due on 15 November 2026: they are late. November's are due by 15 December 2026.");
    expect(t).not.toContain("by 15 November 2026");
  });

  it("either side of the due day (dueDay 15): the 14th and the 15th are in time, the 16th is late", () => {
    const september = { year: 2026, month: 9 };
    expect(text(september, day(2026, 10, 14))).toBe("September's figures are due by 15 October 2026. October's are due by 15 November 2026.");
    expect(text(september, day(2026, 10, 15))).toBe("September's figures are due by 15 October 2026. October's are due by 15 November 2026.");
    expect(text(september, day(2026, 10, 16))).toBe("September's figures were due on 15 October 2026: they are late. October's are due by 15 November 2026.");
  });

  it("the brief's example: August's late, September's next", () => {
    expect(text({ year: 2026, month: 8 }, day(2026, 9, 20))).toBe("August's figures were due on 15 September 2026: they are late. September's are due by 15 October 2026.");
  });

  it("keeps a due day of 31 within a short month, and counts the month's last day as in time", () => {
    // January's figures are due on the 31st of February: 28 February 2027.
    expect(sendingDue({ year: 2027, month: 1 }, april2026, day(2027, 2, 28), 31)).toEqual({
      latest: { month: { year: 2027, month: 1 }, due: "2027-02-28", late: false },
      late: [],
      next: { month: { year: 2027, month: 2 }, due: "2027-03-31" },
    });
    expect(sendingDue({ year: 2027, month: 1 }, april2026, day(2027, 3, 1), 31).latest?.late).toBe(true);
  });

  it("crosses the year boundary: November's figures are due in December, December's in January of the next year", () => {
    expect(text({ year: 2026, month: 11 }, day(2026, 12, 31))).toBe("November's figures were due on 15 December 2026: they are late. December's are due by 15 January 2027.");
    expect(text({ year: 2026, month: 12 }, day(2027, 1, 2))).toBe("December's figures are due by 15 January 2027. January's are due by 15 February 2027.");
  });

  it("names several late months after the latest one", () => {
    const due = sendingDue({ year: 2026, month: 8 }, april2026, day(2026, 12, 4), 15);
    expect(due.late.map((m) => m.due)).toEqual(["2026-10-15", "2026-11-15"]);
    expect(sendingDueText(due)).toBe(
      "August's figures were due on 15 September 2026: they are late. September's (due on 15 October 2026) and October's (due on 15 November 2026) are late too: no figures yet. November's are due by 15 December 2026.",
    );
  });

  it("with no month reported yet, starts from the year's first month", () => {
    expect(text(undefined, day(2026, 5, 1))).toBe("No figures yet: April's are due by 15 May 2026.");
    expect(text(undefined, day(2026, 6, 20))).toBe("No figures yet: April's (due on 15 May 2026) and May's (due on 15 June 2026) are late. June's are due by 15 July 2026.");
  });

  it("with the whole year reported, says the year is complete; late or not", () => {
    expect(text({ year: 2027, month: 3 }, day(2027, 4, 10))).toBe("March's figures are due by 15 April 2027. That completes the reporting year.");
    expect(text({ year: 2027, month: 3 }, day(2027, 5, 1))).toBe("March's figures were due on 15 April 2027: they are late. That completes the reporting year.");
    // A year long past with months still missing: no next month inside the year.
    expect(sendingDue({ year: 2027, month: 1 }, april2026, day(2028, 1, 1)).next).toBeUndefined();
    expect(text({ year: 2027, month: 1 }, day(2028, 1, 1))).toMatch(/The reporting year has ended: send the late months' figures as soon as you can\.$/);
  });

  it("names the reporting year as the sector does", () => {
    expect(reportingYearLabel(april2026)).toBe("2026-27");
    expect(reportingYearLabel({ year: 2099, month: 4 })).toBe("2099-00");
    expect(reportingYearLabel({ year: 2026, month: 1 })).toBe("2026");
  });
});
