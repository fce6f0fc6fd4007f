/** Reading the in-memory workbook back the way an add-in would: through the Office.js API, with load and sync. */
import type { MemoryExcelHost } from "../../src/memory-host";

export async function readRange(host: MemoryExcelHost, sheet: string, address: string): Promise<unknown[][]> {
  return host.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.load("values");
    await context.sync();
    return range.values;
  });
}

export async function readFormulas(host: MemoryExcelHost, sheet: string, address: string): Promise<unknown[][]> {
  return host.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.load("formulas");
    await context.sync();
    return range.formulas;
  });
}

export async function sheetNames(host: MemoryExcelHost): Promise<{ name: string; visibility: string }[]> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    await context.sync();
    return sheets.items.map((s) => ({ name: s.name, visibility: s.visibility }));
  });
}

export async function tableInfo(host: MemoryExcelHost, name: string): Promise<{ address: string; headers: unknown[]; rows: number }> {
  return host.run(async (context) => {
    const table = context.workbook.tables.getItem(name);
    const range = table.getRange();
    const header = table.getHeaderRowRange();
    const body = table.getDataBodyRange();
    range.load("address");
    header.load("values");
    body.load("rowCount");
    await context.sync();
    return { address: range.address, headers: header.values[0] ?? [], rows: body.rowCount };
  });
}

/** Syncs used by one gateway action. */
export async function countSyncs(host: MemoryExcelHost, action: () => Promise<unknown>): Promise<number> {
  host.resetSyncCount();
  await action();
  return host.syncCount;
}
