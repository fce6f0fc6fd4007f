/**
 * The old .xlsx reader: a WorkbookSnapshot from an exceljs workbook. Kept only as the reference
 * the differential test (test/xlsx/package-differential.test.ts) holds the package reader
 * (./package/) to, until it is removed; every capability reads returns through the package reader.
 * Each exceljs worksheet is given to the shared snapshot maker (./return-tables.ts) as a CellGrid.
 * Tables are found by their range (the table's ref), not by exceljs's table rows and columns,
 * which it does not fill in for loaded files.
 */
import type { Workbook, Worksheet } from "exceljs";
import { isDateFormat } from "../core/return";
import type { WorkbookSnapshot } from "../core/workbook/types";
import { findCell, readCell } from "./cells";
import { tablesOf } from "./exceljs-adapter";
import { snapshotOf, type CellGrid } from "./return-tables";

/** An exceljs worksheet as a CellGrid: exceljs makes Date objects of numbers shown through a date format. */
function gridOf(ws: Worksheet): CellGrid {
  return {
    name: ws.name,
    rowCount: ws.rowCount,
    rowWidth: (row) => ws.findRow(row + 1)?.cellCount ?? 0,
    read: (row, column) => readCell(findCell(ws, row, column)),
    holdsDate: (row, column) => findCell(ws, row, column)?.value instanceof Date,
    shownAsDate: (row, column) => {
      const cell = findCell(ws, row, column);
      return cell !== undefined && (cell.value instanceof Date || isDateFormat(cell.numFmt));
    },
  };
}

/** Reads the sheets, the tables on each, the contents of ours, and the stored framework definition. */
export function readSnapshot(workbook: Workbook): WorkbookSnapshot {
  return snapshotOf(workbook.worksheets.map((ws) => ({ name: ws.name, tables: tablesOf(ws), grid: () => gridOf(ws) })));
}
