/**
 * The charts sheet written into real workbooks that already have charts: every part of the person's
 * workbook keeps its bytes, ours get names of their own, regenerating leaves nothing behind, and the
 * chart XML follows the DrawingML chart schema's element order (Excel repairs a chart that does not).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Element } from '@xmldom/xmldom';
import { chartsSheet } from '../../src/report/charts-sheet';
import type { SheetLayout } from '../../src/report/layout';
import { CHARTS_MARKER } from '../../src/report/charts-sheet';
import { generateFollowUp } from '../../src/workbook/generate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { childElements, parseXml } from '../../src/workbook/xlsx/xml';
import { entries, fixture, REPO_ROOT, text } from './helpers';

const example = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, 'examples', name)));

/** The charts sheet of the Norwegian example workbook, as the pipeline makes it. */
async function chartsLayout(): Promise<SheetLayout> {
  const { model } = await generateFollowUp(XlsxWorkbook.open(example('helse-og-omsorg-2024-04.xlsx')), { dryRun: true });
  const layout = chartsSheet(model, '2024-05-03 09:00');
  if (!layout) throw new Error('no charts sheet');
  return layout;
}

const WITH_CHARTS = ['lo-real-pivot-ledger.xlsx', 'real/poi-WithChartSheet.xlsx'];
const CHANGED_ON_PURPOSE = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];

/** Each part's target resolved against its rels part, for every relationship that is not external. */
function danglingTargets(parts: Record<string, Uint8Array>): string[] {
  const out: string[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    if (!name.endsWith('.rels')) continue;
    const dir = name.replace(/_rels\/[^/]*\.rels$/, '');
    for (const m of text(bytes).matchAll(/<Relationship [^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = /Target="([^"]+)"/.exec(m[0])?.[1] ?? '';
      const resolved = path.posix.normalize(target.startsWith('/') ? target.slice(1) : dir + target);
      if (!(resolved in parts)) out.push(`${name} -> ${resolved}`);
    }
  }
  return out;
}

