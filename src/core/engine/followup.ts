/**
 * From what the readers recognised to the follow-up model: lines, totals, forecasts, measures and
 * every cross-check. The one place the figures are computed.
 */
import { dec, MoneySum, type Money } from '../money';
import { renderFinding } from '../messages';
import type {
  Figures,
  FollowUpLine,
  FollowUpModel,
  ForecastMethod,
  MeasuresSummary,
  OutputLanguage,
  SignConvention,
  SignSetting,
  SourceSummary,
} from '../model';
import type { Period, Recognised, Source } from '../sources';
import { finding, type Finding } from '../warnings';
import { checkSource } from './checks';
import { collect, type CollectedLine } from './collect';
import { detectSign, figureContext, periodFigures, ratio, variance, type PeriodFigures } from './figures';
import { forecastLine, type ForecastResult } from './forecast';
import { summariseMeasures } from './measures';
import { choosePeriod, monthOf } from './period';

export interface EngineOptions {
  readonly period?: Period | null;
  readonly signConvention?: SignSetting;
  readonly forecastMethod?: ForecastMethod;
  /** Manual forecasts by line key (in the model's unit), as exact decimal strings. */
  readonly manualForecasts?: Readonly<Record<string, string>>;
  /** A gap the measures must close, in the model's unit, when the user states it. */
  readonly gap?: string | null;
  readonly language?: OutputLanguage;
  readonly title?: string | null;
}

function lineFigures(p: PeriodFigures, f: ForecastResult, sign: SignConvention): Figures {
  const v = variance(p.budget, p.actual, sign);
  const change = p.actual !== null && p.priorYearActual !== null ? p.actual.minus(p.priorYearActual) : null;
  return {
    annualBudget: p.annualBudget,
    budget: p.budget,
    actual: p.actual,
    variance: v,
    variancePct: ratio(v, p.budget),
    priorYearActual: p.priorYearActual,
    change,
    changePct: ratio(change, p.priorYearActual),
    forecast: f.forecast,
    forecastVariance: variance(p.annualBudget, f.forecast, sign),
    monthBudget: p.monthBudget,
    monthActual: p.monthActual,
    monthVariance: variance(p.monthBudget, p.monthActual, sign),
  };
}

/** The figures that add up from line to total (the percentages are recomputed from the sums). */
const ADDITIVE = ['annualBudget', 'budget', 'actual', 'variance', 'priorYearActual', 'change', 'forecast', 'forecastVariance', 'monthBudget', 'monthActual', 'monthVariance'] as const;

/** The total: every amount is the sum of the lines; percentages are recomputed from the sums. */
export function totalOf(lines: readonly Figures[]): Figures {
  const sums = ADDITIVE.map(() => new MoneySum());
  for (const f of lines) for (let i = 0; i < ADDITIVE.length; i++) sums[i].add(f[ADDITIVE[i]]);
  const s = (k: (typeof ADDITIVE)[number]): Money | null => sums[ADDITIVE.indexOf(k)].totalOrNull();
  const budget = s('budget');
  const v = s('variance');
  const prior = s('priorYearActual');
  const change = s('change');
  return {
    annualBudget: s('annualBudget'),
    budget,
    actual: s('actual'),
    variance: v,
    variancePct: ratio(v, budget),
    priorYearActual: prior,
    change,
    changePct: ratio(change, prior),
    forecast: s('forecast'),
    forecastVariance: s('forecastVariance'),
    monthBudget: s('monthBudget'),
    monthActual: s('monthActual'),
    monthVariance: s('monthVariance'),
  };
}

function manualFor(line: CollectedLine, p: PeriodFigures, manual: Readonly<Record<string, string>>): Money | null {
  const given = manual[line.key];
  if (given !== undefined) return dec(given);
  return p.statedForecast;
}

/** One finding per reason a forecast method could not be used, listing the lines (not one per line). */
function fallbackFindings(method: ForecastMethod, results: readonly { line: CollectedLine; f: ForecastResult }[]): Finding[] {
  const byReason = new Map<string, { used: string; labels: string[] }>();
  for (const { line, f } of results) {
    if (f.fallbackReason === null) continue;
    const key = `${f.fallbackReason}|${f.method ?? 'none'}`;
    const entry = byReason.get(key) ?? { used: f.method ?? 'none', labels: [] };
    entry.labels.push(line.label);
    byReason.set(key, entry);
  }
  return [...byReason].map(([key, e]) =>
    finding('forecast-fallback', { method, used: e.used, reason: key.split('|')[0], lines: e.labels.join(', '), count: String(e.labels.length) }),
  );
}

