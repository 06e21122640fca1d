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

/** Columns `left` to `right` (inclusive) of a row. */
export interface Span {
  readonly left: number;
  readonly right: number;
}

/** The spans with `add` taken in: sorted, disjoint and not touching (spans that touch are joined). */
function withSpan(spans: readonly Span[], add: Span): Span[] {
  const out: Span[] = [];
  let left = add.left;
  let right = add.right;
  let placed = false;
  for (const s of spans) {
    if (s.right < left - 1) out.push(s);
    else if (s.left > right + 1) {
      if (!placed) out.push({ left, right });
      placed = true;
      out.push(s);
    } else {
      left = Math.min(left, s.left);
      right = Math.max(right, s.right);
    }
  }
  if (!placed) out.push({ left, right });
  return out;
}

/** Cells taken by one recognised thing, so that no other reader uses them. */
export class UsedCells {
  /**
   * Per sheet, per row: the taken columns as spans (sorted, disjoint). Spans rather than sets of
   * columns: marking a 10,000-row pivot is then one span per row, not one entry per cell.
   */
  private readonly taken = new Map<string, Map<number, readonly Span[]>>();

  /** The taken columns of a row as sorted, disjoint spans, or undefined when none are. */
  spans(sheet: string, row: number): readonly Span[] | undefined {
    return this.taken.get(sheet)?.get(row);
  }

  /** The taken spans of a sheet by row (looked up once for a loop over its rows), or undefined when none are. */
  rowsOf(sheet: string): ReadonlyMap<number, readonly Span[]> | undefined {
    return this.taken.get(sheet);
  }

  mark(sheet: string, r: CellRange): void {
    if (r.left > r.right) return;
    let rows = this.taken.get(sheet);
    if (!rows) this.taken.set(sheet, (rows = new Map()));
    // One span object shared by every row that had none: spans are never changed, only replaced.
    const span: Span = { left: r.left, right: r.right };
    const alone: readonly Span[] = [span];
    for (let row = r.top; row <= r.bottom; row++) {
      const spans = rows.get(row);
      rows.set(row, spans ? withSpan(spans, span) : alone);
    }
  }

  has(sheet: string, row: number, col: number): boolean {
    const spans = this.spans(sheet, row);
    return spans !== undefined && spans.some((s) => s.left <= col && col <= s.right);
  }

  /** True when any cell of the range is taken. */
  overlaps(sheet: string, r: CellRange): boolean {
    const rows = this.taken.get(sheet);
    if (!rows || r.left > r.right) return false;
    for (let row = r.top; row <= r.bottom; row++) {
      const spans = rows.get(row);
      if (spans && spans.some((s) => s.left <= r.right && r.left <= s.right)) return true;
    }
    return false;
  }
}

/**
 * Runs of filled cells, row by row: in each row of `area`, the stretches of cells that are not
 * blank and not in `used`. In reading order (top, then left), as parallel arrays.
 */
interface Runs {
  readonly row: number[];
  readonly left: number[];
  readonly right: number[];
}

const NO_SPANS: readonly Span[] = [];

function filledRuns(g: Grid, area: CellRange, used?: UsedCells): Runs {
  const runs: Runs = { row: [], left: [], right: [] };
  const taken = used?.rowsOf(g.sheet);
  for (let row = area.top; row <= area.bottom; row++) {
    const values = g.values[row - g.top];
    if (!values) continue;
    const last = Math.min(area.right, g.left + values.length - 1);
    // The row's stretches between taken spans (a taken pivot row is stepped over at once).
    let from = area.left;
    const spans = taken?.get(row) ?? NO_SPANS;
    for (let k = 0; k < spans.length; k++) {
      const s = spans[k];
      if (s.right < from) continue;
      if (s.left > last) break;
      addRuns(runs, values, g.left, row, from, s.left - 1);
      from = s.right + 1;
    }
    addRuns(runs, values, g.left, row, from, last);
  }
  return runs;
}

