/**
 * The summary model on return snapshots built in code (test/core/checks/fixtures.ts): flows add up
 * over the months reported, stocks never do; blank is not reported and 0 is a figure; figures with
 * check errors are left out and counted; social value is worked out from the impact map's inputs;
 * only consented case studies are listed. Every expected number is worked out by hand below.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyseReturn } from "../../../src/core/checks";
import { parseFrameworkText, type Framework } from "../../../src/core/framework";
import { TABLE } from "../../../src/core/layout/contract";
import { summariseReturn, type MeasureSummary, type ReturnSummary } from "../../../src/core/summary";
import type { WorkbookSnapshot } from "../../../src/core/workbook/types";
import { brief, cleanReturn, FRAMEWORK, issuesOf, MONTHS, setCell, setMeasure, table, YEAR_START } from "../checks/fixtures";

const v2 = parseFrameworkText(readFileSync(join(__dirname, "..", "..", "fixtures", "frameworks", "community-investment-monthly.v2.json"), "utf8"), "v2");

const [APR, MAY, JUN, JUL, AUG, SEP] = MONTHS as [string, string, string, string, string, string];

function analyse(snapshot: WorkbookSnapshot, framework?: Framework) {
  const analysis = analyseReturn(snapshot, framework ? { framework } : {});
  if (!analysis.framework) throw new Error("no framework");
  return analysis;
}

function summarise(snapshot: WorkbookSnapshot, framework?: Framework): ReturnSummary {
  const { data, framework: used, result } = analyse(snapshot, framework);
  return summariseReturn({ data, framework: used!, result }, { year: 2031, month: 1 });
}

function row(summary: ReturnSummary, code: string, breakdown = ""): MeasureSummary {
  const m = summary.measures.find((x) => x.code === code && x.breakdown === breakdown);
  if (!m) throw new Error(`no summary row ${code}|${breakdown}`);
  return m;
}

const ym = (month: number, year = 2020) => ({ year, month });
/** The figures as [month, value] pairs, for compact assertions. */
const pairs = (m: MeasureSummary) => m.figures.map((f) => [`${f.month.year}-${f.month.month}`, f.value]);

/** Clears every month of every Measures row (a return nobody has filled yet). */
function clearMeasures(snapshot: WorkbookSnapshot): void {
  const t = table(snapshot, TABLE.measures);
  for (let i = 0; i < t.values.length; i++) for (const month of MONTHS) setCell(snapshot, TABLE.measures, i, month, null);
}

