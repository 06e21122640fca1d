import { readTable } from '../../../src/core/read/table';
import { gridRange, type Grid } from '../../../src/core/grid';
import type { Language, Source, SourceLine } from '../../../src/core/sources';
import { grid } from '../fixtures/workbooks';

function read(g: Grid, language: Language | null, extra: Partial<Parameters<typeof readTable>[2]> = {}): Source {
  const s = readTable(g, gridRange(g), { language, ...extra });
  if (!s) throw new Error('no table');
  return s;
}

function figures(l: SourceLine): (string | null)[] {
  return l.values.map((v) => (v ? v.value.toFixed() : null));
}

function line(s: Source, key: string): SourceLine {
  const l = s.lines.find((x) => x.key === key);
  if (!l) throw new Error(`no line ${key} in ${s.lines.map((x) => x.key).join(', ')}`);
  return l;
}

const measures = (s: Source) => s.series.map((x) => x.measure);

describe('the decimals each figure was shown with', () => {
  it("are each cell's own, when the cells of a column have different formats", () => {
    const g = grid('Ark1', [
      ['Enhet', 'Regnskap', 'Budsjett'],
      ['A', 100, 200],
      ['B', 100.5, 200],
      ['C', 100, 200],
      ['D', 100, 200],
    ]);
    const formats = [
      ['General', 'General', 'General'],
      ['General', '#,##0', '#,##0'],
      ['General', '#,##0.0', '#,##0'],
      ['General', '#,##0', '#,##0'],
      ['General', '#,##0', 'General'],
    ];
    const s = read({ ...g, formats }, 'nb');
    expect(s.lines.map((l) => l.values.map((a) => a?.decimals))).toEqual([
      [0, 0],
      [1, 0],
      [0, 0],
      [0, null],
    ]);
    expect(s.lines.map((l) => l.values.at(1)?.cell)).toEqual(["'Ark1'!C2", "'Ark1'!C3", "'Ark1'!C4", "'Ark1'!C5"]);
  });
});

describe('a Norwegian follow-up table with typed-in variances and pasted numbers', () => {
  const g = grid('Oppfølging', [
    ['Budsjettoppfølging februar 2022 (tkr)'],
    [],
    ['Enhet', 'Regnskap hittil', 'Budsjett hittil', 'Avvik i kr', 'Avvik i %', 'Årsbudsjett', 'Prognose', 'Avvik prognose', 'Kommentar'],
    ['P01 Administrasjon', '1 200', '1 300', '100', '7,7 %', '7\u00a0800', '7 700', '100', 'Vakanser'],
    ['P02 Hjemmetjeneste', '- 12.749', '\u221212 000', '-749', '-6,2%', '72 000', '74 000', '-2 000', null],
    ['P03 Sykehjem', 5000, 5100.4, 100, 0.0196, 30000, 30000, 0, 'Som planlagt'],
    ['Sum', '-6 549', '-5 599,6', '-549', '-9,8 %', '109 800', '111 700', '-1 900'],
  ]);
  const s = read(g, 'nb', { titles: [] });

  it('names every column by what it holds, keeping the typed variances for the checks', () => {
    expect(s.kind).toBe('table');
    expect(s.role).toBe('table');
    expect(measures(s)).toEqual(['actual', 'budget', 'variance', 'variance-pct', 'annual-budget', 'forecast', 'forecast-variance']);
    expect(s.series.every((x) => x.period === null && !x.isTotal)).toBe(true);
    expect(s.series.map((x) => x.header)).toContain('Avvik i %');
  });

  it('reads pasted numbers exactly, percentages as fractions with the decimals shown', () => {
    expect(figures(line(s, 'P01'))).toEqual(['1200', '1300', '100', '0.077', '7800', '7700', '100']);
    expect(figures(line(s, 'P02'))).toEqual(['-12749', '-12000', '-749', '-0.062', '72000', '74000', '-2000']);
    expect(line(s, 'P01').values.at(3)).toMatchObject({ decimals: 3, cell: "'Oppfølging'!E4" });
    expect(figures(line(s, 'P03'))[3]).toBe('0.0196');
  });

  it('takes the unit from the title and the year from it, and the Sum row for the total', () => {
    expect(s.unit).toBe('tkr');
    expect(s.series[0].year).toBe(2022);
    expect(s.lines.map((l) => l.name)).toEqual(['Administrasjon', 'Hjemmetjeneste', 'Sykehjem']);
    expect(s.totals).toHaveLength(1);
    expect(s.totals[0].label).toBe('Sum');
    expect(figures(s.totals[0])[1]).toBe('-5599.6');
    expect(s.range).toBe("'Oppfølging'!A3:H7");
    expect(s.findings).toEqual([]);
  });
});

