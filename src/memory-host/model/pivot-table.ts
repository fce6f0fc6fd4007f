/// <reference types="office-js" />
/**
 * This file is the model (no proxies); the Office.js proxies are in `api/pivot-table.ts`, with `api/pivot-hierarchy.ts`.
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
import { formatAddress, intersects, MAX_COLUMNS, parseAddress } from "../address";
import { officeError } from "../errors";
import { assertNameAvailable } from "./named-items";
import type { CellValue } from "../values";
import { rect as makeRect } from "../address";
import type { Aggregation, CellFormat, CellRecord, PivotArea, PivotCache, PivotCacheValue, PivotDataModel, PivotLayoutModel, PivotRendered, PivotSource, PivotTableModel, SheetModel, WorkbookModel } from "./types";

// ---------------------------------------------------------------------------------------------
// Model

export const AGGREGATIONS = ["Sum", "Count", "Average", "Max", "Min", "Product", "CountNumbers"] as const satisfies readonly Aggregation[];
export class PivotTable implements PivotTableModel {
  rows: string[] = [];
  columns: string[] = [];
  filters: string[] = [];
  data: PivotDataModel[] = [];
  /** Hidden item names, by lower-case field name (lower-case item names). */
  hidden = new Map<string, Set<string>>();
  /** `PivotField.subtotals`, by lower-case field name (automatic when absent). */
  subtotals = new Map<string, Excel.Subtotals>();
  layout: PivotLayoutModel = {
    layoutType: "Compact",
    showRowGrandTotals: true,
    showColumnGrandTotals: true,
    subtotalLocation: "AtTop",
    preserveFormatting: true,
    autoFormat: true,
  };
  cache: PivotCache = { fields: [], records: [] };
  rendered: PivotRendered | null = null;
  deleted = false;
  nextDataId = 1;

  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetModel,
    public anchor: { row: number; column: number },
    readonly source: PivotSource,
  ) {}

  get workbook(): WorkbookModel {
    return this.sheet.workbook;
  }

  /** The source field called `name` (case-insensitive), as the cache spells it. */
  field(name: string): string | undefined {
    const lower = String(name).toLowerCase();
    return this.cache.fields.find((f) => f.toLowerCase() === lower);
  }

  fieldIndex(name: string): number {
    const lower = name.toLowerCase();
    return this.cache.fields.findIndex((f) => f.toLowerCase() === lower);
  }

  areaOf(field: string): PivotArea | undefined {
    const lower = field.toLowerCase();
    if (this.rows.some((f) => f.toLowerCase() === lower)) return "rows";
    if (this.columns.some((f) => f.toLowerCase() === lower)) return "columns";
    if (this.filters.some((f) => f.toLowerCase() === lower)) return "filters";
    return undefined;
  }

  /** The whole area the pivot occupies (filter area included). */
  get wholeRect(): Rect | null {
    const r = this.rendered;
    if (!r) return null;
    return r.filter ? { r0: r.filter.r0, c0: Math.min(r.filter.c0, r.body.c0), r1: r.body.r1, c1: Math.max(r.filter.c1, r.body.c1) } : r.body;
  }
}

/** The rectangle a pivot's source covers (header included). */
export function sourceRect(source: PivotSource): { sheet: SheetModel; rect: Rect } {
  if (source.kind === "table") return { sheet: source.table.sheet, rect: source.table.rect };
  return { sheet: source.sheet, rect: source.rect };
}

/** Reads the source into a cache, as Excel does when a pivot is created or refreshed. */
export function readSource(source: PivotSource, location: string): PivotCache {
  if (source.kind === "table" && source.table.deleted) throw officeError("InvalidReference", undefined, location);
  const { sheet, rect } = sourceRect(source);
  let headerRow: number;
  let first: number;
  let last: number;
  if (source.kind === "table") {
    if (!source.table.showHeaders) throw officeError("InvalidArgument", undefined, location);
    headerRow = source.table.rect.r0;
    first = source.table.dataRect.r0;
    last = source.table.dataRect.r1;
  } else {
    headerRow = rect.r0;
    first = rect.r0 + 1;
    last = rect.r1;
  }
  // A source needs a header row and at least one data row; every field needs a name.
  if (last < first) throw officeError("InvalidArgument", undefined, location);
  const fields: string[] = [];
  for (let col = rect.c0; col <= rect.c1; col++) {
    const name = sheet.textAt(headerRow, col);
    if (name === "" || fields.some((f) => f.toLowerCase() === name.toLowerCase())) throw officeError("InvalidArgument", undefined, location);
    fields.push(name);
  }
  const records: PivotCacheValue[][] = [];
  for (let row = first; row <= last; row++) {
    const record: PivotCacheValue[] = [];
    for (let col = rect.c0; col <= rect.c1; col++) {
      const value = sheet.valueAt(row, col);
      record.push({ value, text: sheet.textAt(row, col), numberFormat: sheet.formatAt(row, col, "numberFormat") });
    }
    records.push(record);
  }
  return { fields, records };
}

