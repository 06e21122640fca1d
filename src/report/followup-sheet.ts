/**
 * The follow-up sheet: one row per line, totals, live formulas over the sheet's own cells, the status
 * colours and variance bars, and the columns people write in (their own forecast, outcome, analysis,
 * action), carried over from the previous sheet by line key. The values the formulas compute are the
 * engine's (written as cached values).
 */
import { FollowUpError } from '../core/errors';
import { columnLetters, type CellValue } from '../core/grid';
import { normaliseName } from '../core/labels';
import { formatDecimal } from '../core/format';
import { cellNumber, dec, decimalString, type Money } from '../core/money';
import type { Figures, FollowUpLine, FollowUpModel, LinkedFigures } from '../core/model';
import { forecastAssumption } from '../core/glossary';
import { DEFAULT_NEUTRAL_BAND, STATUS_COLOURS } from '../core/status';
import {
  columnPixels,
  MAX_CELL_TEXT,
  printableWidth,
  REPORT_PAGE,
  textTooLong,
  type CellStyle,
  type ColumnSpec,
  type ConditionalFormat,
  type LayoutCell,
  type PageSetup,
  type SheetLayout,
} from './layout';
import { HIDDEN_HEADERS, hasText, staleness, type LineNotes, type NotesColumns, type SheetNotes } from './carry-over';
import { periodText, withMonth, WORDS, yearEndHeading } from './i18n';
import { amountWidth, rowFormula, rowRef, varianceFormula } from './figure-cells';
import { sheetName } from './sheet-name';

export const FOLLOWUP_MARKER = 'followup';

/** Column order of the follow-up sheet; the people's columns come after the figures, hidden ones last. */
export const COLUMNS = [
  'key',
  'name',
  'annualBudget',
  'budget',
  'actual',
  'variance',
  'variancePct',
  'bar',
  'prior',
  'change',
  'forecast',
  'forecastVariance',
  'previousForecast',
  'forecastChange',
  'method',
  'manualForecast',
  'outcome',
  'analysis',
  'action',
  'hiddenKey',
  'hiddenSeen',
  'hiddenText',
] as const;
export type ColumnId = (typeof COLUMNS)[number];
// Positions and letters by column, looked up for every cell of every line.
const COLUMN_INDEX = new Map<ColumnId, number>(COLUMNS.map((id, i) => [id, i]));
const COLUMN_LETTERS = new Map<ColumnId, string>(COLUMNS.map((id, i) => [id, columnLetters(i)]));
export const col = (id: ColumnId): number => COLUMN_INDEX.get(id) as number;
const L = (id: ColumnId): string => COLUMN_LETTERS.get(id) as string;

export const HEADER_ROW = 3;
export const FIRST_LINE_ROW = 4;

// Locale-free codes that show a true minus (U+2212) and a no-break space before %, as the pane and the
// command line write figures: "−14 360", "−9,0 %". Colour is the status rule's (statusFormats), never
// the format's: a variance inside the neutral band is plain, not red.
export const AMOUNT = '#,##0;"\u2212"#,##0';
const VARIANCE = AMOUNT;
export const PERCENT = '0.0"\u00a0"%;"\u2212"0.0"\u00a0"%';
const PEOPLE: CellStyle = { wrap: true, verticalAlign: 'top', unlocked: true };
const STALE: CellStyle = { ...PEOPLE, fill: 'FFF2CC' };
const PEOPLE_AMOUNT: CellStyle = { ...PEOPLE, numberFormat: AMOUNT };
// Shared style objects: the writers cache styles by object.
const KEY: CellStyle = { align: 'left' };
const METHOD: CellStyle = { color: '595959' };
const NO_STYLE: CellStyle = {};

export interface FollowUpSheetOptions {
  /** Variances within ± this share of the budget are neutral (no colour). */
  readonly neutralBand: Money;
  /** A comment is marked as possibly out of date when the variance moved more than this share of the budget. */
  readonly staleShare: Money;
  /** What people wrote on the previous sheet. */
  readonly notes: SheetNotes | null;
}

export const DEFAULT_SHEET_OPTIONS: FollowUpSheetOptions = { neutralBand: dec(DEFAULT_NEUTRAL_BAND), staleShare: dec('0.05'), notes: null };

