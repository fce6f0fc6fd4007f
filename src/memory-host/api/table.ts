/// <reference types="office-js" />
/** Fakes of `Excel.TableCollection`, `Table`, its rows and its columns. */
import type { Rect } from "../address";
import type { FakeClientResult, Mirror } from "./core";
import { clientResult, FakeCollection, FakeObject, make, sameContext, partTarget } from "./core";
import type { FakeRange } from "./range";
import { makeRange, rangeTarget, resolveRangeArgument } from "./range";
import { officeError } from "../errors";
import type { TableColumnModel } from "../model/cells";
import type { SheetModel } from "../model/sheet";
import type { TableModel } from "../model/table";
import type { WorkbookModel } from "../model/workbook";
import type { WritableProperty } from "./properties";
import { declareProperties } from "./properties";

/** A table collection is the workbook's (all tables) or one sheet's. */
export interface TableScope {
  workbook: WorkbookModel;
  sheet?: SheetModel;
}

const TABLE_STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

function tablesIn(scope: TableScope): TableModel[] {
  return scope.sheet ? scope.sheet.tables : [...scope.workbook.tables];
}

export class FakeTableCollection
  extends FakeCollection<TableScope, TableModel, FakeTable>
  implements Mirror<Excel.TableCollection, "add" | "getItem" | "getItemOrNullObject" | "getItemAt" | "getCount" | "count" | "load">
{
  readonly _typeName = "TableCollection";
  protected readonly _itemClass = FakeTable;

  declare readonly count: Excel.TableCollection["count"];

  static {
    declareProperties(this, { scalars: { count: (scope) => tablesIn(scope).length } });
  }

  protected _itemTargets(scope: TableScope): TableModel[] {
    return tablesIn(scope);
  }

  add(address: Excel.Range | string, hasHeaders: boolean): FakeTable {
    const location = "TableCollection.add";
    sameContext(this._ctx, address, location);
    let created: TableModel | undefined;
    this._queue("add", (scope) => {
      const home = scope.sheet ?? scope.workbook.activeSheet;
      const target = resolveRangeArgument(home, address, location);
      if (scope.sheet && target.sheet !== scope.sheet) throw officeError("InvalidArgument", undefined, location);
      created = scope.workbook.addTable(target.sheet, target.rect, hasHeaders === true, location);
    });
    return this._created(location, () => created);
  }

  private _find(scope: TableScope, key: string): TableModel | undefined {
    const table = scope.workbook.findTable(key);
    return table && (!scope.sheet || table.sheet === scope.sheet) ? table : undefined;
  }

  getItem(key: string): FakeTable {
    return make(
      new FakeTable(this._ctx, () => {
        const table = this._find(this._target("TableCollection.getItem"), key);
        if (!table) throw officeError("ItemNotFound", undefined, "TableCollection.getItem");
        return table;
      }),
    );
  }

  getItemOrNullObject(key: string): FakeTable {
    return make(new FakeTable(this._ctx, () => this._find(this._target("TableCollection.getItemOrNullObject"), key) ?? null))._asNullable();
  }

  getItemAt(index: number): FakeTable {
    return make(
      new FakeTable(this._ctx, () => {
        const table = tablesIn(this._target("TableCollection.getItemAt"))[index];
        if (!table) throw officeError("ItemNotFound", undefined, "TableCollection.getItemAt");
        return table;
      }),
    );
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (scope) => tablesIn(scope).length);
  }
}

type TableMembers =
  | "id"
  | "name"
  | "style"
  | "showHeaders"
  | "showTotals"
  | "showBandedRows"
  | "showBandedColumns"
  | "showFilterButton"
  | "highlightFirstColumn"
  | "highlightLastColumn"
  | "getRange"
  | "getHeaderRowRange"
  | "getDataBodyRange"
  | "getTotalRowRange"
  | "resize"
  | "delete"
  | "convertToRange"
  | "load";

type FlagName = "showBandedRows" | "showBandedColumns" | "showFilterButton" | "highlightFirstColumn" | "highlightLastColumn";

/** One of a table's on/off display options. */
function tableFlag(name: FlagName): WritableProperty<FakeTable, TableModel> {
  return {
    get: (table) => table[name],
    set: (table, v) => {
      table[name] = flag(v, `Table.${name}`);
      table.sheet.workbook.touch();
    },
  };
}

export class FakeTable extends FakeObject<TableModel> implements Mirror<Excel.Table, TableMembers> {
  readonly _typeName = "Table";

