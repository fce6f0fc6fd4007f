/** What the sector workbook charts: one reporting year a chart, never reported and estimated figures on one axis. */
import { collate, linesOf, type Figure, type Submission } from "../../../src/core/collate";
import { planSectorDrawing } from "../../../src/core/collate/drawing";
import { findBuiltinFramework } from "../../../src/core/framework";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const calls = (month: string, value: number): Figure => ({ code: "WELFARE_CALLS", breakdown: "", month, value });

function sub(org: string, yearStart: string, figures: Figure[], homesManaged: number): Submission {
  return {
    file: `${org}-${yearStart}.xlsx`,
    sha256: `${org}${yearStart}`.padEnd(64, "0"),
    modifiedAt: 1,
    organisationCode: org,
    organisation: `${org} Homes`,
    yearStart,
    homesManaged,
    framework: { id: v1.id, version: 1, title: v1.title },
    lines: linesOf(v1),
    figures,
    monthsReported: new Set(figures.map((f) => f.month)).size,
    errors: 0,
    warnings: 0,
  };
}

describe("planSectorDrawing", () => {
  // Two reporting years: 2020-21 (Feb and Mar 2021) and 2021-22 (Apr and May 2021).
  const c = collate(
    [
      sub("AA", "2020-04", [calls("2021-02", 10), calls("2021-03", 20)], 4000),
      sub("AA", "2021-04", [calls("2021-04", 30), calls("2021-05", 40)], 4000),
      sub("BB", "2021-04", [calls("2021-04", 5)], 1000),
    ],
    { asOf: { year: 2021, month: 6, day: 20 }, sectorHomes: 10_000 },
  );
  const drawing = planSectorDrawing(c);

  it("charts the latest reporting year only, its months labelled 'Apr 21'", () => {
    expect(drawing.data.rows.map((r) => (r[0] as { value: number }).value)).toHaveLength(2);
    for (const chart of drawing.charts) {
      expect(chart.categoryLabels).toEqual(["Apr 21", "May 21"]);
      expect(chart.categoryNumberFormat).toBe("mmm yy");
    }
  });

  it("never puts reported totals and scaled estimates on one value axis; coverage is one line of its own", () => {
    for (const chart of drawing.charts) expect(chart.series).toHaveLength(1);
    const calls = drawing.charts.filter((ch) => ch.title.startsWith("Welfare calls made:"));
    expect(calls.map((ch) => [ch.type, ch.series[0]!.name])).toEqual([
      ["column", "Reported total"],
      ["line", "Scaled estimate"],
    ]);
    expect(calls[0]!.series[0]!.figures).toEqual([35, 40]);
    // Apr: 5,000 of 10,000 homes (50%): 35 x 2; May: 4,000 (40%): 40 x 2.5.
    expect(calls[1]!.series[0]!.figures).toEqual([70, 100]);
    const coverage = drawing.charts.filter((ch) => ch.title.startsWith("Coverage"));
    expect(coverage).toHaveLength(1);
    expect(coverage[0]!.series[0]!.figures).toEqual([0.5, 0.4]);
    expect(coverage[0]!.valueNumberFormat).toBe("0%");
  });

  it("draws no estimate chart where no month reaches the minimum coverage", () => {
    const low = planSectorDrawing(collate([sub("BB", "2021-04", [calls("2021-04", 5)], 1000)], { asOf: { year: 2021, month: 6, day: 20 }, sectorHomes: 10_000 }));
    expect(low.charts.map((ch) => ch.series[0]!.name)).toEqual(["Reported total", "Coverage"]);
  });
});
