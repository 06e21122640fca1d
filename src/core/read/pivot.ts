/**
 * Recognises Excel and LibreOffice pivot output in a grid: compact layout (`Radetiketter` /
 * `Row Labels`), tabular and outline layouts (row field names as headers, subtotal rows per outer
 * item), LibreOffice (`Sum - Beløp`, `Total Result`); periods and/or value fields as columns
 * (`Summer av Budsjett`, `Summer av Regnskap`, or periods × value fields in two header rows),
 * with the grand total row and column.
 */
import { formatAt, sheetCell, sheetRange, valueAt, type CellRange, type CellValue, type Grid } from '../grid';
import { looksNumeric } from '../numbers';
import { periodOfCell, yearInText, yearOfCell } from '../periods';
import type { Language, Measure, Role, Source, Unit } from '../sources';
import {
  columnRole,
  dataCaption,
  isColumnLabelsHeader,
  isGrandTotalLabel,
  isPivotWord,
  isValuesHeader,
  measureOfRole,
  roleOfMeasure,
  rolesOfText,
  totalLabel,
  unitInText,
  type DataCaption,
} from '../vocabulary';
import { finding, type Finding } from '../warnings';
import { isBlank, labelOf, textOf } from './blocks';
import { buildSource, type ColumnSpec } from './source';

export interface PivotReadOptions {
  readonly language: Language | null;
  /** Year for month headers without one, when neither the pivot nor its titles name one. */
  readonly contextYear?: number | null;
  /** The role the user gave the range (explicit mapping); it overrides what the words say. */
  readonly role?: Role;
  /** Titles and headings above the pivot, nearest first (the sheet name is looked at after them). */
  readonly titles?: readonly string[];
  /** The range is a real PivotTable's (from the workbook's pivot parts): read it even without pivot words. */
  readonly known?: boolean;
  /** Names of the real PivotTable's data fields that are not money (counts, averages, shares): left out. */
  readonly notMoney?: readonly string[];
  /** The unit a person chose for the pivot's amounts (a caption naming another is converted into it). */
  readonly unit?: Unit;
}

/** A number in a data row: not a period header (202101, a date) and not a year header (2022). */
export function isDataNumber(v: CellValue, format: string, lang: Language | null): boolean {
  if (v === null || typeof v === 'boolean' || typeof v === 'object') return false;
  if (!looksNumeric(v, lang)) return false;
  if (periodOfCell(v, format) !== null || yearOfCell(v) !== null) return false;
  return true;
}

/**
 * Moves the first data row up over group headings right below the header: rows with only a label in
 * the first column (`1100` above its inner items when subtotals are off, a `Drift` section).
 */
export function startOfData(g: Grid, range: CellRange, firstData: number, headerRow: number): number {
  let row = firstData;
  while (row - 1 > headerRow) {
    const label = textOf(valueAt(g, row - 1, range.left)) ?? labelOf(valueAt(g, row - 1, range.left));
    if (label === null || isPivotWord(label)) break;
    if (!blankFrom(g, row - 1, range.left + 1, range.right)) break;
    row--;
  }
  return row;
}

/** True when columns `left` to `right` of the row are all blank (the first filled one tells). */
function blankFrom(g: Grid, row: number, left: number, right: number): boolean {
  for (let col = left; col <= right; col++) if (!isBlank(valueAt(g, row, col))) return false;
  return true;
}

/** First row (in the range) holding a data number in any column but the first. */
export function firstDataRow(g: Grid, range: CellRange, lang: Language | null, fromCol = range.left + 1): number | null {
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = fromCol; col <= range.right; col++) {
      if (isDataNumber(valueAt(g, row, col), formatAt(g, row, col), lang)) return row;
    }
  }
  return null;
}

function rowHasPivotWord(g: Grid, row: number, range: CellRange): boolean {
  for (let col = range.left; col <= range.right; col++) {
    const t = textOf(valueAt(g, row, col));
    if (t !== null && isPivotWord(t)) return true;
  }
  return false;
}

