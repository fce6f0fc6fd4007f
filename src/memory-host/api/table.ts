/// <reference types="office-js" />
/** Fakes of `Excel.TableCollection`, `Table`, its rows and its columns. */
import type { Rect } from "../address";
import type { Mirror } from "./core";
import type { Scalars } from "./properties";
import { FakeObject, sameContext, partTarget } from "./core";
import { FakeCollection, FakeKeyedCollection } from "./collection";
import type { FakeRange } from "./range";
import { makeRange, rangeFrom, rangeTarget, resolveRangeArgument } from "./range";
import { officeError } from "../errors";
import { accepted, boolean, declareProperties, stored, withProperties } from "./properties";
import type { SheetModel, TableColumnModel, TableModel, WorkbookModel } from "../model/types";

/** A table collection is the workbook's (all tables) or one sheet's. */
export interface TableScope {
  workbook: WorkbookModel;
  sheet?: SheetModel;
}

const TABLE_STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

function tablesIn(scope: TableScope): TableModel[] {
  return scope.sheet ? scope.sheet.tables : [...scope.workbook.tables];
}

// ---------------------------------------------------------------------------------------------
// Rows

function rowTarget(table: TableModel, index: number) {
  return partTarget({ table, index }, () => table.deleted || index >= table.dataRowCount);
}

/** A row is identified by its position in the data body (as in Office). */
export type TableRowTarget = ReturnType<typeof rowTarget>;

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
    declareProperties(this, { scalars: { count: (t, self) => self._countOf(t) } });
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

  /** The number of rows, without making a target for each. */
  override _countOf(table: TableModel): number {
    return table.dataRowCount;
  }

  getItemAt(index: number): FakeTableRow {
    return this._item("getItemAt", (table) =>
      Number.isInteger(index) && index >= 0 && index < table.dataRowCount ? rowTarget(table, index) : undefined,
    );
  }

  deleteRowsAt(index: number, count?: number): void {
    this._queue("deleteRowsAt", (table) =>
      table.sheet.workbook.deleteTableRows(table, index, count ?? 1, "TableRowCollection.deleteRowsAt"),
    );
  }
}

export class FakeTableRow
  extends withProperties<Excel.TableRow, "index" | "values">()(FakeObject<TableRowTarget>)
  implements Mirror<Excel.TableRow, "delete" | "getRange" | "load">
{
  readonly _typeName = "TableRow";

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
    return rangeFrom(this, "getRange", (t) => rangeTarget(t.table.sheet, rowRect(t)));
  }
}

// ---------------------------------------------------------------------------------------------
// Columns

function columnTarget(table: TableModel, column: TableColumnModel) {
  return partTarget({ table, column }, () => table.deleted || !table.columns.includes(column));
}

export type TableColumnTarget = ReturnType<typeof columnTarget>;

function columnRect(t: TableColumnTarget, part: "all" | "header" | "data" | "total"): Rect | null {
  const col = t.table.rect.c0 + t.table.columns.indexOf(t.column);
  const pick =
    part === "all" ? t.table.rect : part === "header" ? t.table.headerRect : part === "data" ? t.table.dataRect : t.table.totalRect;
  return pick ? { ...pick, c0: col, c1: col } : null;
}