function title(model: FollowUpModel): string {
  const w = WORDS[model.language];
  const when = periodText(model.period, model.language) || (model.year ? String(model.year) : '');
  const unit = model.unit ? ` — ${w.amountsIn} ${w.units[model.unit]}` : '';
  return `${w.title}${when ? ' ' + when : ''}${unit}`;
}

function subtitle(model: FollowUpModel, generatedAt: string): string {
  const w = WORDS[model.language];
  return [model.title, w.sign[model.signConvention], `${w.checks.forecastMethod}: ${w.methods[model.forecastMethod]}`, `${w.generated} ${generatedAt}`]
    .filter(Boolean)
    .join(' · ');
}

/** One style object per number format for the lines' figures: the writers cache styles by object, so a sheet of 50,000 lines asks for three, not 500,000. */
const PLAIN_FIGURES = new Map<string, CellStyle>();
function figureStyle(style: CellStyle, fmt: string): CellStyle {
  if (style !== NO_STYLE && Object.keys(style).length > 0) return { ...style, numberFormat: fmt };
  let s = PLAIN_FIGURES.get(fmt);
  if (!s) PLAIN_FIGURES.set(fmt, (s = { numberFormat: fmt }));
  return s;
}

/** A cell of a line, by column id. */
function cell(row: number, column: ColumnId, value: LayoutCell['value'], style?: CellStyle, formula?: string, link?: string, note?: string): LayoutCell {
  return { row, col: col(column), value, formula, style, link, note };
}

/** A figure's cell: its number, the figures' style for its format, and its formula, made only when it has a figure. */
function figureCell(row: number, id: ColumnId, v: Money | null, style: CellStyle, fmt: string, formula?: (row: number) => string): LayoutCell {
  return cell(row, id, cellNumber(v), figureStyle(style, fmt), v === null || formula === undefined ? undefined : formula(row));
}

/** A formula that is a reference to a figure's cell in another workbook (a roll-up's unit), or none. */
const linkTo = (ref: string | undefined): (() => string) | undefined => (ref === undefined ? undefined : () => ref);

/** The formulas of a line's figures over its own row's cells, by row. */
interface FigureFormulas {
  readonly variance: (row: number) => string;
  readonly variancePct: (row: number) => string;
  readonly bar: (row: number) => string;
  readonly change: (row: number) => string;
  readonly forecastVariance: (row: number) => string;
  readonly forecastChange: (row: number) => string;
}

/** The figures' formulas, written once for each sign convention (they differ only in the variance's). */
const FORMULAS = new Map<FollowUpModel['signConvention'], FigureFormulas>();
function figureFormulas(model: FollowUpModel): FigureFormulas {
  const known = FORMULAS.get(model.signConvention);
  if (known) return known;
  const at = (id: ColumnId): string => rowRef(L(id));
  const made: FigureFormulas = {
    variance: rowFormula(varianceFormula(model, at('budget'), at('actual'))),
    // The percentage of an empty budget is left blank, as the engine leaves it.
    variancePct: rowFormula(`IF(${at('budget')}=0,"",${at('variance')}/ABS(${at('budget')}))`),
    // The variance again, its digits hidden: the column exists for its data bar.
    bar: rowFormula(at('variance')),
    change: rowFormula(`${at('actual')}-${at('prior')}`),
    forecastVariance: rowFormula(varianceFormula(model, at('annualBudget'), at('forecast'))),
    forecastChange: rowFormula(`${at('forecast')}-${at('previousForecast')}`),
  };
  FORMULAS.set(model.signConvention, made);
  return made;
}

/**
 * A line's or total's figures, added to `cells` (one array for the whole sheet: it has hundreds of
 * thousands of cells). `links`: the figures that refer to their cells in another workbook.
 */
