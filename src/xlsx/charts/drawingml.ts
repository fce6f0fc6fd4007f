/**
 * DrawingML for native Excel charts: the chart part (c:chartSpace) and the worksheet drawing part
 * (xdr:wsDr with one xdr:twoCellAnchor + xdr:graphicFrame per chart).
 *
 * Element order follows the ECMA-376 Part 1 schemas (dml-chart.xsd, dml-spreadsheetDrawing.xsd),
 * checked against python-pptx's schema notes (docs/dev/analysis: CT_Chart, CT_ValAx, CT_DateAx,
 * CT_CatAx fragments of dml-chart.xsd) and openpyxl's chart classes (ChartContainer.__elements__:
 * title, autoTitleDeleted, pivotFmts, view3D, floor, sideWall, backWall, plotArea, legend,
 * plotVisOnly, dispBlanksAs). The sequences this file relies on:
 *   CT_ChartSpace: date1904?, lang?, roundedCorners?, AlternateContent?, style?, clrMapOvr?,
 *     pivotSource?, protection?, chart, spPr?, txPr?, externalData?, printSettings?, userShapes?, extLst?
 *   CT_Chart: title?, autoTitleDeleted?, pivotFmts?, view3D?, floor?, sideWall?, backWall?, plotArea,
 *     legend?, plotVisOnly?, dispBlanksAs?, showDLblsOverMax?, extLst?
 *   CT_PlotArea: layout?, (areaChart|...|barChart|lineChart|...)+, (valAx|catAx|dateAx|serAx)*, dTable?, spPr?
 *   CT_BarChart: barDir, grouping?, varyColors?, ser*, dLbls?, gapWidth?, overlap?, serLines*, axId{2}
 *   CT_LineChart: grouping, varyColors?, ser*, dLbls?, dropLines?, hiLowLines?, upDownBars?, marker?, smooth?, axId{2}
 *   CT_BarSer: idx, order, tx?, spPr?, invertIfNegative?, pictureOptions?, dPt*, dLbls?, trendline*, errBars?, cat?, val?, shape?
 *   CT_LineSer: idx, order, tx?, spPr?, marker?, dPt*, dLbls?, trendline*, errBars?, cat?, val?, smooth?
 *   EG_AxShared: axId, scaling, delete?, axPos, majorGridlines?, minorGridlines?, title?, numFmt?,
 *     majorTickMark?, minorTickMark?, tickLblPos?, spPr?, txPr?, crossAx, (crosses|crossesAt)?
 *   CT_CatAx: EG_AxShared, auto?, lblAlgn?, lblOffset?, tickLblSkip?, tickMarkSkip?, noMultiLvlLbl?
 *   CT_DateAx: EG_AxShared, auto?, lblOffset?, baseTimeUnit?, majorUnit?, majorTimeUnit?, minorUnit?, minorTimeUnit?
 *   CT_ValAx: EG_AxShared, crossBetween?, majorUnit?, minorUnit?, dispUnits?
 *   CT_Title: tx?, layout?, overlay?, spPr?, txPr?        CT_Legend: legendPos?, legendEntry*, layout?, overlay?
 *   CT_TwoCellAnchor: from, to, (sp|grpSp|graphicFrame|cxnSp|pic|contentPart), clientData
 *   CT_GraphicalObjectFrame: nvGraphicFramePr, xfrm, a:graphic
 *
 * Date categories get a c:dateAx (base unit months) with the caller's number format and
 * sourceLinked="0": Excel spaces and labels them by month, and LibreOffice reads it as a date axis
 * and prints the labels in that format (test/xlsx/charts.test.ts checks the labels in its PDF).
 */
import type { ChartSeriesSpec, ChartSpec } from "./types";
import { escapeAttr, escapeText } from "../xml";

export const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;

/** Office's default series colours, in order (CT_BarSer spPr). */
const SERIES_COLOURS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

const CATEGORY_AXIS_ID = 50010;
const VALUE_AXIS_ID = 50020;

export interface ChartXmlOptions {
  /** The workbook's date system (workbookPr date1904); the chart must agree with it. */
  date1904: boolean;
}

