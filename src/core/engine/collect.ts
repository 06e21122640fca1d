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
}

export interface CollectedLine {
  readonly key: string;
  readonly name: string;
  readonly label: string;
  /** Sheet-qualified label cells, one per source the line was found in. */
  readonly cells: string[];
  /** The line's figure in each slot (see Collected.slots); undefined where it has none. Read with figureAt or monthFigure. */
  readonly figures: (Money | undefined)[];
  /**
   * The month slots the line has figures in, in the order they came (a line missing a month in one
   * source that another source has gets it later): sums add in that order, so a rounded decimal sum
   * comes out the same whichever way the months are asked for.
   */
  readonly months: number[];
  /** The kinds the line has months of. */
  readonly monthKinds: Set<FigureKind>;
  /** The indexes of the sources the line was found in, ascending (sources are read in order). */
  readonly sources: number[];
  /** The subtotal the line belongs to in its first source that has subtotals (`1100 Totalt`), or null. */
  group: string | null;
}

export interface Collected {
  readonly lines: CollectedLine[];
  /** The places of every line's figures: aggregates first (in FIGURE_KINDS order), then months. */
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

/** The slot of a kind's aggregate (aggregates come first). */
export function aggregateSlot(kind: FigureKind): number {
  return FIGURE_KINDS.indexOf(kind);
}

/** Whether the line was found in source `si`. */
export function foundIn(line: CollectedLine, si: number): boolean {
  return line.sources.includes(si);
}

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
    cells: [],
    figures: new Array<Money | undefined>(index.width).fill(undefined),
    months: [],
    monthKinds: new Set(),
    sources: [],
    group: null,
  };
  index.lines.push(line);
  index.names.push(name);
  index.byKey.set(l.key, line);
  return line;
}

/**
 * The slots of every column that feeds a figure, numbered in the order the sources and their columns
 * come (aggregates first); -1 for columns only the checks use.
 */
function slotsOf(sources: readonly Source[], kinds: readonly (readonly (FigureKind | null)[])[]): { slots: Slot[]; bySource: number[][] } {
  const slots: Slot[] = FIGURE_KINDS.map((kind) => ({ kind, period: null, year: NaN, month: NaN }));
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
        slots.push({ kind, period: s.period, year: yearOfPeriod(s.period), month: monthOf(s.period) });
        index.set(id, slot);
      }
      return slot;
    }),
  );
  return { slots, bySource };
}

/** The line's figure in a slot, or undefined (also for slot -1: no source has that figure). */
export function figureAt(line: CollectedLine, slot: number): Money | undefined {
  return line.figures[slot];
}

/** The slot of one kind of figure in one month (`YYYY-MM`), or -1 when no source has it. */
export function monthSlot(col: Collected, kind: FigureKind, month: Period): number {
  return col.slots.findIndex((s) => s.kind === kind && s.period === month);
}

/**
 * A line's figure of one kind in one month (`YYYY-MM`); undefined when it has none there. For many
 * lines, find the month's slot once (monthSlot) and read each line's with figureAt.
 */
export function monthFigure(col: Collected, line: CollectedLine, kind: FigureKind, month: Period): Money | undefined {
  const slot = monthSlot(col, kind, month);
  return slot < 0 ? undefined : line.figures[slot];
}

/** Adds a figure to the line's slot (a line found twice in a source adds up), noting the order months come in. */
function addFigure(line: CollectedLine, slot: Slot, at: number, v: Money): void {
  const old = line.figures[at];
  if (old !== undefined) {
    line.figures[at] = old.plus(v);
    return;
  }
  if (slot.period !== null) {
    line.monthKinds.add(slot.kind);
    line.months.push(at);
  }
  line.figures[at] = v;
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
    if (line.sources[line.sources.length - 1] === si) findings.push(finding('duplicate-line', { label: l.label }, cell, line.key));
    else line.sources.push(si);
    line.cells.push(cell);
  }
  return found;
}

/** Puts a source's figures into its lines (`lines[r]` is the line of the source's line r), in the sources' order. */
function collectFigures(source: Source, lines: readonly CollectedLine[], slots: readonly Slot[], slotOf: readonly number[], factor: Money): void {
  const one = factor.eq(1);
  for (let r = 0; r < source.lines.length; r++) {
    const values = source.lines[r].values;
    for (let i = 0; i < values.length; i++) {
      const at = slotOf[i];
      // The value alone: a row makes an Amount only when one is asked for.
      const v = at < 0 ? null : values.value(i);
      if (v) addFigure(lines[r], slots[at], at, one ? v : v.times(factor));
    }
  }
}

/** The sheet-qualified cells in the first (label) column of a source's range, by row (the range read once). */
function labelCells(range: string, sheet: string): (row: number) => string {
  const r = parseSheetRange(range);
  const at = sheetCell(r?.sheet ?? sheet, 0, r?.range.left ?? 0);
  const prefix = at.slice(0, at.length - 1);
  return (row) => `${prefix}${row + 1}`;
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
  const index = lineIndex(slots.length);
  const found = sources.map((source, si) => findLines(index, source, si, findings));
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