function overrides(parts: Record<string, Uint8Array>): string[] {
  return [...text(parts['[Content_Types].xml']).matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
}

describe.each(WITH_CHARTS)('the charts sheet written into %s', (file) => {
  let original: Record<string, Uint8Array>;
  let written: Record<string, Uint8Array>;
  let layout: SheetLayout;

  beforeAll(async () => {
    layout = await chartsLayout();
    const bytes = fixture(file);
    original = entries(bytes);
    const wb = XlsxWorkbook.open(bytes, file);
    await wb.writeSheet(layout, CHARTS_MARKER);
    written = entries(wb.save());
  });

  it('keeps every drawing, chart and other part of the workbook byte for byte', () => {
    for (const [name, bytes] of Object.entries(original)) {
      if (CHANGED_ON_PURPOSE.includes(name)) continue;
      expect({ name, same: Buffer.from(written[name] ?? []).equals(Buffer.from(bytes)) }).toEqual({ name, same: true });
    }
  });

  it('adds one drawing and three charts under names of their own, with content types and relationships', () => {
    const added = Object.keys(written).filter((n) => !(n in original));
    const drawings = added.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    const charts = added.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(drawings).toHaveLength(1);
    expect(charts).toHaveLength(layout.charts?.length ?? 0);
    expect(charts).toHaveLength(3);
    expect(overrides(written)).toEqual(expect.arrayContaining([...drawings, ...charts]));
    expect(text(written[`xl/drawings/_rels/${path.basename(drawings[0])}.rels`]).match(/relationships\/chart"/g)).toHaveLength(3);
    expect(danglingTargets(written)).toEqual([]);
  });

  it('replaces its own charts when regenerated, leaving no part behind', async () => {
    const wb = XlsxWorkbook.open(fixture(file), file);
    await wb.writeSheet(layout, CHARTS_MARKER);
    const once = entries(wb.save());
    await wb.writeSheet(layout, CHARTS_MARKER);
    await wb.writeSheet(layout, CHARTS_MARKER);
    const thrice = entries(wb.save());
    expect(Object.keys(thrice).sort()).toEqual(Object.keys(once).sort());
    expect(overrides(thrice).sort()).toEqual(overrides(once).sort());
    expect(danglingTargets(thrice)).toEqual([]);
    // the workbook's own drawings and charts still untouched after three runs
    const theirs = Object.keys(original).filter((n) => /^xl\/(charts|drawings|chartsheets)\//.test(n));
    expect(theirs.length).toBeGreaterThan(1);
    for (const name of theirs) expect({ name, same: Buffer.from(thrice[name]).equals(Buffer.from(original[name])) }).toEqual({ name, same: true });
  });
});

/**
 * The sequences of the DrawingML chart schema (ECMA-376 Part 1, dml-chart.xsd) for the elements we
 * write: a child may be left out, never come out of order.
 */
const SEQUENCES: Record<string, readonly string[]> = {
  chartSpace: ['date1904', 'lang', 'roundedCorners', 'AlternateContent', 'style', 'clrMapOvr', 'pivotSource', 'protection', 'chart', 'spPr', 'txPr', 'externalData', 'printSettings', 'userShapes', 'extLst'],
  chart: ['title', 'autoTitleDeleted', 'pivotFmts', 'view3D', 'floor', 'sideWall', 'backWall', 'plotArea', 'legend', 'plotVisOnly', 'dispBlanksAs', 'showDLblsOverMax', 'extLst'],
  title: ['tx', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  plotArea: ['layout', 'lineChart', 'barChart', 'catAx', 'valAx', 'dTable', 'spPr', 'extLst'],
  lineChart: ['grouping', 'varyColors', 'ser', 'dLbls', 'dropLines', 'hiLowLines', 'upDownBars', 'marker', 'smooth', 'axId', 'extLst'],
  barChart: ['barDir', 'grouping', 'varyColors', 'ser', 'dLbls', 'gapWidth', 'overlap', 'serLines', 'axId', 'extLst'],
  'lineChart/ser': ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'smooth', 'extLst'],
  'barChart/ser': ['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  dPt: ['idx', 'invertIfNegative', 'marker', 'bubble3D', 'explosion', 'spPr', 'pictureOptions', 'extLst'],
  catAx: ['axId', 'scaling', 'delete', 'axPos', 'majorGridlines', 'minorGridlines', 'title', 'numFmt', 'majorTickMark', 'minorTickMark', 'tickLblPos', 'spPr', 'txPr', 'crossAx', 'crosses', 'crossesAt', 'auto', 'lblAlgn', 'lblOffset', 'tickLblSkip', 'tickMarkSkip', 'noMultiLvlLbl', 'extLst'],
  valAx: ['axId', 'scaling', 'delete', 'axPos', 'majorGridlines', 'minorGridlines', 'title', 'numFmt', 'majorTickMark', 'minorTickMark', 'tickLblPos', 'spPr', 'txPr', 'crossAx', 'crosses', 'crossesAt', 'crossBetween', 'majorUnit', 'minorUnit', 'dispUnits', 'extLst'],
  scaling: ['logBase', 'orientation', 'max', 'min', 'extLst'],
  legend: ['legendPos', 'legendEntry', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  strRef: ['f', 'strCache', 'extLst'],
  numRef: ['f', 'numCache', 'extLst'],
  numCache: ['formatCode', 'ptCount', 'pt', 'extLst'],
  strCache: ['ptCount', 'pt', 'extLst'],
  printSettings: ['headerFooter', 'pageMargins', 'pageSetup', 'legacyDrawing'],
};
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

/** Every chart element whose children break its schema sequence (or that we write without knowing its sequence). */
function outOfOrder(el: Element, parent = ''): string[] {
  const name = el.localName as string;
  const seq = SEQUENCES[`${parent}/${name}`] ?? SEQUENCES[name];
  const kids = childElements(el).filter((k) => k.namespaceURI === NS_C);
  if (!seq) return kids.length > 0 && name !== 'tx' && name !== 'cat' && name !== 'val' && name !== 'pt' && name !== 'marker' && name !== 'majorGridlines' ? [`${name}: no sequence known`] : kids.flatMap((k) => outOfOrder(k, name));
  const problems: string[] = [];
  let at = -1;
  for (const k of kids) {
    const i = seq.indexOf(k.localName as string);
    if (i < 0 || i < at) problems.push(`${name}: ${k.localName} out of order or not allowed`);
    at = Math.max(at, i);
  }
  return [...problems, ...kids.flatMap((k) => outOfOrder(k, name))];
}

describe('the chart parts', () => {
  it('follow the chart schema element order, and each series reads this sheet with its figures cached', async () => {
    const layout = await chartsLayout();
    const wb = XlsxWorkbook.open(example('helse-og-omsorg-2024-04.xlsx'));
    await wb.writeSheet(layout, CHARTS_MARKER);
    const parts = entries(wb.save());
    const charts = Object.keys(parts).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();
    expect(charts).toHaveLength(3);
    const kinds: string[] = [];
    for (const name of charts) {
      const xml = text(parts[name]);
      const root = parseXml(xml).documentElement as Element;
      expect(root.localName).toBe('chartSpace');
      expect(outOfOrder(root)).toEqual([]);
      kinds.push(/<c:(lineChart|barChart)>(?:<c:barDir val="(\w+)"\/>)?/.exec(xml)?.slice(1).filter(Boolean).join(' ') ?? '');
      for (const f of xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)) expect(f[1]).toMatch(/^'Grafer 2024-04'!\$[A-E]\$\d+(:\$[A-E]\$\d+)?$/);
    }
    expect(kinds.sort()).toEqual(['barChart bar', 'barChart col', 'lineChart']);
    // the invisible base of the bridge, and red and green bars
    const bridge = charts.map((n) => text(parts[n])).find((x) => x.includes('<c:grouping val="stacked"/>')) as string;
    expect(bridge).toContain('<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>');
    expect(bridge).toContain('<a:srgbClr val="00B050"/>');
    expect(bridge).toContain('<a:srgbClr val="C00000"/>');
    // the worksheet points at its drawing after its page setup, as the worksheet schema orders them
    const sheetXml = Object.entries(parts).filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map(([, b]) => text(b)).find((x) => x.includes('<drawing ')) as string;
    expect(sheetXml.indexOf('<drawing ')).toBeGreaterThan(sheetXml.indexOf('<pageSetup'));
  });
});
