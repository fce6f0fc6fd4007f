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
import type { FakeClientResult, Mirror } from "./core";
import { clientResult, FakeCollection, FakeObject, make, sameContext } from "./core";
import {
  FakeDataPivotHierarchyCollection,
  FakeFilterPivotHierarchyCollection,
  FakePivotHierarchyCollection,
  FakeRowColumnPivotHierarchyCollection,
} from "./pivot-hierarchy";
import { FakeRange, makeRange, rangeTarget } from "./range";
import { FakeTable } from "./table";
import { officeError } from "../errors";
import type { PivotLayoutModel, PivotRendered, PivotSource, PivotTableModel } from "../model/pivot-table";
import { addPivotTable, deletePivotTable, refreshPivotTable, renderPivot, validatePivotName } from "../model/pivot-table";
import type { SheetModel } from "../model/sheet";
import type { WorkbookModel } from "../model/workbook";
import { declareProperties } from "./properties";
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

export class FakePivotTableCollection
  extends FakeCollection<PivotScope, PivotTableModel, FakePivotTable>
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

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (scope) => pivotsIn(scope).length);
  }

  private _lookup(member: string, name: string, nullable: boolean): FakePivotTable {
    const lower = String(name).toLowerCase();
    return this._item(member, (scope) => pivotsIn(scope).find((p) => p.name.toLowerCase() === lower), nullable);
  }

  getItem(name: string): FakePivotTable {
    return this._lookup("getItem", name, false);
  }

  getItemOrNullObject(name: string): FakePivotTable {
    return this._lookup("getItemOrNullObject", name, true);
  }

  refreshAll(): void {
    this._queue("refreshAll", (scope) => {
      for (const pivot of pivotsIn(scope)) refreshPivotTable(pivot, "PivotTableCollection.refreshAll");
    });
  }
}

export class FakePivotTable
  extends FakeObject<PivotTableModel>
  implements Mirror<Excel.PivotTable, "id" | "name" | "refresh" | "delete" | "load">
{
  readonly _typeName = "PivotTable";

  declare readonly id: Excel.PivotTable["id"];
  declare name: Excel.PivotTable["name"];
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
        layout: (self) => make(new FakePivotLayout(self._ctx, () => self._target("PivotTable.layout"))),
        hierarchies: (self) => make(new FakePivotHierarchyCollection(self._ctx, () => self._target("PivotTable.hierarchies"))),
        rowHierarchies: (self) =>
          make(new FakeRowColumnPivotHierarchyCollection(self._ctx, () => self._target("PivotTable.rowHierarchies"), "rows")),
        columnHierarchies: (self) =>
          make(new FakeRowColumnPivotHierarchyCollection(self._ctx, () => self._target("PivotTable.columnHierarchies"), "columns")),
        filterHierarchies: (self) =>
          make(new FakeFilterPivotHierarchyCollection(self._ctx, () => self._target("PivotTable.filterHierarchies"))),
        dataHierarchies: (self) => make(new FakeDataPivotHierarchyCollection(self._ctx, () => self._target("PivotTable.dataHierarchies"))),
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

// --- layout ------------------------------------------------------------------------------------

const LAYOUT_TYPES = ["Compact", "Tabular", "Outline"];
const SUBTOTAL_LOCATIONS = ["AtTop", "AtBottom", "Off"];

export class FakePivotLayout
  extends FakeObject<PivotTableModel>
  implements
    Mirror<
      Excel.PivotLayout,
      | "layoutType"
      | "showColumnGrandTotals"
      | "showRowGrandTotals"
      | "subtotalLocation"
      | "preserveFormatting"
      | "autoFormat"
      | "getRange"
      | "getDataBodyRange"
      | "getFilterAxisRange"
      | "load"
    >
{
  readonly _typeName = "PivotLayout";

  declare layoutType: Excel.PivotLayout["layoutType"];
  declare showColumnGrandTotals: Excel.PivotLayout["showColumnGrandTotals"];
  declare showRowGrandTotals: Excel.PivotLayout["showRowGrandTotals"];
  declare subtotalLocation: Excel.PivotLayout["subtotalLocation"];
  declare preserveFormatting: Excel.PivotLayout["preserveFormatting"];
  declare autoFormat: Excel.PivotLayout["autoFormat"];

  static {
    declareProperties(this, {
      scalars: {
        layoutType: {
          get: (p) => p.layout.layoutType,
          assign: (self, value) => {
            self._set("layoutType", value, (v) => LAYOUT_TYPES.includes(String(v)));
          },
        },
        showColumnGrandTotals: {
          get: (p) => p.layout.showColumnGrandTotals,
          assign: (self, value) => {
            self._set("showColumnGrandTotals", value, (v) => typeof v === "boolean");
          },
        },
        showRowGrandTotals: {
          get: (p) => p.layout.showRowGrandTotals,
          assign: (self, value) => {
            self._set("showRowGrandTotals", value, (v) => typeof v === "boolean");
          },
        },
        subtotalLocation: {
          get: (p) => p.layout.subtotalLocation,
          assign: (self, value) => {
            self._set("subtotalLocation", value, (v) => SUBTOTAL_LOCATIONS.includes(String(v)));
          },
        },
        preserveFormatting: {
          get: (p) => p.layout.preserveFormatting,
          assign: (self, value) => {
            self._set("preserveFormatting", value, (v) => typeof v === "boolean");
          },
        },
        autoFormat: {
          get: (p) => p.layout.autoFormat,
          assign: (self, value) => {
            self._set("autoFormat", value, (v) => typeof v === "boolean");
          },
        },
      },
    });
  }

  private _set<K extends keyof PivotLayoutModel>(key: K, value: unknown, check: (v: unknown) => boolean): void {
    const location = `PivotLayout.${key}`;
    this._write(key, value, (p, v) => {
      if (!check(v)) throw officeError("InvalidArgument", undefined, location);
      p.layout[key] = v as PivotLayoutModel[K];
      renderPivot(p, location);
    });
  }

  private _range(member: string, pick: (r: PivotRendered) => Rect | null): FakeRange {
    const location = `PivotLayout.${member}`;
    return makeRange(this._ctx, () => {
      const p = this._target(location);
      const r = p.rendered ? pick(p.rendered) : null;
      if (!r) throw officeError("ItemNotFound", undefined, location);
      return rangeTarget(p.sheet, r);
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
