/**
 * Native charts added to exceljs-written workbooks (src/xlsx/charts): the package stays consistent
 * (every relationship resolves, every part has a content type, exceljs still reads it), the output
 * is deterministic, hostile text stays literal, and LibreOffice parses and draws every chart: one
 * embedded chart object per chart in its .ods, and ink in the charts' cells of the printed page
 * where a control workbook without charts has none. Needs LibreOffice and poppler-utils.
 * Set CHARTS_TEST_KEEP=1 to keep the files it writes (their folder is printed).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import JSZip from "jszip";
import { JSDOM } from "jsdom";
import { addCharts, ChartPackageError, FIXED_ENTRY_DATE, sheetRef, type ChartSpec } from "../../src/xlsx/charts";
import { NS } from "../../src/xlsx/charts/drawingml";
import { resolveTarget, withDrawingElement } from "../../src/xlsx/charts/package";
import { tempDir } from "../support/cli";
import { convertWithLibreOffice, sofficePath } from "../support/libreoffice";

const SLOW = 300_000;
const SUMMARY = "Summary charts";
const BOBS = "Bob's data";
const HOSTILE = '=HYPERLINK("x") <b>&amp; \u0007bell\u0000 \uFFFE done';

let dir: string;
let cleanUp: () => void;
beforeAll(() => {
  ({ dir, cleanUp } = tempDir("charts"));
  if (process.env.CHARTS_TEST_KEEP) console.log(`charts test files: ${dir}`);
});
afterAll(() => {
  if (!process.env.CHARTS_TEST_KEEP) cleanUp?.();
});

const MONTHS = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2020, 3 + i, 1)));
const MONTH_LABELS = MONTHS.map((d) => d.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }));
const CALLS = [12, 15, 9, 22, 30, 18, 25, 27, 14, 19, 21, 24];
const VALUE = [1200.5, 900, 1500.25, 1700, 2100, 1300, 1250, 1900, 2400, 2000, 1750, 2200];
const PEOPLE: (number | null)[] = [5, 7, null, 9, 11, 8, null, 10, 12, 6, 7, 9];

/** A4 landscape, so that each sheet with its charts prints on one page. */
const PAGE = { paperSize: 9, orientation: "landscape" } as const;

/** The workbook the charts go into (and, as it is, the control without charts). */
function buildWorkbook(): Workbook {
  const workbook = new Workbook();
  const summary = workbook.addWorksheet(SUMMARY, { pageSetup: PAGE });
  summary.columns = [{ width: 12 }, { width: 10 }, { width: 12 }, { width: 10 }];
  summary.addRow(["Month", "Calls", "Value (£)", "People"]);
  MONTHS.forEach((month, i) => summary.addRow([month, CALLS[i], VALUE[i], PEOPLE[i]]));
  summary.getColumn(1).numFmt = "mmm yyyy";
  summary.getColumn(3).numFmt = '"£"#,##0.00';
  summary.getCell("A16").value = { text: "a link", hyperlink: "https://example.org/" }; // an existing sheet relationship

  const bobs = workbook.addWorksheet(BOBS, { pageSetup: PAGE });
  bobs.columns = [{ width: 14 }, { width: 10 }];
  bobs.addRow(["Area", "Households"]);
  [["North", 40], ["South", 25], ["East & West", 33], ["Bob's <patch>", 12]].forEach((row) => bobs.addRow(row));
  bobs.getCell("A1").note = "Households helped in each area"; // a note: <legacyDrawing> comes after <drawing>
  bobs.addTable({ name: "Areas", ref: "D1", columns: [{ name: "Key" }, { name: "Note" }], rows: [["a", "b"]] }); // <tableParts> comes after <drawing>
  bobs.addConditionalFormatting({ ref: "B2:B5", rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }] } as never] });
  return workbook;
}

