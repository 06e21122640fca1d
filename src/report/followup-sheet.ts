/**
 * The follow-up sheet: one row per line, totals, live formulas over the sheet's own cells, and three
 * columns for people's text. The values the formulas compute are the engine's (written as cached values).
 */
import { columnLetters } from '../core/grid';
import { normaliseName } from '../core/labels';
import type { Money } from '../core/money';
import type { Figures, FollowUpLine, FollowUpModel, OutputLanguage } from '../core/model';
import type { CellStyle, LayoutCell, SheetLayout } from './layout';
import { periodText, WORDS } from './i18n';

export const FOLLOWUP_MARKER = 'followup';

/** Column order of the follow-up sheet; the people's columns come last so they never move. */
export const COLUMNS = [
  'key',
  'name',
  'annualBudget',
  'budget',
  'actual',
  'variance',
  'variancePct',
  'prior',
  'change',
  'forecast',
  'forecastVariance',
  'method',
  'outcome',
  'analysis',
  'action',
] as const;
export type ColumnId = (typeof COLUMNS)[number];
export const col = (id: ColumnId): number => COLUMNS.indexOf(id);
const L = (id: ColumnId): string => columnLetters(col(id));

export const HEADER_ROW = 3;
export const FIRST_LINE_ROW = 4;

const AMOUNT = '#,##0';
const VARIANCE = '#,##0;[Red]-#,##0';
const PERCENT = '0.0%;[Red]-0.0%';

const num = (v: Money | null): number | null => (v === null ? null : Number(v.toFixed()));

function title(model: FollowUpModel): string {
  const w = WORDS[model.language];
  const when = periodText(model.period, model.language) || (model.year ? String(model.year) : '');
  const unit = model.unit ? ` — ${w.amountsIn} ${w.units[model.unit]}` : '';
  return `${w.title}${when ? ' ' + when : ''}${unit}`;
}

function subtitle(model: FollowUpModel, generatedAt: string): string {
  const w = WORDS[model.language];
  return [model.title, `${w.sign[model.signConvention]}`, `${w.checks.forecastMethod}: ${w.methods[model.forecastMethod]}`, `${w.generated} ${generatedAt}`]
    .filter(Boolean)
    .join(' · ');
}

/** Variance is budget − actual when costs are positive, actual − budget when negative. */
function varianceFormula(model: FollowUpModel, budget: string, actual: string): string {
  return model.signConvention === 'costs-positive' ? `${budget}-${actual}` : `${actual}-${budget}`;
}

function figureCells(model: FollowUpModel, f: Figures, row: number, style: CellStyle): LayoutCell[] {
  const r = row + 1;
  const ref = (id: ColumnId): string => `${L(id)}${r}`;
  const cells: LayoutCell[] = [];
  const put = (id: ColumnId, v: Money | null, fmt: string, formula?: string): void => {
    cells.push({ row, col: col(id), value: num(v), formula: v === null ? undefined : formula, style: { ...style, numberFormat: fmt } });
  };
  put('annualBudget', f.annualBudget, AMOUNT);
  put('budget', f.budget, AMOUNT);
  put('actual', f.actual, AMOUNT);
  put('variance', f.variance, VARIANCE, varianceFormula(model, ref('budget'), ref('actual')));
  put('variancePct', f.variancePct, PERCENT, `IF(${ref('budget')}=0,"",${ref('variance')}/ABS(${ref('budget')}))`);
  put('prior', f.priorYearActual, AMOUNT);
  put('change', f.change, AMOUNT, `${ref('actual')}-${ref('prior')}`);
  put('forecast', f.forecast, AMOUNT);
  put('forecastVariance', f.forecastVariance, VARIANCE, varianceFormula(model, ref('annualBudget'), ref('forecast')));
  return cells;
}

function lineCells(model: FollowUpModel, line: FollowUpLine, row: number): LayoutCell[] {
  const method = line.forecastMethod ? WORDS[model.language].methods[line.forecastMethod] : null;
  return [
    { row, col: col('key'), value: line.key === normaliseName(line.name) ? '' : line.key, link: line.origin.rows[0] },
    { row, col: col('name'), value: line.name },
    ...figureCells(model, line, row, {}),
    { row, col: col('method'), value: method, style: { color: '595959' } },
  ];
}

/** Total row: sums of the lines' cells; percentages recomputed from the sums. */
function totalCells(model: FollowUpModel, row: number, first: number, last: number): LayoutCell[] {
  const style: CellStyle = { bold: true, borderTop: 'thin' };
  const base = figureCells(model, model.total, row, style);
  const summed: ColumnId[] = ['annualBudget', 'budget', 'actual', 'prior', 'forecast'];
  const cells = base.map((c) => {
    const id = COLUMNS[c.col];
    if (!summed.includes(id) || c.value === null) return c;
    return { ...c, formula: `SUM(${L(id)}${first + 1}:${L(id)}${last + 1})` };
  });
  const label: LayoutCell[] = [
    { row, col: col('key'), value: '', style },
    { row, col: col('name'), value: WORDS[model.language].total, style },
    ...(['method', 'outcome', 'analysis', 'action'] as const).map((id) => ({ row, col: col(id), value: null, style })),
  ];
  return [...label, ...cells];
}

function headerCells(lang: OutputLanguage): LayoutCell[] {
  const w = WORDS[lang].columns;
  const style: CellStyle = { bold: true, fill: 'DDEBF7', wrap: true, verticalAlign: 'bottom', borderBottom: 'thin' };
  return COLUMNS.map((id, c) => ({
    row: HEADER_ROW,
    col: c,
    value: w[id === 'prior' ? 'prior' : id],
    style: { ...style, align: c >= col('annualBudget') && c <= col('forecastVariance') ? 'right' : 'left' },
  }));
}

export function followUpSheetName(model: FollowUpModel): string {
  const w = WORDS[model.language];
  return model.period ? `${w.followUpSheet} ${model.period}` : w.followUpSheet;
}

export function followUpSheet(model: FollowUpModel, generatedAt: string, name = followUpSheetName(model)): SheetLayout {
  const first = FIRST_LINE_ROW;
  const last = first + model.lines.length - 1;
  const totalRow = last + 1;
  const cells: LayoutCell[] = [
    { row: 0, col: 0, value: title(model), style: { bold: true, size: 14 } },
    { row: 1, col: 0, value: subtitle(model, generatedAt), style: { italic: true, color: '595959' } },
    ...headerCells(model.language),
    ...model.lines.flatMap((l, i) => lineCells(model, l, first + i)),
    ...totalCells(model, totalRow, first, Math.max(first, last)),
  ];
  const widths: Record<ColumnId, number> = {
    key: 8, name: 30, annualBudget: 14, budget: 14, actual: 14, variance: 13, variancePct: 10, prior: 14, change: 13,
    forecast: 14, forecastVariance: 14, method: 16, outcome: 40, analysis: 40, action: 40,
  };
  return {
    name,
    cells,
    columns: COLUMNS.map((id, c) => ({ col: c, width: widths[id] })),
    freeze: { rows: FIRST_LINE_ROW, cols: 2 },
    page: {
      orientation: 'landscape',
      fitToWidth: 1,
      repeatRows: { first: HEADER_ROW, last: HEADER_ROW },
      footer: `&L${title(model).replace(/&/g, '&&')}&R&P / &N`,
    },
  };
}

