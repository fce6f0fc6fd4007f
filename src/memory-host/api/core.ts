/// <reference types="office-js" />
/**
 * The machinery shared by every fake Office object: the request context with its queue of
 * operations, `sync()`, lazily bound proxies, `load()` with Office's path syntax, the
 * PropertyNotLoaded rule, ClientResult, and the JS Proxy that makes unknown members throw.
 */
import { utf8Length } from "../../core/workbook/utf8";
import type { OfficeHostError } from "../errors";
import { apiNotFound, isOfficeHostError, NotImplementedByHostError, officeError, propertyNotLoaded } from "../errors";
import type { PartClass } from "./properties";
import { declaredTable } from "./properties";
import type { SheetModel, WorkbookModel } from "../model/types";

/**
 * Compile-time check that a fake declares members with Office's own types. Methods keep Office's
 * parameter types (of the last overload) but may return the fakes.
 */
export type Mirror<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : T[P];
};

/** What the fakes need from the host. */
export interface HostInternals {
  readonly model: WorkbookModel;
  readonly latencyMs: number;
  /** The most a sync's response may carry (UTF-8 bytes of the loaded values' JSON). */
  readonly responseLimitBytes: number;
  supportsApi(version: string): boolean;
  /** Called by `sync()` before it runs its operations. */
  beginSync(): number;
  /** Called by `sync()` after its operations ran (even if one failed). */
  endSync(versionBefore: number): void;
  /** A simulated failure for the statement at `location`, if one was asked for (MemoryExcelHost.failAt). */
  faultAt(location: string): unknown;
  registerHandler(registration: HandlerRegistration): void;
  /** `Runtime.enableEvents` (ExcelApi 1.8): whether this add-in's event handlers are called. */
  eventsEnabled(): boolean;
  /** Sets `eventsEnabled` at its place in a sync: changes made before it are reported, or not, by the old setting. */
  setEventsEnabled(enabled: boolean): void;
  unregisterHandler(matches: (registration: HandlerRegistration) => boolean): void;
}

export interface HandlerRegistration {
  scope: "workbook" | SheetModel;
  event: "onChanged" | "onSelectionChanged";
  handler: (args: never) => Promise<unknown>;
  context: FakeRequestContext;
}

interface QueuedOperation {
  location: string;
  run: () => void;
}

/**
 * Office members introduced after ExcelApi 1.1 that the host implements, with their requirement
 * set. Touching one when the host's `apiVersion` is older throws ApiNotFound synchronously, as
 * Office.js does.
 */
