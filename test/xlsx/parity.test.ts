/**
 * The two gateways agree: Set up through the Excel gateway (against the in-memory Excel host)
 * and the same plan written to a file and read back give the same snapshot, blanks aside
 * (Office.js gives "" for a blank cell, files give null). So checks run alike on both.
 */
import { Workbook } from "exceljs";
import { findBuiltinFramework } from "../../src/core/framework";
import { planSetup } from "../../src/core/setup/plan";
import { EMPTY_WORKBOOK, type CellValue, type WorkbookSnapshot } from "../../src/core/workbook/types";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { applyOperations } from "../../src/xlsx/apply";
import { loadWorkbook } from "../../src/xlsx/load";
import { readSnapshot } from "../../src/xlsx/read";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const april2020 = { year: 2020, month: 4 };
const details = { organisation: "Riverside Homes", organisationCode: "0123" };

function blanksAsNull(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const cells = (rows: CellValue[][]) => rows.map((row) => row.map((v) => (v === "" ? null : v)));
  return { ...snapshot, tables: snapshot.tables.map((t) => ({ ...t, values: cells(t.values), formulas: cells(t.formulas) })) };
}

it("reads a file set up from the plan exactly as Excel reads the workbook Set up made", async () => {
  const host = new MemoryExcelHost();
  const gateway = createExcelGateway(host);
  await gateway.setUp(v1, details, april2020);
  const inExcel = await gateway.readWorkbook();

  const workbook = new Workbook();
  applyOperations(workbook, planSetup(EMPTY_WORKBOOK, v1, details, april2020).operations);
  const fromFile = readSnapshot(await loadWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), "parity.xlsx"));

  // A new Excel workbook starts with an empty Sheet1, which Set up deletes once the returns sheets exist.
  expect(inExcel.sheets.map((s) => s.name)).not.toContain("Sheet1");
  expect(blanksAsNull(fromFile)).toEqual(blanksAsNull(inExcel));
});
