/**
 * "Download workbook (.xlsx)" in preview mode: converts the in-memory Excel host's workbook model
 * into an exceljs workbook - sheets (and their hidden state), values, formulas, number formats,
 * fills and fonts, tables, data validations, notes, conditional formats, column widths, hidden
 * rows and columns, frozen panes, page layout and protection - adds the charts as native chart
 * parts (./export-charts.ts, through the command line's chart writer) and saves it. A PivotTable
 * is kept as the values it shows (plain cells): exceljs writes no PivotTables. exceljs (about 1 MB)
 * is loaded on demand, only when the user asks for a download.
 */
import type * as ExcelJSTypes from "exceljs";
import type { DataValidationModel, SheetModel, TableModel, WorkbookModel } from "../memory-host";
import { defaultPageLayout } from "../memory-host";
import { columnLetter } from "../core/layout/a1";
import type { PageLayout } from "../core/workbook/types";
import { applyPageLayout } from "../xlsx/format";
import { FIELD, TABLE } from "../core/layout/contract";
import { returnFileName } from "../core/mail/mailto";
import { readMonthValue } from "../core/return";
import type { CellValue } from "../core/workbook/types";
import { chartedParts } from "../xlsx/charts/add";
import { zipBytes } from "../xlsx/zip-fflate";
import { downloadCharts } from "./export-charts";

type ExcelJSModule = typeof ExcelJSTypes;

const MAX = 1_048_575;
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import("exceljs")) as ExcelJSModule & { default?: ExcelJSModule };
  return mod.default ?? mod;
}

function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function rectAddress(r: { r0: number; c0: number; r1: number; c1: number }): string {
  return r.r0 === r.r1 && r.c0 === r.c1 ? a1(r.r0, r.c0) : `${a1(r.r0, r.c0)}:${a1(r.r1, r.c1)}`;
}

/** "#RRGGBB" -> "FFRRGGBB" (exceljs wants ARGB). */
function argb(colour: string | null | undefined): string | undefined {
  const hex = /^#?([0-9a-f]{6})$/i.exec(colour ?? "")?.[1];
  return hex ? `FF${hex.toUpperCase()}` : undefined;
}

/** Excel column width in points -> width in characters of the default font (7 px a character, 5 px padding). */
export function widthInCharacters(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

const OPERATORS: Record<string, ExcelJSTypes.DataValidationOperator> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};

function formula(value: unknown): unknown {
  return typeof value === "string" && value.startsWith("=") ? value.slice(1) : value;
}

function isoToDate(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : formula(value);
}

/** An Office data-validation rule as exceljs's, or undefined when there is no rule. */
export function toExcelJsValidation(dv: DataValidationModel): ExcelJSTypes.DataValidation | undefined {
  const rule = dv.rule;
  let out: ExcelJSTypes.DataValidation | undefined;
  const basic = (type: "whole" | "decimal" | "textLength" | "date", b: Excel.BasicDataValidation | Excel.DateTimeDataValidation) => {
    const convert = type === "date" ? isoToDate : formula;
    const formulae = [convert(b.formula1)];
    if (b.formula2 !== undefined && b.formula2 !== null && b.formula2 !== "") formulae.push(convert(b.formula2));
    return { type, operator: OPERATORS[String(b.operator)] ?? "between", formulae } as ExcelJSTypes.DataValidation;
  };
  if (rule.wholeNumber) out = basic("whole", rule.wholeNumber);
  else if (rule.decimal) out = basic("decimal", rule.decimal);
  else if (rule.textLength) out = basic("textLength", rule.textLength);
  else if (rule.date) out = basic("date", rule.date);
  else if (rule.list) {
    const source = String(rule.list.source ?? "");
    out = { type: "list", formulae: [source.startsWith("=") ? source.slice(1) : `"${source}"`] };
  } else if (rule.custom) out = { type: "custom", formulae: [formula(rule.custom.formula)] };
  if (!out) return undefined;
  out.allowBlank = dv.ignoreBlanks;
  if (dv.prompt.showPrompt) {
    out.showInputMessage = true;
    out.promptTitle = dv.prompt.title;
    out.prompt = dv.prompt.message;
  }
  if (dv.errorAlert.showAlert) {
    out.showErrorMessage = true;
    out.errorStyle = dv.errorAlert.style.toLowerCase() === "warning" ? "warning" : dv.errorAlert.style.toLowerCase() === "information" ? "information" : "stop";
    out.errorTitle = dv.errorAlert.title;
    out.error = dv.errorAlert.message;
  }
  return out;
}

