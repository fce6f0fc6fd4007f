/**
 * The "anything typed" rule of the preview: replacing the workbook (an empty one, the sample return,
 * the one before an undo) asks first when it would lose work. Work is at risk when the workbook is
 * not blank (a new workbook's single empty sheet) and is not the untouched state it was opened in;
 * a workbook restored from this browser counts as work from the start. The question says in plain
 * words what will be lost.
 */
import type { CellInput, WorkbookSnapshot } from "../memory-host";
import { MemoryExcelHost } from "../memory-host";
import { plural } from "../core/format";

/** What a workbook holds, counted for the question. */
export interface WorkSummary {
  /** Cells with a value or a formula (formats alone do not count). */
  filledCells: number;
  /** Sheets with at least one filled cell. */
  sheetsWithCells: number;
  sheets: number;
}

/** What the workbook would be replaced by, in words ("by an empty workbook"). */
export type Replacement = "empty" | "sample" | "previous";

const REPLACED_BY: Record<Replacement, string> = {
  empty: "an empty workbook",
  sample: "the sample return",
  previous: "the workbook you had before",
};

function isFilled(cell: CellInput): boolean {
  if (cell === null || cell === undefined) return false;
  if (typeof cell !== "object") return cell !== "";
  return cell.formula !== undefined || (cell.value !== undefined && cell.value !== null && cell.value !== "");
}

export function summariseWork(snapshot: WorkbookSnapshot): WorkSummary {
  let filledCells = 0;
  let sheetsWithCells = 0;
  for (const sheet of snapshot.sheets) {
    const filled = Object.values(sheet.cells ?? {}).filter(isFilled).length;
    filledCells += filled;
    if (filled > 0) sheetsWithCells++;
  }
  return { filledCells, sheetsWithCells, sheets: snapshot.sheets.length };
}

/**
 * The workbook's content as one text, for comparing it with the state it was opened in: the whole
 * snapshot except where the selection is and which sheet is active (moving around is not work).
 */
export function contentKey(snapshot: WorkbookSnapshot): string {
  const sheets = snapshot.sheets.map(({ selection: _selection, ...sheet }) => sheet);
  return JSON.stringify({ sheets, names: snapshot.names ?? [] });
}

let blankKey: string | undefined;

/** A new workbook's content: one empty sheet, as the preview starts. */
export function isBlank(snapshot: WorkbookSnapshot): boolean {
  blankKey ??= contentKey(new MemoryExcelHost().snapshot());
  return contentKey(snapshot) === blankKey;
}

/**
 * What would be lost by replacing the workbook now, or undefined when nothing would be.
 * `opened` is the content key of the state the workbook was opened in; undefined when it was
 * restored from this browser (or is otherwise the user's own work from the start).
 */
export function workAtRisk(current: WorkbookSnapshot, opened: string | undefined): WorkSummary | undefined {
  if (isBlank(current)) return undefined;
  if (opened !== undefined && contentKey(current) === opened) return undefined;
  return summariseWork(current);
}

/** The question's text: "The workbook has 37 filled cells on 4 sheets. They will be replaced by an empty workbook." */
export function replaceQuestion(work: WorkSummary, by: Replacement): string {
  if (work.filledCells === 0) {
    return `The workbook has ${plural(work.sheets, "sheet")} with changes but no filled cells. It will be replaced by ${REPLACED_BY[by]}.`;
  }
  return `The workbook has ${plural(work.filledCells, "filled cell")} on ${plural(work.sheetsWithCells, "sheet")}. ${work.filledCells === 1 ? "It" : "They"} will be replaced by ${REPLACED_BY[by]}.`;
}
