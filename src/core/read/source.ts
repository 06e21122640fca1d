/**
 * Builds a Source from a recognised layout (label columns, value columns with what each holds, data
 * rows), shared by the pivot and table readers, and describes it in plain English.
 */
import { columnLetters, quoteSheet, sheetCell, sheetRange, unreadableReason, valueAt, type CellRange, type CellValue, type Grid } from '../grid';
import { FollowUpError } from '../errors';
import type { Money } from '../money';
import { decimalFromCellNumber, decimalsOfFormat, isPercentFormat, numberStyleOf, readAmount } from '../numbers';
import { RowFigures } from '../row-figures';
import type { Amount, Language, Measure, Role, Series, Source, SourceKind, Unit } from '../sources';
import { unitScale } from '../units';
import { finding, type Finding } from '../warnings';
import { isBlank, isSumFormula, labelOf } from './blocks';
import { structureRows, type RowIn } from './rows';

export interface ColumnSpec {
  readonly col: number;
  readonly measure: Measure;
  readonly period: string | null;
  readonly year: number | null;
  readonly isTotal: boolean;
  readonly header: string;
  /** Unit the header names, if any. */
  readonly unit?: Unit | null;
  /** The months of the year the header names (`01-04`), for a column without a period. */
  readonly months?: string | null;
}

export interface Layout {
  readonly kind: SourceKind;
  readonly role: Role;
  /** The whole source, sheet coordinates. */
  readonly range: CellRange;
  /** Label columns, outermost first. With `joinLabels`, their texts make one label (`1100` + `Lønn`). */
  readonly labelCols: readonly number[];
  readonly joinLabels?: boolean;
  readonly columns: readonly ColumnSpec[];
  readonly firstRow: number;
  readonly lastRow: number;
  /** Unit from the headers or titles, when they name one. */
  readonly unit: Unit | null;
  readonly language: Language | null;
  readonly findings?: readonly Finding[];
  /** Columns of the range read for no figure (a comment column), to show with the reading. */
  readonly ignored?: readonly { readonly column: number; readonly header: string }[];
}

/** Series that add up (a sum of percentages means nothing). */
export function additiveOf(columns: readonly { measure: Measure }[]): boolean[] {
  return columns.map((c) => c.measure !== 'variance-pct');
}

/**
 * The most rows of figures one source may have. A follow-up is one line per unit or account; a source
 * with more rows is a ledger read by mistake, and its follow-up would not fit in memory (100,000 lines
 * take about 3 GB and a minute; see `npm run bench`).
 */
export const MAX_SOURCE_ROWS = 100_000;

