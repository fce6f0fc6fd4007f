/**
 * Adding native charts to an .xlsx workbook's parts, browser-safe (JSZip only, no Node APIs): the
 * command line zips the result with Node's zlib (./index.ts `addCharts`, through ../zip-write.ts),
 * the preview's download with fflate (src/preview/export-xlsx.ts, through ../zip-fflate.ts).
 * See ./index.ts for what is added and why.
 */
import JSZip from "jszip";
import { chartXml, drawingXml, type AnchoredChart } from "./drawingml";
import {
  CONTENT_TYPE,
  ChartPackageError,
  REL,
  freePartNumber,
  freshRelationshipId,
  parseRelationships,
  readText,
  readWorkbookSheets,
  relsPathOf,
  withDrawingElement,
  withOverrides,
  withRelationships,
} from "./package";
import type { ChartSpec } from "./types";
import type { ZipPart } from "../zip-store";

const REFERENCE = /^(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!\$?[A-Z]{1,3}\$?[0-9]+(?::\$?[A-Z]{1,3}\$?[0-9]+)?$/;

/** The sheet a reference points at; throws for something that is not a sheet-qualified range. */
function sheetOfReference(ref: string, what: string, chart: string): string {
  const match = REFERENCE.exec(ref);
  if (!match) {
    throw new Error(
      `Chart "${chart}": the ${what} reference ${JSON.stringify(ref)} is not a range with its sheet, like 'Summary charts'!$C$2:$C$13 (sheet names with spaces or apostrophes go in single quotes, an apostrophe doubled; sheetRef builds one).`,
    );
  }
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
}

function isCell(position: { col: number; row: number } | undefined): boolean {
  return position !== undefined && Number.isInteger(position.col) && Number.isInteger(position.row) && position.col >= 0 && position.row >= 0;
}

function checkSpecs(charts: readonly ChartSpec[], sheets: ReadonlyMap<string, string>): void {
  const seen = new Set<string>();
  for (const spec of charts) {
    const label = spec.name;
    if (!sheets.has(spec.sheet)) {
      throw new Error(`Chart "${label}": the workbook has no sheet named "${spec.sheet}" (it has ${[...sheets.keys()].map((s) => `"${s}"`).join(", ")}).`);
    }
    if (spec.name.trim() === "") throw new Error(`A chart on sheet "${spec.sheet}" has no name.`);
    const key = `${spec.sheet}\u0000${spec.name}`;
    if (seen.has(key)) throw new Error(`Two charts on sheet "${spec.sheet}" are named "${spec.name}"; chart names must be unique on their sheet.`);
    seen.add(key);
    if (!["column", "line", "bar"].includes(spec.type)) throw new Error(`Chart "${label}": unknown chart type "${String(spec.type)}".`);
    if (spec.series.length === 0) throw new Error(`Chart "${label}" has no series.`);
    const references: [string, string][] = [["category", spec.categories], ...spec.series.map((s): [string, string] => [`series "${s.name}"`, s.values])];
    for (const [what, ref] of references) {
      const sheet = sheetOfReference(ref, what, label);
      if (!sheets.has(sheet)) throw new Error(`Chart "${label}": the ${what} reference ${ref} points at a sheet the workbook does not have ("${sheet}").`);
    }
    const { from, to } = spec.anchor ?? {};
    if (!isCell(from) || !isCell(to) || to!.col <= from!.col || to!.row <= from!.row) {
      throw new Error(`Chart "${label}": its anchor must go from a cell to one below and to the right of it (0-based col and row).`);
    }
  }
}

/**
 * The parts of an .xlsx workbook (as written by exceljs) with native charts added, in the
 * workbook's order, for a zip writer to zip. Charts on a sheet that already has a drawing
 * (pictures or charts) are refused with an Error, as are unknown sheets, unquoted or malformed
 * references and duplicate chart names.
 */
export async function chartedParts(xlsx: Uint8Array, charts: readonly ChartSpec[]): Promise<ZipPart[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(xlsx);
  } catch (error) {
    throw new ChartPackageError(`These bytes are not an .xlsx workbook (not a zip archive): ${(error as Error).message}`);
  }
  const { parts, date1904 } = await readWorkbookSheets(zip);
  checkSpecs(charts, parts);

  const bySheet = new Map<string, ChartSpec[]>();
  for (const spec of charts) bySheet.set(spec.sheet, [...(bySheet.get(spec.sheet) ?? []), spec]);

  const written = new Map<string, string>();
  const reserved = new Set<string>();
  const overrides: { partName: string; contentType: string }[] = [];
  for (const [sheet, specs] of bySheet) {
    const sheetPath = parts.get(sheet)!;
    const sheetXml = await readText(zip, sheetPath);
    if (sheetXml === undefined) throw new ChartPackageError(`Sheet "${sheet}" is missing from the workbook (no ${sheetPath}).`);
    const sheetRelsPath = relsPathOf(sheetPath);
    const sheetRels = await readText(zip, sheetRelsPath);
    const sheetRelIds = new Set(parseRelationships(sheetRels).map((r) => r.id));
    const drawingRelId = freshRelationshipId(sheetRelIds);
    written.set(sheetPath, withDrawingElement(sheetXml, sheet, drawingRelId));

    const drawingNumber = freePartNumber(zip, "xl/drawings/drawing", reserved);
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    written.set(sheetRelsPath, withRelationships(sheetRels, [{ id: drawingRelId, type: REL.drawing, target: `../drawings/drawing${drawingNumber}.xml`, external: false }]));
    overrides.push({ partName: `/${drawingPath}`, contentType: CONTENT_TYPE.drawing });

    const anchored: AnchoredChart[] = [];
    const drawingRelIds = new Set<string>();
    const drawingRels = [];
    for (const spec of specs) {
      const chartNumber = freePartNumber(zip, "xl/charts/chart", reserved);
      const chartPath = `xl/charts/chart${chartNumber}.xml`;
      const relationshipId = freshRelationshipId(drawingRelIds);
      written.set(chartPath, chartXml(spec, { date1904 }));
      drawingRels.push({ id: relationshipId, type: REL.chart, target: `../charts/chart${chartNumber}.xml`, external: false });
      overrides.push({ partName: `/${chartPath}`, contentType: CONTENT_TYPE.chart });
      anchored.push({ spec, relationshipId });
    }
    written.set(drawingPath, drawingXml(anchored));
    written.set(relsPathOf(drawingPath), withRelationships(undefined, drawingRels));
  }
  const contentTypesPath = "[Content_Types].xml";
  const contentTypes = await readText(zip, contentTypesPath);
  if (contentTypes === undefined) throw new ChartPackageError("These bytes are not an .xlsx workbook: there is no [Content_Types].xml.");
  written.set(contentTypesPath, withOverrides(contentTypes, overrides));

  for (const [path, text] of written) zip.file(path, text, { createFolders: false });
  // Folders are not entries of their own in an .xlsx.
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  return Promise.all(entries.map(async (entry) => ({ name: entry.name, data: await entry.async("uint8array") })));
}
