/**
 * Collate and the workbook it works in, through the Excel gateway on the in-memory host:
 * - a workbook that holds a return (an officer's own) is refused before anything is written,
 *   naming whose return it is; the pane learns it from the settings, with whether Excel can open a
 *   new workbook (Excel.createWorkbook, ExcelApi 1.8), and opening one leaves this workbook as it was;
 * - a centre's new workbook loses its untouched, empty "Sheet1" once the sector sheets exist (Set
 *   up's rule), deleted last because Excel refuses to delete a workbook's last visible sheet; a
 *   Sheet1 with anything in it, or a workbook collated before, keeps it.
 */
import type { Figure } from "../../src/core/collate";
import { excelSerial } from "../../src/core/calendar";
import { findBuiltinFramework } from "../../src/core/framework";
import { NEW_WORKBOOK_STEP, REFUSAL } from "../../src/core/refusals";
import { removedSheetsText } from "../../src/core/setup/default-sheet";
import { SECTOR_OWNED } from "../../src/core/sheets/sector";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { submissionOf } from "../support/submissions";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const today = new Date(2020, 6, 20);
const calls = (month: string, value: number): Figure => ({ code: "WELFARE_CALLS", breakdown: "", month, value });
const signed = excelSerial(2020, 6, 10);
const returns = () => [submissionOf("RH01", [calls("2020-04", 100)], { signedOffOn: signed }), submissionOf("GH02", [calls("2020-04", 30)], { signedOffOn: signed })];
const SECTOR_TABLES = SECTOR_OWNED.flatMap((o) => (o.table ? [o.table] : []));

async function sheetNames(host: MemoryExcelHost): Promise<string[]> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

/** An officer's return, set up through the gateway as the pane does, with a figure typed. */
async function officersReturn() {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  await gateway.setUp(v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, { year: 2020, month: 4 });
  await host.userEdit("Measures", "F2", [[120]]);
  return { host, gateway };
}

describe("Collate in a workbook that holds a return", () => {
  it("is refused before anything is written, naming whose return it is and the next step", async () => {
    const { host, gateway } = await officersReturn();
    const before = host.toJSON();
    const error = await gateway.collate(returns(), { today }).then(
      () => undefined,
      (e: unknown) => e as Error & { hint?: string },
    );
    expect(error?.message).toBe(`Collate did not change anything. ${REFUSAL.holdsAReturn("RH01").message}`);
    expect(error?.message).toContain("This workbook holds RH01's return. The sector workbook should be a workbook of its own");
    expect(error?.hint).toBe(NEW_WORKBOOK_STEP.byHand);
    // Nothing written: no sector sheet, the return's cells as they were.
    expect(host.toJSON()).toEqual(before);
    const tables = await host.run(async (context) => {
      const all = context.workbook.tables.load("items/name");
      await context.sync();
      return all.items.map((t) => t.name);
    });
    expect(tables.some((t) => SECTOR_TABLES.includes(t))).toBe(false);
  });

  it("the pane is told first, with whether Excel can open a new workbook; opening one leaves this workbook as it was", async () => {
    const { host, gateway } = await officersReturn();
    host.resetSyncCount();
    const settings = await gateway.sectorSettings();
    expect(settings).toEqual({ registerOrganisations: 0, holdsReturn: REFUSAL.holdsAReturn("RH01").message, canOpenNewWorkbook: true });
    // The tables and the Register in one sync, then the return's details in two.
    expect(host.syncCount).toBe(3);

    const before = host.toJSON();
    await gateway.openNewWorkbook();
    expect(host.createdWorkbooks).toHaveLength(1);
    expect(host.createdWorkbooks[0]!.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    // The add-in stays with its own workbook: unchanged, and still the one its batches work on.
    expect(host.toJSON()).toEqual(before);
    expect(await sheetNames(host)).toContain("Measures");
  });

  it("below ExcelApi 1.8 the pane is told Excel cannot open one, and asking anyway says how to make one by hand", async () => {
    // A return set up elsewhere, opened in an Excel of ExcelApi 1.7.
    const host = MemoryExcelHost.fromSnapshot((await officersReturn()).host.toJSON(), { apiVersion: "1.7" });
    const gateway = createExcelGateway(host);
    expect((await gateway.sectorSettings()).canOpenNewWorkbook).toBe(false);
    await expect(gateway.openNewWorkbook()).rejects.toMatchObject({ hint: NEW_WORKBOOK_STEP.byHand });
    expect(host.createdWorkbooks).toHaveLength(0);
  });

  it("a sector workbook's settings say nothing of a return", async () => {
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host);
    await gateway.collate(returns(), { today, sectorHomes: 10_000 });
    expect(await gateway.sectorSettings()).toEqual({ registerOrganisations: 2, sectorHomes: 10_000, requireSignOff: false });
  });
});

