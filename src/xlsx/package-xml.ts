/**
 * The little of an Office Open XML package that file-type detection and the zip guard's refusals
 * need: a namespace-aware parse of a small XML part (the package reader's scanner,
 * ./package/xml.ts: element names by namespace, never by prefix), part names compared as the
 * package format says (case-insensitive, relative targets resolved), the package's officeDocument relationship (Transitional or Strict), and which sheet
 * each worksheet part is (for naming a sheet in a message). Every part given here is small and
 * already unpacked within a cap. No Node APIs: this runs in a browser too.
 */
import { decodeXml, qualifiedAttributes, scanXmlText } from "./package/xml";

export const NS = {
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  relationships: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

/** The officeDocument relationship type: Transitional, then Strict Open XML. */
const OFFICE_DOCUMENT = new Set(["http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"]);
/** The namespace of `r:id` on a workbook's `<sheet>`: Transitional, then Strict. */
const DOCUMENT_RELATIONSHIPS = new Set(["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"]);

export interface XmlElement {
  uri: string;
  local: string;
  /** Attributes in no namespace, by local name. */
  attributes: Map<string, string>;
  /** Attributes in a namespace, as [namespace, local name, value]. */
  qualified: [string, string, string][];
}

/** The elements of an XML part, namespace-resolved. Throws on anything not well-formed (the caller says "damaged"). */
export function xmlElements(data: Uint8Array): XmlElement[] {
  const elements: XmlElement[] = [];
  scanXmlText(decodeXml(data, true), {
    open(element) {
      const attributes = new Map<string, string>();
      for (let i = 0; i < element.attributes.length; i += 2) {
        const name = element.attributes[i]!;
        if (!name.includes(":") && name !== "xmlns") attributes.set(name, element.attributes[i + 1]!);
      }
      elements.push({ uri: element.uri, local: element.local, attributes, qualified: qualifiedAttributes(element) });
    },
  });
  return elements;
}

/** A part name for comparing: no leading '/', '.' and '..' resolved, lower case (part names are case-insensitive). */
export function partKey(name: string): string {
  const out: string[] = [];
  for (const segment of name.replace(/\\/g, "/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return out.join("/").toLowerCase();
}

/** The main part a package's `_rels/.rels` names (its officeDocument relationship), or undefined. Throws when the part is not well-formed. */
export function officeDocumentTarget(rels: Uint8Array): string | undefined {
  const main = xmlElements(rels).find((e) => e.uri === NS.relationships && e.local === "Relationship" && OFFICE_DOCUMENT.has(e.attributes.get("Type") ?? "") && e.attributes.get("TargetMode") !== "External");
  return main?.attributes.get("Target");
}

/** The relationships part of a part: `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`. */
function relsOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Which sheet each worksheet part is, found through the package's relationships (never by fixed
 * paths): part key -> sheet name. `read` gives a part's bytes (or undefined). Never throws: a
 * package that cannot say gives what it can.
 */
export async function sheetNamesByPart(read: (name: string) => Promise<Uint8Array | undefined>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const rootRels = await read("_rels/.rels");
    const workbook = rootRels && officeDocumentTarget(rootRels);
    if (!workbook) return names;
    const workbookKey = partKey(workbook);
    const [xml, rels] = [await read(workbookKey), await read(relsOf(workbookKey))];
    if (!xml || !rels) return names;
    const folder = workbookKey.slice(0, workbookKey.lastIndexOf("/") + 1);
    const targets = new Map<string, string>();
    for (const e of xmlElements(rels)) {
      const target = e.attributes.get("Target");
      if (e.uri !== NS.relationships || e.local !== "Relationship" || target === undefined) continue;
      targets.set(e.attributes.get("Id") ?? "", partKey(target.startsWith("/") ? target : folder + target));
    }
    for (const e of xmlElements(xml)) {
      if (e.local !== "sheet") continue;
      const id = e.qualified.find(([uri, local]) => DOCUMENT_RELATIONSHIPS.has(uri) && local === "id")?.[2];
      const target = id === undefined ? undefined : targets.get(id);
      const name = e.attributes.get("name");
      if (target && name !== undefined) names.set(target, name);
    }
  } catch {
    // Not well-formed: no names (the message names the part instead).
  }
  return names;
}