export class FakeTableColumnCollection
  extends FakeKeyedCollection<TableModel, TableColumnTarget, FakeTableColumn, number | string>
  implements Mirror<Excel.TableColumnCollection, "add" | "getCount" | "getItem" | "getItemAt" | "getItemOrNullObject" | "count" | "load">
{
  readonly _typeName = "TableColumnCollection";
  protected readonly _itemClass = FakeTableColumn;

  declare readonly count: Excel.TableColumnCollection["count"];

  static {
    declareProperties(this, { scalars: { count: (t, self) => self._countOf(t) } });
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

  protected _find(table: TableModel, key: number | string): TableColumnTarget | undefined {
    const column = table.columns[table.columnIndexOf(key)];
    return column && columnTarget(table, column);
  }

  getItemAt(index: number): FakeTableColumn {
    return this._itemAt(index);
  }
}

type ColumnMembers = "delete" | "getDataBodyRange" | "getHeaderRowRange" | "getRange" | "getTotalRowRange" | "load";

export class FakeTableColumn
  extends withProperties<Excel.TableColumn, "id" | "index" | "name" | "values">()(FakeObject<TableColumnTarget>)
  implements Mirror<Excel.TableColumn, ColumnMembers>
{
  readonly _typeName = "TableColumn";

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

  private _range(member: string, part: "all" | "header" | "data" | "total"): FakeRange {
    return rangeFrom(this, member, (t) => {
      const r = columnRect(t, part);
      return r && rangeTarget(t.table.sheet, r);
    });
  }

  getRange(): FakeRange {
    return this._range("getRange", "all");
  }

  getHeaderRowRange(): FakeRange {
    return this._range("getHeaderRowRange", "header");
  }

  getDataBodyRange(): FakeRange {
    return this._range("getDataBodyRange", "data");
  }

  getTotalRowRange(): FakeRange {
    return this._range("getTotalRowRange", "total");
  }

  delete(): void {
    this._queue("delete", (t) =>
      t.table.sheet.workbook.deleteTableColumn(t.table, t.table.columns.indexOf(t.column), "TableColumn.delete"),
    );
  }
}
// ---------------------------------------------------------------------------------------------
// Tables and their collection

type TableMembers =
  | "getRange"
  | "getHeaderRowRange"
  | "getDataBodyRange"
  | "getTotalRowRange"
  | "resize"
  | "delete"
  | "convertToRange"
  | "load";

type FlagName = "showBandedRows" | "showBandedColumns" | "showFilterButton" | "highlightFirstColumn" | "highlightLastColumn";

const touchTable = (table: TableModel): void => table.sheet.workbook.touch();

/** One of a table's on/off display options. */
const tableFlag = (name: FlagName) => stored((table: TableModel) => table, name, boolean, touchTable);

const TABLE_PROPERTIES = {
  id: (t) => t.id,
  name: {
    get: (t) => t.name,
    set: (table, v, _self, location) => {
      table.name = table.sheet.workbook.validateTableName(v, location, table);
      touchTable(table);
    },
  },
  style: stored((t) => t, "style", (v) => (typeof v === "string" && TABLE_STYLE.test(v) ? v : undefined), touchTable),
  showHeaders: {
    get: (t) => t.showHeaders,
    set: (table, v, _self, location) => table.sheet.workbook.setTableShowHeaders(table, accepted(v, boolean, location), location),
  },
  showTotals: {
    get: (t) => t.showTotals,
    set: (table, v, _self, location) => table.sheet.workbook.setTableShowTotals(table, accepted(v, boolean, location), location),
  },
  showBandedRows: tableFlag("showBandedRows"),
  showBandedColumns: tableFlag("showBandedColumns"),
  showFilterButton: tableFlag("showFilterButton"),
  highlightFirstColumn: tableFlag("highlightFirstColumn"),
  highlightLastColumn: tableFlag("highlightLastColumn"),
} satisfies Scalars<TableModel>;

export class FakeTable
  extends withProperties<Excel.Table, keyof typeof TABLE_PROPERTIES>()(FakeObject<TableModel>)
  implements Mirror<Excel.Table, TableMembers>
{
  readonly _typeName = "Table";

  declare readonly rows: FakeTableRowCollection;
  declare readonly columns: FakeTableColumnCollection;
  // `worksheet` is declared in worksheet.ts, which imports this family.

  static {
    declareProperties(this, {
      scalars: TABLE_PROPERTIES,
      parts: { rows: FakeTableRowCollection, columns: FakeTableColumnCollection },
    });
  }

  getRange(): FakeRange {
    return rangeFrom(this, "getRange", (t) => rangeTarget(t.sheet, t.rect));
  }

  getHeaderRowRange(): FakeRange {
    return rangeFrom(this, "getHeaderRowRange", (t) => t.headerRect && rangeTarget(t.sheet, t.headerRect));
  }

  getDataBodyRange(): FakeRange {
    return rangeFrom(this, "getDataBodyRange", (t) => rangeTarget(t.sheet, t.dataRect));
  }

  getTotalRowRange(): FakeRange {
    return rangeFrom(this, "getTotalRowRange", (t) => t.totalRect && rangeTarget(t.sheet, t.totalRect));
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

export class FakeTableCollection
  extends FakeKeyedCollection<TableScope, TableModel, FakeTable>
  implements Mirror<Excel.TableCollection, "add" | "getItem" | "getItemOrNullObject" | "getItemAt" | "getCount" | "count" | "load">
{
  readonly _typeName = "TableCollection";
  protected readonly _itemClass = FakeTable;

  declare readonly count: Excel.TableCollection["count"];

  static {
    declareProperties(this, { scalars: { count: (scope, self) => self._countOf(scope) } });
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

  protected _find(scope: TableScope, key: string): TableModel | undefined {
    const table = scope.workbook.findTable(key);
    return table && (!scope.sheet || table.sheet === scope.sheet) ? table : undefined;
  }

  getItemAt(index: number): FakeTable {
    return this._itemAt(index);
  }
}
