/// <reference types="office-js" />
/** Fakes of PivotTable hierarchies (the model is in `model/pivot-table.ts`), data hierarchies, `PivotField` and `PivotItem` (Office.js imitation). */
import type { FakeClientResult, FakeRequestContext, Mirror,  } from "./core";
import { clientResult, FakeCollection, FakeObject, make, sameContext, partTarget } from "./core";
import { officeError } from "../errors";
import type { PivotArea, PivotDataModel, PivotTableModel } from "../model/pivot-table";
import {
  addDataHierarchy,
  AGGREGATIONS,
  defaultDataName,
  fieldItems,
  isItemHidden,
  itemName,
  placeField,
  removeField,
  renameDataHierarchy,
  renderPivot,
} from "../model/pivot-table";
import type { WritableProperty } from "./properties";
import { declareProperties } from "./properties";
// --- hierarchies -------------------------------------------------------------------------------

/** A hierarchy of the pivot (one per source field), or a placed one (in an area). */
export interface HierarchyTarget {
  pivot: PivotTableModel;
  field: string;
  area?: PivotArea;
  readonly deleted: boolean;
}

function hierarchyTarget(pivot: PivotTableModel, field: string, area?: PivotArea): HierarchyTarget {
  return partTarget(
    { pivot, field, area },
    () => pivot.deleted || (area !== undefined && pivot.areaOf(field) !== area) || pivot.field(field) === undefined,
  );
}

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
      navigation: {
        fields: (self) => make(new FakePivotFieldCollection(self._ctx, () => self._target(`${self._typeName}.fields`))),
      },
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
    set: (t, v, self) => {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
        throw officeError("InvalidArgument", undefined, `${self._typeName}.position`);
      const items = list(t);
      const [moved] = items.splice(index(t), 1);
      items.splice(Math.min(v, items.length), 0, moved as string);
      renderPivot(t.pivot, `${self._typeName}.position`);
    },
  };
}

export class FakeRowColumnPivotHierarchy
  extends HierarchyBase
  implements Mirror<Excel.RowColumnPivotHierarchy, "id" | "name" | "position" | "load">
{
  readonly _typeName = "RowColumnPivotHierarchy";

  declare position: number;

  static {
    declareProperties(this, { scalars: { position: positionIn((t) => t.pivot[t.area ?? "rows"]) } });
  }
}

export class FakeFilterPivotHierarchy
  extends HierarchyBase
  implements Mirror<Excel.FilterPivotHierarchy, "id" | "name" | "position" | "load">
{
  readonly _typeName = "FilterPivotHierarchy";

  declare position: number;

  static {
    declareProperties(this, { scalars: { position: positionIn((t) => t.pivot.filters) } });
  }
}

export class FakePivotHierarchyCollection
  extends FakeCollection<PivotTableModel, HierarchyTarget, FakePivotHierarchy>
  implements Mirror<Excel.PivotHierarchyCollection, "getCount" | "getItem" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "PivotHierarchyCollection";
  protected readonly _itemClass = FakePivotHierarchy;

  protected _itemTargets(pivot: PivotTableModel): HierarchyTarget[] {
    return pivot.cache.fields.map((f) => hierarchyTarget(pivot, f));
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (p) => p.cache.fields.length);
  }

  private _lookup(member: string, name: string, nullable: boolean): FakePivotHierarchy {
    return this._item(
      member,
      (pivot) => {
        const field = pivot.field(name);
        return field ? hierarchyTarget(pivot, field) : undefined;
      },
      nullable,
    );
  }

  getItem(name: string): FakePivotHierarchy {
    return this._lookup("getItem", name, false);
  }

  getItemOrNullObject(name: string): FakePivotHierarchy {
    return this._lookup("getItemOrNullObject", name, true);
  }
}

/** The hierarchy an `add(hierarchy)` argument stands for, resolved at sync. */
function hierarchyArgument(context: FakeRequestContext, value: unknown, location: string): () => HierarchyTarget {
  sameContext(context, value, location);
  if (!(value instanceof HierarchyBase)) throw officeError("InvalidArgument", undefined, location);
  return () => value._target(location);
}

abstract class AreaCollection<P extends HierarchyBase> extends FakeCollection<PivotTableModel, HierarchyTarget, P> {
  protected abstract readonly _area: PivotArea;

  protected _itemTargets(pivot: PivotTableModel): HierarchyTarget[] {
    return pivot[this._area].map((f) => hierarchyTarget(pivot, f, this._area));
  }