/** Rich text as in a chart or axis title: one paragraph, one run. */
function richText(text: string, options: { size: number; bold: boolean; rotate?: boolean }): string {
  const run = `sz="${options.size * 100}" b="${options.bold ? 1 : 0}"`;
  const bodyPr = options.rotate ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";
  return (
    `<c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr ${run}/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" ${run}/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, options: { size: number; bold: boolean; rotate?: boolean }): string {
  return `<c:title>${richText(text, options)}<c:overlay val="0"/></c:title>`;
}

function numberCache(values: readonly (number | null)[], formatCode: string): string {
  const points = values
    .map((value, idx) => (value === null || !Number.isFinite(value) ? "" : `<c:pt idx="${idx}"><c:v>${String(value)}</c:v></c:pt>`))
    .join("");
  return `<c:numCache><c:formatCode>${escapeText(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function categoriesXml(spec: ChartSpec): string {
  const ref = `<c:f>${escapeText(spec.categories)}</c:f>`;
  const cache = spec.categoriesCache;
  if (spec.categoryNumberFormat !== undefined) {
    const numbers = cache !== undefined && cache.every((v) => typeof v === "number") ? numberCache(cache as number[], spec.categoryNumberFormat) : "";
    return `<c:cat><c:numRef>${ref}${numbers}</c:numRef></c:cat>`;
  }
  const strings =
    cache === undefined
      ? ""
      : `<c:strCache><c:ptCount val="${cache.length}"/>${cache.map((v, idx) => `<c:pt idx="${idx}"><c:v>${escapeText(String(v))}</c:v></c:pt>`).join("")}</c:strCache>`;
  return `<c:cat><c:strRef>${ref}${strings}</c:strRef></c:cat>`;
}

function seriesXml(spec: ChartSpec, series: ChartSeriesSpec, index: number): string {
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeText(series.name)}</c:v></c:tx>`;
  const cache = series.cache === undefined ? "" : numberCache(series.cache, spec.valueNumberFormat ?? "General");
  const values = `<c:val><c:numRef><c:f>${escapeText(series.values)}</c:f>${cache}</c:numRef></c:val>`;
  if (spec.type === "line") {
    return `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${categoriesXml(spec)}${values}<c:smooth val="0"/></c:ser>`;
  }
  // An explicit fill: LibreOffice draws a column or bar series without one as nothing at all.
  const fill = `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLOURS[index % SERIES_COLOURS.length]!}"/></a:solidFill></c:spPr>`;
  return `<c:ser>${head}${fill}<c:invertIfNegative val="0"/>${categoriesXml(spec)}${values}</c:ser>`;
}

function plotXml(spec: ChartSpec): string {
  const series = spec.series.map((s, i) => seriesXml(spec, s, i)).join("");
  const axisIds = `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;
  if (spec.type === "line") {
    return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axisIds}</c:lineChart>`;
  }
  const direction = spec.type === "bar" ? "bar" : "col";
  return `<c:barChart><c:barDir val="${direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axisIds}</c:barChart>`;
}

/**
 * The value axis starts at zero when every figure is 0 or more (CT_Scaling: orientation, then min):
 * columns and bars that start higher exaggerate differences. Set by `valueAxisFromZero`, default on
 * for column and bar charts.
 */
function valueScaling(spec: ChartSpec): string {
  const fromZero = spec.valueAxisFromZero ?? spec.type !== "line";
  const nonNegative = spec.series.every((s) => (s.cache ?? []).every((v) => v === null || v >= 0));
  return `<c:scaling><c:orientation val="minMax"/>${fromZero && nonNegative ? '<c:min val="0"/>' : ""}</c:scaling>`;
}

function axesXml(spec: ChartSpec): string {
  const horizontal = spec.type === "bar";
  const categoryPosition = horizontal ? "l" : "b";
  const valuePosition = horizontal ? "b" : "l";
  const ticks = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  const scaling = '<c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>';

  const categoryTitle = spec.categoryAxisTitle ? title(spec.categoryAxisTitle, { size: 10, bold: false, rotate: horizontal }) : "";
  const categoryStart = `<c:axId val="${CATEGORY_AXIS_ID}"/>${scaling}<c:axPos val="${categoryPosition}"/>${categoryTitle}`;
  const crossesValue = `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/>`;
  const categoryAxis =
    spec.categoryNumberFormat !== undefined
      ? `<c:dateAx>${categoryStart}<c:numFmt formatCode="${escapeAttr(spec.categoryNumberFormat)}" sourceLinked="0"/>${ticks}${crossesValue}` +
        `<c:auto val="1"/><c:lblOffset val="100"/><c:baseTimeUnit val="months"/></c:dateAx>`
      : `<c:catAx>${categoryStart}${ticks}${crossesValue}<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;

  const valueTitle = spec.valueAxisTitle ? title(spec.valueAxisTitle, { size: 10, bold: false, rotate: !horizontal }) : "";
  const valueFormat =
    spec.valueNumberFormat !== undefined ? `<c:numFmt formatCode="${escapeAttr(spec.valueNumberFormat)}" sourceLinked="0"/>` : '<c:numFmt formatCode="General" sourceLinked="1"/>';
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/>${valueScaling(spec)}<c:delete val="0"/><c:axPos val="${valuePosition}"/><c:majorGridlines/>${valueTitle}${valueFormat}${ticks}` +
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return categoryAxis + valueAxis;
}

/** The chart part, xl/charts/chartN.xml. */
export function chartXml(spec: ChartSpec, options: ChartXmlOptions): string {
  const showLegend = spec.legend ?? spec.series.length >= 2;
  const heading = spec.title.trim() !== "" ? `${title(spec.title, { size: 14, bold: true })}<c:autoTitleDeleted val="0"/>` : '<c:autoTitleDeleted val="1"/>';
  const legend = showLegend ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:date1904 val="${options.date1904 ? 1 : 0}"/><c:roundedCorners val="0"/>` +
    `<c:chart>${heading}<c:plotArea><c:layout/>${plotXml(spec)}${axesXml(spec)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    "</c:chartSpace>"
  );
}

export interface AnchoredChart {
  spec: ChartSpec;
  /** The drawing part's relationship id for the chart part. */
  relationshipId: string;
}

function marker(tag: "from" | "to", position: { col: number; row: number }): string {
  return `<xdr:${tag}><xdr:col>${position.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${position.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** The drawing part, xl/drawings/drawingN.xml, holding the charts of one sheet. */
export function drawingXml(charts: readonly AnchoredChart[]): string {
  const anchors = charts
    .map(
      ({ spec, relationshipId }, i) =>
        `<xdr:twoCellAnchor>${marker("from", spec.anchor.from)}${marker("to", spec.anchor.to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(spec.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${escapeAttr(relationshipId)}"/></a:graphicData></a:graphic>` +
        "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
    )
    .join("");
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors}</xdr:wsDr>`;
}
