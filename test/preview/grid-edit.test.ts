/**
 * The preview grid's editing rules (clipboard blocks, moves, ####, spill) and the host's typed
 * edit: data validation's stop alert for typing, protection first, a paste bypassing validation.
 */
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { DataValidationAlert, DEFAULT_VALIDATION_MESSAGE } from "../../src/memory-host/host";
import { fitNumber, moved, moveFor, parseClipboardText, spillWidth, typedTextFor } from "../../src/preview/grid-edit";
import { buildSampleReturn } from "../../src/preview/sample-return";

const sevenPx = (text: string) => text.length * 7;

describe("grid editing rules", () => {
  it("reads a clipboard block as Excel does", () => {
    expect(parseClipboardText("1\t2\r\n3\t4\r\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(parseClipboardText("a\nb\tc")).toEqual([
      ["a", ""],
      ["b", "c"],
    ]);
    expect(parseClipboardText('"two\nlines"\t"say ""hi"""\n')).toEqual([["two\nlines", 'say "hi"']]);
    expect(parseClipboardText("650")).toEqual([["650"]]);
    expect(parseClipboardText("\t\n")).toEqual([["", ""]]);
  });

  it("moves with arrows, Enter and Tab, within the sheet", () => {
    expect(moveFor("Enter", false)).toEqual({ dr: 1, dc: 0 });
    expect(moveFor("Enter", true)).toEqual({ dr: -1, dc: 0 });
    expect(moveFor("Tab", false)).toEqual({ dr: 0, dc: 1 });
    expect(moveFor("a", false)).toBeUndefined();
    expect(moved(0, 0, { dr: -1, dc: -1 })).toEqual({ row: 0, col: 0 });
  });

  it("shows #### for a number wider than its column, and lets text spill into empty neighbours", () => {
    expect(fitNumber("1,840", 64, sevenPx)).toBe("1,840");
    expect(fitNumber("18,450.00", 48, sevenPx)).toBe("#####");
    expect(spillWidth("A long piece of text", 0, [64, 64, 64, 64], () => true, sevenPx)).toBe(192);
    expect(spillWidth("A long piece of text", 0, [64, 64, 64, 64], (c) => c !== 1, sevenPx)).toBe(64);
    expect(spillWidth("short", 0, [64, 64], () => true, sevenPx)).toBe(64);
  });
});

describe("typing in the in-memory host (userType)", () => {
  async function sample() {
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host);
    await buildSampleReturn(gateway, (sheet, address, values) => host.userEdit(sheet, address, values));
    return { host, gateway };
  }

  it("refuses a typed value the cell's validation does not allow, with the rule's alert, and changes nothing", async () => {
    const { host } = await sample();
    const before = host.workbook.version;
    const refusal = await host.userType("Measures", "J2", "12.5").catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DataValidationAlert);
    expect(refusal).toMatchObject({ style: "Stop", title: "Not a valid figure" });
    expect((refusal as Error).message).toMatch(/enter a whole number/);
    expect(host.workbook.version).toBe(before);
    expect(host.cell("Measures", "J2").value).toBe("");

    await host.userType("Measures", "J2", "650");
    expect(host.cell("Measures", "J2").value).toBe(650);
    // A paste bypasses validation, as in Excel.
    await host.userEdit("Measures", "J3", [["12.5"]]);
    expect(host.cell("Measures", "J3").value).toBe(12.5);
  });

  it("refuses locked cells of a protected sheet with AccessDenied before validation", async () => {
    const { host } = await sample();
    await expect(host.userType("Measures", "A2", "X")).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("lets a Warning alert be confirmed, and uses Excel's words when the rule has none", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2");
      range.dataValidation.rule = { wholeNumber: { formula1: 0, formula2: 10, operator: "Between" } };
      range.dataValidation.errorAlert = { showAlert: true, style: "Warning", title: "", message: "" };
      await context.sync();
    });
    const refusal = await host.userType("Sheet1", "A1", "99").catch((e: unknown) => e);
    expect(refusal).toMatchObject({ style: "Warning", title: "Microsoft Excel", message: DEFAULT_VALIDATION_MESSAGE });
    await host.userType("Sheet1", "A1", "99", { confirmed: true });
    expect(host.cell("Sheet1", "A1").value).toBe(99);
  });
});

describe("the sample return's remaining month", () => {
  // The e2e walk fills August so: July's figures again, with 3 staff still redeployed (a warning to explain).
  it("August like July with 3 staff redeployed leaves one warning, on August's figure", async () => {
    const { host, gateway } = await sample2();
    const august = [];
    for (let row = 2; row <= 21; row++) august.push([row === 20 ? 3 : host.cell("Measures", `I${row}`).value]);
    await host.userEdit("Measures", "J2:J21", august as never);
    const { result } = await gateway.check();
    // (Months after August are overdue only by today's date: not what this is about.)
    expect(result.issues.filter((i) => i.code !== "month-overdue").map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual(["month-out-of-line Measures!J20"]);
  });
});

async function sample2() {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  await buildSampleReturn(gateway, (sheet, address, values) => host.userEdit(sheet, address, values));
  return { host, gateway };
}

describe("typedTextFor: what picking a dropdown item types", () => {
  it("types a date item as shown when that gives the date back, else its serial", () => {
    expect(typedTextFor({ value: 46235, text: "Aug 2026" }, "mmm yyyy")).toBe("Aug 2026");
    expect(typedTextFor({ value: 46235, text: "Aug 2026" }, "General")).toBe("Aug 2026");
    expect(typedTextFor({ value: 46235, text: "Q2" }, "General")).toBe("46235");
  });
  it("keeps text as text: an apostrophe where typing would make a number, date or formula", () => {
    expect(typedTextFor({ value: "Yes", text: "Yes" }, "General")).toBe("Yes");
    expect(typedTextFor({ value: "Aug 2026", text: "Aug 2026" }, "General")).toBe("'Aug 2026");
    expect(typedTextFor({ value: "Aug 2026", text: "Aug 2026" }, "@")).toBe("Aug 2026");
    expect(typedTextFor({ value: "007", text: "007" }, "General")).toBe("'007");
    expect(typedTextFor({ value: "-x", text: "-x" }, "General")).toBe("'-x");
    expect(typedTextFor({ value: true, text: "TRUE" }, "General")).toBe("TRUE");
  });
});
