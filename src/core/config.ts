/**
 * The follow-up settings: from `--config`, from the workbook's stored settings, and from the task pane.
 * Parsed strictly: a wrong key or value is an error that says which and what is allowed, never ignored.
 */
import { FollowUpError } from './errors';
import { parseSheetRange } from './grid';
import {
  FORECAST_METHODS,
  OUTPUT_LANGUAGES,
  type ColumnReading,
  type ColumnRoleName,
  type ForecastMethod,
  type OutputLanguage,
  type SignSetting,
  type SourceSummary,
} from './model';
import type { Period, Role, Unit } from './sources';
import { UNITS } from './units';

export const ROLES: readonly Role[] = ['budget', 'actual', 'prior-actual', 'forecast', 'table'];
const SIGNS: readonly SignSetting[] = ['auto', 'costs-positive', 'costs-negative'];
export { UNITS };

export type { ColumnRoleName };
export const COLUMN_ROLES: readonly ColumnRoleName[] = [
  'key',
  'label',
  'budget',
  'annual-budget',
  'actual',
  'prior-actual',
  'forecast',
  'variance',
  'variance-pct',
  'forecast-variance',
  'ignored',
];
export const EVALUATIONS = ['year-to-date', 'year-end'] as const;
export type Evaluation = (typeof EVALUATIONS)[number];

/** A person's reading of one column: any of its role, year, months (`01-04`) and unit. */
export interface ColumnChoice {
  readonly role?: ColumnRoleName;
  readonly year?: number;
  readonly months?: string;
  readonly unit?: Unit;
}

export interface SourceMapping {
  readonly range: string;
  readonly role?: Role;
  /** Columns by letter (`"C"`) or header text (`"Utfall 2020-12"`); a person's reading wins over the words. */
  readonly columns?: Readonly<Record<string, ColumnChoice>>;
  /** The unit of the source's amounts, whatever its headers say. */
  readonly unit?: Unit;
}

export interface FollowUpConfig {
  readonly sources?: readonly SourceMapping[];
  readonly measures?: string;
  readonly signConvention?: SignSetting;
  readonly forecast?: { readonly method?: ForecastMethod; readonly manual?: Readonly<Record<string, string>> };
  readonly period?: Period;
  readonly language?: OutputLanguage;
  readonly gap?: string;
  readonly title?: string;
  /** The unit of the amounts, for a workbook that does not say (its own headings win). */
  readonly unit?: Unit;
  /** Status colours: variances within ± neutralPct of the budget are neutral; staleness of comments. */
  readonly thresholds?: { readonly neutralPct?: string; readonly stalePct?: string };
  /** A year-end evaluation (the whole year, no months, no forecast) or the year to date; else from the headers. */
  readonly evaluation?: Evaluation;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function fail(where: string, message: string): never {
  throw new FollowUpError('bad-input', `${where}: ${message}`);
}

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(where: string, key: string, v: Json | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    fail(where, `"${key}" must be one of ${allowed.join(', ')} (found ${JSON.stringify(v)})`);
  }
  return v as T;
}

function rangeText(where: string, key: string, v: Json | undefined): string {
  if (typeof v !== 'string' || !parseSheetRange(v)) fail(where, `"${key}" must be a range such as 'Budget 2024'!A1:N13 (found ${JSON.stringify(v)})`);
  return v;
}

export function parsePeriod(text: string, where = 'period'): Period {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) fail(where, `"${text}" is not a month in the form YYYY-MM (e.g. 2024-03)`);
  return `${m[1]}-${m[2]}`;
}

function amountText(where: string, key: string, v: Json | undefined): string {
  const text = typeof v === 'number' ? String(v) : v;
  if (typeof text !== 'string' || !/^-?\d+(\.\d+)?$/.test(text.trim()))
    fail(where, `"${key}" must be an amount such as "1250000.50" (found ${JSON.stringify(v)})`);
  return text.trim();
}

