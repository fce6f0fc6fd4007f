/**
 * Cell values: how Excel interprets what is written to a cell, how it displays a value through a
 * number format (`Range.text`), value types, colours and A1/R1C1 formula conversion.
 */
import { cellAddress, columnIndex, columnLetters, MAX_COLUMNS, MAX_ROWS } from "./address";
import { officeError } from "./errors";
import htmlColours from "./html-colours.json";

/** What a cell can hold. Blank is "" (as Office reads it). */
export type CellValue = string | number | boolean;

/** Excel's error values. A cell holding one of these (not as text) has value type "Error". */
export const ERROR_VALUES: readonly string[] = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

export function isErrorLiteral(value: unknown): boolean {
  return typeof value === "string" && ERROR_VALUES.includes(value.toUpperCase());
}

/** The result of interpreting one input the way Excel does when a value is typed or written. */
export interface InterpretedInput {
  kind: "skip" | "blank" | "formula" | "value";
  value?: CellValue;
  formula?: string;
  /** Set when the value is an error value such as #N/A. */
  error?: boolean;
  /** A number format Excel applies automatically (e.g. "0%" for "12%"), if the cell is General. */
  autoFormat?: string;
}

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const THOUSANDS = /^\s*([+-]?)(\d{1,3}(,\d{3})+)(\.\d+)?\s*$/;
const PERCENT = /^\s*([+-]?(\d+(\.\d*)?|\.\d+))\s*%\s*$/;
const CURRENCY = /^\s*([+-]?)£\s*(\d{1,3}(,\d{3})*|\d+)(\.\d+)?\s*$/;
const ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;
const UK_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

/**
 * Interprets a value written to `Range.values` (or typed by a user). Excel parses text that looks
 * like a number, percentage, currency amount, date or boolean, unless the cell is formatted as
 * text ("@"). `null`/`undefined` leave the cell unchanged, as in Office.
 */
export function interpretInput(input: unknown, cellNumberFormat: string, location: string): InterpretedInput {
  if (input === null || input === undefined) return { kind: "skip" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw officeError("InvalidArgument", undefined, location);
    return { kind: "value", value: input };
  }
  if (typeof input === "boolean") return { kind: "value", value: input };
  if (typeof input !== "string") throw officeError("InvalidArgument", undefined, location);
  if (input === "") return { kind: "blank" };
  if (cellNumberFormat === "@") return { kind: "value", value: input };
  if (input.startsWith("'")) return { kind: "value", value: input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { kind: "formula", formula: input };
  // A month and year ("Apr 2025", "April 2025") is a date: the 1st of the month, shown "mmm-yy".
  const monthYear = MONTH_YEAR.exec(input);
  if (monthYear) {
    const month = monthNumber(monthYear[1] ?? "");
    const serial = month === undefined ? null : dateToSerial(Number(monthYear[2]), month, 1);
    if (serial !== null) return { kind: "value", value: serial, autoFormat: "mmm-yy" };
  }
  // Fast path: text starting with a letter is text, unless it is TRUE or FALSE.
  if (/^[A-Za-z]/.test(input) && !/^(true|false)$/i.test(input)) return { kind: "value", value: input };
  if (NUMBER.test(input)) return { kind: "value", value: Number(input) };
  let m = THOUSANDS.exec(input);
  if (m) {
    const n = Number(`${m[1] ?? ""}${(m[2] ?? "").replace(/,/g, "")}${m[4] ?? ""}`);
    return { kind: "value", value: n, autoFormat: m[4] ? "#,##0.00" : "#,##0" };
  }
  m = PERCENT.exec(input);
  if (m) {
    const text = m[1] ?? "0";
    const decimals = text.includes(".") ? (text.split(".")[1] ?? "").length : 0;
    return {
      kind: "value",
      value: roundTo(Number(text) / 100, 15),
      autoFormat: decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%",
    };
  }
  m = CURRENCY.exec(input);
  if (m) {
    const n = Number(`${m[1] ?? ""}${(m[2] ?? "").replace(/,/g, "")}${m[4] ?? ""}`);
    return { kind: "value", value: n, autoFormat: m[4] ? "£#,##0.00" : "£#,##0" };
  }
  m = ISO_DATE.exec(input);
  if (m) {
    const serial = dateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (serial !== null) return { kind: "value", value: serial, autoFormat: "yyyy-mm-dd" };
  }
  m = UK_DATE.exec(input);
  if (m) {
    const serial = dateToSerial(Number(m[3]), Number(m[2]), Number(m[1]));
    if (serial !== null) return { kind: "value", value: serial, autoFormat: "dd/mm/yyyy" };
  }
  const upper = input.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  if (isErrorLiteral(input)) return { kind: "value", value: upper, error: true };
  // Excel starts a formula at "+" or "-" as it does at "=" (Lotus habits): "-x" is stored as
  // "=-x", "+A1" as "=+A1". Numbers ("-5", "+1,000", "-12%") were taken above; a lone sign is text.
  if ((input.startsWith("+") || input.startsWith("-")) && input.trim().length > 1) return { kind: "formula", formula: `=${input}` };
  return { kind: "value", value: input };
}

const MONTH_YEAR = /^\s*([A-Za-z]{3,9})\s+(\d{4})\s*$/;
const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** 1-12 for a month's full name or its first three letters (as Excel reads them), else undefined. */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const i = MONTH_NAMES.findIndex((m) => m === lower || (lower.length === 3 && m.startsWith(lower)));
  return i < 0 ? undefined : i + 1;
}

