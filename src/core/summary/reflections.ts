/**
 * The team's reflections on the Board summary: every row of the return's Reflections table that
 * has a reflection written, latest month first (rows of one month in sheet order; rows whose month
 * is not a month last). Rows with only a prompt are left out. A reflection whose cell has a check
 * error (an Excel error, text longer than a cell holds) is left out and counted. The Board summary
 * is the organisation's own: it lists shared and unshared reflections alike, and says which.
 */
import { monthIndex, excelSerial, type YearMonth } from "../calendar";
import { plural } from "../format";
import { cellAddress, rangeAddress } from "../layout/a1";
import { NUMBER_FORMAT, REFLECTION_HEADERS, YES_NO } from "../layout/contract";
import { BOARD_REFLECTIONS_HEADERS, SUMMARY_TABLE } from "../sheets/summary";
import type { ReturnData } from "../return";
import type { PlannedCell, WorkbookOperation } from "../workbook/types";
import { LINE_POINTS } from "../collate/sector-table";
import { cellKey } from "./keys";

export interface ReflectionLine {
  month?: YearMonth;
  /** "Jun 2020", or the text typed when it is not a month. */
  monthText: string;
  prompt: string;
  reflection: string;
  /** Marked Yes in `Share with the centre`. */
  shared: boolean;
}

export interface ReflectionsSummary {
  /** Reflections with text, latest month first. */
  lines: ReflectionLine[];
  /** Reflections left out because their cells have check errors. */
  excluded: number;
}

export function summariseReflections(data: ReturnData, errorCells: ReadonlySet<string>): ReflectionsSummary {
  const reflectionHeader = REFLECTION_HEADERS[2];
  const lines: (ReflectionLine & { order: number })[] = [];
  let excluded = 0;
  for (const row of data.reflections?.rows ?? []) {
    const cell = row.cells[reflectionHeader];
    if (row.reflection === "" || !cell) continue;
    if (errorCells.has(cellKey(cell.at))) {
      excluded++;
      continue;
    }
    const line: ReflectionLine & { order: number } = { monthText: row.monthText, prompt: row.prompt, reflection: row.reflection, shared: row.shared, order: row.i };
    if (row.month) line.month = row.month;
    lines.push(line);
  }
  const rank = (l: ReflectionLine) => (l.month ? monthIndex(l.month) : -Infinity);
  lines.sort((a, b) => rank(b) - rank(a) || a.order - b.order);
  return { lines: lines.map(({ order: _, ...line }) => line), excluded };
}

/** Excel's tallest row, 409 points: the most lines of 11-point text a row can show. */
const MAX_ROW_LINES = Math.floor(409 / LINE_POINTS);

/** Lines a text takes wrapped in a column of `width` characters (about a character a unit of width). */
function linesOf(text: string, width: number): number {
  return Math.ceil(text.length / Math.max(1, width - 1));
}

/**
 * The Board summary's Reflections block from `row` (0-based) down: heading, table, a line saying
 * what is listed. `widths` are the sheet's column widths in characters (from column A): each row is
 * given the height its wrapped prompt and reflection need, since a file keeps a row's height as
 * written (LibreOffice printed wrapped text over the next row).
 */
export function planReflectionsBlock(sheet: string, row: number, summary: ReflectionsSummary, widths: readonly number[]): { ops: WorkbookOperation[]; lastRow: number } {
  const headers = BOARD_REFLECTIONS_HEADERS;
  const rows: PlannedCell[][] = summary.lines.map((l) => [l.reflection, l.month ? excelSerial(l.month.year, l.month.month, 1) : l.monthText || null, l.prompt || null, l.shared ? YES_NO[0] : YES_NO[1]]);
  const body = rows.length > 0 ? rows : [headers.map(() => null)];
  const top = row + 1;
  const ops: WorkbookOperation[] = [
    { kind: "write", sheet, address: cellAddress(row, 0), cells: [["Reflections (the team's own, latest month first)"]] },
    { kind: "format", sheet, address: cellAddress(row, 0), bold: true, fontSize: 13 },
    { kind: "addTable", sheet, table: SUMMARY_TABLE.reflections, address: rangeAddress(top, 0, body.length + 1, headers.length), headers, rows: body, style: "TableStyleMedium2" },
    {
      kind: "applyRules",
      sheet,
      rules: [
        { address: rangeAddress(top + 1, 1, body.length, 1), numberFormat: NUMBER_FORMAT.month },
        // Text from the return stays text, never a formula, and wraps within its column.
        { address: rangeAddress(top + 1, 0, body.length, 1), wrap: true, numberFormat: NUMBER_FORMAT.text },
        { address: rangeAddress(top + 1, 2, body.length, 1), wrap: true, numberFormat: NUMBER_FORMAT.text },
      ],
    },
  ];
  summary.lines.forEach((l, i) => {
    const lines = Math.min(MAX_ROW_LINES, Math.max(linesOf(l.reflection, widths[0] ?? 10), linesOf(l.prompt, widths[2] ?? 10)));
    if (lines > 1) ops.push({ kind: "format", sheet, address: rangeAddress(top + 1 + i, 0, 1, headers.length), rowHeight: lines * LINE_POINTS });
  });
  const lastRow = top + body.length + 1;
  ops.push({ kind: "write", sheet, address: cellAddress(lastRow, 0), cells: [[reflectionsLine(summary)]] });
  return { ops, lastRow };
}

function reflectionsLine(summary: ReflectionsSummary): string {
  const n = summary.lines.length;
  const shared = summary.lines.filter((l) => l.shared).length;
  const listed = n === 0 ? "No reflections written yet." : `${plural(n, "reflection")} listed; ${shared === 0 ? "none" : shared === n ? (n === 1 ? "it is" : "all") : shared} marked to share with the centre.`;
  const left = summary.excluded === 0 ? "" : ` ${plural(summary.excluded, "reflection")} with check errors ${summary.excluded === 1 ? "is" : "are"} left out: run Check on the return to see ${summary.excluded === 1 ? "it" : "them"}.`;
  return listed + left;
}
