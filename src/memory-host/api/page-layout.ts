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
import type { Mirror, ScalarGetters } from "./core";
import { clientResult, FakeObject, make, sameContext } from "./core";
import { FakeRange, makeRange, rangeTarget } from "./range";
import { NotImplementedByHostError, officeError } from "../errors";
import type { HeaderFooterModel, HeaderFooterSet, PageLayoutModel } from "../model/page-layout";
import { normaliseZoom, PAPER_TYPES } from "../model/page-layout";
import type { SheetModel } from "../model/sheet";
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

const isBool = (v: unknown) => typeof v === "boolean";
const isMargin = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1600;

export class FakePageLayout extends FakeObject<SheetModel> implements Mirror<Excel.PageLayout, PageLayoutMembers> {
  readonly _typeName = "PageLayout";

  protected override _scalars(): ScalarGetters<SheetModel> {
    const keys: LayoutKey[] = [
      "orientation",
      "paperSize",
      "zoom",
      "topMargin",
      "bottomMargin",
      "leftMargin",
      "rightMargin",
      "headerMargin",
      "footerMargin",
      "centerHorizontally",
      "centerVertically",
      "printGridlines",
      "printHeadings",
      "blackAndWhite",
      "draftMode",
      "printOrder",
    ];
    return Object.fromEntries(keys.map((key) => [key, (s: SheetModel) => s.pageLayout[key]]));
  }

  declare readonly headersFooters: FakeHeaderFooterGroup;

  static {
    declareProperties(this, {
      navigation: {
        headersFooters: (self) => make(new FakeHeaderFooterGroup(self._ctx, () => self._target("PageLayout.headersFooters"))),
      },
    });
  }

  private _set<K extends LayoutKey>(key: K, value: unknown, check: (v: unknown) => PageLayoutModel[K] | undefined): void {
    const location = `PageLayout.${key}`;
    this._write(key, value, (sheet, v) => {
      const checked = check(v);
      if (checked === undefined) throw officeError("InvalidArgument", undefined, location);
      sheet.pageLayout[key] = checked;
      sheet.workbook.touch();
    });
  }

  get orientation(): Excel.PageLayout["orientation"] {
    return this._read("orientation");
  }
  set orientation(value: Excel.PageLayout["orientation"]) {
    this._set("orientation", value, (v) => (v === "Portrait" || v === "Landscape" ? v : undefined));
  }

  get paperSize(): Excel.PageLayout["paperSize"] {
    return this._read("paperSize");
  }
  set paperSize(value: Excel.PageLayout["paperSize"]) {
    this._set("paperSize", value, (v) => (PAPER_TYPES.includes(String(v)) ? String(v) : undefined));
  }

  get zoom(): Excel.PageLayout["zoom"] {
    return this._read("zoom");
  }
  set zoom(value: Excel.PageLayout["zoom"]) {
    this._set("zoom", value, (v) => normaliseZoom(v, "PageLayout.zoom"));
  }

  get topMargin(): number {
    return this._read("topMargin");
  }
  set topMargin(value: number) {
    this._set("topMargin", value, (v) => (isMargin(v) ? (v as number) : undefined));
  }
  get bottomMargin(): number {
    return this._read("bottomMargin");
  }
  set bottomMargin(value: number) {
    this._set("bottomMargin", value, (v) => (isMargin(v) ? (v as number) : undefined));
  }
  get leftMargin(): number {
    return this._read("leftMargin");
  }
  set leftMargin(value: number) {
    this._set("leftMargin", value, (v) => (isMargin(v) ? (v as number) : undefined));
  }
  get rightMargin(): number {
    return this._read("rightMargin");
  }
  set rightMargin(value: number) {
    this._set("rightMargin", value, (v) => (isMargin(v) ? (v as number) : undefined));
  }
  get headerMargin(): number {
    return this._read("headerMargin");
  }
  set headerMargin(value: number) {
    this._set("headerMargin", value, (v) => (isMargin(v) ? (v as number) : undefined));
  }
  get footerMargin(): number {
    return this._read("footerMargin");
  }
  set footerMargin(value: number) {
    this._set("footerMargin", value, (v) => (isMargin(v) ? (v as number) : undefined));
  }