  declare readonly id: Excel.Table["id"];
  declare name: Excel.Table["name"];
  declare style: Excel.Table["style"];
  declare showHeaders: Excel.Table["showHeaders"];
  declare showTotals: Excel.Table["showTotals"];
  declare showBandedRows: Excel.Table["showBandedRows"];
  declare showBandedColumns: Excel.Table["showBandedColumns"];
  declare showFilterButton: Excel.Table["showFilterButton"];
  declare highlightFirstColumn: Excel.Table["highlightFirstColumn"];
  declare highlightLastColumn: Excel.Table["highlightLastColumn"];
  declare readonly rows: FakeTableRowCollection;
  declare readonly columns: FakeTableColumnCollection;
  // `worksheet` is declared in worksheet.ts, which imports this family.

  static {
    declareProperties(this, {
      scalars: {
        id: (t) => t.id,
        name: {
          get: (t) => t.name,
          set: (table, v) => {
            table.name = table.sheet.workbook.validateTableName(v, "Table.name", table);
            table.sheet.workbook.touch();
          },
        },
        style: {
          get: (t) => t.style,
          set: (table, v) => {
            if (typeof v !== "string" || !TABLE_STYLE.test(v)) throw officeError("InvalidArgument", undefined, "Table.style");
            table.style = v;
            table.sheet.workbook.touch();
          },
        },
        showHeaders: {
          get: (t) => t.showHeaders,
          set: (table, v) => table.sheet.workbook.setTableShowHeaders(table, flag(v, "Table.showHeaders"), "Table.showHeaders"),
        },
        showTotals: {
          get: (t) => t.showTotals,
          set: (table, v) => table.sheet.workbook.setTableShowTotals(table, flag(v, "Table.showTotals"), "Table.showTotals"),
        },
        showBandedRows: tableFlag("showBandedRows"),
        showBandedColumns: tableFlag("showBandedColumns"),
        showFilterButton: tableFlag("showFilterButton"),
        highlightFirstColumn: tableFlag("highlightFirstColumn"),
        highlightLastColumn: tableFlag("highlightLastColumn"),
      },
      navigation: {
        rows: (self) => make(new FakeTableRowCollection(self._ctx, () => self._target("Table.rows"))),
        columns: (self) => make(new FakeTableColumnCollection(self._ctx, () => self._target("Table.columns"))),
      },
    });
  }

  private _part(member: string, pick: (table: TableModel) => Rect | null): FakeRange {
    const location = `Table.${member}`;
    return makeRange(this._ctx, () => {
      const table = this._target(location);
      const r = pick(table);
      if (!r) throw officeError("ItemNotFound", undefined, location);
      return rangeTarget(table.sheet, r);
    });
  }

  getRange(): FakeRange {
    return this._part("getRange", (t) => t.rect);
  }

  getHeaderRowRange(): FakeRange {
    return this._part("getHeaderRowRange", (t) => t.headerRect);
  }

  getDataBodyRange(): FakeRange {
    return this._part("getDataBodyRange", (t) => t.dataRect);
  }

  getTotalRowRange(): FakeRange {
    return this._part("getTotalRowRange", (t) => t.totalRect);
  }

  resize(newRange: Excel.Range | string): void {
    sameContext(this._ctx, newRange, "Table.resize");
    this._queue("resize", (table) => {
      const target = resolveRangeArgument(table.sheet, newRange, "Table.resize");
      if (target.sheet !== table.sheet) throw officeError("InvalidArgument", undefined, "Table.resize");
      table.sheet.workbook.resizeTable(table, target.rect, "Table.resize");
    });
  }

  /** Deletes the table and its cells' contents and formats. */
  delete(): void {
    this._queue("delete", (table) => {
      table.sheet.assertUnprotected("Table.delete");
      table.sheet.workbook.deleteTable(table, true);
    });
  }

  /** Turns the table back into a plain range (the cells keep their values). */
  convertToRange(): FakeRange {
    let converted: { sheet: SheetModel; rect: Rect } | undefined;
    this._queue("convertToRange", (table) => {
      table.sheet.assertUnprotected("Table.convertToRange");
      converted = { sheet: table.sheet, rect: table.rect };
      table.sheet.workbook.deleteTable(table, false);
    });
    return makeRange(this._ctx, () => {
      if (!converted) throw officeError("ItemNotFound", undefined, "Table.convertToRange");
      return rangeTarget(converted.sheet, converted.rect);
    });
  }
}

