/**
 * Collate's Reflections sheet through the Excel gateway on the in-memory host: the shared
 * reflections of the returns in use, written as text (one starting with "=" arrives as that text,
 * never a formula); a later collation reads them back from the sector workbook, keeps those of
 * returns still in use, and replaces an organisation's with its resubmission's.
 */
import { type Submission } from "../../src/core/collate";
import { excelSerial } from "../../src/core/calendar";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { submissionOf } from "../support/submissions";

const today = new Date(2020, 7, 20);

const sub = (org: string, n: number, reflections: Submission["reflections"], signedOffDay: number): Submission =>
  submissionOf(org, [{ code: "WELFARE_CALLS", breakdown: "", month: "2020-04", value: 100 }], {
    file: `${org}-${n}.xlsx`,
    sha256: n.toString(16).padStart(64, "0"),
    modifiedAt: 1_600_000_000_000 + n,
    signOff: "signed-off",
    signedOffOn: 44_000 + signedOffDay,
    reflections,
  });

async function cells(host: MemoryExcelHost, table: string): Promise<{ values: unknown[][]; formulas: unknown[][] }> {
  return host.run(async (context) => {
    const range = context.workbook.tables.getItem(table).getDataBodyRange();
    range.load("values,formulas");
    await context.sync();
    return { values: range.values, formulas: range.formulas };
  });
}

describe("Collate's Reflections sheet in Excel", () => {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);

  it("writes the shared reflections as text, latest month first", async () => {
    await gateway.collate(
      [
        sub("RH01", 1, [
          { month: "2020-05", monthText: "May 2020", prompt: "What have we learnt?", reflection: "=1+1 is what the survey form showed" },
          { month: "2020-06", monthText: "Jun 2020", prompt: "What could we improve?", reflection: "Shorter forms." },
        ], 1),
        sub("GH02", 2, [{ monthText: "Summer", prompt: "Our own", reflection: "A month typed as a word." }], 2),
      ],
      { today, sectorHomes: 10_000 },
    );
    const { values, formulas } = await cells(host, "SectorReflections");
    expect(values).toEqual([
      ["GH02", "GH02 Homes", "Summer", "Our own", "A month typed as a word."],
      ["RH01", "RH01 Homes", excelSerial(2020, 6, 1), "What could we improve?", "Shorter forms."],
      ["RH01", "RH01 Homes", excelSerial(2020, 5, 1), "What have we learnt?", "=1+1 is what the survey form showed"],
    ]);
    expect(formulas[2]![4]).toBe("=1+1 is what the survey form showed");
    expect(values[2]![4]).not.toBe(2);
  });

  it("a later collation keeps the reflections of returns still in use and takes a resubmission's instead of the old ones", async () => {
    await gateway.collate([sub("RH01", 3, [{ month: "2020-07", monthText: "Jul 2020", prompt: "What have we learnt?", reflection: "Resubmitted." }], 5)], { today });
    const { values } = await cells(host, "SectorReflections");
    expect(values).toEqual([
      ["GH02", "GH02 Homes", "Summer", "Our own", "A month typed as a word."],
      ["RH01", "RH01 Homes", excelSerial(2020, 7, 1), "What have we learnt?", "Resubmitted."],
    ]);
  });
});
