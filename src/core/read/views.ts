/**
 * One coherent reading: views of one data set are not added together.
 *
 * Analysts build several pivots over one data set (by unit, by account, by month, a KPI pivot):
 * their grand totals agree, and adding them multiplies the budget. Pivots over the same pivot cache
 * or the same source range are views of one data set; so are two sources without pivot parts whose
 * grand totals of a role agree over different lines, and two with the same lines and figures are
 * duplicates. For each role one view is used: at the level whose views give the most roles, with
 * months as columns, then the finest lines; the others become cross-checks ("seen, not used", with their grand total
 * compared). Sources are added only when they are parts of one whole: report filters showing
 * different items (one pivot per unit), or lines disjoint with different totals. When it cannot
 * tell, it uses one and says which — it never adds them.
 */
import { MoneySum, type Money } from '../money';
import { periodFromText } from '../periods';
import type { Measure, Role, SeenSource, Source } from '../sources';
import { roleOfMeasure } from '../vocabulary';
import { finding, type Finding } from '../warnings';

/** The measures that are money a follow-up adds (typed-in variances are checked, never added). */
const MONEY: readonly Measure[] = ['budget', 'annual-budget', 'actual', 'prior-actual', 'forecast'];

/** Grand totals closer than this are the same (a pivot's cells hold the cache's sums in full). */
const SAME_TOTAL = 0.005;

export interface Reading {
  readonly sources: Source[];
  readonly seen: SeenSource[];
  readonly findings: Finding[];
}

function moneyMeasures(s: Source): Measure[] {
  return [...new Set(s.series.map((x) => x.measure).filter((m) => MONEY.includes(m)))];
}

/**
 * A source's grand total of one measure: the sum over its lines of the measure's columns, months and
 * aggregates (its stated grand-total column only when it has nothing else), or null when it has none.
 */
export function grandTotal(s: Source, m: Measure): Money | null {
  const own = s.series.map((x, j) => ({ x, j })).filter(({ x }) => x.measure === m);
  const parts = own.filter(({ x }) => !x.isTotal);
  const cols = (parts.length ? parts : own).map(({ j }) => j);
  if (cols.length === 0) return null;
  const sum = new MoneySum();
  let any = false;
  for (const l of s.lines) {
    for (const j of cols) {
      const v = l.values.value(j);
      if (v !== null) {
        sum.add(v);
        any = true;
      }
    }
  }
  return any ? sum.total() : null;
}

function sameTotal(a: Money | null, b: Money | null): boolean {
  return a !== null && b !== null && a.minus(b).abs().toNumber() < SAME_TOTAL;
}

const keysOf = (s: Source): Set<string> => new Set(s.lines.map((l) => l.key));

function disjoint(a: Set<string>, b: Set<string>): boolean {
  for (const k of a) if (b.has(k)) return false;
  return true;
}

function sameKeys(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((k) => b.has(k));
}

/** The data set a source's pivot summarises, or null (cells pasted as values, report tables). */
const dataSetOf = (s: Source): string | null => s.pivot?.dataSet ?? null;

/** Report filters showing different items: one pivot per unit over the same data, parts of a whole. */
function filtersDiffer(a: Source, b: Source): boolean {
  const fa = a.pivot?.filters ?? [];
  const fb = b.pivot?.filters ?? [];
  return fa.length > 0 && fb.length > 0 && fa.join('|') !== fb.join('|');
}

/**
 * Report filters on the same fields whose items are not known (the PivotTable API does not say
 * them): with different grand totals, they show different items, so the pivots are parts.
 */
function unknownFilters(a: Source, b: Source): boolean {
  const fa = a.pivot?.filterFields ?? [];
  const fb = b.pivot?.filterFields ?? [];
  return fa.length > 0 && fa.join('|') === fb.join('|') && (a.pivot?.filters.length ?? 0) === 0 && (b.pivot?.filters.length ?? 0) === 0;
}

/** Same lines and, for every measure both have, the same grand total. */
function duplicates(a: Source, b: Source, shared: readonly Measure[]): boolean {
  return sameKeys(keysOf(a), keysOf(b)) && shared.every((m) => sameTotal(grandTotal(a, m), grandTotal(b, m)));
}

type Relation = 'parts' | 'view' | 'duplicate' | 'unsure';