function chartSpecs(): ChartSpec[] {
  const range = (sheet: string, col: string, last = 13) => sheetRef(sheet, `${col}2:${col}${last}`);
  const months = { categories: range(SUMMARY, "A"), categoriesCache: MONTH_LABELS, categoryNumberFormat: "mmm yyyy" };
  return [
    {
      sheet: SUMMARY,
      name: "Calls and people",
      type: "column",
      title: "Calls and people by month",
      ...months,
      series: [
        { name: "Calls", values: range(SUMMARY, "B"), cache: CALLS },
        { name: "People", values: range(SUMMARY, "D"), cache: PEOPLE },
      ],
      valueAxisTitle: "Count",
      valueNumberFormat: "#,##0",
      anchor: { from: { col: 5, row: 0 }, to: { col: 11, row: 14 } },
    },
    {
      sheet: SUMMARY,
      name: "Value",
      type: "line",
      title: HOSTILE,
      ...months,
      series: [{ name: "Value (£) & 'more'", values: range(SUMMARY, "C"), cache: VALUE }],
      valueAxisTitle: "£",
      categoryAxisTitle: "Month",
      valueNumberFormat: '"£"#,##0.00',
      anchor: { from: { col: 5, row: 15 }, to: { col: 11, row: 29 } },
    },
    {
      sheet: BOBS,
      name: "Households",
      type: "bar",
      title: "Households by area",
      categories: range(BOBS, "A", 5),
      categoriesCache: ["North", "South", "East & West", "Bob's <patch>"],
      series: [{ name: "Households", values: range(BOBS, "B", 5) }],
      anchor: { from: { col: 3, row: 6 }, to: { col: 9, row: 22 } },
    },
  ];
}

async function writeBytes(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

let plain: Uint8Array;
let charted: Uint8Array;
let zip: JSZip;
beforeAll(async () => {
  plain = await writeBytes(buildWorkbook());
  charted = await addCharts(plain, chartSpecs());
  zip = await JSZip.loadAsync(charted);
  writeFileSync(join(dir, "control.xlsx"), plain);
  writeFileSync(join(dir, "charted.xlsx"), charted);
});

const text = (path: string) => zip.file(path)!.async("string");
const domParser = new new JSDOM("").window.DOMParser();
function parseXml(xml: string, path: string): Document {
  const doc = domParser.parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`${path} is not well-formed XML: ${error.textContent ?? ""}`);
  return doc;
}
/** Child element names of an element, without prefixes. */
const childNames = (element: Element) => [...element.children].map((c) => c.localName);
const first = (doc: Document | Element, localName: string) => {
  const found = doc.getElementsByTagNameNS("*", localName)[0];
  if (!found) throw new Error(`no ${localName}`);
  return found;
};

