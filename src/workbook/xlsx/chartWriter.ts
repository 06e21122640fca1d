/**
 * DrawingML for a layout's charts: one drawing part per sheet anchoring one chart part per chart.
 * Element order follows the chart schema (CT_ChartSpace, CT_PlotArea, CT_LineSer/CT_BarSer, the axes)
 * exactly: Excel repairs, and drops, a chart whose elements come out of order. Each series carries a
 * cache of the values it reads, so a reader that does not recalculate still draws the figures.
 */
import { parseA1, quoteSheet } from '../../core/grid';
import type { ChartSeries, ChartSpec, LayoutCell, LayoutValue } from '../../report/layout';
import { escapeAttr, escapeText, XML_DECL } from './xml';

export const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const NS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const NS_SS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The cell values a chart's caches are filled from, by `row,col`. */
export type CellLookup = (row: number, col: number) => LayoutValue | undefined;

export function cellLookup(cells: readonly LayoutCell[]): CellLookup {
  const byCell = new Map<string, LayoutValue>();
  for (const c of cells) byCell.set(`${c.row},${c.col}`, c.value);
  return (row, col) => byCell.get(`${row},${col}`);
}

/** The cells of a one-column (or one-cell) A1 range such as `$A$5:$A$16`, top to bottom. */
function rangeCells(range: string): { row: number; col: number }[] {
  const [from, to = from] = range.replace(/\$/g, '').split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) throw new Error(`not a cell range: ${range}`);
  const out: { row: number; col: number }[] = [];
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) out.push({ row: r, col: a.col });
  return out;
}

const ref = (sheet: string, range: string): string => `${quoteSheet(sheet)}!${range}`;

function strRef(sheet: string, range: string, values: CellLookup): string {
  const pts = rangeCells(range).map(({ row, col }, i) => {
    const v = values(row, col);
    return v === null || v === undefined ? '' : `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`;
  });
  return `<c:strRef><c:f>${escapeText(ref(sheet, range))}</c:f><c:strCache><c:ptCount val="${pts.length}"/>${pts.join('')}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, range: string, values: CellLookup, format: string): string {
  const pts = rangeCells(range).map(({ row, col }, i) => {
    const v = values(row, col);
    return typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '';
  });
  return (
    `<c:numRef><c:f>${escapeText(ref(sheet, range))}</c:f><c:numCache><c:formatCode>${escapeText(format)}</c:formatCode>` +
    `<c:ptCount val="${pts.length}"/>${pts.join('')}</c:numCache></c:numRef>`
  );
}

const solid = (color: string): string => `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
const noFill = '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>';

function text(value: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeText(value)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

const smallText = (size: number): string =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;

function lineSeries(s: ChartSeries, i: number, sheet: string, chart: ChartSpec, values: CellLookup): string {
  const color = s.color ?? '000000';
  const dash = s.dashed ? '<a:prstDash val="dash"/>' : '';
  const line = `<c:spPr><a:ln w="28575" cap="rnd">${solid(color)}${dash}<a:round/></a:ln></c:spPr>`;
  const marker = s.markers
    ? `<c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr>${solid(color)}<a:ln>${solid(color)}</a:ln></c:spPr></c:marker>`
    : '<c:marker><c:symbol val="none"/></c:marker>';
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(sheet, s.name, values)}</c:tx>${line}${marker}` +
    `<c:cat>${strRef(sheet, chart.categories, values)}</c:cat><c:val>${numRef(sheet, s.values, values, chart.numberFormat ?? 'General')}</c:val>` +
    '<c:smooth val="0"/></c:ser>'
  );
}

function barSeries(s: ChartSeries, i: number, sheet: string, chart: ChartSpec, values: CellLookup): string {
  const fill = s.color === null ? noFill : `<c:spPr>${solid(s.color)}</c:spPr>`;
  const points = (s.pointColors ?? [])
    .map((c, p) => `<c:dPt><c:idx val="${p}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solid(c)}</c:spPr></c:dPt>`)
    .join('');
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(sheet, s.name, values)}</c:tx>${fill}<c:invertIfNegative val="0"/>${points}` +
    `<c:cat>${strRef(sheet, chart.categories, values)}</c:cat><c:val>${numRef(sheet, s.values, values, chart.numberFormat ?? 'General')}</c:val></c:ser>`
  );
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;
const GRID = `<c:majorGridlines><c:spPr><a:ln w="6350">${solid('D9D9D9')}</a:ln></c:spPr></c:majorGridlines>`;

/** The category and value axes; a horizontal bar chart lists its first category at the top. */
function axes(chart: ChartSpec): string {
  const horizontal = chart.kind === 'bar';
  const catPos = horizontal ? 'l' : 'b';
  const valPos = horizontal ? 'b' : 'l';
  const reversed = horizontal ? 'maxMin' : 'minMax';
  const cat =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${reversed}"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/>` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    `<c:spPr><a:ln w="9525">${solid('808080')}</a:ln></c:spPr>${smallText(900)}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/>${GRID}` +
    `<c:numFmt formatCode="${escapeAttr(chart.numberFormat ?? 'General')}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${smallText(900)}<c:crossAx val="${CAT_AX}"/>` +
    // A reversed category axis would take the value axis to the top; it crosses at the last category instead.
    `<c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

function plot(chart: ChartSpec, sheet: string, values: CellLookup): string {
  const ids = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  if (chart.kind === 'line') {
    const series = chart.series.map((s, i) => lineSeries(s, i, sheet, chart, values)).join('');
    return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${ids}</c:lineChart>`;
  }
  const series = chart.series.map((s, i) => barSeries(s, i, sheet, chart, values)).join('');
  const dir = chart.kind === 'bar' ? 'bar' : 'col';
  const grouping = chart.kind === 'stacked-column' ? 'stacked' : 'clustered';
  const overlap = chart.kind === 'stacked-column' ? '<c:overlap val="100"/>' : '';
  return `<c:barChart><c:barDir val="${dir}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/>${overlap}${ids}</c:barChart>`;
}

/** A chart part (`xl/charts/chartN.xml`) for one chart of the sheet `sheet`. */
export function buildChart(chart: ChartSpec, sheet: string, values: CellLookup): string {
  const legend = chart.legend ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${smallText(900)}</c:legend>` : '';
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWING}" xmlns:r="${NS_R}">` +
    '<c:date1904 val="0"/><c:roundedCorners val="0"/>' +
    `<c:chart><c:title>${text(chart.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot(chart, sheet, values)}${axes(chart)}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="${chart.kind === 'line' ? 'span' : 'gap'}"/></c:chart>` +
    `<c:spPr>${solid('FFFFFF')}<a:ln w="9525">${solid('D9D9D9')}</a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>' +
    '</c:chartSpace>'
  );
}

/** A drawing part anchoring the charts at their cells; `relIds[i]` is chart i's relationship in the drawing's rels. */
export function buildDrawing(charts: readonly ChartSpec[], relIds: readonly string[]): string {
  const anchors = charts.map((c, i) => {
    const at = (p: { row: number; col: number }): string =>
      `<xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(c.anchor.from)}</xdr:from><xdr:to>${at(c.anchor.to)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Chart ${i + 1}`)}" descr="${escapeAttr(c.title)}"/>` +
      '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_R}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return XML_DECL + `<xdr:wsDr xmlns:xdr="${NS_SS_DRAWING}" xmlns:a="${NS_DRAWING}">${anchors.join('')}</xdr:wsDr>`;
}