function figureCells(model: FollowUpModel, f: Figures, row: number, style: CellStyle, cells: LayoutCell[] = [], links?: LinkedFigures): LayoutCell[] {
  const formulas = figureFormulas(model);
  cells.push(
    figureCell(row, 'annualBudget', f.annualBudget, style, AMOUNT, linkTo(links?.annualBudget)),
    figureCell(row, 'budget', f.budget, style, AMOUNT, linkTo(links?.budget)),
    figureCell(row, 'actual', f.actual, style, AMOUNT, linkTo(links?.actual)),
    figureCell(row, 'variance', f.variance, style, VARIANCE, formulas.variance),
    figureCell(row, 'variancePct', f.variancePct, style, PERCENT, formulas.variancePct),
    figureCell(row, 'bar', f.variance, style, ';;;', formulas.bar),
    figureCell(row, 'prior', f.priorYearActual, style, AMOUNT, linkTo(links?.priorYearActual)),
    figureCell(row, 'change', f.change, style, AMOUNT, formulas.change),
    figureCell(row, 'forecast', f.forecast, style, AMOUNT, linkTo(links?.forecast)),
    figureCell(row, 'forecastVariance', f.forecastVariance, style, VARIANCE, formulas.forecastVariance),
  );
  // Last month's forecast and the change since: columns only when there was an earlier follow-up.
  if (f.previousForecast !== undefined) {
    cells.push(
      figureCell(row, 'previousForecast', f.previousForecast, style, AMOUNT),
      figureCell(row, 'forecastChange', f.forecastChange ?? null, style, AMOUNT, formulas.forecastChange),
    );
  }
  return cells;
}

function staleNote(model: FollowUpModel, seen: Money, now: Money | null): string {
  const fmt = (v: Money): string => formatDecimal(decimalString(v), model.language, 0);
  return WORDS[model.language].stale.replace('{seen}', fmt(seen)).replace('{now}', now === null ? '—' : fmt(now));
}

function peopleCells(
  model: FollowUpModel,
  line: FollowUpLine,
  row: number,
  notes: LineNotes | undefined,
  opts: FollowUpSheetOptions,
  cells: LayoutCell[],
): void {
  const s = staleness(notes, line.variance, line.budget, opts.staleShare);
  const style = s.stale ? STALE : PEOPLE;
  const note = s.stale && s.seen !== null ? staleNote(model, s.seen, line.variance) : undefined;
  cells.push(
    cell(row, 'manualForecast', notes?.manualForecast === null || !notes ? null : Number(notes.manualForecast), PEOPLE_AMOUNT),
    cell(row, 'outcome', notes?.outcome || null, style, undefined, undefined, note),
    cell(row, 'analysis', notes?.analysis || null, style),
    cell(row, 'action', notes?.action || null, style),
    cell(row, 'hiddenKey', line.key),
    cell(row, 'hiddenSeen', cellNumber(s.seen)),
    cell(row, 'hiddenText', s.fingerprint),
  );
}

function lineCells(model: FollowUpModel, line: FollowUpLine, sheet: string, row: number, opts: FollowUpSheetOptions, cells: LayoutCell[]): void {
  if (line.key.length > MAX_CELL_TEXT) throw sourceTextTooLong(line, line.key, sheet, row, col('key'));
  if (line.name.length > MAX_CELL_TEXT) throw sourceTextTooLong(line, line.name, sheet, row, col('name'));
  const method = line.forecastMethod ? WORDS[model.language].methods[line.forecastMethod] : null;
  const isCode = line.key !== normaliseName(line.name);
  cells.push(
    cell(row, 'key', isCode ? line.key : null, KEY, undefined, line.origin.rows[0]),
    cell(row, 'name', line.name, undefined, undefined, isCode ? undefined : line.origin.rows[0]),
  );
  figureCells(model, line, row, NO_STYLE, cells, line.origin.figures);
  cells.push(cell(row, 'method', method, METHOD));
  peopleCells(model, line, row, opts.notes?.lines.get(line.key), opts, cells);
}

/**
 * A total or subtotal row: SUBTOTAL(9, …) over the rows above, so a grand total over rows that
 * include subtotals counts every line once; percentages are recomputed from the sums.
 */
function totalCells(model: FollowUpModel, figures: Figures, label: string, row: number, first: number, last: number, style: CellStyle): LayoutCell[] {
  // The forecast's change sums the lines' changes: a line not on last month's sheet has none.
  const summed: ColumnId[] = ['annualBudget', 'budget', 'actual', 'prior', 'forecast', 'previousForecast', 'forecastChange'];
  const cells = figureCells(model, figures, row, style).map((c) => {
    const id = COLUMNS[c.col];
    if (!summed.includes(id) || c.value === null || last < first) return c;
    return { ...c, formula: `SUBTOTAL(9,${L(id)}${first + 1}:${L(id)}${last + 1})` };
  });
  const blank = (['key', 'method', 'manualForecast', 'outcome', 'analysis', 'action'] as const).map((id) => ({ row, col: col(id), value: null, style }));
  // In column order, as the lines' rows are: a sheet whose cells are all in order is written as it is,
  // where one cell out of place has the writers sort the whole sheet's hundreds of thousands.
  return [...blank, { row, col: col('name'), value: label, style }, ...cells].sort((a, b) => a.col - b.col);
}

