/**
 * The month-by-month sheet: each line's budget and actuals for every month so far, this month's
 * variance, and the share of the annual budget used so far (*forbruksprosent*) against the share of
 * the year gone. The variance, the actuals so far and the shares are formulas over the sheet's own
 * cells; their values are the engine's (written as cached values), as on the follow-up sheet.
 */
import { cellA1, columnLetters } from '../core/grid';
import { GLOSSARY } from '../core/glossary';
import { normaliseName } from '../core/labels';
import { cellNumber, decimalString, type Money } from '../core/money';
import type { FollowUpLine, FollowUpModel, LineMonths, MonthByMonth } from '../core/model';
import { STATUS_COLOURS } from '../core/status';
import { AMOUNT, PERCENT } from './followup-sheet';
import { periodText, WORDS } from './i18n';
import { REPORT_PAGE, type CellStyle, type ColumnSpec, type ConditionalFormat, type LayoutCell, type SheetLayout } from './layout';
import { MONTH_WORDS } from './month-words';
import { amountWidth, rowFormula, rowRef, varianceFormula } from './figure-cells';
import { sheetName } from './sheet-name';

export const MONTHS_MARKER = 'months';

/** Rows (0-based): the share of the year gone, the months' names, the headings, then the lines. */
const YEAR_GONE_ROW = 2;
const MONTH_ROW = 3;
const HEADER_ROW = 4;
const FIRST_LINE_ROW = 5;
const KEY_COL = 0;
const NAME_COL = 1;
const FIRST_MONTH_COL = 2;

const HEAD: CellStyle = { bold: true, fill: 'DDEBF7', wrap: true, verticalAlign: 'bottom', borderBottom: 'thin', align: 'right' };
const HEAD_LEFT: CellStyle = { ...HEAD, align: 'left' };
const MONTH_HEAD: CellStyle = { bold: true, fill: 'DDEBF7', align: 'center' };
// Shared style objects: the writers cache styles by object.
const AMOUNT_STYLE: CellStyle = { numberFormat: AMOUNT };
const PERCENT_STYLE: CellStyle = { numberFormat: PERCENT };
const TOTAL: CellStyle = { bold: true, borderTop: 'thin' };
const TOTAL_AMOUNT: CellStyle = { ...TOTAL, numberFormat: AMOUNT };
const TOTAL_PERCENT: CellStyle = { ...TOTAL, numberFormat: PERCENT };
// A group's subtotal, as on the follow-up sheet.
const SUBTOTAL: CellStyle = { bold: true, italic: true, borderTop: 'thin' };
const SUBTOTAL_AMOUNT: CellStyle = { ...SUBTOTAL, numberFormat: AMOUNT };
const SUBTOTAL_PERCENT: CellStyle = { ...SUBTOTAL, numberFormat: PERCENT };

/** The rows a total or subtotal sums (0-based, inclusive), and its styles. */
interface Summed {
  readonly first: number;
  readonly last: number;
  readonly amount: CellStyle;
  readonly percent: CellStyle;
}
const KEY: CellStyle = { align: 'left' };

export function monthsSheetName(model: FollowUpModel): string {
  return sheetName(MONTH_WORDS[model.language].sheet, model.period);
}

/** Where each column of the sheet is, from how many months there are and whether the budget is by month. */
interface Columns {
  /** Per month: its budget column (-1 without budget by month) and its actuals column. */
  readonly budget: readonly number[];
  readonly actual: readonly number[];
  /** This month's variance (-1 without budget by month). */
  readonly monthVariance: number;
  readonly annual: number;
  readonly soFar: number;
  readonly used: number;
  /** The formulas of a row over its own cells, by row: the actuals so far, the share used, this month's variance (null without budget by month). */
  readonly soFarFormula: (row: number) => string;
  readonly usedFormula: (row: number) => string;
  readonly monthVarianceFormula: ((row: number) => string) | null;
}

function columnsOf(model: FollowUpModel, m: MonthByMonth): Columns {
  const per = m.budgetByMonth ? 2 : 1;
  const n = m.periods.length;
  const budget = m.periods.map((_, i) => (m.budgetByMonth ? FIRST_MONTH_COL + per * i : -1));
  const actual = m.periods.map((_, i) => FIRST_MONTH_COL + per * i + per - 1);
  const after = FIRST_MONTH_COL + per * n;
  const monthVariance = m.budgetByMonth ? after : -1;
  const annual = m.budgetByMonth ? after + 1 : after;
  const soFar = annual + 1;
  const used = annual + 2;
  const at = (col: number): string => rowRef(columnLetters(col));
  const last = n - 1;
  return {
    budget,
    actual,
    monthVariance,
    annual,
    soFar,
    used,
    soFarFormula: rowFormula(`SUM(${actual.map(at).join(',')})`),
    usedFormula: rowFormula(`IF(${at(annual)}=0,"",${at(soFar)}/${at(annual)})`),
    monthVarianceFormula: monthVariance >= 0 ? rowFormula(varianceFormula(model, at(budget[last]), at(actual[last]))) : null,
  };
}