/** Adds the runs of non-blank cells among columns `from` to `to` of a row (`values` starting at column `left`). */
function addRuns(runs: Runs, values: readonly CellValue[], left: number, row: number, from: number, to: number): void {
  let start = -1; // first column of the run being read, or -1
  for (let col = from; col <= to; col++) {
    if (!isBlank(values[col - left])) {
      if (start < 0) start = col;
    } else if (start >= 0) {
      runs.row.push(row);
      runs.left.push(start);
      runs.right.push(col - 1);
      start = -1;
    }
  }
  if (start >= 0) {
    runs.row.push(row);
    runs.left.push(start);
    runs.right.push(to);
  }
}

/**
 * Bounding boxes of the groups of runs that touch (also diagonally), each group in the order of
 * its first cell in reading order. Runs of one row meet those of the row above when their column
 * ranges overlap or are one column apart.
 */
function groupBoxes(runs: Runs): CellRange[] {
  const n = runs.row.length;
  // Union-find over runs; a group's root is its first run (the lower index always becomes root).
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const join = (a: number, b: number): void => {
    const ra = root(a);
    const rb = root(b);
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };
  let prevStart = 0; // runs of the row above: prevStart..prevEnd-1
  let prevEnd = 0;
  for (let i = 0; i < n;) {
    const row = runs.row[i];
    let end = i;
    while (end < n && runs.row[end] === row) end++;
    if (prevEnd > prevStart && runs.row[prevStart] !== row - 1) prevStart = prevEnd;
    let p = prevStart;
    for (let b = i; b < end; b++) {
      // Runs above that end left of this run's reach end left of every later run's too.
      while (p < prevEnd && runs.right[p] + 1 < runs.left[b]) p++;
      for (let k = p; k < prevEnd && runs.left[k] <= runs.right[b] + 1; k++) join(k, b);
    }
    prevStart = i;
    prevEnd = end;
    i = end;
  }
  const boxes = new Map<number, { top: number; left: number; bottom: number; right: number }>();
  for (let i = 0; i < n; i++) {
    const r = root(i);
    const box = boxes.get(r);
    if (!box) boxes.set(r, { top: runs.row[i], left: runs.left[i], bottom: runs.row[i], right: runs.right[i] });
    else {
      box.bottom = runs.row[i];
      if (runs.left[i] < box.left) box.left = runs.left[i];
      if (runs.right[i] > box.right) box.right = runs.right[i];
    }
  }
  // A Map iterates in insertion order: groups by their first run, as the roots are.
  return [...boxes.values()];
}

/**
 * Blocks of non-empty cells: groups of cells that touch (also diagonally), as bounding ranges, merged
 * until no two overlap. Pivots side by side with an empty column between them, or stacked with an
 * empty row between them, are separate blocks. Cells in `used` are treated as empty. With `within`,
 * only the cells inside that range are looked at (the rest of a block after a reader took part of it).
 */
export function findBlocks(g: Grid, used?: UsedCells, within?: CellRange): CellRange[] {
  const grid = gridRange(g);
  const area = within
    ? {
        top: Math.max(grid.top, within.top),
        left: Math.max(grid.left, within.left),
        bottom: Math.min(grid.bottom, within.bottom),
        right: Math.min(grid.right, within.right),
      }
    : grid;
  if (area.bottom < area.top || area.right < area.left) return [];
  // Groups are found from runs of filled cells rather than cell by cell: a 10,000-row pivot is a
  // few runs per row.
  return mergeOverlapping(groupBoxes(filledRuns(g, area, used))).sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Merges overlapping boxes until no two overlap. A sweep from the top: each box is compared only with
 * the boxes still open at its top row, so thousands of separate blocks stay fast.
 */
function mergeOverlapping(input: readonly CellRange[]): CellRange[] {
  let boxes = [...input];
  for (let changed = true; changed;) {
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
          cur = {
            top: Math.min(a.top, cur.top),
            left: Math.min(a.left, cur.left),
            bottom: Math.max(a.bottom, cur.bottom),
            right: Math.max(a.right, cur.right),
          };
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

/**
 * The text cells of a grid in reading order (the first `limit` of them), for language detection and
 * context years. Indexed loops: this runs over every cell before V8 has optimised it, and a for…of
 * there makes an iterator result per cell.
 */
export function gridTexts(g: Grid, limit = Infinity): string[] {
  const out: string[] = [];
  for (let r = 0; r < g.values.length; r++) {
    const row = g.values[r];
    for (let c = 0; c < row.length; c++) {
      const t = textOf(row[c]);
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
