/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- these tests break Office's load/sync rules on purpose to check that the host enforces them, and the rules misread ClientResult.value and navigation properties */
import { MemoryExcelHost } from "../../src/memory-host";
import { attempt } from "../support/attempt";

async function readValidation(host: MemoryExcelHost, address: string) {
  return host.run(async (context) => {
    const dv = context.workbook.worksheets.getItem("S").getRange(address).dataValidation;
    dv.load("rule, prompt, errorAlert, ignoreBlanks, type, valid");
    await context.sync();
    return { rule: dv.rule, prompt: dv.prompt, errorAlert: dv.errorAlert, ignoreBlanks: dv.ignoreBlanks, type: dv.type, valid: dv.valid };
  });
}

describe("data validation", () => {
  test("set, read back and clear", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S" }, { name: "Lists", rows: [["Higher"], ["Lower"], ["Same"]] }] });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("B2:B10");
      range.dataValidation.errorAlert = { message: "Whole numbers of 0 or more", showAlert: true, style: "Stop", title: "Count" };
      range.dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      range.dataValidation.prompt = { message: "Type a count", showPrompt: true, title: "Count" };
      const direction = context.workbook.worksheets.getItem("S").getRange("C2:C10");
      direction.dataValidation.rule = {
        list: { inCellDropDown: true, source: context.workbook.worksheets.getItem("Lists").getRange("A1:A3") },
      };
      await context.sync();
    });
    const sheet = host.workbook.sheets[0];
    expect(sheet?.dataValidations).toHaveLength(2);
    expect(sheet?.dataValidations[1]?.rule).toEqual({ list: { inCellDropDown: true, source: "=Lists!$A$1:$A$3" } });

    const count = await readValidation(host, "B2:B10");
    expect(count).toEqual({
      rule: { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
      prompt: { message: "Type a count", showPrompt: true, title: "Count" },
      errorAlert: { message: "Whole numbers of 0 or more", showAlert: true, style: "Stop", title: "Count" },
      ignoreBlanks: true,
      type: "WholeNumber",
      valid: true,
    });
    expect((await readValidation(host, "B3")).type).toBe("WholeNumber");
    expect((await readValidation(host, "B2:C2")).type).toBe("Inconsistent");
    expect((await readValidation(host, "B9:B11")).type).toBe("MixedCriteria");
    expect((await readValidation(host, "E5")).type).toBe("None");

    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("B5:C10").dataValidation.clear();
      await context.sync();
    });
    expect((await readValidation(host, "B5")).type).toBe("None");
    expect((await readValidation(host, "B2:B4")).type).toBe("WholeNumber");
    expect((await readValidation(host, "C2:C4")).type).toBe("List");
  });

  test("valid reflects the cells' values; a user's paste bypasses validation", async () => {
    const host = MemoryExcelHost.fromSnapshot({
      sheets: [
        {
          name: "S",
          dataValidations: [
            { range: "A1:A3", rule: { decimal: { formula1: 0, formula2: 100, operator: "Between" } } },
            { range: "B1:B2", rule: { list: { inCellDropDown: true, source: "Higher, Lower, Same" } } },
          ],
        },
      ],
    });
    expect((await readValidation(host, "A1:B3")).valid).toBe(true);
    await host.userEdit("S", "A1:B2", [
      [50, "higher"],
      [150, "Sideways"],
    ]);
    expect(host.cell("S", "A2").value).toBe(150);
    expect((await readValidation(host, "A1")).valid).toBe(true);
    expect((await readValidation(host, "A2")).valid).toBe(false);
    expect((await readValidation(host, "A1:A2")).valid).toBeNull();
    expect((await readValidation(host, "B1")).valid).toBe(true);
    expect((await readValidation(host, "B2")).valid).toBe(false);
  });

  test("rules are checked as Office checks them", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S" }] });
    const bad: unknown[] = [
      {},
      { wholeNumber: { formula1: 1, operator: "Between" } },
      { wholeNumber: { formula1: 1, operator: "Roughly" } },
      { wholeNumber: { formula1: 1, operator: "GreaterThan" }, decimal: { formula1: 1, operator: "GreaterThan" } },
      { list: { source: "" } },
      { custom: {} },
    ];
    for (const rule of bad) {
      expect(await attempt(host, (c) => (c.workbook.worksheets.getItem("S").getRange("A1").dataValidation.rule = rule as Excel.DataValidationRule))).toMatchObject({
        code: "InvalidArgument",
      });
    }
    expect(
      await attempt(host, (c) => (c.workbook.worksheets.getItem("S").getRange("A1").dataValidation.rule = { custom: { formula: "=ISNUMBER(A1)" } })),
    ).toBeUndefined();
  });
});

describe("conditional formats", () => {
  test("add a custom format, read it back, count and clear", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "S" }] });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("B2:B20");
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=AND(B2<>"",NOT(ISNUMBER(B2)))';
      cf.custom.format.fill.color = "#FFC000";
      cf.custom.format.font.color = "#9C0006";
      const second = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      second.custom.rule.formula = "=B2<0";
      second.custom.format.font.bold = true;
      await context.sync();
    });
    const sheet = host.workbook.sheets[0];
    expect(sheet?.conditionalFormats.map((cf) => [cf.formula, cf.fillColor, cf.fontColor, cf.bold])).toEqual([
      ["=B2<0", null, null, true], // the newest has priority 0
      ['=AND(B2<>"",NOT(ISNUMBER(B2)))', "#FFC000", "#9C0006", null],
    ]);
    await host.run(async (context) => {
      const formats = context.workbook.worksheets.getItem("S").getRange("B5").conditionalFormats;
      const count = formats.getCount();
      formats.load("items/type, items/priority, items/custom/rule/formula, items/custom/format/fill/color");
      const none = context.workbook.worksheets.getItem("S").getRange("D1").conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(2);
      expect(none.value).toBe(0);
      expect(formats.items.map((f) => [f.type, f.priority, f.custom.rule.formula, f.custom.format.fill.color])).toEqual([
        ["Custom", 0, "=B2<0", null],
        ["Custom", 1, '=AND(B2<>"",NOT(ISNUMBER(B2)))', "#FFC000"],
      ]);
      const range = formats.items[1]?.getRange().load("address");
      await context.sync();
      expect(range?.address).toBe("S!B2:B20");
    });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("B2:B20").conditionalFormats.clearAll();
      await context.sync();
    });
    expect(sheet?.conditionalFormats).toHaveLength(0);
  });

  test("other kinds of conditional format are not implemented, loudly", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const formats = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").conditionalFormats;
      expect(() => formats.add("DataBar")).toThrow('Memory Excel host: ConditionalFormatCollection.add("DataBar") is not implemented');
    });
  });

  test("conditional formats need ExcelApi 1.6", async () => {
    const host = new MemoryExcelHost({ apiVersion: "1.5" });
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.conditionalFormats).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      expect(() => range.dataValidation).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
  });
});
