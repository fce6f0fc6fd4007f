/**
 * The Excel gateway's Set up, against the in-memory Excel host: what it inserts, what it costs in
 * syncs, that re-running and upgrading keep every entry, and that it never overwrites a foreign sheet.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findBuiltinFramework, parseFrameworkText, type Framework } from "../../src/core/framework";
import { columnWidthPoints } from "../../src/excel/apply";
import { createExcelGateway } from "../../src/excel/gateway";
import { UserFacingError } from "../../src/excel/errors";
import { MemoryExcelHost } from "../../src/memory-host";
import { countSyncs, readFormulas, readRange, sheetNames, tableInfo } from "./helpers";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const v2 = parseFrameworkText(readFileSync(join(__dirname, "..", "fixtures", "frameworks", "community-investment-monthly.v2.json"), "utf8"), "v2");
const april2020 = { year: 2020, month: 4 };
const details = { organisation: "Riverside Homes", organisationCode: "0123" };

async function setUpNew(framework: Framework = v1) {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  await gateway.setUp(framework, details, april2020);
  return { host, gateway };
}

/** Fills entries as an officer would: typing into unlocked cells of the protected sheets. */
async function fillEntries(host: MemoryExcelHost): Promise<void> {
  await host.userEdit("Measures", "F2:H2", [[120, 135, 98]]);
  await host.userEdit("Measures", "F3:G4", [[40, 52], [10, 12]]);
  await host.userEdit("Return", "B5", [[5200]]);
  await host.userEdit("Return", "B7", [["officer@riverside.example.org"]]);
  await host.userEdit("Stakeholders", "C2:D2", [[850, "Fewer feel alone"]]);
  await host.userEdit("Stakeholders", "A9:B9", [["Young carers", "Carers under 18"]]);
  await host.userEdit("Outcomes", "A2:O2", [["Older residents", "Welfare calls", "Calls made", "Less isolated", "Social isolation", "Self-reported", "Survey", 40, 1, 150, "Own survey", 0.2, 0.1, 0, 0]]);
  await host.userEdit("Case studies", "A2:G2", [["Mrs B's story", "May 2020", "Social isolation", "Older residents", "Called weekly.", "Before, no contact.", "Yes"]]);
}

/** The user unprotects a sheet and adds rows inside a table (allowed: Set up re-protects later). */
async function userAddsImpactRows(host: MemoryExcelHost, count: number): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem("Outcomes").protection.unprotect();
    const rows = Array.from({ length: count }, (_, i) => [`Group ${i}`, "Activity", "", "", "", "", "", i + 1, "", 10, "", "", "", "", "", ""]);
    context.workbook.tables.getItem("ImpactMap").rows.add(undefined, rows);
    await context.sync();
  });
}

