/**
 * Editing the preview grid as in Excel, through the host as the user (WorkbookGrid.tsx draws it):
 * arrows, Enter and Tab move the selection (Shift+arrow extends it), typing starts an entry that
 * replaces the cell, F2 or a double-click edits what is there, Esc cancels, Delete clears,
 * Backspace starts an empty entry, Ctrl+V pastes a block, and clicking another cell or moving to
 * the task pane confirms what was typed. Keys typed while an entry is being confirmed start the
 * next cell's entry. A list-validated cell's dropdown (CellDropdown.tsx) opens with Alt+Down or its
 * arrow, and the item picked is entered as if typed.
 *
 * Excel's alerts come from here (GridAlert.tsx shows them): locked cells on a protected sheet
 * refuse with Excel's message, and typed values meet the cell's data validation (Stop: Retry /
 * Cancel; Warning: Yes / No / Cancel; Information: OK / Cancel). Pasted values bypass validation.
 */
import { useCallback, useLayoutEffect, useRef, useState, type ClipboardEvent, type FocusEvent, type KeyboardEvent, type MouseEvent } from "react";
import type { SheetModel } from "../memory-host";
import { DataValidationAlert } from "../memory-host/host";
import type { ListItem } from "../memory-host";
import { moved, moveFor, parseClipboardText, PROTECTED_MESSAGE, typedTextFor } from "./grid-edit";
import { address, dropdownAt, rangeText } from "./grid-model";
import type { GridAlertProps } from "./GridAlert";

/** What the grid needs from the in-memory host to act as the user. */
export interface EditingHost {
  userSelect(sheet: string, address: string): Promise<void>;
  userType(sheet: string, address: string, text: string, options?: { confirmed?: boolean }): Promise<void>;
  userEdit(sheet: string, address: string, values: string[][] | string): Promise<void>;
}

