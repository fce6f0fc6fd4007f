/**
 * Set up upgrades a layout 1.1 return to 1.2: a real .xlsx written by the template command, made
 * into a 1.1 return (no Reflections sheet, layout 1.1 recorded) and filled with entries, read back
 * by the .xlsx reader into the in-memory Excel host, then Set up through the Excel gateway. Every
 * entry is kept, the Reflections sheet is added with the prompts, and running it again neither
 * loses nor duplicates a row of reflections.
 */
import { join } from "node:path";
import { findBuiltinFramework, STANDARD_REFLECTION_PROMPTS } from "../../src/core/framework";
import { LAYOUT_VERSION } from "../../src/core/layout/contract";
import { readReturn } from "../../src/core/return";
import type { WorkbookSnapshot } from "../../src/core/workbook/types";
import { createExcelGateway } from "../../src/excel/gateway";
import { readSnapshot as readExcelSnapshot } from "../../src/excel/read";
import { MemoryExcelHost, type CellInput, type WorkbookSnapshot as HostSnapshot } from "../../src/memory-host";
import { cellAddress, rangeAddress } from "../../src/core/layout/a1";
import { readWorkbookFile, writeWorkbookFile } from "../../src/xlsx/files";
import { readSnapshot } from "../../src/xlsx/read";
import { cleanEdits, fillReturn, writeTemplate } from "../support/fill-return";
import { requireBuiltCli, tempDir } from "../support/cli";
import { readRange, sheetNames } from "./helpers";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const april2020 = { year: 2020, month: 4 };
const { dir, cleanUp } = tempDir("setup-reflections");
afterAll(cleanUp);

/** A filled return as layout 1.1 wrote it: no Reflections sheet, "1.1" on the Framework sheet. */
async function layout11Return(): Promise<WorkbookSnapshot> {
  const file = join(dir, "v11.xlsx");
  writeTemplate(file);
  await fillReturn(file, cleanEdits());
  const workbook = await readWorkbookFile(file);
  workbook.removeWorksheet(workbook.getWorksheet("Reflections")!.id);
  const framework = workbook.getWorksheet("Framework")!;
  const layoutRow = [1, 2, 3, 4, 5, 6, 7].find((r) => framework.getRow(r).getCell(1).value === "Layout version")!;
  framework.getRow(layoutRow).getCell(2).value = "1.1";
  await writeWorkbookFile(file, workbook, { overwrite: true });
  return readSnapshot(await readWorkbookFile(file));
}

/** The file's sheets and tables as the in-memory host holds a workbook: each table's header and cells (formulas as formulas). */
function hostSnapshot(snapshot: WorkbookSnapshot): HostSnapshot {
  return {
    sheets: snapshot.sheets.map((sheet) => {
      const cells: Record<string, CellInput> = {};
      const tables = snapshot.tables.filter((t) => t.sheet === sheet.name);
      for (const t of tables) {
        t.values.forEach((row, i) =>
          row.forEach((value, j) => {
            const formula = t.formulas[i]?.[j];
            const cell = typeof formula === "string" && formula.startsWith("=") ? formula : value;
            if (cell !== null && cell !== "") cells[cellAddress(t.row + 1 + i, t.column + j)] = cell;
          }),
        );
      }
      return {
        name: sheet.name,
        ...(sheet.name === "Framework" ? { visibility: "Hidden" as const } : {}),
        cells,
        tables: tables.map((t) => ({ name: t.name, range: rangeAddress(t.row, t.column, t.values.length + 1, t.headers.length), columns: t.headers.map(String) })),
      };
    }),
  };
}

async function snapshotOf(host: MemoryExcelHost): Promise<WorkbookSnapshot> {
  return host.run((context) => readExcelSnapshot(context));
}