function cellValue(sheet: SheetModel, row: number, col: number): ExcelJSTypes.CellValue {
  const view = sheet.view(row, col);
  if (view.formula !== null) {
    const result = view.calculated;
    return { formula: view.formula.slice(1), ...(result !== null && result !== "" ? { result } : {}) } as ExcelJSTypes.CellFormulaValue;
  }
  if (view.valueType === "Error" && typeof view.value === "string") return { error: view.value as ExcelJSTypes.ErrorValue };
  return view.value === "" ? null : view.value;
}

function horizontal(value: string): ExcelJSTypes.Alignment["horizontal"] | undefined {
  switch (value) {
    case "Left":
      return "left";
    case "Center":
      return "center";
    case "Right":
      return "right";
    case "Justify":
      return "justify";
    case "Fill":
      return "fill";
    case "CenterAcrossSelection":
      return "centerContinuous";
    case "Distributed":
      return "distributed";
    default:
      return undefined;
  }
}

function styleCell(target: ExcelJSTypes.Cell, sheet: SheetModel, row: number, col: number): void {
  const view = sheet.view(row, col);
  if (view.numberFormat !== "General") target.numFmt = view.numberFormat;
  if (view.bold || view.italic || view.fontColor.toUpperCase() !== "#000000") {
    const color = argb(view.fontColor);
    target.font = { bold: view.bold, italic: view.italic, ...(color ? { color: { argb: color } } : {}) };
  }
  const fill = argb(view.fillColor);
  if (fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  const h = horizontal(view.horizontalAlignment);
  if (view.wrapText || h) target.alignment = { ...(view.wrapText ? { wrapText: true } : {}), ...(h ? { horizontal: h } : {}), vertical: "top" };
  const hidden = sheet.formatAt(row, col, "formulaHidden");
  if (!view.locked || hidden) target.protection = { locked: view.locked, hidden };
}

function addTable(ws: ExcelJSTypes.Worksheet, sheet: SheetModel, table: TableModel): void {
  const body = table.dataRect;
  const rows: ExcelJSTypes.CellValue[][] = [];
  for (let row = body.r0; row <= body.r1; row++) {
    const line: ExcelJSTypes.CellValue[] = [];
    for (let col = body.c0; col <= body.c1; col++) line.push(cellValue(sheet, row, col));
    rows.push(line);
  }
  const theme = (table.style || "TableStyleMedium2") as NonNullable<ExcelJSTypes.TableStyleProperties["theme"]>;
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: a1(table.rect.r0, table.rect.c0),
    headerRow: table.showHeaders,
    totalsRow: false,
    style: {
      theme,
      showRowStripes: table.showBandedRows,
      showColumnStripes: table.showBandedColumns,
      showFirstColumn: table.highlightFirstColumn,
      showLastColumn: table.highlightLastColumn,
    },
    columns: table.columns.map((c) => ({ name: c.name, filterButton: table.showFilterButton })),
    // exceljs needs at least one body row.
    rows: rows.length > 0 ? rows : [table.columns.map(() => null)],
  });
}

