/**
 * `impact-returns collate --bulletin --feedback` on real returns (three organisations reporting
 * April to June 2020, one of them leaving two cells of June blank, so those cells are reported by
 * exactly two; a fourth whose only return is held). Every figure is worked out here from the specs
 * that made the returns; the bulletin and each feedback workbook are unzipped and searched, part by
 * part and cell by cell, for anything of another organisation, and for any number that would give
 * a two-organisation total away.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { measureRows, type MeasureRow } from "../../src/core/setup/measure-rows";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { convertWithLibreOffice, isA4Landscape, pageTexts, pdfPages } from "../support/libreoffice";
import { figureOf, makeReturn, makeTemplate, V1, type ReturnSpec } from "../support/returns";
import { tableRecords } from "../support/sheet-table";

jest.setTimeout(240_000);

const ROWS = measureRows(V1);
const MONTHS = ["2020-04", "2020-05", "2020-06"];
const SENTENCE = "Not shown: fewer than 3 organisations reported.";
const rowIndex = (code: string) => ROWS.findIndex((r) => r.code === code && (r.breakdown === "" || r.breakdown === "Total"));
const indexOf = (row: MeasureRow) => ROWS.findIndex((r) => r.code === row.code && r.breakdown === row.breakdown);
const rule = (base: number, step: number) => (row: MeasureRow, m: number) => (indexOf(row) + 1) * base + m * step + row.breakdown.length;
// June (column H) of a flow and a stock that are not required, left blank by Gamma: reported by exactly two.
const BLANK_IN_JUNE = ["VOLUNTEER_HOURS", "STAFF_REDEPLOYED"];

interface Org extends ReturnSpec {
  file: string;
  blank?: string[];
}
const ORGS: Org[] = [
  { organisation: "Alpha Homes", code: "AL01", homes: 1200, months: 3, value: rule(101, 3), file: "alpha-return.xlsx", signedOffOn: new Date(Date.UTC(2020, 6, 5)) },
  { organisation: "Beta Housing", code: "BE02", homes: 3000, months: 3, value: rule(307, 5), file: "beta-return.xlsx" },
  { organisation: "Gamma Trust", code: "GA03", homes: 6000, months: 3, value: rule(1009, 7), file: "gamma-return.xlsx", blank: BLANK_IN_JUNE },
];
const HELD: Org = { organisation: "Delta Living", code: "DE04", homes: 500, months: 3, value: rule(503, 11), file: "delta-return.xlsx", extra: { Measures: { F2: "lots" } } };
const REGISTER_NAMES: Record<string, string> = { AL01: "Alpha Homes Ltd", BE02: "Beta Housing Group", GA03: "Gamma Trust Homes", DE04: "Delta Living Ltd" };

/** An organisation's figure for a row and month, or undefined when it left it blank. */
function own(org: Org, row: MeasureRow, month: string): number | undefined {
  if (month === "2020-06" && org.blank?.includes(row.code)) return undefined;
  return figureOf(org, ROWS, row, MONTHS.indexOf(month));
}
function sector(row: MeasureRow, month: string): { total: number; organisations: number } {
  const figures = ORGS.map((o) => own(o, row, month)).filter((v): v is number => v !== undefined);
  return { total: figures.reduce((a, b) => a + b, 0), organisations: figures.length };
}
/** The numbers that would give a two-organisation total away: June's total of each blanked row, and a flow's year to date (less April and May, it is June's). */
function revealing(): number[] {
  const out: number[] = [];
  for (const code of BLANK_IN_JUNE) {
    const row = ROWS[rowIndex(code)]!;
    out.push(sector(row, "2020-06").total);
    if (row.kind === "flow") out.push(MONTHS.reduce((sum, m) => sum + sector(row, m).total, 0));
  }
  return out;
}