describe("flows and stocks on a clean return (Apr to Sep 2020)", () => {
  const summary = summarise(cleanReturn());

  it("takes the reporting year from the return, not the fallback", () => {
    expect(summary.yearStart).toEqual(YEAR_START);
    expect(summary.monthsCovered).toEqual([ym(4), ym(5), ym(6), ym(7), ym(8), ym(9)]);
    expect(summary.excludedFigures).toBe(0);
    expect(summary.errors).toBe(0);
    expect(summary.organisation).toBe("Northgate Homes");
    expect(summary.organisationCode).toBe("NGH");
    expect(summary.framework).toEqual({ id: "community-investment-monthly", version: 1, title: FRAMEWORK.title });
  });

  it("adds a flow up over the months: 420 + 515 + 480 + 390 + 405 + 450 = 2,660", () => {
    const calls = row(summary, "WELFARE_CALLS");
    expect(calls.kind).toBe("flow");
    expect(calls.monthsReported).toBe(6);
    expect(calls.yearToDate).toBe(2660);
    expect(calls.monthlyAverage).toBeCloseTo(2660 / 6, 10);
    expect(calls.latest).toEqual({ month: ym(9), slot: 5, value: 450 });
    expect(calls.previous).toEqual({ month: ym(8), slot: 4, value: 405 });
    expect(calls.change).toBe(45);
    expect(calls.direction).toBeUndefined();
    expect(calls.excluded).toBe(0);
    expect(calls.inReturn).toBe(true);
    expect(calls.key).toBe(true);
  });

  it("adds up decimal flows (pounds, hours)", () => {
    // 4250.5 + 5100 + 4800.25 + 3900 + 4100.75 + 4600
    expect(row(summary, "FINANCIAL_SUPPORT", "Hardship grants").yearToDate).toBeCloseTo(26751.5, 6);
    // 320.5 + 410 + 385.5 + 300 + 290 + 350
    const hours = row(summary, "VOLUNTEER_HOURS");
    expect(hours.yearToDate).toBeCloseTo(2056, 6);
    expect(hours.monthlyAverage).toBeCloseTo(2056 / 6, 6);
  });

  it("never adds a stock up: latest, previous, change and direction only", () => {
    const vulnerable = row(summary, "VULNERABLE_RESIDENTS");
    expect(vulnerable.kind).toBe("stock");
    expect(vulnerable.monthsReported).toBe(6);
    expect(vulnerable.yearToDate).toBeUndefined();
    expect(vulnerable.monthlyAverage).toBeUndefined();
    expect(vulnerable.latest?.value).toBe(1362);
    expect(vulnerable.previous?.value).toBe(1340);
    expect(vulnerable.change).toBe(22);
    expect(vulnerable.direction).toBe("Higher");

    const arrears = row(summary, "RENT_ARREARS_RISK"); // 672 in Aug, 660 in Sep
    expect([arrears.previous?.value, arrears.latest?.value, arrears.change, arrears.direction]).toEqual([672, 660, -12, "Lower"]);

    const redeployed = row(summary, "STAFF_REDEPLOYED"); // 8 in Aug, 8 in Sep
    expect([redeployed.previous?.value, redeployed.latest?.value, redeployed.change, redeployed.direction]).toEqual([8, 8, 0, "Same"]);
    expect(redeployed.yearToDate).toBeUndefined();
  });

  it("summarises breakdown rows on their own, and the Total from its own row", () => {
    // Welfare benefits: 60 + 72 + 65 + 58 + 61 + 70
    const benefits = row(summary, "ADVICE_SUPPORTED", "Welfare benefits");
    expect(benefits.yearToDate).toBe(386);
    expect(benefits.latest?.value).toBe(70);
    expect(benefits.key).toBe(false);
    // Debt and money: 35 + 41 + 38 + 30 + 33 + 36
    expect(row(summary, "ADVICE_SUPPORTED", "Debt and money").yearToDate).toBe(213);
    // Total: 115 + 134 + 130 + 109 + 115 + 135
    const total = row(summary, "ADVICE_SUPPORTED", "Total");
    expect(total.yearToDate).toBe(738);
    expect(total.key).toBe(true);
    expect(summary.measures.filter((m) => m.code === "ADVICE_SUPPORTED").map((m) => m.breakdown)).toEqual([
      "Total",
      "Welfare benefits",
      "Debt and money",
      "Employment and training",
      "Other advice",
    ]);
  });

  it("does not re-add breakdowns into the Total: a Total that disagrees keeps its own figure", () => {
    const snapshot = cleanReturn();
    setMeasure(snapshot, "ADVICE_SUPPORTED", "Total", SEP, 140); // breakdowns add up to 135
    const s = summarise(snapshot);
    expect(row(s, "ADVICE_SUPPORTED", "Total").yearToDate).toBe(743);
    expect(row(s, "ADVICE_SUPPORTED", "Total").latest?.value).toBe(140);
    expect(row(s, "ADVICE_SUPPORTED", "Other advice").yearToDate).toBe(45); // 8 + 6 + 9 + 7 + 5 + 10
    expect(s.excludedFigures).toBe(0); // a warning, not an error
  });
});

