/**
 * Set up's .xlsx writer grows linearly with the framework: four times the measures cost about four
 * times the work, not sixteen (clearing validations used to re-parse every range for every rule).
 * The work is counted, not timed: the range references the writer parses, which the old writer
 * parsed once per cell per existing validation.
 */
import { Workbook } from "exceljs";
import * as a1 from "../../src/core/layout/a1";
import { planSetup } from "../../src/core/setup/plan";
import { EMPTY_WORKBOOK } from "../../src/core/workbook/types";
import { manyMeasures } from "../../src/bench/xlsx-bench";
import { applyOperations } from "../../src/xlsx/apply";

const april2020 = { year: 2020, month: 4 };

function rangesParsed(measures: number): number {
  const plan = planSetup(EMPTY_WORKBOOK, manyMeasures(measures), {}, april2020);
  const spy = jest.spyOn(a1, "parseRange");
  try {
    applyOperations(new Workbook(), plan.operations);
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

it("applying a 3,000-measure plan parses about 4 times the ranges of a 750-measure one, not 16", () => {
  const small = rangesParsed(750);
  const large = rangesParsed(3000);
  expect(small).toBeGreaterThan(750);
  expect(large / small).toBeLessThan(6);
});