// --- items -----------------------------------------------------------------------------------

/** Excel's item name for a cached value: its text, "(blank)" for an empty cell. */
export function itemName(v: PivotCacheValue): string {
  return v.value === "" ? "(blank)" : v.text;
}

/** Identity of an item: Excel compares text without case, numbers by value. */
function itemKey(v: PivotCacheValue): string {
  if (v.value === "") return "blank";
  if (typeof v.value === "number") return `n:${v.value}`;
  if (typeof v.value === "boolean") return `b:${v.value}`;
  return `s:${v.value.toLowerCase()}`;
}

/** Excel's ascending order: numbers (and dates), text, logical values, blanks last. */
function compareItems(a: PivotCacheValue, b: PivotCacheValue): number {
  const rank = (v: PivotCacheValue) => (v.value === "" ? 4 : typeof v.value === "number" ? 0 : typeof v.value === "boolean" ? 2 : 1);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a.value === "number" && typeof b.value === "number") return a.value - b.value;
  if (typeof a.value === "boolean" && typeof b.value === "boolean") return Number(a.value) - Number(b.value);
  return String(a.value).localeCompare(String(b.value), "en", { sensitivity: "base" });
}

/** The distinct items of a field in the cache, sorted as Excel sorts them. */
export function fieldItems(pivot: PivotTableModel, field: string): PivotCacheValue[] {
  const index = pivot.fieldIndex(field);
  if (index < 0) return [];
  const seen = new Map<string, PivotCacheValue>();
  for (const record of pivot.cache.records) {
    const v = record[index] as PivotCacheValue;
    const key = itemKey(v);
    if (!seen.has(key)) seen.set(key, v);
  }
  return [...seen.values()].sort(compareItems);
}

export function isItemHidden(pivot: PivotTableModel, field: string, name: string): boolean {
  return pivot.hidden.get(field.toLowerCase())?.has(name.toLowerCase()) ?? false;
}

// --- summarising -----------------------------------------------------------------------------

function aggregate(records: PivotCacheValue[][], index: number, how: Aggregation): CellValue {
  if (records.length === 0) return "";
  const values = records.map((r) => (r[index] as PivotCacheValue).value);
  const numbers = values.filter((v): v is number => typeof v === "number");
  switch (how) {
    case "Sum":
      return numbers.reduce((a, b) => a + b, 0);
    case "Count":
      return values.filter((v) => v !== "").length;
    case "CountNumbers":
      return numbers.length;
    case "Average":
      return numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : "#DIV/0!";
    case "Max":
      return numbers.length ? Math.max(...numbers) : 0;
    case "Min":
      return numbers.length ? Math.min(...numbers) : 0;
    case "Product":
      return numbers.length ? numbers.reduce((a, b) => a * b, 1) : 0;
  }
}

/** Excel's default name for a data hierarchy: "Sum of Value", "Count of Kind"... */
export function defaultDataName(how: Aggregation, field: string): string {
  const label = how === "CountNumbers" ? "Count" : how;
  return `${label} of ${field}`;
}

/** The default aggregation: Sum when every non-blank value of the field is a number, else Count. */
export function defaultAggregation(pivot: PivotTableModel, field: string): Aggregation {
  const index = pivot.fieldIndex(field);
  const values = pivot.cache.records.map((r) => (r[index] as PivotCacheValue).value).filter((v) => v !== "");
  return values.every((v) => typeof v === "number") ? "Sum" : "Count";
}

function subtotalsOn(pivot: PivotTableModel, field: string): boolean {
  const s = pivot.subtotals.get(field.toLowerCase());
  if (!s) return true;
  return Object.values(s).some((v) => v === true);
}