const SUBTOTAL: CellStyle = { bold: true, italic: true, borderTop: 'thin' };

/**
 * The lines' rows from `first`, each of the model's subtotals right after its group's last line and
 * summing its group's rows; each row's cells in column order. Returns the last row written.
 */
function bodyCells(model: FollowUpModel, sheet: string, first: number, opts: FollowUpSheetOptions, cells: LayoutCell[]): number {
  const after = new Map((model.subtotals ?? []).map((s) => [s.last, s]));
  const rowOf: number[] = [];
  let row = first;
  model.lines.forEach((line, i) => {
    rowOf.push(row);
    lineCells(model, line, sheet, row++, opts, cells);
    const s = after.get(i);
    if (!s) return;
    for (const c of totalCells(model, s, s.label, row, rowOf[s.first], rowOf[s.last], SUBTOTAL)) cells.push(c);
    row++;
  });
  return row - 1;
}

/**
 * A line's key or name too long for a cell comes from its source: the message names the source's
 * cell, where it can be shortened, not the follow-up's cell that was never written.
 */
function sourceTextTooLong(line: FollowUpLine, text: string, sheet: string, row: number, column: number): FollowUpError {
  const source = line.origin.rows[0];
  if (!source) return textTooLong(sheet, row, column);
  return new FollowUpError(
    'bad-input',
    `the label at ${source} makes a line name of ${text.length.toLocaleString('en-US')} characters, longer than the ${MAX_CELL_TEXT.toLocaleString('en-US')} a cell can hold; shorten it there`,
    source,
  );
}

/** Text of lines no longer in the sources: kept, with its key, below the total. */
function archiveCells(model: FollowUpModel, start: number, notes: readonly LineNotes[]): LayoutCell[] {
  if (notes.length === 0) return [];
  const cells: LayoutCell[] = [{ row: start, col: col('name'), value: WORDS[model.language].archive, style: { bold: true, italic: true } }];
  notes.forEach((n, i) => {
    const row = start + 1 + i;
    const key = n.key !== normaliseName(n.name) ? n.key : null;
    cells.push(
      { row, col: col('key'), value: key, style: { color: '808080' } },
      { row, col: col('name'), value: n.name || n.key, style: { color: '808080' } },
      { row, col: col('outcome'), value: n.outcome || null, style: PEOPLE },
      { row, col: col('analysis'), value: n.analysis || null, style: PEOPLE },
      { row, col: col('action'), value: n.action || null, style: PEOPLE },
      { row, col: col('hiddenKey'), value: n.key },
    );
  });
  return cells;
}

/** The columns a year-end evaluation has no use for: there is nothing left of the year to forecast. */
const FORECAST_COLUMNS: ReadonlySet<ColumnId> = new Set<ColumnId>([
  'forecast',
  'forecastVariance',
  'previousForecast',
  'forecastChange',
  'method',
  'manualForecast',
]);

function isYearEnd(model: FollowUpModel): boolean {
  return model.evaluation === 'year-end';
}

/** The headings of last month's forecast and the change, naming its month ("Prognose mars", "Endring siden mars"). */
function previousHeadings(model: FollowUpModel): { previousForecast: string; forecastChange: string } {
  const w = WORDS[model.language].columns;
  const p = model.previous?.period;
  // No earlier follow-up: the columns stay empty and hidden, with no heading to name a month.
  if (!p) return { previousForecast: '', forecastChange: '' };
  return { previousForecast: withMonth(w.previousForecast, p, model.language), forecastChange: withMonth(w.forecastChange, p, model.language) };
}

