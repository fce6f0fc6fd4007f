/**
 * Shared workbooks and Excel on the web, through the gateway on the in-memory host: a colleague's
 * edits (source "Remote") do not set off this pane's re-check, an explanation a colleague types
 * between Check's read and its write is kept, and a value picked from a dropdown on the web (which
 * raises no change event) is still noticed, by a probe once the selection rests on a data sheet.
 */
import { findBuiltinFramework } from "../../src/core/framework";
import { measureRows } from "../../src/core/setup/measure-rows";
import { createExcelGateway } from "../../src/excel/gateway";
import type { ExcelHost } from "../../src/excel/host";
import { MemoryExcelHost } from "../../src/memory-host";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const april2020 = { year: 2020, month: 4 };

/** Moves Jest's fake clock on by `ms`, running what falls due (the host's event handlers, the probe) to the end. */
async function elapse(ms: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(ms);
  // What fell due may go on in promises: let them finish (setImmediate is left real for this).
  await new Promise((resolve) => setImmediate(resolve));
}

/** A user's action on the host: its event handlers start on a timer, so the clock moves on (by nothing) for them. */
async function byUser(action: Promise<void>): Promise<void> {
  await elapse(0);
  await action;
}

afterEach(() => {
  jest.useRealTimers();
});

async function filledReturn(wrap?: (host: MemoryExcelHost) => ExcelHost) {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(wrap ? wrap(host) : host);
  await gateway.setUp(v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, april2020);
  const rows = measureRows(v1);
  const figures = rows.map((row) => {
    const parts = row.measure.breakdowns.length;
    const base = row.kind === "stock" ? 400 : 120;
    return [0, 1, 2].map((m) => (row.breakdown === "Total" ? (base + m * 6) * parts : base + m * 6));
  });
  await host.userEdit("Measures", `F2:H${rows.length + 1}`, figures);
  return { host, gateway };
}

describe("coauthoring and Excel on the web", () => {
  it("re-checks after the user's own edits, not after a colleague's", async () => {
    const { host, gateway } = await filledReturn();
    let edits = 0;
    const stop = await gateway.watchEdits(() => edits++);
    await host.remoteEdit("Measures", "I2", [[130]]);
    expect(edits).toBe(0);
    await host.userEdit("Measures", "I3", [[130]]);
    expect(edits).toBe(1);
    await stop();
  });

  it("keeps an explanation a colleague types between Check's read and its write", async () => {
    let syncs = 0;
    const colleague: { act?: () => void } = {};
    const { host, gateway } = await filledReturn((memory) => ({
      run: (batch) =>
        memory.run((context) => {
          const sync = context.sync.bind(context);
          (context as { sync: typeof context.sync }).sync = (<T>(value?: T) => {
            syncs++;
            if (syncs === 3) colleague.act?.();
            return sync(value);
          }) as typeof context.sync;
          return batch(context);
        }),
      runIn: (context, batch) => memory.runIn(context, batch),
      isSetSupported: (name, version) => memory.isSetSupported(name, version),
    }));
    await host.userEdit("Measures", "H2", [["'132"]]); // a number stored as text: a warning
    const first = await gateway.check();
    const warning = first.result.issues.find((i) => i.code === "number-stored-as-text")!;
    const row = first.result.issues.indexOf(warning) + 2;
    // The colleague's explanation lands after this pane has read the workbook, before it writes.
    colleague.act = () => void host.remoteEdit("Checks", `F${row}`, [["Checked with finance: the figure is right."]]);
    syncs = 0;
    const second = await gateway.check();
    const again = second.result.issues.find((i) => i.code === "number-stored-as-text")!;
    expect(again.explanation).toBe("Checked with finance: the figure is right.");
    expect(second.result.summary.accepted).toBe(1);
    const checks = await host.run(async (context) => {
      const range = context.workbook.tables.getItem("Checks").getDataBodyRange();
      range.load("values");
      await context.sync();
      return range.values;
    });
    expect(checks.some((r) => r[1] === "number-stored-as-text" && r[5] === "Checked with finance: the figure is right.")).toBe(true);
  });

  it("notices a value picked from a dropdown on the web (no change event) once the selection rests on a data sheet", async () => {
    const { host, gateway } = await filledReturn();
    await gateway.check();
    let edits = 0;
    const stop = await gateway.watchEdits(() => edits++, { probeDelayMs: 20 });
    // From here the clock is Jest's: the probe waits for the selection to rest without a real wait.
    jest.useFakeTimers({ doNotFake: ["setImmediate", "nextTick", "queueMicrotask"] });
    await byUser(host.userPick("Case studies", "G2", "Yes"));
    expect(edits).toBe(0);
    host.resetSyncCount();
    await byUser(host.userSelect("Case studies", "G3"));
    await byUser(host.userSelect("Case studies", "G4"));
    await elapse(19);
    expect(host.syncCount).toBe(0); // not yet rested
    await elapse(61);
    await host.settle();
    expect(edits).toBe(1);
    expect(host.syncCount).toBe(2); // one probe for the two moves, two syncs to read
    // Moving again with nothing changed costs a read, and re-checks nothing.
    await byUser(host.userSelect("Case studies", "A2"));
    await elapse(80);
    expect(edits).toBe(1);
    // Moving on a sheet that is not the return's data reads nothing.
    host.resetSyncCount();
    await byUser(host.userSelect("Checks", "A2"));
    await elapse(80);
    expect(host.syncCount).toBe(0);
    await stop();
  });
});
