/**
 * The base of every collection proxy (`WorksheetCollection`, `TableCollection`, `ChartCollection`...):
 * `items` after load, item properties loadable as "items/name" or just "name", `getCount()`, and the
 * items it finds at sync (`getItem`, `getItemAt`, the `*OrNullObject` methods) or creates (`add`).
 */
import { officeError, propertyNotLoaded } from "../errors";
import type { FakeClientResult, LoadSpec, ProxyClass } from "./core";
import { clientResult, FakeObject, make } from "./core";

/** A collection: `items` after load, item properties loadable as "items/name" or just "name". */
export abstract class FakeCollection<T, I, P extends FakeObject<I>> extends FakeObject<T> {
  protected _items: P[] | undefined;

  /** The model objects currently in the collection. */
  protected abstract _itemTargets(target: T): I[];

  /** The number of items (`count`, `getCount()`). */
  _countOf(target: T): number {
    return this._itemTargets(target).length;
  }
  /** The proxy class of the items. */
  protected abstract readonly _itemClass: ProxyClass<I, P>;

  /** A proxy for one item, already bound. */
  protected _makeItem(item: I): P {
    return make(new this._itemClass(this._ctx, () => item, { bound: item }));
  }

  /**
   * An item the collection finds at sync (`getItem`, `getItemAt`...): ItemNotFound when `find`
   * finds none, or a null object when `nullable` (the *OrNullObject methods).
   */
  protected _item(member: string, find: (target: T, location: string) => I | undefined, nullable = false): P {
    const location = `${this._typeName}.${member}`;
    const proxy = make(
      new this._itemClass(this._ctx, () => {
        const found = find(this._target(location), location);
        if (found !== undefined) return found;
        if (nullable) return null;
        throw officeError("ItemNotFound", undefined, location);
      }),
    );
    return nullable ? proxy._asNullable() : proxy;
  }

  /** `getItemAt(index)`: the item at that position, at sync. */
  protected _itemAt(index: number): P {
    return this._item("getItemAt", (target) => this._itemTargets(target)[index]);
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (target) => this._countOf(target));
  }

  /** The item an operation queued before it creates (`add`): ItemNotFound if that operation failed. */
  protected _created(location: string, created: () => I | undefined): P {
    return make(
      new this._itemClass(this._ctx, () => {
        const item = created();
        if (item === undefined) throw officeError("ItemNotFound", undefined, location);
        return item;
      }),
    );
  }

  get items(): P[] {
    if (this._isNull === true) return undefined as unknown as P[];
    if (this._items === undefined) throw propertyNotLoaded(this._typeName, "items");
    return this._items;
  }

  protected override _validateSpec(): void {
    // Item paths are checked when the snapshot is taken (the item type is known then).
  }

  override _snapshot(spec: LoadSpec): () => void {
    const target = this._bind();
    if (target === null) {
      return () => {
        this._isNull = true;
      };
    }
    const own = this._scalars();
    const ownNames: string[] = [];
    let itemSpec: LoadSpec | null = spec === "all" ? "all" : null;
    if (spec !== "all") {
      const paths: string[] = [];
      for (const path of spec) {
        const [head = "", ...rest] = path.split("/");
        if (head === "items") {
          if (rest.length === 0) itemSpec = "all";
          else paths.push(rest.join("/"));
        } else if (head in own && rest.length === 0) ownNames.push(head);
        else paths.push(path); // Office applies other paths to the items
      }
      if (itemSpec !== "all" && paths.length) itemSpec = paths;
    } else ownNames.push(...Object.keys(own));
    const values = new Map<string, unknown>();
    for (const name of ownNames) values.set(name, own[name]?.(target));
    let items: P[] | undefined;
    const itemPublishers: (() => void)[] = [];
    if (itemSpec !== null) {
      items = this._itemTargets(target).map((item) => this._makeItem(item));
      for (const item of items) itemPublishers.push(item._snapshot(itemSpec));
    }
    return () => {
      this._isNull = false;
      for (const [name, value] of values) this._values.set(name, value);
      if (items) this._items = items;
      for (const publish of itemPublishers) publish();
    };
  }

  override toJSON(): Record<string, unknown> {
    const json = super.toJSON();
    if (this._items) json.items = this._items.map((item) => item.toJSON());
    return json;
  }
}


/** A collection whose items are found by a key (a name, an id...): `getItem` and `getItemOrNullObject`. */
export abstract class FakeKeyedCollection<T, I, P extends FakeObject<I>, K = string> extends FakeCollection<T, I, P> {
  /** The item of that key, if there is one (`location` is the method's, for errors of the key itself). */
  protected abstract _find(target: T, key: K, location: string): I | undefined;

  getItem(key: K): P {
    return this._item("getItem", (target, location) => this._find(target, key, location));
  }

  getItemOrNullObject(key: K): P {
    return this._item("getItemOrNullObject", (target, location) => this._find(target, key, location), true);
  }
}
