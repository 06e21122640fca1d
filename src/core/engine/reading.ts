/**
 * The workbook's own arithmetic as evidence of the reading. Where a report table states variances,
 * they say which column holds this year's actuals, how costs are signed, and whether the "variance"
 * is an amount or a ratio. Before anything is computed, every reading the headers leave open is tried
 * against the typed-in figures, and the one most rows agree with is taken. When none fits most rows,
 * the table says so once, and its actuals are left out rather than read wrong.
 */
import type { Money } from '../money';
import type { SignConvention, SignSetting } from '../model';
import type { Amount, Measure, Series, Source, SourceLine, Unit } from '../sources';
import { scaleLine, unitScale, UNITS } from '../units';
import { finding, type Finding } from '../warnings';
import { withDescription } from '../read/source';
import { differs } from './checks';
import { variance } from './figures';

/** One way of reading a table: which column is this year's actuals, the sign, amount or ratio, and the typed column's unit. */
interface Reading {
  readonly actual: number;
  readonly sign: SignConvention;
  readonly ratio: boolean;
  /** The unit the typed-in variances are written in, when another than the table's (kr in a tkr table); else null. */
  readonly unit: Unit | null;
}

export interface ReadingResult {
  readonly source: Source;
  /** The sign the arithmetic supports, or null when it does not tell. */
  readonly sign: SignConvention | null;
  readonly findings: readonly Finding[];
}

const SIGNS: readonly SignConvention[] = ['costs-positive', 'costs-negative'];

function aggregateColumns(series: readonly Series[], measures: readonly Measure[]): number[] {
  return series.flatMap((s, i) => (measures.includes(s.measure) && s.period === null && !s.isTotal ? [i] : []));
}

/** Whether a row's typed figure agrees with the reading (null when the row cannot tell). */
function agrees(row: SourceLine, r: Reading, cols: { typed: number; budget: number; unit: Unit | null }): boolean | null {
  const stated = row.values.at(cols.typed);
  const scale = unitScale(r.unit, cols.unit);
  const typed = stated && scale ? scale(stated) : stated;
  const b = row.values.at(cols.budget);
  const a = row.values.at(r.actual);
  if (!typed || !b || !a) return null;
  const v = variance(b.value, a.value, r.sign) as Money;
  if (!r.ratio) return !differs(typed, v, [b, a]);
  if (b.value.isZero()) return null;
  const computed = v.div(b.value.abs());
  // A ratio is shown with few decimals: half a unit of its last one, and the amounts' rounding over the budget.
  const shown: Amount = { value: typed.value, decimals: typed.decimals ?? 4, cell: typed.cell };
  return !differs(shown, computed, []);
}

/** How many rows agree with a reading, and how many could tell. */
function score(rows: readonly SourceLine[], r: Reading, cols: { typed: number; budget: number; unit: Unit | null }): { agree: number; told: number } {
  let agree = 0;
  let told = 0;
  for (const row of rows) {
    const a = agrees(row, r, cols);
    if (a === null) continue;
    told++;
    if (a) agree++;
  }
  return { agree, told };
}

/**
 * The reading a table's typed-in variance column supports. Tables without one, or whose reading the
 * person chose (`fixed`), are returned as they are.
 */
