/**
 * Reading a register of organisations from a file's bytes: the first sheet of an .xlsx workbook,
 * or a CSV file (UTF-8) with a header row, parsed by the core (src/core/collate/register.ts). No
 * file system here: the command line (`readRegisterFile`, sector.ts) and the task pane (a chosen
 * file, with the browser's inflater) both read through this, so a register means the same in both.
 */
import { parseCsv, parseRegisterRows, type RegisterRead } from "../core/collate/register";
import type { CellValue } from "../core/workbook/types";
import { megabytes } from "./limits";
import { loadWorkbook } from "./load";
import { FileProblem } from "./problem";
import type { Inflater } from "./zip-guard";

/** The largest register read: far more than any sector's list of organisations. */
export const REGISTER_MAX_BYTES = 20 * 1024 * 1024;

export const registerTooLarge = (file: string, size: number): string => `'${file}' is ${megabytes(size)}: too large for a register of organisations.`;

/** Whether a file name is a CSV register (else it is read as .xlsx). */
export const isCsvName = (file: string): boolean => /\.csv$/i.test(file);

/** A cell of the register's sheet as a plain value: a formula's result, rich text's text. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return ("result" in v ? (v as { result: unknown }).result : "text" in v ? (v as { text: unknown }).text : null) as CellValue;
  return v as CellValue;
}

/**
 * The register in `bytes` (`file` names it in messages and says whether it is CSV). Throws
 * FileProblem when the file cannot be read; what is wrong inside it is in `problems`.
 */
export async function registerFromBytes(bytes: Uint8Array, file: string, inflate?: Inflater): Promise<RegisterRead> {
  if (bytes.length > REGISTER_MAX_BYTES) throw new FileProblem(file, "too-large", registerTooLarge(file, bytes.length));
  if (isCsvName(file)) return parseRegisterRows(parseCsv(new TextDecoder("utf-8").decode(bytes)));
  const workbook = await loadWorkbook(bytes, file, inflate);
  const ws = workbook.worksheets[0];
  const rows: CellValue[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, n) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      values[c - 1] = plainValue(cell.value);
    });
    rows[n - 1] = values;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return parseRegisterRows(rows);
}
