/**
 * The case-study and reflection Month is a date in a list of the year's month-start dates
 * (src/core/sheets/case-studies.ts, monthColumn): a month typed as Excel users type it is
 * accepted in the in-memory host as in Excel, the dropdown offers the months as "Apr 2020", and
 * the reader and Check take the dates and text months typed before alike.
 */
import { findBuiltinFramework } from "../../src/core/framework";
import { readReturn } from "../../src/core/return";
import { createExcelGateway } from "../../src/excel/gateway";
import { listItems, MemoryExcelHost } from "../../src/memory-host";
import { DataValidationAlert } from "../../src/memory-host/host";
import { dateToSerial } from "../../src/memory-host/values";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const april2020 = { year: 2020, month: 4 };

async function setUp() {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  await gateway.setUp(v1, { organisation: "Riverside Homes", organisationCode: "0123" }, april2020);
  return { host, gateway };
}

const AUG_2020 = dateToSerial(2020, 8, 1)!;

describe("typing a case study's month", () => {
  it("takes Aug 2020, August 2020 and 01/08/2020 as 1 August 2020, shown Aug 2020; refuses a month outside the year", async () => {
    const { host } = await setUp();
    const sheet = host.workbook.getSheet("Case studies", "test");
    expect(sheet.formatAt(1, 1, "numberFormat")).toBe("mmm yyyy");
    for (const [address, typed] of [["B2", "Aug 2020"], ["B3", "August 2020"], ["B4", "01/08/2020"]] as const) {
      await host.userType("Case studies", address, typed);
      expect(host.cell("Case studies", address)).toMatchObject({ value: AUG_2020, text: "Aug 2020" });
    }
    for (const typed of ["Aug 2021", "Summer", "15/08/2020"]) {
      const refusal = await host.userType("Case studies", "B5", typed).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(DataValidationAlert);
      expect((refusal as Error).message).toBe("Month: choose a value from the dropdown. Or type a month of this reporting year, such as Aug 2026.");
    }
    expect(host.cell("Case studies", "B5").value).toBe("");
  });

  it("offers the year's months in the dropdown as the Framework sheet shows them", async () => {
    const { host } = await setUp();
    const sheet = host.workbook.getSheet("Case studies", "test");
    const items = listItems(sheet.validationAt(1, 1)!, sheet)!;
    expect(items.map((i) => i.text)).toEqual(["Apr 2020", "May 2020", "Jun 2020", "Jul 2020", "Aug 2020", "Sep 2020", "Oct 2020", "Nov 2020", "Dec 2020", "Jan 2021", "Feb 2021", "Mar 2021"]);
    expect(items[4]!.value).toBe(AUG_2020);
    // The Reflections sheet's Month takes the same list, and Set up writes its months as dates.
    const reflections = host.workbook.getSheet("Reflections", "test");
    expect(listItems(reflections.validationAt(1, 0)!, reflections)!.map((i) => i.text)).toEqual(items.map((i) => i.text));
    expect(host.cell("Reflections", "A2")).toMatchObject({ value: dateToSerial(2020, 4, 1), text: "Apr 2020" });
  });

  it("reads dates and the text months typed before alike; Check finds nothing wrong with either", async () => {
    const { host, gateway } = await setUp();
    await host.userEdit("Case studies", "A2:G3", [
      ["Food bank", "Aug 2020", "Poverty", "", "What happened", "Different", "Yes"],
      ["Lunch club", "'Sep 2020", "Poverty", "", "What happened", "Different", "Yes"],
    ]);
    expect(host.cell("Case studies", "B2").value).toBe(AUG_2020);
    expect(host.cell("Case studies", "B3").value).toBe("Sep 2020");
    const data = readReturn(await gateway.readWorkbook());
    const months = data.caseStudies!.rows.slice(0, 2).map((r) => r.cells.Month?.value);
    expect(months).toEqual([AUG_2020, "Sep 2020"]);
    const { result } = await gateway.check({ framework: v1 });
    const monthIssues = result.issues.filter((i) => /^Case studies!B[23]$/.test(`${i.sheet}!${i.cell}`));
    expect(monthIssues).toEqual([]);
  });
});