// --- rendering -------------------------------------------------------------------------------

interface Leaf {
  /** Column items (empty for the grand total column). */
  items: PivotCacheValue[];
  grand: boolean;
  data: PivotDataModel | null;
}

interface Output {
  cells: Map<string, { value: CellValue; numberFormat?: string; bold?: boolean }>;
  body: Rect;
  data: Rect | null;
  filter: Rect | null;
}

const GRAND_TOTAL = "Grand Total";

/** Computes the cells a pivot shows (relative positions are made absolute here). */
export function computePivot(pivot: PivotTableModel): Output {
  const cells: Output["cells"] = new Map();
  const put = (row: number, col: number, value: CellValue, numberFormat?: string, bold?: boolean) => {
    cells.set(`${row}:${col}`, { value, numberFormat, bold });
  };
  const idx = (f: string) => pivot.fieldIndex(f);
  const placed = [...pivot.rows, ...pivot.columns, ...pivot.filters];
  // Records whose items are all visible in the fields placed on the pivot.
  const visible = pivot.cache.records.filter((record) =>
    placed.every((f) => !isItemHidden(pivot, f, itemName(record[idx(f)] as PivotCacheValue))),
  );
  const tuples = (fields: string[]): PivotCacheValue[][] => {
    const seen = new Map<string, PivotCacheValue[]>();
    for (const record of visible) {
      const tuple = fields.map((f) => record[idx(f)] as PivotCacheValue);
      const key = tuple.map(itemKey).join("\u0000");
      if (!seen.has(key)) seen.set(key, tuple);
    }
    return [...seen.values()].sort((a, b) => {
      for (let i = 0; i < a.length; i++) {
        const c = compareItems(a[i] as PivotCacheValue, b[i] as PivotCacheValue);
        if (c !== 0) return c;
      }
      return 0;
    });
  };

  const { layoutType, showRowGrandTotals, showColumnGrandTotals, subtotalLocation } = pivot.layout;
  const compact = layoutType === "Compact";
  const nR = pivot.rows.length;
  const k = pivot.columns.length;
  const d = pivot.data.length;
  const nF = pivot.filters.length;
  const top = Math.max(pivot.anchor.row, nF > 0 ? nF + 1 : 0);
  const left = pivot.anchor.column;

  // Filter area: one row per filter field, ending two rows above the body (a blank row between).
  let filter: Rect | null = null;
  pivot.filters.forEach((f, i) => {
    const row = top - nF - 1 + i;
    const items = fieldItems(pivot, f);
    const shown = items.filter((item) => !isItemHidden(pivot, f, itemName(item)));
    const text = shown.length === items.length ? "(All)" : shown.length === 1 ? itemName(shown[0] as PivotCacheValue) : "(Multiple Items)";
    put(row, left, f);
    put(row, left + 1, text);
  });
  if (nF > 0) filter = { r0: top - nF - 1, r1: top - 2, c0: left, c1: left + 1 };

  if (nR === 0 && k === 0 && d === 0) {
    // An empty PivotTable: Excel shows a placeholder 18 rows by 3 columns, with no cell values.
    return { cells, body: { r0: top, c0: left, r1: top + 17, c1: left + 2 }, data: null, filter };
  }

  const labelCols = nR === 0 ? (k > 0 ? 1 : 0) : compact ? 1 : nR;
  const colTuples = k > 0 ? tuples(pivot.columns) : [[]];
  const leaves: Leaf[] = [];
  for (const items of colTuples) {
    if (d === 0) leaves.push({ items, grand: false, data: null });
    for (const data of pivot.data) leaves.push({ items, grand: false, data });
  }
  if (k > 0 && showRowGrandTotals) for (const data of pivot.data) leaves.push({ items: [], grand: true, data });

  // Header rows.
  let row = top;
  const dataName = d === 1 ? (pivot.data[0] as PivotDataModel).name : "";
  if (k > 0) {
    put(row, left, dataName, undefined, true);
    if (compact) put(row, left + labelCols, "Column Labels", undefined, true);
    else pivot.columns.forEach((f, i) => put(row, left + labelCols + i, f, undefined, true));
    if (d > 1) put(row, left + labelCols + (compact ? 1 : k), "Values", undefined, true);
    row++;
    for (let level = 0; level < k; level++) {
      leaves.forEach((leaf, j) => {
        const col = left + labelCols + j;
        if (leaf.grand) {
          if (level === 0) put(row, col, d === 1 ? GRAND_TOTAL : `Total ${leaf.data?.name ?? ""}`, undefined, true);
          return;
        }
        const prev = leaves[j - 1];
        const samePrefix =
          prev !== undefined && !prev.grand && prev.items.slice(0, level + 1).every((item, i) => itemKey(item) === itemKey(leaf.items[i] as PivotCacheValue));
        if (!samePrefix) {
          const item = leaf.items[level] as PivotCacheValue;
          put(row, col, item.value === "" ? "(blank)" : item.value, item.value === "" ? undefined : item.numberFormat, true);
        }
      });
      if (level < k - 1 || d > 1) row++;
    }
    if (d > 1) leaves.forEach((leaf, j) => !leaf.grand && put(row, left + labelCols + j, leaf.data?.name ?? "", undefined, true));
  } else {
    leaves.forEach((leaf, j) => put(row, left + labelCols + j, leaf.data?.name ?? "", undefined, true));
  }
  // Row-field captions on the last header row.
  if (nR > 0) {
    if (compact) put(row, left, "Row Labels", undefined, true);
    else pivot.rows.forEach((f, i) => put(row, left + i, f, undefined, true));
  }
  const headerEnd = row;
  row++;

  // Records grouped by their column items once per row, not filtered again for every leaf.
  const columnIndexes = pivot.columns.map(idx);
  const columnKey = (record: PivotCacheValue[]) => columnIndexes.map((i) => itemKey(record[i] as PivotCacheValue)).join("\u0000");
  const leafKeys = leaves.map((leaf) => leaf.items.map(itemKey).join("\u0000"));
  const writeValues = (r: number, records: PivotCacheValue[][]) => {
    const byColumns = new Map<string, PivotCacheValue[][]>();
    for (const record of records) {
      const key = columnKey(record);
      const list = byColumns.get(key);
      if (list) list.push(record);
      else byColumns.set(key, [record]);
    }
    leaves.forEach((leaf, j) => {
      if (!leaf.data) return;
      const subset = leaf.grand ? records : (byColumns.get(leafKeys[j] as string) ?? []);
      const value = aggregate(subset, idx(leaf.data.field), leaf.data.summarizeBy);
      if (value !== "") put(r, left + labelCols + j, value, leaf.data.numberFormat);
    });
  };
  const putItem = (r: number, col: number, item: PivotCacheValue, bold?: boolean) =>
    put(r, col, item.value === "" ? "(blank)" : item.value, item.value === "" ? undefined : item.numberFormat, bold);

  const dataTop = row;
  if (nR === 0) {
    writeValues(row, visible);
    row++;
  } else {
    const rowTuples = tuples(pivot.rows);
    const subtotalLevel = (level: number) => subtotalLocation !== "Off" && level < nR - 1 && subtotalsOn(pivot, pivot.rows[level] as string);
    // Records grouped by each length of row-item prefix, built once: a filter per row is quadratic.
    const rowIndexes = pivot.rows.map(idx);
    const groups = new Map<number, Map<string, PivotCacheValue[][]>>();
    const groupRecords = (prefix: PivotCacheValue[]) => {
      let byPrefix = groups.get(prefix.length);
      if (!byPrefix) {
        byPrefix = new Map();
        for (const record of visible) {
          const key = rowIndexes.slice(0, prefix.length).map((i) => itemKey(record[i] as PivotCacheValue)).join("\u0000");
          const list = byPrefix.get(key);
          if (list) list.push(record);
          else byPrefix.set(key, [record]);
        }
        groups.set(prefix.length, byPrefix);
      }
      return byPrefix.get(prefix.map(itemKey).join("\u0000")) ?? [];
    };
    rowTuples.forEach((tuple, t) => {
      const prev = rowTuples[t - 1];
      const next = rowTuples[t + 1];
      const firstDiff = prev ? tuple.findIndex((item, i) => itemKey(item) !== itemKey(prev[i] as PivotCacheValue)) : 0;
      if (layoutType === "Tabular") {
        for (let i = Math.max(0, firstDiff); i < nR; i++) putItem(row, left + i, tuple[i] as PivotCacheValue);
        writeValues(row, groupRecords(tuple));
        row++;
      } else {
        // Compact and Outline: each outer item on a row of its own, inner items below it.
        for (let i = Math.max(0, firstDiff); i < nR; i++) {
          const col = compact ? left : left + i;
          const outer = i < nR - 1;
          putItem(row, col, tuple[i] as PivotCacheValue, outer);
          if (!outer || (subtotalLocation === "AtTop" && subtotalLevel(i))) writeValues(row, groupRecords(tuple.slice(0, i + 1)));
          row++;
        }
      }
      // Subtotal rows below a finished group ("Item Total"): Tabular shows them at the bottom.
      for (let i = nR - 2; i >= 0; i--) {
        const closes = !next || next.slice(0, i + 1).some((item, j) => itemKey(item) !== itemKey(tuple[j] as PivotCacheValue));
        const below = layoutType === "Tabular" ? subtotalLocation !== "Off" : subtotalLocation === "AtBottom";
        if (closes && below && subtotalLevel(i)) {
          const item = tuple[i] as PivotCacheValue;
          put(row, compact ? left : left + i, `${itemName(item)} Total`, undefined, true);
          writeValues(row, groupRecords(tuple.slice(0, i + 1)));
          row++;
        }
      }
    });
    if (showColumnGrandTotals) {
      put(row, left, GRAND_TOTAL, undefined, true);
      for (let c = left + 1; c < left + labelCols; c++) put(row, c, "", undefined, true);
      writeValues(row, visible);
      row++;
    }
  }
  const width = Math.max(labelCols + leaves.length, 1);
  const body: Rect = { r0: top, c0: left, r1: row - 1, c1: left + width - 1 };
  const data = d > 0 && row - 1 >= dataTop ? { r0: headerEnd + 1, c0: left + labelCols, r1: row - 1, c1: left + width - 1 } : null;
  return { cells, body, data, filter };
}

