/**
 * The JSON report: the follow-up model with money as exact decimal strings and null where a figure
 * does not apply. A stable contract for automation (see README, "The JSON report").
 */
import { decimalString, type Money } from '../core/money';
import type { Figures, FollowUpModel, MeasuresSummary } from '../core/model';

const s = (v: Money | null): string | null => (v === null ? null : decimalString(v));
/** Fractions (percentages, coverage) to 4 decimals: 0.01 %, more than any report shows. */
const pct = (v: Money | null): string | null => (v === null ? null : decimalString(v.toDecimalPlaces(4)));

function figures(f: Figures): Record<string, string | null> {
  return {
    annualBudget: s(f.annualBudget),
    budget: s(f.budget),
    actual: s(f.actual),
    variance: s(f.variance),
    variancePct: pct(f.variancePct),
    priorYearActual: s(f.priorYearActual),
    change: s(f.change),
    changePct: pct(f.changePct),
    forecast: s(f.forecast),
    forecastVariance: s(f.forecastVariance),
    monthBudget: s(f.monthBudget),
    monthActual: s(f.monthActual),
    monthVariance: s(f.monthVariance),
    // Last month's forecast and the change: only when there was an earlier follow-up.
    ...(f.previousForecast === undefined ? {} : { previousForecast: s(f.previousForecast), forecastChange: s(f.forecastChange ?? null) }),
  };
}

function measures(m: MeasuresSummary | null): unknown {
  if (!m) return null;
  return {
    items: m.items.map((i) => ({
      name: i.name,
      fullYearEffect: s(i.fullYearEffect),
      effectThisYear: s(i.effectThisYear),
      status: i.status,
      owner: i.owner,
      quantified: i.quantified,
      cell: i.cell,
    })),
    totalFullYear: s(m.totalFullYear),
    totalThisYear: s(m.totalThisYear),
    unquantified: m.unquantified,
    unit: m.unit,
    range: m.range,
    gap: m.gap && {
      amount: s(m.gap.amount),
      basis: m.gap.basis,
      cells: m.gap.cells,
      coverage: pct(m.gap.coverage),
      uncovered: s(m.gap.uncovered),
    },
  };
}

export function toJsonReport(model: FollowUpModel): unknown {
  return {
    period: model.period,
    year: model.year,
    signConvention: model.signConvention,
    unit: model.unit,
    forecastMethod: model.forecastMethod,
    lines: model.lines.map((l) => ({
      key: l.key,
      name: l.name,
      ...figures(l),
      forecastMethod: l.forecastMethod,
      group: l.group,
      source: l.origin.rows,
    })),
    total: { ...figures(model.total), forecastMethod: model.forecastMethod },
    measures: measures(model.measures),
    evaluation: model.evaluation ?? 'year-to-date',
    ...(model.previous ? { previous: { sheet: model.previous.sheet, period: model.previous.period, largestMoves: model.previous.largestMoves } } : {}),
    sources: [
      ...model.sources.map((x) => ({ range: x.range, role: x.role, kind: x.kind, description: x.description, columns: x.columns ?? [] })),
      // Seen, not used: listed with the reason, so a reader sees what was left out and why.
      // `undecidedWith`: the source used in its place when the reader could not tell views from parts.
      ...(model.seen ?? []).map((x) => ({
        range: x.range,
        role: null,
        kind: x.kind,
        description: x.description,
        used: false,
        ...(x.undecidedWith ? { undecidedWith: x.undecidedWith } : {}),
      })),
    ],
    warnings: model.warnings.map((w) => ({ code: w.code, cell: w.cell, line: w.line, message: w.message })),
  };
}

export function jsonReportText(model: FollowUpModel): string {
  return JSON.stringify(toJsonReport(model), null, 2) + '\n';
}
