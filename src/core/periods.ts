/**
 * Period headers as Excel and people write them: `202101` (number or text), `2021-01`, `2021/01`,
 * `01.2021`, `jan 2021`, `januar 2021`, `Jan-21`, `mars 2024`, real dates, and month names without a
 * year (the year then comes from the context: a title, the sheet name, another header).
 * Every period is returned as `YYYY-MM`.
 */
import type { CellValue } from './grid';
import { isPlain } from './labels';
import { isDateFormat, periodFromSerial } from './numbers';
import type { Period } from './sources';

/** Month names and abbreviations in Norwegian, Swedish, Danish and English. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['januar', 'januari', 'january'],
  ['februar', 'februari', 'february'],
  ['mars', 'marts', 'march'],
  ['april'],
  ['mai', 'maj', 'may'],
  ['juni', 'june'],
  ['juli', 'july'],
  ['august', 'augusti'],
  ['september'],
  ['oktober', 'october'],
  ['november'],
  ['desember', 'december'],
];

/**
 * The month (1–12) a word names: a full name or a prefix of at least three letters (`jan`, `sept`,
 * `mars`, `maj`, `okt`, `des`, `dec`), with or without a trailing period; null otherwise.
 */
export function monthOfName(word: string): number | null {
  const w = word.trim().toLowerCase().normalize('NFC').replace(/\.$/, '');
  if (w.length < 3 || !/^[a-zæøåäö]+$/.test(w)) return null;
  for (let m = 0; m < 12; m++) {
    for (const name of MONTH_NAMES[m]) if (name.startsWith(w)) return m + 1;
  }
  return null;
}

function period(year: number, month: number): Period | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

/** A year (1990–2099) written as a separate 4-digit number in a text ("Regnskap 2021 (kr)"), else null. */
export function yearInText(text: string): number | null {
  const m = /(?<![\d.,/-])((?:19|20)\d{2})(?![\d]|[.,/-]\d)/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1990 && y <= 2099 ? y : null;
}

/** A cell holding only a year (2022 or "2022"), else null. */
export function yearOfCell(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1990 && value <= 2099 ? value : null;
  if (typeof value === 'string' && /^\s*(?:19|20)\d{2}\s*$/.test(value)) return yearOfCell(Number(value));
  return null;
}

// The shapes a period is written in, tried in this order.
/** 202101 */
const YYYYMM = /^(\d{4})(\d{2})$/;
/** 2021-01, 2021/01, 2021.01, 2021 01, 2021M01, 2021P01 */
const YEAR_MONTH = /^(\d{4})(?: ?[-/.] ?| ?[mp] ?| )(\d{1,2})$/;
/** 2021-01-31, 2021-01-31T00:00:00 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[t ][\d:.]+z?)?$/;
/** 01.2021, 1/2021, 01-2021 */
const MONTH_YEAR = /^(\d{1,2}) ?[-/.] ?(\d{4})$/;
/** 31.01.2021, 31/01/2021, 01/31/2021 */
const DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
/** jan 2021, januar 2021, Jan-21, jan.21, jan '21, mars 2024 */
const NAME_YEAR = /^([a-zæøåäö]+)\.? ?[-/.' ]? ?'?(\d{4}|\d{2})$/;
/** 2021 jan, 2021-jan */
const YEAR_NAME = /^(\d{4}) ?[-/ ]? ?([a-zæøåäö]+)\.?$/;
/** jan, januar (year from the context) */
const NAME = /^([a-zæøåäö]+)\.?$/;
/**
 * Any of the shapes: most texts (labels, titles) are none, and are told so by one test instead of eight.
 * Every shape starts at the text's start; the `^` outside says so once, so a text is tried at its
 * first character only, not at each.
 */
const ANY_SHAPE = new RegExp(`^(?:${[YYYYMM, YEAR_MONTH, ISO_DATE, MONTH_YEAR, DATE, NAME_YEAR, YEAR_NAME, NAME].map((re) => `(?:${re.source})`).join('|')})`);

/** Lower-case, NFC, runs of spaces as one, trimmed. */
function periodText(text: string): string {
  // Plain text (ASCII and Latin-1, single inner spaces) is already NFC and collapsed.
  const s = isPlain(text)
    ? text
    : text
        .normalize('NFC')
        .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
        .trim();
  return s.toLowerCase();
}

/**
 * A period written as text. `contextYear` supplies the year for a month name without one
 * ("januar", "Jan"); without it such a header gives null.
 */
export function periodFromText(text: string, contextYear: number | null = null): Period | null {
  const s = periodText(text);
  if (s === '' || !ANY_SHAPE.test(s)) return null;
  let m: RegExpExecArray | null;
  if ((m = YYYYMM.exec(s))) return period(Number(m[1]), Number(m[2]));
  if ((m = YEAR_MONTH.exec(s))) return period(Number(m[1]), Number(m[2]));
  if ((m = ISO_DATE.exec(s))) return period(Number(m[1]), Number(m[2]));
  if ((m = MONTH_YEAR.exec(s))) return period(Number(m[2]), Number(m[1]));
  if ((m = DATE.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const month = b > 12 && a <= 12 ? a : b;
    return period(Number(m[3]), month);
  }
  if ((m = NAME_YEAR.exec(s))) {
    const month = monthOfName(m[1]);
    return month === null ? null : period(fullYear(m[2]), month);
  }
  if ((m = YEAR_NAME.exec(s))) {
    const month = monthOfName(m[2]);
    return month === null ? null : period(Number(m[1]), month);
  }
  if ((m = NAME.exec(s))) {
    const month = monthOfName(m[1]);
    return month === null || contextYear === null ? null : period(contextYear, month);
  }
  return null;
}

/**
 * The period a header cell names: a number `202101`, a date (numeric cell with a date format), or
 * text as in periodFromText. Null when it names none.
 */
export function periodOfCell(value: CellValue, format = 'General', contextYear: number | null = null): Period | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    if (isDateFormat(format)) return periodFromSerial(value);
    if (Number.isInteger(value) && value >= 190001 && value <= 210012) return period(Math.floor(value / 100), value % 100);
    return null;
  }
  if (typeof value === 'string') return periodFromText(value, contextYear);
  return null;
}

