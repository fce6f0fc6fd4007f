/**
 * Collate through the Excel gateway on the in-memory host: into an empty workbook, then a
 * resubmission and a new organisation added to the same workbook (the Submissions table is the
 * ledger: nothing collated before is lost); the writes batched under a request budget, with
 * syncs = 2 + read batches + write batches + 1; a foreign sheet refused; the zip guard's browser inflater.
 */
import { deflateRawSync } from "node:zlib";
import { linesOf, type Figure, type Submission } from "../../src/core/collate";
import { findBuiltinFramework } from "../../src/core/framework";
import { excelSerial } from "../../src/core/calendar";
import { DEFAULT_BUDGET_BYTES, planBatches } from "../../src/excel/collate";
import { SECTOR_EXTRA_SHEET } from "../../src/core/layout/sector-contract";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { InflatedTooLarge, streamInflater } from "../../src/xlsx/zip-guard";
import { submissionOf } from "../support/submissions";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const LINES = linesOf(v1);
const today = new Date(2020, 6, 20);

const sub = submissionOf;
const calls = (month: string, value: number): Figure => ({ code: "WELFARE_CALLS", breakdown: "", month, value });
const vulnerable = (month: string, value: number): Figure => ({ code: "VULNERABLE_RESIDENTS", breakdown: "", month, value });
const month = (iso: string) => excelSerial(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 1);

async function table(host: MemoryExcelHost, name: string): Promise<Record<string, unknown>[]> {
  return host.run(async (context) => {
    const range = context.workbook.tables.getItem(name).getRange();
    range.load("values");
    await context.sync();
    const [headers = [], ...rows] = range.values as unknown[][];
    return rows.filter((r) => r.some((c) => c !== "")).map((r) => Object.fromEntries(headers.map((h, i) => [String(h), r[i]])));
  });
}

