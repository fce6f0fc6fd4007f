/**
 * Set up against the in-memory host, for the rules real Excel enforces and the host reproduces:
 * a failed upgrade restores protection; names share one namespace; text stays text on every
 * write path; conditional-format formulas stay within Excel's limit.
 */
import { findBuiltinFramework } from "../../src/core/framework";
import { UserFacingError } from "../../src/excel/errors";
import { queueOperations } from "../../src/excel/apply";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { readFormulas, readRange, sheetNames, tableInfo } from "./helpers";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const april2020 = { year: 2020, month: 4 };
const details = { organisation: "Riverside Homes", organisationCode: "0123" };

async function setUpNew() {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  await gateway.setUp(v1, details, april2020);
  return { host, gateway };
}

function protectionOf(host: MemoryExcelHost): Record<string, { protected: boolean; allowFormatCells: boolean; allowFormatColumns: boolean }> {
  return Object.fromEntries(
    host.workbook.sheets.map((s) => [
      s.name,
      { protected: s.protection.protected, allowFormatCells: s.protection.options.allowFormatCells ?? false, allowFormatColumns: s.protection.options.allowFormatColumns ?? false },
    ]),
  );
}

describe("a failed upgrade restores protection (issue 8, item 11)", () => {
  it("puts back every sheet's protection, with its options, and removes only the sheets it added", async () => {
    const { host, gateway } = await setUpNew();
    // The user protects Return differently, deletes the Checks sheet and password-protects
    // Stakeholders: Set up unprotects Return and Measures, then fails on Stakeholders.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Checks").delete();
      const ret = context.workbook.worksheets.getItem("Return");
      ret.protection.unprotect();
      ret.protection.protect({ allowFormatCells: true, allowFormatColumns: false });
      const sheet = context.workbook.worksheets.getItem("Stakeholders");
      sheet.protection.unprotect();
      sheet.protection.protect({}, "secret");
      await context.sync();
    });
    const before = protectionOf(host);
    const error = await gateway.setUp(v1, {}, april2020).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toMatch(/^Set up could not finish: .*protection was put back as it was/);
    expect((await sheetNames(host)).map((s) => s.name)).not.toContain("Checks");
    expect(protectionOf(host)).toEqual(before);
    // the user's entry cells are still guarded
    await expect(host.userEdit("Measures", "A2", [["changed"]])).rejects.toThrow(/protected/);
  });

  it("says exactly which sheets were left unprotected when it cannot put protection back", async () => {
    const { host, gateway } = await setUpNew();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Checks").delete();
      const sheet = context.workbook.worksheets.getItem("Stakeholders");
      sheet.protection.unprotect();
      sheet.protection.protect({}, "secret");
      await context.sync();
    });
    // Every later batch fails (Excel closed the workbook, say): the rollback cannot run.
    const run = host.run.bind(host);
    let calls = 0;
    jest.spyOn(host, "run").mockImplementation(((batch: Parameters<typeof run>[0]) => {
      calls++;
      if (calls > 1) return Promise.reject(Object.assign(new Error("The workbook is closed."), { code: "GeneralException" }));
      return run(batch);
    }) as typeof host.run);
    const error = (await gateway.setUp(v1, {}, april2020).catch((e: unknown) => e)) as UserFacingError;
    expect(error.message).toMatch(/It could not undo everything: 'Return', 'Measures', .* left unprotected \(protect again with Review > Protect Sheet\)/);
  });
});

describe("conditional-format formulas stay within Excel's limit (issue 8, item 12)", () => {
  // The warning highlight as Set up wrote it before, with the Checks columns spelt out: 279 characters.
  const errors = `COUNTIFS(Checks!$C$2:$C$10000,"Case studies",Checks!$D$2:$D$10000,ADDRESS(ROW(),COLUMN(),4),Checks!$A$2:$A$10000,"Error")`;
  const warnings = `COUNTIFS(Checks!$C$2:$C$10000,"Case studies",Checks!$D$2:$D$10000,ADDRESS(ROW(),COLUMN(),4),Checks!$A$2:$A$10000,"Warning",Checks!$F$2:$F$10000,"")`;
  const long = `=AND(${warnings}>0,${errors}=0)`;

  it("the host refuses a formula over 255 characters, as Excel does, and keeps the rule as it was", async () => {
    const host = new MemoryExcelHost();
    const attempt = (formula: string) =>
      host
        .run(async (context) => {
          const format = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").conditionalFormats.add("Custom");
          format.custom.rule.formula = formula;
          await context.sync();
        })
        .catch((e: unknown) => e);
    expect(long.length).toBeGreaterThan(255);
    expect(await attempt(long)).toMatchObject({ code: "InvalidArgument" });
    expect(await attempt(`=${"A1+".repeat(84)}12`)).toBeUndefined(); // 255 characters
    expect(await attempt(`=${"A1+".repeat(84)}123`)).toMatchObject({ code: "InvalidArgument" }); // 256
  });

  it("Set up's highlights refer to the Checks columns through defined names, each formula within the limit", async () => {
    const { host, gateway } = await setUpNew();
    const formulas = host.workbook.sheets.flatMap((s) => s.conditionalFormats.map((cf) => cf.formula));
    expect(formulas).toHaveLength(12);
    for (const formula of formulas) expect(formula.length).toBeLessThanOrEqual(255);
    const names = await host.run(async (context) => {
      const items = context.workbook.names;
      items.load("items/name,items/formula");
      await context.sync();
      return items.items.map((n) => [n.name, n.formula]);
    });
    expect(names).toEqual([
      ["IR_CheckSheet", "=Checks!$C$2:$C$10000"],
      ["IR_CheckCell", "=Checks!$D$2:$D$10000"],
      ["IR_CheckSeverity", "=Checks!$A$2:$A$10000"],
      ["IR_CheckExplanation", "=Checks!$F$2:$F$10000"],
    ]);
    // Running Set up again does not define them twice (Excel would refuse: ItemAlreadyExists).
    await expect(gateway.setUp(v1, {}, april2020)).resolves.toBeDefined();
  });
});

