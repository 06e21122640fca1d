/**
 * A cell's text in the page's sheet preview: numbers grouped and rounded as the cell's number format
 * asks (percentages as percentages, dates as dates), in the page's language. A preview, not Excel's
 * full number-format engine.
 */
import { formatDecimal, formatPercent } from '../../core/format';
import type { CellValue } from '../../core/grid';
import type { OutputLanguage } from '../../core/model';

/** The format code without its quoted text, escapes, colours and conditions, first section only. */
function formatCore(format: string): string {
  return (format.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '');
}

/**
 * The text of a format whose section for this number is a quoted word alone (`"Over";"Under";"Even"`
 * shows a word by the number's sign), or null.
 */
function literalSection(v: number, format: string | undefined): string | null {
  const sections = (format ?? '').split(';');
  if (sections.length < 2) return null;
  const section = v < 0 ? sections[1] : v === 0 && sections.length > 2 ? sections[2] : sections[0];
  const m = /^(?:\[[^\]]*\])*"([^"]*)"$/.exec(section.trim());
  return m ? m[1] : null;
}

/** A number as an exact-looking decimal string ("-1234.5"), never in exponent notation. */
function plain(v: number, decimals: number): string {
  return v
    .toFixed(Math.min(Math.max(decimals + 2, 2), 12))
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** An Excel date serial (1900 system) as YYYY-MM-DD, or null when out of range. */
function dateText(serial: number): string | null {
  if (!(serial >= 1 && serial < 2958466)) return null;
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

export function cellText(v: CellValue, format: string | undefined, lang: OutputLanguage): string {
  if (v === null) return '';
  if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 79)}…` : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return v.error;
  if (!Number.isFinite(v)) return String(v);
  const literal = literalSection(v, format);
  if (literal !== null) return literal;
  const core = formatCore(format ?? 'General');
  if (core.includes('%')) return formatPercent(plain(v, 6), lang);
  if (!/general/i.test(core) && /[dy]|mmm/i.test(core)) return dateText(v) ?? String(v);
  const fraction = /\.([0#?]+)/.exec(core)?.[1]?.length;
  const decimals = fraction !== undefined ? Math.min(fraction, 4) : /[0#?]/.test(core) ? 0 : Math.min((String(v).split('.')[1] ?? '').length, 4);
  const text = formatDecimal(plain(v, decimals), lang, decimals);
  // Thousands are grouped only where the format asks (`#,##0`); General shows 202401 as Excel does.
  return core.includes(',') && !/general/i.test(core) ? text : text.split(lang === 'en' ? ',' : '\u00a0').join('');
}