/** How `s` stands to `k`, a source already used, for the measures they share. */
function relation(s: Source, k: Source, shared: readonly Measure[]): Relation {
  if (duplicates(s, k, shared)) return 'duplicate';
  const sameData = dataSetOf(s) !== null && dataSetOf(s) === dataSetOf(k);
  if (sameData && filtersDiffer(s, k)) return 'parts';
  const agree = shared.some((m) => sameTotal(grandTotal(s, m), grandTotal(k, m)) && !grandTotal(k, m)?.isZero());
  if (sameData && !agree && unknownFilters(s, k)) return 'parts';
  const apart = disjoint(keysOf(s), keysOf(k));
  // Over one data set, parts share their row fields (items left out of each: one unit per pivot);
  // pivots by different fields are views, even when one was not refreshed and its total is off.
  const sameLevel = (s.pivot?.rowFields ?? []).join('|') === (k.pivot?.rowFields ?? []).join('|');
  if (sameData) return sameLevel && apart && !agree ? 'parts' : 'view';
  // A pivot by month and a report table of the period so far fill different figures of a line
  // (months, and the table's own aggregate the checks compare): nothing is added twice. A real
  // pivot and a source whose grand totals agree are views whatever their columns (Excel before
  // ExcelApi 1.15 does not say which data a pivot summarises, nor that a table is its data).
  const pivots = s.pivot !== undefined || k.pivot !== undefined;
  if (!pivots && !shared.every((m) => periodsOf(s, m) === periodsOf(k, m))) return 'parts';
  if (agree) return 'view';
  if (apart) return 'parts';
  return 'unsure';
}

/** The months (or `aggregate`) a source's columns of one measure hold, as one text to compare. */
function periodsOf(s: Source, m: Measure): string {
  const periods = s.series.filter((x) => x.measure === m && !x.isTotal).map((x) => x.period ?? 'aggregate');
  return [...new Set(periods)].sort().join(',');
}

/** Lines that are mostly months (`januar`, `2024-01`): a view by month, not by unit or account. */
function linesAreMonths(s: Source): boolean {
  const months = s.lines.filter((l) => periodFromText(l.label) !== null || /^\d{6}$/.test(l.key)).length;
  return s.lines.length > 0 && months * 2 > s.lines.length;
}

/**
 * The roles the views at a source's level give together: the sources of its data set with the same
 * row fields (a budget pivot and an actuals pivot by unit and month), else its own.
 */
function rolesAtLevel(s: Source, sources: readonly Source[]): number {
  if (!s.pivot) return moneyMeasures(s).length;
  // The row fields name the level (`Avdeling`), whichever cache the pivot has.
  const level = (x: Source): string => `${x.pivot?.rowFields.join('|')}|${x.pivot?.filters.join('|')}`;
  const same = sources.filter((x) => x.pivot && level(x) === level(s));
  return new Set(same.flatMap(moneyMeasures)).size;
}

/**
 * The order views are chosen in: the level whose views give the most roles (the finest level the
 * roles share), months as columns, lines that are not months, the source's own roles, most lines.
 */
function rank(sources: readonly Source[]): Source[] {
  const key = (s: Source): number[] => [
    rolesAtLevel(s, sources),
    s.series.some((x) => x.period !== null) ? 1 : 0,
    linesAreMonths(s) ? 0 : 1,
    moneyMeasures(s).length,
    s.lines.length,
  ];
  const order = new Map(sources.map((s, i) => [s, i]));
  return [...sources].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
    return (order.get(a) ?? 0) - (order.get(b) ?? 0);
  });
}

const roleParam = (m: Measure): Role => roleOfMeasure(m) ?? 'actual';

/**
 * The sources used that a view of `s` is compared with for measure `m`: those of its data set that
 * have it (parts of one whole add up), else `k`, the source it was found a view of.
 */
function comparedWith(s: Source, k: Source, used: readonly Source[], m: Measure): Source[] {
  const set = dataSetOf(s);
  const same = set === null ? [] : used.filter((u) => dataSetOf(u) === set && moneyMeasures(u).includes(m));
  return same.length ? same : moneyMeasures(k).includes(m) ? [k] : [];
}

/**
 * Why `s` is not used: a duplicate, undecided, or a view whose grand total of each of its roles is
 * compared with the sources used (a difference is also a warning).
 */
