/**
 * The calendar, in one place: reporting months (labels such as "Apr 2020", reading months typed in
 * many ways), reporting years, Excel date serials, ISO dates, and when a month's return is due.
 * How dates and months are written for people (en-GB) is in ./format.ts.
 *
 * Due dates: month M is due on the framework's `submission.dueDay` (default the 15th) of month M+1,
 * or that month's last day when it is shorter. Dates are ISO text ("2020-08-15"), calendar days
 * with no time zone, so they compare as text and read the same everywhere. Check and Collate both
 * use these.
 */

export interface YearMonth {
  year: number;
  /** 1-12 */
  month: number;
}

/** The months' names in en-GB, January first. */
export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
/** Their three-letter forms, as month labels use them: "Jan". */
export const SHORT_MONTH_NAMES = MONTH_NAMES.map((name) => name.slice(0, 3));
const LOWER_MONTH_NAMES = MONTH_NAMES.map((name) => name.toLowerCase());

export function monthLabel(ym: YearMonth): string {
  return `${SHORT_MONTH_NAMES[ym.month - 1]} ${ym.year}`;
}

/** A chart's month label, short enough that twelve never overlap: "Apr 24". */
export function chartMonthLabel(ym: YearMonth): string {
  return `${SHORT_MONTH_NAMES[ym.month - 1]} ${String(ym.year % 100).padStart(2, "0")}`;
}

/** Excel's number format for chart month labels, matching chartMonthLabel. */
export const CHART_MONTH_FORMAT = "mmm yy";

export function addMonths(ym: YearMonth, count: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthIndex(ym: YearMonth): number {
  return ym.year * 12 + (ym.month - 1);
}

export function sameMonth(a: YearMonth, b: YearMonth): boolean {
  return a.year === b.year && a.month === b.month;
}

/** The twelve months of a reporting year starting at `start`. */
export function reportingMonths(start: YearMonth): YearMonth[] {
  return Array.from({ length: 12 }, (_, i) => addMonths(start, i));
}

/**
 * A reporting year as the sector names it: "2026-27" for April 2026 to March 2027 (any year that
 * crosses into the next calendar year); "2026" for one from January to December.
 */
export function reportingYearLabel(start: YearMonth): string {
  if (start.month === 1) return String(start.year);
  return `${start.year}-${String((start.year + 1) % 100).padStart(2, "0")}`;
}

/** The reporting year in the UK social housing sector runs April to March. */
export function defaultYearStart(today: Date): YearMonth {
  const year = today.getMonth() + 1 >= 4 ? today.getFullYear() : today.getFullYear() - 1;
  return { year, month: 4 };
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Excel's date serial number (1900 date system) for a calendar date. */
export function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / DAY_MS);
}

export function serialToDate(serial: number): { year: number; month: number; day: number } {
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** A date cell as an Excel serial: a date serial, or text typed as 22/11/2020 or 2020-11-22 (`Signed off on`). */
export function readDateSerial(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return Math.floor(value);
  if (typeof value !== "string") return undefined;
  const t = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return validDaySerial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return validDaySerial(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

function validDaySerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return excelSerial(year, month, day);
}

/** A JavaScript Date (as exceljs gives for date cells) as an Excel serial, reading its UTC fields. */
export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_UTC) / DAY_MS;
}

/** Parses "2020-04", "2020-04-01" -> {2020, 4}; undefined if not of that shape. */
export function parseIsoMonth(text: string): YearMonth | undefined {
  const match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 9999) return undefined;
  return { year, month };
}

/**
 * Reads a month as officers type or Excel stores it: a date serial, "Apr 2020", "April 2020",
 * "Apr-20", "04/2020", "01/04/2020" (en-GB day first), "2020-04". Undefined when it is not a month.
 */
export function parseMonth(value: unknown): YearMonth | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value > 2_958_465) return undefined;
    const { year, month } = serialToDate(value);
    return { year, month };
  }
  if (value instanceof Date) {
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1 };
  }
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  const iso = parseIsoMonth(text);
  if (iso) return iso;
  const named = /^([A-Za-z]+)[\s\-/.,]+(\d{2}|\d{4})$/.exec(text);
  if (named) {
    const name = named[1]!.toLowerCase();
    const monthPos = LOWER_MONTH_NAMES.findIndex((long) => long === name || (name.length >= 3 && long.startsWith(name)));
    if (monthPos < 0) return undefined;
    return { year: expandYear(named[2]!), month: monthPos + 1 };
  }
  const numeric = /^(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (numeric) {
    const month = Number(numeric[2]);
    if (month < 1 || month > 12) return undefined;
    if (numeric[1] !== undefined && (Number(numeric[1]) < 1 || Number(numeric[1]) > 31)) return undefined;
    return { year: expandYear(numeric[3]!), month };
  }
  return undefined;
}

function expandYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** The due day when the framework does not give one: returns were due by the 15th of the next month. */
export const DEFAULT_DUE_DAY = 15;

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

/** An Excel date serial as an ISO date: 44044 -> "2020-08-01". */
export function serialIsoDate(serial: number): string {
  const { year, month, day } = serialToDate(serial);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** A moment as the calendar date it is where the user is (local time), ISO: "2020-08-16". */
export function isoDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whether `month` is past due on `today` (after its due date; on the due date itself it is not yet late). */
export function isOverdue(month: YearMonth, today: Date, dueDay: number = DEFAULT_DUE_DAY): boolean {
  return isoDate(today) > dueDate(month, dueDay);
}
