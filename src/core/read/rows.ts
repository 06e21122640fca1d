/**
 * From the rows of a pivot or table to lines and stated totals. A row is a total when its label
 * says so (`Totalsum`, `1100 Totalt`, `Sum drift`), when it has no label but figures, when its
 * outer label heads a group (a subtotal shown at the top), or when it equals the sum of the lines
 * above it within rounding (half a unit of the last shown digit per value). Totals are never lines.
 */
import { splitLabel, normaliseName } from '../labels';
import { halfUnit, Money } from '../money';
import { IN_FULL, KEPT, RowFigures } from '../row-figures';
import { beyondRounding, beyondRoundingT, Tally } from '../tally';
import type { Amount, SourceLine } from '../sources';
import { totalLabel } from '../vocabulary';

export interface RowIn {
  /** Sheet row (0-based). */
  readonly row: number;
  /** The label columns' texts, outermost first (one entry for a single label column). */
  readonly labels: readonly (string | null)[];
  /** One figure per series. */
  readonly values: RowFigures;
  /** True when a value cell holds a SUM/SUBTOTAL formula (or a chain of additions). */
  readonly sumFormula?: boolean;
  /** True when some value cell holds something, even what could not be read (an error, text). */
  readonly filled?: boolean;
}

export interface Structured {
  readonly lines: SourceLine[];
  /** Subtotals (with sums) in sheet order, then the grand total (without sums). */
  readonly totals: SourceLine[];
}

/**
 * A line or total as it goes out (made once, in SourceLine's shape: most lines are returned as they
 * are); the group each line belongs to is kept beside it (see `groupOf` in structureRows).
 */
type Line = SourceLine;

type Kind =
  | { readonly t: 'skip' }
  | { readonly t: 'heading'; readonly label: string; readonly level: number }
  | { readonly t: 'line'; readonly label: string; readonly level: number }
  | { readonly t: 'top'; readonly label: string; readonly level: number }
  | { readonly t: 'total'; readonly label: string }
  | { readonly t: 'subtotal'; readonly label: string; readonly item: string }
  | { readonly t: 'named'; readonly label: string }
  | { readonly t: 'unlabelled' };

function hasValues(r: RowIn): boolean {
  return r.values.any() || r.filled === true;
}

function innermost(r: RowIn): number {
  for (let i = r.labels.length - 1; i >= 0; i--) if (r.labels[i]) return i;
  return -1;
}

function classify(rows: readonly RowIn[], i: number): Kind {
  const r = rows[i];
  const level = innermost(r);
  const values = hasValues(r);
  if (level < 0) return values ? { t: 'unlabelled' } : { t: 'skip' };
  const label = r.labels[level] as string;
  const tl = totalLabel(label);
  if (tl?.kind === 'total') return { t: 'total', label };
  if (tl?.kind === 'subtotal') return { t: 'subtotal', label, item: tl.item };
  if (tl?.kind === 'named') return { t: 'named', label };
  if (!values) return { t: 'heading', label, level };
  const depth = r.labels.length;
  if (depth > 1 && level < depth - 1) {
    const next = rows[i + 1];
    if (next && innermost(next) > level && !r.labels.slice(level + 1).some(Boolean)) {
      // An outer item with figures followed by its inner items: a subtotal shown at the top.
      const nextOuter = next.labels.slice(0, level + 1).filter(Boolean);
      if (nextOuter.length === 0 || nextOuter[nextOuter.length - 1] === label) return { t: 'top', label, level };
    }
  }
  return { t: 'line', label, level };
}

/**
 * Summed parts per series, as `matches` needs them: the sum, the rounding it allows, whether any part
 * had a figure. sumT and tolT give the sum and rounding as whole ten-thousandths, or NaN when they
 * are not whole (then `matches` compares Money).
 */
interface SumView {
  sum(j: number): Money;
  tol(j: number): Money;
  sumT(j: number): number;
  tolT(j: number): number;
  present(j: number): boolean;
}

interface AccState {
  readonly sums: readonly Money[];
  readonly tols: readonly Money[];
  readonly sumsT: readonly number[];
  readonly tolsT: readonly number[];
  readonly present: readonly number[];
}

/** `n` when it is a safe integer (an exact difference of two), else NaN. */
function safeOrNaN(n: number): number {
  return Number.isSafeInteger(n) ? n : NaN;
}