/** The cell being typed in. */
export interface Editing {
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

/** What F2 or a double-click starts editing with: the cell's formula, or its text. */
function contentsForEditing(sheet: SheetModel, row: number, col: number): string {
  const view = sheet.view(row, col);
  return view.formula ?? (view.value === "" ? "" : String(view.text));
}

/**
 * The grid's editing state and its event handlers, for the sheet shown. Without a host nothing is
 * editable (the handlers do nothing). The cell being edited is dropped when another sheet is shown.
 */
export function useGridEditing(host: EditingHost | undefined, sheet: SheetModel | undefined) {
  const gridRef = useRef<HTMLTableElement>(null);
  const editorRef = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  // Each alert is a dialog of its own (keyed by serial), mounted while it is open.
  const [alert, setAlertState] = useState<(Alert & { serial: number }) | undefined>(undefined);
  const alertSerial = useRef(0);
  /** Set the moment an alert is asked for, before React shows it: keys typed in between are the alert's, not the cell's. */
  const alerting = useRef(false);
  const setAlert = useCallback((next: Alert | undefined) => {
    alerting.current = next !== undefined;
    setAlertState(next ? { ...next, serial: ++alertSerial.current } : undefined);
  }, []);

  // A different sheet starts with no cell being edited.
  const sheetId = sheet?.id;
  useLayoutEffect(() => {
    setEditing(undefined);
  }, [sheetId]);

  // The editor takes focus when it opens, holding exactly what it starts with (Retry reuses the
  // same input), with the caret at the end (as Excel's edit mode).
  useLayoutEffect(() => {
    const input = editorRef.current;
    if (!editing || !input) return;
    input.value = editing.initial;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [editing]);

  const focusGrid = useCallback(() => gridRef.current?.focus({ preventScroll: true }), []);
  /**
   * Set while a typed entry is being confirmed (the workbook busy: a re-check running, change
   * events settling). Keys typed meanwhile - characters, Enter, Tab, arrows - wait in `pending`
   * and are applied in order once it is confirmed, as Excel does with keys typed ahead; if it is
   * refused they are dropped with the alert's opening: none reaches the cell behind it.
   */
  const committing = useRef(false);
  const pending = useRef<{ key: string; shift: boolean }[]>([]);

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

  /**
   * Applies the keys typed while an entry was being confirmed, in order, from the cell the entry
   * moved to: characters start that cell's entry; Enter, Tab or an arrow after them confirms it
   * and moves on (and the keys after wait again); a move with nothing typed just moves.
   */
  type Confirm = (row: number, col: number, text: string, move: { dr: number; dc: number } | undefined, confirmed?: boolean) => Promise<boolean>;
  const confirmRef = useRef<Confirm | undefined>(undefined);
  const replay = useCallback(async (at: { row: number; col: number }): Promise<boolean> => {
    const keys = pending.current;
    pending.current = [];
    const navAt = keys.findIndex((k) => moveFor(k.key, k.shift) !== undefined);
    const chars = (navAt < 0 ? keys : keys.slice(0, navAt)).map((k) => k.key).join("");
    if (navAt < 0) {
      if (chars !== "" && !isLocked(at.row, at.col)) setEditing({ row: at.row, col: at.col, initial: chars, mode: "enter" });
      else focusGrid();
      return true;
    }
    const nav = keys[navAt]!;
    pending.current = keys.slice(navAt + 1);
    const move = moveFor(nav.key, nav.shift)!;
    focusGrid();
    if (chars !== "") return (confirmRef.current?.(at.row, at.col, chars, move) ?? false);
    const next = moved(at.row, at.col, move);
    select(next.row, next.col);
    return replay(next);
  }, [isLocked, focusGrid, select]);

  /**
   * Confirms an entry for the cell at (row, col) - typed, or picked from its dropdown - then moves
   * (Enter, Tab, arrows) as Excel does. A refused entry opens Excel's alert for it.
   */
  const confirmEntry = useCallback(
    async (row: number, col: number, text: string, move: { dr: number; dc: number } | undefined, confirmed = false): Promise<boolean> => {
      if (!host || !sheet) return false;
      try {
        await host.userType(sheet.name, address(row, col), text, { confirmed });
        setEditing(undefined);
        if (!move) {
          pending.current = [];
          focusGrid();
          return true;
        }
        const next = moved(row, col, move);
        select(next.row, next.col);
        return await replay(next);
      } catch (error) {
        // Keys typed after a refused entry belong to the alert (Excel's modal box), never to a cell.
        pending.current = [];
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
              void confirmEntry(row, col, text, move, true);
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
    [host, sheet, select, focusGrid, showProtected, setAlert, replay],
  );
  useLayoutEffect(() => {
    confirmRef.current = confirmEntry;
  }, [confirmEntry]);

  /** Confirms what was typed into the cell being edited. */
  const commit = useCallback(
    (text: string, move: { dr: number; dc: number } | undefined): Promise<boolean> => (editing ? confirmEntry(editing.row, editing.col, text, move) : Promise.resolve(false)),
    [editing, confirmEntry],
  );

  // --- The in-cell dropdown of a list-validated cell (CellDropdown.tsx) -------------------------

  const [dropdown, setDropdown] = useState<{ row: number; col: number } | undefined>(undefined);
  // Another cell or sheet closes the list, as in Excel.
  const selectionKey = sheet ? `${sheet.id}|${rangeText(sheet.selection)}` : "";
  useLayoutEffect(() => {
    setDropdown(undefined);
  }, [selectionKey]);

  /** Opens (or closes) the active cell's list, when it has one. */
  const toggleDropdown = useCallback(() => {
    if (!sheet || editing) return;
    const { r0, c0 } = sheet.selection;
    if (dropdown) {
      setDropdown(undefined);
      focusGrid();
    } else if (dropdownAt(sheet, r0, c0)) {
      setDropdown({ row: r0, col: c0 });
    }
  }, [sheet, editing, dropdown, focusGrid]);

  const closeDropdown = useCallback(
    (refocus: boolean) => {
      setDropdown(undefined);
      if (refocus) focusGrid();
    },
    [focusGrid],
  );

  /** An item picked from the list: entered in the cell as if typed (validation, change events and the re-check follow). */
  const pick = useCallback(
    (item: ListItem) => {
      if (!sheet || !dropdown) return;
      const { row, col } = dropdown;
      setDropdown(undefined);
      focusGrid();
      void confirmEntry(row, col, typedTextFor(item, String(sheet.formatAt(row, col, "numberFormat") ?? "General")), undefined);
    },
    [sheet, dropdown, focusGrid, confirmEntry],
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
    // Keys typed while typed-ahead entries are being confirmed wait their turn (see replay).
    if (committing.current || alerting.current) {
      event.preventDefault();
      if (committing.current && !alerting.current) queueKey(event);
      return;
    }
    const sel = sheet.selection;
    const anchor = { row: sel.r0, col: sel.c0 };
    // Alt+Down opens a list cell's dropdown, as in Excel.
    if (event.altKey && event.key === "ArrowDown" && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (!dropdown) toggleDropdown();
      return;
    }
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
      startEditing(anchor.row, anchor.col, contentsForEditing(sheet, anchor.row, anchor.col), "edit");
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

  /** Queues a key typed while an entry is being confirmed: characters and the keys that confirm and move. */
  function queueKey(event: KeyboardEvent<HTMLElement>): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.length === 1 || moveFor(event.key, event.shiftKey)) pending.current.push({ key: event.key, shift: event.shiftKey });
  }

  const onGridPaste = (event: ClipboardEvent<HTMLTableElement>) => void paste(event);

  /** A cell pressed: selects it (Shift extends the selection), confirming what was being typed first, as in Excel. */
  const onCellMouseDown = (event: MouseEvent<HTMLTableCellElement>, row: number, col: number) => {
    if (!sheet) return;
    const isEditing = editing !== undefined && editing.row === row && editing.col === col;
    if (isEditing) return;
    event.preventDefault();
    const sel = sheet.selection;
    const go = () => {
      focusGrid();
      if (event.shiftKey) select(sel.r0, sel.c0, row, col);
      else select(row, col);
    };
    // Clicking another cell confirms what was being typed, as in Excel.
    if (editing) void commit(editorRef.current?.value ?? "", undefined).then((done) => (done ? go() : undefined));
    else go();
  };

  /** A cell double-clicked: edits what is there (as F2). */
  const onCellDoubleClick = (row: number, col: number) => {
    if (!sheet) return;
    startEditing(row, col, contentsForEditing(sheet, row, col), "edit");
  };

  const onEditorKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    const input = event.currentTarget;
    // Keys typed while the cell is being confirmed (Enter pressed, the workbook busy) are the start
    // of the next cell's entry, as in Excel: kept in order, not lost with the closing editor. Keys
    // typed once the entry is refused, before its alert shows, are the alert's: dropped.
    if (committing.current || alerting.current) {
      event.preventDefault();
      if (committing.current && !alerting.current) queueKey(event);
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
    pending.current = [];
    void commit(input.value, move).finally(() => {
      committing.current = false;
    });
  };

  const onEditorBlur = (event: FocusEvent<HTMLInputElement>) => {
    // Moving to something else on the page (the task pane) confirms what was typed, as in Excel;
    // focus lost to nothing (a dialog closing, the window) keeps the cell being edited.
    const to = event.relatedTarget as Node | null;
    if (!alerting.current && editing && to && !gridRef.current?.contains(to)) void commit(event.currentTarget.value, undefined);
  };

  return { gridRef, editorRef, editing, alert, dropdown, toggleDropdown, closeDropdown, pick, onGridKeyDown, onGridPaste, onCellMouseDown, onCellDoubleClick, onEditorKeyDown, onEditorBlur };
}
