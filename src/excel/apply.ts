/**
 * Queues the core's WorkbookOperations on an Excel request context. Nothing here syncs: the caller
 * syncs once after queueing everything, so the cost is one round trip whatever the plan's size.
 * Only string literals are used for Office enums, so this runs against the in-memory host too.
 */
import { parseRange } from "../core/layout/a1";
import { serialIsoDate } from "../core/calendar";
import type { CellValue, PageLayout, PlannedCell, RangeRule, WorkbookOperation, ValidationRule } from "../core/workbook/types";

import { columnWidthPoints, PRINT_MARGINS } from "../core/layout/print";

export { columnWidthPoints };

/** Office.js treats null in an input array as "leave this cell alone"; a planned blank must be "". */
function toExcelCell(cell: PlannedCell): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell === "object") return cell.formula;
  return cell;
}

/**
 * Excel reads text as if typed ("0123" becomes 123, "Apr 2020" a date), so cells that must stay
 * text get the Text format before they are written; other cells keep their format (null).
 */
function textFormats(cells: PlannedCell[][]): (string | null)[][] {
  return cells.map((row) => row.map((cell) => (typeof cell === "string" ? "@" : null)));
}

function hasText(cells: PlannedCell[][]): boolean {
  return cells.some((row) => row.some((cell) => typeof cell === "string"));
}

function writeCells(range: Excel.Range, cells: PlannedCell[][]): void {
  if (hasText(cells)) range.numberFormat = textFormats(cells);
  range.formulas = cells.map((row) => row.map(toExcelCell));
}

function fill<T>(rows: number, columns: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array<T>(columns).fill(value));
}

/** Office takes date-rule bounds as ISO dates. */
const isoDate = serialIsoDate;

function toOfficeRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case "whole":
    case "decimal": {
      const basic: Excel.BasicDataValidation =
        rule.max === undefined
          ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" }
          : { formula1: rule.min, formula2: rule.max, operator: "Between" };
      return rule.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
    }
    case "list":
      return { list: { inCellDropDown: true, source: rule.items.join(",") } };
    case "listRange":
      return { list: { inCellDropDown: true, source: `=${rule.source}` } };
    case "date":
      return {
        date:
          rule.max === undefined
            ? { formula1: isoDate(rule.min), operator: "GreaterThanOrEqualTo" }
            : { formula1: isoDate(rule.min), formula2: isoDate(rule.max), operator: "Between" },
      };
    case "custom":
      return { custom: { formula: rule.formula } };
  }
}

function applyRule(sheet: Excel.Worksheet, rule: RangeRule): void {
  const range = sheet.getRange(rule.address);
  const shape = parseRange(rule.address);
  if (rule.numberFormat !== undefined) range.numberFormat = fill(shape.rowCount, shape.columnCount, rule.numberFormat);
  if (rule.locked !== undefined) range.format.protection.locked = rule.locked;
  if (rule.wrap !== undefined) range.format.wrapText = rule.wrap;
  if (rule.validation) {
    const v = rule.validation;
    range.dataValidation.clear();
    range.dataValidation.ignoreBlanks = true;
    range.dataValidation.rule = toOfficeRule(v.rule);
    if (v.prompt) range.dataValidation.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message };
  }
}

/**
 * Page layout through Office.js (ExcelApi 1.9): A4, orientation, fit to pages wide, print titles
 * and area, headers and footers (their texts come escaped from the core), manual page breaks.
 */
