/** A table part (`<table>`): its name, range, header and totals rows, and its columns' names. */
import type { RawTable } from "../return-tables";
import { attr, isSpreadsheet, parseXml } from "./xml";

export function tablePart(data: Uint8Array): RawTable | undefined {
  let table: RawTable | undefined;
  const columns: { name?: unknown }[] = [];
  parseXml(data, {
    open(element) {
      if (isSpreadsheet(element, "table")) {
        const name = attr(element, "name") ?? attr(element, "displayName");
        if (name === undefined) return;
        // headerRowCount defaults to 1 (ECMA-376 part 1, 18.5.1.2): Excel and openpyxl leave it out.
        table = { name, headerRow: attr(element, "headerRowCount") !== "0", totalsRow: attr(element, "totalsRowCount") === "1", columns };
        const ref = attr(element, "ref");
        if (ref !== undefined) table.tableRef = ref;
      } else if (isSpreadsheet(element, "tableColumn")) {
        columns.push({ name: attr(element, "name") });
      }
    },
  });
  return table;
}