function roundTo(n: number, digits: number): number {
  return Number(n.toPrecision(digits));
}

// ---------------------------------------------------------------------------------------------
// Dates (1900 date system, including Excel's fictitious 29 February 1900 at serial 60).

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30); // serial 0 for dates after 1 March 1900

/** Excel serial for a calendar date, or null if the date does not exist. */
export function dateToSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  let serial = Math.round((ms - EPOCH) / MS_PER_DAY);
  if (serial <= 60) serial -= 1; // before the fictitious leap day
  return serial;
}

/** Calendar parts of an Excel serial. */
export function serialToParts(serial: number): {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hours: number;
  minutes: number;
  seconds: number;
} {
  const whole = Math.floor(serial);
  let fraction = serial - whole;
  let year: number;
  let month: number;
  let day: number;
  let weekday: number;
  if (whole === 60) {
    year = 1900;
    month = 2;
    day = 29;
    weekday = 3;
  } else {
    const adjusted = whole < 60 ? whole + 1 : whole;
    const date = new Date(EPOCH + adjusted * MS_PER_DAY);
    year = date.getUTCFullYear();
    month = date.getUTCMonth() + 1;
    day = date.getUTCDate();
    weekday = date.getUTCDay();
  }
  let totalSeconds = Math.round(fraction * 86_400);
  if (totalSeconds >= 86_400) totalSeconds = 86_399;
  fraction = totalSeconds;
  const hours = Math.floor(fraction / 3600);
  const minutes = Math.floor((fraction % 3600) / 60);
  const seconds = fraction % 60;
  return { year, month, day, weekday, hours, minutes, seconds };
}