function signOf(setting: SignSetting, periods: readonly PeriodFigures[]): { sign: SignConvention; detected: boolean; findings: Finding[] } {
  if (setting !== 'auto') return { sign: setting, detected: false, findings: [] };
  const d = detectSign(periods);
  return { sign: d.sign, detected: true, findings: d.clear ? [] : [finding('sign-convention-unclear', { sign: d.sign })] };
}

function measuresOf(
  rec: Recognised,
  total: Figures,
  year: number | null,
  unit: FollowUpModel['unit'],
  gap: string | null,
): { summary: MeasuresSummary | null; findings: Finding[] } {
  const src = rec.measures[0];
  if (!src) return { summary: null, findings: [] };
  return summariseMeasures(src, {
    stated: gap === null ? null : dec(gap),
    keyFigures: rec.keyFigures,
    year,
    forecastVariance: total.forecastVariance,
    modelUnit: unit,
  });
}

export function buildFollowUp(rec: Recognised, options: EngineOptions = {}): FollowUpModel {
  const method = options.forecastMethod ?? 'budget-profile';
  const language = options.language ?? (rec.language === 'sv' ? 'sv' : rec.language === 'en' ? 'en' : 'nb');
  const col = collect(rec.sources, options.period ?? null);
  const chosen = choosePeriod(col, col.year, options.period ?? null);
  const ctx = figureContext(col, chosen.period);
  const periods = col.lines.map((l) => periodFigures(col, l, ctx));
  const sign = signOf(options.signConvention ?? 'auto', periods);
  const monthsElapsed = chosen.period ? monthOf(chosen.period) : null;
  const results = col.lines.map((line, i) => ({
    line,
    f: forecastLine(method, { figures: periods[i], monthsElapsed, sign: sign.sign }, manualFor(line, periods[i], options.manualForecasts ?? {})),
  }));
  const lines: FollowUpLine[] = results.map(({ line, f }, i) => ({
    key: line.key,
    name: line.name,
    label: line.label,
    forecastMethod: f.method,
    origin: { rows: line.cells },
    group: line.group,
    ...lineFigures(periods[i], f, sign.sign),
  }));
  const total = totalOf(lines);
  const measures = measuresOf(rec, total, col.year, col.unit, options.gap ?? null);
  const findings: Finding[] = [
    ...rec.findings,
    ...rec.sources.flatMap((s) => s.findings),
    ...col.findings,
    ...chosen.findings,
    ...sign.findings,
    ...availabilityFindings(col.available, rec),
    ...(col.available.has('annual-budget') || col.available.has('budget') ? fallbackFindings(method, results) : []),
    ...rec.sources.flatMap((s) => checkSource(s, sign.sign, col.year)),
    ...measures.findings,
  ];
  return {
    period: chosen.period,
    year: col.year,
    monthsElapsed,
    signConvention: sign.sign,
    signDetected: sign.detected,
    unit: col.unit,
    language,
    forecastMethod: method,
    lines,
    total,
    measures: measures.summary,
    sources: rec.sources.map(sourceSummary),
    warnings: findings.map((f) => renderFinding(f, language)),
    title: options.title ?? null,
  };
}

function sourceSummary(s: Source): SourceSummary {
  const months = s.series.map((x) => x.period).filter((p): p is string => p !== null).sort();
  return {
    range: s.range,
    role: s.role,
    kind: s.kind,
    description: s.description,
    months: months.length ? [months[0], months[months.length - 1]] : null,
    lineCount: s.lines.length,
    unit: s.unit,
    hasTotals: s.totals.length > 0 || s.series.some((x) => x.isTotal),
  };
}

function availabilityFindings(available: ReadonlySet<string>, rec: Recognised): Finding[] {
  if (rec.sources.length === 0) return [];
  const out: Finding[] = [];
  if (!available.has('budget') && !available.has('annual-budget')) out.push(finding('no-budget'));
  if (!available.has('actual')) out.push(finding('no-actuals'));
  return out;
}
