/**
 * Gathers every source's figures per line, matched across sources by key (else by normalised name),
 * converted to one unit. The result is the raw material for the period figures and the checks.
 */
import { dec, Money } from '../money';
import { parseSheetRange, sheetCell } from '../grid';
import { normaliseName } from '../labels';
import { finding, type Finding } from '../warnings';
import { monthOf, yearOfPeriod } from './period';
import { UNIT_FACTOR, type Period, type Series, type Source, type SourceLine, type Unit } from '../sources';

export type FigureKind = 'budget' | 'annual-budget' | 'actual' | 'prior' | 'forecast';
export const FIGURE_KINDS: readonly FigureKind[] = ['budget', 'annual-budget', 'actual', 'prior', 'forecast'];

/**
 * A place in every line's figures: one kind of figure in one month, or the kind's aggregate (the sum
 * of its non-month columns, year to date or annual as the kind says) when the period is null. The
 * period is parsed here once, not for every figure of every line.
 */
export interface Slot {
  readonly kind: FigureKind;
  readonly period: Period | null;
  /** Of the period (NaN when it is no `YYYY-MM`); NaN for an aggregate. */
  readonly year: number;
  readonly month: number;
  /** The kind's bit in `CollectedLine.monthKinds` for a month; 0 for an aggregate. */
  readonly bit: number;
}

export interface CollectedLine {
  readonly key: string;
  readonly name: string;
  readonly label: string;
  /** Sheet-qualified label cells, one per source the line was found in (an array of just that size). */
  cells: readonly string[];
  /**
   * Every line's figures, slot by slot (see Collected.slots), as whole ten-thousandths: one typed
   * array shared by all the lines, this line's from `base` on. Numbers off the JavaScript heap, not
   * an array or an object per figure: a big workbook has hundreds of thousands, and the garbage
   * collector would copy them all. NaN where the line has none, or where the figure is not whole:
   * then it is in `exact`. Read one with figureAt, sums with MoneySum.addSlots. Set once every line
   * is known (the block is made for just that many).
   */
  figures: Float64Array;
  /** Where the line's figures start in `figures`: slot s is `figures[base + s]`. */
  readonly base: number;
  /** The figures that are not whole ten-thousandths, by slot; null while there are none. */
  exact: (Money | undefined)[] | null;
  /** Bits (1 << index in FIGURE_KINDS) of the kinds the line has months of. */
  monthKinds: number;
  /** The largest month slot the line has a figure in. */
  lastSlot: number;
  /**
   * The line's month slots in the order their figures came, when that is not ascending (a line
   * missing a month in one source that another source has): sums add in that order, as the old
   * month-by-month lists did, so a rounded decimal sum comes out the same. Null when ascending.
   */
  order: number[] | null;
  /** The index of the last source the line was found in (sources are read in order). */
  lastSource: number;
  /** Bits (1 << index) of the first 30 sources the line was found in; `moreSources` holds the rest. */
  sourceBits: number;
  moreSources: number[] | null;
  /** The subtotal the line belongs to in its first source that has subtotals (`1100 Totalt`), or null. */
  group: string | null;
}

export interface Collected {
  readonly lines: CollectedLine[];
  /**
   * The places of every line's figures: aggregates first (in FIGURE_KINDS order), then months. A line
   * keeps its figures in one array by slot, not an object per kind and month: fewer objects for the
   * garbage collector to copy.
   */
  readonly slots: readonly Slot[];
  /** The budget year: the latest year of the actuals (else of the budget). */
  readonly year: number | null;
  readonly unit: Unit | null;
  /** Which kinds of figure the workbook has at all: a line missing in such a source counts as zero. */
  readonly available: ReadonlySet<FigureKind>;
  /** Which kinds come by month in some source. */
  readonly monthly: ReadonlySet<FigureKind>;
  readonly findings: Finding[];
}