/** True when the range holds pivot output (pivot words in its header, or a grand total label). */
export function looksLikePivot(g: Grid, range: CellRange, lang: Language | null): boolean {
  const first = firstDataRow(g, range, lang);
  if (first === null || first === range.top) return false;
  for (let row = range.top; row < first; row++) if (rowHasPivotWord(g, row, range)) return true;
  for (let row = first; row <= range.bottom; row++) {
    const t = textOf(valueAt(g, row, range.left));
    if (t !== null && isGrandTotalLabel(t)) return true;
  }
  return false;
}

interface HeaderCell {
  readonly value: CellValue;
  readonly format: string;
  readonly text: string | null;
}

interface ColumnClass {
  readonly col: number;
  readonly header: string;
  readonly caption: DataCaption | null;
  readonly captionMeasure: Measure | null;
  readonly captionYear: number | null;
  readonly period: string | null;
  readonly isTotal: boolean;
  readonly unit: Unit | null;
}

function classifyColumn(cells: readonly HeaderCell[], col: number, pivotCaption: DataCaption | null, contextYear: number | null): ColumnClass {
  const texts = cells.map((c) => c.text).filter((t): t is string => t !== null);
  let caption: DataCaption | null = null;
  for (const t of texts) {
    const c = dataCaption(t);
    if (c) caption = c;
  }
  const ownCaption = caption !== null;
  if (!caption) caption = pivotCaption;
  const role = caption ? columnRole(caption.field) : null;
  const isTotal = texts.some((t) => isGrandTotalLabel(t) || totalLabel(t)?.kind === 'total') || (ownCaption && caption !== null && caption.total);
  let period: string | null = null;
  for (const c of cells) {
    const p = periodOfCell(c.value, c.format);
    if (p) period = p;
  }
  if (period === null && !isTotal) {
    let year: number | null = null;
    for (const c of cells) year = yearOfCell(c.value) ?? (c.text ? yearInText(c.text) : null) ?? year;
    year = year ?? contextYear;
    if (year !== null) for (const c of cells) period = periodOfCell(c.value, c.format, year) ?? period;
  }
  // Header as written: the bottom cell, and above it only what tells the column apart (a month, a
  // year, a caption, a total), not the column field's name.
  const header = cells
    .map((c, i) => {
      const t = c.text ?? (typeof c.value === 'number' ? String(c.value) : null);
      if (t === null || isColumnLabelsHeader(t) || isValuesHeader(t)) return null;
      if (i === cells.length - 1) return t;
      const telling =
        periodOfCell(c.value, c.format, 2000) !== null ||
        yearOfCell(c.value) !== null ||
        dataCaption(t) !== null ||
        isGrandTotalLabel(t) ||
        totalLabel(t) !== null;
      return telling ? t : null;
    })
    .filter((t): t is string => t !== null)
    .join(' ');
  return {
    col,
    header,
    caption,
    captionMeasure: role?.measure ?? null,
    captionYear: role?.year ?? null,
    period,
    isTotal,
    unit: (caption ? unitInText(caption.field) : null) ?? unitInText(header),
  };
}

/**
 * Reads the pivot in `range` (a block of the sheet, or the exact range of a PivotTable part).
 * Returns null when the range holds no pivot output.
 */
