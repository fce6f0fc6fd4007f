/**
 * Collate honours the sign-off: a verified sign-off outranks everything, a return changed since
 * sign-off is held and never replaces one whose sign-off holds, a typed date alone is not a
 * sign-off, and --require-sign-off holds unsigned returns. The chase list asks a held organisation
 * once, counts only reporting years that have begun, and chases register organisations that sent
 * nothing for the current year.
 */
import { collate, linesOf, type CollateOptions, type Figure, type Submission } from "../../../src/core/collate";
import { findBuiltinFramework } from "../../../src/core/framework";
import { excelSerial } from "../../../src/core/calendar";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
let n = 0;
function sub(org: string, figures: Figure[], more: Partial<Submission> = {}): Submission {
  n++;
  return {
    file: `returns/${org}-${n}.xlsx`,
    sha256: n.toString(16).padStart(64, "0"),
    modifiedAt: 1_600_000_000_000 + n,
    organisationCode: org,
    organisation: `${org} Homes`,
    yearStart: "2020-04",
    framework: { id: v1.id, version: 1, title: v1.title },
    lines: linesOf(v1),
    figures,
    monthsReported: new Set(figures.map((f) => f.month)).size,
    errors: 0,
    warnings: 0,
    ...more,
  };
}
const calls = (month: string, value: number): Figure => ({ code: "WELFARE_CALLS", breakdown: "", month, value });
const base: CollateOptions = { asOf: { year: 2020, month: 7, day: 20 } };
const statusOf = (r: ReturnType<typeof collate>) => Object.fromEntries(r.files.map((f) => [f.file, f.status]));

describe("collate: sign-off", () => {
  const signed = sub("RH01", [calls("2020-04", 1840)], { signOff: "signed-off", signedOffOn: excelSerial(2020, 5, 10), modifiedAt: 1 });

  it("holds a return changed since sign-off and keeps the signed one in use, whatever the files' times and order", () => {
    const tampered = { ...signed, file: "returns/RH01 changed.xlsx", sha256: "e".repeat(64), figures: [calls("2020-04", 9999)], signOff: "changed" as const, changedCells: ["Measures!F2"], modifiedAt: 9e15 };
    for (const files of [
      [signed, tampered],
      [tampered, signed],
    ]) {
      const r = collate(files, base);
      expect(statusOf(r)).toEqual({ [signed.file]: "accepted", [tampered.file]: "held" });
      const held = r.files.find((f) => f.status === "held")!;
      expect(held.reason).toContain("changed after it was signed off (Measures!F2)");
      expect(held.reason).toContain("RH01-");
      expect(held.signOff).toBe("changed");
      expect(r.data.map((d) => d.value)).toEqual([1840]);
    }
  });

  it("a typed sign-off date without a checksum is not a sign-off: a verified one outranks it whatever the dates", () => {
    const typed = sub("RH01", [calls("2020-04", 5), calls("2020-05", 5)], { signOff: "not-signed-off", signedOffOn: excelSerial(2020, 7, 1), modifiedAt: 9e15 });
    const r = collate([signed, typed], base);
    expect(statusOf(r)).toEqual({ [signed.file]: "accepted", [typed.file]: "superseded" });
    expect(r.files.find((f) => f.file === typed.file)!.reason).toContain("this one: not signed off");
  });

  it("accepts and flags returns that are not signed off, or holds them when a sign-off is required", () => {
    const unsigned = sub("RH02", [calls("2020-04", 7)], { signOff: "not-signed-off" });
    const flagged = collate([unsigned], base);
    expect(flagged.files[0]).toMatchObject({ status: "accepted", signOff: "not-signed-off" });
    const required = collate([unsigned], { ...base, requireSignOff: true });
    expect(required.files[0]!.status).toBe("held");
    expect(required.files[0]!.reason).toMatch(/not signed off.*sign-off is required/);
    expect(required.data).toEqual([]);
    expect(required.chase.some((c) => c.organisationCode === "RH02" && /not signed off and is held/.test(c.why))).toBe(true);
  });

  it("keeps explained warnings apart from unexplained ones, and holds nothing for warnings", () => {
    const r = collate([sub("RH03", [calls("2020-04", 3)], { warnings: 1, explained: 2 })], base);
    expect(r.files[0]).toMatchObject({ status: "accepted", warnings: 1, explained: 2 });
  });
});

describe("collate: the chase list", () => {
  const register = [{ organisationCode: "A" }, { organisationCode: "H" }, { organisationCode: "N" }];

  it("asks a held organisation once, naming the file and its first errors, not for the months it reported", () => {
    const held = sub("H", [calls("2020-04", 1), calls("2020-05", 1), calls("2020-06", 1)], { errors: 2, firstErrors: ["Measures!F2 (Text where a number belongs)", "Measures!G2 (Below the minimum)"] });
    const r = collate([held], { ...base, register });
    const rows = r.chase.filter((c) => c.organisationCode === "H");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.why).toBe(`latest return H-${n}.xlsx has 2 check errors (first: Measures!F2 (Text where a number belongs); Measures!G2 (Below the minimum)) and is held: ask for a corrected return`);
  });

  it("chases register organisations that sent nothing for each month due in the current year", () => {
    const r = collate([sub("A", [calls("2020-04", 1), calls("2020-05", 1), calls("2020-06", 1)])], { ...base, register });
    expect(r.chase.filter((c) => c.organisationCode === "N").map((c) => c.month)).toEqual(["2020-04", "2020-05", "2020-06"]);
    expect(r.chase.some((c) => c.organisationCode === "A")).toBe(false);
  });

  it("a return for a reporting year that has not begun chases nobody for that year", () => {
    const a = sub("A", [calls("2020-04", 1), calls("2020-05", 1), calls("2020-06", 1)]);
    const early = sub("A", [calls("2021-04", 1)], { yearStart: "2021-04" });
    const r = collate([a, early], { ...base, register });
    expect(r.chase.some((c) => c.month >= "2021-04")).toBe(false);
    expect(r.chase.filter((c) => c.organisationCode === "N").map((c) => c.month)).toEqual(["2020-04", "2020-05", "2020-06"]);
  });

  it("a month is due from its due day: the day before, it is not chased; on the day, it is", () => {
    const a = sub("A", [calls("2020-04", 1), calls("2020-05", 1)]);
    const on = (day: number) => collate([a], { register: [{ organisationCode: "A" }], asOf: { year: 2020, month: 7, day } }).chase.map((c) => c.month);
    expect(on(14)).toEqual([]);
    expect(on(15)).toEqual(["2020-06"]);
  });
});
