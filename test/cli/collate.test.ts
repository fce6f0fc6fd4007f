/**
 * `impact-returns collate` on a folder of real returns made by the template command and filled:
 * several organisations (two framework versions), a resubmission with a revised and a blanked
 * figure, a byte-identical duplicate, a return with errors, a non-return and hostile files. The
 * expected totals are worked out here, independently, from the rules that made the figures.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import type { MeasureRow } from "../../src/core/setup/measure-rows";
import { measureRows } from "../../src/core/setup/measure-rows";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { deflateRepeated, SHEET, SHEET_HEAD, SHEET_TAIL, workbookWith } from "../support/hostile-files";
import { convertWithLibreOffice, isA4Landscape, pageTexts, pdfPages } from "../support/libreoffice";
import { tableRecords } from "../support/sheet-table";
import { figureOf, makeReturn, makeTemplate, V1, V2, type ReturnSpec } from "../support/returns";

jest.setTimeout(240_000);

const HOSTILE_NAME = '=HYPERLINK("http://evil.example/","Click me")';
const PHONE_NAME = "+44 161 496 0000";
const SECTOR_HOMES = 20_000;
const REGISTER: Record<string, number> = { AL01: 1200, BE02: 3000, GA03: 6000, DE04: 500 };

const rule = (factor: number) => (row: MeasureRow, m: number) => (V2.measures.findIndex((x) => x.code === row.code) + 1) * 10 * factor + m + (row.breakdown === "" ? 0 : row.breakdown.length);

const alpha: ReturnSpec = { organisation: "Alpha Homes", code: "AL01", homes: 1000, months: 3, value: rule(1), signedOffOn: new Date(Date.UTC(2020, 6, 5)) };
// The resubmission: WELFARE_CALLS in May revised (Measures!G2), VOLUNTEER_HOURS (not required) in June blanked (H17).
const alphaAgain: ReturnSpec = { ...alpha, signedOffOn: new Date(Date.UTC(2020, 6, 10)), extra: { Measures: { G2: 999, H17: null } } };
const beta: ReturnSpec = { organisation: HOSTILE_NAME, code: "BE02", homes: 3000, months: 2, value: rule(2), version: 2, signedOffOn: new Date(Date.UTC(2020, 5, 1)) };
const betaBad: ReturnSpec = { ...beta, months: 3, signedOffOn: new Date(Date.UTC(2020, 6, 1)), extra: { Measures: { F2: "lots" } } };
const gamma: ReturnSpec = { organisation: PHONE_NAME, code: "GA03", homes: 6000, months: 3, value: rule(3) };

interface Expected {
  organisations: number;
  homes: number;
  total: number;
}

/** Totals worked out from the specs of the returns in use (alpha's resubmission, beta's first, gamma). */
function expectedTotals(): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const add = (spec: ReturnSpec, overrides: Record<string, number | null>) => {
    const framework = spec.version === 2 ? V2 : V1;
    const rows = measureRows(framework);
    rows.forEach((row) => {
      for (let m = 0; m < spec.months; m++) {
        const month = `2020-${String(4 + m).padStart(2, "0")}`;
        const key = `${row.code}|${row.breakdown}|${month}`;
        const value = key in overrides ? overrides[key] : figureOf(spec, rows, row, m);
        if (value === null || value === undefined) continue;
        const e = out.get(key) ?? { organisations: 0, homes: 0, total: 0 };
        e.organisations++;
        e.homes += REGISTER[spec.code]!;
        e.total += value;
        out.set(key, e);
      }
    });
  };
  add(alphaAgain, { "WELFARE_CALLS||2020-05": 999, "VOLUNTEER_HOURS||2020-06": null });
  add(beta, {});
  add(gamma, {});
  return out;
}

