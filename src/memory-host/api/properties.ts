/**
 * Declared properties: a proxy class lists its Office properties once (`declareProperties`) and
 * gets accessors with Office.js's semantics on its prototype. `FakeObject` (core.ts) reads the
 * declarations back for `load()` (`_scalars`) and load paths (`_navigation`).
 */

/** A writable scalar property of a proxy whose target is `T`. */
export interface WritableProperty<P, T> {
  /** What `load()` reads from the model. */
  get: (target: T, self: P) => unknown;
  /** Applied to the model at sync; the written value reads back at once (`FakeObject._write`). */
  set?: (target: T, value: unknown, self: P) => void;
  /** Instead of `set`: the whole assignment, for properties that share a helper of the class. */
  assign?: (self: P, value: unknown) => void;
}

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
}

interface DeclaredTable {
  scalars: Record<string, (target: never, self: never) => unknown>;
  navigation: Set<string>;
}

/** The members the declared accessors call; protected in the class, reached here by name. */
interface ProxyInternals {
  _read(property: string): unknown;
  _write(property: string, value: unknown, apply: (target: unknown, value: unknown) => void): void;
  _nav(name: string, create: () => unknown): unknown;
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
            if (assign) assign(this as unknown as P, value);
            else if (set) this._write(name, value, (target, v) => set(target as TargetOf<P>, v, this as unknown as P));
          }
        : undefined,
    });
  }
  for (const [name, create] of Object.entries(table.navigation ?? {})) {
    own.navigation.add(name);
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: ProxyInternals) {
        return this._nav(name, () => create(this as unknown as P));
      },
    });
  }
}
