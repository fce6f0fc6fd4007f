/**
 * How the add-in's sheets print, in one place: A4 landscape, one page wide (or as many as the
 * columns need), the header row on every page, a header naming who and what (left), the sheet
 * (centre) and the period or date (right), and a footer with "Page x of y". Set up's sheets, the
 * board summary and the sector workbook all print this way. Texts are escaped here ("&" is
 * Excel's code character in headers and footers).
 */
import { headerFooterText, type PageLayout } from "../workbook/types";

export interface PrintOptions {
  /** Header: left (who or what), centre (the sheet), right (the period or date); plain text. */
  header: { left?: string | undefined; center?: string | undefined; right?: string | undefined };
  /** Footer's left-hand text (plain); the right is always "Page x of y". */
  footerLeft?: string | undefined;
  /** The row repeated on every page, 1-based (the table's header row). */
  titleRow?: number | undefined;
  printArea?: string | undefined;
  /** Pages wide (default 1). */
  pagesWide?: number | undefined;
}

/**
 * The margins every printed sheet uses, in inches (Excel's "Narrow" left and right, "Normal" top
 * and bottom): the command line writes them into files and the pane sets them in Excel, so a sheet
 * takes the same pages from either door.
 */
export const PRINT_MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

export function a4Landscape(o: PrintOptions): PageLayout {
  const header: PageLayout["header"] = {};
  for (const side of ["left", "center", "right"] as const) {
    const text = o.header[side];
    if (text !== undefined && text.trim() !== "") header[side] = headerFooterText(text);
  }
  const layout: PageLayout = {
    orientation: "landscape",
    paper: "A4",
    fitToPagesWide: o.pagesWide ?? 1,
    header,
    footer: { ...(o.footerLeft ? { left: headerFooterText(o.footerLeft) } : {}), right: "Page &P of &N" },
  };
  if (o.titleRow !== undefined) layout.printTitleRows = `$${o.titleRow}:$${o.titleRow}`;
  if (o.printArea) layout.printArea = o.printArea;
  return layout;
}

/**
 * Pages wide for columns of these widths (in characters): one page while the scaled print stays
 * readable (about 220 characters of column width across A4 landscape, printed at two-thirds size), more only for very wide tables.
 */
export function pagesWideFor(widths: readonly number[]): number {
  const total = widths.reduce((sum, w) => sum + w, 0);
  return Math.max(1, Math.ceil(total / 220));
}

/** Excel column width in points for a width in characters of the default font (7 px a character plus 5 px padding, 0.75 pt a pixel). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * What A4 landscape leaves for cells, in points, inside Excel's Normal margins (0.7 in left and
 * right, 0.75 in top and bottom): a little less than PRINT_MARGINS leave, so a scale worked out
 * from it fits with room to spare.
 */
const A4_LANDSCAPE_BODY = { width: 842 - 2 * 50.4, height: 595 - 2 * 54 };
/** Excel's default row height, in points. */
const ROW_POINTS = 15;

/**
 * An explicit print scale (per cent, 10-100) at which columns of these widths fit one A4 landscape
 * page wide and the tallest run of rows between manual page breaks fits one page tall. Sheets with
 * manual page breaks print at such a scale: Excel ignores manual page breaks when a sheet is fitted
 * to pages (docs/memory-host.md, "Page layout").
 */
export function printScale(widths: readonly number[], tallestPageRows: number): number {
  const width = widths.reduce((sum, w) => sum + columnWidthPoints(w), 0);
  const height = tallestPageRows * ROW_POINTS;
  const fit = Math.min(100, width > 0 ? (A4_LANDSCAPE_BODY.width / width) * 100 : 100, height > 0 ? (A4_LANDSCAPE_BODY.height / height) * 100 : 100);
  return Math.max(10, Math.floor(fit));
}
