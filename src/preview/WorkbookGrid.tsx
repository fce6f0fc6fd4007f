/**
 * The in-memory workbook as a grid you can fill, redrawn whenever the model changes: sheet tabs
 * (hidden sheets marked), column letters and row numbers, values shown through their number
 * formats, table headers styled, locked and editable cells told apart on protected sheets,
 * validated cells and notes marked, fill colours shown, and Excel's current selection outlined
 * and scrolled into view. At most MAX_ROWS x MAX_COLUMNS cells are drawn, so big sheets stay fast.
 *
 * Given the host, the grid is editable as Excel is (an ARIA grid): click or arrow to a cell, type
 * and press Enter or Tab, F2 or double-click to edit what is there, Esc to cancel, Delete to clear,
 * Ctrl+V to paste a block. Every change goes through the host as the user's own edit (so change
 * events fire and the pane re-checks): typed values meet the cell's data validation (Excel's stop
 * alert), pasted ones bypass it, and locked cells on a protected sheet refuse with Excel's message.
 * Numbers too wide for their column show "####"; text spills into empty neighbours.
 * The sheet's charts are drawn over the grid where Excel shows them (ChartView.tsx); PivotTables
 * need nothing special: their cells are real cells of the model.
 */
import { Tooltip, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Tabs } from "../taskpane/components/Tabs";
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ClipboardEvent } from "react";
import type { DataValidationModel, SheetModel, TableModel, WorkbookModel } from "../memory-host";
import { formatValue } from "../memory-host";
import { evaluateFormula, type FormulaContext, type Scalar } from "./formula-preview";
import { conditionalLook, modelContext } from "./model-formulas";
import { columnLetter } from "../core/layout/a1";
import { SheetCharts } from "./ChartView";
import { DataValidationAlert } from "../memory-host/host";
import { CELL_PADDING_PX, fitNumber, moved, moveFor, parseClipboardText, PROTECTED_MESSAGE, spillWidth } from "./grid-edit";
import { GridAlert, type GridAlertProps } from "./GridAlert";

export const MAX_ROWS = 200;
export const MAX_COLUMNS = 30;
const MIN_ROWS = 30;
const MIN_COLUMNS = 12;
const ROW_HEIGHT_PX = 21;
const ROW_HEADER_PX = 44;

