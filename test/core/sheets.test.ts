/**
 * Each sheet is defined once (src/core/sheets/), and every table is read through the return
 * reader's header matcher: the Checks table, Commentary, the register and the sector ledger
 * find a misspelt header as Check does.
 */
import { explanationsIn } from "../../src/core/checks";
import { parseRegisterRows } from "../../src/core/collate/register";
import { previousFromValues } from "../../src/core/collate/previous";
import { CASE_STUDY_HEADERS, CHECKS_HEADERS, IMPACT_MAP_HEADERS, MEASURE_KEY_HEADERS, RETURN_DETAILS_HEADERS, SHEET, STAKEHOLDER_HEADERS, TABLE, TABLE_SHEET } from "../../src/core/layout/contract";
import { KEY_FIGURES_HEADERS, SUMMARY_TABLE } from "../../src/core/layout/summary-contract";
import { readCommentary } from "../../src/core/summary/existing";
import { RETURN_SHEETS } from "../../src/core/sheets";

describe("sheet definitions", () => {
  it("define every sheet of the contract once, in order, each on its own table", () => {
    expect(RETURN_SHEETS.map((d) => d.sheet)).toEqual(Object.values(SHEET));
    expect(RETURN_SHEETS.map((d) => d.table)).toEqual(Object.values(TABLE));
    for (const d of RETURN_SHEETS) expect(TABLE_SHEET[d.table]).toBe(d.sheet);
  });

  it("give the contract its headers", () => {
    const headers = new Map(RETURN_SHEETS.map((d) => [d.table, d.columns.map((c) => c.header)] as const));
    expect(headers.get(TABLE.returnDetails)).toEqual([...RETURN_DETAILS_HEADERS]);
    expect(headers.get(TABLE.measures)).toEqual([...MEASURE_KEY_HEADERS]);
    expect(headers.get(TABLE.stakeholders)).toEqual([...STAKEHOLDER_HEADERS]);
    expect(headers.get(TABLE.impactMap)).toEqual([...IMPACT_MAP_HEADERS]);
    expect(headers.get(TABLE.caseStudies)).toEqual([...CASE_STUDY_HEADERS]);
    expect(headers.get(TABLE.checks)).toEqual([...CHECKS_HEADERS]);
  });

  it("lock what the tool writes and open what officers type", () => {
    for (const d of RETURN_SHEETS) {
      for (const c of d.columns) {
        if (c.validation) expect(c.cells).toBe("entry");
        if (c.read === "formula") expect(c.cells).toBe("formula");
      }
    }
  });
});

describe("tables read through the return reader's header matcher", () => {
  it("reads explanations under a misspelt or re-cased Checks header", () => {
    const rows = [["Warning", "gap", "Measures", "F2", "A gap.", " Staff were away. "]];
    const expected = [["gap|Measures|F2", "Staff were away."]];
    expect([...explanationsIn(["Severity", "code", " Sheet ", "CELL", "Message", "Explanaton"], rows)]).toEqual(expected);
    expect([...explanationsIn([...CHECKS_HEADERS], rows)]).toEqual(expected);
    expect([...explanationsIn(["Severity", "Code", "Sheet", "Cell", "Message"], rows)]).toEqual([]);
  });

  it("reads Commentary under a misspelt header", () => {
    const table = (headers: string[]) => ({
      sheets: [{ name: "Board summary", tables: [SUMMARY_TABLE.keyFigures] }],
      tables: [{ name: SUMMARY_TABLE.keyFigures, sheet: "Board summary", row: 3, column: 0, headers, values: [["M1", "Total", "Up on last year."]], formulas: [] }],
    });
    expect(KEY_FIGURES_HEADERS).toContain("Commentary");
    expect([...readCommentary(table(["Code", "Breakdown", "Comentary"]))]).toEqual([["m1|total", "Up on last year."]]);
    expect([...readCommentary(table(["CODE", " breakdown", "commentary"]))]).toEqual([["m1|total", "Up on last year."]]);
  });

  it("reads a register's misspelt columns", () => {
    const read = parseRegisterRows([["Register of members"], ["Organisation code", "Organisaton", "Homes managd"], ["A1", "Alpha", 400]]);
    expect(read).toEqual({ entries: [{ organisationCode: "A1", organisation: "Alpha", homesManaged: 400 }], problems: [] });
  });

  it("reads the sector ledger back with headers in another case or spacing", () => {
    const previous = previousFromValues({
      register: [["organisation code", " ORGANISATION ", "Homes  managed"], ["A1", "Alpha", 400], [null, null, null]],
    });
    expect(previous.register).toEqual([{ organisationCode: "A1", organisation: "Alpha", homesManaged: 400 }]);
  });
});
