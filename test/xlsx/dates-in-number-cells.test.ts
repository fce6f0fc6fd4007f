/** The .xlsx reader marks numbers shown as dates in the Measures table, as the Excel gateway does from number formats. */
import { Workbook } from "exceljs";
import { loadWorkbook } from "../../src/xlsx/load";
import { readSnapshot } from "../../src/xlsx/read";
import { findTable } from "../../src/core/workbook/types";

describe("dates in number cells (issue 8, item 8)", () => {
  it("a date-formatted cell of the Measures table is listed in dateCells; plain numbers are not", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Measures");
    ws.addTable({
      name: "Measures",
      ref: "A1",
      columns: [{ name: "Code" }, { name: "Apr 2020" }, { name: "May 2020" }],
      rows: [
        ["A", 120, new Date(Date.UTC(2024, 4, 5))],
        ["B", 7, 8],
      ],
    });
    ws.getCell("B3").numFmt = "dd/mm/yyyy";
    const loaded = await loadWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), "test.xlsx");
    const table = findTable(readSnapshot(loaded), "Measures")!;
    expect(table.values[0]![2]).toBe(45417);
    expect(table.dateCells).toEqual([[0, 2], [1, 1]]);
  });
});