describe("names share one namespace (issue 8, item 10)", () => {
  it("the host refuses a table named like a defined name, as Excel does", async () => {
    const host = new MemoryExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.names.add("Measures", "=Sheet1!$A$1:$A$3");
        await context.sync();
        const table = context.workbook.worksheets.getItem("Sheet1").tables.add("C1:D3", true);
        table.name = "measures";
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  it("Set up reports a defined name called like one of its tables as a blocker, before changing anything", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").values = [[1], [2], [3]];
      context.workbook.names.add("Measures", "=Sheet1!$A$1:$A$3");
      await context.sync();
    });
    const gateway = createExcelGateway(host);
    const plan = await gateway.previewSetup(v1, details, april2020);
    expect(plan.blockers).toEqual([expect.stringMatching(/already has a defined name 'Measures' \(Formulas > Name Manager\).*cannot name its table Measures/)]);
    host.resetSyncCount();
    const error = (await gateway.setUp(v1, details, april2020).catch((e: unknown) => e)) as UserFacingError;
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toMatch(/^Set up did not change anything: The workbook already has a defined name 'Measures'/);
    expect(host.syncCount).toBeLessThanOrEqual(2);
    expect((await sheetNames(host)).map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("text stays text on every write path (issue 8, item 9)", () => {
  const awkward = ["0123", "-5 homes", "+44 20 7946 0000", "Apr 2025", "=not a formula"];

  it("appendRows and appendColumns write text as text, numbers and formulas as they are", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const table = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:G2", true);
      table.name = "T";
      await context.sync();
      queueOperations(context, [
        { kind: "appendColumns", table: "T", headers: ["Apr 2021", "0123"] },
        { kind: "appendRows", table: "T", rows: [[...awkward, 42, { formula: "=F3*2" }, null, "May 2021"]] },
      ]);
      await context.sync();
    });
    expect((await tableInfo(host, "T")).headers.slice(7)).toEqual(["Apr 2021", "0123"]);
    expect((await readRange(host, "Sheet1", "A3:I3"))[0]).toEqual([...awkward, 42, "", "", "May 2021"]);
    expect((await readFormulas(host, "Sheet1", "G3"))[0]).toEqual(["=F3*2"]);
  });

  it("Set up's table headers stay exactly 'Apr 2020' (Excel would read them as dates, 'Apr-20')", async () => {
    const { host } = await setUpNew();
    expect((await tableInfo(host, "Measures")).headers.slice(5, 8)).toEqual(["Apr 2020", "May 2020", "Jun 2020"]);
  });

  it("a month header Excel turned into a date is the same column: Set up puts it back as text and adds no column", async () => {
    const { host, gateway } = await setUpNew();
    await host.userEdit("Measures", "F2", [[120]]);
    // As in a workbook whose header was typed into a General cell: Excel keeps the date's text.
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Measures");
      sheet.protection.unprotect();
      sheet.getRange("F1").numberFormat = [["General"]];
      sheet.getRange("F1").values = [["Apr 2020"]];
      await context.sync();
    });
    expect((await tableInfo(host, "Measures")).headers[5]).toBe("Apr-20");
    const outcome = await gateway.setUp(v1, {}, april2020);
    expect(outcome.plan.changes.find((c) => c.sheet === "Measures")?.detail).not.toMatch(/restores column/);
    const info = await tableInfo(host, "Measures");
    expect(info.address).toBe("Measures!A1:Q22");
    expect(info.headers[5]).toBe("Apr 2020");
    expect(await readRange(host, "Measures", "F2")).toEqual([[120]]);
  });
});
