/**
 * The committee summary: one A4 page a council committee reads first. The key figures (the variance so
 * far, the forecast variance, the measures and what they leave of the gap), the five largest overspends
 * and underspends with what people wrote for them on the follow-up sheet (by line key), and the same
 * charts as the charts sheet. Every figure is the model's; the colours are the one favourability rule's.
 * The charts read small tables placed beside and below the page, outside its print area.
 */
import { GLOSSARY } from '../core/glossary';
import { largestVariances } from '../core/largest-variances';
import { cellNumber, type Money } from '../core/money';
import type { FollowUpLine, FollowUpModel } from '../core/model';
import { bridgeOf, STATUS_COLOURS, statusOf, type Status } from '../core/status';
import type { LineNotes, SheetNotes } from './carry-over';
import { chartSections, type ChartSection } from './charts-sheet';
import { AMOUNT, PERCENT } from './followup-sheet';
import { periodText, WORDS, yearEndHeading } from './i18n';
import { REPORT_PAGE, type CellStyle, type ChartSpec, type LayoutCell, type SheetLayout } from './layout';
import { SUMMARY_WORDS } from './summary-words';
import { sheetName } from './sheet-name';
import { SIGNED } from './measures-sheet';

export const SUMMARY_MARKER = 'summary';

/** How many of the largest overspends and underspends the summary names. */
export const SUMMARY_COUNT = 5;

const HEAD: CellStyle = { bold: true, fill: 'DDEBF7', wrap: true, borderBottom: 'thin', verticalAlign: 'bottom' };
const HEAD_RIGHT: CellStyle = { ...HEAD, align: 'right' };
const SECTION: CellStyle = { bold: true, size: 12 };
const NOTE: CellStyle = { italic: true, color: '595959' };
const TOP: CellStyle = { verticalAlign: 'top' };
/** Measures in thousands or millions keep a decimal, as on the measures sheet. */
const MEASURE_AMOUNT = '#,##0.0;"\u2212"#,##0.0';
/** The bridge's rows in kr, signed as on the measures sheet. */
const SIGNED_AMOUNT = '"+"#,##0;"\u2212"#,##0;0';

/** The page's columns: label, amount, percent, people's text. The charts' tables sit from DATA_LEFT on. */
const PAGE_WIDTHS = [30, 13, 11, 50];
const TEXT_COL = 3;
const DATA_LEFT = 5;
/**
 * Heights in rows of the bridge beside the key figures and of the two charts under the tables. The
 * bridge's measures' names stand on their side under its bars: at 13 rows they took most of the
 * chart's height and the longest were cut off in print.
 */
const BRIDGE_ROWS = 16;
const CHART_ROWS = 22;

export function summarySheetName(model: FollowUpModel): string {
  return sheetName(SUMMARY_WORDS[model.language].sheet, model.period);
}

const coloured = (status: Status, style: CellStyle): CellStyle =>
  status === 'neutral' ? style : { ...style, color: STATUS_COLOURS[status].color, fill: STATUS_COLOURS[status].fill };
/** In the rankings only the figure's colour: a fill as tall as a long analysis is a block, not a cue. */
const tinted = (status: Status, style: CellStyle): CellStyle => (status === 'neutral' ? style : { ...style, color: STATUS_COLOURS[status].color });

interface KeyRow {
  readonly label: string;
  readonly amount: Money | null;
  readonly pct?: Money | null;
  readonly status?: Status;
  readonly format: string;
}

/** The key figures, each a row of label, amount and (where there is one) percent; figures the model lacks are left out. */
function keyRows(model: FollowUpModel, band: Money): KeyRow[] {
  const g = GLOSSARY[model.language];
  const t = model.total;
  const yearEnd = model.evaluation === 'year-end';
  const name = (figure: 'budget' | 'actual' | 'variance', soFar: string): string => (yearEnd ? yearEndHeading(model.language, model.year, figure) : soFar);
  const rows: KeyRow[] = [
    { label: g.annualBudget, amount: yearEnd ? null : t.annualBudget, format: AMOUNT },
    { label: name('budget', g.budgetSoFar), amount: t.budget, format: AMOUNT },
    { label: name('actual', g.actualSoFar), amount: t.actual, format: AMOUNT },
    { label: name('variance', g.variance), amount: t.variance, pct: t.variancePct, status: statusOf(t.variance, t.budget, band), format: AMOUNT },
    { label: g.forecast, amount: t.forecast, format: AMOUNT },
    { label: g.forecastVariance, amount: t.forecastVariance, status: statusOf(t.forecastVariance, t.budget, band), format: AMOUNT },
  ];
  return [...rows, ...measureRows(model, band)].filter((r) => r.amount !== null);
}

