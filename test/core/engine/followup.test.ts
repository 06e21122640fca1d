import fc from 'fast-check';
import { checkSource } from '../../../src/core/engine/checks';
import { buildFollowUp } from '../../../src/core/engine/followup';
import { dec, decimalString } from '../../../src/core/money';
import { RowFigures } from '../../../src/core/row-figures';
import type { FollowUpModel } from '../../../src/core/model';
import { monthPivot, recognised, table } from './sources';

const str = (v: { toFixed(): string } | null): string | null => (v === null ? null : decimalString(v as never));
const line = (m: FollowUpModel, key: string) => {
  const l = m.lines.find((x) => x.key === key);
  if (!l) throw new Error(`no line ${key}`);
  return l;
};

/** The Drammen pivot pair (DOMAIN.md): January–February 2021 and 2022, in kr, no budget. */
const drammen = () =>
  recognised([
    monthPivot({
      sheet: 'Regnskap', measure: 'actual', year: 2021, months: [1, 2],
      lines: [
        ['1 LØNN', 67579886, 80330397.6],
        ['2 ANDRE D', 8178636, 10763570],
        ['3 SYKELØ', -2830683, -5506085.4],
        ['4 ANDRE', -4565093, -1766833],
      ],
    }),
    monthPivot({
      sheet: 'Regnskap', measure: 'actual', year: 2022, months: [1, 2],
      lines: [
        ['1 LØNN', 67607679, 83148329],
        ['2 ANDRE D', 3935152.4, 9272276.4],
        ['3 SYKELØ', -154329, -6974542],
        ['4 ANDRE', -2698334, -1472253.6],
      ],
    }),
  ]);

describe('follow-up engine on the Drammen pivots', () => {
  const m = buildFollowUp(drammen());

  it('takes this year and the period from the headers', () => {
    expect(m.year).toBe(2022);
    expect(m.period).toBe('2022-02');
    expect(m.monthsElapsed).toBe(2);
  });

  it('compares salaries with the same months last year, to the øre', () => {
    const l = line(m, '1');
    expect(l.name).toBe('LØNN');
    expect(str(l.actual)).toBe('150756008');
    expect(str(l.priorYearActual)).toBe('147910283.6');
    expect(str(l.change)).toBe('2845724.4');
    expect(str(l.changePct!.toDecimalPlaces(4))).toBe('0.0192');
  });

  it('totals all lines and never counts a total as a line', () => {
    expect(m.lines).toHaveLength(4);
    expect(str(m.total.actual)).toBe('152663978.2');
    expect(str(m.total.priorYearActual)).toBe('152183795.2');
  });

  it('says there is no budget instead of inventing variances', () => {
    expect(m.total.variance).toBeNull();
    expect(line(m, '1').variance).toBeNull();
    expect(m.warnings.map((w) => w.code)).toContain('no-budget');
    expect(m.warnings.find((w) => w.code === 'no-budget')?.message).toMatch(/budsjett/);
  });
});