export function readPivot(g: Grid, range: CellRange, opts: PivotReadOptions): Source | null {
  const lang = opts.language;
  const firstNumber = firstDataRow(g, range, lang);
  if (firstNumber === null || firstNumber === range.top) return null;

  // The pivot starts at its first row with a pivot word; rows above it are titles.
  let markerRow: number | null = null;
  let lastMarker: number | null = null;
  for (let row = range.top; row < firstNumber; row++) {
    if (rowHasPivotWord(g, row, range)) {
      if (markerRow === null) markerRow = row;
      lastMarker = row;
    }
  }
  const firstData = startOfData(g, range, firstNumber, lastMarker ?? range.top);
  const H = firstData - 1;
  if (markerRow === null && opts.known) markerRow = range.top;
  if (markerRow === null) {
    let grandInLabels = false;
    for (let row = firstData; row <= range.bottom; row++) {
      const t = textOf(valueAt(g, row, range.left));
      if (t !== null && isGrandTotalLabel(t)) grandInLabels = true;
    }
    if (!grandInLabels) return null;
    markerRow = H;
  }
  const titles: string[] = [];
  for (let row = markerRow - 1; row >= range.top; row--) {
    for (let col = range.left; col <= range.right; col++) {
      const t = textOf(valueAt(g, row, col));
      if (t) titles.push(t);
    }
  }
  titles.push(...(opts.titles ?? []));

  // First value column: where the column field header sits above the column items, else the first
  // period / caption / total in the bottom header row, else the first column with data numbers.
  let firstValue: number | null = null;
  for (let row = markerRow; row < H; row++) {
    for (let col = range.left + 1; col <= range.right; col++) {
      if (!isBlank(valueAt(g, row, col))) {
        firstValue = firstValue === null ? col : Math.min(firstValue, col);
        break;
      }
    }
  }
  if (firstValue === null) {
    for (let col = range.left + 1; col <= range.right; col++) {
      const v = valueAt(g, H, col);
      const t = textOf(v);
      if (periodOfCell(v, formatAt(g, H, col), 2000) !== null || (t !== null && (dataCaption(t) || isGrandTotalLabel(t) || isValuesHeader(t)))) {
        firstValue = col;
        break;
      }
    }
  }
  if (firstValue === null) firstValue = firstDataColumn(g, range, firstData, lang);
  if (firstValue === null) return null;
  const labelCols: number[] = [];
  for (let col = range.left; col < firstValue; col++) labelCols.push(col);

  const lastRow = lastPivotRow(g, range, firstData, labelCols, lang);

  // Header cells per value column, blank upper cells continuing the item to their left.
  const pivotCaptionText = textOf(valueAt(g, markerRow, range.left));
  const pivotCaption = pivotCaptionText ? dataCaption(pivotCaptionText) : null;
  const headerYear = yearFromHeader(g, range, markerRow, H, firstValue);
  const titleYear = titles.map(yearInText).find((y) => y !== null) ?? yearInText(g.sheet);
  const contextYear = headerYear ?? titleYear ?? opts.contextYear ?? null;
  const carried: (HeaderCell | null)[] = [];
  const classes: ColumnClass[] = [];
  const notMoney = new Set((opts.notMoney ?? []).map((n) => n.trim().toLowerCase()));
  const skipped = new Set<ColumnClass>();
  let seenTotal = false;
  for (let col = firstValue; col <= range.right; col++) {
    const cells: HeaderCell[] = [];
    for (let row = markerRow; row <= H; row++) {
      const i = row - markerRow;
      let v = valueAt(g, row, col);
      let format = formatAt(g, row, col);
      if (isBlank(v) && row < H && carried[i]) {
        v = (carried[i] as HeaderCell).value;
        format = (carried[i] as HeaderCell).format;
      }
      const cell: HeaderCell = { value: v, format, text: textOf(v) };
      if (!isBlank(valueAt(g, row, col))) carried[i] = cell;
      cells.push(cell);
    }
    const hasHeader = cells.some((c) => !isBlank(c.value));
    const hasData = columnHasData(g, col, firstData, lastRow, lang);
    if (!hasHeader && !hasData) break;
    const c = classifyColumn(cells, col, pivotCaption, contextYear);
    if (seenTotal && !c.isTotal) break;
    if (c.isTotal) seenTotal = true;
    classes.push(c);
    if (notMoney.size > 0 && cells.some((x) => x.text !== null && notMoney.has(x.text.trim().toLowerCase()))) skipped.add(c);
  }
  const valueClasses = classes.filter((c) => (!c.caption || c.caption.aggregate === 'sum') && !skipped.has(c));
  if (valueClasses.length === 0) return null;

  // Role: from the captions, else the titles, else the sheet name; actuals when nothing says.
  const findings: Finding[] = [];
  const rangeOut: CellRange = { top: markerRow, left: range.left, bottom: lastRow, right: classes[classes.length - 1].col };
  const captionMeasures = [...new Set(valueClasses.map((c) => c.captionMeasure).filter((m): m is Measure => m !== null))];
  let role: Role;
  if (opts.role) role = opts.role;
  else if (captionMeasures.length === 1) role = roleOfMeasure(captionMeasures[0]) ?? 'table';
  else if (captionMeasures.length > 1) role = 'table';
  else {
    let found: Role[] = [];
    for (const t of [...titles, g.sheet]) {
      found = rolesOfText(t);
      if (found.length) break;
    }
    // Nothing says, or the words disagree: actuals, and the user is told.
    role = found.length === 1 ? found[0] : 'actual';
    if (found.length !== 1) {
      const roles = found.length ? found.join(', ') : 'budget, actual, prior-actual, forecast';
      findings.push(finding('ambiguous-role', { range: sheetRange(g.sheet, rangeOut), roles, chosen: role }, sheetCell(g.sheet, markerRow, range.left)));
    }
  }
  const roleMeasure = measureOfRole(role);
  const periodYears = [
    ...new Set(
      valueClasses
        .map((c) => c.period)
        .filter((p): p is string => p !== null)
        .map((p) => Number(p.slice(0, 4))),
    ),
  ];
  const columns: ColumnSpec[] = valueClasses.map((c) => {
    const measure: Measure = (opts.role && roleMeasure ? roleMeasure : null) ?? c.captionMeasure ?? roleMeasure ?? 'actual';
    const year = c.period
      ? Number(c.period.slice(0, 4))
      : (c.captionYear ?? (c.isTotal && periodYears.length === 1 ? periodYears[0] : null) ?? (periodYears.length === 0 ? titleYear : null));
    return { col: c.col, measure, period: c.isTotal ? null : c.period, year, isTotal: c.isTotal, header: c.header, unit: c.unit };
  });
  const unit = opts.unit ?? columns.map((c) => c.unit ?? null).find((u) => u !== null) ?? titles.map(unitInText).find((u) => u !== null) ?? unitInText(g.sheet);

  return buildSource(g, {
    kind: 'pivot',
    role,
    range: rangeOut,
    labelCols,
    columns,
    firstRow: firstData,
    lastRow,
    unit: unit ?? null,
    language: lang,
    findings,
  });
}

