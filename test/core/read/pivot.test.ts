import { readPivot, looksLikePivot } from '../../../src/core/read/pivot';
import type { CellRange } from '../../../src/core/grid';
import type { Source, SourceLine } from '../../../src/core/sources';
import { drammenRegnskap, grid, loData, loPivot } from '../fixtures/workbooks';

const range = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

/** Values of a line as exact decimal strings (null for an empty cell). */
function figures(l: SourceLine): (string | null)[] {
  return l.values.map((v) => (v ? v.value.toFixed() : null));
}

function line(s: Source, key: string): SourceLine {
  const l = s.lines.find((x) => x.key === key);
  if (!l) throw new Error(`no line ${key} in ${s.lines.map((x) => x.key).join(', ')}`);
  return l;
}

function grand(s: Source): SourceLine {
  const t = s.totals[s.totals.length - 1];
  expect(t.sums).toBeUndefined();
  return t;
}

function read(...args: Parameters<typeof readPivot>): Source {
  const s = readPivot(...args);
  if (!s) throw new Error('no pivot');
  return s;
}

describe('the Drammen pivots (two side by side on sheet Regnskap)', () => {
  const g = drammenRegnskap();
  const p2021 = read(g, range(2, 0, 8, 3), { language: 'nb' });
  const p2022 = read(g, range(2, 5, 8, 8), { language: 'nb' });

  it('finds each pivot with its range, months and grand total column', () => {
    expect(p2021.range).toBe('Regnskap!A3:D9');
    expect(p2022.range).toBe('Regnskap!F3:I9');
    expect(p2021.kind).toBe('pivot');
    expect(p2021.series.map((s) => [s.period, s.isTotal, s.column])).toEqual([
      ['2021-01', false, 1],
      ['2021-02', false, 2],
      [null, true, 3],
    ]);
    expect(p2022.series.map((s) => s.period)).toEqual(['2022-01', '2022-02', null]);
    expect(p2022.series.map((s) => s.year)).toEqual([2022, 2022, 2022]);
    expect(p2022.series[2].header).toBe('Totalsum');
  });

  it('reads the four lines with code and name, and never the total as a line', () => {
    expect(p2021.lines.map((l) => [l.key, l.name, l.label, l.row])).toEqual([
      ['1', 'LØNN', '1 LØNN', 4],
      ['2', 'ANDRE D', '2 ANDRE D', 5],
      ['3', 'SYKELØ', '3 SYKELØ', 6],
      ['4', 'ANDRE', '4 ANDRE', 7],
    ]);
    expect(p2022.lines.map((l) => l.key)).toEqual(['1', '2', '3', '4']);
    expect(p2021.totals).toHaveLength(1);
    expect(grand(p2021).label).toBe('Totalsum');
  });

  it('reads salaries 147 910 283.6 → 150 756 008 and all lines 152 183 795.2 → 152 663 978.2, float noise undone', () => {
    expect(figures(line(p2021, '1'))).toEqual(['67579886', '80330397.6', '147910283.6']);
    expect(figures(line(p2022, '1'))).toEqual(['67607679', '83148329', '150756008']);
    expect(figures(grand(p2021))).toEqual(['68362746', '83821049.2', '152183795.2']);
    expect(figures(grand(p2022))).toEqual(['68690168.4', '83973809.8', '152663978.2']);
    // 3 935 152 and 9 272 276 are shown; their total shows 13 207 429: the exact values are kept.
    expect(figures(line(p2022, '2'))).toEqual(['3935152.4', '9272276.4', '13207428.8']);
  });

  it('knows how each figure was shown and where it is', () => {
    const d5 = line(p2021, '1').values.at(2);
    expect(d5).toMatchObject({ decimals: 0, cell: 'Regnskap!D5' });
    expect(grand(p2022).values.at(2)?.cell).toBe('Regnskap!I9');
  });

  it('takes the role from the sheet name when the caption (Summer av Beløp) says nothing', () => {
    expect(p2021.role).toBe('actual');
    expect(p2021.series.every((s) => s.measure === 'actual')).toBe(true);
    expect(p2021.findings).toEqual([]);
    expect(p2021.description).toBe('pivot, actuals by month 2021-01..2021-02, 4 lines, grand total row and column');
  });

  it('reads the whole sheet block as the first pivot only, leaving the second', () => {
    const s = read(g, range(0, 0, 8, 8), { language: 'nb' });
    expect(s.range).toBe('Regnskap!A3:D9');
  });
});