describe("Set up on an empty workbook", () => {
  it("adds the return sheets in order, the Framework sheet hidden, each with its table; the empty Sheet1 is gone", async () => {
    const { host } = await setUpNew();
    expect(await sheetNames(host)).toEqual([
      { name: "Return", visibility: "Visible" },
      { name: "Measures", visibility: "Visible" },
      { name: "Stakeholders", visibility: "Visible" },
      { name: "Outcomes", visibility: "Visible" },
      { name: "Case studies", visibility: "Visible" },
      { name: "Reflections", visibility: "Visible" },
      { name: "Checks", visibility: "Visible" },
      { name: "Framework", visibility: "Hidden" },
    ]);
    expect(await tableInfo(host, "Measures")).toMatchObject({ address: "Measures!A1:Q22", rows: 21 });
    expect((await tableInfo(host, "Measures")).headers.slice(4, 7)).toEqual(["Kind", "Apr 2020", "May 2020"]);
    expect(await tableInfo(host, "ImpactMap")).toMatchObject({ address: "Outcomes!A1:P101" });
    expect(await tableInfo(host, "CaseStudies")).toMatchObject({ address: "'Case studies'!A1:G51" });
  });

  it("writes the details as text where text is meant, so a code keeps its leading zero", async () => {
    const { host } = await setUpNew();
    expect(await readRange(host, "Return", "A2:B4")).toEqual([
      ["Organisation", "Riverside Homes"],
      ["Organisation code", "0123"],
      ["Reporting year start", 43922],
    ]);
    expect(await readRange(host, "Framework", "A2:B3")).toEqual([
      ["Framework id", "community-investment-monthly"],
      ["Framework version", 1],
    ]);
    // The months the Month dropdowns offer are dates (each month's first day), shown "Apr 2020".
    expect((await readRange(host, "Framework", "F2:F3")).flat()).toEqual([43922, 43952]);
    expect([host.cell("Framework", "F2").text, host.cell("Framework", "F3").text]).toEqual(["Apr 2020", "May 2020"]);
  });

  it("gives measure cells their rule, guidance and format; key columns locked; sheet protected", async () => {
    const { host } = await setUpNew();
    const cell = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Measures");
      const f2 = sheet.getRange("F2");
      f2.load("numberFormat,dataValidation/rule,dataValidation/prompt,dataValidation/errorAlert,format/protection/locked");
      const a2 = sheet.getRange("A2");
      a2.load("format/protection/locked");
      sheet.load("protection/protected");
      await context.sync();
      return {
        rule: f2.dataValidation.rule,
        prompt: f2.dataValidation.prompt,
        alert: f2.dataValidation.errorAlert,
        format: f2.numberFormat,
        entryLocked: f2.format.protection.locked,
        keyLocked: a2.format.protection.locked,
        protectedSheet: sheet.protection.protected,
      };
    });
    expect(cell.rule.wholeNumber).toMatchObject({ formula1: 0, formula2: 1000000, operator: "Between" });
    expect(cell.prompt).toMatchObject({ showPrompt: true, title: "Welfare calls made", message: v1.measures[0]!.guidance });
    expect(cell.alert).toMatchObject({ showAlert: true, style: "Stop" });
    expect(cell.format).toEqual([["#,##0"]]);
    expect(cell).toMatchObject({ entryLocked: false, keyLocked: true, protectedSheet: true });
  });

  it("refuses a typed entry in a locked cell, as protected Excel does", async () => {
    const { host } = await setUpNew();
    await expect(host.userEdit("Measures", "A2", [["HACKED"]])).rejects.toThrow(/protected/);
    await expect(host.userEdit("Measures", "F2", [[12]])).resolves.not.toThrow();
  });

  it("puts the live impact formula on every impact-map row", async () => {
    const { host } = await setUpNew();
    const formulas = await readFormulas(host, "Outcomes", "P2:P3");
    expect(formulas[1]![0]).toBe('=IF(OR(H3="",J3=""),"",H3*J3*(1-N(L3))*(1-N(M3))*(1-N(N3))*IF(N(O3)=0,IF(I3="",1,I3),(1-(1-N(O3))^IF(I3="",1,I3))/N(O3)))');
  });
});

describe("the sync budget", () => {
  it("Set up costs at most 3 syncs, on a new workbook and on an existing one", async () => {
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host);
    expect(await countSyncs(host, () => gateway.setUp(v1, details, april2020))).toBeLessThanOrEqual(3);
    await fillEntries(host);
    expect(await countSyncs(host, () => gateway.setUp(v2, details, april2020))).toBeLessThanOrEqual(3);
    expect(await countSyncs(host, () => gateway.previewSetup(v2, details, april2020))).toBeLessThanOrEqual(2);
  });

  it("stays at 3 syncs whatever the framework's size", async () => {
    const huge = {
      ...v1,
      measures: Array.from({ length: 300 }, (_, i) => ({ ...v1.measures[1]!, code: `MEASURE_${i}`, label: `Measure ${i}` })),
    };
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host);
    // a new workbook has none of our tables to read, so the read takes one sync; one more looks
    // at its empty Sheet1 (to delete it), one writes
    expect(await countSyncs(host, () => gateway.setUp(huge, details, april2020))).toBe(3);
    expect((await tableInfo(host, "Measures")).rows).toBe(300 * 5);
    expect(await countSyncs(host, () => gateway.setUp(huge, details, april2020))).toBe(3);
  });
});

