/**
 * Issue 18: the preview's download keeps everything Set up, Check and Summarise set. A sample
 * return is filled, checked and summarised on the in-memory host, downloaded as the pane builds
 * the file (downloadFile), and read back three ways: with exceljs (page layout, print titles,
 * headers and footers, hidden columns, widths, validation, protection, conditional formats,
 * tables, the PivotTables' figures), as a zip (native chart parts over the same cells, plotting the
 * same ranges, titled the same), and printed by LibreOffice (the charts drawn on the Summary
 * charts pages). Each is compared with the memory host's model, not with numbers copied here, and
 * the charts with those `impact-returns summary` writes for the downloaded return. Needs
 * LibreOffice (soffice), poppler-utils and `npm run build:cli`; fails, not skips, without them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Workbook, Worksheet } from "exceljs";
import JSZip from "jszip";
import { dateToSerial } from "../../src/core/calendar";
import { createExcelGateway } from "../../src/excel/gateway";
import { columnLeft, formatArea, rowTop, type ChartModel, type MemoryExcelHost, type SheetModel } from "../../src/memory-host";
import { downloadFile, pageLayoutOf, toExcelJsValidation, widthInCharacters, type DownloadFile } from "../../src/preview/export-xlsx";
import { buildSampleReturn, SAMPLE_TODAY } from "../../src/preview/sample-return";
import { newHost } from "../../src/preview/session";
import { dataValidationsOf, protectionOf, tablesOf } from "../../src/xlsx/exceljs-adapter";
import { readWorkbookSheets } from "../../src/xlsx/charts/package";
import { readWorkbookFile } from "../../src/xlsx/files";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { convertWithLibreOffice, isA4Landscape, pageTexts, pdfPages, sofficePath } from "../support/libreoffice";

/** LibreOffice takes seconds a file, far more on a busy machine. */
const SLOW = 600_000;

let dir: string;
let cleanUp: () => void;
let host: MemoryExcelHost;
let summarySheets: string[];
let file: string;
let download: DownloadFile;
let wb: Workbook;
let zip: JSZip;

beforeAll(async () => {
  ({ dir, cleanUp } = tempDir("export-keeps"));
  host = newHost(0);
  const gateway = createExcelGateway(host, { today: () => SAMPLE_TODAY });
  await buildSampleReturn(gateway, (s, address, values) => host.userEdit(s, address, values));
  await gateway.check({ today: SAMPLE_TODAY });
  summarySheets = (await gateway.summarise(SAMPLE_TODAY)).sheets;
  download = await downloadFile(host.workbook);
  file = join(dir, "download.xlsx");
  writeFileSync(file, download.bytes);
  wb = await readWorkbookFile(file);
  zip = await JSZip.loadAsync(download.bytes);
}, SLOW);
afterAll(() => cleanUp?.());

const sheets = (): SheetModel[] => host.workbook.sheets;
const fileSheet = (model: SheetModel): Worksheet => wb.getWorksheet(model.name)!;
const charts = (): ChartModel[] => sheets().flatMap((s) => s.charts);
const text = (path: string): Promise<string> => zip.file(path)!.async("string");

it("summarised a return that has every item to keep", () => {
  expect(summarySheets).toEqual(expect.arrayContaining(["Summary charts", "Summary pivots"]));
  expect(charts().length).toBeGreaterThanOrEqual(3);
  expect(host.workbook.pivotTables.length).toBeGreaterThan(0);
  expect(sheets().some((s) => s.hiddenColumns.size > 0)).toBe(true);
  expect(sheets().some((s) => s.conditionalFormats.length > 0)).toBe(true);
});