export const REQUIREMENTS: Readonly<Record<string, string>> = {
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "Application.calculationMode": "1.8",
  "Workbook.name": "1.7",
  "Workbook.getActiveCell": "1.7",
  "Workbook.notes": "1.18",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.getCount": "1.4",
  "WorksheetCollection.getFirst": "1.5",
  "WorksheetCollection.getLast": "1.5",
  // Events: Office.js's own getters throw ApiNotFound below these sets (excel-*.debug.js in
  // @microsoft/office-js: `_throwIfApiNotSupported("Worksheet.onChanged", ..., "1.7")`), matching
  // the reference (learn.microsoft.com/javascript/api/excel/excel.worksheet and
  // excel.worksheetcollection): Worksheet.onChanged 1.7, WorksheetCollection.onChanged 1.9.
  "WorksheetCollection.onChanged": "1.9",
  "WorksheetCollection.onSelectionChanged": "1.9",
  "RequestContext.runtime": "1.5",
  "Runtime.enableEvents": "1.8",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.protection": "1.2",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.tabColor": "1.7",
  "Worksheet.standardWidth": "1.7",
  "Worksheet.standardHeight": "1.7",
  "Worksheet.onChanged": "1.7",
  "Worksheet.notes": "1.18",
  "Worksheet.getCell": "1.1",
  "Range.dataValidation": "1.8",
  "Range.conditionalFormats": "1.6",
  "Range.getIntersectionOrNullObject": "1.4",
  "Range.getResizedRange": "1.2",
  "Range.getUsedRangeOrNullObject": "1.4",
  "Range.rowHidden": "1.2",
  "Range.columnHidden": "1.2",
  "Range.hidden": "1.2",
  "Range.getAbsoluteResizedRange": "1.7",
  "Range.getRowsAbove": "1.2",
  "Range.getRowsBelow": "1.2",
  "Range.getColumnsBefore": "1.2",
  "Range.getColumnsAfter": "1.2",
  "Range.isEntireColumn": "1.7",
  "Range.isEntireRow": "1.7",
  "Range.formulasR1C1": "1.2",
  "RangeFormat.protection": "1.2",
  "RangeFormat.autofitColumns": "1.2",
  "RangeFormat.autofitRows": "1.2",
  "Table.resize": "1.13",
  "Table.worksheet": "1.2",
  "Table.convertToRange": "1.2",
  "Table.showBandedRows": "1.3",
  "Table.showBandedColumns": "1.3",
  "Table.showFilterButton": "1.3",
  "Table.highlightFirstColumn": "1.3",
  "Table.highlightLastColumn": "1.3",
  "TableCollection.getItemOrNullObject": "1.4",
  "TableCollection.getCount": "1.4",
  "TableRowCollection.getCount": "1.4",
  "TableRowCollection.deleteRowsAt": "1.13",
  "TableColumnCollection.getCount": "1.4",
  "TableColumnCollection.getItemOrNullObject": "1.4",
  // PivotTables (api/pivot-table.ts, api/pivot-hierarchy.ts)
  "Workbook.pivotTables": "1.3",
  "Worksheet.pivotTables": "1.3",
  "PivotTableCollection.add": "1.8",
  "PivotTableCollection.getCount": "1.4",
  "PivotTableCollection.getItemOrNullObject": "1.4",
  "PivotTable.id": "1.5",
  "PivotTable.delete": "1.8",
  "PivotTable.layout": "1.8",
  "PivotTable.hierarchies": "1.8",
  "PivotTable.rowHierarchies": "1.8",
  "PivotTable.columnHierarchies": "1.8",
  "PivotTable.dataHierarchies": "1.8",
  "PivotTable.filterHierarchies": "1.8",
  "PivotLayout.autoFormat": "1.9",
  "PivotLayout.preserveFormatting": "1.9",
  // Charts (api/chart.ts)
  "Worksheet.charts": "1.1",
  "ChartCollection.getCount": "1.4",
  "ChartCollection.getItemOrNullObject": "1.4",
  "Chart.id": "1.7",
  "Chart.chartType": "1.7",
  "Chart.worksheet": "1.2",
  "ChartAxis.numberFormat": "1.8",
  "ChartSeriesCollection.add": "1.7",
  "ChartSeriesCollection.getCount": "1.4",
  "ChartSeries.chartType": "1.7",
  "ChartSeries.setValues": "1.7",
  "ChartSeries.setXAxisValues": "1.7",
  "ChartSeries.delete": "1.7",
  // Page layout (api/page-layout.ts)
  "Worksheet.pageLayout": "1.9",
  "Worksheet.horizontalPageBreaks": "1.9",
  "ChartAxis.minimum": "1.7",
  // Named items (api/named-items.ts)
  "Workbook.names": "1.1",
  "NamedItemCollection.add": "1.4",
  "NamedItemCollection.getCount": "1.4",
  "NamedItemCollection.getItemOrNullObject": "1.4",
  "NamedItem.formula": "1.7",
  "NamedItem.comment": "1.4",
  "NamedItem.delete": "1.4",
  "NamedItem.getRangeOrNullObject": "1.4",
};

/** Members looked up by JavaScript itself or by test tooling; they read as `undefined`. */
const TOOLING_MEMBERS = new Set([
  "then",
  "catch",
  "asymmetricMatch",
  "nodeType",
  "tagName",
  "$$typeof",
  "inspect",
  "constructor",
  "toJSON",
  "_isMockFunction",
]);

