/**
 * The measures summary: totals of the quantified measures, the unquantified ones by name (never
 * counted as zero silently), and how much of the gap they cover.
 */
import { dec, halfUnit, sumOrNull, type Money } from '../money';
import type { Gap, MeasureLine, MeasuresSummary } from '../model';
import { type Amount, type KeyFigure, type MeasuresSource, type Unit } from '../sources';
import { finding, type Finding } from '../warnings';
import { labelCell, scaleFactor } from './collect';

function measureLines(src: MeasuresSource): MeasureLine[] {
  return src.items.map((m) => ({
    name: m.name,
    fullYearEffect: m.fullYearEffect ? dec(m.fullYearEffect.value) : null,
    effectThisYear: m.effectThisYear ? dec(m.effectThisYear.value) : null,
    status: m.status,
    owner: m.owner,
    quantified: m.fullYearEffect !== null || m.effectThisYear !== null,
    cell: labelCell(src.range, src.sheet, m.row),
  }));
}

/** The unit of the measures: their table's own, else the unit of a stated measures total. */
function measuresUnit(src: MeasuresSource, keyFigures: readonly KeyFigure[]): Unit | null {
  return src.unit ?? keyFigures.find((k) => k.kind === 'measures-total' && k.unit)?.unit ?? null;
}

function inUnit(a: Amount, from: Unit | null, to: Unit | null): Money {
  return dec(a.value).times(scaleFactor(from, to));
}

/** A stated measures total that differs from the table's sum beyond rounding is worth a reviewer's look. */
function checkStatedTotal(total: Money | null, stated: KeyFigure | undefined, src: MeasuresSource, unit: Unit | null): Finding[] {
  if (!stated || total === null) return [];
  const statedValue = inUnit(stated.amount, stated.unit, unit);
  const items = src.items.map((i) => i.effectThisYear ?? i.fullYearEffect).filter((a): a is Amount => a !== null);
  const tolerance = items.reduce((t, a) => t.plus(halfUnit(a.decimals)), halfUnit(stated.amount.decimals));
  if (statedValue.minus(total).abs().lte(tolerance)) return [];
  return [finding('measures-total-mismatch', { stated: statedValue.toFixed(), computed: total.toFixed() }, stated.amount.cell)];
}

function tableTotalFindings(src: MeasuresSource, lines: readonly MeasureLine[]): Finding[] {
  const out: Finding[] = [];
  const check = (stated: Amount | null, pick: (m: MeasureLine) => Money | null, picked: (Amount | null)[]): void => {
    if (!stated) return;
    const computed = sumOrNull(lines.map(pick)) ?? dec(0);
    const tol = picked.reduce((t, a) => t.plus(halfUnit(a?.decimals ?? null)), halfUnit(stated.decimals));
    if (dec(stated.value).minus(computed).abs().gt(tol)) {
      out.push(finding('measures-total-mismatch', { stated: dec(stated.value).toFixed(), computed: computed.toFixed() }, stated.cell));
    }
  };
  check(
    src.statedTotal?.fullYearEffect ?? null,
    (m) => m.fullYearEffect,
    src.items.map((i) => i.fullYearEffect),
  );
  check(
    src.statedTotal?.effectThisYear ?? null,
    (m) => m.effectThisYear,
    src.items.map((i) => i.effectThisYear),
  );
  return out;
}

export interface GapInput {
  /** A gap the user stated (config), in the model's unit. */
  readonly stated: Money | null;
  readonly keyFigures: readonly KeyFigure[];
  readonly year: number | null;
  /** The total forecast variance (negative = deficit), in the model's unit. */
  readonly forecastVariance: Money | null;
  readonly modelUnit: Unit | null;
}

/** The gap in the measures' unit: stated, else last year's accounts against this year's frame, else the forecast deficit. */
function findGap(input: GapInput, unit: Unit | null): Omit<Gap, 'coverage' | 'uncovered'> | null {
  const toMeasures = (v: Money, from: Unit | null): Money => v.times(scaleFactor(from, unit));
  if (input.stated !== null) return { amount: toMeasures(input.stated, input.modelUnit), basis: 'stated', cells: [] };
  const frames = input.keyFigures.filter((k) => k.kind === 'frame');
  const frame = frames.find((k) => k.year === input.year) ?? (frames.length === 1 ? frames[0] : undefined);
  const accounts = input.keyFigures.find((k) => k.kind === 'prior-accounts' && (frame?.year == null || k.year === null || k.year < frame.year));
  if (frame && accounts) {
    // Costs are compared as sizes: an organisation that keeps costs as negative numbers states its
    // accounts and frame negative too, and the gap is still what the accounts exceed the frame by.
    const gap = inUnit(accounts.amount, accounts.unit, unit)
      .abs()
      .minus(inUnit(frame.amount, frame.unit, unit).abs());
    return { amount: gap, basis: 'accounts-vs-frame', cells: [accounts.amount.cell, frame.amount.cell] };
  }
  if (input.forecastVariance !== null && input.forecastVariance.isNegative()) {
    return { amount: toMeasures(input.forecastVariance.neg(), input.modelUnit), basis: 'forecast-deficit', cells: [] };
  }
  return null;
}

export function summariseMeasures(src: MeasuresSource, gapInput: GapInput): { summary: MeasuresSummary; findings: Finding[] } {
  const unit = measuresUnit(src, gapInput.keyFigures);
  const items = measureLines(src);
  const totalFullYear = sumOrNull(items.map((m) => m.fullYearEffect));
  const totalThisYear = sumOrNull(items.map((m) => m.effectThisYear));
  const findings: Finding[] = [...src.findings, ...tableTotalFindings(src, items)];
  items.filter((m) => !m.quantified).forEach((m) => findings.push(finding('unquantified-measure', { name: m.name }, m.cell)));
  const stated = gapInput.keyFigures.find((k) => k.kind === 'measures-total');
  findings.push(...checkStatedTotal(totalThisYear ?? totalFullYear, stated, src, unit));
  const base = findGap(gapInput, unit);
  const effect = totalThisYear ?? totalFullYear ?? dec(0);
  const gap: Gap | null = base
    ? {
        ...base,
        coverage: base.amount.isZero() ? null : effect.div(base.amount),
        uncovered: base.amount.minus(effect),
      }
    : null;
  const summary: MeasuresSummary = {
    items,
    totalFullYear,
    totalThisYear,
    unquantified: items.filter((m) => !m.quantified).map((m) => m.name),
    unit,
    range: src.range,
    gap,
  };
  return { summary, findings };
}
