/** The write path's building blocks: cell order. */
import fc from 'fast-check';
import { orderedCells } from '../../src/workbook/conventions';
import type { LayoutCell } from '../../src/report/layout';

/** The plain definition: a stable sort by row then column, the last of each cell kept. */
function reference(cells: readonly LayoutCell[]): LayoutCell[] {
  const sorted = cells.map((c, i) => ({ c, i })).sort((a, b) => a.c.row - b.c.row || a.c.col - b.c.col || a.i - b.i);
  const out: LayoutCell[] = [];
  for (const { c } of sorted) {
    const last = out[out.length - 1];
    if (last && last.row === c.row && last.col === c.col) out[out.length - 1] = c;
    else out.push(c);
  }
  return out;
}

describe('orderedCells', () => {
  const cell = fc.record({ row: fc.nat(6), col: fc.nat(4), value: fc.integer() });

  test('in order already: the same array', () => {
    const cells: LayoutCell[] = [
      { row: 0, col: 0, value: 1 },
      { row: 0, col: 3, value: 2 },
      { row: 2, col: 1, value: 3 },
    ];
    expect(orderedCells(cells)).toBe(cells);
  });

  test('an ordered head and a disordered tail (a total row appended last): sorted, later wins', () => {
    const cells: LayoutCell[] = [
      { row: 0, col: 0, value: 1 },
      { row: 1, col: 0, value: 2 },
      { row: 1, col: 2, value: 3 },
      { row: 1, col: 1, value: 4 },
      { row: 0, col: 0, value: 5 },
      { row: 1, col: 2, value: 6 },
    ];
    expect(orderedCells(cells).map((c) => c.value)).toEqual([5, 2, 4, 6]);
  });

  test('agrees with a stable sort keeping the last duplicate', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), fc.array(cell, { maxLength: 10 }), (head, tail) => {
        const sortedHead = reference(head);
        for (const cells of [head, [...sortedHead, ...tail]]) expect(orderedCells(cells)).toEqual(reference(cells));
      }),
    );
  });
});
