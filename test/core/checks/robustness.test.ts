/** Odd workbooks never make the check throw: every problem becomes an issue. */
import { checkReturn, returnChecksum } from "../../../src/core/checks";
import { TABLE } from "../../../src/core/layout/contract";
import type { CellValue, WorkbookSnapshot } from "../../../src/core/workbook/types";
import { cleanReturn, table } from "./fixtures";

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const ODD: CellValue[] = [null, "", "  ", "12a", "1,234", -1, 0, 1e12, 0.5, true, "#N/A", "=SUM(A1)", "Apr 2020", "Yes", "£5", "25%", NaN, Infinity];

test("ragged rows, missing formulas and odd values anywhere", () => {
  const rnd = random(7);
  for (let round = 0; round < 30; round++) {
    const s = cleanReturn();
    for (const t of s.tables) {
      t.values.forEach((row, i) => {
        row.forEach((_, c) => {
          if (rnd() < 0.15) row[c] = ODD[Math.floor(rnd() * ODD.length)]!;
        });
        if (rnd() < 0.1) row.length = Math.floor(rnd() * row.length);
        if (rnd() < 0.1) t.formulas[i] = [];
      });
      if (rnd() < 0.2) t.formulas = [];
      if (rnd() < 0.1) t.headers = t.headers.slice(0, Math.floor(rnd() * t.headers.length));
    }
    if (rnd() < 0.3) s.frameworkDefinition = "not json";
    expect(() => checkReturn(s)).not.toThrow();
    expect(() => returnChecksum(s)).not.toThrow();
    for (const issue of checkReturn(s).issues) {
      expect(issue.message.length).toBeGreaterThan(10);
      expect(issue.cell === "" || /^[A-Z]{1,3}\d+$/.test(issue.cell)).toBe(true);
    }
  }
});

test("tables with no rows, or no headers at all", () => {
  const s = cleanReturn();
  for (const t of s.tables) {
    t.values = [];
    t.formulas = [];
  }
  expect(() => checkReturn(s)).not.toThrow();
  const bare: WorkbookSnapshot = { sheets: [{ name: "Measures", tables: ["Measures"] }], tables: [{ name: "Measures", sheet: "Measures", row: 0, column: 0, headers: [], values: [[1, 2]], formulas: [] }] };
  const result = checkReturn(bare);
  expect(result.notAReturn).toBeUndefined();
  expect(result.summary.errors).toBeGreaterThan(0);
});

test("infinite and NaN numbers are not numbers", () => {
  const s = cleanReturn();
  table(s, TABLE.measures).values[0]![7] = Number.NaN;
  expect(checkReturn(s).issues.map((i) => `${i.code} ${i.cell}`)).toEqual(["not-a-number H2"]);
});