describe("the package", () => {
  it("has the chart, drawing and relationship parts, each well-formed XML", async () => {
    const parts = Object.keys(zip.files).filter((p) => !zip.files[p]!.dir);
    expect(parts).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/charts/chart2.xml",
        "xl/charts/chart3.xml",
        "xl/drawings/drawing1.xml",
        "xl/drawings/drawing2.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
        "xl/drawings/_rels/drawing2.xml.rels",
        "xl/worksheets/_rels/sheet1.xml.rels",
        "xl/worksheets/_rels/sheet2.xml.rels",
      ]),
    );
    for (const part of parts.filter((p) => /\.(xml|rels)$/.test(p))) parseXml(await text(part), part);
    expect(Object.keys(zip.files)[0]).toBe("[Content_Types].xml"); // still the first entry, as Office writes it
  });

  it("gives every part a content type and resolves every relationship and r:id", async () => {
    const types = parseXml(await text("[Content_Types].xml"), "[Content_Types].xml");
    const defaults = new Map([...types.getElementsByTagName("Default")].map((d) => [d.getAttribute("Extension")!.toLowerCase(), d.getAttribute("ContentType")!]));
    const overrides = new Map([...types.getElementsByTagName("Override")].map((o) => [o.getAttribute("PartName")!, o.getAttribute("ContentType")!]));
    const parts = Object.keys(zip.files).filter((p) => !zip.files[p]!.dir);
    for (const part of parts) {
      const type = overrides.get(`/${part}`) ?? defaults.get(part.split(".").pop()!.toLowerCase());
      expect([part, type]).toEqual([part, expect.any(String)]);
    }
    for (const name of overrides.keys()) expect(parts).toContain(name.slice(1));
    expect(overrides.get("/xl/charts/chart1.xml")).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    expect(overrides.get("/xl/drawings/drawing2.xml")).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");

    const RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    for (const relsPath of parts.filter((p) => p.endsWith(".rels"))) {
      const source = relsPath.replace(/_rels\/(.*)\.rels$/, "$1");
      const rels = [...parseXml(await text(relsPath), relsPath).getElementsByTagName("Relationship")];
      const ids = rels.map((r) => r.getAttribute("Id"));
      expect(new Set(ids).size).toBe(ids.length);
      for (const rel of rels.filter((r) => r.getAttribute("TargetMode") !== "External")) {
        expect([relsPath, parts.includes(resolveTarget(source, rel.getAttribute("Target")!))]).toEqual([relsPath, true]);
      }
      if (source === "" || !zip.file(source)) continue;
      // every r:id used in the source part is one of its relationships
      const used = [...(await text(source)).matchAll(/\br:id="([^"]+)"/g)].map((m) => m[1]);
      for (const id of used) expect([source, ids]).toEqual([source, expect.arrayContaining([id])]);
      const doc = parseXml(await text(source), source);
      for (const element of [...doc.getElementsByTagName("*")].filter((e) => e.hasAttributeNS(RELS_NS, "id"))) {
        expect(ids).toContain(element.getAttributeNS(RELS_NS, "id"));
      }
    }
    const sheetRels = [...parseXml(await text("xl/worksheets/_rels/sheet1.xml.rels"), "").getElementsByTagName("Relationship")];
    expect(sheetRels.map((r) => [r.getAttribute("Id"), r.getAttribute("Type")!.split("/").pop()])).toEqual([
      ["rId1", "hyperlink"],
      ["rId2", "drawing"],
    ]);
  });

  it("puts <drawing> in the worksheet's schema order, after page setup and before tableParts and extLst", async () => {
    const summary = childNames(parseXml(await text("xl/worksheets/sheet1.xml"), "sheet1").documentElement);
    expect(summary.slice(summary.indexOf("pageSetup"))).toEqual(["pageSetup", "drawing"]);
    const bobs = childNames(parseXml(await text("xl/worksheets/sheet2.xml"), "sheet2").documentElement);
    // exceljs itself writes <legacyDrawing> (for notes) after <extLst>, out of schema order; that is
    // left as it is. <drawing> goes before all three of them.
    expect(bobs.filter((n) => ["pageMargins", "pageSetup", "drawing", "tableParts", "extLst"].includes(n))).toEqual(["pageMargins", "pageSetup", "drawing", "tableParts", "extLst"]);
    expect(bobs.indexOf("drawing")).toBeLessThan(bobs.indexOf("legacyDrawing"));
    // The data bar rule's own <extLst> (inside <cfRule>) is left alone.
    expect(await text("xl/worksheets/sheet2.xml")).toMatch(/<cfRule[^>]*>(?:(?!<\/cfRule>)[\s\S])*<extLst>/);
  });

  it("writes charts in ECMA-376 element order with the asked-for types, axes and formats", async () => {
    const chart = async (n: number) => parseXml(await text(`xl/charts/chart${n}.xml`), `chart${n}`);
    const column = await chart(1);
    expect(childNames(column.documentElement)).toEqual(["date1904", "roundedCorners", "chart"]);
    expect(childNames(first(column, "chart"))).toEqual(["title", "autoTitleDeleted", "plotArea", "legend", "plotVisOnly", "dispBlanksAs"]);
    expect(childNames(first(column, "plotArea"))).toEqual(["layout", "barChart", "dateAx", "valAx"]);
    expect(childNames(first(column, "barChart"))).toEqual(["barDir", "grouping", "varyColors", "ser", "ser", "gapWidth", "axId", "axId"]);
    expect(first(column, "barDir").getAttribute("val")).toBe("col");
    expect(childNames(first(column, "ser"))).toEqual(["idx", "order", "tx", "spPr", "invertIfNegative", "cat", "val"]);
    expect(first(first(column, "ser"), "f").textContent).toBe("'Summary charts'!$A$2:$A$13");
    expect(childNames(first(column, "dateAx"))).toEqual(["axId", "scaling", "delete", "axPos", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "crossAx", "crosses", "auto", "lblOffset", "baseTimeUnit"]);
    expect(first(first(column, "dateAx"), "numFmt").getAttribute("formatCode")).toBe("mmm yyyy");
    expect(childNames(first(column, "valAx"))).toEqual(["axId", "scaling", "delete", "axPos", "majorGridlines", "title", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "crossAx", "crosses", "crossBetween"]);
    // a blank cell is a missing point in the cache (a gap), not a zero
    const people = column.getElementsByTagNameNS("*", "ser")[1]!;
    expect([...people.getElementsByTagNameNS("*", "pt")].map((p) => p.getAttribute("idx"))).toEqual(["0", "1", "3", "4", "5", "7", "8", "9", "10", "11"]);

    const line = await chart(2);
    expect(childNames(first(line, "chart"))).toEqual(["title", "autoTitleDeleted", "plotArea", "plotVisOnly", "dispBlanksAs"]); // one series: no legend
    expect(first(line, "dispBlanksAs").getAttribute("val")).toBe("gap");
    expect(childNames(first(line, "lineChart"))).toEqual(["grouping", "varyColors", "ser", "marker", "axId", "axId"]);
    expect(childNames(first(line, "ser"))).toEqual(["idx", "order", "tx", "marker", "cat", "val", "smooth"]);
    expect(first(first(line, "valAx"), "numFmt").getAttribute("formatCode")).toBe('"£"#,##0.00');

    const bar = await chart(3);
    expect(first(bar, "barDir").getAttribute("val")).toBe("bar");
    expect(childNames(first(bar, "plotArea"))).toEqual(["layout", "barChart", "catAx", "valAx"]);
    expect(first(first(bar, "ser"), "f").textContent).toBe("'Bob''s data'!$A$2:$A$5");
    expect([...first(bar, "strCache").getElementsByTagNameNS("*", "v")].map((v) => v.textContent)).toEqual(["North", "South", "East & West", "Bob's <patch>"]);

    const drawing = parseXml(await text("xl/drawings/drawing1.xml"), "drawing1");
    const anchors = [...drawing.documentElement.children];
    expect(anchors.map((a) => [a.localName, childNames(a)])).toEqual([
      ["twoCellAnchor", ["from", "to", "graphicFrame", "clientData"]],
      ["twoCellAnchor", ["from", "to", "graphicFrame", "clientData"]],
    ]);
    expect(childNames(first(anchors[1]!, "from"))).toEqual(["col", "colOff", "row", "rowOff"]);
    expect(first(anchors[1]!, "from").textContent).toBe("50150");
    expect([...drawing.getElementsByTagNameNS("*", "cNvPr")].map((e) => [e.getAttribute("id"), e.getAttribute("name")])).toEqual([
      ["2", "Calls and people"],
      ["3", "Value"],
    ]);
  });

  it("keeps hostile titles literal: no formula, no markup, no characters XML forbids", async () => {
    const xml = await text("xl/charts/chart2.xml");
    for (const forbidden of ["\u0007", "\u0000", "\uFFFE"]) expect(xml).not.toContain(forbidden);
    expect(xml).toContain('<a:t>=HYPERLINK("x") &lt;b&gt;&amp;amp; bell  done</a:t>');
    const doc = parseXml(xml, "chart2");
    expect(first(first(doc, "title"), "t").textContent).toBe('=HYPERLINK("x") <b>&amp; bell  done');
    expect(first(first(doc, "ser"), "v").textContent).toBe("Value (£) & 'more'");
    expect(doc.getElementsByTagNameNS("*", "f")).toHaveLength(2); // the two references, no formula from the title
  });

  it("leaves a workbook exceljs still reads, with its cells unchanged", async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(charted) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([SUMMARY, BOBS]);
    const summary = workbook.getWorksheet(SUMMARY) as Worksheet;
    expect(summary.getCell("A2").value).toEqual(MONTHS[0]);
    expect(summary.getCell("C13").value).toBe(VALUE[11]);
    expect(workbook.getWorksheet(BOBS)!.getCell("A4").value).toBe("East & West");
  });

  it("is deterministic: the same input gives the same bytes, with fixed dates on the entries it writes", async () => {
    const again = await addCharts(plain, chartSpecs());
    expect(Buffer.from(again).equals(Buffer.from(charted))).toBe(true);
    for (const path of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "[Content_Types].xml", "xl/worksheets/sheet1.xml"]) {
      expect(zip.file(path)!.date.getTime()).toBe(FIXED_ENTRY_DATE.getTime());
    }
    expect(await addCharts(plain, [])).toBe(plain);
  });
});

