/** Each warning seeded one at a time into a clean return. */
import { checkReturn, returnChecksum, type CheckIssue, type CheckResult } from "../../../src/core/checks";
import { FIELD, TABLE } from "../../../src/core/layout/contract";
import { brief, cleanReturn, MONTHS, setCell, setDetail, setMeasure, table } from "./fixtures";

function expectOnly(result: CheckResult, ...expected: [code: string, severity: string, sheet: string, cell: string][]): CheckIssue[] {
  const got = result.issues.map((i) => [i.code, i.severity, i.sheet, i.cell]);
  expect({ got, all: brief(result) }).toEqual({ got: expected, all: expect.anything() });
  return result.issues;
}

function setRow(s: ReturnType<typeof cleanReturn>, code: string, breakdown: string, figures: (number | null)[]): void {
  figures.forEach((v, m) => setMeasure(s, code, breakdown, MONTHS[m]!, v));
}

describe("a month far out of line", () => {
  test("a tenfold jump", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", 4800);
    const [issue] = expectOnly(checkReturn(s), ["month-out-of-line", "warning", "Measures", "H2"]);
    expect(issue!.message).toContain("4,800 for Welfare calls made in Jun 2020 is 11.4 times its typical month (420, the median of the other months)");
  });

  test("a figure far below the others (a digit left off)", () => {
    const s = cleanReturn();
    setMeasure(s, "RENT_ARREARS_RISK", "", "Jul 2020", 69);
    const [issue] = expectOnly(checkReturn(s), ["month-out-of-line", "warning", "Measures", "I21"]);
    expect(issue!.message).toContain("far below its typical month (672, the median of the other months): about 10% of it");
  });

  test("in a breakdown row, with the total still adding up", () => {
    const s = cleanReturn();
    setMeasure(s, "FOOD_INTERVENTIONS", "Referrals to food banks", "May 2020", 500);
    setMeasure(s, "FOOD_INTERVENTIONS", "Total", "May 2020", 290 + 140 + 500);
    expectOnly(checkReturn(s), ["month-out-of-line", "warning", "Measures", "G16"]);
  });

  test("money uses £ and the measure's own thresholds", () => {
    const s = cleanReturn();
    setMeasure(s, "FINANCIAL_SUPPORT", "Hardship grants", "Aug 2020", 41007.5);
    setMeasure(s, "FINANCIAL_SUPPORT", "Total", "Aug 2020", 41007.5 + 500 + 700 + 90);
    const result = checkReturn(s);
    expect(result.issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["month-out-of-line J8", "month-out-of-line J9"]);
    expect(result.issues[1]!.message).toContain("£41,007.50 for Direct financial support given: Hardship grants in Aug 2020");
  });

  test("small differences (below ignoreBelow) are not out of line", () => {
    const s = cleanReturn();
    setRow(s, "STAFF_REDEPLOYED", "", [2, 2, 3, 2, 2, 9]);
    expect(brief(checkReturn(s))).toEqual([]);
  });

  test("with only two months, the later is compared with the one before it (issue 10: was no warning)", () => {
    const s = cleanReturn();
    setRow(s, "VOLUNTEER_HOURS", "", [null, null, null, null, 30, 900]);
    const [two] = expectOnly(checkReturn(s), ["month-out-of-line", "warning", "Measures", "K17"]);
    expect(two!.message).toContain("900 for Volunteer hours given in Sep 2020 is 30 times the month before it (30 in Aug 2020)");
    setRow(s, "VOLUNTEER_HOURS", "", [null, null, null, 30, 31, 900]);
    expectOnly(checkReturn(s), ["month-out-of-line", "warning", "Measures", "K17"]);
  });
});

