/** Each error seeded one at a time into a clean return: exact code, severity, sheet, cell and message. */
import { checkReturn, type CheckIssue, type CheckResult } from "../../../src/core/checks";
import { FIELD, TABLE } from "../../../src/core/layout/contract";
import type { CellValue } from "../../../src/core/workbook/types";
import { brief, cleanReturn, detailRow, issuesOf, measureFigures, setCell, setDetail, setMeasure, table } from "./fixtures";

/** Expects exactly the given issues (code, severity, sheet, cell) and returns them. */
function expectOnly(result: CheckResult, ...expected: [code: string, severity: string, sheet: string, cell: string][]): CheckIssue[] {
  const got = result.issues.map((i) => [i.code, i.severity, i.sheet, i.cell]);
  expect({ got, all: brief(result) }).toEqual({ got: expected, all: expect.anything() });
  return result.issues;
}

describe("a clean return", () => {
  test("has no errors and no warnings", () => {
    const result = checkReturn(cleanReturn());
    expect(brief(result)).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, accepted: 0 });
    expect(result.framework).toEqual({ id: "community-investment-monthly", version: 1 });
    expect(result.organisation).toBe("Northgate Homes");
    expect(result.organisationCode).toBe("NGH");
    expect(result.notAReturn).toBeUndefined();
  });

  test("is clean without a stored definition too (the built-in framework it names is used)", () => {
    const result = checkReturn(cleanReturn({ definition: false }));
    expect(brief(result)).toEqual([]);
    expect(result.framework).toEqual({ id: "community-investment-monthly", version: 1 });
  });

  test("a partial return (months not yet reported are blank) is clean", () => {
    const s = cleanReturn();
    for (const month of ["Jul 2020", "Aug 2020", "Sep 2020"]) {
      for (let i = 0; i < table(s, TABLE.measures).values.length; i++) setCell(s, TABLE.measures, i, month, null);
    }
    expect(brief(checkReturn(s))).toEqual([]);
  });
});

describe("measure cells", () => {
  test("text where a number belongs", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", "12a");
    const [issue] = expectOnly(checkReturn(s), ["not-a-number", "error", "Measures", "H2"]);
    expect(issue!.message).toMatch(/^"12a" is not a number\. Welfare calls made \(Jun 2020\) needs a whole number from 0 to 1,000,000/);
    expect(issue).toMatchObject({ row: 2, column: "H", header: "Jun 2020", value: "12a" });
  });

  test.each(["n/a", "-", "nil", "TBC"])("%s typed instead of a blank or 0", (typed) => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", typed);
    const [issue] = expectOnly(checkReturn(s), ["not-a-number", "error", "Measures", "H2"]);
    expect(issue!.message).toBe(`"${typed}" is not a number. For Welfare calls made (Jun 2020) leave the cell blank if there is nothing to report, or type 0 if there were none.`);
  });

  test("a boolean is not a number", () => {
    const s = cleanReturn();
    setMeasure(s, "COMMUNITY_STAFF", "", "May 2020", true);
    expectOnly(checkReturn(s), ["not-a-number", "error", "Measures", "G19"]);
  });

  test("below the minimum", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", -5);
    const [issue] = expectOnly(checkReturn(s), ["below-minimum", "error", "Measures", "H2"]);
    expect(issue!.message).toContain("-5 is below the minimum of 0 for Welfare calls made (Jun 2020)");
  });

  test("above the maximum", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", 2_000_000);
    const [issue] = expectOnly(checkReturn(s), ["above-maximum", "error", "Measures", "H2"]);
    expect(issue!.message).toContain("2,000,000 is above the maximum of 1,000,000");
  });

  test("a decimal in a whole-number measure", () => {
    const s = cleanReturn();
    setMeasure(s, "VULNERABLE_RESIDENTS", "", "Apr 2020", 1250.5);
    const [issue] = expectOnly(checkReturn(s), ["not-whole-number", "error", "Measures", "F18"]);
    expect(issue!.message).toContain("1,250.5 is not a whole number. Vulnerable residents (Apr 2020) is counted in whole numbers: type 1,250 or 1,251");
  });

  test("decimals are fine in a decimal measure, and money is shown with £", () => {
    const s = cleanReturn();
    setMeasure(s, "VOLUNTEER_HOURS", "", "Apr 2020", 320.75);
    expect(brief(checkReturn(s))).toEqual([]);
    setMeasure(s, "FINANCIAL_SUPPORT", "Hardship grants", "Apr 2020", -1);
    const issue = issuesOf(checkReturn(s), "below-minimum")[0]!;
    expect(issue.cell).toBe("F9");
    expect(issue.message).toContain("-£1 is below the minimum of £0 for Direct financial support given: Hardship grants (Apr 2020)");
  });

  test("an Excel error value", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", "#DIV/0!", "=A1/0");
    const [issue] = expectOnly(checkReturn(s), ["cell-error", "error", "Measures", "H2"]);
    expect(issue!.message).toContain("shows the Excel error #DIV/0!");
  });

  test("a formula with no calculated value", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", null, "=400+80");
    const [issue] = expectOnly(checkReturn(s), ["formula-no-value", "error", "Measures", "H2"]);
    expect(issue!.message).toContain("has a formula");
    expect(issue!.message).toContain("no calculated value");
  });
});

