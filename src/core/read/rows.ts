/**
 * From the rows of a pivot or table to lines and stated totals. A row is a total when its label
 * says so (`Totalsum`, `1100 Totalt`, `Sum drift`), when it has no label but figures, when its
 * outer label heads a group (a subtotal shown at the top), or when it equals the sum of the lines
 * above it within rounding (half a unit of the last shown digit per value). Totals are never lines.
 */
import { splitLabel, normaliseName } from '../labels';
import { RowFigures } from '../row-figures';
import { SeriesTallies } from '../tally';
import type { SourceLine } from '../sources';
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
  | { readonly kind: 'skip' }
  | { readonly kind: 'heading'; readonly label: string; readonly level: number }
  | { readonly kind: 'line'; readonly label: string; readonly level: number }
  | { readonly kind: 'top'; readonly label: string; readonly level: number }
  | { readonly kind: 'total'; readonly label: string }
  | { readonly kind: 'subtotal'; readonly label: string; readonly item: string }
  | { readonly kind: 'named'; readonly label: string }
  | { readonly kind: 'unlabelled' };

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
  if (level < 0) return values ? { kind: 'unlabelled' } : { kind: 'skip' };
  const label = r.labels[level] as string;
  const tl = totalLabel(label);
  if (tl?.kind === 'total') return { kind: 'total', label };
  if (tl?.kind === 'subtotal') return { kind: 'subtotal', label, item: tl.item };
  if (tl?.kind === 'named') return { kind: 'named', label };
  if (!values) return { kind: 'heading', label, level };
  const depth = r.labels.length;
  if (depth > 1 && level < depth - 1) {
    const next = rows[i + 1];
    if (next && innermost(next) > level && !r.labels.slice(level + 1).some(Boolean)) {
      // An outer item with figures followed by its inner items: a subtotal shown at the top.
      const nextOuter = next.labels.slice(0, level + 1).filter(Boolean);
      if (nextOuter.length === 0 || nextOuter[nextOuter.length - 1] === label) return { kind: 'top', label, level };
    }
  }
  return { kind: 'line', label, level };
}

/**
 * True when `candidate` equals the summed parts in every additive series, within rounding (Tally.mismatch),
 * and is not all zero. A series the candidate has no figure in matches parts that add up to zero.
 */
function matches(candidate: RowFigures, parts: SeriesTallies, additive: readonly boolean[]): boolean {
  let some = false;
  for (let j = 0; j < candidate.length; j++) {
    if (!additive[j]) continue;
    const c = candidate.value(j);
    const part = parts.at(j);
    if (c === null) {
      if (part.size > 0 && !part.sum().isZero()) return false;
      continue;
    }
    if (part.mismatchOf(c, candidate.decimals(j)) !== null) return false;
    if (!c.isZero()) some = true;
  }
  return some;
}

/** True when `candidate` equals the sum of `parts` in every additive series, within rounding. */
export function sumsMatch(candidate: RowFigures, parts: readonly RowFigures[], additive: readonly boolean[]): boolean {
  return matches(candidate, SeriesTallies.of(candidate.length, parts), additive);
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
  const step: (number | null)[] = new Array(n + 1).fill(null);
  const can: boolean[] = new Array(n + 1).fill(false);
  can[n] = true;
  for (let j = n - 1; j >= 0; j--) {
    // Row j heads the k rows below it when it equals their sum: the sum grows a row at a time.
    const children = new SeriesTallies(width);
    for (let k = 1; j + k < n && k <= 400; k++) {
      children.add(vals[j + k]);
      if (can[j + k + 1] && matches(vals[j], children, additive)) {
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
  for (let i = kinds.length - 1; i >= 0 && lastTotal < 0; i--) if (kinds[i].kind === 'total') lastTotal = i;
  if (lastTotal >= 0 && rows.every((r) => r.labels.length === 1)) {
    const idx = kinds.map((k, i) => (k.kind === 'line' && i < lastTotal ? i : -1)).filter((i) => i >= 0);
    const headed = kinds.slice(0, lastTotal).some((k) => k.kind === 'heading' || k.kind === 'subtotal' || k.kind === 'named');
    if (!headed) {
      const parents = topSubtotalRows(rows, idx, rows[lastTotal], additive);
      if (parents) for (const i of parents) kinds[i] = { kind: 'top', label: (kinds[i] as { label: string }).label, level: 0 };
    }
  }

  let lastLine = -1;
  kinds.forEach((k, i) => {
    if (k.kind === 'line' || k.kind === 'top') lastLine = i;
  });
  const linesAfter = (i: number): boolean => i < lastLine;

  const width = rows[0]?.values.length ?? 0;
  const lines: Line[] = [];
  /** Label of the group (outer item or section heading) each line belongs to, by its index in `lines`. */
  const groupOf: (string | null)[] = [];
  const subtotals: SourceLine[] = [];
  let grand: SourceLine | null = null;
  // The lines so far, and those since the last total (until the first total, all of them: the same tallies).
  const linesAcc = new SeriesTallies(width);
  let pendingFrom = 0;
  let sinceTotal = null as SeriesTallies | null;
  const pendingAcc = (): SeriesTallies => sinceTotal ?? linesAcc;
  const pendingCount = (): number => lines.length - pendingFrom;
  const pending = (): Line[] => lines.slice(pendingFrom);
  const resetPending = (): void => {
    pendingFrom = lines.length;
    sinceTotal = new SeriesTallies(width);
  };
  const equalsSum = (values: RowFigures, acc: SeriesTallies): boolean => matches(values, acc, additive);
  let group: string | null = null;
  // The group's lines: the last lines too (from `groupFrom` on).
  let groupFrom = 0;
  const groupLines = (): Line[] => lines.slice(groupFrom);
  let top: { line: Line } | null = null;

  const closeTop = (): void => {
    if (top)
      subtotals.push(
        withSums(
          top.line,
          groupLines().map((l) => l.row),
        ),
      );
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
      subtotals.push(
        withSums(
          line,
          sums.map((l) => l.row),
        ),
      );
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
    if ((k.kind === 'line' || k.kind === 'heading') && k.level > 0) {
      const outers = r.labels.slice(0, k.level).filter((o): o is string => Boolean(o));
      for (const o of outers) noteStart(o);
      const outer = outers.pop();
      if (outer && outer !== group) startGroup(outer);
    }
    switch (k.kind) {
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
        if (enoughParts(pendingCount(), r.values, additive) && equalsSum(r.values, pendingAcc())) {
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
        sinceTotal?.add(line.values);
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
        const sums = inGroup && lines.length > groupFrom ? groupLines() : (outerSums ?? pending());
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