/** The index of each kind in FIGURE_KINDS (looked up for every line: a property, not an indexOf). */
const KIND_INDEX = Object.fromEntries(FIGURE_KINDS.map((k, i) => [k, i])) as Record<FigureKind, number>;

/** The slot of a kind's aggregate (aggregates come first). */
export function aggregateSlot(kind: FigureKind): number {
  return KIND_INDEX[kind];
}

/** The bit of a kind in `CollectedLine.monthKinds`. */
export function kindBit(kind: FigureKind): number {
  return 1 << KIND_INDEX[kind];
}

/** Whether the line was found in source `si`. */
export function foundIn(line: CollectedLine, si: number): boolean {
  return si < SOURCE_BITS ? (line.sourceBits & (1 << si)) !== 0 : line.moreSources !== null && line.moreSources.includes(si);
}

const SOURCE_BITS = 30;

const NO_CELLS: readonly string[] = [];
const NO_FIGURES = new Float64Array(0);

function yearOf(s: Series): number | null {
  if (s.period) return Number(s.period.slice(0, 4));
  return s.year;
}

/** The budget year: the latest year any actual column names, else the latest budget year. */
export function budgetYear(sources: readonly Source[], chosenPeriod: Period | null): number | null {
  if (chosenPeriod) return Number(chosenPeriod.slice(0, 4));
  const years = (measures: readonly string[]): number[] =>
    sources.flatMap((s) => s.series.filter((x) => measures.includes(x.measure)).map(yearOf)).filter((y): y is number => y !== null);
  const actual = years(['actual']);
  if (actual.length) return Math.max(...actual);
  const budget = years(['budget', 'annual-budget']);
  return budget.length ? Math.max(...budget) : null;
}

/** Which figure a column feeds, given the budget year; null for columns only the checks use. */
export function kindOf(s: Series, year: number | null): FigureKind | null {
  if (s.isTotal) return null;
  const y = yearOf(s);
  switch (s.measure) {
    case 'actual':
      if (y !== null && year !== null && y < year) return y === year - 1 ? 'prior' : null;
      return 'actual';
    case 'prior-actual':
      return 'prior';
    case 'budget':
      return y !== null && year !== null && y !== year ? null : 'budget';
    case 'annual-budget':
      return y !== null && year !== null && y !== year ? null : 'annual-budget';
    case 'forecast':
      return 'forecast';
    default:
      return null;
  }
}

/** Chooses one unit for the model: the sources' common unit, else the finest, with a finding. */
export function commonUnit(sources: readonly Source[]): { unit: Unit | null; findings: Finding[] } {
  const units = [...new Set(sources.map((s) => s.unit).filter((u): u is Unit => u !== null))];
  if (units.length <= 1) return { unit: units[0] ?? null, findings: [] };
  const finest = units.reduce((a, b) => (UNIT_FACTOR[a] <= UNIT_FACTOR[b] ? a : b));
  return { unit: finest, findings: [finding('mixed-units', { units: units.join(', '), chosen: finest })] };
}

export function scaleFactor(from: Unit | null, to: Unit | null): Money {
  if (!from || !to) return dec(1);
  return dec(UNIT_FACTOR[from]).div(UNIT_FACTOR[to]);
}

/**
 * Lines by key, else by normalised name when one of the two has no code (`512 Verksamhetsstöd` and
 * `Verksamhetsstöd`). Two lines with different codes are different lines even when their names agree
 * (`3100 Administrasjon`, `3200 Administrasjon`). A key is a code when it is not the normalised name.
 *
 * A plain record read by the functions below, not a class: V8 throws away optimised code that uses a
 * class's objects once all of them are collected (between two follow-ups in a task pane), and
 * lineOf runs for every line of every source.
 */
