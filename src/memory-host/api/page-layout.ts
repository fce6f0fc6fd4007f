/// <reference types="office-js" />
/**
 * This file is the Office.js imitation (the proxies); the model is in `model/page-layout.ts`.
 *
 * Page layout (ExcelApi 1.9): `worksheet.pageLayout` with orientation, paper size, zoom (a scale
 * or fit to pages), margins, centring, gridlines, print titles, print area, and headers and
 * footers (`headersFooters.defaultForAllPages` and the first, odd and even page sets).
 */
import type { Rect } from "../address";
import { isEntireColumns, MAX_COLUMNS, MAX_ROWS, parseAddress } from "../address";
import type { Mirror } from "./core";
import { clientResult, FakeObject, make, sameContext } from "./core";
import type { RangeTarget } from "./range";
import { FakeRange, rangeFrom, rangeTarget } from "./range";
import { NotImplementedByHostError, officeError } from "../errors";
import { normaliseZoom, PAPER_TYPES } from "../model/page-layout";
import type { Accept, Scalars } from "./properties";
import { boolean, declareProperties, numberWhere, stored, withProperties } from "./properties";
import type { HeaderFooterModel, HeaderFooterSet, PageLayoutModel, SheetModel } from "../model/types";
// ---------------------------------------------------------------------------------------------
// Proxies

/** Resolves a `Range | string` on the page layout's own sheet. */
function rangeOnSheet(sheet: SheetModel, value: unknown, location: string): Rect {
  if (value instanceof FakeRange) {
    const t = value._target(location);
    if (t.sheet !== sheet) throw officeError("InvalidArgument", undefined, location);
    return t.rect;
  }
  if (typeof value !== "string" || value.trim() === "") throw officeError("InvalidArgument", undefined, location);
  if (value.includes(",")) throw new NotImplementedByHostError("PageLayout with several areas");
  const parsed = parseAddress(value, location);
  if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())
    throw officeError("InvalidArgument", undefined, location);
  return parsed.rect;
}

type LayoutKey = Exclude<keyof PageLayoutModel, "printTitleRows" | "printTitleColumns" | "printArea" | "headersFooters">;

type PageLayoutMembers =
  | "setPrintTitleRows"
  | "getPrintTitleRows"
  | "getPrintTitleRowsOrNullObject"
  | "setPrintTitleColumns"
  | "getPrintTitleColumns"
  | "getPrintTitleColumnsOrNullObject"
  | "setPrintArea"
  | "load";

const margin = numberWhere((v) => v >= 0 && v <= 1600);
const touch = (sheet: SheetModel): void => sheet.workbook.touch();

/** A print setting of the sheet. */
function layoutProperty<K extends LayoutKey>(key: K, accept: Accept<PageLayoutModel[K]>) {
  return stored((sheet: SheetModel) => sheet.pageLayout, key, accept, touch);
}

type HeaderFooterState = PageLayoutModel["headersFooters"]["state"];
const HEADER_FOOTER_STATES = ["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"];
const HEADER_FOOTER_SETS: HeaderFooterSet[] = ["defaultForAllPages", "firstPage", "oddPages", "evenPages"];
const headerFooterState: Accept<HeaderFooterState> = (v) => (HEADER_FOOTER_STATES.includes(String(v)) ? (v as HeaderFooterState) : undefined);

export class FakeHeaderFooterGroup
  extends withProperties<Excel.HeaderFooterGroup, "state" | "useSheetMargins" | "useSheetScale">()(FakeObject<SheetModel>)
{
  readonly _typeName = "HeaderFooterGroup";

  declare readonly defaultForAllPages: FakeHeaderFooter;
  declare readonly firstPage: FakeHeaderFooter;
  declare readonly oddPages: FakeHeaderFooter;
  declare readonly evenPages: FakeHeaderFooter;

  static {
    declareProperties(this, {
      scalars: {
        state: stored((s) => s.pageLayout.headersFooters, "state", headerFooterState, touch),
        useSheetMargins: stored((s) => s.pageLayout.headersFooters, "useSheetMargins", boolean, touch),
        useSheetScale: stored((s) => s.pageLayout.headersFooters, "useSheetScale", boolean, touch),
      },
      // The four sets of headers and footers, each bound to the sheet and its set.
      navigation: Object.fromEntries(
        HEADER_FOOTER_SETS.map((set) => [
          set,
          (self: FakeHeaderFooterGroup) =>
            make(new FakeHeaderFooter(self._ctx, () => ({ sheet: self._target(`HeaderFooterGroup.${set}`), set }))),
        ]),
      ),
    });
  }
}