/** Conditional formats (e.g. Check's highlights), in priority order. */
function addConditionalFormats(ws: ExcelJSTypes.Worksheet, sheet: SheetModel): void {
  sheet.conditionalFormats.forEach((cf, priority) => {
    const fill = argb(cf.fillColor);
    const font = argb(cf.fontColor);
    const style: Partial<ExcelJSTypes.Style> = {};
    if (fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: fill } };
    if (font || cf.bold !== null || cf.italic !== null) {
      style.font = {
        ...(font ? { color: { argb: font } } : {}),
        ...(cf.bold !== null ? { bold: cf.bold } : {}),
        ...(cf.italic !== null ? { italic: cf.italic } : {}),
      };
    }
    if (cf.numberFormat) style.numFmt = cf.numberFormat;
    ws.addConditionalFormatting({
      ref: cf.rects.map(rectAddress).join(" "),
      rules: [
        {
          type: "expression",
          priority: priority + 1,
          formulae: [formula(cf.formula)],
          style,
          ...(cf.stopIfTrue ? { stopIfTrue: true } : {}),
        } as ExcelJSTypes.ConditionalFormattingRule,
      ],
    });
  });
}

type PageLayoutModel = SheetModel["pageLayout"];

/**
 * The model's print settings as the core's PageLayout, the shape the command line's writer takes
 * (src/xlsx/format.ts `applyPageLayout`): orientation, paper, fit to pages or an explicit scale,
 * manual page breaks, print titles, print area, and the headers and footers (kept in Excel's codes).
 * Undefined for a sheet whose print settings were never changed (Excel writes none for it).
 */
export function pageLayoutOf(layout: PageLayoutModel): PageLayout | undefined {
  if (JSON.stringify(layout) === JSON.stringify(defaultPageLayout())) return undefined;
  const hf = layout.headersFooters.defaultForAllPages;
  const parts = (left: string, center: string, right: string) => {
    const out: PageLayout["header"] = {};
    if (left !== "") out.left = left;
    if (center !== "") out.center = center;
    if (right !== "") out.right = right;
    return out;
  };
  const scale = layout.zoom.scale;
  const out: PageLayout = {
    orientation: layout.orientation === "Landscape" ? "landscape" : "portrait",
    paper: "A4",
    fitToPagesWide: layout.zoom.horizontalFitToPages ?? 1,
    ...(typeof scale === "number" ? { scale, rowBreaks: [...layout.rowBreaks] } : {}),
    header: parts(hf.leftHeader, hf.centerHeader, hf.rightHeader),
    footer: parts(hf.leftFooter, hf.centerFooter, hf.rightFooter),
  };
  const titles = layout.printTitleRows;
  if (titles) out.printTitleRows = `$${titles.r0 + 1}:$${titles.r1 + 1}`;
  if (layout.printArea) out.printArea = rectAddress(layout.printArea);
  return out;
}

/** Points to inches (exceljs keeps margins in inches). */
const inches = (points: number) => Math.round((points / 72) * 1000) / 1000;

/**
 * Writes the sheet's print settings: the command line's writer for what the core's PageLayout
 * holds, then what the model keeps beyond it (paper other than A4, fitting to pages tall, margins,
 * centring, title columns, gridlines and headings).
 */
function addPageLayout(ws: ExcelJSTypes.Worksheet, sheet: SheetModel): void {
  const model = sheet.pageLayout;
  const layout = pageLayoutOf(model);
  if (!layout) return;
  applyPageLayout(ws, layout);
  const paper = PAPER_SIZES[model.paperSize];
  const tall = model.zoom.verticalFitToPages;
  const columns = model.printTitleColumns;
  ws.pageSetup = {
    ...ws.pageSetup,
    ...(paper !== undefined ? { paperSize: paper as ExcelJSTypes.PageSetup["paperSize"] } : {}),
    ...(model.zoom.scale === undefined || model.zoom.scale === null ? { fitToHeight: tall ?? 0 } : {}),
    horizontalCentered: model.centerHorizontally,
    verticalCentered: model.centerVertically,
    showGridLines: model.printGridlines,
    showRowColHeaders: model.printHeadings,
    blackAndWhite: model.blackAndWhite,
    draft: model.draftMode,
    pageOrder: model.printOrder === "OverThenDown" ? "overThenDown" : "downThenOver",
    margins: {
      left: inches(model.leftMargin),
      right: inches(model.rightMargin),
      top: inches(model.topMargin),
      bottom: inches(model.bottomMargin),
      header: inches(model.headerMargin),
      footer: inches(model.footerMargin),
    },
    ...(columns ? { printTitlesColumn: `${columnLetter(columns.c0)}:${columnLetter(columns.c1)}` } : {}),
  };
}