function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

function clearRendered(pivot: PivotTableModel): void {
  const whole = pivot.wholeRect;
  if (!whole) return;
  pivot.sheet.forEachStored(whole, (_cell, _row, _col, key) => pivot.sheet.cells.delete(key));
}

/** Writes the pivot's cells into its sheet (replacing what it showed before). */
export function renderPivot(pivot: PivotTableModel, location: string): void {
  const out = computePivot(pivot);
  const whole: Rect = out.filter ? { ...out.body, r0: out.filter.r0 } : out.body;
  const sheet = pivot.sheet;
  for (const other of sheet.workbook.pivotTables) {
    const r = other.wholeRect;
    if (other !== pivot && other.sheet === sheet && r && intersects(r, whole)) {
      throw officeError("InvalidOperation", "A PivotTable report cannot overlap another PivotTable report.", location);
    }
  }
  if (sheet.tables.some((t) => intersects(t.rect, whole))) throw officeError("InvalidOperation", "A PivotTable report cannot overlap a table.", location);
  const src = sourceRect(pivot.source);
  if (src.sheet === sheet && intersects(src.rect, whole)) throw officeError("InvalidOperation", undefined, location);
  clearRendered(pivot);
  // Whatever was in the cells the pivot now covers is replaced (Excel's API does not ask).
  sheet.forEachStored(whole, (_cell, _row, _col, key) => sheet.cells.delete(key));
  for (const [position, cell] of out.cells) {
    const [r, c] = position.split(":").map(Number) as [number, number];
    const format: Partial<CellFormat> = {};
    if (cell.numberFormat && cell.numberFormat !== "General") format.numberFormat = cell.numberFormat;
    if (cell.bold) format.bold = true;
    const record: CellRecord = { value: cell.value };
    if (Object.keys(format).length) record.format = format;
    if (cell.value === "" && !record.format) continue;
    sheet.cells.set(cellKey(r, c), record);
  }
  pivot.rendered = { body: out.body, data: out.data, filter: out.filter };
  sheet.workbook.touch();
}