describe("blank and zero", () => {
  it("counts 0 as a figure and a month reported; blank is not reported", () => {
    const snapshot = cleanReturn();
    setMeasure(snapshot, "WELFARE_CALLS", "", JUL, null);
    setMeasure(snapshot, "WELFARE_CALLS", "", AUG, 0);
    const calls = row(summarise(snapshot), "WELFARE_CALLS");
    expect(pairs(calls)).toEqual([["2020-4", 420], ["2020-5", 515], ["2020-6", 480], ["2020-8", 0], ["2020-9", 450]]);
    expect(calls.monthsReported).toBe(5);
    expect(calls.yearToDate).toBe(1865); // 420 + 515 + 480 + 0 + 450
    expect(calls.monthlyAverage).toBe(373); // 1865 / 5
    expect(calls.previous?.value).toBe(0);
    expect(calls.change).toBe(450);
    expect(calls.excluded).toBe(0);
  });

  it("blank text cells are blank too", () => {
    const snapshot = cleanReturn();
    setMeasure(snapshot, "VOLUNTEER_HOURS", "", SEP, "   ");
    const hours = row(summarise(snapshot), "VOLUNTEER_HOURS");
    expect(hours.monthsReported).toBe(5);
    expect(hours.yearToDate).toBeCloseTo(1706, 6); // 2056 - 350
    expect(hours.excluded).toBe(0);
  });
});

describe("a stock with a gap month", () => {
  const snapshot = cleanReturn();
  const figures: [string, number | null][] = [[APR, 400], [MAY, null], [JUN, 380], [JUL, null], [AUG, null], [SEP, null]];
  for (const [month, value] of figures) setMeasure(snapshot, "VULNERABLE_RESIDENTS", "", month, value);
  for (const [month, value] of [[APR, 40], [MAY, 41], [JUN, 41], [JUL, null], [AUG, null], [SEP, null]] as const) setMeasure(snapshot, "COMMUNITY_STAFF", "", month, value);
  const summary = summarise(snapshot);

  it("compares the latest month with the last month reported before it (Apr 400, May blank, Jun 380: Lower)", () => {
    const vulnerable = row(summary, "VULNERABLE_RESIDENTS");
    expect(pairs(vulnerable)).toEqual([["2020-4", 400], ["2020-6", 380]]);
    expect(vulnerable.latest?.month).toEqual(ym(6));
    expect(vulnerable.previous?.month).toEqual(ym(4));
    expect(vulnerable.previous?.value).toBe(400);
    expect(vulnerable.change).toBe(-20);
    expect(vulnerable.direction).toBe("Lower");
    expect(vulnerable.yearToDate).toBeUndefined();
    expect(vulnerable.monthlyAverage).toBeUndefined();
    expect(vulnerable.excluded).toBe(0);
  });

  it("says Same when the figure has not moved", () => {
    const staff = row(summary, "COMMUNITY_STAFF");
    expect([staff.previous?.value, staff.latest?.value, staff.change, staff.direction]).toEqual([41, 41, 0, "Same"]);
  });

  it("gives a single month no previous, change or direction", () => {
    const one = cleanReturn();
    for (const month of MONTHS.slice(1)) setMeasure(one, "UNIVERSAL_CREDIT", "", month, null);
    const credit = row(summarise(one), "UNIVERSAL_CREDIT");
    expect(credit.latest?.value).toBe(2100);
    expect(credit.previous).toBeUndefined();
    expect(credit.change).toBeUndefined();
    expect(credit.direction).toBeUndefined();
  });
});