let dir: string;
let cleanUp: () => void;
let json: { bulletin: string; feedback: { folder: string; files: { organisationCode: string; file: string }[] }; minimumOrganisations: number };
let stdout: string;

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanUp } = tempDir("round-trip"));
  const template = join(dir, "template.xlsx");
  makeTemplate(template, 1);
  for (const org of [...ORGS, HELD]) {
    const measures: Record<string, null> = {};
    for (const code of org.blank ?? []) measures[`H${rowIndex(code) + 2}`] = null;
    await makeReturn(template, join(dir, org.file), { ...org, extra: { Measures: { ...(org.extra?.Measures ?? {}), ...measures } } });
  }
  writeFileSync(join(dir, "register.csv"), `Organisation code,Organisation,Homes managed\n${[...ORGS, HELD].map((o) => `${o.code},${REGISTER_NAMES[o.code]!},${o.homes!}`).join("\n")}\n`);
  const args = ["collate", ...[...ORGS, HELD].map((o) => join(dir, o.file)), "--out", join(dir, "sector.xlsx"), "--register", join(dir, "register.csv"), "--sector-homes", "20000", "--as-of", "2020-08-20"];
  const result = runCli([...args, "--bulletin", join(dir, "bulletin.xlsx"), "--feedback", join(dir, "feedback"), "--json"]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  json = JSON.parse(result.stdout) as typeof json;
  const text = runCli([...args, "--out", join(dir, "sector2.xlsx"), "--bulletin", join(dir, "bulletin2.xlsx"), "--feedback", join(dir, "feedback2")]);
  expect(text.status).toBe(0);
  stdout = text.stdout;
});

afterAll(() => {
  if (!process.env.KEEP_TEST_FILES) cleanUp?.();
});

/** Every part of the package as text, and every number it holds in a cell or a chart's cache. */
async function packageOf(file: string): Promise<{ parts: Record<string, string>; numbers: number[] }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts: Record<string, string> = {};
  const numbers: number[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    const xml = await zip.file(name)!.async("string");
    parts[name] = xml;
    for (const m of xml.matchAll(/<(?:c:)?v>([^<]*)<\/(?:c:)?v>/g)) if (Number.isFinite(Number(m[1]))) numbers.push(Number(m[1]));
    for (const m of xml.matchAll(/<t[^>]*>([^<]*)<\/t>/g)) for (const n of m[1]!.replace(/,/g, "").matchAll(/\d+(?:\.\d+)?/g)) numbers.push(Number(n[0]));
  }
  return { parts, numbers };
}

/** Every sheet's table, as records keyed by its headers (row 1), and every cell's value. */
async function sheetsOf(file: string): Promise<{ tables: Record<string, Record<string, unknown>[]>; values: unknown[] }> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  const tables: Record<string, Record<string, unknown>[]> = {};
  const values: unknown[] = [];
  wb.eachSheet((sheet) => {
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    tables[sheet.name] = tableRecords(sheet);
  });
  return { tables, values };
}

/** Nothing of these organisations anywhere: code, name, register name or file name, in any part of the package or any cell. */
async function expectNothingOf(file: string, others: Org[]): Promise<void> {
  const { parts } = await packageOf(file);
  const { values } = await sheetsOf(file);
  const words = others.flatMap((o) => [o.code, o.organisation, REGISTER_NAMES[o.code]!, o.file, o.file.replace(/\.xlsx$/, "")]);
  const texts = [...Object.values(parts), ...Object.keys(parts), ...values.map((v) => (v instanceof Date ? "" : JSON.stringify(v)))];
  for (const word of words) for (const text of texts) expect(text.toLowerCase().includes(word.toLowerCase()) ? `${word} found` : "").toBe("");
}

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) < 1e-6;
const isoOf = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 7) : String(d));

