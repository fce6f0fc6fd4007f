/**
 * How figures, counts, dates and times are written for people, in plain en-GB, in one place:
 * Check's messages, the task pane, the command line's reports and the workbooks' text all use
 * these. Months and due dates themselves are worked out in ./calendar.ts.
 */
import { MONTH_NAMES, serialToDate, type YearMonth } from "./calendar";

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}/${max}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: min, maximumFractionDigits: max });
    formats.set(key, f);
  }
  return f;
}

// --- Numbers, money and counts ---------------------------------------------------------------------

/** 1234.5 -> "1,234.5" (up to `decimals` decimal places). */
export function formatNumber(n: number, decimals = 2): string {
  return Number.isSafeInteger(n) ? formatCount(n) : numberFormat(0, decimals).format(n);
}

/** Money in a sentence: 1200.5 -> "£1,200.50", 500 -> "£500" (whole pounds without pence), -3 -> "-£3". */
export function formatMoney(n: number): string {
  const whole = Math.abs(n - Math.round(n)) < 0.005;
  const body = whole ? numberFormat(0, 0).format(Math.abs(Math.round(n))) : numberFormat(2, 2).format(Math.abs(n));
  return `${n < 0 ? "-" : ""}£${body}`;
}

let moneyWithPence: Intl.NumberFormat | undefined;

/** Money as a figure beside others, always with pence as the workbook's £#,##0.00 shows it: "£18,450.00", "£500.00". */
export function formatMoneyWithPence(n: number): string {
  moneyWithPence ??= new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return moneyWithPence.format(n);
}

/** A fraction as a percentage: 0.25 -> "25%", 1.5 -> "150%". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100, 2)}%`;
}

/**
 * A whole count: 1234 -> "1,234", as en-GB writes it. Whole numbers are grouped here, not by Intl,
 * whose first use costs a command-line start-up some 30 ms (its locale data is loaded then).
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString("en-GB");
  return `${n < 0 ? "-" : ""}${String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ",")}`;
}

/** A count and its noun: plural(1, "error") -> "1 error", plural(1234, "warning") -> "1,234 warnings". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

// --- Dates and times ---------------------------------------------------------------------------------

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** A calendar date as dd/mm/yyyy: {2026, 11, 22} -> "22/11/2026". */
export function gbDate(date: { year: number; month: number; day: number }): string {
  return `${pad2(date.day)}/${pad2(date.month)}/${date.year}`;
}

/** A moment as the date it is where the user is, dd/mm/yyyy: "22/11/2026". */
export function formatDateGb(date: Date): string {
  return gbDate({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
}

/** An Excel date serial as dd/mm/yyyy (what the cell would show as a date). */
export function serialDateText(serial: number): string {
  return gbDate(serialToDate(Math.floor(serial)));
}

/** An ISO date in words: "2020-08-15" -> "15 August 2020" (other text is returned as it is). */
export function longDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** A moment as the date it is where the user is, in words: "5 March 2026". */
export function longDate(date: Date): string {
  return `${date.getDate()} ${MONTH_NAMES[date.getMonth()]} ${date.getFullYear()}`;
}

/** A month in words: {2020, 7} -> "July 2020". */
export function longMonthText(month: YearMonth): string {
  return `${MONTH_NAMES[month.month - 1]} ${month.year}`;
}

/** A time of day, 24-hour: "14:03". */
export function clockTime(date: Date): string {
  return date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}