async function sheetNames(host: MemoryExcelHost): Promise<string[]> {
  return host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

async function chartsAndPivots(host: MemoryExcelHost): Promise<{ charts: number; pivots: string[] }> {
  return host.run(async (context) => {
    const charts = context.workbook.worksheets.getItem(SECTOR_EXTRA_SHEET.charts).charts;
    charts.load("items/name");
    const pivots = context.workbook.pivotTables;
    pivots.load("items/name");
    await context.sync();
    return { charts: charts.items.length, pivots: pivots.items.map((p) => p.name) };
  });
}

const first = () => [
  sub("RH01", [calls("2020-04", 100), calls("2020-05", 120), vulnerable("2020-04", 50)], { signedOffOn: month("2020-05") + 10 }),
  sub("GH02", [calls("2020-04", 30), calls("2020-05", 40)], { homesManaged: 3000, signedOffOn: month("2020-05") + 12 }),
  sub("BAD1", [calls("2020-04", 1)], { errors: 2 }),
];

describe("Collate through the gateway", () => {
  it("collates into an empty workbook: the sector sheets, ledger, totals, charts and PivotTable, in 2 + read batches + write batches + 1 syncs", async () => {
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host);
    const steps: string[] = [];
    const outcome = await gateway.collate(first(), { today, sectorHomes: 10_000 }, (step) => steps.push(step));

    expect(outcome.batches).toBe(1);
    expect(host.syncCount).toBe(2 + outcome.readBatches + outcome.batches + 1);
    expect(outcome.largestRequest).toBeLessThan(DEFAULT_BUDGET_BYTES);
    // The new workbook's empty Sheet1 is removed once the sector sheets exist (collate-new-workbook.test.ts).
    expect(await sheetNames(host)).toEqual(["Sector summary", "Month by month", "Submissions", "Organisations", "Sector data", "Sector totals", "Revisions", "Chase list", "Reflections", "Sector charts", "Sector pivots"]);
    expect(steps[steps.length - 1]).toBe("Done");
    // Every sector sheet prints as the file's do: A4 landscape, its header row on every page, sector, sheet, day and page x of y.
    for (const sheet of host.toJSON().sheets.filter((s) => !["Sheet1", "Sector pivots", "Sector charts"].includes(s.name))) {
      expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", printTitleRows: "1:1", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
      expect(sheet.pageLayout?.paperSize ?? "A4").toBe("A4");
      expect(sheet.pageLayout?.headersFooters?.defaultForAllPages).toMatchObject({ leftHeader: "Sector returns", centerHeader: sheet.name, rightHeader: "As on 20/07/2020", rightFooter: "Page &P of &N" });
    }

    const ledger = await table(host, "Submissions");
    expect(ledger.map((r) => [r["Organisation code"], r.Status])).toEqual([
      ["BAD1", "held"],
      ["GH02", "accepted"],
      ["RH01", "accepted"],
    ]);
    const totals = await table(host, "SectorTotals");
    const callsApr = totals.find((t) => t.Code === "WELFARE_CALLS" && t.Month === month("2020-04"))!;
    expect(callsApr["Reported total"]).toBe(130);
    expect(callsApr["Homes covered"]).toBe(4000);
    expect(callsApr["Coverage %"]).toBeCloseTo(0.4);
    expect(callsApr["Scaled estimate"]).toBeCloseTo(325);
    const register = await table(host, "Register");
    expect(register.map((r) => [r["Organisation code"], r["Homes managed"]])).toEqual([
      ["BAD1", 1000],
      ["GH02", 3000],
      ["RH01", 1000],
    ]);
    expect(host.cell("Organisations", "E1").value).toBe("Sector homes");
    expect(host.cell("Organisations", "F1").value).toBe(10_000);

    const { charts, pivots } = await chartsAndPivots(host);
    expect(charts).toBeGreaterThanOrEqual(2);
    expect(pivots).toEqual(["SectorTotalsPivotCounts", "SectorTotalsPivotPeople"]);
    expect(await table(host, "SectorChartData")).toHaveLength(2);
    expect(outcome.files.map((f) => f.status).sort()).toEqual(["accepted", "accepted", "held"]);
  });

  it("adds a resubmission and a new organisation to the same workbook: the ledger grows, the older file is superseded, revisions listed, nothing lost", async () => {
    const host = new MemoryExcelHost();
    const gateway = createExcelGateway(host);
    const earlier = first();
    await gateway.collate(earlier, { today, sectorHomes: 10_000 });
    const dataBefore = await table(host, "SectorData");

    host.resetSyncCount();
    const resubmission = sub("RH01", [calls("2020-04", 110), calls("2020-05", 120), calls("2020-06", 90), vulnerable("2020-04", 50)], { signedOffOn: month("2020-06") + 10 });
    const newcomer = sub("NH03", [calls("2020-06", 7)], { homesManaged: 500, signedOffOn: month("2020-06") + 5 });
    const again = { ...earlier[1]!, file: "GH02 copy.xlsx" }; // the same bytes again
    // No sectorHomes given: the workbook's own is kept.
    const outcome = await gateway.collate([resubmission, newcomer, again], { today });
    expect(host.syncCount).toBe(2 + outcome.readBatches + outcome.batches + 1);
    expect(outcome.previousFiles).toBe(3);
    expect(outcome.sectorHomes).toBe(10_000);

    const ledger = await table(host, "Submissions");
    expect(ledger.map((r) => [r.File, r.Status])).toEqual([
      [earlier[2]!.file, "held"],
      [earlier[1]!.file, "accepted"],
      ["GH02 copy.xlsx", "duplicate"],
      [newcomer.file, "accepted"],
      [earlier[0]!.file, "superseded"],
      [resubmission.file, "accepted"],
    ]);
    // Every file collated before is still in the ledger.
    for (const f of earlier) expect(ledger.some((r) => r["SHA-256"] === f.sha256)).toBe(true);

    const data = await table(host, "SectorData");
    // GH02's figures, collated last time and not resubmitted, are still there (rebuilt from SectorData).
    expect(data.filter((d) => d["Organisation code"] === "GH02")).toEqual(dataBefore.filter((d) => d["Organisation code"] === "GH02"));
    expect(data.filter((d) => d["Organisation code"] === "RH01" && d.Code === "WELFARE_CALLS").map((d) => d.Value)).toEqual([110, 120, 90]);
    expect(data.some((d) => d["Organisation code"] === "NH03" && d.Value === 7)).toBe(true);

    const revisions = await table(host, "Revisions");
    expect(revisions).toEqual([expect.objectContaining({ "Organisation code": "RH01", Code: "WELFARE_CALLS", Month: month("2020-04"), Was: 100, Now: 110, File: resubmission.file })]);
    const totals = await table(host, "SectorTotals");
    const callsJun = totals.find((t) => t.Code === "WELFARE_CALLS" && t.Month === month("2020-06"))!;
    expect(callsJun["Reported total"]).toBe(97);
    expect(callsJun["Homes covered"]).toBe(1500);

    // A third run with nothing new changes nothing in the ledger.
    await gateway.collate([], { today });
    const byFile = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.File).localeCompare(String(b.File)));
    expect(byFile(await table(host, "Submissions"))).toEqual(byFile(ledger));
    expect(await table(host, "Revisions")).toEqual(revisions);
    expect((await sheetNames(host)).filter((s) => s.endsWith("(new)"))).toEqual([]);
    expect((await chartsAndPivots(host)).pivots).toEqual(["SectorTotalsPivotCounts", "SectorTotalsPivotPeople"]);
  });

  it("splits the writes into batches under the budget: syncs = 2 + read batches + write batches + 1, and the same workbook as one batch", async () => {
    const many: Submission[] = [];
    for (let o = 0; o < 12; o++) {
      const figures: Figure[] = [];
      for (const m of ["2020-04", "2020-05", "2020-06"]) for (const l of LINES.filter((x) => x.breakdown === "")) figures.push({ code: l.code, breakdown: "", month: m, value: o * 10 + 1 });
      many.push(sub(`ORG${String(o).padStart(2, "0")}`, figures, { signedOffOn: month("2020-07") }));
    }
    const big = new MemoryExcelHost();
    const bigOutcome = await createExcelGateway(big).collate(many, { today, sectorHomes: 50_000 });
    expect(bigOutcome.batches).toBe(1);

    const budget = 6_000;
    const small = new MemoryExcelHost();
    const outcome = await createExcelGateway(small).collate(many, { today, sectorHomes: 50_000, budgetBytes: budget });
    expect(outcome.batches).toBeGreaterThan(3);
    expect(small.syncCount).toBe(2 + outcome.readBatches + outcome.batches + 1);
    expect(outcome.largestRequest).toBeLessThanOrEqual(budget);
    for (const name of ["Submissions", "Register", "SectorData", "SectorTotals", "Revisions", "ChaseList"]) expect(await table(small, name)).toEqual(await table(big, name));
  });

  it("planBatches: each batch within the budget, every row once, in order", () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`row ${i}`, i]);
    const plan = { sheet: "S", table: "T", columns: [{ header: "A", format: "text" as const, width: 10 }, { header: "B", format: "count" as const, width: 10 }], rows };
    const batches = planBatches([plan, { ...plan, table: "U", rows: [] }], 400);
    expect(batches.length).toBeGreaterThan(3);
    for (const b of batches) expect(b.reduce((s, p) => s + p.bytes, 0)).toBeLessThanOrEqual(400);
    const written = batches.flat().flatMap((p) => (p.kind === "rows" && p.table === 0 ? p.values : []));
    expect(written).toEqual(rows);
    // An empty table still gets its one blank row.
    expect(batches.flat().filter((p) => p.kind === "rows" && p.table === 1)).toHaveLength(1);
  });

  it("refuses, changing nothing, when a sheet of the same name is not Collate's", async () => {
    const host = MemoryExcelHost.fromSnapshot({ sheets: [{ name: "Submissions", rows: [["Someone else's list"]] }] });
    await expect(createExcelGateway(host).collate(first(), { today })).rejects.toThrow(/a sheet called 'Submissions' that Impact Returns did not make \(it has no Submissions table\), so Collate will not replace it/);
    expect(await sheetNames(host)).toEqual(["Submissions"]);
    expect(host.cell("Submissions", "A1").value).toBe("Someone else's list");
  });
});

describe("the zip guard's browser inflater", () => {
  const text = new TextEncoder().encode("<row>".repeat(5000));
  const packed = deflateRawSync(text);
  it("inflates chunk by chunk to the recorded size", async () => {
    expect(Buffer.from(await streamInflater(packed, text.length)).equals(Buffer.from(text))).toBe(true);
  });
  it("stops at the cap: more than the recorded size is refused", async () => {
    await expect(streamInflater(packed, 1000)).rejects.toBeInstanceOf(InflatedTooLarge);
  });
  it("refuses damaged data", async () => {
    await expect(streamInflater(new Uint8Array([1, 2, 3, 4, 5, 250]), 100)).rejects.toBeDefined();
  });
});