describe('Swedish, Danish and English tables', () => {
  it('Swedish: Budget ack., Utfall ack., Avvikelse, Avvikelse %, Helårsbudget, Helårsprognos, Utfall fg år', () => {
    const g = grid('Uppföljning', [
      ['Budgetuppföljning mars 2024 — belopp i tkr'],
      ['Verksamhet', 'Budget ack.', 'Utfall ack.', 'Avvikelse', 'Avvikelse %', 'Helårsbudget', 'Helårsprognos', 'Utfall fg år'],
      ['512 Verksamhetsstöd', 1000, 1100, -100, -0.1, 4000, 4300, 950],
      ['513 Hemtjänst', 2000, 1900, 100, 0.05, 8000, 7900, 1800],
      ['Totalt', 3000, 3000, 0, -0.0167, 12000, 12200, 2750],
    ], ['General', 'General', 'General', 'General', '0.0%']);
    const s = read(g, 'sv');
    expect(measures(s)).toEqual(['budget', 'actual', 'variance', 'variance-pct', 'annual-budget', 'forecast', 'prior-actual']);
    expect(s.unit).toBe('tkr');
    expect(s.lines.map((l) => l.key)).toEqual(['512', '513']);
    expect(figures(line(s, '512'))[3]).toBe('-0.1');
    expect(line(s, '512').values.at(3)?.decimals).toBe(3);
    expect(s.totals.map((t) => t.label)).toEqual(['Totalt']);
  });

  it('Danish: a lone "%" after the variance, numbers typed as percent points and with period groups', () => {
    const g = grid('Opfølgning', [
      ['Område', 'Budget', 'Forbrug', 'Afvigelse', '%'],
      ['Ældrepleje', '1.000', '900', '100', '10,0'],
      ['Sundhed', '2.500', '2.600', '-100', '-4,0'],
      ['I alt', '3.500', '3.500', '0', '0,0'],
    ]);
    const s = read(g, 'da');
    expect(measures(s)).toEqual(['budget', 'actual', 'variance', 'variance-pct']);
    expect(figures(line(s, 'ældrepleje'))).toEqual(['1000', '900', '100', '0.1']);
    expect(line(s, 'sundhed').values.at(3)).toMatchObject({ decimals: 3 });
    expect(s.findings).toEqual([]);
  });

  it('numeric cells typed as percent points become fractions; a cell formatted as percent stays as it is', () => {
    const g = grid(
      'Opfølgning',
      [
        ['Område', 'Budget', 'Forbrug', 'Afvigelse', '%'],
        ['Ældrepleje', 1000, 900, 100, 10],
        ['Sundhed', 2500, 2600, -100, -4],
        ['Psykiatri', 400, 390, 10, 0.025],
      ],
      ['General', '#,##0', '#,##0', '#,##0', '0.0'],
    );
    const pct = { ...g, formats: g.formats.map((r, i) => (i === 3 ? r.map((f, j) => (j === 4 ? '0.0%' : f)) : r)) };
    const s = read(pct, 'da');
    expect(figures(line(s, 'ældrepleje'))).toEqual(['1000', '900', '100', '0.1']);
    expect(line(s, 'sundhed').values.at(3)).toMatchObject({ decimals: 3, cell: "'Opfølgning'!E3" });
    expect(line(s, 'sundhed').values.at(3)?.value.toFixed()).toBe('-0.04');
    expect(line(s, 'psykiatri').values.at(3)?.value.toFixed()).toBe('0.025');
  });

  it('English: revised budget, actuals, variance in parentheses, forecast, last year', () => {
    const g = grid('Report', [
      ['Unit', 'Revised budget', 'Actuals', 'Variance', 'Variance %', 'Forecast', 'Last year'],
      ['Health', '1,234', '1,000', '234', '19.0%', '1,300', '990'],
      ['Care', '2,000.50', '2,100.25', '(99.75)', '-5.0%', '2,050', '1,800'],
    ]);
    const s = read(g, 'en');
    expect(measures(s)).toEqual(['budget', 'actual', 'variance', 'variance-pct', 'forecast', 'prior-actual']);
    expect(figures(line(s, 'care'))).toEqual(['2000.5', '2100.25', '-99.75', '-0.05', '2050', '1800']);
    expect(figures(line(s, 'health'))[0]).toBe('1234');
  });

  it('settles "1,234" by the other numbers of the table when the language is unknown', () => {
    const g = grid('Report', [
      ['Unit', 'Budget', 'Actual'],
      ['Health', '1,234', '1,000.50'],
      ['Care', '2,000', '2,100'],
    ]);
    const s = read(g, null);
    expect(figures(line(s, 'health'))).toEqual(['1234', '1000.5']);
    expect(s.findings).toEqual([]);
  });

  it('names each cell it could not read two ways for sure', () => {
    const g = grid('Rapport', [
      ['Enhet', 'Budsjett', 'Regnskap'],
      ['A', '1.234', '1.500'],
      ['B', 'ca. 2 mill', '#REF!'],
    ]);
    const s = read(g, null);
    expect(figures(line(s, 'a'))).toEqual(['1234', '1500']);
    expect(s.findings).toEqual([
      { code: 'ambiguous-number', cell: 'Rapport!B2', line: 'a', params: { text: '1.234', readings: '1.234 | 1234', chosen: '1234' } },
      { code: 'ambiguous-number', cell: 'Rapport!C2', line: 'a', params: { text: '1.500', readings: '1.5 | 1500', chosen: '1500' } },
      { code: 'unreadable-number', cell: 'Rapport!B3', line: 'b', params: { text: 'ca. 2 mill' } },
      { code: 'unreadable-number', cell: 'Rapport!C3', line: 'b', params: { text: '#REF!' } },
    ]);
  });
});

