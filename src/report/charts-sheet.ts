/**
 * The charts sheet: native, editable charts for leaders (the total month by month, the measures'
 * bridge, the lines' variances), each beside the small table it reads. The tables hold the model's
 * figures as they are; nothing here computes one.
 */
import { GLOSSARY } from '../core/glossary';
import { largestBySize } from '../core/largest-variances';
import { verdictOf } from '../core/status';
import { cellA1 } from '../core/grid';
import { cellNumber, type Money } from '../core/money';
import type { FollowUpLine, FollowUpModel } from '../core/model';
import { CHART_WORDS } from './chart-words';
import { periodText, WORDS } from './i18n';
import { sheetName } from './sheet-name';
import type { CellStyle, ChartSpec, LayoutCell, SheetLayout } from './layout';

export const CHARTS_MARKER = 'charts';

/** The favourability colours of the cells (the follow-up sheet's red and green), strong enough for a bar. */
export const FAVOURABLE = '00B050';
export const UNFAVOURABLE = 'C00000';
const BUDGET = '4472C4';
const ACTUAL = '000000';
const PRIOR = 'A5A5A5';
const FORECAST = 'ED7D31';

/** The most lines the variance chart shows (the largest by size); a longer ranking is unreadable. */
export const MAX_VARIANCE_BARS = 20;

const HEAD: CellStyle = { bold: true, fill: 'DDEBF7', wrap: true, borderBottom: 'thin', verticalAlign: 'bottom' };
const HEAD_RIGHT: CellStyle = { ...HEAD, align: 'right' };
const AMOUNT: CellStyle = { numberFormat: '#,##0' };
const HEADING: CellStyle = { bold: true, size: 12 };
const FIRST_SECTION = 3;
const CHART_COL = 6;
const CHART_WIDTH = 10;
const CHART_ROWS = 20;

export function chartsSheetName(model: FollowUpModel): string {
  return sheetName(CHART_WORDS[model.language].sheet, model.period);
}

export interface ChartSection {
  readonly cells: LayoutCell[];
  readonly chart: ChartSpec;
  /** The last sheet row the section uses (its table or its chart). */
  readonly bottom: number;
}

const a1 = (row: number, col: number): string => cellA1(row, col, true);
const colRange = (col: number, top: number, bottom: number): string => `${a1(top, col)}:${a1(bottom, col)}`;

/** Where a section's table starts: its heading's row and its first column. */
interface Place {
  readonly top: number;
  readonly left: number;
}

function anchor(at: Place, rows: number): ChartSpec['anchor'] {
  const col = at.left + CHART_COL;
  return { from: { row: at.top, col }, to: { row: at.top + rows, col: col + CHART_WIDTH } };
}

/** A table under a heading: header row, then one row per item; returns its cells. */
function table(at: Place, heading: string, headers: readonly string[], rows: readonly (readonly LayoutCell['value'][])[], amount = AMOUNT): LayoutCell[] {
  const { top, left } = at;
  const cells: LayoutCell[] = [{ row: top, col: left, value: heading, style: HEADING }];
  headers.forEach((h, c) => cells.push({ row: top + 1, col: left + c, value: h, style: c === 0 ? HEAD : HEAD_RIGHT }));
  rows.forEach((r, i) => r.forEach((v, c) => cells.push({ row: top + 2 + i, col: left + c, value: v, style: c === 0 ? undefined : amount })));
  return cells;
}

/** Cumulative budget, actuals, last year's actuals and the year-end forecast, January to December. */
function cumulativeSection(model: FollowUpModel, at: Place): ChartSection | null {
  const { top, left } = at;
  const months = model.charts?.months ?? [];
  if (months.length === 0) return null;
  const w = CHART_WORDS[model.language];
  const reportMonth = model.monthsElapsed;
  const forecastAt = (i: number): Money | null =>
    model.total.forecast === null || reportMonth === null ? null : i === 11 ? model.total.forecast : i === reportMonth - 1 ? months[i].cumulativeActual : null;
  interface Column {
    header: string;
    value: (i: number) => Money | null;
    color: string;
    dashed?: boolean;
    markers?: boolean;
  }
  const all: Column[] = [
    { header: w.cumulative.budget, value: (i) => months[i].cumulativeBudget, color: BUDGET },
    { header: w.cumulative.actual, value: (i) => months[i].cumulativeActual, color: ACTUAL },
    { header: w.cumulative.prior, value: (i) => months[i].cumulativePriorYearActual, color: PRIOR, dashed: true },
    { header: w.cumulative.forecast, value: forecastAt, color: FORECAST, dashed: true, markers: true },
  ];
  const columns = all.filter((c) => months.some((_, i) => c.value(i) !== null));
  if (!columns.some((c) => c.header === w.cumulative.actual || c.header === w.cumulative.budget)) return null;
  const first = top + 2;
  const last = first + months.length - 1;
  const rows = months.map((_, i) => [w.monthsShort[i], ...columns.map((c) => cellNumber(c.value(i)))]);
  const cells = table(at, w.cumulative.title, [w.cumulative.month, ...columns.map((c) => c.header)], rows);
  const chart: ChartSpec = {
    kind: 'line',
    title: `${w.cumulative.title}${unitText(model)}`,
    categories: colRange(left, first, last),
    series: columns.map((c, i) => ({
      name: a1(top + 1, left + i + 1),
      values: colRange(left + i + 1, first, last),
      color: c.color,
      dashed: c.dashed,
      markers: c.markers,
    })),
    anchor: anchor(at, CHART_ROWS),
    numberFormat: '#,##0',
    legend: true,
  };
  return { cells, chart, bottom: Math.max(last, top + CHART_ROWS) };
}