const ref = (row: number, col: number): string => `${columnLetters(col)}${row + 1}`;

/** A figure's cell, with its formula only when it has a figure (as on the follow-up sheet). */
function figure(row: number, col: number, v: Money | null, style: CellStyle, formula?: string): LayoutCell {
  return { row, col, value: cellNumber(v), style, formula: v === null ? undefined : formula };
}

/** A (sub)total's SUBTOTAL over the rows it sums in a column; none on a line. */
function summedFormula(total: Summed | null, col: number): string | undefined {
  return total ? `SUBTOTAL(9,${ref(total.first, col)}:${ref(total.last, col)})` : undefined;
}

/**
 * A line's, a subtotal's or the total's figures, added to `cells` (one array for the whole sheet: a
 * big workbook makes hundreds of thousands). The months and the annual budget are values on a line
 * and SUBTOTAL over the rows summed on a (sub)total, so a total over rows that include subtotals
 * counts every line once; this month's variance, the actuals so far and the share used are formulas
 * over the row's own cells on all.
 */
function rowCells(c: Columns, f: LineMonths, monthVariance: Money | null, row: number, total: Summed | null, cells: LayoutCell[]): void {
  const amount = total ? total.amount : AMOUNT_STYLE;
  for (let i = 0; i < f.actual.length; i++) {
    if (c.budget[i] >= 0) cells.push(figure(row, c.budget[i], f.budget[i], amount, summedFormula(total, c.budget[i])));
    cells.push(figure(row, c.actual[i], f.actual[i], amount, summedFormula(total, c.actual[i])));
  }
  if (c.monthVarianceFormula) cells.push(figure(row, c.monthVariance, monthVariance, amount, c.monthVarianceFormula(row)));
  cells.push(
    figure(row, c.annual, f.annualBudget, amount, summedFormula(total, c.annual)),
    figure(row, c.soFar, f.actualSoFar, amount, c.soFarFormula(row)),
    figure(row, c.used, f.used, total ? total.percent : PERCENT_STYLE, c.usedFormula(row)),
  );
}

function lineCells(c: Columns, line: FollowUpLine, f: LineMonths, row: number, cells: LayoutCell[]): void {
  const isCode = line.key !== normaliseName(line.name);
  cells.push({ row, col: KEY_COL, value: isCode ? line.key : null, style: KEY }, { row, col: NAME_COL, value: line.name, link: line.origin.rows[0] });
  rowCells(c, f, line.monthVariance, row, null, cells);
}

/**
 * The lines' rows from `first`, each of the model's subtotals right after its group's last line and
 * summing its group's rows (as on the follow-up sheet). Returns the last row written.
 */
function bodyCells(model: FollowUpModel, m: MonthByMonth, c: Columns, first: number, cells: LayoutCell[]): number {
  const subtotals = model.subtotals ?? [];
  const after = new Map(subtotals.map((s, k) => [s.last, k]));
  const rowOf: number[] = [];
  let row = first;
  model.lines.forEach((line, i) => {
    rowOf.push(row);
    lineCells(c, line, m.lines[i], row++, cells);
    const k = after.get(i);
    if (k === undefined || !m.subtotals[k]) return;
    const s = subtotals[k];
    cells.push({ row, col: KEY_COL, value: null, style: SUBTOTAL }, { row, col: NAME_COL, value: s.label, style: SUBTOTAL });
    const summed = { first: rowOf[s.first], last: rowOf[s.last], amount: SUBTOTAL_AMOUNT, percent: SUBTOTAL_PERCENT };
    rowCells(c, m.subtotals[k], s.monthVariance, row++, summed, cells);
  });
  return row - 1;
}