const budgetAndActuals = (sign = 1) =>
  recognised([
    monthPivot({
      sheet: 'Budsjett', measure: 'budget', year: 2024, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      lines: [
        ['100 Hjemmetjeneste', ...Array<number>(12).fill(1000 * sign)],
        ['200 Sykehjem', ...Array<number>(12).fill(2000 * sign)],
      ],
    }),
    monthPivot({
      sheet: 'Regnskap', measure: 'actual', year: 2024, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      lines: [
        ['100 Hjemmetjeneste', 1100 * sign, 1200 * sign, 1000 * sign, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ['200 Sykehjem', 1900 * sign, 1950 * sign, 2000 * sign, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ],
    }),
    monthPivot({
      sheet: 'Regnskap 2023', measure: 'actual', year: 2023, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      lines: [
        ['100 Hjemmetjeneste', ...Array<number>(12).fill(900 * sign)],
        ['200 Sykehjem', ...[1800, 1800, 1800, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100, 2100].map((v) => v * sign)],
      ],
    }),
  ]);

describe('variances and forecasts with a monthly budget', () => {
  it('finds the period as the last month with actuals and sums the year to date', () => {
    const m = buildFollowUp(budgetAndActuals());
    expect(m.period).toBe('2024-03');
    const l = line(m, '100');
    expect(str(l.annualBudget)).toBe('12000');
    expect(str(l.budget)).toBe('3000');
    expect(str(l.actual)).toBe('3300');
    expect(str(l.variance)).toBe('-300');
    expect(str(l.variancePct)).toBe('-0.1');
    expect(str(l.priorYearActual)).toBe('2700');
    expect(m.signConvention).toBe('costs-positive');
  });

  it('gives the report month alone beside the year to date', () => {
    const m = buildFollowUp(budgetAndActuals(), { period: '2024-02' });
    const l = line(m, '100');
    expect([str(l.monthBudget), str(l.monthActual), str(l.monthVariance)]).toEqual(['1000', '1200', '-200']);
    expect(str(m.total.monthVariance)).toBe('-150');
  });

  it('budget-profile: actuals so far plus the rest of the budget', () => {
    const m = buildFollowUp(budgetAndActuals(), { forecastMethod: 'budget-profile' });
    expect(str(line(m, '100').forecast)).toBe('12300');
    expect(str(line(m, '100').forecastVariance)).toBe('-300');
    expect(line(m, '100').forecastMethod).toBe('budget-profile');
  });

  it('deviation-run-rate: the variance so far times 12 over the months elapsed', () => {
    const m = buildFollowUp(budgetAndActuals(), { forecastMethod: 'deviation-run-rate' });
    expect(str(line(m, '100').forecastVariance)).toBe('-1200');
    expect(str(line(m, '100').forecast)).toBe('13200');
    expect(str(line(m, '200').forecastVariance)).toBe('600');
    expect(str(m.total.forecastVariance)).toBe('-600');
  });

  it("last-year-profile: actuals scaled by last year's full year over the same months", () => {
    const m = buildFollowUp(budgetAndActuals(), { forecastMethod: 'last-year-profile' });
    // 5850 so far; last year 24300 for the year against 5400 for January–March: 5850 × 24300 / 5400
    expect(str(line(m, '200').forecast)).toBe('26325');
  });

  it('a manual forecast overrides the method for its line only', () => {
    const m = buildFollowUp(budgetAndActuals(), { forecastMethod: 'deviation-run-rate', manualForecasts: { '200': '25000' } });
    expect(line(m, '200').forecastMethod).toBe('manual');
    expect(str(line(m, '200').forecast)).toBe('25000');
    expect(str(line(m, '200').forecastVariance)).toBe('-1000');
    expect(line(m, '100').forecastMethod).toBe('deviation-run-rate');
  });

  it('a chosen period overrides the last month with actuals', () => {
    const m = buildFollowUp(budgetAndActuals(), { period: '2024-02' });
    expect(str(line(m, '100').actual)).toBe('2300');
    expect(str(line(m, '100').budget)).toBe('2000');
  });

  it('costs stored as negative numbers give the same favourable-positive variances', () => {
    const pos = buildFollowUp(budgetAndActuals(1), { forecastMethod: 'deviation-run-rate' });
    const neg = buildFollowUp(budgetAndActuals(-1), { forecastMethod: 'deviation-run-rate' });
    expect(neg.signConvention).toBe('costs-negative');
    expect(neg.lines.map((l) => str(l.variance))).toEqual(pos.lines.map((l) => str(l.variance)));
    expect(neg.lines.map((l) => str(l.forecastVariance))).toEqual(pos.lines.map((l) => str(l.forecastVariance)));
    expect(str(neg.total.variancePct)).toBe(str(pos.total.variancePct));
  });

  it('a line found in only one source counts as zero there, with a note', () => {
    const rec = budgetAndActuals();
    const actuals = rec.sources[1];
    const extra = monthPivot({ sheet: 'Regnskap', measure: 'actual', year: 2024, months: [1], lines: [['300 Rus', 500]] });
    const m = buildFollowUp({ ...rec, sources: [rec.sources[0], actuals, extra] });
    const rus = line(m, '300');
    expect(str(rus.budget)).toBe('0');
    expect(str(rus.variance)).toBe('-500');
    expect(m.warnings.some((w) => w.code === 'line-missing' && w.line === '300')).toBe(true);
  });
});

describe('cross-checks of typed-in figures', () => {
  const report = (typedVariance: number, typedPct: number) =>
    recognised([
      table({
        sheet: 'Rapport',
        columns: [
          { measure: 'budget' }, { measure: 'actual' }, { measure: 'variance' }, { measure: 'variance-pct', decimals: 3 },
        ],
        lines: [
          ['Hjemmetjeneste', 3935152, 4072345, typedVariance, typedPct],
          ['Sykehjem', 9272276, 9000000, 272276, 0.029],
        ],
        total: [13207429, 13072345, 135084 + typedVariance + 137193, null],
      }),
    ]);

  it('rounding alone is never flagged (the displayed total of rounded lines may be off by one)', () => {
    const m = buildFollowUp(report(-137193, -0.035));
    expect(m.warnings.filter((w) => /mismatch/.test(w.code))).toEqual([]);
  });

  it('a typed variance that is wrong is flagged with the cell, the stated and the computed value', () => {
    const m = buildFollowUp(report(-137913, -0.035), { language: 'en' });
    const w = m.warnings.find((x) => x.code === 'variance-mismatch');
    expect(w?.cell).toBe("'Rapport'!D2");
    expect(w?.message).toContain('-137,913');
    expect(w?.message).toContain('-137,193');
  });

  it('a typed percentage that is wrong beyond its shown decimals is flagged', () => {
    const m = buildFollowUp(report(-137193, -0.042));
    expect(m.warnings.find((x) => x.code === 'variance-pct-mismatch')?.cell).toBe("'Rapport'!E2");
  });
});

describe("a pivot's grand-total column, row by row", () => {
  /** Actuals for January and February with a `Totalsum` column; each line: [label, jan, feb, stated total, decimals shown]. */
  const pivot = (rows: [string, string, string, string, number | null][]) => {
    const source = monthPivot({ sheet: 'Regnskap', measure: 'actual', year: 2024, months: [1, 2], lines: [] });
    const lines = rows.map(([label, jan, feb, total, decimals], r) => ({
      key: label,
      name: label,
      label,
      row: 4 + r,
      values: RowFigures.of([jan, feb, total].map((v, c) => ({ value: dec(v), decimals, cell: `'Regnskap'!${'BCD'[c]}${5 + r}` }))),
    }));
    const total = { measure: 'actual' as const, period: null, year: 2024, isTotal: true, column: 3, header: 'Totalsum' };
    return { ...source, series: [...source.series, total], lines };
  };
  const lineChecks = (rows: [string, string, string, string, number | null][]) =>
    checkSource(pivot(rows), 'costs-positive', 2024).filter((f) => f.code === 'total-mismatch').map((f) => [f.cell, f.params.stated, f.params.computed]);

  it('takes a stated total that is the sum, or off by its rounding only', () => {
    expect(lineChecks([['exact', '100', '200', '300', 0], ['rounded', '100.4', '200.4', '301', 0], ['past 2^53', '800000000000', '800000000000', '1600000000000', 0]])).toEqual([]);
  });

  it('flags a stated total off beyond rounding, naming its cell, whole figures or not', () => {
    const found = lineChecks([
      ['whole', '100', '200', '310', 0],
      ['exact sum of decimals', '0.00001', '0.99999', '1', null],
      ['off by a hundred-thousandth', '0.00001', '1', '1', null],
    ]);
    expect(found).toEqual([
      ["'Regnskap'!D5", '310', '300'],
      ["'Regnskap'!D7", '1', '1.00001'],
    ]);
  });
});

describe('engine invariants (property tests)', () => {
  const amountArb = fc.integer({ min: -5_000_000, max: 5_000_000 }).map((n) => n / 100);
  const linesArb = fc.array(fc.tuple(amountArb, amountArb, amountArb), { minLength: 1, maxLength: 12 });

  const build = (rows: [number, number, number][], sign = 1, reverse = false) => {
    const labels = rows.map((_, i) => `${100 + i} Enhet ${i}`);
    const order = rows.map((_, i) => i);
    if (reverse) order.reverse();
    return buildFollowUp(
      recognised([
        monthPivot({ sheet: 'B', measure: 'budget', year: 2024, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], lines: order.map((i) => [labels[i], ...Array.from({ length: 12 }, (_, k) => rows[i][k % 2] * sign)]) }),
        monthPivot({ sheet: 'A', measure: 'actual', year: 2024, months: [1, 2], lines: order.map((i) => [labels[i], rows[i][2] * sign, 1 * sign]) }),
      ]),
      { signConvention: sign > 0 ? 'costs-positive' : 'costs-negative', forecastMethod: 'deviation-run-rate' },
    );
  };

  it("the lines' variances add up to the total's", () => {
    fc.assert(
      fc.property(linesArb, (rows) => {
        const m = build(rows);
        const sumV = m.lines.reduce((t, l) => t.plus(l.variance ?? 0), m.lines[0].variance!.times(0));
        expect(str(sumV)).toBe(str(m.total.variance));
        const sumF = m.lines.reduce((t, l) => t.plus(l.forecastVariance ?? 0), m.lines[0].variance!.times(0));
        expect(str(sumF)).toBe(str(m.total.forecastVariance));
      }),
    );
  });

  it('negating all data and switching the convention gives the same variances', () => {
    fc.assert(
      fc.property(linesArb, (rows) => {
        const a = build(rows, 1);
        const b = build(rows, -1);
        expect(b.lines.map((l) => str(l.variance))).toEqual(a.lines.map((l) => str(l.variance)));
        expect(b.lines.map((l) => str(l.forecastVariance))).toEqual(a.lines.map((l) => str(l.forecastVariance)));
        expect(str(b.total.variance)).toBe(str(a.total.variance));
      }),
    );
  });

  it('row order changes nothing', () => {
    fc.assert(
      fc.property(linesArb, (rows) => {
        const a = build(rows);
        const b = build(rows, 1, true);
        const byKey = (m: FollowUpModel) => Object.fromEntries(m.lines.map((l) => [l.key, [str(l.variance), str(l.forecast)]]));
        expect(byKey(b)).toEqual(byKey(a));
        expect(str(b.total.variance)).toBe(str(a.total.variance));
      }),
    );
  });
});
