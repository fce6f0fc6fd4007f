/// <reference types="office-js" />
/**
 * This file is the model (no proxies); the Office.js proxies are in `api/page-layout.ts`.
 *
 * Page layout (ExcelApi 1.9): `worksheet.pageLayout` with orientation, paper size, zoom (a scale
 * or fit to pages), margins, centring, gridlines, print titles, print area, and headers and
 * footers (`headersFooters.defaultForAllPages` and the first, odd and even page sets).
 */
import { officeError } from "../errors";
import type { HeaderFooterModel, PageLayoutModel } from "./types";

// ---------------------------------------------------------------------------------------------
// Model

function emptyHeaderFooter(): HeaderFooterModel {
  return { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" };
}

/** Excel's defaults for a new sheet ("Normal" margins; A4, the paper of the project's UK users). */
export function defaultPageLayout(): PageLayoutModel {
  return {
    orientation: "Portrait",
    paperSize: "A4",
    zoom: { scale: 100 },
    topMargin: 54,
    bottomMargin: 54,
    leftMargin: 50.4,
    rightMargin: 50.4,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    printOrder: "DownThenOver",
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    rowBreaks: [],
    headersFooters: {
      defaultForAllPages: emptyHeaderFooter(),
      firstPage: emptyHeaderFooter(),
      oddPages: emptyHeaderFooter(),
      evenPages: emptyHeaderFooter(),
      state: "Default",
      useSheetMargins: true,
      useSheetScale: true,
    },
  };
}

export const PAPER_TYPES = [
  "Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio",
  "Quatro", "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14", "Csheet", "Dsheet",
  "Esheet", "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65", "EnvelopeB4", "EnvelopeB5", "EnvelopeB6",
  "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS", "FanfoldStdGerman", "FanfoldLegalGerman",
]; // prettier-ignore

/** Checks a zoom as Excel does: a scale from 10 to 400, or fit-to-pages counts (0 = automatic). */
export function normaliseZoom(value: unknown, location: string): Excel.PageLayoutZoomOptions {
  if (!value || typeof value !== "object") throw officeError("InvalidArgument", undefined, location);
  const z = value as Excel.PageLayoutZoomOptions;
  const count = (v: unknown) => v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 32767);
  if (z.scale !== undefined && z.scale !== null) {
    if (typeof z.scale !== "number" || z.scale < 10 || z.scale > 400) throw officeError("InvalidArgument", undefined, location);
    return { scale: z.scale };
  }
  if (z.horizontalFitToPages === undefined && z.verticalFitToPages === undefined) throw officeError("InvalidArgument", undefined, location);
  if (!count(z.horizontalFitToPages) || !count(z.verticalFitToPages)) throw officeError("InvalidArgument", undefined, location);
  return { horizontalFitToPages: z.horizontalFitToPages ?? 0, verticalFitToPages: z.verticalFitToPages ?? 0 };
}

/**
 * The manual page breaks Excel prints by: none while the sheet is fitted to pages. Excel's
 * Page Setup has one scaling choice, "Adjust to N% normal size" or "Fit to N pages wide by M tall"
 * (Office's `PageLayoutZoomOptions`: `scale`, or `horizontalFitToPages`/`verticalFitToPages`;
 * VBA's `PageSetup.Zoom` must be False for `FitToPagesWide` to apply), and with "Fit to" Excel
 * ignores manual page breaks (Microsoft's support article "Insert, move, or delete page breaks in
 * a worksheet"). The breaks stay recorded (`rowBreaks`, `horizontalPageBreaks.getCount()`), as
 * Excel keeps them; they print only at an explicit scale.
 */
export function printedRowBreaks(layout: Pick<PageLayoutModel, "zoom" | "rowBreaks">): number[] {
  const scale = layout.zoom.scale;
  return typeof scale === "number" ? [...layout.rowBreaks] : [];
}
