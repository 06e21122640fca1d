/**
 * Month by month: each line's budget and actuals for every month so far as the pivots have them, the
 * share of the annual budget used against the share of the year gone, and no months where the workbook
 * has none.
 */
import { buildFollowUp } from '../../../src/core/engine/followup';
import type { FollowUpModel } from '../../../src/core/model';
import { monthPivot, recognised, table } from './sources';

const M = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const num = (v: { toString(): string } | null): string | null => (v === null ? null : v.toString());

function model(actualMonths: number[], actualLines: [string, ...(number | null)[]][]): FollowUpModel {
  return buildFollowUp(
    recognised([
      monthPivot({
        sheet: 'Budsjett',
        measure: 'budget',
        year: 2024,
        months: M,
        lines: [
          ['100 Hjemmetjeneste', ...Array<number>(12).fill(1000)],
          ['200 Sykehjem', ...Array<number>(12).fill(3000.5)],
        ],
      }),
      monthPivot({ sheet: 'Regnskap', measure: 'actual', year: 2024, months: actualMonths, lines: actualLines }),
    ]),
    { language: 'nb' },
  );
}

describe('month by month', () => {
  const m = model(
    [1, 2, 3],
    [
      ['100 Hjemmetjeneste', 900, 1100, 1250],
      ['200 Sykehjem', 3000, null, 2999.25],
    ],
  );
  const months = m.monthByMonth!;

  it('has every month from January to the report month, each line as the pivots have it', () => {
    expect(months.periods).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(m.lines.map((l) => l.key)).toEqual(['100', '200']);
    expect(months.lines[0].budget.map(num)).toEqual(['1000', '1000', '1000']);
    expect(months.lines[0].actual.map(num)).toEqual(['900', '1100', '1250']);
    // a month the line has no figure in is 0, as the report month's own figures count it
    expect(months.lines[1].actual.map(num)).toEqual(['3000', '0', '2999.25']);
    expect(months.lines[1].budget.map(num)).toEqual(['3000.5', '3000.5', '3000.5']);
  });

  it('adds the lines up for the total, month by month', () => {
    expect(months.total.budget.map(num)).toEqual(['4000.5', '4000.5', '4000.5']);
    expect(months.total.actual.map(num)).toEqual(['3900', '1100', '4249.25']);
    expect(num(months.total.actualSoFar)).toBe('9249.25');
    expect(num(months.total.actualSoFar)).toBe(num(m.total.actual));
  });

  it('gives the share of the annual budget used against the share of the year gone, exactly', () => {
    expect(num(months.yearGone)).toBe('0.25');
    expect(num(months.lines[0].actualSoFar)).toBe('3250');
    expect(num(months.lines[0].annualBudget)).toBe('12000');
    expect(months.lines[0].used?.toFixed(6)).toBe('0.270833');
    expect(months.lines[1].used?.toFixed(6)).toBe(months.lines[1].actualSoFar.div(36006).toFixed(6));
    expect(num(months.total.used)).toBe(num(months.total.actualSoFar.div(m.total.annualBudget!)));
  });

  it('matches the report month’s own figures of the follow-up', () => {
    m.lines.forEach((l, i) => {
      expect(num(months.lines[i].budget[2])).toBe(num(l.monthBudget));
      expect(num(months.lines[i].actual[2])).toBe(num(l.monthActual));
      expect(num(months.lines[i].actualSoFar)).toBe(num(l.actual));
    });
  });

  it('stops at the month a person chose', () => {
    const chosen = buildFollowUp(
      recognised([
        monthPivot({ sheet: 'Budsjett', measure: 'budget', year: 2024, months: M, lines: [['100 Hjemmetjeneste', ...Array<number>(12).fill(1000)]] }),
        monthPivot({ sheet: 'Regnskap', measure: 'actual', year: 2024, months: [1, 2, 3], lines: [['100 Hjemmetjeneste', 900, 1100, 1250]] }),
      ]),
      { language: 'nb', period: '2024-02' },
    );
    expect(chosen.monthByMonth?.periods).toEqual(['2024-01', '2024-02']);
    expect(num(chosen.monthByMonth!.lines[0].actualSoFar)).toBe('2000');
  });

  it('shows only the actuals by month when the budget is not by month', () => {
    const r = buildFollowUp(
      recognised([
        table({ sheet: 'Ramme', columns: [{ measure: 'annual-budget', year: 2024 }], lines: [['100 Hjemmetjeneste', 12000]] }),
        monthPivot({ sheet: 'Regnskap', measure: 'actual', year: 2024, months: [1, 2], lines: [['100 Hjemmetjeneste', 900, 1100]] }),
      ]),
      { language: 'nb' },
    );
    expect(r.monthByMonth?.budgetByMonth).toBe(false);
    expect(r.monthByMonth?.lines[0].budget).toEqual([null, null]);
    expect(r.monthByMonth?.lines[0].used?.toFixed(4)).toBe('0.1667');
  });

  it('has no months where the workbook has no actuals by month', () => {
    const yearEnd = buildFollowUp(
      recognised([
        table({
          sheet: 'Rapport',
          columns: [
            { measure: 'budget', year: 2023 },
            { measure: 'actual', year: 2023 },
          ],
          lines: [['100 Hjemmetjeneste', 12000, 12500]],
        }),
      ]),
      { language: 'nb' },
    );
    expect(yearEnd.monthByMonth).toBeNull();
  });
});
