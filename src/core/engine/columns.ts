/**
 * A source's columns as they were read — key or label, which measure, year, months, unit — for the
 * JSON report, the checks sheet and the pane, where a person sees the reading and can correct it.
 */
import { columnLetters } from '../grid';
import type { ColumnReading } from '../model';
import type { Series, Source } from '../sources';

function monthsOf(x: Series): string | null {
  if (x.period !== null) {
    const m = x.period.slice(5, 7);
    return `${m}-${m}`;
  }
  return x.months ?? null;
}

function seriesReading(s: Source, x: Series): ColumnReading {
  return {
    column: columnLetters(x.column),
    header: x.header,
    role: x.measure,
    year: x.period !== null ? Number(x.period.slice(0, 4)) : x.year,
    months: monthsOf(x),
    unit: x.measure === 'variance-pct' ? null : (x.unit ?? s.unit),
    ...(x.isTotal ? { total: true } : {}),
  };
}

/** The source's columns in sheet order: its label columns, its figure columns, and those read for nothing. */
export function columnReadings(s: Source): ColumnReading[] {
  const chosen = s.chosen ? { chosen: true } : {};
  const labels = (s.labelColumns ?? []).map((c, i): ColumnReading => ({
    column: columnLetters(c.column),
    header: c.header,
    role: s.joinLabels && i === 0 ? 'key' : 'label',
    year: null,
    months: null,
    unit: null,
  }));
  const ignored = (s.ignored ?? []).map((c): ColumnReading => ({
    column: columnLetters(c.column),
    header: c.header,
    role: 'ignored',
    year: null,
    months: null,
    unit: null,
  }));
  const all = [
    ...labels.map((r, i) => ({ at: s.labelColumns?.[i].column ?? 0, r })),
    ...s.series.map((x) => ({ at: x.column, r: seriesReading(s, x) })),
    ...ignored.map((r, i) => ({ at: s.ignored?.[i].column ?? 0, r })),
  ];
  return all.sort((a, b) => a.at - b.at).map(({ r }) => ({ ...r, ...chosen }));
}