interface LineIndex {
  readonly lines: CollectedLine[];
  readonly byKey: Map<string, CollectedLine>;
  /** The normalised name of each line, by its index in `lines`. */
  readonly names: string[];
  /**
   * The first line of each normalised name (the map's key is that line's normalised name). Made when
   * the first line without a code comes: until then no two lines can match by name (a line with a code
   * matches only one without), and workbooks whose lines all have codes never need it.
   */
  byName: Map<string, CollectedLine> | null;
  /** The slots of each line. */
  readonly width: number;
}

function lineIndex(width: number): LineIndex {
  return { lines: [], byKey: new Map(), names: [], byName: null, width };
}

/** The line `l` belongs to, added when there is none (its name normalised once, here). */
function lineOf(index: LineIndex, l: SourceLine): CollectedLine {
  const same = index.byKey.get(l.key);
  if (same) return same;
  const n = normaliseName(l.name);
  const uncoded = l.key === n;
  if (uncoded && index.byName === null) index.byName = nameIndex(index);
  const named = index.byName?.get(n);
  if (named && (uncoded || named.key === n)) return named;
  const line = addLine(index, l, n);
  if (index.byName !== null && !named) index.byName.set(n, line);
  return line;
}

/** The first line of each name among the lines so far. */
function nameIndex(index: LineIndex): Map<string, CollectedLine> {
  const byName = new Map<string, CollectedLine>();
  for (let i = 0; i < index.lines.length; i++) if (!byName.has(index.names[i])) byName.set(index.names[i], index.lines[i]);
  return byName;
}

function addLine(index: LineIndex, l: SourceLine, name: string): CollectedLine {
  const line: CollectedLine = {
    key: l.key,
    name: l.name,
    label: l.label,
    cells: NO_CELLS,
    figures: NO_FIGURES,
    base: index.lines.length * index.width,
    exact: null,
    monthKinds: 0,
    lastSlot: -1,
    order: null,
    lastSource: -1,
    sourceBits: 0,
    moreSources: null,
    group: null,
  };
  index.lines.push(line);
  index.names.push(name);
  index.byKey.set(l.key, line);
  return line;
}

/** Gives the lines, all of them known now, their figures: NaN in every slot. */
function makeFigures(index: LineIndex): void {
  const block = new Float64Array(index.lines.length * index.width).fill(NaN);
  for (let i = 0; i < index.lines.length; i++) index.lines[i].figures = block;
}

/**
 * The slots of every column that feeds a figure, numbered in the order the sources and their columns
 * come (aggregates first); -1 for columns only the checks use.
 */
function slotsOf(sources: readonly Source[], kinds: readonly (readonly (FigureKind | null)[])[]): { slots: Slot[]; bySource: number[][] } {
  const slots: Slot[] = FIGURE_KINDS.map((kind) => ({ kind, period: null, year: NaN, month: NaN, bit: 0 }));
  const index = new Map<string, number>();
  const bySource = sources.map((source, si) =>
    source.series.map((s, i) => {
      const kind = kinds[si][i];
      if (kind === null) return -1;
      if (s.period === null) return aggregateSlot(kind);
      const id = `${kind}|${s.period}`;
      let slot = index.get(id);
      if (slot === undefined) {
        slot = slots.length;
        slots.push({ kind, period: s.period, year: yearOfPeriod(s.period), month: monthOf(s.period), bit: kindBit(kind) });
        index.set(id, slot);
      }
      return slot;
    }),
  );
  return { slots, bySource };
}

/** Notes that the line was found in source `si`. */
function markFound(line: CollectedLine, si: number): void {
  line.lastSource = si;
  if (si < SOURCE_BITS) line.sourceBits |= 1 << si;
  else (line.moreSources ??= []).push(si);
}

/** The line's figure in a slot, or undefined. */
export function figureAt(line: CollectedLine, slot: number): Money | undefined {
  const t = line.figures[line.base + slot];
  return t === t ? Money.fromTenThousandths(t) : line.exact?.[slot];
}

