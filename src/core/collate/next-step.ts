/**
 * What a file's outcome means for the officer who sent it, written once for the receipt, the email
 * drafts and the task pane: the status in words, what to do next and by when, and the next month
 * due (the first month after the last one reported whose due date is not yet past).
 */
import { addMonths, DEFAULT_DUE_DAY, dueDate, isoMonth, MONTH_NAMES, monthIndex, parseIsoMonth, type YearMonth } from "../calendar";
import { longDateText } from "../format";
import type { FileOutcome, FileStatus, LedgerRow } from "./types";

export type DayParts = { year: number; month: number; day: number };

/** Each status in words for people (the Submissions table keeps the one-word status). */
export const STATUS_WORD: Record<FileStatus, string> = {
  accepted: "Accepted",
  superseded: "Replaced by a newer return",
  duplicate: "Already received",
  held: "Held: has check errors",
  rejected: "Rejected",
};

/** A file's status in words: a held file says why it is held (check errors, changed since sign-off, not signed off). */
export function statusWordOf(f: Pick<LedgerRow, "status" | "errors" | "signOff">): string {
  if (f.status !== "held" || f.errors) return STATUS_WORD[f.status];
  return f.signOff === "changed" ? "Held: changed since sign-off" : "Held: not signed off";
}

/** What the officer does next, by the file's status; `by` is the date to do it by, in words. */
export function nextStep(f: Pick<FileOutcome, "status" | "errors" | "signOff">, by: string): string {
  switch (f.status) {
    case "accepted":
      return "Nothing more to do for this return: its figures are in the sector totals. Thank you.";
    case "superseded":
      return "Nothing more to do for this file: a newer submission from your organisation for the same year is in use.";
    case "duplicate":
      return "Nothing more to do for this file: it is the same file as one already received, so it was not counted again.";
    case "held":
      if (f.errors) return `Please correct the errors (run Check in the Impact Returns add-in; the receipt lists them) and send the return again as soon as you can, by ${by} at the latest.`;
      if (f.signOff === "changed") return `Please check the changes, mark the return ready to send again (in the add-in) and send it again as soon as you can, by ${by} at the latest.`;
      return `Please mark the return ready to send (in the add-in) and send it again as soon as you can, by ${by} at the latest.`;
    case "rejected":
      return `Please see the reason above, then send a corrected return as soon as you can, by ${by} at the latest.`;
  }
}

/**
 * The next month due: the month after `lastReported` (else the reporting year's first month, else
 * last month), moved on while its due date is already past on `asOf`; and that date in words.
 */
export function nextMonthDue(lastReported: string | undefined, yearStart: string | undefined, asOf: DayParts, dueDay: number = DEFAULT_DUE_DAY): { month: YearMonth; by: string; overdue: { month: YearMonth; by: string }[] } {
  const asOfIso = `${isoMonth(asOf)}-${String(asOf.day).padStart(2, "0")}`;
  let month = lastReported ? addMonths(parseIsoMonth(lastReported)!, 1) : yearStart ? parseIsoMonth(yearStart)! : addMonths(asOf, -1);
  const overdue: { month: YearMonth; by: string }[] = [];
  for (let i = 0; i < 600 && dueDate(month, dueDay) < asOfIso; i++) {
    // The months already past their due date (at most a year of them: the rest are on the chase list).
    if (overdue.length < 12) overdue.push({ month, by: longDateText(dueDate(month, dueDay)) });
    month = addMonths(month, 1);
  }
  return { month, by: longDateText(dueDate(month, dueDay)), overdue };
}

/** The last month a file reports a figure for (its submission's figures; else from its months reported). */
export function lastMonthReported(f: Pick<FileOutcome, "submission" | "reportingYearStart" | "monthsReported">): string | undefined {
  let last: string | undefined;
  for (const fig of f.submission?.figures ?? []) if (last === undefined || fig.month > last) last = fig.month;
  if (last === undefined && f.reportingYearStart && f.monthsReported) last = isoMonth(addMonths(parseIsoMonth(f.reportingYearStart)!, f.monthsReported - 1));
  return last;
}

/** A month and the date (ISO, "2026-11-15") its figures are due by. */
export interface MonthDueBy {
  month: YearMonth;
  due: string;
}

/** Where a return stands on the day it is sent: the latest month in it, months already late after it, and the next month due. */
export interface SendingDue {
  /** The latest month with figures and its due date; absent when no month has figures yet. */
  latest?: MonthDueBy & { late: boolean };
  /** Months of the year after the latest (or from the year's start) with no figures and past their due date, earliest first. */
  late: MonthDueBy[];
  /** The first month of the year after those whose due date is today or later; absent when the year is complete. */
  next?: MonthDueBy;
}

/**
 * The next due date worked out from `today` and the months reported: a month is late once its due
 * date has passed (on the due date itself it is not). Months run within the reporting year only.
 */
export function sendingDue(latest: YearMonth | undefined, yearStart: YearMonth, today: DayParts, dueDay: number = DEFAULT_DUE_DAY): SendingDue {
  const todayIso = `${isoMonth(today)}-${String(today.day).padStart(2, "0")}`;
  const dueBy = (month: YearMonth): MonthDueBy => ({ month, due: dueDate(month, dueDay) });
  const out: SendingDue = { late: [] };
  if (latest) out.latest = { ...dueBy(latest), late: dueDate(latest, dueDay) < todayIso };
  const yearEnd = monthIndex(yearStart) + 11;
  for (let month = latest ? addMonths(latest, 1) : yearStart; monthIndex(month) <= yearEnd; month = addMonths(month, 1)) {
    const next = dueBy(month);
    if (next.due >= todayIso) {
      out.next = next;
      break;
    }
    out.late.push(next);
  }
  return out;
}

/** "August's" */
function monthsOf(month: YearMonth): string {
  return `${MONTH_NAMES[month.month - 1]}'s`;
}

/**
 * The due dates in words for the message after "Mark ready to send", e.g. "August's figures were
 * due on 15 September 2026: they are late. September's are due by 15 October 2026."
 */
export function sendingDueText(d: SendingDue): string {
  const parts: string[] = [];
  if (d.latest) {
    const due = longDateText(d.latest.due);
    parts.push(d.latest.late ? `${monthsOf(d.latest.month)} figures were due on ${due}: they are late.` : `${monthsOf(d.latest.month)} figures are due by ${due}.`);
  }
  if (d.late.length > 0) {
    const listed = d.late.map((m) => `${monthsOf(m.month)} (due on ${longDateText(m.due)})`);
    const names = listed.length === 1 ? listed[0]! : `${listed.slice(0, -1).join(", ")} and ${listed.at(-1)!}`;
    parts.push(d.latest ? `${names} ${d.late.length === 1 ? "is" : "are"} late too: no figures yet.` : `No figures yet: ${names} ${d.late.length === 1 ? "is" : "are"} late.`);
  }
  if (d.next) parts.push(d.latest || d.late.length > 0 ? `${monthsOf(d.next.month)} are due by ${longDateText(d.next.due)}.` : `No figures yet: ${monthsOf(d.next.month)} are due by ${longDateText(d.next.due)}.`);
  else if (d.late.length === 0 && d.latest) parts.push("That completes the reporting year.");
  else parts.push("The reporting year has ended: send the late months' figures as soon as you can.");
  return parts.join(" ");
}