describe('LibreOffice pivot output', () => {
  const s = read(loPivot(), range(2, 0, 7, 4), { language: null });

  it('reads "Sum - Beløp", numeric periods and "Total Result"', () => {
    expect(s.range).toBe('Pivot!A3:E8');
    expect(s.series.map((x) => [x.period, x.isTotal])).toEqual([
      ['2024-01', false],
      ['2024-02', false],
      ['2024-03', false],
      [null, true],
    ]);
    expect(s.lines.map((l) => [l.key, l.name])).toEqual([
      ['1', 'LØNN'],
      ['2', 'ANDRE D'],
      ['3', 'INNTEKT'],
    ]);
    expect(figures(grand(s))).toEqual(['25757', '41595', '57433', '124785']);
    expect(line(s, '3').values.at(0)).toMatchObject({ decimals: 0, cell: 'Pivot!B7' });
  });

  it('reads it as actuals but says it could not tell, naming the pivot', () => {
    expect(s.role).toBe('actual');
    expect(s.findings).toEqual([
      {
        code: 'ambiguous-role',
        cell: 'Pivot!A3',
        line: null,
        params: { range: 'Pivot!A3:E8', roles: 'budget, actual, prior-actual, forecast', chosen: 'actual' },
      },
    ]);
  });

  it('does not take the raw ledger for a pivot', () => {
    const d = loData();
    expect(looksLikePivot(d, range(0, 0, 18, 6), null)).toBe(false);
  });
});

describe('Swedish, Danish and English pivots', () => {
  it('Swedish compact pivot with month names, the year from the title above', () => {
    const g = grid('Blad1', [
      ['Utfall 2024'],
      ['Summa av Belopp', 'Kolumnetiketter'],
      ['Radetiketter', 'jan', 'feb', 'mar', 'Totalsumma'],
      ['512 Verksamhetsstöd', 1250000, 1300000.5, 1275000, 3825000.5],
      ['513 Hemtjänst', 800000, 810000, 790000, 2400000],
      ['Totalsumma', 2050000, 2110000.5, 2065000, 6225000.5],
    ]);
    const s = read(g, range(0, 0, 5, 4), { language: 'sv' });
    expect(s.role).toBe('actual');
    expect(s.series.map((x) => x.period)).toEqual(['2024-01', '2024-02', '2024-03', null]);
    expect(s.lines.map((l) => [l.key, l.name])).toEqual([
      ['512', 'Verksamhetsstöd'],
      ['513', 'Hemtjänst'],
    ]);
    expect(grand(s).label).toBe('Totalsumma');
    expect(s.range).toBe('Blad1!A2:E6');
  });

  it('Danish compact pivot with two row fields and subtotals at the top of each group', () => {
    const g = grid('Regnskab', [
      ['Sum af Beløb', 'Kolonnenavne'],
      ['Rækkenavne', '2023-01', '2023-02', 'Hovedtotal'],
      ['Ældreplejen', 300, 330, 630],
      ['Løn', 200, 210, 410],
      ['Drift', 100, 120, 220],
      ['Sundhed', 50, 60, 110],
      ['Løn', 50, 60, 110],
      ['Hovedtotal', 350, 390, 740],
    ]);
    const s = read(g, range(0, 0, 7, 3), { language: 'da' });
    expect(s.role).toBe('actual');
    // The outer items are subtotals, not lines; the inner items repeat, so their keys name the group.
    expect(s.lines.map((l) => [l.key, l.name])).toEqual([
      ['ældreplejen/løn', 'Løn (Ældreplejen)'],
      ['ældreplejen/drift', 'Drift (Ældreplejen)'],
      ['sundhed/løn', 'Løn (Sundhed)'],
    ]);
    expect(s.totals.map((t) => [t.label, t.sums])).toEqual([
      ['Ældreplejen', [3, 4]],
      ['Sundhed', [6]],
      ['Hovedtotal', undefined],
    ]);
    expect(s.description).toBe('pivot, actuals by month 2023-01..2023-02, 3 lines, 2 subtotals, grand total row and column');
  });

  it('English pivot with value fields as columns (Sum of Budget, Sum of Actual)', () => {
    const g = grid('Summary', [
      ['Row Labels', 'Sum of Budget', 'Sum of Actual'],
      ['Health', 1000, 900],
      ['Care', 500.5, 600.25],
      ['Grand Total', 1500.5, 1500.25],
    ]);
    const s = read(g, range(0, 0, 3, 2), { language: 'en' });
    expect(s.role).toBe('table');
    expect(s.series.map((x) => [x.measure, x.period, x.isTotal, x.header])).toEqual([
      ['budget', null, false, 'Sum of Budget'],
      ['actual', null, false, 'Sum of Actual'],
    ]);
    expect(figures(line(s, 'care'))).toEqual(['500.5', '600.25']);
    expect(grand(s).label).toBe('Grand Total');
  });

  it('English pivot whose caption names the role (Sum of Actual) by month', () => {
    const g = grid('Sheet1', [
      ['Sum of Actual', 'Column Labels'],
      ['Row Labels', 'Jan-24', 'Feb-24', 'Grand Total'],
      ['P04 Health', 10, 20, 30],
      ['P05 Care', 5, 5, 10],
      ['Grand Total', 15, 25, 40],
    ]);
    const s = read(g, range(0, 0, 4, 3), { language: 'en' });
    expect(s.role).toBe('actual');
    expect(s.findings).toEqual([]);
    expect(s.series.map((x) => x.period)).toEqual(['2024-01', '2024-02', null]);
  });
});