/** Reads the rows of a layout into a Source. Throws FollowUpError naming the range when it has more than MAX_SOURCE_ROWS rows. */
export function buildSource(g: Grid, layout: Layout): Source {
  const findings: Finding[] = [...(layout.findings ?? [])];
  const { columns, labelCols } = layout;

  const labelIndexes = labelCols.map((col) => col - g.left);
  const valueIndexes = columns.map((c) => c.col - g.left);
  const { rowNumbers, texts } = sourceRows(g, layout, labelIndexes, valueIndexes);
  if (rowNumbers.length > MAX_SOURCE_ROWS) {
    const range = sheetRange(g.sheet, layout.range);
    throw new FollowUpError(
      'bad-input',
      `${range} has ${rowNumbers.length.toLocaleString('en-US')} rows of figures; a source can have at most ${MAX_SOURCE_ROWS.toLocaleString('en-US')} lines. ` +
        'If it is a ledger or a list of transactions, make a pivot table of it (by unit or account) and follow that up, or name the ranges to read in the settings ("sources").',
      range,
    );
  }
  const lang = numberStyleOf(texts) ?? layout.language;

  // The sheet-qualified column of each cell address (`'Budget 2024'!D`), made once per source.
  const sheetPrefix = `${quoteSheet(g.sheet)}!`;
  const letters = columns.map((c) => `${sheetPrefix}${columnLetters(c.col)}`);
  const read: RowsRead = {
    rows: [],
    cellFindings: [],
    cellUnits: new Map<Unit, number>(),
    // Only a percent column needs to know, cell by cell, which figures were shown as percent.
    percentCols: columns.flatMap((c, j) => (c.measure === 'variance-pct' ? [j] : [])),
    percentInfo: columns.map(() => ({ fractions: true, any: false })),
    shownAsPercent: [],
  };
  readRows(g, layout, { labelIndexes, valueIndexes, letters, lang }, rowNumbers, read);
  const { rows, cellFindings, cellUnits, percentCols, percentInfo, shownAsPercent } = read;

  // A percent column typed as plain numbers (-3.5 for -3.5 %) holds percent points: make them fractions.
  for (const j of percentCols) {
    if (!percentInfo[j].any || percentInfo[j].fractions) continue;
    rows.forEach((r, n) => {
      if (r.values.has(j) && !shownAsPercent[n][j])
        r.values = withFigure(r.values, j, (a) => ({ value: a.value.div(100), decimals: a.decimals === null ? null : a.decimals + 2, cell: a.cell }));
    });
  }

  let unit = layout.unit;
  if (unit === null && cellUnits.size > 0) unit = [...cellUnits.entries()].sort((a, b) => b[1] - a[1])[0][0];
  // A column in another unit than the table's (kr in a tkr table) is converted exactly before anything adds it.
  const converted = convertColumns(columns, unit, rows);
  const { lines, totals } = structureRows(rows, additiveOf(columns));

  // Name the line of each cell finding.
  if (cellFindings.length > 0) {
    const keyOfRow = new Map<number, string>();
    for (const l of [...lines, ...totals]) keyOfRow.set(l.row, l.key);
    for (const { finding: f, row } of cellFindings) findings.push({ ...f, line: keyOfRow.get(row) ?? null });
  }

  const headerUnits = [
    ...new Set(
      columns
        .filter((_, j) => !converted[j])
        .map((c) => c.unit)
        .filter((u): u is Unit => !!u),
    ),
  ];
  const allUnits = [...new Set([...headerUnits, ...cellUnits.keys()])];
  if (allUnits.length > 1 && unit !== null)
    findings.push(finding('mixed-units', { units: allUnits.join(', '), chosen: unit }, sheetCell(g.sheet, layout.range.top, layout.range.left)));

  const hidden = rowNumbers.filter((r) => g.hiddenRows?.has(r)).length;
  if (hidden > 0)
    findings.push(
      finding('hidden-rows', { count: String(hidden), range: sheetRange(g.sheet, layout.range) }, sheetCell(g.sheet, layout.range.top, layout.range.left)),
    );

  const series: Series[] = columns.map((c) => ({
    measure: c.measure,
    period: c.period,
    year: c.year,
    isTotal: c.isTotal,
    column: c.col,
    header: c.header,
    months: c.months ?? null,
    unit: c.measure === 'variance-pct' ? null : (c.unit ?? unit),
  }));
  const source: Omit<Source, 'description'> = {
    range: sheetRange(g.sheet, layout.range),
    sheet: g.sheet,
    kind: layout.kind,
    role: layout.role,
    unit,
    series,
    lines,
    totals,
    findings,
    labelColumns: labelCols.map((col) => ({ column: col, header: labelOf(valueAt(g, layout.firstRow - 1, col)) ?? '' })),
    ...(layout.joinLabels ? { joinLabels: true } : {}),
    ...(layout.ignored && layout.ignored.length > 0 ? { ignored: layout.ignored } : {}),
  };
  return { ...source, description: describeSource(source) };
}

/**
 * The rows of a layout's range that hold anything (hidden ones included), and the texts in their
 * value columns: the separators of pasted numbers are what the unambiguous ones show, else the
 * language. Stops keeping texts past MAX_SOURCE_ROWS rows (the caller refuses the source).
 *
 * This and readRows are small functions of their own, not loops inside buildSource: they run for
 * every row, often before V8 has optimised anything (a command line starts cold), and a small
 * function is optimised in a few milliseconds where all of buildSource took a hundred.
 */
function sourceRows(g: Grid, layout: Layout, labelIndexes: readonly number[], valueIndexes: readonly number[]): { rowNumbers: number[]; texts: string[] } {
  const rowNumbers: number[] = [];
  const texts: string[] = [];
  for (let row = layout.firstRow; row <= layout.lastRow; row++) {
    const vr = g.values[row - g.top];
    if (!vr || (allBlank(vr, labelIndexes) && allBlank(vr, valueIndexes))) continue;
    rowNumbers.push(row);
    if (rowNumbers.length > MAX_SOURCE_ROWS) continue;
    for (let j = 0; j < valueIndexes.length; j++) {
      const v = vr[valueIndexes[j]];
      if (typeof v === 'string') texts.push(v);
    }
  }
  return { rowNumbers, texts };
}

