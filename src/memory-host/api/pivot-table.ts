/// <reference types="office-js" />
/**
 * This file is the Office.js imitation (the proxies); the model is in `model/pivot-table.ts`.
 *
 * PivotTables (ExcelApi 1.3 for the collection, 1.8 for hierarchies and layout, 1.9 for
 * `autoFormat`/`preserveFormatting`): the model, the cells a pivot shows, and the proxies
 * `PivotTableCollection`, `PivotTable`, `PivotLayout`, the hierarchy collections and hierarchies,
 * `PivotField` and `PivotItem`.
 *
 * A pivot keeps a cache of its source (read at `add` and at `refresh()`, as Excel's pivot cache
 * is), and writes its cells into the destination sheet whenever its layout changes. The exact
 * layout is documented in docs/memory-host.md ("PivotTables").
 */
import type { Rect } from "../address";
import { parseAddress, tryParseAddress } from "../address";
import type { Mirror } from "./core";
import { FakeObject, make, sameContext } from "./core";
import { FakeKeyedCollection } from "./collection";
import {
  FakeDataPivotHierarchyCollection,
  FakeFilterPivotHierarchyCollection,
  FakePivotHierarchyCollection,
  FakeRowColumnPivotHierarchyCollection,
} from "./pivot-hierarchy";
import { FakeRange, rangeFrom, rangeTarget } from "./range";
import { FakeTable } from "./table";
import { officeError } from "../errors";
import { addPivotTable, deletePivotTable, refreshPivotTable, renderPivot, validatePivotName } from "../model/pivot-table";
import type { Accept, Scalars } from "./properties";
import { boolean, declareProperties, stored, withProperties } from "./properties";
import type { PivotLayoutModel, PivotRendered, PivotSource, PivotTableModel, SheetModel, WorkbookModel } from "../model/types";
// ---------------------------------------------------------------------------------------------
// Proxies

/** The workbook's pivots, or one sheet's. */
export interface PivotScope {
  workbook: WorkbookModel;
  sheet?: SheetModel;
}

function pivotsIn(scope: PivotScope): PivotTableModel[] {
  return scope.workbook.pivotTables.filter((p) => !scope.sheet || p.sheet === scope.sheet);
}

/** Resolves `add`'s source argument: a Table proxy, a Range proxy, a table name or an address. */
function resolveSource(scope: PivotScope, source: unknown, location: string): PivotSource {
  if (source instanceof FakeTable) return { kind: "table", table: source._target(location) };
  if (source instanceof FakeRange) {
    const t = source._target(location);
    return { kind: "range", sheet: t.sheet, rect: t.rect };
  }
  if (typeof source === "string") {
    const parsed = tryParseAddress(source);
    if (parsed) {
      const sheet = parsed.sheet === undefined ? (scope.sheet ?? scope.workbook.activeSheet) : scope.workbook.findSheet(parsed.sheet);
      if (!sheet) throw officeError("InvalidArgument", undefined, location);
      return { kind: "range", sheet, rect: parsed.rect };
    }
    const table = scope.workbook.findTable(source);
    if (table) return { kind: "table", table };
  }
  throw officeError("InvalidArgument", undefined, location);
}

function resolveDestination(scope: PivotScope, destination: unknown, location: string): { sheet: SheetModel; rect: Rect } {
  let sheet: SheetModel;
  let r: Rect;
  if (destination instanceof FakeRange) {
    const t = destination._target(location);
    sheet = t.sheet;
    r = t.rect;
  } else if (typeof destination === "string") {
    const parsed = parseAddress(destination, location);
    const named = parsed.sheet === undefined ? (scope.sheet ?? scope.workbook.activeSheet) : scope.workbook.findSheet(parsed.sheet);
    if (!named) throw officeError("InvalidArgument", undefined, location);
    sheet = named;
    r = parsed.rect;
  } else throw officeError("InvalidArgument", undefined, location);
  // Through worksheet.pivotTables the destination must be on that worksheet.
  if (scope.sheet && sheet !== scope.sheet) throw officeError("InvalidArgument", undefined, location);
  return { sheet, rect: r };
}

// --- layout ------------------------------------------------------------------------------------

/** A layout setting: checked, stored and the pivot drawn again. */
function layoutSetting<K extends keyof PivotLayoutModel>(key: K, accept: Accept<PivotLayoutModel[K]>) {
  return stored((p: PivotTableModel) => p.layout, key, accept, renderPivot);
}

/** Like `oneOf`, but as before: anything whose text is one of them (the value itself is stored). */
function named<V extends string>(allowed: readonly V[]): Accept<V> {
  return (v) => ((allowed as readonly string[]).includes(String(v)) ? (v as V) : undefined);
}

