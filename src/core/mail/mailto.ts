/**
 * Sending a return to the centre, in one place: the file name the workbook is saved under (the
 * preview's download and the pane's message alike) and the "Email the centre" link, a mailto: URL
 * (RFC 6068) with the subject and body filled in. Text from the workbook (the organisation's name
 * and code) is untrusted: control characters and line breaks are removed, it is cut short, and
 * every part is percent-encoded, so it can never add a header or a recipient.
 */
import { EMAIL_ADDRESS } from "./address";

export { EMAIL_ADDRESS } from "./address";
import { longMonthText } from "../format";
import { reportingYearLabel, type YearMonth } from "../calendar";


/** The longest address a mailto link takes (RFC 5321's limit for a path). */
const MAX_ADDRESS = 254;
/** Bounds for workbook text in the file name, subject and body. */
const MAX_NAME = 80;
/** Mail programs and browsers refuse very long mailto: URLs; ours stay well under 2,000 characters. */
export const MAX_MAILTO = 2000;

/** Workbook text for a name, subject or body: one line, no control or direction characters, at most `max` characters. */
export function plainLine(text: string, max = MAX_NAME): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, " ").replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export interface ReturnNaming {
  organisation?: string | undefined;
  organisationCode?: string | undefined;
  yearStart: YearMonth;
}

/**
 * The file a return is saved and sent as, named for the organisation and year:
 * "RH01 impact return 2026-27.xlsx" (the name when there is no code; characters Windows refuses
 * in file names become "-").
 */
export function returnFileName(r: ReturnNaming): string {
  const who = plainLine(r.organisationCode ?? "", 40) || plainLine(r.organisation ?? "", 60);
  const name = [who, "impact return", reportingYearLabel(r.yearStart)].filter((p) => p !== "").join(" ");
  return `${name.replace(/[\\/:*?"<>|]+/g, "-").replace(/^[.\s-]+/, "")}.xlsx`;
}

export interface CentreMessage extends ReturnNaming {
  /** The centre's address. */
  to: string;
  /** The latest month with figures, for the subject; absent when none. */
  latest?: YearMonth | undefined;
}

/** "RH01 impact return 2026-27: figures to October 2026" */
export function centreSubject(m: CentreMessage): string {
  const head = returnFileName(m).replace(/\.xlsx$/, "");
  return m.latest ? `${head}: figures to ${longMonthText(m.latest)}` : head;
}

/** The body: what is attached, and a reminder to attach it (a mailto link cannot attach a file). */
export function centreBody(m: CentreMessage): string {
  const file = returnFileName(m);
  const organisation = plainLine(m.organisation ?? "") || plainLine(m.organisationCode ?? "") || "our organisation";
  const figures = m.latest ? `, with figures to ${longMonthText(m.latest)}` : "";
  return [
    "Hello,",
    "",
    `Please find attached the impact return for ${organisation} for ${reportingYearLabel(m.yearStart)}${figures}: ${file}. It was checked and marked ready to send with Impact Returns.`,
    "",
    `(Before sending: attach the saved workbook, ${file}.)`,
    "",
    "Thank you.",
  ].join("\r\n");
}

/**
 * The "Email the centre" link: mailto:ADDRESS?subject=...&body=..., every part percent-encoded.
 * Undefined when `to` is not one email address. Kept under MAX_MAILTO characters: a body that
 * would not fit is left out (the subject still names the return).
 */
export function centreMailto(m: CentreMessage): string | undefined {
  const to = m.to.trim();
  if (to.length > MAX_ADDRESS || !EMAIL_ADDRESS.test(to)) return undefined;
  const head = `mailto:${encodeURIComponent(to).replace(/%40/g, "@")}?subject=${encodeURIComponent(centreSubject(m))}`;
  const body = encodeURIComponent(centreBody(m));
  // The subject's parts are bounded (a code of 40 characters, a name of 60), so it always fits.
  return head.length + 6 + body.length <= MAX_MAILTO ? `${head}&body=${body}` : head;
}
