/**
 * Views are not parts, also where the cells were pasted as values (no pivot parts) and where two
 * pivots over one cache disagree: one is used, the other is seen with why, and nothing is added twice.
 */
import { buildFollowUp } from '../../../src/core/engine/followup';
import type { PivotDefinition } from '../../../src/core/read/pivot-definition';
import { recognise } from '../../../src/core/read/recognise';
import { grid } from '../fixtures/workbooks';

const byUnit = (sheet: string, a: number, b: number) =>
  grid(sheet, [
    ['Sum of Actual', 'Column Labels'],
    ['Row Labels', 202401, 202402, 'Grand Total'],
    ['100 Care', a, 20, a + 20],
    ['200 Admin', b, 5, b + 5],
    ['Grand Total', a + b, 25, a + b + 25],
  ]);

/** By account; `salaries` is January's salaries (12 in the data the pivots by unit show). */
const byAccount = (sheet: string, salaries = 12) =>
  grid(sheet, [
    ['Sum of Actual', 'Column Labels'],
    ['Row Labels', 202401, 202402, 'Grand Total'],
    ['5000 Salaries', salaries, 20, salaries + 20],
    ['6000 Supplies', 3, 5, 8],
    ['Grand Total', salaries + 3, 25, salaries + 28],
  ]);

describe('cells pasted as values', () => {
  it('the same pivot pasted twice is a duplicate: counted once', () => {
    const m = buildFollowUp(recognise([byUnit('Pivot', 10, 5), byUnit('Copy', 10, 5)]));
    expect(m.total.actual?.toFixed()).toBe('40');
    expect(m.seen?.map((s) => [s.range, s.reason])).toEqual([['Copy!A1:D5', 'The same lines and figures as Pivot!A1:D5; not counted twice.']]);
  });

  it('the same grand total over another dimension is a view: one is used', () => {
    const m = buildFollowUp(recognise([byUnit('Units', 10, 5), byAccount('Accounts')]));
    expect(m.total.actual?.toFixed()).toBe('40');
    expect(m.lines.map((l) => l.key)).toEqual(['100', '200']);
    expect(m.seen?.[0].range).toBe('Accounts!A1:D5');
  });

  it('overlapping lines with different totals cannot be told apart: one is used, and a warning says which', () => {
    const m = buildFollowUp(recognise([byUnit('Units', 10, 5), byUnit('Other', 11, 5)]));
    expect(m.total.actual?.toFixed()).toBe('40');
    expect(m.warnings.find((w) => w.code === 'views-cannot-tell')?.message).toBe(
      'Could not tell whether this and Units!A1:D5 are parts of one whole or views of the same data; only Units!A1:D5 is used.',
    );
  });

  it('disjoint lines with different totals are parts: added', () => {
    const m = buildFollowUp(recognise([byUnit('Units', 10, 5), grid('More', [
      ['Sum of Actual', 'Column Labels'],
      ['Row Labels', 202401, 202402, 'Grand Total'],
      ['300 Schools', 7, 1, 8],
      ['Grand Total', 7, 1, 8],
    ])]));
    expect(m.total.actual?.toFixed()).toBe('48');
    expect(m.seen).toEqual([]);
  });
});

/** A pivot of actuals by month over the Data sheet's range, by the given row fields. */
const def = (rows: string[]): PivotDefinition => ({
  cache: 'xl/pivotCache/pivotCacheDefinition1.xml',
  source: { sheet: 'Data', range: { top: 0, left: 0, bottom: 99, right: 4 }, name: null },
  rowFields: rows,
  columnFields: ['Month'],
  pageFields: [],
  dataFields: [{ name: 'Sum of Actual', field: 'Actual', summary: 'sum', showAs: null }],
  valuesOnRows: false,
  layout: 'compact',
  subtotals: 'off',
  grandTotalRow: true,
  grandTotalColumn: true,
});

describe('two pivots over one cache whose grand totals disagree (one refreshed, the other not)', () => {
  const range = { top: 0, left: 0, bottom: 4, right: 3 };

  it('the first is used; the other is seen and its difference is a warning', () => {
    const stale = byAccount('Accounts', 13); // not refreshed: January's salaries still 13
    const rec = recognise([byUnit('Units', 10, 5), stale], {
      pivotRanges: [
        { sheet: 'Units', range, name: 'ByUnit', definition: def(['Unit']) },
        { sheet: 'Accounts', range, name: 'ByAccount', definition: def(['Account']) },
      ],
    });
    const m = buildFollowUp(rec);
    expect(m.total.actual?.toFixed()).toBe('40');
    expect(m.warnings.find((w) => w.code === 'view-total-differs')?.message).toBe(
      'This view of the same data as Units!A1:D5 has a grand total of actuals of 41, but Units!A1:D5 has 40; it is not used.',
    );
  });

  it('a view of both roles is compared role by role: its budget against the budget pivot, its actuals against the actuals pivot', () => {
    const budget = grid('Budget', [
      ['Sum of Budget', 'Column Labels'],
      ['Row Labels', 202401, 202402, 'Grand Total'],
      ['100 Care', 11, 21, 32],
      ['200 Admin', 4, 6, 10],
      ['Grand Total', 15, 27, 42],
    ]);
    const both = grid('Both', [
      ['', 'Values'],
      ['Row Labels', 'Sum of Budget', 'Sum of Actual'],
      ['5000 Salaries', 33, 32],
      ['6000 Supplies', 10, 8],
      ['Grand Total', 43, 40],
    ]);
    const two = (rows: string[], fields: string[]): PivotDefinition => ({
      ...def(rows),
      dataFields: fields.map((f) => ({ name: `Sum of ${f}`, field: f, summary: 'sum', showAs: null })),
    });
    const m = buildFollowUp(
      recognise([byUnit('Units', 10, 5), budget, both], {
        pivotRanges: [
          { sheet: 'Units', range, definition: def(['Unit']) },
          { sheet: 'Budget', range, definition: two(['Unit'], ['Budget']) },
          { sheet: 'Both', range, definition: two(['Account'], ['Budget', 'Actual']) },
        ],
      }),
    );
    expect(m.sources.map((x) => x.range)).toEqual(['Units!A1:D5', 'Budget!A1:D5']);
    expect(m.warnings.find((w) => w.code === 'view-total-differs')?.message).toBe(
      'This view of the same data as Budget!A1:D5 has a grand total of budget of 43, but Budget!A1:D5 has 42; it is not used.',
    );
  });
});

describe('the grand total from the pivot definition', () => {
  it('a grand-total row captioned in words the reader does not know is still the total, not one more line', () => {
    // One line: no arithmetic can tell its total from a second line with the same figures.
    const g = grid('Pivot', [
      ['Sum of Actual', 'Column Labels'],
      ['Row Labels', 202401, 202402, 'Alle enheter'],
      ['100 Care', 10, 20, 30],
      ['Alle enheter', 10, 20, 30],
    ]);
    const definition = def(['Unit']);
    const m = buildFollowUp(recognise([g], { pivotRanges: [{ sheet: 'Pivot', range: { top: 0, left: 0, bottom: 3, right: 3 }, definition }] }));
    expect(m.lines.map((l) => l.key)).toEqual(['100']);
    expect(m.total.actual?.toFixed()).toBe('30');
  });
});
