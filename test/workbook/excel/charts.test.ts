/**
 * The charts sheet written through Excel: the same charts as the xlsx file's, drawn with the chart API
 * over the sheet's own cells, replaced (not doubled) when regenerated, and a refused chart a warning
 * that leaves the sheet written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseA1, type CellRange } from '../../../src/core/grid';
import { CHARTS_MARKER, chartsSheet, FAVOURABLE, UNFAVOURABLE } from '../../../src/report/charts-sheet';
import type { SheetLayout } from '../../../src/report/layout';
import { generateFollowUp } from '../../../src/workbook/generate';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/workbook';
import { FakeExcel, type FakeChart } from './fake-excel';
import { excelOn } from './helpers';

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'helse-og-omsorg-2024-04.xlsx');

async function layout(): Promise<SheetLayout> {
  const { model } = await generateFollowUp(XlsxWorkbook.open(new Uint8Array(fs.readFileSync(EXAMPLE))), { dryRun: true });
  return chartsSheet(model, '2024-05-03 09:00') as SheetLayout;
}

function range(a1: string): CellRange {
  const [a, b = a] = a1.replace(/\$/g, '').split(':').map((r) => parseA1(r)!);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

const chartsOf = (fake: FakeExcel, sheet: string): FakeChart[] => fake.sheet(sheet).charts ?? [];

describe('the charts sheet in Excel', () => {
  let spec: SheetLayout;
  beforeAll(async () => {
    spec = await layout();
  });

  it('draws each chart of the layout over the same cells, with its title, colours and place', async () => {
    const fake = new FakeExcel();
    fake.addGridSheet({ sheet: 'Data', top: 0, left: 0, values: [['x']], formats: [['General']] });
    const wb = excelOn(fake);
    await wb.writeSheet(spec, CHARTS_MARKER);
    expect(wb.warnings).toEqual([]);
    const charts = chartsOf(fake, spec.name);
    expect(charts.map((c) => c.type)).toEqual(['Line', 'ColumnStacked', 'BarClustered']);
    spec.charts!.forEach((c, i) => {
      const drawn = charts[i];
      expect(drawn.title).toBe(c.title);
      expect(drawn.series.map((s) => s.values)).toEqual(c.series.map((s) => range(s.values)));
      expect(drawn.series.map((s) => s.xValues)).toEqual(c.series.map(() => range(c.categories)));
      expect(drawn.position?.start).toEqual({ top: c.anchor.from.row, left: c.anchor.from.col, bottom: c.anchor.from.row, right: c.anchor.from.col });
      expect(drawn.legend.visible).toBe(c.legend);
    });
    const [line, bridge, bars] = charts;
    expect(line.series.map((s) => s.name)).toEqual(['Budsjett', 'Regnskap', 'Regnskap i fjor', 'Prognose']);
    expect(line.series[3].line.style).toBe('Dash');
    expect(line.series[3].marker.style).toBe('Circle');
    expect(line.displayBlanksAs).toBe('Interplotted');
    expect(bridge.series[0].fill).toBe('none');
    expect(bridge.series[1].points[0]).toBe(`#${UNFAVOURABLE}`);
    expect(bridge.series[1].points[1]).toBe(`#${FAVOURABLE}`);
    expect(bars.axes.category.reversePlotOrder).toBe(true);
    expect(Object.values(bars.series[0].points)).toEqual(spec.charts![2].series[0].pointColors!.map((c) => `#${c}`));
  });

  it('replaces its own charts when the sheet is generated again', async () => {
    const fake = new FakeExcel();
    const wb = excelOn(fake);
    await wb.writeSheet(spec, CHARTS_MARKER);
    await wb.writeSheet(spec, CHARTS_MARKER);
    expect(chartsOf(fake, spec.name)).toHaveLength(3);
  });

  it('writes the sheet and says so when Excel refuses a chart', async () => {
    const fake = new FakeExcel();
    const wb = excelOn(fake);
    // a series over a block of cells: the chart API refuses it
    const bad: SheetLayout = { ...spec, charts: [{ ...spec.charts![0], series: [{ ...spec.charts![0].series[0] }, { ...spec.charts![0].series[1], values: '$B$6:$C$17' }] }] };
    await wb.writeSheet(bad, CHARTS_MARKER);
    expect(fake.value(spec.name, 'A6')).toBe('jan');
    expect(wb.warnings).toEqual([expect.stringContaining(`Excel did not draw the charts on "${spec.name}" (InvalidArgument)`)]);
  });

  it('hands the refusal on once, in the person’s language', async () => {
    const fake = new FakeExcel();
    const wb = excelOn(fake, { language: 'nb' });
    const bad: SheetLayout = { ...spec, charts: [{ ...spec.charts![0], series: [{ ...spec.charts![0].series[0] }, { ...spec.charts![0].series[1], values: '$B$6:$C$17' }] }] };
    await wb.writeSheet(bad, CHARTS_MARKER);
    expect(wb.takeNotices()).toEqual([`Excel tegnet ikke grafene på arket «${spec.name}» (InvalidArgument); arket og tabellene de leser, er skrevet.`]);
    expect(wb.takeNotices()).toEqual([]);
  });
});