let dir: string;
let cleanUp: () => void;
let returns: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanUp } = tempDir("collate"));
  const v1 = join(dir, "template-v1.xlsx");
  const v2 = join(dir, "template-v2.xlsx");
  makeTemplate(v1, 1);
  makeTemplate(v2, 2);
  returns = join(dir, "returns");
  mkdirSync(join(returns, "june"), { recursive: true });
  const make = async (name: string, spec: ReturnSpec) => {
    files[name] = join(returns, name);
    await makeReturn(spec.version === 2 ? v2 : v1, files[name], spec);
  };
  await make("alpha.xlsx", alpha);
  await make("alpha-resubmitted.xlsx", alphaAgain);
  await make("beta.xlsx", beta);
  await make("beta-with-errors.xlsx", betaBad);
  files["june/gamma.xlsx"] = join(returns, "june", "gamma.xlsx");
  await makeReturn(v1, files["june/gamma.xlsx"], gamma);
  // A byte-identical copy, made later.
  files["copy of alpha-resubmitted.xlsx"] = join(returns, "copy of alpha-resubmitted.xlsx");
  copyFileSync(files["alpha-resubmitted.xlsx"]!, files["copy of alpha-resubmitted.xlsx"]);
  utimesSync(files["copy of alpha-resubmitted.xlsx"], new Date(), new Date(Date.now() + 60_000));
  // Not a return, and hostile files.
  const notes = new Workbook();
  notes.addWorksheet("Notes").getCell("A1").value = "Minutes of the meeting";
  files["notes.xlsx"] = join(returns, "notes.xlsx");
  await notes.xlsx.writeFile(files["notes.xlsx"]);
  files["bomb.xlsx"] = join(returns, "bomb.xlsx");
  writeFileSync(files["bomb.xlsx"], await workbookWith({ [SHEET]: { name: SHEET, deflated: await deflateRepeated(SHEET_HEAD, '<row r="1"><c r="A1"><v>1</v></c></row>', 400_000, SHEET_TAIL) } }));
  files["half.xlsx"] = join(returns, "half.xlsx");
  const whole = readFileSync(files["beta.xlsx"]!);
  writeFileSync(files["half.xlsx"], whole.subarray(0, Math.floor(whole.length / 2)));
  files["list.xlsx"] = join(returns, "list.xlsx");
  writeFileSync(files["list.xlsx"], "Organisation,Figure\nA,1\n");
  writeFileSync(join(dir, "register.csv"), `Organisation code,Organisation,Homes managed\n${Object.entries(REGISTER).map(([code, homes]) => `${code},"Org ${code}, Ltd",${homes}`).join("\n")}\n`);
});


afterAll(() => {
  if (!process.env.KEEP_TEST_FILES) cleanUp?.();
});

function collateRun(args: string[]) {
  return runCli(["collate", ...args, "--register", join(dir, "register.csv"), "--sector-homes", String(SECTOR_HOMES), "--as-of", "2020-08-20"]);
}

interface JsonOut {
  files: { file: string; sha256: string | null; status: string; reason: string; organisationCode: string | null; reportingYearStart: string | null; monthsReported: number | null; errors: number | null }[];
  totals: { code: string; breakdown: string; month: string; organisations: number; homesCovered: number; coverage: number | null; reportedTotal: number; scaledEstimate: number | null; estimateNote: string | null }[];
  revisions: { organisationCode: string; code: string; breakdown: string; month: string; was: number; now: number | null; file: string }[];
  chase: { organisationCode: string; month: string; why: string }[];
}

