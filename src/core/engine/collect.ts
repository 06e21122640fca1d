/**
 * Gathers every source's figures per line, matched across sources by key (else by normalised name),
 * converted to one unit. The result is the raw material for the period figures and the checks.
 */
import { dec, type Money } from '../money';
import { parseSheetRange, sheetCell } from '../grid';
import { normaliseName } from '../labels';
import { finding, type Finding } from '../warnings';
import { UNIT_FACTOR, type Period, type Series, type Source, type SourceLine, type Unit } from '../sources';

/**
 * A line's figures of one kind by month: a dozen entries at most, kept in two small arrays (a Map per
 * line and kind cost more to build than everything done with it).
 */
export class MonthFigures {
  private readonly periods: Period[] = [];
  private readonly values: Money[] = [];

  get size(): number {
    return this.periods.length;
  }

  get(p: Period): Money | undefined {
    const i = this.periods.indexOf(p);
    return i < 0 ? undefined : this.values[i];
  }

  forEach(f: (v: Money, p: Period) => void): void {
    for (let i = 0; i < this.periods.length; i++) f(this.values[i], this.periods[i]);
  }

  /** Adds `v` to the month's figure (a line found twice in a source adds up). */
  add(p: Period, v: Money): void {
    const i = this.periods.indexOf(p);
    if (i >= 0) this.values[i] = this.values[i].plus(v);
    else {
      this.periods.push(p);
      this.values.push(v);
    }
  }
}

/** The month-by-month and aggregate figures of one kind for one line. */
export interface FigureSeries {
  /** By month; filled by addFigure only. */
  months: MonthFigures;
  /** Sum of the non-month columns of this kind (year to date or annual, as the kind says). */
  aggregate: Money | null;
}

export type FigureKind = 'budget' | 'annual-budget' | 'actual' | 'prior' | 'forecast';
export const FIGURE_KINDS: readonly FigureKind[] = ['budget', 'annual-budget', 'actual', 'prior', 'forecast'];

export interface CollectedLine {
  readonly key: string;
  readonly name: string;
  readonly label: string;
  /** Sheet-qualified label cells, one per source the line was found in. */
  readonly cells: string[];
  /** Indexes of the sources the line was found in. */
  readonly sourceIndexes: Set<number>;
  /** The subtotal the line belongs to in its first source that has subtotals (`1100 Totalt`), or null. */
  group: string | null;
  readonly figures: Record<FigureKind, FigureSeries>;
}

export interface Collected {
  readonly lines: CollectedLine[];
  /** The budget year: the latest year of the actuals (else of the budget). */
  readonly year: number | null;
  readonly unit: Unit | null;
  /** Which kinds of figure the workbook has at all: a line missing in such a source counts as zero. */
  readonly available: ReadonlySet<FigureKind>;
  /** Which kinds come by month in some source. */
  readonly monthly: ReadonlySet<FigureKind>;
  readonly findings: Finding[];
}

const NO_MONTHS = new MonthFigures();

function emptyFigures(): Record<FigureKind, FigureSeries> {
  const out = {} as Record<FigureKind, FigureSeries>;
  // Most lines lack most kinds: they share one empty set of months until a figure comes (addFigure).
  for (const k of FIGURE_KINDS) out[k] = { months: NO_MONTHS, aggregate: null };
  return out;
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

/** True when the line's key is a code (`512`), not its name. */
function hasCode(l: { readonly key: string; readonly name: string }): boolean {
  return l.key !== normaliseName(l.name);
}

class LineIndex {
  readonly lines: CollectedLine[] = [];
  private readonly byKey = new Map<string, CollectedLine>();
  private readonly byName = new Map<string, CollectedLine>();

  /**
   * The line with the same key; else the line with the same name when one of the two has no code
   * (`512 Verksamhetsstöd` and `Verksamhetsstöd`). Two lines with different codes are different
   * lines even when their names agree (`3100 Administrasjon`, `3200 Administrasjon`).
   */
  find(l: SourceLine): CollectedLine | undefined {
    const same = this.byKey.get(l.key);
    if (same) return same;
    const named = this.byName.get(normaliseName(l.name));
    return named && (!hasCode(l) || !hasCode(named)) ? named : undefined;
  }

  add(l: SourceLine): CollectedLine {
    const line: CollectedLine = {
      key: l.key,
      name: l.name,
      label: l.label,
      cells: [],
      sourceIndexes: new Set(),
      group: null,
      figures: emptyFigures(),
    };
    this.lines.push(line);
    this.byKey.set(l.key, line);
    const n = normaliseName(l.name);
    if (!this.byName.has(n)) this.byName.set(n, line);
    return line;
  }
}

function addFigure(f: FigureSeries, period: Period | null, v: Money): void {
  if (period === null) {
    f.aggregate = f.aggregate === null ? v : f.aggregate.plus(v);
    return;
  }
  if (f.months === NO_MONTHS) f.months = new MonthFigures();
  f.months.add(period, v);
}

function collectSource(
  index: LineIndex,
  source: Source,
  si: number,
  kinds: (FigureKind | null)[],
  factor: Money,
  findings: Finding[],
): void {
  const seen = new Set<CollectedLine>();
  const one = factor.eq(1);
  const groupOfRow = new Map<number, string>();
  for (const t of source.totals) for (const r of t.sums ?? []) groupOfRow.set(r, t.label);
  const cellOf = labelCells(source.range, source.sheet);
  for (const l of source.lines) {
    const line = index.find(l) ?? index.add(l);
    line.group = line.group ?? groupOfRow.get(l.row) ?? null;
    const cell = cellOf(l.row);
    if (seen.has(line)) findings.push(finding('duplicate-line', { label: l.label }, cell, line.key));
    seen.add(line);
    line.sourceIndexes.add(si);
    line.cells.push(cell);
    for (let i = 0; i < l.values.length; i++) {
      const a = l.values[i];
      const kind = kinds[i];
      if (a && kind) addFigure(line.figures[kind], source.series[i].period, one ? a.value : a.value.times(factor));
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
  const index = new LineIndex();
  const available = new Set<FigureKind>();
  const monthly = new Set<FigureKind>();
  sources.forEach((source, si) => {
    const kinds = source.series.map((s) => kindOf(s, year));
    kinds.forEach((k, i) => {
      if (!k) return;
      available.add(k);
      if (source.series[i].period !== null) monthly.add(k);
    });
    collectSource(index, source, si, kinds, scaleFactor(source.unit, unit), findings);
  });
  for (const f of missingLines(index.lines, sources, year)) findings.push(f); // not push(...): there can be more than the stack holds
  return { lines: index.lines, year, unit, available, monthly, findings };
}

/** A line absent from a source that holds figures counts as zero there; say so, once per source. */
function missingLines(lines: readonly CollectedLine[], sources: readonly Source[], year: number | null): Finding[] {
  const out: Finding[] = [];
  sources.forEach((s, si) => {
    if (!s.series.some((x) => kindOf(x, year) !== null) || s.lines.length === 0) return;
    for (const l of lines) {
      if (!l.sourceIndexes.has(si)) out.push(finding('line-missing', { label: l.label, missingIn: s.range }, null, l.key));
    }
  });
  return out;
}
