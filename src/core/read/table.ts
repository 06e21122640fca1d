/**
 * Report tables whose header row names the columns by what they hold (`Budsjett`, `Regnskap 2022`,
 * `Avvik i %`, `Årsprognose`, …) in Norwegian, Swedish, Danish and English, with a label column.
 * Also month-by-month tables (`jan`, `feb`, … or `202101`) whose role a title or the sheet name gives.
 */
import { formatAt, valueAt, type CellRange, type CellValue, type Grid } from '../grid';
import { splitLabel } from '../labels';
import { looksNumeric } from '../numbers';
import { periodOfCell, timeInHeader, yearInText } from '../periods';
import type { Language, Measure, Role, Source, Unit } from '../sources';
import { columnRole, isNotesHeader, isPercentHeader, measureOfRole, roleOfMeasure, rolesOfText, totalLabel, unitInText, type ColumnRole } from '../vocabulary';
import { isBlank, labelOf, textOf } from './blocks';
import { firstDataRow, isDataNumber, startOfData } from './pivot';
import { buildSource, type ColumnSpec } from './source';
import { choicesByColumn } from './choices';
import type { ColumnChoice } from '../config';
import { sheetRange } from '../grid';

export interface TableReadOptions {
  readonly language: Language | null;
  readonly contextYear?: number | null;
  /** The role the user gave the range (explicit mapping). */
  readonly role?: Role;
  /** Titles and headings above the table, nearest first. */
  readonly titles?: readonly string[];
  /** A person's reading of columns (by letter or header), which wins over the headers' words. */
  readonly columns?: Readonly<Record<string, ColumnChoice>>;
  /** The unit a person gave the table. */
  readonly unit?: Unit;
}

interface Candidate {
  readonly col: number;
  readonly header: string;
  readonly bottom: CellValue;
  readonly bottomFormat: string;
  readonly role: ColumnRole | null;
  readonly period: string | null;
}

/** A column of figures as the table is read: what it holds, its year, months and unit. */
interface Pick {
  col: number;
  measure: Measure;
  period: string | null;
  year: number | null;
  isTotal: boolean;
  header: string;
  unit: Unit | null;
  toDate: boolean;
  months: string | null;
}

const MAX_HEADER_SCAN = 8;

/** Role headers over the value columns (a title in the label column does not count). */
function headerRoleCount(g: Grid, row: number, range: CellRange): number {
  let n = 0;
  for (let col = range.left + 1; col <= range.right; col++) {
    const t = textOf(valueAt(g, row, col));
    if (t !== null && columnRole(t)) n++;
  }
  return n;
}

function headerPeriodCount(g: Grid, row: number, range: CellRange, year: number | null): number {
  let n = 0;
  for (let col = range.left + 1; col <= range.right; col++) if (periodOfCell(valueAt(g, row, col), formatAt(g, row, col), year)) n++;
  return n;
}

function isCodeLike(v: CellValue): boolean {
  if (typeof v === 'number') return Number.isInteger(v);
  const t = textOf(v);
  return t !== null && splitLabel(t).name === t && /^[A-Za-z]{0,3}\d+(?:[.-]\d+)*$/.test(t);
}

