/**
 * Favourability: one rule for every figure the add-in colours, in the pane, the sheets' cells, their
 * bars and the measures bridge. A figure is favourable-positive (the variance convention, under both
 * sign conventions); it is neutral while it stays within ± the neutral band of its base, else
 * favourable (green) or unfavourable (red).
 *
 * The base is the budget so far for every figure of a line or total (the variance, its percentage and
 * the forecast variance alike): with the default forecast the forecast variance equals the variance so
 * far, and one amount must not be green in one column and plain in the next. The bridge's base is the
 * gap the measures must close: what is left is measured against what there was to close.
 */
import type { Money } from './money';
import type { MeasuresSummary } from './model';

export type Status = 'favourable' | 'unfavourable' | 'neutral';

/** The neutral band when no setting says otherwise: ± 2 % of the base. */
export const DEFAULT_NEUTRAL_BAND = '0.02';

/** Text and fill colours (`RRGGBB`) of the statuses on the sheets; neutral is plain. */
export const STATUS_COLOURS = {
  favourable: { color: '006100', fill: 'C6EFCE', bar: '63BE7B' },
  unfavourable: { color: '9C0006', fill: 'FFC7CE', bar: 'F8696B' },
} as const;

/** The status of a favourable-positive figure against its base; with no base (or a zero one) its sign decides. */
export function statusOf(value: Money | null, base: Money | null, band: Money): Status {
  if (value === null || value.isZero()) return 'neutral';
  const limit = base === null ? null : base.abs().times(band);
  if (limit !== null && !limit.isZero() && value.abs().lte(limit)) return 'neutral';
  return value.isNegative() ? 'unfavourable' : 'favourable';
}

/** How the measures stand against the gap: still uncovered, more than covered, or exactly covered. */
export type BridgeVerdict = 'uncovered' | 'over-covered' | 'covered';

/**
 * The measures bridge, signed as variances are (positive favourable): the gap as a shortfall (negative),
 * the measures' effect (positive), and what is left (negative while uncovered, positive when the
 * measures more than cover the gap). Amounts in the measures' unit.
 */
export interface Bridge {
  readonly gap: Money;
  readonly effect: Money;
  readonly left: Money;
  readonly verdict: BridgeVerdict;
  readonly status: Status;
  /** effect / gap as a fraction, or null for a zero gap. */
  readonly coverage: Money | null;
}

/** The verdict on what the measures leave of the gap (positive: still uncovered). */
export function verdictOf(uncovered: Money): BridgeVerdict {
  return uncovered.isZero() ? 'covered' : uncovered.isPositive() ? 'uncovered' : 'over-covered';
}

export function bridgeOf(m: MeasuresSummary, band: Money): Bridge | null {
  const gap = m.gap;
  if (!gap) return null;
  const left = gap.uncovered.neg();
  return {
    gap: gap.amount.neg(),
    effect: gap.amount.minus(gap.uncovered),
    left,
    verdict: verdictOf(gap.uncovered),
    status: statusOf(left, gap.amount, band),
    coverage: gap.coverage,
  };
}
