import { buildFollowUp } from '../../../src/core/engine/followup';
import type { CellValue } from '../../../src/core/grid';
import { decimalString, type Money } from '../../../src/core/money';
import type { FollowUpModel } from '../../../src/core/model';
import { recognise } from '../../../src/core/read/recognise';
import { grid } from '../fixtures/workbooks';

const str = (v: Money | null): string | null => (v === null ? null : decimalString(v));
const run = (rows: CellValue[][], formats: string[] = []): FollowUpModel => buildFollowUp(recognise([grid('Resultat', rows, formats)]), { language: 'en' });

/** The Swedish result report of the issue: tkr, costs negative, last year's and this year's outcome side by side. */
const HEADER = ['Verksamhetschefsområde', 'Utfall 2019-12', 'Utfall 2020-12', 'Budget 2020-12', 'Avvikelse', 'Årsbudget 2020', 'Årsprognos 2020', 'Avvikelse årsprognos'];
const LINES: CellValue[][] = [
  ['Akutsjukvård', -9800, -10500, -10000, -500, -10000, -10500, -500],
  ['Psykiatri', -5100, -5200, -5400, 200, -5400, -5200, 200],
  ['Rehabilitering', -3000, -3100, -3000, -100, -3000, -3100, -100],
];
const TOTAL: CellValue[] = ['Totalt', -17900, -18800, -18400, -400, -18400, -18800, -400];
const swedish = (lines = LINES, total = TOTAL): CellValue[][] => [['Resultatrapport december 2020, belopp i tkr'], [], HEADER, ...lines, total];

describe('the Swedish result report (Utfall 2019-12 | Utfall 2020-12 | Budget 2020-12 | Avvikelse …)', () => {
  const m = run(swedish());

  it('takes 2020 as this year and 2019 as last year, never adding the two', () => {
    expect(m.year).toBe(2020);
    expect(m.period).toBe('2020-12');
    expect(str(m.total.actual)).toBe('-18800');
    expect(str(m.total.priorYearActual)).toBe('-17900');
  });

  it('gives the variances its author typed, and accuses no cell', () => {
    expect(m.signConvention).toBe('costs-negative');
    expect(m.lines.map((l) => str(l.variance))).toEqual(['-500', '200', '-100']);
    expect(str(m.total.variance)).toBe('-400');
    expect(m.lines.map((l) => str(l.forecastVariance))).toEqual(['-500', '200', '-100']);
    expect(m.warnings).toEqual([]);
  });

  it('accuses only the one wrong cell, not the total beside it', () => {
    const wrong = LINES.map((l) => [...l]);
    wrong[1][4] = 300; // Psykiatri's variance is 200
    const w = run(swedish(wrong)).warnings;
    expect(w.map((x) => [x.code, x.cell])).toEqual([['variance-mismatch', 'Resultat!E5']]);
  });
});

describe('the typed-in variances decide what the headers leave open', () => {
  it('which of two outcome columns without years is this year\'s', () => {
    const m = run([
      ['Enhet', 'Regnskap', 'Regnskap', 'Budsjett', 'Avvik'],
      ['Hjemmetjeneste', 900, 1100, 1000, -100],
      ['Sykehjem', 1800, 1900, 2000, 100],
      ['Rus', 450, 480, 500, 20],
    ]);
    expect(m.lines.map((l) => str(l.actual))).toEqual(['1100', '1900', '480']);
    expect(m.lines.map((l) => str(l.priorYearActual))).toEqual(['900', '1800', '450']);
    expect(m.warnings.filter((w) => /mismatch|disagrees/.test(w.code))).toEqual([]);
  });

  it('the sign convention, when the budget alone would mislead (a net income unit)', () => {
    // Costs negative, but the table's budget adds up to a positive amount (income outweighs costs).
    const m = run([
      ['Enhet', 'Regnskap', 'Budsjett', 'Avvik'],
      ['Inntekter', 5200, 5000, 200],
      ['Lønn', -2100, -2000, -100],
      ['Drift', -950, -1000, 50],
    ]);
    expect(m.signConvention).toBe('costs-negative');
    expect(m.lines.map((l) => str(l.variance))).toEqual(['200', '-100', '50']);
    expect(m.warnings.filter((w) => /mismatch|disagrees/.test(w.code))).toEqual([]);
  });

  it('a "variance" column that holds ratios is read as the variance in percent', () => {
    const m = run(
      [
        ['Enhet', 'Regnskap', 'Budsjett', 'Avvik'],
        ['Hjemmetjeneste', 1100, 1000, -0.1],
        ['Sykehjem', 1900, 2000, 0.05],
        ['Rus', 480, 500, 0.04],
      ],
      ['General', 'General', 'General', '0%'],
    );
    expect(m.lines.map((l) => str(l.variance))).toEqual(['-100', '100', '20']);
    expect(m.warnings.filter((w) => /mismatch|disagrees/.test(w.code))).toEqual([]);
  });

  it('a variance typed in kr in a tkr table is read in thousands, exactly', () => {
    const m = run([
      ['Belopp i tkr'],
      ['Enhet', 'Utfall', 'Budget', 'Avvikelse'],
      ['Hemtjänst', 1100, 1000, -100000],
      ['Särskilt boende', 1900, 2000, 100000],
      ['Rehabilitering', 480, 500, 20000],
    ]);
    expect(m.unit).toBe('tkr');
    expect(m.lines.map((l) => str(l.variance))).toEqual(['-100', '100', '20']);
    expect(m.warnings.filter((w) => /mismatch|disagrees|unclear/.test(w.code))).toEqual([]);
    expect(m.sources[0].columns?.find((c) => c.column === 'D')?.unit).toBe('kr');
  });

  it('when no reading fits, says so once and first, and leaves the variance empty rather than wrong', () => {
    const m = run([
      ['Enhet', 'Regnskap', 'Regnskap', 'Budsjett', 'Avvik'],
      ['Hjemmetjeneste', 900, 1100, 1000, 37],
      ['Sykehjem', 1800, 1900, 2000, -12],
      ['Rus', 450, 480, 500, 3],
    ]);
    expect(m.warnings[0].code).toBe('reading-unclear');
    expect(m.warnings[0].message).toContain("this year's actuals");
    expect(m.warnings.filter((w) => w.code === 'reading-unclear')).toHaveLength(1);
    expect(m.warnings.filter((w) => /mismatch|no-actuals/.test(w.code))).toEqual([]);
    expect(m.lines.map((l) => l.variance)).toEqual([null, null, null]);
  });
});
