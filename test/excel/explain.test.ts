/**
 * "Explain" through the gateway, on the in-memory host: the explanation lands in the Explanation
 * cell of the issue's row of the Checks table, as text, in 2 syncs; the next check accepts it.
 */
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { buildSampleReturn } from "../../src/preview/sample-return";
import { countSyncs } from "./helpers";

const WARNING = { code: "month-out-of-line", sheet: "Measures", cell: "I20" };

async function sampleChecked() {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  await buildSampleReturn(gateway, (sheet, address, values) => host.userEdit(sheet, address, values));
  const { result } = await gateway.check();
  return { host, gateway, result };
}

/** The sheet row (1-based) of the warning in the Checks table. */
async function warningRow(host: MemoryExcelHost): Promise<number> {
  const rows = await checksRows(host);
  const i = rows.findIndex((r) => r[1] === WARNING.code && r[2] === WARNING.sheet && r[3] === WARNING.cell);
  if (i < 1) throw new Error("the warning is not listed");
  return i + 1;
}

async function checksRows(host: MemoryExcelHost): Promise<unknown[][]> {
  return host.run(async (context) => {
    const range = context.workbook.tables.getItem("Checks").getRange();
    range.load("values");
    await context.sync();
    return range.values;
  });
}

describe("Explain a warning through the gateway", () => {
  it("writes the explanation in the warning's row, and the next check accepts it", async () => {
    const { host, gateway, result } = await sampleChecked();
    expect(result.summary.errors).toBe(0);
    expect(result.issues).toContainEqual(expect.objectContaining(WARNING));

    await gateway.explain(WARNING, "  Staff went back to their usual roles in July.  ");
    const rows = await checksRows(host);
    const row = rows.findIndex((r) => r[1] === WARNING.code && r[3] === WARNING.cell);
    expect(row).toBeGreaterThan(0);
    expect(rows[row]![5]).toBe("Staff went back to their usual roles in July.");
    expect(host.cell("Checks", `F${row + 1}`).numberFormat).toBe("@");

    const again = await gateway.check();
    expect(again.result.summary.accepted).toBe(1);
    expect(again.result.summary.warnings).toBe(result.summary.warnings - 1);
    expect(again.result.issues).toContainEqual(expect.objectContaining({ ...WARNING, accepted: true, explanation: "Staff went back to their usual roles in July." }));
    // The check rewrites the list and keeps the explanation.
    expect((await checksRows(host))[(await warningRow(host)) - 1]![5]).toBe("Staff went back to their usual roles in July.");
  });

  it("reads in 1 sync and writes in 1", async () => {
    const { host, gateway } = await sampleChecked();
    expect(await countSyncs(host, () => gateway.explain(WARNING, "Fewer staff needed."))).toBe(2);
  });

  it("keeps text that Excel would read as a formula, a number or a date as the words typed", async () => {
    const { host, gateway } = await sampleChecked();
    const row = await warningRow(host);
    for (const text of ["=fewer calls than June", "+44 staff back", "12/07/2020", "1,234"]) {
      await gateway.explain(WARNING, text);
      const cell = host.cell("Checks", `F${row}`);
      expect(cell.formula).toBeNull();
      expect(cell.value).toBe(text);
    }
  });

  it("has the same effect as typing in the Explanation column (a user's typing stays possible)", async () => {
    const { host, gateway } = await sampleChecked();
    await gateway.explain(WARNING, "Written from the pane.");
    await host.userEdit("Checks", `F${await warningRow(host)}`, [["Typed over in Excel."]]);
    const { result } = await gateway.check();
    expect(result.issues.find((i) => i.cell === WARNING.cell)?.explanation).toBe("Typed over in Excel.");
  });

  it("an empty text withdraws the explanation", async () => {
    const { gateway, result: before } = await sampleChecked();
    await gateway.explain(WARNING, "A reason.");
    await gateway.explain(WARNING, "   ");
    const { result } = await gateway.check();
    expect(result.summary).toEqual(before.summary);
  });

  it("says so, changing nothing, when the warning is no longer listed or there is no list", async () => {
    const { host, gateway } = await sampleChecked();
    const before = host.workbook.version;
    await expect(gateway.explain({ ...WARNING, cell: "I19" }, "A reason.")).rejects.toThrow(/no longer lists this warning \(Measures!I19\)/);
    expect(host.workbook.version).toBe(before);

    const fresh = new MemoryExcelHost();
    await expect(createExcelGateway(fresh).explain(WARNING, "A reason.")).rejects.toThrow(/no list of checks/);
  });
});