function headerCells(model: FollowUpModel): LayoutCell[] {
  const lang = model.language;
  const year = isYearEnd(model) ? model.year : null;
  const w =
    year !== null
      ? {
          ...WORDS[lang].columns,
          budget: yearEndHeading(lang, year, 'budget'),
          actual: yearEndHeading(lang, year, 'actual'),
          variance: yearEndHeading(lang, year, 'variance'),
        }
      : { ...WORDS[lang].columns, ...previousHeadings(model) };
  const style: CellStyle = { bold: true, fill: 'DDEBF7', wrap: true, verticalAlign: 'bottom', borderBottom: 'thin' };
  const figures = new Set<ColumnId>([
    'annualBudget',
    'budget',
    'actual',
    'variance',
    'variancePct',
    'prior',
    'change',
    'forecast',
    'forecastVariance',
    'previousForecast',
    'forecastChange',
    'manualForecast',
  ]);
  const people = new Set<ColumnId>(['manualForecast', 'outcome', 'analysis', 'action']);
  return COLUMNS.map((id, c) => {
    const value =
      id === 'hiddenKey' ? HIDDEN_HEADERS.key : id === 'hiddenSeen' ? HIDDEN_HEADERS.seen : id === 'hiddenText' ? HIDDEN_HEADERS.text : w[id] || null;
    // Figures' headings sit right, over their digits; the others left, indented one step so a heading
    // never runs into the right-aligned one before it ("Egen prognose Kommentar").
    const align = figures.has(id)
      ? ({ align: 'right' } as const)
      : id === 'key' || id === 'name'
        ? ({ align: 'left' } as const)
        : ({ align: 'left', indent: 1 } as const);
    return { row: HEADER_ROW, col: c, value, style: { ...style, ...align, fill: people.has(id) ? 'FFF2CC' : style.fill } };
  });
}

/**
 * Status colours in the manner of IBCS, by the one rule of core/status.ts: a favourable-positive figure
 * beyond ± the neutral band of the line's budget so far is green when favourable and red when not;
 * inside the band it is plain. The percentage shares its variance's colour, and the forecast variance
 * is measured against the same base, so one amount has one colour wherever it stands.
 */
function statusFormats(first: number, last: number, band: Money): ConditionalFormat[] {
  if (last < first) return [];
  const rows = (id: ColumnId): string => `${L(id)}${first + 1}:${L(id)}${last + 2}`;
  const b = decimalString(band);
  const base = `N($${L('budget')}${first + 1})`;
  const beyond = (value: string, sign: '<' | '>'): string => `AND(ISNUMBER(${value}),${value}${sign}0,ABS(${value})>${b}*ABS(${base}))`;
  const byStatus = (id: ColumnId, value: string): ConditionalFormat[] => [
    {
      kind: 'expression',
      range: rows(id),
      formula: beyond(value, '<'),
      style: { color: STATUS_COLOURS.unfavourable.color, fill: STATUS_COLOURS.unfavourable.fill },
    },
    {
      kind: 'expression',
      range: rows(id),
      formula: beyond(value, '>'),
      style: { color: STATUS_COLOURS.favourable.color, fill: STATUS_COLOURS.favourable.fill },
    },
  ];
  const variance = `$${L('variance')}${first + 1}`;
  return [
    ...byStatus('variance', variance),
    ...byStatus('variancePct', variance),
    ...byStatus('forecastVariance', `$${L('forecastVariance')}${first + 1}`),
    {
      kind: 'data-bar',
      range: `${L('bar')}${first + 1}:${L('bar')}${last + 1}`,
      color: STATUS_COLOURS.favourable.bar,
      negativeColor: STATUS_COLOURS.unfavourable.bar,
    },
  ];
}

export function followUpSheetName(model: Pick<FollowUpModel, 'language' | 'period'>): string {
  return sheetName(WORDS[model.language].followUpSheet, model.period);
}

/** Archive: notes of lines that are gone, plus what was archived before (never dropped). */
function archived(model: FollowUpModel, notes: SheetNotes | null): LineNotes[] {
  if (!notes) return [];
  const keys = new Set(model.lines.map((l) => l.key));
  return [...notes.lines.values()].filter((n) => !keys.has(n.key) && hasText(n));
}

const WIDTHS: Record<ColumnId, number> = {
  key: 10,
  name: 30,
  annualBudget: 8,
  budget: 8,
  actual: 8,
  variance: 8,
  variancePct: 8,
  bar: 8,
  prior: 8,
  change: 8,
  forecast: 8,
  forecastVariance: 8,
  previousForecast: 8,
  forecastChange: 8,
  method: 12,
  manualForecast: 8,
  outcome: 40,
  analysis: 40,
  action: 40,
  hiddenKey: 10,
  hiddenSeen: 10,
  hiddenText: 10,
};
const TEXT_COLUMNS: readonly ColumnId[] = ['outcome', 'analysis', 'action'];
/** The figure each figure column shows. */
const FIELDS: Partial<Record<ColumnId, keyof Figures>> = {
  annualBudget: 'annualBudget',
  budget: 'budget',
  actual: 'actual',
  variance: 'variance',
  variancePct: 'variancePct',
  bar: 'variance',
  prior: 'priorYearActual',
  change: 'change',
  forecast: 'forecast',
  forecastVariance: 'forecastVariance',
  previousForecast: 'previousForecast',
  forecastChange: 'forecastChange',
};

