/**
 * Which lines' variances are "largest": one rule for the charts' ranking and the committee summary's
 * five worst and five best. Largest means largest in amount (the variance so far, favourable-positive
 * under both sign conventions); a line without a variance, or with none at all, is never among them.
 * Equal amounts keep the model's order, so the same workbook always names the same lines.
 */
import type { Money } from './money';
import type { FollowUpLine } from './model';

/** The lines with a non-zero variance so far, largest in amount first, at most `count` of them. */
export function largestBySize(lines: readonly FollowUpLine[], count: number): FollowUpLine[] {
  return lines
    .filter((l) => l.variance !== null && !l.variance.isZero())
    .sort((a, b) => (b.variance as Money).abs().cmp((a.variance as Money).abs()))
    .slice(0, count);
}

export interface LargestVariances {
  /** The largest overspends, the worst first. */
  readonly unfavourable: readonly FollowUpLine[];
  /** The largest underspends, the best first. */
  readonly favourable: readonly FollowUpLine[];
}

/** The `count` largest unfavourable and the `count` largest favourable variances so far. */
export function largestVariances(lines: readonly FollowUpLine[], count: number): LargestVariances {
  return {
    unfavourable: largestBySize(lines.filter((l) => l.variance?.isNegative() === true), count),
    favourable: largestBySize(lines.filter((l) => l.variance?.isPositive() === true), count),
  };
}
