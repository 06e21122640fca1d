/** Builders of recognised sources for engine tests (the readers are tested on real grids elsewhere). */
import { dec } from '../../../src/core/money';
import { RowFigures } from '../../../src/core/row-figures';
import type { Amount, Measure, Recognised, Series, Source, SourceLine, Unit } from '../../../src/core/sources';

export interface MonthSourceSpec {
  sheet: string;
  measure: Measure;
  year: number;
  months: number[];
  lines: [string, ...(string | number | null)[]][];
  unit?: Unit | null;
  decimals?: number | null;
}

function splitKey(label: string): { key: string; name: string } {
  const m = /^([A-Z]?\d[\w.]*)\s+(.*)$/.exec(label);
  return m ? { key: m[1], name: m[2] } : { key: label.toLowerCase(), name: label };
}

function amount(v: string | number | null, sheet: string, row: number, col: number, decimals: number | null): Amount | null {
  if (v === null) return null;
  return { value: dec(v), decimals, cell: `'${sheet}'!${String.fromCharCode(65 + col)}${row + 1}` };
}

/** A pivot of months as columns (no total column), lines from row 4. */
export function monthPivot(spec: MonthSourceSpec): Source {
  const series: Series[] = spec.months.map((m, i) => ({
    measure: spec.measure,
    period: `${spec.year}-${String(m).padStart(2, '0')}`,
    year: spec.year,
    isTotal: false,
    column: i + 1,
    header: `${spec.year}${String(m).padStart(2, '0')}`,
  }));
  const lines: SourceLine[] = spec.lines.map(([label, ...vals], r) => ({
    ...splitKey(label),
    label,
    row: 4 + r,
    values: RowFigures.of(vals.map((v, c) => amount(v, spec.sheet, 4 + r, c + 1, spec.decimals ?? null))),
  }));
  return {
    range: `'${spec.sheet}'!A4:${String.fromCharCode(65 + spec.months.length)}${4 + lines.length}`,
    sheet: spec.sheet,
    kind: 'pivot',
    role: spec.measure === 'budget' ? 'budget' : 'actual',
    unit: spec.unit ?? null,
    series,
    lines,
    totals: [],
    description: `test ${spec.measure} ${spec.year}`,
    findings: [],
  };
}

export interface TableSpec {
  sheet: string;
  columns: { measure: Measure; year?: number | null; decimals?: number | null }[];
  lines: [string, ...(string | number | null)[]][];
  total?: (string | number | null)[];
  unit?: Unit | null;
}

export function table(spec: TableSpec): Source {
  const series: Series[] = spec.columns.map((c, i) => ({
    measure: c.measure,
    period: null,
    year: c.year ?? null,
    isTotal: false,
    column: i + 1,
    header: c.measure,
  }));
  const row = (label: string, vals: (string | number | null)[], r: number): SourceLine => ({
    ...splitKey(label),
    label,
    row: r,
    values: RowFigures.of(vals.map((v, c) => amount(v, spec.sheet, r, c + 1, spec.columns[c].decimals ?? 0))),
  });
  const lines = spec.lines.map(([label, ...vals], i) => row(label, vals, 1 + i));
  return {
    range: `'${spec.sheet}'!A1:${String.fromCharCode(65 + spec.columns.length)}${2 + lines.length}`,
    sheet: spec.sheet,
    kind: 'table',
    role: 'table',
    unit: spec.unit ?? null,
    series,
    lines,
    totals: spec.total ? [row('Sum', spec.total, 1 + lines.length)] : [],
    description: 'test table',
    findings: [],
  };
}

export function recognised(sources: Source[], extra: Partial<Recognised> = {}): Recognised {
  return { sources, measures: [], keyFigures: [], language: 'nb', findings: [], ...extra };
}