/** Reads the role table in `range`, or returns null when the range holds none. */
export function readTable(g: Grid, range: CellRange, opts: TableReadOptions): Source | null {
  const lang = opts.language;

  // The header row: the one naming most columns by role, else the first naming months (or, for a
  // range the user mapped, its first row).
  let headerRow: number | null = null;
  let best = 0;
  const scanEnd = Math.min(range.bottom - 1, range.top + MAX_HEADER_SCAN);
  for (let row = range.top; row <= scanEnd; row++) {
    const n = headerRoleCount(g, row, range);
    if (n > best) {
      best = n;
      headerRow = row;
    }
  }
  if (headerRow === null) {
    for (let row = range.top; row <= scanEnd; row++) {
      if (headerPeriodCount(g, row, range, opts.contextYear ?? 2000) >= 2) {
        headerRow = row;
        break;
      }
    }
  }
  if (headerRow === null && opts.role) headerRow = range.top;
  if (headerRow === null) return null;

  // Titles: rows of the range above the header, then those above the range, then the sheet name.
  const titles: string[] = [];
  for (let row = headerRow - 1; row >= range.top; row--) {
    for (let col = range.left; col <= range.right; col++) {
      const t = textOf(valueAt(g, row, col));
      if (t) titles.push(t);
    }
  }
  titles.push(...(opts.titles ?? []));
  const titleYear = titles.map(yearInText).find((y) => y !== null) ?? yearInText(g.sheet) ?? opts.contextYear ?? null;
  let titleRoles: Role[] = [];
  for (const t of [...titles, g.sheet]) {
    titleRoles = rolesOfText(t);
    if (titleRoles.length) break;
  }
  const outsideRole = opts.role ?? (titleRoles.length === 1 ? titleRoles[0] : null);
  if (best === 0 && !outsideRole) return null;
  const dataRange: CellRange = { ...range, top: headerRow + 1 };
  const firstNumber = firstDataRow(g, dataRange, lang);
  if (firstNumber === null || firstNumber - headerRow > 3) return null;
  const firstData = startOfData(g, range, firstNumber, headerRow);
  const H = firstData - 1;

  // A group row just above the header (cells only over value columns): `Hittil i år` over `Budsjett | Regnskap`.
  let headerTop = headerRow;
  if (headerRow > range.top) {
    const above = headerRow - 1;
    let any = false;
    let overLabel = false;
    for (let col = range.left; col <= range.right; col++) {
      if (!isBlank(valueAt(g, above, col))) {
        any = true;
        if (col === range.left) overLabel = true;
      }
    }
    if (any && !overLabel && firstDataRow(g, { ...range, top: above, bottom: above }, lang) === null) headerTop = above;
  }

  // Header text per column, bottom row first, blank upper cells continuing the group to their left.
  const candidates: Candidate[] = [];
  const carried = new Map<number, string>();
  for (let col = range.left; col <= range.right; col++) {
    const parts: string[] = [];
    for (let row = H; row >= headerTop; row--) {
      const v = valueAt(g, row, col);
      let t = labelOf(v);
      if (t === null && row < H && col > range.left) t = carried.get(row) ?? null;
      if (t !== null && row < H && !isBlank(v)) carried.set(row, t);
      if (t !== null) parts.push(t);
    }
    const header = parts.join(' ');
    const bottom = valueAt(g, H, col);
    const role = header ? columnRole(header) : null;
    const period = periodOfCell(bottom, formatAt(g, H, col), titleYear);
    candidates.push({ col, header, bottom, bottomFormat: formatAt(g, H, col), role, period });
  }

  // Data rows: to the first fully blank row.
  let lastRow = range.bottom;
  for (let row = firstData; row <= range.bottom; row++) {
    let blank = true;
    for (let col = range.left; col <= range.right; col++) if (!isBlank(valueAt(g, row, col))) blank = false;
    if (blank) {
      lastRow = row - 1;
      break;
    }
  }

  // Series columns.
  const outsideMeasure = outsideRole ? measureOfRole(outsideRole) : null;
  const picks: Pick[] = [];
  for (const c of candidates) {
    // The first column holds the labels; so does any column of text, whatever its header says.
    if (c.col === range.left || isTextColumn(g, c.col, firstData, lastRow, lang)) continue;
    const prev = picks[picks.length - 1];
    const bottomText = textOf(c.bottom);
    if (bottomText !== null && isPercentHeader(bottomText) && prev && prev.col === c.col - 1) {
      if (prev.measure === 'variance') picks.push({ ...prev, col: c.col, measure: 'variance-pct', header: c.header, unit: null });
      continue;
    }
    if (c.period && outsideMeasure && !c.role) {
      picks.push({
        col: c.col,
        measure: outsideMeasure,
        period: c.period,
        year: Number(c.period.slice(0, 4)),
        isTotal: false,
        header: c.header,
        unit: null,
        toDate: false,
        months: null,
      });
      continue;
    }
    if (c.role) {
      // The year and months beside the words (`Utfall 2019-12`, `Regnskap 2023 jan–apr`) decide this year against last year.
      const time = timeInHeader(c.header);
      const toDate = c.role.toDate || (time.months !== null && !time.months.endsWith('-12'));
      picks.push({
        col: c.col,
        measure: c.role.measure,
        period: null,
        year: time.year ?? c.role.year,
        isTotal: false,
        header: c.header,
        unit: c.role.unit,
        toDate,
        months: time.months,
      });
      continue;
    }
    if (prev && prev.period && bottomText !== null && totalLabel(bottomText)?.kind === 'total') {
      picks.push({ ...prev, col: c.col, period: null, isTotal: true, header: c.header });
      continue;
    }
    if (opts.role && outsideMeasure && c.col > range.left && columnHasNumbers(g, c.col, firstData, lastRow, lang)) {
      const time = timeInHeader(c.header);
      picks.push({
        col: c.col,
        measure: outsideMeasure,
        period: null,
        year: time.year,
        isTotal: false,
        header: c.header,
        unit: unitInText(c.header),
        toDate: false,
        months: time.months,
      });
    }
  }
  // A person's reading wins over the words; the rules below leave the columns they chose alone.
  const chosen = choicesByColumn(opts.columns, candidates, sheetRange(g.sheet, range));
  for (const [col, choice] of chosen) choosePick(picks, col, choice, candidates.find((c) => c.col === col) as Candidate);
  picks.sort((a, b) => a.col - b.col);
  const auto = (p: Pick): boolean => !chosen.has(p.col);
  if (picks.length === 0) return null;
  // Label columns: left of the first series column, holding labels in the data rows.
  const firstSeries = Math.min(...picks.map((p) => p.col));
  const labelCols: number[] = [];
  for (let col = range.left; col < firstSeries; col++) {
    // People's text (`Kommentar`, `Analys`) is no label, wherever its column stands.
    if (col > range.left && isNotesHeader(candidates[col - range.left].header)) continue;
    let any = false;
    for (let row = firstData; row <= lastRow; row++)
      if (labelOf(valueAt(g, row, col)) !== null && !isDataNumber(valueAt(g, row, col), formatAt(g, row, col), lang)) any = true;
    if (any || (col === range.left && columnHasLabels(g, col, firstData, lastRow))) labelCols.push(col);
  }
  if (labelCols.length === 0) return null;
  const series = picks.filter((p) => p.col > labelCols[labelCols.length - 1]);
  if (series.length === 0) return null;
  let joinLabels = false;
  if (labelCols.length >= 2) {
    let codes = 0;
    let filled = 0;
    for (let row = firstData; row <= lastRow; row++) {
      const v = valueAt(g, row, labelCols[0]);
      if (isBlank(v)) continue;
      filled++;
      if (isCodeLike(v)) codes++;
    }
    joinLabels = filled > 0 && codes / filled >= 0.8;
  }

  // Two budget columns: the one for the period so far is `budget`, the other the annual budget.
  const aggregate = (m: Measure): Pick[] => series.filter((p) => p.measure === m && p.period === null && !p.isTotal);
  const budgets = aggregate('budget').filter(auto);
  if (budgets.length >= 2 && budgets.some((p) => p.toDate)) for (const p of budgets) if (!p.toDate) p.measure = 'annual-budget';
  // Two actual columns of different years: the earlier is last year's.
  const actuals = aggregate('actual').filter(auto);
  const years = actuals.map((p) => p.year).filter((y): y is number => y !== null);
  if (years.length >= 2) {
    const latest = Math.max(...years);
    for (const p of actuals) if (p.year !== null && p.year < latest) p.measure = 'prior-actual';
  }
  // A role from outside overrides what the headers say (the user knows best).
  if (opts.role && opts.role !== 'table' && outsideMeasure) {
    for (const p of series.filter(auto))
      if (p.measure !== 'variance' && p.measure !== 'variance-pct' && p.measure !== 'forecast-variance') p.measure = outsideMeasure;
  }
  for (const p of series) {
    if (p.year === null && p.period === null && p.measure !== 'prior-actual') p.year = titleYear;
  }

  const roles = [...new Set(series.map((p) => roleOfMeasure(p.measure)))];
  const role: Role = opts.role ?? (roles.length === 1 && roles[0] !== null ? roles[0] : 'table');
  // "Avvik i kr" says amount rather than percent, not the scale: a bare kr in a variance header is no unit.
  for (const p of series.filter(auto)) if (p.unit === 'kr' && (p.measure === 'variance' || p.measure === 'forecast-variance')) p.unit = null;
  const headerUnits = series.map((p) => p.unit).filter((u): u is Unit => u !== null);
  const titleUnit = [unitInText(candidates.find((c) => c.col === labelCols[0])?.header ?? ''), ...titles.map(unitInText)].find((u) => u !== null) ?? null;
  // Every amount column naming one unit is the table's unit, whatever a title says; else a column in kr
  // among thousands is the odd one (converted to the table's unit when read).
  const amounts = series.filter((p) => p.measure !== 'variance-pct' && p.measure !== 'variance' && p.measure !== 'forecast-variance');
  const oneUnit = amounts.length > 0 && amounts.every((p) => p.unit !== null && p.unit === amounts[0].unit) ? amounts[0].unit : null;
  const unit = opts.unit ?? oneUnit ?? headerUnits.find((u) => u !== 'kr') ?? titleUnit ?? headerUnits[0] ?? null;

  const columns: ColumnSpec[] = series.map((p) => ({
    col: p.col,
    measure: p.measure,
    period: p.period,
    year: p.year,
    isTotal: p.isTotal,
    header: p.header,
    unit: p.unit,
    months: p.months,
  }));
  // Columns read for nothing (a comment column, a figure column no header names), listed with the reading.
  const used = new Set([...labelCols, ...series.map((p) => p.col)]);
  const ignored = candidates
    .filter((c) => !used.has(c.col) && (c.header !== '' || columnHasLabels(g, c.col, firstData, lastRow)))
    .map((c) => ({ column: c.col, header: c.header }));
  const source = buildSource(g, {
    kind: 'table',
    role,
    range: { top: headerTop, left: range.left, bottom: lastRow, right: Math.max(...series.map((p) => p.col)) },
    labelCols,
    joinLabels,
    columns,
    firstRow: firstData,
    lastRow,
    unit,
    language: lang,
    ignored,
  });
  return chosen.size > 0 || opts.unit !== undefined ? { ...source, chosen: true } : source;
}