describe("a flow that looks like a running total", () => {
  test("figures typed as the year so far", () => {
    const s = cleanReturn();
    setRow(s, "WELFARE_CALLS", "", [420, 935, 1415, 1805, 2210, 2660]);
    const [issue] = expectOnly(checkReturn(s), ["looks-like-running-total", "warning", "Measures", "K2"]);
    expect(issue!.message).toContain("Welfare calls made rises every month, from 420 in Apr 2020 to 2,660 in Sep 2020");
    expect(issue!.message).toContain("Sep 2020 would be 450");
  });

  test("a steady or gently growing flow is not a running total", () => {
    const s = cleanReturn();
    setRow(s, "WELFARE_CALLS", "", [400, 410, 420, 430, 440, 450]);
    expect(brief(checkReturn(s))).toEqual([]);
  });

  test("a stock may rise every month", () => {
    const s = cleanReturn();
    setRow(s, "UNIVERSAL_CREDIT", "", [700, 1400, 2100, 2800, 3500, 4200]);
    expect(issuesOf(checkReturn(s), "looks-like-running-total")).toEqual([]);
  });

  test("needs at least 4 reported months", () => {
    const s = cleanReturn();
    setRow(s, "VOLUNTEER_HOURS", "", [null, null, null, 100, 200, 300]);
    expect(brief(checkReturn(s))).toEqual([]);
  });
});

function issuesOf(result: CheckResult, code: string): CheckIssue[] {
  return result.issues.filter((i) => i.code === code);
}

describe("zero after months of activity", () => {
  test("a 0 straight after three active months", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Sep 2020", 0);
    const [issue] = expectOnly(checkReturn(s), ["zero-after-activity", "warning", "Measures", "K2"]);
    expect(issue!.message).toContain("Welfare calls made is 0 for Sep 2020, straight after 480 in Jun 2020, 390 in Jul 2020, 405 in Aug 2020");
    expect(issue!.message).toContain("leave the cell blank rather than 0");
  });

  test("not after fewer than three months, or after small figures", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", 0);
    expect(brief(checkReturn(s))).toEqual([]);
    const t = cleanReturn();
    setMeasure(t, "STAFF_REDEPLOYED", "", "Sep 2020", 0); // 13, 9, 8 are not all >= 10
    expect(brief(checkReturn(t))).toEqual([]);
  });
});

describe("breakdowns and totals", () => {
  test("breakdowns that do not add up to the Total", () => {
    const s = cleanReturn();
    setMeasure(s, "FOOD_INTERVENTIONS", "Total", "Jun 2020", 448);
    const [issue] = expectOnly(checkReturn(s), ["breakdowns-do-not-add-up", "warning", "Measures", "H13"]);
    expect(issue!.message).toContain("The breakdowns of Food interventions for Jun 2020 add up to 428, but the Total is 448 (a difference of 20)");
  });

  test("money within 50p is close enough", () => {
    const s = cleanReturn();
    setMeasure(s, "FINANCIAL_SUPPORT", "Total", "Jun 2020", 6250.25 + 0.3);
    expect(brief(checkReturn(s))).toEqual([]);
    setMeasure(s, "FINANCIAL_SUPPORT", "Total", "Jun 2020", 6250.25 + 1);
    const [issue] = expectOnly(checkReturn(s), ["breakdowns-do-not-add-up", "warning", "Measures", "H8"]);
    expect(issue!.message).toContain("add up to £6,250.25, but the Total is £6,251.25 (a difference of £1)");
  });

  test("some breakdowns blank: fine while they stay within the Total", () => {
    const s = cleanReturn();
    setMeasure(s, "ADVICE_SUPPORTED", "Other advice", "Jun 2020", null);
    expect(brief(checkReturn(s))).toEqual([]);
    setMeasure(s, "ADVICE_SUPPORTED", "Welfare benefits", "Jun 2020", 200);
    const [issue] = expectOnly(checkReturn(s), ["breakdowns-do-not-add-up", "warning", "Measures", "H3"]);
    expect(issue!.message).toContain("filled in for Jun 2020 already add up to 256, more than the Total of 130");
  });
});

describe("gaps between reported months", () => {
  test("a month with nothing reported between reported months", () => {
    const s = cleanReturn();
    const t = table(s, TABLE.measures);
    for (let i = 0; i < t.values.length; i++) setCell(s, TABLE.measures, i, "Jul 2020", null);
    const [issue] = expectOnly(checkReturn(s), ["gap-in-months", "warning", "Measures", "I1"]);
    expect(issue!.message).toContain("Nothing is reported for Jul 2020, but Jun 2020 and Aug 2020 have figures");
    expect(issue).toMatchObject({ row: 1, column: "I", header: "Jul 2020" });
  });

  test("months before the first and after the last reported month are not gaps", () => {
    const s = cleanReturn();
    const t = table(s, TABLE.measures);
    for (let i = 0; i < t.values.length; i++) setCell(s, TABLE.measures, i, "Apr 2020", null);
    expect(brief(checkReturn(s))).toEqual([]);
  });
});

