/**
 * XML for the package reader: a small namespace-aware scanner written for it, so elements are
 * matched by namespace URI and local name, never by prefix (`<x:c>` from .NET's Open XML SDK is a
 * cell as `<c>` is), in both dialects of SpreadsheetML: Transitional (what Excel saves by default)
 * and Strict ISO/IEC 29500 ("Strict Open XML Spreadsheet"), whose namespaces differ.
 *
 * Streaming only: no DOM is built. The scanner jumps from markup to markup with indexOf over the
 * part's text (a general parser such as saxes looks at every character in JavaScript, which cost
 * most of a return's reading time). It undoes the five predefined entities and character
 * references, reads CDATA as text, skips comments, processing instructions and a DOCTYPE (never
 * fetching or expanding one: any other entity is an error, so entity expansion attacks have
 * nothing to work on), normalises line ends and attribute whitespace as XML 1.0 says, and throws
 * on what is not well-formed (unbalanced or mismatched tags, text outside the root, an unbound
 * prefix, a duplicate attribute, characters XML forbids): the reader then calls the file damaged.
 */

import { XML_FORBIDDEN_CHARACTER } from "../xml";

const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** SpreadsheetML's main namespace, Transitional and Strict. */
const SPREADSHEET_TRANSITIONAL = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const SPREADSHEET_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";

/** The namespace of r:id attributes (relationship ids inside a part), Transitional and Strict. */
export const RELATIONSHIP_ID_NS = new Set(["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"]);

/** The namespace of a package's relationship parts (_rels/*.rels): one for both dialects. */
export const PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The namespace of [Content_Types].xml. */
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

/** The stems relationship types start with (a type is a stem followed by "/worksheet" and the like). */
const RELATIONSHIP_TYPE_STEMS = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships/", "http://purl.oclc.org/ooxml/officeDocument/relationships/"];

/** Whether a relationship's type is this kind ("officeDocument", "worksheet", "sharedStrings", "styles", "table"), Transitional or Strict. */
export function isRelationshipType(type: string, kind: string): boolean {
  return RELATIONSHIP_TYPE_STEMS.some((stem) => type === stem + kind);
}

/** The namespaces in scope, by prefix ("" the default namespace); an element that declares any gets its parent's with its own added. */
type Scope = ReadonlyMap<string, string>;

/** The namespaces the reader compares against, so that a declared one is the same string and compares at once. */
const KNOWN_NAMESPACES = new Map([SPREADSHEET_TRANSITIONAL, SPREADSHEET_STRICT, ...RELATIONSHIP_ID_NS, PACKAGE_RELATIONSHIPS_NS, CONTENT_TYPES_NS, XML_NS].map((uri) => [uri, uri]));

/** A start tag, namespace-resolved. */
export interface Element {
  /** The name as written, prefix and all. */
  readonly name: string;
  /** Its namespace ("" for none). */
  readonly uri: string;
  readonly local: string;
  /** Its attributes as written: name, value, name, value... (values with entities undone). */
  readonly attributes: readonly string[];
  readonly scope: Scope;
}

/** Whether the element is SpreadsheetML's `local` (either dialect). */
export function isSpreadsheet(element: Element, local: string): boolean {
  return element.local === local && (element.uri === SPREADSHEET_TRANSITIONAL || element.uri === SPREADSHEET_STRICT);
}

/** An unqualified attribute's value (SpreadsheetML's own attributes carry no prefix). */
export function attr(element: Element, local: string): string | undefined {
  const a = element.attributes;
  for (let i = 0; i < a.length; i += 2) if (a[i] === local) return a[i + 1];
  return undefined;
}

/** Each attribute in a namespace, as [namespace, local name, value]. */
export function qualifiedAttributes(element: Element): [string, string, string][] {
  const out: [string, string, string][] = [];
  const a = element.attributes;
  for (let i = 0; i < a.length; i += 2) {
    const name = a[i]!;
    const colon = name.indexOf(":");
    if (colon < 0 || name.startsWith("xmlns:")) continue;
    out.push([element.scope.get(name.slice(0, colon)) ?? "", name.slice(colon + 1), a[i + 1]!]);
  }
  return out;
}