describe("required measures", () => {
  test("a required measure blank in a reported month", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", null);
    const [issue] = expectOnly(checkReturn(s), ["required-measure-missing", "error", "Measures", "H2"]);
    expect(issue!.message).toContain("Welfare calls made is required but blank for Jun 2020");
    expect(issue!.message).toContain("0 if there was none");
  });

  test("a Total left blank although its breakdowns are filled in", () => {
    const s = cleanReturn();
    setMeasure(s, "FOOD_INTERVENTIONS", "Total", "Jun 2020", null);
    const [issue] = expectOnly(checkReturn(s), ["required-measure-missing", "error", "Measures", "H13"]);
    expect(issue!.message).toContain("Its breakdowns are filled in (428 in all)");
  });

  test("an optional measure may be blank, or stop being reported", () => {
    const s = cleanReturn();
    for (const month of ["Jul 2020", "Aug 2020", "Sep 2020"]) setMeasure(s, "VOLUNTEER_HOURS", "", month, null);
    expect(brief(checkReturn(s))).toEqual([]);
    for (const month of ["Apr 2020", "May 2020", "Jun 2020"]) setMeasure(s, "VOLUNTEER_HOURS", "", month, null);
    expect(brief(checkReturn(s))).toEqual([]);
  });

  test("an optional measure left blank between months it has figures for is a gap (warning)", () => {
    const s = cleanReturn();
    setMeasure(s, "VOLUNTEER_HOURS", "", "Jun 2020", null);
    const [issue] = expectOnly(checkReturn(s), ["gap-in-months", "warning", "Measures", "H17"]);
    expect(issue!.message).toBe(
      "Volunteer hours given has no figure for Jun 2020, though May 2020 and Jul 2020 have figures. Type the figure (0 if there was none), or explain why it was not reported.",
    );
  });

  test("a month started but not finished: every required measure left blank is named", () => {
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Oct 2020", 440);
    const result = checkReturn(s);
    expect(result.issues.map((i) => `${i.code} ${i.cell}`)).toEqual([
      "required-measure-missing L3",
      "required-measure-missing L8",
      "required-measure-missing L13",
      "required-measure-missing L18",
      "required-measure-missing L19",
      "required-measure-missing L21",
    ]);
  });
});