/** Paper sizes SpreadsheetML numbers (ECMA-376 Part 1, 18.3.1.63), for the ones exceljs knows. */
const PAPER_SIZES: Record<string, number> = {
  Letter: 1,
  Legal: 5,
  Executive: 7,
  A3: 8,
  A4: 9,
  A5: 11,
  B4: 12,
  B5: 13,
};

interface ProtectionTarget {
  protect(password: string, options: Partial<ExcelJSTypes.WorksheetProtection>): Promise<void>;
}

async function protect(ws: ProtectionTarget, sheet: SheetModel): Promise<void> {
  const o = sheet.protection.options;
  await ws.protect("", {
    selectLockedCells: o.selectionMode === "Normal" || o.selectionMode === undefined,
    selectUnlockedCells: o.selectionMode !== "None",
    formatCells: o.allowFormatCells,
    formatColumns: o.allowFormatColumns,
    formatRows: o.allowFormatRows,
    insertColumns: o.allowInsertColumns,
    insertRows: o.allowInsertRows,
    insertHyperlinks: o.allowInsertHyperlinks,
    deleteColumns: o.allowDeleteColumns,
    deleteRows: o.allowDeleteRows,
    sort: o.allowSort,
    autoFilter: o.allowAutoFilter,
    pivotTables: o.allowPivotTables,
    objects: o.allowEditObjects,
    scenarios: o.allowEditScenarios,
  });
}

/** Builds an exceljs workbook holding what the model holds. */
export async function toExcelJsWorkbook(model: WorkbookModel): Promise<ExcelJSTypes.Workbook> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Impact Returns (preview)";
  wb.created = new Date();

  for (const sheet of model.sheets) {
    const tabColor = argb(sheet.tabColor);
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.visibility === "Hidden" ? "hidden" : sheet.visibility === "VeryHidden" ? "veryHidden" : "visible",
      ...(tabColor ? { properties: { tabColor: { argb: tabColor } } } : {}),
    });
    const { rows: frozenRows, columns: frozenColumns } = sheet.freeze;
    if (frozenRows > 0 || frozenColumns > 0) {
      ws.views = [{ state: "frozen", xSplit: frozenColumns, ySplit: frozenRows, topLeftCell: a1(frozenRows, frozenColumns) }];
    }
    for (const [col, width] of sheet.columnWidths) ws.getColumn(col + 1).width = widthInCharacters(width);
    for (const [row, height] of sheet.rowHeights) ws.getRow(row + 1).height = height;
    for (const col of sheet.hiddenColumns) ws.getColumn(col + 1).hidden = true;
    for (const row of sheet.hiddenRows) ws.getRow(row + 1).hidden = true;

    // Tables first (exceljs writes their cells), then every stored cell's value and look on top.
    for (const table of sheet.tables) addTable(ws, sheet, table);
    sheet.forEachStored({ r0: 0, c0: 0, r1: MAX, c1: 16_383 }, (_cell, row, col) => {
      const target = ws.getCell(row + 1, col + 1);
      target.value = cellValue(sheet, row, col);
      styleCell(target, sheet, row, col);
    });
    // Cells formatted only through their column (e.g. unlocked entry columns).
    for (const [col, format] of sheet.columnFormats) {
      const column = ws.getColumn(col + 1);
      if (format.numberFormat && format.numberFormat !== "General") column.numFmt = format.numberFormat;
      if (format.locked === false) column.protection = { locked: false };
    }

    for (const dv of sheet.dataValidations) {
      const rule = toExcelJsValidation(dv);
      if (rule)
        (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJSTypes.DataValidation): void } }).dataValidations.add(
          rectAddress(dv.rect),
          rule,
        );
    }
    for (const note of sheet.notes) ws.getCell(note.row + 1, note.column + 1).note = note.content;
    addConditionalFormats(ws, sheet);
    addPageLayout(ws, sheet);
    if (sheet.protection.protected) await protect(ws as unknown as ProtectionTarget, sheet);
  }

  const active = model.sheets.findIndex((s) => s.id === model.activeSheetId);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: "visible" }];
  return wb;
}

