/**
 * Which lines' variances are "largest": one rule for the charts' ranking and the committee summary's
 * five worst and five best. Largest means largest in amount (the variance so far, favourable-positive
 * under both sign conventions); a line without a variance, or with none at all, is never among them.
 * Equal amounts keep the model's order, so the same workbook always names the same lines.
 */
import type { Money } from './money';
import type { FollowUpLine } from './model';

/**
 * The lines with a non-zero variance so far, largest in amount first, at most `count` of them. One pass
 * keeping the largest so far (not a sort of every line): a workbook of 50,000 lines asks for 5 or 20,
 * and most lines are turned away by one comparison with the smallest kept.
 */
export function largestBySize(lines: readonly FollowUpLine[], count: number): FollowUpLine[] {
  const kept: { line: FollowUpLine; size: Money }[] = [];
  if (count <= 0) return [];
  for (const line of lines) {
    if (line.variance === null || line.variance.isZero()) continue;
    const size = line.variance.abs();
    if (kept.length === count && !size.gt(kept[kept.length - 1].size)) continue;
    // After every kept line at least as large: equal amounts keep the lines' order.
    let at = kept.length;
    while (at > 0 && size.gt(kept[at - 1].size)) at--;
    kept.splice(at, 0, { line, size });
    if (kept.length > count) kept.pop();
  }
  return kept.map((k) => k.line);
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
    unfavourable: largestBySize(
      lines.filter((l) => l.variance?.isNegative() === true),
      count,
    ),
    favourable: largestBySize(
      lines.filter((l) => l.variance?.isPositive() === true),
      count,
    ),
  };
}