describe('years and budgets told apart within a table', () => {
  it('Regnskap 2022 and Regnskap 2021 are actuals and last year\'s actuals', () => {
    const g = grid('Regnskap', [
      ['Ansvar', 'Navn', 'Regnskap 2022', 'Regnskap 2021'],
      [1100, 'Lønn', 100, 90],
      [1200, 'Drift', 50, 60],
    ]);
    const s = read(g, 'nb');
    expect(s.series.map((x) => [x.measure, x.year])).toEqual([
      ['actual', 2022],
      ['prior-actual', 2021],
    ]);
    // A code column and a name column make one label.
    expect(s.lines.map((l) => [l.key, l.name, l.label])).toEqual([
      ['1100', 'Lønn', '1100 Lønn'],
      ['1200', 'Drift', '1200 Drift'],
    ]);
    expect(s.description).toBe("table, actuals 2022; last year's actuals 2021, 2 lines");
  });

  it('a budget for the period so far next to another budget column: the other is the annual budget', () => {
    const g = grid('Ark1', [
      ['Enhet', 'Budsjett hittil', 'Budsjett 2022', 'Regnskap hittil'],
      ['A', 10, 60, 12],
    ]);
    expect(measures(read(g, 'nb'))).toEqual(['budget', 'annual-budget', 'actual']);
  });

  it('reads group headers above the column headers', () => {
    const g = grid('Ark1', [
      [null, 'Hittil i år', null, null, 'Helår'],
      ['Enhet', 'Budsjett', 'Regnskap', 'Avvik', 'Budsjett', 'Prognose'],
      ['A', 10, 12, -2, 60, 62],
      ['B', 20, 18, 2, 120, 118],
    ]);
    const s = read(g, 'nb');
    expect(measures(s)).toEqual(['budget', 'actual', 'variance', 'annual-budget', 'forecast']);
    expect(s.series[0].header).toBe('Budsjett Hittil i år');
  });
});

