/**
 * The report period: the last month of the budget year with actuals, unless the user chose one.
 */
import type { Period } from '../sources';
import { finding, type Finding } from '../warnings';
import type { CollectedLine } from './collect';

/** The digits of `p` from `start` to `end` as a number (no substring: this runs for every figure). */
function digits(p: Period, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = p.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

export function monthOf(p: Period): number {
  return p.length === 7 ? digits(p, 5, 7) : Number(p.slice(5, 7));
}

export function yearOfPeriod(p: Period): number {
  return p.length === 7 ? digits(p, 0, 4) : Number(p.slice(0, 4));
}

export function period(year: number, month: number): Period {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Months of `year` in which some line has a non-zero actual. */
export function monthsWithActuals(lines: readonly CollectedLine[], year: number): number[] {
  const months = new Set<number>();
  for (const l of lines) {
    l.figures.actual.months.forEach((v, p) => {
      if (yearOfPeriod(p) === year && !v.isZero()) months.add(monthOf(p));
    });
  }
  return [...months].sort((a, b) => a - b);
}

export interface PeriodChoice {
  readonly period: Period | null;
  readonly findings: Finding[];
}

export function choosePeriod(lines: readonly CollectedLine[], year: number | null, chosen: Period | null): PeriodChoice {
  if (year === null) return { period: chosen, findings: [] };
  const months = monthsWithActuals(lines, year);
  if (chosen) {
    const hasMonthly = lines.some((l) => l.figures.actual.months.size > 0);
    const findings = hasMonthly && !months.includes(monthOf(chosen)) ? [finding('period-without-actuals', { period: chosen })] : [];
    return { period: chosen, findings };
  }
  if (months.length === 0) return { period: null, findings: [] };
  return { period: period(year, months[months.length - 1]), findings: [] };
}