describe("the <drawing> element in worksheets from other writers", () => {
  it("goes before the worksheet's own later children only, declares r: when missing, and keeps a prefix", () => {
    const nested = '<worksheet xmlns="main"><sheetData/><conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting><pageMargins a=">"/><extLst/></worksheet>';
    expect(withDrawingElement(nested, "S", "rId9")).toBe(
      `<worksheet xmlns="main" xmlns:r="${NS.r}"><sheetData/><conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting><pageMargins a=">"/><drawing r:id="rId9"/><extLst/></worksheet>`,
    );
    const prefixed = `<?xml version="1.0"?><!-- <tableParts/> --><x:worksheet xmlns:x="main" xmlns:rel="${NS.r}"><x:sheetData/><x:tableParts count="0"/></x:worksheet>`;
    expect(withDrawingElement(prefixed, "S", "rId1")).toContain('<x:sheetData/><x:drawing rel:id="rId1"/><x:tableParts');
    expect(() => withDrawingElement('<worksheet><sheetData/><drawing r:id="rId1"/></worksheet>', "S", "rId2")).toThrow(/already has a drawing/);
  });
});

describe("what it refuses", () => {
  const one = (change: Partial<ChartSpec>): ChartSpec[] => [{ ...chartSpecs()[2]!, ...change }];

  it("refuses a sheet that already has a drawing, rather than corrupting it", async () => {
    const workbook = buildWorkbook();
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
    const image = workbook.addImage({ buffer: png as never, extension: "png" });
    workbook.getWorksheet(BOBS)!.addImage(image, "H2:I3");
    const bytes = await writeBytes(workbook);
    await expect(addCharts(bytes, one({}))).rejects.toThrow(ChartPackageError);
    await expect(addCharts(bytes, one({}))).rejects.toThrow(/Sheet "Bob's data" already has a drawing/);
    // the other sheet, without a drawing, still takes charts, numbered after the existing drawing
    const out = await JSZip.loadAsync(await addCharts(bytes, [chartSpecs()[0]!]));
    expect(out.file("xl/drawings/drawing2.xml")).not.toBeNull();
    expect(await out.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string")).toContain('Target="../drawings/drawing2.xml"');
  });

  it("refuses unknown sheets, unquoted or malformed references, duplicate names and bad anchors", async () => {
    await expect(addCharts(plain, one({ sheet: "Nope" }))).rejects.toThrow(/no sheet named "Nope"/);
    await expect(addCharts(plain, one({ categories: "Bob's data!$A$2:$A$5" }))).rejects.toThrow(/single quotes/);
    await expect(addCharts(plain, one({ categories: "'Elsewhere'!$A$2:$A$5" }))).rejects.toThrow(/does not have \("Elsewhere"\)/);
    await expect(addCharts(plain, [...one({}), ...one({})])).rejects.toThrow(/unique/);
    await expect(addCharts(plain, one({ anchor: { from: { col: 3, row: 6 }, to: { col: 3, row: 9 } } }))).rejects.toThrow(/anchor/);
    await expect(addCharts(plain, one({ series: [] }))).rejects.toThrow(/no series/);
    await expect(addCharts(new TextEncoder().encode("not a zip"), one({}))).rejects.toThrow(ChartPackageError);
  });

  it("quotes any sheet name in references", () => {
    expect(sheetRef("Summary charts", "c2:C13")).toBe("'Summary charts'!$C$2:$C$13");
    expect(sheetRef("Bob's data", "$A$2")).toBe("'Bob''s data'!$A$2");
    expect(() => sheetRef("x", "2:3")).toThrow(/not a cell range/);
  });
});

/** Resolution of the page images; pdftotext -bbox positions are in points (1/72 inch). */
const DPI = 50;

interface Word {
  text: string;
  xMin: number;
  yMin: number;
}
/** The words of each page of `pdftotext -bbox` output, with their positions in points. */
function pdfWords(html: string): Word[][] {
  const unescape = (t: string) => t.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return html
    .split("<page ")
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), text: unescape(m[3]!) })),
    );
}