describe('tables by month', () => {
  it('a budget table with month names takes its role and year from the title, and Sum as the total column', () => {
    const g = grid('Ark1', [
      ['Periodisert budsjett 2024'],
      ['Enhet', 'jan', 'feb', 'mar', 'Sum'],
      ['P01 Adm', 10, 10, 10, 30],
      ['P02 Helse', 20, 20, 25, 65],
      ['Totalt', 30, 30, 35, 95],
    ]);
    const s = read(g, 'nb');
    expect(s.role).toBe('budget');
    expect(s.series.map((x) => [x.measure, x.period, x.isTotal])).toEqual([
      ['budget', '2024-01', false],
      ['budget', '2024-02', false],
      ['budget', '2024-03', false],
      ['budget', null, true],
    ]);
    expect(s.description).toBe('table, budget by month 2024-01..2024-03, 2 lines, grand total row and column');
  });

  it('is no table without words that say what the figures are', () => {
    const g = grid('Ark1', [
      ['Enhet', 'jan', 'feb'],
      ['A', 1, 2],
    ]);
    expect(readTable(g, gridRange(g), { language: 'nb' })).toBeNull();
    // With a role from the user but no year anywhere, the month columns are read as plain columns.
    expect(readTable(g, gridRange(g), { language: 'nb', role: 'actual' })?.series.map((x) => [x.measure, x.period])).toEqual([
      ['actual', null],
      ['actual', null],
    ]);
    expect(readTable(g, gridRange(g), { language: 'nb', role: 'actual', contextYear: 2023 })?.series.map((x) => x.period)).toEqual(['2023-01', '2023-02']);
  });
});

describe('rows', () => {
  it('stops at the first fully empty row and takes sections with their sum rows', () => {
    const g = grid('Ark1', [
      ['Enhet', 'Budsjett', 'Regnskap'],
      ['Drift', null, null],
      ['A', 10, 11],
      ['B', 20, 19],
      ['Sum drift', 30, 30],
      ['Investering', null, null],
      ['C', 5, 6],
      ['Sum investering', 5, 6],
      ['Totalt', 35, 36],
      [null, null, null],
      ['Note', 1, 2],
    ]);
    const s = read(g, 'nb');
    expect(s.lines.map((l) => l.label)).toEqual(['A', 'B', 'C']);
    expect(s.totals.map((t) => [t.label, t.sums])).toEqual([
      ['Sum drift', [2, 3]],
      ['Sum investering', [6]],
      ['Totalt', undefined],
    ]);
    expect(s.range).toBe("'Ark1'!A1:C9");
  });

  it('counts hidden rows', () => {
    const g: Grid = { ...grid('Ark1', [['Enhet', 'Budsjett'], ['A', 1], ['B', 2]]), hiddenRows: new Set([2]) };
    const s = read(g, 'nb');
    expect(s.lines).toHaveLength(2);
    expect(s.findings).toEqual([{ code: 'hidden-rows', cell: "'Ark1'!A1", line: null, params: { count: '1', range: "'Ark1'!A1:B3" } }]);
  });
});

describe('totals by sums in a table with one figure column', () => {
  it('keeps a line that happens to equal the two above it, but takes the sum of three for a total', () => {
    const two = grid('Ark1', [
      ['Art', 'Budsjett'],
      ['Lønn', 100],
      ['Drift', 50],
      ['Innkjøp', 150],
    ]);
    expect(read(two, 'nb').lines.map((l) => l.label)).toEqual(['Lønn', 'Drift', 'Innkjøp']);
    const three = grid('Ark1', [
      ['Art', 'Budsjett'],
      ['Lønn', 100],
      ['Drift', 50],
      ['Innkjøp', 150],
      ['Alt', 300],
    ]);
    const s = read(three, 'nb');
    expect(s.lines.map((l) => l.label)).toEqual(['Lønn', 'Drift', 'Innkjøp']);
    expect(s.totals.map((t) => t.label)).toEqual(['Alt']);
  });

  it('takes a row whose cells sum the column above (=SUM(B2:B3)) for a total', () => {
    const g = {
      ...grid('Ark1', [
        ['Art', 'Budsjett'],
        ['Lønn', 100],
        ['Drift', 50],
        ['Felles', 151],
      ]),
      formulas: [[null, null], [null, null], [null, null], [null, 'SUM(B2:B3)']],
    };
    const s = read(g, 'nb');
    expect(s.lines.map((l) => l.label)).toEqual(['Lønn', 'Drift']);
    expect(s.totals.map((t) => [t.label, t.sums])).toEqual([['Felles', undefined]]);
  });
});

