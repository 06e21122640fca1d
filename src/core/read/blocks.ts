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
  private readonly taken = new Map<string, Set<number>>();

  private key(sheet: string, row: number): string {
    return `${sheet}\u0000${row}`;
  }

  mark(sheet: string, r: CellRange): void {
    for (let row = r.top; row <= r.bottom; row++) {
      const k = this.key(sheet, row);
      let set = this.taken.get(k);
      if (!set) this.taken.set(k, (set = new Set()));
      for (let col = r.left; col <= r.right; col++) set.add(col);
    }
  }

  has(sheet: string, row: number, col: number): boolean {
    return this.taken.get(this.key(sheet, row))?.has(col) ?? false;
  }

  /** True when any cell of the range is taken. */
  overlaps(sheet: string, r: CellRange): boolean {
    for (let row = r.top; row <= r.bottom; row++) {
      const set = this.taken.get(this.key(sheet, row));
      if (!set) continue;
      for (let col = r.left; col <= r.right; col++) if (set.has(col)) return true;
    }
    return false;
  }
}

/**
 * Blocks of non-empty cells: groups of cells that touch (also diagonally), as bounding ranges, merged
 * until no two overlap. Pivots side by side with an empty column between them, or stacked with an
 * empty row between them, are separate blocks. Cells in `used` are treated as empty.
 */
export function findBlocks(g: Grid, used?: UsedCells): CellRange[] {
  const full = gridRange(g);
  const rows = full.bottom - full.top + 1;
  const cols = full.right - full.left + 1;
  const filled = (r: number, c: number): boolean =>
    r >= 0 && c >= 0 && r < rows && c < cols && !isBlank(valueAt(g, full.top + r, full.left + c)) && !(used?.has(g.sheet, full.top + r, full.left + c) ?? false);
  const seen = new Uint8Array(rows * cols);
  const boxes: CellRange[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (seen[r * cols + c] || !filled(r, c)) continue;
      let box = { top: r, left: c, bottom: r, right: c };
      const stack: [number, number][] = [[r, c]];
      seen[r * cols + c] = 1;
      while (stack.length) {
        const [y, x] = stack.pop() as [number, number];
        box = { top: Math.min(box.top, y), left: Math.min(box.left, x), bottom: Math.max(box.bottom, y), right: Math.max(box.right, x) };
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const ny = y + dy;
            const nx = x + dx;
            if ((dy || dx) && filled(ny, nx) && !seen[ny * cols + nx]) {
              seen[ny * cols + nx] = 1;
              stack.push([ny, nx]);
            }
          }
        }
      }
      boxes.push(box);
    }
  }
  // Merge overlapping boxes.
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom) {
          boxes[i] = { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
          boxes.splice(j, 1);
          merged = true;
          break outer;
        }
      }
    }
  }
  return boxes
    .map((b) => ({ top: b.top + full.top, left: b.left + full.left, bottom: b.bottom + full.top, right: b.right + full.left }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
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

/** All text cells of a grid (and its sheet name), for language detection and context years. */
export function gridTexts(g: Grid): string[] {
  const out: string[] = [];
  for (const row of g.values) for (const v of row) {
    const t = textOf(v);
    if (t !== null) out.push(t);
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
