/**
 * The bulletin and feedback planners (src/core/collate/bulletin.ts, feedback.ts) on a small
 * collation made in memory, and the browser-safe writer (src/xlsx/published.ts): the same parts
 * as the command line's writer, no Node API in its imports.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { collate, feedbackFileName, feedbackFiles, planBulletin, planFeedback, publicationRules, type Figure, type Submission, type TablesPlan } from "../../../src/core/collate";
import { bulletinBytes, feedbackZipBytes, workbookBytes } from "../../../src/xlsx/published";
import { sectorWorkbookBytes } from "../../../src/xlsx/sector";
import { submissionOf } from "../../support/submissions";

const sub = (org: string, figures: Figure[]): Submission => submissionOf(org, figures, { file: `returns/${org}-secret-file.xlsx` });
const calls = (month: string, value: number): Figure => ({ code: "WELFARE_CALLS", breakdown: "", month, value });
const vulnerable = (month: string, value: number): Figure => ({ code: "VULNERABLE_RESIDENTS", breakdown: "", month, value });
const SENTENCE = "Not shown: fewer than 3 organisations reported.";

// WELFARE_CALLS (a flow): April from A and B only, May from A, B and C. VULNERABLE_RESIDENTS (a stock): both months from all three.
const c = collate(
  [
    sub("ORG-A/1", [calls("2020-04", 11), calls("2020-05", 13), vulnerable("2020-04", 100), vulnerable("2020-05", 101)]),
    sub("ORG-B", [calls("2020-04", 29), calls("2020-05", 31), vulnerable("2020-04", 200), vulnerable("2020-05", 202)]),
    sub("ORG-C", [calls("2020-05", 47), vulnerable("2020-04", 300), vulnerable("2020-05", 303)]),
  ],
  { asOf: { year: 2020, month: 7, day: 20 }, sectorHomes: 3000, minimumCoverage: 0.3 },
);
const rules = publicationRules();
const table = (plan: TablesPlan, name: string) => [...plan.tables, ...(plan.drawing ? [plan.drawing.data] : [])].find((t) => t.table === name)!;
const record = (plan: TablesPlan, name: string, code: string) => {
  const t = table(plan, name);
  const rows = t.rows.filter((r) => r[t.columns.findIndex((col) => col.header === "Code")] === code);
  return rows.map((r) => Object.fromEntries(t.columns.map((col, i) => [col.header, r[i]])));
};
const value = (cell: unknown) => (cell !== null && typeof cell === "object" && "value" in cell ? (cell as { value: number }).value : cell);

describe("planBulletin", () => {
  const plan = planBulletin(c, rules);

  it("hides a flow's year to date when any month of it came from fewer than 3 organisations, though its latest month did not", () => {
    const [row] = record(plan, "BulletinSummary", "WELFARE_CALLS");
    expect(row!["Organisations reporting"]).toBe(3);
    expect(row!.Reported).toBeNull();
    expect(row!["Scaled estimate"]).toBeNull();
    expect(row!.Note).toBe(SENTENCE);
    const [stock] = record(plan, "BulletinSummary", "VULNERABLE_RESIDENTS");
    expect(value(stock!.Reported)).toBe(606);
    const [monthly] = record(plan, "BulletinMonthly", "WELFARE_CALLS");
    expect([monthly!["Apr 2020"], value(monthly!["May 2020"]), monthly!.Note]).toEqual(["Not shown", 91, SENTENCE]);
  });

  it("charts only the totals that may be shown, and names no organisation or file", () => {
    for (const chart of plan.drawing!.charts) for (const s of chart.series) expect(s.figures).not.toContain(40);
    const text = JSON.stringify(plan);
    for (const word of ["ORG-A/1", "ORG-B", "ORG-C", "ORG-A/1 Homes", "ORG-B Homes", "secret-file"]) expect(text).not.toContain(word);
    expect(plan.title).toBe("Sector bulletin");
    expect(plan.tables.every((t) => t.layout?.orientation === "landscape" && t.layout.paper === "A4" && t.layout.printTitleRows === "$1:$1")).toBe(true);
  });
});

describe("planFeedback", () => {
  const plan = planFeedback(c, "org-a/1", rules);

  it("shows its own figures beside the sector's, a month from fewer than 3 organisations not shown", () => {
    const rows = record(plan, "FeedbackMonthly", "WELFARE_CALLS");
    expect(rows.map((r) => [value(r["Your figure"]), value(r["Sector reported total"]), r["Organisations reporting"], value(r["Your share %"]), r.Note])).toEqual([
      [11, null, null, null, SENTENCE],
      [13, 91, 3, 13 / 91, null],
    ]);
    const [ytd] = record(plan, "FeedbackSummary", "WELFARE_CALLS");
    expect([value(ytd!["Your figure"]), ytd!["Sector reported total"], ytd!.Note]).toEqual([24, null, SENTENCE]);
    const [stock] = record(plan, "FeedbackSummary", "VULNERABLE_RESIDENTS");
    expect([stock!.Figure, value(stock!["Your figure"]), value(stock!["Sector reported total"]), value(stock!["Your share %"])]).toEqual(["Latest month", 101, 606, 101 / 606]);
  });

  it("names only its own organisation, and its charts give no hidden total away", () => {
    const text = JSON.stringify(plan);
    for (const word of ["ORG-B", "ORG-C", "secret-file"]) expect(text).not.toContain(word);
    expect(plan.title).toBe("Feedback for ORG-A/1");
    expect(plan.tables[0]!.layout!.header.left).toContain("ORG-A/1 Homes");
    expect(JSON.stringify(plan.drawing)).not.toMatch(/\b40\b/);
  });
});

describe("feedback file names", () => {
  it("come from the organisation's own code, made safe, and unique", () => {
    expect(feedbackFileName("A/1")).toBe("A_1 feedback.xlsx");
    expect(feedbackFileName("../..")).toBe("_ feedback.xlsx");
    expect(feedbackFileName('=cmd|"x"')).toBe("_cmd__x_ feedback.xlsx");
    expect(feedbackFileName("")).toBe("organisation feedback.xlsx");
    expect(feedbackFiles(c).map((f) => f.name)).toEqual(["ORG-A_1 feedback.xlsx", "ORG-B feedback.xlsx", "ORG-C feedback.xlsx"]);
  });
});

describe("the browser-safe writer (src/xlsx/published.ts)", () => {
  it("writes the same parts as the command line's writer, the same bytes each time", async () => {
    const plan = planFeedback(c, "ORG-B", rules);
    const parts = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      return Promise.all(Object.keys(zip.files).map(async (name) => [name, await zip.file(name)!.async("string")]));
    };
    expect(await parts(workbookBytes(plan))).toEqual(await parts(await sectorWorkbookBytes(plan)));
    expect(Buffer.from(bulletinBytes(c, rules)).equals(Buffer.from(bulletinBytes(c, rules)))).toBe(true);
  });

  it("zips every organisation's feedback, each a workbook that opens", async () => {
    const { zip, files } = feedbackZipBytes(c, rules);
    expect(files.map((f) => f.name)).toEqual(["ORG-A_1 feedback.xlsx", "ORG-B feedback.xlsx", "ORG-C feedback.xlsx"]);
    const outer = await JSZip.loadAsync(zip);
    for (const f of files) {
      const wb = new Workbook();
      await wb.xlsx.load((await outer.file(f.name)!.async("nodebuffer")) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(["Your figures", "Month by month", "Charts"]);
    }
  });

  it("imports nothing of Node's (nor exceljs or jszip) in its whole module graph", () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/^(?:import|export)(?!\s+type\b)[^;]*?from\s+"([^"]+)"/gms)) {
        const spec = m[1]!;
        if (spec.startsWith(".")) {
          const base = resolve(dirname(file), spec);
          const candidates = [`${base}.ts`, join(base, "index.ts")];
          const found = candidates.find((p) => {
            try {
              readFileSync(p);
              return true;
            } catch {
              return false;
            }
          });
          if (found) visit(found);
        } else if (/^(node:|fs$|path$|zlib$|crypto$|worker_threads$|exceljs$|jszip$)/.test(spec)) {
          bad.push(`${file}: ${spec}`);
        }
      }
    };
    visit(join(__dirname, "..", "..", "..", "src", "xlsx", "published.ts"));
    expect(bad).toEqual([]);
    expect(seen.size).toBeGreaterThan(10);
  });
});
