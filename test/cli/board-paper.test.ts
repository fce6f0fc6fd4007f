/**
 * The board paper and last year beside this year, from two real filled returns of one
 * organisation: this year (framework version 2, April to July 2020, a tenfold typo left with its
 * warning unexplained) and last year (the built-in framework, April to September 2019, without
 * version 2's GRANTS_TO_GROUPS). The compiled CLI summarises them; the figures are worked out here
 * from the rule that filled the cells; LibreOffice prints the Board summary and its text is read
 * back. Needs `npm run build:cli`, LibreOffice and pdftotext.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { FLOW_FIGURES_HEADERS, LAST_YEAR_HEADERS, STOCK_FIGURES_HEADERS } from "../../src/core/layout/summary-contract";
import { measureRows, type MeasureRow } from "../../src/core/setup/measure-rows";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { convertWithLibreOffice, isA4Landscape, pageTexts, pdfPages } from "../support/libreoffice";
import { figureOf, makeReturn, makeTemplate, V1, V2, type ReturnSpec } from "../support/returns";

const SLOW = 300_000;
const V2_ROWS = measureRows(V2);
const V1_ROWS = measureRows(V1);
/** The Measures sheet's row of a v2 measure row. */
const v2Row = (code: string, breakdown = "") => V2_ROWS.findIndex((r) => r.code === code && r.breakdown === breakdown) + 2;
const TYPO = 1234;

const thisYear: ReturnSpec = {
  organisation: "Riverside Homes",
  code: "RH01",
  months: 4,
  version: 2,
  value: (row: MeasureRow, m: number) => (row.kind === "stock" ? 400 + 7 * m : 100 + 3 * m + row.breakdown.length),
  // July's welfare calls typed tenfold: a warning (out of line with the other months) nobody has explained.
  extra: { Measures: { [`I${v2Row("WELFARE_CALLS")}`]: TYPO } },
};
const lastYear: ReturnSpec = {
  organisation: "Riverside Homes",
  code: "RH01",
  months: 6,
  version: 1,
  value: (row: MeasureRow, m: number) => (row.kind === "stock" ? 380 + 5 * m : 90 + 2 * m + row.code.length),
};

let dir: string;
let cleanUp: () => void;
let files: { thisYear: string; lastYear: string; otherOrganisation: string; twoYearsAgo: string };

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanUp } = tempDir("board-paper"));
  const templates = { v2: join(dir, "tpl-2020.xlsx"), v1: join(dir, "tpl-2019.xlsx"), old: join(dir, "tpl-2018.xlsx") };
  makeTemplate(templates.v2, 2, "2020-04");
  makeTemplate(templates.v1, 1, "2019-04");
  makeTemplate(templates.old, 1, "2018-04");
  files = {
    thisYear: join(dir, "riverside-2020.xlsx"),
    lastYear: join(dir, "riverside-2019.xlsx"),
    otherOrganisation: join(dir, "bridge-2019.xlsx"),
    twoYearsAgo: join(dir, "riverside-2018.xlsx"),
  };
  await makeReturn(templates.v2, files.thisYear, thisYear);
  await makeReturn(templates.v1, files.lastYear, lastYear);
  await makeReturn(templates.v1, files.otherOrganisation, { ...lastYear, organisation: "Bridge Homes", code: "BH02" });
  await makeReturn(templates.old, files.twoYearsAgo, lastYear);
}, SLOW);
afterAll(() => cleanUp?.());

interface KeyFigure {
  code: string;
  breakdown: string;
  kind: string;
  yearToDate: number | null;
  latestValue: number | null;
  warned: number;
  lastYear?: { status: string; value: number | null; change: number | null; changePercent: number | null };
}

function summarise(args: string[]): { keyFigures: KeyFigure[]; warnedFigures: number } {
  const result = runCli(["summary", ...args, "--json", "--force"]);
  if (result.status !== 0) throw new Error(`summary failed (${String(result.status)}): ${result.stderr}`);
  return JSON.parse(result.stdout) as { keyFigures: KeyFigure[]; warnedFigures: number };
}

