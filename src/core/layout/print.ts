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
