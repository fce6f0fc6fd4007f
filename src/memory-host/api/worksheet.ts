/// <reference types="office-js" />
/**
 * Fakes of `Excel.Workbook`, `Application`, `WorksheetCollection`, `Worksheet`, its protection and
 * freeze panes, and the `onChanged` event handlers.
 */
import type { Rect } from "../address";
import type { Scalars } from "./properties";
import { inGrid, isEntireColumns, isEntireRows, MAX_COLUMNS, MAX_ROWS, parseAddress } from "../address";
import { FakeChartCollection } from "./chart";
import type { FakeClientResult, FakeRequestContext, HandlerRegistration, HostInternals, Mirror } from "./core";
import { clientResult, FakeObject, guard, make, sameContext } from "./core";
import { FakeKeyedCollection } from "./collection";
import { FakeNamedItemCollection } from "./named-items";
import type { NoteScope } from "./notes";
import { FakeNoteCollection } from "./notes";
import { FakePageBreakCollection, FakePageLayout } from "./page-layout";
import type { PivotScope } from "./pivot-table";
import { FakePivotTableCollection } from "./pivot-table";
import type { RangeTarget } from "./range";
import { makeRange, rangeFrom, rangeTarget, resolveRangeArgument } from "./range";
import { FakeTableCollection } from "./table";
import { MESSAGES, officeError } from "../errors";
import { defaultProtectionOptions } from "../model/cells";
import { normaliseColour } from "../values";
import { FakeRange } from "./range";
import { FakeTable } from "./table";
import { FakeChart } from "./chart";
import { FakePivotTable } from "./pivot-table";
import { declareProperties, stored, withProperties } from "./properties";
import type { SheetModel, WorkbookModel } from "../model/types";

// ---------------------------------------------------------------------------------------------
// Events

type ChangedHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

export class FakeEventHandlerResult {
  readonly _typeName = "EventHandlerResult";

  constructor(
    readonly context: FakeRequestContext,
    private readonly _remove: () => void,
  ) {}

  get _host(): HostInternals {
    return this.context._host;
  }

  /** Removes the handler (at the next sync, or at once if the batch has finished). */
  remove(): void {
    if (this.context._closed) this._remove();
    else this.context._enqueue("EventHandlerResult.remove", this._remove);
  }
}

/** `OfficeExtension.EventHandlers<WorksheetChangedEventArgs>`: registration happens at sync. */
export class FakeEventHandlers {
  readonly _typeName: string;

  constructor(
    private readonly _context: FakeRequestContext,
    typeName: string,
    private readonly _scope: () => "workbook" | SheetModel,
    private readonly _event: HandlerRegistration["event"] = "onChanged",
  ) {
    this._typeName = typeName;
  }

  get _host(): HostInternals {
    return this._context._host;
  }

  add(handler: ChangedHandler): FakeEventHandlerResult {
    let registration: HandlerRegistration | undefined;
    this._context._enqueue(`${this._typeName}.add`, () => {
      registration = {
        scope: this._scope(),
        event: this._event,
        handler: handler as HandlerRegistration["handler"],
        context: this._context,
      };
      this._host.registerHandler(registration);
    });
    return guard(
      new FakeEventHandlerResult(this._context, () => {
        this._host.unregisterHandler((r) => r === registration);
      }),
    );
  }

