/** Text written through `values` is read as Excel reads typing: "+" and "-" start formulas, "Apr 2025" is a date. */
import { MemoryExcelHost } from "../../src/memory-host";

async function write(host: MemoryExcelHost, values: unknown[][], format?: string) {
  return host.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, values.length, values[0]!.length);
    if (format) range.numberFormat = values.map((row) => row.map(() => format));
    range.values = values as (string | number)[][];
    range.load("values,formulas,text");
    await context.sync();
    return { values: range.values, formulas: range.formulas, text: range.text };
  });
}

describe("text read as typed", () => {
  it("a value beginning with + or - becomes a formula unless it is a number; a lone sign is text", async () => {
    const host = new MemoryExcelHost();
    const out = await write(host, [["-5 homes", "+A1", "-5", "+1,000", "-", "-12%"]]);
    expect(out.formulas[0]).toEqual(["=-5 homes", "=+A1", -5, 1000, "-", -0.12]);
  });

  it("a month and year is a date shown mmm-yy; a table header keeps that text", async () => {
    const host = new MemoryExcelHost();
    const out = await write(host, [["Apr 2025", "April 2025", "Apr 2025 plan"]]);
    expect(out.values[0]).toEqual([45748, 45748, "Apr 2025 plan"]);
    expect(out.text[0]).toEqual(["Apr-25", "Apr-25", "Apr 2025 plan"]);
    const header = await host.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B3", true);
      const range = table.getHeaderRowRange();
      range.load("values");
      await context.sync();
      return range.values;
    });
    expect(header).toEqual([["Apr-25", "Apr-252"]]);
  });

  it("the text format keeps every one of them as written", async () => {
    const host = new MemoryExcelHost();
    const out = await write(host, [["-5 homes", "+A1", "0123", "Apr 2025"]], "@");
    expect(out.values[0]).toEqual(["-5 homes", "+A1", "0123", "Apr 2025"]);
  });
});