/** Whether the line has a figure in the slot. */
function hasFigure(line: CollectedLine, slot: number): boolean {
  const t = line.figures[line.base + slot];
  return t === t || line.exact?.[slot] !== undefined;
}

/** Puts a figure in the line's slot: as a number when it is whole, else in `exact`. */
function setFigure(line: CollectedLine, slot: number, v: Money): void {
  const t = v.wholeTenThousandths();
  line.figures[line.base + slot] = t;
  if (t !== t) (line.exact ??= [])[slot] = v;
  else if (line.exact !== null) line.exact[slot] = undefined;
}

/** Adds a figure to the line's slot (a line found twice in a source adds up), noting the order months come in. */
function addFigure(line: CollectedLine, slot: number, bit: number, v: Money): void {
  const old = figureAt(line, slot);
  if (old !== undefined) {
    setFigure(line, slot, old.plus(v));
    return;
  }
  if (bit !== 0) noteMonth(line, slot, bit);
  setFigure(line, slot, v);
}

/** A line's first figure in a month slot: its kind has months, and the order months come in. */
function noteMonth(line: CollectedLine, slot: number, bit: number): void {
  line.monthKinds |= bit;
  if (line.order === null && slot < line.lastSlot) line.order = monthSlotsOf(line);
  if (line.order !== null) line.order.push(slot);
  if (slot > line.lastSlot) line.lastSlot = slot;
}

/** The line's month slots that have figures, ascending (its order so far when it has been ascending). */
function monthSlotsOf(line: CollectedLine): number[] {
  const out: number[] = [];
  for (let s = FIGURE_KINDS.length; s <= line.lastSlot; s++) if (hasFigure(line, s)) out.push(s);
  return out;
}

/**
 * The lines of a source, in its order: each found (or added) by key or name, with its label cell, its
 * group and the source noted; a line found twice in the source is a finding.
 */
function findLines(index: LineIndex, source: Source, si: number, findings: Finding[]): CollectedLine[] {
  const groupOfRow = new Map<number, string>();
  for (const t of source.totals) for (const r of t.sums ?? []) groupOfRow.set(r, t.label);
  const cellOf = labelCells(source.range, source.sheet);
  const found: CollectedLine[] = [];
  for (let r = 0; r < source.lines.length; r++) {
    const l = source.lines[r];
    const line = lineOf(index, l);
    found.push(line);
    if (line.group === null && groupOfRow.size > 0) line.group = groupOfRow.get(l.row) ?? null;
    const cell = cellOf(l.row);
    if (line.lastSource === si) findings.push(finding('duplicate-line', { label: l.label }, cell, line.key));
    else markFound(line, si);
    // Most lines are in one or two sources: arrays of that size, not the room for 17 a push makes
    // (nor concat, which is slow for its generality).
    line.cells = line.cells.length === 0 ? [cell] : line.cells.length === 1 ? [line.cells[0], cell] : [...line.cells, cell];
  }
  return found;
}

/** Puts a source's figures into its lines (`lines[r]` is the line of the source's line r), in the sources' order. */
function collectFigures(source: Source, lines: readonly CollectedLine[], slots: readonly Slot[], slotOf: readonly number[], factor: Money): void {
  const one = factor.eq(1);
  const bits = slotOf.map((slot) => (slot < 0 ? 0 : slots[slot].bit));
  for (let r = 0; r < source.lines.length; r++) {
    const values = source.lines[r].values;
    const line = lines[r];
    const wholes = values.wholes;
    const offset = values.offset;
    const figures = line.figures;
    const base = line.base;
    for (let i = 0; i < values.length; i++) {
      const slot = slotOf[i];
      if (slot < 0) continue;
      const bit = bits[i];
      // A whole figure in a slot the line has none in yet (the usual case) goes in as the number it
      // is, read and stored here: passed to or from a function, a large number is boxed, an object each.
      if (one) {
        const t = wholes[offset + i];
        const had = figures[base + slot];
        if (t === t && had !== had && (line.exact === null || line.exact[slot] === undefined)) {
          if (bit !== 0) noteMonth(line, slot, bit);
          figures[base + slot] = t;
          continue;
        }
      }
      const a = values.at(i);
      if (a) addFigure(line, slot, bit, one ? a.value : a.value.times(factor));
    }
  }
}

