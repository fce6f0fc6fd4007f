/** Fonts, fills and page layout for the .xlsx gateway (the "format" and "pageLayout" operations). */
import type { Worksheet } from "exceljs";
import { parseRange } from "../core/layout/a1";
import { PRINT_MARGINS } from "../core/layout/print";
import type { PageLayout, WorkbookOperation } from "../core/workbook/types";

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

export function applyFormat(ws: Worksheet, op: Extract<WorkbookOperation, { kind: "format" }>): void {
  const r = parseRange(op.address);
  // Programs that open the file (LibreOffice) keep a row's height as written: wrapped text needs it said.
  if (op.rowHeight !== undefined) for (let row = r.row; row < r.row + r.rowCount; row++) ws.getRow(row + 1).height = op.rowHeight;
  for (let row = r.row; row < r.row + r.rowCount; row++) {
    for (let col = r.column; col < r.column + r.columnCount; col++) {
      const cell = ws.getCell(row + 1, col + 1);
      if (op.bold !== undefined || op.fontSize !== undefined || op.fontColor !== undefined) {
        cell.font = {
          ...(op.bold !== undefined ? { bold: op.bold } : {}),
          ...(op.fontSize !== undefined ? { size: op.fontSize } : {}),
          ...(op.fontColor !== undefined ? { color: { argb: argb(op.fontColor) } } : {}),
        };
      }
      if (op.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(op.fill) } };
      if (op.wrap !== undefined) cell.alignment = { wrapText: op.wrap };
    }
  }
}

/** A header or footer in Excel's codes: &L left, &C centre, &R right (texts are escaped by the core). */
export function sections(parts: PageLayout["header"]): string {
  return `${parts.left ? `&L${parts.left}` : ""}${parts.center ? `&C${parts.center}` : ""}${parts.right ? `&R${parts.right}` : ""}`;
}

/** A4 is paper size 9 in SpreadsheetML (ECMA-376 Part 1, 18.3.1.63 pageSetup). */
export const PAPER_A4 = 9;
/** The margins every printed sheet uses, in inches (defined with the print rule). */
export { PRINT_MARGINS };

/**
 * exceljs writes a print area as `$` + each corner (workbook-xform.js), so "A1:I53" became
 * "$A1:$I53", which LibreOffice ignores (it printed the whole sheet). Handing it "A$1:I$53" gives
 * the absolute "$A$1:$I$53" that Excel itself writes.
 */
export function exceljsPrintArea(area: string): string {
  return area.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$1$$$2");
}

export function applyPageLayout(ws: Worksheet, layout: PageLayout): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: layout.orientation,
    paperSize: PAPER_A4,
    ...(layout.scale !== undefined ? { fitToPage: false, scale: layout.scale } : { fitToPage: true, fitToWidth: layout.fitToPagesWide, fitToHeight: 0 }),
    horizontalCentered: true,
    margins: { ...PRINT_MARGINS },
    ...(layout.printTitleRows ? { printTitlesRow: layout.printTitleRows.replace(/\$/g, "") } : {}),
    ...(layout.printArea ? { printArea: exceljsPrintArea(layout.printArea) } : {}),
  };
  // exceljs: addPageBreak() on a row puts the break below it.
  for (const row of layout.rowBreaks ?? []) if (row > 0) ws.getRow(row).addPageBreak();
  ws.headerFooter = { ...ws.headerFooter, oddHeader: sections(layout.header), oddFooter: sections(layout.footer) };
}
