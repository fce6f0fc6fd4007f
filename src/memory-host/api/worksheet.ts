/// <reference types="office-js" />
/**
 * Fakes of `Excel.Workbook`, `Application`, `WorksheetCollection`, `Worksheet`, its protection and
 * freeze panes, and the `onChanged` event handlers.
 */
import type { Rect} from "../address";
import { inGrid, isEntireColumns, isEntireRows, MAX_COLUMNS, MAX_ROWS, parseAddress } from "../address";
import { FakeChartCollection } from "./chart";
import type { FakeClientResult, FakeRequestContext, HandlerRegistration, HostInternals, Mirror, ScalarGetters } from "./core";
import { clientResult, FakeCollection, FakeObject, guard, make, sameContext } from "./core";
import { FakeNamedItemCollection } from "./named-items";
import type { NoteScope } from "./notes";
import { FakeNoteCollection } from "./notes";
import { FakePageBreakCollection, FakePageLayout } from "./page-layout";
import type { PivotScope } from "./pivot-table";
import { FakePivotTableCollection } from "./pivot-table";
import type { FakeRange} from "./range";
import { makeRange, rangeTarget, resolveRangeArgument } from "./range";
import { FakeTableCollection } from "./table";
import { MESSAGES, officeError } from "../errors";
import { defaultProtectionOptions } from "../model/cells";
import type { SheetModel } from "../model/sheet";
import type { WorkbookModel } from "../model/workbook";
import { normaliseColour } from "../values";

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
      registration = { scope: this._scope(), event: this._event, handler: handler as HandlerRegistration["handler"], context: this._context };
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
      this._host.unregisterHandler((r) => r.handler === (handler as HandlerRegistration["handler"]) && r.scope === scope && r.event === this._event);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook and application