/** Objects that know their Office type name (for messages and requirement checks). */
interface Named {
  readonly _typeName: string;
  readonly _host: HostInternals;
}

/**
 * Wraps a fake in a JS Proxy: touching a member the fake does not implement throws
 * `Memory Excel host: Range.getSpillingToRange is not implemented`; touching a member whose
 * requirement set is newer than the host's API version throws Office's ApiNotFound.
 */
export function guard<T extends Named>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === "symbol") return Reflect.get(obj, prop, receiver);
      const member = `${obj._typeName}.${prop}`;
      const required = REQUIREMENTS[member];
      if (required && !obj._host.supportsApi(required)) throw apiNotFound(member, required);
      if (prop in obj) return Reflect.get(obj, prop, receiver);
      if (TOOLING_MEMBERS.has(prop) || prop.startsWith("_") || prop.startsWith("@@")) return undefined;
      throw new NotImplementedByHostError(member);
    },
    set(obj, prop, value, receiver) {
      if (typeof prop === "string" && !prop.startsWith("_")) {
        const member = `${obj._typeName}.${prop}`;
        const required = REQUIREMENTS[member];
        if (required && !obj._host.supportsApi(required)) throw apiNotFound(member, required);
        if (!(prop in obj)) throw new NotImplementedByHostError(member);
      }
      return Reflect.set(obj, prop, value, receiver);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Request context

/** The fake `Excel.RequestContext`. */
export class FakeRequestContext implements Named {
  readonly _typeName = "RequestContext";
  private _queue: QueuedOperation[] = [];
  private _publishers: (() => void)[] = [];
  /** UTF-8 bytes of the values loaded by the sync being run: its response. */
  _responseBytes = 0;
  _closed = false;
  private _workbookProxy: unknown;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  readonly requestHeaders: Record<string, string> = {};

  constructor(
    readonly _host: HostInternals,
    private readonly _makeWorkbook: (context: FakeRequestContext) => unknown,
  ) {}

  get workbook(): unknown {
    this._workbookProxy ??= this._makeWorkbook(this);
    return this._workbookProxy;
  }

  get application(): unknown {
    return (this.workbook as { application: unknown }).application;
  }

  /** `context.runtime` (ExcelApi 1.5): Office.js returns the workbook's `_Runtime`, as this does. */
  get runtime(): unknown {
    return (this.workbook as { _runtime: unknown })._runtime;
  }

  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this._queue.map((op) => op.location) };
  }

  /** `context.load(object, option)`: the same as `object.load(option)`. */
  load(object: { load(option?: unknown): unknown }, option?: unknown): void {
    object.load(option);
  }

  trace(): void {
    // Tracing only annotates Office's request log; nothing to do here.
  }

  _enqueue(location: string, run: () => void): void {
    if (this._closed) throw officeError("InvalidObjectPath", undefined, location);
    this._queue.push({ location, run });
  }

  /** Registers a callback that makes loaded values visible once the current sync succeeds. */
  _publish(fn: () => void): void {
    this._publishers.push(fn);
  }

  get _pendingCount(): number {
    return this._queue.length;
  }

  /**
   * Runs the queued operations in order. A failing operation rejects the sync; operations before it
   * stay applied (Office batches are not transactional) and later ones are dropped.
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this._closed) throw officeError("InvalidObjectPath", undefined, "RequestContext.sync");
    const operations = this._queue;
    this._queue = [];
    this._publishers = [];
    const versionBefore = this._host.beginSync();
    this._responseBytes = 0;
    let failure: unknown;
    for (const operation of operations) {
      try {
        const fault = this._host.faultAt(operation.location);
        if (fault !== undefined) throw fault;
        operation.run();
      } catch (error) {
        failure = isOfficeHostError(error) ? error.at(operation.location) : error;
        break;
      }
    }
    if (failure === undefined && this._responseBytes > this._host.responseLimitBytes) {
      failure = officeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this._responseBytes} bytes).`, "RequestContext.sync");
    }
    const publishers = this._publishers;
    this._publishers = [];
    this._host.endSync(versionBefore);
    await delay(this._host.latencyMs);
    if (failure !== undefined) throw failure;
    for (const publish of publishers) publish();
    return passThroughValue as T;
  }
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** Throws Office's InvalidRequestContext if a proxy argument belongs to another context. */
export function sameContext(context: FakeRequestContext, value: unknown, location: string): void {
  if (value instanceof FakeObject && value._ctx !== context) throw officeError("InvalidRequestContext", undefined, location);
}