describe("read back with exceljs, every sheet as the model has it", () => {
  it("keeps the sheets in order, hidden ones hidden", () => {
    expect(wb.worksheets.map((ws) => [ws.name, ws.state])).toEqual(
      sheets().map((s) => [s.name, s.visibility === "Hidden" ? "hidden" : s.visibility === "VeryHidden" ? "veryHidden" : "visible"]),
    );
  });

  it("keeps page layout, print titles, headers and footers", () => {
    let laidOut = 0;
    for (const sheet of sheets()) {
      const layout = pageLayoutOf(sheet.pageLayout);
      if (!layout) continue;
      laidOut++;
      const ws = fileSheet(sheet);
      expect(ws.pageSetup).toMatchObject({ orientation: layout.orientation, paperSize: 9, fitToPage: layout.scale === undefined });
      const titles = sheet.pageLayout.printTitleRows;
      expect(ws.pageSetup.printTitlesRow).toBe(titles ? `${titles.r0 + 1}:${titles.r1 + 1}` : undefined);
      const codes = (part: { left?: string; center?: string; right?: string }) =>
        `${part.left ? `&L${part.left}` : ""}${part.center ? `&C${part.center}` : ""}${part.right ? `&R${part.right}` : ""}`;
      expect(ws.headerFooter.oddHeader ?? "").toBe(codes(layout.header ?? {}));
      expect(ws.headerFooter.oddFooter ?? "").toBe(codes(layout.footer ?? {}));
    }
    // The return's sheets and Summarise's alike.
    expect(laidOut).toBeGreaterThanOrEqual(sheets().length - 2);
    expect(fileSheet(sheets().find((s) => s.name === "Summary charts")!).pageSetup.orientation).toBe("landscape");
  });

  it("keeps column widths and hidden columns", () => {
    let widths = 0;
    let hidden = 0;
    for (const sheet of sheets()) {
      const ws = fileSheet(sheet);
      for (const [col, points] of sheet.columnWidths) {
        expect(ws.getColumn(col + 1).width).toBeCloseTo(widthInCharacters(points), 2);
        widths++;
      }
      for (const col of sheet.hiddenColumns) {
        expect([sheet.name, col, ws.getColumn(col + 1).hidden]).toEqual([sheet.name, col, true]);
        hidden++;
      }
    }
    expect(widths).toBeGreaterThan(20);
    expect(hidden).toBeGreaterThan(0);
  });

  it("keeps validation on the first cell of every validated range", () => {
    let rules = 0;
    for (const sheet of sheets()) {
      const store = dataValidationsOf(fileSheet(sheet)).model;
      for (const dv of sheet.dataValidations) {
        const rule = toExcelJsValidation(dv);
        if (!rule) continue;
        const first = formatArea({ r0: dv.rect.r0, c0: dv.rect.c0, r1: dv.rect.r0, c1: dv.rect.c0 });
        expect(store[first]).toMatchObject({ type: rule.type });
        rules++;
      }
    }
    expect(rules).toBeGreaterThan(5);
  });

  it("keeps protection and the unlocked entry cells", () => {
    for (const sheet of sheets()) expect([sheet.name, protectionOf(fileSheet(sheet))?.sheet === true]).toEqual([sheet.name, sheet.protection.protected]);
    const measures = sheets().find((s) => s.name === "Measures")!;
    expect(measures.protection.protected).toBe(true);
    expect(fileSheet(measures).getCell("F2").protection?.locked).toBe(false);
  });

  it("keeps each sheet's conditional formats over the same cells", () => {
    for (const sheet of sheets()) {
      const formats = (fileSheet(sheet) as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
      expect([sheet.name, formats.map((f) => f.ref)]).toEqual([sheet.name, sheet.conditionalFormats.map((cf) => cf.rects.map((r) => formatArea(r)).join(" "))]);
    }
  });

  it("keeps every table with its range", () => {
    for (const sheet of sheets()) {
      const tables = tablesOf(fileSheet(sheet)).map((t) => [t.name, t.tableRef ?? t.ref]);
      expect([sheet.name, tables]).toEqual([sheet.name, sheet.tables.map((t) => [t.name, formatArea(t.rect)])]);
    }
  });

  it("keeps each PivotTable's figures as plain cells, and says so", async () => {
    let cells = 0;
    for (const pivot of host.workbook.pivotTables) {
      const body = pivot.rendered!.body;
      const ws = fileSheet(pivot.sheet);
      for (let row = body.r0; row <= body.r1; row++) {
        for (let col = body.c0; col <= body.c1; col++) {
          const value = pivot.sheet.valueAt(row, col);
          const read = ws.getCell(row + 1, col + 1).value;
          // exceljs reads a date-formatted number as a Date.
          expect([row, col, read instanceof Date ? dateToSerial(read) : (read ?? "")]).toEqual([row, col, value]);
          cells++;
        }
      }
    }
    expect(cells).toBeGreaterThan(50);
    // No PivotTable parts: the pane must not claim them.
    expect(Object.keys(zip.files).filter((p) => /pivot/i.test(p))).toEqual([]);
    expect(download.notes).toEqual([`The ${host.workbook.pivotTables.length} PivotTables are kept as the figures they show, as plain cells, not as PivotTables.`]);
  });
});

/** The attribute or element text of a chart part, through a namespace-blind pattern. */
const all = (xml: string, pattern: RegExp): string[] => [...xml.matchAll(pattern)].map((m) => m[1]!);
const unescape = (t: string) => t.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const absolute = (sheet: SheetModel, r: { r0: number; c0: number; r1: number; c1: number }) =>
  `'${sheet.name.replace(/'/g, "''")}'!${formatArea(r)
    .split(":")
    .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":")}`;

describe("the charts, as native chart parts", () => {
  it("writes one chart part a chart, drawn on its sheet", async () => {
    const chartParts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chartParts).toHaveLength(charts().length);
    const types = await text("[Content_Types].xml");
    for (const part of chartParts) expect(types).toContain(`PartName="/${part}"`);
    const { parts } = await readWorkbookSheets(zip);
    for (const sheet of sheets()) {
      const part = parts.get(sheet.name)!;
      const xml = await text(part);
      expect([sheet.name, /<drawing r:id=/.test(xml)]).toEqual([sheet.name, sheet.charts.length > 0]);
    }
  });

  it("keeps each chart's kind, title, axis titles and the cell ranges it plots, in the model's order", async () => {
    const drawn = await Promise.all(charts().map((_, i) => text(`xl/charts/chart${i + 1}.xml`)));
    drawn.forEach((xml, i) => {
      const chart = charts()[i]!;
      const kind = { ColumnClustered: '<c:barDir val="col"/>', BarClustered: '<c:barDir val="bar"/>', LineMarkers: "<c:lineChart>" }[chart.chartType]!;
      expect(xml).toContain(kind);
      const titles = all(xml, /<a:t>([^<]*)<\/a:t>/g).map(unescape);
      expect(titles).toEqual([chart.title.text, chart.axes.category.title.text, chart.axes.value.title.text]);
      const refs = all(xml, /<c:f>([^<]*)<\/c:f>/g).map(unescape);
      expect(refs).toEqual(chart.series.flatMap((s) => [absolute(s.categories!.sheet, s.categories!.rect), absolute(s.values!.sheet, s.values!.rect)]));
      expect(xml).toContain(`formatCode="${chart.axes.value.numberFormat.replace(/"/g, "&quot;")}"`);
    });
  });

  it("anchors each chart over the cells the model places it on", async () => {
    const drawing = await text("xl/drawings/drawing1.xml");
    const anchors = [...drawing.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col>.*?<xdr:row>(\d+)<\/xdr:row>.*?<xdr:to><xdr:col>(\d+)<\/xdr:col>.*?<xdr:row>(\d+)<\/xdr:row>/g)].map((m) =>
      m.slice(1, 5).map(Number),
    );
    expect(anchors).toHaveLength(charts().length);
    anchors.forEach(([fromCol, fromRow, toCol, toRow], i) => {
      const chart = charts()[i]!;
      // Summarise places charts on cell edges: the anchor's edges are the chart's, to the point.
      expect([rowTop(chart.sheet, fromRow!), columnLeft(chart.sheet, fromCol!)]).toEqual([chart.top, chart.left]);
      expect([rowTop(chart.sheet, toRow!), columnLeft(chart.sheet, toCol!)]).toEqual([chart.top + chart.height, chart.left + chart.width]);
    });
  });

  it("are the command line's charts: `impact-returns summary` of the download draws the same chart and drawing parts", async () => {
    requireBuiltCli();
    const cliFile = join(dir, "cli-summary.xlsx");
    const result = runCli(["summary", file, "--out", cliFile]);
    expect(result.status).toBe(0);
    const cli = await JSZip.loadAsync(readFileSync(cliFile));
    const cliParts = Object.keys(cli.files).filter((p) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(p)).sort();
    expect(cliParts).toEqual(Object.keys(zip.files).filter((p) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(p)).sort());
    // The command line caches month categories as labels it cannot put in a date axis's number cache, so leaves them out; the download caches the cells' serials.
    const withoutCategoryCache = (xml: string) => xml.replace(/(<c:cat><c:numRef><c:f>[^<]*<\/c:f>)<c:numCache>.*?<\/c:numCache>/g, "$1");
    for (const part of cliParts) expect([part, withoutCategoryCache(await text(part))]).toEqual([part, await cli.file(part)!.async("string")]);
  });
});

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 120_000 });
  if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

