/** The area's model from its units' models: names told apart, and units whose figures do not add up refused. */
import type { FollowUpModel } from '../../src/core/model';
import { rollUp, unitNames } from '../../src/core/rollup';
import { withLastMonth } from '../../src/core/engine/changes';
import { dec, type Money } from '../../src/core/money';
import { generateFollowUp } from '../../src/workbook/generate';
import { budgetWorkbook } from '../workbook/builders';

async function modelOf(): Promise<FollowUpModel> {
  const lines = [
    { label: '100 Sykehjem', monthlyBudget: 500_000, actual: [510_000, 495_000, 530_000, 520_000] },
    { label: '200 Dagsenter', monthlyBudget: 80_000, actual: [75_000, 82_000, 79_000, 90_000] },
  ];
  return (await generateFollowUp(await budgetWorkbook(lines, 4), { dryRun: true })).model;
}

const unit = (name: string, model: FollowUpModel) => ({ name, file: `${name}.xlsx`, path: `${name}.xlsx`, model, links: new Map() });

describe('unitNames', () => {
  it('keeps distinct names, adds the file to a shared name, and numbers a shared file name', () => {
    expect(unitNames([{ name: 'Nord', file: 'a.xlsx' }, { name: 'Sør', file: 'b.xlsx' }])).toEqual(['Nord', 'Sør']);
    expect(unitNames([{ name: 'Helse', file: 'nord.xlsx' }, { name: 'helse', file: 'sor.xlsx' }])).toEqual(['Helse (nord.xlsx)', 'helse (sor.xlsx)']);
    expect(unitNames([{ name: 'vard', file: 'vard.xlsx' }, { name: 'vard', file: 'vard.xlsx' }, { name: 'vard', file: 'vard.xlsx' }])).toEqual(['vard', 'vard (2)', 'vard (3)']);
  });
});

describe('rollUp', () => {
  it('makes a group per unit and a total of the units’ totals', async () => {
    const a = await modelOf();
    const area = rollUp([unit('Nord', a), unit('Sør', a)], 'nb', 'Område øst');
    expect(area.lines.map((l) => [l.key, l.group])).toEqual([['Nord/100', 'Nord'], ['Nord/200', 'Nord'], ['Sør/100', 'Sør'], ['Sør/200', 'Sør']]);
    expect(area.total.actual?.toFixed()).toBe(a.total.actual?.times(2).toFixed());
    expect(area.total.variance?.toFixed()).toBe(a.total.variance?.times(2).toFixed());
    expect(area.charts?.months[3].cumulativeActual?.toFixed()).toBe(a.charts?.months[3].cumulativeActual?.times(2).toFixed());
    expect(area.title).toBe('Område øst');
  });

  it('refuses units of other months and other sign conventions, naming both files', async () => {
    const april = await modelOf();
    expect(() => rollUp([unit('Nord', april), unit('Sør', { ...april, period: '2024-03' })], 'nb', null)).toThrow(
      /Sør\.xlsx is for 2024-03 but Nord\.xlsx is for 2024-04 \(period\)/,
    );
    expect(() => rollUp([unit('Nord', april), unit('Sør', { ...april, signConvention: 'costs-negative' })], 'nb', null)).toThrow(
      /Sør\.xlsx is with costs as negative numbers but Nord\.xlsx is with costs as positive numbers \(sign convention\)/,
    );
    expect(() => rollUp([unit('Nord', april), unit('Sør', { ...april, unit: 'tkr' })], 'nb', null)).toThrow(/Sør\.xlsx is in tkr but Nord\.xlsx is in kr/);
  });
});

describe('rollUp, what changed since last month', () => {
  const withMarch = (m: FollowUpModel, before: number): FollowUpModel =>
    withLastMonth(m, { sheet: 'Oppfølging 2024-03', period: '2024-03', forecasts: new Map(m.lines.map((l) => [l.key, dec(before)])), findings: [] });

  it('keeps last month’s forecast and the change when every unit compared with the same month, and totals them', async () => {
    const a = await modelOf();
    const area = rollUp([unit('Nord', withMarch(a, 1_000)), unit('Sør', withMarch(a, 2_000))], 'nb', null);
    expect(area.previous?.period).toBe('2024-03');
    expect(area.total.previousForecast?.toFixed()).toBe(String(2 * 1_000 + 2 * 2_000));
    const changes = area.lines.map((l) => l.forecastChange as Money);
    expect(area.total.forecastChange?.toFixed()).toBe(changes.reduce((s, c) => s.plus(c)).toFixed());
    expect(area.previous?.largestMoves).toHaveLength(4);
  });

  it('shows no change at all when one unit had no earlier follow-up, rather than a half-filled column', async () => {
    const a = await modelOf();
    const area = rollUp([unit('Nord', withMarch(a, 1_000)), unit('Sør', a)], 'nb', null);
    expect(area.previous).toBeUndefined();
    expect(area.lines.some((l) => l.previousForecast !== undefined || l.forecastChange !== undefined)).toBe(false);
    expect(area.total.previousForecast).toBeUndefined();
  });
});

describe('rollUp, month by month', () => {
  const text = (v: readonly (Money | null)[]): (string | null)[] => v.map((x) => (x === null ? null : x.toFixed()));

  it('gives the area the units’ lines month by month in its own line order, each unit’s months summed, and the total', async () => {
    const a = await modelOf();
    const area = rollUp([unit('Nord', a), unit('Sør', a)], 'nb', null);
    const m = area.monthByMonth!;
    expect(m.periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(m.lines.map((l) => text(l.actual))).toEqual([
      ['510000', '495000', '530000', '520000'],
      ['75000', '82000', '79000', '90000'],
      ['510000', '495000', '530000', '520000'],
      ['75000', '82000', '79000', '90000'],
    ]);
    // a unit's months are its group's subtotal; the total counts every line once
    expect(m.subtotals.map((s) => text(s.actual))).toEqual([
      ['585000', '577000', '609000', '610000'],
      ['585000', '577000', '609000', '610000'],
    ]);
    expect(text(m.total.actual)).toEqual(['1170000', '1154000', '1218000', '1220000']);
    expect(text(m.total.budget)).toEqual(['1160000', '1160000', '1160000', '1160000']);
    expect(m.total.actualSoFar.toFixed()).toBe(area.total.actual?.toFixed());
    expect(m.total.used?.toFixed(6)).toBe(a.monthByMonth!.total.used?.toFixed(6));
  });

  it('has none when the units have other months so far, and actuals alone when one unit has no budget by month', async () => {
    const a = await modelOf();
    const m = a.monthByMonth!;
    const march = { ...m, periods: m.periods.slice(0, 3), lines: m.lines.map((l) => ({ ...l, actual: l.actual.slice(0, 3), budget: l.budget.slice(0, 3) })) };
    expect(rollUp([unit('Nord', a), unit('Sør', { ...a, monthByMonth: march })], 'nb', null).monthByMonth).toBeNull();
    expect(rollUp([unit('Nord', a), unit('Sør', { ...a, monthByMonth: null })], 'nb', null).monthByMonth).toBeNull();
    const noBudget = { ...m, budgetByMonth: false, lines: m.lines.map((l) => ({ ...l, budget: l.budget.map(() => null) })) };
    const area = rollUp([unit('Nord', a), unit('Sør', { ...a, monthByMonth: noBudget })], 'nb', null).monthByMonth!;
    expect(area.budgetByMonth).toBe(false);
    expect(area.lines.every((l) => l.budget.every((b) => b === null))).toBe(true);
    expect(text(area.total.actual)).toEqual(['1170000', '1154000', '1218000', '1220000']);
  });
});