/** The r:id attribute (in the relationships namespace, whatever its prefix). */
export function relationshipId(element: Element): string | undefined {
  return qualifiedAttributes(element).find(([uri, local]) => local === "id" && RELATIONSHIP_ID_NS.has(uri))?.[2];
}

export interface XmlHandler {
  open(element: Element): void;
  /** Character data (text and CDATA) inside the innermost open element, in one or more pieces. */
  text?(text: string): void;
  close?(element: Element): void;
}

/** A part's bytes as text: UTF-8 unless a byte order mark says UTF-16. `fatal`: bytes that are not text in that encoding throw. */
export function decodeXml(data: Uint8Array, fatal = false): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le", { fatal }).decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be", { fatal }).decode(data.subarray(2));
  return new TextDecoder("utf-8", { fatal }).decode(data);
}

/** Streams one XML part through the handler. An empty part (0 bytes) is simply empty. */
export function parseXml(data: Uint8Array, handler: XmlHandler): void {
  if (data.length === 0) return;
  scanXmlText(decodeXml(data), handler);
}

// --- The scanner ----------------------------------------------------------------------------------

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;

const NO_ATTRIBUTES: readonly string[] = [];

class NotWellFormed extends Error {
  constructor(what: string, at: number) {
    super(`not well-formed XML: ${what} (at character ${at})`);
    this.name = "NotWellFormed";
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Where a name ends: white space, '>', '/', '=' (or the end of the text: NaN). */
function endsName(c: number): boolean {
  return c === 0x20 || c === GT || c === SLASH || c === 0x0a || c === 0x09 || c === 0x0d || c === EQUALS || Number.isNaN(c);
}

/** A name may start with a letter, '_', ':' or any character beyond ASCII (XML 1.0's NameStartChar, loosely). */
function startsName(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === COLON || c >= 0x80;
}

function isNameChar(c: number): boolean {
  return startsName(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

const PREDEFINED: ReadonlyMap<string, string> = new Map([["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"]]);
const DECIMAL_REFERENCE = /^#[0-9]+$/;
const HEX_REFERENCE = /^#x[0-9a-fA-F]+$/;

/** Text with its entity and character references undone; any other entity is an error (no DTD is read). */
function undoReferences(raw: string, at: number): string {
  let out = "";
  let p = 0;
  for (let amp = raw.indexOf("&"); amp >= 0; amp = raw.indexOf("&", p)) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) throw new NotWellFormed("an '&' that starts no reference", at + amp);
    const name = raw.slice(amp + 1, semi);
    let char = PREDEFINED.get(name);
    if (char === undefined) {
      const code = DECIMAL_REFERENCE.test(name) ? Number.parseInt(name.slice(1), 10) : HEX_REFERENCE.test(name) ? Number.parseInt(name.slice(2), 16) : Number.NaN;
      if (Number.isNaN(code)) throw new NotWellFormed(`an undefined entity (&${name};)`, at + amp);
      if (code > 0x10ffff || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) {
        throw new NotWellFormed("a character reference to a character XML forbids", at + amp);
      }
      char = String.fromCodePoint(code);
    }
    out += raw.slice(p, amp) + char;
    p = semi + 1;
  }
  return p === 0 ? raw : out + raw.slice(p);
}

/** Character data: line ends as XML 1.0 reads them (CR LF and CR alone are LF), references undone. */
function characterData(raw: string, at: number): string {
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return text.includes("&") ? undoReferences(text, at) : text;
}

/** An attribute's value: line ends read, then tab and line feed as spaces (XML 1.0's normalisation for CDATA attributes), references undone. */
function attributeValue(raw: string, at: number): string {
  // One look at each character (values are short): '<' is an error, '&' and white space other than ' ' need work.
  let amp = false;
  let space = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === LT) throw new NotWellFormed("'<' in an attribute value", at + i);
    if (c === 0x26) amp = true;
    else if (c === 0x09 || c === 0x0a || c === 0x0d) space = true;
  }
  const spaced = space ? raw.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ") : raw;
  return amp ? undoReferences(spaced, at) : spaced;
}