  get centerHorizontally(): boolean {
    return this._read("centerHorizontally");
  }
  set centerHorizontally(value: boolean) {
    this._set("centerHorizontally", value, (v) => (isBool(v) ? (v as boolean) : undefined));
  }
  get centerVertically(): boolean {
    return this._read("centerVertically");
  }
  set centerVertically(value: boolean) {
    this._set("centerVertically", value, (v) => (isBool(v) ? (v as boolean) : undefined));
  }
  get printGridlines(): boolean {
    return this._read("printGridlines");
  }
  set printGridlines(value: boolean) {
    this._set("printGridlines", value, (v) => (isBool(v) ? (v as boolean) : undefined));
  }
  get printHeadings(): boolean {
    return this._read("printHeadings");
  }
  set printHeadings(value: boolean) {
    this._set("printHeadings", value, (v) => (isBool(v) ? (v as boolean) : undefined));
  }
  get blackAndWhite(): boolean {
    return this._read("blackAndWhite");
  }
  set blackAndWhite(value: boolean) {
    this._set("blackAndWhite", value, (v) => (isBool(v) ? (v as boolean) : undefined));
  }
  get draftMode(): boolean {
    return this._read("draftMode");
  }
  set draftMode(value: boolean) {
    this._set("draftMode", value, (v) => (isBool(v) ? (v as boolean) : undefined));
  }

  get printOrder(): Excel.PageLayout["printOrder"] {
    return this._read("printOrder");
  }
  set printOrder(value: Excel.PageLayout["printOrder"]) {
    this._set("printOrder", value, (v) => (v === "DownThenOver" || v === "OverThenDown" ? v : undefined));
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
            if (!isBool(v)) throw officeError("InvalidArgument", undefined, "HeaderFooterGroup.useSheetMargins");
            s.pageLayout.headersFooters.useSheetMargins = v as boolean;
            s.workbook.touch();
          },
        },
        useSheetScale: {
          get: (s) => s.pageLayout.headersFooters.useSheetScale,
          set: (s, v) => {
            if (!isBool(v)) throw officeError("InvalidArgument", undefined, "HeaderFooterGroup.useSheetScale");
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

export class FakeHeaderFooter extends FakeObject<HeaderFooterTarget> implements Mirror<Excel.HeaderFooter, HeaderFooterKey | "load"> {
  readonly _typeName = "HeaderFooter";

  protected override _scalars(): ScalarGetters<HeaderFooterTarget> {
    return Object.fromEntries(HF_KEYS.map((key) => [key, (t: HeaderFooterTarget) => t.sheet.pageLayout.headersFooters[t.set][key]]));
  }

  private _text(key: HeaderFooterKey, value: unknown): void {
    this._write(key, value, (t, v) => {
      // Excel limits each header or footer section to 255 characters.
      if (typeof v !== "string" || v.length > 255) throw officeError("InvalidArgument", undefined, `HeaderFooter.${key}`);
      t.sheet.pageLayout.headersFooters[t.set][key] = v;
      t.sheet.workbook.touch();
    });
  }

  get leftHeader(): string {
    return this._read("leftHeader");
  }
  set leftHeader(value: string) {
    this._text("leftHeader", value);
  }
  get centerHeader(): string {
    return this._read("centerHeader");
  }
  set centerHeader(value: string) {
    this._text("centerHeader", value);
  }
  get rightHeader(): string {
    return this._read("rightHeader");
  }
  set rightHeader(value: string) {
    this._text("rightHeader", value);
  }
  get leftFooter(): string {
    return this._read("leftFooter");
  }
  set leftFooter(value: string) {
    this._text("leftFooter", value);
  }
  get centerFooter(): string {
    return this._read("centerFooter");
  }
  set centerFooter(value: string) {
    this._text("centerFooter", value);
  }
  get rightFooter(): string {
    return this._read("rightFooter");
  }
  set rightFooter(value: string) {
    this._text("rightFooter", value);
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
