/**
 * The preview's work kept in this browser, so a page reload does not lose it: the workbook as the
 * memory host's snapshot (src/memory-host/snapshot.ts, the one serialisation of the model, also
 * used for the undo of a replacement) in JSON, in IndexedDB, on this machine only.
 *
 * - `encodeSavedWork` / `decodeSavedWork`: the stored text, bounded by SAVED_WORK_LIMIT_BYTES
 *   (UTF-8). What is read back is untrusted: checked for shape and loaded into a trial host, and
 *   anything wrong gives one plain sentence, never an exception.
 * - `browserWorkStore`: the IndexedDB store (`WorkStore`, so tests can hand in their own).
 * - `WorkSaver`: saves after each change the host reports (its own change events, no timers);
 *   changes arriving while a save runs are saved together when it ends. Its state drives the
 *   "Saved in this browser" line, with the model version saved, so tests can wait on it.
 */
import { z } from "zod";
import { formatNumber } from "../core/format";
import { utf8Length } from "../core/workbook/utf8";
import { MemoryExcelHost, type WorkbookSnapshot } from "../memory-host";
import { isBlank } from "./work-at-risk";

export const SAVED_WORK_FORMAT = "impact-returns-preview-work";
export const SAVED_WORK_VERSION = 1;
/** The most this browser keeps: a full year's return is well under 1 MB. */
export const SAVED_WORK_LIMIT_BYTES = 20 * 1024 * 1024;

/** What the workbook was first: the sample return keeps its own clock (summer 2020) when restored. */
export type WorkbookOrigin = "empty" | "sample";

export interface SavedWork {
  origin: WorkbookOrigin;
  /** ISO time of the save. */
  savedAt: string;
  workbook: WorkbookSnapshot;
}

function megabytes(bytes: number): string {
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

const LIMIT_TEXT = megabytes(SAVED_WORK_LIMIT_BYTES);

/** The sentences people see. */
export const SAVED_WORK_MESSAGES = {
  unreadable: "The work saved in this browser could not be read, so the preview started with an empty workbook.",
  tooLargeToOpen: (bytes: number) =>
    `The work saved in this browser was too large to open (${megabytes(bytes)}; the limit is ${LIMIT_TEXT}), so the preview started with an empty workbook.`,
  tooLargeToSave: (bytes: number) =>
    `This workbook is too large to keep in this browser (${megabytes(bytes)}; the limit is ${LIMIT_TEXT}): download it to keep your work.`,
  unavailable: "This browser does not let the preview keep your work (its storage is switched off or full): download the workbook to keep it.",
} as const;

export type Encoded = { ok: true; text: string; bytes: number } | { ok: false; message: string };

export function encodeSavedWork(work: SavedWork, limitBytes = SAVED_WORK_LIMIT_BYTES): Encoded {
  const text = JSON.stringify({ format: SAVED_WORK_FORMAT, version: SAVED_WORK_VERSION, ...work });
  const bytes = utf8Length(text);
  if (bytes > limitBytes) return { ok: false, message: SAVED_WORK_MESSAGES.tooLargeToSave(bytes) };
  return { ok: true, text, bytes };
}

/** One cell, A1 to XFD1048576: a range here would make loading fill every cell of it. */
const CELL = /^[A-Z]{1,3}[1-9][0-9]{0,6}$/;

const storedSchema = z.object({
  format: z.literal(SAVED_WORK_FORMAT),
  version: z.literal(SAVED_WORK_VERSION),
  origin: z.enum(["empty", "sample"]),
  savedAt: z.string().max(40),
  workbook: z.looseObject({
    sheets: z
      .array(
        z.looseObject({
          name: z.string().min(1).max(31),
          rows: z.undefined().optional(),
          cells: z.record(z.string().regex(CELL), z.unknown()).optional(),
        }),
      )
      .min(1)
      .max(1000),
    activeSheet: z.string().max(31).optional(),
  }),
});

export type Decoded = { ok: true; work: SavedWork } | { ok: false; message: string } | { ok: false; nothing: true };

/** Reads what the store held: nothing, the work, or one sentence saying why it was ignored. */
export function decodeSavedWork(stored: unknown, limitBytes = SAVED_WORK_LIMIT_BYTES): Decoded {
  if (stored === undefined || stored === null) return { ok: false, nothing: true };
  if (typeof stored !== "string") return { ok: false, message: SAVED_WORK_MESSAGES.unreadable };
  const bytes = utf8Length(stored);
  if (bytes > limitBytes) return { ok: false, message: SAVED_WORK_MESSAGES.tooLargeToOpen(bytes) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return { ok: false, message: SAVED_WORK_MESSAGES.unreadable };
  }
  const checked = storedSchema.safeParse(parsed);
  if (!checked.success) return { ok: false, message: SAVED_WORK_MESSAGES.unreadable };
  const { origin, savedAt } = checked.data;
  const workbook = checked.data.workbook as unknown as WorkbookSnapshot;
  try {
    // A trial load: whatever the model refuses (a bad address, a clashing name) is refused here, once.
    MemoryExcelHost.fromSnapshot(workbook);
  } catch {
    return { ok: false, message: SAVED_WORK_MESSAGES.unreadable };
  }
  return { ok: true, work: { origin, savedAt, workbook } };
}

/** Where the text is kept. */
export interface WorkStore {
  read(): Promise<unknown>;
  write(text: string): Promise<void>;
  remove(): Promise<void>;
}

const DATABASE = "impact-returns-preview";
const OBJECT_STORE = "work";
const KEY = "current";

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("IndexedDB request failed"));
  });
}