describe("impact-returns collate", () => {
  let json: JsonOut;
  let out: string;

  beforeAll(() => {
    out = join(dir, "sector.xlsx");
    const result = collateRun([returns, "--out", out, "--json", "--receipts", join(dir, "receipts")]);
    expect(result.stderr).not.toMatch(/unexpected/i);
    expect(result.status).toBe(0);
    json = JSON.parse(result.stdout) as JsonOut;
  });

  it("gives every file the right status", () => {
    const status = Object.fromEntries(json.files.map((f) => [f.file.slice(returns.length + 1), f.status]));
    expect(status).toEqual({
      "alpha.xlsx": "superseded",
      "alpha-resubmitted.xlsx": "accepted",
      "copy of alpha-resubmitted.xlsx": "duplicate",
      "beta.xlsx": "accepted",
      "beta-with-errors.xlsx": "held",
      "june/gamma.xlsx": "accepted",
      "notes.xlsx": "rejected",
      "bomb.xlsx": "rejected",
      "half.xlsx": "rejected",
      "list.xlsx": "rejected",
    });
    const byName = (name: string) => json.files.find((f) => f.file === files[name])!;
    expect(byName("beta-with-errors.xlsx").reason).toContain("beta.xlsx");
    expect(byName("copy of alpha-resubmitted.xlsx").reason).toContain("alpha-resubmitted.xlsx");
    expect(byName("notes.xlsx").reason).toMatch(/not an Impact Returns workbook/);
    expect(byName("half.xlsx").reason).toMatch(/incomplete/);
    expect(byName("alpha-resubmitted.xlsx")).toMatchObject({ organisationCode: "AL01", reportingYearStart: "2020-04", monthsReported: 3, errors: 0 });
  });

  it("works out every total, coverage and scaled estimate as they are worked out independently", () => {
    const expected = expectedTotals();
    expect(json.totals).toHaveLength(expected.size);
    for (const t of json.totals) {
      const e = expected.get(`${t.code}|${t.breakdown}|${t.month}`);
      expect(e).toBeDefined();
      expect(t.organisations).toBe(e!.organisations);
      expect(t.homesCovered).toBe(e!.homes);
      expect(t.reportedTotal).toBeCloseTo(e!.total, 6);
      expect(t.coverage).toBeCloseTo(e!.homes / SECTOR_HOMES, 10);
      // An estimate only from 30% of the sector's homes or more (the built-in framework's minimum).
      if (e!.homes / SECTOR_HOMES >= 0.3) {
        expect(t.scaledEstimate).toBeCloseTo((e!.total * SECTOR_HOMES) / e!.homes, 6);
        expect(t.estimateNote).toBeNull();
      } else {
        expect(t.scaledEstimate).toBeNull();
        expect(t.estimateNote).toMatch(/^No estimate: the organisations reporting cover [\d.]+% of the sector's homes, below the 30% a reliable estimate needs\.$/);
      }
    }
    // Both sides of the minimum occur in these returns.
    expect(json.totals.some((t) => t.scaledEstimate === null)).toBe(true);
    expect(json.totals.some((t) => t.scaledEstimate !== null)).toBe(true);
    // The measure only version 2 has is reported by beta alone; stocks are per month.
    expect(json.totals.filter((t) => t.code === "GRANTS_TO_GROUPS").map((t) => t.organisations)).toEqual([1, 1]);
    expect(json.totals.filter((t) => t.code === "VULNERABLE_RESIDENTS").map((t) => t.month)).toEqual(["2020-04", "2020-05", "2020-06"]);
  });

  it("heads the workbook with the year's headlines: flows to date, stocks as at the latest month, estimates only from enough coverage", async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    const rows = tableRecords(wb.getWorksheet("Sector summary")!);
    const expected = expectedTotals();
    const lines = measureRows(V2);
    const reportedLines = lines.filter((l) => ["04", "05", "06"].some((m) => expected.has(`${l.code}|${l.breakdown}|2020-${m}`)));
    expect(rows.map((r) => `${String(r.Code)}|${String(r.Breakdown ?? "")}`)).toEqual(reportedLines.map((l) => `${l.code}|${l.breakdown}`));
    for (const line of reportedLines) {
      const row = rows.find((r) => r.Code === line.code && String(r.Breakdown ?? "") === line.breakdown)!;
      const months = ["04", "05", "06"].map((m) => expected.get(`${line.code}|${line.breakdown}|2020-${m}`)).filter((e): e is Expected => e !== undefined);
      const latest = months[months.length - 1]!;
      const stock = V2.measures.find((m) => m.code === line.code)!.kind === "stock";
      expect(row["Months reported"]).toBe(months.length);
      expect(row["Organisations reporting"]).toBe(latest.organisations);
      expect(row["Coverage %"]).toBeCloseTo(latest.homes / SECTOR_HOMES, 10);
      expect(row.Figure).toBe(stock ? "Latest month" : "Year to date");
      expect(row.Reported).toBeCloseTo(stock ? latest.total : months.reduce((sum, e) => sum + e.total, 0), 6);
      const estimable = stock ? [latest] : months;
      if (estimable.every((e) => e.homes / SECTOR_HOMES >= 0.3)) {
        const estimate = estimable.reduce((sum, e) => sum + (e.total * SECTOR_HOMES) / e.homes, 0);
        expect(row["Scaled estimate"]).toBeCloseTo(estimate, 6);
        expect(row["Estimate note"]).toBeUndefined();
      } else {
        expect(row["Scaled estimate"]).toBeUndefined();
        expect(String(row["Estimate note"])).toMatch(/^No estimate: .*below the 30% a reliable estimate needs/);
      }
    }
    expect(rows.some((r) => r["Scaled estimate"] === undefined) && rows.some((r) => r["Scaled estimate"] !== undefined)).toBe(true);
    // Below the table, one blank row between: how the figures are made, in plain words.
    const summary = wb.getWorksheet("Sector summary")!;
    const below = Array.from({ length: 8 }, (_, i) => summary.getCell(`A${rows.length + 3 + i}`).value);
    expect(below[0]).toBe("How these figures are made");
    expect(below).toContain("Coverage is the homes managed by the organisations that reported a figure, as a share of the sector's 20,000 homes.");
    expect(below.some((line) => /made only where coverage is at least 30%/.test(String(line)))).toBe(true);
    expect(summary.getCell(`A${rows.length + 2}`).value).toBeNull();
    // Month by month: each measure row's reported totals, Apr 2020 to Mar 2021.
    const monthlySheet = wb.getWorksheet("Month by month")!;
    const monthly = tableRecords(monthlySheet);
    expect((monthlySheet.getRow(1).values as unknown[]).slice(6)).toEqual(["Apr 2020", "May 2020", "Jun 2020", "Jul 2020", "Aug 2020", "Sep 2020", "Oct 2020", "Nov 2020", "Dec 2020", "Jan 2021", "Feb 2021", "Mar 2021"]);
    const calls = monthly.find((r) => r.Code === "WELFARE_CALLS")!;
    expect([calls["Apr 2020"], calls["May 2020"], calls["Jun 2020"], calls["Jul 2020"]]).toEqual([
      expected.get("WELFARE_CALLS||2020-04")!.total,
      expected.get("WELFARE_CALLS||2020-05")!.total,
      expected.get("WELFARE_CALLS||2020-06")!.total,
      undefined,
    ]);
  });

  it("makes scaled estimates from less coverage when --min-coverage says so", () => {
    const lower = collateRun([returns, "--out", join(dir, "lower.xlsx"), "--json", "--min-coverage", "5%"]);
    expect(lower.status).toBe(0);
    const totals = (JSON.parse(lower.stdout) as JsonOut).totals;
    expect(totals.every((t) => t.scaledEstimate !== null && t.estimateNote === null)).toBe(true);
    const bad = runCli(["collate", returns, "--out", join(dir, "x.xlsx"), "--min-coverage", "0"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--min-coverage must be a percentage");
  });

  it("lists every revision", () => {
    expect(json.revisions).toEqual([
      { organisationCode: "AL01", code: "WELFARE_CALLS", breakdown: "", month: "2020-05", was: figureOf(alpha, measureRows(V1), measureRows(V1)[0]!, 1), now: 999, file: files["alpha-resubmitted.xlsx"] },
      { organisationCode: "AL01", code: "VOLUNTEER_HOURS", breakdown: "", month: "2020-06", was: figureOf(alpha, measureRows(V1), measureRows(V1)[15]!, 2), now: null, file: files["alpha-resubmitted.xlsx"] },
    ]);
  });

  it("chases the organisation on the register with no return, months not reported and the held return", () => {
    const chase = json.chase.map((c) => `${c.organisationCode} ${c.month}`);
    expect(chase).toEqual(expect.arrayContaining(["DE04 2020-04", "DE04 2020-07", "AL01 2020-07", "BE02 2020-06"]));
    expect(json.chase.some((c) => c.organisationCode === "BE02" && /held/.test(c.why))).toBe(true);
    expect(chase).not.toContain("AL01 2020-05");
  });

  it("writes the sector workbook that reads back with its tables, and hostile text arrives as text", async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sector summary", "Month by month", "Submissions", "Organisations", "Sector data", "Sector totals", "Revisions", "Chase list", "Reflections", "Sector charts"]);
    const data = wb.getWorksheet("Sector data")!;
    expect(data.getRow(1).values).toEqual([undefined, "Organisation code", "Organisation", "Code", "Measure", "Breakdown", "Unit", "Kind", "Month", "Value"]);
    const names = new Set<unknown>();
    data.eachRow((row, n) => {
      if (n > 1) names.add(row.getCell(2).value);
    });
    // The register's names are used; the returns' own names are in Submissions.
    expect(names).toEqual(new Set(["Org AL01, Ltd", "Org BE02, Ltd", "Org GA03, Ltd"]));
    const subs = wb.getWorksheet("Submissions")!;
    const cells: unknown[] = [];
    subs.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain(HOSTILE_NAME);
    expect(cells).toContain(PHONE_NAME);
    expect(cells.some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(false);
    const month = data.getCell("H2").value;
    expect(month).toBeInstanceOf(Date);
    expect((month as Date).toISOString().slice(0, 10)).toBe("2020-04-01");
    const totals = wb.getWorksheet("Sector totals")!;
    expect(totals.getCell("I1").value).toBe("Coverage %");
    expect(totals.getCell("I2").numFmt).toContain("%");
  });

  it("draws charts that tell the truth: one year, reported and estimated never on one axis, coverage a line of its own, short month labels", async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const chartParts = Object.keys(zip.files)
      .filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    const charts = await Promise.all(chartParts.map((name) => zip.file(name)!.async("string")));
    const titleOf = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join("");
    const reported = charts.filter((xml) => /: reported, Apr 2020 to Jun 2020/.test(titleOf(xml)));
    const estimated = charts.filter((xml) => /: scaled estimate for the sector, Apr 2020 to Jun 2020/.test(titleOf(xml)));
    const coverage = charts.filter((xml) => /^Coverage: share of the sector's homes reporting/.test(titleOf(xml)));
    expect(reported.length).toBeGreaterThanOrEqual(1);
    expect(estimated.length).toBeGreaterThanOrEqual(1);
    expect(coverage).toHaveLength(1);
    expect(reported.length + estimated.length + coverage.length).toBe(charts.length);
    for (const xml of charts) {
      // One series a chart, so its legend names exactly what it shows; months as "Apr 20".
      expect(xml.match(/<c:ser>/g)).toHaveLength(1);
      expect(xml).toContain('formatCode="mmm yy"');
    }
    for (const xml of reported) expect(xml).toContain("<c:barChart>");
    for (const xml of [...estimated, ...coverage]) expect(xml).toContain("<c:lineChart>");
    expect(coverage[0]).toContain('formatCode="0%"');
    const wb = new Workbook();
    await wb.xlsx.readFile(out);
    const data = wb.getWorksheet("Sector charts")!;
    const headers = (data.getRow(1).values as unknown[]).slice(1);
    expect(headers[0]).toBe("Month");
    expect(headers.filter((h) => /: reported total$/.test(String(h)))).toHaveLength(reported.length);
    expect(headers[headers.length - 1]).toBe("Coverage");
    // Coverage: the homes of the organisations with any figure that month (beta reported April and May only).
    const coverageColumn = headers.length;
    const values: unknown[] = [];
    data.eachRow((row, n) => {
      if (n > 1) values.push(row.getCell(coverageColumn).value);
    });
    expect(values).toEqual([(1200 + 3000 + 6000) / SECTOR_HOMES, (1200 + 3000 + 6000) / SECTOR_HOMES, (1200 + 6000) / SECTOR_HOMES]);
    const months = new Set(json.totals.map((t) => t.month));
    expect(data.rowCount).toBe(months.size + 1);
  });

  it("opens in LibreOffice with hostile text still text", () => {
    const converted = convertWithLibreOffice(out, "xlsx", join(dir, "lo"), dir);
    return (async () => {
      const wb = new Workbook();
      await wb.xlsx.readFile(converted);
      const values: unknown[] = [];
      wb.getWorksheet("Submissions")!.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
      expect(values).toContain(HOSTILE_NAME);
      expect(values).toContain(PHONE_NAME);
      expect(values.some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(false);
      expect(wb.getWorksheet("Sector totals")!.rowCount).toBe(json.totals.length + 1);
      // LibreOffice read the charts (it writes back only those it understood).
      const zip = await JSZip.loadAsync(readFileSync(converted));
      expect(Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name)).length).toBeGreaterThanOrEqual(2);
    })();
  });

  it("prints as LibreOffice does: every page A4 landscape with the sheet's header row and 'Page x of y', the summary on at most 2 pages", () => {
    const pdf = convertWithLibreOffice(out, "pdf", join(dir, "pdf"), dir);
    const pages = pdfPages(readFileSync(pdf));
    expect(pages.length).toBeGreaterThan(8);
    expect(pages.every(isA4Landscape)).toBe(true);
    const texts = pageTexts(pdf, pages.length);
    // The first column's header starts every page (the header row repeated); the header names the sheet and the day.
    const firstHeader: Record<string, string> = { "Sector summary": "Code", "Month by month": "Code", Submissions: "File", Organisations: "Organisation code", "Sector data": "Organisation code", "Sector totals": "Code", Revisions: "Organisation code", "Chase list": "Organisation code", Reflections: "Organisation code", "Sector charts": "Month" };
    const sheetOf = texts.map((t) => Object.keys(firstHeader).find((sheet) => new RegExp(`Sector returns.*\\b${sheet}\\b.*As on 20/08/2020`).test(t)));
    expect(sheetOf.every((s) => s !== undefined)).toBe(true);
    texts.forEach((t, i) => {
      expect(t).toMatch(new RegExp(`^\\s*${firstHeader[sheetOf[i]!]!.split(" ")[0]!}\\b`, "m"));
      expect(t).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`));
    });
    expect(sheetOf.filter((s) => s === "Sector summary").length).toBeLessThanOrEqual(2);
    // Every printed row of Sector totals shows its measure and month: one page wide.
    const totalsPages = texts.filter((_, i) => sheetOf[i] === "Sector totals");
    for (const t of totalsPages) expect(t).toMatch(/Measure.*Breakdown.*Month.*Reported total/);
  });

  it("writes one receipt per file in plain words: outcome, reason, each error's sheet and cell, what to do next and by when, the SHA-256 last", () => {
    const names = readdirSync(join(dir, "receipts")).sort();
    expect(names).toHaveLength(json.files.length);
    const read = (name: string) => readFileSync(join(dir, "receipts", name), "utf8");
    const held = read("beta-with-errors.receipt.txt");
    expect(held).toMatch(/^Outcome: +Held: has check errors$/m);
    expect(held).toContain("Errors to correct (1):\n  Measures sheet, cell F2: ");
    expect(held).toMatch(/^What to do next: +Please correct the errors .* by 15 September 2020 at the latest\.$/m);
    const accepted = read("alpha-resubmitted.receipt.txt");
    expect(accepted).toMatch(/^Outcome: +Accepted$/m);
    expect(accepted).toContain("Warnings to explain or correct (1):\n  Measures sheet, cell G2: ");
    // As on 20/08/2020 July's return (due 15 August) is overdue; August's is next.
    expect(accepted).toMatch(/^Overdue: +Jul 2020: due by 15 August 2020 and not yet received/m);
    expect(accepted).toMatch(/^Next return due: +Aug 2020, by 15 September 2020$/m);
    const byName = (name: string) => json.files.find((f) => f.file === files[name])!;
    for (const name of ["beta-with-errors.xlsx", "alpha-resubmitted.xlsx", "half.xlsx"]) {
      const text = read(name.replace(/\.xlsx$/, ".receipt.txt"));
      // The fingerprint is the last line, labelled; no internal codes such as [not-a-number]; no centre's folders.
      expect(text.trimEnd().split("\n").pop()).toBe(`File fingerprint (SHA-256): ${byName(name).sha256!}`);
      expect(text).not.toMatch(/\[[a-z]+(-[a-z]+)+\]/);
      expect(text).not.toContain(returns);
    }
    // eslint-disable-next-line no-control-regex
    for (const name of names) expect(read(name)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it("writes the same workbook for the same inputs in another order", () => {
    const names = Object.values(files);
    const one = join(dir, "one.xlsx");
    const two = join(dir, "two.xlsx");
    expect(collateRun([...names, "--out", one, "--jobs", "2"]).status).toBe(0);
    expect(collateRun([...[...names].reverse(), "--out", two, "--jobs", "1"]).status).toBe(0);
    expect(readFileSync(one).equals(readFileSync(two))).toBe(true);
  });

  it("refuses bad arguments with exit 2 and writes nothing", () => {
    expect(runCli(["collate", returns]).status).toBe(2);
    const r = runCli(["collate", returns, "--out", join(dir, "x.xlsx"), "--sector-homes", "lots"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--sector-homes");
    expect(runCli(["collate", returns, "--out", out]).stderr).toContain("already exists");
  });
});
