/** The figures the charts draw: the total month by month and the measures' bridge, exact to the øre. */
import { bridgeSteps } from '../../../src/core/engine/charts';
import { buildFollowUp } from '../../../src/core/engine/followup';
import { dec, decimalString, type Money } from '../../../src/core/money';
import type { MeasureLine, MeasuresSummary } from '../../../src/core/model';
import { monthPivot, recognised } from './sources';

const s = (v: Money | null): string | null => (v === null ? null : decimalString(v));

const workbook = () =>
  recognised([
    monthPivot({ sheet: 'Budsjett', measure: 'budget', year: 2024, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], lines: [
      ['3100 Hjemmetjenesten', 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100.5],
      ['3200 Sykehjem', 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50],
    ] }),
    monthPivot({ sheet: 'Regnskap', measure: 'actual', year: 2024, months: [1, 2, 3], lines: [
      ['3100 Hjemmetjenesten', 110, 95.25, 120],
      ['3200 Sykehjem', 40, 60, 55],
    ] }),
    monthPivot({ sheet: 'Regnskap', measure: 'actual', year: 2023, months: [1, 2, 3], lines: [
      ['3100 Hjemmetjenesten', 90, 90, 90],
    ] }),
  ]);

describe('the total month by month', () => {
  const m = buildFollowUp(workbook());
  const months = m.charts?.months ?? [];

  it('has the twelve months of the budget year', () => {
    expect(months.map((x) => x.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
  });

  it('adds budget and actuals from January, exactly, with actuals only up to the report month', () => {
    expect(months.map((x) => s(x.cumulativeBudget))).toEqual(['150', '300', '450', '600', '750', '900', '1050', '1200', '1350', '1500', '1650', '1800.5']);
    expect(months.map((x) => s(x.cumulativeActual))).toEqual(['150', '305.25', '480.25', null, null, null, null, null, null, null, null, null]);
    expect(s(months[1].actual)).toBe('155.25');
  });

  it('agrees with the total so far and the annual budget', () => {
    expect(s(months[(m.monthsElapsed ?? 0) - 1].cumulativeActual)).toBe(s(m.total.actual));
    expect(s(months[(m.monthsElapsed ?? 0) - 1].cumulativeBudget)).toBe(s(m.total.budget));
    expect(s(months[11].cumulativeBudget)).toBe(s(m.total.annualBudget));
  });

  it("has last year's actuals for the months the workbook has, and none invented for the others", () => {
    expect(months.map((x) => s(x.cumulativePriorYearActual))).toEqual(['90', '180', '270', null, null, null, null, null, null, null, null, null]);
  });

  it('is empty for a workbook without months', () => {
    const plain = buildFollowUp(recognised([]));
    expect(plain.charts?.months).toEqual([]);
  });
});

const measure = (name: string, thisYear: string | null, fullYear: string | null = null): MeasureLine => ({
  name,
  effectThisYear: thisYear === null ? null : dec(thisYear),
  fullYearEffect: fullYear === null ? null : dec(fullYear),
  status: null,
  owner: null,
  quantified: thisYear !== null || fullYear !== null,
  cell: `'Tiltak'!A${name.length}`,
});

function summary(gap: string, items: MeasureLine[], uncovered: string): MeasuresSummary {
  const thisYear = items.some((i) => i.effectThisYear !== null);
  return {
    items,
    totalFullYear: null,
    totalThisYear: thisYear ? dec(items.reduce((a, i) => a + Number(i.effectThisYear ?? 0), 0)) : null,
    unquantified: [],
    unit: 'mkr',
    range: "'Tiltak'!A1:E9",
    gap: { amount: dec(gap), basis: 'stated', cells: [], coverage: null, uncovered: dec(uncovered) },
  };
}

describe('the bridge from the gap through the measures to what is uncovered', () => {
  it('rises from the gap below zero by each measure, signed as the measures sheet shows them, the base carrying the bars', () => {
    const steps = bridgeSteps(summary('6.3', [measure('Vikarer', '4.2'), measure('Korttid', '1.5'), measure('Uten beløp', null)], '0.6'));
    expect(steps.map((x) => [x.kind, x.label, s(x.amount), s(x.base), s(x.rise), s(x.fall), x.favourable])).toEqual([
      ['gap', '', '-6.3', '0', '0', '-6.3', false],
      ['measure', 'Vikarer', '4.2', '-2.1', '0', '-4.2', true],
      ['measure', 'Korttid', '1.5', '-0.6', '0', '-1.5', true],
      ['uncovered', '', '-0.6', '0', '0', '-0.6', false],
    ]);
  });

  it('draws a measure that takes the balance below zero above and below the axis, and an overcovered gap as favourable', () => {
    const steps = bridgeSteps(summary('2', [measure('Stor', '3'), measure('Dyrere', '-0.5')], '-0.5'));
    expect(steps.map((x) => [s(x.base), s(x.rise), s(x.fall), x.favourable])).toEqual([
      ['0', '0', '-2', false],
      ['0', '1', '-2', true],
      ['0.5', '0.5', '0', false],
      ['0', '0.5', '0', true],
    ]);
  });

  it('is empty without a gap or without measures', () => {
    expect(bridgeSteps(null)).toEqual([]);
    expect(bridgeSteps({ ...summary('1', [], '1'), gap: null })).toEqual([]);
  });
});
