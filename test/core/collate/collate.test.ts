import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collate, linesOf, parseCsv, parseRegisterRows, unreadableSubmission, type CollateOptions, type Figure, type Submission } from "../../../src/core/collate";
import { findBuiltinFramework, parseFramework } from "../../../src/core/framework";
import { excelSerial } from "../../../src/core/calendar";
import { submissionOf } from "../../support/submissions";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const v2 = parseFramework(JSON.parse(readFileSync(join(__dirname, "..", "..", "fixtures", "frameworks", "community-investment-monthly.v2.json"), "utf8")) as unknown, "v2");
const LINES_V2 = linesOf(v2);

const sub = submissionOf;
const calls = (month: string, value: number): Figure => ({ code: "WELFARE_CALLS", breakdown: "", month, value });
const vulnerable = (month: string, value: number): Figure => ({ code: "VULNERABLE_RESIDENTS", breakdown: "", month, value });
const asOf = { year: 2020, month: 7, day: 20 };
const base: CollateOptions = { asOf };

describe("collate: statuses", () => {
  it("gives each kind of file its status with a plain reason", () => {
    const a = sub("RH01", [calls("2020-04", 10)]);
    const dup = { ...a, file: "returns/copy of RH01.xlsx" };
    const bad = sub("RH01", [calls("2020-04", 12)], { errors: 2, signedOffOn: excelSerial(2020, 6, 1) });
    const junk: Submission = { file: "notes.xlsx", sha256: "f".repeat(64), modifiedAt: 0, problem: "not an Impact Returns workbook", lines: [], figures: [], monthsReported: 0, errors: 0, warnings: 0 };
    const older = sub("RH01", [calls("2020-04", 9)], { signedOffOn: excelSerial(2020, 5, 1), sha256: "0".repeat(63) + "a" });
    const newer = { ...a, signedOffOn: excelSerial(2020, 5, 20) };
    const result = collate([newer, { ...dup, signedOffOn: newer.signedOffOn }, bad, junk, older], base);
    const status = Object.fromEntries(result.files.map((f) => [f.file, f.status]));
    expect(status).toEqual({
      [a.file]: "accepted",
      [dup.file]: "duplicate",
      [bad.file]: "held",
      [junk.file]: "rejected",
      [older.file]: "superseded",
    });
    for (const f of result.files) expect(f.reason.length).toBeGreaterThan(10);
    expect(result.files.find((f) => f.status === "duplicate")!.reason).toContain("RH01-");
    expect(result.files.find((f) => f.status === "held")!.reason).toMatch(/2 check errors.*stays in use/);
    expect(result.files.find((f) => f.status === "superseded")!.reason).toContain("replaced by a newer submission");
  });

  it("rejects returns with no organisation code, no framework, or no measure in common with the sector", () => {
    const other = sub("X1", [{ code: "TREES", breakdown: "", month: "2020-04", value: 3 }], { lines: [{ code: "TREES", breakdown: "", label: "Trees", unit: "count", kind: "flow" }] });
    const noCode = sub("", [calls("2020-04", 1)]);
    delete noCode.organisationCode;
    const r = collate([sub("A", [calls("2020-04", 1)]), other, noCode], { ...base, sectorCodes: v1.measures.map((m) => m.code) });
    expect(r.files.find((f) => f.file === other.file)).toMatchObject({ status: "rejected", reason: expect.stringContaining("no measure in common") });
    expect(r.files.find((f) => f.file === noCode.file)).toMatchObject({ status: "rejected", reason: expect.stringContaining("Organisation code") });
    // Without sector codes given, the sector's are those of the framework most returns use.
    const trees = { ...other, framework: { id: "trees", version: 1, title: "Trees" } };
    const r2 = collate([sub("A", [calls("2020-04", 1)]), sub("B", [calls("2020-04", 2)]), trees], base);
    expect(r2.files.find((f) => f.file === trees.file)).toMatchObject({ status: "rejected", reason: expect.stringContaining("no measure in common") });
  });
});

