/**
 * The rules the sheets with figures share: one variance formula for both sign conventions, and amount
 * columns as wide as their largest amount's digits with the thousands spaces, on every sheet alike.
 */
import { amountWidth, digitsWidth, varianceFormula } from '../../src/report/figure-cells';
import { sheetName } from '../../src/report/sheet-name';

describe('the rules the sheets share', () => {
  it('computes a variance as budget − actual when costs are positive and actual − budget when negative', () => {
    expect(varianceFormula({ signConvention: 'costs-positive' }, 'D5', 'E5')).toBe('D5-E5');
    expect(varianceFormula({ signConvention: 'costs-negative' }, 'D5', 'E5')).toBe('E5-D5');
  });

  it('makes an amount column wide enough for its largest amount, its thousands spaces and a minus', () => {
    // 161 646 979: nine digits, two spaces → 9 + 1 + 2
    expect(amountWidth(161_646_979.75)).toBe(12);
    expect(amountWidth(999)).toBe(digitsWidth(3));
    expect(amountWidth(1000)).toBe(7);
  });

  it('names a sheet by its word and the report month, or the word alone without one', () => {
    expect(sheetName('Måned for måned', '2024-04')).toBe('Måned for måned 2024-04');
    expect(sheetName('Kontroller', null)).toBe('Kontroller');
  });
});