export function queuePageLayout(sheet: Excel.Worksheet, layout: PageLayout): void {
  sheet.pageLayout.orientation = (layout.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
  sheet.pageLayout.paperSize = "A4" as Excel.PaperType;
  // An explicit scale where the plan sets manual page breaks: Excel ignores them when fitting to pages.
  sheet.pageLayout.zoom = layout.scale !== undefined ? { scale: layout.scale } : { horizontalFitToPages: layout.fitToPagesWide, verticalFitToPages: 0 };
  sheet.pageLayout.centerHorizontally = true;
  // The same margins as the command line's files (in points here, inches there).
  const m = PRINT_MARGINS;
  sheet.pageLayout.leftMargin = m.left * 72;
  sheet.pageLayout.rightMargin = m.right * 72;
  sheet.pageLayout.topMargin = m.top * 72;
  sheet.pageLayout.bottomMargin = m.bottom * 72;
  sheet.pageLayout.headerMargin = m.header * 72;
  sheet.pageLayout.footerMargin = m.footer * 72;
  if (layout.printTitleRows) sheet.pageLayout.setPrintTitleRows(layout.printTitleRows);
  if (layout.printArea) sheet.pageLayout.setPrintArea(layout.printArea);
  sheet.pageLayout.headersFooters.defaultForAllPages.set({
    leftHeader: layout.header.left ?? "",
    centerHeader: layout.header.center ?? "",
    rightHeader: layout.header.right ?? "",
    leftFooter: layout.footer.left ?? "",
    centerFooter: layout.footer.center ?? "",
    rightFooter: layout.footer.right ?? "",
  });
  for (const row of layout.rowBreaks ?? []) sheet.horizontalPageBreaks.add(`A${row + 1}`);
}

/** Queues every operation, in order. Sheets and tables are looked up by name, so operations may refer to ones added earlier in the same batch. */
export function queueOperations(context: Excel.RequestContext, operations: readonly WorkbookOperation[]): void {
  const worksheets = context.workbook.worksheets;
  const sheetCache = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => {
    let ws = sheetCache.get(name);
    if (!ws) {
      ws = worksheets.getItem(name);
      sheetCache.set(name, ws);
    }
    return ws;
  };

  for (const op of operations) {
    switch (op.kind) {
      case "addSheet":
        sheetCache.set(op.sheet, worksheets.add(op.sheet));
        break;
      case "deleteSheet":
        // Excel refuses to delete the last visible sheet: plans delete only once others exist.
        sheet(op.sheet).delete();
        sheetCache.delete(op.sheet);
        break;
      case "unprotect":
        sheet(op.sheet).protection.unprotect();
        break;
      case "addTable": {
        const ws = sheet(op.sheet);
        const table = ws.tables.add(op.address, true);
        table.name = op.table;
        table.style = op.style;
        // Headers too are read as typed: "Apr 2025" would become the date Apr-25, "-x" a formula.
        writeCells(table.getHeaderRowRange(), [op.headers.map(String)]);
        if (op.rows.length > 0) writeCells(table.getDataBodyRange(), op.rows);
        break;
      }
      case "deleteTable":
        context.workbook.tables.getItem(op.table).delete();
        break;
      case "appendRows": {
        if (op.rows.length === 0) break;
        const table = context.workbook.tables.getItem(op.table);
        // rows.add reads its values as typed and gives the new rows the last row's formats, so
        // text cells go in blank and are then written with the text format set first.
        // rows.add returns the first added row (TableRowCollection.add, ExcelApi 1.1).
        const first = table.rows.add(
          undefined,
          op.rows.map((row) => row.map((cell) => (typeof cell === "string" ? "" : toExcelCell(cell)))),
        );
        if (hasText(op.rows)) writeCells(first.getRange().getResizedRange(op.rows.length - 1, 0), op.rows);
        break;
      }
      case "appendColumns": {
        const table = context.workbook.tables.getItem(op.table);
        for (const header of op.headers) {
          // columns.add reads the name as typed too: write it again as text.
          const column = table.columns.add(undefined, undefined, header);
          writeCells(column.getHeaderRowRange(), [[header]]);
        }
        break;
      }
      case "write":
        writeCells(sheet(op.sheet).getRange(op.address), op.cells);
        break;
      case "clearContents":
        sheet(op.sheet).getRange(op.address).clear("Contents");
        break;
      case "applyRules":
        for (const rule of op.rules) applyRule(sheet(op.sheet), rule);
        break;
      case "highlight": {
        const format = sheet(op.sheet).getRange(op.address).conditionalFormats.add("Custom");
        format.custom.rule.formula = op.formula;
        format.custom.format.fill.color = op.fill;
        format.custom.format.font.color = op.font;
        break;
      }
      case "defineName":
        // NamedItemCollection.add (ExcelApi 1.4) takes a formula: the reference with its "=".
        context.workbook.names.add(op.name, `=${op.reference}`, op.comment);
        break;
      case "setColumnWidths": {
        const ws = sheet(op.sheet);
        for (const { column, characters, hidden } of op.widths) {
          const entire = ws.getRangeByIndexes(0, column, 1, 1).getEntireColumn();
          entire.format.columnWidth = columnWidthPoints(characters);
          // Range.columnHidden (ExcelApi 1.2); set after the width, which would show the column again.
          if (hidden !== undefined) entire.columnHidden = hidden;
        }
        break;
      }
      case "freeze": {
        const panes = sheet(op.sheet).freezePanes;
        panes.unfreeze();
        if (op.rows > 0 && op.columns > 0) panes.freezeAt(sheet(op.sheet).getRangeByIndexes(0, 0, op.rows, op.columns));
        else if (op.rows > 0) panes.freezeRows(op.rows);
        else if (op.columns > 0) panes.freezeColumns(op.columns);
        break;
      }
      case "protect":
        sheet(op.sheet).protection.protect({
          allowFormatColumns: true,
          allowFormatRows: true,
          allowAutoFilter: true,
          allowFormatCells: false,
          allowInsertRows: false,
          allowDeleteRows: false,
        });
        break;
      case "hide":
        sheet(op.sheet).visibility = "Hidden";
        break;
      case "activate":
        sheet(op.sheet).activate();
        break;
      case "format": {
        const format = sheet(op.sheet).getRange(op.address).format;
        if (op.bold !== undefined) format.font.bold = op.bold;
        if (op.fontSize !== undefined) format.font.size = op.fontSize;
        if (op.fontColor !== undefined) format.font.color = op.fontColor;
        if (op.fill !== undefined) format.fill.color = op.fill;
        if (op.wrap !== undefined) format.wrapText = op.wrap;
        // RangeFormat.rowHeight, in points (ExcelApi 1.1).
        if (op.rowHeight !== undefined) format.rowHeight = op.rowHeight;
        break;
      }
      case "pageLayout":
        queuePageLayout(sheet(op.sheet), op.layout);
        break;
    }
  }
}

export type { CellValue };
