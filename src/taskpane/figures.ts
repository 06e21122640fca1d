/**
 * The figures the pane shows after a run, formatted as people read them: the total variance with its
 * percentage, the forecast variance, the measures' effect and the gap they leave uncovered.
 */
import { formatDecimal, formatPercent } from '../core/format';
import { decimalString, type Money } from '../core/money';
import type { FollowUpModel } from '../core/model';
import type { Unit } from '../core/sources';
import type { UiLanguage } from './host';
import type { PaneStrings } from './i18n';
import { yearEndVarianceLabel } from '../report/i18n';

export interface KeyFigure {
  readonly id: 'variance' | 'forecast-variance' | 'measures-effect' | 'uncovered';
  readonly label: string;
  /** The amount with its unit ("−1 234 567 kr"), or null when the workbook does not give it. */
  readonly value: string | null;
  /** The percentage beside it ("−3,5 %"), when there is one. */
  readonly percent: string | null;
  /** Negative: an overspend or a gap left. */
  readonly negative: boolean;
  readonly hint: string | null;
}

/** An amount rounded for reading: whole kroner, or one decimal for millions. */
export function amountText(v: Money | null, unit: Unit | null, lang: UiLanguage, t: PaneStrings): string | null {
  if (v === null) return null;
  const decimals = unit === 'mkr' ? 1 : 0;
  const n = formatDecimal(decimalString(v), lang, decimals);
  return unit ? `${n}\u00a0${t.units[unit]}` : n;
}

export function keyFigures(model: FollowUpModel, lang: UiLanguage, t: PaneStrings): KeyFigure[] {
  const total = model.total;
  const m = model.measures;
  const effect = m ? (m.totalThisYear ?? m.totalFullYear) : null;
  const uncovered = m?.gap?.uncovered ?? null;
  const yearEnd = model.evaluation === 'year-end';
  const figures: KeyFigure[] = [
    {
      id: 'variance',
      label: yearEnd ? yearEndVarianceLabel(lang, model.year) : t.result.variance,
      value: amountText(total.variance, model.unit, lang, t),
      percent: total.variancePct === null ? null : formatPercent(decimalString(total.variancePct), lang),
      negative: total.variance?.isNegative() ?? false,
      hint: t.result.varianceHint,
    },
    // A year-end evaluation has nothing left to forecast.
    ...(yearEnd
      ? []
      : [
          {
            id: 'forecast-variance' as const,
            label: t.result.forecastVariance,
            value: amountText(total.forecastVariance, model.unit, lang, t),
            percent: null,
            negative: total.forecastVariance?.isNegative() ?? false,
            hint: null,
          },
        ]),
  ];
  if (m) {
    figures.push({
      id: 'measures-effect',
      label: t.result.measuresEffect,
      value: amountText(effect, m.unit, lang, t),
      percent: null,
      negative: false,
      hint: null,
    });
    const over = uncovered !== null && uncovered.isNegative();
    figures.push({
      id: 'uncovered',
      label: over ? t.result.overCovered : t.result.uncovered,
      value: amountText(over ? uncovered.neg() : uncovered, m.unit, lang, t),
      percent: null,
      negative: uncovered !== null && uncovered.isPositive() && !uncovered.isZero(),
      hint: null,
    });
  }
  return figures;
}
