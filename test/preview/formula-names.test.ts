/**
 * The preview works out Check's highlight formulas, which refer to the Checks table's columns
 * through defined names (IR_CheckSheet...) to stay within Excel's formula limit.
 */
import { MemoryExcelHost } from "../../src/memory-host";
import { evaluateFormula } from "../../src/preview/formula-preview";
import { modelContext } from "../../src/preview/model-formulas";

it("resolves defined names to the ranges they stand for, leaving strings, functions and sheet names alone", async () => {
  const host = MemoryExcelHost.fromSnapshot({
    sheets: [
      { name: "Checks", rows: [["Severity", "Sheet", "Cell"], ["Error", "Measures", "G2"], ["Warning", "Measures", "H4"]] },
      { name: "Measures", rows: [["x"]] },
    ],
  });
  await host.run(async (context) => {
    context.workbook.names.add("IR_CheckSheet", context.workbook.worksheets.getItem("Checks").getRange("B2:B100"));
    context.workbook.names.add("IR_CheckCell", context.workbook.worksheets.getItem("Checks").getRange("C2:C100"));
    await context.sync();
  });
  const measures = host.workbook.sheets.find((s) => s.name === "Measures")!;
  const context = modelContext(host.workbook, measures);
  const at = (row: number, col: number) => {
    context.row = row;
    context.col = col;
    return evaluateFormula('=COUNTIFS(IR_CheckSheet,"Measures",IR_CheckCell,ADDRESS(ROW(),COLUMN(),4))>0', context);
  };
  expect(at(1, 6)).toBe(true); // G2
  expect(at(3, 7)).toBe(true); // H4
  expect(at(1, 5)).toBe(false); // F2
  expect(evaluateFormula('=IF(TRUE,"IR_CheckSheet","")', context)).toBe("IR_CheckSheet");
});
