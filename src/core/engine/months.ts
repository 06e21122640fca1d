/**
 * Month by month: each line's budget and actuals for every month so far, and the share of its annual
 * budget the actuals have used (*forbruksprosent*) against the share of the year gone.
 */
import { dec, MoneySum, ZERO, type Money } from '../money';
import type { LineMonths, MonthByMonth, Subtotal } from '../model';
import { figureAt, type Collected, type CollectedLine, type FigureKind } from './collect';
import { period } from './period';

/** A line's figure of a kind in a month of a year, or undefined when it has none there. */
export type MonthFigure = (line: CollectedLine, kind: FigureKind, year: number, month: number) => Money | undefined;

/**
 * The one place that asks a collected line for its figure of a kind in a month: how a line stores its
 * figures (slots, a packed block) is known here and nowhere else in this module. The slots are looked
 * up once for the model, not for every line.
 */
export function monthFigureOf(col: Collected): MonthFigure {
  const slots = new Map<string, number>();
  col.slots.forEach((s, slot) => {
    if (s.period !== null) slots.set(`${s.kind} ${s.period}`, slot);
  });
  return (line, kind, year, month) => {
    const slot = slots.get(`${kind} ${period(year, month)}`);
    return slot === undefined ? undefined : figureAt(line, slot);
  };
}

/** The share used: actuals over the annual budget (both of one sign for a cost or an income line); null without a budget. */
function usedOf(actualSoFar: Money, annualBudget: Money | null): Money | null {
  return annualBudget === null || annualBudget.isZero() ? null : actualSoFar.div(annualBudget);
}

function lineMonths(budget: (Money | null)[], actual: (Money | null)[], annualBudget: Money | null): LineMonths {
  const soFar = new MoneySum();
  for (const a of actual) soFar.add(a);
  const actualSoFar = soFar.total();
  return { budget, actual, actualSoFar, annualBudget, used: usedOf(actualSoFar, annualBudget) };
}

/**
 * January to the report month for every line (in `col.lines` order) and the total, when the workbook
 * has actuals by month and a report month; else null. A month the workbook has by month but the line
 * lacks is 0 (as the report month's own figures count it); budget months are null where the workbook
 * has no budget by month. The total's months are the lines' added up.
 */
export function monthByMonth(
  col: Collected,
  year: number | null,
  monthsElapsed: number | null,
  annualBudgets: readonly (Money | null)[],
  totalAnnualBudget: Money | null,
): MonthByMonth | null {
  if (year === null || monthsElapsed === null || !col.monthly.has('actual')) return null;
  const budgetByMonth = col.monthly.has('budget');
  const figure = monthFigureOf(col);
  const months = Array.from({ length: monthsElapsed }, (_, i) => i + 1);
  const budgetSums = months.map(() => new MoneySum());
  const actualSums = months.map(() => new MoneySum());
  // The line's figure in each month so far (0 where it has none), added to the month's total as it is read.
  const monthsOf = (line: CollectedLine, kind: FigureKind, sums: MoneySum[]): Money[] =>
    months.map((m, k) => {
      const v = figure(line, kind, year, m) ?? ZERO;
      sums[k].add(v);
      return v;
    });
  const noBudget = months.map(() => null);
  const lines = col.lines.map((line, i) =>
    lineMonths(budgetByMonth ? monthsOf(line, 'budget', budgetSums) : noBudget, monthsOf(line, 'actual', actualSums), annualBudgets[i] ?? null),
  );
  const total = lineMonths(
    budgetSums.map((s) => (budgetByMonth ? s.total() : null)),
    actualSums.map((s) => s.total()),
    totalAnnualBudget,
  );
  return { periods: months.map((m) => period(year, m)), yearGone: dec(monthsElapsed).div(12), budgetByMonth, lines, total, subtotals: [] };
}

/** The lines' months added up, month by month (null budget months stay null: no budget by month). */
export function sumOfMonths(lines: readonly LineMonths[], budgetByMonth: boolean, annualBudget: Money | null, periods: number): LineMonths {
  const month = (of: (l: LineMonths) => Money | null): Money => {
    const sum = new MoneySum();
    for (const l of lines) sum.add(of(l));
    return sum.total();
  };
  const budget = Array.from({ length: periods }, (_, k) => (budgetByMonth ? month((l) => l.budget[k]) : null));
  const actual = Array.from({ length: periods }, (_, k) => month((l) => l.actual[k]));
  return lineMonths(budget, actual, annualBudget);
}

/**
 * Each subtotal's months: the months of its group's lines (as the model already holds them) added up,
 * its share used against the subtotal's own annual budget.
 */
export function withSubtotalMonths(m: MonthByMonth | null, subtotals: readonly Subtotal[]): MonthByMonth | null {
  if (m === null) return null;
  const n = m.periods.length;
  return { ...m, subtotals: subtotals.map((s) => sumOfMonths(m.lines.slice(s.first, s.last + 1), m.budgetByMonth, s.annualBudget, n)) };
}
