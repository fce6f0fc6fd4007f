/**
 * Declared properties: a proxy class lists its Office properties once (`declareProperties`) and
 * gets accessors with Office.js's semantics on its prototype. `FakeObject` (core.ts) reads the
 * declarations back for `load()` (`_scalars`) and load paths (`_navigation`).
 *
 * Also the small vocabulary the tables are written in: what a write accepts (`boolean`, `text`,
 * `oneOf`...) and `stored`, a property kept in a field of a model object.
 */
import { officeError } from "../errors";

/** A writable scalar property of a proxy whose target is `T`. */
export interface WritableProperty<P, T> {
  /** What `load()` reads from the model. */
  get: (target: T, self: P) => unknown;
  /**
   * Applied to the model at sync; the written value reads back at once (`FakeObject._write`).
   * `location` is the property's ("Chart.name"), for errors.
   */
  set?: (target: T, value: unknown, self: P, location: string) => void;
  /** Instead of `set`: the whole assignment, for properties that share a helper of the class. */
  assign?: (self: P, value: unknown) => void;
}

/** A proxy class whose objects are bound to a target of type `T`. */
export type PartClass<T> = new (context: never, resolve: () => T) => object;

/**
 * The Office properties of a proxy class, declared once: each becomes an accessor on the class's
 * prototype with Office.js semantics (PropertyNotLoaded until loaded or written, writes queued until
 * sync, navigation properties created once). Their types are `declare` fields of the class.
 */
export interface PropertyTable<P, T> {
  /**
   * Scalar properties, in the order `load()` takes them: a read-only one is what `load()` reads from
   * the model; a writable one also says how a write reaches the model.
   */
  scalars?: Record<string, ((target: T, self: P) => unknown) | WritableProperty<P, T>>;
  /** Navigation properties: the proxy each one creates, once per object. */
  navigation?: Record<string, (self: P) => unknown>;
  /**
   * Navigation properties bound to the object's own target (`range.format`, `chart.title`): the
   * proxy class of each.
   */
  parts?: Record<string, PartClass<T>>;
}

interface DeclaredTable {
  scalars: Record<string, (target: never, self: never) => unknown>;
  navigation: Set<string>;
}

/** The members the declared accessors call; protected in the class, reached here by name. */
interface ProxyInternals {
  readonly _typeName: string;
  _read(property: string): unknown;
  _write(property: string, value: unknown, apply: (target: unknown, value: unknown) => void): void;
  _nav(name: string, create: () => unknown): unknown;
  _part(name: string, cls: PartClass<never>): unknown;
}

const DECLARED = new WeakMap<object, DeclaredTable>();

/** The properties declared on an object's class and its base classes. */
export function declaredTable(object: object): DeclaredTable {
  const table: DeclaredTable = { scalars: {}, navigation: new Set() };
  const chain: DeclaredTable[] = [];
  for (let proto = Object.getPrototypeOf(object) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const own = DECLARED.get(proto);
    if (own) chain.unshift(own);
  }
  for (const own of chain) {
    Object.assign(table.scalars, own.scalars);
    for (const name of own.navigation) table.navigation.add(name);
  }
  return table;
}

/** The model object a proxy is bound to. */
type TargetOf<P extends Proxied> = ReturnType<P["_target"]>;

interface Proxied {
  _target(location?: string): unknown;
}