/** The rows added between two marks. */
function between(from: AccState, to: AccState): SumView {
  return {
    sum: (j) => to.sums[j].minus(from.sums[j]),
    tol: (j) => to.tols[j].minus(from.tols[j]),
    sumT: (j) => safeOrNaN(to.sumsT[j] - from.sumsT[j]),
    tolT: (j) => safeOrNaN(to.tolsT[j] - from.tolsT[j]),
    present: (j) => to.present[j] - from.present[j] > 0,
  };
}

/**
 * Half a unit of the last shown digit in whole ten-thousandths, by decimals code + HALF_OFFSET, for
 * the codes whose half unit is one (0.0005 and coarser, up to 500 billion); NaN for any other code.
 */
const HALF_OFFSET = 128;
const HALF_T = ((): Float64Array => {
  const out = new Float64Array(256).fill(NaN);
  out[IN_FULL + HALF_OFFSET] = 0; // shown in full: no rounding
  for (let d = -12; d <= 3; d++) out[d + HALF_OFFSET] = halfUnit(d).wholeTenThousandths();
  return out;
})();

/**
 * Running sums of whole figures per series in typed arrays: the sum, the count and the rounding, in
 * whole ten-thousandths. `tally` is 1 for a series that has gone over to its Tally: a flag beside
 * Acc's `tallies`, because addWholes reads typed arrays only (reading `tallies` there cost about 8 ms
 * in 10,000 lines' recognising, measured).
 */
interface WholeSums {
  readonly sum: Float64Array;
  readonly count: Float64Array;
  readonly tol: Float64Array;
  readonly tally: Uint8Array;
}

/**
 * Adds a row's figures to the sums where they are whole, their rounding whole and the sums stay
 * exact (nearly always); writes the series it could not add to `rest` and returns how many. The loop
 * every figure of a source goes through: over arrays only, so that V8 keeps it optimised from one
 * follow-up to the next (it throws away code that uses a class's objects once all are collected).
 */
function addWholes(w: WholeSums, wholes: Float64Array, codes: Int8Array, offset: number, width: number, rest: Int32Array): number {
  let n = 0;
  for (let j = 0; j < width; j++) {
    const code = codes[offset + j];
    const t = wholes[offset + j];
    if (w.tally[j] === 1 || (t !== t && code === KEPT)) {
      rest[n++] = j;
      continue;
    }
    if (t !== t) continue; // no figure
    const s = w.sum[j] + t;
    const u = w.tol[j] + HALF_T[code + HALF_OFFSET];
    if (!Number.isSafeInteger(s) || !Number.isSafeInteger(u)) {
      rest[n++] = j;
      continue;
    }
    w.sum[j] = s;
    w.tol[j] = u;
    w.count[j]++;
  }
  return n;
}

/**
 * Running sums of rows, per series, with the rounding they allow (half a unit of the last shown digit
 * per figure). The sums of the rows since a point are the difference of two running sums (exact):
 * one addition per figure, however many groups are checked. Whole figures are summed as integers
 * (addWholes); a series goes over to a Tally, which goes on from those sums, at its first figure that
 * is not whole or whose rounding or sum would not be an exact integer.
 */
export class Acc implements SumView {
  private readonly w: WholeSums;
  /** Per series, once it has gone over. */
  private readonly tallies: (Tally | null)[];
  private readonly rest: Int32Array;

  constructor(private readonly width: number) {
    this.w = { sum: new Float64Array(width), count: new Float64Array(width), tol: new Float64Array(width), tally: new Uint8Array(width) };
    this.tallies = new Array<Tally | null>(width).fill(null);
    this.rest = new Int32Array(width);
  }

  add(values: RowFigures): void {
    const n = addWholes(this.w, values.wholes, values.decimalCodes, values.offset, Math.min(this.width, values.length), this.rest);
    for (let k = 0; k < n; k++) {
      const j = this.rest[k];
      this.tallyOf(j).addAt(values, j);
    }
  }

  /** Series j's Tally, made from its sums so far when it goes over. */
  private tallyOf(j: number): Tally {
    let t = this.tallies[j];
    if (t === null) {
      t = Tally.resumed(this.w.sum[j], this.w.count[j], this.w.tol[j]);
      this.tallies[j] = t;
      this.w.tally[j] = 1;
    }
    return t;
  }

  sum(j: number): Money {
    const t = this.tallies[j];
    return t === null ? Money.fromTenThousandths(this.w.sum[j]) : t.sum();
  }

  tol(j: number): Money {
    const t = this.tallies[j];
    return t === null ? Money.fromTenThousandths(this.w.tol[j]) : t.tolerance();
  }

