/**
 * When a month's return is due: month M is due on the framework's `submission.dueDay` (default the
 * 15th) of month M+1, or that month's last day when it is shorter. Dates are ISO text
 * ("2020-08-15"), calendar days with no time zone, so they compare as text and read the same
 * everywhere. Check and Collate both use these.
 */
import type { YearMonth } from "../layout/months";

/** The due day when the framework does not give one: returns were due by the 15th of the next month. */
export const DEFAULT_DUE_DAY = 15;

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** "2020-07" */
export function isoMonth(month: YearMonth): string {
  return `${pad(month.year, 4)}-${pad(month.month)}`;
}

/** The date (ISO, "2020-08-15") by which `month`'s return is due: `dueDay` of the next month, kept within it. */
export function dueDate(month: YearMonth, dueDay: number = DEFAULT_DUE_DAY): string {
  const next = month.month === 12 ? { year: month.year + 1, month: 1 } : { year: month.year, month: month.month + 1 };
  const days = new Date(Date.UTC(next.year, next.month, 0)).getUTCDate();
  const wanted = Number.isFinite(dueDay) ? Math.round(dueDay) : DEFAULT_DUE_DAY;
  return `${isoMonth(next)}-${pad(Math.min(Math.max(1, wanted), days))}`;
}

/** A moment as the calendar date it is where the user is (local time), ISO: "2020-08-16". */
export function isoDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whether `month` is past due on `today` (after its due date; on the due date itself it is not yet late). */
export function isOverdue(month: YearMonth, today: Date, dueDay: number = DEFAULT_DUE_DAY): boolean {
  return isoDate(today) > dueDate(month, dueDay);
}

/** An ISO date in words, en-GB: "2020-08-15" -> "15 August 2020". */
export function longDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** A month in words, en-GB: {2020, 7} -> "July 2020". */
export function longMonthText(month: YearMonth): string {
  return `${MONTH_NAMES[month.month - 1]} ${month.year}`;
}
