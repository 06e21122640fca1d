/**
 * What changed since last month: each line's forecast against the one the earlier follow-up sheet
 * showed, the change, and the lines whose forecast moved most. Which sheet is "last month" is one
 * rule, here: the latest period of the same year before this one, never the sheet being regenerated.
 */
import { renderFinding } from '../messages';
import { MoneySum, type Money } from '../money';
import type { Figures, FollowUpLine, FollowUpModel } from '../model';
import type { Period } from '../sources';
import type { Finding } from '../warnings';

/** Last month's forecasts as read from the earlier follow-up sheet. */
export interface PreviousForecasts {
  readonly sheet: string;
  readonly period: Period;
  /** Each line's forecast there, by line key; a line whose figure could not be read is absent. */
  readonly forecasts: ReadonlyMap<string, Money>;
  /** The figures there that could not be read, each naming its cell. */
  readonly findings: readonly Finding[];
}

/** How many lines the checks sheet lists as the largest moves: a handful a reviewer reads at a glance. */
export const LARGEST_MOVES = 5;

/** The report month a generated sheet's name ends with (`Oppfølging 2024-03`, `… 2024-03 (2)`), or null. */
export function periodOfSheetName(name: string): Period | null {
  return /(\d{4}-(?:0[1-9]|1[0-2]))(?: \(\d+\))?$/.exec(name)?.[1] ?? null;
}

/**
 * Last month's sheet among the follow-up sheets: the latest period before `period` in the same
 * budget year (a forecast of another year's budget is no comparison). The sheet of `period` itself is
 * the one being regenerated, never its own last month. Of two sheets of one period, the later one.
 */
export function lastMonthSheet<T extends { readonly name: string }>(sheets: readonly T[], period: Period | null): T | null {
  if (period === null) return null;
  const year = period.slice(0, 4);
  let best: T | null = null;
  let bestPeriod = '';
  for (const s of sheets) {
    const p = periodOfSheetName(s.name);
    if (p === null || p >= period || p.slice(0, 4) !== year || p < bestPeriod) continue;
    best = s;
    bestPeriod = p;
  }
  return best;
}

/**
 * The model with last month's forecast and the change on each line and the total, the largest moves,
 * and what could not be read on last month's sheet among the warnings. A year-end evaluation has no
 * forecast to compare: it comes back as it was.
 */
export function withLastMonth(model: FollowUpModel, previous: PreviousForecasts | null): FollowUpModel {
  if (previous === null || model.evaluation === 'year-end') return model;
  const lines = model.lines.map((l) => withPrevious(l, previous));
  return {
    ...model,
    lines,
    total: previousTotal(model.total, lines),
    // Last month's forecasts add up by group as by total.
    ...(model.subtotals ? { subtotals: model.subtotals.map((t) => previousTotal(t, lines.slice(t.first, t.last + 1))) } : {}),
    warnings: [...model.warnings, ...previous.findings.map((f) => renderFinding(f, model.language))],
    previous: { sheet: previous.sheet, period: previous.period, largestMoves: largestMoves(lines) },
  };
}

/** The line with last month's forecast and the change since (null where either is missing). */
function withPrevious(line: FollowUpLine, previous: PreviousForecasts): FollowUpLine {
  const before = previous.forecasts.get(line.key) ?? null;
  const change = before !== null && line.forecast !== null ? line.forecast.minus(before) : null;
  return { ...line, previousForecast: before, forecastChange: change };
}

/** A total's (or a subtotal's): the sum of its lines' previous forecasts and of their changes, as the sheet's SUBTOTALs give. */
export function previousTotal<T extends Figures>(total: T, lines: readonly FollowUpLine[]): T {
  const before = new MoneySum();
  const change = new MoneySum();
  for (const l of lines) {
    before.add(l.previousForecast);
    change.add(l.forecastChange);
  }
  return { ...total, previousForecast: before.totalOrNull(), forecastChange: change.totalOrNull() };
}

/** Keys of the lines whose forecast moved most, largest absolute change first; lines that did not move are not moves. */
export function largestMoves(lines: readonly FollowUpLine[], count = LARGEST_MOVES): string[] {
  const moved = lines.filter((l) => l.forecastChange != null && !l.forecastChange.isZero());
  // Stable: of equal moves, the one higher on the sheet first.
  moved.sort((a, b) => (b.forecastChange as Money).abs().cmp((a.forecastChange as Money).abs()));
  return moved.slice(0, count).map((l) => l.key);
}