describe('periods × value fields in two header rows', () => {
  const g = grid('Pivot', [
    [null, 'Kolonneetiketter'],
    [null, '202201', null, '202202', null, 'Totalt Summer av Budsjett', 'Totalt Summer av Regnskap'],
    ['Radetiketter', 'Summer av Budsjett', 'Summer av Regnskap', 'Summer av Budsjett', 'Summer av Regnskap'],
    ['P01 Adm', 100, 90, 100, 95, 200, 185],
    ['P02 Helse', 50, 60, 50, 40, 100, 100],
    ['Totalsum', 150, 150, 150, 135, 300, 285],
  ]);
  const s = read(g, range(0, 0, 5, 6), { language: 'nb' });

  it('gives each column its month and measure, and the total columns per measure', () => {
    expect(s.role).toBe('table');
    expect(s.series.map((x) => [x.measure, x.period, x.isTotal])).toEqual([
      ['budget', '2022-01', false],
      ['actual', '2022-01', false],
      ['budget', '2022-02', false],
      ['actual', '2022-02', false],
      ['budget', null, true],
      ['actual', null, true],
    ]);
    expect(s.series[1].header).toBe('202201 Summer av Regnskap');
    expect(figures(line(s, 'P02'))).toEqual(['50', '60', '50', '40', '100', '100']);
  });
});

