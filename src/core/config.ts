/**
 * The follow-up settings: from `--config`, from the workbook's stored settings, and from the task pane.
 * Parsed strictly: a wrong key or value is an error that says which and what is allowed, never ignored.
 */
import { FollowUpError } from './errors';
import { parseSheetRange } from './grid';
import { FORECAST_METHODS, OUTPUT_LANGUAGES, type ForecastMethod, type OutputLanguage, type SignSetting } from './model';
import type { Period, Role, Unit } from './sources';

export const ROLES: readonly Role[] = ['budget', 'actual', 'prior-actual', 'forecast', 'table'];
const SIGNS: readonly SignSetting[] = ['auto', 'costs-positive', 'costs-negative'];
export const UNITS: readonly Unit[] = ['kr', 'tkr', 'mkr'];

export interface SourceMapping {
  readonly range: string;
  readonly role?: Role;
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
  if (typeof text !== 'string' || !/^-?\d+(\.\d+)?$/.test(text.trim())) fail(where, `"${key}" must be an amount such as "1250000.50" (found ${JSON.stringify(v)})`);
  return text.trim();
}

function parseSources(where: string, v: Json | undefined): SourceMapping[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) fail(where, '"sources" must be a list of {"range": ..., "role": ...}');
  return v.map((item, i) => {
    const at = `${where} sources[${i}]`;
    if (!isObject(item)) fail(at, 'must be an object with "range" and optionally "role"');
    return { range: rangeText(at, 'range', item.range), role: oneOf(at, 'role', item.role, ROLES) };
  });
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

const KEYS = ['sources', 'measures', 'signConvention', 'forecast', 'period', 'language', 'gap', 'title', 'thresholds', 'unit'];

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
