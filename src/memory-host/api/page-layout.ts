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
import type { Mirror,  } from "./core";
import { clientResult, FakeObject, make, sameContext } from "./core";
import { FakeRange, makeRange, rangeTarget } from "./range";
import { NotImplementedByHostError, officeError } from "../errors";
import type { HeaderFooterModel, HeaderFooterSet, PageLayoutModel } from "../model/page-layout";
import { normaliseZoom, PAPER_TYPES } from "../model/page-layout";
import type { SheetModel } from "../model/sheet";
import type { WritableProperty } from "./properties";
import { declareProperties } from "./properties";
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
  | "orientation"
  | "paperSize"
  | "zoom"
  | "topMargin"
  | "bottomMargin"
  | "leftMargin"
  | "rightMargin"
  | "headerMargin"
  | "footerMargin"
  | "centerHorizontally"
  | "centerVertically"
  | "printGridlines"
  | "printHeadings"
  | "blackAndWhite"
  | "draftMode"
  | "printOrder"
  | "setPrintTitleRows"
  | "getPrintTitleRows"
  | "getPrintTitleRowsOrNullObject"
  | "setPrintTitleColumns"
  | "getPrintTitleColumns"
  | "getPrintTitleColumnsOrNullObject"
  | "setPrintArea"
  | "load";

const onOff = (v: unknown) => (typeof v === "boolean" ? v : undefined);
const margin = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1600 ? v : undefined);

/** A print setting of the sheet: `check` returns the value to store, or undefined for an invalid one. */
function layoutProperty<K extends LayoutKey>(
  key: K,
  check: (v: unknown) => PageLayoutModel[K] | undefined,
): WritableProperty<FakePageLayout, SheetModel> {
  return {
    get: (sheet) => sheet.pageLayout[key],
    set: (sheet, v) => {
      const checked = check(v);
      if (checked === undefined) throw officeError("InvalidArgument", undefined, `PageLayout.${key}`);
      sheet.pageLayout[key] = checked;
      sheet.workbook.touch();
    },
  };
}

export class FakePageLayout extends FakeObject<SheetModel> implements Mirror<Excel.PageLayout, PageLayoutMembers> {
  readonly _typeName = "PageLayout";

  declare orientation: Excel.PageLayout["orientation"];
  declare paperSize: Excel.PageLayout["paperSize"];
  declare zoom: Excel.PageLayout["zoom"];
  declare topMargin: number;
  declare bottomMargin: number;
  declare leftMargin: number;
  declare rightMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;
  declare printGridlines: boolean;
  declare printHeadings: boolean;
  declare blackAndWhite: boolean;
  declare draftMode: boolean;
  declare printOrder: Excel.PageLayout["printOrder"];
  declare readonly headersFooters: FakeHeaderFooterGroup;

