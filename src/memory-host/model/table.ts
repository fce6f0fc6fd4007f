/** A table of the workbook model (model; no proxies). */
import type { Rect } from "../address";
import { columnCount, rowCount } from "../address";
import { cellKey } from "./cells";
import type { SheetModel, TableColumnModel, TableModel } from "./types";
// ---------------------------------------------------------------------------------------------
// Tables

export const TABLE_NAME = /^[A-Za-z_\\\u00A1-\uFFFF][A-Za-z0-9_.\\\u00A1-\uFFFF]*$/;

export class Table implements TableModel {
  name: string;
  rect: Rect;
  showHeaders = true;
  showTotals = false;
  style = "TableStyleMedium2";
  showBandedRows = true;
  showBandedColumns = false;
  showFilterButton = true;
  highlightFirstColumn = false;
  highlightLastColumn = false;
  columns: TableColumnModel[];
  deleted = false;
  private nextColumnId: number;

  constructor(
    readonly id: string,
    name: string,
    readonly sheet: SheetModel,
    r: Rect,
  ) {
    this.name = name;
    this.rect = r;
    this.columns = [];
    for (let i = 0; i < columnCount(r); i++) this.columns.push({ id: i + 1, name: `Column${i + 1}` });
    this.nextColumnId = this.columns.length + 1;
  }

  get headerRect(): Rect | null {
    return this.showHeaders ? { ...this.rect, r1: this.rect.r0 } : null;
  }

  get totalRect(): Rect | null {
    return this.showTotals ? { ...this.rect, r0: this.rect.r1 } : null;
  }

  get dataRect(): Rect {
    return { ...this.rect, r0: this.rect.r0 + (this.showHeaders ? 1 : 0), r1: this.rect.r1 - (this.showTotals ? 1 : 0) };
  }

  get dataRowCount(): number {
    return rowCount(this.dataRect);
  }

  get address(): string {
    return this.sheet.address(this.rect);
  }

  columnIndexOf(key: number | string): number {
    if (typeof key === "number") return this.columns.findIndex((c) => c.id === key);
    const lower = String(key).toLowerCase();
    const byName = this.columns.findIndex((c) => c.name.toLowerCase() === lower);
    if (byName >= 0) return byName;
    return /^\d+$/.test(String(key)) ? this.columns.findIndex((c) => c.id === Number(key)) : -1;
  }

  /** Reads the header cells and makes them unique, non-blank text, as Excel keeps them. */
  refreshHeaders(): void {
    if (!this.showHeaders) return;
    const row = this.rect.r0;
    const taken = new Set<string>();
    const raw: string[] = [];
    for (let i = 0; i < this.columns.length; i++) {
      const cell = this.sheet.cellAt(row, this.rect.c0 + i);
      const text = cell === undefined ? "" : cell.formula !== undefined ? String(cell.calculated ?? cell.formula.slice(1)) : this.sheet.textAt(row, this.rect.c0 + i);
      raw.push(text);
    }
    for (let i = 0; i < raw.length; i++) {
      let name = raw[i] ?? "";
      if (name === "") {
        let n = i + 1;
        while (taken.has(`column${n}`) || raw.some((r, j) => j !== i && r.toLowerCase() === `column${n}`)) n++;
        name = `Column${n}`;
      } else if (taken.has(name.toLowerCase())) {
        let n = 2;
        while (taken.has(`${name}${n}`.toLowerCase())) n++;
        name = `${name}${n}`;
      }
      taken.add(name.toLowerCase());
      const column = this.columns[i];
      if (column) column.name = name;
      this.writeHeaderCell(i, name);
    }
  }

  private writeHeaderCell(index: number, name: string): void {
    const row = this.rect.r0;
    const col = this.rect.c0 + index;
    const key = cellKey(row, col);
    const cell = this.sheet.cells.get(key) ?? { value: "" };
    cell.value = name;
    delete cell.formula;
    delete cell.calculated;
    delete cell.error;
    this.sheet.cells.set(key, cell);
  }

  addColumnModel(index: number): TableColumnModel {
    const column = { id: this.nextColumnId++, name: "" };
    this.columns.splice(index, 0, column);
    return column;
  }
}