/** Each table's values by name (blank as Excel reads it, "", where a file gives null). */
function tables(snapshot: WorkbookSnapshot): Map<string, unknown[][]> {
  return new Map(snapshot.tables.map((t) => [t.name, [t.headers, ...t.values].map((row) => row.map((v) => v ?? ""))]));
}

describe("Set up on a layout 1.1 return with entries", () => {
  let before: WorkbookSnapshot;
  let host: MemoryExcelHost;
  beforeAll(async () => {
    requireBuiltCli();
    before = await layout11Return();
    expect(before.tables.map((t) => t.name)).not.toContain("Reflections");
    expect(readReturn(before).info?.layoutVersion).toBe("1.1");
    host = MemoryExcelHost.fromSnapshot(hostSnapshot(before));
  });

  it("is read as a return without reflections, and Set up plans to add the sheet and keep everything else", async () => {
    const plan = await createExcelGateway(host).previewSetup(v1, {}, april2020);
    expect(plan.blockers).toEqual([]);
    expect(plan.upToDate).toBe(false);
    expect(plan.changes.find((c) => c.sheet === "Reflections")).toEqual({ sheet: "Reflections", action: "add", detail: "reflections: 4 prompts for each month, room for 20 more of your own" });
    expect(plan.changes.filter((c) => c.action === "add").map((c) => c.sheet)).toEqual(["Reflections"]);
  });

  it("adds the Reflections sheet, records layout 1.2 and keeps every entry", async () => {
    await createExcelGateway(host).setUp(v1, {}, april2020);
    const after = await snapshotOf(host);
    const old = tables(before);
    const now = tables(after);
    for (const [name, values] of old) {
      if (name === "FrameworkInfo") continue;
      expect([name, now.get(name)]).toEqual([name, values]);
    }
    expect(readReturn(after).info?.layoutVersion).toBe(LAYOUT_VERSION);
    expect(LAYOUT_VERSION).toBe("1.2");
    expect((await sheetNames(host)).map((s) => s.name)).toContain("Reflections");
    const reflections = readReturn(after).reflections!;
    expect(reflections.rows).toHaveLength(48);
    expect(reflections.rows.slice(0, 4).map((r) => [r.monthText, r.prompt, r.reflection, r.shared])).toEqual(STANDARD_REFLECTION_PROMPTS.map((p) => ["Apr 2020", p, "", false]));
    // The month a date (1 March 2021), shown as the other Month cells.
    expect(await readRange(host, "Reflections", "A49:D49")).toEqual([[44256, STANDARD_REFLECTION_PROMPTS[3], "", "No"]]);
    expect(host.cell("Reflections", "A49").text).toBe("Mar 2021");
  });

  it("run again after officers write reflections and add their own rows, loses and duplicates nothing", async () => {
    await host.userEdit("Reflections", "C2:D2", [["Calls matter", "Yes"]]);
    await host.userEdit("Reflections", "A50:D50", [["Jun 2020", "Our own prompt", "Our own answer", "No"]]);
    // An officer clears a prompt row's text: Set up offers that month's prompt again, below, and keeps the row.
    await host.userEdit("Reflections", "B3", [[""]]);
    const gateway = createExcelGateway(host);
    await gateway.setUp(v1, {}, april2020);
    const rows = readReturn(await snapshotOf(host)).reflections!.rows;
    expect(rows.map((r) => [r.monthText, r.prompt, r.reflection])).toEqual([
      ["Apr 2020", STANDARD_REFLECTION_PROMPTS[0], "Calls matter"],
      ["Apr 2020", "", ""],
      ...rows.slice(2, 48).map((r) => [r.monthText, r.prompt, ""]),
      ["Jun 2020", "Our own prompt", "Our own answer"],
      ["Apr 2020", STANDARD_REFLECTION_PROMPTS[1], ""],
    ]);
    expect(rows[0]!.shared).toBe(true);
    const again = await gateway.previewSetup(v1, {}, april2020);
    expect(again.upToDate).toBe(true);
  });
});
