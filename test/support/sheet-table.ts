import type { Worksheet } from "exceljs";

/**
 * The table at A1 of a sheet the sector writers made, as records keyed by its header row: the
 * rows from row 2 to the first blank row (notes may follow the table after one). Blank cells are absent.
 */
export function tableRecords(sheet: Worksheet): Record<string, unknown>[] {
  const headers = (sheet.getRow(1).values as unknown[]).map((h) => String(h ?? ""));
  const out: Record<string, unknown>[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const record: Record<string, unknown> = {};
    sheet.getRow(n).eachCell((cell, c) => {
      if (cell.value !== null && cell.value !== "") record[headers[c]!] = cell.value;
    });
    if (Object.keys(record).length === 0) break;
    out.push(record);
  }
  return out;
}
