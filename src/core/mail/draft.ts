/**
 * One email draft as an RFC 5322 message (an `.eml` file), built with mimetext and marked unsent
 * (`X-Unsent: 1`) so that Outlook opens it as a new message ready to edit and send. Pure: no Node
 * or browser APIs, so the command line and the task pane make the same bytes.
 *
 * Every text may come from a returned workbook, so none of it reaches a header raw:
 * - the address must be one plain address (`name@example.org`): anything else (a display name, a
 *   second address, a line break, non-ASCII) leaves the To header out and says why in `note`;
 * - names and the subject lose control characters and line breaks, are cut to a bounded length
 *   and are always written as RFC 2047 encoded words (base64, folded), so no text of theirs can
 *   start a header or close one;
 * - attachment names are reduced to safe ASCII; the body and attachments are base64.
 *
 * Same inputs, same bytes: no Date or Message-ID (the mail program adds them when the message is
 * sent), and the MIME boundary is made from a SHA-256 of the content rather than at random. A
 * boundary holds `-`, which base64 never does, so it cannot occur in any part.
 */
import { hex, Sha256, utf8Bytes } from "../sha256";
import { createMimeMessage, type HeaderField, type MIMEMessage } from "mimetext/browser";

export interface DraftAttachment {
  fileName: string;
  /** A plain MIME type, e.g. "text/plain; charset=UTF-8" or the .xlsx type below. */
  contentType: string;
  bytes: Uint8Array;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const TEXT_TYPE = "text/plain; charset=UTF-8";

export interface DraftInput {
  /** The recipient: the address is checked (one plain address), the name made safe. */
  to?: { name?: string; address?: string };
  subject: string;
  /** Plain text; line breaks kept. */
  body: string;
  attachments?: readonly DraftAttachment[];
}

export interface Draft {
  /** The message, 7-bit ASCII with CRLF line ends (write it as bytes with any ASCII-compatible encoding). */
  eml: string;
  /** The address in the To header; undefined when there is none. */
  to?: string;
  /** Why the To header was left out (no address, or one that is not usable). */
  note?: string;
}

/** Bounds on what goes into headers. */
export const MAX_SUBJECT = 200;
export const MAX_NAME = 80;
export const MAX_FILE_NAME = 100;
const MAX_ADDRESS = 254;

// C0 and C1 controls, DEL, line and paragraph separators, and bidirectional overrides (which can
// make a name read differently from what it is).
// eslint-disable-next-line no-control-regex
const HEADER_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]+/g;
// eslint-disable-next-line no-control-regex
const BODY_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Text for one header: control characters and line breaks become spaces, spaces collapse, cut to `max` characters (with "..."). */
export function headerText(text: string, max: number): string {
  const clean = text.replace(HEADER_UNSAFE, " ").replace(/\s+/g, " ").trim();
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 3).join("").trimEnd()}...`;
}

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * One plain email address (`local@domain.tld`, ASCII), trimmed; undefined for anything else: empty,
 * a display name, several addresses, quotes, comments, line breaks or other control characters.
 */
export function plainAddress(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === "" || t.length > MAX_ADDRESS) return undefined;
  const at = t.lastIndexOf("@");
  if (at <= 0 || t.indexOf("@") !== at) return undefined;
  const local = t.slice(0, at);
  const domain = t.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local) || !DOMAIN.test(domain)) return undefined;
  return t;
}

/** A file name for an attachment or a draft: letters, digits, spaces and ._()- only (ASCII), bounded, never empty or hidden. */
export function safeFileName(name: string, max = MAX_FILE_NAME, fallback = "file"): string {
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && /^\.[A-Za-z0-9]{1,5}$/.test(name.slice(dot)) ? name.slice(dot) : "";
  const stem = (dot > 0 && ext !== "" ? name.slice(0, dot) : name)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 ._()-]+/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[ .]+|[ .]+$/g, "")
    .slice(0, Math.max(1, max - ext.length))
    .trim();
  return `${stem || fallback}${ext}`;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Bytes as base64 (RFC 2045), in lines of 76 characters joined by CRLF. */
export function base64Lines(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += BASE64[a >> 2]! + BASE64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? "=" : BASE64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? "=" : BASE64[c & 63]!;
  }
  const lines: string[] = [];
  for (let i = 0; i < out.length; i += 76) lines.push(out.slice(i, i + 76));
  return lines.join("\r\n");
}

/**
 * Text as RFC 2047 encoded words (UTF-8, base64 by the library), each under 75 characters and
 * folded onto continuation lines, so a header line stays short whatever the text.
 */
function encodedWords(message: MIMEMessage, text: string): string {
  const words: string[] = [];
  let chunk = "";
  let bytes = 0;
  for (const ch of Array.from(text)) {
    const size = utf8Bytes(ch).length;
    if (bytes + size > 45) {
      words.push(chunk);
      chunk = "";
      bytes = 0;
    }
    chunk += ch;
    bytes += size;
  }
  if (chunk !== "") words.push(chunk);
  return words.map((w) => `=?utf-8?B?${message.toBase64(w)}?=`).join("\r\n ");
}

function field(message: MIMEMessage, name: string): HeaderField {
  const found = message.headers.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new Error(`mimetext has no ${name} header field`);
  return found;
}

const CONTENT_TYPE = /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*(?:; ?charset=[A-Za-z0-9-]+)?$/i;

/** Builds the draft. Deterministic; never throws for any text given. */
export function buildDraft(input: DraftInput): Draft {
  const message = createMimeMessage();
  // A draft: no From (the mail program uses the sender's account), no Date, no Message-ID.
  field(message, "From").required = false;
  field(message, "Date").disabled = true;
  field(message, "Message-ID").disabled = true;

  const draft: Draft = { eml: "" };
  const address = plainAddress(input.to?.address);
  if (address !== undefined) {
    const name = headerText(input.to?.name ?? "", MAX_NAME);
    message.setTo({ addr: address });
    field(message, "To").dump = () => (name === "" ? `<${address}>` : `${encodedWords(message, name)} <${address}>`);
    draft.to = address;
  } else {
    const given = headerText(input.to?.address ?? "", 60);
    draft.note = given === "" ? "no email address is known" : `the email address given (${given}) is not one plain address`;
  }
  const subject = headerText(input.subject, MAX_SUBJECT) || "Your return";
  message.setSubject(subject);
  field(message, "Subject").dump = () => encodedWords(message, subject);
  message.setHeader("X-Unsent", "1");

  const body = `${input.body.replace(BODY_UNSAFE, "").replace(/\r\n?/g, "\n").replace(/\n/g, "\r\n").trimEnd()}\r\n`;
  const bodyBytes = utf8Bytes(body);
  message.addMessage({ contentType: "text/plain", charset: "UTF-8", encoding: "base64", data: base64Lines(bodyBytes) });

  const hash = new Sha256();
  hash.update(utf8Bytes(`${address ?? ""}\n${subject}\n`));
  hash.update(bodyBytes);
  const used = new Set<string>();
  for (const a of input.attachments ?? []) {
    const first = safeFileName(a.fileName);
    let fileName = first;
    for (let n = 2; used.has(fileName.toLowerCase()); n++) fileName = first.replace(/(\.[A-Za-z0-9]+)?$/, ` (${n})$1`);
    used.add(fileName.toLowerCase());
    const contentType = CONTENT_TYPE.test(a.contentType) ? a.contentType : "application/octet-stream";
    message.addAttachment({ filename: fileName, contentType, encoding: "base64", data: base64Lines(a.bytes) });
    hash.update(utf8Bytes(`\n${fileName}\n${contentType}\n`));
    hash.update(a.bytes);
  }
  const digest = hex(hash.digest()).slice(0, 32);
  message.boundaries = { mixed: `ir-mixed-${digest}`, alt: `ir-alt-${digest}`, related: `ir-related-${digest}` };
  draft.eml = `${message.asRaw()}\r\n`;
  return draft;
}
