/**
 * Period figures per line: annual budget, budget and actuals so far, the same months last year, and
 * the variance, positive when favourable under either sign convention.
 */
import { Money, MoneySum, ZERO } from '../money';
import type { Period } from '../sources';
import type { SignConvention } from '../model';
import { aggregateSlot, figureAt, monthSlot, type Collected, type CollectedLine, type FigureKind, type Slot } from './collect';
import { monthOf, period } from './period';

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

/** The month slots one figure adds up (say, the budget's months of this year up to the report month), chosen once for the model. */
type Selection = readonly boolean[];

function selection(all: readonly Slot[], kind: FigureKind, year: number | null, upTo: number): Selection {
  return all.map((s) => s.period !== null && s.kind === kind && s.year === year && s.month <= upTo);
}

/**
 * The total of the line's figures in the selected month slots, added in the order they came (decimals
 * round, so order counts); null when `count` is given and the line has another number of figures there.
 */
function selectedTotal(sel: Selection, line: CollectedLine, count = -1): Money | null {
  const total = new MoneySum();
  // Indexed: this runs for several figures of every line, and a for…of makes an iterator result per month until optimised.
  const months = line.months;
  for (let i = 0; i < months.length; i++) if (sel[months[i]]) total.add(figureAt(line, months[i]));
  return count >= 0 && total.size !== count ? null : total.total();
}

export interface FigureContext {
  readonly year: number | null;
  readonly period: Period | null;
  readonly available: ReadonlySet<FigureKind>;
  /** Kinds the workbook has by month (a line missing there has 0 for the month). */
  readonly monthly: ReadonlySet<FigureKind>;
  readonly budgetToDate: Selection;
  readonly actualToDate: Selection;
  readonly priorToDate: Selection;
  readonly budgetYear: Selection;
  readonly priorYear: Selection;
  readonly forecastYear: Selection;
  /** The report month's slot of the budget and of the actuals (-1 when there is none). */
  readonly monthBudget: number;
  readonly monthActual: number;
}

/** What every line's period figures need, worked out once: the slots each figure adds up. */
export function figureContext(col: Collected, chosen: Period | null): FigureContext {
  const { year, slots } = col;
  const month = chosen ? monthOf(chosen) : null;
  const upTo = month ?? 12;
  const prior = year === null ? null : year - 1;
  const inMonth = (kind: FigureKind): number => (year === null || month === null ? -1 : monthSlot(col, kind, period(year, month)));
  return {
    year,
    period: chosen,
    available: col.available,
    monthly: col.monthly,
    budgetToDate: selection(slots, 'budget', year, upTo),
    actualToDate: selection(slots, 'actual', year, upTo),
    priorToDate: selection(slots, 'prior', prior, upTo),
    budgetYear: selection(slots, 'budget', year, Infinity),
    priorYear: selection(slots, 'prior', prior, Infinity),
    forecastYear: selection(slots, 'forecast', year, 12),
    monthBudget: inMonth('budget'),
    monthActual: inMonth('actual'),
  };
}

function aggregate(line: CollectedLine, kind: FigureKind): Money | null {
  return figureAt(line, aggregateSlot(kind)) ?? null;
}

function hasMonths(line: CollectedLine, kind: FigureKind): boolean {
  return line.monthKinds.has(kind);
}

/** Sum of the selected months (of a year, up to a month); the aggregate when the line has no months of the kind. */
function toDate(line: CollectedLine, kind: FigureKind, year: number | null, months: Selection): Money | null {
  if (!hasMonths(line, kind) || year === null) return aggregate(line, kind);
  return selectedTotal(months, line);
}

/** The whole year when all twelve months are there; else null (a part year is no annual figure). */
function fullYear(line: CollectedLine, year: number | null, months: Selection): Money | null {
  if (year === null) return null;
  return selectedTotal(months, line, 12);
}

/**
 * The report month alone: the line's figure for it, 0 when the workbook has this kind by month but not
 * for this line, null when the workbook has it by month nowhere (or there is no period).
 */
function inMonth(line: CollectedLine, kind: FigureKind, ctx: FigureContext, slot: number): Money | null {
  if (ctx.year === null || !ctx.period || !ctx.monthly.has(kind)) return null;
  return (slot < 0 ? undefined : figureAt(line, slot)) ?? ZERO;
}

/** A figure the workbook has but this line lacks counts as zero; one it does not have at all is null. */
function orZero(v: Money | null, kind: FigureKind, ctx: FigureContext): Money | null {
  return v ?? (ctx.available.has(kind) ? ZERO : null);
}

export function periodFigures(line: CollectedLine, ctx: FigureContext): PeriodFigures {
  const { year } = ctx;
  const prior = year === null ? null : year - 1;
  const annual = aggregate(line, 'annual-budget') ?? fullYear(line, year, ctx.budgetYear);
  const annualAvailable = ctx.available.has('annual-budget') || annual !== null;
  return {
    annualBudget: annual ?? (annualAvailable ? ZERO : null),
    budget: orZero(toDate(line, 'budget', year, ctx.budgetToDate), 'budget', ctx),
    actual: orZero(toDate(line, 'actual', year, ctx.actualToDate), 'actual', ctx),
    priorYearActual: orZero(toDate(line, 'prior', prior, ctx.priorToDate), 'prior', ctx),
    priorFullYear: hasMonths(line, 'prior') ? fullYear(line, prior, ctx.priorYear) : null,
    statedForecast: hasMonths(line, 'forecast') ? toDate(line, 'forecast', year, ctx.forecastYear) : aggregate(line, 'forecast'),
    monthBudget: inMonth(line, 'budget', ctx, ctx.monthBudget),
    monthActual: inMonth(line, 'actual', ctx, ctx.monthActual),
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
  const sumOf = (get: (p: PeriodFigures) => Money | null): Money | null => {
    const total = new MoneySum();
    for (let i = 0; i < figures.length; i++) total.add(get(figures[i]));
    return total.totalOrNull();
  };
  const basis = firstNonZero(
    () => sumOf((p) => p.annualBudget),
    () => sumOf((p) => p.budget),
    () => sumOf((p) => p.actual),
  );
  if (!basis) return { sign: 'costs-positive', clear: false };
  return { sign: basis.isNegative() ? 'costs-negative' : 'costs-positive', clear: true };
}

/** The first of the sums that is there and not zero, each summed only when the ones before it are not. */
function firstNonZero(...sums: (() => Money | null)[]): Money | null {
  for (const sum of sums) {
    const v = sum();
    if (v !== null && !v.isZero()) return v;
  }
  return null;
}
