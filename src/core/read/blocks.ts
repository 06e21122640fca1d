/**
 * Helpers the readers share: cell text, blocks of non-empty cells, cells already used by another
 * reader, and the titles above a block.
 */
import { columnLetters, formulaAt, gridRange, sheetCell, valueAt, type CellRange, type CellValue, type Grid } from '../grid';
import { collapseSpaces } from '../labels';

/** The trimmed text of a text cell, or null for any other value and for blank text. */
export function textOf(v: CellValue): string | null {
  if (typeof v !== 'string') return null;
  const t = collapseSpaces(v);
  return t === '' ? null : t;
}

/** Text of a text or number cell (numbers as written by String()), null otherwise. */
export function labelOf(v: CellValue): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return textOf(v);
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** Cells taken by one recognised thing, so that no other reader uses them. */
export class UsedCells {
  /** Per sheet, per row: the taken columns. */
  private readonly taken = new Map<string, Map<number, Set<number>>>();

  /** The taken columns of a row, or undefined when none are. */
  row(sheet: string, row: number): ReadonlySet<number> | undefined {
    return this.taken.get(sheet)?.get(row);
  }

  mark(sheet: string, r: CellRange): void {
    let rows = this.taken.get(sheet);
    if (!rows) this.taken.set(sheet, (rows = new Map()));
    for (let row = r.top; row <= r.bottom; row++) {
      let set = rows.get(row);
      if (!set) rows.set(row, (set = new Set()));
      for (let col = r.left; col <= r.right; col++) set.add(col);
    }
  }

  has(sheet: string, row: number, col: number): boolean {
    return this.taken.get(sheet)?.get(row)?.has(col) ?? false;
  }

  /** True when any cell of the range is taken. */
  overlaps(sheet: string, r: CellRange): boolean {
    const rows = this.taken.get(sheet);
    if (!rows) return false;
    for (let row = r.top; row <= r.bottom; row++) {
      const set = rows.get(row);
      if (!set) continue;
      for (let col = r.left; col <= r.right; col++) if (set.has(col)) return true;
    }
    return false;
  }
}

/**
 * Blocks of non-empty cells: groups of cells that touch (also diagonally), as bounding ranges, merged
 * until no two overlap. Pivots side by side with an empty column between them, or stacked with an
 * empty row between them, are separate blocks. Cells in `used` are treated as empty. With `within`,
 * only the cells inside that range are looked at (the rest of a block after a reader took part of it).
 */