/** This year's figure of a row for month m (0 = April), as typed. */
function typedThisYear(row: MeasureRow, m: number): number {
  if (row.code === "WELFARE_CALLS" && m === 3) return TYPO;
  return figureOf(thisYear, V2_ROWS, row, m);
}

describe("last year beside this year", () => {
  let json: ReturnType<typeof summarise>;
  let out: string;
  beforeAll(() => {
    out = join(dir, "board.xlsx");
    json = summarise([files.thisYear, "--previous", files.lastYear, "--out", out]);
  });

  it("adds up flows over the same months last year, and takes stocks at the same month, worked out from the cells typed", () => {
    expect(json.keyFigures).toHaveLength(V2_ROWS.length);
    for (const row of V2_ROWS) {
      const k = json.keyFigures.find((f) => f.code === row.code && f.breakdown === row.breakdown)!;
      const last = V1_ROWS.find((r) => r.code === row.code && r.breakdown === row.breakdown);
      const where = `${row.code}|${row.breakdown}`;
      if (!last) {
        expect([where, k.lastYear?.status]).toEqual([where, "new this year"]);
        continue;
      }
      const now = row.kind === "flow" ? [0, 1, 2, 3].reduce((sum, m) => sum + typedThisYear(row, m), 0) : typedThisYear(row, 3);
      // Flows: April to July 2019 (this year covers April to July), never August or September; stocks: July 2019.
      const before = row.kind === "flow" ? [0, 1, 2, 3].reduce((sum, m) => sum + figureOf(lastYear, V1_ROWS, last, m), 0) : figureOf(lastYear, V1_ROWS, last, 3);
      expect([where, k.lastYear!.status, k.lastYear!.value, k.lastYear!.change]).toEqual([where, "compared", before, now - before]);
      expect(k.lastYear!.changePercent).toBeCloseTo(((now - before) / before) * 100, 9);
    }
  });

  it("says a measure last year's framework lacked is new this year", () => {
    expect(json.keyFigures.find((k) => k.code === "GRANTS_TO_GROUPS")!.lastYear).toEqual({ status: "new this year", value: null, change: null, changePercent: null });
  });

  it("refuses last year's return of another organisation, naming the file, and writes nothing", () => {
    const result = runCli(["summary", files.thisYear, "--previous", files.otherOrganisation, "--out", join(dir, "refused.xlsx")]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/'bridge-2019\.xlsx' is the return of Bridge Homes \(BH02\), not of Riverside Homes \(RH01\)/);
    expect(() => readFileSync(join(dir, "refused.xlsx"))).toThrow();
  });

  it("refuses a return that is not of the year before", () => {
    const result = runCli(["summary", files.thisYear, "--previous", files.twoYearsAgo, "--out", join(dir, "refused.xlsx")]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/'riverside-2018\.xlsx' is the return for the year from Apr 2018, not last year \(from Apr 2019\)/);
  });
});

describe("warnings visible", () => {
  it("marks the figure with an unexplained warning and counts it; errors stay left out", () => {
    const json = summarise([files.thisYear, "--out", join(dir, "plain.xlsx")]);
    const calls = json.keyFigures.find((k) => k.code === "WELFARE_CALLS")!;
    expect([calls.warned, calls.latestValue]).toEqual([1, TYPO]);
    expect(json.warnedFigures).toBe(json.keyFigures.reduce((n, k) => n + k.warned, 0));
    expect(json.keyFigures.filter((k) => k.code !== "WELFARE_CALLS").every((k) => k.warned === 0)).toBe(true);
  });
});

