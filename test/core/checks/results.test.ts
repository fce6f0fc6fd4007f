/** Grouping, explanations, the sign-off checksum, the catalogue and workbooks that are not returns. */
import { CHECK_CATALOGUE, checkReturn, groupIssues, issueKey, returnChecksum } from "../../../src/core/checks";
import { FIELD, TABLE } from "../../../src/core/layout/contract";
import type { CellValue, WorkbookSnapshot } from "../../../src/core/workbook/types";
import { cleanReturn, FRAMEWORK, setCell, setDetail, setMeasure, table } from "./fixtures";
import { readFileSync } from "node:fs";
import { join } from "node:path";

function faulty(): WorkbookSnapshot {
  const s = cleanReturn();
  for (const [code, month] of [["WELFARE_CALLS", "Apr 2020"], ["WELFARE_CALLS", "May 2020"], ["COMMUNITY_STAFF", "Jun 2020"], ["RENT_ARREARS_RISK", "Jul 2020"]] as const) {
    setMeasure(s, code, "", month, "n/a");
  }
  setMeasure(s, "VULNERABLE_RESIDENTS", "", "Jun 2020", " 1335 ");
  setMeasure(s, "UNIVERSAL_CREDIT", "", "Jun 2020", "2,380");
  setCell(s, TABLE.caseStudies, 0, "Consent given", null);
  return s;
}

describe("groupIssues", () => {
  test("groups by code with counts and the first examples, errors first", () => {
    const result = checkReturn(faulty());
    const groups = groupIssues(result.issues, 3);
    expect(groups.map((g) => [g.code, g.severity, g.count])).toEqual([
      ["not-a-number", "error", 4],
      ["number-stored-as-text", "warning", 2],
      ["consent-blank", "warning", 1],
    ]);
    expect(groups[0]!.examples.map((i) => i.cell)).toEqual(["F2", "G2", "H19"]);
    expect(groups[0]!.title).toBe("Text where a number belongs");
    expect(groupIssues(result.issues, 1)[0]!.examples).toHaveLength(1);
  });

  test("groups whose warnings are all explained come last", () => {
    const first = checkReturn(faulty());
    const consent = first.issues.find((i) => i.code === "consent-blank")!;
    const result = checkReturn(faulty(), { explanations: new Map([[issueKey(consent), "Asked; waiting to hear back."]]) });
    const groups = groupIssues(result.issues);
    expect(groups.map((g) => [g.code, g.count, g.accepted])).toEqual([
      ["not-a-number", 4, 0],
      ["number-stored-as-text", 2, 0],
      ["consent-blank", 1, 1],
    ]);
  });

  test("no issues, no groups", () => {
    expect(groupIssues([])).toEqual([]);
  });
});

describe("explanations", () => {
  test("an explained warning is accepted, not counted as a warning", () => {
    const s = faulty();
    const before = checkReturn(s);
    expect(before.summary).toEqual({ errors: 4, warnings: 3, accepted: 0 });
    const warning = before.issues.find((i) => i.code === "number-stored-as-text")!;
    const error = before.issues.find((i) => i.code === "not-a-number")!;
    const explanations = new Map([
      [issueKey(warning), "Pasted from the housing system; figure is right."],
      [issueKey(error), "Will fix tomorrow"],
      ["gap-in-months|Measures|Z1", "an explanation for an issue that has gone"],
    ]);
    const after = checkReturn(s, { explanations });
    expect(after.summary).toEqual({ errors: 4, warnings: 2, accepted: 1 });
    const explained = after.issues.find((i) => issueKey(i) === issueKey(warning))!;
    expect(explained).toMatchObject({ accepted: true, explanation: "Pasted from the housing system; figure is right.", severity: "warning" });
    // An error keeps its explanation text but still counts as an error.
    const stillError = after.issues.find((i) => issueKey(i) === issueKey(error))!;
    expect(stillError.accepted).toBeUndefined();
    expect(stillError.explanation).toBe("Will fix tomorrow");
  });

  test("a blank explanation does not accept a warning", () => {
    const s = faulty();
    const warning = checkReturn(s).issues.find((i) => i.severity === "warning")!;
    expect(checkReturn(s, { explanations: new Map([[issueKey(warning), "   "]]) }).summary.accepted).toBe(0);
  });

  test("issue keys are code|sheet|cell and stable across re-checks", () => {
    const a = checkReturn(faulty()).issues.map(issueKey);
    const b = checkReturn(faulty()).issues.map(issueKey);
    expect(a).toEqual(b);
    expect(a).toContain("not-a-number|Measures|F2");
    expect(issueKey({ code: "x", sheet: "Case studies", cell: "G2" })).toBe("x|Case studies|G2");
  });
});

