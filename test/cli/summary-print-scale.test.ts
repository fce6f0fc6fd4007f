/**
 * The Summary charts sheet of a file written by `impact-returns summary` prints by its manual page
 * breaks: it has them (a break between every two rows of charts) and an explicit print scale, not
 * "fit to pages", under which Excel ignores manual breaks (docs/memory-host.md, "Page layout").
 * Read back from the file (exceljs for the page setup; the sheet's XML for the breaks, which exceljs
 * does not read). Needs `npm run build:cli`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { SUMMARY_SHEET } from "../../src/core/layout/summary-contract";
import { readWorkbookFile } from "../../src/xlsx/files";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { cleanEdits, fillReturn, writeTemplate } from "../support/fill-return";

it("writes the Summary charts sheet with its page breaks and an explicit scale, not fit to pages", async () => {
  requireBuiltCli();
  const { dir, cleanUp } = tempDir("summary-scale");
  try {
    const returnFile = join(dir, "return.xlsx");
    writeTemplate(returnFile);
    await fillReturn(returnFile, cleanEdits());
    const out = join(dir, "summary.xlsx");
    const result = runCli(["summary", returnFile, "--out", out]);
    expect(result.status).toBe(0);
    const charts = (await readWorkbookFile(out)).getWorksheet(SUMMARY_SHEET.charts)!;
    const setup = charts.pageSetup;
    expect(setup.fitToPage).toBeFalsy();
    expect(setup.scale).toBeGreaterThanOrEqual(10);
    expect(setup.scale).toBeLessThan(100);
    // exceljs names sheet parts in tab order: the charts sheet's XML holds the manual breaks.
    const parts = unzipSync(new Uint8Array(readFileSync(out)));
    const tab = [...strFromU8(parts["xl/workbook.xml"]!).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]).indexOf(SUMMARY_SHEET.charts);
    const xml = strFromU8(parts[`xl/worksheets/sheet${tab + 1}.xml`]!);
    expect(xml).toMatch(/<rowBreaks count="[1-9]\d*" manualBreakCount="[1-9]\d*">/);
    expect(xml).not.toMatch(/fitToPage="1"/);
    const board = (await readWorkbookFile(out)).getWorksheet(SUMMARY_SHEET.board)!;
    expect([board.pageSetup.fitToPage, board.pageSetup.fitToWidth]).toEqual([true, 1]);
  } finally {
    cleanUp();
  }
}, 120_000);
