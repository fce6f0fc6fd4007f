/**
 * Email drafts for a collation (docs/sector-format.md, "Email drafts"): one unsent `.eml` per
 * organisation with a file in this collation, saying what became of its newest file (status,
 * reason, the check's counts, what to do next and by when) with its receipts and, when there is
 * one, its feedback workbook attached; and a chase draft for each organisation on the chase list
 * that sent no file in this collation (the months due, or its held return). Pure: the command line
 * writes the drafts into a folder, the task pane can zip them.
 *
 * The address is the newest return's `Contact email`, else the register's `Contact email`; with
 * neither (or neither usable), the draft has no To and `note` says why. Every text from a return
 * is untrusted: ../mail/draft.ts keeps it out of the headers.
 */
import { DEFAULT_DUE_DAY, dueDate, monthLabel, parseIsoMonth, type YearMonth } from "../calendar";
import { longDateText, plural } from "../format";
import { utf8Bytes } from "../sha256";
import { buildDraft, headerText, plainAddress, safeFileName, TEXT_TYPE, XLSX_TYPE, type DraftAttachment } from "../mail/draft";
import { orgKey } from "./collate";
import { lastMonthReported, nextMonthDue, nextStep, statusWordOf } from "./next-step";
import type { ChaseRow, Collation, FileOutcome, FileStatus, RegisterEntry } from "./types";

export interface DraftsOptions {
  /** The day the drafts are written for (the chase list's day). */
  asOf: { year: number; month: number; day: number };
  /** A month is due on this day of the next month (default 15). */
  dueDay?: number;
  /** The register, for its `Contact email` column. */
  register?: readonly RegisterEntry[];
  /** A file's receipt (plain text) to attach; nothing is attached when it gives undefined. */
  receipt?: (file: FileOutcome) => string | undefined;
  /** An organisation's feedback workbook (.xlsx) to attach, by organisation code (compared without regard to case or spaces). */
  feedback?: ReadonlyMap<string, { fileName: string; bytes: Uint8Array }>;
}

export interface CollationDraft {
  organisationCode: string;
  organisation: string;
  /** `outcome`: what became of the files it sent; `chase`: it sent none in this collation and is on the chase list. */
  kind: "outcome" | "chase";
  /** The newest file's status (outcome drafts). */
  status?: FileStatus;
  /** `<organisation code> <status or chase>.eml`, made safe and unique (without regard to case). */
  fileName: string;
  /** The address in the To header; undefined when there is none (then `note` says why). */
  to?: string;
  note?: string;
  /** The message: ASCII text with CRLF line ends. */
  eml: string;
}