// ---------------------------------------------------------------------------------------------
// Display text through a number format.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel's "General" display of a number (roughly: up to 11 characters, then scientific). */
export function formatGeneral(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = n.toExponential(5).split("e");
    const trimmed = (mantissa ?? "0").replace(/\.?0+$/, "");
    const exp = Number(exponent);
    return `${trimmed}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (Number.isInteger(n)) return String(n);
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits);
  return String(Number(n.toFixed(decimals)));
}

/** Splits a format into its sections (positive;negative;zero;text), respecting quotes. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] ?? "";
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      current += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** Removes colour/condition brackets and turns locale currency blocks like [$£-809] into "£". */
function stripBrackets(section: string): string {
  return section.replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, '"$1"').replace(/\[[^\]]*\]/g, "");
}

/** Literal text of a format (quoted strings, escaped characters, _x padding, *x fills). */
function literal(section: string): string {
  return section
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/_./g, " ")
    .replace(/\*./g, "");
}

const DATE_FORMAT_CACHE = new Map<string, boolean>();

function isDateFormat(section: string): boolean {
  let result = DATE_FORMAT_CACHE.get(section);
  if (result === undefined) {
    const bare = section.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
    result = /[dmyhs]/i.test(bare) && !/[0#?]/.test(bare);
    if (DATE_FORMAT_CACHE.size > 500) DATE_FORMAT_CACHE.clear();
    DATE_FORMAT_CACHE.set(section, result);
  }
  return result;
}

type DateParts = ReturnType<typeof serialToParts>;

const twoDigits = (n: number): string => String(n).padStart(2, "0");
const monthName = (p: DateParts): string => MONTHS[p.month - 1] ?? "";
const dayName = (p: DateParts): string => DAYS[p.weekday] ?? "";

/** What each date and time code writes (`hours` on the 12-hour clock when the section has AM/PM). */
const DATE_CODES: Record<string, (p: DateParts, hours: number) => string> = {
  yyyy: (p) => String(p.year),
  yy: (p) => twoDigits(p.year % 100),
  mmmmm: (p) => monthName(p).charAt(0),
  mmmm: (p) => monthName(p),
  mmm: (p) => monthName(p).slice(0, 3),
  dddd: (p) => dayName(p),
  ddd: (p) => dayName(p).slice(0, 3),
  dd: (p) => twoDigits(p.day),
  d: (p) => String(p.day),
  hh: (_p, hours) => twoDigits(hours),
  h: (_p, hours) => String(hours),
  ss: (p) => twoDigits(p.seconds),
  s: (p) => String(p.seconds),
  "am/pm": (p) => (p.hours < 12 ? "AM" : "PM"),
  "a/p": (p) => (p.hours < 12 ? "A" : "P"),
};

function formatDate(serial: number, section: string): string {
  if (serial < 0) return "#".repeat(8);
  const p = serialToParts(serial);
  const ampm = /AM\/PM|A\/P/i.test(section);
  let out = "";
  let i = 0;
  let lastWasHour = false;
  const src = stripBrackets(section);
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i] ?? "";
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      out += src.slice(i + 1, end < 0 ? src.length : end);
      i = end < 0 ? src.length : end + 1;
      continue;
    }
    if (ch === "\\") {
      out += src[i + 1] ?? "";
      i += 2;
      continue;
    }
    const token = /^(yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|am\/pm|A\/P|a\/p)/i.exec(rest)?.[0];
    if (!token) {
      out += ch;
      i++;
      continue;
    }
    const lower = token.toLowerCase();
    if (lower === "mm" || lower === "m") {
      // Minutes when straight after hours or before seconds, otherwise the month.
      const minutes = lastWasHour || /^(mm?)(:|[^a-z]*s)/i.test(rest);
      const n = minutes ? p.minutes : p.month;
      out += lower === "mm" ? twoDigits(n) : String(n);
    } else {
      const hours = ampm ? (p.hours % 12 === 0 ? 12 : p.hours % 12) : p.hours;
      out += DATE_CODES[lower]?.(p, hours) ?? "";
    }
    lastWasHour = lower === "h" || lower === "hh";
    i += token.length;
  }
  return out;
}

/** A numeric format section, analysed once. */
interface NumberSection {
  /** No placeholders: the section is literal text. */
  literalOnly: string | null;
  prefix: string;
  suffix: string;
  /** Multiplier from % signs and trailing thousands commas. */
  factor: number;
  decimals: number;
  optionalDecimals: number;
  grouping: boolean;
  minInt: number;
}

const NUMBER_SECTION_CACHE = new Map<string, NumberSection>();

function compileNumberSection(section: string): NumberSection {
  const cached = NUMBER_SECTION_CACHE.get(section);
  if (cached) return cached;
  const src = stripBrackets(section);
  // Locate the numeric placeholder block (ignoring quoted text).
  const match = /[0#?][0#?,]*(\.[0#?]*)?/.exec(src.replace(/"[^"]*"/g, (s) => "\uE000".repeat(s.length)));
  let compiled: NumberSection;
  if (!match) {
    compiled = { literalOnly: literal(src), prefix: "", suffix: "", factor: 1, decimals: 0, optionalDecimals: 0, grouping: false, minInt: 0 };
  } else {
    const start = match.index;
    const block = src.slice(start, start + match[0].length);
    const prefix = literal(src.slice(0, start));
    const suffix = literal(src.slice(start + match[0].length));
    const percent = (suffix.match(/%/g) ?? []).length + (prefix.match(/%/g) ?? []).length;
    // Trailing commas after the placeholders scale by thousands.
    const scale = /,+$/.exec(block)?.[0].length ?? 0;
    const core = block.replace(/,+$/, "");
    const [intPattern = "", decPattern = ""] = core.split(".");
    compiled = {
      literalOnly: null,
      prefix,
      suffix,
      factor: Math.pow(100, percent) / Math.pow(1000, scale),
      decimals: decPattern.length,
      optionalDecimals: decPattern.length - (decPattern.match(/0/g) ?? []).length,
      grouping: intPattern.includes(","),
      minInt: (intPattern.match(/0/g) ?? []).length,
    };
  }
  if (NUMBER_SECTION_CACHE.size > 500) NUMBER_SECTION_CACHE.clear();
  NUMBER_SECTION_CACHE.set(section, compiled);
  return compiled;
}

function formatNumberSection(n: number, section: string): string {
  const f = compileNumberSection(section);
  if (f.literalOnly !== null) return f.literalOnly;
  const fixed = Math.abs(n * f.factor).toFixed(f.decimals);
  let [intPart = "0", decPart = ""] = fixed.split(".");
  if (intPart === "0" && f.minInt === 0) intPart = "";
  intPart = intPart.padStart(f.minInt, "0");
  if (f.grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (f.optionalDecimals > 0) {
    decPart = decPart.replace(/0+$/, (zeros) => zeros.slice(0, Math.max(0, zeros.length - f.optionalDecimals)));
  }
  const body = f.decimals > 0 && (decPart.length > 0 || f.optionalDecimals < f.decimals) ? `${intPart}.${decPart}` : intPart;
  return `${f.prefix}${body}${f.suffix}`;
}

/** Number formats split into sections, cached (a sheet uses few distinct formats). */
const SECTION_CACHE = new Map<string, string[]>();

function sectionsOf(numberFormat: string): string[] {
  let sections = SECTION_CACHE.get(numberFormat);
  if (!sections) {
    sections = splitSections(numberFormat);
    if (SECTION_CACHE.size > 500) SECTION_CACHE.clear();
    SECTION_CACHE.set(numberFormat, sections);
  }
  return sections;
}

/** Display text of a value through a number format, as `Range.text` returns it. */
export function formatValue(value: CellValue, numberFormat: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    const sections = sectionsOf(numberFormat);
    const textSection = sections[3] ?? (sections.length === 1 && sections[0]?.includes("@") ? sections[0] : undefined);
    return textSection !== undefined && textSection.includes("@") ? literal(stripBrackets(textSection)).replace("@", value) : value;
  }
  if (numberFormat === "General" || numberFormat === "" || numberFormat === "@") return formatGeneral(value);
  const sections = sectionsOf(numberFormat);
  let section = sections[0] ?? "General";
  let n = value;
  if (value < 0 && sections.length >= 2) {
    section = sections[1] ?? section;
    n = -value; // the negative section supplies its own sign
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2] ?? section;
  }
  if (/^general$/i.test(section.trim())) return formatGeneral(n);
  if (isDateFormat(section)) return formatDate(n, section);
  const text = formatNumberSection(n, section);
  return n < 0 && !text.startsWith("-") ? `-${text}` : text;
}

/** Office's `RangeValueType` for a cell. */
export function valueType(value: CellValue, isError: boolean): Excel.RangeValueType {
  if (isError) return "Error" as Excel.RangeValueType;
  if (value === "") return "Empty" as Excel.RangeValueType;
  if (typeof value === "number") return "Double" as Excel.RangeValueType;
  if (typeof value === "boolean") return "Boolean" as Excel.RangeValueType;
  return "String" as Excel.RangeValueType;
}

// ---------------------------------------------------------------------------------------------
// Colours.

/** The HTML colour names Excel accepts, with their "RRGGBB". */
const NAMED_COLOURS: Readonly<Record<string, string>> = htmlColours;

/**
 * Normalises a colour as Office stores it ("#RRGGBB", upper case). Accepts "#RRGGBB", "RRGGBB",
 * "#RGB" and HTML colour names ("Orange"); anything else is Office's InvalidArgument.
 */
export function normaliseColour(input: unknown, location: string): string {
  const colour = colourOf(input);
  if (colour === undefined) throw officeError("InvalidArgument", undefined, location);
  return colour;
}

/** `normaliseColour` without the error: undefined for anything that is not a colour. */
export function colourOf(input: unknown): string | undefined {
  if (typeof input !== "string") return undefined;
  const text = input.trim();
  let m = /^#?([0-9a-fA-F]{6})$/.exec(text);
  if (m) return `#${(m[1] ?? "").toUpperCase()}`;
  m = /^#([0-9a-fA-F]{3})$/.exec(text);
  if (m) return `#${[...(m[1] ?? "")].map((c) => c + c).join("").toUpperCase()}`;
  const named = NAMED_COLOURS[text.toLowerCase()];
  return named ? `#${named}` : undefined;
}

