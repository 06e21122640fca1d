import { buildFollowUp, type EngineOptions } from '../../../src/core/engine/followup';
import { parseConfig } from '../../../src/core/config';
import type { CellValue } from '../../../src/core/grid';
import { decimalString, type Money } from '../../../src/core/money';
import type { FollowUpModel } from '../../../src/core/model';
import { recognise } from '../../../src/core/read/recognise';
import { toJsonReport } from '../../../src/report/json';
import { grid, yearEndEvaluation } from '../fixtures/workbooks';

const str = (v: Money | null): string | null => (v === null ? null : decimalString(v));

/** Two outcome columns the words cannot tell apart, and no typed-in variance to tell them either. */
const ROWS: CellValue[][] = [
  ['Belopp i tkr'],
  ['Enhet', 'Utfall', 'Utfall', 'Budget', 'Kommentar'],
  ['Hemtjänst', 900, 1100, 1000, 'Vakanser'],
  ['Särskilt boende', 1800, 1900, 2000, null],
];

function run(config: string | null, rows = ROWS, options: EngineOptions = {}): FollowUpModel {
  const c = config ? parseConfig(config, 'cfg.json') : {};
  const rec = recognise([grid('Rapport', rows)], { sources: c.sources ? [...c.sources] : undefined });
  return buildFollowUp(rec, { language: 'en', evaluation: c.evaluation, ...options });
}

describe('the reading of each column, shown', () => {
  it('lists every column in the JSON with its role, year, months and unit, the comment column as ignored', () => {
    const json = toJsonReport(run(null)) as { sources: { columns: unknown[] }[] };
    expect(json.sources[0].columns).toEqual([
      { column: 'A', header: 'Enhet', role: 'label', year: null, months: null, unit: null },
      { column: 'B', header: 'Utfall', role: 'actual', year: null, months: null, unit: 'tkr' },
      { column: 'C', header: 'Utfall', role: 'actual', year: null, months: null, unit: 'tkr' },
      { column: 'D', header: 'Budget', role: 'budget', year: null, months: null, unit: 'tkr' },
      { column: 'E', header: 'Kommentar', role: 'ignored', year: null, months: null, unit: null },
    ]);
  });

  it("lists a pivot's periods the same way, each month with its year", () => {
    const m = buildFollowUp(
      recognise([
        grid('Pivot', [
          ['Summer av Beløp', 'Kolonneetiketter'],
          ['Radetiketter', '202401', '202402', 'Totalsum'],
          ['Lønn', 100, 110, 210],
          ['Drift', 50, 40, 90],
          ['Totalsum', 150, 150, 300],
        ]),
      ]),
    );
    const cols = m.sources[0].columns ?? [];
    expect(cols.map((c) => [c.column, c.role, c.year, c.months, c.total ?? false])).toEqual([
      ['A', 'label', null, null, false],
      ['B', 'actual', 2024, '01-01', false],
      ['C', 'actual', 2024, '02-02', false],
      ['D', 'actual', 2024, null, true],
    ]);
  });
});