/** Where a DOCTYPE starting at `lt` ends (after its '>', past any internal subset in brackets). */
function endOfDoctype(s: string, lt: number): number {
  const bracket = s.indexOf("[", lt);
  const close = s.indexOf(">", lt);
  if (close < 0) throw new NotWellFormed("an unfinished DOCTYPE", lt);
  if (bracket < 0 || bracket > close) return close + 1;
  const end = s.indexOf("]", bracket);
  const after = end < 0 ? -1 : s.indexOf(">", end);
  if (after < 0) throw new NotWellFormed("an unfinished DOCTYPE", lt);
  return after + 1;
}

const ROOT_SCOPE: Scope = new Map([["xml", XML_NS]]);

/** The scope of an element that declares namespaces (xmlns, xmlns:p), inheriting `parent`. */
function declaredScope(parent: Scope, attributes: readonly string[], at: number): Scope {
  const scope = new Map(parent);
  for (let i = 0; i < attributes.length; i += 2) {
    const name = attributes[i]!;
    const value = KNOWN_NAMESPACES.get(attributes[i + 1]!) ?? attributes[i + 1]!;
    if (name === "xmlns") {
      scope.set("", value);
    } else if (name.startsWith("xmlns:")) {
      const prefix = name.slice(6);
      if (value === "") throw new NotWellFormed(`an attempt to undeclare the prefix ${prefix}`, at);
      if (prefix === "xmlns" || (prefix === "xml") !== (value === XML_NS)) throw new NotWellFormed("a reserved prefix or namespace rebound", at);
      scope.set(prefix, value);
    }
  }
  return scope;
}

