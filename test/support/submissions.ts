/**
 * Submissions made by hand for the core and gateway tests of Collate: a return of the built-in
 * framework v1 from `${org} Homes`, reporting year from Apr 2020, 1,000 homes, no check issues.
 * Each call is a new file: its own name, SHA-256 and a later modification time (numbered in the
 * order made, per test file), unless `more` says otherwise.
 */
import { findBuiltinFramework } from "../../src/core/framework";
import { linesOf, type Figure, type Submission } from "../../src/core/collate";

export const FRAMEWORK_V1 = findBuiltinFramework("community-investment-monthly", 1)!;
const LINES_V1 = linesOf(FRAMEWORK_V1);
let made = 0;

export function submissionOf(org: string, figures: readonly Figure[], more: Partial<Submission> = {}): Submission {
  made++;
  return {
    file: `returns/${org}-${made}.xlsx`,
    sha256: made.toString(16).padStart(64, "0"),
    modifiedAt: 1_600_000_000_000 + made,
    organisationCode: org,
    organisation: `${org} Homes`,
    yearStart: "2020-04",
    homesManaged: 1000,
    framework: { id: FRAMEWORK_V1.id, version: 1, title: FRAMEWORK_V1.title },
    lines: LINES_V1,
    figures: [...figures],
    monthsReported: new Set(figures.map((f) => f.month)).size,
    errors: 0,
    warnings: 0,
    ...more,
  };
}