/**
 * The pivot's last row: its grand total row, a total with no data after it, or the row before the
 * first blank one.
 */
function lastPivotRow(g: Grid, range: CellRange, firstData: number, labelCols: readonly number[], lang: Language | null): number {
  for (let row = firstData; row <= range.bottom; row++) {
    const total = totalInLabels(g, row, labelCols);
    if (total === 'grand' || (total === 'total' && !hasDataAfter(g, row, range, labelCols, lang))) return row;
    if (blankFrom(g, row, range.left, range.right)) return row - 1;
  }
  return range.bottom;
}

/** The total a row's labels name: a grand total (`Totalsum`), another total (`Sum`), or none. */
function totalInLabels(g: Grid, row: number, labelCols: readonly number[]): 'grand' | 'total' | null {
  let found: 'total' | null = null;
  for (let i = 0; i < labelCols.length; i++) {
    const t = textOf(valueAt(g, row, labelCols[i]));
    if (t === null) continue;
    if (isGrandTotalLabel(t)) return 'grand';
    if (totalLabel(t)?.kind === 'total') found = 'total';
  }
  return found;
}

function columnHasData(g: Grid, col: number, first: number, last: number, lang: Language | null): boolean {
  for (let row = first; row <= last; row++) if (looksNumeric(valueAt(g, row, col), lang)) return true;
  return false;
}

function firstDataColumn(g: Grid, range: CellRange, firstData: number, lang: Language | null): number | null {
  for (let col = range.left + 1; col <= range.right; col++) if (columnHasData(g, col, firstData, range.bottom, lang)) return col;
  return null;
}

function hasDataAfter(g: Grid, row: number, range: CellRange, labelCols: readonly number[], lang: Language | null): boolean {
  for (let r = row + 1; r <= range.bottom; r++) {
    const label = labelCols.map((c) => labelOf(valueAt(g, r, c))).find((t) => t !== null);
    if (!label || totalLabel(label)) continue;
    for (let col = range.left + labelCols.length; col <= range.right; col++) if (looksNumeric(valueAt(g, r, col), lang)) return true;
  }
  return false;
}

/** A year standing alone in the pivot's header rows (a Years field over months), else null. */
function yearFromHeader(g: Grid, range: CellRange, top: number, bottom: number, firstValue: number): number | null {
  for (let row = top; row <= bottom; row++) {
    for (let col = firstValue; col <= range.right; col++) {
      const y = yearOfCell(valueAt(g, row, col));
      if (y !== null) return y;
    }
  }
  return null;
}