/** The sheet-qualified cells in the first (label) column of a source's range, by row (the range read once). */
function labelCells(range: string, sheet: string): (row: number) => string {
  const r = parseSheetRange(range);
  const at = sheetCell(r?.sheet ?? sheet, 0, r?.range.left ?? 0);
  const prefix = at.slice(0, at.length - 1);
  // Joined into one flat string: a template makes a pair of pieces, and these live in the model.
  return (row) => [prefix, row + 1].join('');
}

/** The sheet-qualified cell on `row` in the first (label) column of a source's range. */
export function labelCell(range: string, sheet: string, row: number): string {
  return labelCells(range, sheet)(row);
}

export function collect(sources: readonly Source[], chosenPeriod: Period | null): Collected {
  const year = budgetYear(sources, chosenPeriod);
  const { unit, findings } = commonUnit(sources);
  const available = new Set<FigureKind>();
  const monthly = new Set<FigureKind>();
  const kinds = sources.map((source) => source.series.map((s) => kindOf(s, year)));
  sources.forEach((source, si) =>
    kinds[si].forEach((k, i) => {
      if (!k) return;
      available.add(k);
      if (source.series[i].period !== null) monthly.add(k);
    }),
  );
  const { slots, bySource } = slotsOf(sources, kinds);
  // The lines first, then their figures: the figures of every line go in one block of just that size.
  const index = lineIndex(slots.length);
  const found = sources.map((source, si) => findLines(index, source, si, findings));
  makeFigures(index);
  sources.forEach((source, si) => collectFigures(source, found[si], slots, bySource[si], scaleFactor(source.unit, unit)));
  for (const f of missingLines(index.lines, sources, kinds)) findings.push(f); // not push(...): there can be more than the stack holds
  return { lines: index.lines, slots, year, unit, available, monthly, findings };
}

/**
 * Sources a line may be missing from and still be named in a finding for each: past that, one finding
 * for the line names the first few and counts them, so that findings grow with the lines, not with
 * lines times sources (a workbook of 2,000 one-unit sheets gave four million findings).
 */
export const MISSING_NAMED_EACH = 3;

/** A line absent from a source that holds figures counts as zero there; say so, once per source. */
function missingLines(lines: readonly CollectedLine[], sources: readonly Source[], kinds: readonly (readonly (FigureKind | null)[])[]): Finding[] {
  const out: Finding[] = [];
  const holding = sources.map((s, si) => kinds[si].some((k) => k !== null) && s.lines.length > 0);
  const missingCount = new Int32Array(lines.length);
  holding.forEach((h, si) => {
    if (!h) return;
    for (let i = 0; i < lines.length; i++) if (!foundIn(lines[i], si)) missingCount[i]++;
  });
  sources.forEach((s, si) => {
    if (!holding[si]) return;
    // Indexes, not for-of: this loop runs once per source, too few times for an optimised iterator.
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (missingCount[i] <= MISSING_NAMED_EACH && !foundIn(l, si)) out.push(finding('line-missing', { label: l.label, missingIn: s.range }, null, l.key));
    }
  });
  for (let i = 0; i < lines.length; i++) {
    if (missingCount[i] <= MISSING_NAMED_EACH) continue;
    const l = lines[i];
    const first: string[] = [];
    for (let si = 0; si < sources.length && first.length < MISSING_NAMED_EACH; si++) if (holding[si] && !foundIn(l, si)) first.push(sources[si].range);
    out.push(finding('line-missing-many', { label: l.label, count: String(missingCount[i]), missingIn: first.join(', ') }, null, l.key));
  }
  return out;
}
