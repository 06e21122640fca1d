/**
 * The short summary the command line prints: what was written, the key figures, and every warning
 * with its cell, in the report's language.
 */
import { formatDecimal, formatPercent } from '../core/format';
import { decimalString, type Money } from '../core/money';
import type { FollowUpModel } from '../core/model';
import { checksSheetName } from '../report/checks-sheet';
import { periodText, WORDS, yearEndVarianceLabel } from '../report/i18n';

const LABELS = {
  nb: { wrote: 'Skrev', lines: 'linjer', variance: 'Avvik hittil', forecast: 'Prognoseavvik år', measures: 'Tiltak', uncovered: 'udekket', covered: 'overdekket med', warnings: 'Merknader', none: 'ingen', more: (n: number, sheet: string) => `… og ${n} til: se arket «${sheet}»` },
  sv: { wrote: 'Skrev', lines: 'rader', variance: 'Avvikelse ack.', forecast: 'Prognosavvikelse helår', measures: 'Åtgärder', uncovered: 'otäckt', covered: 'övertäckt med', warnings: 'Anmärkningar', none: 'inga', more: (n: number, sheet: string) => `… och ${n} till: se bladet "${sheet}"` },
  en: { wrote: 'Wrote', lines: 'lines', variance: 'Variance to date', forecast: 'Forecast variance', measures: 'Measures', uncovered: 'uncovered', covered: 'more than covered by', warnings: 'Warnings', none: 'none', more: (n: number, sheet: string) => `… and ${n} more: see the sheet "${sheet}"` },
} as const;

/** Warnings printed one by one; the rest are counted (all of them are on the checks sheet and in the JSON). */
export const MAX_PRINTED_WARNINGS = 50;

export function summaryLines(model: FollowUpModel, output: string, sheets: readonly string[]): string[] {
  const lang = model.language;
  const t = LABELS[lang];
  const yearEnd = model.evaluation === 'year-end';
  const amount = (v: Money | null): string => (v === null ? '—' : formatDecimal(decimalString(v), lang, 0));
  const unit = model.unit ? ` ${WORDS[lang].units[model.unit]}` : '';
  const pct = model.total.variancePct ? ` (${formatPercent(decimalString(model.total.variancePct), lang)})` : '';
  const out = [
    `${t.wrote} ${output}: ${sheets.map((s) => `"${s}"`).join(', ')}`,
    `${WORDS[lang].title} ${periodText(model.period, lang) || model.year || ''} · ${model.lines.length} ${t.lines}`.trim(),
    `${yearEnd ? yearEndVarianceLabel(lang, model.year) : t.variance}: ${amount(model.total.variance)}${unit}${pct}`,
    // A year-end evaluation has nothing left to forecast.
    ...(yearEnd ? [] : [`${t.forecast}: ${amount(model.total.forecastVariance)}${unit}`]),
  ];
  const m = model.measures;
  if (m) {
    const mu = m.unit ? ` ${WORDS[lang].units[m.unit]}` : '';
    const total = m.totalThisYear ?? m.totalFullYear;
    const left = m.gap?.uncovered;
    const gap = !left ? '' : left.isNegative() ? `, ${t.covered} ${formatDecimal(decimalString(left.neg()), lang, 1)}${mu}` : `, ${t.uncovered} ${formatDecimal(decimalString(left), lang, 1)}${mu}`;
    out.push(`${t.measures}: ${total === null ? '—' : formatDecimal(decimalString(total), lang)}${mu}${gap}`);
  }
  out.push(`${t.warnings}: ${model.warnings.length || t.none}`);
  // A terminal is no place for thousands of lines: the first ones, then where the rest are.
  for (const w of model.warnings.slice(0, MAX_PRINTED_WARNINGS)) out.push(`  ${w.cell ? w.cell + ': ' : ''}${w.message}`);
  const more = model.warnings.length - MAX_PRINTED_WARNINGS;
  if (more > 0) {
    const checks = checksSheetName(model);
    out.push(`  ${t.more(more, sheets.find((n) => n.startsWith(checks)) ?? checks)}`);
  }
  return out;
}
