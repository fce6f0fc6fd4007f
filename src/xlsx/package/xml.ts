/**
 * XML for the package reader: saxes with namespaces on, so elements are matched by namespace URI
 * and local name, never by prefix (`<x:c>` from .NET's Open XML SDK is a cell as `<c>` is), in
 * both dialects of SpreadsheetML: Transitional (what Excel saves by default) and Strict ISO/IEC
 * 29500 ("Strict Open XML Spreadsheet"), whose namespaces differ. Streaming only: no DOM is built.
 * saxes never fetches or expands a DTD, so entity expansion attacks have nothing to work on;
 * malformed XML throws, and the reader calls the file damaged.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";

/** SpreadsheetML's main namespace, Transitional and Strict. */
export const SPREADSHEET_NS = new Set(["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"]);

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

export type Element = SaxesTagNS;

/** Whether the element is SpreadsheetML's `local` (either dialect). */
export function isSpreadsheet(element: Element, local: string): boolean {
  return element.local === local && SPREADSHEET_NS.has(element.uri);
}

/** An unqualified attribute's value (SpreadsheetML's own attributes carry no prefix). */
export function attr(element: Element, local: string): string | undefined {
  const found: SaxesAttributeNS | undefined = element.attributes[local];
  return found && found.uri === "" ? found.value : undefined;
}

/** The r:id attribute (in the relationships namespace, whatever its prefix). */
export function relationshipId(element: Element): string | undefined {
  for (const a of Object.values(element.attributes)) if (a.local === "id" && RELATIONSHIP_ID_NS.has(a.uri)) return a.value;
  return undefined;
}

export interface XmlHandler {
  open(element: Element): void;
  /** Character data (text and CDATA) inside the innermost open element. */
  text?(text: string): void;
  close?(element: Element): void;
}

/** A part's bytes as text: UTF-8 unless a byte order mark says UTF-16. */
function decode(data: Uint8Array): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data.subarray(2));
  return new TextDecoder("utf-8").decode(data);
}

/** Streams one XML part through the handler. An empty part (0 bytes) is simply empty. */
export function parseXml(data: Uint8Array, handler: XmlHandler): void {
  if (data.length === 0) return;
  // Without an error handler saxes throws at the first fault, which is what the reader wants.
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (tag) => handler.open(tag));
  if (handler.text) {
    const text = handler.text.bind(handler);
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (handler.close) {
    const close = handler.close.bind(handler);
    parser.on("closetag", close);
  }
  parser.write(decode(data)).close();
}
