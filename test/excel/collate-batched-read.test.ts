/**
 * Collate on the web's limits: the earlier sector tables are read back in batches, each response
 * under the budget (UTF-8 bytes), in 2 + R + B + 1 syncs; and the memory host refuses a single
 * response over its limit, as Excel on the web does (ResponsePayloadSizeLimitExceeded).
 */
import { linesOf, type Figure, type Submission } from "../../src/core/collate";
import { findBuiltinFramework } from "../../src/core/framework";
import { jsonBytes } from "../../src/excel/batched-read";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const LINES = linesOf(v1);
const today = new Date(2020, 6, 20);

function sub(i: number, figures: Figure[]): Submission {
  const org = `ORG${String(i).padStart(4, "0")}`;
  return {
    file: `returns/${org} - April return (final).xlsx`,
    sha256: (i + 1).toString(16).padStart(64, "0"),
    modifiedAt: 1_600_000_000_000 + i,
    organisationCode: org,
    organisation: `${org} Housing Association – Community Investment`,
    yearStart: "2020-04",
    homesManaged: 1000,
    framework: { id: v1.id, version: 1, title: v1.title },
    lines: LINES,
    figures,
    monthsReported: 1,
    errors: 0,
    warnings: 0,
    signOff: "not-signed-off",
  };
}

describe("Collate reads the earlier collation back in batches", () => {
  jest.setTimeout(120_000);

  it("2,000 returns' ledger, read with a 64 KB budget: every response under it, syncs = 2 + R + B + 1, the same result as one read", async () => {
    const returns = Array.from({ length: 2000 }, (_, i) => sub(i, [{ code: "WELFARE_CALLS", breakdown: "", month: "2020-04", value: i + 1 }]));
    const budget = 64_000;
    const added = sub(5000, [{ code: "WELFARE_CALLS", breakdown: "", month: "2020-04", value: 7 }]);

    // The host refuses any response over the budget, so a batch that overran would fail the test.
    const limited = new MemoryExcelHost({ responseLimitBytes: budget });
    await createExcelGateway(limited).collate(returns, { today, sectorHomes: 2_000_000 });
    limited.resetSyncCount();
    const outcome = await createExcelGateway(limited).collate([added], { today, budgetBytes: budget });
    expect(outcome.previousFiles).toBe(2000);
    expect(outcome.files).toHaveLength(2001);
    expect(outcome.largestResponse).toBeLessThanOrEqual(budget);
    expect(limited.syncCount).toBe(2 + outcome.readBatches + outcome.batches + 1);

    // The ledger and sector data read back are about 2 x 2,000 rows; R is their size over the budget, give or take a batch a table.
    const ledgerRowBytes = jsonBytes(["returns/ORG0001 - April return (final).xlsx", "0".repeat(64), "ORG0001", "ORG0001 Housing Association – Community Investment", 43922, "community-investment-monthly", 1, 1, "", "Not signed off", 0, 0, 0, "accepted", "in use (not signed off, 1 month reported)"]);
    expect(outcome.readBatches).toBeGreaterThanOrEqual(Math.ceil((2000 * ledgerRowBytes) / budget));
    expect(outcome.readBatches).toBeLessThan(Math.ceil((2000 * ledgerRowBytes * 3) / budget) + 4);

    // The same files in a host with the default budget (read in a batch or two) give the same ledger.
    const open = new MemoryExcelHost();
    await createExcelGateway(open).collate(returns, { today, sectorHomes: 2_000_000 });
    const once = await createExcelGateway(open).collate([added], { today });
    expect(once.readBatches).toBeLessThanOrEqual(2);
    expect(once.readBatches).toBeLessThan(outcome.readBatches);
    expect(outcome.files).toEqual(once.files);
    expect([outcome.totals, outcome.chase, outcome.sectorHomes]).toEqual([once.totals, once.chase, once.sectorHomes]);
  });
});

describe("the memory host's response limit", () => {
  it("refuses a single response over the limit, and publishes none of it", async () => {
    const host = new MemoryExcelHost({ responseLimitBytes: 1_000 });
    await host.userEdit("Sheet1", "A1:A20", Array.from({ length: 20 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]));
    const error = await host
      .run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A20");
        range.load("values");
        await context.sync();
        return range.values;
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    // A smaller read is fine.
    const small = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5");
      range.load("values");
      await context.sync();
      return range.values;
    });
    expect(small).toHaveLength(5);
  });

  it("counts UTF-8 bytes, as Excel does: 3 million é are 6 MB, over the 5 MB default", async () => {
    const host = new MemoryExcelHost();
    await host.userEdit("Sheet1", "A1:A100", Array.from({ length: 100 }, () => ["é".repeat(30_000)]));
    const read = (address: string) =>
      host.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange(address);
        range.load("values");
        await context.sync();
        const values = range.values;
        return values.length;
      });
    await expect(read("A1:A100")).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    await expect(read("A1:A50")).resolves.toBe(50);
  });
});