export class FakeWorkbook
  extends FakeObject<WorkbookModel>
  implements Mirror<Excel.Workbook, "getSelectedRange" | "getActiveCell" | "load" | "name">
{
  readonly _typeName = "Workbook";

  constructor(context: FakeRequestContext) {
    super(context, () => context._host.model, { bound: context._host.model });
  }

  protected _scalars(): ScalarGetters<WorkbookModel> {
    return { name: () => "Book1.xlsx" };
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "worksheets") return this.worksheets as unknown as FakeObject<unknown>;
    if (name === "tables") return this.tables as unknown as FakeObject<unknown>;
    if (name === "application") return this.application as unknown as FakeObject<unknown>;
    if (name === "pivotTables") return this.pivotTables as unknown as FakeObject<unknown>;
    if (name === "names") return this.names as unknown as FakeObject<unknown>;
    return undefined;
  }

  get name(): Excel.Workbook["name"] {
    return this._read("name");
  }

  get worksheets(): FakeWorksheetCollection {
    return this._nav("worksheets", () => make(new FakeWorksheetCollection(this._ctx)));
  }

  get tables(): FakeTableCollection {
    return this._nav("tables", () => make(new FakeTableCollection(this._ctx, () => ({ workbook: this._ctx._host.model }))));
  }

  get pivotTables(): FakePivotTableCollection {
    return this._nav("pivotTables", () => make(new FakePivotTableCollection(this._ctx, (): PivotScope => ({ workbook: this._ctx._host.model }))));
  }

  get names(): FakeNamedItemCollection {
    return this._nav("names", () => make(new FakeNamedItemCollection(this._ctx, () => this._ctx._host.model, { bound: this._ctx._host.model })));
  }

  get application(): FakeApplication {
    return this._nav("application", () => make(new FakeApplication(this._ctx)));
  }

  get notes(): FakeNoteCollection {
    return this._nav("notes", () => make(new FakeNoteCollection(this._ctx, (): NoteScope => ({ workbook: this._ctx._host.model }))));
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

export class FakeApplication
  extends FakeObject<WorkbookModel>
  implements Mirror<Excel.Application, "suspendApiCalculationUntilNextSync" | "calculationMode" | "load">
{
  readonly _typeName = "Application";

  constructor(context: FakeRequestContext) {
    super(context, () => context._host.model, { bound: context._host.model });
  }

  protected _scalars(): ScalarGetters<WorkbookModel> {
    return { calculationMode: () => "Automatic" };
  }

  get calculationMode(): Excel.Application["calculationMode"] {
    return this._read("calculationMode");
  }

  suspendApiCalculationUntilNextSync(): void {
    this._queue("suspendApiCalculationUntilNextSync", (model) => {
      model.calculationSuspended = true;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

export class FakeWorksheetCollection
  extends FakeCollection<WorkbookModel, SheetModel, FakeWorksheet>
  implements
    Mirror<
      Excel.WorksheetCollection,
      "add" | "getItem" | "getItemOrNullObject" | "getActiveWorksheet" | "getCount" | "getFirst" | "getLast" | "load"
    >
{
  readonly _typeName = "WorksheetCollection";

  constructor(context: FakeRequestContext) {
    super(context, () => context._host.model, { bound: context._host.model });
  }

  protected _scalars(): ScalarGetters<WorkbookModel> {
    return {};
  }

  protected _itemTargets(model: WorkbookModel): SheetModel[] {
    return [...model.sheets];
  }

  protected _makeItem(sheet: SheetModel): FakeWorksheet {
    return make(new FakeWorksheet(this._ctx, () => sheet, { bound: sheet }));
  }

  get onChanged(): FakeEventHandlers {
    return this._nav("onChanged", () => guard(new FakeEventHandlers(this._ctx, "WorksheetCollection.onChanged", () => "workbook")));
  }

  /** ExcelApi 1.9: the user selected other cells on any sheet (host.userSelect raises it). */
  get onSelectionChanged(): FakeEventHandlers {
    return this._nav("onSelectionChanged", () =>
      guard(new FakeEventHandlers(this._ctx, "WorksheetCollection.onSelectionChanged", () => "workbook", "onSelectionChanged")),
    );
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | undefined;
    this._queue("add", (model) => {
      created = model.addSheet(name, "WorksheetCollection.add");
    });
    return make(
      new FakeWorksheet(this._ctx, () => {
        if (!created) throw officeError("ItemNotFound", undefined, "WorksheetCollection.add");
        return created;
      }),
    );
  }

  getItem(key: string): FakeWorksheet {
    return make(new FakeWorksheet(this._ctx, () => this._target().getSheet(key, "WorksheetCollection.getItem")));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return make(new FakeWorksheet(this._ctx, () => (typeof key === "string" ? (this._target().findSheet(key) ?? null) : null)))._asNullable();
  }

  getActiveWorksheet(): FakeWorksheet {
    return make(new FakeWorksheet(this._ctx, () => this._target().activeSheet));
  }

  getCount(visibleOnly?: boolean): FakeClientResult<number> {
    return clientResult(this, "getCount", (model) => (visibleOnly ? model.visibleSheets().length : model.sheets.length));
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    return make(
      new FakeWorksheet(this._ctx, () => {
        const model = this._target();
        const sheet = (visibleOnly ? model.visibleSheets() : model.sheets)[0];
        if (!sheet) throw officeError("ItemNotFound", undefined, "WorksheetCollection.getFirst");
        return sheet;
      }),
    );
  }

  getLast(visibleOnly?: boolean): FakeWorksheet {
    return make(
      new FakeWorksheet(this._ctx, () => {
        const model = this._target();
        const list = visibleOnly ? model.visibleSheets() : model.sheets;
        const sheet = list[list.length - 1];
        if (!sheet) throw officeError("ItemNotFound", undefined, "WorksheetCollection.getLast");
        return sheet;
      }),
    );
  }
}

type WorksheetMembers =
  | "id"
  | "name"
  | "position"
  | "visibility"
  | "tabColor"
  | "standardWidth"
  | "standardHeight"
  | "activate"
  | "delete"
  | "getRange"
  | "getRangeByIndexes"
  | "getCell"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "load";

export class FakeWorksheet extends FakeObject<SheetModel> implements Mirror<Excel.Worksheet, WorksheetMembers> {
  readonly _typeName = "Worksheet";

  protected _scalars(): ScalarGetters<SheetModel> {
    return {
      id: (s) => s.id,
      name: (s) => s.name,
      position: (s) => s.workbook.sheets.indexOf(s),
      visibility: (s) => s.visibility,
      tabColor: (s) => s.tabColor,
      standardWidth: (s) => s.standardWidth,
      standardHeight: (s) => s.standardHeight,
    };
  }

  protected override _navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "tables") return this.tables as unknown as FakeObject<unknown>;
    if (name === "protection") return this.protection as unknown as FakeObject<unknown>;
    if (name === "pivotTables") return this.pivotTables as unknown as FakeObject<unknown>;
    if (name === "charts") return this.charts as unknown as FakeObject<unknown>;
    if (name === "pageLayout") return this.pageLayout as unknown as FakeObject<unknown>;
    return undefined;
  }

  get id(): Excel.Worksheet["id"] {
    return this._read("id");
  }

  get name(): Excel.Worksheet["name"] {
    return this._read("name");
  }
  set name(value: Excel.Worksheet["name"]) {
    this._write("name", value, (sheet, v) => sheet.workbook.renameSheet(sheet, v, "Worksheet.name"));
  }

  get position(): Excel.Worksheet["position"] {
    return this._read("position");
  }
  set position(value: Excel.Worksheet["position"]) {
    this._write("position", value, (sheet, v) => sheet.workbook.moveSheet(sheet, v, "Worksheet.position"));
  }

  get visibility(): Excel.Worksheet["visibility"] {
    return this._read("visibility");
  }
  set visibility(value: Excel.Worksheet["visibility"]) {
    this._write("visibility", value, (sheet, v) => sheet.workbook.setVisibility(sheet, v, "Worksheet.visibility"));
  }

  get tabColor(): Excel.Worksheet["tabColor"] {
    return this._read("tabColor");
  }
  set tabColor(value: Excel.Worksheet["tabColor"]) {
    this._write("tabColor", value, (sheet, v) => {
      sheet.tabColor = v === "" || v === null ? "" : normaliseColour(v, "Worksheet.tabColor");
      sheet.workbook.touch();
    });
  }

  get standardWidth(): Excel.Worksheet["standardWidth"] {
    return this._read("standardWidth");
  }
  set standardWidth(value: Excel.Worksheet["standardWidth"]) {
    this._write("standardWidth", value, (sheet, v) => {
      sheet.assertCanFormat("columns", "Worksheet.standardWidth");
      if (typeof v !== "number" || !(v >= 0 && v <= 255)) throw officeError("InvalidArgument", undefined, "Worksheet.standardWidth");
      sheet.standardWidth = v;
      sheet.workbook.touch();
    });
  }

  get standardHeight(): Excel.Worksheet["standardHeight"] {
    return this._read("standardHeight");
  }

  get tables(): FakeTableCollection {
    return this._nav("tables", () =>
      make(new FakeTableCollection(this._ctx, () => ({ workbook: this._ctx._host.model, sheet: this._target("Worksheet.tables") }))),
    );
  }

  get pivotTables(): FakePivotTableCollection {
    return this._nav("pivotTables", () =>
      make(new FakePivotTableCollection(this._ctx, (): PivotScope => ({ workbook: this._ctx._host.model, sheet: this._target("Worksheet.pivotTables") }))),
    );
  }

  get charts(): FakeChartCollection {
    return this._nav("charts", () => make(new FakeChartCollection(this._ctx, () => this._target("Worksheet.charts"))));
  }

  get horizontalPageBreaks(): FakePageBreakCollection {
    return this._nav("horizontalPageBreaks", () => make(new FakePageBreakCollection(this._ctx, () => this._target("Worksheet.horizontalPageBreaks"))));
  }

  get pageLayout(): FakePageLayout {
    return this._nav("pageLayout", () => make(new FakePageLayout(this._ctx, () => this._target("Worksheet.pageLayout"))));
  }

  get protection(): FakeWorksheetProtection {
    return this._nav("protection", () => make(new FakeWorksheetProtection(this._ctx, () => this._target("Worksheet.protection"))));
  }

  get freezePanes(): FakeWorksheetFreezePanes {
    return this._nav("freezePanes", () => make(new FakeWorksheetFreezePanes(this._ctx, () => this._target("Worksheet.freezePanes"))));
  }

  get notes(): FakeNoteCollection {
    return this._nav("notes", () =>
      make(new FakeNoteCollection(this._ctx, (): NoteScope => ({ workbook: this._ctx._host.model, sheet: this._target("Worksheet.notes") }))),
    );
  }

  get onChanged(): FakeEventHandlers {
    return this._nav("onChanged", () =>
      guard(new FakeEventHandlers(this._ctx, "Worksheet.onChanged", () => this._target("Worksheet.onChanged"))),
    );
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
      if (!values.every((v) => Number.isInteger(v)) || rowCount < 1 || columnCount < 1) throw officeError("InvalidArgument", undefined, location);
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
    return makeRange(this._ctx, () => {
      const sheet = this._target("Worksheet.getUsedRangeOrNullObject");
      const used = sheet.usedRect(valuesOnly === true);
      return used ? rangeTarget(sheet, used) : null;
    })._asNullable();
  }
}

// ---------------------------------------------------------------------------------------------
// Protection

type ProtectionMembers = "protected" | "options" | "isPasswordProtected" | "protect" | "unprotect" | "checkPassword" | "updateOptions" | "load";

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

export class FakeWorksheetProtection extends FakeObject<SheetModel> implements Mirror<Excel.WorksheetProtection, ProtectionMembers> {
  readonly _typeName = "WorksheetProtection";

  protected _scalars(): ScalarGetters<SheetModel> {
    return {
      protected: (s) => s.protection.protected,
      options: (s) => ({ ...s.protection.options }),
      isPasswordProtected: (s) => s.protection.protected && s.protection.password !== null,
    };
  }

  get protected(): Excel.WorksheetProtection["protected"] {
    return this._read("protected");
  }
  get options(): Excel.WorksheetProtection["options"] {
    return this._read("options");
  }
  get isPasswordProtected(): Excel.WorksheetProtection["isPasswordProtected"] {
    return this._read("isPasswordProtected");
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

function frozenRect(sheet: SheetModel): Rect | null {
  const { rows, columns } = sheet.freeze;
  if (rows > 0 && columns > 0) return { r0: 0, c0: 0, r1: rows - 1, c1: columns - 1 };
  if (rows > 0) return { r0: 0, c0: 0, r1: rows - 1, c1: MAX_COLUMNS - 1 };
  if (columns > 0) return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: columns - 1 };
  return null;
}

export class FakeWorksheetFreezePanes
  extends FakeObject<SheetModel>
  implements Mirror<Excel.WorksheetFreezePanes, "freezeAt" | "freezeColumns" | "freezeRows" | "getLocation" | "getLocationOrNullObject" | "unfreeze">
{
  readonly _typeName = "WorksheetFreezePanes";

  protected _scalars(): ScalarGetters<SheetModel> {
    return {};
  }

  private _freeze(member: string, compute: (sheet: SheetModel) => { rows: number; columns: number }): void {
    this._queue(member, (sheet) => {
      sheet.freeze = compute(sheet);
      sheet.workbook.touch();
    });
  }

  freezeRows(count?: number): void {
    this._freeze("freezeRows", () => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_ROWS) throw officeError("InvalidArgument", undefined, "WorksheetFreezePanes.freezeRows");
      return { rows: n, columns: 0 };
    });
  }

  freezeColumns(count?: number): void {
    this._freeze("freezeColumns", () => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_COLUMNS) throw officeError("InvalidArgument", undefined, "WorksheetFreezePanes.freezeColumns");
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
    return makeRange(this._ctx, () => {
      const sheet = this._target("WorksheetFreezePanes.getLocation");
      const r = frozenRect(sheet);
      if (!r) throw officeError("ItemNotFound", undefined, "WorksheetFreezePanes.getLocation");
      return rangeTarget(sheet, r);
    });
  }

  getLocationOrNullObject(): FakeRange {
    return makeRange(this._ctx, () => {
      const sheet = this._target("WorksheetFreezePanes.getLocationOrNullObject");
      const r = frozenRect(sheet);
      return r ? rangeTarget(sheet, r) : null;
    })._asNullable();
  }
}
