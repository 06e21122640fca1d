/**
 * Cross-checks of what authors typed: totals and subtotals, grand-total columns, variances in amount
 * and percent, forecast variances. Each is recomputed from the figures beside it; a difference beyond
 * rounding (half a unit of the last shown digit of every value involved) is a finding naming the cell.
 * Rounding alone is never flagged.
 */
import { halfUnit, type Money } from '../money';
import { SeriesTallies, Tally } from '../tally';
import type { SignConvention } from '../model';
import type { Amount, Measure, Series, Source, SourceLine } from '../sources';
import { finding, type Finding } from '../warnings';
import { variance } from './figures';

type Row = SourceLine;

/** Half a unit of the last shown digit of every value involved. */
function tolerance(values: readonly (Amount | null)[], extra: Amount | null = null): Money {
  const t = new Tally().add(extra);
  for (const a of values) t.add(a);
  return t.tolerance();
}

/** Beyond rounding; a figure exactly as computed never differs (rounding allows zero or more), with no tally made. */
export function differs(stated: Amount, computed: Money, involved: readonly (Amount | null)[]): boolean {
  return !stated.value.eq(computed) && stated.value.minus(computed).abs().gt(tolerance(involved, stated));
}

/** The source's lines by row (the first line of a row), made once for all subtotals and only when there are some. */
function linesByRow(source: Source): () => ReadonlyMap<number, Row> {
  let byRow: Map<number, Row> | null = null;
  return () => {
    if (byRow === null) {
      byRow = new Map();
      for (const l of source.lines) if (!byRow.has(l.row)) byRow.set(l.row, l);
    }
    return byRow;
  };
}

/** The lines a total sums: by row, through a map of the source's lines (not a scan per total). */
function linesOf(source: Source, total: Row, lines: () => ReadonlyMap<number, Row>): readonly Row[] {
  if (!total.sums) return source.lines;
  const byRow = lines();
  const out: Row[] = [];
  for (const row of [...new Set(total.sums)].sort((a, b) => a - b)) {
    const l = byRow.get(row);
    if (l) out.push(l);
  }
  return out;
}

/** A grand-total column (`Totalsum`): the month columns it sums, and what its rows' checks found. */
interface TotalColumn {
  readonly at: number;
  readonly months: readonly number[];
  readonly findings: Finding[];
}

function totalColumns(source: Source): TotalColumn[] {
  return source.series.flatMap((t, at) => {
    if (!t.isTotal) return [];
    const months = source.series.flatMap((s, i) => (s.period !== null && !s.isTotal && s.measure === t.measure ? [i] : []));
    return months.length === 0 ? [] : [{ at, months, findings: [] }];
  });
}

/** A row's stated total in a grand-total column against the sum of the month columns of its row. */
function checkRowTotal(row: Row, c: TotalColumn): void {
  const stated = row.values.at(c.at);
  const computed = stated && tallyRow(row, c.months).mismatch(stated);
  if (stated && computed) {
    const params = { what: 'line', label: row.label, stated: stated.value.toFixed(), computed: computed.toFixed() };
    c.findings.push(finding('total-mismatch', params, stated.cell, row.key));
  }
}

/**
 * Stated totals against the figures they sum: total rows column by column, then grand-total columns
 * row by row.
 */
function checkTotals(source: Source): Finding[] {
  const checked = source.series.map((s) => s.measure !== 'variance-pct');
  const columns = totalColumns(source);
  // Indexed: every line's figures are tallied here, and a for…of makes an iterator result per item until optimised.
  for (let r = 0; r < source.lines.length; r++) for (let k = 0; k < columns.length; k++) checkRowTotal(source.lines[r], columns[k]);
  for (const c of columns) source.totals.forEach((t) => checkRowTotal(t, c));
  const byRow = linesByRow(source);
  const out: Finding[] = [];
  let all: SeriesTallies | null = null;
  for (const total of source.totals) {
    // The grand total sums every line: tallied once for all the totals that do.
    const tallies = total.sums
      ? SeriesTallies.of(
          source.series.length,
          linesOf(source, total, byRow).map((l) => l.values),
        )
      : (all ??= SeriesTallies.of(
          source.series.length,
          source.lines.map((l) => l.values),
        ));
    source.series.forEach((_, i) => {
      const s = total.values.at(i);
      const computed = s && checked[i] ? tallies.at(i).mismatch(s) : null;
      if (s && computed) {
        out.push(finding('total-mismatch', { what: 'column', label: total.label, stated: s.value.toFixed(), computed: computed.toFixed() }, s.cell));
      }
    });
  }
  for (const c of columns) for (const f of c.findings) out.push(f);
  return out;
}

function tallyRow(row: Row, columns: readonly number[]): Tally {
  const t = new Tally();
  for (let k = 0; k < columns.length; k++) t.addFigure(row.values.value(columns[k]), row.values.decimals(columns[k]));
  return t;
}

function columnOf(series: readonly Series[], measure: Measure, year: number | null): number {
  const candidates = series.map((s, i) => ({ s, i })).filter(({ s }) => s.measure === measure && s.period === null && !s.isTotal);
  const exact = candidates.find(({ s }) => s.year === null || year === null || s.year === year);
  return (exact ?? candidates[0])?.i ?? -1;
}

function percentText(v: Money): string {
  return v.times(100).toDecimalPlaces(2).toFixed();
}

interface RowCheck {
  readonly row: Row;
  readonly sign: SignConvention;
  readonly col: Record<'variance' | 'pct' | 'budget' | 'actual' | 'forecastVariance' | 'annual' | 'forecast', number>;
}

