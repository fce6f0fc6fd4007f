/// <reference types="office-js" />
/**
 * `MemoryExcelHost`: an in-memory Excel that runs Office.js-style batches (`host.run`), counts
 * syncs, simulates a user's edits and change events, and exposes its workbook model for tests and
 * for the read-only grid of the task pane's preview mode. Pure TypeScript: no Node APIs.
 */
import { formatArea, parseAddress } from "./address";
import type { HandlerRegistration, HostInternals } from "./api/core";
import { FakeRequestContext, guard, make } from "./api/core";
import { FakeWorkbook, type FakeWorksheetCollection } from "./api";
import type { OfficeErrorCode } from "./errors";
import { apiNotFound, NotImplementedByHostError, officeError } from "./errors";
import { satisfies } from "./model/data-validation";
import { Workbook } from "./model/workbook";
import type { WorkbookSnapshot } from "./snapshot";
import { loadSnapshot, toSnapshot } from "./snapshot";
import type { CellValue } from "./values";
import { interpretInput } from "./values";
import type { CellView, EvaluateFormula, ValueChange, WorkbookModel } from "./model/types";

/**
 * Excel on the web refuses a request or a response over 5 MB ("Resource limits and performance
 * optimization for Office Add-ins", and the error code ResponsePayloadSizeLimitExceeded in "Error
 * handling with the application-specific JavaScript APIs", learn.microsoft.com).
 */
export const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;

export interface MemoryExcelHostOptions {
  /** Highest ExcelApi requirement set supported (default "1.17", as in Office 2024 / current builds without 1.18). */
  apiVersion?: string;
  /** Name of the sheet a new, empty host starts with (default "Sheet1"). */
  sheetName?: string;
  /** Delay added to every sync, to make preview mode feel like Excel (default 0). */
  latencyMs?: number;
  /**
   * Fire `onChanged` for cell changes made through the API, as Excel does (with triggerSource
   * "ThisLocalAddin"). Default true.
   */
  apiChangeEvents?: boolean;
  /** Author of notes added through the API. */
  authorName?: string;
  /**
   * The most a sync's response may carry, in UTF-8 bytes of the values loaded (default 5 MB, as
   * Excel on the web: a larger response fails with ResponsePayloadSizeLimitExceeded).
   */
  responseLimitBytes?: number;
  /**
   * Optional stand-in for Excel's calculation: called when a formula is written; its result becomes
   * the cell's calculated value. Without it, formula cells read as "" until a test sets a value.
   */
  evaluateFormula?: EvaluateFormula;
}

export interface HostChange {
  kind: "sync" | "userEdit" | "seed" | "calculated";
  /** The model's version after the change. */
  version: number;
}

export type HostListener = (change: HostChange) => void;

/**
 * A typed value that the cell's data validation refuses: what Excel shows in its alert (the rule's
 * error title and message; Excel's generic wording when the rule has none) and the alert's style.
 * With "Stop" the value cannot go in; "Warning" and "Information" let the user confirm it.
 */
export class DataValidationAlert extends Error {
  constructor(
    readonly style: "Stop" | "Warning" | "Information",
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = "DataValidationAlert";
  }
}

/** Excel's words when a rule has no error message of its own. */
export const DEFAULT_VALIDATION_MESSAGE = "This value doesn't match the data validation restrictions defined for this cell.";

