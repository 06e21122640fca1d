import { dec } from '../../src/core/money';
import { RowFigures } from '../../src/core/row-figures';
import type { Amount } from '../../src/core/sources';

describe('RowFigures', () => {
  const a = (v: string, decimals: number | null, cell: string): Amount => ({ value: dec(v), decimals, cell });

  it('gives back each figure of the row, naming its cell, and null where there is none', () => {
    const amounts = [a('1234.5', 0, "'Budget 2024'!B8"), null, a('0.00001', null, "'Budget 2024'!D8")];
    const row = RowFigures.of(amounts);
    expect(row.length).toBe(3);
    expect(row.at(0)).toMatchObject({ decimals: 0, cell: "'Budget 2024'!B8" });
    expect(row.value(0)?.toFixed()).toBe('1234.5');
    expect([row.at(1), row.value(1), row.has(1), row.at(7)]).toEqual([null, null, false, null]);
    expect(row.at(2)?.value.toFixed()).toBe('0.00001');
    expect(row.any()).toBe(true);
    expect(RowFigures.of([null, null]).any()).toBe(false);
    expect(row.map((x) => x?.cell ?? '-')).toEqual(["'Budget 2024'!B8", '-', "'Budget 2024'!D8"]);
    expect(JSON.parse(JSON.stringify(row))).toHaveLength(3);
  });

  it('names the cells of a row read from a sheet by their columns and the row', () => {
    // The second row of a source's values, three to a row.
    const values = [dec('1'), dec('2'), dec('3'), dec('1879491.37'), null, dec('-3'), dec('4'), dec('5'), dec('6')];
    const row = RowFigures.read(values, 3, [2, null, 0], ["'Budget 2024'!B", "'Budget 2024'!C", "'Budget 2024'!AA"], 6);
    expect(row.length).toBe(3);
    expect(row.toArray()).toEqual([
      { value: dec('1879491.37'), decimals: 2, cell: "'Budget 2024'!B7" },
      null,
      { value: dec('-3'), decimals: 0, cell: "'Budget 2024'!AA7" },
    ]);
    expect([row.value(0)?.toFixed(), row.decimals(0), row.decimals(1), row.has(1), row.any()]).toEqual(['1879491.37', 2, null, false, true]);
    expect([row.at(3), row.value(-1), RowFigures.read(values, 3, [2, null], ['B', 'C'], 0).any()]).toEqual([null, null, true]);
    expect(RowFigures.read([null, null, dec('1')], 0, [null, null], ['B', 'C'], 0).any()).toBe(false);
  });

  it('does not change when the array it was made of does', () => {
    const amounts: (Amount | null)[] = [a('1', 0, 'A1')];
    const row = RowFigures.of(amounts);
    amounts[0] = null;
    row.toArray()[0] = null;
    expect(row.value(0)?.toFixed()).toBe('1');
  });
});
