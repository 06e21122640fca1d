/**
 * Figures as people read them in running text (messages, the task pane): thousands grouped, decimal
 * comma in Norwegian and Swedish. Sheets use locale-free number formats instead (see report/).
 */
import { GLOSSARY } from './glossary';
import { decimalString, type Money } from './money';
import type { OutputLanguage } from './model';
import type { Unit } from './sources';

const LOCALE: Record<OutputLanguage, string> = { nb: 'nb-NO', sv: 'sv-SE', en: 'en-US' };
const GROUP: Record<OutputLanguage, string> = { nb: '\u00a0', sv: '\u00a0', en: ',' };
const DECIMAL: Record<OutputLanguage, string> = { nb: ',', sv: ',', en: '.' };
const MINUS: Record<OutputLanguage, string> = { nb: '\u2212', sv: '\u2212', en: '-' };
const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Formats an exact decimal string ("-1234567.5") without going through floating point. */
export function formatDecimal(text: string, lang: OutputLanguage, decimals: number | null = null): string {
  const t = text.trim();
  if (!DECIMAL_TEXT.test(t)) return text;
  const format = numberFormat(lang, decimals ?? (t.split('.')[1] ?? '').length);
  return format ? format.format(t as unknown as number) : formatDigits(t, lang, decimals);
}

/**
 * Intl.NumberFormat where the platform formats a decimal string exactly, rounding half away from zero
 * and writing no sign on a zero (ECMA-402's NumberFormat v3: Chromium 106 and so WebView2, Safari
 * 15.4, Node 19), with the signs people read in nb and sv (U+2212, U+00A0). An older WKWebView (Excel
 * on macOS 10.14 and before) reads the string as a double and knows no such options: there, and
 * wherever its text differs from formatDigits' on a probe, formatDigits writes the figure.
 */
const formats = new Map<string, Intl.NumberFormat | null>();
function numberFormat(lang: OutputLanguage, digits: number): Intl.NumberFormat | null {
  const key = `${lang} ${digits}`;
  let format = formats.get(key);
  if (format !== undefined) return format;
  try {
    const options = { minimumFractionDigits: digits, maximumFractionDigits: digits, roundingMode: 'halfExpand', signDisplay: 'negative' };
    const made = new Intl.NumberFormat(LOCALE[lang], options as Intl.NumberFormatOptions);
    const probe = ['-9007199254740993.0500', '-0.0004', '1234'];
    format = probe.every((p) => made.format(p as unknown as number) === formatDigits(p, lang, digits)) ? made : null;
  } catch {
    format = null;
  }
  formats.set(key, format);
  return format;
}

/** formatDecimal on the digits themselves, for a platform whose Intl cannot (see numberFormat). */
export function formatDigits(text: string, lang: OutputLanguage, decimals: number | null): string {
  const [, minus, int, frac0 = ''] = DECIMAL_TEXT.exec(text) as RegExpExecArray;
  let frac = frac0;
  let whole = int;
  if (decimals !== null) {
    const rounded = roundDigits(int, frac0, decimals);
    whole = rounded.int;
    frac = rounded.frac;
  }
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[lang]);
  const isZero = /^0*$/.test(whole + frac);
  const sign = minus && !isZero ? MINUS[lang] : '';
  return `${sign}${grouped}${frac ? DECIMAL[lang] + frac : ''}`;
}

/** Rounds half up on the digit strings, so 0.125 → 0.13 exactly. */
function roundDigits(int: string, frac: string, decimals: number): { int: string; frac: string } {
  const padded = (frac + '0'.repeat(decimals + 1)).slice(0, decimals + 1);
  const digits = (int + padded.slice(0, decimals)).split('').map(Number);
  if (Number(padded[decimals]) >= 5) {
    let i = digits.length - 1;
    while (i >= 0) {
      if (digits[i] < 9) {
        digits[i] += 1;
        break;
      }
      digits[i] = 0;
      i--;
    }
    if (i < 0) digits.unshift(1);
  }
  const all = digits.join('');
  const cut = all.length - decimals;
  return { int: all.slice(0, cut).replace(/^0+(?=\d)/, '') || '0', frac: all.slice(cut) };
}

/** A fraction as a percentage with one decimal: "-0.0348" → "−3,5 %". */
export function formatPercent(fraction: string, lang: OutputLanguage): string {
  const m = DECIMAL_TEXT.exec(fraction.trim());
  if (!m) return fraction;
  const [, minus, int, frac = ''] = m;
  const shifted = (int + (frac + '00').slice(0, 2)).replace(/^0+(?=\d)/, '') + '.' + frac.slice(2);
  return `${formatDecimal(`${minus}${shifted.replace(/\.$/, '')}`, lang, 1)}\u00a0%`;
}

/**
 * A figure with its unit as people write it in running text ("−14 360 tkr", "10,7 mill. kr"): whole
 * units, one decimal for millions; "—" alone when there is no figure, and no unit when the workbook
 * does not say which. With `plus`, a positive figure gets its sign too.
 */
export function amountWithUnit(v: Money | null, unit: Unit | null, lang: OutputLanguage, plus = false): string {
  if (v === null) return '—';
  const digits = formatDecimal(decimalString(v), lang, unit === 'mkr' ? 1 : 0);
  // A bridge's steps carry their sign both ways ("+4,4", "−8,1"); a zero has none.
  const n = plus && v.isPositive() && /[1-9]/.test(digits) ? `+${digits}` : digits;
  return unit ? `${n}\u00a0${GLOSSARY[lang].unitAfterFigure[unit]}` : n;
}
