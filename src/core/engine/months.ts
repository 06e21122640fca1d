/**
 * Month by month: each line's budget and actuals for every month so far, and the share of its annual
 * budget the actuals have used (*forbruksprosent*) against the share of the year gone.
 */
import { dec, MoneySum, ZERO, type Money } from '../money';
import type { LineMonths, MonthByMonth, Subtotal } from '../model';
import { figureAt, monthSlot, type Collected, type CollectedLine, type FigureKind } from './collect';
import { period } from './period';

/** The share used: actuals over the annual budget (both of one sign for a cost or an income line); null without a budget. */
function usedOf(actualSoFar: Money, annualBudget: Money | null): Money | null {
  return annualBudget === null || annualBudget.isZero() ? null : actualSoFar.div(annualBudget);
}

function lineMonths(budget: (Money | null)[], actual: (Money | null)[], annualBudget: Money | null): LineMonths {
  const soFar = new MoneySum();
  for (let k = 0; k < actual.length; k++) soFar.add(actual[k]);
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
  const months = Array.from({ length: monthsElapsed }, (_, i) => i + 1);
  // Each month's slot found once for the model, not for every line (-1: no source has that month).
  const slotsOf = (kind: FigureKind): number[] => months.map((m) => monthSlot(col, kind, period(year, m)));
  const budgetSlots = slotsOf('budget');
  const actualSlots = slotsOf('actual');
  // The line's figure in each month so far, 0 where it has none.
  const monthsOf = (line: CollectedLine, slots: readonly number[]): Money[] => slots.map((slot) => figureAt(line, slot) ?? ZERO);
  const noBudget = months.map(() => null);
  const lines = col.lines.map((line, i) =>
    lineMonths(budgetByMonth ? monthsOf(line, budgetSlots) : noBudget, monthsOf(line, actualSlots), annualBudgets[i] ?? null),
  );
  const total = sumOfMonths(lines, budgetByMonth, totalAnnualBudget, months.length);
  return { periods: months.map((m) => period(year, m)), yearGone: dec(monthsElapsed).div(12), budgetByMonth, lines, total, subtotals: [] };
}

/** The lines' months added up, month by month (null budget months stay null: no budget by month). */
export function sumOfMonths(lines: readonly LineMonths[], budgetByMonth: boolean, annualBudget: Money | null, periods: number): LineMonths {
  const budget = Array.from({ length: periods }, () => new MoneySum());
  const actual = Array.from({ length: periods }, () => new MoneySum());
  // Line by line, each month's sum taking the lines in order: one pass over the lines, not one per month.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    for (let k = 0; k < periods; k++) {
      if (budgetByMonth) budget[k].add(l.budget[k]);
      actual[k].add(l.actual[k]);
    }
  }
  return lineMonths(
    budget.map((b) => (budgetByMonth ? b.total() : null)),
    actual.map((a) => a.total()),
    annualBudget,
  );
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
