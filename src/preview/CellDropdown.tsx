/**
 * Excel's in-cell dropdown for a list-validated cell, in the preview grid: the arrow button at the
 * active cell's right edge (DropdownArrow) and the list it opens (CellDropdownList, an ARIA
 * listbox). As in Excel, the arrow shows only on the active cell, and only when the cell's list
 * validation has "In-cell dropdown" on (Validation.InCellDropdown:
 * https://learn.microsoft.com/office/vba/api/excel.validation.incelldropdown; "Create a drop-down
 * list": https://support.microsoft.com/office/create-a-drop-down-list-7693307a-59ef-400a-b769-c5402dce407b).
 * Alt+Down opens it from the keyboard ("Keyboard shortcuts in Excel": Alt+Down arrow key opens a
 * selected drop-down list; https://support.microsoft.com/office/keyboard-shortcuts-in-excel-1798d9d5-842a-42b8-9c99-9b7213f0040f).
 * The items are shown as their source cells show them (grid-model.ts's dropdownAt).
 *
 * In the list, Up and Down move, Home and End go to either end, Enter (or a click) picks, Escape
 * or Tab closes without a change; either way focus goes back to the grid. Picking writes the value
 * through the grid's own entry path (useGridEditing's pick), as if typed: validation, change events
 * and the re-check follow.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronDown12Regular } from "@fluentui/react-icons";
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import type { ListItem } from "../memory-host";

const ARROW_PX = 17;

const useStyles = makeStyles({
  arrow: {
    position: "absolute",
    top: 0,
    right: 0,
    zIndex: 2,
    boxSizing: "border-box",
    width: `${ARROW_PX}px`,
    height: "100%",
    minWidth: 0,
    margin: 0,
    padding: 0,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    border: "1px solid #8A8886",
    backgroundColor: "#F3F2F1",
    color: "#201F1E",
    cursor: "default",
    ":hover": { backgroundColor: "#E1DFDD" },
  },
  list: {
    position: "absolute",
    zIndex: 9,
    boxSizing: "border-box",
    margin: 0,
    padding: "2px 0",
    listStyle: "none",
    maxHeight: "168px",
    overflowY: "auto",
    backgroundColor: "#FFFFFF",
    border: "1px solid #8A8886",
    boxShadow: tokens.shadow8,
    fontFamily: "Calibri, Carlito, 'Segoe UI', Arial, sans-serif",
    fontSize: "14.5px",
    color: "#000000",
    ":focus": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  option: { padding: "1px 6px", whiteSpace: "nowrap", cursor: "default" },
  current: { backgroundColor: "#0F6CBD", color: "#FFFFFF" },
});

export interface DropdownArrowProps {
  /** The cell's address, for the button's name. */
  cell: string;
  open: boolean;
  listId: string;
  onToggle(): void;
}

/** The arrow at the right edge of the active cell (inside it: the grid's cells clip what overflows them); not a tab stop (Alt+Down is the keyboard's way, as in Excel). */
export function DropdownArrow({ cell, open, listId, onToggle }: DropdownArrowProps) {
  const styles = useStyles();
  return (
    <button
      type="button"
      className={styles.arrow}
      tabIndex={-1}
      aria-label={`Choose a value for ${cell}`}
      aria-haspopup="listbox"
      aria-expanded={open}
      aria-controls={open ? listId : undefined}
      data-dropdown-arrow=""
      // The cell under the arrow must not take the press (it would select and refocus the grid first).
      onMouseDown={(e: MouseEvent) => {
        e.preventDefault();
        e.stopPropagation();
      }}
      onClick={onToggle}
    >
      <ChevronDown12Regular aria-hidden="true" />
    </button>
  );
}

export interface CellDropdownListProps {
  id: string;
  /** The cell's header or address, for the list's name. */
  label: string;
  items: readonly ListItem[];
  /** The item the cell holds now, if any: it starts highlighted, as in Excel. */
  current: number;
  /** Where to draw the list, in the scroller's content coordinates. */
  left: number;
  top: number;
  minWidth: number;
  onPick(item: ListItem): void;
  /** Closes the list; `refocus` when focus should go back to the grid (Escape, Tab), not when it moved elsewhere. */
  onClose(refocus: boolean): void;
}

/** The open list: focused when it opens, one option highlighted (aria-activedescendant). */
export function CellDropdownList({ id, label, items, current, left, top, minWidth, onPick, onClose }: CellDropdownListProps) {
  const styles = useStyles();
  const ref = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(Math.max(0, current));
  const optionId = (i: number) => `${id}-option-${i}`;

  useLayoutEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  useLayoutEffect(() => {
    ref.current?.children[active]?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = items.length - 1;
    const go = (i: number) => {
      event.preventDefault();
      setActive(Math.min(last, Math.max(0, i)));
    };
    switch (event.key) {
      case "ArrowDown":
        return go(active + 1);
      case "ArrowUp":
        return go(active - 1);
      case "Home":
        return go(0);
      case "End":
        return go(last);
      case "PageDown":
        return go(active + 8);
      case "PageUp":
        return go(active - 8);
      case "Enter":
      case " ": {
        event.preventDefault();
        const item = items[active];
        if (item) onPick(item);
        return;
      }
      case "Escape":
      case "Tab":
        event.preventDefault();
        onClose(true);
        return;
      default:
        // Every other key stays in the list: nothing reaches the cell behind it.
        if (event.key.length === 1) event.preventDefault();
    }
  };

  return (
    <ul
      ref={ref}
      id={id}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={items.length > 0 ? optionId(active) : undefined}
      className={styles.list}
      style={{ left: `${left}px`, top: `${top}px`, minWidth: `${minWidth}px` }}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Clicking elsewhere closes the list, as in Excel.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onClose(false);
      }}
    >
      {items.map((item, i) => (
        <li
          key={i}
          id={optionId(i)}
          role="option"
          aria-selected={i === active}
          className={mergeClasses(styles.option, i === active && styles.current)}
          onMouseDown={(e) => e.preventDefault()}
          onMouseEnter={() => setActive(i)}
          onClick={() => onPick(item)}
        >
          {item.text}
        </li>
      ))}
    </ul>
  );
}
