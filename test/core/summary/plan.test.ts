/**
 * The summary as a plan: its sheets, the SummaryData and KeyFigures tables, commentary kept from
 * the last summary, formulas, PivotTable specs, chart specs and their places, page layout, and the
 * workbook states in which Summarise must refuse to write.
 */
import { analyseReturn } from "../../../src/core/checks";
import { parseRange } from "../../../src/core/layout/a1";
import { TABLE } from "../../../src/core/layout/contract";
import { KEY_FIGURES_HEADERS, SUMMARY_DATA_HEADERS, SUMMARY_SHEET, SUMMARY_TABLE } from "../../../src/core/layout/summary-contract";
import { planSummary, readCommentary, summariseReturn, summaryBlockers, withLastYear, type ReturnSummary, type SummaryPlan, type SummaryPlanOptions } from "../../../src/core/summary";
import type { PageLayout, PlannedCell, WorkbookOperation, WorkbookSnapshot } from "../../../src/core/workbook/types";
import { cleanReturn, MONTHS, setCell, setMeasure, table } from "../checks/fixtures";

type AddTable = Extract<WorkbookOperation, { kind: "addTable" }>;
const BUILT = new Date(Date.UTC(2020, 9, 20, 12));

function summaryOf(snapshot: WorkbookSnapshot): ReturnSummary {
  const { data, framework, result } = analyseReturn(snapshot);
  return summariseReturn({ data, framework: framework!, result }, { year: 2020, month: 4 });
}

/** The fixture with WELFARE_CALLS Jul = 0 and Sep blank. */
function editedReturn(): WorkbookSnapshot {
  const snapshot = cleanReturn();
  setMeasure(snapshot, "WELFARE_CALLS", "", MONTHS[3]!, 0);
  setMeasure(snapshot, "WELFARE_CALLS", "", MONTHS[5]!, null);
  return snapshot;
}

const plan = (summary: ReturnSummary, options: Partial<SummaryPlanOptions> = {}): SummaryPlan =>
  planSummary(summary, { builtAt: BUILT, formulas: false, pivots: false, ...options });

function tableOp(p: SummaryPlan, name: string): AddTable {
  const op = p.operations.find((o): o is AddTable => o.kind === "addTable" && o.table === name);
  if (!op) throw new Error(`no table ${name}`);
  return op;
}

function layoutOf(p: SummaryPlan, sheet: string): PageLayout {
  const op = p.operations.find((o): o is Extract<WorkbookOperation, { kind: "pageLayout" }> => o.kind === "pageLayout" && o.sheet === sheet);
  if (!op) throw new Error(`no page layout for ${sheet}`);
  return op.layout;
}

const column = (op: AddTable, header: string) => op.rows.map((r) => r[op.headers.indexOf(header)]);
const keyRow = (op: AddTable, code: string, breakdown: string | null = null) => {
  const r = op.rows.find((x) => x[0] === code && (x[2] ?? null) === breakdown);
  if (!r) throw new Error(`no KeyFigures row ${code}|${breakdown}`);
  return r;
};
const cellOf = (op: AddTable, r: PlannedCell[], header: (typeof KEY_FIGURES_HEADERS)[number]) => r[op.headers.indexOf(header)];

const summary = summaryOf(editedReturn());

describe("sheets", () => {
  it("are Board summary, Key figures, Summary charts, Summary data in that order; Summary pivots only with pivots", () => {
    const files = plan(summary);
    expect(files.sheets).toEqual(["Board summary", "Key figures", "Summary charts", "Summary data"]);
    expect(files.operations.filter((o) => o.kind === "addSheet").map((o) => o.sheet)).toEqual(files.sheets);
    expect(files.pivots).toEqual([]);
    const excel = plan(summary, { pivots: true });
    expect(excel.sheets).toEqual(["Board summary", "Key figures", "Summary charts", "Summary pivots", "Summary data"]);
    expect(excel.operations.filter((o) => o.kind === "addSheet").map((o) => o.sheet)).toEqual(excel.sheets);
    expect(excel.operations[excel.operations.length - 1]).toEqual({ kind: "activate", sheet: "Board summary" });
  });

  it("puts each table on its sheet", () => {
    const p = plan(summary);
    const where = Object.fromEntries(p.operations.filter((o): o is AddTable => o.kind === "addTable").map((o) => [o.table, o.sheet]));
    expect(where).toEqual({
      FlowFigures: SUMMARY_SHEET.board,
      StockFigures: SUMMARY_SHEET.board,
      KeyFigures: SUMMARY_SHEET.keyFigures,
      SocialValue: SUMMARY_SHEET.board,
      SocialValueByGroup: SUMMARY_SHEET.board,
      Stories: SUMMARY_SHEET.board,
      BoardReflections: SUMMARY_SHEET.board,
      ChartData: SUMMARY_SHEET.charts,
      SocialValueChartData: SUMMARY_SHEET.charts,
      SummaryData: SUMMARY_SHEET.data,
      ImpactData: SUMMARY_SHEET.data,
    });
  });
});

