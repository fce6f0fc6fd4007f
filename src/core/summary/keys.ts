/** Cells as keys: "sheet!cell" with the sheet lower-cased, to match check issues to cells read. */
export function cellKey(at: { sheet: string; cell: string }): string {
  return `${at.sheet.toLowerCase()}!${at.cell}`;
}
