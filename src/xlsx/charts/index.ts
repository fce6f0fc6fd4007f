/**
 * Native Excel charts in .xlsx files written by exceljs.
 *
 * exceljs 4.4.0 cannot write charts: its worksheet writer knows drawings only as holders of images
 * (lib/xlsx/xform/drawing has pictures and anchors, no graphicFrame or chart part), and the only
 * mention of charts in its source is a comment that chartsheets are not supported (its issue asking
 * for charts has been open since 2016). So this module post-processes the bytes exceljs produced:
 * it adds one chart part (xl/charts/chartN.xml) per chart and one drawing part
 * (xl/drawings/drawingN.xml, an xdr:twoCellAnchor + xdr:graphicFrame per chart) per sheet, their
 * relationship parts, the sheet's <drawing r:id> element in its schema position, the sheet's
 * relationship, and [Content_Types].xml Overrides for the new parts.
 *
 * No file system: bytes in, bytes out. ./add.ts adds the parts (browser-safe: the preview's
 * download uses it too); zip-write.ts, on Node's zlib, writes the result here. Do not load the
 * result with exceljs and save it again: exceljs drops charts it cannot read.
 */
import { chartedParts } from "./add";
import type { ChartSpec } from "./types";
import { zipParts } from "../zip-write";

export type { CellPosition, ChartSeriesSpec, ChartSpec, ChartType } from "./types";
export { ChartPackageError } from "./package";
export { sheetRef, toFileChart } from "./plan";

/** The timestamp of every zip entry in a workbook this module writes, so the same input gives the same bytes. */
export const FIXED_ENTRY_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/**
 * Adds native charts to an .xlsx workbook (as written by exceljs) and returns the new bytes.
 * Charts on a sheet that already has a drawing (pictures or charts) are refused with an Error, as
 * are unknown sheets, unquoted or malformed references and duplicate chart names; the input is never
 * changed. With no charts, returns the input as it is.
 */
export async function addCharts(xlsx: Uint8Array, charts: readonly ChartSpec[]): Promise<Uint8Array> {
  if (charts.length === 0) return xlsx;
  // Written by the project's one zip writer, every entry dated FIXED_ENTRY_DATE.
  return new Uint8Array(zipParts(await chartedParts(xlsx, charts), { date: FIXED_ENTRY_DATE, level: 6 }));
}