interface HeaderFooterTarget {
  sheet: SheetModel;
  set: HeaderFooterSet;
  readonly deleted?: boolean;
}

type HeaderFooterKey = keyof HeaderFooterModel;
const HF_KEYS: HeaderFooterKey[] = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];

/** One section of a header or footer: Excel limits each to 255 characters. */
function headerFooterText(key: HeaderFooterKey) {
  const section = (v: unknown) => (typeof v === "string" && v.length <= 255 ? v : undefined);
  return stored((t: HeaderFooterTarget) => t.sheet.pageLayout.headersFooters[t.set], key, section, (t) => touch(t.sheet));
}

type HeaderFooterProperties =
  | "leftHeader"
  | "centerHeader"
  | "rightHeader"
  | "leftFooter"
  | "centerFooter"
  | "rightFooter";

export class FakeHeaderFooter
  extends withProperties<Excel.HeaderFooter, HeaderFooterProperties>()(FakeObject<HeaderFooterTarget>)
  implements Mirror<Excel.HeaderFooter, HeaderFooterKey | "load">
{
  readonly _typeName = "HeaderFooter";

  static {
    declareProperties(this, { scalars: Object.fromEntries(HF_KEYS.map((key) => [key, headerFooterText(key)])) });
  }
}

// Office returns print titles as entire rows ("Sheet1!1:2") or entire columns ("Sheet1!A:B").
function titleRows(sheet: SheetModel): RangeTarget | null {
  const rows = sheet.pageLayout.printTitleRows;
  return rows && rangeTarget(sheet, { r0: rows.r0, r1: rows.r1, c0: 0, c1: MAX_COLUMNS - 1 });
}

function titleColumns(sheet: SheetModel): RangeTarget | null {
  const cols = sheet.pageLayout.printTitleColumns;
  return cols && rangeTarget(sheet, { r0: 0, r1: MAX_ROWS - 1, c0: cols.c0, c1: cols.c1 });
}

function printArea(sheet: SheetModel): RangeTarget | null {
  const r = sheet.pageLayout.printArea;
  return r && rangeTarget(sheet, r);
}

const PAGE_LAYOUT_PROPERTIES = {
  orientation: layoutProperty("orientation", (v) => (v === "Portrait" || v === "Landscape" ? v : undefined)),
  paperSize: layoutProperty("paperSize", (v) => (PAPER_TYPES.includes(String(v)) ? String(v) : undefined)),
  zoom: layoutProperty("zoom", (v) => normaliseZoom(v, "PageLayout.zoom")),
  topMargin: layoutProperty("topMargin", margin),
  bottomMargin: layoutProperty("bottomMargin", margin),
  leftMargin: layoutProperty("leftMargin", margin),
  rightMargin: layoutProperty("rightMargin", margin),
  headerMargin: layoutProperty("headerMargin", margin),
  footerMargin: layoutProperty("footerMargin", margin),
  centerHorizontally: layoutProperty("centerHorizontally", boolean),
  centerVertically: layoutProperty("centerVertically", boolean),
  printGridlines: layoutProperty("printGridlines", boolean),
  printHeadings: layoutProperty("printHeadings", boolean),
  blackAndWhite: layoutProperty("blackAndWhite", boolean),
  draftMode: layoutProperty("draftMode", boolean),
  printOrder: layoutProperty("printOrder", (v) => (v === "DownThenOver" || v === "OverThenDown" ? v : undefined)),
} satisfies Scalars<SheetModel>;