const PIVOT_LAYOUT_PROPERTIES = {
  layoutType: layoutSetting("layoutType", named(["Compact", "Tabular", "Outline"])),
  showColumnGrandTotals: layoutSetting("showColumnGrandTotals", boolean),
  showRowGrandTotals: layoutSetting("showRowGrandTotals", boolean),
  subtotalLocation: layoutSetting("subtotalLocation", named(["AtTop", "AtBottom", "Off"])),
  preserveFormatting: layoutSetting("preserveFormatting", boolean),
  autoFormat: layoutSetting("autoFormat", boolean),
} satisfies Scalars<PivotTableModel>;

export class FakePivotLayout
  extends withProperties<Excel.PivotLayout, keyof typeof PIVOT_LAYOUT_PROPERTIES>()(FakeObject<PivotTableModel>)
  implements Mirror<Excel.PivotLayout, "getRange" | "getDataBodyRange" | "getFilterAxisRange" | "load">
{
  readonly _typeName = "PivotLayout";

  static {
    declareProperties(this, {
      scalars: PIVOT_LAYOUT_PROPERTIES,
    });
  }

  private _range(member: string, pick: (r: PivotRendered) => Rect | null): FakeRange {
    return rangeFrom(this, member, (p) => {
      const r = p.rendered ? pick(p.rendered) : null;
      return r && rangeTarget(p.sheet, r);
    });
  }

  /** The pivot's range, without the filter area. */
  getRange(): FakeRange {
    return this._range("getRange", (r) => r.body);
  }

  getDataBodyRange(): FakeRange {
    return this._range("getDataBodyRange", (r) => r.data);
  }

  getFilterAxisRange(): FakeRange {
    return this._range("getFilterAxisRange", (r) => r.filter);
  }
}
export class FakePivotTable
  extends withProperties<Excel.PivotTable, "id" | "name">()(FakeObject<PivotTableModel>)
  implements Mirror<Excel.PivotTable, "refresh" | "delete" | "load">
{
  readonly _typeName = "PivotTable";

  // `worksheet` is declared in worksheet.ts, which imports this family.
  declare readonly layout: FakePivotLayout;
  declare readonly hierarchies: FakePivotHierarchyCollection;
  declare readonly rowHierarchies: FakeRowColumnPivotHierarchyCollection;
  declare readonly columnHierarchies: FakeRowColumnPivotHierarchyCollection;
  declare readonly filterHierarchies: FakeFilterPivotHierarchyCollection;
  declare readonly dataHierarchies: FakeDataPivotHierarchyCollection;

  static {
    declareProperties(this, {
      scalars: {
        id: (p) => p.id,
        name: {
          get: (p) => p.name,
          set: (p, v) => {
            p.name = validatePivotName(p.workbook, v, "PivotTable.name", p);
            p.workbook.touch();
          },
        },
      },
      navigation: {
        rowHierarchies: (self) =>
          make(new FakeRowColumnPivotHierarchyCollection(self._ctx, () => self._target("PivotTable.rowHierarchies"), "rows")),
        columnHierarchies: (self) =>
          make(new FakeRowColumnPivotHierarchyCollection(self._ctx, () => self._target("PivotTable.columnHierarchies"), "columns")),
      },
      parts: {
        layout: FakePivotLayout,
        hierarchies: FakePivotHierarchyCollection,
        filterHierarchies: FakeFilterPivotHierarchyCollection,
        dataHierarchies: FakeDataPivotHierarchyCollection,
      },
    });
  }

  refresh(): void {
    this._queue("refresh", (p) => refreshPivotTable(p, "PivotTable.refresh"));
  }

  delete(): void {
    this._queue("delete", (p) => {
      p.sheet.assertUnprotected("PivotTable.delete");
      deletePivotTable(p);
    });
  }
}

export class FakePivotTableCollection
  extends FakeKeyedCollection<PivotScope, PivotTableModel, FakePivotTable>
  implements Mirror<Excel.PivotTableCollection, "add" | "getCount" | "getItem" | "getItemOrNullObject" | "refreshAll" | "load">
{
  readonly _typeName = "PivotTableCollection";
  protected readonly _itemClass = FakePivotTable;

  protected _itemTargets(scope: PivotScope): PivotTableModel[] {
    return pivotsIn(scope);
  }

  add(name: string, source: Excel.Range | string | Excel.Table, destination: Excel.Range | string): FakePivotTable {
    const location = "PivotTableCollection.add";
    sameContext(this._ctx, source, location);
    sameContext(this._ctx, destination, location);
    let created: PivotTableModel | undefined;
    this._queue("add", (scope) => {
      const src = resolveSource(scope, source, location);
      const dest = resolveDestination(scope, destination, location);
      dest.sheet.assertUnprotected(location);
      created = addPivotTable(scope.workbook, name, src, dest, location);
    });
    return this._created(location, () => created);
  }

  protected _find(scope: PivotScope, name: string): PivotTableModel | undefined {
    const lower = String(name).toLowerCase();
    return pivotsIn(scope).find((p) => p.name.toLowerCase() === lower);
  }

  refreshAll(): void {
    this._queue("refreshAll", (scope) => {
      for (const pivot of pivotsIn(scope)) refreshPivotTable(pivot, "PivotTableCollection.refreshAll");
    });
  }
}