describe("collate: files that could not be read", () => {
  const EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  const empty = (file: string, modifiedAt: number) => unreadableSubmission({ file, sha256: EMPTY_SHA, modifiedAt }, `'${file}' is empty (0 bytes), so there is no workbook in it.`);

  it("are rejected with their own reason, never as a duplicate of another with the same bytes", () => {
    const files = [empty("returns/a.xlsx", 2), empty("returns/b.xlsx", 1), empty("returns/c.xls", 3)];
    for (const order of [files, [...files].reverse()]) {
      const r = collate(order, base);
      const byFile = (x: (string | undefined)[], y: (string | undefined)[]) => (x[0]! < y[0]! ? -1 : 1);
      expect(r.files.map((f) => [f.file, f.status, f.reason]).sort(byFile)).toEqual(files.map((f) => [f.file, "rejected", f.problem]).sort(byFile));
    }
  });

  it("are not duplicates of an earlier ledger's row either, and a readable return still is", () => {
    const first = sub("A", [calls("2020-04", 10)]);
    const earlier = collate([first, empty("old/empty.xlsx", 1)], base);
    const ledger = earlier.files.map(({ submission: _s, ...row }) => row);
    const r = collate([empty("new/empty.xlsx", 5), { ...first, file: "again.xlsx" }], { ...base, previous: { ledger, sectorData: earlier.data } });
    expect(r.files.find((f) => f.file === "new/empty.xlsx")).toMatchObject({ status: "rejected", reason: expect.stringContaining("is empty (0 bytes)") });
    expect(r.files.find((f) => f.file === "again.xlsx")).toMatchObject({ status: "duplicate" });
  });
});

describe("collate: which submission is newer", () => {
  it("Signed off on first, then months reported, then modification time", () => {
    const early = sub("A", [calls("2020-04", 1), calls("2020-05", 1), calls("2020-06", 1)], { signedOffOn: excelSerial(2020, 6, 1), modifiedAt: 9e12 });
    const late = sub("A", [calls("2020-04", 2)], { signedOffOn: excelSerial(2020, 6, 2), modifiedAt: 1 });
    expect(collate([early, late], base).files.find((f) => f.status === "accepted")!.file).toBe(late.file);

    const fewer = sub("B", [calls("2020-04", 1)], { modifiedAt: 9e12 });
    const more = sub("B", [calls("2020-04", 1), calls("2020-05", 2)], { modifiedAt: 1 });
    expect(collate([fewer, more], base).files.find((f) => f.status === "accepted")!.file).toBe(more.file);

    const old = sub("C", [calls("2020-04", 1)], { modifiedAt: 100 });
    const recent = sub("C", [calls("2020-04", 2)], { modifiedAt: 200 });
    expect(collate([recent, old], base).files.find((f) => f.status === "accepted")!.file).toBe(recent.file);
  });

  it("keeps different reporting years of one organisation apart", () => {
    const y1 = sub("A", [calls("2020-04", 1)]);
    const y2 = sub("A", [calls("2021-04", 2)], { yearStart: "2021-04" });
    expect(collate([y1, y2], base).files.map((f) => f.status)).toEqual(["accepted", "accepted"]);
  });
});

describe("collate: held returns", () => {
  it("keep the newest earlier submission without errors in use", () => {
    const good = sub("A", [calls("2020-04", 10), calls("2020-05", 11)], { signedOffOn: excelSerial(2020, 6, 1) });
    const held = sub("A", [calls("2020-04", 999), calls("2020-05", 11), calls("2020-06", 12)], { signedOffOn: excelSerial(2020, 7, 1), errors: 1 });
    const r = collate([held, good], base);
    expect(r.files.map((f) => [f.file, f.status])).toEqual([
      [good.file, "accepted"],
      [held.file, "held"],
    ]);
    expect(r.data.map((d) => d.value)).toEqual([10, 11]);
    expect(r.revisions).toEqual([]);
    expect(r.chase.some((c) => c.organisationCode === "A" && /held/.test(c.why))).toBe(true);
  });

  it("an older return with errors that a newer clean one replaced is superseded, not held", () => {
    const bad = sub("A", [calls("2020-04", 999)], { signedOffOn: excelSerial(2020, 5, 20), errors: 2 });
    const fixed = sub("A", [calls("2020-04", 10)], { signedOffOn: excelSerial(2020, 5, 25) });
    const r = collate([fixed, bad], base);
    expect(r.files.map((f) => [f.file, f.status])).toEqual([
      [bad.file, "superseded"],
      [fixed.file, "accepted"],
    ].sort((a, b) => r.files.findIndex((f) => f.file === a[0]) - r.files.findIndex((f) => f.file === b[0])));
    expect(r.files.find((f) => f.file === bad.file)!.reason).toMatch(/replaced by a newer submission.*also had 2 check errors/);
    expect(r.chase.some((c) => /held/.test(c.why))).toBe(false);
    expect(r.data.map((d) => d.value)).toEqual([10]);
  });

  it("leave nothing in use when there is no earlier submission without errors", () => {
    const held = sub("A", [calls("2020-04", 5)], { errors: 3 });
    const r = collate([held], base);
    expect(r.files[0]).toMatchObject({ status: "held", reason: expect.stringContaining("no earlier submission without errors") });
    expect(r.data).toEqual([]);
    expect(r.totals).toEqual([]);
  });
});

