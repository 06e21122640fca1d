/**
 * The short summary the command line prints: what was written, the key figures, and the warnings
 * grouped (one line for the same finding on many lines) with their cells, in the report's language.
 * Never more than 30 lines: the checks sheet and the JSON have the rest.
 */
import { amountWithUnit, formatPercent } from '../core/format';
import { forecastAssumption, GLOSSARY } from '../core/glossary';
import type { FollowUpModel } from '../core/model';
import { bridgeOf, DEFAULT_NEUTRAL_BAND } from '../core/status';
import { dec, decimalString } from '../core/money';
import { checksSheetName } from '../report/checks-sheet';
import { periodText, withMonth, WORDS, yearEndVarianceLabel } from '../report/i18n';
import { groupWarnings } from '../core/warning-groups';

/** The words of the summary that are not the glossary's (the figures' names are, as in the pane and on the sheets). */
const LABELS = {
  nb: {
    wrote: 'Skrev',
    lines: 'linjer',
    line: 'linje',
    warnings: 'Merknader',
    none: 'ingen',
    quote: (s: string) => `«${s}»`,
    more: (n: number, sheet: string) => `… og ${n} til: se arket «${sheet}»`,
  },
  sv: {
    wrote: 'Skrev',
    lines: 'rader',
    line: 'rad',
    warnings: 'Anmärkningar',
    none: 'inga',
    quote: (s: string) => `”${s}”`,
    more: (n: number, sheet: string) => `… och ${n} till: se bladet ”${sheet}”`,
  },
  en: {
    wrote: 'Wrote',
    lines: 'lines',
    line: 'line',
    warnings: 'Warnings',
    none: 'none',
    quote: (s: string) => `"${s}"`,
    more: (n: number, sheet: string) => `… and ${n} more: see the sheet "${sheet}"`,
  },
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

/** "Skrev out.xlsx: «Oppfølging 2024-04», …": a file written and the sheets it holds. */
export function wroteLine(lang: FollowUpModel['language'], output: string, sheets: readonly string[]): string {
  const t = LABELS[lang];
  return `${t.wrote} ${output}: ${sheets.map(t.quote).join(', ')}`;
}

export function summaryLines(model: FollowUpModel, output: string, sheets: readonly string[]): string[] {
  const lang = model.language;
  const t = LABELS[lang];
  const yearEnd = model.evaluation === 'year-end';
  const g = GLOSSARY[lang];
  const pct = model.total.variancePct ? ` (${formatPercent(decimalString(model.total.variancePct), lang)})` : '';
  const out = [
    wroteLine(lang, output, sheets),
    [WORDS[lang].title, periodText(model.period, lang) || model.year].filter(Boolean).join(' ') +
      ` · ${model.lines.length} ${model.lines.length === 1 ? t.line : t.lines}`,
    `${yearEnd ? yearEndVarianceLabel(lang, model.year) : g.variance}: ${amountWithUnit(model.total.variance, model.unit, lang)}${pct}`,
    // A year-end evaluation has nothing left to forecast.
    ...(yearEnd ? [] : [`${g.forecastVariance}: ${amountWithUnit(model.total.forecastVariance, model.unit, lang)}`]),
  ];
  // What the year-end figure rests on, right under it, as in the pane and on the sheet.
  if (model.total.forecastVariance !== null) out.push(`  ${forecastAssumption(model.forecastMethod, model.total.variance, lang)}`);
  // What changed since last month's follow-up: its forecast for the total and the change.
  if (model.previous) {
    const c = WORDS[lang].columns;
    const p = model.previous.period;
    out.push(
      `${withMonth(c.previousForecast, p, lang)}: ${amountWithUnit(model.total.previousForecast ?? null, model.unit, lang)} · ` +
        `${withMonth(c.forecastChange, p, lang)}: ${amountWithUnit(model.total.forecastChange ?? null, model.unit, lang, true)}`,
    );
  }
  const m = model.measures;
  if (m) {
    const bridge = bridgeOf(m, dec(DEFAULT_NEUTRAL_BAND));
    const left = bridge ? ` · ${g.verdict[bridge.verdict]} ${amountWithUnit(bridge.left, m.unit, lang, true)}` : '';
    out.push(`${g.measures}: ${amountWithUnit(m.totalThisYear ?? m.totalFullYear, m.unit, lang)}${left}`);
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
