/**
 * Year-end forecasts per line. Formulas (documented in README):
 * - budget-profile:     forecast = actual so far + (annual budget − budget so far)
 * - deviation-run-rate: forecast variance = variance so far × 12 / months elapsed;
 *                       forecast = annual budget ∓ that variance (the sign convention decides)
 * - last-year-profile:  forecast = actual so far × last year's full year / last year's same months
 * - manual:             the figure a person gave for the line (it overrides the method for that line)
 * Forecasts are rounded to øre, so the lines add up to the total exactly.
 */
import { dec, toOre, type Money } from '../money';
import type { ForecastMethod, SignConvention } from '../model';
import type { PeriodFigures } from './figures';
import { variance } from './figures';

export interface ForecastResult {
  readonly forecast: Money | null;
  readonly method: ForecastMethod | null;
  /** Why the asked-for method could not be used for this line, when it could not. */
  readonly fallbackReason: string | null;
}

/** What every line's forecast shares: the months elapsed and the sign convention (one object, not one per line). */
export interface ForecastContext {
  readonly monthsElapsed: number | null;
  readonly sign: SignConvention;
}

/** The forecast, or what it lacks (a string, not an object per line). */
type Attempt = Money | string;

function budgetProfile(f: PeriodFigures): Attempt {
  if (f.actual === null) return 'actuals';
  if (f.annualBudget === null || f.budget === null) return 'annual budget';
  return f.actual.plus(f.annualBudget.minus(f.budget));
}

function deviationRunRate(f: PeriodFigures, { monthsElapsed, sign }: ForecastContext): Attempt {
  const v = variance(f.budget, f.actual, sign);
  if (v === null) return 'budget and actuals';
  if (f.annualBudget === null) return 'annual budget';
  if (!monthsElapsed) return 'period';
  const yearVariance = v.times(12).div(monthsElapsed);
  return sign === 'costs-positive' ? f.annualBudget.minus(yearVariance) : f.annualBudget.plus(yearVariance);
}

function lastYearProfile(f: PeriodFigures): Attempt {
  if (f.actual === null) return 'actuals';
  if (f.priorFullYear === null) return "last year's full year";
  if (f.priorYearActual === null || f.priorYearActual.isZero()) return "last year's same months";
  return f.actual.times(f.priorFullYear).div(f.priorYearActual);
}

const METHODS: Record<Exclude<ForecastMethod, 'manual'>, (f: PeriodFigures, c: ForecastContext) => Attempt> = {
  'budget-profile': budgetProfile,
  'deviation-run-rate': deviationRunRate,
  'last-year-profile': lastYearProfile,
};

/**
 * The line's forecast: a manual figure when the line has one; else the asked-for method; else, when
 * that method lacks data for the line, the budget profile (and the reason is reported).
 */
export function forecastLine(method: ForecastMethod, figures: PeriodFigures, context: ForecastContext, manual: Money | null): ForecastResult {
  if (manual !== null) return { forecast: toOre(dec(manual)), method: 'manual', fallbackReason: null };
  const asked = method === 'manual' ? null : METHODS[method](figures, context);
  if (asked !== null && typeof asked !== 'string') return { forecast: toOre(asked), method, fallbackReason: null };
  const reason = asked ?? 'no manual forecast';
  const fallback = budgetProfile(figures);
  if (typeof fallback !== 'string') return { forecast: toOre(fallback), method: 'budget-profile', fallbackReason: reason };
  return { forecast: null, method: null, fallbackReason: reason };
}