/** The smallest print scale people can still read (11-point type at 70 % is about 8 points), with a little to spare. */
export const MIN_PRINT_SCALE = 0.7;
/**
 * The narrowest a people's text column gets (characters): a few words a line. Budgets in the billions
 * take the room first, and the page still prints at 70 % or more; text wraps and grows the row.
 */
const MIN_TEXT_WIDTH = 10;
const TARGET_SCALE = 0.72;

/**
 * Columns that say nothing in this follow-up: figure columns no line has a figure in (a year-end table
 * has no months, a workbook without last year has no change), and the method when every line uses
 * the one the heading names. They are hidden, never removed, so formulas people wrote against the
 * sheet keep pointing at the same columns, and they are not printed.
 */
export function columnsWithoutFigures(model: FollowUpModel): Set<ColumnId> {
  const empty = new Set<ColumnId>();
  for (const [id, field] of Object.entries(FIELDS) as [ColumnId, keyof Figures][]) {
    // Absent (no earlier follow-up) is as empty as null.
    if (model.total[field] == null && model.lines.every((l) => l[field] == null)) empty.add(id);
  }
  if (empty.has('forecast') || model.lines.every((l) => l.forecastMethod === null || l.forecastMethod === model.forecastMethod)) empty.add('method');
  return empty;
}

/**
 * Each figure column's width from the largest amount in it (the budgets in the hundreds of millions,
 * the variances a few digits shorter), the own forecast as wide as the forecast, and the key and name
 * as wide as the longest of them: so the page has room left for people's text.
 */
function contentWidths(model: FollowUpModel): Map<ColumnId, number> {
  // The largest size per column, as numbers (this runs over every figure of every line: no strings).
  const largest = new Map<ColumnId, number>();
  const fields = (Object.entries(FIELDS) as [ColumnId, keyof Figures][]).filter(([id]) => id !== 'variancePct' && id !== 'bar');
  const see = (f: Figures): void => {
    for (let i = 0; i < fields.length; i++) {
      const [id, field] = fields[i];
      const v = f[field];
      if (v == null) continue;
      const n = Math.abs(v.toNumber());
      if (n > (largest.get(id) ?? -1)) largest.set(id, n);
    }
  };
  see(model.total);
  let key = 0;
  let name = 0;
  for (const l of model.lines) {
    see(l);
    if (l.key.length > key) key = l.key.length;
    if (l.name.length > name) name = l.name.length;
  }
  const widths = new Map<ColumnId, number>();
  for (const [id, n] of largest) widths.set(id, amountWidth(n));
  widths.set('manualForecast', widths.get('forecast') ?? WIDTHS.manualForecast);
  widths.set('key', Math.min(WIDTHS.key, Math.max(4, key + 1)));
  widths.set('name', Math.min(WIDTHS.name, Math.max(14, Math.ceil(name * 0.95) + 1)));
  return widths;
}

/**
 * The columns: figures as wide as their largest amount, and people's text columns as wide as the page
 * leaves when the sheet prints one page wide at a readable scale (long text wraps and grows the row).
 */
function columnSpecs(model: FollowUpModel, hidden: ReadonlySet<ColumnId>): ColumnSpec[] {
  const content = contentWidths(model);
  const headings = { ...WORDS[model.language].columns, ...previousHeadings(model) };
  const width = (id: ColumnId): number => {
    const heading = id.startsWith('hidden') ? '' : headings[id as keyof typeof headings];
    // Never narrower than the heading's longest word (bold): a heading wraps between words, not inside one.
    const word = Math.max(0, ...heading.split(/[\s/]+/).map((w) => w.length));
    return Math.max(content.get(id) ?? WIDTHS[id], Math.ceil(word * 0.95) + 1);
  };
  const shown = (id: ColumnId): boolean => !id.startsWith('hidden') && !hidden.has(id);
  const fixed = COLUMNS.filter((id) => shown(id) && !TEXT_COLUMNS.includes(id)).reduce((n, id) => n + columnPixels(width(id)), 0);
  // The text columns' width follows from the scale wanted: the page at that scale, less the other columns.
  const text = Math.min(40, Math.max(MIN_TEXT_WIDTH, Math.floor(((printableWidth(REPORT_PAGE) / TARGET_SCALE - fixed) / TEXT_COLUMNS.length - 5) / 7)));
  return COLUMNS.map((id, c) => ({ col: c, width: TEXT_COLUMNS.includes(id) ? text : width(id), hidden: !shown(id) }));
}

