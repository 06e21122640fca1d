import { findBlocks, UsedCells } from '../../../src/core/read/blocks';
import { grid } from '../fixtures/workbooks';

const A = 'x';

describe('findBlocks', () => {
  it('keeps blocks apart across an empty row or column, and joins cells that touch diagonally', () => {
    const g = grid('S', [
      [A, A, null, A],
      [null, null, null, A],
      [null, null, A, null],
      [null, null, null, null],
      [A, ' ', null, null],
    ]);
    expect(findBlocks(g)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 0, left: 2, bottom: 2, right: 3 },
      { top: 4, left: 0, bottom: 4, right: 0 },
    ]);
  });

  it('merges blocks whose bounds overlap', () => {
    // An L-shaped group and a cell inside its bounds but not touching it.
    const g = grid('S', [
      [A, null, null, null],
      [A, null, null, null],
      [A, null, A, null],
      [A, null, null, null],
      [A, A, A, A],
    ]);
    expect(findBlocks(g)).toEqual([{ top: 0, left: 0, bottom: 4, right: 3 }]);
  });

  it('treats used cells as empty, and looks only within a range when asked', () => {
    const g = grid('S', [
      [A, A, A, A],
      [A, A, A, A],
      [A, A, A, A],
    ], [], { top: 2, left: 1 });
    const used = new UsedCells();
    used.mark('S', { top: 3, left: 1, bottom: 3, right: 4 });
    used.mark('S', { top: 2, left: 3, bottom: 4, right: 3 });
    expect(findBlocks(g, used)).toEqual([
      { top: 2, left: 1, bottom: 2, right: 2 },
      { top: 2, left: 4, bottom: 2, right: 4 },
      { top: 4, left: 1, bottom: 4, right: 2 },
      { top: 4, left: 4, bottom: 4, right: 4 },
    ]);
    expect(findBlocks(g, used, { top: 4, left: 2, bottom: 9, right: 9 })).toEqual([
      { top: 4, left: 2, bottom: 4, right: 2 },
      { top: 4, left: 4, bottom: 4, right: 4 },
    ]);
  });
});

describe('UsedCells', () => {
  it('joins marks that overlap or touch, and keeps apart marks with a gap', () => {
    const used = new UsedCells();
    used.mark('S', { top: 0, left: 5, bottom: 1, right: 6 });
    used.mark('S', { top: 1, left: 1, bottom: 1, right: 2 });
    used.mark('S', { top: 1, left: 3, bottom: 1, right: 3 });
    used.mark('S', { top: 1, left: 9, bottom: 1, right: 9 });
    expect(used.spans('S', 0)).toEqual([{ left: 5, right: 6 }]);
    expect(used.spans('S', 1)).toEqual([
      { left: 1, right: 3 },
      { left: 5, right: 6 },
      { left: 9, right: 9 },
    ]);
    used.mark('S', { top: 1, left: 0, bottom: 1, right: 7 });
    expect(used.spans('S', 1)).toEqual([
      { left: 0, right: 7 },
      { left: 9, right: 9 },
    ]);
    expect(used.spans('S', 2)).toBeUndefined();
    expect(used.spans('T', 0)).toBeUndefined();
  });

  it('tells taken cells and ranges that hold one', () => {
    const used = new UsedCells();
    used.mark('S', { top: 2, left: 2, bottom: 3, right: 4 });
    expect(used.has('S', 2, 2)).toBe(true);
    expect(used.has('S', 3, 4)).toBe(true);
    expect(used.has('S', 3, 5)).toBe(false);
    expect(used.has('S', 1, 3)).toBe(false);
    expect(used.has('T', 2, 2)).toBe(false);
    expect(used.overlaps('S', { top: 0, left: 0, bottom: 2, right: 2 })).toBe(true);
    expect(used.overlaps('S', { top: 0, left: 5, bottom: 9, right: 9 })).toBe(false);
    expect(used.overlaps('S', { top: 4, left: 0, bottom: 9, right: 9 })).toBe(false);
  });
});