describe("measure rows", () => {
  function addRow(s: ReturnType<typeof cleanReturn>, cells: CellValue[]): void {
    const t = table(s, TABLE.measures);
    t.values.push(cells);
    t.formulas.push([...cells]);
  }

  test("a duplicate measure row", () => {
    const s = cleanReturn();
    addRow(s, ["WELFARE_CALLS", "Welfare calls made", null, "count", "flow", ...measureFigures("WELFARE_CALLS", "")]);
    const [issue] = expectOnly(checkReturn(s), ["duplicate-measure-row", "error", "Measures", "A23"]);
    expect(issue!.message).toContain("repeats Welfare calls made (also on row 2)");
  });

  test("a duplicate found ignoring case and spaces", () => {
    const s = cleanReturn();
    addRow(s, [" food_interventions ", "Food interventions", "food  parcels", "count", "flow", 1, null, null, null, null, null, null, null, null, null, null, null]);
    expectOnly(checkReturn(s), ["duplicate-measure-row", "error", "Measures", "A23"]);
  });

  test("a measure code not in the framework, with a suggestion", () => {
    const s = cleanReturn();
    addRow(s, ["WELFARE_CALL", "Welfare calls", null, "count", "flow", 5, null, null, null, null, null, null, null, null, null, null, null]);
    const [issue] = expectOnly(checkReturn(s), ["unknown-measure", "error", "Measures", "A23"]);
    expect(issue!.message).toContain('"WELFARE_CALL" is not a measure in the framework');
    expect(issue!.message).toContain("did you mean WELFARE_CALLS?");
  });

  test("a breakdown the measure does not have", () => {
    const s = cleanReturn();
    addRow(s, ["FOOD_INTERVENTIONS", "Food interventions", "Soup kitchen", "count", "flow", 5, null, null, null, null, null, null, null, null, null, null, null]);
    const [issue] = expectOnly(checkReturn(s), ["unknown-measure", "error", "Measures", "C23"]);
    expect(issue!.message).toContain('"Soup kitchen" is not a breakdown of Food interventions. Use one of Total, Food parcels');
  });

  test("figures on a row with no code", () => {
    const s = cleanReturn();
    addRow(s, [null, null, null, null, null, 12, null, null, null, null, null, null, null, null, null, null, null]);
    const [issue] = expectOnly(checkReturn(s), ["unknown-measure", "error", "Measures", "A23"]);
    expect(issue!.message).toContain("no measure code");
  });

  test("a framework row deleted from the table", () => {
    const s = cleanReturn();
    const t = table(s, TABLE.measures);
    const i = t.values.findIndex((r) => r[0] === "UNIVERSAL_CREDIT");
    t.values.splice(i, 1);
    t.formulas.splice(i, 1);
    const [issue] = expectOnly(checkReturn(s), ["missing-measure-row", "error", "Measures", "A1"]);
    expect(issue!.message).toContain("no row for Residents on Universal Credit (code UNIVERSAL_CREDIT)");
  });
});

describe("return details", () => {
  test.each([
    [FIELD.organisation, "B2", null],
    [FIELD.organisationCode, "B3", "   "],
    [FIELD.yearStart, "B4", ""],
  ])("%s is required", (field, cell, value) => {
    const s = cleanReturn();
    setDetail(s, field, value);
    const [issue] = expectOnly(checkReturn(s), ["required-field", "error", "Return", cell]);
    expect(issue!.message).toContain(`${field} is blank.`);
  });

  test("a required field's row deleted", () => {
    const s = cleanReturn();
    const t = table(s, TABLE.returnDetails);
    const i = detailRow(s, FIELD.organisationCode);
    t.values.splice(i, 1);
    t.formulas.splice(i, 1);
    const [issue] = expectOnly(checkReturn(s), ["required-field", "error", "Return", "A1"]);
    expect(issue!.message).toContain('no "Organisation code" row');
  });

  test.each(["priya.shah@northgate", "priya shah@northgate.org.uk", "priya@@northgate.org.uk", "a@b.org.uk; c@d.org.uk"])("an invalid email: %s", (email) => {
    const s = cleanReturn();
    setDetail(s, FIELD.contactEmail, email);
    const [issue] = expectOnly(checkReturn(s), ["invalid-email", "error", "Return", "B7"]);
    expect(issue!.message).toContain("is not a valid email address");
  });

  test("the reporting year start must be a month", () => {
    const s = cleanReturn();
    setDetail(s, FIELD.yearStart, "next April");
    expectOnly(checkReturn(s), ["not-a-date", "error", "Return", "B4"]);
  });

  test("the sign-off date must be a date", () => {
    const s = cleanReturn();
    setDetail(s, FIELD.signedOffOn, "soon");
    expectOnly(checkReturn(s), ["not-a-date", "error", "Return", "B10"]);
    setDetail(s, FIELD.signedOffOn, "14/10/2020");
    expect(brief(checkReturn(s))).toEqual([]);
  });

  test("homes managed must be a whole number", () => {
    const s = cleanReturn();
    setDetail(s, FIELD.homesManaged, "about 12,000");
    expectOnly(checkReturn(s), ["not-a-number", "error", "Return", "B5"]);
  });
});