describe("collate: revisions", () => {
  it("records every figure a newer submission changes or blanks", () => {
    const first = sub("A", [calls("2020-04", 10), calls("2020-05", 20), vulnerable("2020-04", 7)], { signedOffOn: excelSerial(2020, 6, 1) });
    const second = sub("A", [calls("2020-04", 10), calls("2020-05", 25), calls("2020-06", 30)], { signedOffOn: excelSerial(2020, 7, 1) });
    const third = sub("A", [calls("2020-04", 11), calls("2020-05", 25), calls("2020-06", 30)], { signedOffOn: excelSerial(2020, 7, 10) });
    const r = collate([third, first, second], base);
    expect(r.revisions.map(({ code, month, was, now, file }) => ({ code, month, was, now, file }))).toEqual([
      { code: "WELFARE_CALLS", month: "2020-04", was: 10, now: 11, file: third.file },
      { code: "WELFARE_CALLS", month: "2020-05", was: 20, now: 25, file: second.file },
      { code: "VULNERABLE_RESIDENTS", month: "2020-04", was: 7, now: undefined, file: second.file },
    ]);
  });

  it("a measure the newer framework lacks is not a blanked figure", () => {
    const older = sub("A", [{ code: "GRANTS_TO_GROUPS", breakdown: "", month: "2020-04", value: 500 }], { lines: LINES_V2, framework: { id: v2.id, version: 2, title: v2.title }, modifiedAt: 1 });
    const newer = sub("A", [calls("2020-04", 3)], { modifiedAt: 2 });
    expect(collate([older, newer], base).revisions).toEqual([]);
  });
});