/** Month number (1–12) of a period. */
export function monthOf(p: Period): number {
  return Number(p.slice(5, 7));
}

/** Year of a period. */
export function yearOf(p: Period): number {
  return Number(p.slice(0, 4));
}

/**
 * The year and months a column header names beside its words: `Utfall 2019-12` (2019, through
 * December), `Regnskap 2023 jan–apr` (2023, January to April), `Regnskap per april 2023`, `Budget
 * 202004`, `Årsbudget 2020` (2020, no months), `Effekt i 2021`. A single month in a role header
 * means the year to that month, as result reports write it.
 */
export interface HeaderTime {
  readonly year: number | null;
  /** The months as `MM-MM` (`01-04`), or null when the header names none. */
  readonly months: string | null;
}

const MONTH_RANGE = /(?<![a-zæøåäö])([a-zæøåäö]{3,})\.?\s*[-\u2013\u2014/]\s*([a-zæøåäö]{3,})\.?(?![a-zæøåäö])/u;
const YEAR_MONTH_IN = /(?<![\d.,])((?:19|20)\d{2})\s?(?:[-/.]\s?|m|p)?(0[1-9]|1[0-2])(?![\d.,]|-\d)/u;
const MONTH_WORD = /(?<![a-zæøåäö])([a-zæøåäö]{3,})\.?(?![a-zæøåäö])/gu;

function monthSpan(from: number, to: number): string {
  return `${String(from).padStart(2, '0')}-${String(to).padStart(2, '0')}`;
}

export function timeInHeader(text: string): HeaderTime {
  const s = periodText(text);
  const range = MONTH_RANGE.exec(s);
  if (range) {
    const from = monthOfName(range[1]);
    const to = monthOfName(range[2]);
    if (from !== null && to !== null && from <= to) return { year: yearInText(s.replace(range[0], ' ')), months: monthSpan(from, to) };
  }
  const ym = YEAR_MONTH_IN.exec(s);
  if (ym) return { year: Number(ym[1]), months: monthSpan(1, Number(ym[2])) };
  const year = yearInText(s);
  if (year !== null) {
    for (const m of s.matchAll(MONTH_WORD)) {
      const month = monthOfName(m[1]);
      if (month !== null) return { year, months: monthSpan(1, month) };
    }
  }
  return { year, months: null };
}