describe("the memory host's Excel.createWorkbook", () => {
  it("needs ExcelApi 1.8 (ApiNotFound below) and does not model a workbook from Base64", async () => {
    await expect(new MemoryExcelHost({ apiVersion: "1.7" }).createWorkbook()).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(new MemoryExcelHost().createWorkbook("UEsDBA==")).rejects.toThrow(/not implemented/);
  });
});

describe("a centre's new workbook and its empty Sheet1", () => {
  it("is removed once the sector sheets exist, in the same syncs", async () => {
    const host = new MemoryExcelHost();
    const outcome = await createExcelGateway(host).collate(returns(), { today });
    expect(host.syncCount).toBe(2 + outcome.readBatches + outcome.batches + 1);
    expect(outcome.removedSheets).toEqual(["Sheet1"]);
    expect(await sheetNames(host)).toEqual(outcome.sheets);
    expect(host.selection.sheet).toBe("Sector totals");
    // What the pane says of it.
    expect(removedSheetsText(outcome.removedSheets)).toBe("the empty sheet 'Sheet1' the new workbook started with");
    expect(removedSheetsText(["Sheet1", "Sheet2", "Sheet3"])).toBe("the empty sheets 'Sheet1', 'Sheet2' and 'Sheet3' the new workbook started with");
  });

  it("in any language Excel names it (Feuil1), but not when it holds anything, nor in a workbook collated before", async () => {
    const french = new MemoryExcelHost({ sheetName: "Feuil1" });
    expect((await createExcelGateway(french).collate(returns(), { today })).removedSheets).toEqual(["Feuil1"]);

    const used = new MemoryExcelHost();
    await used.userEdit("Sheet1", "A1", [["Notes for the board"]]);
    const kept = await createExcelGateway(used).collate(returns(), { today });
    expect(kept.removedSheets).toEqual([]);
    expect((await sheetNames(used))[0]).toBe("Sheet1");
    expect(used.cell("Sheet1", "A1").value).toBe("Notes for the board");

    // Collated before: a blank sheet added later by the analyst is theirs.
    const again = new MemoryExcelHost();
    const gateway = createExcelGateway(again);
    await gateway.collate(returns(), { today });
    await again.run(async (context) => {
      context.workbook.worksheets.add("Sheet2");
      await context.sync();
    });
    expect((await gateway.collate([], { today })).removedSheets).toEqual([]);
    expect(await sheetNames(again)).toContain("Sheet2");
  });

  it("is kept when the collation fails part-way (the old sheets untouched, the new ones removed): the order leaves Excel a visible sheet", async () => {
    const host = new MemoryExcelHost();
    host.failAt(/^PivotTableCollection\.add$/);
    await expect(createExcelGateway(host).collate(returns(), { today })).rejects.toBeDefined();
    expect(await sheetNames(host)).toEqual(["Sheet1"]);
  });

  it("Excel (and the memory host) refuse to delete a workbook's last visible sheet, so it must go last", async () => {
    const host = new MemoryExcelHost();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(await sheetNames(host)).toEqual(["Sheet1"]);
  });
});