describe("cells with check errors are left out and counted", () => {
  const snapshot = cleanReturn();
  setMeasure(snapshot, "WELFARE_CALLS", "", JUN, "lots"); // not a number (480 was there)
  setMeasure(snapshot, "FOOD_INTERVENTIONS", "Food parcels", MAY, -5); // below the minimum (290 was there)
  setMeasure(snapshot, "COMMUNITY_STAFF", "", JUL, 44.5); // a decimal in a whole-number measure (46 was there)
  const { result } = analyse(snapshot);
  const summary = summarise(snapshot);

  it("the check calls each of them an error", () => {
    expect(issuesOf(result, "not-a-number").map((i) => i.cell)).toContain("H2");
    expect(issuesOf(result, "below-minimum").length).toBeGreaterThan(0);
    expect(issuesOf(result, "not-whole-number").length).toBeGreaterThan(0);
    expect(result.summary.errors).toBeGreaterThanOrEqual(3);
  });

  it("leaves the text 'lots' out of the year to date", () => {
    const calls = row(summary, "WELFARE_CALLS");
    expect(calls.excluded).toBe(1);
    expect(calls.monthsReported).toBe(5);
    expect(calls.yearToDate).toBe(2180); // 2660 - 480
    expect(calls.monthlyAverage).toBe(436); // 2180 / 5
    expect(pairs(calls).map(([m]) => m)).toEqual(["2020-4", "2020-5", "2020-7", "2020-8", "2020-9"]);
  });

  it("leaves a negative number out", () => {
    const parcels = row(summary, "FOOD_INTERVENTIONS", "Food parcels");
    expect(parcels.excluded).toBe(1);
    expect(parcels.yearToDate).toBe(1335); // 310 + 260 + 240 + 255 + 270
    // The Total row is summarised from its own cells, which have no errors.
    expect(row(summary, "FOOD_INTERVENTIONS", "Total").excluded).toBe(0);
  });

  it("leaves a decimal in a whole-number measure out; the stock compares the months left", () => {
    const staff = row(summary, "COMMUNITY_STAFF"); // 42, 45, 46, [44.5], 44, 45
    expect(staff.excluded).toBe(1);
    expect(staff.figures.map((f) => f.value)).toEqual([42, 45, 46, 44, 45]);
    expect([staff.previous?.value, staff.latest?.value, staff.direction]).toEqual([44, 45, "Higher"]);
  });

  it("counts them all in excludedFigures", () => {
    expect(summary.excludedFigures).toBe(3);
    expect(summary.measures.reduce((n, m) => n + m.excluded, 0)).toBe(3);
    expect(summary.errors).toBe(result.summary.errors);
  });

  it("counts figures on a row the framework does not know in excludedFigures", () => {
    const extra = cleanReturn();
    const t = table(extra, TABLE.measures);
    const at = t.values.length;
    setCell(extra, TABLE.measures, at, "Code", "MYSTERY");
    setCell(extra, TABLE.measures, at, APR, 5);
    setCell(extra, TABLE.measures, at, MAY, 6);
    const s = summarise(extra);
    expect(s.excludedFigures).toBe(2);
    expect(s.measures.some((m) => m.code === "MYSTERY")).toBe(false);
  });

  it("uses a number stored as text ('1,234'): a warning, not an error", () => {
    const text = cleanReturn();
    setMeasure(text, "WELFARE_CALLS", "", SEP, "1,234");
    const check = analyse(text).result;
    expect(issuesOf(check, "number-stored-as-text").length).toBe(1);
    expect(check.summary.errors).toBe(0);
    const calls = row(summarise(text), "WELFARE_CALLS");
    expect(calls.latest?.value).toBe(1234);
    expect(calls.yearToDate).toBe(3444); // 2660 - 450 + 1234
    expect(calls.change).toBe(829); // 1234 - 405
    expect(calls.excluded).toBe(0);
  });
});

describe("a partial year", () => {
  it("lists only the months with figures in monthsCovered", () => {
    const snapshot = cleanReturn();
    clearMeasures(snapshot);
    setMeasure(snapshot, "WELFARE_CALLS", "", APR, 100);
    setMeasure(snapshot, "WELFARE_CALLS", "", MAY, 0);
    setMeasure(snapshot, "VULNERABLE_RESIDENTS", "", AUG, 300);
    setMeasure(snapshot, "VOLUNTEER_HOURS", "", SEP, "lots"); // an error: Sep is not covered by it
    const summary = summarise(snapshot);
    expect(summary.monthsCovered).toEqual([ym(4), ym(5), ym(8)]);
    expect(row(summary, "WELFARE_CALLS").yearToDate).toBe(100);
    expect(row(summary, "WELFARE_CALLS").monthsReported).toBe(2);
    expect(row(summary, "VOLUNTEER_HOURS").monthsReported).toBe(0);
    expect(row(summary, "VOLUNTEER_HOURS").yearToDate).toBeUndefined();
    expect(row(summary, "VOLUNTEER_HOURS").excluded).toBe(1);
    expect(summary.excludedFigures).toBe(1);
  });

  it("gives an empty return no months and no figures", () => {
    const snapshot = cleanReturn();
    clearMeasures(snapshot);
    const summary = summarise(snapshot);
    expect(summary.monthsCovered).toEqual([]);
    for (const m of summary.measures) {
      expect([m.monthsReported, m.latest, m.yearToDate, m.monthlyAverage]).toEqual([0, undefined, undefined, undefined]);
    }
  });
});