describe("SummaryData", () => {
  const data = tableOp(plan(summary), SUMMARY_TABLE.data);

  it("has one row per reported cell: 21 measure rows x 6 months, less WELFARE_CALLS' blank September", () => {
    expect(data.headers).toEqual([...SUMMARY_DATA_HEADERS]);
    expect(data.rows).toHaveLength(21 * 6 - 1);
    expect(data.address).toBe(`A1:H${21 * 6 - 1 + 1}`);
  });

  it("gives a 0 a row and a blank none; Month is the serial of the first of the month", () => {
    const calls = data.rows.filter((r) => r[0] === "WELFARE_CALLS");
    // 1 Apr 2020 is serial 43922; 1 May 43952; 1 Jun 43983; 1 Jul 44013; 1 Aug 44044.
    expect(calls).toEqual([
      ["WELFARE_CALLS", "Welfare calls made", null, "number", "Flow", 43922, 420, "All"],
      ["WELFARE_CALLS", "Welfare calls made", null, "number", "Flow", 43952, 515, "All"],
      ["WELFARE_CALLS", "Welfare calls made", null, "number", "Flow", 43983, 480, "All"],
      ["WELFARE_CALLS", "Welfare calls made", null, "number", "Flow", 44013, 0, "All"],
      ["WELFARE_CALLS", "Welfare calls made", null, "number", "Flow", 44044, 405, "All"],
    ]);
    const parcels = data.rows.filter((r) => r[0] === "FOOD_INTERVENTIONS" && r[2] === "Food parcels");
    expect(parcels.map((r) => r[6])).toEqual([310, 290, 260, 240, 255, 270]);
    // Part: what the PivotTables list under the measure (its total "All", then "of which: ...").
    expect(parcels.map((r) => r[7])).toEqual(Array(6).fill("of which: Food parcels"));
    expect(data.rows.find((r) => r[0] === "FOOD_INTERVENTIONS" && r[2] === "Total")![7]).toBe("All");
    expect(data.rows.filter((r) => r[0] === "VULNERABLE_RESIDENTS")[0]!.slice(3, 5)).toEqual(["people", "Stock"]);
  });

  it("formats the Month column mmm yyyy", () => {
    const rules = plan(summary).operations.filter((o): o is Extract<WorkbookOperation, { kind: "applyRules" }> => o.kind === "applyRules" && o.sheet === SUMMARY_SHEET.data);
    const month = rules.flatMap((o) => o.rules).find((r) => r.address === `F2:F${21 * 6}`);
    expect(month?.numberFormat).toBe("mmm yyyy");
  });
});

describe("KeyFigures", () => {
  const keys = tableOp(plan(summary), SUMMARY_TABLE.keyFigures);

  it("has the 14 contract columns in order and a row per measure row", () => {
    expect(keys.headers).toEqual([
      "Code",
      "Measure",
      "Breakdown",
      "Unit",
      "Kind",
      "Months reported",
      "Year to date",
      "Latest month",
      "Latest value",
      "Previous value",
      "Change",
      "Direction",
      "Monthly average",
      "Commentary",
    ]);
    expect(keys.rows).toHaveLength(21);
    expect(keys.rows.every((r) => r.length === 14)).toBe(true);
  });

  it("holds the figures: a flow with Direction blank", () => {
    // 420 + 515 + 480 + 0 + 405 = 1,820 over 5 months; latest Aug 405, previous Jul 0.
    expect(keyRow(keys, "WELFARE_CALLS")).toEqual(["WELFARE_CALLS", "Welfare calls made", null, "number", "Flow", 5, 1820, 44044, 405, 0, 405, null, 364, null]);
  });

  it("holds the figures: a stock with Year to date and Monthly average blank", () => {
    // 1250, 1310, 1335, 1320, 1340, 1362: latest Sep (1 Sep 2020 is 44075), previous 1340.
    expect(keyRow(keys, "VULNERABLE_RESIDENTS")).toEqual(["VULNERABLE_RESIDENTS", "Vulnerable residents", null, "people", "Stock", 6, null, 44075, 1362, 1340, 22, "Higher", null, null]);
    for (const r of keys.rows.filter((x) => x[4] === "Stock")) {
      expect([cellOf(keys, r, "Year to date"), cellOf(keys, r, "Monthly average")]).toEqual([null, null]);
      expect(["Higher", "Lower", "Same"]).toContain(cellOf(keys, r, "Direction"));
    }
    for (const r of keys.rows.filter((x) => x[4] === "Flow")) expect(cellOf(keys, r, "Direction")).toBeNull();
  });

  it("breakdowns have their own rows; a measure without breakdowns has a blank Breakdown", () => {
    expect(column(keys, "Breakdown").slice(0, 6)).toEqual([null, "Total", "Welfare benefits", "Debt and money", "Employment and training", "Other advice"]);
    expect(cellOf(keys, keyRow(keys, "ADVICE_SUPPORTED", "Welfare benefits"), "Year to date")).toBe(386);
  });
});