/** The text of one XML document through the handler (see the top of this file for what it reads and refuses). */
export function scanXmlText(s: string, handler: XmlHandler): void {
  if (XML_FORBIDDEN_CHARACTER.test(s)) throw new NotWellFormed("a character XML forbids", s.search(XML_FORBIDDEN_CHARACTER));
  const onText = handler.text ? handler.text.bind(handler) : undefined;
  const onClose = handler.close ? handler.close.bind(handler) : undefined;
  const stack: Element[] = [];
  const root = ROOT_SCOPE;
  let scope = root;
  let rootSeen = false;
  const n = s.length;
  let p = 0;
  while (p < n) {
    const lt = s.indexOf("<", p);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > p) {
      if (stack.length > 0) {
        if (onText) onText(characterData(s.slice(p, textEnd), p));
      } else if (s.slice(p, textEnd).trim() !== "") {
        throw new NotWellFormed("text outside the root element", p);
      }
    }
    if (lt < 0) break;
    const next = s.charCodeAt(lt + 1);

    if (next === SLASH) {
      const open = stack.pop();
      if (!open) throw new NotWellFormed("an end tag with no start tag", lt);
      let q = lt + 2 + open.name.length;
      if (!s.startsWith(open.name, lt + 2) || !endsName(s.charCodeAt(q))) throw new NotWellFormed(`an end tag that does not match <${open.name}>`, lt);
      while (isSpace(s.charCodeAt(q))) q++;
      if (s.charCodeAt(q) !== GT) throw new NotWellFormed("an unfinished end tag", lt);
      p = q + 1;
      scope = stack.length > 0 ? stack[stack.length - 1]!.scope : root;
      if (onClose) onClose(open);
      continue;
    }

    if (next === QUESTION) {
      const end = s.indexOf("?>", lt + 2);
      if (end < 0) throw new NotWellFormed("an unfinished processing instruction", lt);
      p = end + 2;
      continue;
    }

    if (next === BANG) {
      if (s.startsWith("<!--", lt)) {
        const end = s.indexOf("-->", lt + 4);
        if (end < 0) throw new NotWellFormed("an unfinished comment", lt);
        p = end + 3;
      } else if (s.startsWith("<![CDATA[", lt)) {
        const end = s.indexOf("]]>", lt + 9);
        if (end < 0 || stack.length === 0) throw new NotWellFormed("a CDATA section that is unfinished or outside the root", lt);
        if (onText) onText(s.slice(lt + 9, end).replace(/\r\n?/g, "\n"));
        p = end + 3;
      } else if (s.startsWith("<!DOCTYPE", lt) && !rootSeen) {
        p = endOfDoctype(s, lt);
      } else {
        throw new NotWellFormed("markup that is not XML", lt);
      }
      continue;
    }

    // A start tag.
    if (rootSeen && stack.length === 0) throw new NotWellFormed("a second root element", lt);
    if (!startsName(next)) throw new NotWellFormed("a tag with no name", lt);
    let q = lt + 2;
    while (!endsName(s.charCodeAt(q))) {
      if (!isNameChar(s.charCodeAt(q))) throw new NotWellFormed("a character that cannot be in a name", q);
      q++;
    }
    const name = s.slice(lt + 1, q);
    let attributes = NO_ATTRIBUTES as string[];
    let declares = false;
    let selfClosing = false;
    for (;;) {
      const before = q;
      while (isSpace(s.charCodeAt(q))) q++;
      const c = s.charCodeAt(q);
      if (c === GT) {
        q++;
        break;
      }
      if (c === SLASH) {
        if (s.charCodeAt(q + 1) !== GT) throw new NotWellFormed("a '/' inside a tag", q);
        selfClosing = true;
        q += 2;
        break;
      }
      if (Number.isNaN(c)) throw new NotWellFormed("an unfinished tag", lt);
      if (q === before) throw new NotWellFormed("no space between attributes", q);
      if (!startsName(c)) throw new NotWellFormed("an attribute with no name", q);
      const nameStart = q;
      while (!endsName(s.charCodeAt(q))) {
        if (!isNameChar(s.charCodeAt(q))) throw new NotWellFormed("a character that cannot be in a name", q);
        q++;
      }
      const attributeName = s.slice(nameStart, q);
      while (isSpace(s.charCodeAt(q))) q++;
      if (s.charCodeAt(q) !== EQUALS) throw new NotWellFormed("an attribute with no value", q);
      q++;
      while (isSpace(s.charCodeAt(q))) q++;
      const quote = s.charCodeAt(q);
      if (quote !== QUOTE && quote !== APOSTROPHE) throw new NotWellFormed("an attribute value without quotes", q);
      const end = s.indexOf(quote === QUOTE ? '"' : "'", q + 1);
      if (end < 0) throw new NotWellFormed("an unfinished attribute value", q);
      const value = attributeValue(s.slice(q + 1, end), q + 1);
      q = end + 1;
      if (attributes === NO_ATTRIBUTES) attributes = [];
      else for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === attributeName) throw new NotWellFormed(`a duplicate attribute (${attributeName})`, nameStart);
      attributes.push(attributeName, value);
      if (attributeName.startsWith("xmlns") && (attributeName.length === 5 || attributeName.charCodeAt(5) === COLON)) declares = true;
    }
    const elementScope = declares ? declaredScope(scope, attributes, lt) : scope;
    const colon = name.indexOf(":");
    const prefix = colon < 0 ? "" : name.slice(0, colon);
    let uri = elementScope.get(prefix);
    if (uri === undefined) {
      if (prefix !== "") throw new NotWellFormed(`an unbound prefix (${prefix})`, lt);
      uri = "";
    }
    const element: Element = { name, uri, local: colon < 0 ? name : name.slice(colon + 1), attributes, scope: elementScope };
    rootSeen = true;
    handler.open(element);
    if (selfClosing) {
      if (onClose) onClose(element);
    } else {
      stack.push(element);
      scope = elementScope;
    }
    p = q;
  }
  if (stack.length > 0) throw new NotWellFormed(`<${stack[stack.length - 1]!.name}> is never closed`, n);
  if (!rootSeen) throw new NotWellFormed("no root element", n);
}
