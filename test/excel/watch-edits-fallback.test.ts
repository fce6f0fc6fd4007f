/**
 * Watching for the user's edits on every ExcelApi version the manifest allows (src/excel/edit-watch.ts):
 * before 1.14 Excel sends no triggerSource, so the gateway switches its events off around its own
 * batches; from 1.14 triggerSource says which changes are the add-in's. Either way the user's typed
 * edits are noticed, and the add-in's own Set up, Check write-back and Summarise (the sheets they add
 * included, even after watching began) are not. Waits on the host's own state (settle), never a clock.
 */
import { linesOf, type Submission } from "../../src/core/collate";
import { findBuiltinFramework } from "../../src/core/framework";
import { measureRows } from "../../src/core/setup/measure-rows";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { countSyncs } from "./helpers";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const april2020 = { year: 2020, month: 4 };
const JULY_10 = () => new Date(2020, 6, 10);
const AUGUST_20 = new Date(Date.UTC(2020, 7, 20));

/** Figures for April to June whose breakdowns add up to their totals. */
function figures(): number[][] {
  return measureRows(v1).map((row) => {
    const parts = row.measure.breakdowns.length;
    const base = row.kind === "stock" ? 400 : 120;
    return [0, 1, 2].map((m) => (row.breakdown === "Total" ? (base + m * 6) * parts : base + m * 6));
  });
}

/** One organisation's return as Collate takes it: welfare calls for April and May 2020. */
function submission(): Submission {
  const figures = [100, 120].map((value, i) => ({ code: "WELFARE_CALLS", breakdown: "", month: `2020-0${i + 4}`, value }));
  return {
    file: "RH01.xlsx",
    sha256: "1".padStart(64, "0"),
    modifiedAt: 1_600_000_000_000,
    organisationCode: "RH01",
    organisation: "Riverside Homes",
    yearStart: "2020-04",
    homesManaged: 1000,
    framework: { id: v1.id, version: 1, title: v1.title },
    lines: linesOf(v1),
    figures,
    monthsReported: 2,
    errors: 0,
    warnings: 0,
  };
}

/** An empty workbook in an Excel of `apiVersion`, watched from the start. */
async function watchedFromTheStart(apiVersion: string) {
  const host = new MemoryExcelHost({ apiVersion });
  const gateway = createExcelGateway(host, { today: JULY_10 });
  const seen = { edits: 0 };
  const stop = await gateway.watchEdits(() => seen.edits++);
  return { host, gateway, seen, stop };
}

describe.each([
  ["1.13", "no triggerSource: the add-in's events are switched off around its own batches"],
  ["1.14", "triggerSource tells the add-in's writes apart"],
])("watching for edits on ExcelApi %s (%s)", (apiVersion) => {
  it("notices the user's edits, never the add-in's Set up, Check write-back or Summarise, nor the sheets they add", async () => {
    const { host, gateway, seen, stop } = await watchedFromTheStart(apiVersion);

    await gateway.setUp(v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, april2020);
    await host.settle();
    expect(seen.edits).toBe(0);

    await host.userEdit("Measures", `F2:H${measureRows(v1).length + 1}`, figures());
    expect(seen.edits).toBe(1);

    // Check adds the Checks sheet and writes its list: after watching began, and not an edit.
    const { result } = await gateway.check();
    await host.settle();
    expect(result.notAReturn).toBeFalsy();
    expect(seen.edits).toBe(1);

    // Summarise adds four sheets with tables, PivotTables and charts.
    await gateway.summarise(AUGUST_20);
    await host.settle();
    expect(seen.edits).toBe(1);

    // The user types on a sheet the add-in added after watching began: that is an edit.
    await host.userEdit("Checks", "F2", [["Checked with finance."]]);
    expect(seen.edits).toBe(2);

    await stop();
    await host.userEdit("Measures", "I2", [[130]]);
    expect(seen.edits).toBe(2);
  });

  it("does not count Collate building the sector workbook's sheets", async () => {
    const { host, gateway, seen, stop } = await watchedFromTheStart(apiVersion);
    const outcome = await gateway.collate([submission()], { today: JULY_10(), sectorHomes: 10_000 });
    await host.settle();
    expect(outcome.batches).toBe(1);
    expect(seen.edits).toBe(0);
    await host.userEdit("Sector totals", "J2", [["a note"]]);
    expect(seen.edits).toBe(1);
    await stop();
  });

  it("after an action of the add-in fails part-way, the user's edits are noticed again", async () => {
    const { host, gateway, seen, stop } = await watchedFromTheStart(apiVersion);
    await gateway.setUp(v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, april2020);
    await host.userEdit("Measures", `F2:H${measureRows(v1).length + 1}`, figures());
    expect(seen.edits).toBe(1);
    // Check fails as it adds the Checks table: no later batch of its own switches events back on.
    host.failAt(/^TableCollection\.add$/);
    await expect(gateway.check()).rejects.toThrow(/^Check could not finish/);
    await host.settle();
    expect(seen.edits).toBe(1);
    await host.userEdit("Measures", "I2", [[130]]);
    expect(seen.edits).toBe(2);
    // Summarise fails at a PivotTable, then removes what it made in another batch.
    host.failAt(/^PivotTableCollection\.add$/);
    await expect(gateway.summarise(AUGUST_20)).rejects.toThrow(/^Summarise could not finish/);
    await host.settle();
    expect(seen.edits).toBe(2);
    await host.userEdit("Measures", "I3", [[130]]);
    expect(seen.edits).toBe(3);
    await stop();
  });
});

describe("what the fallback costs", () => {
  async function checkSyncs(apiVersion: string, watch: boolean): Promise<number> {
    const host = new MemoryExcelHost({ apiVersion });
    const gateway = createExcelGateway(host, { today: JULY_10 });
    await gateway.setUp(v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, april2020);
    const stop = watch ? await gateway.watchEdits(() => undefined) : undefined;
    const syncs = await countSyncs(host, () => gateway.check());
    await stop?.();
    return syncs;
  }

  it("one more sync a batch (events back on), only before 1.14 and only while watching", async () => {
    expect(await checkSyncs("1.13", false)).toBe(3);
    expect(await checkSyncs("1.13", true)).toBe(4);
    expect(await checkSyncs("1.14", true)).toBe(3);
  });
});
