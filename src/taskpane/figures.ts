/**
 * The figures the pane shows after a run, formatted as people read them: the total variance with its
 * percentage, the forecast variance with what its method assumes, the measures' effect and what they
 * leave of the gap. Words come from the glossary and colours from the one status rule, as on the sheets.
 */
import { amountWithUnit, formatPercent } from '../core/format';
import { forecastAssumption } from '../core/glossary';
import { dec, decimalString, type Money } from '../core/money';
import type { FollowUpModel } from '../core/model';
import type { Unit } from '../core/sources';
import { bridgeOf, DEFAULT_NEUTRAL_BAND, statusOf, type Status } from '../core/status';
import { WORDS } from '../report/i18n';
import type { UiLanguage } from './host';
import type { PaneStrings } from './i18n';
import { withMonth, yearEndVarianceLabel } from '../report/i18n';

export interface KeyFigure {
  readonly id: 'variance' | 'forecast-variance' | 'forecast-change' | 'measures-effect' | 'uncovered';
  readonly label: string;
  /** The amount with its unit ("−1 234 567 kr"), or null when the workbook does not give it. */
  readonly value: string | null;
  /** The percentage beside it ("−3,5 %"), when there is one. */
  readonly percent: string | null;
  /** Favourable, unfavourable or neutral by the status rule: the colour it is shown in. */
  readonly status: Status;
  readonly hint: string | null;
}

/** An amount rounded for reading with its unit: whole units, one decimal for millions. */
export function amountText(v: Money | null, unit: Unit | null, lang: UiLanguage): string | null {
  return v === null ? null : amountWithUnit(v, unit, lang);
}

/** The total forecast's change since last month's follow-up, with last month's forecast beside it (as the sheet's columns name them). */
function forecastChange(model: FollowUpModel, period: string, lang: UiLanguage): KeyFigure {
  const c = WORDS[lang].columns;
  const change = model.total.forecastChange ?? null;
  return {
    id: 'forecast-change',
    label: withMonth(c.forecastChange, period, lang),
    value: change === null ? null : amountWithUnit(change, model.unit, lang, true),
    percent: null,
    status: 'neutral',
    hint: `${withMonth(c.previousForecast, period, lang)}: ${amountWithUnit(model.total.previousForecast ?? null, model.unit, lang)}`,
  };
}

/** The figures of a run; `band` is the neutral band the sheets were coloured with. */
export function keyFigures(model: FollowUpModel, lang: UiLanguage, t: PaneStrings, band: Money = dec(DEFAULT_NEUTRAL_BAND)): KeyFigure[] {
  const total = model.total;
  const m = model.measures;
  const yearEnd = model.evaluation === 'year-end';
  const figures: KeyFigure[] = [
    {
      id: 'variance',
      label: yearEnd ? yearEndVarianceLabel(lang, model.year) : t.result.variance,
      value: amountText(total.variance, model.unit, lang),
      percent: total.variancePct === null ? null : formatPercent(decimalString(total.variancePct), lang),
      status: statusOf(total.variance, total.budget, band),
      hint: t.result.varianceHint,
    },
    // A year-end evaluation has nothing left to forecast.
    ...(yearEnd
      ? []
      : [
          {
            id: 'forecast-variance' as const,
            label: t.result.forecastVariance,
            value: amountText(total.forecastVariance, model.unit, lang),
            percent: null,
            // Against the budget so far, as the variance: one amount, one colour.
            status: statusOf(total.forecastVariance, total.budget, band),
            hint: total.forecastVariance === null ? null : forecastAssumption(model.forecastMethod, total.variance, lang),
          },
        ]),
  ];
  if (model.previous) figures.push(forecastChange(model, model.previous.period, lang));
  if (m) {
    const effect = m.totalThisYear ?? m.totalFullYear;
    figures.push({
      id: 'measures-effect',
      label: t.result.measuresEffect,
      value: amountText(effect, m.unit, lang),
      percent: null,
      status: 'neutral',
      hint: null,
    });
    const bridge = bridgeOf(m, band);
    figures.push({
      id: 'uncovered',
      label: bridge?.verdict === 'over-covered' ? t.result.overCovered : bridge?.verdict === 'covered' ? t.result.covered : t.result.uncovered,
      value: bridge ? amountWithUnit(bridge.left, m.unit, lang, true) : null,
      percent: null,
      status: bridge?.status ?? 'neutral',
      // What it is left of: the gap as the sheet's bridge names it.
      hint: bridge && m.gap ? `${WORDS[lang].gapBasis[m.gap.basis]}: ${amountWithUnit(bridge.gap, m.unit, lang, true)}` : null,
    });
  }
  return figures;
}
