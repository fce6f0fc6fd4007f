/**
 * The Summary pivots sheet as Excel would show it, built by Summarise on the in-memory host from the
 * sample return: each PivotTable's report-filter rows sit below its section heading and above its
 * body (the heading survives); each filter shows one item; a measure's total ("All") comes first,
 * then its breakdowns ("of which: ..."), never sorted among them, and no row says "(blank)"; money
 * is in £ and no format leaves a trailing dot. And the Summary charts sheet's manual page breaks
 * are ones Excel prints by (an explicit scale, not fit to pages).
 */
import { SUMMARY_SHEET } from "../../src/core/layout/summary-contract";
import { NUMBER_FORMAT } from "../../src/core/layout/names";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { printedRowBreaks } from "../../src/memory-host/model/page-layout";
import { buildSampleReturn } from "../../src/preview/sample-return";

const today = new Date(Date.UTC(2020, 7, 20));

interface PivotView {
  name: string;
  /** 0-based rows. */
  filterRows: [number, number] | null;
  bodyTop: number;
  /** The text in column A on the rows above the filter area (or the body), nearest first. */
  above: string[];
  filters: string[][];
  body: unknown[][];
  formats: string[][];
}

async function summarised(): Promise<MemoryExcelHost> {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  await buildSampleReturn(gateway, (sheet, address, values) => host.userEdit(sheet, address, values));
  await gateway.summarise(today);
  return host;
}

async function pivotViews(host: MemoryExcelHost): Promise<PivotView[]> {
  return host.run(async (context) => {
    // Every PivotTable in the workbook is the summary's, on the Summary pivots sheet.
    const pivots = context.workbook.pivotTables;
    pivots.load("items/name");
    const used = context.workbook.worksheets.getItem(SUMMARY_SHEET.pivots).getRange("A1:A200");
    used.load("values");
    await context.sync();
    const columnA = used.values.map((r) => String(r[0] ?? ""));
    const parts = pivots.items.map((p) => {
      const filter = p.layout.getFilterAxisRange();
      filter.load("rowIndex,rowCount,values");
      const body = p.layout.getRange();
      body.load("rowIndex,values,numberFormat");
      return { name: p.name, filter, body };
    });
    await context.sync();
    return parts.map(({ name, filter, body }) => {
      const hasFilters = filter.rowCount > 0 && filter.values.some((r) => r.some((v) => v !== ""));
      const top = hasFilters ? filter.rowIndex : body.rowIndex;
      const above: string[] = [];
      for (let r = top - 1; r >= 0; r--) above.push(columnA[r] ?? "");
      return {
        name,
        filterRows: hasFilters ? [filter.rowIndex, filter.rowIndex + filter.rowCount - 1] : null,
        bodyTop: body.rowIndex,
        above,
        filters: hasFilters ? filter.values.map((r) => r.map(String)) : [],
        body: body.values,
        formats: body.numberFormat as string[][],
      };
    });
  });
}

/** The first non-blank text above a pivot: its section heading. */
const headingOf = (v: PivotView) => v.above.find((t) => t !== "") ?? "";

describe("Summary pivots on the in-memory host", () => {
  let views: PivotView[];
  let host: MemoryExcelHost;
  beforeAll(async () => {
    host = await summarised();
    views = await pivotViews(host);
  });

  it("draws one pivot a kind and unit, each under its own heading", () => {
    expect(views.map((v) => v.name).sort()).toEqual(expect.arrayContaining(["SummaryFlowsMoney", "SummaryFlowsCounts", "SummaryFlowsPeople", "SummaryStocksPeople"]));
    const headings = Object.fromEntries(views.map((v) => [v.name, headingOf(v)]));
    expect(headings).toMatchObject({
      SummaryFlowsMoney: "Flows by month (£)",
      SummaryFlowsCounts: "Flows by month (numbers)",
      SummaryFlowsPeople: "Flows by month (people)",
      SummaryStocksPeople: "Stocks at the end of each month (people)",
    });
  });

  it("puts each pivot's report-filter rows below its heading and above its body, with a blank row before the body", () => {
    for (const v of views) {
      expect(v.filterRows).not.toBeNull();
      const [first, last] = v.filterRows!;
      // The heading is the row right above the filter area, and still says what it said.
      expect(v.above[0]).toMatch(/^(Flows by month|Stocks at the end of each month) \(/);
      expect(last).toBeLessThan(v.bodyTop - 1);
      expect(first).toBeGreaterThan(0);
      // Each filter names its field and shows its one item.
      expect(v.filters.map((f) => f[0])).toEqual(["Kind", "Unit"]);
      for (const f of v.filters) expect(f[1]).not.toMatch(/^\((All|Multiple Items)\)$/);
    }
    const money = views.find((v) => v.name === "SummaryFlowsMoney")!;
    expect(money.filters).toEqual([
      ["Kind", "Flow"],
      ["Unit", "£"],
    ]);
  });

  it("lists each measure's total first, then its breakdowns, and no (blank) row", () => {
    for (const v of views) {
      const text = v.body.flat().map(String);
      expect(text).not.toContain("(blank)");
      // Tabular: Measure in column A (on a group's first row only), Part in column B, from the third row.
      const rows = v.body.slice(2);
      const groups: string[][] = [];
      for (const r of rows) {
        if (String(r[0]) !== "") groups.push([]);
        groups[groups.length - 1]!.push(String(r[1]));
      }
      expect(groups.length).toBeGreaterThan(0);
      for (const parts of groups) {
        expect(parts[0]).toBe("All");
        for (const p of parts.slice(1)) expect(p).toMatch(/^of which: /);
      }
    }
    const people = views.find((v) => v.name === "SummaryFlowsPeople")!;
    const advice = people.body.slice(2).map((r) => String(r[1]));
    expect(advice).toEqual(["All", "of which: Debt and money", "of which: Employment and training", "of which: Other advice", "of which: Welfare benefits"]);
  });

  it("shows money in £ with pence, counts as whole numbers, and no format with a trailing dot", () => {
    const valueFormats = (v: PivotView) => new Set(v.formats.slice(2).flatMap((r) => r.slice(2)).filter((f) => f !== "General"));
    expect([...valueFormats(views.find((v) => v.name === "SummaryFlowsMoney")!)]).toEqual([NUMBER_FORMAT.gbp]);
    expect([...valueFormats(views.find((v) => v.name === "SummaryFlowsCounts")!)]).toEqual([NUMBER_FORMAT.count]);
    for (const v of views) for (const f of valueFormats(v)) expect(f).not.toMatch(/\.#+$|\.$/);
  });

  it("prints the Summary charts sheet's manual page breaks: an explicit scale, not fit to pages", () => {
    const layout = host.workbook.findSheet(SUMMARY_SHEET.charts)!.pageLayout;
    expect(layout.rowBreaks.length).toBeGreaterThan(0);
    expect(layout.zoom.scale).toBeGreaterThanOrEqual(10);
    expect(layout.zoom.scale).toBeLessThanOrEqual(100);
    expect(printedRowBreaks(layout)).toEqual(layout.rowBreaks);
  });
});
