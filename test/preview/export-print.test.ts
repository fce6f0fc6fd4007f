/**
 * The preview's "Download workbook (.xlsx)" keeps what Set up, Check and Summarise set. Printed by
 * LibreOffice, the download of a new workbook takes as many A4 landscape pages as the command
 * line's template for the same framework and year, with Measures on one page; read back with
 * exceljs, it keeps print titles, headers and footers, hidden columns, validation, protection,
 * conditional formats and tables. A filled, checked and summarised return prints A4 landscape too.
 * Needs LibreOffice (soffice); fails, not skips, without it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Workbook, Worksheet } from "exceljs";
import { DEFAULT_FRAMEWORK_ID, findBuiltinFramework } from "../../src/core/framework";
import { createExcelGateway } from "../../src/excel/gateway";
import { MemoryExcelHost } from "../../src/memory-host";
import { toExcelJsWorkbook } from "../../src/preview/export-xlsx";
import { buildSampleReturn, SAMPLE_TODAY } from "../../src/preview/sample-return";
import { newHost } from "../../src/preview/session";
import { dataValidationsOf, protectionOf, setTabSelected, tablesOf } from "../../src/xlsx/exceljs-adapter";
import { readWorkbookFile } from "../../src/xlsx/files";
import { requireBuiltCli, runCli, tempDir } from "../support/cli";
import { convertWithLibreOffice, isA4Landscape, pageTexts, pdfPages, sofficePath } from "../support/libreoffice";

/** LibreOffice takes seconds a file, far more on a busy machine. */
const SLOW = 600_000;
const framework = findBuiltinFramework(DEFAULT_FRAMEWORK_ID)!;
const details = { organisation: "Riverside Homes", organisationCode: "RH01" };
const april2026 = { year: 2026, month: 4 };

let dir: string;
let cleanUp: () => void;
let blank: MemoryExcelHost;

beforeAll(async () => {
  sofficePath(); // fail at once, saying how to install it, when LibreOffice is missing
  requireBuiltCli();
  ({ dir, cleanUp } = tempDir("export-print"));
  blank = new MemoryExcelHost();
  await createExcelGateway(blank).setUp(framework, details, april2026);
});
afterAll(() => cleanUp?.());

/**
 * The download's bytes, as the preview builds them; with `only`, every other sheet hidden, not
 * selected and without its print area (LibreOffice prints a hidden sheet's print area), and that
 * one active (LibreOffice prints the active tab).
 */
async function download(host: MemoryExcelHost, name: string, only?: string): Promise<string> {
  const wb = await toExcelJsWorkbook(host.workbook);
  if (only) {
    for (const ws of wb.worksheets) {
      ws.state = ws.name === only ? "visible" : "hidden";
      setTabSelected(ws, ws.name === only);
      if (ws.name !== only) delete ws.pageSetup.printArea;
    }
    wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.findIndex((ws) => ws.name === only), visibility: "visible" }];
  }
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

function printed(file: string, out: string): { pages: { width: number; height: number }[]; pdf: string } {
  const pdf = convertWithLibreOffice(file, "pdf", join(dir, out), dir);
  return { pages: pdfPages(readFileSync(pdf)), pdf };
}

const readBack = (file: string): Promise<Workbook> => readWorkbookFile(file);

it(
  "prints a new workbook on as many A4 landscape pages as the command line's template, each sheet headed as the template's",
  async () => {
    const template = join(dir, "template.xlsx");
    const run = runCli(["template", "--year-start", "2026-04", "--organisation", details.organisation, "--code", details.organisationCode, "--out", template]);
    expect(run.stderr).toBe("");
    const cli = printed(template, "cli");
    const preview = printed(await download(blank, "preview.xlsx"), "preview");
    // Before: 45 portrait pages against the template's 9 A4 landscape ones.
    expect(cli.pages.length).toBeGreaterThan(1);
    expect(preview.pages).toHaveLength(cli.pages.length);
    expect(preview.pages.every(isA4Landscape)).toBe(true);
    // The same sheets on the same pages, headed and footed alike.
    const heads = (pdf: string, n: number) => pageTexts(pdf, n).map((t) => t.split("\n").filter((l) => l.trim() !== "").map((l) => l.trim().replace(/\s+/g, " ")));
    const fromCli = heads(cli.pdf, cli.pages.length);
    const fromPreview = heads(preview.pdf, preview.pages.length);
    expect(fromPreview.map((lines) => lines[0])).toEqual(fromCli.map((lines) => lines[0]));
    expect(fromPreview.map((lines) => lines.at(-1))).toEqual(fromCli.map((lines) => lines.at(-1)));
    expect(fromPreview[0]![0]).toBe("Riverside Homes Return Apr 2026 to Mar 2027");
  },
  SLOW,
);