function at(row: Row, i: number): Amount | null {
  return i < 0 ? null : row.values.at(i);
}

/** A row's check: a finding, `agrees`, or null when the row lacks what it needs. */
type Outcome = Finding | 'agrees' | null;

function checkVariance({ row, sign, col }: RowCheck): Outcome {
  const stated = at(row, col.variance);
  const b = at(row, col.budget);
  const a = at(row, col.actual);
  if (!stated || !b || !a) return null;
  const computed = variance(b.value, a.value, sign);
  if (computed === null) return null;
  if (!differs(stated, computed, [b, a])) return 'agrees';
  return finding('variance-mismatch', { stated: stated.value.toFixed(), computed: computed.toFixed() }, stated.cell, row.key);
}

/** Percent: the variance (recomputed where possible) over |budget|; rounding of the amounts carries over. */
function checkPercent({ row, sign, col }: RowCheck): Outcome {
  const stated = at(row, col.pct);
  const b = at(row, col.budget);
  if (!stated || !b || b.value.isZero()) return null;
  const a = at(row, col.actual);
  const typed = at(row, col.variance);
  const v = a ? variance(b.value, a.value, sign) : typed ? typed.value : null;
  if (v === null) return null;
  const base = b.value.abs();
  const computed = v.div(base);
  const amountsTolerance = tolerance(a ? [b, a] : [b, typed]).div(base);
  const diff = stated.value.minus(computed).abs();
  if (diff.lte(halfUnit(stated.decimals).plus(amountsTolerance))) return 'agrees';
  return finding('variance-pct-mismatch', { stated: percentText(stated.value), computed: percentText(computed) }, stated.cell, row.key);
}

function checkForecastVariance({ row, sign, col }: RowCheck): Outcome {
  const stated = at(row, col.forecastVariance);
  const annual = at(row, col.annual) ?? at(row, col.budget);
  const f = at(row, col.forecast);
  if (!stated || !annual || !f) return null;
  const computed = variance(annual.value, f.value, sign);
  if (computed === null) return null;
  if (!differs(stated, computed, [annual, f])) return 'agrees';
  return finding('forecast-variance-mismatch', { stated: stated.value.toFixed(), computed: computed.toFixed() }, stated.cell, row.key);
}

/** What the typed-in columns' checks found, and which total rows' typed figures agree with their own columns. */
interface TypedChecks {
  readonly findings: Finding[];
  /** Series index → the sheet rows of totals whose typed figure in it agrees with the total's own columns. */
  readonly totalsAgreeing: Map<number, Set<number>>;
  /** Series indexes in which some line was found wrong. */
  readonly accused: Set<number>;
}

/**
 * Typed-in variances of a report table, row by row (totals included). A column most of whose checked
 * figures disagree is no evidence against its authors but against the reading: one finding says so,
 * and no cell of it is accused.
 */
function checkTypedVariances(source: Source, sign: SignConvention, year: number | null): TypedChecks {
  const s = source.series;
  const col = {
    variance: columnOf(s, 'variance', year),
    pct: columnOf(s, 'variance-pct', year),
    budget: columnOf(s, 'budget', year),
    actual: columnOf(s, 'actual', year),
    forecastVariance: columnOf(s, 'forecast-variance', year),
    annual: columnOf(s, 'annual-budget', year),
    forecast: columnOf(s, 'forecast', year),
  };
  const out: TypedChecks = { findings: [], totalsAgreeing: new Map(), accused: new Set() };
  if (col.variance < 0 && col.pct < 0 && col.forecastVariance < 0) return out;
  const kinds = [
    { at: col.variance, check: checkVariance },
    { at: col.pct, check: checkPercent },
    { at: col.forecastVariance, check: checkForecastVariance },
  ];
  for (const { at: j, check } of kinds) {
    if (j < 0) continue;
    const wrong: Finding[] = [];
    let checked = 0;
    const agreeing = new Set<number>();
    for (const row of source.lines) {
      const o = check({ row, sign, col });
      if (o === null) continue;
      checked++;
      if (o !== 'agrees') wrong.push(o);
    }
    const wrongLines = wrong.length;
    for (const row of source.totals) {
      const o = check({ row, sign, col });
      if (o === 'agrees') agreeing.add(row.row);
      else if (o !== null) wrong.push(o);
    }
    out.totalsAgreeing.set(j, agreeing);
    if (checked >= 2 && wrongLines * 2 > checked) {
      out.findings.push(finding('typed-column-disagrees', { header: s[j].header, count: String(wrongLines), of: String(checked) }, wrong[0].cell));
      continue;
    }
    if (wrongLines > 0) out.accused.add(j);
    for (const f of wrong) out.findings.push(f);
  }
  return out;
}

/**
 * A stated total of typed-in figures that agrees with its own row's columns is right even when the
 * lines do not add up to it: a wrong line is accused, not the total beside it.
 */
function accusesACorrectTotal(source: Source, f: Finding, typed: TypedChecks): boolean {
  if (f.code !== 'total-mismatch' || f.params.what !== 'column') return false;
  for (const [j, rows] of typed.totalsAgreeing) {
    if (!typed.accused.has(j)) continue;
    for (const t of source.totals) if (rows.has(t.row) && t.values.at(j)?.cell === f.cell) return true;
  }
  return false;
}

export function checkSource(source: Source, sign: SignConvention, year: number | null): Finding[] {
  const typed = checkTypedVariances(source, sign, year);
  return [...checkTotals(source).filter((f) => !accusesACorrectTotal(source, f, typed)), ...typed.findings];
}
