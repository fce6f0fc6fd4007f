/// <reference types="office-js" />
/** Fakes of PivotTable hierarchies (the model is in `model/pivot-table.ts`), data hierarchies, `PivotField` and `PivotItem` (Office.js imitation). */
import type { FakeRequestContext, Mirror } from "./core";
import { FakeObject, make, sameContext, partTarget } from "./core";
import { FakeKeyedCollection } from "./collection";
import { officeError } from "../errors";
import { addDataHierarchy, AGGREGATIONS, defaultDataName, fieldItems, isItemHidden, itemName, placeField, removeField, renameDataHierarchy, renderPivot } from "../model/pivot-table";
import type { WritableProperty } from "./properties";
import { accepted, boolean, declareProperties, moveTo, position, stored, text, withProperties } from "./properties";
import type { PivotArea, PivotDataModel, PivotTableModel } from "../model/types";
// --- fields and items --------------------------------------------------------------------------

function itemTarget(pivot: PivotTableModel, field: string, name: string) {
  return partTarget({ pivot, field, name }, () => pivot.deleted);
}

export type ItemTarget = ReturnType<typeof itemTarget>;

export class FakePivotItem extends withProperties<Excel.PivotItem, "id" | "name" | "visible" | "isExpanded">()(FakeObject<ItemTarget>) {
  readonly _typeName = "PivotItem";

  static {
    declareProperties(this, {
      scalars: {
        id: (t) => `${t.field}:${t.name}`,
        name: (t) => t.name,
        visible: {
          get: (t) => !isItemHidden(t.pivot, t.field, t.name),
          set: (t, v, _self, location) => {
            accepted(v, boolean, location);
            const key = t.field.toLowerCase();
            const hidden = new Set(t.pivot.hidden.get(key) ?? []);
            if (v) hidden.delete(t.name.toLowerCase());
            else hidden.add(t.name.toLowerCase());
            // A field keeps at least one visible item, as Excel insists.
            if (fieldItems(t.pivot, t.field).every((item) => hidden.has(itemName(item).toLowerCase())))
              throw officeError("InvalidOperation", undefined, location);
            t.pivot.hidden.set(key, hidden);
            renderPivot(t.pivot, location);
          },
        },
        isExpanded: () => true,
      },
    });
  }
}

export class FakePivotItemCollection
  extends FakeKeyedCollection<FieldTarget, ItemTarget, FakePivotItem>
  implements Mirror<Excel.PivotItemCollection, "getCount" | "getItem" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "PivotItemCollection";
  protected readonly _itemClass = FakePivotItem;

  protected _itemTargets(f: FieldTarget): ItemTarget[] {
    return fieldItems(f.pivot, f.field).map((item) => itemTarget(f.pivot, f.field, itemName(item)));
  }

  protected _find(f: FieldTarget, name: string): ItemTarget | undefined {
    const lower = String(name).toLowerCase();
    const item = fieldItems(f.pivot, f.field).find((i) => itemName(i).toLowerCase() === lower);
    return item ? itemTarget(f.pivot, f.field, itemName(item)) : undefined;
  }
}

function fieldTarget(pivot: PivotTableModel, field: string) {
  return partTarget({ pivot, field }, () => false);
}

export type FieldTarget = ReturnType<typeof fieldTarget>;

const SUBTOTAL_KEYS = [
  "automatic",
  "average",
  "count",
  "countNumbers",
  "max",
  "min",
  "product",
  "standardDeviation",
  "standardDeviationP",
  "sum",
  "variance",
  "varianceP",
];

export class FakePivotField
  extends withProperties<Excel.PivotField, "id" | "name" | "showAllItems" | "subtotals">()(FakeObject<FieldTarget>)
{
  readonly _typeName = "PivotField";

  declare readonly items: FakePivotItemCollection;

  static {
    declareProperties(this, {
      scalars: {
        id: (t) => t.field,
        name: (t) => t.field,
        showAllItems: () => false,
        subtotals: {
          get: (t) => t.pivot.subtotals.get(t.field.toLowerCase()) ?? { automatic: true },
          set: (t, v, _self, location) => {
            if (!v || typeof v !== "object" || Object.keys(v).some((key) => !SUBTOTAL_KEYS.includes(key))) {
              throw officeError("InvalidArgument", undefined, location);
            }
            t.pivot.subtotals.set(t.field.toLowerCase(), { ...(v as Excel.Subtotals) });
            renderPivot(t.pivot, location);
          },
        },
      },
      parts: { items: FakePivotItemCollection },
    });
  }
}