/** The gap, the measures' effect against it and what is left, in the measures' unit (named when it differs). */
function measureRows(model: FollowUpModel, band: Money): KeyRow[] {
  const m = model.measures;
  if (!m) return [];
  const g = GLOSSARY[model.language];
  const unit = m.unit !== null && m.unit !== model.unit ? ` (${WORDS[model.language].units[m.unit]})` : '';
  const format = m.unit === 'kr' ? AMOUNT : MEASURE_AMOUNT;
  const b = bridgeOf(m, band);
  if (!b || !m.gap) return [{ label: `${g.effect}${unit}`, amount: m.totalThisYear ?? m.totalFullYear, format }];
  // Signed, as the measures sheet shows the bridge: the gap (−), the effect (+) and what is left add up.
  const signed = m.unit === 'kr' ? SIGNED_AMOUNT : SIGNED;
  return [
    { label: `${WORDS[model.language].gapBasis[m.gap.basis]}${unit}`, amount: b.gap, format: signed },
    { label: `${g.effect}${unit}`, amount: b.effect, pct: b.coverage, format: signed },
    { label: `${g.verdict[b.verdict]}${unit}`, amount: b.left, status: b.status, format: signed },
  ];
}

function keyFigures(model: FollowUpModel, top: number, band: Money): { cells: LayoutCell[]; bottom: number } {
  const w = SUMMARY_WORDS[model.language];
  const rows = keyRows(model, band);
  const cells: LayoutCell[] = [{ row: top, col: 0, value: w.keyFigures, style: SECTION }];
  rows.forEach((r, i) => {
    const row = top + 1 + i;
    const status = r.status ?? 'neutral';
    cells.push(
      { row, col: 0, value: r.label, style: r.status ? { bold: true } : undefined },
      { row, col: 1, value: cellNumber(r.amount), style: coloured(status, { numberFormat: r.format, bold: r.status !== undefined }) },
    );
    if (r.pct) cells.push({ row, col: 2, value: cellNumber(r.pct), style: coloured(status, { numberFormat: PERCENT }) });
  });
  return { cells, bottom: top + rows.length };
}

/** What people wrote for a line: their one text as it is, or each text after its column's heading. */
function peopleText(model: FollowUpModel, notes: LineNotes | undefined): string {
  if (!notes) return '';
  const c = WORDS[model.language].columns;
  const texts = [
    [c.outcome, notes.outcome],
    [c.analysis, notes.analysis],
    [c.action, notes.action],
  ].filter(([, text]) => text !== '');
  return texts.length === 1 ? texts[0][1] : texts.map(([head, text]) => `${head}: ${text}`).join('\n');
}

/** One of the two rankings: heading, header row and a row per line (or a sentence saying there is none). */
function ranking(
  model: FollowUpModel,
  top: number,
  heading: string,
  lines: readonly FollowUpLine[],
  none: string,
  notes: SheetNotes | null,
  band: Money,
): { cells: LayoutCell[]; bottom: number } {
  const w = SUMMARY_WORDS[model.language];
  const g = GLOSSARY[model.language];
  const variance = model.evaluation === 'year-end' ? yearEndHeading(model.language, model.year, 'variance') : g.variance;
  const cells: LayoutCell[] = [
    { row: top, col: 0, value: heading, style: SECTION },
    { row: top + 1, col: 0, value: w.line, style: HEAD },
    { row: top + 1, col: 1, value: variance, style: HEAD_RIGHT },
    { row: top + 1, col: 2, value: g.variancePct, style: HEAD_RIGHT },
    { row: top + 1, col: TEXT_COL, value: w.texts, style: { ...HEAD, indent: 1 } },
  ];
  if (lines.length === 0) {
    cells.push({ row: top + 2, col: 0, value: none, style: NOTE });
    return { cells, bottom: top + 2 };
  }
  lines.forEach((l, i) => {
    const row = top + 2 + i;
    const status = statusOf(l.variance, l.budget, band);
    const text = peopleText(model, notes?.lines.get(l.key));
    cells.push(
      { row, col: 0, value: l.label, style: { ...TOP, wrap: true } },
      { row, col: 1, value: cellNumber(l.variance), style: tinted(status, { ...TOP, bold: true, numberFormat: AMOUNT }) },
      { row, col: 2, value: cellNumber(l.variancePct), style: tinted(status, { ...TOP, numberFormat: PERCENT }) },
      { row, col: TEXT_COL, value: text || w.noText, style: text ? { ...TOP, wrap: true, indent: 1 } : { ...TOP, ...NOTE, indent: 1 } },
    );
  });
  return { cells, bottom: top + 1 + lines.length };
}