describe('tabular layout (Ansvar | Art) with subtotals per outer item', () => {
  const g = grid('Regnskap 2024', [
    ['Summer av Beløp', null, 'Periode'],
    ['Ansvar', 'Art', 202401, 202402, 'Totalsum'],
    [1100, '1 LØNN', 10, 20, 30],
    [null, '2 ANDRE D', 5, 5, 10],
    ['1100 Totalt', null, 15, 25, 40],
    [1200, '1 LØNN', 1, 2, 3],
    ['1200 Totalt', null, 1, 2, 3],
    ['Totalsum', null, 16, 27, 43],
  ]);
  const s = read(g, range(0, 0, 7, 4), { language: 'nb' });

  it('takes key and name from the inner label, qualified by the outer item where they repeat', () => {
    expect(s.lines.map((l) => [l.key, l.label, l.row])).toEqual([
      ['1100/1', '1 LØNN', 2],
      ['1100/2', '2 ANDRE D', 3],
      ['1200/1', '1 LØNN', 5],
    ]);
  });

  it('puts subtotal rows in totals with the rows they sum, and the grand total last', () => {
    expect(s.totals.map((t) => [t.label, t.sums])).toEqual([
      ['1100 Totalt', [2, 3]],
      ['1200 Totalt', [5]],
      ['Totalsum', undefined],
    ]);
    expect(s.series.map((x) => x.header)).toEqual(['202401', '202402', 'Totalsum']);
    expect(s.role).toBe('actual');
  });
});

describe('compact layout with two row fields and no subtotals', () => {
  it('takes the outer items (rows without figures) as groups, even right under the header', () => {
    const g = grid('Regnskap', [
      ['Summer av Beløp', 'Kolonneetiketter'],
      ['Radetiketter', '202201', 'Totalsum'],
      [1100, null, null],
      ['1 LØNN', 10, 10],
      ['2 ANDRE D', 4, 4],
      [1200, null, null],
      ['1 LØNN', 5, 5],
      ['Totalsum', 19, 19],
    ]);
    const s = read(g, range(0, 0, 7, 2), { language: 'nb' });
    expect(s.lines.map((l) => [l.key, l.row])).toEqual([
      ['1100/1', 3],
      ['1100/2', 4],
      ['1200/1', 6],
    ]);
    expect(s.totals.map((t) => t.label)).toEqual(['Totalsum']);
  });
});

describe('totals recognised by their sums', () => {
  it('takes a row equal to the lines above it (within rounding) and an unlabelled last row for totals', () => {
    const g = grid(
      'Budsjett',
      [
        ['Summer av Beløp', 'Kolonneetiketter'],
        ['Radetiketter', '202301', '202302'],
        ['A', 1000.4, 2000.4],
        ['B', 2000.4, 3000.4],
        ['A + B', 3001, 5001],
        ['C', 10, 20],
        [null, 3011, 5021],
      ],
      ['General', '#,##0', '#,##0'],
    );
    const s = read(g, range(0, 0, 6, 2), { language: 'nb' });
    expect(s.role).toBe('budget');
    expect(s.lines.map((l) => l.label)).toEqual(['A', 'B', 'C']);
    expect(s.totals.map((t) => [t.label, t.sums])).toEqual([
      ['A + B', [2, 3]],
      ['', undefined],
    ]);
  });

  it('keeps a line that merely looks like a total beyond rounding', () => {
    const g = grid('Regnskap', [
      ['Summer av Beløp', 'Kolonneetiketter'],
      ['Radetiketter', '202301', '202302'],
      ['A', 1000, 2000],
      ['B', 2000, 3000],
      ['C', 3002, 5000],
      ['Totalsum', 6002, 10000],
    ]);
    const s = read(g, range(0, 0, 5, 2), { language: 'nb' });
    expect(s.lines.map((l) => l.label)).toEqual(['A', 'B', 'C']);
  });
});

describe('cells that are not numbers', () => {
  it('names the cell and the line of an error value, and leaves it out', () => {
    const g = grid('Regnskap', [
      ['Summer av Beløp', 'Kolonneetiketter'],
      ['Radetiketter', '202201', '202202', 'Totalsum'],
      ['1 LØNN', 4, { error: '#REF!' }, 4],
      ['Totalsum', 4, 0, 4],
    ]);
    const s = read(g, range(0, 0, 3, 3), { language: 'nb' });
    expect(figures(line(s, '1'))).toEqual(['4', null, '4']);
    expect(s.findings).toContainEqual({ code: 'cell-error', cell: 'Regnskap!C3', line: '1', params: { error: '#REF!' } });
  });
});