describe("returnChecksum", () => {
  const nullToEmpty = (s: WorkbookSnapshot): WorkbookSnapshot => {
    const blank = (v: CellValue) => (v === null ? "" : v);
    return { ...s, tables: s.tables.map((t) => ({ ...t, values: t.values.map((r) => r.map(blank)), formulas: t.formulas.map((r) => r.map(blank)) })) };
  };

  test("is a sha-256 in hex", () => {
    expect(returnChecksum(cleanReturn())).toMatch(/^[0-9a-f]{64}$/);
  });

  test("is the same whether blanks are \"\" (Excel) or null (files)", () => {
    expect(returnChecksum(nullToEmpty(cleanReturn()))).toBe(returnChecksum(cleanReturn()));
  });

  test("ignores uncalculated formula results (a file saved without calculating)", () => {
    const s = cleanReturn();
    for (const r of table(s, TABLE.impactMap).values) r[15] = null;
    expect(returnChecksum(s)).toBe(returnChecksum(cleanReturn()));
  });

  test("changes when a figure changes, or a case study is edited", () => {
    const base = returnChecksum(cleanReturn());
    const s = cleanReturn();
    setMeasure(s, "WELFARE_CALLS", "", "Jun 2020", 481);
    expect(returnChecksum(s)).not.toBe(base);
    const t = cleanReturn();
    setCell(t, TABLE.caseStudies, 2, "What happened", "Thirty families got meals.");
    expect(returnChecksum(t)).not.toBe(base);
    const u = cleanReturn();
    setDetail(u, FIELD.organisation, "Northgate Housing");
    expect(returnChecksum(u)).not.toBe(base);
  });

  test("leaves out the sign-off fields, blank rows and the user's own columns", () => {
    const base = returnChecksum(cleanReturn());
    const s = cleanReturn();
    setDetail(s, FIELD.signedOffBy, "Priya Shah");
    setDetail(s, FIELD.signedOffOn, 44118);
    setDetail(s, FIELD.dataChecksum, base);
    const m = table(s, TABLE.measures);
    m.headers.push("Notes");
    m.values.forEach((r) => r.push("note"));
    m.formulas.forEach((r) => r.push("note"));
    const st = table(s, TABLE.stakeholders);
    st.values.push([null, "", null, "  "]);
    st.formulas.push([null, "", null, "  "]);
    expect(returnChecksum(s)).toBe(base);
  });

  test("a return signed off with a different-looking but equal checksum is not flagged", () => {
    const s = cleanReturn();
    setDetail(s, FIELD.dataChecksum, ` ${returnChecksum(s).toUpperCase()} `);
    expect(checkReturn(s).issues).toEqual([]);
  });
});

describe("not a return", () => {
  test("a workbook with none of our tables", () => {
    const result = checkReturn({ sheets: [{ name: "Sheet1", tables: ["Table1"] }], tables: [] });
    expect(result.notAReturn).toBe("no Measures or ReturnDetails table: this does not look like an Impact Returns workbook");
    expect(result.issues).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, accepted: 0 });
    expect(result.framework).toBeUndefined();
  });

  test("even when a framework is given", () => {
    expect(checkReturn({ sheets: [], tables: [] }, { framework: FRAMEWORK }).notAReturn).toBeDefined();
  });

  test("a return missing most of its tables is still a return, with each missing table named", () => {
    const s = cleanReturn();
    s.tables = s.tables.filter((t) => t.name === TABLE.measures || t.name === TABLE.frameworkInfo);
    s.sheets = s.sheets.filter((x) => x.name === "Measures" || x.name === "Framework");
    const result = checkReturn(s);
    expect(result.notAReturn).toBeUndefined();
    expect(result.issues.map((i) => `${i.code} ${i.sheet}`)).toEqual([
      "missing-table Return",
      "missing-table Stakeholders",
      "missing-table Outcomes",
      "missing-table Case studies",
    ]);
  });
});

describe("framework resolution", () => {
  test("the framework given wins over the workbook's", () => {
    const s = cleanReturn();
    const other = { ...FRAMEWORK, id: "other-framework", version: 3 };
    const result = checkReturn(s, { framework: other });
    expect(result.framework).toEqual({ id: "other-framework", version: 3 });
  });

  test("the definition stored in the workbook is used before the built-in one", () => {
    const s = cleanReturn();
    const custom = { ...FRAMEWORK, id: "northgate-measures", version: 2, outcomeAreas: [...FRAMEWORK.outcomeAreas, { name: "Digital inclusion", description: "" }] };
    s.frameworkDefinition = JSON.stringify(custom);
    setCell(s, TABLE.impactMap, 0, "Outcome area", "Digital inclusion");
    const result = checkReturn(s);
    expect(result.framework).toEqual({ id: "northgate-measures", version: 2 });
    expect(result.issues).toEqual([]);
  });

  test("a broken stored definition falls back to the built-in framework the workbook names, and says so", () => {
    const s = cleanReturn();
    s.frameworkDefinition = '{"id": "community-investment-monthly", "vers';
    const result = checkReturn(s);
    expect(result.framework).toEqual({ id: "community-investment-monthly", version: 1 });
    expect(result.issues.map((i) => [i.code, i.severity, i.sheet])).toEqual([["framework-definition-unreadable", "warning", "Framework"]]);
    expect(result.issues[0]!.message).toMatch(/holds text that is not a whole framework definition\), so the return was checked against the built-in/);
  });

  test("no Framework sheet: checked against the default built-in framework, and said so", () => {
    const s = cleanReturn({ definition: false });
    s.tables = s.tables.filter((t) => t.name !== TABLE.frameworkInfo);
    s.sheets = s.sheets.filter((x) => x.name !== "Framework");
    const result = checkReturn(s);
    expect(result.framework).toEqual({ id: "community-investment-monthly", version: 1 });
    expect(result.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual(["unknown-framework Framework!"]);
    expect(result.issues[0]!.message).toContain("It was checked against the built-in");
  });
});

describe("the catalogue", () => {
  test("codes are unique, kebab-case, and each is documented in docs/checks.md", () => {
    const codes = CHECK_CATALOGUE.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const doc = readFileSync(join(__dirname, "../../../docs/checks.md"), "utf8");
    for (const entry of CHECK_CATALOGUE) {
      expect(entry.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(doc).toContain(`\`${entry.code}\``);
    }
  });

  test("every issue a check reports is in the catalogue with its severity", () => {
    const bySeverity = new Map(CHECK_CATALOGUE.map((c) => [c.code, c.severity]));
    for (const issue of checkReturn(faulty()).issues) expect(bySeverity.get(issue.code)).toBe(issue.severity);
  });
});