function seenAs(s: Source, k: Source, used: readonly Source[], rel: Relation, findings: Finding[]): SeenSource {
  const cell = s.range;
  if (rel === 'duplicate') return { range: s.range, kind: s.kind, reason: finding('seen-duplicate', { with: k.range }, cell) };
  if (rel === 'unsure') {
    const reason = finding('views-cannot-tell', { with: k.range }, cell);
    findings.push(reason);
    return { range: s.range, kind: s.kind, reason, undecidedWith: k.range };
  }
  let agreeing: { m: Measure; with: string; total: Money } | null = null;
  for (const m of moneyMeasures(s)) {
    const against = comparedWith(s, k, used, m);
    const stated = grandTotal(s, m);
    const computed = totalOver(against, m);
    if (stated === null || computed === null) continue;
    const ranges = against.map((u) => u.range).join(', ');
    if (!sameTotal(stated, computed)) {
      const reason = finding('view-total-differs', { with: ranges, role: roleParam(m), stated: stated.toString(), computed: computed.toString() }, cell);
      findings.push(reason);
      return { range: s.range, kind: s.kind, reason };
    }
    agreeing = agreeing ?? { m, with: ranges, total: computed };
  }
  const a = agreeing ?? { m: moneyMeasures(s)[0], with: k.range, total: grandTotal(k, moneyMeasures(s)[0]) };
  return { range: s.range, kind: s.kind, reason: finding('seen-view', { with: a.with, role: roleParam(a.m), total: a.total?.toString() ?? '0' }, cell) };
}

/** The sum of a measure's grand totals over sources (parts of one whole add up), or null when none has it. */
function totalOver(sources: readonly Source[], m: Measure): Money | null {
  const sum = new MoneySum();
  let any = false;
  for (const s of sources) {
    const t = grandTotal(s, m);
    if (t !== null) {
      sum.add(t);
      any = true;
    }
  }
  return any ? sum.total() : null;
}

/** A view of typed-in variances over data used: its grand total beside budget against actuals there. */
function varianceView(s: Source, used: readonly Source[]): SeenSource | null {
  const same = used.filter((u) => dataSetOf(u) !== null && dataSetOf(u) === dataSetOf(s));
  const stated = grandTotal(s, 'variance');
  if (same.length === 0 || stated === null) return null;
  const budget = totalOver(same, 'budget') ?? totalOver(same, 'annual-budget');
  const actual = totalOver(same, 'actual');
  const computed = budget !== null && actual !== null ? budget.minus(actual) : null;
  // The author's sign follows their convention: budget − actual or actual − budget.
  const shown = computed !== null && sameTotal(stated.abs(), computed.abs()) && stated.isNegative() !== computed.isNegative() ? computed.neg() : computed;
  const ranges = same.map((u) => u.range).join(', ');
  return {
    range: s.range,
    kind: s.kind,
    reason: finding('seen-variance-view', { with: ranges, stated: stated.toString(), computed: shown?.toString() ?? '—' }, s.range),
  };
}

/**
 * Chooses, among the sources recognised, the ones the follow-up adds: one view per role of each data
 * set, and parts of one whole. The others are returned as seen, with the reason.
 */
export function chooseViews(sources: readonly Source[]): Reading {
  const used: Source[] = [];
  const seen: SeenSource[] = [];
  const findings: Finding[] = [];
  const noMoney: Source[] = [];
  for (const s of rank(sources)) {
    const measures = moneyMeasures(s);
    if (measures.length === 0 && dataSetOf(s) !== null) {
      noMoney.push(s);
      continue;
    }
    let out: SeenSource | null = null;
    for (const k of used) {
      const shared = measures.filter((m) => moneyMeasures(k).includes(m));
      if (shared.length === 0) continue;
      const rel = relation(s, k, shared);
      if (rel !== 'parts') {
        out = seenAs(s, k, used, rel, findings);
        break;
      }
    }
    if (out) seen.push(out);
    else used.push(s);
  }
  for (const s of noMoney) {
    const v = varianceView(s, used);
    if (v) seen.push(v);
    else used.push(s);
  }
  // Sources keep the workbook's order: lines and months come in the order people put them.
  const order = new Map(sources.map((s, i) => [s, i]));
  used.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { sources: used, seen, findings };
}