/** Compares dotted versions numerically ("1.9" < "1.13"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class MemoryExcelHost {
  /** The live workbook model (plain data plus Excel's operations). */
  readonly workbook: WorkbookModel;
  readonly apiVersion: string;
  /** Errors thrown by event handlers (Office swallows them; tests can inspect them here). */
  readonly eventErrors: unknown[] = [];
  private _syncCount = 0;
  private readonly _listeners = new Set<HostListener>();
  private _registrations: HandlerRegistration[] = [];
  private readonly _pendingEvents = new Set<Promise<void>>();
  private readonly _apiChangeEvents: boolean;
  private readonly _internals: HostInternals;
  /** The name a new workbook's sheet gets (the `sheetName` option). */
  private readonly _newSheetName: string;
  /** `context.runtime.enableEvents`: false while the add-in has switched its events off. */
  private _eventsEnabled = true;

  constructor(options: MemoryExcelHostOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.17";
    if (!/^1\.\d+$/.test(this.apiVersion)) throw new Error(`Memory Excel host: "${this.apiVersion}" is not an ExcelApi version`);
    this._apiChangeEvents = options.apiChangeEvents ?? true;
    this.workbook = new Workbook();
    this.workbook.evaluateFormula = options.evaluateFormula;
    if (options.authorName) this.workbook.authorName = options.authorName;
    this._newSheetName = options.sheetName ?? "Sheet1";
    this.workbook.addSheet(this._newSheetName, "MemoryExcelHost");
    this._internals = {
      model: this.workbook,
      latencyMs: options.latencyMs ?? 0,
      responseLimitBytes: options.responseLimitBytes ?? RESPONSE_LIMIT_BYTES,
      supportsApi: (version) => compareVersions(version, this.apiVersion) <= 0,
      beginSync: () => {
        this._syncCount++;
        return this.workbook.version;
      },
      endSync: (versionBefore) => {
        this.workbook.calculationSuspended = false;
        const changes = this.workbook.drainChanges();
        if (this._apiChangeEvents) this._fireChanged(changes, "ThisLocalAddin");
        if (this.workbook.version !== versionBefore) this._notify("sync");
      },
      registerHandler: (registration) => {
        this._registrations.push(registration);
      },
      eventsEnabled: () => this._eventsEnabled,
      setEventsEnabled: (enabled) => {
        // The add-in's changes queued before the switch are reported (or not) by the old setting.
        const before = this.workbook.drainChanges();
        if (this._apiChangeEvents) this._fireChanged(before, "ThisLocalAddin");
        this._eventsEnabled = enabled;
      },
      faultAt: (location) => {
        const fault = this._faults.find((f) => f.match.test(location));
        if (!fault) return undefined;
        this._faults.splice(this._faults.indexOf(fault), 1);
        return officeError(fault.code, "The operation failed (simulated by the test).", location);
      },
      unregisterHandler: (matches) => {
        this._registrations = this._registrations.filter((r) => !matches(r));
      },
    };
  }

  /** A host pre-filled from a snapshot (e.g. a workbook that already has a foreign sheet). */
  static fromSnapshot(snapshot: WorkbookSnapshot, options: MemoryExcelHostOptions = {}): MemoryExcelHost {
    const host = new MemoryExcelHost(options);
    host.seed(snapshot);
    return host;
  }

  /** Replaces the workbook's content with a snapshot's. */
  seed(snapshot: WorkbookSnapshot): void {
    loadSnapshot(this.workbook, snapshot);
    this._notify("seed");
  }

  /** A plain, JSON-friendly copy of the workbook. */
  toJSON(): WorkbookSnapshot {
    return toSnapshot(this.workbook);
  }

  /** Same as `toJSON()`. */
  snapshot(): WorkbookSnapshot {
    return this.toJSON();
  }

  /** Number of `context.sync()` round trips since creation or the last `resetSyncCount()`. */
  get syncCount(): number {
    return this._syncCount;
  }

  resetSyncCount(): void {
    this._syncCount = 0;
  }

  private readonly _faults: { match: RegExp; code: OfficeErrorCode }[] = [];

  /**
   * Makes the next statement whose location (e.g. "PivotTableCollection.add") matches fail at sync
   * with an Office error, once: as real Excel can fail part-way through a batch (out of memory, a
   * colleague's edit, a timeout). Statements before it stay applied and later ones are dropped, as
   * in Office (batches are not transactional).
   */
  failAt(match: RegExp, code: OfficeErrorCode = "GeneralException"): void {
    this._faults.push({ match, code });
  }

  /**
   * Runs a batch like `Excel.run(batch)`. Operations still queued when the batch's promise settles
   * are sent in a final sync, as Office does.
   */
  readonly run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => this._run(batch);

  /**
   * Runs a batch like `Excel.run(context, batch)`: continues with the request context of an earlier
   * batch, as Office requires for removing an event handler (`Excel.run(handlerResult.context, ...)`).
   */
  readonly runIn = <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    this._run(batch, context as unknown as FakeRequestContext);

  private async _run<T>(batch: (context: Excel.RequestContext) => Promise<T>, existing?: FakeRequestContext): Promise<T> {
    const context = existing ?? guard(new FakeRequestContext(this._internals, (ctx) => make(new FakeWorkbook(ctx))));
    context._closed = false;
    try {
      const returned: unknown = batch(context as unknown as Excel.RequestContext);
      if (!returned || typeof (returned as { then?: unknown }).then !== "function") {
        throw officeError("RunMustReturnPromise", undefined, "Excel.run");
      }
      const value = await (returned as Promise<T>);
      if (context._pendingCount > 0) await context.sync();
      return value;
    } finally {
      context._closed = true;
    }
  }

  /**
   * The workbooks `createWorkbook` opened, oldest first. In Excel each opens in a window of its
   * own, without this add-in; this host's workbook (the one `run` works on) is unchanged.
   */
  readonly createdWorkbooks: WorkbookModel[] = [];

  /**
   * `Excel.createWorkbook()` (ExcelApi 1.8; ApiNotFound below it): a new, blank workbook of one
   * sheet, as Excel's File > New gives, opened elsewhere (see `createdWorkbooks`). Creating it from
   * a Base64 .xlsx is not modelled (NotImplementedByHostError).
   */
  readonly createWorkbook = (base64?: string): Promise<void> => {
    if (!this._internals.supportsApi("1.8")) return Promise.reject(apiNotFound("Excel.createWorkbook", "1.8"));
    if (base64 !== undefined) return Promise.reject(new NotImplementedByHostError("Excel.createWorkbook(base64File)"));
    const workbook = new Workbook();
    workbook.addSheet(this._newSheetName, "Excel.createWorkbook");
    this.createdWorkbooks.push(workbook);
    return Promise.resolve();
  };

  /** `Office.context.requirements.isSetSupported` for this host: ExcelApi up to `apiVersion`. */
  readonly isSetSupported = (name: string, version?: string): boolean => {
    if (name.toLowerCase() !== "excelapi") return false;
    return compareVersions(version ?? "1.1", this.apiVersion) <= 0;
  };

  /**
   * Changes cells as a user typing or pasting would: values are interpreted as typed text is
   * (numbers, dates, formulas), data validation is bypassed (as by a paste), protection is
   * respected (the promise rejects with Office's AccessDenied error and nothing changes). The
   * cells change at once; `onChanged` handlers then run asynchronously and the returned promise
   * settles once they have.
   */
  userEdit(sheetName: string, address: string, values: CellValue[][] | CellValue): Promise<void> {
    try {
      const sheet = this.workbook.getSheet(sheetName, "userEdit");
      const parsed = parseAddress(address, "userEdit");
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw officeError("InvalidArgument", undefined, "userEdit");
      }
      sheet.writeInputs(parsed.rect, values, "values", "userEdit");
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const changes = this.workbook.drainChanges();
    this._fireChanged(changes, "Unknown");
    this._notify("userEdit");
    return this.settle();
  }

  /**
   * A value typed into one cell and confirmed (Enter or Tab), as `userEdit` does, except that the
   * cell's data validation applies as in Excel: a value the rule refuses rejects with a
   * `DataValidationAlert` (the rule's error title and message) and changes nothing, unless the
   * alert is switched off or the user confirmed a Warning or Information alert (`confirmed`).
   * Protection is checked first (AccessDenied), as Excel refuses to start editing a locked cell.
   */
  userType(sheetName: string, address: string, text: string, options: { confirmed?: boolean } = {}): Promise<void> {
    try {
      const sheet = this.workbook.getSheet(sheetName, "userType");
      const { rect } = parseAddress(address, "userType");
      const cell = { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 };
      sheet.assertCanEdit(cell, "userType");
      const dv = sheet.validationAt(rect.r0, rect.c0);
      const alert = dv?.errorAlert;
      if (dv && alert?.showAlert && !(options.confirmed && alert.style !== "Stop")) {
        const input = interpretInput(text, String(sheet.formatAt(rect.r0, rect.c0, "numberFormat") ?? "General"), "userType");
        const value: CellValue | undefined = input.kind === "blank" ? "" : input.kind === "value" ? input.value : undefined;
        if (value !== undefined && !satisfies(dv, value, sheet)) {
          const style = alert.style === "Warning" || alert.style === "Information" ? alert.style : "Stop";
          throw new DataValidationAlert(style, alert.title || "Microsoft Excel", alert.message || DEFAULT_VALIDATION_MESSAGE);
        }
      }
      return this.userEdit(sheetName, formatArea(cell), [[text]]);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /**
   * A colleague's edit arriving in a shared (coauthored) workbook: the cells change and `onChanged`
   * handlers run with `source: "Remote"` (WorksheetChangedEventArgs.source, ExcelApi 1.7). Protection
   * and validation are the colleague's Excel's business, so neither is applied here.
   */
  remoteEdit(sheetName: string, address: string, values: CellValue[][] | CellValue): Promise<void> {
    try {
      const sheet = this.workbook.getSheet(sheetName, "remoteEdit");
      const { rect } = parseAddress(address, "remoteEdit");
      const wasProtected = sheet.protection.protected;
      sheet.protection.protected = false;
      try {
        sheet.writeInputs(rect, values, "values", "remoteEdit");
      } finally {
        sheet.protection.protected = wasProtected;
      }
    } catch (error) {
      return Promise.reject(error as Error);
    }
    this._fireChanged(this.workbook.drainChanges(), "Unknown", "Remote");
    this._notify("userEdit");
    return this.settle();
  }

  /**
   * A value picked from a cell's dropdown list. On the desktop that raises `onChanged` like typing;
   * Excel on the web raises nothing (office-js issues 3888 and 4066), which `platform: "web"` acts out.
   */
  userPick(sheetName: string, address: string, value: CellValue, platform: "web" | "desktop" = "web"): Promise<void> {
    if (platform === "desktop") return this.userEdit(sheetName, address, value);
    try {
      const sheet = this.workbook.getSheet(sheetName, "userPick");
      const { rect } = parseAddress(address, "userPick");
      sheet.writeInputs(rect, value, "values", "userEdit");
    } catch (error) {
      return Promise.reject(error as Error);
    }
    this.workbook.drainChanges();
    this._notify("userEdit");
    return this.settle();
  }

  /** The user selects cells (click or arrows): the selection moves and `onSelectionChanged` handlers run. */
  userSelect(sheetName: string, address: string): Promise<void> {
    const sheet = this.workbook.getSheet(sheetName, "userSelect");
    const { rect } = parseAddress(address, "userSelect");
    this.workbook.activate(sheet, "userSelect");
    sheet.selection = { ...rect };
    for (const registration of this._eventsEnabled ? this._registrations : []) {
      if (registration.event !== "onSelectionChanged") continue;
      if (registration.scope !== "workbook" && registration.scope !== sheet) continue;
      const args = { type: "WorksheetSelectionChanged" as const, worksheetId: sheet.id, address: formatArea(rect) };
      this._schedule(() => (registration.handler as (a: typeof args) => Promise<unknown>)(args));
    }
    this._notify("userEdit");
    return this.settle();
  }

  private _schedule(run: () => Promise<unknown>): void {
    const pending: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(run)
      .then(
        () => undefined,
        (error: unknown) => {
          this.eventErrors.push(error);
        },
      )
      .finally(() => {
        this._pendingEvents.delete(pending);
      });
    this._pendingEvents.add(pending);
  }

  /**
   * Sets the cached result of formula cells (Excel's calculation, which the host does not do).
   * `values` is one value for every cell of `address`, or a 2-D array of its shape.
   */
  setCalculatedValue(sheetName: string, address: string, values: CellValue | CellValue[][]): void {
    const sheet = this.workbook.getSheet(sheetName, "setCalculatedValue");
    const { rect: r } = parseAddress(address, "setCalculatedValue");
    for (let row = r.r0; row <= r.r1; row++) {
      for (let col = r.c0; col <= r.c1; col++) {
        const value = Array.isArray(values) ? values[row - r.r0]?.[col - r.c0] : values;
        if (value === undefined) throw new Error("Memory Excel host: setCalculatedValue's array does not match the range");
        sheet.setCalculated(row, col, value);
      }
    }
    this._notify("calculated");
  }

  /** The effective state of one cell, for assertions and the preview grid. */
  cell(sheetName: string, address: string): CellView {
    const sheet = this.workbook.getSheet(sheetName, "cell");
    const { rect: r } = parseAddress(address, "cell");
    return sheet.view(r.r0, r.c0);
  }

  /** The active sheet and its selected range ("B3", "A1:C4"), as `range.select()` leaves it. */
  get selection(): { sheet: string; address: string } {
    const sheet = this.workbook.activeSheet;
    return { sheet: sheet.name, address: formatArea(sheet.selection) };
  }

  /** Calls `listener` after every sync or user edit that changed the model. */
  subscribe(listener: HostListener): () => void {
    this._listeners.add(listener);
    return () => {
      this._listeners.delete(listener);
    };
  }

  /** Resolves once every event handler started so far (and any they triggered) has finished. */
  async settle(): Promise<void> {
    while (this._pendingEvents.size > 0) await Promise.all([...this._pendingEvents]);
  }

  /** Number of registered `onChanged` handlers (useful to check that handlers are removed). */
  get handlerCount(): number {
    return this._registrations.length;
  }

  private _notify(kind: HostChange["kind"]): void {
    const change = { kind, version: this.workbook.version };
    for (const listener of [...this._listeners]) listener(change);
  }

  private _fireChanged(changes: ValueChange[], triggerSource: "Unknown" | "ThisLocalAddin", source: "Local" | "Remote" = "Local"): void {
    // With context.runtime.enableEvents false, Excel calls none of this add-in's handlers.
    if (!this._eventsEnabled) return;
    for (const change of changes) {
      if (change.sheet.deleted) continue;
      for (const registration of this._registrations) {
        if (registration.event !== "onChanged") continue;
        if (registration.scope !== "workbook" && registration.scope !== change.sheet) continue;
        const args = changedEventArgs(change, triggerSource, source, this._internals, registration.scope === "workbook" ? "1.9" : "1.8");
        this._schedule(() => (registration.handler as (a: typeof args) => Promise<unknown>)(args));
      }
    }
  }
}

/**
 * An `Excel.WorksheetChangedEventArgs`-shaped object, with what the host's API version gives. Office.js
 * builds it in `Worksheet_Changed_EventArgsTransform` (excel-*.debug.js in @microsoft/office-js) from
 * what Excel sends, so a member newer than the running Excel is there but undefined:
 * - `triggerSource` is ExcelApi 1.14 (learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs
 *   "triggerSource ... [API set: ExcelApi 1.14]"); older builds send none, and Office.js copies
 *   `value.triggerSource`, so the key exists and reads `undefined`.
 * - `details` is ExcelApi 1.9 (same page); Office.js makes it only when Excel sent a value before or
 *   after, which older builds do not.
 * - `getRange` and `getRangeOrNullObject` are ExcelApi 1.8 (same page); Office.js checks that when they
 *   are called (1.8 for a worksheet's event, 1.9 for the collection's) and throws ApiNotFound.
 */
function changedEventArgs(
  change: ValueChange,
  triggerSource: "Unknown" | "ThisLocalAddin",
  source: "Local" | "Remote",
  host: HostInternals,
  getRangeSince: string,
) {
  const sheetId = change.sheet.id;
  const address = formatArea(change.rect);
  const rangeOf = (member: string) => (ctx: Excel.RequestContext) => {
    if (!host.supportsApi(getRangeSince)) throw apiNotFound(`WorksheetChangedEventArgs.${member}`, getRangeSince);
    const workbook = (ctx as unknown as FakeRequestContext).workbook as unknown as { worksheets: FakeWorksheetCollection };
    return workbook.worksheets.getItem(sheetId).getRange(address);
  };
  return {
    type: "WorksheetChanged" as const,
    changeType: "RangeEdited",
    source,
    worksheetId: sheetId,
    address,
    getRange: rangeOf("getRange"),
    getRangeOrNullObject: rangeOf("getRangeOrNullObject"),
    details: host.supportsApi("1.9") ? change.details : undefined,
    triggerSource: host.supportsApi("1.14") ? triggerSource : undefined,
  };
}
