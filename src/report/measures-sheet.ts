/**
 * The measures sheet: each measure with its effects, status and owner; totals as live formulas; the
 * unquantified ones marked; and a small bridge from the forecast variance (or the stated gap) through
 * the measures' effect to what is left to close.
 */
import { columnLetters } from '../core/grid';
import { cellNumber, type Money } from '../core/money';
import type { FollowUpModel, MeasuresSummary } from '../core/model';
import type { CellStyle, LayoutCell, SheetLayout } from './layout';
import { WORDS } from './i18n';

const HEAD: CellStyle = { bold: true, fill: 'DDEBF7', wrap: true, borderBottom: 'thin', verticalAlign: 'bottom' };
const AMOUNT = '#,##0.0';
const MARKED: CellStyle = { italic: true, color: 'C00000' };


export function measuresSheetName(model: FollowUpModel): string {
  const w = WORDS[model.language];
  return model.period ? `${w.measuresSheet} ${model.period}` : w.measuresSheet;
}

function itemRows(model: FollowUpModel, m: MeasuresSummary, first: number): LayoutCell[] {
  const w = WORDS[model.language].measures;
  return m.items.flatMap((item, i) => {
    const row = first + i;
    const mark = item.quantified ? {} : MARKED;
    return [
      { row, col: 0, value: item.name, link: item.cell, style: { ...mark, wrap: true } },
      { row, col: 1, value: item.quantified ? cellNumber(item.fullYearEffect) : w.unquantified, style: item.quantified ? { numberFormat: AMOUNT } : MARKED },
      { row, col: 2, value: item.quantified ? cellNumber(item.effectThisYear) : null, style: { numberFormat: AMOUNT } },
      { row, col: 3, value: item.status, style: { wrap: true, verticalAlign: 'top', indent: 1 } },
      { row, col: 4, value: item.owner },
    ] as LayoutCell[];
  });
}

function totalRow(model: FollowUpModel, m: MeasuresSummary, row: number, first: number): LayoutCell[] {
  const style: CellStyle = { bold: true, borderTop: 'thin', numberFormat: AMOUNT };
  const last = Math.max(first, row - 1);
  const sumOf = (c: number, v: Money | null): LayoutCell => ({
    row,
    col: c,
    value: cellNumber(v),
    formula: v === null ? undefined : `SUM(${columnLetters(c)}${first + 1}:${columnLetters(c)}${last + 1})`,
    style,
  });
  return [
    { row, col: 0, value: WORDS[model.language].total, style },
    sumOf(1, m.totalFullYear),
    sumOf(2, m.totalThisYear),
    { row, col: 3, value: null, style },
    { row, col: 4, value: null, style },
  ];
}

/** Gap → effect → uncovered, with the uncovered amount a live formula. */
function bridgeRows(model: FollowUpModel, m: MeasuresSummary, start: number, totalRowIndex: number): LayoutCell[] {
  const gap = m.gap;
  if (!gap) return [];
  const w = WORDS[model.language].measures;
  const effectCol = m.totalThisYear !== null ? 2 : 1;
  const effect = m.totalThisYear ?? m.totalFullYear;
  const unit = m.unit ? ` (${WORDS[model.language].units[m.unit]})` : '';
  const r = start + 1;
  return [
    { row: start, col: 0, value: `${WORDS[model.language].gapBasis[gap.basis]}${unit}`, style: { bold: true } },
    { row: start, col: 1, value: cellNumber(gap.amount), style: { numberFormat: AMOUNT }, link: gap.cells[0] },
    { row: start + 1, col: 0, value: w.effect },
    { row: start + 1, col: 1, value: cellNumber(effect), formula: effect === null ? undefined : `${columnLetters(effectCol)}${totalRowIndex + 1}`, style: { numberFormat: AMOUNT } },
    { row: start + 2, col: 0, value: w.uncovered, style: { bold: true, borderTop: 'thin' } },
    { row: start + 2, col: 1, value: cellNumber(gap.uncovered), formula: `B${r}-B${r + 1}`, style: { bold: true, borderTop: 'thin', numberFormat: '#,##0.0;[Red]-#,##0.0' } },
    { row: start + 3, col: 0, value: w.coverage },
    { row: start + 3, col: 1, value: cellNumber(gap.coverage), formula: gap.coverage === null ? undefined : `IF(B${r}=0,"",B${r + 1}/B${r})`, style: { numberFormat: '0.0%' } },
  ];
}

export function measuresSheet(model: FollowUpModel, generatedAt: string, name = measuresSheetName(model)): SheetLayout | null {
  const m = model.measures;
  if (!m) return null;
  const w = WORDS[model.language];
  const unit = m.unit ? ` — ${w.amountsIn} ${w.units[m.unit]}` : '';
  const first = 3;
  const totalRowIndex = first + m.items.length;
  const headers = [w.measures.name, w.measures.fullYear, w.measures.thisYear, w.measures.status, w.measures.owner];
  return {
    name,
    cells: [
      { row: 0, col: 0, value: `${w.measures.title}${unit}`, style: { bold: true, size: 14 } },
      { row: 1, col: 0, value: `${w.generated} ${generatedAt}`, style: { italic: true, color: '595959' } },
      ...headers.map((h, c) => ({ row: 2, col: c, value: h, style: { ...HEAD, align: c === 1 || c === 2 ? ('right' as const) : ('left' as const) } })),
      ...itemRows(model, m, first),
      ...totalRow(model, m, totalRowIndex, first),
      ...bridgeRows(model, m, totalRowIndex + 2, totalRowIndex),
    ],
    columns: [
      { col: 0, width: 46 },
      { col: 1, width: 15 },
      { col: 2, width: 15 },
      { col: 3, width: 60 },
      { col: 4, width: 24 },
    ],
    freeze: { rows: 3, cols: 1 },
    page: { orientation: 'landscape', fitToWidth: 1, repeatRows: { first: 2, last: 2 }, footer: `&L${w.generated} ${generatedAt}&R&P / &N` },
  };
}