/**
 * The download's name, from the Return sheet's organisation code (else name) and reporting year,
 * through the one rule for a return's file name: "RH01 impact return 2026-27.xlsx". A workbook
 * that is not a return (no reporting year) is "Impact Returns workbook.xlsx".
 */
export function suggestedFileName(model: WorkbookModel): string {
  const details = model.tables.find((t) => t.name.toLowerCase() === TABLE.returnDetails.toLowerCase());
  const values = new Map<string, CellValue>();
  if (details) {
    const body = details.dataRect;
    for (let row = body.r0; row <= body.r1; row++) values.set(String(details.sheet.valueAt(row, body.c0)).trim().toLowerCase(), details.sheet.valueAt(row, body.c0 + 1));
  }
  const text = (field: string) => String(values.get(field.toLowerCase()) ?? "").trim() || undefined;
  const yearStart = readMonthValue(values.get(FIELD.yearStart.toLowerCase()) ?? "");
  if (!yearStart) return "Impact Returns workbook.xlsx";
  return returnFileName({ organisation: text(FIELD.organisation), organisationCode: text(FIELD.organisationCode), yearStart });
}

export interface DownloadFile {
  bytes: Uint8Array;
  /** What the file does not hold as the workbook does, in sentences for the pane (empty when it holds everything). */
  notes: string[];
}

/** Charts named in a note at most; more are counted ("and 3 more"). */
const NAMED_AT_MOST = 3;

/** The notes for a download: PivotTables kept as their figures, and the charts left out (named, a few at most). */
export function downloadNotes(pivots: number, leftOut: readonly string[]): string[] {
  const notes: string[] = [];
  if (pivots === 1) notes.push("The PivotTable is kept as the figures it shows, as plain cells, not as a PivotTable.");
  if (pivots > 1) notes.push(`The ${pivots} PivotTables are kept as the figures they show, as plain cells, not as PivotTables.`);
  if (leftOut.length > 0) {
    const more = leftOut.length - NAMED_AT_MOST;
    notes.push(`Not in the file: ${leftOut.slice(0, NAMED_AT_MOST).join("; ")}${more > 0 ? `; and ${more} more ${more === 1 ? "chart" : "charts"}` : ""}.`);
  }
  return notes;
}

/** The .xlsx file's bytes: the exceljs workbook with the model's charts added. */
export async function downloadFile(model: WorkbookModel): Promise<DownloadFile> {
  const wb = await toExcelJsWorkbook(model);
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  const { charts, leftOut } = downloadCharts(model);
  const bytes = charts.length === 0 ? written : zipBytes(await chartedParts(written, charts));
  return { bytes, notes: downloadNotes(model.pivotTables.filter((p) => !p.deleted).length, leftOut) };
}

/** Builds the .xlsx and hands it to the browser as a download; returns the file's name and the notes on what it does not hold. */
export async function downloadWorkbook(model: WorkbookModel, fileName = suggestedFileName(model)): Promise<{ fileName: string; notes: string[] }> {
  const { bytes, notes } = await downloadFile(model);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { fileName, notes };
}
