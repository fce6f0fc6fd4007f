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
 * Numbers too wide for their column show "####"; text spills into empty neighbours. A cell with
 * list validation shows Excel's dropdown arrow while it is the active cell (CellDropdown.tsx).
 * The sheet's charts are drawn over the grid where Excel shows them (ChartView.tsx); PivotTables
 * need nothing special: their cells are real cells of the model.
 */
import { mergeClasses } from "@fluentui/react-components";
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { WorkbookModel } from "../memory-host";
import { columnLetter } from "../core/layout/a1";
import { SheetCharts } from "./ChartView";
import { CELL_PADDING_PX } from "./grid-edit";
import { CellDropdownList, DropdownArrow } from "./CellDropdown";
import { address, buildGrid, displayText, dropdownAt, rangeText, ROW_HEADER_PX, ROW_HEIGHT_PX } from "./grid-model";
import { GridAlert } from "./GridAlert";
import { GridFooter } from "./GridFooter";
import { useGridStyles } from "./grid-styles";
import { modelContext } from "./model-formulas";
import { useGridEditing, type EditingHost } from "./useGridEditing";

export { MAX_COLUMNS, MAX_ROWS, describeValidation } from "./grid-model";
export type { EditingHost } from "./useGridEditing";

export interface WorkbookGridProps {
  workbook: WorkbookModel;
  /** The model's version: the grid redraws when it changes. */
  version: number;
  /** The host to edit through, as the user: without it the grid is read-only. */
  host?: EditingHost | undefined;
}

export function WorkbookGrid({ workbook, version, host }: WorkbookGridProps) {
  const styles = useGridStyles();
  const sheets = workbook.sheets.filter((s) => !s.deleted);
  const active = sheets.find((s) => s.id === workbook.activeSheetId) ?? sheets[0];
  const [viewedId, setViewedId] = useState<string | undefined>(active?.id);
  const scroller = useRef<HTMLDivElement>(null);
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
  }, [sheetId]);

  // Scroll the selection into view when it changes.
  useLayoutEffect(() => {
    if (!sheet || sheet !== active) return;
    const target = scroller.current?.querySelector<HTMLElement>(`[data-cell="${address(sheet.selection.r0, sheet.selection.c0)}"]`);
    target?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selectionKey, sheet, active]);

  const { gridRef, editorRef, editing, alert, dropdown, toggleDropdown, closeDropdown, pick, onGridKeyDown, onGridPaste, onCellMouseDown, onCellDoubleClick, onEditorKeyDown, onEditorBlur } = useGridEditing(host, sheet);

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
  // The active cell's in-cell dropdown (list validation), as Excel shows it: on the active cell only.
  const listItems = editable && !editing && activeDrawn ? dropdownAt(sheet, sel.r0, sel.c0) : undefined;
  const listOpen = listItems !== undefined && dropdown !== undefined && dropdown.row === sel.r0 && dropdown.col === sel.c0;
  const listId = `${idBase}-list`;
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
                onPaste: onGridPaste,
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
                      onMouseDown={editable ? (e) => onCellMouseDown(e, r, c) : undefined}
                      onDoubleClick={editable ? () => onCellDoubleClick(r, c) : undefined}
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
                      {cell.selected && listItems ? <DropdownArrow cell={`${sheet.name}!${cell.address}`} open={listOpen} listId={listId} onToggle={toggleDropdown} /> : null}
                      {isEditing ? (
                        <input
                          ref={editorRef}
                          className={styles.editor}
                          defaultValue={editing.initial}
                          aria-label={`Editing ${sheet.name}!${cell.address}`}
                          autoComplete="off"
                          spellCheck={false}
                          onKeyDown={onEditorKeyDown}
                          onBlur={onEditorBlur}
                        />
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {listOpen && listItems ? (
          <CellDropdownList
            id={listId}
            label={`Values for ${sheet.name}!${activeAddress}`}
            items={listItems}
            current={listItems.findIndex((item) => item.value === sheet.valueAt(sel.r0, sel.c0))}
            left={ROW_HEADER_PX + grid.offsets[sel.c0]!}
            top={ROW_HEIGHT_PX * (sel.r0 + 2)}
            minWidth={grid.widths[sel.c0]! + 18}
            onPick={pick}
            onClose={closeDropdown}
          />
        ) : null}
        <SheetCharts charts={sheet.charts} originX={ROW_HEADER_PX} originY={ROW_HEIGHT_PX} yScale={ROW_HEIGHT_PX / ((sheet.standardHeight * 4) / 3)} />
      </div>
      {editable ? (
        <p id={`${idBase}-help`} className={styles.help}>
          Arrow keys move; type to replace a cell, F2 to edit it; Enter or Tab confirms; Esc cancels; Delete clears; Ctrl+V pastes; Alt+Down opens a cell's list.
        </p>
      ) : null}
      {alert ? <GridAlert key={alert.serial} {...alert} /> : null}
      <GridFooter sheets={sheets} sheet={sheet} onSelectSheet={setViewedId} capNote={grid.capNote} />
    </div>
  );
}
