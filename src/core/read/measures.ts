/**
 * Measures tables (tiltak, åtgärder, foranstaltninger, measures): a name column, a full-year effect
 * and/or this year's effect (`Effekt 2022`), a status text and an owner. A measure with no figure
 * stays an item with null amounts (the engine flags it); a total row is the stated total, not an item.
 */
import { formatAt, sheetRange, valueAt, type CellRange, type Grid } from '../grid';
import { readAmount } from '../numbers';
import type { Amount, Language, MeasureItem, MeasuresSource, Unit } from '../sources';
import { unitScale } from '../units';
import { measuresHeader, totalLabel, unitInText, type MeasuresColumn, type MeasuresHeader } from '../vocabulary';
import type { Finding } from '../warnings';
import { at, isBlank, isSumFormula, labelOf, textOf } from './blocks';

export interface MeasuresReadOptions {
  readonly language: Language | null;
  /** Titles and headings above the table, nearest first. */
  readonly titles?: readonly string[];
  /** The report's year: picks `Effekt 2022` as this year's effect when there are several years. */
  readonly contextYear?: number | null;
}

interface HeaderRow {
  readonly row: number;
  readonly columns: Map<MeasuresColumn, { col: number; header: MeasuresHeader; text: string }>;
}

function headerAt(g: Grid, row: number, range: CellRange, contextYear: number | null): HeaderRow | null {
  const found: { col: number; header: MeasuresHeader; text: string }[] = [];
  for (let col = range.left; col <= range.right; col++) {
    const t = textOf(valueAt(g, row, col));
    const h = t ? measuresHeader(t) : null;
    if (t && h) found.push({ col, header: h, text: t });
  }
  const columns = new Map<MeasuresColumn, { col: number; header: MeasuresHeader; text: string }>();
  // Several `Effekt <year>` columns: this year's is the context year's, else the earliest.
  const thisYear = found.filter((f) => f.header.column === 'effect-this-year');
  if (thisYear.length > 1) {
    const pick =
      thisYear.find((f) => f.header.year !== null && f.header.year === contextYear) ??
      [...thisYear].sort((a, b) => (a.header.year ?? 0) - (b.header.year ?? 0))[0];
    for (const f of thisYear) if (f !== pick) found.splice(found.indexOf(f), 1);
  }
  for (const f of found) if (!columns.has(f.header.column)) columns.set(f.header.column, f);
  if (!columns.has('name')) return null;
  if (!columns.has('full-year-effect') && !columns.has('effect-this-year') && !columns.has('status')) return null;
  return { row, columns };
}

/** True when the range holds a measures table. */
export function looksLikeMeasures(g: Grid, range: CellRange): boolean {
  return findHeader(g, range, null) !== null;
}

function findHeader(g: Grid, range: CellRange, contextYear: number | null): HeaderRow | null {
  let best: HeaderRow | null = null;
  for (let row = range.top; row <= Math.min(range.bottom, range.top + 6); row++) {
    const h = headerAt(g, row, range, contextYear);
    if (h && (!best || h.columns.size > best.columns.size)) best = h;
  }
  return best;
}

/** Reads the measures table in `range`, or returns null when there is none. */
export function readMeasures(g: Grid, range: CellRange, opts: MeasuresReadOptions): MeasuresSource | null {
  const header = findHeader(g, range, opts.contextYear ?? null);
  if (!header) return null;
  const col = (k: MeasuresColumn): number | null => header.columns.get(k)?.col ?? null;
  const nameCol = col('name') as number;
  const fullCol = col('full-year-effect');
  const thisCol = col('effect-this-year');
  const statusCol = col('status');
  const ownerCol = col('owner');
  const used = [nameCol, fullCol, thisCol, statusCol, ownerCol].filter((c): c is number => c !== null);

  let lastRow = range.bottom;
  for (let row = header.row + 1; row <= range.bottom; row++) {
    if (used.every((c) => isBlank(valueAt(g, row, c)))) {
      lastRow = row - 1;
      break;
    }
  }

  const findings: Finding[] = [];
  const unitsFound: Unit[] = [];
  const read = (row: number, c: number | null): Amount | null => {
    if (c === null) return null;
    const r = readAmount(valueAt(g, row, c), formatAt(g, row, c), at(g, row, c), opts.language);
    if (r.finding) findings.push({ ...r.finding, line: labelOf(valueAt(g, row, nameCol)) });
    if (r.unit) unitsFound.push(r.unit);
    return r.amount;
  };

  const items: MeasureItem[] = [];
  let statedTotal: MeasuresSource['statedTotal'] = null;
  const rows: number[] = [];
  for (let row = header.row + 1; row <= lastRow; row++) if (!used.every((c) => isBlank(valueAt(g, row, c)))) rows.push(row);
  rows.forEach((row, i) => {
    const name = labelOf(valueAt(g, row, nameCol));
    const full = read(row, fullCol);
    const thisYear = read(row, thisCol);
    const status = statusCol === null ? null : textOf(valueAt(g, row, statusCol));
    const owner = ownerCol === null ? null : textOf(valueAt(g, row, ownerCol));
    const hasFigure = full !== null || thisYear !== null;
    const last = i === rows.length - 1;
    const sumFormula = [fullCol, thisCol].some((c) => c !== null && isSumFormula(g, row, c));
    const tl = name ? totalLabel(name) : null;
    const isTotal =
      sumFormula || (name === null && hasFigure) || tl?.kind === 'total' || (tl !== null && hasFigure && status === null && owner === null && last);
    if (isTotal) {
      statedTotal = { fullYearEffect: full, effectThisYear: thisYear };
      return;
    }
    if (name === null) return;
    items.push({ name, fullYearEffect: full, effectThisYear: thisYear, status, owner, row });
  });
  if (items.length === 0) return null;

  const headerUnit = [...header.columns.values()].map((c) => c.header.unit).find((u) => u !== null) ?? null;
  const titles: string[] = [];
  for (let row = header.row - 1; row >= range.top; row--) {
    for (let c = range.left; c <= range.right; c++) {
      const t = textOf(valueAt(g, row, c));
      if (t) titles.push(t);
    }
  }
  titles.push(...(opts.titles ?? []));
  const unit = headerUnit ?? titles.map(unitInText).find((u) => u !== null) ?? unitsFound[0] ?? null;
  // An effect column in another unit than the table's is converted exactly (`mill. kr` beside `tkr`).
  const full = inUnit(unitScale(header.columns.get('full-year-effect')?.header.unit, unit));
  const thisYear = inUnit(unitScale(header.columns.get('effect-this-year')?.header.unit, unit));
  const converted = items.map((i) => ({ ...i, fullYearEffect: full(i.fullYearEffect), effectThisYear: thisYear(i.effectThisYear) }));
  const total = statedTotal as MeasuresSource['statedTotal'];
  const convertedTotal = total && { fullYearEffect: full(total.fullYearEffect), effectThisYear: thisYear(total.effectThisYear) };
  const right = Math.max(...used);
  const left = Math.min(...used);
  return {
    range: sheetRange(g.sheet, { top: header.row, left, bottom: lastRow, right }),
    sheet: g.sheet,
    unit,
    items: converted,
    statedTotal: convertedTotal,
    findings,
  };
}

/** A conversion (none: the amount as it is) that passes a missing amount through. */
function inUnit(scale: ((a: Amount) => Amount) | null): (a: Amount | null) => Amount | null {
  return (a) => (a === null || scale === null ? a : scale(a));
}