describe("stakeholders, impact map and case studies", () => {
  test("an impact-map stakeholder group absent from Stakeholders", () => {
    const s = cleanReturn();
    setCell(s, TABLE.impactMap, 1, "Stakeholder group", "Older people");
    const [issue] = expectOnly(checkReturn(s), ["unknown-stakeholder-group", "error", "Outcomes", "A3"]);
    expect(issue!.message).toContain('"Older people" is not a stakeholder group on the Stakeholders sheet');
    expect(issue!.message).toContain('did you mean "Older residents"?');
  });

  test("a case-study stakeholder group absent from Stakeholders", () => {
    const s = cleanReturn();
    setCell(s, TABLE.caseStudies, 0, "Stakeholder group", "Pensioners");
    expectOnly(checkReturn(s), ["unknown-stakeholder-group", "error", "Case studies", "D2"]);
  });

  test("an outcome area not in the framework", () => {
    const s = cleanReturn();
    setCell(s, TABLE.impactMap, 0, "Outcome area", "Loneliness");
    const [issue] = expectOnly(checkReturn(s), ["not-in-list", "error", "Outcomes", "E2"]);
    expect(issue!.message).toContain('"Loneliness" is not an outcome area of the framework');
    expect(issue!.message).toContain("Social isolation, Poverty");
  });

  test("consent not Yes or No", () => {
    const s = cleanReturn();
    setCell(s, TABLE.caseStudies, 0, "Consent given", "Maybe");
    const [issue] = expectOnly(checkReturn(s), ["not-in-list", "error", "Case studies", "G2"]);
    expect(issue!.message).toContain("Choose Yes or No");
  });

  test("a case-study month that is not a month", () => {
    const s = cleanReturn();
    setCell(s, TABLE.caseStudies, 1, "Month", "Summer");
    const [issue] = expectOnly(checkReturn(s), ["not-in-list", "error", "Case studies", "B3"]);
    expect(issue!.message).toContain('"Summer" is not a month');
    expect(issue!.message).toContain("Apr 2020 to Mar 2021");
  });

  test.each(["Jun 2019", "Apr 2021"])("a case-study month outside the reporting year: %s", (month) => {
    const s = cleanReturn();
    setCell(s, TABLE.caseStudies, 2, "Month", month);
    const [issue] = expectOnly(checkReturn(s), ["month-outside-year", "error", "Case studies", "B4"]);
    expect(issue!.message).toContain(`${month} is outside this return's reporting year (Apr 2020 to Mar 2021)`);
  });

  test("a percentage typed as a whole number (25 for 25%)", () => {
    const s = cleanReturn();
    setCell(s, TABLE.impactMap, 0, "Deadweight %", 25);
    const [issue] = expectOnly(checkReturn(s), ["percent-out-of-range", "error", "Outcomes", "L2"]);
    expect(issue!.message).toContain("25 means 2,500%, which is more than 100%");
    expect(issue!.message).toContain("if you meant 25% for Deadweight % on impact-map row 2, type 25% (with the % sign) or 0.25");
  });

  test.each([
    [1.5, "1.5 means 150%, which is more than 100%"],
    [250, "25,000% is above 100%"],
    [-0.1, "-10% is below 0%"],
  ])("a percentage outside 0-100%%: %s", (value, text) => {
    const s = cleanReturn();
    setCell(s, TABLE.impactMap, 2, "Attribution %", value);
    const [issue] = expectOnly(checkReturn(s), ["percent-out-of-range", "error", "Outcomes", "M4"]);
    expect(issue!.message).toContain(text);
  });

  test("impact-map numbers: text, above maximum, below minimum", () => {
    const s = cleanReturn();
    setCell(s, TABLE.impactMap, 0, "Quantity", "ten");
    setCell(s, TABLE.impactMap, 1, "Duration (years)", 60);
    setCell(s, TABLE.impactMap, 2, "Financial proxy (£)", -5);
    const issues = expectOnly(
      checkReturn(s),
      ["not-a-number", "error", "Outcomes", "H2"],
      ["above-maximum", "error", "Outcomes", "I3"],
      ["below-minimum", "error", "Outcomes", "J4"],
    );
    expect(issues[0]!.message).toContain("Quantity on impact-map row 2 needs a number of 0 or more");
    expect(issues[2]!.message).toContain("-£5 is below the minimum of £0");
  });

  test("an impact value formula with no calculated value, where the row has its inputs", () => {
    const s = cleanReturn();
    const t = table(s, TABLE.impactMap);
    // The tool's own formula needs no cached value (files filled by programs that do not calculate).
    for (let i = 0; i < t.values.length; i++) t.values[i]![15] = null;
    expectOnly(checkReturn(s));
    // A formula the user wrote instead, saved without its value, cannot be checked.
    t.formulas[0]![15] = "=H2*J2*2";
    const [issue] = expectOnly(checkReturn(s), ["formula-no-value", "error", "Outcomes", "P2"]);
    expect(issue!.value).toBe("=H2*J2*2");
  });

  test("stakeholder numbers of people", () => {
    const s = cleanReturn();
    setCell(s, TABLE.stakeholders, 0, "Number of people", "lots");
    setCell(s, TABLE.stakeholders, 1, "Number of people", 12.5);
    setCell(s, TABLE.stakeholders, 2, "Number of people", -3);
    expectOnly(
      checkReturn(s),
      ["not-a-number", "error", "Stakeholders", "C2"],
      ["not-whole-number", "error", "Stakeholders", "C3"],
      ["below-minimum", "error", "Stakeholders", "C4"],
    );
  });
});

