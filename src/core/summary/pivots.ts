/**
 * The Summary pivots sheet (Excel only): a PivotTable over SummaryData for each kind (flows, stocks)
 * and unit, each under its own heading. What makes them readable:
 *
 *  - one unit a pivot, so each pivot has one number format (a data field has one) and its report
 *    filters each show one item ("Kind: Flow", "Unit: £"), never "(Multiple Items)";
 *  - rows are Measure then Part (pivotPart in ./specs.ts): "All" for the measure's total, then
 *    "of which: <breakdown>", so Excel's ascending sort keeps each measure's total first and never
 *    sorts it among its breakdowns, and no row says "(blank)";
 *  - each heading is written by the gateway after its pivot is drawn (PivotSpec.heading);
 *  - the report-filter rows sit between the heading and the body: Excel puts a pivot's filter area
 *    above its body (PivotLayout.getRange excludes it; getFilterAxisRange returns it), one row a
 *    filter and a blank row, so the destination is the heading's row + filters + 2.
 */
import { cellAddress, rangeAddress } from "../layout/a1";
import { KIND_WORD, PIVOT_PREFIX, SUMMARY_SHEET, SUMMARY_TABLE, UNIT_WORD } from "../sheets/summary";
import type { PageLayout, WorkbookOperation } from "../workbook/types";
import type { MeasureSummary, ReturnSummary } from "./model";
import { PIVOT_COLUMN_WIDTHS, PIVOT_PART_FIELD, PIVOT_UNITS, pivotBlock, type PivotSpec } from "./specs";

type Unit = MeasureSummary["unit"];

export interface PivotsSheetPlan {
  operations: WorkbookOperation[];
  specs: PivotSpec[];
}

/**
 * The Summary pivots sheet: its operations (the sheet's heading, widths, printing) and the
 * PivotTables to draw, each with its heading. `numberFormat` is the summary's format of a unit's figures.
 */
export function planPivotsSheet(summary: ReturnSummary, numberFormat: (unit: Unit) => string, layout: PageLayout): PivotsSheetPlan {
  const sheet = SUMMARY_SHEET.pivots;
  const operations: WorkbookOperation[] = [{ kind: "addSheet", sheet }];
  const heading = (row: number, text: string, fontSize: number) => {
    operations.push({ kind: "write", sheet, address: rangeAddress(row, 0, 1, 1), cells: [[text]] });
    operations.push({ kind: "format", sheet, address: cellAddress(row, 0), bold: true, fontSize });
  };
  heading(0, `PivotTables${summary.organisation ? `: ${summary.organisation}` : ""}`, 16);
  operations.push({
    kind: "write",
    sheet,
    address: "A2",
    cells: [["Built from the Summary data sheet. Flows add up across months (Grand Total = year to date); stocks are never added across months."]],
  });

  const reported = summary.measures.filter((m) => m.figures.length > 0);
  const kindsPresent = new Set(reported.map((m) => KIND_WORD[m.kind]));
  const unitsPresent = new Set(reported.map((m) => UNIT_WORD[m.unit]));
  const specs: PivotSpec[] = [];
  let row = 3;
  for (const kind of ["flow", "stock"] as const) {
    for (const { unit, id, words } of PIVOT_UNITS) {
      const measures = reported.filter((m) => m.kind === kind && m.unit === unit);
      if (measures.length === 0) continue;
      // A filter only where the data has another item to hide: each shows its one visible item.
      const filters = [
        { field: "Kind", hide: [...kindsPresent].filter((k) => k !== KIND_WORD[kind]) },
        { field: "Unit", hide: [...unitsPresent].filter((u) => u !== UNIT_WORD[unit]) },
      ].filter((f) => f.hide.length > 0);
      // No Grand Total row: the rows are different measures.
      const block = pivotBlock(row, filters.length, measures.length);
      specs.push({
        name: `${PIVOT_PREFIX}${kind === "flow" ? "Flows" : "Stocks"}${id}`,
        sheet,
        destination: cellAddress(block.destination, 0),
        source: SUMMARY_TABLE.data,
        rows: ["Measure", PIVOT_PART_FIELD],
        columns: ["Month"],
        data: { field: "Value", name: kind === "flow" ? "Total" : "Value at month end", numberFormat: numberFormat(unit) },
        filters,
        rowGrandTotals: kind === "flow",
        columnGrandTotals: false,
        height: block.height,
        heading: { row, text: `${kind === "flow" ? "Flows by month" : "Stocks at the end of each month"} (${words})`, fontSize: 13 },
      });
      row = block.next;
    }
  }
  operations.push({ kind: "setColumnWidths", sheet, widths: PIVOT_COLUMN_WIDTHS.map((characters, column) => ({ column, characters })) });
  operations.push({ kind: "pageLayout", sheet, layout });
  return { operations, specs };
}