function flag(v: unknown, location: string): boolean {
  if (typeof v !== "boolean") throw officeError("InvalidArgument", undefined, location);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Rows

/** A row is identified by its position in the data body (as in Office). */
export interface TableRowTarget {
  table: TableModel;
  index: number;
  readonly deleted: boolean;
}

function rowTarget(table: TableModel, index: number): TableRowTarget {
  return partTarget({ table, index }, () => table.deleted || index >= table.dataRowCount);
}

function rowRect(t: TableRowTarget): Rect {
  const data = t.table.dataRect;
  return { ...data, r0: data.r0 + t.index, r1: data.r0 + t.index };
}

export class FakeTableRowCollection
  extends FakeCollection<TableModel, TableRowTarget, FakeTableRow>
  implements Mirror<Excel.TableRowCollection, "add" | "getCount" | "getItemAt" | "deleteRowsAt" | "count" | "load">
{
  readonly _typeName = "TableRowCollection";
  protected readonly _itemClass = FakeTableRow;

  declare readonly count: Excel.TableRowCollection["count"];

  static {
    declareProperties(this, { scalars: { count: (t) => t.dataRowCount } });
  }

  protected _itemTargets(table: TableModel): TableRowTarget[] {
    return Array.from({ length: table.dataRowCount }, (_, i) => rowTarget(table, i));
  }

  add(index?: number, values?: Array<Array<boolean | string | number>> | boolean | string | number, alwaysInsert?: boolean): FakeTableRow {
    void alwaysInsert; // the host always inserts when the cells below are not blank, as Excel does by default
    let created: TableRowTarget | undefined;
    this._queue("add", (table) => {
      const result = table.sheet.workbook.addTableRows(table, index ?? null, values, "TableRowCollection.add");
      created = rowTarget(table, result.index);
    });
    return this._created("TableRowCollection.add", () => created);
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (table) => table.dataRowCount);
  }

  getItemAt(index: number): FakeTableRow {
    return make(
      new FakeTableRow(this._ctx, () => {
        const table = this._target("TableRowCollection.getItemAt");
        if (!Number.isInteger(index) || index < 0 || index >= table.dataRowCount) {
          throw officeError("ItemNotFound", undefined, "TableRowCollection.getItemAt");
        }
        return rowTarget(table, index);
      }),
    );
  }

  deleteRowsAt(index: number, count?: number): void {
    this._queue("deleteRowsAt", (table) =>
      table.sheet.workbook.deleteTableRows(table, index, count ?? 1, "TableRowCollection.deleteRowsAt"),
    );
  }
}