/** The pivot that shows cell (row, col) of a sheet, if any. */
export function pivotAt(sheet: SheetModel, r: Rect): PivotTableModel | undefined {
  return sheet.workbook.pivotTables.find((p) => p.sheet === sheet && p.wholeRect !== null && intersects(p.wholeRect, r));
}

/** Excel refuses to write into a PivotTable's cells. */
export function assertNotPivot(sheet: SheetModel, r: Rect, location: string): void {
  if (pivotAt(sheet, r)) throw officeError("InvalidOperation", "We can't change this part of the PivotTable.", location);
}

/** Excel's rules for a PivotTable name: not empty, at most 255 characters, free in the workbook's namespace. */
export function validatePivotName(workbook: WorkbookModel, name: unknown, location: string, except?: PivotTableModel): string {
  if (typeof name !== "string" || name.trim() === "" || name.length > 255) throw officeError("InvalidArgument", undefined, location);
  assertNameAvailable(workbook, name, location, except);
  return name;
}

/** `pivotTables.add(name, source, destination)`. */
export function addPivotTable(
  workbook: WorkbookModel,
  name: unknown,
  source: PivotSource,
  destination: { sheet: SheetModel; rect: Rect },
  location: string,
): PivotTableModel {
  const finalName = validatePivotName(workbook, name, location);
  const cache = readSource(source, location);
  const src = sourceRect(source);
  const dest = destination.rect;
  if (destination.sheet === src.sheet && intersects(src.rect, dest)) throw officeError("InvalidArgument", undefined, location);
  const pivot = new PivotTable(`{PT${String(workbook.nextPivotId++).padStart(6, "0")}}`, finalName, destination.sheet, { row: dest.r0, column: dest.c0 }, source);
  pivot.cache = cache;
  workbook.pivotTables.push(pivot);
  try {
    renderPivot(pivot, location);
  } catch (error) {
    workbook.pivotTables = workbook.pivotTables.filter((p) => p !== pivot);
    pivot.deleted = true;
    throw error;
  }
  return pivot;
}

