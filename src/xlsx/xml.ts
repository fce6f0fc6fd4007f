/**
 * The XML helpers of the .xlsx writers (the chart writer, charts/, and the sector workbook,
 * sector.ts): the one place text and attribute values are escaped (with the characters XML 1.0
 * forbids removed), and reading attributes out of the few, well-known start tags the chart
 * package code has to look at. Not a general XML parser: the parts it reads are written by exceljs
 * (or another spreadsheet program) and have a fixed, simple shape.
 */

/**
 * Characters XML 1.0 does not allow anywhere in a document (§2.2 Char): C0 controls other than
 * tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
export const XML_FORBIDDEN_CHARACTER = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const FORBIDDEN = new RegExp(XML_FORBIDDEN_CHARACTER.source, "gu");

/** `text` without the characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, "");
}

/** Text content: safe characters, with & < > escaped. */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An attribute value for a double-quoted attribute: as text, plus " and ' escaped. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

/** The value of an attribute as written in XML, with character and entity references resolved. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    switch (ref) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    }
  });
}

/** The attributes of one start tag (`<name a="1" b='2'>`), by qualified name, unescaped. */
export function attributesOf(startTag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of startTag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1]!, unescapeXml(match[2] ?? match[3] ?? ""));
  }
  return attributes;
}

/** Every start (or empty-element) tag of elements with this local name, in any or no prefix. */
export function startTags(xml: string, localName: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])[^>]*>`, "g"))].map((m) => m[0]);
}

export interface ChildElement {
  /** Qualified name as written, e.g. "drawing" or "x14:id". */
  name: string;
  /** Offset of its "<" in the document. */
  index: number;
}

/**
 * The child elements of the document's root element, in document order (not deeper ones: an
 * <extLst> inside a conditional-formatting rule is not the worksheet's <extLst>). Skips comments,
 * CDATA sections and processing instructions; attribute values may contain ">".
 */
export function rootChildren(xml: string): ChildElement[] {
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([\w.:-]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  const children: ChildElement[] = [];
  let depth = 0;
  for (let match = token.exec(xml); match !== null; match = token.exec(xml)) {
    const name = match[2];
    if (name === undefined) continue; // comment, CDATA, declaration, processing instruction
    if (match[1] === "/") {
      depth--;
      continue;
    }
    if (depth === 1) children.push({ name, index: match.index });
    if (match[3] !== "/") depth++;
  }
  return children;
}