  private _create(resolve: () => HierarchyTarget | null): P {
    return make(new this._itemClass(this._ctx, resolve));
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
    return this._create(() => {
      if (!created) throw officeError("ItemNotFound", undefined, location);
      return created;
    });
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (pivot) => pivot[this._area].length);
  }

  private _lookup(member: string, name: string, nullable: boolean): P {
    const location = `${this._typeName}.${member}`;
    const proxy = this._create(() => {
      const pivot = this._target(location);
      const lower = String(name).toLowerCase();
      const field = pivot[this._area].find((f) => f.toLowerCase() === lower);
      if (field) return hierarchyTarget(pivot, field, this._area);
      if (nullable) return null;
      throw officeError("ItemNotFound", undefined, location);
    });
    return nullable ? proxy._asNullable() : proxy;
  }

  getItem(name: string): P {
    return this._lookup("getItem", name, false);
  }

  getItemOrNullObject(name: string): P {
    return this._lookup("getItemOrNullObject", name, true);
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

export interface DataTarget {
  pivot: PivotTableModel;
  data: PivotDataModel;
  readonly deleted: boolean;
}

function dataTarget(pivot: PivotTableModel, data: PivotDataModel): DataTarget {
  return partTarget({ pivot, data }, () => pivot.deleted || !pivot.data.includes(data));
}

export class FakeDataPivotHierarchyCollection
  extends FakeCollection<PivotTableModel, DataTarget, FakeDataPivotHierarchy>
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

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (pivot) => pivot.data.length);
  }

  private _lookup(member: string, name: string, nullable: boolean): FakeDataPivotHierarchy {
    const lower = String(name).toLowerCase();
    return this._item(
      member,
      (pivot) => {
        const data = pivot.data.find((d) => d.name.toLowerCase() === lower) ?? pivot.data.find((d) => d.field.toLowerCase() === lower);
        return data ? dataTarget(pivot, data) : undefined;
      },
      nullable,
    );
  }

  getItem(name: string): FakeDataPivotHierarchy {
    return this._lookup("getItem", name, false);
  }

  getItemOrNullObject(name: string): FakeDataPivotHierarchy {
    return this._lookup("getItemOrNullObject", name, true);
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
  extends FakeObject<DataTarget>
  implements Mirror<Excel.DataPivotHierarchy, "id" | "name" | "numberFormat" | "position" | "summarizeBy" | "load">
{
  readonly _typeName = "DataPivotHierarchy";

  declare readonly id: Excel.DataPivotHierarchy["id"];
  declare name: Excel.DataPivotHierarchy["name"];
  declare numberFormat: Excel.DataPivotHierarchy["numberFormat"];
  declare position: Excel.DataPivotHierarchy["position"];
  declare summarizeBy: Excel.DataPivotHierarchy["summarizeBy"];
  declare readonly field: FakePivotField;

  static {
    declareProperties(this, {
      scalars: {
        id: (t) => `DataHierarchy${t.data.id}`,
        name: { get: (t) => t.data.name, set: (t, v) => renameDataHierarchy(t.pivot, t.data, v, "DataPivotHierarchy.name") },
        numberFormat: {
          get: (t) => t.data.numberFormat,
          set: (t, v) => {
            if (typeof v !== "string") throw officeError("InvalidArgument", undefined, "DataPivotHierarchy.numberFormat");
            t.data.numberFormat = v === "" ? "General" : v;
            renderPivot(t.pivot, "DataPivotHierarchy.numberFormat");
          },
        },
        position: {
          get: (t) => t.pivot.data.indexOf(t.data),
          set: (t, v) => {
            if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
              throw officeError("InvalidArgument", undefined, "DataPivotHierarchy.position");
            const list = t.pivot.data;
            list.splice(list.indexOf(t.data), 1);
            list.splice(Math.min(v, list.length), 0, t.data);
            renderPivot(t.pivot, "DataPivotHierarchy.position");
          },
        },
        summarizeBy: {
          get: (t) => t.data.summarizeBy,
          set: (t, v) => {
            const how = AGGREGATIONS.find((a) => a === v);
            if (!how) throw officeError("InvalidArgument", undefined, "DataPivotHierarchy.summarizeBy");
            t.data.summarizeBy = how;
            // A default name follows the function ("Sum of Value" becomes "Count of Value"), as in Excel.
            if (!t.data.customName) t.data.name = defaultDataName(how, t.data.field);
            renderPivot(t.pivot, "DataPivotHierarchy.summarizeBy");
          },
        },
      },
      navigation: {
        field: (self) =>
          make(
            new FakePivotField(self._ctx, () => {
              const t = self._target("DataPivotHierarchy.field");
              return { pivot: t.pivot, field: t.data.field, deleted: false };
            }),
          ),
      },
    });
  }
}

// --- fields and items --------------------------------------------------------------------------

export interface FieldTarget {
  pivot: PivotTableModel;
  field: string;
  readonly deleted: boolean;
}

export class FakePivotFieldCollection
  extends FakeCollection<HierarchyTarget, FieldTarget, FakePivotField>
  implements Mirror<Excel.PivotFieldCollection, "getCount" | "getItem" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "PivotFieldCollection";
  protected readonly _itemClass = FakePivotField;

  /** A hierarchy of a table or range source has exactly one field, of the same name. */
  protected _itemTargets(h: HierarchyTarget): FieldTarget[] {
    return [{ pivot: h.pivot, field: h.field, deleted: false }];
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", () => 1);
  }

  private _lookup(member: string, name: string, nullable: boolean): FakePivotField {
    return this._item(
      member,
      (h) => (String(name).toLowerCase() === h.field.toLowerCase() ? { pivot: h.pivot, field: h.field, deleted: false } : undefined),
      nullable,
    );
  }

  getItem(name: string): FakePivotField {
    return this._lookup("getItem", name, false);
  }

  getItemOrNullObject(name: string): FakePivotField {
    return this._lookup("getItemOrNullObject", name, true);
  }
}

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
  extends FakeObject<FieldTarget>
  implements Mirror<Excel.PivotField, "id" | "name" | "subtotals" | "showAllItems" | "load">
{
  readonly _typeName = "PivotField";

  declare readonly id: Excel.PivotField["id"];
  declare readonly name: Excel.PivotField["name"];
  declare readonly showAllItems: Excel.PivotField["showAllItems"];
  declare subtotals: Excel.PivotField["subtotals"];
  declare readonly items: FakePivotItemCollection;

  static {
    declareProperties(this, {
      scalars: {
        id: (t) => t.field,
        name: (t) => t.field,
        showAllItems: () => false,
        subtotals: {
          get: (t) => t.pivot.subtotals.get(t.field.toLowerCase()) ?? { automatic: true },
          set: (t, v) => {
            if (!v || typeof v !== "object" || Object.keys(v).some((key) => !SUBTOTAL_KEYS.includes(key))) {
              throw officeError("InvalidArgument", undefined, "PivotField.subtotals");
            }
            t.pivot.subtotals.set(t.field.toLowerCase(), { ...(v as Excel.Subtotals) });
            renderPivot(t.pivot, "PivotField.subtotals");
          },
        },
      },
      navigation: {
        items: (self) => make(new FakePivotItemCollection(self._ctx, () => self._target("PivotField.items"))),
      },
    });
  }
}

