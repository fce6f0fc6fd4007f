/**
 * Real returns for collation tests and the bench: a template made by the `template` command,
 * copied per organisation and filled as officers fill it (test/support/fill-return.ts), with
 * figures from a rule so a test can work out the expected totals on its own.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue as ExcelCellValue } from "exceljs";
import { findBuiltinFramework, parseFramework, type Framework } from "../../src/core/framework";
import { measureRows, type MeasureRow } from "../../src/core/setup/measure-rows";
import { runCli, ROOT } from "./cli";
import { fillReturn, type Edits } from "./fill-return";

export const V2_FRAMEWORK_FILE = join(ROOT, "test", "fixtures", "frameworks", "community-investment-monthly.v2.json");
export const V1 = findBuiltinFramework("community-investment-monthly", 1)!;
export const V2 = parseFramework(JSON.parse(readFileSync(V2_FRAMEWORK_FILE, "utf8")) as unknown, "v2");

const MONTH_COLUMNS = ["F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q"];

/** Makes a blank template (reporting year from April 2020 unless told) with the built-in framework or version 2. */
export function makeTemplate(path: string, version: 1 | 2 = 1, yearStart = "2020-04"): void {
  const args = ["template", "--out", path, "--organisation", "Template", "--code", "TPL", "--year-start", yearStart, "--force"];
  if (version === 2) args.push("--framework", V2_FRAMEWORK_FILE);
  const result = runCli(args);
  if (result.status !== 0) throw new Error(`template failed: ${result.stderr}`);
}

export interface ReturnSpec {
  organisation: string;
  code: string;
  homes?: number;
  /** Months reported from April (1-12). */
  months: number;
  /** The figure of a measure row (a breakdown; a broken-down measure's Total is the sum of its breakdowns). */
  value: (row: MeasureRow, month: number) => number;
  signedOffOn?: Date;
  /** Cell edits after the figures (e.g. text in a figure cell, for an error). */
  extra?: Edits;
  version?: 1 | 2;
}

/** The figure a spec gives a row (Totals add up their breakdowns). */
export function figureOf(spec: ReturnSpec, rows: MeasureRow[], row: MeasureRow, month: number): number {
  if (row.breakdown !== "Total") return spec.value(row, month);
  return rows.filter((r) => r.code === row.code && r.breakdown !== "Total").reduce((sum, r) => sum + spec.value(r, month), 0);
}

export function returnEdits(spec: ReturnSpec): Edits {
  const framework: Framework = spec.version === 2 ? V2 : V1;
  const rows = measureRows(framework);
  const measures: Record<string, ExcelCellValue> = {};
  rows.forEach((row, i) => {
    for (let m = 0; m < spec.months; m++) measures[`${MONTH_COLUMNS[m]!}${i + 2}`] = figureOf(spec, rows, row, m);
  });
  const details: Record<string, ExcelCellValue> = { B2: spec.organisation, B3: spec.code, B6: "Sam Jones", B7: "sam.jones@example.org", B8: "Sam Jones" };
  if (spec.homes !== undefined) details.B5 = spec.homes;
  if (spec.signedOffOn) {
    details.B9 = "Sam Jones";
    details.B10 = spec.signedOffOn;
  }
  const edits: Edits = { Return: details, Measures: measures };
  for (const [sheet, cells] of Object.entries(spec.extra ?? {})) edits[sheet] = { ...(edits[sheet] ?? {}), ...cells };
  return edits;
}

/** Copies the template and fills it as the spec says. */
export async function makeReturn(template: string, out: string, spec: ReturnSpec): Promise<void> {
  copyFileSync(template, out);
  await fillReturn(out, returnEdits(spec));
}

/**
 * The bytes of a signed-off return of seven months, made from a new template in `dir` (the
 * package reader's tests rewrite it as other producers write packages). `spec` changes any of it.
 */
export async function sevenMonthReturn(dir: string, spec: Partial<ReturnSpec> = {}): Promise<Uint8Array> {
  const template = join(dir, "template.xlsx");
  makeTemplate(template, 1);
  const file = join(dir, "return.xlsx");
  await makeReturn(template, file, {
    organisation: "Riverside Homes",
    code: "RH01",
    homes: 5200,
    months: 7,
    value: (row, m) => (row.code.length * 7 + m) % 50,
    signedOffOn: new Date(Date.UTC(2020, 10, 3)),
    ...spec,
  });
  return new Uint8Array(readFileSync(file));
}
