/**
 * The writing half of the .xlsx gateway for Collate: the sector workbook (docs/sector-format.md),
 * the sector bulletin and each organisation's feedback (docs/bulletin-feedback.md), from the
 * core's plan, as the parts of a package.
 *
 * The sector workbook can hold half a million rows (2,000 organisations x a full year), which
 * exceljs would keep as millions of cell objects: so it is written here directly as SpreadsheetML,
 * row by row, with shared strings. Every text is a string cell (`t="s"`): a name such as
 * `=HYPERLINK(...)` or `+44 161...` arrives as that text, never as a formula or a number. No
 * date or time is written anywhere, so the same inputs give the same bytes.
 *
 * Browser-safe: no Node APIs (text is encoded with TextEncoder; the caller zips the parts), so
 * the task pane can write the bulletin and feedback workbooks with it (./published.ts).
 */
import { headerLines, LINE_POINTS, rowLines, SECTOR_FORMATS, type SectorCell, type SectorFormat, type SectorTablePlan, type TablesPlan } from "../core/collate/sector-table";
import { columnLetter, quoteSheet } from "../core/layout/a1";
import { TOOL_NAME } from "../core/version";
import type { PageLayout } from "../core/workbook/types";
import { PAPER_A4, PRINT_MARGINS, sections } from "./format";
import { chartXml, drawingXml } from "./charts/drawingml";
import { CONTENT_TYPE, REL } from "./charts/package";
import { toFileChart } from "./charts/plan";
import { escapeText } from "./xml";
import { XmlChunks } from "./xml-chunks";
import type { ZipPart } from "./zip-write";

const encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAX_CELL_TEXT = 32_767;
const FORMAT_ORDER: SectorFormat[] = ["text", "count", "hours", "gbp", "decimal", "month", "date", "percent", "whole"];
/** cellXfs: 0 default, 1 bold and wrapped (headers and labels), then one per format, then wrapped text. */
const styleOf = (format: SectorFormat) => 2 + FORMAT_ORDER.indexOf(format);
const WRAPPED_TEXT_STYLE = 2 + FORMAT_ORDER.length;

