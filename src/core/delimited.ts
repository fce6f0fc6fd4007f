/**
 * Delimited text - a register saved as CSV, or a block copied from Excel (tab-separated) - split
 * into rows of cells, the way Excel reads it: rows end at line breaks (\r\n, \n or \r), the final
 * line break is ignored, and a cell that *starts* with a quote runs to its closing quote, so it may
 * hold the separator, line breaks and doubled quotes (""). A quote elsewhere is an ordinary
 * character, as Excel keeps it (`Bob's "best" homes`). A leading byte-order mark is dropped.
 */
export function parseDelimited(input: string, separator: "," | "\t"): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (cellStart && ch === '"') {
      quoted = true;
      cellStart = false;
      continue;
    }
    cellStart = false;
    if (ch === separator) {
      row.push(cell);
      cell = "";
      cellStart = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      cellStart = true;
    } else cell += ch;
  }
  if (!cellStart || cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