it(
  "prints the Measures sheet alone on one A4 landscape page",
  async () => {
    const { pages, pdf } = printed(await download(blank, "measures.xlsx", "Measures"), "measures");
    expect(pages).toHaveLength(1);
    expect(isA4Landscape(pages[0]!)).toBe(true);
    const text = pageTexts(pdf, 1)[0]!;
    for (const heading of ["Measure", "Apr 2026", "Mar 2027"]) expect(text).toContain(heading);
    expect(text).toContain(framework.measures.at(-1)!.label);
  },
  SLOW,
);

describe("the download read back with exceljs", () => {
  let wb: Workbook;
  const sheet = (name: string): Worksheet => wb.getWorksheet(name)!;
  beforeAll(async () => {
    wb = await readBack(await download(blank, "read-back.xlsx"));
  });

  it("keeps each sheet's page set-up, print titles, header and footer", () => {
    for (const name of ["Return", "Measures", "Stakeholders", "Outcomes", "Case studies", "Reflections", "Checks"]) {
      const ws = sheet(name);
      expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
      expect(ws.pageSetup.margins).toEqual({ left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 });
      expect(ws.headerFooter.oddHeader).toBe(`&LRiverside Homes&C${name}&RApr 2026 to Mar 2027`);
      expect(ws.headerFooter.oddFooter).toBe(`&L${framework.title}&RPage &P of &N`);
    }
  });

  it("keeps hidden columns and the hidden Framework sheet", () => {
    expect(sheet("Framework").state).toBe("hidden");
    expect(sheet("Measures").getColumn(1).hidden).toBe(true); // the measure's code
    expect(sheet("Measures").getColumn(3).hidden).toBe(false);
  });

  it("keeps validation, protection, conditional formats and tables", () => {
    const welfare = framework.measures[0]!;
    expect(dataValidationsOf(sheet("Measures")).model.F2).toMatchObject({ type: "whole", formulae: [0, welfare.maximum] });
    expect(protectionOf(sheet("Measures"))).toMatchObject({ sheet: true });
    expect(sheet("Measures").getCell("F2").protection?.locked).toBe(false);
    expect(sheet("Measures").getCell("A1").protection?.locked ?? true).toBe(true);
    const formats = (sheet("Measures") as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(formats.length).toBeGreaterThan(0);
    expect(wb.worksheets.flatMap((ws) => tablesOf(ws).map((t) => t.name))).toEqual(
      expect.arrayContaining(["ReturnDetails", "Measures", "Stakeholders", "ImpactMap", "CaseStudies", "Reflections", "Checks", "FrameworkInfo"]),
    );
  });
});

it(
  "prints a filled, checked and summarised return on A4 landscape pages, Measures on one",
  async () => {
    const host = newHost(0);
    const gateway = createExcelGateway(host, { today: () => SAMPLE_TODAY });
    await buildSampleReturn(gateway, (s, address, values) => host.userEdit(s, address, values));
    await gateway.check({ today: SAMPLE_TODAY });
    const summary = await gateway.summarise(SAMPLE_TODAY);
    const all = printed(await download(host, "filled.xlsx"), "filled");
    expect(all.pages.length).toBeGreaterThan(9);
    expect(all.pages.every(isA4Landscape)).toBe(true);
    const measures = printed(await download(host, "filled-measures.xlsx", "Measures"), "filled-measures");
    expect(measures.pages).toHaveLength(1);
    expect(pageTexts(measures.pdf, 1)[0]).toContain("Riverside Homes");

    const wb = await readBack(join(dir, "filled.xlsx"));
    for (const name of summary.sheets) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup.orientation).toBe("landscape");
      expect(ws.headerFooter.oddFooter).toMatch(/Page &P of &N/);
    }
  },
  SLOW,
);