describe("numbers stored as text", () => {
  test.each([
    ["WELFARE_CALLS", "", " 480 ", "480"],
    ["FINANCIAL_SUPPORT", "Hardship grants", "£4,800.25", "£4,800.25"],
    ["FOOD_INTERVENTIONS", "Food parcels", "260", "260"],
  ])("%s %s %j is read, with a warning", (code, breakdown, text, shown) => {
    const s = cleanReturn();
    setMeasure(s, code, breakdown, "Jun 2020", text);
    const [issue] = expectOnly(checkReturn(s), ["number-stored-as-text", "warning", "Measures", expect.stringMatching(/^H\d+$/) as unknown as string]);
    expect(issue!.message).toContain(`is stored as text, not as a number. It was read as ${shown}`);
  });

  test("a text number is used by the other checks", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", "4,800");
    expect(checkReturn(s).issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["number-stored-as-text H2", "month-out-of-line H2"]);
  });

  test("a percentage stored as text", () => {
    const s = cleanReturn();
    setCell(s, TABLE.impactMap, 0, "Deadweight %", "25%");
    const [issue] = expectOnly(checkReturn(s), ["number-stored-as-text", "warning", "Outcomes", "L2"]);
    expect(issue!.message).toContain("It was read as 25%");
  });
});

describe("other warnings", () => {
  test("data changed after sign-off", () => {
    const s = cleanReturn();
    setDetail(s, FIELD.signedOffBy, "Priya Shah");
    setDetail(s, FIELD.signedOffOn, 44118);
    setDetail(s, FIELD.dataChecksum, returnChecksum(s));
    expect(brief(checkReturn(s))).toEqual([]);
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", 481);
    const [issue] = expectOnly(checkReturn(s), ["changed-after-sign-off", "warning", "Return", "B12"]);
    expect(issue!.message).toContain("The data has changed since the return was marked ready to send");
  });

  test("blank consent on a case study", () => {
    const s = cleanReturn();
    setCell(s, TABLE.caseStudies, 1, "Consent given", null);
    const [issue] = expectOnly(checkReturn(s), ["consent-blank", "warning", "Case studies", "G3"]);
    expect(issue!.message).toContain("Record Yes");
  });

  test("consent No is fine", () => {
    const s = cleanReturn();
    setCell(s, TABLE.caseStudies, 0, "Consent given", "no");
    expect(brief(checkReturn(s))).toEqual([]);
  });

  test("an impact-map row with entries but no stakeholder group", () => {
    const s = cleanReturn();
    setCell(s, TABLE.impactMap, 3, "Stakeholder group", null);
    const [issue] = expectOnly(checkReturn(s), ["missing-stakeholder-group", "warning", "Outcomes", "A5"]);
    expect(issue!.message).toContain("no stakeholder group");
  });

  test("a stakeholder group listed twice", () => {
    const s = cleanReturn();
    setCell(s, TABLE.stakeholders, 7, "Stakeholder group", "older residents ");
    const [issue] = expectOnly(checkReturn(s), ["duplicate-stakeholder-group", "warning", "Stakeholders", "A9"]);
    expect(issue!.message).toContain("is already listed on row 3");
  });

  test("a table recovered from its sheet", () => {
    const s = cleanReturn();
    table(s, TABLE.caseStudies).fromSheet = true;
    s.sheets.find((x) => x.name === "Case studies")!.tables = [];
    const [issue] = expectOnly(checkReturn(s), ["table-recovered", "warning", "Case studies", ""]);
    expect(issue!.message).toContain("has no CaseStudies table");
  });

  test("a stock's direction is not checked", () => {
    const s = cleanReturn();
    setRow(s, "VULNERABLE_RESIDENTS", "", [1250, 1200, 1300, 1100, 1340, 1000]);
    expect(brief(checkReturn(s))).toEqual([]);
  });

});