/** A row as read, its figures replaced while percent points and units are settled. */
interface RowRead extends RowIn {
  values: RowFigures;
}

/** What reading a source's rows gives: the rows, and what was found on the way. */
interface RowsRead {
  readonly rows: RowRead[];
  readonly cellFindings: { finding: Finding; row: number }[];
  readonly cellUnits: Map<Unit, number>;
  /** The percent columns (their index among the series). */
  readonly percentCols: readonly number[];
  /** Per series: whether it has figures not shown as percent, and whether all of those are fractions (|x| ≤ 1). */
  readonly percentInfo: { fractions: boolean; any: boolean }[];
  /** Per row, when there are percent columns: which of its figures were shown as percent. */
  readonly shownAsPercent: boolean[][];
}

/** Reads the figures and labels of `rowNumbers` into `out`, a row at a time, cells in sheet order (their findings and units told in that order). */
function readRows(
  g: Grid,
  layout: Layout,
  at: {
    readonly labelIndexes: readonly number[];
    readonly valueIndexes: readonly number[];
    readonly letters: readonly string[];
    readonly lang: Language | null;
  },
  rowNumbers: readonly number[],
  out: RowsRead,
): void {
  const { columns } = layout;
  const { labelIndexes, valueIndexes: indexes, letters, lang } = at;
  const { percentCols, percentInfo } = out;
  const width = columns.length;
  // The rows' values in one array, a row after another: a source's figures are then a Money each
  // and this array. Each row's shown decimals are the previous row's array when they are the same
  // (nearly always: a column's cells share a format).
  const values = new Array<Money | null>(rowNumbers.length * width).fill(null);
  const shown: (number | null)[] = new Array<number | null>(width).fill(null);
  let lastShown: readonly (number | null)[] = [];
  for (let r = 0; r < rowNumbers.length; r++) {
    const row = rowNumbers[r];
    const start = r * width;
    const percent: boolean[] | null = percentCols.length > 0 ? [] : null;
    let sumFormula = false;
    let filled = false;
    // The row's arrays once, not a lookup per cell (what valueAt, formatAt and formulaAt would do).
    const vr = g.values[row - g.top];
    const fr = g.formats[row - g.top];
    const fx = g.formulas?.[row - g.top];
    for (let j = 0; j < width; j++) {
      const k = indexes[j];
      if (fx?.[k] && isSumFormula(g, row, columns[j].col)) sumFormula = true;
      const v = vr?.[k] ?? null;
      if (!filled && !isBlank(v)) filled = true;
      const format = fr?.[k] || 'General';
      if (typeof v === 'number' && Number.isFinite(v)) {
        // Nearly every cell: read without the findings and units only text has.
        values[start + j] = decimalFromCellNumber(v);
        shown[j] = decimalsOfFormat(format);
        percent?.push(isPercentFormat(format));
        continue;
      }
      const a = readAmount(v, format, `${letters[j]}${row + 1}`, lang);
      if (a.finding) out.cellFindings.push({ finding: a.finding, row });
      if (a.unit) out.cellUnits.set(a.unit, (out.cellUnits.get(a.unit) ?? 0) + 1);
      values[start + j] = a.amount?.value ?? null;
      shown[j] = a.amount?.decimals ?? null;
      percent?.push(a.isPercent);
    }
    if (!sameDecimals(shown, lastShown)) lastShown = shown.slice();
    if (percent) out.shownAsPercent.push(percent);
    for (let p = 0; p < percentCols.length; p++) {
      const j = percentCols[p];
      const value = values[start + j];
      if (value && !percent?.[j]) {
        percentInfo[j].any = true;
        if (value.abs().gt(1)) percentInfo[j].fractions = false;
      }
    }
    // One label column (nearly always): a one-element array, without the closure a map makes per row.
    const labels = labelIndexes.length === 1 ? [labelOf(vr?.[labelIndexes[0]] ?? null)] : labelIndexes.map((k) => labelOf(vr?.[k] ?? null));
    if (labels[0] === null) unreadableLabels(g, row, layout.labelCols, labels, out.cellFindings);
    const joined = layout.joinLabels ? [labels.filter(Boolean).join(' ') || null] : labels;
    out.rows.push({ row, labels: joined, sumFormula, filled, values: RowFigures.read(values, start, lastShown, letters, row) });
  }
}

/** Whether two rows' shown decimals are the same. */
function sameDecimals(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}

