/** The "anything typed" rule (src/preview/work-at-risk.ts): when replacing the workbook asks first, and what it says. */
import { MemoryExcelHost } from "../../src/memory-host";
import { contentKey, isBlank, replaceQuestion, summariseWork, workAtRisk } from "../../src/preview/work-at-risk";

describe("work at risk", () => {
  it("a new workbook, untouched or typed into and cleared again, has nothing to lose", async () => {
    const host = new MemoryExcelHost();
    const opened = contentKey(host.snapshot());
    expect(isBlank(host.snapshot())).toBe(true);
    expect(workAtRisk(host.snapshot(), opened)).toBeUndefined();
    expect(workAtRisk(host.snapshot(), undefined)).toBeUndefined();
    await host.userEdit("Sheet1", "B2", [["typed"]]);
    expect(workAtRisk(host.snapshot(), opened)).toEqual({ filledCells: 1, sheetsWithCells: 1, sheets: 1 });
    await host.userEdit("Sheet1", "B2", [[""]]);
    expect(workAtRisk(host.snapshot(), opened)).toBeUndefined();
  });

  it("a workbook as it was opened (the sample, untouched) asks nothing, moving around included; any change asks", async () => {
    const host = MemoryExcelHost.fromSnapshot({
      sheets: [
        { name: "Return", cells: { A1: "Organisation", B1: "Riverside Homes", A2: "Code", B2: "RH01" } },
        { name: "Measures", cells: { A1: "Code", B2: { formula: "=1+1", calculated: 2 }, C3: { value: "", fillColor: "#FFFF00" } } },
        { name: "Notes" },
      ],
    });
    const opened = contentKey(host.snapshot());
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Measures").getRange("C7").select();
      await context.sync();
    });
    expect(workAtRisk(host.snapshot(), opened)).toBeUndefined();
    await host.userEdit("Return", "B2", [["RH02"]]);
    const risk = workAtRisk(host.snapshot(), opened);
    // Four on Return, two on Measures (C3 has a fill and no value).
    expect(risk).toEqual({ filledCells: 6, sheetsWithCells: 2, sheets: 3 });
    expect(summariseWork(host.snapshot())).toEqual(risk);
  });

  it("work restored from this browser asks from the start", () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "Sheet1", cells: { A1: 1 } }] });
    expect(workAtRisk(host.snapshot(), undefined)).toEqual({ filledCells: 1, sheetsWithCells: 1, sheets: 1 });
  });

  it("a workbook changed without filled cells (a sheet added) still asks", async () => {
    const host = new MemoryExcelHost();
    const opened = contentKey(host.snapshot());
    await host.run(async (context) => {
      context.workbook.worksheets.add("Plans");
      await context.sync();
    });
    expect(workAtRisk(host.snapshot(), opened)).toEqual({ filledCells: 0, sheetsWithCells: 0, sheets: 2 });
  });

  it("says in plain words what will be lost and by what", () => {
    expect(replaceQuestion({ filledCells: 37, sheetsWithCells: 4, sheets: 9 }, "empty")).toBe(
      "The workbook has 37 filled cells on 4 sheets. They will be replaced by an empty workbook.",
    );
    expect(replaceQuestion({ filledCells: 1, sheetsWithCells: 1, sheets: 1 }, "sample")).toBe("The workbook has 1 filled cell on 1 sheet. It will be replaced by the sample return.");
    expect(replaceQuestion({ filledCells: 1_234, sheetsWithCells: 2, sheets: 2 }, "previous")).toBe(
      "The workbook has 1,234 filled cells on 2 sheets. They will be replaced by the workbook you had before.",
    );
    expect(replaceQuestion({ filledCells: 0, sheetsWithCells: 0, sheets: 2 }, "empty")).toBe("The workbook has 2 sheets with changes but no filled cells. It will be replaced by an empty workbook.");
  });
});
