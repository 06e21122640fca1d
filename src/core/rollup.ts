/**
 * A roll-up: one follow-up model for an area made of its units' models, each unit a group of lines
 * (its subtotal on the follow-up sheet) and the area's total the sum of the units' totals. Nothing
 * is computed again from the units' sources: each line keeps the figures its unit's engine made.
 */
import { FollowUpError } from './errors';
import { sumOrNull, type Money } from './money';
import { subtotalsOf, totalOf } from './engine/followup';
import type { FollowUpLine, FollowUpModel, LinkedFigures, MonthByMonth, MonthTotal, OutputLanguage, Subtotal } from './model';
import { sumOfMonths, withSubtotalMonths } from './engine/months';
import { withLastMonth, type PreviousForecasts } from './engine/changes';
import { renderFinding } from './messages';

export interface UnitFollowUp {
  /** The unit's name as the area shows it (distinct among the units: see `unitNames`). */
  readonly name: string;
  /** The workbook's file name, for messages. */
  readonly file: string;
  /** The workbook's path from the area's folder (`../units/a.xlsx`): where its cells are, in the area's links back. */
  readonly path: string;
  readonly model: FollowUpModel;
  /** External references of each line's figures, by the unit's line key (lines without links are absent). */
  readonly links: ReadonlyMap<string, LinkedFigures>;
}

/**
 * The units' names, told apart: units that share a name get their file's name after it when their
 * files' names differ (two units titled "Helse" in nord.xlsx and sor.xlsx), else a number (the same
 * file name in two folders: "vard", "vard (2)").
 */
export function unitNames(units: readonly { readonly name: string; readonly file: string }[]): string[] {
  const lower = (s: string): string => s.toLowerCase();
  const sharing = (i: number): number[] => units.flatMap((v, j) => (lower(v.name) === lower(units[i].name) ? [j] : []));
  const byFile = units.map((u, i) => {
    const others = sharing(i);
    const files = new Set(others.map((j) => lower(units[j].file)));
    return others.length > 1 && files.size === others.length ? `${u.name} (${u.file})` : u.name;
  });
  const taken = new Set<string>();
  return byFile.map((n) => {
    let name = n;
    for (let k = 2; taken.has(lower(name)); k++) name = `${n} (${k})`;
    taken.add(lower(name));
    return name;
  });
}

/** A line's key in the area: the unit's name before its own key, so two units' `100` stay two lines. */
export function areaKey(unit: string, key: string): string {
  return `${unit}/${key}`;
}

/** The first unit whose `what` differs from the first unit's, refused with both named. */
function sameIn<T>(units: readonly UnitFollowUp[], what: string, of: (m: FollowUpModel) => T, show: (v: T) => string = String): void {
  const a = units[0];
  const b = units.find((u) => of(u.model) !== of(a.model));
  if (!b) return;
  throw new FollowUpError(
    'bad-input',
    `${b.file} is ${show(of(b.model))} but ${a.file} is ${show(of(a.model))} (${what}): a roll-up adds units of the same ${what}; ` +
      'make them agree (for the period: --period YYYY-MM) and try again',
  );
}

/** A unit's cell or range as the area names it: in the unit's workbook (`[../units/a.xlsx]'Regnskap'!A5`). */
function inBook(u: UnitFollowUp, ref: string): string {
  return `[${u.path}]${ref}`;
}

function unitLines(u: UnitFollowUp): FollowUpLine[] {
  return u.model.lines.map((l) => ({
    ...l,
    key: areaKey(u.name, l.key),
    group: u.name,
    // The unit's source rows are in its own workbook: links to that workbook's cells.
    origin: { rows: l.origin.rows.map((r) => inBook(u, r)), ...(u.links.has(l.key) ? { figures: u.links.get(l.key) } : {}) },
  }));
}

/** The area's months for the charts: the units' sums month by month, when every unit has the same months. */
function areaMonths(units: readonly UnitFollowUp[]): MonthTotal[] {
  const all = units.map((u) => u.model.charts?.months ?? []);
  const periods = all[0].map((m) => m.period).join();
  if (all.some((ms) => ms.length === 0 || ms.map((m) => m.period).join() !== periods)) return [];
  return all[0].map((m, i) => {
    const of = (f: keyof Omit<MonthTotal, 'period'>) => sumOrNull(all.map((ms) => ms[i][f]));
    return {
      period: m.period,
      budget: of('budget'),
      actual: of('actual'),
      priorYearActual: of('priorYearActual'),
      cumulativeBudget: of('cumulativeBudget'),
      cumulativeActual: of('cumulativeActual'),
      cumulativePriorYearActual: of('cumulativePriorYearActual'),
    };
  });
}