// ---------------------------------------------------------------------------------------------
// A1 <-> R1C1 formula conversion (references only; string literals are left alone).

/** Applies `fn` to the parts of a formula outside string literals. */
function mapOutsideStrings(formula: string, fn: (code: string) => string): string {
  const parts = formula.split('"');
  return parts.map((part, i) => (i % 2 === 0 ? fn(part) : part)).join('"');
}

const A1_REF = /(^|[^A-Za-z0-9_.$\]])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

/** Converts the A1 references of a formula to R1C1, relative to the cell at (row, col). */
export function formulaA1ToR1C1(formula: string, row: number, col: number): string {
  return mapOutsideStrings(formula, (code) =>
    code.replace(A1_REF, (whole, lead: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const c = columnIndex(letters);
      const r = Number(digits) - 1;
      if (c < 0 || r < 0 || r >= MAX_ROWS) return whole;
      const rowPart = rowAbs ? `R${r + 1}` : r === row ? "R" : `R[${r - row}]`;
      const colPart = colAbs ? `C${c + 1}` : c === col ? "C" : `C[${c - col}]`;
      return `${lead}${rowPart}${colPart}`;
    }),
  );
}

const R1C1_REF = /(^|[^A-Za-z0-9_.$\]])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(!])/g;

/** Converts the R1C1 references of a formula to A1, relative to the cell at (row, col). */
export function formulaR1C1ToA1(formula: string, row: number, col: number): string {
  return mapOutsideStrings(formula, (code) =>
    code.replace(R1C1_REF, (whole, lead: string, rowPart: string | undefined, colPart: string | undefined) => {
      const resolve = (part: string | undefined, base: number): { index: number; absolute: boolean } => {
        if (part === undefined) return { index: base, absolute: false };
        if (part.startsWith("[")) return { index: base + Number(part.slice(1, -1)), absolute: false };
        return { index: Number(part) - 1, absolute: true };
      };
      const r = resolve(rowPart, row);
      const c = resolve(colPart, col);
      if (r.index < 0 || r.index >= MAX_ROWS || c.index < 0 || c.index >= MAX_COLUMNS) return whole;
      return `${lead}${c.absolute ? "$" : ""}${columnLetters(c.index)}${r.absolute ? "$" : ""}${r.index + 1}`;
    }),
  );
}

/** Re-exported for callers that need a cell's A1 name. */
export { cellAddress };
