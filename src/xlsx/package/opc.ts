/**
 * The package (Open Packaging Conventions, ECMA-376 part 2) over the parts the zip guard let
 * through: part names compared without regard to case, relationships read from each source's
 * `_rels/<name>.rels` part, and their targets resolved as the conventions say (relative to the
 * source part's folder, "../" allowed, "/..." from the package root, percent-escapes undone).
 * Parts are found only through relationships, never by fixed paths.
 */
import type { CheckedPart } from "../zip-guard";
import { attr, CONTENT_TYPES_NS, PACKAGE_RELATIONSHIPS_NS, parseXml } from "./xml";

export interface Relationship {
  id: string;
  type: string;
  /** The part the target names, resolved against the source part (undefined for external targets). */
  target?: string;
}

/** A part name as a key: no leading "/", lower case (OPC part names are case-insensitive). */
function key(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}

function unescapeTarget(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** `target` resolved against the folder of the part `source` ("" for the package itself). */
export function resolveTarget(source: string, target: string): string {
  const bare = unescapeTarget(target.replace(/[?#].*$/, "").trim());
  const base = bare.startsWith("/") ? [] : source.replace(/^\/+/, "").split("/").slice(0, -1);
  const out = [...base];
  for (const segment of bare.split(/[/\\]/)) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return out.join("/");
}

/** The relationships part of a source part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; the package's own: "_rels/.rels". */
function relationshipsPartOf(source: string): string {
  const parts = source.replace(/^\/+/, "").split("/");
  const file = parts.pop() ?? "";
  return [...parts, "_rels", `${file}.rels`].join("/");
}

export class OpcPackage {
  private readonly parts = new Map<string, Uint8Array>();
  private readonly relationshipCache = new Map<string, Relationship[]>();

  constructor(parts: readonly CheckedPart[]) {
    for (const part of parts) this.parts.set(key(part.name), part.data);
  }

  /** A part's bytes, or undefined when the package has no such part. */
  part(name: string): Uint8Array | undefined {
    return this.parts.get(key(name));
  }

  has(name: string): boolean {
    return this.parts.has(key(name));
  }

  /** The relationships from a part ("" for the package's own), in the order the part lists them. */
  relationships(source: string): Relationship[] {
    const cached = this.relationshipCache.get(key(source));
    if (cached) return cached;
    const out: Relationship[] = [];
    const data = this.part(source === "" ? "_rels/.rels" : relationshipsPartOf(source));
    if (data) {
      parseXml(data, {
        open(element) {
          if (element.local !== "Relationship" || element.uri !== PACKAGE_RELATIONSHIPS_NS) return;
          const id = attr(element, "Id") ?? "";
          const type = (attr(element, "Type") ?? "").trim();
          const target = attr(element, "Target");
          const external = attr(element, "TargetMode") === "External";
          out.push(external || target === undefined ? { id, type } : { id, type, target: resolveTarget(source, target) });
        },
      });
    }
    this.relationshipCache.set(key(source), out);
    return out;
  }

  /** The parts [Content_Types].xml gives this content type by an Override (used only when the package's relationships name no main part). */
  partsOfContentType(contentType: (type: string) => boolean): string[] {
    const data = this.part("[Content_Types].xml");
    const out: string[] = [];
    if (!data) return out;
    parseXml(data, {
      open(element) {
        if (element.local !== "Override" || element.uri !== CONTENT_TYPES_NS) return;
        const name = attr(element, "PartName");
        if (name !== undefined && contentType(attr(element, "ContentType") ?? "")) out.push(resolveTarget("", name));
      },
    });
    return out;
  }
}