const EXCEL_GREEN = "#217346";
const TABLE_HEADER: Record<"medium" | "light", { background: string; color: string }> = {
  medium: { background: "#4472C4", color: "#FFFFFF" },
  light: { background: "#FFFFFF", color: "#000000" },
};
const BAND = "#D9E1F2";
const LOCKED = "#EDEBE9";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, height: "100%", backgroundColor: tokens.colorNeutralBackground1 },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    minHeight: "28px",
  },
  nameBox: {
    width: "84px",
    flexShrink: 0,
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  fx: { color: tokens.colorNeutralForeground3, fontStyle: "italic", fontFamily: "Cambria, Georgia, serif" },
  formula: {
    flex: 1,
    minWidth: 0,
    padding: `2px ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    fontFamily: tokens.fontFamilyMonospace,
    minHeight: "18px",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  scroller: {
    flex: 1,
    minHeight: 0,
    overflow: "auto",
    position: "relative",
    backgroundColor: "#FFFFFF",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: "Calibri, Carlito, 'Segoe UI', Arial, sans-serif",
    fontSize: "14.5px",
    color: "#000000",
  },
  // Stacking, lowest first: cells, selected cell 1, frozen cells 2-3, row numbers 4-5, column letters 6-7, corner 8.
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 8,
    width: `${ROW_HEADER_PX}px`,
    backgroundColor: "#F3F2F1",
    borderRight: "1px solid #C8C6C4",
    borderBottom: "1px solid #C8C6C4",
  },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 6,
    height: "20px",
    backgroundColor: "#F3F2F1",
    color: "#323130",
    fontWeight: 400,
    fontSize: "12px",
    textAlign: "center",
    borderRight: "1px solid #D2D0CE",
    borderBottom: "1px solid #C8C6C4",
    overflow: "hidden",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 4,
    backgroundColor: "#F3F2F1",
    color: "#323130",
    fontWeight: 400,
    fontSize: "12px",
    textAlign: "center",
    borderRight: "1px solid #C8C6C4",
    borderBottom: "1px solid #D2D0CE",
  },
  headActive: { backgroundColor: "#D2E7D9", color: "#0B3F22", fontWeight: 600 },
  cell: {
    position: "relative",
    height: `${ROW_HEIGHT_PX - 1}px`,
    padding: "0 4px",
    borderRight: "1px solid #E1DFDD",
    borderBottom: "1px solid #E1DFDD",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "bottom",
    lineHeight: `${ROW_HEIGHT_PX - 2}px`,
  },
  selected: { outline: `2px solid ${EXCEL_GREEN}`, outlineOffset: "-2px", zIndex: 1 },
  grid: { ":focus": { outline: "none" }, ":focus-visible": { outline: "none" } },
  // The active cell of the focused grid: a thicker outline, so keyboard users see where they are.
  gridFocused: { "& td[data-active]": { outline: `3px solid ${EXCEL_GREEN}`, outlineOffset: "-3px", boxShadow: "inset 0 0 0 4px rgba(255,255,255,0.9)" } },
  spill: { position: "relative", zIndex: 1, display: "block", overflow: "hidden", whiteSpace: "nowrap", pointerEvents: "none" },
  editor: {
    position: "absolute",
    inset: 0,
    zIndex: 2,
    boxSizing: "border-box",
    width: "100%",
    minWidth: "120px",
    height: "100%",
    margin: 0,
    padding: `0 ${CELL_PADDING_PX - 1}px`,
    border: `2px solid ${EXCEL_GREEN}`,
    font: "inherit",
    color: "#000000",
    backgroundColor: "#FFFFFF",
    outline: "none",
  },
  noteMark: {
    position: "absolute",
    top: 0,
    right: 0,
    width: 0,
    height: 0,
    borderTop: "7px solid #C50F1F",
    borderLeft: "7px solid transparent",
  },
  validationMark: {
    position: "absolute",
    bottom: 0,
    right: 0,
    width: 0,
    height: 0,
    borderBottom: "6px solid #0F6CBD",
    borderLeft: "6px solid transparent",
  },
  footer: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  tabs: { overflowX: "auto", whiteSpace: "nowrap", padding: `0 ${tokens.spacingHorizontalXS}` },
  hiddenTab: { fontStyle: "italic", color: tokens.colorNeutralForeground3 },
  status: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  legendItem: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { position: "relative", display: "inline-block", width: "14px", height: "12px", border: "1px solid #C8C6C4", overflow: "hidden" },
  notes: {
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS}`,
    listStyle: "none",
    fontSize: tokens.fontSizeBase200,
    maxHeight: "96px",
    overflowY: "auto",
  },
  noteAddress: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  help: {
    margin: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

function address(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function rangeText(r: { r0: number; c0: number; r1: number; c1: number }): string {
  return r.r0 === r.r1 && r.c0 === r.c1 ? address(r.r0, r.c0) : `${address(r.r0, r.c0)}:${address(r.r1, r.c1)}`;
}

/** Plain-English summary of a validation rule, for the cell's tooltip. */
export function describeValidation(dv: DataValidationModel): string {
  const r = dv.rule;
  const bounds = (b: { formula1: unknown; formula2?: unknown; operator?: unknown }) => {
    const op = String(b.operator ?? "");
    const f1 = String(b.formula1 ?? "");
    const f2 = String(b.formula2 ?? "");
    switch (op) {
      case "Between":
        return `between ${f1} and ${f2}`;
      case "GreaterThanOrEqualTo":
        return `${f1} or more`;
      case "GreaterThan":
        return `more than ${f1}`;
      case "LessThanOrEqualTo":
        return `${f1} or less`;
      case "LessThan":
        return `less than ${f1}`;
      case "EqualTo":
        return `equal to ${f1}`;
      default:
        return `${op} ${f1} ${f2}`.trim();
    }
  };
  let text = "Validated";
  if (r.wholeNumber) text = `Whole number, ${bounds(r.wholeNumber)}`;
  else if (r.decimal) text = `Number, ${bounds(r.decimal)}`;
  else if (r.date) text = `Date, ${bounds(r.date)}`;
  else if (r.textLength) text = `Text length ${bounds(r.textLength)}`;
  else if (r.list) text = `List: ${String(r.list.source ?? "").replace(/^=/, "")}`;
  else if (r.custom) text = `Rule: ${String(r.custom.formula ?? "")}`;
  const prompt = dv.prompt.showPrompt && dv.prompt.message ? `\n${dv.prompt.title ? `${dv.prompt.title}: ` : ""}${dv.prompt.message}` : "";
  return text + prompt;
}

interface Extent {
  rows: number;
  columns: number;
  /** The sheet holds more than is drawn. */
  cappedRows: boolean;
  cappedColumns: boolean;
  totalRows: number;
  totalColumns: number;
}

function extentOf(sheet: SheetModel): Extent {
  let rows = MIN_ROWS;
  let columns = MIN_COLUMNS;
  const grow = (r: { r1: number; c1: number }) => {
    rows = Math.max(rows, Math.min(r.r1, 1_048_575) + 1);
    columns = Math.max(columns, Math.min(r.c1, 16_383) + 1);
  };
  const used = sheet.usedRect(false);
  if (used) grow({ r1: used.r1 + 3, c1: used.c1 + 2 });
  for (const t of sheet.tables) grow({ r1: t.rect.r1 + 3, c1: t.rect.c1 + 2 });
  for (const dv of sheet.dataValidations) if (dv.rect.r1 < 1_048_575) grow(dv.rect);
  for (const n of sheet.notes) grow({ r1: n.row + 1, c1: n.column + 1 });
  // Room for the charts, so that scrolling reaches them.
  for (const chart of sheet.charts) {
    grow({ r1: Math.ceil((chart.top + chart.height) / sheet.standardHeight), c1: Math.ceil((chart.left + chart.width) / sheet.standardWidth) });
  }
  if (sheet.selection.r1 < 1_048_575 && sheet.selection.c1 < 16_383) grow({ r1: sheet.selection.r1 + 1, c1: sheet.selection.c1 + 1 });
  return {
    rows: Math.min(rows, MAX_ROWS),
    columns: Math.min(columns, MAX_COLUMNS),
    cappedRows: rows > MAX_ROWS,
    cappedColumns: columns > MAX_COLUMNS,
    totalRows: rows,
    totalColumns: columns,
  };
}

function tableRole(table: TableModel | undefined, row: number): "header" | "body" | "none" {
  if (!table) return "none";
  if (table.showHeaders && row === table.rect.r0) return "header";
  return "body";
}

/** What a cell shows: the formatted value, or a formula's result (worked out for display when the host has none). */
function displayText(sheet: SheetModel, row: number, col: number, context: FormulaContext): { text: string; numeric: boolean; formula: string | null } {
  const view = sheet.view(row, col);
  if (view.formula !== null) {
    let value: Scalar | undefined = view.calculated ?? undefined;
    if (value === undefined || value === "") {
      context.row = row;
      context.col = col;
      value = evaluateFormula(view.formula, context);
    }
    if (value === undefined) return { text: "", numeric: false, formula: view.formula };
    return { text: formatValue(value, view.numberFormat), numeric: typeof value === "number", formula: view.formula };
  }
  return { text: view.value === "" ? "" : view.text, numeric: typeof view.value === "number", formula: null };
}

export interface WorkbookGridProps {
  workbook: WorkbookModel;
  /** The model's version: the grid redraws when it changes. */
  version: number;
  /** The host to edit through, as the user: without it the grid is read-only. */
  host?: EditingHost | undefined;
}

/** What the grid needs from the in-memory host to act as the user. */
export interface EditingHost {
  userSelect(sheet: string, address: string): Promise<void>;
  userType(sheet: string, address: string, text: string, options?: { confirmed?: boolean }): Promise<void>;
  userEdit(sheet: string, address: string, values: string[][] | string): Promise<void>;
}

interface Editing {
  row: number;
  col: number;
  /** What the editor starts with. */
  initial: string;
  /** "enter": started by typing (arrow keys confirm and move); "edit": F2 or double-click (arrows move the caret). */
  mode: "enter" | "edit";
}

type Alert = GridAlertProps;

function isAccessDenied(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "AccessDenied";
}

export function WorkbookGrid({ workbook, version, host }: WorkbookGridProps) {
  const styles = useStyles();
  const sheets = workbook.sheets.filter((s) => !s.deleted);
  const active = sheets.find((s) => s.id === workbook.activeSheetId) ?? sheets[0];
  const [viewedId, setViewedId] = useState<string | undefined>(active?.id);
  const scroller = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const editorRef = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  // Each alert is a dialog of its own (keyed by serial), mounted while it is open.
  const [alert, setAlertState] = useState<(Alert & { serial: number }) | undefined>(undefined);
  const alertSerial = useRef(0);
  const setAlert = useCallback((next: Alert | undefined) => setAlertState(next ? { ...next, serial: ++alertSerial.current } : undefined), []);
  const [focused, setFocused] = useState(false);
  const idBase = useId().replace(/:/g, "");
  const editable = host !== undefined;

  // Follow Excel: when the active sheet or its selection changes, show it.
  const selectionKey = active ? `${active.id}|${rangeText(active.selection)}` : "";
  useEffect(() => {
    if (active) setViewedId(active.id);
  }, [selectionKey, active]);

  const sheet = sheets.find((s) => s.id === viewedId) ?? active;

  // Rebuilt when the model's version changes or another sheet is shown (not while typing in a cell).
  const grid = useMemo(() => (sheet ? buildGrid(workbook, sheet) : undefined), [workbook, sheet, version]); // eslint-disable-line react-hooks/exhaustive-deps

  // A different sheet starts at its top-left corner, as in Excel.
  const sheetId = sheet?.id;
  useLayoutEffect(() => {
    scroller.current?.scrollTo({ left: 0, top: 0 });
    setEditing(undefined);
  }, [sheetId]);

  // Scroll the selection into view when it changes.
  useLayoutEffect(() => {
    if (!sheet || sheet !== active) return;
    const target = scroller.current?.querySelector<HTMLElement>(`[data-cell="${address(sheet.selection.r0, sheet.selection.c0)}"]`);
    target?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selectionKey, sheet, active]);

  // The editor takes focus when it opens, with the caret at the end (as Excel's edit mode).
  useLayoutEffect(() => {
    const input = editorRef.current;
    if (!editing || !input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [editing]);

  const focusGrid = useCallback(() => gridRef.current?.focus({ preventScroll: true }), []);
  /** Set while a typed entry is being confirmed; keys typed meanwhile wait in typedAhead for the next cell. */
  const committing = useRef(false);
  const typedAhead = useRef("");

  const select = useCallback(
    (row: number, col: number, toRow = row, toCol = col) => {
      if (!host || !sheet) return;
      const r0 = Math.min(row, toRow);
      const r1 = Math.max(row, toRow);
      const c0 = Math.min(col, toCol);
      const c1 = Math.max(col, toCol);
      const where = rangeText({ r0, c0, r1, c1 });
      void host.userSelect(sheet.name, where);
    },
    [host, sheet],
  );

  const isLocked = useCallback((row: number, col: number) => Boolean(sheet?.protection.protected && sheet.formatAt(row, col, "locked")), [sheet]);

  const showProtected = useCallback(() => {
    setAlert({
      title: "Microsoft Excel",
      message: PROTECTED_MESSAGE,
      intent: "warning",
      buttons: ["OK"],
      onClose: () => {
        setAlert(undefined);
        focusGrid();
      },
    });
  }, [focusGrid, setAlert]);

  const startEditing = useCallback(
    (row: number, col: number, initial: string, mode: Editing["mode"]) => {
      if (!sheet) return;
      if (isLocked(row, col)) {
        showProtected();
        return;
      }
      setEditing({ row, col, initial, mode });
    },
    [sheet, isLocked, showProtected],
  );

  /** Confirms what was typed into the cell, then moves (Enter, Tab, arrows) as Excel does. */
  const commit = useCallback(
    async (text: string, move: { dr: number; dc: number } | undefined, confirmed = false): Promise<boolean> => {
      if (!host || !sheet || !editing) return false;
      const { row, col } = editing;
      try {
        await host.userType(sheet.name, address(row, col), text, { confirmed });
        setEditing(undefined);
        const ahead = typedAhead.current;
        typedAhead.current = "";
        if (move) {
          const next = moved(row, col, move);
          select(next.row, next.col);
          if (ahead !== "" && !isLocked(next.row, next.col)) {
            setEditing({ row: next.row, col: next.col, initial: ahead, mode: "enter" });
            return true;
          }
        }
        focusGrid();
        return true;
      } catch (error) {
        if (error instanceof DataValidationAlert) {
          const retry = () => {
            setAlert(undefined);
            setEditing({ row, col, initial: text, mode: "edit" });
          };
          const cancel = () => {
            setAlert(undefined);
            setEditing(undefined);
            focusGrid();
          };
          if (error.style === "Stop") {
            setAlert({ title: error.title, message: error.message, intent: "error", buttons: ["Retry", "Cancel"], onClose: (c) => (c === "Retry" ? retry() : cancel()) });
          } else {
            const accept = () => {
              setAlert(undefined);
              void commit(text, move, true);
            };
            setAlert(
              error.style === "Warning"
                ? { title: error.title, message: `${error.message}\n\nContinue?`, intent: "warning", buttons: ["Yes", "No", "Cancel"], onClose: (c) => (c === "Yes" ? accept() : c === "No" ? retry() : cancel()) }
                : { title: error.title, message: error.message, intent: "info", buttons: ["OK", "Cancel"], onClose: (c) => (c === "OK" ? accept() : cancel()) },
            );
          }
        } else if (isAccessDenied(error)) {
          setEditing(undefined);
          showProtected();
        } else {
          setEditing(undefined);
          setAlert({ title: "Microsoft Excel", message: error instanceof Error ? error.message : String(error), intent: "error", buttons: ["OK"], onClose: () => { setAlert(undefined); focusGrid(); } });
        }
        return false;
      }
    },
    [host, sheet, editing, select, focusGrid, showProtected, isLocked, setAlert],
  );

  const clearSelection = useCallback(async () => {
    if (!host || !sheet) return;
    try {
      await host.userEdit(sheet.name, rangeText(sheet.selection), "");
    } catch (error) {
      if (isAccessDenied(error)) showProtected();
    }
  }, [host, sheet, showProtected]);

  const paste = useCallback(
    async (event: ClipboardEvent<HTMLTableElement>) => {
      if (!host || !sheet || editing) return;
      const text = event.clipboardData.getData("text/plain");
      if (text === "") return;
      event.preventDefault();
      const block = parseClipboardText(text);
      const rows = block.length;
      const cols = block[0]?.length ?? 0;
      if (rows === 0 || cols === 0) return;
      const { r0, c0 } = sheet.selection;
      const target = rangeText({ r0, c0, r1: r0 + rows - 1, c1: c0 + cols - 1 });
      try {
        await host.userEdit(sheet.name, target, block);
        // Excel selects what was pasted.
        select(r0, c0, r0 + rows - 1, c0 + cols - 1);
      } catch (error) {
        if (isAccessDenied(error)) showProtected();
        else throw error;
      }
    },
    [host, sheet, editing, select, showProtected],
  );

  const onGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (!host || !sheet || editing || event.target !== event.currentTarget) return;
    const sel = sheet.selection;
    const anchor = { row: sel.r0, col: sel.c0 };
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // Tab leaves the grid (as on any web page) unless a cell is being typed in; Enter moves down as in Excel.
    const move = event.key === "Tab" ? undefined : moveFor(event.key, event.shiftKey);
    if (move) {
      event.preventDefault();
      if (event.shiftKey && event.key.startsWith("Arrow")) {
        // Shift+arrow extends the selection from the active cell.
        const next = moved(sel.r1, sel.c1, move);
        select(anchor.row, anchor.col, next.row, next.col);
        return;
      }
      const next = moved(anchor.row, anchor.col, move);
      select(next.row, next.col);
      return;
    }
    if (event.key === "F2") {
      event.preventDefault();
      const view = sheet.view(anchor.row, anchor.col);
      startEditing(anchor.row, anchor.col, view.formula ?? (view.value === "" ? "" : String(view.text)), "edit");
      return;
    }
    if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      if (event.key === "Backspace") startEditing(anchor.row, anchor.col, "", "enter");
      else void clearSelection();
      return;
    }
    if (event.key.length === 1) {
      // Typing replaces what is in the cell.
      event.preventDefault();
      startEditing(anchor.row, anchor.col, event.key, "enter");
    }
  };

  const onEditorKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    const input = event.currentTarget;
    // Keys typed while the cell is being confirmed (Enter pressed, the workbook busy) are the start
    // of the next cell's entry, as in Excel: kept, not lost with the closing editor.
    if (committing.current) {
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        typedAhead.current += event.key;
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      setEditing(undefined);
      focusGrid();
      return;
    }
    const move = moveFor(event.key, event.shiftKey);
    if (!move) return;
    if (event.key.startsWith("Arrow") && editing.mode === "edit") return;
    event.preventDefault();
    committing.current = true;
    typedAhead.current = "";
    void commit(input.value, move).finally(() => {
      committing.current = false;
    });
  };

  if (!sheet || !grid) {
    return <div className={styles.empty}>The workbook has no sheets.</div>;
  }

  const sel = sheet.selection;
  const selectedText = displayText(sheet, sel.r0, sel.c0, modelContext(workbook, sheet));
  const protectedSheet = sheet.protection.protected;
  const cellId = (a: string) => `${idBase}-${a}`;
  const activeAddress = address(sel.r0, sel.c0);
  const activeDrawn = sel.r0 < grid.rows.length && sel.c0 < grid.widths.length;
  // Locked cells are read-only only while their sheet is protected, as in Excel.
  const regionLabel = editable ? `Sheet ${sheet.name}, read-only where protected` : `Sheet ${sheet.name}, read-only`;

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <output className={styles.nameBox} aria-label="Selected cell" aria-live="off">
          {rangeText(sel)}
        </output>
        <span className={styles.fx} aria-hidden="true">
          fx
        </span>
        <output className={styles.formula} aria-label="Contents of the selected cell" aria-live="off" title={selectedText.formula ?? selectedText.text}>
          {selectedText.formula ?? selectedText.text}
        </output>
      </div>

      <div
        ref={scroller}
        className={styles.scroller}
        style={{ scrollPaddingLeft: `${ROW_HEADER_PX + grid.frozenWidth}px`, scrollPaddingTop: `${ROW_HEIGHT_PX * (1 + grid.frozenRows)}px` }}
        tabIndex={editable ? undefined : 0}
        role="region"
        aria-label={regionLabel}
      >
        <table
          ref={gridRef}
          className={mergeClasses(styles.table, editable && styles.grid, editable && focused && !editing && styles.gridFocused)}
          aria-label={`${sheet.name} sheet`}
          style={{ width: grid.width }}
          {...(editable
            ? {
                role: "grid",
                tabIndex: 0,
                "aria-rowcount": grid.rows.length + 1,
                "aria-colcount": grid.widths.length + 1,
                "aria-multiselectable": true,
                "aria-activedescendant": activeDrawn && !editing ? cellId(activeAddress) : undefined,
                "aria-describedby": `${idBase}-help`,
                onKeyDown: onGridKeyDown,
                onPaste: (e: ClipboardEvent<HTMLTableElement>) => void paste(e),
                onFocus: () => setFocused(true),
                onBlur: () => setFocused(false),
              }
            : {})}
        >
          <colgroup>
            <col style={{ width: `${ROW_HEADER_PX}px` }} />
            {grid.widths.map((w, c) => (
              <col key={c} style={{ width: `${w}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr role={editable ? "row" : undefined}>
              <td className={styles.corner} aria-hidden="true" />
              {grid.widths.map((_, c) => (
                <th
                  key={c}
                  scope="col"
                  role={editable ? "columnheader" : undefined}
                  className={mergeClasses(styles.colHead, c >= sel.c0 && c <= sel.c1 && styles.headActive)}
                  style={c < grid.frozenColumns ? { left: `${ROW_HEADER_PX + grid.offsets[c]!}px`, zIndex: 7 } : undefined}
                >
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((cells, r) => (
              <tr key={r} role={editable ? "row" : undefined}>
                <th
                  scope="row"
                  role={editable ? "rowheader" : undefined}
                  className={mergeClasses(styles.rowHead, r >= sel.r0 && r <= sel.r1 && styles.headActive)}
                  style={r < grid.frozenRows ? { top: `${ROW_HEIGHT_PX * (1 + r)}px`, zIndex: 5 } : undefined}
                >
                  {r + 1}
                </th>
                {cells.map((cell, c) => {
                  const isEditing = editing !== undefined && editing.row === r && editing.col === c;
                  const inSelection = r >= sel.r0 && r <= sel.r1 && c >= sel.c0 && c <= sel.c1;
                  return (
                    <td
                      key={c}
                      id={editable ? cellId(cell.address) : undefined}
                      data-cell={cell.address}
                      data-active={cell.selected ? "" : undefined}
                      role={editable ? "gridcell" : undefined}
                      aria-selected={editable ? inSelection : undefined}
                      aria-readonly={editable && protectedSheet && cell.locked ? true : undefined}
                      className={mergeClasses(styles.cell, cell.selected && styles.selected)}
                      style={cell.spill !== undefined || isEditing ? { ...cell.style, overflow: "visible" } : cell.style}
                      title={cell.tooltip}
                      onMouseDown={
                        editable
                          ? (e) => {
                              if (isEditing) return;
                              e.preventDefault();
                              const go = () => {
                                focusGrid();
                                if (e.shiftKey) select(sel.r0, sel.c0, r, c);
                                else select(r, c);
                              };
                              // Clicking another cell confirms what was being typed, as in Excel.
                              if (editing) void commit(editorRef.current?.value ?? "", undefined).then((done) => (done ? go() : undefined));
                              else go();
                            }
                          : undefined
                      }
                      onDoubleClick={
                        editable
                          ? () => {
                              const view = sheet.view(r, c);
                              startEditing(r, c, view.formula ?? (view.value === "" ? "" : String(view.text)), "edit");
                            }
                          : undefined
                      }
                    >
                      {cell.spill !== undefined ? (
                        <span className={styles.spill} style={{ width: `${cell.spill - 2 * CELL_PADDING_PX}px` }}>
                          {cell.text}
                        </span>
                      ) : (
                        cell.text
                      )}
                      {cell.note ? <span className={styles.noteMark} /> : null}
                      {cell.validated ? <span className={styles.validationMark} /> : null}
                      {isEditing ? (
                        <input
                          ref={editorRef}
                          className={styles.editor}
                          defaultValue={editing.initial}
                          aria-label={`Editing ${sheet.name}!${cell.address}`}
                          autoComplete="off"
                          spellCheck={false}
                          onKeyDown={onEditorKeyDown}
                          onBlur={(e) => {
                            // Moving to something else on the page (the task pane) confirms what was typed, as in Excel;
                            // focus lost to nothing (a dialog closing, the window) keeps the cell being edited.
                            const to = e.relatedTarget as Node | null;
                            if (!alert && editing && to && !gridRef.current?.contains(to)) void commit(e.currentTarget.value, undefined);
                          }}
                        />
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <SheetCharts charts={sheet.charts} originX={ROW_HEADER_PX} originY={ROW_HEIGHT_PX} yScale={ROW_HEIGHT_PX / ((sheet.standardHeight * 4) / 3)} />
      </div>
      {editable ? (
        <p id={`${idBase}-help`} className={styles.help}>
          Arrow keys move; type to replace a cell, F2 to edit it; Enter or Tab confirms; Esc cancels; Delete clears; Ctrl+V pastes.
        </p>
      ) : null}
      {alert ? <GridAlert key={alert.serial} {...alert} /> : null}
      <div className={styles.footer}>
        <Tabs
          className={styles.tabs}
          size="small"
          selected={sheet.id}
          onSelect={setViewedId}
          aria-label="Sheets in the workbook"
          items={sheets.map((s) => {
            const hidden = s.visibility !== "Visible";
            return { value: s.id, label: hidden ? `${s.name} (hidden)` : s.name, className: hidden ? styles.hiddenTab : undefined };
          })}
        />
        <div className={styles.status}>
          <span>
            {protectedSheet ? "Protected sheet" : "Not protected"}
            {sheet.visibility !== "Visible" ? " · hidden from users" : ""}
            {sheet.tables.length > 0 ? ` · table${sheet.tables.length > 1 ? "s" : ""} ${sheet.tables.map((t) => t.name).join(", ")}` : ""}
          </span>
          {protectedSheet ? (
            <>
              <Tooltip content="Locked cells cannot be typed in while the sheet is protected" relationship="description">
                <span className={styles.legendItem}>
                  <span className={styles.swatch} style={{ backgroundColor: LOCKED }} /> Locked
                </span>
              </Tooltip>
              <span className={styles.legendItem}>
                <span className={styles.swatch} style={{ backgroundColor: "#FFFFFF" }} /> Editable
              </span>
            </>
          ) : null}
          <span className={styles.legendItem}>
            <span className={styles.swatch}>
              <span className={styles.validationMark} />
            </span>{" "}
            Data validation
          </span>
          <span className={styles.legendItem}>
            <span className={styles.swatch}>
              <span className={styles.noteMark} />
            </span>{" "}
            Note
          </span>
          {grid.capNote ? <span>{grid.capNote}</span> : null}
        </div>
        {sheet.notes.length > 0 ? (
          <ul className={styles.notes} aria-label={`Notes on ${sheet.name}`}>
            {[...sheet.notes]
              .sort((a, b) => a.row - b.row || a.column - b.column)
              .slice(0, 50)
              .map((n) => (
                <li key={`${n.row}:${n.column}`}>
                  <span className={styles.noteAddress}>{address(n.row, n.column)}</span>
                  {n.content}
                </li>
              ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

interface GridCell {
  address: string;
  text: string;
  /** Locked (read-only once the sheet is protected). */
  locked: boolean;
  /** Width in pixels the text spills over into empty neighbours, when it does. */
  spill?: number | undefined;
  style: CSSProperties;
  tooltip: string | undefined;
  note: boolean;
  validated: boolean;
  selected: boolean;
}

interface Grid {
  widths: number[];
  /** Left offset of each column from the first column, in pixels. */
  offsets: number[];
  frozenRows: number;
  frozenColumns: number;
  frozenWidth: number;
  width: number;
  rows: GridCell[][];
  capNote: string | undefined;
}

function buildGrid(workbook: WorkbookModel, sheet: SheetModel): Grid {
  const context = modelContext(workbook, sheet);
  const extent = extentOf(sheet);
  const widths = Array.from({ length: extent.columns }, (_, c) =>
    sheet.hiddenColumns.has(c) ? 4 : Math.max(24, Math.min(480, Math.round((sheet.columnWidth(c) * 4) / 3))),
  );
  const offsets: number[] = [];
  widths.reduce((x, w, i) => {
    offsets[i] = x;
    return x + w;
  }, 0);
  // Frozen panes stay put while the rest scrolls, as in Excel.
  const frozenRows = Math.min(sheet.freeze.rows, extent.rows);
  const frozenColumns = Math.min(sheet.freeze.columns, extent.columns);
  const frozenWidth = frozenColumns > 0 ? offsets[frozenColumns - 1]! + widths[frozenColumns - 1]! : 0;
  const sel = sheet.selection;
  const protectedSheet = sheet.protection.protected;
  const tables = sheet.tables;
  const notes = new Map(sheet.notes.map((n) => [`${n.row}:${n.column}`, n.content] as const));
  // Locked cells are shaded only where there is something (a table or content): every cell of a sheet is locked by default.
  const used = sheet.usedRect(true);
  const rows: GridCell[][] = [];
  for (let r = 0; r < extent.rows; r++) {
    const line: GridCell[] = [];
    const spillable: boolean[] = [];
    for (let c = 0; c < extent.columns; c++) {
      const table = tables.find((t) => r >= t.rect.r0 && r <= t.rect.r1 && c >= t.rect.c0 && c <= t.rect.c1);
      const role = tableRole(table, r);
      const shown = displayText(sheet, r, c, context);
      const fill = sheet.formatAt(r, c, "fillColor");
      const locked = sheet.formatAt(r, c, "locked");
      const bold = sheet.formatAt(r, c, "bold");
      const italic = sheet.formatAt(r, c, "italic");
      const fontColor = sheet.formatAt(r, c, "fontColor");
      const align = sheet.formatAt(r, c, "horizontalAlignment");
      const dv = sheet.validationAt(r, c);
      const note = notes.get(`${r}:${c}`);
      const style: CSSProperties = {};
      if (role === "header") {
        const look = /Light/i.test(table?.style ?? "") ? TABLE_HEADER.light : TABLE_HEADER.medium;
        style.backgroundColor = look.background;
        style.color = look.color;
        style.fontWeight = 700;
        if (look === TABLE_HEADER.light) style.borderBottom = "1px solid #000000";
      } else {
        const inUse = table !== undefined || (used !== null && r >= used.r0 && r <= used.r1 && c >= used.c0 && c <= used.c1);
        if (protectedSheet && locked && inUse) style.backgroundColor = LOCKED;
        else if (role === "body" && table?.showBandedRows && !protectedSheet && (r - table.dataRect.r0) % 2 === 0) style.backgroundColor = BAND;
        if (role === "body" && table && r === table.rect.r1) style.borderBottom = "1px solid #8EA9DB";
        if (bold) style.fontWeight = 700;
        if (fontColor && fontColor.toUpperCase() !== "#000000") style.color = fontColor;
      }
      if (fill) style.backgroundColor = fill;
      // Conditional formats, e.g. the cells Check highlights.
      const look = sheet.conditionalFormats.length > 0 ? conditionalLook(context, sheet.conditionalFormats, r, c) : undefined;
      if (look?.fillColor) style.backgroundColor = look.fillColor;
      if (look?.fontColor) style.color = look.fontColor;
      if (look?.bold !== undefined) style.fontWeight = look.bold ? 700 : 400;
      if (look?.italic !== undefined) style.fontStyle = look.italic ? "italic" : "normal";
      // The rest of a selected range is tinted, as in Excel; the active cell is outlined.
      if (r >= sel.r0 && r <= sel.r1 && c >= sel.c0 && c <= sel.c1 && !(r === sel.r0 && c === sel.c0))
        style.boxShadow = "inset 0 0 0 999px rgba(33, 115, 70, 0.12)";
      const frozenRow = r < frozenRows;
      const frozenColumn = c < frozenColumns;
      if (frozenRow || frozenColumn) {
        style.position = "sticky";
        style.backgroundColor ??= "#FFFFFF";
        style.zIndex = frozenRow && frozenColumn ? 3 : 2;
        if (frozenRow) style.top = `${ROW_HEIGHT_PX * (1 + r)}px`;
        if (frozenColumn) style.left = `${ROW_HEADER_PX + offsets[c]!}px`;
        if (r === frozenRows - 1) style.borderBottom = "1px solid #8A8886";
        if (c === frozenColumns - 1) style.borderRight = "1px solid #8A8886";
      }
      if (italic) style.fontStyle = "italic";
      style.textAlign =
        align === "Center" ? "center" : align === "Right" ? "right" : align === "Left" ? "left" : shown.numeric && role !== "header" ? "right" : "left";
      const tips: string[] = [];
      if (shown.formula) tips.push(shown.formula);
      else if (shown.text.length > 12) tips.push(shown.text.length > 500 ? `${shown.text.slice(0, 500)}…` : shown.text);
      if (dv) tips.push(describeValidation(dv));
      if (note) tips.push(`Note: ${note}`);
      if (protectedSheet && role !== "header") tips.push(locked ? "Locked" : "Editable");
      const width = widths[c]!;
      // Numbers too wide for their column show ####, as in Excel; wrapped or aligned text stays in its cell.
      const text = shown.numeric && role !== "header" ? fitNumber(shown.text, width) : shown.text;
      line.push({
        address: address(r, c),
        text,
        locked: Boolean(locked),
        style,
        tooltip: tips.length > 0 ? `${address(r, c)}: ${tips.join("\n")}` : undefined,
        note: note !== undefined,
        validated: dv !== undefined && Object.keys(dv.rule).length > 0,
        selected: r === sel.r0 && c === sel.c0,
      });
      spillable.push(!shown.numeric && shown.text !== "" && role !== "header" && !sheet.formatAt(r, c, "wrapText") && (style.textAlign === "left" || style.textAlign === undefined) && c >= frozenColumns);
    }
    // Text wider than its cell spills into the empty cells to its right.
    for (let c = 0; c < line.length; c++) {
      if (!spillable[c]) continue;
      const spill = spillWidth(line[c]!.text, c, widths, (n) => line[n]!.text === "" && n >= frozenColumns);
      if (spill > widths[c]!) line[c]!.spill = spill;
    }
    rows.push(line);
  }
  const capParts: string[] = [];
  if (extent.cappedRows) capParts.push(`the first ${MAX_ROWS} rows`);
  if (extent.cappedColumns) capParts.push(`columns A to ${columnLetter(MAX_COLUMNS - 1)}`);
  return {
    widths,
    offsets,
    frozenRows,
    frozenColumns,
    frozenWidth,
    width: ROW_HEADER_PX + widths.reduce((a, b) => a + b, 0),
    rows,
    capNote: capParts.length > 0 ? `Showing ${capParts.join(" and ")} only, to keep the preview quick.` : undefined,
  };
}