function headerCells(model: FollowUpModel, m: MonthByMonth, c: Columns): { cells: LayoutCell[]; merges: string[] } {
  const g = GLOSSARY[model.language];
  const w = WORDS[model.language];
  const cells: LayoutCell[] = [
    { row: YEAR_GONE_ROW, col: c.soFar, value: g.yearGone, style: { italic: true, align: 'right' } },
    { row: YEAR_GONE_ROW, col: c.used, value: cellNumber(m.yearGone), formula: `${m.periods.length}/12`, style: { bold: true, numberFormat: PERCENT } },
    { row: HEADER_ROW, col: KEY_COL, value: w.columns.key, style: HEAD_LEFT },
    { row: HEADER_ROW, col: NAME_COL, value: w.columns.name, style: HEAD_LEFT },
  ];
  const merges: string[] = [];
  m.periods.forEach((p, i) => {
    const first = c.budget[i] >= 0 ? c.budget[i] : c.actual[i];
    cells.push({ row: MONTH_ROW, col: first, value: w.months[Number(p.slice(5, 7)) - 1], style: MONTH_HEAD });
    if (c.budget[i] >= 0) {
      cells.push(
        { row: MONTH_ROW, col: c.actual[i], value: null, style: MONTH_HEAD },
        { row: HEADER_ROW, col: c.budget[i], value: g.monthBudget, style: HEAD },
      );
      merges.push(`${ref(MONTH_ROW, first)}:${ref(MONTH_ROW, c.actual[i])}`);
    }
    cells.push({ row: HEADER_ROW, col: c.actual[i], value: g.monthActual, style: HEAD });
  });
  // The months' row is shaded over the other columns too, so the heading reads as one band.
  for (const col of [KEY_COL, NAME_COL, c.monthVariance, c.annual, c.soFar, c.used])
    if (col >= 0) cells.push({ row: MONTH_ROW, col, value: null, style: MONTH_HEAD });
  if (c.monthVariance >= 0) cells.push({ row: HEADER_ROW, col: c.monthVariance, value: g.monthVariance, style: HEAD });
  cells.push(
    { row: HEADER_ROW, col: c.annual, value: g.annualBudget, style: HEAD },
    { row: HEADER_ROW, col: c.soFar, value: g.actualSoFar, style: HEAD },
    { row: HEADER_ROW, col: c.used, value: g.used, style: HEAD },
  );
  // In row-major order, as the lines' rows below are: a sheet whose cells are all in order is written
  // as it is, where one cell out of place has the writers sort the whole sheet's hundreds of thousands.
  return { cells: cells.sort((a, b) => a.row - b.row || a.col - b.col), merges };
}

/**
 * Colours by the one status rule of the other sheets: this month's variance beyond ± the neutral band
 * of the month's budget; and the share used against the share of the year gone, as the amount the
 * line is under an even pace (the year's share of the annual budget less the actuals so far, positive
 * = favourable) beyond ± the band of the annual budget.
 */
function statusFormats(model: FollowUpModel, c: Columns, first: number, last: number, band: Money): ConditionalFormat[] {
  if (last < first) return [];
  const b = decimalString(band);
  const beyond = (value: string, base: string, sign: '<' | '>'): string => `AND(ISNUMBER(${value}),${value}${sign}0,ABS(${value})>${b}*ABS(N(${base})))`;
  const coloured = (col: number, value: string, base: string): ConditionalFormat[] => {
    const range = `${ref(first, col)}:${ref(last, col)}`;
    return [
      {
        kind: 'expression',
        range,
        formula: beyond(value, base, '<'),
        style: { color: STATUS_COLOURS.unfavourable.color, fill: STATUS_COLOURS.unfavourable.fill },
      },
      { kind: 'expression', range, formula: beyond(value, base, '>'), style: { color: STATUS_COLOURS.favourable.color, fill: STATUS_COLOURS.favourable.fill } },
    ];
  };
  const row = (col: number): string => `$${columnLetters(col)}${first + 1}`;
  const even = `${cellA1(YEAR_GONE_ROW, c.used, true)}*N(${row(c.annual)})`;
  // Only a share that is shown is coloured: without an annual budget the share is blank, and the pace
  // (the whole actuals so far against 0) would colour the empty cell.
  const pace = `IF(ISNUMBER(${row(c.used)}),${varianceFormula(model, even, row(c.soFar))},"")`;
  const lastMonth = c.budget.length - 1;
  return [...(c.monthVariance >= 0 ? coloured(c.monthVariance, row(c.monthVariance), row(c.budget[lastMonth])) : []), ...coloured(c.used, pace, row(c.annual))];
}

/** Width for amounts up to this size, never narrower than the months' headings need. */
const monthsWidth = (largest: number): number => Math.max(10, amountWidth(largest));

/**
 * Width for a heading to wrap in two lines at most (bold): the header row is as tall as two, and a third
 * line was cut off at its top ("Avvik denne måned" in a narrow column).
 */
function twoLines(heading: string): number {
  const words = heading.split(/\s+/);
  let narrowest = heading.length;
  for (let k = 1; k < words.length; k++) narrowest = Math.min(narrowest, Math.max(words.slice(0, k).join(' ').length, words.slice(k).join(' ').length));
  return Math.ceil(narrowest * 1.1) + 1;
}