describe("Set up again keeps every entry", () => {
  it("re-running on a filled workbook with added rows changes no entry and no row", async () => {
    const { host, gateway } = await setUpNew();
    await fillEntries(host);
    await userAddsImpactRows(host, 150);
    const ranges: [string, string][] = [
      ["Return", "A1:B11"],
      ["Measures", "A1:Q22"],
      ["Stakeholders", "A1:D20"],
      ["Outcomes", "A1:O251"],
      ["Case studies", "A1:G51"],
    ];
    const before = await Promise.all(ranges.map(([s, a]) => readFormulas(host, s, a)));
    const plan = await gateway.previewSetup(v1, {}, april2020);
    expect(plan.changes.every((c) => c.action === "keep")).toBe(true);
    await gateway.setUp(v1, {}, april2020);
    const after = await Promise.all(ranges.map(([s, a]) => readFormulas(host, s, a)));
    expect(after).toEqual(before);
    expect((await tableInfo(host, "ImpactMap")).rows).toBe(250);
    // the added rows got the impact formula and the entry rules, and the sheet is protected again
    expect((await readFormulas(host, "Outcomes", "P251"))[0]![0]).toMatch(/^=IF\(OR\(H251="",J251=""\)/);
    await expect(host.userEdit("Outcomes", "P251", [[1]])).rejects.toThrow(/protected/);
    await expect(host.userEdit("Outcomes", "H251", [[3]])).resolves.not.toThrow();
  });

  it("upgrading to a framework with an added measure adds its row at the bottom and moves nothing", async () => {
    const { host, gateway } = await setUpNew();
    await fillEntries(host);
    const before = await readRange(host, "Measures", "C1:Q22");
    const outcome = await gateway.setUp(v2, {}, april2020);
    expect(outcome.plan.changes.find((c) => c.sheet === "Measures")?.action).toBe("update");
    expect(await readRange(host, "Measures", "C1:Q22")).toEqual(before);
    expect((await readRange(host, "Measures", "A23:E23"))[0]).toEqual(["GRANTS_TO_GROUPS", "Grants to local groups", "", "£", "this month only"]);
    expect((await readRange(host, "Measures", "B2"))[0]).toEqual(["Welfare calls made to residents"]);
    expect(await readRange(host, "Framework", "B3")).toEqual([[2]]);
    // the new row takes money
    await expect(host.userEdit("Measures", "F23", [[250.5]])).resolves.not.toThrow();
  });
});

describe("Set up never overwrites what is not its own", () => {
  it("refuses when a sheet of the same name is not ours, and changes nothing", async () => {
    const host = new MemoryExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Measures");
      sheet.getRange("A1:B2").values = [["My own", "notes"], [1, 2]];
      await context.sync();
    });
    const gateway = createExcelGateway(host);
    const plan = await gateway.previewSetup(v1, details, april2020);
    expect(plan.blockers).toHaveLength(1);
    expect(plan.blockers[0]).toMatch(/already has a sheet called 'Measures' that Impact Returns did not make/);
    host.resetSyncCount();
    const error = await gateway.setUp(v1, details, april2020).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toMatch(/^Set up did not change anything: The workbook already has a sheet called 'Measures'/);
    expect(host.syncCount).toBeLessThanOrEqual(2);
    expect((await sheetNames(host)).map((s) => s.name)).toEqual(["Sheet1", "Measures"]);
    expect(await readRange(host, "Measures", "A1:B2")).toEqual([["My own", "notes"], [1, 2]]);
  });

  it("when Excel fails part-way, removes the sheets it added and says what went wrong", async () => {
    const { host, gateway } = await setUpNew();
    // The user deleted the Checks sheet and password-protected Stakeholders: unprotect fails in the write batch.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Checks").delete();
      const sheet = context.workbook.worksheets.getItem("Stakeholders");
      sheet.protection.unprotect();
      sheet.protection.protect({}, "secret");
      await context.sync();
    });
    const error = await gateway.setUp(v1, {}, april2020).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toMatch(/^Set up could not finish: /);
    expect((error as UserFacingError).hint).toMatch(/Unprotect/);
    expect((await sheetNames(host)).map((s) => s.name)).not.toContain("Checks");
  });
});