describe("the board paper printed by LibreOffice", () => {
  let pages: string[];
  let sizes: { width: number; height: number }[];
  let pdf: string;
  beforeAll(() => {
    pdf = convertWithLibreOffice(join(dir, "board.xlsx"), "pdf", join(dir, "pdf"), dir);
    sizes = pdfPages(readFileSync(pdf));
    pages = pageTexts(pdf, sizes.length);
  }, SLOW);

  it("prints A4 landscape, the Board summary on one or two pages", () => {
    expect(sizes.every(isA4Landscape)).toBe(true);
    const board = pages.filter((p) => /^\s*Riverside Homes\s+Board summary/m.test(p));
    expect(board.length).toBeGreaterThanOrEqual(1);
    expect(board.length).toBeLessThanOrEqual(2);
  });

  it("prints no codes and no documentation references", () => {
    const board = pages.filter((p) => /^\s*Riverside Homes\s+Board summary/m.test(p)).join("\n");
    for (const row of V2_ROWS) expect([row.code, board.includes(row.code)]).toEqual([row.code, false]);
    expect(board).not.toMatch(/docs:|\(docs|Flow\b|Stock\b/);
  });

  /** A printed line's cells: text separated by two spaces or more. */
  const cellsOf = (line: string) => line.trim().split(/\s{2,}/);
  const welfareRow = V2_ROWS.find((r) => r.code === "WELFARE_CALLS")!;
  const welfareYear = [0, 1, 2].reduce((n, m) => n + figureOf(thisYear, V2_ROWS, welfareRow, m), 0) + TYPO;

  it("prints each table header as its cell text, none cut or run into the next", () => {
    const printed = pages[0]!.split("\n").filter((l) => l.trim().startsWith("Measure ")).map(cellsOf);
    for (const headers of [FLOW_FIGURES_HEADERS, STOCK_FIGURES_HEADERS]) expect(printed).toContainEqual([...headers, ...LAST_YEAR_HEADERS]);
  });

  it("prints each figure whole in its own column: the typo with its †, last year and the changes", () => {
    const lastRow = V1_ROWS.find((r) => r.code === "WELFARE_CALLS")!;
    const before = [0, 1, 2, 3].reduce((n, m) => n + figureOf(lastYear, V1_ROWS, lastRow, m), 0);
    const line = pages[0]!.split("\n").find((l) => l.trim().startsWith("Welfare calls made"))!;
    const gb = (n: number) => n.toLocaleString("en-GB");
    expect(cellsOf(line)).toEqual([
      "Welfare calls made to residents",
      "4",
      `${gb(welfareYear)} †`,
      `${gb(Math.round(welfareYear / 4))} †`,
      "Jul 2020",
      `${gb(TYPO)} †`,
      gb(before),
      `+${gb(welfareYear - before)}`,
      `+${(((welfareYear - before) / before) * 100).toFixed(1)}%`,
    ]);
    // Every printed row of the flows table has its measure and nine figures, none run together.
    const lines = pages[0]!.split("\n");
    const from = lines.findIndex((l) => l.trim() === "Totals for the year so far") + 2;
    const to = lines.findIndex((l) => l.trim() === "Position at the end of the month") - 1;
    for (const row of lines.slice(from, to)) expect([row, cellsOf(row).length]).toEqual([row, row.includes("New this year") ? 7 : 9]);
  });

  it("shows the headlines in large type and the body at 9 pt or more, and counts the warning in the title block", () => {
    expect(pages[0]).toMatch(/The year at a glance/);
    expect(pages[0]).toMatch(/† 1 figure has a check warning not yet explained: it is included and marked †\./);
    expect(pages[0]).toMatch(/To resolve it, run Check, then correct the figure or type why it is right in the Explanation column of the Checks sheet/);
    const words = spawnSync("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" }).stdout;
    const heights = (word: string) => [...words.matchAll(new RegExp(`yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${word}<`, "g"))].map((m) => Number(m[2]) - Number(m[1]));
    // A word's box is about its printed font size high.
    expect(Math.min(...heights("Vulnerable"))).toBeGreaterThanOrEqual(9);
    expect(Math.min(...heights("Measure"))).toBeGreaterThanOrEqual(9);
    expect(Math.max(...heights(welfareYear.toLocaleString("en-GB")))).toBeGreaterThan(1.4 * Math.min(...heights("Vulnerable")));
  });
});