export class FakePivotFieldCollection
  extends FakeKeyedCollection<HierarchyTarget, FieldTarget, FakePivotField>
  implements Mirror<Excel.PivotFieldCollection, "getCount" | "getItem" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "PivotFieldCollection";
  protected readonly _itemClass = FakePivotField;

  /** A hierarchy of a table or range source has exactly one field, of the same name. */
  protected _itemTargets(h: HierarchyTarget): FieldTarget[] {
    return [fieldTarget(h.pivot, h.field)];
  }

  protected _find(h: HierarchyTarget, name: string): FieldTarget | undefined {
    return String(name).toLowerCase() === h.field.toLowerCase() ? fieldTarget(h.pivot, h.field) : undefined;
  }
}

// --- hierarchies -------------------------------------------------------------------------------

function hierarchyTarget(pivot: PivotTableModel, field: string, area?: PivotArea) {
  return partTarget(
    { pivot, field, area },
    () => pivot.deleted || (area !== undefined && pivot.areaOf(field) !== area) || pivot.field(field) === undefined,
  );
}

/** A hierarchy of the pivot (one per source field), or a placed one (in an area). */
export type HierarchyTarget = ReturnType<typeof hierarchyTarget>;

/** Fields and items are reachable from any hierarchy. */
abstract class HierarchyBase extends FakeObject<HierarchyTarget> {
  declare readonly id: string;
  declare name: string;
  declare readonly fields: FakePivotFieldCollection;

  static {
    declareProperties(this, {
      scalars: {
        id: (t) => t.field,
        name: {
          get: (t) => t.field,
          assign: (self, value) => {
            // Excel renames the hierarchy's caption; the host keeps source names and refuses a rename.
            self._write("name", value, () => {
              throw officeError("InvalidOperation", undefined, `${self._typeName}.name`);
            });
          },
        },
      },
      parts: { fields: FakePivotFieldCollection },
    });
  }
}

export class FakePivotHierarchy extends HierarchyBase implements Mirror<Excel.PivotHierarchy, "id" | "name" | "load"> {
  readonly _typeName = "PivotHierarchy";
}

/** `position` of a hierarchy in its area (`list`); moving it re-renders the pivot. */
function positionIn(list: (t: HierarchyTarget) => string[]): WritableProperty<HierarchyBase, HierarchyTarget> {
  const index = (t: HierarchyTarget) => list(t).findIndex((f) => f.toLowerCase() === t.field.toLowerCase());
  return {
    get: index,
    set: (t, v, _self, location) => {
      const to = accepted(v, position, location);
      const items = list(t);
      moveTo(items, items[index(t)] as string, to);
      renderPivot(t.pivot, location);
    },
  };
}

export class FakeRowColumnPivotHierarchy
  extends withProperties<Excel.RowColumnPivotHierarchy, "position">()(HierarchyBase)
  implements Mirror<Excel.RowColumnPivotHierarchy, "id" | "name" | "load">
{
  readonly _typeName = "RowColumnPivotHierarchy";

  static {
    declareProperties(this, { scalars: { position: positionIn((t) => t.pivot[t.area ?? "rows"]) } });
  }
}

export class FakeFilterPivotHierarchy
  extends withProperties<Excel.FilterPivotHierarchy, "position">()(HierarchyBase)
  implements Mirror<Excel.FilterPivotHierarchy, "id" | "name" | "load">
{
  readonly _typeName = "FilterPivotHierarchy";

  static {
    declareProperties(this, { scalars: { position: positionIn((t) => t.pivot.filters) } });
  }
}

