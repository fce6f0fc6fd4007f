/**
 * Check, sign-off and watching for edits through the Excel gateway, on the in-memory host:
 * the Checks list written into the workbook, explanations kept, sync budgets, sign-off rules.
 */
import { findBuiltinFramework } from "../../src/core/framework";
import { measureRows } from "../../src/core/setup/measure-rows";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { countSyncs, readRange, tableInfo } from "./helpers";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const april2020 = { year: 2020, month: 4 };

/** The day the checks run on: 10 July 2020, when June is not yet due (15 July). */
const JULY_10 = () => new Date(2020, 6, 10);

/** A return filled properly for April to June: steady figures, breakdowns adding up to their totals. */
async function cleanReturn() {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host, { today: JULY_10 });
  await gateway.setUp(v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, april2020);
  await host.userEdit("Return", "B5:B7", [[5200], ["Sam Jones"], ["sam.jones@riverside.example.org"]]);
  const rows = measureRows(v1);
  const figures = rows.map((row) => {
    const parts = row.measure.breakdowns.length;
    const base = row.kind === "stock" ? 400 : 120;
    const one = (m: number) => base + m * 6;
    if (row.breakdown === "Total") return [0, 1, 2].map((m) => one(m) * parts);
    return [0, 1, 2].map(one);
  });
  await host.userEdit("Measures", `F2:H${rows.length + 1}`, figures);
  return { host, gateway, rows };
}

async function checksTable(host: MemoryExcelHost): Promise<unknown[][]> {
  const used = await host.run(async (context) => {
    const body = context.workbook.tables.getItem("Checks").getRange();
    body.load("values");
    await context.sync();
    return body.values;
  });
  return used;
}

describe("Check through the gateway", () => {
  it("a clean return gives no error and no warning, and an empty Checks list", async () => {
    const { host, gateway } = await cleanReturn();
    const { result } = await gateway.check();
    expect(result.issues).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, accepted: 0 });
    expect(await checksTable(host)).toEqual([["Severity", "Code", "Sheet", "Cell", "Message", "Explanation", "Check"], ["", "", "", "", "", "", ""]]);
  });

  it("reads in 2 syncs and writes in 1, whatever the size", async () => {
    const { host, gateway } = await cleanReturn();
    await host.userEdit("Measures", "F2:Q21", Array.from({ length: 20 }, () => Array<string>(12).fill("x")));
    expect(await countSyncs(host, () => gateway.check())).toBe(3);
    const { result } = await gateway.check();
    expect(result.summary.errors).toBeGreaterThanOrEqual(240);
    expect((await checksTable(host)).length).toBe(result.issues.length + 1);
  });

  it("writes each issue with its sheet and cell, errors first, and highlights nothing of the user's", async () => {
    const { host, gateway } = await cleanReturn();
    await host.userEdit("Measures", "G2", [["12a"]]);
    await host.userEdit("Measures", "H2", [["'132"]]);
    const { result } = await gateway.check();
    expect(result.issues.map((i) => [i.severity, i.code, i.sheet, i.cell])).toEqual(
      expect.arrayContaining([
        ["error", "not-a-number", "Measures", "G2"],
        ["warning", "number-stored-as-text", "Measures", "H2"],
      ]),
    );
    const rows = await checksTable(host);
    expect(rows[1]!.slice(0, 4)).toEqual(["Error", "not-a-number", "Measures", "G2"]);
    expect(String(rows[1]![4])).toMatch(/"12a" is not a number/);
    expect(rows.find((r) => r[1] === "number-stored-as-text")?.slice(0, 4)).toEqual(["Warning", "number-stored-as-text", "Measures", "H2"]);
    // The cells keep their own fill: highlighting is by conditional format, driven by this table.
    expect(host.cell("Measures", "G2").fillColor).toBeNull();
    const formats = host.workbook.sheets.find((s) => s.name === "Measures")!.conditionalFormats;
    expect(formats.map((f) => f.fillColor).sort()).toEqual(["#FFC7CE", "#FFEB9C"]);
  });

  it("keeps an explanation typed against a warning, which then counts as accepted", async () => {
    const { host, gateway } = await cleanReturn();
    await host.userEdit("Measures", "H2", [["'132"]]);
    const first = await gateway.check();
    expect(first.result.summary.warnings).toBeGreaterThan(0);
    const rows = await checksTable(host);
    const index = rows.findIndex((r) => r[1] === "number-stored-as-text");
    await host.userEdit("Checks", `F${index + 1}`, [["Pasted from the finance report; the figure is right."]]);
    const second = await gateway.check();
    const accepted = second.result.issues.find((i) => i.code === "number-stored-as-text")!;
    expect(accepted).toMatchObject({ accepted: true, explanation: "Pasted from the finance report; the figure is right." });
    expect(second.result.summary.accepted).toBe(1);
    expect(second.result.summary.warnings).toBe(first.result.summary.warnings - 1);
    expect((await checksTable(host)).find((r) => r[1] === "number-stored-as-text")?.[5]).toBe("Pasted from the finance report; the figure is right.");
  });
});

