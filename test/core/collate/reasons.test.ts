/** Collate's reasons for each file are written once (src/core/collate/reasons.ts) and read as plain clauses. */
import { REASON } from "../../../src/core/collate/reasons";

describe("Collate's reasons", () => {
  it("each reads as a clause without template leftovers, and counts use en-GB plurals", () => {
    const newer = { file: "b.xlsx", newness: "signed off on 01/05/2020, 2 months reported" };
    const all = [
      REASON.duplicate("a.xlsx", true),
      REASON.unknownFramework(),
      REASON.noMonths(),
      REASON.noOrganisationCode(),
      REASON.noYearStart(),
      REASON.noMeasureInCommon(undefined),
      REASON.replacedHadErrors(newer, 1),
      REASON.held(2, newer),
      REASON.held(1, undefined),
      REASON.inUse("not signed off, 1 month reported", 1),
      REASON.inUse("not signed off, 1 month reported", 3),
      REASON.replaced(newer, "not signed off, 1 month reported"),
    ];
    for (const r of all) expect(r).toMatch(/^[a-z][^\n]*[^.]$/);
    for (const r of all) expect(r).not.toMatch(/undefined|\$\{|\s{2}/);
    expect(REASON.held(1, undefined)).toBe(
      "it has 1 check error, so its figures are not used: no earlier submission without errors, so none of this organisation's figures for the year are in use. A corrected return is needed: the receipt lists the errors",
    );
    expect(REASON.replacedHadErrors(newer, 1234)).toContain("this one also had 1,234 check errors");
  });
});
