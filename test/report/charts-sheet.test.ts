/**
 * The charts sheet in nb and sv: each chart's series read the sheet's own cells, and those cells hold
 * the engine's figures; colours follow favourability; charts without figures are left out.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseA1 } from '../../src/core/grid';
import type { FollowUpModel } from '../../src/core/model';
import { chartsSheet, FAVOURABLE, MAX_VARIANCE_BARS, rankedVariances, UNFAVOURABLE } from '../../src/report/charts-sheet';
import type { ChartSpec, LayoutValue, SheetLayout } from '../../src/report/layout';
import { generateFollowUp } from '../../src/workbook/generate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

async function model(example: string): Promise<FollowUpModel> {
  const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, example))), example);
  return (await generateFollowUp(wb, { dryRun: true })).model;
}

/** The values of a one-column range of the layout, top to bottom. */
function column(layout: SheetLayout, range: string): LayoutValue[] {
  const [a, b = a] = range.split(':').map((r) => parseA1(r.replace(/\$/g, ''))!);
  const out: LayoutValue[] = [];
  for (let row = a.row; row <= b.row; row++) out.push(layout.cells.find((c) => c.row === row && c.col === a.col)?.value ?? null);
  return out;
}

const chart = (layout: SheetLayout, kind: ChartSpec['kind']): ChartSpec => {
  const c = layout.charts?.find((x) => x.kind === kind);
  if (!c) throw new Error(`no ${kind} chart`);
  return c;
};
const num = (v: { toNumber(): number } | null): number | null => (v === null ? null : v.toNumber());

describe.each([
  ['helse-og-omsorg-2024-04.xlsx', 'Grafer 2024-04', ['Budsjett', 'Regnskap', 'Regnskap i fjor', 'Prognose'], 'jan'],
  ['vard-och-omsorg-2024-04.xlsx', 'Diagram 2024-04', ['Budget', 'Utfall', 'Utfall i fjol', 'Prognos'], 'jan'],
])('the charts sheet of %s', (example, name, seriesNames, firstMonth) => {
  let m: FollowUpModel;
  let layout: SheetLayout;
  beforeAll(async () => {
    m = await model(example);
    layout = chartsSheet(m, '2024-05-03 09:00') as SheetLayout;
  });

  it('is named for the month in the workbook language and has three charts', () => {
    expect(layout.name).toBe(name);
    expect(layout.charts?.map((c) => c.kind)).toEqual(['line', 'stacked-column', 'bar']);
  });

  it('draws cumulative budget, actuals, last year and the forecast from the engine’s month figures', () => {
    const c = chart(layout, 'line');
    expect(c.series.map((s) => column(layout, s.name)[0])).toEqual(seriesNames);
    expect(column(layout, c.categories)[0]).toBe(firstMonth);
    const months = m.charts!.months;
    expect(column(layout, c.series[0].values)).toEqual(months.map((x) => num(x.cumulativeBudget)));
    expect(column(layout, c.series[1].values)).toEqual(months.map((x) => num(x.cumulativeActual)));
    expect(column(layout, c.series[2].values)).toEqual(months.map((x) => num(x.cumulativePriorYearActual)));
    const forecast = column(layout, c.series[3].values);
    expect(forecast[11]).toBe(num(m.total.forecast));
    expect(forecast[(m.monthsElapsed as number) - 1]).toBe(num(m.total.actual));
    expect(c.series[3].dashed).toBe(true);
  });

  it('bridges the gap through the measures with an invisible base, good news green and bad news red', () => {
    const c = chart(layout, 'stacked-column');
    const steps = m.charts!.bridge;
    expect(c.series[0].color).toBeNull();
    expect(column(layout, c.series[0].values)).toEqual(steps.map((s) => num(s.base)));
    expect(column(layout, c.series[1].values)).toEqual(steps.map((s) => num(s.rise)));
    expect(column(layout, c.series[2].values)).toEqual(steps.map((s) => num(s.fall)));
    expect(column(layout, c.categories).slice(1, -1)).toEqual(m.measures!.items.filter((i) => i.quantified).map((i) => i.name));
    expect(c.series[1].pointColors?.[0]).toBe(UNFAVOURABLE);
    expect(c.series[1].pointColors?.[1]).toBe(FAVOURABLE);
  });

  it('ranks the lines’ variances with the biggest overspend first, in red', () => {
    const c = chart(layout, 'bar');
    const values = column(layout, c.series[0].values) as number[];
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBe(Math.min(...m.lines.map((l) => num(l.variance) as number)));
    expect(c.series[0].pointColors).toEqual(values.map((v) => (v < 0 ? UNFAVOURABLE : FAVOURABLE)));
  });
});

describe('the bridge’s last bar', () => {
  it('is named by its sign, in the words of the measures sheet and the pane', async () => {
    const m = await model('helse-og-omsorg-2024-04.xlsx');
    const bridge = m.charts!.bridge;
    // `uncovered` as the measures leave it (positive: still uncovered); the bar shows it below zero.
    const withLeft = (uncovered: number): SheetLayout => {
      const last = bridge[bridge.length - 1];
      const steps = [...bridge.slice(0, -1), { ...last, amount: last.amount.times(0).minus(uncovered) }];
      return chartsSheet({ ...m, charts: { ...m.charts!, bridge: steps } }, 'x') as SheetLayout;
    };
    const lastLabel = (layout: SheetLayout): LayoutValue => column(layout, chart(layout, 'stacked-column').categories).at(-1) ?? null;
    expect(lastLabel(withLeft(8100000))).toBe('Udekket');
    expect(lastLabel(withLeft(-1800000))).toBe('Overdekket');
    expect(lastLabel(withLeft(0))).toBe('Dekket');
  });
});

describe('charts without figures', () => {
  it('leaves out what the workbook has no figures for, and the sheet when there is nothing to chart', async () => {
    const m = await model('helse-og-omsorg-2024-04.xlsx');
    const noMonths = chartsSheet({ ...m, charts: { months: [], bridge: [] } }, 'x') as SheetLayout;
    expect(noMonths.charts?.map((c) => c.kind)).toEqual(['bar']);
    expect(chartsSheet({ ...m, lines: [], charts: { months: [], bridge: [] } }, 'x')).toBeNull();
  });

  it('shows at most the largest variances, so a long list stays readable', async () => {
    const m = await model('helse-og-omsorg-2024-04.xlsx');
    const many = Array.from({ length: 50 }, (_, i) => ({ ...m.lines[0], key: String(i), label: `L${i}`, variance: m.lines[0].variance!.times(i - 25) }));
    const ranked = rankedVariances(many);
    expect(ranked).toHaveLength(MAX_VARIANCE_BARS);
    expect(ranked[0].label).toBe(m.lines[0].variance!.isNegative() ? 'L49' : 'L0');
  });
});
