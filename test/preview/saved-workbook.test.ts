/**
 * The preview's work kept in this browser (src/preview/saved-workbook.ts): a filled, summarised
 * return round-trips exactly (every cell's value, formula, text and format, tables, validation,
 * protection, pivots, charts, sheets); corrupt and oversized data is ignored with one sentence;
 * the saver keeps the store in step with the host's own change events.
 */
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost, type WorkbookModel } from "../../src/memory-host";
import { buildSampleReturn, SAMPLE_TODAY } from "../../src/preview/sample-return";
import {
  decodeSavedWork,
  encodeSavedWork,
  SAVED_WORK_FORMAT,
  SAVED_WORK_LIMIT_BYTES,
  SAVED_WORK_MESSAGES,
  WorkSaver,
  type SaveState,
  type WorkStore,
} from "../../src/preview/saved-workbook";

/** A store in memory, standing in for IndexedDB (the e2e test uses the browser's). */
function memoryStore(): WorkStore & { text: string | undefined; writes: number } {
  const store = {
    text: undefined as string | undefined,
    writes: 0,
    read: () => Promise.resolve(store.text),
    write: (text: string) => {
      store.text = text;
      store.writes++;
      return Promise.resolve();
    },
    remove: () => {
      store.text = undefined;
      return Promise.resolve();
    },
  };
  return store;
}

let filled: MemoryExcelHost;

beforeAll(async () => {
  filled = new MemoryExcelHost();
  const gateway = createExcelGateway(filled, { today: () => SAMPLE_TODAY });
  await buildSampleReturn(gateway, (sheet, address, values) => filled.userEdit(sheet, address, values));
  // Summarise adds the summary sheets, their PivotTables and charts.
  await gateway.summarise(SAMPLE_TODAY);
  await filled.userEdit("Return", "B3", [["Priya Shah (acting)"]]);
}, 120_000);

/** Every stored cell as Excel shows and holds it: value, formula, text, error and each format property. */
function everyCell(model: WorkbookModel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of model.sheets) {
    sheet.forEachStored({ r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 }, (_cell, row, col) => {
      out[`${sheet.name}!${row},${col}`] = { view: sheet.view(row, col), formula: sheet.formulaAt(row, col), text: sheet.textAt(row, col) };
    });
  }
  return out;
}

describe("saved work: the stored text", () => {
  it("round-trips a filled, summarised return exactly", () => {
    const snapshot = filled.snapshot();
    const encoded = encodeSavedWork({ origin: "sample", savedAt: "2026-12-05T16:00:00.000Z", workbook: snapshot });
    if (!encoded.ok) throw new Error(encoded.message);
    const decoded = decodeSavedWork(encoded.text);
    if (!decoded.ok) throw new Error("not decoded");
    expect(decoded.work.origin).toBe("sample");
    expect(decoded.work.savedAt).toBe("2026-12-05T16:00:00.000Z");

    const restored = MemoryExcelHost.fromSnapshot(decoded.work.workbook);
    expect(restored.snapshot()).toEqual(snapshot);
    expect(restored.workbook.sheets.map((s) => [s.name, s.visibility, s.tables.length, s.dataValidations.length, s.protection.protected, s.pivotTables.length, s.charts.length])).toEqual(
      filled.workbook.sheets.map((s) => [s.name, s.visibility, s.tables.length, s.dataValidations.length, s.protection.protected, s.pivotTables.length, s.charts.length]),
    );
    expect(everyCell(restored.workbook)).toEqual(everyCell(filled.workbook));
    // What was checked is real: several sheets, tables, validation, formulas, pivots and charts.
    expect(filled.workbook.sheets.length).toBeGreaterThan(5);
    expect(filled.workbook.tables.length).toBeGreaterThan(3);
    expect(filled.workbook.sheets.some((s) => s.dataValidations.length > 0 && s.protection.protected)).toBe(true);
    expect(filled.workbook.pivotTables.length).toBeGreaterThan(0);
    expect(filled.workbook.sheets.some((s) => s.charts.length > 0)).toBe(true);
    expect(Object.values(everyCell(filled.workbook)).some((c) => typeof (c as { formula: unknown }).formula === "string" && String((c as { formula: string }).formula).startsWith("="))).toBe(true);
    expect(restored.cell("Return", "B3").value).toBe("Priya Shah (acting)");
  });

  it("ignores corrupt data with one plain sentence, never an exception", () => {
    const good = encodeSavedWork({ origin: "empty", savedAt: "2026-12-05T16:00:00.000Z", workbook: filled.snapshot() });
    if (!good.ok) throw new Error(good.message);
    const parsed = JSON.parse(good.text) as { workbook: { sheets: { name: string; cells?: Record<string, unknown> }[] } };
    const whole = structuredClone(parsed);
    whole.workbook.sheets[0]!.cells = { "A1:XFD1048576": "everywhere" };
    const clash = structuredClone(parsed);
    clash.workbook.sheets[1]!.name = clash.workbook.sheets[0]!.name;
    const corrupt: unknown[] = [
      good.text.slice(0, good.text.length / 2),
      "not json at all",
      JSON.stringify({ format: "something else", version: 1 }),
      JSON.stringify({ ...parsed, version: 99 }),
      JSON.stringify({ ...parsed, origin: "elsewhere" }),
      JSON.stringify({ ...parsed, workbook: { sheets: [] } }),
      JSON.stringify(whole),
      JSON.stringify(clash),
      42,
      { format: SAVED_WORK_FORMAT },
    ];
    for (const stored of corrupt) {
      expect(decodeSavedWork(stored)).toEqual({ ok: false, message: SAVED_WORK_MESSAGES.unreadable });
    }
    expect(decodeSavedWork(undefined)).toEqual({ ok: false, nothing: true });
    expect(SAVED_WORK_MESSAGES.unreadable).toMatch(/^[^.]+\.$/);
  });

  it("is bounded: too large to keep says so with the sizes, and stored data over the limit is not opened", () => {
    const work = { origin: "empty" as const, savedAt: "2026-12-05T16:00:00.000Z", workbook: filled.snapshot() };
    const encoded = encodeSavedWork(work);
    if (!encoded.ok) throw new Error(encoded.message);
    expect(encoded.bytes).toBeLessThan(SAVED_WORK_LIMIT_BYTES);

    const small = 10_000;
    expect(encodeSavedWork(work, small)).toEqual({ ok: false, message: SAVED_WORK_MESSAGES.tooLargeToSave(encoded.bytes) });
    expect(SAVED_WORK_MESSAGES.tooLargeToSave(3.5 * 1024 * 1024)).toBe(
      "This workbook is too large to keep in this browser (3.5 MB; the limit is 20 MB): download it to keep your work.",
    );
    expect(decodeSavedWork(encoded.text, small)).toEqual({ ok: false, message: SAVED_WORK_MESSAGES.tooLargeToOpen(encoded.bytes) });
    // Bytes are UTF-8: "£" is two.
    const pounds = "£".repeat(600);
    expect(decodeSavedWork(pounds, 1000)).toEqual({ ok: false, message: SAVED_WORK_MESSAGES.tooLargeToOpen(1200) });
  });
});