/** A row's figures with series j's (when it has one) replaced by `f` of it. */
function withFigure(values: RowFigures, j: number, f: (a: Amount) => Amount): RowFigures {
  return RowFigures.of(values.map((a, k) => (a && k === j ? f(a) : a)));
}

/**
 * A label the workbook lost (a shared string it does not have) is no blank: the row would be taken for
 * a subtotal. Its cell stands in for its label (`(A7)`), and a finding names it.
 */
function unreadableLabels(g: Grid, row: number, labelCols: readonly number[], labels: (string | null)[], findings: { finding: Finding; row: number }[]): void {
  labelCols.forEach((col, i) => {
    const reason = unreadableReason(valueAt(g, row, col));
    if (reason === null) return;
    labels[i] = `(${columnLetters(col)}${row + 1})`;
    findings.push({ finding: finding('unreadable-cell', { reason }, sheetCell(g.sheet, row, col)), row });
  });
}

/**
 * Puts the figures of each amount column whose header names another unit than the source's into the
 * source's unit, exactly (`Utfall (kr)` in a tkr table: 1 234 567 kr is 1 234.567 tkr, its rounding
 * scaled with it). Returns, per column, whether it was converted.
 */
function convertColumns(columns: readonly ColumnSpec[], unit: Unit | null, rows: readonly RowRead[]): boolean[] {
  return columns.map((c, j) => {
    const scale = c.measure === 'variance-pct' ? null : unitScale(c.unit, unit);
    if (!scale) return false;
    for (const r of rows) if (r.values.has(j)) r.values = withFigure(r.values, j, scale);
    return true;
  });
}

/** True when every one of the cells at `indexes` of a grid row is blank. */
function allBlank(values: readonly CellValue[], indexes: readonly number[]): boolean {
  for (let i = 0; i < indexes.length; i++) if (!isBlank(values[indexes[i]] ?? null)) return false;
  return true;
}

const MEASURE_WORDS: Readonly<Record<Measure, string>> = {
  budget: 'budget',
  'annual-budget': 'annual budget',
  actual: 'actuals',
  'prior-actual': "last year's actuals",
  forecast: 'forecast',
  variance: 'typed-in variance',
  'variance-pct': 'typed-in variance %',
  'forecast-variance': 'typed-in forecast variance',
  ignored: 'ignored',
};

const UNIT_WORDS: Readonly<Record<Unit, string>> = { kr: 'kr', tkr: 'thousands of kr', mkr: 'millions of kr' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * What was recognised, for people: "pivot, actuals by month 2022-01..2022-02, 4 lines, grand total
 * row and column, in kr".
 */
export function describeSource(s: Omit<Source, 'description'>): string {
  const parts: string[] = [s.kind];
  const byMeasure = new Map<Measure, Series[]>();
  for (const x of s.series) {
    if (x.isTotal) continue;
    const list = byMeasure.get(x.measure) ?? [];
    list.push(x);
    byMeasure.set(x.measure, list);
  }
  const what: string[] = [];
  for (const [m, list] of byMeasure) {
    const months = list
      .filter((x) => x.period !== null)
      .map((x) => x.period as string)
      .sort();
    const years = [...new Set(list.filter((x) => x.period === null && x.year !== null).map((x) => x.year as number))].sort();
    let text = MEASURE_WORDS[m];
    if (months.length > 0) text += months.length === 1 ? ` for ${months[0]}` : ` by month ${months[0]}..${months[months.length - 1]}`;
    else if (years.length > 0) text += ` ${years.join(', ')}`;
    what.push(text);
  }
  parts.push(what.length ? what.join('; ') : 'no figures');
  parts.push(plural(s.lines.length, 'line'));
  const subtotals = s.totals.filter((t) => t.sums).length;
  if (subtotals) parts.push(plural(subtotals, 'subtotal'));
  const grandRow = s.totals.some((t) => !t.sums);
  const grandCol = s.series.some((x) => x.isTotal);
  if (grandRow && grandCol) parts.push('grand total row and column');
  else if (grandRow) parts.push('grand total row');
  else if (grandCol) parts.push('grand total column');
  if (s.unit) parts.push(`in ${UNIT_WORDS[s.unit]}`);
  const problems = s.findings.length;
  if (problems) parts.push(plural(problems, 'finding'));
  return parts.join(', ');
}

/** Re-describes a source after its series or role changed. */
export function withDescription(s: Omit<Source, 'description'>): Source {
  return { ...s, description: describeSource(s) };
}