// eslint-disable-next-line no-control-regex
const XML_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as SpreadsheetML holds it: XML-escaped; characters XML cannot hold as _xHHHH_ (and a literal _xHHHH_ kept literal). */
export function xmlText(text: string): string {
  let t = text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
  t = t.replace(LONE_SURROGATE, "\ufffd").replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  t = t.replace(XML_UNSAFE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  // Quotes too, so the same text serves as an attribute value (a table column's name, a sheet's).
  return escapeText(t).replace(/"/g, "&quot;");
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;
  get(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
  xml(): Uint8Array {
    const parts: string[] = [`${HEAD}<sst xmlns="${NS}" count="${this.count}" uniqueCount="${this.list.length}">`];
    for (const s of this.list) parts.push(`<si><t xml:space="preserve">${xmlText(s)}</t></si>`);
    parts.push("</sst>");
    return utf8(parts.join(""));
  }
}

/** One cell (nothing for a blank one), column letter and row given apart so no string is made for its reference. */
function writeCell(w: XmlChunks, letter: string, row: number, cell: SectorCell, columnFormat: SectorFormat, strings: SharedStrings, wrap = false): void {
  if (cell === null || cell === "") return;
  w.text('<c r="');
  w.text(letter);
  w.number(row);
  w.text('" s="');
  if (typeof cell === "string") {
    w.number(wrap ? WRAPPED_TEXT_STYLE : styleOf("text"));
    w.text('" t="s"><v>');
    w.number(strings.get(cell));
  } else {
    const number = typeof cell === "number";
    w.number(styleOf(number ? (columnFormat === "text" ? "decimal" : columnFormat) : cell.format));
    w.text('"><v>');
    const value = number ? cell : cell.value;
    if (Number.isFinite(value)) w.number(value);
    else w.text("0");
  }
  w.text("</v></c>");
}

/** Called with each chunk of a sheet's XML as soon as it is made (./zip-write.ts's ParallelZip starts deflating it). */
export type ChunkMade = (chunk: Uint8Array) => void;

/** A sheet's XML as chunks of about a megabyte (never joined: the sector's data sheet is hundreds of megabytes). */
function sheetXml(t: SectorTablePlan, strings: SharedStrings, selected: boolean, drawing: boolean, made: ChunkMade | undefined): { xml: Uint8Array[]; ref: string } {
  const letters = t.columns.map((_, i) => columnLetter(i));
  const asideCol = t.columns.length + 1;
  const asideLetters = [columnLetter(asideCol), columnLetter(asideCol + 1)] as const;
  const rowCount = Math.max(t.rows.length, 1) + 1;
  const notes = t.notes ?? [];
  // Notes below the table, one blank row between.
  const notesFrom = rowCount + 2;
  const lastRow = notes.length > 0 ? notesFrom + notes.length - 1 : rowCount;
  const lastCol = t.aside ? asideCol + 1 : t.columns.length - 1;
  const ref = `A1:${letters[letters.length - 1]!}${rowCount}`;
  const w = new XmlChunks(made);
  w.text(
    `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">${t.layout ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : ""}<dimension ref="A1:${columnLetter(lastCol)}${lastRow}"/>` +
      `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/><cols>',
  );
  t.columns.forEach((c, i) => w.text(`<col min="${i + 1}" max="${i + 1}" width="${c.width}" style="${c.wrap ? WRAPPED_TEXT_STYLE : styleOf(c.format)}" customWidth="1"/>`));
  if (t.aside) w.text(`<col min="${asideCol + 1}" max="${asideCol + 1}" width="16" customWidth="1"/><col min="${asideCol + 2}" max="${asideCol + 2}" width="14" customWidth="1"/>`);
  w.text("</cols><sheetData>");
  const asideCells = (r: number) => {
    const a = t.aside?.[r];
    if (!a) return;
    w.text(`<c r="${asideLetters[0]}${r + 1}" s="1" t="s"><v>${strings.get(a[0])}</v></c>`);
    writeCell(w, asideLetters[1], r + 1, a[1], "count", strings);
  };
  const lines = headerLines(t.columns);
  w.text(`<row r="1"${lines > 1 ? ` ht="${lines * LINE_POINTS}" customHeight="1"` : ""}>${t.columns.map((c, i) => `<c r="${letters[i]!}1" s="1" t="s"><v>${strings.get(c.header)}</v></c>`).join("")}`);
  asideCells(0);
  w.text("</row>");
  const { columns } = t;
  const wraps = columns.some((c) => c.wrap);
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r]!;
    const n = r + 2;
    const lines = wraps ? rowLines(row, columns) : 1;
    w.text('<row r="');
    w.number(n);
    if (lines > 1) w.text(`" ht="${lines * LINE_POINTS}" customHeight="1`);
    w.text('">');
    for (let i = 0; i < row.length; i++) writeCell(w, letters[i]!, n, row[i]!, columns[i]!.format, strings, columns[i]!.wrap);
    asideCells(r + 1);
    w.text("</row>");
  }
  if (t.rows.length === 0) {
    w.text('<row r="2">');
    asideCells(1);
    w.text("</row>");
  }
  // Plain text, not wrapped, so each line spills across the empty cells beside it.
  notes.forEach((note, i) => w.text(`<row r="${notesFrom + i}"><c r="A${notesFrom + i}" s="${styleOf("text")}" t="s"><v>${strings.get(note)}</v></c></row>`));
  // The drawing (the sheet's charts, relationship rId2) comes before tableParts in the schema's order.
  w.text(`</sheetData>${printXml(t.layout)}${drawing ? '<drawing r:id="rId2"/>' : ""}<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`);
  return { xml: w.finish(), ref };
}

/** printOptions, pageMargins, pageSetup and headerFooter, in the schema's order (ECMA-376 Part 1, 18.3.1.99 worksheet). */
function printXml(layout: PageLayout | undefined): string {
  const m = PRINT_MARGINS;
  const margins = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!layout) return margins;
  return (
    `<printOptions horizontalCentered="1"/>${margins}` +
    `<pageSetup paperSize="${PAPER_A4}" orientation="${layout.orientation}" fitToWidth="${layout.fitToPagesWide}" fitToHeight="0"/>` +
    `<headerFooter><oddHeader>${xmlText(sections(layout.header))}</oddHeader><oddFooter>${xmlText(sections(layout.footer))}</oddFooter></headerFooter>`
  );
}

/** Each sheet's rows repeated on every printed page: Excel's `_xlnm.Print_Titles`, one a sheet (localSheetId). */
function printTitlesXml(tables: readonly SectorTablePlan[]): string {
  const names = tables.flatMap((t, i) => (t.layout?.printTitleRows ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quoteSheet(t.sheet)}!${t.layout.printTitleRows}`)}</definedName>`] : []));
  return names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : "";
}

function tableXml(t: SectorTablePlan, id: number, ref: string): string {
  const columns = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${xmlText(c.header)}"/>`).join("");
  return (
    `${HEAD}<table xmlns="${NS}" id="${id}" name="${t.table}" displayName="${t.table}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

function stylesXml(): string {
  const custom = FORMAT_ORDER.map((f, i) => ({ f, id: f === "text" ? 49 : 164 + i }));
  const numFmts = custom.filter((c) => c.id >= 164).map((c) => `<numFmt numFmtId="${c.id}" formatCode="${xmlText(SECTOR_FORMATS[c.f])}"/>`);
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
    // Figures sit at the top of their row, level with the first line of any wrapped text beside them.
    ...custom.map((c) => `<xf numFmtId="${c.id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>`),
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
  ];
  return (
    `${HEAD}<styleSheet xmlns="${NS}"><numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

/**
 * The parts of the sector workbook's package (or the bulletin's, or a feedback workbook's), in
 * order, the same for the same plan: zip them with a fixed date on every entry (zipParts in
 * ./zip-write.ts on Node; ./published.ts in a browser).
 */
export function sectorWorkbookParts(plan: TablesPlan, made?: ChunkMade): ZipPart[] {
  const parts: ZipPart[] = [];
  const add = (name: string, data: string | Uint8Array | Uint8Array[]) => parts.push({ name, data: typeof data === "string" ? utf8(data) : data });
  const strings = new SharedStrings();
  // The plan's tables, then the charts sheet: its data table with the core's charts drawn over it
  // as native chart parts (files get no PivotTable).
  const charts = plan.drawing?.charts.map(toFileChart) ?? [];
  const tables = plan.drawing ? [...plan.tables, plan.drawing.data] : [...plan.tables];
  const chartSheet = charts.length > 0 ? tables.length - 1 : -1;
  const n = tables.length;
  const sheets = tables.map((t, i) => sheetXml(t, strings, i === 0, i === chartSheet, made));
  const types = [
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    ...charts.map((_, i) => `<Override PartName="/xl/charts/chart${i + 1}.xml" ContentType="${CONTENT_TYPE.chart}"/>`),
    ...(charts.length > 0 ? [`<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CONTENT_TYPE.drawing}"/>`] : []),
    ...tables.flatMap((_, i) => [
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
    ]),
  ];
  add("[Content_Types].xml", `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${types.join("")}</Types>`);
  add(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  add(
    "docProps/core.xml",
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlText(plan.title)}</dc:title><dc:creator>${xmlText(TOOL_NAME)}</dc:creator></cp:coreProperties>`,
  );
  add(
    "xl/workbook.xml",
    `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${tables
      .map((t, i) => `<sheet name="${xmlText(t.sheet)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets>${printTitlesXml(tables)}<calcPr calcId="191029"/></workbook>`,
  );
  add(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="${PKG_REL_NS}">${tables.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  add("xl/styles.xml", stylesXml());
  tables.forEach((t, i) => {
    add(`xl/worksheets/sheet${i + 1}.xml`, sheets[i]!.xml);
    const drawingRel = i === chartSheet ? `<Relationship Id="rId2" Type="${REL.drawing}" Target="../drawings/drawing1.xml"/>` : "";
    add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `${HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/table" Target="../tables/table${i + 1}.xml"/>${drawingRel}</Relationships>`);
    add(`xl/tables/table${i + 1}.xml`, tableXml(t, i + 1, sheets[i]!.ref));
  });
  if (charts.length > 0) {
    add("xl/drawings/drawing1.xml", drawingXml(charts.map((spec, i) => ({ spec, relationshipId: `rId${i + 1}` }))));
    add(
      "xl/drawings/_rels/drawing1.xml.rels",
      `${HEAD}<Relationships xmlns="${PKG_REL_NS}">${charts.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL.chart}" Target="../charts/chart${i + 1}.xml"/>`).join("")}</Relationships>`,
    );
    charts.forEach((spec, i) => add(`xl/charts/chart${i + 1}.xml`, chartXml(spec, { date1904: false })));
  }
  add("xl/sharedStrings.xml", strings.xml());
  return parts;
}
