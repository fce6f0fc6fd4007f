/**
 * The preview grid's footer, under the cells: the workbook's sheet tabs (hidden sheets in
 * italics, "(hidden)"), a status line (protected or not, hidden, the sheet's tables), the legend
 * (locked and editable cells on protected sheets, data validation and note marks), the note when
 * the sheet is bigger than what is drawn, and the sheet's notes listed by address.
 */
import { Tooltip } from "@fluentui/react-components";
import type { SheetModel } from "../memory-host";
import { Tabs } from "../taskpane/components/Tabs";
import { address, LOCKED } from "./grid-model";
import { useGridStyles } from "./grid-styles";

export interface GridFooterProps {
  /** The workbook's sheets, as tabs. */
  sheets: SheetModel[];
  /** The sheet shown. */
  sheet: SheetModel;
  /** Shows another sheet (by id). */
  onSelectSheet: (id: string) => void;
  /** Said when the sheet is bigger than what is drawn. */
  capNote: string | undefined;
}

export function GridFooter({ sheets, sheet, onSelectSheet, capNote }: GridFooterProps) {
  const styles = useGridStyles();
  const protectedSheet = sheet.protection.protected;
  return (
    <div className={styles.footer}>
      <Tabs
        className={styles.tabs}
        size="small"
        selected={sheet.id}
        onSelect={onSelectSheet}
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
        {capNote ? <span>{capNote}</span> : null}
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
  );
}