/** Resolves when the saver's state satisfies `done` (the saver's own notifications, no timers). */
function until(saver: WorkSaver, done: (state: SaveState) => boolean): Promise<SaveState> {
  return new Promise((resolve) => {
    if (done(saver.getState())) {
      resolve(saver.getState());
      return;
    }
    const stop = saver.subscribe(() => {
      if (done(saver.getState())) {
        stop();
        resolve(saver.getState());
      }
    });
  });
}

describe("the saver", () => {
  it("saves after each change the host reports, with the version saved; a blank workbook keeps nothing; clear stops it", async () => {
    const store = memoryStore();
    const saver = new WorkSaver(store);
    const host = new MemoryExcelHost();
    saver.watch({ host, origin: "empty" });
    expect(saver.getState().kind).toBe("saving");
    expect(await until(saver, (s) => s.kind !== "saving")).toEqual({ kind: "blank", version: host.workbook.version });
    expect(store.text).toBeUndefined();

    // The host reports the edit at once: the saver is saving before the edit's promise settles.
    const typed = host.userEdit("Sheet1", "A1", [["Budget"]]);
    expect(saver.getState().kind).toBe("saving");
    await typed;
    await host.userEdit("Sheet1", "B2", [[12]]);
    const saved = await until(saver, (s) => s.kind === "saved");
    expect(saved).toMatchObject({ kind: "saved", version: host.workbook.version });
    const decoded = decodeSavedWork(store.text);
    if (!decoded.ok) throw new Error("not saved");
    expect(decoded.work.workbook.sheets[0]!.cells).toEqual({ A1: "Budget", B2: 12 });

    await saver.clear();
    expect(saver.getState()).toEqual({ kind: "off" });
    expect(store.text).toBeUndefined();
    await host.userEdit("Sheet1", "C3", [["not kept"]]);
    expect(saver.getState()).toEqual({ kind: "off" });
    expect(store.text).toBeUndefined();

    saver.resume();
    await until(saver, (s) => s.kind === "saved");
    const again = decodeSavedWork(store.text);
    expect(again.ok && again.work.workbook.sheets[0]!.cells).toEqual({ A1: "Budget", B2: 12, C3: "not kept" });
  });

  it("says so, in one sentence, when the store refuses", async () => {
    const saver = new WorkSaver({
      read: () => Promise.resolve(undefined),
      write: () => Promise.reject(new Error("QuotaExceededError")),
      remove: () => Promise.resolve(),
    });
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "Sheet1", cells: { A1: "x" } }] });
    saver.watch({ host, origin: "empty" });
    expect(await until(saver, (s) => s.kind !== "saving")).toEqual({ kind: "failed", message: SAVED_WORK_MESSAGES.unavailable });
  });
});