export function deletePivotTable(pivot: PivotTableModel): void {
  clearRendered(pivot);
  const workbook = pivot.workbook;
  workbook.pivotTables = workbook.pivotTables.filter((p) => p !== pivot);
  pivot.deleted = true;
  workbook.touch();
}

export function refreshPivotTable(pivot: PivotTableModel, location: string): void {
  pivot.cache = readSource(pivot.source, location);
  // Fields gone from the source leave the layout, as in Excel.
  const keep = (list: string[]) => list.filter((f) => pivot.field(f) !== undefined);
  pivot.rows = keep(pivot.rows);
  pivot.columns = keep(pivot.columns);
  pivot.filters = keep(pivot.filters);
  pivot.data = pivot.data.filter((d) => pivot.field(d.field) !== undefined);
  renderPivot(pivot, location);
}

/** Adds a field to rows, columns or filters; a field already placed there or elsewhere is refused. */
export function placeField(pivot: PivotTableModel, area: PivotArea, field: string, location: string): string {
  const name = pivot.field(field);
  if (!name) throw officeError("ItemNotFound", undefined, location);
  if (pivot.areaOf(name)) throw officeError("InvalidArgument", undefined, location);
  pivot[area].push(name);
  renderPivot(pivot, location);
  return name;
}

export function removeField(pivot: PivotTableModel, area: PivotArea, field: string, location: string): void {
  const lower = field.toLowerCase();
  if (!pivot[area].some((f) => f.toLowerCase() === lower)) throw officeError("ItemNotFound", undefined, location);
  pivot[area] = pivot[area].filter((f) => f.toLowerCase() !== lower);
  renderPivot(pivot, location);
}

export function addDataHierarchy(pivot: PivotTableModel, field: string, location: string): PivotDataModel {
  const name = pivot.field(field);
  if (!name) throw officeError("ItemNotFound", undefined, location);
  const summarizeBy = defaultAggregation(pivot, name);
  let dataName = defaultDataName(summarizeBy, name);
  // The same field summarised twice gets "Sum of Value2", as in Excel.
  let n = 2;
  const base = dataName;
  while (pivot.data.some((d) => d.name.toLowerCase() === dataName.toLowerCase())) dataName = `${base}${n++}`;
  const data: PivotDataModel = { id: pivot.nextDataId++, field: name, name: dataName, customName: false, summarizeBy, numberFormat: "General" };
  pivot.data.push(data);
  renderPivot(pivot, location);
  return data;
}

export function renameDataHierarchy(pivot: PivotTableModel, data: PivotDataModel, name: unknown, location: string): void {
  if (typeof name !== "string" || name.trim() === "") throw officeError("InvalidArgument", undefined, location);
  const lower = name.toLowerCase();
  // Excel refuses a data field name that is already a field name or another data field's name.
  if (pivot.cache.fields.some((f) => f.toLowerCase() === lower) || pivot.data.some((d) => d !== data && d.name.toLowerCase() === lower)) {
    throw officeError("InvalidArgument", "PivotTable field name already exists.", location);
  }
  data.name = name;
  data.customName = true;
  renderPivot(pivot, location);
}