export class FakePageLayout
  extends withProperties<Excel.PageLayout, keyof typeof PAGE_LAYOUT_PROPERTIES>()(FakeObject<SheetModel>)
  implements Mirror<Excel.PageLayout, PageLayoutMembers>
{
  readonly _typeName = "PageLayout";

  declare readonly headersFooters: FakeHeaderFooterGroup;

  static {
    declareProperties(this, {
      scalars: PAGE_LAYOUT_PROPERTIES,
      parts: { headersFooters: FakeHeaderFooterGroup },
    });
  }

  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    const location = "PageLayout.setPrintTitleRows";
    sameContext(this._ctx, printTitleRows, location);
    this._queue("setPrintTitleRows", (sheet) => {
      const r = rangeOnSheet(sheet, printTitleRows, location);
      sheet.pageLayout.printTitleRows = { r0: r.r0, r1: r.r1 };
      sheet.workbook.touch();
    });
  }

  setPrintTitleColumns(printTitleColumns: Excel.Range | string): void {
    const location = "PageLayout.setPrintTitleColumns";
    sameContext(this._ctx, printTitleColumns, location);
    this._queue("setPrintTitleColumns", (sheet) => {
      const r = rangeOnSheet(sheet, printTitleColumns, location);
      if (!isEntireColumns(r) && r.r0 !== 0) throw officeError("InvalidArgument", undefined, location);
      sheet.pageLayout.printTitleColumns = { c0: r.c0, c1: r.c1 };
      sheet.workbook.touch();
    });
  }

  getPrintTitleRows(): FakeRange {
    return rangeFrom(this, "getPrintTitleRows", titleRows);
  }

  getPrintTitleRowsOrNullObject(): FakeRange {
    return rangeFrom(this, "getPrintTitleRowsOrNullObject", titleRows, "null");
  }

  getPrintTitleColumns(): FakeRange {
    return rangeFrom(this, "getPrintTitleColumns", titleColumns);
  }

  getPrintTitleColumnsOrNullObject(): FakeRange {
    return rangeFrom(this, "getPrintTitleColumnsOrNullObject", titleColumns, "null");
  }

  setPrintArea(printArea: Excel.Range | Excel.RangeAreas | string): void {
    const location = "PageLayout.setPrintArea";
    sameContext(this._ctx, printArea, location);
    this._queue("setPrintArea", (sheet) => {
      sheet.pageLayout.printArea = { ...rangeOnSheet(sheet, printArea, location) };
      sheet.workbook.touch();
    });
  }

  /**
   * The print area. Office returns a `RangeAreas`; the host models one area, and returns a Range
   * (its `address`, `areaCount`-free members read the same).
   */
  getPrintAreaOrNullObject(): FakeRange {
    return rangeFrom(this, "getPrintAreaOrNullObject", printArea, "null");
  }

  getPrintArea(): FakeRange {
    return rangeFrom(this, "getPrintArea", printArea);
  }
}

// ---------------------------------------------------------------------------------------------
// Manual page breaks (ExcelApi 1.9): worksheet.horizontalPageBreaks

/**
 * `worksheet.horizontalPageBreaks`: `add(range)` puts a page break above the range's top-left
 * cell ("Adds a page break before the top-left cell of the range specified", PageBreakCollection.add
 * in Microsoft's Office.js reference); adding one where a break already is changes nothing;
 * a break above row 1 is refused (there is no page before it); `removePageBreaks()` clears them all.
 */
export class FakePageBreakCollection
  extends FakeObject<SheetModel>
  implements Mirror<Excel.PageBreakCollection, "add" | "getCount" | "removePageBreaks" | "load">
{
  readonly _typeName = "PageBreakCollection";

  add(pageBreakRange: Excel.Range | string): Excel.PageBreak {
    const location = "PageBreakCollection.add";
    sameContext(this._ctx, pageBreakRange, location);
    this._queue("add", (sheet) => {
      const rect =
        typeof pageBreakRange === "string"
          ? parseAddress(pageBreakRange, location).rect
          : (pageBreakRange as unknown as FakeRange)._target(location).rect;
      if (rect.r0 <= 0) throw officeError("InvalidArgument", undefined, location);
      if (!sheet.pageLayout.rowBreaks.includes(rect.r0)) {
        sheet.pageLayout.rowBreaks = [...sheet.pageLayout.rowBreaks, rect.r0].sort((a, b) => a - b);
        sheet.workbook.touch();
      }
    });
    return undefined as unknown as Excel.PageBreak;
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return clientResult(this, "getCount", (sheet) => sheet.pageLayout.rowBreaks.length) as unknown as OfficeExtension.ClientResult<number>;
  }

  removePageBreaks(): void {
    this._queue("removePageBreaks", (sheet) => {
      sheet.pageLayout.rowBreaks = [];
      sheet.workbook.touch();
    });
  }
}