const anchored = (s: ChartSection | undefined, from: { row: number; col: number }, to: { row: number; col: number }): ChartSpec[] =>
  s ? [{ ...s.chart, anchor: { from, to } }] : [];

export interface SummaryOptions {
  /** The neutral band of the favourability rule (a fraction of the base). */
  readonly neutralBand: Money;
  /** What people wrote on the follow-up sheet, by line key. */
  readonly notes: SheetNotes | null;
}

/** The committee summary sheet, laid out to print on one A4 page. */
export function summarySheet(model: FollowUpModel, generatedAt: string, name: string, opts: SummaryOptions): SheetLayout {
  const w = SUMMARY_WORDS[model.language];
  const sw = WORDS[model.language];
  const band = opts.neutralBand;
  const when = periodText(model.period, model.language);
  const unit = model.unit ? `${sw.amountsIn} ${sw.units[model.unit]} · ` : '';

  const keyTop = 3;
  const key = keyFigures(model, keyTop, band);
  // The charts' tables are placed below the page later; here only which charts there are matters.
  const probe = chartSections(model, 0, DATA_LEFT);
  const hasBridge = probe.some((s) => s.chart.kind === 'stacked-column');
  const worstTop = Math.max(key.bottom, hasBridge ? keyTop + BRIDGE_ROWS - 1 : 0) + 2;
  const largest = largestVariances(model.lines, SUMMARY_COUNT);
  const worst = ranking(model, worstTop, w.unfavourable, largest.unfavourable, w.noUnfavourable, opts.notes, band);
  const best = ranking(model, worst.bottom + 2, w.favourable, largest.favourable, w.noFavourable, opts.notes, band);
  const chartsTop = best.bottom + 2;
  const bottomCharts = probe.some((s) => s.chart.kind !== 'stacked-column');
  const pageBottom = bottomCharts ? chartsTop + CHART_ROWS - 1 : best.bottom;

  const dataTop = pageBottom + 4;
  const sections = chartSections(model, dataTop, DATA_LEFT);
  const kind = (k: ChartSpec['kind']): ChartSection | undefined => sections.find((s) => s.chart.kind === k);
  const charts = [
    ...anchored(kind('stacked-column'), { row: keyTop, col: TEXT_COL }, { row: keyTop + BRIDGE_ROWS, col: TEXT_COL + 1 }),
    ...anchored(kind('line'), { row: chartsTop, col: 0 }, { row: chartsTop + CHART_ROWS, col: TEXT_COL }),
    ...anchored(kind('bar'), { row: chartsTop, col: TEXT_COL }, { row: chartsTop + CHART_ROWS, col: TEXT_COL + 1 }),
  ];
  return {
    name,
    cells: [
      { row: 0, col: 0, value: [w.title, when, model.title].filter(Boolean).join(' · '), style: { bold: true, size: 14 } },
      { row: 1, col: 0, value: `${unit}${sw.generated} ${generatedAt}`, style: NOTE },
      ...key.cells,
      ...worst.cells,
      ...best.cells,
      ...(sections.length > 0 ? [{ row: dataTop - 1, col: DATA_LEFT, value: w.chartData, style: NOTE }] : []),
      ...sections.flatMap((s) => s.cells),
    ],
    columns: [
      ...PAGE_WIDTHS.map((width, col) => ({ col, width })),
      { col: 4, width: 3 },
      { col: DATA_LEFT, width: 34 },
      ...[1, 2, 3, 4].map((c) => ({ col: DATA_LEFT + c, width: 14 })),
    ],
    charts,
    hideGridlines: true,
    page: {
      ...REPORT_PAGE,
      orientation: 'portrait',
      fitToWidth: 1,
      fitToHeight: 1,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 },
      printArea: `A1:D${pageBottom + 1}`,
      footer: `&L${sw.generated} ${generatedAt}&R&P / &N`,
    },
  };
}
