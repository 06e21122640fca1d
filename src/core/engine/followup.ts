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
  Subtotal,
} from '../model';
import type { Period, Recognised, Source } from '../sources';
import type { Evaluation } from '../config';
import { finding, type Finding } from '../warnings';
import { checkSource } from './checks';
import { collect, type Collected, type CollectedLine } from './collect';
import { detectSign, figureContext, periodFigures, ratio, variance, type PeriodFigures } from './figures';
import { forecastLine, type ForecastContext, type ForecastResult } from './forecast';
import { summariseMeasures } from './measures';
import { choosePeriod, isYearEnd, monthOf, periodOfHeaders } from './period';
import { readingOf } from './reading';
import { columnReadings } from './columns';
import { chartFigures } from './charts';
import { monthByMonth, withSubtotalMonths } from './months';

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
  /** Year end or year to date, as a person chose; else from the headers (no months: year end). */
  readonly evaluation?: Evaluation;
  /** The unit a person stated, used when the workbook does not say. */
  readonly unit?: FollowUpModel['unit'];
}

/** A line of the model: the line's period figures, its forecast and what follows from them. */
function followUpLine(line: CollectedLine, p: PeriodFigures, f: ForecastResult, sign: SignConvention): FollowUpLine {
  const v = variance(p.budget, p.actual, sign);
  const change = p.actual !== null && p.priorYearActual !== null ? p.actual.minus(p.priorYearActual) : null;
  // One literal in the model's field order (a spread of the figures built an object twice per line).
  return {
    key: line.key,
    name: line.name,
    label: line.label,
    forecastMethod: f.method,
    origin: { rows: line.cells },
    group: line.group,
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

/** Running sums of the figures that add up from line to total (the percentages are recomputed from the sums). */
class TotalSums {
  private readonly annualBudget = new MoneySum();
  private readonly budget = new MoneySum();
  private readonly actual = new MoneySum();
  private readonly variance = new MoneySum();
  private readonly priorYearActual = new MoneySum();
  private readonly change = new MoneySum();
  private readonly forecast = new MoneySum();
  private readonly forecastVariance = new MoneySum();
  private readonly monthBudget = new MoneySum();
  private readonly monthActual = new MoneySum();
  private readonly monthVariance = new MoneySum();

  add(f: Figures): void {
    this.annualBudget.add(f.annualBudget);
    this.budget.add(f.budget);
    this.actual.add(f.actual);
    this.variance.add(f.variance);
    this.priorYearActual.add(f.priorYearActual);
    this.change.add(f.change);
    this.forecast.add(f.forecast);
    this.forecastVariance.add(f.forecastVariance);
    this.monthBudget.add(f.monthBudget);
    this.monthActual.add(f.monthActual);
    this.monthVariance.add(f.monthVariance);
  }

  figures(): Figures {
    const budget = this.budget.totalOrNull();
    const v = this.variance.totalOrNull();
    const prior = this.priorYearActual.totalOrNull();
    const change = this.change.totalOrNull();
    return {
      annualBudget: this.annualBudget.totalOrNull(),
      budget,
      actual: this.actual.totalOrNull(),
      variance: v,
      variancePct: ratio(v, budget),
      priorYearActual: prior,
      change,
      changePct: ratio(change, prior),
      forecast: this.forecast.totalOrNull(),
      forecastVariance: this.forecastVariance.totalOrNull(),
      monthBudget: this.monthBudget.totalOrNull(),
      monthActual: this.monthActual.totalOrNull(),
      monthVariance: this.monthVariance.totalOrNull(),
    };
  }
}

/** The total: every amount is the sum of the lines; percentages are recomputed from the sums. */
export function totalOf(lines: readonly Figures[]): Figures {
  const sums = new TotalSums();
  for (const f of lines) sums.add(f);
  return sums.figures();
}

/** A subtotal per run of consecutive lines of one group; lines of no group have none. */
export function subtotalsOf(lines: readonly FollowUpLine[]): Subtotal[] {
  const out: Subtotal[] = [];
  let first = 0;
  for (let i = 1; i <= lines.length; i++) {
    const group = lines[first].group;
    if (i < lines.length && lines[i].group === group) continue;
    if (group !== null) out.push({ label: group, first, last: i - 1, ...totalOf(lines.slice(first, i)) });
    first = i;
  }
  return out;
}

function manualFor(line: CollectedLine, p: PeriodFigures, manual: Readonly<Record<string, string>>): Money | null {
  const given = manual[line.key];
  if (given !== undefined) return dec(given);
  return p.statedForecast;
}

/** The lines whose forecast method could not be used, by reason: one finding per reason listing the lines (not one per line). */
class Fallbacks {
  private readonly byReason = new Map<string, { used: string; labels: string[] }>();

  add(line: CollectedLine, f: ForecastResult): void {
    if (f.fallbackReason === null) return;
    const key = `${f.fallbackReason}|${f.method ?? 'none'}`;
    const entry = this.byReason.get(key) ?? { used: f.method ?? 'none', labels: [] };
    entry.labels.push(line.label);
    this.byReason.set(key, entry);
  }

  findings(method: ForecastMethod): Finding[] {
    return [...this.byReason].map(([key, e]) =>
      finding('forecast-fallback', { method, used: e.used, reason: key.split('|')[0], lines: e.labels.join(', '), count: String(e.labels.length) }),
    );
  }
}

function signOf(
  setting: SignSetting,
  periods: readonly PeriodFigures[],
  typed: SignConvention | null,
): { sign: SignConvention; detected: boolean; findings: Finding[] } {
  if (setting !== 'auto') return { sign: setting, detected: false, findings: [] };
  // The authors' typed-in variances tell the sign better than the budget's total does.
  if (typed !== null) return { sign: typed, detected: true, findings: [] };
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

/**
 * The sheets' language from the workbook's: nb, sv and en as they are; Danish in Norwegian (the
 * nearest, and said on the checks sheet); any other, or none the words tell, in English.
 */
function outputLanguage(lang: Recognised['language']): OutputLanguage {
  if (lang === 'nb' || lang === 'da') return 'nb';
  if (lang === 'sv') return 'sv';
  return 'en';
}

export function buildFollowUp(recognised: Recognised, options: EngineOptions = {}): FollowUpModel {
  return followUpFrom(followUpBasis(recognised, options), options.manualForecasts ?? {});
}

/**
 * What a follow-up stands on before any forecast: the tables read, the lines collected, the period
 * and sign chosen. Its period and language name the sheet whose people's own forecasts carry over,
 * so a front end reads that sheet between followUpBasis and followUpFrom and collects the lines once.
 */
export interface FollowUpBasis {
  readonly period: Period | null;
  readonly language: OutputLanguage;
  readonly options: EngineOptions;
  readonly readings: readonly ReturnType<typeof readingOf>[];
  readonly rec: Recognised;
  readonly method: ForecastMethod;
  readonly col: Collected;
  readonly unit: FollowUpModel['unit'];
  readonly chosen: ReturnType<typeof choosePeriod>;
  readonly yearEnd: boolean;
  readonly periods: readonly PeriodFigures[];
  readonly sign: ReturnType<typeof signOf>;
  readonly monthsElapsed: number | null;
}

export function followUpBasis(recognised: Recognised, options: EngineOptions = {}): FollowUpBasis {
  // Each table read as its own arithmetic supports, before any figure is computed.
  const readings = recognised.sources.map((s) => readingOf(s, options.signConvention ?? 'auto', s.chosen === true));
  const rec: Recognised = { ...recognised, sources: readings.map((r) => r.source) };
  const typedSign = readings.find((r) => r.sign !== null)?.sign ?? null;
  const method = options.forecastMethod ?? 'budget-profile';
  const language = options.language ?? outputLanguage(rec.language);
  const col = collect(rec.sources, options.period ?? null);
  const unit = col.unit ?? options.unit ?? null;
  const byMonth = choosePeriod(col, col.year, options.period ?? null);
  // A table by role columns has its month in the headers (`Utfall 2020-12`), or none (year end).
  const yearEnd = options.evaluation ? options.evaluation === 'year-end' : byMonth.period === null && col.year !== null && isYearEnd(rec.sources);
  const chosen = yearEnd ? { ...byMonth, period: null } : byMonth.period === null ? { ...byMonth, period: periodOfHeaders(rec.sources, col.year) } : byMonth;
  const ctx = figureContext(col, chosen.period);
  const periods = col.lines.map((l) => periodFigures(l, ctx));
  const sign = signOf(options.signConvention ?? 'auto', periods, typedSign);
  const monthsElapsed = chosen.period ? monthOf(chosen.period) : null;
  return { period: chosen.period, language, options, readings, rec, method, col, unit, chosen, yearEnd, periods, sign, monthsElapsed };
}

/** The model from its basis and the manual forecasts by line key (a person's own forecasts win over the method's). */
export function followUpFrom(basis: FollowUpBasis, manual: Readonly<Record<string, string>>): FollowUpModel {
  const { options, readings, rec, method, language, col, unit, chosen, yearEnd, periods, sign, monthsElapsed } = basis;
  const forecasts: ForecastContext = { monthsElapsed, sign: sign.sign };
  const fallbacks = new Fallbacks();
  const sums = new TotalSums();
  // One pass: each line's forecast, its figures and its share of the total.
  const lines: FollowUpLine[] = col.lines.map((line, i) => {
    const p = periods[i];
    // A year-end evaluation has the year's accounts: nothing is left to forecast.
    const f = yearEnd ? NO_FORECAST : forecastLine(method, p, forecasts, manualFor(line, p, manual));
    fallbacks.add(line, f);
    const out = followUpLine(line, p, f, sign.sign);
    sums.add(out);
    return out;
  });
  const total = sums.figures();
  const subtotals = subtotalsOf(lines);
  const measures = measuresOf(rec, total, col.year, unit, options.gap ?? null);
  const readingFindings = readings.flatMap((r) => r.findings);
  const findings: Finding[] = [
    ...readingFindings,
    ...(!options.language && rec.language === 'da' ? [finding('danish-as-norwegian')] : []),
    ...rec.findings,
    ...rec.sources.flatMap((s) => s.findings),
    ...col.findings,
    ...chosen.findings,
    ...sign.findings,
    ...availabilityFindings(col.available, rec).filter((f) => f.code !== 'no-actuals' || readingFindings.length === 0),
    ...(col.available.has('annual-budget') || col.available.has('budget') ? fallbacks.findings(method) : []),
    ...rec.sources.flatMap((s) => checkSource(s, sign.sign, col.year)),
    ...measures.findings,
  ];
  return {
    period: chosen.period,
    year: col.year,
    monthsElapsed,
    signConvention: sign.sign,
    signDetected: sign.detected,
    unit,
    language,
    forecastMethod: method,
    lines,
    total,
    subtotals,
    measures: measures.summary,
    sources: rec.sources.map(sourceSummary),
    warnings: findings.map((f) => renderFinding(f, language)),
    title: options.title ?? null,
    seen: (rec.seen ?? []).map((x) => ({
      range: x.range,
      kind: x.kind,
      reason: renderFinding(x.reason, language).message,
      description: renderFinding(x.reason, 'en').message,
      ...(x.undecidedWith ? { undecidedWith: x.undecidedWith } : {}),
    })),
    evaluation: yearEnd ? 'year-end' : 'year-to-date',
    charts: chartFigures(col, col.year, monthsElapsed, measures.summary),
    monthByMonth: withSubtotalMonths(
      monthByMonth(
        col,
        col.year,
        monthsElapsed,
        lines.map((l) => l.annualBudget),
        total.annualBudget,
      ),
      subtotals,
    ),
  };
}

const NO_FORECAST: ForecastResult = { forecast: null, method: null, fallbackReason: null };

function sourceSummary(s: Source): SourceSummary {
  const months = s.series
    .map((x) => x.period)
    .filter((p): p is string => p !== null)
    .sort();
  return {
    range: s.range,
    role: s.role,
    kind: s.kind,
    description: s.description,
    months: months.length ? [months[0], months[months.length - 1]] : null,
    lineCount: s.lines.length,
    unit: s.unit,
    hasTotals: s.totals.length > 0 || s.series.some((x) => x.isTotal),
    columns: columnReadings(s),
  };
}

function availabilityFindings(available: ReadonlySet<string>, rec: Recognised): Finding[] {
  if (rec.sources.length === 0) return [];
  const out: Finding[] = [];
  if (!available.has('budget') && !available.has('annual-budget')) out.push(finding('no-budget'));
  if (!available.has('actual')) out.push(finding('no-actuals'));
  return out;
}