describe("Set up asks for what it needs and removes the new workbook's empty sheet", () => {
  it("previews the removal of the empty Sheet1 and deletes it last, leaving Return active", async () => {
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host);
    const plan = await gateway.previewSetup(v1, details, april2020);
    expect(plan.removedSheets).toEqual(["Sheet1"]);
    expect(plan.operations.at(-1)).toEqual({ kind: "deleteSheet", sheet: "Sheet1" });
    expect((await sheetNames(host)).map((s) => s.name)).toEqual(["Sheet1"]);
    await gateway.setUp(v1, details, april2020);
    expect((await sheetNames(host)).map((s) => s.name)).not.toContain("Sheet1");
    const active = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return sheet.name;
    });
    expect(active).toBe("Return");
  });

  it("keeps a Sheet1 that holds anything, and any sheet not named as Excel names new ones", async () => {
    const withValue = new MemoryExcelHost();
    await withValue.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C3").values = [["my note"]];
      await context.sync();
    });
    await createExcelGateway(withValue).setUp(v1, details, april2020);
    expect((await sheetNames(withValue)).map((s) => s.name)[0]).toBe("Sheet1");
    expect(await readRange(withValue, "Sheet1", "C3")).toEqual([["my note"]]);

    const named = new MemoryExcelHost({ sheetName: "Budget" });
    const plan = await createExcelGateway(named).setUp(v1, details, april2020);
    expect(plan.plan.removedSheets).toEqual([]);
    expect((await sheetNames(named)).map((s) => s.name)[0]).toBe("Budget");
  });

  it("keeps Sheet1 when a later step fails (the deletion is the very last step)", async () => {
    const host = new MemoryExcelHost();
    host.failAt(/^Worksheet\.protect|WorksheetProtection\.protect$/);
    const error = await createExcelGateway(host).setUp(v1, details, april2020).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((await sheetNames(host)).map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("re-running with nothing to change plans no change", async () => {
    const { gateway } = await setUpNew();
    const again = await gateway.previewSetup(v1, {}, april2020);
    expect(again.upToDate).toBe(true);
    expect(again.changes.map((c) => c.detail).join(" ")).not.toMatch(/\b0 figures/);
    expect(again).toMatchObject({ organisation: "Riverside Homes", organisationCode: "0123" });
  });

  it("a layout 1.0 workbook (gbp, flow) is rewritten in plain words and recorded as the current layout, figures kept", async () => {
    const { host, gateway } = await setUpNew();
    await fillEntries(host);
    // Make it look like a 1.0 workbook: the framework's keys in Unit and Kind.
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Measures");
      sheet.protection.unprotect();
      sheet.getRange("D2:E3").values = [["count", "flow"], ["people", "flow"]];
      const framework = context.workbook.worksheets.getItem("Framework");
      framework.protection.unprotect();
      framework.getRange("B5").values = [["1.0"]];
      await context.sync();
    });
    const before = await readRange(host, "Measures", "F2:Q22");
    const plan = await gateway.previewSetup(v1, {}, april2020);
    expect(plan.upToDate).toBe(false);
    await gateway.setUp(v1, {}, april2020);
    expect(await readRange(host, "Measures", "D2:E3")).toEqual([["number", "this month only"], ["people", "this month only"]]);
    expect(await readRange(host, "Framework", "A5:B5")).toEqual([["Layout version", "1.2"]]);
    expect(await readRange(host, "Measures", "F2:Q22")).toEqual(before);
  });
});

describe("printing and plain words, through the Excel gateway", () => {
  it("prints every sheet on A4 landscape, one page wide, header row repeated, with organisation, sheet and page x of y", async () => {
    const { host } = await setUpNew();
    const sheets = host.toJSON().sheets;
    for (const name of ["Return", "Measures", "Stakeholders", "Outcomes", "Case studies", "Checks"]) {
      const layout = sheets.find((s) => s.name === name)!.pageLayout;
      expect(layout).toMatchObject({
        orientation: "Landscape",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: "1:1",
      });
      // The snapshot lists what differs from a new sheet: A4 is the host's default paper.
      expect(layout?.paperSize ?? "A4").toBe("A4");
      expect(layout?.headersFooters?.defaultForAllPages).toMatchObject({
        leftHeader: "Riverside Homes",
        centerHeader: name,
        rightHeader: "Apr 2020 to Mar 2021",
        rightFooter: "Page &P of &N",
      });
    }
  });

  it("escapes an organisation's '&' in the header", async () => {
    const host = new MemoryExcelHost();
    await createExcelGateway(host).setUp(v1, { organisation: "Smith & Sons Homes", organisationCode: "SS1" }, april2020);
    const layout = host.toJSON().sheets.find((s) => s.name === "Measures")!.pageLayout;
    expect(layout?.headersFooters?.defaultForAllPages?.leftHeader).toBe("Smith && Sons Homes");
  });

  it("hides the codes (kept for the centre), writes units and kinds in plain words, and sizes month columns for £100,000,000.00", async () => {
    const { host } = await setUpNew();
    const sheets = host.toJSON().sheets;
    expect(sheets.find((s) => s.name === "Measures")!.hiddenColumns).toEqual(["A"]);
    expect(sheets.find((s) => s.name === "Checks")!.hiddenColumns).toEqual(["B"]);
    expect(await readRange(host, "Measures", "A2:E2")).toEqual([["WELFARE_CALLS", "Welfare calls made", "", "number", "this month only"]]);
    const units = (await readRange(host, "Measures", "D2:E22")).map((r) => r.join("|"));
    expect(new Set(units)).toEqual(new Set(["number|this month only", "people|this month only", "£|this month only", "hours|this month only", "people|at the end of the month"]));
    const widths = await host.run(async (context) => {
      const f = context.workbook.worksheets.getItem("Measures").getRange("F1");
      f.load("format/columnWidth");
      await context.sync();
      return f.format.columnWidth;
    });
    // "£100,000,000.00" is 15 characters; 7 px each plus padding.
    expect(widths).toBeGreaterThanOrEqual(columnWidthPoints(17));
  });
});
