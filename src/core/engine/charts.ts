/**
 * The figures the charts draw, computed here like every other figure: the total month by month with
 * the sums from January (this year's budget and actuals, last year's actuals), and the bridge from the
 * gap through each measure to what is left uncovered.
 */
import { MoneySum, ZERO, type Money } from '../money';
import type { BridgeStep, ChartFigures, MeasuresSummary, MonthTotal } from '../model';
import { figureAt, monthSlot, type Collected, type FigureKind } from './collect';
import { period } from './period';

type MonthKind = Extract<FigureKind, 'budget' | 'actual' | 'prior'>;
const MONTH_KINDS: readonly MonthKind[] = ['budget', 'actual', 'prior'];

/**
 * Every month slot's total over the lines (a line without a figure there adds nothing), in one pass
 * line by line: the charts need three kinds × twelve months, and going over every line once per
 * month read each line's figures 36 times.
 */
function slotTotals(col: Collected): MoneySum[] {
  const sums = col.slots.map(() => new MoneySum());
  for (let i = 0; i < col.lines.length; i++) {
    const line = col.lines[i];
    const months = line.months;
    for (let j = 0; j < months.length; j++) sums[months[j]].add(figureAt(line, months[j]));
  }
  return sums;
}

/**
 * Each month's total of one kind, January to December: the sum over the lines of their figure in that
 * month; null for a month no source has, and for every month when the workbook does not have the kind
 * by month.
 */
function monthSums(col: Collected, totals: readonly MoneySum[], kind: MonthKind, year: number): (Money | null)[] {
  if (!col.monthly.has(kind)) return new Array<Money | null>(12).fill(null);
  return Array.from({ length: 12 }, (_, i) => {
    const slot = monthSlot(col, kind, period(year, i + 1));
    // A month no source has (last year's actuals up to the same month only) is no zero month.
    return slot < 0 ? null : totals[slot].total();
  });
}

/** Running sums from January; null from the first month that has none. */
function cumulative(values: readonly (Money | null)[]): (Money | null)[] {
  let acc: Money | null = ZERO;
  return values.map((v) => (acc = acc === null || v === null ? null : acc.plus(v)));
}

/**
 * The twelve months of the budget year, when the workbook has budget or actuals by month. Actuals stop
 * at the report month (later months have none yet, even where a source shows zeros).
 */
export function monthTotals(col: Collected, year: number | null, reportMonth: number | null): MonthTotal[] {
  if (year === null || !(col.monthly.has('actual') || col.monthly.has('budget'))) return [];
  const totals = slotTotals(col);
  const [budget, actual, prior] = MONTH_KINDS.map((k) => monthSums(col, totals, k, k === 'prior' ? year - 1 : year));
  const last = reportMonth ?? 12;
  const actualSoFar = actual.map((v, i) => (i < last ? v : null));
  const [cb, ca, cp] = [budget, actualSoFar, prior].map(cumulative);
  return budget.map((b, i) => ({
    period: period(year, i + 1),
    budget: b,
    actual: actualSoFar[i],
    priorYearActual: prior[i],
    cumulativeBudget: cb[i],
    cumulativeActual: ca[i],
    cumulativePriorYearActual: cp[i],
  }));
}

/** A bar from `from` to `to` as an invisible base and the visible parts above and below zero. */
function bar(from: Money, to: Money): Pick<BridgeStep, 'base' | 'rise' | 'fall'> {
  const [lo, hi] = from.cmp(to) <= 0 ? [from, to] : [to, from];
  if (!lo.isNegative()) return { base: lo, rise: hi.minus(lo), fall: ZERO };
  if (!hi.isPositive()) return { base: hi, rise: ZERO, fall: lo.minus(hi) };
  // Crossing zero: stacked columns draw positives up and negatives down from zero, with no base.
  return { base: ZERO, rise: hi, fall: lo };
}

/**
 * Gap → each quantified measure → uncovered, signed as the measures sheet and the summary show them:
 * the gap below zero (what is missing), each measure's effect rising towards zero, what is left
 * below zero when uncovered and above when over-covered. A measure's effect is its effect this year
 * where the measures have those (as the gap's coverage counts them), else its full-year effect.
 */
export function bridgeSteps(m: MeasuresSummary | null): BridgeStep[] {
  const gap = m?.gap;
  if (!m || !gap) return [];
  const thisYear = m.totalThisYear !== null;
  const missing = gap.amount.neg();
  const steps: BridgeStep[] = [{ kind: 'gap', label: '', amount: missing, ...bar(ZERO, missing), favourable: !gap.amount.isPositive() }];
  let left = missing;
  for (const item of m.items) {
    const effect = thisYear ? item.effectThisYear : item.fullYearEffect;
    if (!item.quantified || effect === null) continue;
    const after = left.plus(effect);
    steps.push({ kind: 'measure', label: item.name, amount: effect, ...bar(left, after), favourable: !effect.isNegative() });
    left = after;
  }
  const leftOver = gap.uncovered.neg();
  steps.push({ kind: 'uncovered', label: '', amount: leftOver, ...bar(ZERO, leftOver), favourable: !gap.uncovered.isPositive() });
  return steps;
}

export function chartFigures(col: Collected, year: number | null, reportMonth: number | null, measures: MeasuresSummary | null): ChartFigures {
  return { months: monthTotals(col, year, reportMonth), bridge: bridgeSteps(measures) };
}
