/**
 * The Open Packaging Conventions side of adding charts: finding a worksheet's part from its name,
 * relationship parts, [Content_Types].xml, and the worksheet's <drawing r:id> element in its
 * schema position. Works on a JSZip archive in memory (no file system).
 */
import type JSZip from "jszip";
import { NS } from "./drawingml";
import { attributesOf, escapeAttr, rootChildren, startTags } from "../xml";

export const REL = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
} as const;

export const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Thrown when the workbook cannot take the charts asked for; nothing is changed then. */
export class ChartPackageError extends Error {
  override readonly name = "ChartPackageError";
}

export async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async("string");
}

async function requireText(zip: JSZip, path: string): Promise<string> {
  const text = await readText(zip, path);
  if (text === undefined) throw new ChartPackageError(`This is not an .xlsx workbook we can add charts to: it has no ${path}.`);
  return text;
}

/** Where a part's relationships live: xl/worksheets/sheet1.xml -> xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the part that holds it (or absolute, from the package root). */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRelationships(xml: string | undefined): Relationship[] {
  if (xml === undefined) return [];
  return startTags(xml, "Relationship").map((tag) => {
    const a = attributesOf(tag);
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External" };
  });
}

/** A relationship id not yet used in `taken` (rId1, rId2, ...); adds it to `taken`. */
export function freshRelationshipId(taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `rId${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** A relationships part with these relationships added at the end (a new part when there was none). */
export function withRelationships(xml: string | undefined, added: readonly Relationship[]): string {
  const elements = added.map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`).join("");
  if (xml === undefined || !/<\/(?:[\w.-]+:)?Relationships\s*>/.test(xml)) {
    if (xml !== undefined && /<(?:[\w.-]+:)?Relationships\b[^>]*\/>/.test(xml)) {
      return xml.replace(/<((?:[\w.-]+:)?Relationships)\b([^>]*)\/>/, `<$1$2>${elements}</$1>`);
    }
    return `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS_NS}">${elements}</Relationships>`;
  }
  return xml.replace(/<\/((?:[\w.-]+:)?Relationships)\s*>(?![\s\S]*<\/(?:[\w.-]+:)?Relationships)/, `${elements}</$1>`);
}

/** [Content_Types].xml with an Override for each part (replacing any Override already there for it). */
export function withOverrides(xml: string, overrides: readonly { partName: string; contentType: string }[]): string {
  let result = xml;
  for (const { partName } of overrides) {
    const existing = startTags(result, "Override").find((tag) => attributesOf(tag).get("PartName")?.toLowerCase() === partName.toLowerCase());
    if (existing !== undefined) result = result.replace(existing, "");
  }
  const elements = overrides.map((o) => `<Override PartName="${escapeAttr(o.partName)}" ContentType="${escapeAttr(o.contentType)}"/>`).join("");
  if (!/<\/Types\s*>/.test(result)) throw new ChartPackageError("This .xlsx workbook's [Content_Types].xml is damaged: it has no </Types>.");
  return result.replace(/<\/Types\s*>/, `${elements}</Types>`);
}

export interface WorkbookSheets {
  /** Worksheet name -> its part path in the zip (e.g. xl/worksheets/sheet1.xml). */
  parts: Map<string, string>;
  date1904: boolean;
}

/** The workbook's worksheets by name, and its date system. */
export async function readWorkbookSheets(zip: JSZip): Promise<WorkbookSheets> {
  const rootRels = parseRelationships(await readText(zip, "_rels/.rels"));
  const officeDocument = rootRels.find((r) => r.type.endsWith("/officeDocument"));
  const workbookPath = officeDocument ? resolveTarget("", officeDocument.target) : "xl/workbook.xml";
  const workbook = await requireText(zip, workbookPath);
  const rels = new Map(parseRelationships(await readText(zip, relsPathOf(workbookPath))).map((r) => [r.id, r]));
  const parts = new Map<string, string>();
  for (const tag of startTags(workbook, "sheet")) {
    const a = attributesOf(tag);
    const name = a.get("name");
    const rel = rels.get(a.get("r:id") ?? "");
    if (name !== undefined && rel !== undefined && rel.type === REL.worksheet) parts.set(name, resolveTarget(workbookPath, rel.target));
  }
  const workbookPr = startTags(workbook, "workbookPr")[0];
  const date1904 = workbookPr !== undefined && /^(1|true)$/.test(attributesOf(workbookPr).get("date1904") ?? "");
  return { parts, date1904 };
}

/**
 * CT_Worksheet's children that come after <drawing>, in schema order (ECMA-376 Part 1 §18.3.1.99;
 * the same order as openpyxl's worksheet writer: ... headerFooter, rowBreaks, colBreaks,
 * customProperties, cellWatches, ignoredErrors, smartTags, drawing, legacyDrawing, legacyDrawingHF,
 * drawingHF, picture, oleObjects, controls, webPublishItems, tableParts, extLst).
 */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** The worksheet XML with <drawing r:id="..."/> in its place; refuses a sheet that has a drawing already. */
export function withDrawingElement(sheetXml: string, sheetName: string, relationshipId: string): string {
  const root = /<((?:([\w.-]+):)?worksheet)\b(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(sheetXml);
  if (!root) throw new ChartPackageError(`Sheet "${sheetName}" is not a worksheet we can add charts to (no <worksheet> element).`);
  const prefix = root[2] === undefined ? "" : `${root[2]}:`;
  const localNames = (xml: string) => rootChildren(xml).filter((child) => child.name.startsWith(prefix) && !child.name.slice(prefix.length).includes(":"));
  if (localNames(sheetXml).some((child) => child.name === `${prefix}drawing`)) {
    throw new ChartPackageError(
      `Sheet "${sheetName}" already has a drawing (pictures or charts); adding charts to it is not supported, so the workbook was left unchanged.`,
    );
  }
  // Declare the relationships namespace on the root when the sheet has not (exceljs always does).
  const rootAttributes = attributesOf(root[0]);
  let rPrefix = [...rootAttributes].find(([name, value]) => name.startsWith("xmlns:") && value === NS.r)?.[0].slice("xmlns:".length);
  let xml = sheetXml;
  if (rPrefix === undefined) {
    rPrefix = rootAttributes.has("xmlns:r") ? "rel" : "r";
    xml = xml.slice(0, root.index) + `${root[0].slice(0, -1)} xmlns:${rPrefix}="${NS.r}">` + xml.slice(root.index + root[0].length);
  }
  const drawing = `<${prefix}drawing ${rPrefix}:id="${escapeAttr(relationshipId)}"/>`;
  const later = new Set(AFTER_DRAWING.map((name) => `${prefix}${name}`));
  let at = localNames(xml).find((child) => later.has(child.name))?.index;
  if (at === undefined) {
    at = xml.lastIndexOf(`</${root[1]}`);
    if (at === -1) throw new ChartPackageError(`Sheet "${sheetName}" is damaged: its worksheet element is not closed.`);
  }
  return xml.slice(0, at) + drawing + xml.slice(at);
}

/** The lowest N >= 1 for which `${prefix}${N}.xml` is not in the zip, and not in `reserved`. */
export function freePartNumber(zip: JSZip, prefix: string, reserved: Set<string>): number {
  for (let n = 1; ; n++) {
    const path = `${prefix}${n}.xml`;
    if (zip.file(path) === null && !reserved.has(path)) {
      reserved.add(path);
      return n;
    }
  }
}