export class FakePivotHierarchyCollection
  extends FakeKeyedCollection<PivotTableModel, HierarchyTarget, FakePivotHierarchy>
  implements Mirror<Excel.PivotHierarchyCollection, "getCount" | "getItem" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "PivotHierarchyCollection";
  protected readonly _itemClass = FakePivotHierarchy;

  protected _itemTargets(pivot: PivotTableModel): HierarchyTarget[] {
    return pivot.cache.fields.map((f) => hierarchyTarget(pivot, f));
  }

  protected _find(pivot: PivotTableModel, name: string): HierarchyTarget | undefined {
    const field = pivot.field(name);
    return field ? hierarchyTarget(pivot, field) : undefined;
  }
}

/** The hierarchy an `add(hierarchy)` argument stands for, resolved at sync. */
function hierarchyArgument(context: FakeRequestContext, value: unknown, location: string): () => HierarchyTarget {
  sameContext(context, value, location);
  if (!(value instanceof HierarchyBase)) throw officeError("InvalidArgument", undefined, location);
  return () => value._target(location);
}

abstract class AreaCollection<P extends HierarchyBase> extends FakeKeyedCollection<PivotTableModel, HierarchyTarget, P> {
  protected abstract readonly _area: PivotArea;

  protected _itemTargets(pivot: PivotTableModel): HierarchyTarget[] {
    return pivot[this._area].map((f) => hierarchyTarget(pivot, f, this._area));
  }

  add(pivotHierarchy: Excel.PivotHierarchy): P {
    const location = `${this._typeName}.add`;
    const source = hierarchyArgument(this._ctx, pivotHierarchy, location);
    let created: HierarchyTarget | undefined;
    this._queue("add", (pivot) => {
      const h = source();
      if (h.pivot !== pivot) throw officeError("InvalidArgument", undefined, location);
      created = hierarchyTarget(pivot, placeField(pivot, this._area, h.field, location), this._area);
    });
    return this._created(location, () => created);
  }

  protected _find(pivot: PivotTableModel, name: string): HierarchyTarget | undefined {
    const lower = String(name).toLowerCase();
    const field = pivot[this._area].find((f) => f.toLowerCase() === lower);
    return field ? hierarchyTarget(pivot, field, this._area) : undefined;
  }

  protected _remove(hierarchy: unknown): void {
    const location = `${this._typeName}.remove`;
    const resolve = hierarchyArgument(this._ctx, hierarchy, location);
    this._queue("remove", (pivot) => removeField(pivot, this._area, resolve().field, location));
  }
}

export class FakeRowColumnPivotHierarchyCollection
  extends AreaCollection<FakeRowColumnPivotHierarchy>
  implements Mirror<Excel.RowColumnPivotHierarchyCollection, "add" | "getCount" | "getItem" | "getItemOrNullObject" | "remove" | "load">
{
  readonly _typeName = "RowColumnPivotHierarchyCollection";
  protected readonly _itemClass = FakeRowColumnPivotHierarchy;

  constructor(
    context: FakeRequestContext,
    resolve: () => PivotTableModel | null,
    protected readonly _area: "rows" | "columns",
  ) {
    super(context, resolve);
  }

  remove(rowColumnPivotHierarchy: Excel.RowColumnPivotHierarchy): void {
    this._remove(rowColumnPivotHierarchy);
  }
}

export class FakeFilterPivotHierarchyCollection
  extends AreaCollection<FakeFilterPivotHierarchy>
  implements Mirror<Excel.FilterPivotHierarchyCollection, "add" | "getCount" | "getItem" | "getItemOrNullObject" | "remove" | "load">
{
  readonly _typeName = "FilterPivotHierarchyCollection";
  protected readonly _itemClass = FakeFilterPivotHierarchy;
  protected readonly _area = "filters";

  remove(filterPivotHierarchy: Excel.FilterPivotHierarchy): void {
    this._remove(filterPivotHierarchy);
  }
}

// --- data hierarchies --------------------------------------------------------------------------