describe("a framework with an added measure", () => {
  it("checks a v1 workbook against v2: the new measure is not in the return and has no figures", () => {
    const summary = summarise(cleanReturn(), v2);
    expect(summary.framework.version).toBe(2);
    const grants = row(summary, "GRANTS_TO_GROUPS");
    expect(grants.inReturn).toBe(false);
    expect(grants.figures).toEqual([]);
    expect(grants.monthsReported).toBe(0);
    expect(grants.yearToDate).toBeUndefined();
    expect(grants.latest).toBeUndefined();
    expect(grants.excluded).toBe(0);
    // The measures both versions have keep their figures, with v2's wording.
    const calls = row(summary, "WELFARE_CALLS");
    expect(calls.inReturn).toBe(true);
    expect(calls.measure).toBe("Welfare calls made to residents");
    expect(calls.yearToDate).toBe(2660);
    expect(summary.measures.filter((m) => !m.inReturn).map((m) => m.code)).toEqual(["GRANTS_TO_GROUPS"]);
    expect(summary.excludedFigures).toBe(0);
  });
});

describe("social value", () => {
  const snapshot = cleanReturn();
  const impact = table(snapshot, TABLE.impactMap);
  const valueCol = impact.headers.indexOf("Impact value (£)");
  const set = (i: number, cells: Record<string, string | number | null>) => {
    for (const [header, value] of Object.entries(cells)) setCell(snapshot, TABLE.impactMap, i, header, value);
  };
  const inputs = ["Quantity", "Duration (years)", "Financial proxy (£)", "Deadweight %", "Attribution %", "Displacement %", "Drop-off %"];
  // Row 1: 120 x £850 x (1 - 25%) x (1 - 10%) = £68,850 a year; 2 years with 50% drop-off: 68,850 + 34,425 = £103,275.
  set(0, { "Stakeholder group": "Older residents", "Outcome area": "Social isolation", Quantity: 120, "Duration (years)": 2, "Financial proxy (£)": 850, "Deadweight %": "25%", "Attribution %": 0.1, "Displacement %": 0, "Drop-off %": "50%" });
  // Row 2: 60 x £300 x (1 - 30%) x (1 - 20%) = £10,080, duration blank (1 year), drop-off blank.
  set(1, { "Stakeholder group": "Families with children", "Outcome area": "Poverty", Quantity: 60, "Duration (years)": null, "Financial proxy (£)": 300, "Deadweight %": 0.3, "Attribution %": "20%", "Displacement %": null, "Drop-off %": null });
  // Row 3: 10 x £100 x (1 - 10%) x 3 years, no drop-off = £2,700.
  set(2, { "Stakeholder group": "Older residents", "Outcome area": "Poverty", Quantity: 10, "Duration (years)": 3, "Financial proxy (£)": 100, "Deadweight %": 0, "Attribution %": 0, "Displacement %": 0.1, "Drop-off %": 0 });
  // Row 4: Quantity has a check error: left out and counted.
  set(3, { "Stakeholder group": "Local community groups", "Outcome area": "Community cohesion", Quantity: "lots", "Financial proxy (£)": 2500 });
  // Row 5: no quantity: no value, neither counted nor left out.
  set(4, { Quantity: null });
  // A wrong cached result in the Impact value cell (the formula stays): the summary must not use it.
  impact.values[0]![valueCol] = 999_999;
  impact.values[1]![valueCol] = 1;
  const summary = summarise(snapshot);
  const sv = summary.socialValue;

  it("the inputs are what the check sees (percentages typed as text are not errors)", () => {
    const { result } = analyse(snapshot);
    const impactErrors = result.issues.filter((i) => i.severity === "error" && i.sheet === "Outcomes");
    expect(impactErrors.map((i) => `${i.code} ${i.cell}`)).toEqual(["not-a-number H5"]);
    expect(inputs.every((h) => impact.headers.includes(h))).toBe(true);
  });

  it("works out each row from the formula's inputs, not the cached result", () => {
    expect(sv.rows.map((r) => [r.outcomeArea, r.stakeholderGroup])).toEqual([
      ["Social isolation", "Older residents"],
      ["Poverty", "Families with children"],
      ["Poverty", "Older residents"],
    ]);
    expect(sv.rows[0]!.value).toBeCloseTo(103_275, 6);
    expect(sv.rows[1]!.value).toBeCloseTo(10_080, 6);
    expect(sv.rows[2]!.value).toBeCloseTo(2_700, 6);
    expect(sv.total).toBeCloseTo(116_055, 6);
    expect(sv.outcomes).toBe(3);
    expect(sv.excluded).toBe(1);
  });

  it("groups by outcome area and by stakeholder group, largest first", () => {
    const round = (gs: { name: string; outcomes: number; value: number }[]) => gs.map((g) => [g.name, g.outcomes, Math.round(g.value * 100) / 100]);
    expect(round(sv.byOutcomeArea)).toEqual([
      ["Social isolation", 1, 103_275],
      ["Poverty", 2, 12_780],
    ]);
    expect(round(sv.byStakeholderGroup)).toEqual([
      ["Older residents", 2, 105_975],
      ["Families with children", 1, 10_080],
    ]);
  });

  it("the error in the impact map does not touch the measures", () => {
    expect(summary.excludedFigures).toBe(0);
  });
});