/** Defines the accessors of `table` on the prototype of `cls` (see PropertyTable). */
export function declareProperties<P extends Proxied>(cls: { prototype: P }, table: PropertyTable<NoInfer<P>, TargetOf<NoInfer<P>>>): void {
  const proto = cls.prototype as object;
  const own = DECLARED.get(proto) ?? { scalars: {}, navigation: new Set<string>() };
  DECLARED.set(proto, own);
  for (const [name, property] of Object.entries(table.scalars ?? {})) {
    const writable = typeof property === "function" ? undefined : property;
    own.scalars[name] = (writable ? writable.get : property) as (target: never, self: never) => unknown;
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: ProxyInternals) {
        return this._read(name);
      },
      set: writable
        ? function (this: ProxyInternals, value: unknown) {
            const { set, assign } = writable;
            const location = `${this._typeName}.${name}`;
            if (assign) assign(this as unknown as P, value);
            else if (set) this._write(name, value, (target, v) => set(target as TargetOf<P>, v, this as unknown as P, location));
          }
        : undefined,
    });
  }
  const navigation = (name: string, create: (self: ProxyInternals) => unknown): void => {
    own.navigation.add(name);
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: ProxyInternals) {
        return this._nav(name, () => create(this));
      },
    });
  };
  for (const [name, create] of Object.entries(table.navigation ?? {})) navigation(name, (self) => create(self as unknown as P));
  for (const [name, cls] of Object.entries(table.parts ?? {})) navigation(name, (self) => self._part(name, cls as PartClass<never>));
}

// ---------------------------------------------------------------------------------------------
// What a write accepts: each returns the value to store, or undefined for one Excel refuses.

export type Accept<V> = (value: unknown) => V | undefined;

export const boolean: Accept<boolean> = (v) => (typeof v === "boolean" ? v : undefined);

export const text: Accept<string> = (v) => (typeof v === "string" ? v : undefined);

/** A string that is not blank. */
export const nonBlank: Accept<string> = (v) => (typeof v === "string" && v.trim() !== "" ? v : undefined);

/** A finite number that `ok` allows. */
export function numberWhere(ok: (n: number) => boolean): Accept<number> {
  return (v) => (typeof v === "number" && Number.isFinite(v) && ok(v) ? v : undefined);
}

/** An integer of at least 0 (a position or priority). */
export const position: Accept<number> = (v) => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined);

/** One of `allowed` (a string). */
export function oneOf<V extends string>(allowed: readonly V[]): Accept<V> {
  return (v) => (typeof v === "string" && (allowed as readonly string[]).includes(v) ? (v as V) : undefined);
}

/** `value` as `accept` converts it, or Office's InvalidArgument at `location` when it is refused. */
export function accepted<V>(value: unknown, accept: Accept<V>, location: string): V {
  const converted = accept(value);
  if (converted === undefined) throw officeError("InvalidArgument", undefined, location);
  return converted;
}

/**
 * A property kept in a field of a model object: `key` of `holder(target)`. A write is converted by
 * `accept` (InvalidArgument if refused), stored, and followed by `changed` (the workbook's
 * `touch()`, a pivot's re-rendering...). `check`, if given, runs first (a protection check).
 */
export function stored<T, K extends PropertyKey, V>(
  holder: (target: T) => Record<K, V>,
  key: K,
  accept: Accept<V>,
  changed: (target: NoInfer<T>, location: string) => void,
  check?: (target: NoInfer<T>, location: string) => void,
): WritableProperty<unknown, T> {
  return {
    get: (t) => holder(t)[key],
    set: (t, v, _self, location) => {
      check?.(t, location);
      holder(t)[key] = accepted(v, accept, location);
      changed(t, location);
    },
  };
}

/** Moves `item` within `list` to index `to` (at most the end), as a `position` or `priority` write does. */
export function moveTo<I>(list: I[], item: I, to: number): void {
  list.splice(list.indexOf(item), 1);
  list.splice(Math.min(to, list.length), 0, item);
}

/**
 * `base` (a proxy class), with Office's properties `K` of `O` on its instances' type, exactly as
 * Office types them: the class's `declareProperties` table defines them at run time.
 */
export function withProperties<O, K extends keyof O>() {
  return <C extends abstract new (...args: never[]) => object>(base: C) =>
    base as unknown as abstract new (...args: ConstructorParameters<C>) => InstanceType<C> & Pick<O, K>;
}

/**
 * Scalar properties declared in a table of their own, before their class: `keyof typeof` the table
 * names them for `withProperties`, so the names are written once.
 */
export type Scalars<T> = Record<string, ((target: T) => unknown) | WritableProperty<unknown, T>>;