const rerender = (t: { pivot: PivotTableModel }, location: string): void => renderPivot(t.pivot, location);

function dataTarget(pivot: PivotTableModel, data: PivotDataModel) {
  return partTarget({ pivot, data }, () => pivot.deleted || !pivot.data.includes(data));
}

export type DataTarget = ReturnType<typeof dataTarget>;

export class FakeDataPivotHierarchyCollection
  extends FakeKeyedCollection<PivotTableModel, DataTarget, FakeDataPivotHierarchy>
  implements Mirror<Excel.DataPivotHierarchyCollection, "add" | "getCount" | "getItem" | "getItemOrNullObject" | "remove" | "load">
{
  readonly _typeName = "DataPivotHierarchyCollection";
  protected readonly _itemClass = FakeDataPivotHierarchy;

  protected _itemTargets(pivot: PivotTableModel): DataTarget[] {
    return pivot.data.map((d) => dataTarget(pivot, d));
  }

  add(pivotHierarchy: Excel.PivotHierarchy): FakeDataPivotHierarchy {
    const location = "DataPivotHierarchyCollection.add";
    const source = hierarchyArgument(this._ctx, pivotHierarchy, location);
    let created: DataTarget | undefined;
    this._queue("add", (pivot) => {
      const h = source();
      if (h.pivot !== pivot) throw officeError("InvalidArgument", undefined, location);
      created = dataTarget(pivot, addDataHierarchy(pivot, h.field, location));
    });
    return this._created(location, () => created);
  }

  protected _find(pivot: PivotTableModel, name: string): DataTarget | undefined {
    const lower = String(name).toLowerCase();
    const data = pivot.data.find((d) => d.name.toLowerCase() === lower) ?? pivot.data.find((d) => d.field.toLowerCase() === lower);
    return data ? dataTarget(pivot, data) : undefined;
  }

  remove(DataPivotHierarchy: Excel.DataPivotHierarchy): void {
    const location = "DataPivotHierarchyCollection.remove";
    sameContext(this._ctx, DataPivotHierarchy, location);
    if (!(DataPivotHierarchy instanceof FakeDataPivotHierarchy)) throw officeError("InvalidArgument", undefined, location);
    this._queue("remove", (pivot) => {
      const t = DataPivotHierarchy._target(location);
      pivot.data = pivot.data.filter((d) => d !== t.data);
      renderPivot(pivot, location);
    });
  }
}

export class FakeDataPivotHierarchy
  extends withProperties<Excel.DataPivotHierarchy, "id" | "name" | "numberFormat" | "position" | "summarizeBy">()(FakeObject<DataTarget>)
{
  readonly _typeName = "DataPivotHierarchy";

  declare readonly field: FakePivotField;

  static {
    declareProperties(this, {
      scalars: {
        id: (t) => `DataHierarchy${t.data.id}`,
        name: { get: (t) => t.data.name, set: (t, v) => renameDataHierarchy(t.pivot, t.data, v, "DataPivotHierarchy.name") },
        numberFormat: stored((t) => t.data, "numberFormat", (v) => (v === "" ? "General" : text(v)), rerender),
        position: {
          get: (t) => t.pivot.data.indexOf(t.data),
          set: (t, v, _self, location) => {
            moveTo(t.pivot.data, t.data, accepted(v, position, location));
            renderPivot(t.pivot, location);
          },
        },
        summarizeBy: {
          get: (t) => t.data.summarizeBy,
          set: (t, v, _self, location) => {
            const how = accepted(v, (a) => AGGREGATIONS.find((x) => x === a), location);
            t.data.summarizeBy = how;
            // A default name follows the function ("Sum of Value" becomes "Count of Value"), as in Excel.
            if (!t.data.customName) t.data.name = defaultDataName(how, t.data.field);
            renderPivot(t.pivot, location);
          },
        },
      },
      navigation: {
        field: (self) =>
          make(
            new FakePivotField(self._ctx, () => {
              const t = self._target("DataPivotHierarchy.field");
              return fieldTarget(t.pivot, t.data.field);
            }),
          ),
      },
    });
  }
}