describe("Commentary", () => {
  it("is kept by code and breakdown from the old KeyFigures table", () => {
    const old: WorkbookSnapshot = {
      sheets: [{ name: "Board summary", tables: ["KeyFigures"] }],
      tables: [
        {
          name: "KeyFigures",
          sheet: "Board summary",
          row: 7,
          column: 0,
          headers: [...KEY_FIGURES_HEADERS],
          values: [
            ["WELFARE_CALLS", "Welfare calls made", null, "number", "Flow", 4, 1000, 44013, 1, 1, 0, null, 250, "Calls fell in the summer"],
            ["ADVICE_SUPPORTED", "Residents supported with advice and guidance", "Debt and money", "people", "Flow", 4, 1, 1, 1, 1, 0, null, 1, "  New debt adviser from May  "],
            ["ADVICE_SUPPORTED", "Residents supported with advice and guidance", "Total", "people", "Flow", 4, 1, 1, 1, 1, 0, null, 1, "   "],
            ["GONE_MEASURE", "A measure no longer there", null, "number", "Flow", 1, 1, 1, 1, null, null, null, 1, "Lost"],
          ],
          formulas: [],
        },
      ],
    };
    const commentary = readCommentary(old);
    expect([...commentary.entries()]).toEqual([
      ["welfare_calls|", "Calls fell in the summer"],
      ["advice_supported|debt and money", "New debt adviser from May"],
      ["gone_measure|", "Lost"],
    ]);
    for (const formulas of [false, true]) {
      const keys = tableOp(plan(summary, { commentary, formulas }), SUMMARY_TABLE.keyFigures);
      expect(cellOf(keys, keyRow(keys, "WELFARE_CALLS"), "Commentary")).toBe("Calls fell in the summer");
      expect(cellOf(keys, keyRow(keys, "ADVICE_SUPPORTED", "Debt and money"), "Commentary")).toBe("New debt adviser from May");
      expect(cellOf(keys, keyRow(keys, "ADVICE_SUPPORTED", "Total"), "Commentary")).toBeNull();
      expect(column(keys, "Commentary").filter((c) => c !== null)).toHaveLength(2);
    }
  });

  it("is empty when there is no old summary", () => {
    expect(readCommentary(cleanReturn()).size).toBe(0);
  });
});