/** A greyscale page image from pdftoppm (binary PGM, P5): a PNG decoder is not needed for that. */
interface Page {
  width: number;
  height: number;
  pixels: Uint8Array;
}
function readPgm(path: string): Page {
  const data = readFileSync(path);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString("latin1"))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}
/** Share of pixels darker than near-white in a rectangle given in points. */
function ink(page: Page, box: { left: number; top: number; right: number; bottom: number }): number {
  const px = (pt: number) => Math.round((pt * DPI) / 72);
  const [x0, x1] = [px(box.left), Math.min(px(box.right), page.width)];
  const [y0, y1] = [px(box.top), Math.min(px(box.bottom), page.height)];
  let dark = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (page.pixels[y * page.width + x]! < 200) dark++;
  return dark / ((x1 - x0) * (y1 - y0));
}
function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 120_000 });
  if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

describe("in LibreOffice", () => {
  beforeAll(() => {
    sofficePath(); // fail at once, saying how to install it, when LibreOffice is missing
  });

  it(
    "parses every chart: one embedded chart object per chart in its .ods",
    async () => {
      const ods = await JSZip.loadAsync(readFileSync(convertWithLibreOffice(join(dir, "charted.xlsx"), "ods", join(dir, "ods"), dir)));
      const objects = new Set(Object.keys(ods.files).flatMap((p) => /^(Object \d+)\//.exec(p)?.[1] ?? []));
      expect(objects.size).toBe(3);
      const content = await ods.file("content.xml")!.async("string");
      expect(content.match(/<draw:object\b/g)).toHaveLength(3);
      const controlOds = await JSZip.loadAsync(readFileSync(convertWithLibreOffice(join(dir, "control.xlsx"), "ods", join(dir, "ods-control"), dir)));
      expect(Object.keys(controlOds.files).filter((p) => p.startsWith("Object "))).toEqual([]);
      // The charts' own XML in the .ods: the types and titles LibreOffice understood.
      const charts = await Promise.all([...objects].sort().map((o) => ods.file(`${o}/content.xml`)!.async("string")));
      const classes = charts.map((c) => /<chart:chart\b[^>]*chart:class="chart:(\w+)"/.exec(c)?.[1]).sort();
      expect(classes).toEqual(["bar", "bar", "line"]);
      expect(charts.join("\n")).toContain("=HYPERLINK(&quot;x&quot;) &lt;b&gt;&amp;amp; bell  done");
    },
    SLOW,
  );

  it(
    "draws the charts where they are anchored, with month labels on the date axis",
    () => {
      const pages: Record<string, Page[]> = {};
      const words: Record<string, Word[][]> = {};
      for (const name of ["control", "charted"]) {
        const out = join(dir, `pdf-${name}`);
        const pdf = convertWithLibreOffice(join(dir, `${name}.xlsx`), "pdf", out, dir);
        expect(run("pdfinfo", [pdf])).toMatch(/Pages:\s+2\n/); // one page a sheet: the charts fit on their sheet's page
        run("pdftoppm", ["-gray", "-r", String(DPI), pdf, join(out, "page")]);
        pages[name] = readdirSync(out).filter((f) => f.endsWith(".pgm")).sort().map((f) => readPgm(join(out, f)));
        words[name] = pdfWords(run("pdftotext", ["-bbox", pdf, "-"]));
      }
      // Where each chart's cells are on its printed page, in points from the top-left corner of A1
      // (found from the header word there, "Month" or "Area"), kept well inside the anchors.
      const boxes = [
        { page: 0, origin: "Month", left: 400, right: 680, top: 35, bottom: 185 }, // column chart, F1:K14
        { page: 0, origin: "Month", left: 400, right: 680, top: 260, bottom: 410 }, // line chart, F16:K29
        { page: 1, origin: "Area", left: 260, right: 460, top: 110, bottom: 300 }, // bar chart, D7:I22
      ];
      const measured = boxes.map((box) => {
        const inkOf = (name: string) => {
          const origin = words[name]![box.page]!.find((w) => w.text === box.origin)!;
          return ink(pages[name]![box.page]!, { left: origin.xMin + box.left, right: origin.xMin + box.right, top: origin.yMin + box.top, bottom: origin.yMin + box.bottom });
        };
        return { control: inkOf("control"), charted: inkOf("charted") };
      });
      for (const { control, charted } of measured) {
        expect(control).toBeLessThan(0.002); // blank without charts
        expect(charted).toBeGreaterThan(0.03); // bars, lines, gridlines and labels drawn there
      }
      // Chart text where the charts are: titles, and month names (not serial numbers) on the date axes.
      const chartWords = words.charted![0]!.filter((w) => w.xMin > words.charted![0]!.find((x) => x.text === "Month")!.xMin + 380).map((w) => w.text);
      expect(chartWords).toEqual(expect.arrayContaining(["Calls", "and", "people", "by", "month", "=HYPERLINK(\"x\")", "£3,000.00"]));
      expect(chartWords.filter((w) => /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/.test(w)).length).toBeGreaterThanOrEqual(6);
      expect(chartWords.some((w) => /^4[34]\d{3}$/.test(w))).toBe(false);
      expect(words.charted![1]!.map((w) => w.text)).toEqual(expect.arrayContaining(["Households", "by", "area", "North", "South"]));
    },
    SLOW,
  );
});