export interface CollationDrafts {
  drafts: CollationDraft[];
  /** Files that name no organisation code: there is no one to write to. */
  withoutOrganisation: string[];
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;
/** Text from a return on one line of the body: no line breaks or control characters, bounded. */
const flat = (text: string, max: number) => headerText(text, max);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The chase list's sentence as the officer reads it (its held row is written for the centre: "ask for..."). */
function chaseLine(row: ChaseRow): string {
  const month = monthLabel(parseIsoMonth(row.month)!);
  if (row.kind === "held") return `${month}: your latest return is held - please send a corrected return (${flat(row.why.replace(/: ask for .*$/, ""), 500)})`;
  return flat(row.why, 500);
}

export function collationDrafts(c: Collation, options: DraftsOptions): CollationDrafts {
  const dueDay = options.dueDay ?? DEFAULT_DUE_DAY;
  const registerEmail = new Map<string, string>();
  for (const r of options.register ?? []) if (r.contactEmail && !registerEmail.has(orgKey(r.organisationCode))) registerEmail.set(orgKey(r.organisationCode), r.contactEmail);
  const orgs = new Map(c.organisations.map((o) => [orgKey(o.organisationCode), o]));
  const feedback = new Map([...(options.feedback ?? new Map<string, { fileName: string; bytes: Uint8Array }>())].map(([code, f]) => [orgKey(code), f]));

  // This collation's files (not earlier ledger rows), by organisation, in the collation's order (oldest first).
  const filesOf = new Map<string, FileOutcome[]>();
  const withoutOrganisation: string[] = [];
  for (const f of c.files) {
    if (!f.submission) continue;
    if (!f.organisationCode?.trim()) {
      withoutOrganisation.push(f.file);
      continue;
    }
    const key = orgKey(f.organisationCode);
    filesOf.set(key, [...(filesOf.get(key) ?? []), f]);
  }
  const chaseOf = new Map<string, ChaseRow[]>();
  for (const row of c.chase) chaseOf.set(orgKey(row.organisationCode), [...(chaseOf.get(orgKey(row.organisationCode)) ?? []), row]);

  /** The next month whose due date is today or later, after the last month the organisation reported. */
  const nextDue = (key: string, files: readonly FileOutcome[]): { month: YearMonth; by: string } => {
    let last: string | undefined;
    for (const d of c.data) if (orgKey(d.organisationCode) === key && (last === undefined || d.month > last)) last = d.month;
    for (const f of files) {
      const month = lastMonthReported(f);
      if (month !== undefined && (last === undefined || month > last)) last = month;
    }
    return nextMonthDue(last, files.map((f) => f.reportingYearStart).find((y) => y !== undefined), options.asOf, dueDay);
  };

  const keys = [...new Set([...filesOf.keys(), ...chaseOf.keys()])].sort(byText);
  const drafts: CollationDraft[] = [];
  const usedNames = new Set<string>();
  for (const key of keys) {
    const files = filesOf.get(key) ?? [];
    const chase = chaseOf.get(key) ?? [];
    const org = orgs.get(key);
    const newest = [...files].reverse().find((f) => f.status !== "duplicate") ?? files[files.length - 1];
    const code = org?.organisationCode ?? newest?.organisationCode ?? chase[0]!.organisationCode;
    const name = org?.organisation || newest?.organisation || chase[0]?.organisation || "";
    const who = name ? `${flat(name, 200)} (${flat(code, 60)})` : flat(code, 60);
    // The newest return's usable address, else the register's; failing both, the first given (the draft's note says it is not usable).
    const given = [...[...files].reverse().map((f) => ({ email: f.submission?.contactEmail, sub: f.submission })), { email: registerEmail.get(key), sub: undefined }].filter((g) => g.email);
    const chosen = given.find((g) => plainAddress(g.email) !== undefined) ?? given[0];
    const address = chosen?.email;
    // The contact named in the return whose address is used (none when the address is the register's).
    const contact = chosen ? chosen.sub : [...files].reverse().find((f) => f.submission?.contactName)?.submission;
    const greeting = contact?.contactName ? `Dear ${flat(contact.contactName, 80)},` : "Hello,";
    const next = nextDue(key, files);
    const lines: string[] = [greeting, ""];
    const attachments: DraftAttachment[] = [];
    let subject: string;
    let word: string;

    if (newest) {
      const months = (newest.submission?.figures ?? []).map((f) => f.month).sort();
      const lastMonth = months[months.length - 1];
      const period = lastMonth ? monthLabel(parseIsoMonth(lastMonth)!) : newest.reportingYearStart ? `the year from ${monthLabel(parseIsoMonth(newest.reportingYearStart)!)}` : "this year";
      word = newest.status;
      subject = `${who} - your return for ${period}: ${statusWordOf(newest).split(":")[0]!.toLowerCase()}`;
      lines.push(`Thank you for the return from ${who}. This is what became of it when the centre collated the returns.`, "");
      lines.push(`File:     ${flat(baseName(newest.file), 200)}`);
      lines.push(`Outcome:  ${statusWordOf(newest)}`);
      lines.push(`Reason:   ${flat(newest.reason, 1000)}`);
      if (newest.errors !== undefined) {
        lines.push(`Check:    ${plural(newest.errors, "error")}, ${plural(newest.warnings ?? 0, "warning")} not explained, ${plural(newest.explained ?? 0, "warning")} explained`);
      }
      lines.push("", nextStep(newest, longDateText(dueDate(next.month, dueDay))));
      const others = files.filter((f) => f !== newest);
      if (others.length > 0) {
        lines.push("", "Other files received from you in this collation:");
        for (const f of others) lines.push(`  ${flat(baseName(f.file), 200)}: ${statusWordOf(f)} - ${flat(f.reason, 1000)}`);
      }
    } else {
      word = "chase";
      const months = chase.map((r) => r.month).sort();
      const first = monthLabel(parseIsoMonth(months[0]!)!);
      const last = monthLabel(parseIsoMonth(months[months.length - 1]!)!);
      subject = `${who} - ${first === last ? `your return for ${first}` : `your returns for ${first} to ${last}`}: reminder`;
      lines.push(`The centre has not received a usable return from ${who} for the months below.`);
    }
    const missing = chase.filter((r) => !(newest && r.kind === "held"));
    if (missing.length > 0) {
      lines.push("", newest ? "Still to send (past their due date):" : "Past their due date:");
      for (const r of missing) lines.push(`  ${chaseLine(r)}`);
      lines.push("", "Please send them as soon as you can: a partial return is better than none.");
    }
    lines.push("", `Your next return is for ${monthLabel(next.month)}, due by ${next.by}.`);

    for (const f of files) {
      const text = options.receipt?.(f);
      if (text !== undefined) attachments.push({ fileName: `${baseName(f.file).replace(/\.xlsx$/i, "")}.receipt.txt`, contentType: TEXT_TYPE, bytes: utf8Bytes(text) });
    }
    const book = feedback.get(key);
    if (book) attachments.push({ fileName: book.fileName, contentType: XLSX_TYPE, bytes: book.bytes });
    if (attachments.length > 0) {
      const what = [attachments.some((a) => a.contentType === TEXT_TYPE) ? "the receipt (the errors and warnings by sheet and cell)" : "", book ? "a feedback workbook with your figures beside the sector's" : ""].filter(Boolean);
      lines.push("", `Attached: ${what.join(" and ")}.`);
    }
    lines.push("", "With thanks,", "");

    const draft = buildDraft({ to: { name: contact?.contactName ?? name, ...(address !== undefined ? { address } : {}) }, subject, body: lines.join("\n"), attachments });
    const stem = `${safeFileName(code, 60, "organisation")} ${word}`;
    let fileName = `${stem}.eml`;
    for (let n = 2; usedNames.has(fileName.toLowerCase()); n++) fileName = `${stem} (${n}).eml`;
    usedNames.add(fileName.toLowerCase());
    const out: CollationDraft = { organisationCode: code, organisation: name, kind: newest ? "outcome" : "chase", fileName, eml: draft.eml };
    if (newest) out.status = newest.status;
    if (draft.to !== undefined) out.to = draft.to;
    if (draft.note !== undefined) out.note = draft.note;
    drafts.push(out);
  }
  return { drafts, withoutOrganisation };
}