describe("collate --bulletin and --feedback", () => {
  it("reports what it wrote: the bulletin, a feedback workbook for each organisation with a return in use, the rule", () => {
    expect(json.minimumOrganisations).toBe(3);
    expect(json.bulletin).toBe(join(dir, "bulletin.xlsx"));
    expect(json.feedback.files.map((f) => f.organisationCode)).toEqual(["AL01", "BE02", "GA03"]);
    expect(readdirSync(join(dir, "feedback")).sort()).toEqual(["AL01 feedback.xlsx", "BE02 feedback.xlsx", "GA03 feedback.xlsx"]);
    expect(stdout).toMatch(/Bulletin: .*bulletin2\.xlsx \(sector figures from fewer than 3 organisations not shown\)/);
    expect(stdout).toMatch(/Feedback: +3 workbooks in .*feedback2/);
  });

  it("refuses a bad --min-organisations, a bulletin that exists (without --force), and a --feedback that is a file", () => {
    const base = ["collate", join(dir, ORGS[0]!.file), "--out", join(dir, "x.xlsx"), "--as-of", "2020-08-20"];
    expect(runCli([...base, "--min-organisations", "1"]).stderr).toContain("--min-organisations must be a whole number from 2 to 100");
    expect(runCli([...base, "--min-organisations", "2.5"]).status).toBe(2);
    expect(runCli([...base, "--bulletin", join(dir, "bulletin.xlsx")]).stderr).toContain("already exists");
    expect(runCli([...base, "--feedback", join(dir, "register.csv")]).stderr).toContain("is a file, not a folder");
  });

  describe("an organisation's feedback", () => {
    const alpha = ORGS[0]!;
    const file = () => join(dir, "feedback", "AL01 feedback.xlsx");

    it("shows its figure, the sector's reported total, organisations reporting and its share, month by month", async () => {
      const { tables } = await sheetsOf(file());
      const rows = tables["Month by month"]!;
      expect(rows).toHaveLength(ROWS.length * 3);
      let hidden = 0;
      for (const r of rows) {
        const row = ROWS.find((x) => x.code === r.Code && x.breakdown === (r.Breakdown ?? ""))!;
        const month = isoOf(r.Month);
        const s = sector(row, month);
        expect(close(r["Your figure"], own(alpha, row, month)!)).toBe(true);
        if (s.organisations < 3) {
          hidden++;
          expect([r["Sector reported total"], r["Organisations reporting"], r["Your share %"], r.Note]).toEqual([undefined, undefined, undefined, SENTENCE]);
        } else {
          expect(close(r["Sector reported total"], s.total)).toBe(true);
          expect(r["Organisations reporting"]).toBe(3);
          expect(close(r["Your share %"], own(alpha, row, month)! / s.total)).toBe(true);
        }
      }
      expect(hidden).toBe(2);
    });

    it("adds flows up over the months it reported (year to date) and takes stocks as in its latest month, never summed", async () => {
      const { tables } = await sheetsOf(file());
      const rows = tables["Your figures"]!;
      expect(rows).toHaveLength(ROWS.length);
      for (const r of rows) {
        const row = ROWS.find((x) => x.code === r.Code && x.breakdown === (r.Breakdown ?? ""))!;
        expect(isoOf(r["Reporting year start"])).toBe("2020-04");
        const hiddenJune = BLANK_IN_JUNE.includes(row.code);
        if (row.kind === "stock") {
          expect(r.Figure).toBe("Latest month");
          expect(close(r["Your figure"], own(alpha, row, "2020-06")!)).toBe(true);
          if (!hiddenJune) expect(close(r["Sector reported total"], sector(row, "2020-06").total)).toBe(true);
        } else {
          expect(r.Figure).toBe("Year to date");
          const mine = MONTHS.reduce((sum, m) => sum + own(alpha, row, m)!, 0);
          const theirs = MONTHS.reduce((sum, m) => sum + sector(row, m).total, 0);
          expect(close(r["Your figure"], mine)).toBe(true);
          expect(r.Months).toBe("3 months, Apr 2020 to Jun 2020");
          if (!hiddenJune) {
            expect(close(r["Sector reported total"], theirs)).toBe(true);
            expect(close(r["Your share %"], mine / theirs)).toBe(true);
            expect(r["Organisations reporting"]).toBe(3);
          }
        }
        if (hiddenJune) expect([r["Sector reported total"], r["Your share %"], r.Note]).toEqual([undefined, undefined, SENTENCE]);
      }
    });

    it("names no other organisation anywhere: no code, name or file name in any part or cell", async () => {
      await expectNothingOf(file(), [...ORGS.slice(1), HELD]);
      const { parts } = await packageOf(file());
      expect(parts["docProps/core.xml"]).toContain("<dc:title>Feedback for AL01</dc:title>");
      expect(parts["xl/worksheets/sheet1.xml"]).toContain("Feedback for Alpha Homes Ltd (AL01)");
    });

    it("gives no number away that a two-organisation total would be, in any sheet or chart cache", async () => {
      for (const f of json.feedback.files) {
        const { numbers } = await packageOf(f.file);
        for (const n of revealing()) expect(numbers.filter((x) => close(x, n))).toEqual([]);
      }
    });

    it("charts its share of the sector's total for each key measure, one reporting year, months labelled Mmm yy", async () => {
      const { parts } = await packageOf(file());
      const charts = Object.keys(parts).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
      const keyCodes = V1.measures.filter((m) => m.key).map((m) => m.code);
      expect(charts).toHaveLength(keyCodes.length);
      for (const name of charts) {
        expect(parts[name]).toContain("your share of the sector's reported total (year from Apr 2020)");
        // One reporting year, its months as text ("Apr 20" to "Mar 21"), the share on a percentage axis from zero.
        const months = [...parts[name]!.matchAll(/<c:pt idx="\d+"><c:v>([A-Z][a-z]{2} \d{2})<\/c:v>/g)].map((m) => m[1]);
        expect(months).toEqual(["Apr 20", "May 20", "Jun 20", "Jul 20", "Aug 20", "Sep 20", "Oct 20", "Nov 20", "Dec 20", "Jan 21", "Feb 21", "Mar 21"]);
        expect(parts[name]).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
        expect(parts[name]).toContain('<c:min val="0"/>');
      }
    });
  });

  describe("the sector bulletin", () => {
    const file = () => join(dir, "bulletin.xlsx");

    it("holds the sector summary and month-by-month totals, a figure from fewer than 3 organisations not shown", async () => {
      const { tables } = await sheetsOf(file());
      expect(Object.keys(tables)).toEqual(["Sector summary", "Month by month", "Sector charts"]);
      for (const r of tables["Sector summary"]!) {
        const row = ROWS.find((x) => x.code === r.Code && x.breakdown === (r.Breakdown ?? ""))!;
        const hidden = BLANK_IN_JUNE.includes(row.code);
        const expected = row.kind === "stock" ? sector(row, "2020-06").total : MONTHS.reduce((sum, m) => sum + sector(row, m).total, 0);
        if (hidden) {
          expect([r.Reported, r["Scaled estimate"], r.Note]).toEqual([undefined, undefined, SENTENCE]);
        } else {
          expect(close(r.Reported, expected)).toBe(true);
          expect(r["Organisations reporting"]).toBe(3);
        }
      }
      for (const r of tables["Month by month"]!) {
        const row = ROWS.find((x) => x.code === r.Code && x.breakdown === (r.Breakdown ?? ""))!;
        for (const [i, m] of MONTHS.entries()) {
          const value = r[["Apr 2020", "May 2020", "Jun 2020"][i]!];
          if (sector(row, m).organisations < 3) expect(value).toBe("Not shown");
          else expect(close(value, sector(row, m).total)).toBe(true);
        }
        expect(r.Note).toBe(BLANK_IN_JUNE.includes(row.code) ? SENTENCE : undefined);
      }
    });

    it("shows those totals with --min-organisations 2 (so the search above would have found them)", async () => {
      const base = ["collate", ...ORGS.map((o) => join(dir, o.file)), "--out", join(dir, "sector-2.xlsx"), "--as-of", "2020-08-20"];
      const result = runCli([...base, "--bulletin", join(dir, "bulletin-2.xlsx"), "--min-organisations", "2"]);
      expect(result.status).toBe(0);
      const { numbers } = await packageOf(join(dir, "bulletin-2.xlsx"));
      for (const n of revealing()) expect(numbers.some((x) => close(x, n))).toBe(true);
    });

    it("names no organisation and gives no two-organisation total away", async () => {
      await expectNothingOf(file(), [...ORGS, HELD]);
      const { numbers, parts } = await packageOf(file());
      for (const n of revealing()) expect(numbers.filter((x) => close(x, n))).toEqual([]);
      expect(parts["docProps/core.xml"]).toContain("<dc:title>Sector bulletin</dc:title>");
    });
  });

  it("prints the bulletin and a feedback workbook on A4 landscape, the header row on every page, the summary on at most 2 pages", () => {
    const check = (file: string, left: string, firstHeader: Record<string, string>, maxPages: number) => {
      const pdf = convertWithLibreOffice(file, "pdf", join(dir, "pdf"), dir);
      const pages = pdfPages(readFileSync(pdf));
      expect(pages.length).toBeLessThanOrEqual(maxPages);
      expect(pages.every(isA4Landscape)).toBe(true);
      const texts = pageTexts(pdf, pages.length);
      const sheetOf = texts.map((t) => Object.keys(firstHeader).find((sheet) => t.includes(left) && new RegExp(`\\b${sheet}\\b.*As on 20/08/2020`).test(t)));
      expect(sheetOf.every((s) => s !== undefined)).toBe(true);
      texts.forEach((t, i) => {
        expect(t).toMatch(new RegExp(`^\\s*${firstHeader[sheetOf[i]!]!.split(" ")[0]!}\\b`, "m"));
        expect(t).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`));
      });
      return sheetOf;
    };
    const bulletin = check(join(dir, "bulletin.xlsx"), "Sector bulletin", { "Sector summary": "Code", "Month by month": "Code", "Sector charts": "Month" }, 8);
    expect(bulletin.filter((s) => s === "Sector summary").length).toBeLessThanOrEqual(2);
    check(join(dir, "feedback", "AL01 feedback.xlsx"), "Feedback for Alpha Homes Ltd (AL01)", { "Your figures": "Reporting", "Month by month": "Code", Charts: "Month" }, 12);
  });
});
