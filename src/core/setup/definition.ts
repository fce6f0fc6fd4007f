/** The framework's definition kept in the workbook (the hidden Framework sheet), split into cells and read back. */
import type { Framework } from "../framework";
import { DEFINITION_CHUNK_LENGTH } from "../layout/contract";
import { isBlank, type CellValue } from "../workbook/types";

/** The framework definition as JSON split into cells (Excel holds at most 32,767 characters a cell). */
export function definitionChunks(framework: Framework): string[] {
  const json = JSON.stringify(framework);
  const chunks: string[] = [];
  let start = 0;
  while (start < json.length) {
    let end = Math.min(start + DEFINITION_CHUNK_LENGTH, json.length);
    // A cell starting with = + - or @ would be read as a formula: move the boundary.
    while (end < json.length && /[=+\-@]/.test(json[end]!)) end--;
    chunks.push(json.slice(start, end));
    start = end;
  }
  return chunks;
}

/** Reads a framework definition back from its chunks. */
export function joinDefinitionChunks(cells: readonly CellValue[]): unknown {
  const text = cells.filter((c) => !isBlank(c)).map(String).join("");
  return text === "" ? undefined : (JSON.parse(text) as unknown);
}