export function followUpSheet(
  model: FollowUpModel,
  generatedAt: string,
  name = followUpSheetName(model),
  opts: FollowUpSheetOptions = DEFAULT_SHEET_OPTIONS,
): SheetLayout {
  const first = FIRST_LINE_ROW;
  const hidden = columnsWithoutFigures(model);
  // A year-end evaluation has nothing left of the year to forecast, a person's own forecast included.
  if (isYearEnd(model)) for (const id of FORECAST_COLUMNS) hidden.add(id);
  const cells: LayoutCell[] = [
    { row: 0, col: 0, value: title(model), style: { bold: true, size: 14 } },
    { row: 1, col: 0, value: subtitle(model, generatedAt), style: { italic: true, color: '595959' } },
    ...assumptionCells(model, hidden),
    ...headerCells(model),
  ];
  const last = bodyCells(model, name, first, opts, cells);
  const totalRow = last + 1;
  for (const c of totalCells(model, model.total, WORDS[model.language].total, totalRow, first, last, { bold: true, borderTop: 'thin' })) cells.push(c);
  for (const c of archiveCells(model, totalRow + 2, archived(model, opts.notes))) cells.push(c);
  const columns = columnSpecs(model, hidden);
  const page: PageSetup = {
    ...REPORT_PAGE,
    repeatRows: { first: HEADER_ROW, last: HEADER_ROW },
    footer: `&L${title(model).replace(/&/g, '&&')} · ${generatedAt}&R&P / &N`,
  };
  return {
    name,
    cells,
    columns,
    freeze: { rows: FIRST_LINE_ROW, cols: 2 },
    conditionalFormats: statusFormats(first, last, opts.neutralBand),
    page,
  };
}

/**
 * What the forecast method assumes, in one short sentence right above the forecast's heading (or the
 * names', when the sheet has no forecast), so nobody reads a year-end figure without its premise.
 */
function assumptionCells(model: FollowUpModel, hidden: ReadonlySet<ColumnId>): LayoutCell[] {
  if (hidden.has('forecast')) return [];
  const text = forecastAssumption(model.forecastMethod, model.total.variance, model.language);
  return [{ row: HEADER_ROW - 1, col: col('forecast'), value: text, style: { italic: true, color: '595959' } }];
}

/**
 * Headings earlier versions wrote, still read back: what people wrote under "Utfall" on last month's
 * sheet is carried over to this month's "Kommentar".
 */
const EARLIER_HEADINGS: Partial<Record<ColumnId, readonly string[]>> = {
  variance: ['Avvik', 'Avvikelse', 'Variance'],
  forecast: ['Prognose år', 'Year-end forecast'],
  outcome: ['Utfall', 'Outcome'],
  analysis: ['Analyse'],
};

/** Maps a follow-up sheet's header row (in any of the languages) to the columns the notes are read from. */
export function notesColumns(header: readonly CellValue[], left = 0): NotesColumns | null {
  const find = (pred: (v: string) => boolean): number => {
    const i = header.findIndex((v) => typeof v === 'string' && pred(v.trim()));
    return i < 0 ? -1 : i + left;
  };
  const word = (id: keyof (typeof WORDS)['nb']['columns']): number =>
    find((v) => (['nb', 'sv', 'en'] as const).some((l) => WORDS[l].columns[id] === v) || (EARLIER_HEADINGS[id]?.includes(v) ?? false));
  const key = find((v) => v === HIDDEN_HEADERS.key);
  if (key < 0) return null;
  return {
    name: word('name'),
    variance: word('variance'),
    forecast: word('forecast'),
    manualForecast: word('manualForecast'),
    outcome: word('outcome'),
    analysis: word('analysis'),
    action: word('action'),
    key,
    seen: find((v) => v === HIDDEN_HEADERS.seen),
    text: find((v) => v === HIDDEN_HEADERS.text),
  };
}