// ---------------------------------------------------------------------------------------------
// ClientResult

export class FakeClientResult<T> implements Named {
  readonly _typeName = "ClientResult";
  private _loaded = false;
  private _value: T | undefined;

  constructor(readonly _host: HostInternals) {}

  get value(): T {
    if (!this._loaded) throw officeError("ValueNotLoaded", undefined, "ClientResult.value");
    return this._value as T;
  }

  _set(value: T): void {
    this._loaded = true;
    this._value = value;
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

/** Property paths to load, relative to an object; "all" loads every scalar property. */
export type LoadSpec = "all" | string[];

/** Turns any of `load`'s argument forms into a list of paths. */
export function parseLoadArgument(option: unknown): LoadSpec {
  if (option === undefined || option === null || option === "") return "all";
  if (typeof option === "string") return splitPaths(option);
  if (Array.isArray(option)) return option.flatMap((item) => splitPaths(String(item)));
  if (typeof option === "object") {
    const record = option as Record<string, unknown>;
    if ("select" in record || "expand" in record) {
      const paths: string[] = [];
      const select = record.select;
      const expand = record.expand;
      for (const p of Array.isArray(select) ? select : select === undefined ? [] : [select]) paths.push(...splitPaths(String(p)));
      for (const p of Array.isArray(expand) ? expand : expand === undefined ? [] : [expand]) paths.push(...splitPaths(String(p)));
      return paths.length ? paths : "all";
    }
    // Excel.Interfaces.*LoadOptions: { values: true, format: { font: { bold: true } }, $all: true }
    const paths: string[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string): void => {
      for (const [key, value] of Object.entries(obj)) {
        if (key === "$all") {
          if (value === true) paths.push(prefix ? `${prefix}*` : "*");
        } else if (key === "$top" || key === "$skip") continue;
        else if (value === true) paths.push(prefix + key);
        else if (value && typeof value === "object") walk(value as Record<string, unknown>, `${prefix}${key}/`);
      }
    };
    walk(record, "");
    return paths.length === 0 || paths.includes("*") ? "all" : paths;
  }
  throw officeError("InvalidArgument", undefined, "load");
}

function splitPaths(text: string): string[] {
  return text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Snapshot getters of an object's scalar properties, keyed by Office property name. */
export type ScalarGetters<T> = Record<string, (target: T) => unknown>;

// ---------------------------------------------------------------------------------------------
// Base of every fake client object

const NULL_TARGET: unique symbol = Symbol("null object");

export interface FakeObjectOptions<T> {
  /** Already bound (e.g. a collection item). */
  bound?: T;
}

/**
 * A lazily bound proxy: `resolve()` runs at sync time, the first time an operation needs the
 * object, and the result is kept (so a renamed sheet is still the same sheet).
 */
export abstract class FakeObject<T> implements Named {
  abstract readonly _typeName: string;
  /** Values visible to the caller: loaded at a sync, or written by the caller. */
  protected _values = new Map<string, unknown>();
  _isNull: boolean | undefined;
  private _binding: T | typeof NULL_TARGET | undefined;
  /** Navigation properties, created once per object. */
  private _navCache = new Map<string, unknown>();

  constructor(
    readonly _ctx: FakeRequestContext,
    private readonly _resolve: () => T | null,
    options: FakeObjectOptions<T> = {},
  ) {
    if (options.bound !== undefined) {
      this._binding = options.bound;
      this._isNull = false;
    }
  }

  /**
   * Marks an object returned by an *OrNullObject method: Office resolves it with the next sync and
   * `isNullObject` is readable afterwards without an explicit load.
   */
  _asNullable(): this {
    this._ctx._enqueue(`${this._typeName}.isNullObject`, () => {
      const target = this._bind();
      this._ctx._publish(() => {
        this._isNull = target === null;
      });
    });
    return this;
  }

  get _host(): HostInternals {
    return this._ctx._host;
  }

  get context(): FakeRequestContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._typeName, "isNullObject");
    return this._isNull;
  }

  /** Binds the proxy to its model object (at sync time). Null for a null object. */
  _bind(): T | null {
    if (this._binding === undefined) {
      const target = this._resolve();
      this._binding = target === null ? NULL_TARGET : target;
    }
    const binding = this._binding as T | typeof NULL_TARGET;
    if (binding === NULL_TARGET) return null;
    if (isDeleted(binding)) throw officeError("ItemNotFound");
    return binding;
  }

  /** The bound model object; a null object cannot be operated on. */
  _target(location?: string): T {
    const target = this._bind();
    if (target === null) throw officeError("ItemNotFound", undefined, location);
    return target;
  }

  /** Queues an operation on this object for the next sync. */
  protected _queue(member: string, run: (target: T) => void): void {
    const location = `${this._typeName}.${member}`;
    this._ctx._enqueue(location, () => run(this._target(location)));
  }

  /** A property write: visible locally at once (as in Office.js), applied to the model at sync. */
  protected _write(property: string, value: unknown, apply: (target: T, value: unknown) => void): void {
    this._values.set(property, value);
    this._queue(property, (target) => apply(target, value));
  }

  /** A property read: Office's PropertyNotLoaded unless loaded (and synced) or written. */
  protected _read<V>(property: string): V {
    if (this._isNull === true) return undefined as V; // Office returns undefined on null objects
    if (!this._values.has(property)) throw propertyNotLoaded(this._typeName, property);
    return this._values.get(property) as V;
  }

  /** A navigation property (e.g. `range.format`), created once. */
  protected _nav<N>(name: string, create: () => N): N {
    let nav = this._navCache.get(name) as N | undefined;
    if (nav === undefined) {
      nav = create();
      this._navCache.set(name, nav);
    }
    return nav;
  }

  /** A part of this object (`range.format`, `chart.title`): a proxy bound to the same target, created once. */
  protected _part<N>(name: string, cls: PartClass<T>): N {
    return this._nav(name, () => make(new (cls as unknown as ProxyClass<T, Named>)(this._ctx, () => this._target(`${this._typeName}.${name}`))) as N);
  }

  /** Scalar properties `load()` can fetch: by default those declared with `declareProperties`. */
  protected _scalars(): ScalarGetters<T> {
    const declared = Object.entries(declaredTable(this).scalars);
    return Object.fromEntries(declared.map(([name, get]) => [name, (target: T) => get(target as never, this as never)]));
  }

  /** Navigation properties reachable in load paths (e.g. "format" of a range): by default the declared ones. */
  protected _navigation(name: string): FakeObject<unknown> | undefined {
    return declaredTable(this).navigation.has(name)
      ? ((this as unknown as Record<string, unknown>)[name] as FakeObject<unknown>)
      : undefined;
  }

  /** Properties `load()` without arguments leaves out (Office omits some heavy ones). */
  protected _excludedFromLoadAll(): string[] {
    return [];
  }

  load(option?: unknown): this {
    const spec = parseLoadArgument(option);
    this._validateSpec(spec);
    this._ctx._enqueue(`${this._typeName}.load`, () => {
      this._ctx._publish(this._snapshot(spec));
    });
    return this;
  }

  /** Checks load paths up front so that a missing feature fails where it is asked for. */
  protected _validateSpec(spec: LoadSpec): void {
    if (spec === "all") return;
    const scalars = this._scalars();
    for (const path of spec) {
      const [head = "", ...rest] = path.split("/");
      if (head in scalars && rest.length === 0) continue;
      const nav = this._navigation(head);
      if (!nav) throw new NotImplementedByHostError(`${this._typeName}.${head}`);
      nav._validateSpec(rest.length ? [rest.join("/")] : "all");
    }
  }

  /**
   * Takes the snapshot a `load` asked for, at its place in the queue, and returns the callback that
   * makes it visible when the sync completes.
   */
  _snapshot(spec: LoadSpec): () => void {
    const target = this._bind();
    if (target === null) {
      return () => {
        this._isNull = true;
      };
    }
    const scalars = this._scalars();
    const names = spec === "all" ? Object.keys(scalars).filter((n) => !this._excludedFromLoadAll().includes(n)) : [];
    const nested = new Map<string, string[] | "all">();
    if (spec !== "all") {
      for (const path of spec) {
        const [head = "", ...rest] = path.split("/");
        if (head in scalars && rest.length === 0) names.push(head);
        else {
          const current = nested.get(head);
          if (rest.length === 0 || current === "all") nested.set(head, "all");
          else nested.set(head, [...(current ?? []), rest.join("/")]);
        }
      }
    }
    const values = new Map<string, unknown>();
    for (const name of names) {
      const getter = scalars[name];
      if (!getter) continue;
      try {
        values.set(name, snapshotValue(getter(target)));
      } catch (error) {
        throw isOfficeHostError(error) ? (error as OfficeHostError).at(`${this._typeName}.${name}`) : error;
      }
    }
    for (const value of values.values()) this._ctx._responseBytes += utf8Length(JSON.stringify(value) ?? "");
    const publishers: (() => void)[] = [];
    for (const [name, sub] of nested) {
      const nav = this._navigation(name);
      if (!nav) throw new NotImplementedByHostError(`${this._typeName}.${name}`);
      publishers.push(nav._snapshot(sub));
    }
    return () => {
      this._isNull = false;
      for (const [name, value] of values) this._values.set(name, value);
      for (const publish of publishers) publish();
    };
  }

  /** `set(properties)`: assigns each property (recursing into navigation properties). */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const nav = this._navigation(key);
      if (nav && value && typeof value === "object" && !Array.isArray(value)) {
        nav.set(value as Record<string, unknown>);
      } else {
        (this as unknown as Record<string, unknown>)[key] = value;
      }
    }
  }

  /** Plain copy of what has been loaded, like Office's `toJSON`. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/**
 * What a proxy of a part of the model is bound to: `fields`, and `deleted` (true once the part is
 * gone, which makes the proxy fail with ItemNotFound).
 */