  sumT(j: number): number {
    const t = this.tallies[j];
    return t === null ? this.w.sum[j] : t.sumTenThousandths();
  }

  tolT(j: number): number {
    const t = this.tallies[j];
    return t === null ? this.w.tol[j] : t.toleranceTenThousandths();
  }

  /** How many figures series j has had. */
  size(j: number): number {
    const t = this.tallies[j];
    return t === null ? this.w.count[j] : t.size;
  }

  present(j: number): boolean {
    return this.size(j) > 0;
  }

  /** The state now, to sum what is added after it (`since`). */
  mark(): AccState {
    const all = Array.from({ length: this.width }, (_, j) => j);
    return {
      sums: all.map((j) => this.sum(j)),
      tols: all.map((j) => this.tol(j)),
      sumsT: all.map((j) => this.sumT(j)),
      tolsT: all.map((j) => this.tolT(j)),
      present: all.map((j) => this.size(j)),
    };
  }

  /** The rows added since `from`, as they are added (a live view). */
  since(from: AccState): SumView {
    return {
      sum: (j) => this.sum(j).minus(from.sums[j]),
      tol: (j) => this.tol(j).minus(from.tols[j]),
      sumT: (j) => safeOrNaN(this.sumT(j) - from.sumsT[j]),
      tolT: (j) => safeOrNaN(this.tolT(j) - from.tolsT[j]),
      present: (j) => this.size(j) - from.present[j] > 0,
    };
  }

  static of(width: number, parts: readonly RowFigures[]): Acc {
    const a = new Acc(width);
    for (const p of parts) a.add(p);
    return a;
  }
}

/** True when series j of `candidate` (it has a figure there) differs from the summed parts beyond rounding. */
function differs(candidate: RowFigures, j: number, parts: SumView): boolean {
  // Whole amounts compare as integers (exact, no object per step: this runs for every row); else as Money.
  const t = candidate.whole(j);
  const whole = t === t ? beyondRoundingT(t, candidate.decimalsAt(j), parts.sumT(j), parts.tolT(j)) : null;
  if (whole !== null) return whole;
  const c = candidate.at(j) as Amount;
  return beyondRounding(c, parts.sum(j), parts.tol(j));
}

/** True when `candidate` equals the summed parts in every additive series, within rounding, and is not all zero. */
function matches(candidate: RowFigures, parts: SumView, additive: readonly boolean[]): boolean {
  let some = false;
  for (let j = 0; j < candidate.length; j++) {
    if (!additive[j]) continue;
    if (!candidate.has(j)) {
      if (parts.present(j) && !parts.sum(j).isZero()) return false;
      continue;
    }
    if (differs(candidate, j, parts)) return false;
    const t = candidate.whole(j);
    if (t === t ? t !== 0 : !(candidate.at(j) as Amount).value.isZero()) some = true;
  }
  return some;
}

/** True when `candidate` equals the sum of `parts` in every additive series, within rounding. */
export function sumsMatch(candidate: RowFigures, parts: readonly RowFigures[], additive: readonly boolean[]): boolean {
  return matches(candidate, Acc.of(candidate.length, parts), additive);
}

/**
 * Compact pivots with two row fields show each outer item's subtotal on its own row, above its inner
 * items, with nothing but indentation to tell them apart. When the lines do not add up to the grand
 * total, finds the rows that head groups: each equal to the sum of the rows below it up to the next.
 * Returns the indexes (into `rows`) of those group rows, or null when no such reading exists.
 */
function topSubtotalRows(rows: readonly RowIn[], idx: readonly number[], grand: RowIn, additive: readonly boolean[]): Set<number> | null {
  const n = idx.length;
  if (n < 2) return null;
  const vals = idx.map((i) => rows[i].values);
  if (n > 5000 || sumsMatch(grand.values, vals, additive)) return null;
  // Each figure counted twice (once in its line, once in its group's row): the rows add up to twice the total.
  const twice = RowFigures.of(grand.values.map((v) => (v ? { value: v.value.times(2), decimals: v.decimals, cell: v.cell } : null)));
  if (!sumsMatch(twice, vals, additive)) return null;
  const width = grand.values.length;
  // Marks after each row: rows a..b-1 sum to the difference of marks b and a.
  const acc = new Acc(width);
  const prefix: AccState[] = [acc.mark()];
  for (const v of vals) {
    acc.add(v);
    prefix.push(acc.mark());
  }
  const childrenMatch = (j: number, k: number): boolean => matches(vals[j], between(prefix[j + 1], prefix[j + k + 1]), additive);
  const step: (number | null)[] = new Array(n + 1).fill(null);
  const can: boolean[] = new Array(n + 1).fill(false);
  can[n] = true;
  for (let j = n - 1; j >= 0; j--) {
    for (let k = 1; j + k < n && k <= 400; k++) {
      if (can[j + k + 1] && childrenMatch(j, k)) {
        can[j] = true;
        step[j] = k;
        break;
      }
    }
  }
  if (!can[0]) return null;
  const parents = new Set<number>();
  const parentVals: RowFigures[] = [];
  for (let j = 0; j < n; j += (step[j] as number) + 1) {
    parents.add(idx[j]);
    parentVals.push(vals[j]);
  }
  return sumsMatch(grand.values, parentVals, additive) ? parents : null;
}

