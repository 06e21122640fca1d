/**
 * The rules the sheets with figures share: one variance formula for both sign conventions, and amount
 * columns as wide as their largest amount's digits with the thousands spaces, on every sheet alike.
 */
import { amountWidth, digitsWidth, rowFormula, rowRef, varianceFormula } from '../../src/report/figure-cells';
import { sheetName } from '../../src/report/sheet-name';

describe('the rules the sheets share', () => {
  it('computes a variance as budget − actual when costs are positive and actual − budget when negative', () => {
    expect(varianceFormula({ signConvention: 'costs-positive' }, 'D5', 'E5')).toBe('D5-E5');
    expect(varianceFormula({ signConvention: 'costs-negative' }, 'D5', 'E5')).toBe('E5-D5');
  });

  it('writes a row formula once and gives each row its own references', () => {
    const soFar = rowFormula(`SUM(${['C', 'E', 'AA'].map(rowRef).join(',')})`);
    expect(soFar(4)).toBe('SUM(C5,E5,AA5)');
    expect(soFar(1999)).toBe('SUM(C2000,E2000,AA2000)');
    expect(rowFormula(`IF(${rowRef('D')}=0,"",${rowRef('F')}/ABS(${rowRef('D')}))`)(0)).toBe('IF(D1=0,"",F1/ABS(D1))');
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