export interface ItemTarget {
  pivot: PivotTableModel;
  field: string;
  name: string;
  readonly deleted: boolean;
}

function itemTarget(pivot: PivotTableModel, field: string, name: string): ItemTarget {
  return partTarget({ pivot, field, name }, () => pivot.deleted);
}

export class FakePivotItemCollection
  extends FakeCollection<FieldTarget, ItemTarget, FakePivotItem>
  implements Mirror<Excel.PivotItemCollection, "getCount" | "getItem" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "PivotItemCollection";
  protected readonly _itemClass = FakePivotItem;

  protected _itemTargets(f: FieldTarget): ItemTarget[] {
    return fieldItems(f.pivot, f.field).map((item) => itemTarget(f.pivot, f.field, itemName(item)));
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (f) => fieldItems(f.pivot, f.field).length);
  }

  private _lookup(member: string, name: string, nullable: boolean): FakePivotItem {
    const lower = String(name).toLowerCase();
    return this._item(
      member,
      (f) => {
        const item = fieldItems(f.pivot, f.field).find((i) => itemName(i).toLowerCase() === lower);
        return item ? itemTarget(f.pivot, f.field, itemName(item)) : undefined;
      },
      nullable,
    );
  }

  getItem(name: string): FakePivotItem {
    return this._lookup("getItem", name, false);
  }

  getItemOrNullObject(name: string): FakePivotItem {
    return this._lookup("getItemOrNullObject", name, true);
  }
}

export class FakePivotItem
  extends FakeObject<ItemTarget>
  implements Mirror<Excel.PivotItem, "id" | "name" | "visible" | "isExpanded" | "load">
{
  readonly _typeName = "PivotItem";

  declare readonly id: Excel.PivotItem["id"];
  declare readonly name: Excel.PivotItem["name"];
  declare visible: Excel.PivotItem["visible"];
  declare readonly isExpanded: Excel.PivotItem["isExpanded"];

  static {
    declareProperties(this, {
      scalars: {
        id: (t) => `${t.field}:${t.name}`,
        name: (t) => t.name,
        visible: {
          get: (t) => !isItemHidden(t.pivot, t.field, t.name),
          set: (t, v) => {
            const location = "PivotItem.visible";
            if (typeof v !== "boolean") throw officeError("InvalidArgument", undefined, location);
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
