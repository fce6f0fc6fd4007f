/* eslint-disable office-addins/load-object-before-read -- the rule misreads ClientResult.value, which is read after the sync */
import { MemoryExcelHost, type WorkbookSnapshot } from "../../src/memory-host";
import { printedRowBreaks } from "../../src/memory-host/model/page-layout";
import { attempt } from "../support/attempt";

describe("page layout", () => {
  test("print settings, titles, area, headers and footers; defaults of a new sheet", async () => {
    const host = new MemoryExcelHost({ sheetName: "Summary" });
    host.resetSyncCount();
    await host.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Summary").pageLayout;
      const before = layout.load("orientation, paperSize, zoom, leftMargin, printGridlines, centerHorizontally");
      const noTitles = layout.getPrintTitleRowsOrNullObject();
      const noArea = layout.getPrintAreaOrNullObject();
      await context.sync();
      expect(before.toJSON()).toEqual({
        orientation: "Portrait",
        paperSize: "A4",
        zoom: { scale: 100 },
        leftMargin: 50.4,
        printGridlines: false,
        centerHorizontally: false,
      });
      expect([noTitles.isNullObject, noArea.isNullObject]).toEqual([true, true]);

      layout.orientation = "Landscape";
      layout.paperSize = "A3";
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.centerHorizontally = true;
      layout.leftMargin = 36;
      layout.printGridlines = true;
      layout.setPrintTitleRows("$1:$3");
      layout.setPrintArea("A1:H40");
      layout.headersFooters.defaultForAllPages.centerHeader = "Impact return";
      layout.headersFooters.defaultForAllPages.rightFooter = "Page &P of &N";
      const titles = layout.getPrintTitleRowsOrNullObject().load("address");
      const area = layout.getPrintAreaOrNullObject().load("address");
      const after = layout.load("orientation, paperSize, zoom, leftMargin");
      const footer = layout.headersFooters.defaultForAllPages.load("centerHeader, rightFooter, leftHeader");
      await context.sync();
      expect(after.toJSON()).toMatchObject({ orientation: "Landscape", paperSize: "A3", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, leftMargin: 36 });
      expect(titles.address).toBe("Summary!1:3");
      expect(area.address).toBe("Summary!A1:H40");
      expect(footer.toJSON()).toEqual({ centerHeader: "Impact return", rightFooter: "Page &P of &N", leftHeader: "" });
    });
    expect(host.syncCount).toBe(2);
    const json = JSON.parse(JSON.stringify(host.toJSON())) as WorkbookSnapshot;
    expect(json.sheets[0]?.pageLayout).toMatchObject({ orientation: "Landscape", printTitleRows: "1:3", printArea: "A1:H40", printGridlines: true });
    expect(MemoryExcelHost.fromSnapshot(json).toJSON()).toEqual(host.toJSON());
  });

  test("refuses what Excel refuses; PropertyNotLoaded; ExcelApi 1.9", async () => {
    const host = new MemoryExcelHost({ sheetName: "Summary" });
    const layout = (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Summary").pageLayout;
    expect((await attempt(host, (c) => (layout(c).zoom = { scale: 5 })))?.code).toBe("InvalidArgument");
    expect((await attempt(host, (c) => (layout(c).orientation = "Sideways" as Excel.PageOrientation)))?.code).toBe("InvalidArgument");
    expect((await attempt(host, (c) => (layout(c).paperSize = "A9" as Excel.PaperType)))?.code).toBe("InvalidArgument");
    expect((await attempt(host, (c) => (layout(c).leftMargin = -1)))?.code).toBe("InvalidArgument");
    expect((await attempt(host, (c) => layout(c).setPrintArea("Other!A1:B2")))?.code).toBe("InvalidArgument");
    await host.run(async (context) => {
      expect(() => layout(context).orientation).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }) as Error);
      await context.sync();
    });
    const old = new MemoryExcelHost({ apiVersion: "1.8" });
    await old.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem("Sheet1").pageLayout).toThrow(expect.objectContaining({ code: "ApiNotFound" }) as Error);
      await context.sync();
    });
  });

  test("manual page breaks: above the range's top-left row, no duplicates, none above row 1, kept in the snapshot", async () => {
    const host = new MemoryExcelHost({ sheetName: "Charts" });
    const count = await host.run(async (context) => {
      const breaks = context.workbook.worksheets.getItem("Charts").horizontalPageBreaks;
      breaks.add("A35");
      breaks.add("C35:D40");
      breaks.add(context.workbook.worksheets.getItem("Charts").getRange("A69"));
      const n = breaks.getCount();
      await context.sync();
      return n.value;
    });
    expect(count).toBe(2);
    expect(host.workbook.sheets[0]!.pageLayout.rowBreaks).toEqual([34, 68]);
    const json = JSON.parse(JSON.stringify(host.toJSON())) as WorkbookSnapshot;
    expect(MemoryExcelHost.fromSnapshot(json).workbook.sheets[0]!.pageLayout.rowBreaks).toEqual([34, 68]);
    expect((await attempt(host, (c) => c.workbook.worksheets.getItem("Charts").horizontalPageBreaks.add("B1")))?.code).toBe("InvalidArgument");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Charts").horizontalPageBreaks.removePageBreaks();
      await context.sync();
    });
    expect(host.workbook.sheets[0]!.pageLayout.rowBreaks).toEqual([]);
  });

  test("manual page breaks are kept but not printed while the sheet is fitted to pages; at an explicit scale they print", async () => {
    const host = new MemoryExcelHost({ sheetName: "Charts" });
    const layout = () => host.workbook.sheets[0]!.pageLayout;
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Charts");
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.horizontalPageBreaks.add("A35");
      await context.sync();
    });
    expect(layout().rowBreaks).toEqual([34]);
    expect(printedRowBreaks(layout())).toEqual([]);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Charts").pageLayout.zoom = { scale: 70 };
      await context.sync();
    });
    expect(printedRowBreaks(layout())).toEqual([34]);
  });
});
