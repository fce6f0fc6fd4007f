/** Workbooks as Excel and officers really leave them. */
import { checkReturn } from "../../../src/core/checks";
import { FIELD, TABLE } from "../../../src/core/layout/contract";
import { excelSerial } from "../../../src/core/calendar";
import type { CellValue, WorkbookSnapshot } from "../../../src/core/workbook/types";
import { brief, cleanReturn, setCell, setDetail, setMeasure, table } from "./fixtures";

/** The same workbook as Excel's API gives it: blanks are "" rather than null. */
function asExcelGivesIt(s: WorkbookSnapshot): WorkbookSnapshot {
  const blank = (v: CellValue) => (v === null ? "" : v);
  return { ...s, tables: s.tables.map((t) => ({ ...t, values: t.values.map((r) => r.map(blank)), formulas: t.formulas.map((r) => r.map(blank)) })) };
}

test("blanks given as empty strings (Excel) are the same as nulls (files)", () => {
  expect(brief(checkReturn(asExcelGivesIt(cleanReturn())))).toEqual([]);
  const s = cleanReturn();
  setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", null);
  const fromFile = checkReturn(s);
  const fromExcel = checkReturn(asExcelGivesIt(s));
  expect(fromExcel.issues).toEqual(fromFile.issues);
  expect(fromFile.issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["required-measure-missing H2"]);
});