/** Gap → measures → uncovered as stacked columns: an invisible base and the bar above and below zero. */
function bridgeSection(model: FollowUpModel, at: Place): ChartSection | null {
  const { top, left } = at;
  const steps = model.charts?.bridge ?? [];
  if (steps.length === 0) return null;
  const w = CHART_WORDS[model.language].bridge;
  // What is left is named by its sign, in the words the measures sheet and the pane use (the bar is
  // below zero when uncovered: the verdict reads the uncovered amount).
  const verdict = GLOSSARY[model.language].verdict;
  const label = (s: (typeof steps)[number]): string => (s.kind === 'gap' ? w.gap : s.kind === 'uncovered' ? verdict[verdictOf(s.amount.neg())] : s.label);
  const rows = steps.map((s) => [label(s), cellNumber(s.base), cellNumber(s.rise), cellNumber(s.fall), cellNumber(s.amount)]);
  const format = model.measures?.unit === 'kr' ? '#,##0' : '#,##0.0';
  const cells = table(at, w.title, [w.step, w.base, w.rise, w.fall, w.amount], rows, { numberFormat: format });
  const first = top + 2;
  const last = first + steps.length - 1;
  const colors = steps.map((s) => (s.favourable ? FAVOURABLE : UNFAVOURABLE));
  const chart: ChartSpec = {
    kind: 'stacked-column',
    title: `${w.title}${unitText(model, model.measures?.unit ?? null)}`,
    categories: colRange(left, first, last),
    series: [
      { name: a1(top + 1, left + 1), values: colRange(left + 1, first, last), color: null },
      { name: a1(top + 1, left + 2), values: colRange(left + 2, first, last), color: UNFAVOURABLE, pointColors: colors },
      { name: a1(top + 1, left + 3), values: colRange(left + 3, first, last), color: UNFAVOURABLE, pointColors: colors },
    ],
    anchor: anchor(at, CHART_ROWS),
    numberFormat: format,
    legend: false,
  };
  return { cells, chart, bottom: Math.max(last, top + CHART_ROWS) };
}

/**
 * The lines with a variance, the biggest overspends first: the largest by size (at most
 * MAX_VARIANCE_BARS), ordered from the most unfavourable to the most favourable.
 */
export function rankedVariances(lines: readonly FollowUpLine[]): FollowUpLine[] {
  return largestBySize(lines, MAX_VARIANCE_BARS).sort((a, b) => (a.variance as Money).cmp(b.variance as Money));
}

function varianceSection(model: FollowUpModel, at: Place): ChartSection | null {
  const { top, left } = at;
  const ranked = rankedVariances(model.lines);
  if (ranked.length === 0) return null;
  const w = CHART_WORDS[model.language].variances;
  const rows = ranked.map((l) => [l.label, cellNumber(l.variance)]);
  const cells = table(at, w.title, [w.line, w.variance], rows);
  const first = top + 2;
  const last = first + ranked.length - 1;
  cells.push({ row: last + 1, col: left, value: w.note, style: { italic: true, color: '595959' } });
  const height = Math.max(CHART_ROWS, Math.ceil(ranked.length * 1.3) + 6);
  const chart: ChartSpec = {
    kind: 'bar',
    title: `${w.title}${unitText(model)}`,
    categories: colRange(left, first, last),
    series: [
      {
        name: a1(top + 1, left + 1),
        values: colRange(left + 1, first, last),
        color: FAVOURABLE,
        pointColors: ranked.map((l) => ((l.variance as Money).isNegative() ? UNFAVOURABLE : FAVOURABLE)),
      },
    ],
    anchor: anchor(at, height),
    numberFormat: '#,##0',
    legend: false,
  };
  return { cells, chart, bottom: Math.max(last + 1, top + height) };
}

function unitText(model: FollowUpModel, unit = model.unit): string {
  const w = WORDS[model.language];
  return unit ? ` (${w.units[unit]})` : '';
}

/**
 * The charts the model has figures for, each beside the table it reads, one under the other from row
 * `top`, the tables starting at column `left` (the committee summary places the same charts elsewhere).
 */
export function chartSections(model: FollowUpModel, top: number, left: number): ChartSection[] {
  const sections: ChartSection[] = [];
  for (const make of [cumulativeSection, bridgeSection, varianceSection]) {
    const s = make(model, { top, left });
    if (!s) continue;
    sections.push(s);
    top = s.bottom + 3;
  }
  return sections;
}

/** The charts sheet, or null when the model has nothing to chart. */
export function chartsSheet(model: FollowUpModel, generatedAt: string, name = chartsSheetName(model)): SheetLayout | null {
  const w = CHART_WORDS[model.language];
  const sections = chartSections(model, FIRST_SECTION, 0);
  if (sections.length === 0) return null;
  const when = periodText(model.period, model.language);
  return {
    name,
    cells: [
      { row: 0, col: 0, value: [w.title, when, model.title].filter(Boolean).join(' · '), style: { bold: true, size: 14 } },
      { row: 1, col: 0, value: `${WORDS[model.language].generated} ${generatedAt}`, style: { italic: true, color: '595959' } },
      ...sections.flatMap((s) => s.cells),
    ],
    columns: [{ col: 0, width: 34 }, ...[1, 2, 3, 4].map((col) => ({ col, width: 14 })), { col: 5, width: 3 }],
    charts: sections.map((s) => s.chart),
    hideGridlines: true,
    page: { orientation: 'landscape', fitToWidth: 1, paperSize: 'A4', footer: `&L${WORDS[model.language].generated} ${generatedAt}&R&P / &N` },
  };
}
