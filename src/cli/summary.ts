/**
 * The short summary the command line prints: what was written, the key figures, and the warnings
 * grouped (one line for the same finding on many lines) with their cells, in the report's language.
 * Never more than 30 lines: the checks sheet and the JSON have the rest.
 */
import { formatDecimal, formatPercent } from '../core/format';
import { decimalString, type Money } from '../core/money';
import type { FollowUpModel } from '../core/model';
import { checksSheetName } from '../report/checks-sheet';
import { periodText, WORDS, yearEndVarianceLabel } from '../report/i18n';
import { groupWarnings } from '../core/warning-groups';

const LABELS = {
  nb: { wrote: 'Skrev', lines: 'linjer', variance: 'Avvik hittil', forecast: 'Prognoseavvik år', measures: 'Tiltak', uncovered: 'udekket', covered: 'overdekket med', warnings: 'Merknader', none: 'ingen', more: (n: number, sheet: string) => `… og ${n} til: se arket «${sheet}»` },
  sv: { wrote: 'Skrev', lines: 'rader', variance: 'Avvikelse ack.', forecast: 'Prognosavvikelse helår', measures: 'Åtgärder', uncovered: 'otäckt', covered: 'övertäckt med', warnings: 'Anmärkningar', none: 'inga', more: (n: number, sheet: string) => `… och ${n} till: se bladet "${sheet}"` },
  en: { wrote: 'Wrote', lines: 'lines', variance: 'Variance to date', forecast: 'Forecast variance', measures: 'Measures', uncovered: 'uncovered', covered: 'more than covered by', warnings: 'Warnings', none: 'none', more: (n: number, sheet: string) => `… and ${n} more: see the sheet "${sheet}"` },
} as const;

/** Warning groups printed one by one; the rest are counted (all are on the checks sheet and in the JSON). */
export const MAX_PRINTED_WARNINGS = 20;

/** The most characters of one warning printed: a label can be a whole cell of text. */
const MAX_PRINTED_CHARS = 300;

/** One terminal line: a message's own line breaks become spaces, a very long one is cut. */
function oneLine(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return flat.length > MAX_PRINTED_CHARS ? `${flat.slice(0, MAX_PRINTED_CHARS - 1)}…` : flat;
}

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
  // A terminal is no place for thousands of lines: the first groups, then where the rest are.
  const groups = groupWarnings(model.warnings, lang);
  for (const g of groups.slice(0, MAX_PRINTED_WARNINGS)) out.push(oneLine(`  ${g.cell ? g.cell + ': ' : ''}${g.message}`));
  const more = groups.length - MAX_PRINTED_WARNINGS;
  if (more > 0) {
    const checks = checksSheetName(model);
    out.push(`  ${t.more(more, sheets.find((n) => n.startsWith(checks)) ?? checks)}`);
  }
  return out;
}