function parseSources(where: string, v: Json | undefined): SourceMapping[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) fail(where, '"sources" must be a list of {"range": ..., "role": ...}');
  return v.map((item, i) => {
    const at = `${where} sources[${i}]`;
    if (!isObject(item)) fail(at, 'must be an object with "range" and optionally "role"');
    const mapping: SourceMapping = { range: rangeText(at, 'range', item.range), role: oneOf(at, 'role', item.role, ROLES) };
    const columns = parseColumns(at, item.columns);
    const unit = oneOf(at, 'unit', item.unit, UNITS);
    return { ...mapping, ...(columns ? { columns } : {}), ...(unit ? { unit } : {}) };
  });
}

/** `"columns": {"B": "actual", "Utfall 2019-12": {"role": "prior-actual", "year": 2019, "unit": "tkr"}}`. */
function parseColumns(where: string, v: Json | undefined): Record<string, ColumnChoice> | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) fail(where, '"columns" must map a column (letter or header) to a role, e.g. {"B": "actual", "C": "prior-actual"}');
  const out: Record<string, ColumnChoice> = {};
  for (const [column, choice] of Object.entries(v)) {
    const at = `${where} columns["${column}"]`;
    if (typeof choice === 'string') {
      out[column] = { role: oneOf(at, 'role', choice, COLUMN_ROLES) };
      continue;
    }
    if (!isObject(choice)) fail(at, `must be a role (${COLUMN_ROLES.join(', ')}) or an object with "role", "year", "months", "unit"`);
    const unknown = Object.keys(choice).filter((k) => !['role', 'year', 'months', 'unit'].includes(k));
    if (unknown.length) fail(at, `unknown key ${unknown.map((k) => `"${k}"`).join(', ')} (known: role, year, months, unit)`);
    const year = choice.year;
    if (year !== undefined && (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2099))
      fail(at, `"year" must be a year such as 2024 (found ${JSON.stringify(year)})`);
    const months = choice.months;
    if (months !== undefined && (typeof months !== 'string' || !isMonthSpan(months)))
      fail(at, `"months" must be months such as "01-04" (found ${JSON.stringify(months)})`);
    const c: ColumnChoice = {
      role: oneOf(at, 'role', choice.role, COLUMN_ROLES),
      year: year as number | undefined,
      months: months as string | undefined,
      unit: oneOf(at, 'unit', choice.unit, UNITS),
    };
    out[column] = Object.fromEntries(Object.entries(c).filter(([, x]) => x !== undefined)) as ColumnChoice;
  }
  return out;
}

function isMonthSpan(text: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]) && Number(m[2]) <= 12;
}

function parseForecast(where: string, v: Json | undefined): FollowUpConfig['forecast'] {
  if (v === undefined) return undefined;
  if (!isObject(v)) fail(where, '"forecast" must be an object such as {"method": "deviation-run-rate"}');
  const manual: Record<string, string> = {};
  if (v.manual !== undefined) {
    if (!isObject(v.manual)) fail(where, '"forecast.manual" must map line keys to amounts');
    for (const [k, a] of Object.entries(v.manual)) manual[k] = amountText(where, `forecast.manual.${k}`, a);
  }
  return { method: oneOf(where, 'forecast.method', v.method, FORECAST_METHODS), manual };
}

const KEYS = ['sources', 'measures', 'signConvention', 'forecast', 'period', 'language', 'gap', 'title', 'thresholds', 'evaluation', 'unit'];

function fraction(where: string, key: string, v: Json | undefined): string | undefined {
  if (v === undefined) return undefined;
  const text = amountText(where, key, v);
  if (Number(text) < 0 || Number(text) >= 1) fail(where, `"${key}" must be a fraction from 0 to 1, e.g. 0.02 for 2 % (found ${text})`);
  return text;
}