// ---------------------------------------------------------------------------------------------
// Snapshots

export interface PivotTableSnapshot {
  name: string;
  /** A table name, or a range address with its sheet ("Data!A1:D20"). */
  source: { table: string } | { range: string };
  /** The destination cell, on this sheet ("A3"). */
  destination: string;
  rows?: string[];
  columns?: string[];
  filters?: string[];
  data?: { field: string; name?: string; summarizeBy?: Aggregation; numberFormat?: string }[];
  /** Hidden item names by field. */
  hiddenItems?: Record<string, string[]>;
  subtotals?: Record<string, Excel.Subtotals>;
  layout?: Partial<PivotLayoutModel>;
}

export function pivotSnapshot(pivot: PivotTableModel): PivotTableSnapshot {
  const source =
    pivot.source.kind === "table" ? { table: pivot.source.table.name } : { range: formatAddress(pivot.source.sheet.name, pivot.source.rect) };
  const out: PivotTableSnapshot = {
    name: pivot.name,
    source,
    destination: formatAddress(pivot.sheet.name, makeRect(pivot.anchor.row, pivot.anchor.column)).replace(/^.*!/, ""),
    rows: [...pivot.rows],
    columns: [...pivot.columns],
    filters: [...pivot.filters],
    data: pivot.data.map((d) => ({ field: d.field, name: d.name, summarizeBy: d.summarizeBy, numberFormat: d.numberFormat })),
    layout: { ...pivot.layout },
  };
  if (pivot.hidden.size) {
    out.hiddenItems = {};
    for (const [field, names] of pivot.hidden) {
      if (!names.size) continue;
      const canonical = pivot.field(field) ?? field;
      out.hiddenItems[canonical] = fieldItems(pivot, canonical)
        .map(itemName)
        .filter((n) => names.has(n.toLowerCase()));
    }
  }
  if (pivot.subtotals.size) out.subtotals = Object.fromEntries([...pivot.subtotals].map(([f, s]) => [pivot.field(f) ?? f, { ...s }]));
  return out;
}

/** Rebuilds a pivot from a snapshot (after the sheets and tables exist) and writes its cells. */
export function loadPivotSnapshot(workbook: WorkbookModel, sheet: SheetModel, s: PivotTableSnapshot): PivotTableModel {
  let source: PivotSource;
  if ("table" in s.source) {
    const table = workbook.findTable(s.source.table);
    if (!table) throw new Error(`Memory Excel host: pivot ${s.name}: no table ${s.source.table}`);
    source = { kind: "table", table };
  } else {
    const parsed = parseAddress(s.source.range);
    const src = parsed.sheet === undefined ? sheet : workbook.findSheet(parsed.sheet);
    if (!src) throw new Error(`Memory Excel host: pivot ${s.name}: no sheet for ${s.source.range}`);
    source = { kind: "range", sheet: src, rect: parsed.rect };
  }
  const dest = parseAddress(s.destination).rect;
  const pivot = addPivotTable(workbook, s.name, source, { sheet, rect: dest }, "seed");
  pivot.rows = [...(s.rows ?? [])];
  pivot.columns = [...(s.columns ?? [])];
  pivot.filters = [...(s.filters ?? [])];
  for (const d of s.data ?? []) {
    const summarizeBy = d.summarizeBy ?? defaultAggregation(pivot, d.field);
    const name = d.name ?? defaultDataName(summarizeBy, d.field);
    pivot.data.push({
      id: pivot.nextDataId++,
      field: d.field,
      name,
      customName: name !== defaultDataName(summarizeBy, d.field),
      summarizeBy,
      numberFormat: d.numberFormat ?? "General",
    });
  }
  for (const [field, names] of Object.entries(s.hiddenItems ?? {})) pivot.hidden.set(field.toLowerCase(), new Set(names.map((n) => n.toLowerCase())));
  for (const [field, subtotals] of Object.entries(s.subtotals ?? {})) pivot.subtotals.set(field.toLowerCase(), { ...subtotals });
  Object.assign(pivot.layout, s.layout ?? {});
  renderPivot(pivot, "seed");
  return pivot;
}