describe('the reading, corrected by a person (--config "columns")', () => {
  it('by letter: column B is last year\'s, C this year\'s', () => {
    const m = run('{"sources": [{"range": "Rapport!A2:E4", "columns": {"B": "prior-actual", "C": "actual"}}]}');
    expect(str(m.total.actual)).toBe('3000');
    expect(str(m.total.priorYearActual)).toBe('2700');
    expect(m.sources[0].columns?.find((c) => c.column === 'B')).toMatchObject({ role: 'prior-actual', chosen: true });
  });

  it('by header text and year, with the unit of the table', () => {
    const rows: CellValue[][] = [['Enhet', 'Utfall A', 'Utfall B', 'Budget'], ...ROWS.slice(2).map((r) => r.slice(0, 4))];
    const m = run('{"sources": [{"range": "Rapport!A1:D3", "columns": {"utfall a": {"role": "actual", "year": 2023}, "Utfall B": {"role": "actual", "year": 2024}}, "unit": "mkr"}]}', rows);
    expect(m.year).toBe(2024);
    expect(m.unit).toBe('mkr');
    expect(m.lines.map((l) => [str(l.actual), str(l.priorYearActual)])).toEqual([
      ['1100', '900'],
      ['1900', '1800'],
    ]);
  });

  it('a column chosen to be ignored adds nothing, and a unit chosen for a column is converted', () => {
    const m = run('{"sources": [{"range": "Rapport!A2:E4", "columns": {"B": "ignored", "C": {"role": "actual", "unit": "kr"}}}]}');
    expect(m.lines.map((l) => str(l.actual))).toEqual(['1.1', '1.9']);
    expect(str(m.total.budget)).toBe('3000');
  });

  it('a column that is not there is an error naming the range and its columns', () => {
    expect(() => run('{"sources": [{"range": "Rapport!A2:E4", "columns": {"Regnskap 2024": "actual"}}]}')).toThrow(/"Regnskap 2024" chosen for Rapport!A2:E4 is not one of its columns \(A "Enhet", B "Utfall"/);
  });
});

describe('year end or year to date', () => {
  const yearEnd = yearEndEvaluation().values as CellValue[][];

  it('a table with no months is a year-end evaluation: no period, no forecast, no forecast noise', () => {
    const m = run(null, yearEnd);
    expect(m.evaluation).toBe('year-end');
    expect(m.period).toBeNull();
    expect(m.year).toBe(2023);
    expect(m.lines.map((l) => [str(l.variance), l.forecast, l.forecastMethod])).toEqual([
      ['-2000', null, null],
      ['500', null, null],
    ]);
    expect(m.warnings).toEqual([]);
  });

  it('a person can call it year to date instead, and a table with months in its headers is year to date', () => {
    expect(run('{"evaluation": "year-to-date"}', yearEnd).evaluation).toBe('year-to-date');
    const tertial = run(null, [['Tjeneste', 'Budsjett 2023 jan–apr', 'Regnskap 2023 jan–apr', 'Årsbudsjett 2023'], ['Hjemmetjeneste', 24000, 25000, 72000]]);
    expect(tertial.evaluation).toBe('year-to-date');
    expect(tertial.period).toBe('2023-04');
    expect(str(tertial.lines[0].forecast)).toBe('73000');
  });
});

describe("a pivot's columns, corrected by a person (--config \"columns\" and \"unit\")", () => {
  /** Budget in tkr, as the title says; the actuals field summed in kr (its caption does not say). */
  const PIVOT: CellValue[][] = [
    ['Beløp i tkr'],
    [],
    ['Radetiketter', 'Summer av Budsjett', 'Summer av Regnskap'],
    ['Lønn', 1000, 1100250],
    ['Drift', 500, 450000],
    ['Totalsum', 1500, 1550250],
  ];
  const pivotRun = (config: string): FollowUpModel => {
    const c = parseConfig(config, 'cfg.json');
    return buildFollowUp(recognise([grid('Pivot', PIVOT)], { sources: c.sources ? [...c.sources] : undefined }), { language: 'en' });
  };

  it('a unit chosen for a column converts its figures exactly into the pivot\'s unit', () => {
    const m = pivotRun('{"sources": [{"range": "Pivot!A3:C6", "columns": {"C": {"unit": "kr"}}}]}');
    expect(m.unit).toBe('tkr');
    expect(m.lines.map((l) => [l.label, str(l.budget), str(l.actual)])).toEqual([
      ['Lønn', '1000', '1100.25'],
      ['Drift', '500', '450'],
    ]);
    expect(str(m.total.actual)).toBe('1550.25');
    expect(m.warnings.filter((w) => /total/.test(w.code))).toEqual([]);
    expect(m.sources[0].columns?.find((c) => c.column === 'C')).toMatchObject({ role: 'actual', unit: 'kr', chosen: true });
  });

  it("a unit chosen for a column overrides its caption's: the figures as written, in the pivot's unit", () => {
    const captioned = PIVOT.map((r, i) => (i === 2 ? ['Radetiketter', 'Summer av Budsjett (tkr)', 'Summer av Regnskap (kr)'] : i === 3 ? ['Lønn', 1000, 1100] : i === 4 ? ['Drift', 500, 450] : i === 5 ? ['Totalsum', 1500, 1550] : r));
    const read = buildFollowUp(recognise([grid('Pivot', captioned)]), { language: 'en' });
    expect(read.lines.map((l) => str(l.actual))).toEqual(['1.1', '0.45']); // the caption's kr, converted
    const c = parseConfig('{"sources": [{"range": "Pivot!A3:C6", "columns": {"C": {"unit": "tkr"}}}]}', 'cfg.json');
    const m = buildFollowUp(recognise([grid('Pivot', captioned)], { sources: [...(c.sources ?? [])] }), { language: 'en' });
    expect(m.lines.map((l) => str(l.actual))).toEqual(['1100', '450']);
    expect(str(m.total.actual)).toBe('1550');
  });

  it('a unit chosen for the pivot, with one for a column in another', () => {
    const m = pivotRun('{"sources": [{"range": "Pivot!A3:C6", "unit": "mkr", "columns": {"Summer av Regnskap": {"unit": "kr"}}}]}');
    expect(m.unit).toBe('mkr');
    expect(m.lines.map((l) => [str(l.budget), str(l.actual)])).toEqual([
      ['1000', '1.10025'],
      ['500', '0.45'],
    ]);
  });
});
