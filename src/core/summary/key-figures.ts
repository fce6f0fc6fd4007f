/**
 * The KeyFigures table's cells: the core's figures, and for files the same figures as live formulas
 * over the SummaryData table, so an analyst who corrects a figure on the Summary data sheet sees the
 * key figures follow. The formulas use only SUMPRODUCT, MAX and IF over absolute ranges, which Excel
 * and LibreOffice evaluate alike (no MAXIFS, which needs Excel 2019's _xlfn prefix in a file).
 */
import { absoluteRange, quoteSheet } from "../layout/a1";
import { excelSerial } from "../calendar";
import { KIND_WORD, KEY_FIGURES_HEADERS, SUMMARY_DATA_HEADERS, SUMMARY_SHEET, UNIT_WORD } from "../layout/summary-contract";
import { measureRowKey } from "../return";
import type { PlannedCell } from "../workbook/types";
import type { MeasureSummary, MonthFigure } from "./model";

const serial = (f: MonthFigure | undefined) => (f ? excelSerial(f.month.year, f.month.month, 1) : null);

/** Commentary typed against a key figure, by measureRowKey(code, breakdown). */
export type Commentary = ReadonlyMap<string, string>;

/** The core's figures for one KeyFigures row, in the table's column order. */
export function keyFigureValues(m: MeasureSummary, commentary: Commentary | undefined): PlannedCell[] {
  const flow = m.kind === "flow";
  return [
    m.code,
    m.measure,
    m.breakdown === "" ? null : m.breakdown,
    UNIT_WORD[m.unit],
    KIND_WORD[m.kind],
    m.monthsReported,
    flow ? (m.yearToDate ?? null) : null,
    serial(m.latest),
    m.latest?.value ?? null,
    m.previous?.value ?? null,
    m.change ?? null,
    flow ? null : (m.direction ?? null),
    flow ? (m.monthlyAverage ?? null) : null,
    commentary?.get(measureRowKey(m.code, m.breakdown)) ?? null,
  ];
}

/**
 * The same row as formulas over SummaryData (sheet row `row`, 1-based, of the Board summary;
 * KeyFigures starting in column A), each carrying the core's figure as its expected result.
 * `dataRows` is the number of SummaryData body rows (at least 1).
 */
export function keyFigureFormulas(m: MeasureSummary, row: number, dataRows: number, commentary: Commentary | undefined): PlannedCell[] {
  const values = keyFigureValues(m, commentary);
  const col = (header: (typeof SUMMARY_DATA_HEADERS)[number]) =>
    `${quoteSheet(SUMMARY_SHEET.data)}!${absoluteRange(1, SUMMARY_DATA_HEADERS.indexOf(header), Math.max(dataRows, 1), 1)}`;
  const [code, breakdown, month, value] = [col("Code"), col("Breakdown"), col("Month"), col("Value")];
  const here = (header: (typeof KEY_FIGURES_HEADERS)[number]) => `$${String.fromCharCode(65 + KEY_FIGURES_HEADERS.indexOf(header))}${row}`;
  const match = `(${code}=${here("Code")})*(${breakdown}=${here("Breakdown")})`;
  const n = here("Months reported");
  const latestMonth = here("Latest month");
  const previousMonth = `SUMPRODUCT(MAX(${match}*(${month}<${latestMonth})*${month}))`;
  const flow = m.kind === "flow";
  const f = (formula: string, result: PlannedCell): PlannedCell => ({ formula, result: result === null || typeof result === "object" ? "" : result });
  return [
    values[0]!,
    values[1]!,
    values[2]!,
    values[3]!,
    values[4]!,
    f(`=SUMPRODUCT(${match})`, values[5]!),
    flow ? f(`=IF(${n}=0,"",SUMPRODUCT(${match}*${value}))`, values[6]!) : null,
    f(`=IF(${n}=0,"",SUMPRODUCT(MAX(${match}*${month})))`, values[7]!),
    f(`=IF(${n}=0,"",SUMPRODUCT(${match}*(${month}=${latestMonth})*${value}))`, values[8]!),
    f(`=IF(${n}<2,"",SUMPRODUCT(${match}*(${month}=${previousMonth})*${value}))`, values[9]!),
    f(`=IF(${n}<2,"",${here("Latest value")}-${here("Previous value")})`, values[10]!),
    flow ? null : f(`=IF(${n}<2,"",IF(${here("Change")}>0,"Higher",IF(${here("Change")}<0,"Lower","Same")))`, values[11]!),
    flow ? f(`=IF(${n}=0,"",${here("Year to date")}/${n})`, values[12]!) : null,
    values[13]!,
  ];
}
