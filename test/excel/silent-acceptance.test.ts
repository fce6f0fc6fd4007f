/**
 * Check against the in-memory host: what used to pass silently. A date in a number cell reads as
 * its serial (2024-05-05 is 45,417 people); a damaged framework definition falls back to the
 * built-in framework. Both are now said.
 */
import { findBuiltinFramework } from "../../src/core/framework";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { countSyncs } from "./helpers";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const april2020 = { year: 2020, month: 4 };

async function setUpNew() {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  await gateway.setUp(v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, april2020);
  return { host, gateway };
}

describe("silent acceptance (issue 8, item 8)", () => {
  it("a date in a measure cell is a date-in-number-cell warning, still in 2 + 1 syncs", async () => {
    const { host, gateway } = await setUpNew();
    await host.userEdit("Measures", "F2:G2", [[120, 135]]);
    // Pasted with its formatting from an email: the cell now shows a date.
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Measures");
      sheet.protection.unprotect();
      sheet.getRange("H2").numberFormat = [["dd/mm/yyyy"]];
      sheet.getRange("H2").values = [["2024-05-05"]];
      sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true });
      await context.sync();
    });
    let result: Awaited<ReturnType<typeof gateway.check>>["result"] | undefined;
    expect(await countSyncs(host, async () => (result = (await gateway.check()).result))).toBe(3);
    const issue = result!.issues.find((i) => i.code === "date-in-number-cell");
    expect(issue).toMatchObject({ severity: "warning", sheet: "Measures", cell: "H2" });
    expect(issue?.message).toMatch(/^45,417 .* shown as a date \(05\/05\/2024\)/);
    expect(result!.issues.filter((i) => i.code === "date-in-number-cell")).toHaveLength(1);
  });

  it("a #REF! in the stored framework definition is said, not silently replaced by the built-in framework", async () => {
    const { host, gateway } = await setUpNew();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Framework");
      sheet.protection.unprotect();
      sheet.getRange("H2").values = [["#REF!"]];
      await context.sync();
    });
    const { result } = await gateway.check();
    const issue = result.issues.find((i) => i.code === "framework-definition-unreadable");
    expect(issue).toMatchObject({ severity: "warning", sheet: "Framework" });
    expect(issue?.message).toMatch(/cannot be read \(a cell of it holds the Excel error #REF!\), so the return was checked against the built-in "/);
    expect(result.framework).toEqual({ id: v1.id, version: v1.version });
  });
});