describe("formulas", () => {
  const values = tableOp(plan(summary), SUMMARY_TABLE.keyFigures);
  const formulas = tableOp(plan(summary, { formulas: true }), SUMMARY_TABLE.keyFigures);
  const figureColumns = ["Months reported", "Year to date", "Latest month", "Latest value", "Previous value", "Change", "Direction", "Monthly average"] as const;

  it("makes the figure cells formulas over SummaryData, each carrying the core's result", () => {
    expect(formulas.rows).toHaveLength(values.rows.length);
    formulas.rows.forEach((r, i) => {
      const v = values.rows[i]!;
      expect(r.slice(0, 5)).toEqual(v.slice(0, 5));
      for (const h of figureColumns) {
        const cell = cellOf(formulas, r, h);
        const expected = cellOf(values, v, h);
        const blankForKind = (r[4] === "Stock" && (h === "Year to date" || h === "Monthly average")) || (r[4] === "Flow" && h === "Direction");
        if (blankForKind) {
          expect(cell).toBeNull();
          continue;
        }
        expect(cell).toEqual({ formula: expect.stringMatching(/^=/) as unknown, result: expected ?? "" });
        expect((cell as { formula: string }).formula).toContain(h === "Change" || h === "Direction" || h === "Monthly average" ? "" : "'Summary data'!");
      }
    });
  });

  it("carries the numbers for WELFARE_CALLS", () => {
    const r = keyRow(formulas, "WELFARE_CALLS");
    const result = (h: (typeof KEY_FIGURES_HEADERS)[number]) => (cellOf(formulas, r, h) as { result: unknown }).result;
    expect(figureColumns.filter((h) => h !== "Direction").map(result)).toEqual([5, 1820, 44044, 405, 0, 405, 364]);
    expect((cellOf(formulas, r, "Months reported") as { formula: string }).formula).toMatch(/^=SUMPRODUCT\(/);
  });

  it("makes SocialValue formulas too", () => {
    const sv = tableOp(plan(summary, { formulas: true }), SUMMARY_TABLE.socialValue);
    expect(sv.rows.length).toBeGreaterThan(0);
    for (const r of sv.rows) {
      expect(r[1]).toEqual({ formula: expect.stringMatching(/^=COUNTIF\(/) as unknown, result: expect.any(Number) as unknown });
      expect(r[2]).toEqual({ formula: expect.stringMatching(/^=SUMIF\(/) as unknown, result: expect.any(Number) as unknown });
    }
  });
});

describe("pivots", () => {
  it("makes one pivot per kind and unit present, rows Measure then Part; stocks without row grand totals; no column grand totals", () => {
    const specs = plan(summary, { pivots: true }).pivots;
    expect(specs.map((s) => s.name)).toEqual(["SummaryFlowsMoney", "SummaryFlowsCounts", "SummaryFlowsPeople", "SummaryFlowsHours", "SummaryStocksPeople"]);
    for (const s of specs) {
      expect(s.sheet).toBe("Summary pivots");
      expect(s.source).toBe("SummaryData");
      expect(s.rows).toEqual(["Measure", "Part"]);
      expect(s.columns).toEqual(["Month"]);
      expect(s.columnGrandTotals).toBe(false);
      expect(s.rowGrandTotals).toBe(s.name.startsWith("SummaryFlows"));
    }
    // Each filter leaves one item visible: never "(Multiple Items)".
    expect(specs.find((s) => s.name === "SummaryStocksPeople")!.filters).toEqual([
      { field: "Kind", hide: ["Flow"] },
      { field: "Unit", hide: ["number", "£", "hours"] },
    ]);
    expect(specs.find((s) => s.name === "SummaryFlowsMoney")!.data.numberFormat).toBe('"£"#,##0.00');
  });

  it("leaves room for the filter rows between each heading and its pivot's body, and does not overlap the next", () => {
    const specs = plan(summary, { pivots: true }).pivots;
    for (const [i, s] of specs.entries()) {
      const destination = parseRange(s.destination).row;
      // Heading, then one row a filter, then a blank row, then the body.
      expect(destination).toBe(s.heading!.row + 1 + s.filters.length + 1);
      const next = specs[i + 1];
      if (next) expect(next.heading!.row).toBeGreaterThan(s.heading!.row + s.height);
    }
    expect(specs[0]!.heading).toEqual({ row: 3, text: "Flows by month (£)", fontSize: 13 });
  });

  it("leaves out kinds and units with no figures", () => {
    const snapshot = editedReturn();
    const t = table(snapshot, TABLE.measures);
    t.values.forEach((r, i) => {
      if (r[0] === "FINANCIAL_SUPPORT" || r[0] === "VOLUNTEER_HOURS" || r[0] === "ADVICE_SUPPORTED" || r[4] === "stock") for (const m of MONTHS) setCell(snapshot, TABLE.measures, i, m, null);
    });
    const specs = plan(summaryOf(snapshot), { pivots: true }).pivots;
    expect(specs.map((s) => s.name)).toEqual(["SummaryFlowsCounts"]);
    expect(specs[0]!.filters).toEqual([]);
    expect(specs[0]!.destination).toBe("A5");
  });
});

describe("charts", () => {
  const p = plan(summary);

  it("draws each key total measure (flows as columns, stocks as lines) and social value as bars", () => {
    expect(p.charts.map((c) => [c.type, c.title])).toEqual([
      ["column", "Welfare calls made: each month"],
      ["column", "Residents supported with advice and guidance: each month"],
      ["column", "Direct financial support given: each month"],
      ["column", "Food interventions: each month"],
      ["line", "Vulnerable residents: at the end of each month"],
      ["line", "Residents at risk of rent arrears: at the end of each month"],
      ["bar", "Social value by outcome area"],
    ]);
    expect(p.charts.every((c) => c.sheet === "Summary charts")).toBe(true);
    expect(new Set(p.charts.map((c) => c.name)).size).toBe(p.charts.length);
    // The welfare calls chart's figures: a 0 in July is drawn, blank September is not.
    expect(p.charts[0]!.series[0]!.figures).toEqual([420, 515, 480, 0, 405, null]);
    expect(p.charts[0]!.categoryLabels).toEqual(["Apr 2020", "May 2020", "Jun 2020", "Jul 2020", "Aug 2020", "Sep 2020"]);
  });

  it("places charts without overlaps, all inside the charts sheet's print area", () => {
    const area = parseRange(layoutOf(p, "Summary charts").printArea!);
    const boxes = p.charts.map((c) => c.anchor);
    for (const b of boxes) {
      expect(b.from.row).toBeGreaterThanOrEqual(area.row);
      expect(b.from.col).toBeGreaterThanOrEqual(area.column);
      expect(b.to.row).toBeLessThanOrEqual(area.row + area.rowCount);
      expect(b.to.col).toBeLessThanOrEqual(area.column + area.columnCount);
      expect(b.to.row).toBeGreaterThan(b.from.row);
      expect(b.to.col).toBeGreaterThan(b.from.col);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const apart = a.to.row <= b.from.row || b.to.row <= a.from.row || a.to.col <= b.from.col || b.to.col <= a.from.col;
        expect(apart).toBe(true);
      }
    }
    // Charts start below the chart data tables.
    const chartData = parseRange(tableOp(p, "ChartData").address);
    expect(Math.min(...boxes.map((b) => b.from.row))).toBeGreaterThanOrEqual(chartData.row + chartData.rowCount);
  });
});

describe("page layout", () => {
  const p = plan(summary);

  it("prints every sheet A4 landscape, one page wide, with the sheet name in the header's centre", () => {
    for (const sheet of p.sheets) {
      const layout = layoutOf(p, sheet);
      expect([layout.paper, layout.orientation, layout.fitToPagesWide]).toEqual(["A4", "landscape", 1]);
      expect(layout.header.center).toBe(sheet);
      expect(layout.header.left).toBe("Northgate Homes");
    }
  });

  it("repeats the KeyFigures header row on every Key figures page; prints the Board summary without its hidden Code and Breakdown columns", () => {
    const keys = parseRange(tableOp(p, SUMMARY_TABLE.keyFigures).address);
    expect(layoutOf(p, "Key figures").printTitleRows).toBe(`$${keys.row + 1}:$${keys.row + 1}`);
    const layout = layoutOf(p, "Board summary");
    const flows = tableOp(p, SUMMARY_TABLE.flowFigures);
    const area = parseRange(layout.printArea!);
    expect([area.row, area.column, area.columnCount]).toEqual([0, 0, flows.headers.length - 3]);
    expect(flows.headers.slice(-2)).toEqual(["Code", "Breakdown"]);
    const widths = p.operations.find((o): o is Extract<WorkbookOperation, { kind: "setColumnWidths" }> => o.kind === "setColumnWidths" && o.sheet === "Board summary")!.widths;
    expect(widths.filter((w) => w.hidden).map((w) => w.column)).toEqual([flows.headers.length - 2, flows.headers.length - 1]);
    const stories = parseRange(tableOp(p, SUMMARY_TABLE.stories).address);
    expect(area.rowCount).toBeGreaterThan(stories.row + stories.rowCount);
  });
});

describe("summaryBlockers", () => {
  const p = plan(summary);
  const withSheets = (sheets: WorkbookSnapshot["sheets"], names?: string[]): WorkbookSnapshot => {
    const s = cleanReturn();
    s.sheets.push(...sheets);
    if (names) s.names = names;
    return s;
  };

  it("lets a return without a summary, or with its own old summary, go ahead", () => {
    expect(summaryBlockers(cleanReturn(), p)).toEqual([]);
    const again = withSheets([
      { name: "Board summary", tables: ["KeyFigures", "SocialValue", "SocialValueByGroup", "Stories"] },
      { name: "Summary charts", tables: ["ChartData", "SocialValueChartData"] },
      { name: "Summary data", tables: ["SummaryData", "ImpactData"] },
    ]);
    expect(summaryBlockers(again, p)).toEqual([]);
  });

  it("refuses a sheet called Board summary that it did not make", () => {
    const blockers = summaryBlockers(withSheets([{ name: "Board summary", tables: [] }]), p);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toMatch(/sheet called 'Board summary' that Impact Returns did not make/);
  });

  it("refuses a table called KeyFigures on another sheet", () => {
    const blockers = summaryBlockers(withSheets([{ name: "My notes", tables: ["keyfigures"] }]), p);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toMatch(/a table or PivotTable called 'keyfigures' \(on the sheet 'My notes'\)/);
  });

  it("refuses a defined name SummaryData", () => {
    const blockers = summaryBlockers(withSheets([], ["Totals", "SummaryData"]), p);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toMatch(/defined name 'SummaryData'/);
  });

  it("refuses a PivotTable name clash (Excel plans with pivots)", () => {
    const excel = plan(summary, { pivots: true });
    const blockers = summaryBlockers(withSheets([{ name: "Analysis", tables: [], pivotTables: ["SummaryFlowsCounts"] }]), excel);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toMatch(/'SummaryFlowsCounts'/);
  });
});

describe("warnings visible (†)", () => {
  /** The fixture checked, its own warnings taken away, then one warning on WELFARE_CALLS's latest figure: unexplained, or explained. */
  function withWarning(accepted: boolean): ReturnSummary {
    const snapshot = editedReturn();
    const analysis = analyseReturn(snapshot);
    const plain = summariseReturn({ ...analysis, framework: analysis.framework! }, { year: 2020, month: 4 });
    const welfare = plain.measures.find((m) => m.code === "WELFARE_CALLS")!;
    const cell = analysis.data.measures!.rows.find((r) => r.code === "WELFARE_CALLS")!.cells[welfare.latest!.slot]!.at;
    const result = { ...analysis.result, issues: [...analysis.result.issues.filter((i) => i.severity === "error"), { severity: "warning" as const, code: "month-out-of-line" as const, sheet: cell.sheet, cell: cell.cell, row: 0, column: "", message: "Out of line.", ...(accepted ? { accepted: true, explanation: "A big campaign." } : {}) }] };
    return summariseReturn({ data: analysis.data, framework: analysis.framework!, result }, { year: 2020, month: 4 });
  }

  it("marks a figure with an unexplained warning † in FlowFigures, KeyFigures and ChartData, and counts it in the title block", () => {
    const s = withWarning(false);
    expect(s.warnedFigures).toBe(1);
    const p = plan(s);
    const rules = p.operations.flatMap((o) => (o.kind === "applyRules" ? o.rules.map((r) => ({ sheet: o.sheet, ...r })) : []));
    const marked = rules.filter((r) => r.numberFormat?.endsWith('" †"'));
    expect(new Set(marked.map((r) => r.sheet))).toEqual(new Set([SUMMARY_SHEET.board, SUMMARY_SHEET.keyFigures, SUMMARY_SHEET.charts]));
    const title = p.operations.flatMap((o) => (o.kind === "write" && o.sheet === SUMMARY_SHEET.board ? o.cells.flat() : [])).filter((c): c is string => typeof c === "string");
    expect(title).toContain("† 1 figure has a check warning not yet explained: it is included and marked †.");
    expect(title.some((t) => /Explanation column of the Checks sheet/.test(t))).toBe(true);
  });

  it("does not mark an explained warning", () => {
    const s = withWarning(true);
    expect(s.warnedFigures).toBe(0);
    const rules = plan(s).operations.flatMap((o) => (o.kind === "applyRules" ? o.rules : []));
    expect(rules.filter((r) => r.numberFormat?.includes("†"))).toEqual([]);
  });
});

describe("last year in the charts", () => {
  it("draws a key flow's chart with this year's and last year's months side by side", () => {
    const lastYear = { ...summary, yearStart: { year: 2019, month: 4 } };
    const compared = withLastYear(summary, lastYear, "last.xlsx");
    if (!compared.ok) throw new Error(compared.reason);
    const p = plan(compared.summary);
    const welfare = p.charts.find((c) => c.title.startsWith("Welfare calls"))!;
    expect(welfare.series.map((s) => s.name)).toEqual([expect.stringMatching(/^Welfare calls/), expect.stringMatching(/, last year$/)]);
    expect(welfare.series[1]!.figures).toEqual(welfare.series[0]!.figures);
    const stock = p.charts.find((c) => c.type === "line")!;
    expect(stock.series).toHaveLength(1);
  });
});