function lineOf(r: RowIn, label: string, values: RowFigures, isTotal = false): Line {
  const s = splitLabel(label);
  return { key: s.key || (isTotal ? 'total' : ''), name: s.name, label, row: r.row, values };
}

function withSums(l: Line, sums: readonly number[]): SourceLine {
  return { key: l.key, name: l.name, label: l.label, row: l.row, values: l.values, sums };
}

/** How many figures of a row can be compared with a sum (present, in an additive series). */
function comparedFigures(values: RowFigures, additive: readonly boolean[]): number {
  let n = 0;
  for (let j = 0; j < values.length; j++) if (additive[j] && values.has(j)) n++;
  return n;
}

/**
 * Whether `parts` lines are enough to call a row adding up to them a total, by its sum alone: with
 * one figure to compare, two lines adding up to a third is too common (100, 50, 150); it takes three.
 */
function enoughParts(parts: number, values: RowFigures, additive: readonly boolean[]): boolean {
  return parts >= 3 || (parts === 2 && comparedFigures(values, additive) >= 2);
}

function hasRepeatedKey(lines: readonly Line[]): boolean {
  const seen = new Set<string>();
  for (const l of lines) {
    if (seen.has(l.key)) return true;
    seen.add(l.key);
  }
  return false;
}

/** Lines and stated totals of the rows of one source. `additive[j]` says whether series j can be summed. */
export function structureRows(rows: readonly RowIn[], additive: readonly boolean[]): Structured {
  const kinds = rows.map((_, i) => classify(rows, i));

  // Compact layout with subtotals at the top of each group: tell them apart by their sums.
  let lastTotal = -1;
  for (let i = kinds.length - 1; i >= 0 && lastTotal < 0; i--) if (kinds[i].t === 'total') lastTotal = i;
  if (lastTotal >= 0 && rows.every((r) => r.labels.length === 1)) {
    const idx = kinds.map((k, i) => (k.t === 'line' && i < lastTotal ? i : -1)).filter((i) => i >= 0);
    const headed = kinds.slice(0, lastTotal).some((k) => k.t === 'heading' || k.t === 'subtotal' || k.t === 'named');
    if (!headed) {
      const parents = topSubtotalRows(rows, idx, rows[lastTotal], additive);
      if (parents) for (const i of parents) kinds[i] = { t: 'top', label: (kinds[i] as { label: string }).label, level: 0 };
    }
  }

  let lastLine = -1;
  kinds.forEach((k, i) => {
    if (k.t === 'line' || k.t === 'top') lastLine = i;
  });
  const linesAfter = (i: number): boolean => i < lastLine;

  const width = rows[0]?.values.length ?? 0;
  const lines: Line[] = [];
  /** Label of the group (outer item or section heading) each line belongs to, by its index in `lines`. */
  const groupOf: (string | null)[] = [];
  const linesAcc = new Acc(width);
  const subtotals: SourceLine[] = [];
  let grand: SourceLine | null = null;
  // The lines since the last total: always the last lines (from `pendingFrom` on), so their sums are
  // those of all lines less the sums when the last total was met. Indexes, not arrays of their own:
  // the arrays are made only for the few totals.
  let pendingFrom = 0;
  let pendingAcc = linesAcc.since(linesAcc.mark());
  const pendingCount = (): number => lines.length - pendingFrom;
  const pending = (): Line[] => lines.slice(pendingFrom);
  const resetPending = (): void => {
    pendingFrom = lines.length;
    pendingAcc = linesAcc.since(linesAcc.mark());
  };
  const equalsSum = (values: RowFigures, acc: SumView): boolean => matches(values, acc, additive);
  let group: string | null = null;
  // The group's lines: the last lines too (from `groupFrom` on).
  let groupFrom = 0;
  const groupLines = (): Line[] => lines.slice(groupFrom);
  let top: { line: Line } | null = null;

  const closeTop = (): void => {
    if (top) subtotals.push(withSums(top.line, groupLines().map((l) => l.row)));
    top = null;
  };
  const startGroup = (label: string | null): void => {
    closeTop();
    group = label;
    groupFrom = lines.length;
    resetPending();
  };
  const addTotal = (line: Line, sums: Line[], grandCandidate: boolean, i: number): void => {
    if (grandCandidate && !linesAfter(i)) {
      closeTop();
      grand = line;
    } else {
      subtotals.push(withSums(line, sums.map((l) => l.row)));
    }
    resetPending();
  };

  // Where each outer item's lines start (by normalised label): a subtotal two levels up (`Helse Sum`
  // after `Sykehjem Sum` in a tabular pivot of three row fields) sums all of them.
  const itemStart = new Map<string, number>();
  const noteStart = (label: string): void => {
    const item = normaliseName(label);
    if (!itemStart.has(item)) itemStart.set(item, lines.length);
  };

  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const k = kinds[i];
    // An outer label on a line row (tabular layout) starts a new group.
    if ((k.t === 'line' || k.t === 'heading') && k.level > 0) {
      const outers = r.labels.slice(0, k.level).filter((o): o is string => Boolean(o));
      for (const o of outers) noteStart(o);
      const outer = outers.pop();
      if (outer && outer !== group) startGroup(outer);
    }
    switch (k.t) {
      case 'skip':
        break;
      case 'heading':
        if (k.level === 0 || r.labels.length === 1) startGroup(k.label);
        break;
      case 'top': {
        startGroup(k.label);
        top = { line: lineOf(r, k.label, r.values, true) };
        break;
      }
      case 'line': {
        if (r.sumFormula && pendingCount() > 0) {
          addTotal(lineOf(r, k.label, r.values, true), pending(), pendingFrom === 0, i);
          break;
        }
        if (enoughParts(pendingCount(), r.values, additive) && equalsSum(r.values, pendingAcc)) {
          addTotal(lineOf(r, k.label, r.values, true), pending(), pendingFrom === 0, i);
          break;
        }
        if (!linesAfter(i) && enoughParts(lines.length, r.values, additive) && equalsSum(r.values, linesAcc)) {
          addTotal(lineOf(r, k.label, r.values, true), lines, true, i);
          break;
        }
        const line = lineOf(r, k.label, r.values);
        lines.push(line);
        groupOf.push(group);
        linesAcc.add(line.values);
        break;
      }
      case 'total': {
        closeTop();
        const line = lineOf(r, k.label, r.values, true);
        const sums = pendingCount() ? pending() : groupLines();
        addTotal(line, sums, true, i);
        break;
      }
      case 'subtotal': {
        const item = normaliseName(k.item);
        const inGroup = group !== null && (normaliseName(group) === item || splitLabel(group).key === splitLabel(k.item).key);
        const start = itemStart.get(item);
        const outerSums = !inGroup && pendingCount() === 0 && start !== undefined ? lines.slice(start) : null;
        const sums = inGroup && lines.length > groupFrom ? groupLines() : outerSums ?? pending();
        if (inGroup) top = null;
        const coversAll = sums.length === lines.length;
        addTotal(lineOf(r, k.label, r.values, true), sums, coversAll, i);
        if (inGroup) startGroup(null);
        break;
      }
      case 'named': {
        const sums = pendingCount() ? pending() : groupLines();
        addTotal(lineOf(r, k.label, r.values, true), sums, sums.length === lines.length, i);
        break;
      }
      case 'unlabelled': {
        const sums = pendingCount() ? pending() : lines;
        const line: Line = { key: 'total', name: '', label: '', row: r.row, values: r.values };
        addTotal(line, sums, sums.length === lines.length || equalsSum(r.values, linesAcc), i);
        break;
      }
    }
  }
  closeTop();

  // Keys that repeat under different groups (tabular pivots: `1 LØNN` under each `Ansvar`) are qualified by the group.
  const qualify = groupOf.every((g) => g !== null) && hasRepeatedKey(lines);
  const out = qualify
    ? lines.map((l, i) => {
        const group = groupOf[i] as string;
        return { key: `${splitLabel(group).key}/${l.key}`, name: `${l.name} (${group})`, label: l.label, row: l.row, values: l.values };
      })
    : lines;
  const totals = grand ? [...subtotals, grand] : subtotals;
  return { lines: out, totals };
}