/** The work in this browser's IndexedDB (one record). Rejects when the browser has no IndexedDB or refuses it. */
export function browserWorkStore(factory: IDBFactory | undefined = globalThis.indexedDB): WorkStore {
  let opened: Promise<IDBDatabase> | undefined;
  const database = (): Promise<IDBDatabase> => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (!factory) {
        reject(new Error("no IndexedDB"));
        return;
      }
      const open = factory.open(DATABASE, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(OBJECT_STORE);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error("IndexedDB did not open"));
      open.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
    });
    opened.catch(() => {
      opened = undefined;
    });
    return opened;
  };
  const run = async <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await database();
    const transaction = db.transaction(OBJECT_STORE, mode);
    const result = await request(fn(transaction.objectStore(OBJECT_STORE)));
    if (mode === "readwrite") {
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB write failed"));
        transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB write aborted"));
      });
    }
    return result;
  };
  return {
    read: () => run("readonly", (store) => store.get(KEY)),
    write: async (text) => {
      await run("readwrite", (store) => store.put(text, KEY));
    },
    remove: async () => {
      await run("readwrite", (store) => store.delete(KEY));
    },
  };
}

/** Reads the store; a store that cannot be read gives its sentence, as corrupt data does. */
export async function readSavedWork(store: WorkStore): Promise<Decoded> {
  let stored: unknown;
  try {
    stored = await store.read();
  } catch {
    return { ok: false, message: SAVED_WORK_MESSAGES.unavailable };
  }
  return decodeSavedWork(stored);
}

export type SaveState =
  /** Nothing to keep: the workbook is blank (anything kept before was removed). */
  | { kind: "blank"; version: number }
  | { kind: "saving" }
  | { kind: "saved"; version: number; bytes: number }
  /** The user cleared the saved work: nothing is kept until they ask again. */
  | { kind: "off" }
  | { kind: "failed"; message: string };

/** What the saver watches: the session's host and what its workbook was first. */
export interface Watched {
  host: MemoryExcelHost;
  origin: WorkbookOrigin;
}

/**
 * Keeps the watched workbook in the store after each change the host reports. One save at a
 * time: changes during a save are written by one more save when it ends.
 */
export class WorkSaver {
  private state: SaveState = { kind: "blank", version: 0 };
  private readonly listeners = new Set<() => void>();
  private watched: Watched | undefined;
  private unsubscribe: (() => void) | undefined;
  private running = false;
  private dirty = false;
  private off = false;

  constructor(
    private readonly store: WorkStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  getState = (): SaveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Watches a session's workbook (the previous one is let go) and saves it as it is now. */
  watch(watched: Watched): void {
    this.unsubscribe?.();
    this.watched = watched;
    this.unsubscribe = watched.host.subscribe(() => this.changed());
    this.changed();
  }

  /** Removes the saved work and keeps nothing more until `resume`. */
  async clear(): Promise<void> {
    this.off = true;
    this.dirty = false;
    this.set({ kind: "off" });
    try {
      await this.store.remove();
    } catch {
      this.set({ kind: "failed", message: SAVED_WORK_MESSAGES.unavailable });
    }
  }

  /** Keeps the work in this browser again, from now. */
  resume(): void {
    this.off = false;
    this.changed();
  }

  private set(state: SaveState): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }

  private changed(): void {
    if (this.off) return;
    this.dirty = true;
    if (this.state.kind !== "saving") this.set({ kind: "saving" });
    if (!this.running) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.dirty && !this.off && this.watched) {
        this.dirty = false;
        const { host, origin } = this.watched;
        const version = host.workbook.version;
        const workbook = host.snapshot();
        let next: SaveState;
        if (isBlank(workbook)) {
          await this.store.remove();
          next = { kind: "blank", version };
        } else {
          const encoded = encodeSavedWork({ origin, savedAt: this.now().toISOString(), workbook });
          if (encoded.ok) {
            await this.store.write(encoded.text);
            next = { kind: "saved", version, bytes: encoded.bytes };
          } else {
            next = { kind: "failed", message: encoded.message };
          }
        }
        if (!this.dirty && !this.off) this.set(next);
      }
    } catch {
      this.set({ kind: "failed", message: SAVED_WORK_MESSAGES.unavailable });
    } finally {
      this.running = false;
      if (this.dirty && !this.off) void this.run();
    }
  }
}
