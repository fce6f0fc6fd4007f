/**
 * Reading whole tables back under Excel's limits on one request. Excel on the web refuses a request
 * or a response over 5 MB, and Excel reads at most 5,000,000 cells in one request ("Resource limits
 * and performance optimization for Office Add-ins", learn.microsoft.com/office/dev/add-ins/concepts/
 * resource-limits-and-performance-optimization; docs/memory-host.md). So a table that may grow with
 * the sector (the ledger, SectorData) is read in batches of rows:
 *
 *   1 sync      each table's header and its number of rows and columns;
 *   R syncs     the rows, R = the batches needed: each batch holds at most
 *                 min(5,000,000 / columns, budget / bytes a row) rows of one or more tables,
 *               where "bytes a row" is the largest UTF-8 size of a row's JSON seen so far in that
 *               table, with 10% to spare (FIRST_GUESS_BYTES a cell before any row of it is read).
 *
 * A table of N rows of about b bytes each thus takes about N * b / budget batches. Sizes are counted
 * in UTF-8 bytes, as Excel counts them, not in JavaScript's UTF-16 characters.
 */
import type { CellValue } from "../core/workbook/types";
import { utf8Length } from "../core/workbook/utf8";

export { utf8Length };

/** Excel's cap on the cells read in one request. */
export const MAX_CELLS_PER_READ = 5_000_000;
/** A range's own share of a response, beside its rows (its brackets and wrapping). */
const RANGE_OVERHEAD_BYTES = 64;
/** What a cell is assumed to take before any row of its table has been read. */
export const FIRST_GUESS_BYTES = 100;

/** The UTF-8 size of a value as JSON (what a request or response carries). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/** A table as found in the first sync: its header and size. */
interface TableSize {
  name: string;
  header: CellValue[];
  rows: number;
  columns: number;
  body: Excel.Range;
}

export interface BatchedReadOutcome {
  /** Each table's values, header row first (absent for a table not in the workbook). */
  values: Map<string, CellValue[][]>;
  /** Syncs spent reading rows (the batches); 1 more read the headers and sizes. */
  batches: number;
  /** The largest response's UTF-8 size, by the values read. */
  largestResponse: number;
}

/**
 * Reads the named tables (those of them in `present`) in 1 + R syncs, each response under
 * `budget` bytes by the rows' measured sizes and under Excel's cells limit.
 */
export async function readTablesInBatches(context: Excel.RequestContext, names: readonly string[], budget: number): Promise<BatchedReadOutcome> {
  const found = names.map((name) => {
    const table = context.workbook.tables.getItem(name);
    const header = table.getHeaderRowRange();
    header.load("values,columnCount");
    const body = table.getDataBodyRange();
    body.load("rowCount");
    return { name, header, body };
  });
  await context.sync();
  const tables: TableSize[] = found.map((t) => ({ name: t.name, header: (t.header.values[0] ?? []) as CellValue[], rows: t.body.rowCount, columns: t.header.columnCount, body: t.body }));

  const values = new Map<string, CellValue[][]>(tables.map((t) => [t.name, [t.header]]));
  const rowBytes = new Map<string, number>(tables.map((t) => [t.name, t.columns * FIRST_GUESS_BYTES]));
  const next = new Map<string, number>(tables.map((t) => [t.name, 0]));
  let batches = 0;
  let largestResponse = 0;
  for (;;) {
    // One batch: rows of the tables in order, while the estimated response and cells fit.
    const pieces: { table: TableSize; start: number; range: Excel.Range }[] = [];
    let bytes = 0;
    let cells = 0;
    for (const t of tables) {
      const start = next.get(t.name)!;
      const left = t.rows - start;
      if (left <= 0 || t.columns <= 0) continue;
      // Later rows may be a little wider than any seen (longer names, more digits): 10% to spare.
      const perRow = Math.max(1, Math.ceil(rowBytes.get(t.name)! * 1.1));
      const byBytes = Math.floor((budget - bytes - RANGE_OVERHEAD_BYTES) / perRow);
      const byCells = Math.floor((MAX_CELLS_PER_READ - cells) / t.columns);
      // A batch always makes progress: a row larger than the budget goes alone.
      const count = Math.min(left, Math.max(pieces.length === 0 ? 1 : 0, Math.min(byBytes, byCells)));
      if (count <= 0) break;
      const range = t.body.getCell(start, 0).getResizedRange(count - 1, t.columns - 1);
      range.load("values");
      pieces.push({ table: t, start, range });
      next.set(t.name, start + count);
      bytes += count * perRow + RANGE_OVERHEAD_BYTES;
      cells += count * t.columns;
      if (count < left) break;
    }
    if (pieces.length === 0) break;
    // One sync a batch, by design: each response must stay under Excel's 5 MB limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    batches++;
    let response = 0;
    for (const p of pieces) {
      const rows = p.range.values as CellValue[][];
      let widest = rowBytes.get(p.table.name)!;
      for (const row of rows) {
        const size = jsonBytes(row) + 1; // and its comma in the response's array
        response += size;
        // Measured rows replace the first guess; the largest seen sizes the next batches.
        widest = p.start === 0 && row === rows[0] ? size : Math.max(widest, size);
      }
      rowBytes.set(p.table.name, widest);
      values.get(p.table.name)!.push(...rows);
    }
    largestResponse = Math.max(largestResponse, response);
  }
  return { values, batches, largestResponse };
}
