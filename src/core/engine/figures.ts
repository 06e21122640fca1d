/**
 * Period figures per line: annual budget, budget and actuals so far, the same months last year, and
 * the variance, positive when favourable under either sign convention.
 */
import { dec, MoneySum, sumOrNull, type Money } from '../money';
import type { Period } from '../sources';
import type { SignConvention } from '../model';
import type { CollectedLine, FigureKind, FigureSeries } from './collect';
import { monthOf, period, yearOfPeriod } from './period';

export interface PeriodFigures {
  readonly annualBudget: Money | null;
  readonly budget: Money | null;
  readonly actual: Money | null;
  readonly priorYearActual: Money | null;
  /** Last year's whole year (12 months), for the last-year-profile forecast. */
  readonly priorFullYear: Money | null;
  /** A forecast the author gave in a source (the line's own judgement). */
  readonly statedForecast: Money | null;
  /** The report month alone (not year to date); null without monthly figures. */
  readonly monthBudget: Money | null;
  readonly monthActual: Money | null;
}


/** Sum of the months of `year` up to and including `month`; the aggregate when there are no months. */
function toDate(f: FigureSeries, year: number | null, month: number | null): Money | null {
  if (f.months.size === 0 || year === null) return f.aggregate;
  const upTo = month ?? 12;
  const total = new MoneySum();
  // forEach, not for-of: no entry array per month of every line.
  f.months.forEach((v, p) => {
    if (yearOfPeriod(p) === year && monthOf(p) <= upTo) total.add(v);
  });
  return total.total();
}

/** The whole year when all twelve months are there; else null (a part year is no annual figure). */
function fullYear(f: FigureSeries, year: number | null): Money | null {
  if (year === null) return null;
  const total = new MoneySum();
  f.months.forEach((v, p) => {
    if (yearOfPeriod(p) === year) total.add(v);
  });
  return total.size === 12 ? total.total() : null;
}

export interface FigureContext {
  readonly year: number | null;
  readonly period: Period | null;
  readonly available: ReadonlySet<FigureKind>;
  /** Kinds the workbook has by month (a line missing there has 0 for the month). */
  readonly monthly: ReadonlySet<FigureKind>;
}

/**
 * The report month alone: the line's figure for it, 0 when the workbook has this kind by month but not
 * for this line, null when the workbook has it by month nowhere (or there is no period).
 */
function inMonth(f: FigureSeries, kind: FigureKind, ctx: FigureContext, month: number | null): Money | null {
  if (ctx.year === null || month === null || !ctx.monthly.has(kind)) return null;
  return f.months.get(period(ctx.year, month)) ?? dec(0);
}

/** A figure the workbook has but this line lacks counts as zero; one it does not have at all is null. */
function orZero(v: Money | null, kind: FigureKind, ctx: FigureContext): Money | null {
  return v ?? (ctx.available.has(kind) ? dec(0) : null);
}

export function periodFigures(line: CollectedLine, ctx: FigureContext): PeriodFigures {
  const month = ctx.period ? monthOf(ctx.period) : null;
  const f = line.figures;
  const prior = ctx.year === null ? null : ctx.year - 1;
  const annual = f['annual-budget'].aggregate ?? fullYear(f.budget, ctx.year);
  const annualAvailable = ctx.available.has('annual-budget') || annual !== null;
  return {
    annualBudget: annual ?? (annualAvailable ? dec(0) : null),
    budget: orZero(toDate(f.budget, ctx.year, month), 'budget', ctx),
    actual: orZero(toDate(f.actual, ctx.year, month), 'actual', ctx),
    priorYearActual: orZero(toDate(f.prior, prior, month), 'prior', ctx),
    priorFullYear: f.prior.months.size > 0 ? fullYear(f.prior, prior) : null,
    statedForecast: f.forecast.months.size > 0 ? toDate(f.forecast, ctx.year, 12) : f.forecast.aggregate,
    monthBudget: inMonth(f.budget, 'budget', ctx, month),
    monthActual: inMonth(f.actual, 'actual', ctx, month),
  };
}

/** Favourable is positive: budget − actual when costs are positive, actual − budget when negative. */
export function variance(budget: Money | null, actual: Money | null, sign: SignConvention): Money | null {
  if (budget === null || actual === null) return null;
  return sign === 'costs-positive' ? budget.minus(actual) : actual.minus(budget);
}

/**
 * variance / |base| as an exact fraction (40 significant digits, as a spreadsheet would compute it);
 * null when base is zero or absent. Reports round it where they show it.
 */
export function ratio(v: Money | null, base: Money | null): Money | null {
  if (v === null || base === null || base.isZero()) return null;
  return v.div(base.abs());
}

/** Costs positive when the budget (else the actuals) adds up to a positive amount. */
export function detectSign(figures: readonly PeriodFigures[]): { sign: SignConvention; clear: boolean } {
  const pick = (get: (p: PeriodFigures) => Money | null): Money | null => sumOrNull(figures.map(get));
  const basis = [pick((p) => p.annualBudget), pick((p) => p.budget), pick((p) => p.actual)].find((v) => v !== null && !v.isZero());
  if (!basis) return { sign: 'costs-positive', clear: false };
  return { sign: basis.isNegative() ? 'costs-negative' : 'costs-positive', clear: true };
}