describe('role from the words around the pivot', () => {
  const pivot = (sheet: string, title: string | null, caption = 'Summer av Beløp') =>
    grid(sheet, [
      [title],
      [caption, 'Kolonneetiketter'],
      ['Radetiketter', '202201', 'Totalsum'],
      ['1 LØNN', 5, 5],
      ['Totalsum', 5, 5],
    ]);
  it.each([
    ['Ark1', 'Budsjett 2022', 'Summer av Beløp', 'budget'],
    ['Ark1', 'Regnskap 2022', 'Summer av Beløp', 'actual'],
    ['Budget', null, 'Summer av Beløp', 'budget'],
    ['Ark1', 'Prognose', 'Summer av Beløp', 'forecast'],
    ['Regnskap', 'Budsjett', 'Summer av Beløp', 'budget'],
    ['Regnskap', null, 'Summer av Budsjett', 'budget'],
    ['Ark1', null, 'Sum of Actual', 'actual'],
  ])('sheet %s, title %s, caption %s → %s', (sheet, title, caption, role) => {
    const s = read(pivot(sheet, title, caption), range(0, 0, 4, 2), { language: 'nb' });
    expect(s.role).toBe(role);
    expect(s.findings).toEqual([]);
  });

  it('says so when a title names two roles', () => {
    const s = read(pivot('Ark1', 'Budsjett og regnskap'), range(0, 0, 4, 2), { language: 'nb' });
    expect(s.role).toBe('actual');
    expect(s.findings[0]).toMatchObject({ code: 'ambiguous-role', params: { roles: 'budget, actual', chosen: 'actual' } });
  });

  it('follows the role the user gave', () => {
    const s = read(pivot('Regnskap', null), range(0, 0, 4, 2), { language: 'nb', role: 'forecast' });
    expect(s.role).toBe('forecast');
    expect(s.series.every((x) => x.measure === 'forecast')).toBe(true);
  });
});

describe('size', () => {
  it('reads a pivot of 3 000 lines by 13 columns quickly', () => {
    const rows: (string | number | null)[][] = [
      ['Summer av Beløp', 'Kolonneetiketter'],
      ['Radetiketter', ...Array.from({ length: 12 }, (_, m) => `2023${String(m + 1).padStart(2, '0')}`), 'Totalsum'],
    ];
    const totals = new Array<number>(13).fill(0);
    for (let i = 0; i < 3000; i++) {
      const months = Array.from({ length: 12 }, (_, m) => ((i * 7919 + m * 104729) % 100000) / 10);
      const r = [...months, months.reduce((a, b) => a + b, 0)];
      r.forEach((v, j) => (totals[j] += v));
      rows.push([`${1000 + i} Linje ${i}`, ...r]);
    }
    rows.push(['Totalsum', ...totals]);
    const g = grid('Regnskap', rows);
    const started = Date.now();
    const s = read(g, range(0, 0, rows.length - 1, 13), { language: 'nb' });
    expect(s.lines).toHaveLength(3000);
    expect(s.totals).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('figures that are not whole ten-thousandths', () => {
  it('are read exactly, each in its own cell, among whole ones', () => {
    const g = grid(
      'Regnskap',
      [
        ['Summer av Beløp', 'Kolonneetiketter'],
        ['Radetiketter', '202301', '202302', 'Totalsum'],
        ['1 LØNN', 1234.56789, 100, 1334.56789],
        ['2 DRIFT', 0.1 + 0.2, 1e-7, 0.3000001],
        ['Totalsum', 1234.86789, 100.0000001, 1334.8678901],
      ],
      ['General', '#,##0.00000', '#,##0', '#,##0.0000000'],
    );
    const s = read(g, range(0, 0, 4, 3), { language: 'nb' });
    expect(figures(line(s, '1'))).toEqual(['1234.56789', '100', '1334.56789']);
    expect(figures(line(s, '2'))).toEqual(['0.3', '0.0000001', '0.3000001']);
    expect(line(s, '1').values.at(0)?.cell).toBe('Regnskap!B3');
    expect(line(s, '2').values.at(1)?.cell).toBe('Regnskap!C4');
    expect(line(s, '1').values.at(0)?.decimals).toBe(5);
  });
});
