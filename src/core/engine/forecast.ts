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

interface MethodInput {
  readonly figures: PeriodFigures;
  readonly monthsElapsed: number | null;
  readonly sign: SignConvention;
}

type Attempt = { forecast: Money } | { missing: string };

function budgetProfile({ figures: f }: MethodInput): Attempt {
  if (f.actual === null) return { missing: 'actuals' };
  if (f.annualBudget === null || f.budget === null) return { missing: 'annual budget' };
  return { forecast: f.actual.plus(f.annualBudget.minus(f.budget)) };
}

function deviationRunRate({ figures: f, monthsElapsed, sign }: MethodInput): Attempt {
  const v = variance(f.budget, f.actual, sign);
  if (v === null) return { missing: 'budget and actuals' };
  if (f.annualBudget === null) return { missing: 'annual budget' };
  if (!monthsElapsed) return { missing: 'period' };
  const yearVariance = v.times(12).div(monthsElapsed);
  return { forecast: sign === 'costs-positive' ? f.annualBudget.minus(yearVariance) : f.annualBudget.plus(yearVariance) };
}

function lastYearProfile({ figures: f }: MethodInput): Attempt {
  if (f.actual === null) return { missing: 'actuals' };
  if (f.priorFullYear === null) return { missing: "last year's full year" };
  if (f.priorYearActual === null || f.priorYearActual.isZero()) return { missing: "last year's same months" };
  return { forecast: f.actual.times(f.priorFullYear).div(f.priorYearActual) };
}

const METHODS: Record<Exclude<ForecastMethod, 'manual'>, (i: MethodInput) => Attempt> = {
  'budget-profile': budgetProfile,
  'deviation-run-rate': deviationRunRate,
  'last-year-profile': lastYearProfile,
};

/**
 * The line's forecast: a manual figure when the line has one; else the asked-for method; else, when
 * that method lacks data for the line, the budget profile (and the reason is reported).
 */
export function forecastLine(
  method: ForecastMethod,
  input: MethodInput,
  manual: Money | null,
): ForecastResult {
  if (manual !== null) return { forecast: toOre(dec(manual)), method: 'manual', fallbackReason: null };
  const asked = method === 'manual' ? null : METHODS[method](input);
  if (asked && 'forecast' in asked) return { forecast: toOre(asked.forecast), method, fallbackReason: null };
  const reason = asked ? asked.missing : 'no manual forecast';
  const fallback = budgetProfile(input);
  if ('forecast' in fallback) return { forecast: toOre(fallback.forecast), method: 'budget-profile', fallbackReason: reason };
  return { forecast: null, method: null, fallbackReason: reason };
}
