/**
 * The round trip of a sign-off: a return checked, a warning explained and the return signed off
 * through the Excel gateway on the in-memory host, downloaded to .xlsx as the preview does, then read
 * by the command line and by Collate - (a) as it is, (b) changed in one figure after sign-off (held;
 * the signed copy stays in use whatever the files' times and order), (c) with a sign-off date typed
 * by hand and no checksum (not signed off).
 */
import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { collate } from "../../src/core/collate";
import { findBuiltinFramework } from "../../src/core/framework";
import { measureRows } from "../../src/core/setup/measure-rows";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { toExcelJsWorkbook } from "../../src/preview/export-xlsx";
import { readSubmissionFile } from "../../src/xlsx/sector";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";

jest.setTimeout(120_000);

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const JULY_10 = () => new Date(2020, 6, 10);
const asOf = { year: 2020, month: 7, day: 10 };

/** A return for April to June whose June welfare calls are far out of line (a warning), explained in the Checks table. */
async function explainedReturn() {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host, { today: JULY_10 });
  await gateway.setUp(v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, { year: 2020, month: 4 });
  await host.userEdit("Return", "B5:B7", [[5200], ["Sam Jones"], ["sam.jones@riverside.example.org"]]);
  const rows = measureRows(v1);
  const figures = rows.map((row) => {
    const parts = row.measure.breakdowns.length;
    const one = (m: number) => (row.kind === "stock" ? 400 : 120) + m * 6;
    return row.breakdown === "Total" ? [0, 1, 2].map((m) => one(m) * parts) : [0, 1, 2].map(one);
  });
  await host.userEdit("Measures", `F2:H${rows.length + 1}`, figures);
  await host.userEdit("Measures", "H2", [[1840]]);
  const first = await gateway.check();
  const warning = first.result.issues.find((i) => i.code === "month-out-of-line" && i.cell === "H2");
  expect(warning).toBeDefined();
  expect(first.result.summary.errors).toBe(0);
  // The officer types an explanation in the Checks table, against that warning's row.
  const listed = await host.run(async (context) => {
    const body = context.workbook.tables.getItem("Checks").getDataBodyRange();
    body.load("values,rowIndex");
    await context.sync();
    return { values: body.values, row: body.rowIndex };
  });
  const at = listed.values.findIndex((r) => r[1] === "month-out-of-line" && r[3] === "H2");
  await host.userEdit("Checks", `F${listed.row + at + 1}`, [["We ran a food drive that month."]]);
  const explained = await gateway.check();
  expect(explained.result.summary).toEqual({ errors: 0, warnings: 0, accepted: 1 });
  return { host, gateway };
}