export function partTarget<F extends object>(fields: F, deleted: () => boolean): F & { readonly deleted: boolean } {
  return Object.defineProperty({ ...fields }, "deleted", { get: deleted, enumerable: true, configurable: true }) as F & {
    readonly deleted: boolean;
  };
}

function isDeleted(target: unknown): boolean {
  return typeof target === "object" && target !== null && (target as { deleted?: unknown }).deleted === true;
}

/** Loaded values are copies: later changes to the model must not show through. */
function snapshotValue(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => snapshotValue(item));
  return structuredClone(value);
}

/** The constructor of a proxy class. */
export type ProxyClass<I, P> = new (context: FakeRequestContext, resolve: () => I | null, options?: FakeObjectOptions<I>) => P;

/** A `getCount()`-style method: a ClientResult filled in at sync. */
export function clientResult<T, R>(owner: FakeObject<T>, member: string, compute: (target: T) => R): FakeClientResult<R> {
  const result = guard(new FakeClientResult<R>(owner._host));
  const location = `${owner._typeName}.${member}`;
  owner._ctx._enqueue(location, () => {
    const value = compute(owner._target(location));
    owner._ctx._publish(() => result._set(value));
  });
  return result;
}

/** Shorthand used by fakes to create guarded instances. */
export function make<T extends Named>(instance: T): T {
  return guard(instance);
}