function columnHasNumbers(g: Grid, col: number, first: number, last: number, lang: Language | null): boolean {
  for (let row = first; row <= last; row++) if (isDataNumber(valueAt(g, row, col), formatAt(g, row, col), lang)) return true;
  return false;
}

/** True when the column's data cells hold text that is not a number, and no number. */
function isTextColumn(g: Grid, col: number, first: number, last: number, lang: Language | null): boolean {
  let text = false;
  for (let row = first; row <= last; row++) {
    const v = valueAt(g, row, col);
    if (looksNumeric(v, lang)) return false;
    if (textOf(v) !== null && !/^[-\u2212\u2013\u2014.]+$/.test(textOf(v) as string)) text = true;
  }
  return text;
}

function columnHasLabels(g: Grid, col: number, first: number, last: number): boolean {
  for (let row = first; row <= last; row++) if (labelOf(valueAt(g, row, col)) !== null) return true;
  return false;
}

/** Applies a person's reading of one column: its role (a measure, or no figures at all), year, months, unit. */
function choosePick(picks: Pick[], col: number, choice: ColumnChoice, c: Candidate): void {
  const at = picks.findIndex((p) => p.col === col);
  const role = choice.role;
  if (role === 'ignored' || role === 'key' || role === 'label') {
    if (at >= 0) picks.splice(at, 1);
    return;
  }
  let p = picks[at];
  if (!p) {
    if (!role) return;
    const time = timeInHeader(c.header);
    p = { col, measure: role, period: null, year: time.year, isTotal: false, header: c.header, unit: unitInText(c.header), toDate: false, months: time.months };
    picks.push(p);
  }
  if (role) p.measure = role;
  if (choice.year !== undefined) p.year = choice.year;
  if (choice.months !== undefined) p.months = choice.months;
  if (choice.unit !== undefined) p.unit = choice.unit;
}