  remove(handler: ChangedHandler): void {
    this._context._enqueue(`${this._typeName}.remove`, () => {
      const scope = this._scope();
      this._host.unregisterHandler(
        (r) => r.handler === (handler as HandlerRegistration["handler"]) && r.scope === scope && r.event === this._event,
      );
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook and application

export class FakeWorkbook
  extends withProperties<Excel.Workbook, "name">()(FakeObject<WorkbookModel>)
  implements Mirror<Excel.Workbook, "getSelectedRange" | "getActiveCell" | "load">
{
  readonly _typeName = "Workbook";

  constructor(context: FakeRequestContext) {
    super(context, () => context._host.model, { bound: context._host.model });
  }

  declare readonly worksheets: FakeWorksheetCollection;
  declare readonly tables: FakeTableCollection;
  declare readonly pivotTables: FakePivotTableCollection;
  declare readonly names: FakeNamedItemCollection;
  declare readonly application: FakeApplication;
  declare readonly notes: FakeNoteCollection;

  static {
    declareProperties(this, {
      scalars: {
        name: () => "Book1.xlsx",
      },
      navigation: {
        worksheets: (self) => make(new FakeWorksheetCollection(self._ctx)),
        tables: (self) => make(new FakeTableCollection(self._ctx, () => ({ workbook: self._ctx._host.model }))),
        pivotTables: (self) => make(new FakePivotTableCollection(self._ctx, (): PivotScope => ({ workbook: self._ctx._host.model }))),
        names: (self) => make(new FakeNamedItemCollection(self._ctx, () => self._ctx._host.model, { bound: self._ctx._host.model })),
        application: (self) => make(new FakeApplication(self._ctx)),
        notes: (self) => make(new FakeNoteCollection(self._ctx, (): NoteScope => ({ workbook: self._ctx._host.model }))),
      },
    });
  }

  /** What `context.runtime` returns (Office.js: `context.workbook._Runtime`). */
  get _runtime(): FakeRuntime {
    return this._nav("_runtime", () => make(new FakeRuntime(this._ctx)));
  }

  getSelectedRange(): FakeRange {
    return makeRange(this._ctx, () => {
      const sheet = this._ctx._host.model.activeSheet;
      return rangeTarget(sheet, sheet.selection);
    });
  }

  getActiveCell(): FakeRange {
    return makeRange(this._ctx, () => {
      const sheet = this._ctx._host.model.activeSheet;
      return rangeTarget(sheet, { r0: sheet.selection.r0, c0: sheet.selection.c0, r1: sheet.selection.r0, c1: sheet.selection.c0 });
    });
  }
}

/**
 * `Excel.Runtime` (ExcelApi 1.5) and its `enableEvents` (1.8): "Toggle JavaScript events in the
 * current task pane or content add-in" (learn.microsoft.com/javascript/api/excel/excel.runtime).
 * The setting belongs to the add-in's runtime, so it is the host's, not a workbook's; it takes
 * effect at its place in the sync (changes queued before it are reported by the old setting).
 */
export class FakeRuntime
  extends withProperties<Excel.Runtime, "enableEvents">()(FakeObject<WorkbookModel>)
  implements Mirror<Excel.Runtime, "load">
{
  readonly _typeName = "Runtime";

  constructor(context: FakeRequestContext) {
    super(context, () => context._host.model, { bound: context._host.model });
  }

  static {
    declareProperties(this, {
      scalars: {
        enableEvents: {
          get: (_model, self) => self._host.eventsEnabled(),
          set: (_model, value, self, location) => {
            if (typeof value !== "boolean") throw officeError("InvalidArgument", undefined, location);
            self._host.setEventsEnabled(value);
          },
        },
      },
    });
  }
}

export class FakeApplication
  extends withProperties<Excel.Application, "calculationMode">()(FakeObject<WorkbookModel>)
  implements Mirror<Excel.Application, "suspendApiCalculationUntilNextSync" | "load">
{
  readonly _typeName = "Application";

  constructor(context: FakeRequestContext) {
    super(context, () => context._host.model, { bound: context._host.model });
  }


  static {
    declareProperties(this, { scalars: { calculationMode: () => "Automatic" } });
  }

  suspendApiCalculationUntilNextSync(): void {
    this._queue("suspendApiCalculationUntilNextSync", (model) => {
      model.calculationSuspended = true;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Protection

type ProtectionMembers = "protect" | "unprotect" | "checkPassword" | "updateOptions" | "load";

const OPTION_KEYS = Object.keys(defaultProtectionOptions());

function normaliseOptions(options: unknown, location: string): Partial<Excel.WorksheetProtectionOptions> {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object") throw officeError("InvalidArgument", undefined, location);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (!OPTION_KEYS.includes(key)) throw officeError("InvalidArgument", undefined, location);
    if (key === "selectionMode" ? !["Normal", "Unlocked", "None"].includes(String(value)) : typeof value !== "boolean") {
      throw officeError("InvalidArgument", undefined, location);
    }
    out[key] = value;
  }
  return out as Partial<Excel.WorksheetProtectionOptions>;
}

export class FakeWorksheetProtection
  extends withProperties<Excel.WorksheetProtection, "protected" | "options" | "isPasswordProtected">()(FakeObject<SheetModel>)
  implements Mirror<Excel.WorksheetProtection, ProtectionMembers>
{
  readonly _typeName = "WorksheetProtection";

  static {
    declareProperties(this, {
      scalars: {
        protected: (s) => s.protection.protected,
        options: (s) => ({ ...s.protection.options }),
        isPasswordProtected: (s) => s.protection.protected && s.protection.password !== null,
      },
    });
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this._queue("protect", (sheet) => {
      // Office's reference: "Protects a worksheet. Fails if the worksheet has already been protected."
      // (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection). The code is
      // a judgement call: InvalidOperation, with the protection left as it was.
      if (sheet.protection.protected) throw officeError("InvalidOperation", MESSAGES.alreadyProtected, "WorksheetProtection.protect");
      sheet.protection = {
        protected: true,
        options: { ...defaultProtectionOptions(), ...normaliseOptions(options, "WorksheetProtection.protect") },
        password: password === undefined || password === null || password === "" ? null : String(password),
      };
      sheet.workbook.touch();
    });
  }

  unprotect(password?: string): void {
    this._queue("unprotect", (sheet) => {
      if (!sheet.protection.protected) return;
      if (sheet.protection.password !== null && password !== sheet.protection.password) {
        throw officeError("AccessDenied", MESSAGES.wrongPassword, "WorksheetProtection.unprotect");
      }
      sheet.protection = { ...sheet.protection, protected: false, password: null };
      sheet.workbook.touch();
    });
  }

  checkPassword(password?: string): FakeClientResult<boolean> {
    return clientResult(this, "checkPassword", (sheet) => sheet.protection.password === null || sheet.protection.password === password);
  }

  updateOptions(options: Excel.WorksheetProtectionOptions): void {
    this._queue("updateOptions", (sheet) => {
      if (!sheet.protection.protected) throw officeError("InvalidOperation", undefined, "WorksheetProtection.updateOptions");
      sheet.protection.options = { ...sheet.protection.options, ...normaliseOptions(options, "WorksheetProtection.updateOptions") };
      sheet.workbook.touch();
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Freeze panes

function frozenRange(sheet: SheetModel): RangeTarget | null {
  const { rows, columns } = sheet.freeze;
  if (rows === 0 && columns === 0) return null;
  return rangeTarget(sheet, { r0: 0, c0: 0, r1: (rows || MAX_ROWS) - 1, c1: (columns || MAX_COLUMNS) - 1 });
}

export class FakeWorksheetFreezePanes
  extends FakeObject<SheetModel>
  implements
    Mirror<Excel.WorksheetFreezePanes, "freezeAt" | "freezeColumns" | "freezeRows" | "getLocation" | "getLocationOrNullObject" | "unfreeze">
{
  readonly _typeName = "WorksheetFreezePanes";

  private _freeze(member: string, compute: (sheet: SheetModel) => { rows: number; columns: number }): void {
    this._queue(member, (sheet) => {
      sheet.freeze = compute(sheet);
      sheet.workbook.touch();
    });
  }

  freezeRows(count?: number): void {
    this._freeze("freezeRows", () => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_ROWS)
        throw officeError("InvalidArgument", undefined, "WorksheetFreezePanes.freezeRows");
      return { rows: n, columns: 0 };
    });
  }

  freezeColumns(count?: number): void {
    this._freeze("freezeColumns", () => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_COLUMNS)
        throw officeError("InvalidArgument", undefined, "WorksheetFreezePanes.freezeColumns");
      return { rows: 0, columns: n };
    });
  }

  freezeAt(frozenRange: Excel.Range | string): void {
    sameContext(this._ctx, frozenRange, "WorksheetFreezePanes.freezeAt");
    this._freeze("freezeAt", (sheet) => {
      const target = resolveRangeArgument(sheet, frozenRange, "WorksheetFreezePanes.freezeAt");
      if (target.sheet !== sheet) throw officeError("InvalidArgument", undefined, "WorksheetFreezePanes.freezeAt");
      const r = target.rect;
      return { rows: isEntireColumns(r) ? 0 : r.r1 + 1, columns: isEntireRows(r) ? 0 : r.c1 + 1 };
    });
  }

  unfreeze(): void {
    this._freeze("unfreeze", () => ({ rows: 0, columns: 0 }));
  }

  getLocation(): FakeRange {
    return rangeFrom(this, "getLocation", frozenRange);
  }

  getLocationOrNullObject(): FakeRange {
    return rangeFrom(this, "getLocationOrNullObject", frozenRange, "null");
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

export class FakeWorksheetCollection
  extends FakeKeyedCollection<WorkbookModel, SheetModel, FakeWorksheet>
  implements
    Mirror<
      Excel.WorksheetCollection,
      "add" | "getItem" | "getItemOrNullObject" | "getActiveWorksheet" | "getCount" | "getFirst" | "getLast" | "load"
    >
{
  readonly _typeName = "WorksheetCollection";
  protected readonly _itemClass = FakeWorksheet;

  constructor(context: FakeRequestContext) {
    super(context, () => context._host.model, { bound: context._host.model });
  }

  declare readonly onChanged: FakeEventHandlers;
  /** ExcelApi 1.9: the user selected other cells on any sheet (host.userSelect raises it). */
  declare readonly onSelectionChanged: FakeEventHandlers;

  static {
    declareProperties(this, {
      navigation: {
        onChanged: (self) => guard(new FakeEventHandlers(self._ctx, "WorksheetCollection.onChanged", () => "workbook")),
        onSelectionChanged: (self) =>
          guard(new FakeEventHandlers(self._ctx, "WorksheetCollection.onSelectionChanged", () => "workbook", "onSelectionChanged")),
      },
    });
  }

  protected _itemTargets(model: WorkbookModel): SheetModel[] {
    return [...model.sheets];
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | undefined;
    this._queue("add", (model) => {
      created = model.addSheet(name, "WorksheetCollection.add");
    });
    return this._created("WorksheetCollection.add", () => created);
  }

  /** A sheet by name (without case) or id. */
  protected _find(model: WorkbookModel, key: string): SheetModel | undefined {
    return typeof key === "string" ? model.findSheet(key) : undefined;
  }

  getActiveWorksheet(): FakeWorksheet {
    return make(new FakeWorksheet(this._ctx, () => this._target().activeSheet));
  }

  override getCount(visibleOnly?: boolean): FakeClientResult<number> {
    return clientResult(this, "getCount", (model) => (visibleOnly ? model.visibleSheets() : model.sheets).length);
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    return this._item("getFirst", (model) => (visibleOnly ? model.visibleSheets() : model.sheets)[0]);
  }

  getLast(visibleOnly?: boolean): FakeWorksheet {
    return this._item("getLast", (model) => (visibleOnly ? model.visibleSheets() : model.sheets).at(-1));
  }
}

type WorksheetMembers =
  | "activate"
  | "delete"
  | "getRange"
  | "getRangeByIndexes"
  | "getCell"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "load";

const WORKSHEET_PROPERTIES = {
  id: (s) => s.id,
  name: { get: (s) => s.name, set: (sheet, v) => sheet.workbook.renameSheet(sheet, v, "Worksheet.name") },
  position: { get: (s) => s.workbook.sheets.indexOf(s), set: (sheet, v) => sheet.workbook.moveSheet(sheet, v, "Worksheet.position") },
  visibility: { get: (s) => s.visibility, set: (sheet, v) => sheet.workbook.setVisibility(sheet, v, "Worksheet.visibility") },
  tabColor: {
    get: (s) => s.tabColor,
    set: (sheet, v) => {
      sheet.tabColor = v === "" || v === null ? "" : normaliseColour(v, "Worksheet.tabColor");
      sheet.workbook.touch();
    },
  },
  standardWidth: stored(
    (s) => s,
    "standardWidth",
    (v) => (typeof v === "number" && v >= 0 && v <= 255 ? v : undefined),
    (sheet) => sheet.workbook.touch(),
    (sheet, location) => sheet.assertCanFormat("columns", location),
  ),
  standardHeight: (s) => s.standardHeight,
} satisfies Scalars<SheetModel>;

export class FakeWorksheet
  extends withProperties<Excel.Worksheet, keyof typeof WORKSHEET_PROPERTIES>()(FakeObject<SheetModel>)
  implements Mirror<Excel.Worksheet, WorksheetMembers>
{
  readonly _typeName = "Worksheet";

  declare readonly tables: FakeTableCollection;
  declare readonly pivotTables: FakePivotTableCollection;
  declare readonly charts: FakeChartCollection;
  declare readonly horizontalPageBreaks: FakePageBreakCollection;
  declare readonly pageLayout: FakePageLayout;
  declare readonly protection: FakeWorksheetProtection;
  declare readonly freezePanes: FakeWorksheetFreezePanes;
  declare readonly notes: FakeNoteCollection;
  declare readonly onChanged: FakeEventHandlers;

  static {
    declareProperties(this, {
      scalars: WORKSHEET_PROPERTIES,
      navigation: {
        tables: (self) =>
          make(new FakeTableCollection(self._ctx, () => ({ workbook: self._ctx._host.model, sheet: self._target("Worksheet.tables") }))),
        pivotTables: (self) =>
          make(
            new FakePivotTableCollection(self._ctx, (): PivotScope => ({
              workbook: self._ctx._host.model,
              sheet: self._target("Worksheet.pivotTables"),
            })),
          ),
        notes: (self) =>
          make(
            new FakeNoteCollection(self._ctx, (): NoteScope => ({
              workbook: self._ctx._host.model,
              sheet: self._target("Worksheet.notes"),
            })),
          ),
        onChanged: (self) => guard(new FakeEventHandlers(self._ctx, "Worksheet.onChanged", () => self._target("Worksheet.onChanged"))),
      },
      parts: {
        charts: FakeChartCollection,
        horizontalPageBreaks: FakePageBreakCollection,
        pageLayout: FakePageLayout,
        protection: FakeWorksheetProtection,
        freezePanes: FakeWorksheetFreezePanes,
      },
    });
  }

  activate(): void {
    this._queue("activate", (sheet) => sheet.workbook.activate(sheet, "Worksheet.activate"));
  }

  delete(): void {
    this._queue("delete", (sheet) => sheet.workbook.deleteSheet(sheet, "Worksheet.delete"));
  }

  getRange(address?: string): FakeRange {
    const location = "Worksheet.getRange";
    return makeRange(this._ctx, () => {
      const sheet = this._target(location);
      if (address === undefined || address === null) return rangeTarget(sheet, { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 });
      const parsed = parseAddress(address, location);
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw officeError("InvalidArgument", undefined, location);
      }
      return rangeTarget(sheet, parsed.rect);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const location = "Worksheet.getRangeByIndexes";
    return makeRange(this._ctx, () => {
      const sheet = this._target(location);
      const values = [startRow, startColumn, rowCount, columnCount];
      if (!values.every((v) => Number.isInteger(v)) || rowCount < 1 || columnCount < 1)
        throw officeError("InvalidArgument", undefined, location);
      const r: Rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (!inGrid(r)) throw officeError("InvalidArgument", undefined, location);
      return rangeTarget(sheet, r);
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return makeRange(this._ctx, () => {
      const sheet = this._target("Worksheet.getUsedRange");
      // An empty sheet's used range is A1.
      return rangeTarget(sheet, sheet.usedRect(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return rangeFrom(
      this,
      "getUsedRangeOrNullObject",
      (sheet) => {
        const used = sheet.usedRect(valuesOnly === true);
        return used && rangeTarget(sheet, used);
      },
      "null",
    );
  }
}

// ---------------------------------------------------------------------------------------------
// `worksheet` of the objects that live on a sheet. Declared here, where FakeWorksheet is, so that
// those families need not import this one (which imports them).

declare module "./range" {
  interface FakeRange {
    readonly worksheet: FakeWorksheet;
  }
}
declare module "./table" {
  interface FakeTable {
    readonly worksheet: FakeWorksheet;
  }
}
declare module "./chart" {
  interface FakeChart {
    readonly worksheet: FakeWorksheet;
  }
}
declare module "./pivot-table" {
  interface FakePivotTable {
    readonly worksheet: FakeWorksheet;
  }
}

function declareWorksheet<T extends { sheet: SheetModel }>(cls: { prototype: FakeObject<T> }): void {
  declareProperties(cls, {
    navigation: { worksheet: (self) => make(new FakeWorksheet(self._ctx, () => self._target(`${self._typeName}.worksheet`).sheet)) },
  });
}
declareWorksheet(FakeRange);
declareWorksheet(FakeTable);
declareWorksheet(FakeChart);
declareWorksheet(FakePivotTable);