async function download(host: MemoryExcelHost, file: string): Promise<void> {
  const workbook = await toExcelJsWorkbook(host.workbook);
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** A copy of a downloaded return with some cells changed, as someone might after sign-off. */
async function edited(from: string, to: string, edit: (wb: Workbook) => void): Promise<void> {
  const wb = new Workbook();
  await wb.xlsx.readFile(from);
  edit(wb);
  await wb.xlsx.writeFile(to);
}

describe("a sign-off made in Excel, read from the downloaded file", () => {
  beforeAll(() => requireBuiltCli());

  it("is verified by check and collate; a copy changed afterwards is held and a typed date is not a sign-off", async () => {
    const { dir, cleanUp } = tempDir("ir-signoff-");
    try {
      const { host, gateway } = await explainedReturn();
      const unsigned = join(dir, "riverside-unsigned.xlsx");
      await download(host, unsigned);
      expect((await gateway.signOff("Pat Lee", new Date(2020, 6, 10))).refusal).toBeUndefined();
      const signed = join(dir, "riverside-signed.xlsx");
      await download(host, signed);

      // (a) As it is: signed off, and the explained warning is explained in check --json.
      const checked = runCli(["check", signed, "--json", "--today", "2020-07-10"]);
      const json = JSON.parse(checked.stdout) as { summary: { warnings: number; accepted: number }; signOff: { state: string }; issues: { code: string; accepted?: boolean; explanation?: string }[] };
      expect(json.signOff.state).toBe("signed-off");
      expect(json.summary).toMatchObject({ warnings: 0, accepted: 1 });
      expect(json.issues.find((i) => i.code === "month-out-of-line")).toMatchObject({ accepted: true, explanation: "We ran a food drive that month." });
      expect(runCli(["check", signed, "--today", "2020-07-10"]).stdout).toContain("Signed off by Pat Lee on 10/07/2020");

      // (b) One figure changed after sign-off (Apr welfare calls 120 -> 9,999), saved later than the signed copy.
      const tampered = join(dir, "riverside-final.xlsx");
      await edited(signed, tampered, (wb) => {
        wb.getWorksheet("Measures")!.getCell("F2").value = 9999;
      });
      utimesSync(signed, new Date(2020, 6, 10), new Date(2020, 6, 10));
      utimesSync(tampered, new Date(2020, 6, 12), new Date(2020, 6, 12));
      const changedCheck = JSON.parse(runCli(["check", tampered, "--json", "--today", "2020-07-10"]).stdout) as { signOff: { state: string; changedCells: string[] } };
      expect(changedCheck.signOff).toMatchObject({ state: "changed", changedCells: ["Measures!F2"] });
      const subs = [await readSubmissionFile(signed), await readSubmissionFile(tampered)];
      for (const order of [subs, [...subs].reverse()]) {
        const r = collate(order, { asOf });
        const status = Object.fromEntries(r.files.map((f) => [f.file, [f.status, f.signOff]]));
        expect(status).toEqual({ [signed]: ["accepted", "signed-off"], [tampered]: ["held", "changed"] });
        expect(r.files.find((f) => f.file === tampered)!.reason).toContain("Measures!F2");
        expect(r.data.find((d) => d.code === "WELFARE_CALLS" && d.month === "2020-04")!.value).toBe(120);
        // The explained warning is counted as explained, not as a warning to chase.
        expect(r.files.find((f) => f.file === signed)).toMatchObject({ warnings: 0, explained: 1 });
      }

      // The command line: Submissions' Sign-off and Explained columns, and the receipts.
      const out = join(dir, "sector.xlsx");
      const receipts = join(dir, "receipts");
      const run = runCli(["collate", tampered, signed, "--out", out, "--receipts", receipts, "--as-of", "2020-07-10", "--json"]);
      expect(run.stderr).toBe("");
      const sector = new Workbook();
      await sector.xlsx.readFile(out);
      const ws = sector.getWorksheet("Submissions")!;
      const headers = (ws.getRow(1).values as unknown[]).slice(1);
      const rows = [2, 3].map((r) => Object.fromEntries(headers.map((h, i) => [String(h), ws.getRow(r).getCell(i + 1).value])));
      const byFile = Object.fromEntries(rows.map((r) => [String(r.File), r]));
      expect(byFile[signed]).toMatchObject({ "Sign-off": "Signed off", Warnings: 0, Explained: 1, Status: "accepted" });
      expect(byFile[tampered]).toMatchObject({ "Sign-off": "Changed since sign-off", Status: "held" });
      const receipt = readFileSync(join(receipts, "riverside-signed.receipt.txt"), "utf8");
      expect(receipt).toContain("0 errors to correct, 0 warnings to explain or correct; 1 warning explained");
      expect(receipt).toContain("Warnings you explained (nothing more to do) (1):\n  Measures sheet, cell H2: ");
      expect(receipt).toContain("    Your explanation: We ran a food drive that month.");
      expect(receipt).toContain("Sign-off:          Signed off by Pat Lee on 10/07/2020");
      const heldReceipt = readFileSync(join(receipts, "riverside-final.receipt.txt"), "utf8");
      expect(heldReceipt).toMatch(/^Outcome: +Held: changed since sign-off$/m);
      expect(heldReceipt).toContain("Please check the changes, mark the return ready to send again");

      // (c) A sign-off date typed by hand, no checksum: not signed off; the verified copy outranks it.
      const typed = join(dir, "riverside-typed.xlsx");
      await edited(unsigned, typed, (wb) => {
        const ws = wb.getWorksheet("Return")!;
        ws.eachRow((row) => {
          if (row.getCell(1).value === "Signed off on") row.getCell(2).value = "20/07/2020";
          if (row.getCell(1).value === "Signed off by") row.getCell(2).value = "Pat Lee";
        });
      });
      utimesSync(typed, new Date(2020, 6, 20), new Date(2020, 6, 20));
      const typedCheck = JSON.parse(runCli(["check", typed, "--json", "--today", "2020-07-10"]).stdout) as { signOff: { state: string; typedOnly?: boolean; note: string } };
      expect(typedCheck.signOff).toMatchObject({ state: "not-signed-off", typedOnly: true });
      expect(typedCheck.signOff.note).toContain("no Data checksum");
      const r = collate([await readSubmissionFile(typed), await readSubmissionFile(signed)], { asOf });
      expect(Object.fromEntries(r.files.map((f) => [f.file, f.status]))).toEqual({ [signed]: "accepted", [typed]: "superseded" });
      const alone = collate([await readSubmissionFile(typed)], { asOf, requireSignOff: true });
      expect(alone.files[0]).toMatchObject({ status: "held", signOff: "not-signed-off" });
    } finally {
      cleanUp();
    }
  });
});