export function findBlocks(g: Grid, used?: UsedCells, within?: CellRange): CellRange[] {
  const grid = gridRange(g);
  const full = within
    ? { top: Math.max(grid.top, within.top), left: Math.max(grid.left, within.left), bottom: Math.min(grid.bottom, within.bottom), right: Math.min(grid.right, within.right) }
    : grid;
  if (full.bottom < full.top || full.right < full.left) return [];
  const rows = full.bottom - full.top + 1;
  const cols = full.right - full.left + 1;
  // Which cells count, worked out once (row by row) rather than per visit.
  const mask = new Uint8Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const values = g.values[full.top - g.top + r];
    if (!values) continue;
    const taken = used?.row(g.sheet, full.top + r);
    const from = full.left - g.left;
    for (let c = 0; c < cols && from + c < values.length; c++) {
      if (!isBlank(values[from + c]) && !(taken?.has(full.left + c) ?? false)) mask[r * cols + c] = 1;
    }
  }
  const boxes: CellRange[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1) continue;
    // mask: 1 = filled and not yet visited, 2 = visited
    mask[start] = 2;
    stack.push(start);
    let top = rows;
    let left = cols;
    let bottom = -1;
    let right = -1;
    while (stack.length) {
      const i = stack.pop() as number;
      const y = (i / cols) | 0;
      const x = i - y * cols;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x < left) left = x;
      if (x > right) right = x;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(rows - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(cols - 1, x + 1); nx++) {
          const j = ny * cols + nx;
          if (mask[j] === 1) {
            mask[j] = 2;
            stack.push(j);
          }
        }
      }
    }
    boxes.push({ top, left, bottom, right });
  }
  return mergeOverlapping(boxes)
    .map((b) => ({ top: b.top + full.top, left: b.left + full.left, bottom: b.bottom + full.top, right: b.right + full.left }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Merges overlapping boxes until no two overlap. A sweep from the top: each box is compared only with
 * the boxes still open at its top row, so thousands of separate blocks stay fast.
 */
function mergeOverlapping(input: readonly CellRange[]): CellRange[] {
  let boxes = [...input];
  for (let changed = true; changed; ) {
    changed = false;
    boxes.sort((a, b) => a.top - b.top || a.left - b.left);
    const out: (CellRange | null)[] = [];
    let active: number[] = []; // indexes into out of boxes reaching down to the current top
    for (const b of boxes) {
      let cur = b;
      const open: number[] = [];
      for (const i of active) {
        const a = out[i] as CellRange;
        if (a.bottom < b.top) continue;
        if (a.left <= cur.right && cur.left <= a.right && a.top <= cur.bottom && cur.top <= a.bottom) {
          cur = { top: Math.min(a.top, cur.top), left: Math.min(a.left, cur.left), bottom: Math.max(a.bottom, cur.bottom), right: Math.max(a.right, cur.right) };
          out[i] = null;
          changed = true;
        } else open.push(i);
      }
      out.push(cur);
      open.push(out.length - 1);
      active = open;
    }
    boxes = out.filter((x): x is CellRange => x !== null);
  }
  return boxes;
}

export interface TitleCell {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

/**
 * Text cells just above a range (up to `depth` rows, within its columns),
 * nearest first, stopping at cells another reader took.
 */
export function titlesAbove(g: Grid, r: CellRange, used?: UsedCells, depth = 3): TitleCell[] {
  const out: TitleCell[] = [];
  for (let row = r.top - 1; row >= Math.max(g.top, r.top - depth); row--) {
    let stop = false;
    for (let col = r.left; col <= r.right; col++) {
      if (used?.has(g.sheet, row, col)) {
        stop = true;
        continue;
      }
      const t = textOf(valueAt(g, row, col));
      if (t !== null) out.push({ text: t, row, col });
    }
    if (stop) break;
  }
  return out;
}

/** The text cells of a grid in reading order (the first `limit` of them), for language detection and context years. */
export function gridTexts(g: Grid, limit = Infinity): string[] {
  const out: string[] = [];
  for (const row of g.values) {
    for (const v of row) {
      const t = textOf(v);
      if (t !== null) out.push(t);
    }
    if (out.length >= limit) return out.slice(0, limit);
  }
  return out;
}

/** Sheet-qualified address of a cell. */
export function at(g: Grid, row: number, col: number): string {
  return sheetCell(g.sheet, row, col);
}

/**
 * True when the cell's formula sums the cells above it in its own column (`SUM(B3:B9)`,
 * `SUBTOTAL(9,B3:B9)`, `B3+B4+B5`): a total row. A sum across the row (`SUM(C5:N5)`) is not.
 */
export function isSumFormula(g: Grid, row: number, col: number): boolean {
  const f = formulaAt(g, row, col);
  if (!f) return false;
  const own = columnLetters(col);
  const t = f.replace(/\s+/g, '').replace(/\$/g, '').toUpperCase();
  const range = /^(?:SUM|SUMMER|SUMMA|SUBTOTAL\(\d+,|DELSUM\(\d+,|DELSUMMA\(\d+,|AGGREGATE\(9,\d+,)\(?([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)\)$/.exec(t);
  if (range) return range[1] === own && range[3] === own && Number(range[4]) <= row;
  const terms = t.split('+');
  if (terms.length < 2) return false;
  return terms.every((term) => {
    const m = /^([A-Z]{1,3})(\d+)$/.exec(term);
    return m !== null && m[1] === own && Number(m[2]) <= row;
  });
}
