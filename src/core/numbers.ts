/**
 * Reading numbers as Excel stores them and as people paste them: float noise undone, the decimals a
 * number format shows, dates, and pasted text such as `67 579 886`, `1.176.977`, `- 3,5%`, `10,0 mill.`.
 * Pure functions; money is always a Decimal (never float arithmetic).
 */
import { isCellError, unreadableReason, type CellValue } from './grid';
import { Dec, Money } from './money';
import type { Amount, Language, Period, Unit } from './sources';
import { finding, type Finding } from './warnings';

// ---------------------------------------------------------------------------------------------
// Numeric cells
// ---------------------------------------------------------------------------------------------

/**
 * The decimal a numeric cell means, without binary float noise: Excel keeps 15 significant digits,
 * so `83821049.19999999` is 83821049.2. Safe integers are taken exactly.
 */
export function decimalFromCellNumber(n: number): Money {
  // Nearly every cell holds a few decimals at most: taken without parsing any text.
  const short = Money.fromShortDouble(n);
  if (short) return short;
  if (!Number.isFinite(n)) return Money.fromDecimal(new Dec(NaN));
  if (Number.isSafeInteger(n)) return Money.of(n);
  return Money.fromDecimal(new Dec(n.toPrecision(15)));
}

/** The first section of a format code and the code with quoted text, escapes, padding and brackets removed. */
function stripFormat(section: string): string {
  let out = '';
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      i = end < 0 ? section.length : end;
      out += ' ';
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
      out += ' ';
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      i = end < 0 ? section.length : end;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Splits a format code into its `;` sections, ignoring `;` inside quotes and brackets. */
function formatSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '\\' && !quoted && i + 1 < code.length) {
      cur += ch + code[i + 1];
      i++;
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

const GENERAL = /^(?:general|standard)$/i;

const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** True when a number format shows a date or time (builtin ids 14–22 given as text, or codes like `mmm yy`). */
export function isDateFormat(code: string): boolean {
  const trimmed = code.trim();
  if (/^\d+$/.test(trimmed)) return BUILTIN_DATE_IDS.has(Number(trimmed));
  const first = formatSections(trimmed)[0] ?? '';
  const bare = stripFormat(first).toLowerCase();
  if (bare.trim() === '' || GENERAL.test(bare.trim()) || bare.includes('@')) return false;
  if (/[0#?]/.test(bare)) return false;
  return /[dmyhs]/.test(bare) || /\[(h+|m+|s+)\]/i.test(first);
}

/**
 * Decimals a number format shows, in the scale of the stored value: `#,##0` → 0, `#,##0.00` → 2,
 * `0.0%` → 3 (a fraction shown with one decimal of percent), `#,##0,` → -3 (shown in thousands),
 * `General`, text and date formats → null.
 */
export function decimalsOfFormat(code: string): number | null {
  // A workbook has a handful of formats and the readers ask for every cell: parse each code once,
  // and a column's cells share one format (the last one answers without a lookup).
  if (code === lastDecimals.code) return lastDecimals.decimals;
  let d = DECIMALS_OF_FORMAT.get(code);
  if (d === undefined) {
    d = parseDecimalsOfFormat(code);
    if (DECIMALS_OF_FORMAT.size < 1024) DECIMALS_OF_FORMAT.set(code, d);
  }
  lastDecimals.code = code;
  lastDecimals.decimals = d;
  return d;
}
const DECIMALS_OF_FORMAT = new Map<string, number | null>();
const lastDecimals: { code: string | null; decimals: number | null } = { code: null, decimals: null };

function parseDecimalsOfFormat(code: string): number | null {
  const trimmed = code.trim();
  if (trimmed === '' || GENERAL.test(trimmed)) return null;
  if (isDateFormat(trimmed)) return null;
  const first = formatSections(trimmed)[0] ?? '';
  const bare = stripFormat(first);
  if (!/[0#?]/.test(bare)) return null;
  if (/[eE][+-]/.test(bare)) return null;
  const percents = (bare.match(/%/g) ?? []).length;
  // The number part: from the first digit placeholder to the last one (plus trailing scaling commas).
  const start = bare.search(/[0#?]/);
  let end = start;
  for (let i = start; i < bare.length; i++) if (/[0#?]/.test(bare[i])) end = i;
  const num = bare.slice(start, end + 1);
  let scale = 0;
  for (let i = end + 1; i < bare.length && bare[i] === ','; i++) scale++;
  const point = num.indexOf('.');
  const decimals = point < 0 ? 0 : (num.slice(point + 1).match(/[0#?]/g) ?? []).length;
  return decimals + 2 * percents - 3 * scale;
}

/** True when the format shows the value as a percent (`0.0%`), ignoring `%` in quoted text. */
export function isPercentFormat(code: string): boolean {
  if (code === lastPercent.code) return lastPercent.percent;
  let p = PERCENT_FORMAT.get(code);
  if (p === undefined) {
    const first = formatSections(code.trim())[0] ?? '';
    p = stripFormat(first).includes('%');
    if (PERCENT_FORMAT.size < 1024) PERCENT_FORMAT.set(code, p);
  }
  lastPercent.code = code;
  lastPercent.percent = p;
  return p;
}
const PERCENT_FORMAT = new Map<string, boolean>();
const lastPercent: { code: string | null; percent: boolean } = { code: null, percent: false };

/**
 * The month of an Excel date serial (1900 date system, with Excel's fictitious 29 February 1900),
 * as `YYYY-MM`; null for serials outside 1..2958465.
 */
export function periodFromSerial(serial: number): Period | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const day = Math.floor(serial);
  if (day === 60) return '1900-02';
  const base = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(base + day * 86_400_000);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Days from the 1900 date system's day 0 to the 1904 system's (1 January 1904 is serial 1462 in the
 * 1900 system and 0 in the 1904 one, a Mac workbook's setting). Every reader moves a 1904 workbook's
 * dates into the 1900 system as it reads them, so that every reader of dates (period headers, key
 * figures) reads them one way.
 */
export const DAYS_1900_TO_1904 = 1462;

/** A number cell as the 1900 date system shows it: a date (by its format) of a 1904 workbook is moved; anything else is kept. */
export function in1900DateSystem(value: number, format: string, date1904: boolean): number {
  return date1904 && isDateFormat(format) ? value + DAYS_1900_TO_1904 : value;
}

// ---------------------------------------------------------------------------------------------
// Pasted text
// ---------------------------------------------------------------------------------------------

/** One way to read a number written as text. */
export interface NumberReading {
  /** The value (a fraction when isPercent: "-3,5%" → -0.035). */
  readonly value: Money;
  /** Digits after the decimal separator as written, in the scale of value (percent adds 2). */
  readonly decimals: number;
  readonly isPercent: boolean;
  /** Unit written next to the number (`kr`, `tkr`, `mill.`), else null. */
  readonly unit: Unit | null;
}

export type ParsedNumber =
  | ({ readonly kind: 'number' } & NumberReading)
  /** A lone separator followed by exactly three digits, language unknown: [decimal reading, thousands reading]. */
  | { readonly kind: 'ambiguous'; readonly readings: readonly [NumberReading, NumberReading] }
  | { readonly kind: 'not-a-number' };

const NOT_A_NUMBER: ParsedNumber = { kind: 'not-a-number' };

/** Spaces people paste between digit groups: normal, no-break, narrow no-break, thin, figure. */
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;
/** Minus signs: hyphen-minus, U+2212, en dash, figure dash, small/full-width hyphen-minus. */
const MINUSES = /[\u2212\u2013\u2012\ufe63\uff0d]/g;

const UNIT_WORDS: readonly (readonly [RegExp, Unit])[] = [
  [/^(?:mill\.?|millioner|miljoner|millions?|mio\.?|mn|mnkr|mkr|mnok|msek|mdkk)(?:\s*(?:kr\.?|kroner|kronor|nok|sek|dkk))?$/i, 'mkr'],
  [/^(?:tkr\.?|t\.\s?kr\.?|tnok|tsek|tdkk|kkr|knok|ksek|kdkk|tusen(?:\s*kr\.?|\s*kroner)?|tusind(?:\s*kr\.?)?|1\s?000\s?(?:kr\.?|nok|sek|dkk))$/i, 'tkr'],
  [/^(?:kr\.?|kroner|kronor|nok|sek|dkk|,-|\.-)$/i, 'kr'],
];

function unitOfWord(word: string): Unit | null {
  const w = word.trim();
  for (const [re, unit] of UNIT_WORDS) if (re.test(w)) return unit;
  return null;
}

const SUFFIX =
  /^(.*?[0-9%)])\s*((?:mill\.?|millioner|miljoner|millions?|mio\.?|mn|mnkr|mkr|mnok|msek|mdkk)(?:\s*(?:kr\.?|kroner|kronor|nok|sek|dkk))?|tkr\.?|t\.\s?kr\.?|tnok|tsek|tdkk|kkr|knok|ksek|kdkk|tusen(?:\s*kr\.?|\s*kroner)?|tusind(?:\s*kr\.?)?|kr\.?|kroner|kronor|nok|sek|dkk)\s*(-?)\s*$/i;
const PREFIX = /^([-+(]?)\s*(kr\.?|nok|sek|dkk|tkr|mkr|mnok|tnok)\s*(?=[-+(0-9.,])(.*)$/i;
/** `1 234,-` and `1 234.-`: whole kroner. */
const WHOLE_KRONER = /^(.*[0-9])\s*[,.]\s*-$/;

interface Digits {
  readonly kind: 'digits';
  readonly int: string;
  readonly frac: string;
}
type DigitsResult = Digits | { readonly kind: 'ambiguous'; readonly asDecimal: Digits; readonly asThousands: Digits } | null;

/** Checks that `parts` are digit groups: the first 1–3 digits, the others exactly 3. */
function validGroups(parts: readonly string[]): boolean {
  if (parts.length === 0) return false;
  if (!/^\d{1,3}$/.test(parts[0])) return false;
  for (let i = 1; i < parts.length; i++) if (!/^\d{3}$/.test(parts[i])) return false;
  return true;
}

function groupsToInt(intPart: string, sep: string | null): string | null {
  if (sep === null) return /^\d+$/.test(intPart) ? intPart : null;
  const parts = intPart.split(sep);
  return validGroups(parts) ? parts.join('') : null;
}

/** Interprets the digits and separators of a number (sign, unit and percent already removed). */
function interpretDigits(num: string, lang: Language | null): DigitsResult {
  const s = num.replace(/['\u2019]/g, ' ');
  if (!/^[0-9 .,]+$/.test(s) || !/[0-9]/.test(s)) return null;
  if (/[ .,]{2,}/.test(s) || /^ | $/.test(s)) return null;
  const hasSpace = s.includes(' ');
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  const grouped = (intPart: string, frac: string, sep: string | null): Digits | null => {
    if (intPart === '' && frac !== '') return { kind: 'digits', int: '0', frac };
    const int = groupsToInt(intPart, sep);
    return int === null ? null : { kind: 'digits', int, frac };
  };
  if (/[.,]$/.test(s)) return null;
  if (dots > 0 && commas > 0) {
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    const dec = lastDot > lastComma ? '.' : ',';
    const group = dec === '.' ? ',' : '.';
    if ((dec === '.' ? dots : commas) !== 1 || hasSpace) return null;
    const at = s.lastIndexOf(dec);
    return grouped(s.slice(0, at), s.slice(at + 1), group);
  }
  if (dots === 0 && commas === 0) return grouped(s, '', hasSpace ? ' ' : null);
  const sep = dots > 0 ? '.' : ',';
  const count = dots + commas;
  if (count > 1) {
    if (hasSpace) return null;
    return grouped(s, '', sep);
  }
  const at = s.indexOf(sep);
  const before = s.slice(0, at);
  const after = s.slice(at + 1);
  if (hasSpace) {
    if (after.includes(' ')) return null;
    return grouped(before, after, ' ');
  }
  const asDecimal = grouped(before, after, null);
  if (after.length !== 3 || before.length === 0 || before.length > 3 || before.startsWith('0')) return asDecimal;
  const asThousands = grouped(before + sep + after, '', sep);
  if (!asDecimal || !asThousands) return asDecimal ?? asThousands;
  if (sep === ',') {
    if (lang === 'nb' || lang === 'sv' || lang === 'da') return asDecimal;
    if (lang === 'en') return asThousands;
  } else {
    if (lang === 'nb' || lang === 'da') return asThousands;
    if (lang === 'en') return asDecimal;
  }
  return { kind: 'ambiguous', asDecimal, asThousands };
}

function readingOf(d: Digits, negative: boolean, percent: boolean, unit: Unit | null): NumberReading {
  let value = Money.of(d.frac ? `${d.int}.${d.frac}` : d.int);
  if (negative && !value.isZero()) value = value.neg();
  let decimals = d.frac.length;
  if (percent) {
    value = value.div(100);
    decimals += 2;
  }
  return { value, decimals, isPercent: percent, unit };
}

/**
 * Reads a number written as text, as people paste it from reports, PDFs and slides.
 *
 * With `lang` nb/sv/da a single comma is decimal; in nb/da a single period followed by exactly three
 * digits groups thousands (`1.234` is 1234); in en a comma groups and a period is decimal. With
 * `lang` null, a lone separator followed by exactly three digits is ambiguous and both readings are
 * returned (decimal first). Never throws.
 */
export function parseNumberText(text: string, lang: Language | null): ParsedNumber {
  try {
    return parseUnsafe(text, lang);
  } catch {
    return NOT_A_NUMBER;
  }
}

function parseUnsafe(text: string, lang: Language | null): ParsedNumber {
  let s = text.normalize('NFC').replace(SPACES, ' ').replace(MINUSES, '-').trim();
  if (s === '' || s.length > 80) return NOT_A_NUMBER;
  let unit: Unit | null = null;
  let negative = false;
  let signs = 0;

  const sci = /^([-+]?)(\d+(?:\.\d+)?)[eE]([-+]?\d{1,3})$/.exec(s);
  if (sci) {
    const v = Money.of(`${sci[2]}e${sci[3]}`);
    const frac = sci[2].includes('.') ? sci[2].split('.')[1].length : 0;
    const value = sci[1] === '-' && !v.isZero() ? v.neg() : v;
    return { kind: 'number', value, decimals: Math.max(0, frac - Number(sci[3])), isPercent: false, unit: null };
  }

  const whole = WHOLE_KRONER.exec(s);
  if (whole) {
    s = whole[1].trim();
    unit = 'kr';
  }
  // Parentheses around the whole: (1 234) is negative.
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    s = paren[1].trim();
    negative = true;
    signs++;
  }
  // Unit before the number, possibly after a sign: "kr 1 234", "-kr 1 234", "kr -1 234".
  const pre = PREFIX.exec(s);
  if (pre) {
    if (unit !== null) return NOT_A_NUMBER;
    unit = unitOfWord(pre[2]);
    s = (pre[1] + pre[3]).trim();
  }
  // Unit after the number: "1 234 kr", "10,0 mill.", "- 3,5 mill. kr", "1234 kr-".
  const suf = SUFFIX.exec(s);
  if (suf && unit === null) {
    const u = unitOfWord(suf[2]);
    if (u !== null) {
      unit = u;
      s = (suf[1] + suf[3]).trim();
    }
  }
  // Percent.
  let percent = false;
  const pct = /^(.*?)\s*%\s*(-?)$/.exec(s);
  if (pct) {
    if (unit !== null) return NOT_A_NUMBER;
    percent = true;
    s = (pct[1] + pct[2]).trim();
  }
  // Parentheses inside a unit: "kr (1 234)".
  const paren2 = /^\((.*)\)$/.exec(s);
  if (paren2) {
    s = paren2[1].trim();
    negative = true;
    signs++;
  }
  // Leading sign, possibly detached by a space: "- 12.749".
  const lead = /^([-+])\s*(.*)$/.exec(s);
  if (lead) {
    s = lead[2];
    if (lead[1] === '-') {
      negative = true;
      signs++;
    }
  }
  // Trailing minus: "1234-".
  const trail = /^(.*?)\s*-$/.exec(s);
  if (trail) {
    s = trail[1];
    negative = true;
    signs++;
  }
  if (signs > 1) return NOT_A_NUMBER;
  if (s === '') return NOT_A_NUMBER;

  let digits = interpretDigits(s, lang);
  if (digits === null && unit === 'kr') {
    // "12 345 1000 kr": the 1000 belongs to the unit.
    const m = /^(.*\d)\s+1\s?000$/.exec(s);
    if (m) {
      const inner = interpretDigits(m[1], lang);
      if (inner !== null) {
        digits = inner;
        unit = 'tkr';
      }
    }
  }
  if (digits === null) return NOT_A_NUMBER;
  if (digits.kind === 'digits') return { kind: 'number', ...readingOf(digits, negative, percent, unit) };
  return {
    kind: 'ambiguous',
    readings: [readingOf(digits.asDecimal, negative, percent, unit), readingOf(digits.asThousands, negative, percent, unit)],
  };
}

/**
 * A language whose separators the unambiguous numbers among `texts` follow, to settle the ambiguous
 * ones in the same column or table: `nb` (comma decimal, period or space groups) or `en`
 * (period decimal, comma groups); null when they do not tell or disagree.
 */
export function numberStyleOf(texts: readonly string[]): Language | null {
  let commaDecimal = 0;
  let periodDecimal = 0;
  for (const t of texts) {
    const s = t.replace(SPACES, ' ').trim();
    if (!/\d/.test(s)) continue;
    const r = parseNumberText(s, null);
    if (r.kind !== 'number') continue;
    const core = s.replace(/[^0-9.,]/g, '');
    if (/\d\.\d{3}\.\d{3}(?!\d)/.test(core) || /\.\d{3},\d/.test(core) || /,\d{1,2}$|,\d{4,}$/.test(core)) commaDecimal++;
    if (/\d,\d{3},\d{3}(?!\d)/.test(core) || /,\d{3}\.\d/.test(core) || /\.\d{1,2}$|\.\d{4,}$/.test(core)) periodDecimal++;
  }
  if (commaDecimal > 0 && periodDecimal === 0) return 'nb';
  if (periodDecimal > 0 && commaDecimal === 0) return 'en';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

export interface AmountRead {
  /** The figure, or null for an empty, unreadable or error cell. */
  readonly amount: Amount | null;
  /** Something the user should see about this cell (`cell-error`, `unreadable-number`, `ambiguous-number`). */
  readonly finding: Finding | null;
  /** Unit written in the cell's text (`1 234 kr`), else null. */
  readonly unit: Unit | null;
  /** True when the value is a fraction shown as percent (percent format, or `%` in the text). */
  readonly isPercent: boolean;
}

const NOTHING: AmountRead = { amount: null, finding: null, unit: null, isPercent: false };

/** Text that stands for "no figure" in reports: a dash, `n/a`, `i.a.`. */
function isNilText(s: string): boolean {
  return /^(?:[-\u2212\u2013\u2014.]+|n\/?a|i\.?\s?a\.?|x|\*)$/i.test(s);
}

/** Plain text of a decimal for messages: "1234.5". */
function plain(d: Money): string {
  return d.toFixed();
}

/**
 * Reads one cell as an amount. Numeric cells: float noise undone, decimals from the number format
 * (percent-format cells are fractions already). Text cells: read as people paste numbers. An
 * ambiguous text (`1.234` with no language) is read as thousands (as a fraction: decimal) and a
 * `ambiguous-number` finding names the cell. Error values give `cell-error`, other text
 * `unreadable-number`; empty cells and dashes give no amount and no finding.
 */
export function readAmount(value: CellValue, format: string, cell: string, lang: Language | null): AmountRead {
  if (value === null) return NOTHING;
  if (isCellError(value)) {
    const reason = unreadableReason(value);
    return { ...NOTHING, finding: reason === null ? finding('cell-error', { error: value.error }, cell) : finding('unreadable-cell', { reason }, cell) };
  }
  if (typeof value === 'boolean') {
    return { ...NOTHING, finding: finding('unreadable-number', { text: value ? 'TRUE' : 'FALSE' }, cell) };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ...NOTHING, finding: finding('unreadable-number', { text: String(value) }, cell) };
    return {
      amount: { value: decimalFromCellNumber(value), decimals: decimalsOfFormat(format), cell },
      finding: null,
      unit: null,
      isPercent: isPercentFormat(format),
    };
  }
  const text = value.trim();
  if (text === '' || isNilText(text)) return NOTHING;
  const r = parseNumberText(text, lang);
  if (r.kind === 'number') {
    return { amount: { value: r.value, decimals: r.decimals, cell }, finding: null, unit: r.unit, isPercent: r.isPercent };
  }
  if (r.kind === 'ambiguous') {
    const [asDecimal, asThousands] = r.readings;
    const chosen = asDecimal.isPercent ? asDecimal : asThousands;
    return {
      amount: { value: chosen.value, decimals: chosen.decimals, cell },
      finding: finding('ambiguous-number', { text, readings: `${plain(asDecimal.value)} | ${plain(asThousands.value)}`, chosen: plain(chosen.value) }, cell),
      unit: chosen.unit,
      isPercent: chosen.isPercent,
    };
  }
  return { ...NOTHING, finding: finding('unreadable-number', { text }, cell) };
}

/** True when a cell holds a number, or text that reads as one (unambiguously or not). */
export function looksNumeric(value: CellValue, lang: Language | null = null): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'string') return false;
  const t = value.trim();
  if (t === '' || !/\d/.test(t)) return false;
  return parseNumberText(t, lang).kind !== 'not-a-number';
}