export function readingOf(source: Source, setting: SignSetting, fixed = false): ReadingResult {
  const none: ReadingResult = { source, sign: null, findings: [] };
  if (source.kind !== 'table' || fixed) return none;
  const typed = aggregateColumns(source.series, ['variance'])[0];
  const budget = aggregateColumns(source.series, ['budget'])[0] ?? aggregateColumns(source.series, ['annual-budget'])[0];
  // This year's column as the headers read it first: on a tie, the headers' reading stands.
  const actuals = [...aggregateColumns(source.series, ['actual']), ...aggregateColumns(source.series, ['prior-actual'])];
  if (typed === undefined || budget === undefined || actuals.length === 0) return none;
  const cols = { typed, budget, unit: source.unit };
  const rows = sample(source.lines);
  const signs = setting === 'auto' ? SIGNS : [setting];
  // The typed column in the table's unit first; in another only where the table's unit is known.
  const units: (Unit | null)[] = [null, ...(source.unit ? UNITS.filter((u) => u !== source.unit) : [])];
  // The headers' reading first; each reading's signs side by side (see scoreUntilSettled).
  const forms = [...units.map((unit) => ({ ratio: false, unit })), { ratio: true, unit: null }];
  const tried = actuals.flatMap((actual) => forms.flatMap((f) => signs.map((sign) => ({ actual, sign, ...f }))));
  const scored = scoreUntilSettled(tried, rows, cols);
  const told = Math.max(...scored.map((x) => x.told));
  if (told < 2) return none;
  const best = scored.reduce((a, b) => (b.agree > a.agree ? b : a));
  // Most figures disagreeing with every reading: none of them is the workbook's.
  if (best.agree * 2 < best.told) return unclear(source);
  // Both signs fit only when the variances are all zero: then the sign is not told.
  const sign = scored.some(
    (x) => x.r.actual === best.r.actual && x.r.ratio === best.r.ratio && x.r.unit === best.r.unit && x.r.sign !== best.r.sign && x.agree === best.agree,
  )
    ? null
    : best.r.sign;
  return { source: withReading(source, best.r, actuals, typed), sign, findings: [] };
}

/**
 * Readings scored in the order tried (the headers' own first). When both signs of a reading have been
 * scored and one fits every row that can tell, no later reading can do better (a tie keeps the first):
 * the rest are not scored. Most tables are read right by their headers, and stop there.
 */
function scoreUntilSettled(
  tried: readonly Reading[],
  rows: readonly SourceLine[],
  cols: { typed: number; budget: number; unit: Unit | null },
): { r: Reading; agree: number; told: number }[] {
  const out: { r: Reading; agree: number; told: number }[] = [];
  const signCount = new Set(tried.map((t) => t.sign)).size;
  for (const r of tried) {
    out.push({ r, ...score(rows, r, cols) });
    const signs = out.filter((x) => x.r.actual === r.actual && x.r.ratio === r.ratio && x.r.unit === r.unit);
    if (signs.length === signCount && signs.some((x) => x.told >= 2 && x.agree === x.told)) return out;
  }
  return out;
}

/** The evidence needs no more than a few hundred rows: a large table is sampled evenly, its first and last rows included. */
const SAMPLE = 400;

function sample(lines: readonly SourceLine[]): readonly SourceLine[] {
  if (lines.length <= SAMPLE) return lines;
  const step = (lines.length - 1) / (SAMPLE - 1);
  return Array.from({ length: SAMPLE }, (_, i) => lines[Math.round(i * step)]);
}

/**
 * The source read as `r`: its actual column this year's, the other actual columns last year's, the
 * typed column an amount or a ratio, in the table's unit (converted when it was written in another).
 */
function withReading(source: Source, r: Reading, actuals: readonly number[], typed: number): Source {
  const series = source.series.map((s, i): Series => {
    if (i === r.actual) return s.measure === 'actual' ? s : { ...s, measure: 'actual' };
    if (actuals.includes(i)) return s.measure === 'prior-actual' ? s : { ...s, measure: 'prior-actual' };
    if (i === typed && r.ratio) return { ...s, measure: 'variance-pct' };
    if (i === typed && r.unit) return { ...s, unit: r.unit };
    return s;
  });
  if (series.every((s, i) => s === source.series[i])) return source;
  const scale = unitScale(r.unit, source.unit);
  const scales = source.series.map((_, j) => (j === typed ? scale : null));
  const convert = (l: SourceLine): SourceLine => scaleLine(l, scales);
  const { description: _d, ...rest } = source;
  void _d;
  return withDescription({ ...rest, series, lines: rest.lines.map(convert), totals: rest.totals.map(convert) });
}

/** No reading fits: said once, and the actual columns left out, so no variance is computed from a guess. */
function unclear(source: Source): ReadingResult {
  const series = source.series.map((s): Series => (s.measure === 'actual' && s.period === null ? { ...s, measure: 'ignored' } : s));
  const { description: _d, ...rest } = source;
  void _d;
  const cell = source.range;
  return { source: withDescription({ ...rest, series }), sign: null, findings: [finding('reading-unclear', { range: source.range }, cell)] };
}