describe("the shape of the workbook", () => {
  test("a misspelt header is named, with the closest expected header, and its column still read", () => {
    const s = cleanReturn();
    const t = table(s, TABLE.impactMap);
    t.headers[7] = "Quantiy";
    setCell(s, TABLE.impactMap, 0, "Quantiy", "ten");
    const issues = expectOnly(checkReturn(s), ["misspelt-header", "error", "Outcomes", "H1"], ["not-a-number", "error", "Outcomes", "H2"]);
    expect(issues[0]!.message).toContain('The header "Quantiy"');
    expect(issues[0]!.message).toContain('looks like "Quantity"');
    expect(issues[0]!.header).toBe("Quantity");
  });

  test("a misspelt month header", () => {
    const s = cleanReturn();
    table(s, TABLE.measures).headers[7] = "Jun 2002";
    const [issue] = expectOnly(checkReturn(s), ["misspelt-header", "error", "Measures", "H1"]);
    expect(issue!.message).toContain('looks like "Jun 2020"');
  });

  test("a missing header", () => {
    const s = cleanReturn();
    table(s, TABLE.caseStudies).headers[6] = "Notes";
    const [issue] = expectOnly(checkReturn(s), ["missing-header", "error", "Case studies", "A1"]);
    expect(issue!.message).toContain('The CaseStudies table has no "Consent given" column');
  });

  test("a missing sheet", () => {
    const s = cleanReturn();
    s.tables = s.tables.filter((t) => t.name !== TABLE.caseStudies);
    s.sheets = s.sheets.filter((x) => x.name !== "Case studies");
    const [issue] = expectOnly(checkReturn(s), ["missing-table", "error", "Case studies", ""]);
    expect(issue!.message).toContain("The workbook has no Case studies sheet, so the case studies cannot be checked");
    expect(issue).toMatchObject({ row: 0, column: "" });
  });

  test("a sheet without its table", () => {
    const s = cleanReturn();
    s.tables = s.tables.filter((t) => t.name !== TABLE.stakeholders);
    s.sheets.find((x) => x.name === "Stakeholders")!.tables = [];
    const [issue] = expectOnly(checkReturn(s), ["missing-table", "error", "Stakeholders", ""]);
    expect(issue!.message).toContain("The Stakeholders sheet has no Stakeholders table");
  });

  test("a framework this version does not know, with no definition stored", () => {
    const s = cleanReturn({ definition: false });
    table(s, TABLE.frameworkInfo).values[0]![1] = "our-own-measures";
    const result = checkReturn(s);
    const [issue] = expectOnly(result, ["unknown-framework", "error", "Framework", "B2"]);
    expect(issue!.message).toContain('"our-own-measures" version 1');
    expect(result.framework).toBeUndefined();
  });

  test("an unknown framework still gets its numbers checked", () => {
    const s = cleanReturn({ definition: false });
    table(s, TABLE.frameworkInfo).values[0]![1] = "our-own-measures";
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", "12a");
    expect(issuesOf(checkReturn(s), "not-a-number").map((i) => i.cell)).toEqual(["H2"]);
  });
});