it(
  "prints with LibreOffice, every page A4 landscape, every chart's title on the Summary charts pages",
  () => {
    sofficePath();
    const pdf = convertWithLibreOffice(file, "pdf", join(dir, "pdf"), dir);
    const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))![1]);
    expect(pages).toBeGreaterThan(9);
    const sizes = pdfPages(readFileSync(pdf));
    expect(sizes).toHaveLength(pages);
    expect(sizes.every(isA4Landscape)).toBe(true);
    const texts = pageTexts(pdf, pages).map((t) => t.replace(/\s+/g, " "));
    const chartsPages = texts.flatMap((t, i) => (t.includes("Summary charts") ? [i] : []));
    expect(chartsPages.length).toBeGreaterThan(0);
    for (const chart of charts()) {
      // The title is the chart's own text: no cell of the workbook holds it.
      const inCells = sheets().some((s) => {
        let found = false;
        s.forEachStored({ r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 }, (_cell, row, col) => {
          if (s.textAt(row, col) === chart.title.text) found = true;
        });
        return found;
      });
      expect([chart.title.text, inCells]).toEqual([chart.title.text, false]);
      const printedOn = texts.flatMap((t, i) => (t.includes(chart.title.text) ? [i] : []));
      expect([chart.title.text, printedOn.length > 0 && printedOn.every((i) => chartsPages.includes(i))]).toEqual([chart.title.text, true]);
    }
  },
  SLOW,
);