  static {
    declareProperties(this, {
      scalars: {
        orientation: layoutProperty("orientation", (v) => (v === "Portrait" || v === "Landscape" ? v : undefined)),
        paperSize: layoutProperty("paperSize", (v) => (PAPER_TYPES.includes(String(v)) ? String(v) : undefined)),
        zoom: layoutProperty("zoom", (v) => normaliseZoom(v, "PageLayout.zoom")),
        topMargin: layoutProperty("topMargin", margin),
        bottomMargin: layoutProperty("bottomMargin", margin),
        leftMargin: layoutProperty("leftMargin", margin),
        rightMargin: layoutProperty("rightMargin", margin),
        headerMargin: layoutProperty("headerMargin", margin),
        footerMargin: layoutProperty("footerMargin", margin),
        centerHorizontally: layoutProperty("centerHorizontally", onOff),
        centerVertically: layoutProperty("centerVertically", onOff),
        printGridlines: layoutProperty("printGridlines", onOff),
        printHeadings: layoutProperty("printHeadings", onOff),
        blackAndWhite: layoutProperty("blackAndWhite", onOff),
        draftMode: layoutProperty("draftMode", onOff),
        printOrder: layoutProperty("printOrder", (v) => (v === "DownThenOver" || v === "OverThenDown" ? v : undefined)),
      },
      navigation: {
        headersFooters: (self) => make(new FakeHeaderFooterGroup(self._ctx, () => self._target("PageLayout.headersFooters"))),
      },
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

  private _titles(member: string, nullable: boolean, kind: "rows" | "columns"): FakeRange {
    const location = `PageLayout.${member}`;
    const proxy = makeRange(this._ctx, () => {
      const sheet = this._target(location);
      const rows = sheet.pageLayout.printTitleRows;
      const cols = sheet.pageLayout.printTitleColumns;
      // Office returns entire rows ("Sheet1!1:2") or entire columns ("Sheet1!A:B").
      const r: Rect | null =
        kind === "rows"
          ? rows && { r0: rows.r0, r1: rows.r1, c0: 0, c1: MAX_COLUMNS - 1 }
          : cols && { r0: 0, r1: MAX_ROWS - 1, c0: cols.c0, c1: cols.c1 };
      if (r) return rangeTarget(sheet, r);
      if (nullable) return null;
      throw officeError("ItemNotFound", undefined, location);
    });
    return nullable ? proxy._asNullable() : proxy;
  }

  getPrintTitleRows(): FakeRange {
    return this._titles("getPrintTitleRows", false, "rows");
  }

  getPrintTitleRowsOrNullObject(): FakeRange {
    return this._titles("getPrintTitleRowsOrNullObject", true, "rows");
  }

  getPrintTitleColumns(): FakeRange {
    return this._titles("getPrintTitleColumns", false, "columns");
  }

  getPrintTitleColumnsOrNullObject(): FakeRange {
    return this._titles("getPrintTitleColumnsOrNullObject", true, "columns");
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
    return makeRange(this._ctx, () => {
      const sheet = this._target("PageLayout.getPrintAreaOrNullObject");
      const r = sheet.pageLayout.printArea;
      return r ? rangeTarget(sheet, r) : null;
    })._asNullable();
  }

  getPrintArea(): FakeRange {
    return makeRange(this._ctx, () => {
      const sheet = this._target("PageLayout.getPrintArea");
      const r = sheet.pageLayout.printArea;
      if (!r) throw officeError("ItemNotFound", undefined, "PageLayout.getPrintArea");
      return rangeTarget(sheet, r);
    });
  }
}

export class FakeHeaderFooterGroup
  extends FakeObject<SheetModel>
  implements Mirror<Excel.HeaderFooterGroup, "state" | "useSheetMargins" | "useSheetScale" | "load">
{
  readonly _typeName = "HeaderFooterGroup";

  declare state: Excel.HeaderFooterGroup["state"];
  declare useSheetMargins: boolean;
  declare useSheetScale: boolean;

  static {
    declareProperties(this, {
      scalars: {
        state: {
          get: (s) => s.pageLayout.headersFooters.state,
          set: (s, v) => {
            if (!["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"].includes(String(v))) {
              throw officeError("InvalidArgument", undefined, "HeaderFooterGroup.state");
            }
            s.pageLayout.headersFooters.state = v as PageLayoutModel["headersFooters"]["state"];
            s.workbook.touch();
          },
        },
        useSheetMargins: {
          get: (s) => s.pageLayout.headersFooters.useSheetMargins,
          set: (s, v) => {
            if (typeof v !== "boolean") throw officeError("InvalidArgument", undefined, "HeaderFooterGroup.useSheetMargins");
            s.pageLayout.headersFooters.useSheetMargins = v as boolean;
            s.workbook.touch();
          },
        },
        useSheetScale: {
          get: (s) => s.pageLayout.headersFooters.useSheetScale,
          set: (s, v) => {
            if (typeof v !== "boolean") throw officeError("InvalidArgument", undefined, "HeaderFooterGroup.useSheetScale");
            s.pageLayout.headersFooters.useSheetScale = v as boolean;
            s.workbook.touch();
          },
        },
      },
    });
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "defaultForAllPages" || name === "firstPage" || name === "oddPages" || name === "evenPages") {
      return this[name] as unknown as FakeObject<unknown>;
    }
    return undefined;
  }

  private _set(name: HeaderFooterSet): FakeHeaderFooter {
    return this._nav(name, () =>
      make(new FakeHeaderFooter(this._ctx, () => ({ sheet: this._target(`HeaderFooterGroup.${name}`), set: name }))),
    );
  }

  get defaultForAllPages(): FakeHeaderFooter {
    return this._set("defaultForAllPages");
  }
  get firstPage(): FakeHeaderFooter {
    return this._set("firstPage");
  }
  get oddPages(): FakeHeaderFooter {
    return this._set("oddPages");
  }
  get evenPages(): FakeHeaderFooter {
    return this._set("evenPages");
  }
}

interface HeaderFooterTarget {
  sheet: SheetModel;
  set: HeaderFooterSet;
  readonly deleted?: boolean;
}

type HeaderFooterKey = keyof HeaderFooterModel;
const HF_KEYS: HeaderFooterKey[] = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];

/** One section of a header or footer: text of at most 255 characters. */
function headerFooterText(key: HeaderFooterKey): WritableProperty<FakeHeaderFooter, HeaderFooterTarget> {
  return {
    get: (t) => t.sheet.pageLayout.headersFooters[t.set][key],
    set: (t, v) => {
      // Excel limits each header or footer section to 255 characters.
      if (typeof v !== "string" || v.length > 255) throw officeError("InvalidArgument", undefined, `HeaderFooter.${key}`);
      t.sheet.pageLayout.headersFooters[t.set][key] = v;
      t.sheet.workbook.touch();
    },
  };
}

export class FakeHeaderFooter extends FakeObject<HeaderFooterTarget> implements Mirror<Excel.HeaderFooter, HeaderFooterKey | "load"> {
  readonly _typeName = "HeaderFooter";

  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;

  static {
    declareProperties(this, { scalars: Object.fromEntries(HF_KEYS.map((key) => [key, headerFooterText(key)])) });
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