describe("collate: totals", () => {
  const register = [
    { organisationCode: "A", organisation: "Alpha", homesManaged: 1000 },
    { organisationCode: "B", organisation: "Beta", homesManaged: 3000 },
    { organisationCode: "C", organisation: "Gamma", homesManaged: 6000 },
  ];
  const a = sub("A", [calls("2020-04", 10), calls("2020-05", 20), vulnerable("2020-04", 100), vulnerable("2020-05", 110)], { homesManaged: 999_999 });
  const b = sub("B", [calls("2020-04", 30), vulnerable("2020-04", 300), vulnerable("2020-05", 310)]);

  it("works out coverage and the scaled estimate per measure and month from the organisations that reported", () => {
    const r = collate([a, b], { ...base, register, sectorHomes: 20_000, minimumCoverage: 0.05 });
    const april = r.totals.find((t) => t.code === "WELFARE_CALLS" && t.month === "2020-04")!;
    expect(april).toMatchObject({ organisations: 2, homesCovered: 4000, coverage: 0.2, reportedTotal: 40, scaledEstimate: 200 });
    expect(april.estimateNote).toBeUndefined();
    const may = r.totals.find((t) => t.code === "WELFARE_CALLS" && t.month === "2020-05")!;
    expect(may).toMatchObject({ organisations: 1, homesCovered: 1000, coverage: 0.05, reportedTotal: 20, scaledEstimate: 400 });
  });

  it("makes no scaled estimate below the minimum coverage (30% unless set), and says why", () => {
    const r = collate([a, b], { ...base, register, sectorHomes: 20_000 });
    expect(r.minimumCoverage).toBe(0.3);
    const april = r.totals.find((t) => t.code === "WELFARE_CALLS" && t.month === "2020-04")!;
    expect(april).toMatchObject({ coverage: 0.2, reportedTotal: 40 });
    expect(april.scaledEstimate).toBeUndefined();
    expect(april.estimateNote).toBe("No estimate: the organisations reporting cover 20% of the sector's homes, below the 30% a reliable estimate needs.");
    // Exactly at the minimum is enough.
    const at = collate([a, b], { ...base, register, sectorHomes: 20_000, minimumCoverage: 0.2 });
    expect(at.totals.find((t) => t.code === "WELFARE_CALLS" && t.month === "2020-04")).toMatchObject({ scaledEstimate: 200 });
    const unknown = collate([a, b], { ...base, register });
    expect(unknown.totals[0]!.estimateNote).toMatch(/sector's homes are not known/);
  });

  it("adds stocks across organisations for a month, never across months", () => {
    const r = collate([a, b], { ...base, register, sectorHomes: 20_000 });
    const stocks = r.totals.filter((t) => t.code === "VULNERABLE_RESIDENTS");
    expect(stocks.map((t) => [t.month, t.reportedTotal, t.kind])).toEqual([
      ["2020-04", 400, "stock"],
      ["2020-05", 420, "stock"],
    ]);
  });

  it("takes homes from the returns when there is no register, and leaves estimates blank without the sector's homes", () => {
    const r = collate([a, b], base);
    const april = r.totals.find((t) => t.code === "WELFARE_CALLS" && t.month === "2020-04")!;
    expect(april.homesCovered).toBe(999_999 + 1000);
    expect(april.coverage).toBeUndefined();
    expect(april.scaledEstimate).toBeUndefined();
  });

  it("collates mixed framework versions by measure code: a measure an older version lacks is not in that framework", () => {
    const newer = sub("C", [calls("2020-04", 60), { code: "GRANTS_TO_GROUPS", breakdown: "", month: "2020-04", value: 250 }], { lines: LINES_V2, framework: { id: v2.id, version: 2, title: v2.title } });
    const r = collate([a, b, newer], { ...base, register, sectorHomes: 20_000 });
    expect(r.totals.find((t) => t.code === "WELFARE_CALLS" && t.month === "2020-04")).toMatchObject({ organisations: 3, reportedTotal: 100, homesCovered: 10_000 });
    const grants = r.totals.find((t) => t.code === "GRANTS_TO_GROUPS")!;
    expect(grants).toMatchObject({ organisations: 1, homesCovered: 6000, reportedTotal: 250, notInFramework: 2, coverage: 0.3 });
    expect(r.lines.some((l) => l.code === "GRANTS_TO_GROUPS")).toBe(true);
  });

  it("is the same whatever the order of the inputs", () => {
    const files = [a, b, sub("A", [calls("2020-04", 12)], { modifiedAt: 1 }), { ...a, file: "dup.xlsx" }];
    const one = collate(files, { ...base, register, sectorHomes: 20_000 });
    const two = collate([...files].reverse(), { ...base, register, sectorHomes: 20_000 });
    const strip = (c: typeof one) => ({ ...c, files: c.files.map(({ submission: _s, ...rest }) => rest) });
    expect(strip(two)).toEqual(strip(one));
  });
});

describe("collate: chase list", () => {
  it("lists due months not reported by organisations on the register, and held returns once", () => {
    const register = [{ organisationCode: "A" }, { organisationCode: "B" }, { organisationCode: "C", organisation: "Gamma" }];
    const a = sub("A", [calls("2020-04", 1), calls("2020-05", 1)]);
    const b = sub("B", [calls("2020-04", 1)], { errors: 1 });
    const r = collate([a, b], { register, asOf: { year: 2020, month: 7, day: 15 } });
    // Due by 15 Jul: April, May and June.
    expect(r.chase.map((c) => [c.organisationCode, c.month])).toEqual([
      ["A", "2020-06"],
      // B's latest return is held: asked once for a corrected return (at its last month), and not chased for the month it reported.
      ["B", "2020-04"],
      ["B", "2020-05"],
      ["B", "2020-06"],
      ["C", "2020-04"],
      ["C", "2020-05"],
      ["C", "2020-06"],
    ]);
    expect(r.chase.find((c) => c.organisationCode === "C")!.why).toContain("no return received");
    expect(r.chase.filter((c) => c.organisationCode === "B").some((c) => /held/.test(c.why))).toBe(true);
    // The day before the due day, June is not due yet.
    expect(collate([a], { register, asOf: { year: 2020, month: 7, day: 14 } }).chase.some((c) => c.month === "2020-06")).toBe(false);
  });
});

describe("collate: an earlier ledger", () => {
  it("keeps what was collated before and compares new files with the submission in use", () => {
    const first = sub("A", [calls("2020-04", 10), calls("2020-05", 20)], { signedOffOn: excelSerial(2020, 6, 1) });
    const earlier = collate([first], { ...base, sectorHomes: 10_000 });
    const ledger = earlier.files.map(({ submission: _s, ...row }) => row);
    const second = sub("A", [calls("2020-04", 10), calls("2020-05", 22)], { signedOffOn: excelSerial(2020, 7, 1) });
    const copy = { ...first, file: "again.xlsx" };
    const r = collate([second, copy], { ...base, sectorHomes: 10_000, previous: { ledger, sectorData: earlier.data } });
    expect(r.files.map((f) => [f.file, f.status])).toEqual([
      [first.file, "superseded"],
      ["again.xlsx", "duplicate"],
      [second.file, "accepted"],
    ]);
    expect(r.revisions).toMatchObject([{ month: "2020-05", was: 20, now: 22, file: second.file }]);
  });
});

describe("register", () => {
  it("reads a CSV register with quoted names and numbers as text", () => {
    const read = parseRegisterRows(parseCsv('Organisation code,Organisation,Homes managed\r\nRH01,"Riverside, Homes","5,200"\nAB02,=cmd,300\n'));
    expect(read.entries).toEqual([
      { organisationCode: "RH01", organisation: "Riverside, Homes", homesManaged: 5200 },
      { organisationCode: "AB02", organisation: "=cmd", homesManaged: 300 },
    ]);
    expect(parseRegisterRows([["Name"]]).problems[0]).toContain("Organisation code");
  });
});
