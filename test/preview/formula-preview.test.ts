/** COUNTIFS in the preview's formula calculator: bounded lookups stop at the last used row, without changing any count. */
import { evaluateFormula, type FormulaContext, type Scalar } from "../../src/preview/formula-preview";

/** A Checks-like sheet: Sheet, Cell, Explanation in columns A to C, rows 2 to 4 filled. */
function checksContext(): FormulaContext & { reads: number } {
  const rows: Scalar[][] = [
    ["Sheet", "Cell", "Explanation"],
    ["Measures", "G2", ""],
    ["Measures", "H4", "Staff went back."],
    ["Outcomes", "A3", ""],
  ];
  const ctx = {
    reads: 0,
    row: 1,
    col: 6,
    read(_sheet: string | undefined, row: number, col: number): Scalar {
      ctx.reads++;
      return rows[row]?.[col] ?? "";
    },
    lastRow: () => rows.length - 1,
  };
  return ctx;
}

describe("COUNTIFS over a long bounded range", () => {
  it("counts as Excel would, reading only the used rows when a criterion rejects blanks", () => {
    const ctx = checksContext();
    expect(evaluateFormula('=COUNTIFS(Checks!$A$2:$A$10000,"Measures",Checks!$B$2:$B$10000,ADDRESS(ROW(),COLUMN(),4))', ctx)).toBe(1);
    expect(ctx.reads).toBeLessThan(20);
    expect(evaluateFormula('=COUNTIFS(Checks!$A$2:$A$10000,"Measures",Checks!$C$2:$C$10000,"")', ctx)).toBe(1);
    expect(evaluateFormula('=COUNTIFS(Checks!$A$2:$A$10000,"Measures")', ctx)).toBe(2);
  });

  it("still counts blank rows below the data when every criterion accepts a blank", () => {
    const ctx = checksContext();
    expect(evaluateFormula('=COUNTIFS(Checks!$C$2:$C$10,"")', ctx)).toBe(2 + 6);
  });

  it("works with a same-sheet reader that cannot say where the data ends", () => {
    const values: Scalar[][] = [["a"], ["b"], ["a"]];
    expect(evaluateFormula('=COUNTIF($A$1:$A$5,"a")', (row, col) => values[row]?.[col] ?? "")).toBe(2);
  });
});