/**
 * The area's month by month, when every unit has the same months so far: the units' lines (in the
 * area's line order: unit by unit, each in its own order), each unit's months its subtotal's, and the
 * total the lines' months added up. Budgets by month only when every unit has them (else the area
 * shows actuals by month alone, as a unit without them does). Else none.
 */
function areaMonthByMonth(units: readonly UnitFollowUp[], total: Money | null, subtotals: readonly Subtotal[]): MonthByMonth | null {
  const all = units.map((u) => u.model.monthByMonth ?? null);
  const first = all[0];
  if (first === null || all.some((m) => m === null || m.periods.join() !== first.periods.join())) return null;
  const budgetByMonth = all.every((m) => m?.budgetByMonth);
  const noBudget = first.periods.map(() => null);
  const lines = all.flatMap((m) => (m?.lines ?? []).map((l) => (budgetByMonth ? l : { ...l, budget: noBudget })));
  const area = { ...first, budgetByMonth, lines, total: sumOfMonths(lines, budgetByMonth, total, first.periods.length), subtotals: [] };
  return withSubtotalMonths(area, subtotals);
}

/**
 * What changed since last month, for the area: when every unit compared with the same earlier month,
 * last month's forecasts of the units' lines, by the area's keys; else none (one unit had no earlier
 * sheet, or another month), so no column is half filled.
 */
function lastMonthOf(units: readonly UnitFollowUp[], lines: readonly FollowUpLine[]): PreviousForecasts | null {
  const previous = units.map((u) => u.model.previous ?? null);
  const first = previous[0];
  if (first === null || previous.some((p) => p?.period !== first.period)) return null;
  const forecasts = new Map<string, Money>();
  for (const l of lines) if (l.previousForecast) forecasts.set(l.key, l.previousForecast);
  return { sheet: first.sheet, period: first.period, forecasts, findings: [] };
}

/**
 * The area's follow-up: the units' lines in the order given, grouped by unit, and the total of the
 * units' totals. Units of different periods, years, evaluations, sign conventions or amount units are
 * refused: their figures do not add up. The units' measures are not rolled up (each unit's gap is its
 * own); their findings are kept, each naming its workbook.
 */
export function rollUp(units: readonly UnitFollowUp[], language: OutputLanguage, title: string | null): FollowUpModel {
  if (units.length === 0) throw new FollowUpError('usage', 'a roll-up needs at least one unit workbook');
  sameIn(
    units,
    'period',
    (m) => m.period,
    (p) => (p === null ? 'without months' : `for ${p}`),
  );
  sameIn(
    units,
    'year',
    (m) => m.year,
    (y) => `for the year ${y ?? '(none)'}`,
  );
  sameIn(
    units,
    'evaluation',
    (m) => m.evaluation ?? 'year-to-date',
    (e) => (e === 'year-end' ? 'a year-end evaluation' : 'year to date'),
  );
  sameIn(
    units,
    'sign convention',
    (m) => m.signConvention,
    (s) => (s === 'costs-positive' ? 'with costs as positive numbers' : 'with costs as negative numbers'),
  );
  sameIn(
    units,
    'unit of amounts',
    (m) => m.unit,
    (u) => `in ${u ?? 'no stated unit'}`,
  );
  const first = units[0].model;
  const unitsLines = units.flatMap(unitLines);
  // The area's own figures first; last month's forecasts then go on as for one workbook.
  const lines = unitsLines.map(({ previousForecast: _before, forecastChange: _change, ...l }) => l);
  const total = totalOf(units.map((u) => u.model.total));
  const subtotals = subtotalsOf(lines);
  const area: FollowUpModel = {
    lines,
    total,
    subtotals,
    period: first.period,
    year: first.year,
    monthsElapsed: first.monthsElapsed,
    signConvention: first.signConvention,
    signDetected: units.every((u) => u.model.signDetected),
    unit: first.unit,
    language,
    forecastMethod: first.forecastMethod,
    measures: null,
    sources: units.flatMap((u) => u.model.sources.map((s) => ({ ...s, range: inBook(u, s.range) }))),
    warnings: units.flatMap((u) =>
      u.model.warnings.map((w) =>
        renderFinding({ ...w, cell: w.cell === null ? null : inBook(u, w.cell), line: w.line === null ? null : areaKey(u.name, w.line) }, language),
      ),
    ),
    title,
    evaluation: first.evaluation,
    charts: { months: areaMonths(units), bridge: [] },
    monthByMonth: areaMonthByMonth(units, total.annualBudget, subtotals),
  };
  return withLastMonth(area, lastMonthOf(units, unitsLines));
}