describe("case studies", () => {
  it("lists only stories with consent Yes, by title; No and blank are counted", () => {
    const snapshot = cleanReturn();
    // The fixture has: "Mrs A's weekly call" (Yes), "Back to work" (No), "Food for the holidays" (Yes).
    setCell(snapshot, TABLE.caseStudies, 3, "Title", "Untold story");
    setCell(snapshot, TABLE.caseStudies, 3, "Month", "Sep 2020");
    setCell(snapshot, TABLE.caseStudies, 3, "Outcome area", "Social isolation");
    setCell(snapshot, TABLE.caseStudies, 3, "Consent given", null);
    const { result } = analyse(snapshot);
    expect(issuesOf(result, "consent-blank").length).toBe(1);
    const cs = summarise(snapshot).caseStudies;
    expect(cs.stories.map((s) => s.title)).toEqual(["Mrs A's weekly call", "Food for the holidays"]);
    expect(cs.stories[0]!.month).toEqual(ym(5));
    expect(cs.stories[0]!.outcomeArea).toBe("Social isolation");
    expect(cs.withoutConsent).toBe(2);
    const isolation = cs.byOutcomeArea.find((a) => a.outcomeArea === "Social isolation")!;
    expect(isolation.stories.map((s) => s.title)).toEqual(["Mrs A's weekly call"]);
    expect(isolation.withoutConsent).toBe(1);
    const jobs = cs.byOutcomeArea.find((a) => a.outcomeArea === "Employment and skills")!;
    expect([jobs.stories.length, jobs.withoutConsent]).toEqual([0, 1]);
    expect(JSON.stringify(cs)).not.toMatch(/Back to work|Untold story/);
  });
});

it("the clean fixture is clean (so the numbers above are the fixture's)", () => {
  const { result } = analyse(cleanReturn());
  expect(brief(result)).toEqual([]);
});