describe('units', () => {
  it('converts a column in kr in a tkr table exactly, its rounding with it, and never adds figures in two units', () => {
    const g = grid('Ark1', [
      ['Enhet', 'Budsjett (tkr)', 'Regnskap (kr)'],
      ['A', 10, 10500],
      ['B', 20, 19999],
      ['Sum', 30, 30499],
    ], ['General', '# ##0', '# ##0']);
    const s = read(g, 'nb');
    expect(s.unit).toBe('tkr');
    expect(figures(line(s, 'a'))).toEqual(['10', '10.5']);
    expect(figures(line(s, 'b'))).toEqual(['20', '19.999']);
    expect(line(s, 'b').values.at(1)?.decimals).toBe(3);
    expect(s.series.map((x) => x.unit)).toEqual(['tkr', 'kr']);
    expect(s.totals.map((t) => figures(t))).toEqual([['30', '30.499']]);
    expect(s.findings).toEqual([]);
  });

  it('a table whose every amount column is in kr is in kr, whatever the title says', () => {
    const g = grid('Ark1', [
      ['Oppfølging (tkr)'],
      ['Enhet', 'Budsjett (kr)', 'Regnskap (kr)'],
      ['A', 10000, 10500],
    ]);
    const s = read(g, 'nb');
    expect(s.unit).toBe('kr');
    expect(figures(line(s, 'a'))).toEqual(['10000', '10500']);
  });

  it('takes the unit written next to pasted numbers when nothing else names one', () => {
    const g = grid('Ark1', [
      ['Enhet', 'Budsjett', 'Regnskap'],
      ['A', '10,0 mill.', '10,5 mill.'],
    ]);
    const s = read(g, 'nb');
    expect(s.unit).toBe('mkr');
    expect(s.lines[0].values.map((v) => v?.value.toFixed())).toEqual(['10', '10.5']);
  });
});

describe('label columns', () => {
  it('does not take a column of text for figures, whatever its header says', () => {
    const g = grid('Ark1', [
      ['Ansvar', 'Regnskapsgruppe', 'Budsjett', 'Regnskap', 'Kommentar om avvik'],
      [1100, 'Lønn', 100, 90, 'Vakanser'],
      [1200, 'Drift', 50, 60, 'Ekstra innkjøp'],
    ]);
    const s = read(g, 'nb');
    expect(measures(s)).toEqual(['budget', 'actual']);
    expect(s.lines.map((l) => [l.key, l.name])).toEqual([
      ['1100', 'Lønn'],
      ['1200', 'Drift'],
    ]);
  });
});

describe('a label the workbook lost', () => {
  it('is a warning naming its cell, and its row stays a line, never a subtotal', () => {
    const g = grid('Ark1', [
      ['Enhet', 'Budsjett', 'Regnskap'],
      ['Hjemmetjeneste', 100, 90],
      [{ error: '#UNREADABLE: shared string 7 of 5' }, 200, 210],
      ['Sykehjem', 50, 40],
      ['Sum', 350, 340],
    ]);
    const s = read(g, 'nb');
    expect(s.lines.map((l) => l.label)).toEqual(['Hjemmetjeneste', '(A3)', 'Sykehjem']);
    expect(s.totals.map((t) => [t.label, t.sums])).toEqual([['Sum', undefined]]);
    expect(s.findings.map((f) => [f.code, f.cell, f.params.reason])).toEqual([['unreadable-cell', "'Ark1'!A3", 'shared string 7 of 5']]);
  });
});