function parseThresholds(where: string, v: Json | undefined): FollowUpConfig['thresholds'] {
  if (v === undefined) return undefined;
  if (!isObject(v)) fail(where, '"thresholds" must be an object such as {"neutralPct": 0.02}');
  return { neutralPct: fraction(where, 'thresholds.neutralPct', v.neutralPct), stalePct: fraction(where, 'thresholds.stalePct', v.stalePct) };
}

/** Parses settings JSON; `where` names the file or place for messages. */
export function parseConfig(text: string, where: string): FollowUpConfig {
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (e) {
    return fail(where, `not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(json)) fail(where, 'must be a JSON object');
  const unknown = Object.keys(json).filter((k) => !KEYS.includes(k));
  if (unknown.length) fail(where, `unknown setting ${unknown.map((k) => `"${k}"`).join(', ')} (known: ${KEYS.join(', ')})`);
  return {
    sources: parseSources(where, json.sources),
    measures: json.measures === undefined ? undefined : rangeText(where, 'measures', json.measures),
    signConvention: oneOf(where, 'signConvention', json.signConvention, SIGNS),
    forecast: parseForecast(where, json.forecast),
    period: json.period === undefined ? undefined : parsePeriod(String(json.period), `${where} period`),
    language: oneOf(where, 'language', json.language, OUTPUT_LANGUAGES),
    gap: json.gap === undefined ? undefined : amountText(where, 'gap', json.gap),
    title: json.title === undefined ? undefined : String(json.title),
    thresholds: parseThresholds(where, json.thresholds),
    evaluation: oneOf(where, 'evaluation', json.evaluation, EVALUATIONS),
    unit: oneOf(where, 'unit', json.unit, UNITS),
  };
}

/** Later settings win, key by key (command line over config file over workbook settings). */
export function mergeConfig(...configs: readonly (FollowUpConfig | null | undefined)[]): FollowUpConfig {
  const out: Record<string, unknown> = {};
  for (const c of configs) {
    if (!c) continue;
    for (const [k, v] of Object.entries(c)) {
      if (v === undefined) continue;
      if (k === 'forecast' && typeof out.forecast === 'object') {
        const prev = out.forecast as NonNullable<FollowUpConfig['forecast']>;
        const next = v as NonNullable<FollowUpConfig['forecast']>;
        out.forecast = { method: next.method ?? prev.method, manual: { ...prev.manual, ...next.manual } };
      } else out[k] = v;
    }
  }
  return out as FollowUpConfig;
}

/**
 * A source's reading as choices, column by column (what the pane saves once a person changes one
 * column: the whole reading, so that the next run reads every column as it was shown).
 */
export function columnChoicesOf(columns: readonly ColumnReading[]): Record<string, ColumnChoice> {
  const out: Record<string, ColumnChoice> = {};
  for (const c of columns) {
    if (c.total) continue;
    const choice: { role: ColumnRoleName; year?: number; months?: string; unit?: Unit } = { role: c.role };
    if (c.year !== null) choice.year = c.year;
    if (c.months !== null) choice.months = c.months;
    if (c.unit !== null) choice.unit = c.unit;
    out[c.column] = choice;
  }
  return out;
}

/** The mapping of a source as read, with one column's reading changed by a person. */
export function withColumnChoice(source: SourceSummary, column: string, change: ColumnChoice): SourceMapping {
  const columns = columnChoicesOf(source.columns ?? []);
  columns[column] = { ...columns[column], ...change };
  return { range: source.range, role: source.role, columns, ...(source.unit ? { unit: source.unit } : {}) };
}

/** The mapping that keeps a source read as it was: its role, and its columns when a person chose them. */
export function mappingOfSource(source: SourceSummary): SourceMapping {
  const chosen = (source.columns ?? []).some((c) => c.chosen);
  if (!chosen) return { range: source.range, role: source.role };
  return { range: source.range, role: source.role, columns: columnChoicesOf(source.columns ?? []), ...(source.unit ? { unit: source.unit } : {}) };
}