export class FakeTableRow
  extends FakeObject<TableRowTarget>
  implements Mirror<Excel.TableRow, "index" | "values" | "delete" | "getRange" | "load">
{
  readonly _typeName = "TableRow";

  declare readonly index: Excel.TableRow["index"];
  declare values: Excel.TableRow["values"];

  static {
    declareProperties(this, {
      scalars: {
        index: (t) => t.index,
        values: {
          get: (t) => t.table.sheet.read(rowRect(t), (r, c) => t.table.sheet.valueAt(r, c), "TableRow.values"),
          set: (t, v) => t.table.sheet.writeInputs(rowRect(t), v, "values", "TableRow.values"),
        },
      },
    });
  }

  delete(): void {
    this._queue("delete", (t) => t.table.sheet.workbook.deleteTableRows(t.table, t.index, 1, "TableRow.delete"));
  }

  getRange(): FakeRange {
    return makeRange(this._ctx, () => {
      const t = this._target("TableRow.getRange");
      return rangeTarget(t.table.sheet, rowRect(t));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Columns

export interface TableColumnTarget {
  table: TableModel;
  column: TableColumnModel;
  readonly deleted: boolean;
}

function columnTarget(table: TableModel, column: TableColumnModel): TableColumnTarget {
  return partTarget({ table, column }, () => table.deleted || !table.columns.includes(column));
}

function columnRect(t: TableColumnTarget, part: "all" | "header" | "data" | "total"): Rect | null {
  const col = t.table.rect.c0 + t.table.columns.indexOf(t.column);
  const pick =
    part === "all" ? t.table.rect : part === "header" ? t.table.headerRect : part === "data" ? t.table.dataRect : t.table.totalRect;
  return pick ? { ...pick, c0: col, c1: col } : null;
}

export class FakeTableColumnCollection
  extends FakeCollection<TableModel, TableColumnTarget, FakeTableColumn>
  implements Mirror<Excel.TableColumnCollection, "add" | "getCount" | "getItem" | "getItemAt" | "getItemOrNullObject" | "count" | "load">
{
  readonly _typeName = "TableColumnCollection";
  protected readonly _itemClass = FakeTableColumn;

  declare readonly count: Excel.TableColumnCollection["count"];

  static {
    declareProperties(this, { scalars: { count: (t) => t.columns.length } });
  }

  protected _itemTargets(table: TableModel): TableColumnTarget[] {
    return table.columns.map((column) => columnTarget(table, column));
  }

  add(index?: number, values?: Array<Array<boolean | string | number>> | boolean | string | number, name?: string): FakeTableColumn {
    let created: TableColumnTarget | undefined;
    this._queue("add", (table) => {
      const column = table.sheet.workbook.addTableColumn(table, index ?? null, values, name, "TableColumnCollection.add");
      created = columnTarget(table, column);
    });
    return this._created("TableColumnCollection.add", () => created);
  }

  getCount(): FakeClientResult<number> {
    return clientResult(this, "getCount", (table) => table.columns.length);
  }

  private _lookup(member: string, find: (table: TableModel) => TableColumnModel | undefined, nullable: boolean): FakeTableColumn {
    return this._item(
      member,
      (table) => {
        const column = find(table);
        return column ? columnTarget(table, column) : undefined;
      },
      nullable,
    );
  }

  getItem(key: number | string): FakeTableColumn {
    return this._lookup("getItem", (table) => table.columns[table.columnIndexOf(key)], false);
  }

  getItemOrNullObject(key: number | string): FakeTableColumn {
    return this._lookup("getItemOrNullObject", (table) => table.columns[table.columnIndexOf(key)], true);
  }

  getItemAt(index: number): FakeTableColumn {
    return this._lookup("getItemAt", (table) => table.columns[index], false);
  }
}

type ColumnMembers =
  "id" | "index" | "name" | "values" | "delete" | "getDataBodyRange" | "getHeaderRowRange" | "getRange" | "getTotalRowRange" | "load";

export class FakeTableColumn extends FakeObject<TableColumnTarget> implements Mirror<Excel.TableColumn, ColumnMembers> {
  readonly _typeName = "TableColumn";

  declare readonly id: Excel.TableColumn["id"];
  declare readonly index: Excel.TableColumn["index"];
  declare name: Excel.TableColumn["name"];
  declare values: Excel.TableColumn["values"];

  static {
    declareProperties(this, {
      scalars: {
        id: (t) => t.column.id,
        index: (t) => t.table.columns.indexOf(t.column),
        name: {
          get: (t) => t.column.name,
          set: (t, v) => {
            if (typeof v !== "string" || v === "") throw officeError("InvalidArgument", undefined, "TableColumn.name");
            const header = columnRect(t, "header");
            if (header) t.table.sheet.writeInputs(header, [[`'${v}`]], "values", "TableColumn.name");
            else {
              t.column.name = v;
              t.table.sheet.workbook.touch();
            }
          },
        },
        values: {
          get: (t) => t.table.sheet.read(columnRect(t, "all") as Rect, (r, c) => t.table.sheet.valueAt(r, c), "TableColumn.values"),
          set: (t, v) => t.table.sheet.writeInputs(columnRect(t, "all") as Rect, v, "values", "TableColumn.values"),
        },
      },
    });
  }

  private _part(member: string, part: "all" | "header" | "data" | "total"): FakeRange {
    const location = `TableColumn.${member}`;
    return makeRange(this._ctx, () => {
      const t = this._target(location);
      const r = columnRect(t, part);
      if (!r) throw officeError("ItemNotFound", undefined, location);
      return rangeTarget(t.table.sheet, r);
    });
  }

  getRange(): FakeRange {
    return this._part("getRange", "all");
  }

  getHeaderRowRange(): FakeRange {
    return this._part("getHeaderRowRange", "header");
  }

  getDataBodyRange(): FakeRange {
    return this._part("getDataBodyRange", "data");
  }

  getTotalRowRange(): FakeRange {
    return this._part("getTotalRowRange", "total");
  }

  delete(): void {
    this._queue("delete", (t) =>
      t.table.sheet.workbook.deleteTableColumn(t.table, t.table.columns.indexOf(t.column), "TableColumn.delete"),
    );
  }
}
