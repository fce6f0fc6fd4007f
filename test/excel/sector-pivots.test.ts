/**
 * The Sector pivots sheet that Collate draws in Excel, on the in-memory host: a PivotTable of
 * SectorTotals a unit, each under its own heading with its Unit filter between heading and body;
 * money in £ (the sector pivot had no £ and showed "2,851." with #,##0.##); a measure's total
 * ("All") first, then its breakdowns; no "(blank)" row.
 */
import { type Figure, type Submission } from "../../src/core/collate";
import { NUMBER_FORMAT } from "../../src/core/layout/names";
import { SECTOR_EXTRA_SHEET } from "../../src/core/layout/sector-contract";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { submissionOf } from "../support/submissions";
import { columnWidthPoints } from "../../src/core/layout/print";

const today = new Date(2020, 6, 20);
const fig = (code: string, breakdown: string, month: string, value: number): Figure => ({ code, breakdown, month, value });

const sub = (org: string, figures: Figure[]): Submission => submissionOf(org, figures, { file: `${org}.xlsx`, sha256: org.padEnd(64, "0"), modifiedAt: 1, homesManaged: 2000 });

const submissions = [
  sub("AA", [
    fig("WELFARE_CALLS", "", "2020-04", 120),
    fig("FINANCIAL_SUPPORT", "Total", "2020-04", 2851.5),
    fig("FINANCIAL_SUPPORT", "Hardship grants", "2020-04", 2000),
    fig("FINANCIAL_SUPPORT", "Fuel vouchers", "2020-04", 851.5),
  ]),
  sub("BB", [fig("WELFARE_CALLS", "", "2020-04", 80), fig("FINANCIAL_SUPPORT", "Total", "2020-04", 1000), fig("FINANCIAL_SUPPORT", "Hardship grants", "2020-04", 1000)]),
];

interface Drawn {
  name: string;
  heading: string;
  filters: string[][];
  rows: string[][];
  values: unknown[][];
  formats: string[][];
}

async function drawn(host: MemoryExcelHost): Promise<Drawn[]> {
  return host.run(async (context) => {
    const pivots = context.workbook.pivotTables;
    pivots.load("items/name");
    const columnA = context.workbook.worksheets.getItem(SECTOR_EXTRA_SHEET.pivots).getRange("A1:A100");
    columnA.load("values");
    await context.sync();
    const texts = columnA.values.map((r) => String(r[0] ?? ""));
    const parts = pivots.items.map((p) => {
      const filter = p.layout.getFilterAxisRange();
      filter.load("rowIndex,values");
      const body = p.layout.getRange();
      body.load("values,numberFormat");
      return { name: p.name, filter, body };
    });
    await context.sync();
    return parts.map(({ name, filter, body }) => ({
      name,
      heading: texts[filter.rowIndex - 1] ?? "",
      filters: filter.values.map((r) => r.map(String)),
      rows: body.values.slice(2).map((r) => [String(r[0]), String(r[1])]),
      values: body.values.slice(2).map((r) => r.slice(2)),
      formats: (body.numberFormat as string[][]).slice(2).map((r) => r.slice(2)),
    }));
  });
}

describe("Sector pivots on the in-memory host", () => {
  let pivots: Drawn[];
  let widths: number[];
  beforeAll(async () => {
    const host = new MemoryExcelHost();
    await createExcelGateway(host).collate(submissions, { today, sectorHomes: 10_000 });
    pivots = await drawn(host);
    widths = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SECTOR_EXTRA_SHEET.pivots);
      const columns = ["A1", "B1", "C1"].map((a) => sheet.getRange(a).format);
      columns.forEach((c) => c.load("columnWidth"));
      await context.sync();
      return columns.map((c) => c.columnWidth);
    });
  });

  it("gives the measures, their parts and the months room to be read (names whole, no ######)", () => {
    // Points, from characters (src/core/layout/print.ts): Measure 40, Part 30, each month 14 ("£1,234,567.00").
    expect(widths).toEqual([columnWidthPoints(40), columnWidthPoints(30), columnWidthPoints(14)]);
  });

  it("draws one pivot a unit, its heading right above its Unit filter, which shows one unit", () => {
    expect(pivots.map((p) => [p.name, p.heading, p.filters])).toEqual([
      ["SectorTotalsPivotMoney", "Reported total (£)", [["Unit", "£"]]],
      ["SectorTotalsPivotCounts", "Reported total (numbers)", [["Unit", "number"]]],
    ]);
  });

  it("shows money in £ with pence, the total first and each breakdown after it, and no (blank) row", () => {
    const money = pivots.find((p) => p.name === "SectorTotalsPivotMoney")!;
    expect(money.rows).toEqual([
      ["Direct financial support given", "All"],
      ["", "of which: Fuel vouchers"],
      ["", "of which: Hardship grants"],
    ]);
    expect(money.values.map((r) => r[0])).toEqual([3851.5, 851.5, 3000]);
    expect(new Set(money.formats.flat())).toEqual(new Set([NUMBER_FORMAT.gbp]));
    const counts = pivots.find((p) => p.name === "SectorTotalsPivotCounts")!;
    expect(counts.rows).toEqual([["Welfare calls made", "All"]]);
    expect(new Set(counts.formats.flat())).toEqual(new Set([NUMBER_FORMAT.count]));
    for (const p of pivots) expect(p.rows.flat()).not.toContain("(blank)");
  });
});