function columnSpecs(model: FollowUpModel, m: MonthByMonth, c: Columns): ColumnSpec[] {
  let months = 0;
  let sums = 0;
  const size = (v: Money | null): number => (v === null ? 0 : Math.abs(v.toNumber()));
  // Indexed, over every figure of the sheet: a for…of makes an iterator result per figure until optimised.
  const see = (f: LineMonths): void => {
    for (let k = 0; k < f.budget.length; k++) months = Math.max(months, size(f.budget[k]));
    for (let k = 0; k < f.actual.length; k++) months = Math.max(months, size(f.actual[k]));
    sums = Math.max(sums, size(f.annualBudget), size(f.actualSoFar));
  };
  for (let i = 0; i < m.lines.length; i++) see(m.lines[i]);
  for (let i = 0; i < m.subtotals.length; i++) see(m.subtotals[i]);
  see(m.total);
  const hasCode = model.lines.some((l) => l.key !== normaliseName(l.name));
  const longest = (texts: readonly string[]): number => texts.reduce((n, t) => Math.max(n, t.length), 0);
  const specs: ColumnSpec[] = [
    { col: KEY_COL, width: Math.min(10, Math.max(4, longest(model.lines.map((l) => l.key)) + 1)), hidden: !hasCode },
    { col: NAME_COL, width: Math.min(40, Math.max(14, longest([...model.lines.map((l) => l.name), ...(model.subtotals ?? []).map((s) => s.label)]) + 1)) },
  ];
  const g = GLOSSARY[model.language];
  for (const col of [...c.budget, ...c.actual]) if (col >= 0) specs.push({ col, width: monthsWidth(months) });
  if (c.monthVariance >= 0) specs.push({ col: c.monthVariance, width: Math.max(monthsWidth(months), twoLines(g.monthVariance)) });
  // The share used is never narrower than its heading's longest word (bold): a heading wraps between words.
  const word = Math.max(...g.used.split(/\s+/).map((w) => w.length));
  specs.push(
    { col: c.annual, width: Math.max(monthsWidth(sums), twoLines(g.annualBudget)) },
    { col: c.soFar, width: Math.max(monthsWidth(sums), twoLines(g.actualSoFar)) },
    { col: c.used, width: Math.max(10, word + 3, twoLines(g.used)) },
  );
  return specs.sort((a, b) => a.col - b.col);
}

function title(model: FollowUpModel): string {
  const w = WORDS[model.language];
  const when = periodText(model.period, model.language);
  const unit = model.unit ? ` — ${w.amountsIn} ${w.units[model.unit]}` : '';
  return `${MONTH_WORDS[model.language].sheet}${when ? ' ' + when : ''}${unit}`;
}

/** The month-by-month sheet, or null when the model has no actuals by month (or no report month). */
export function monthsSheet(model: FollowUpModel, generatedAt: string, band: Money, name = monthsSheetName(model)): SheetLayout | null {
  const m = model.monthByMonth;
  if (!m || m.periods.length === 0 || model.lines.length === 0) return null;
  const c = columnsOf(model, m);
  const w = WORDS[model.language];
  const first = FIRST_LINE_ROW;
  const header = headerCells(model, m, c);
  const cells: LayoutCell[] = [
    { row: 0, col: 0, value: title(model), style: { bold: true, size: 14 } },
    {
      row: 1,
      col: 0,
      value: [model.title, w.sign[model.signConvention], `${w.generated} ${generatedAt}`].filter(Boolean).join(' · '),
      style: { italic: true, color: '595959' },
    },
    ...header.cells,
  ];
  const last = bodyCells(model, m, c, first, cells);
  const totalRow = last + 1;
  cells.push({ row: totalRow, col: KEY_COL, value: null, style: TOTAL }, { row: totalRow, col: NAME_COL, value: w.total, style: TOTAL });
  rowCells(c, m.total, model.total.monthVariance, totalRow, { first, last, amount: TOTAL_AMOUNT, percent: TOTAL_PERCENT }, cells);
  cells.push({ row: totalRow + 2, col: NAME_COL, value: MONTH_WORDS[model.language].note, style: { italic: true, color: '595959' } });
  return {
    name,
    cells,
    columns: columnSpecs(model, m, c),
    merges: header.merges,
    freeze: { rows: FIRST_LINE_ROW, cols: FIRST_MONTH_COL },
    conditionalFormats: statusFormats(model, c, first, totalRow, band),
    page: { ...REPORT_PAGE, repeatRows: { first: MONTH_ROW, last: HEADER_ROW }, footer: `&L${title(model).replace(/&/g, '&&')} · ${generatedAt}&R&P / &N` },
  };
}
