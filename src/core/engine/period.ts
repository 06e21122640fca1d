/**
 * The report period: the last month of the budget year with actuals, unless the user chose one.
 */
import type { Money } from '../money';
import type { Period, Source } from '../sources';
import { isToDateHeader } from '../vocabulary';
import { finding, type Finding } from '../warnings';
import { figureAt, type Collected } from './collect';

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
export function monthsWithActuals(col: Collected, year: number): number[] {
  const months = new Set<number>();
  col.slots.forEach((s, slot) => {
    if (s.kind === 'actual' && s.period !== null && s.year === year && !months.has(s.month) && someLine(col, slot, (v) => !v.isZero())) {
      months.add(s.month);
    }
  });
  return [...months].sort((a, b) => a - b);
}

/** Whether some line has a figure in the slot for which `test` holds. */
function someLine(col: Collected, slot: number, test: (v: Money) => boolean): boolean {
  for (let i = 0; i < col.lines.length; i++) {
    const v = figureAt(col.lines[i], slot);
    if (v !== undefined && test(v)) return true;
  }
  return false;
}

/** Whether some line has an actual for some month. */
function hasMonthlyActuals(col: Collected): boolean {
  return col.slots.some((s, slot) => s.kind === 'actual' && s.period !== null && someLine(col, slot, () => true));
}

export interface PeriodChoice {
  readonly period: Period | null;
  readonly findings: Finding[];
}

export function choosePeriod(col: Collected, year: number | null, chosen: Period | null): PeriodChoice {
  if (year === null) return { period: chosen, findings: [] };
  const months = monthsWithActuals(col, year);
  if (chosen) {
    const hasMonthly = hasMonthlyActuals(col);
    const findings = hasMonthly && !months.includes(monthOf(chosen)) ? [finding('period-without-actuals', { period: chosen })] : [];
    return { period: chosen, findings };
  }
  if (months.length === 0) return { period: null, findings: [] };
  return { period: period(year, months[months.length - 1]), findings: [] };
}

/**
 * The report month a table's headers name when no source is by month: the last month of this year's
 * actual columns (`Utfall 2020-12` → 2020-12, `Regnskap 2023 jan–apr` → 2023-04); null when their
 * headers name no months (a year-end evaluation).
 */
export function periodOfHeaders(sources: readonly Source[], year: number | null): Period | null {
  if (year === null) return null;
  let last = 0;
  for (const s of sources) {
    for (const x of s.series) {
      if (x.measure !== 'actual' || x.period !== null || !x.months || (x.year !== null && x.year !== year)) continue;
      last = Math.max(last, Number(x.months.slice(3, 5)));
    }
  }
  return last > 0 ? period(year, last) : null;
}

/**
 * Whether the sources make a year-end evaluation (the revised budget against the whole year's accounts):
 * no month in any header, no column for the period so far (`hittil`, `ack.`), and no annual budget or
 * forecast beside the budget (which would make the budget the year to date).
 */
export function isYearEnd(sources: readonly Source[]): boolean {
  if (sources.length === 0) return false;
  return sources.every((s) =>
    s.series.every(
      (x) =>
        x.period === null &&
        !x.months &&
        !isToDateHeader(x.header) &&
        x.measure !== 'annual-budget' &&
        x.measure !== 'forecast' &&
        x.measure !== 'forecast-variance',
    ),
  );
}