describe("Mark ready to send", () => {
  it("is refused while there are errors, and records who, when and a checksum when clean", async () => {
    const { host, gateway } = await cleanReturn();
    await host.userEdit("Measures", "G2", [["12a"]]);
    const refused = await gateway.signOff("Pat Lee", new Date(2020, 6, 10));
    expect(refused.refusal).toMatch(/1 error to fix/);
    expect((await readRange(host, "Return", "B9:B12")).flat()).toEqual(["", "", "", ""]);

    await host.userEdit("Measures", "G2", [[126]]);
    expect(await countSyncs(host, () => gateway.signOff("Pat Lee", new Date(2020, 6, 10)))).toBe(3);
    const [by, on, , checksum] = (await readRange(host, "Return", "B9:B12")).flat();
    expect(by).toBe("Pat Lee");
    expect(on).toBe(44022);
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    // The checksum has its own row, added below the ten fields at the first sign-off, locked.
    expect((await readRange(host, "Return", "A12"))[0]).toEqual(["Data checksum"]);
    expect((await tableInfo(host, "ReturnDetails")).rows).toBe(11);
    await expect(host.userEdit("Return", "B12", [["edited"]])).rejects.toThrow(/protected/);
    expect((await gateway.check()).result.issues).toEqual([]);

    // A figure changed after sign-off is noticed on the next check, at its cell.
    await host.userEdit("Measures", "F2", [[121]]);
    const after = await gateway.check();
    expect(after.result.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([["changed-after-sign-off", "Measures", "F2"]]);
    expect(after.result.issues[0]!.message).toMatch(/^Welfare calls made \(Apr 2020\) has changed since the return was marked ready to send/);
    // Signing off again rewrites the checksum in its row rather than adding another.
    expect((await gateway.signOff("Pat Lee", new Date(2020, 6, 11))).refusal).toBeUndefined();
    expect((await tableInfo(host, "ReturnDetails")).rows).toBe(11);
    expect((await gateway.check()).result.issues).toEqual([]);
  });

  it("says where the return goes and by when, and names every cell changed since", async () => {
    const { host, gateway } = await cleanReturn();
    const done = await gateway.signOff("Pat Lee", new Date(2020, 6, 10));
    expect(done.refusal).toBeUndefined();
    // The built-in framework names no address: the due date is the 15th after the latest month with figures.
    expect(done.submission).toEqual({ dueDate: "2020-07-15", month: "2020-06", yearStart: "2020-04", dueDay: 15 });
    // The fingerprints are kept on the hidden Framework sheet, in a FrameworkInfo row of their own.
    const info = await readRange(host, "Framework", "A1:B7");
    expect(info[6]![0]).toBe("Sign-off cells");
    expect(String(info[6]![1])).toMatch(/^1:[0-9a-f]{8}:[A-Za-z0-9_-]+$/);

    await host.userEdit("Measures", "H3", [[999]]);
    await host.userEdit("Measures", "G2", [[""]]);
    await host.userEdit("Return", "B5", [[5300]]);
    const { result } = await gateway.check();
    const changed = result.issues.filter((i) => i.code === "changed-after-sign-off").map((i) => `${i.sheet}!${i.cell}`);
    expect(changed).toEqual(["Return!B5", "Measures!G2", "Measures!H3"]);
  });

  it("a return signed off before the cells were recorded still says the data changed, at the checksum", async () => {
    const { host, gateway } = await cleanReturn();
    expect((await gateway.signOff("Pat Lee", new Date(2020, 6, 10))).refusal).toBeUndefined();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Framework");
      sheet.protection.unprotect();
      sheet.getRange("B7").values = [[""]];
      await context.sync();
    });
    await host.userEdit("Measures", "F2", [[121]]);
    const { result } = await gateway.check();
    expect(result.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([["changed-after-sign-off", "Return", "B12"]]);
  });

  it("a blank return has the no-figures error and cannot be marked ready", async () => {
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host, { today: () => new Date(2020, 7, 20) });
    await gateway.setUp(v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, april2020);
    const { result } = await gateway.check();
    expect(result.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.sheet, i.cell])).toEqual([["no-figures", "Measures", "F2"]]);
    // On 20 August 2020, April to July are overdue.
    expect(result.issues.filter((i) => i.code === "month-overdue").map((i) => i.cell)).toEqual(["F1", "G1", "H1", "I1"]);
    expect(result.progress).toMatchObject({ reported: 0, months: 12, next: { month: "2020-04", label: "April 2020", dueDate: "2020-05-15", overdue: true } });
    expect(result.submission).toBeUndefined();
    const refused = await gateway.signOff("Pat Lee", new Date(2020, 7, 20));
    expect(refused.refusal).toMatch(/1 error to fix/);
  });

  it("is refused while a warning has no explanation", async () => {
    const { host, gateway } = await cleanReturn();
    await host.userEdit("Measures", "H2", [["'132"]]);
    const refused = await gateway.signOff("Pat Lee", new Date(2020, 6, 10));
    expect(refused.refusal).toMatch(/1 warning needs fixing or an explanation/);
  });
});

describe("watching for edits", () => {
  it("reports the user's edits, including an explanation typed on the Checks sheet, not the add-in's own writes", async () => {
    const { host, gateway } = await cleanReturn();
    let edits = 0;
    const stop = await gateway.watchEdits(() => edits++);
    await host.userEdit("Measures", "I2", [[130]]);
    await host.settle();
    expect(edits).toBe(1);
    await gateway.check();
    await gateway.selectCell("Measures", "F2");
    await host.settle();
    expect(edits).toBe(1);
    await host.userEdit("Checks", "F2", [["note"]]);
    await host.settle();
    expect(edits).toBe(2);
    await stop();
    await host.userEdit("Measures", "I3", [[130]]);
    await host.settle();
    expect(edits).toBe(2);
  });
});