test("whitespace-only cells are blank", () => {
  const s = cleanReturn();
  setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", "   ");
  setDetail(s, FIELD.organisation, " \t ");
  setCell(s, TABLE.caseStudies, 0, "Consent given", "  ");
  expect(checkReturn(s).issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([
    "required-field Return!B2",
    "required-measure-missing Measures!H2",
    "consent-blank Case studies!G2",
  ]);
});

test("formulas count by their calculated value", () => {
  const s = cleanReturn();
  setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", 480, "=400+80");
  setMeasure(s, "FOOD_INTERVENTIONS", "Total", "Jun 2020", 428, "=SUM(H14:H16)");
  expect(brief(checkReturn(s))).toEqual([]);
});

test("a formula giving an empty string is blank, not a missing value", () => {
  const s = cleanReturn();
  setMeasure(s, "VOLUNTEER_HOURS", "", "Sep 2020", "", '=IF(Z1="","",Z1)');
  expect(brief(checkReturn(s))).toEqual([]);
});

test("numbers typed as text in many ways are read as numbers, with a warning each", () => {
  const s = cleanReturn();
  setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", "480 ");
  setMeasure(s, "VULNERABLE_RESIDENTS", "", "Jun 2020", "1,335");
  setMeasure(s, "VOLUNTEER_HOURS", "", "Jun 2020", "385.5");
  setMeasure(s, "FINANCIAL_SUPPORT", "Fuel vouchers", "Jun 2020", "£600");
  setMeasure(s, "FINANCIAL_SUPPORT", "Food vouchers", "Jun 2020", "£ 850.00");
  setCell(s, TABLE.stakeholders, 0, "Number of people", "3,200");
  const result = checkReturn(s);
  expect(result.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([
    "number-stored-as-text Measures!H2",
    "number-stored-as-text Measures!H10",
    "number-stored-as-text Measures!H11",
    "number-stored-as-text Measures!H17",
    "number-stored-as-text Measures!H18",
    "number-stored-as-text Stakeholders!C2",
  ]);
  expect(result.summary).toEqual({ errors: 0, warnings: 6, accepted: 0 });
});

test("text that only looks like a number is an error", () => {
  const s = cleanReturn();
  setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", "1.234,5");
  setMeasure(s, "COMMUNITY_STAFF", "", "Jun 2020", "46 staff");
  expect(checkReturn(s).issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["not-a-number H2", "not-a-number H19"]);
});

test.each<[string, CellValue]>([
  ["text", "Jun 2020"],
  ["a long month name", "June 2020"],
  ["a date serial", excelSerial(2020, 6, 1)],
  ["a date serial mid-month", excelSerial(2020, 6, 17)],
  ["en-GB date text", "17/06/2020"],
  ["short text", "Jun-20"],
  ["ISO text", "2020-06"],
])("a case-study month as %s", (_, value) => {
  const s = cleanReturn();
  setCell(s, TABLE.caseStudies, 0, "Month", value);
  expect(brief(checkReturn(s))).toEqual([]);
});

test("the reporting year start as text rather than a serial", () => {
  const s = cleanReturn();
  setDetail(s, FIELD.yearStart, "April 2020");
  expect(brief(checkReturn(s))).toEqual([]);
  setCell(s, TABLE.caseStudies, 0, "Month", "Mar 2020");
  expect(checkReturn(s).issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["month-outside-year B2"]);
});

test("extra columns the user added are ignored", () => {
  const s = cleanReturn();
  for (const name of [TABLE.measures, TABLE.impactMap, TABLE.caseStudies] as const) {
    const t = table(s, name);
    t.headers.push("Notes");
    t.values.forEach((r, i) => r.push(i === 0 ? "checked with Jo" : null));
    t.formulas.forEach((r, i) => r.push(i === 0 ? "checked with Jo" : null));
  }
  // An inserted column in the middle of the Measures table.
  const m = table(s, TABLE.measures);
  m.headers.splice(5, 0, "Comment");
  m.values.forEach((r) => r.splice(5, 0, "ok"));
  m.formulas.forEach((r) => r.splice(5, 0, "ok"));
  expect(brief(checkReturn(s))).toEqual([]);
  // Addresses follow the columns as they are: Jun 2020 is now column I.
  setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", "12a");
  expect(checkReturn(s).issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["not-a-number I2"]);
});

test("headers are matched ignoring case and extra spaces", () => {
  const s = cleanReturn();
  table(s, TABLE.impactMap).headers[7] = "  QUANTITY ";
  table(s, TABLE.measures).headers[2] = "breakdown";
  table(s, TABLE.caseStudies).headers[6] = "Consent   given";
  expect(brief(checkReturn(s))).toEqual([]);
});

test("a table that does not start at A1", () => {
  const s = cleanReturn();
  const t = table(s, TABLE.measures);
  t.row = 3; // header on sheet row 4
  t.column = 2; // first column C
  setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", "12a");
  const [issue] = checkReturn(s).issues;
  expect(issue).toMatchObject({ code: "not-a-number", sheet: "Measures", cell: "J5", row: 5, column: "J" });
});

test("rows added to a table are checked like any other", () => {
  const s = cleanReturn();
  const t = table(s, TABLE.impactMap);
  const row: CellValue[] = ["Young people", "Youth club", "Sessions", "More confident", "Health and wellbeing", null, null, 30, 1, 400, null, 0.2, 0.1, 0, null, null];
  t.values.push(row);
  t.formulas.push(row);
  expect(checkReturn(s).issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual(["unknown-stakeholder-group Outcomes!A10"]);
  // Once the group is on the Stakeholders sheet (in a row added there too), all is well.
  setCell(s, TABLE.stakeholders, 10, "Stakeholder group", "Young people");
  setCell(s, TABLE.stakeholders, 10, "Number of people", 30);
  expect(brief(checkReturn(s))).toEqual([]);
});

test("blank rows anywhere are ignored", () => {
  const s = cleanReturn();
  const t = table(s, TABLE.caseStudies);
  t.values.splice(1, 0, Array<CellValue>(7).fill(""));
  t.formulas.splice(1, 0, Array<CellValue>(7).fill(""));
  expect(brief(checkReturn(s))).toEqual([]);
});

test("Measures month headers written another way are still read", () => {
  const s = cleanReturn();
  table(s, TABLE.measures).headers[7] = "June 2020";
  setMeasure(s, "WELFARE_CALLS", "", "June 2020", "12a");
  expect(checkReturn(s).issues.map((i) => `${i.code} ${i.cell} ${i.header}`)).toEqual(["not-a-number H2 Jun 2020"]);
});
