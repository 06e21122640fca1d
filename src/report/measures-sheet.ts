/**
 * The measures sheet: each measure with its effects, status and owner; totals as live formulas; the
 * unquantified ones marked; and the bridge from the gap through the measures' effect to what is left,
 * signed as variances are (a shortfall negative) and coloured by the one favourability rule.
 */
import { columnLetters } from '../core/grid';
import { GLOSSARY } from '../core/glossary';
import { cellNumber, dec, decimalString, type Money } from '../core/money';
import type { FollowUpModel, MeasuresSummary } from '../core/model';
import { bridgeOf, DEFAULT_NEUTRAL_BAND, STATUS_COLOURS } from '../core/status';
import { REPORT_PAGE, type CellStyle, type ConditionalFormat, type LayoutCell, type SheetLayout } from './layout';
import { WORDS } from './i18n';
import { sheetName } from './sheet-name';

const HEAD: CellStyle = { bold: true, fill: 'DDEBF7', wrap: true, borderBottom: 'thin', verticalAlign: 'bottom' };
const AMOUNT = '#,##0.0;"\u2212"#,##0.0';
/** The bridge's steps carry their sign: the gap −18,8, the measures +10,7, what is left −8,1. */
export const SIGNED = '"+"#,##0.0;"\u2212"#,##0.0;0.0';
const PERCENT = '0.0"\u00a0"%;"\u2212"0.0"\u00a0"%';
/** An unquantified measure is a note to follow up, not an overspend: marked, but not in the status red. */
const MARKED: CellStyle = { italic: true, color: '9C5700' };
const TOP: CellStyle = { wrap: true, verticalAlign: 'top' };

export function measuresSheetName(model: FollowUpModel): string {
  return sheetName(WORDS[model.language].measuresSheet, model.period);
}

function itemRows(model: FollowUpModel, m: MeasuresSummary, first: number): LayoutCell[] {
  const w = WORDS[model.language].measures;
  return m.items.flatMap((item, i) => {
    const row = first + i;
    const mark = item.quantified ? {} : MARKED;
    return [
      { row, col: 0, value: item.name, link: item.cell, style: { ...mark, ...TOP } },
      {
        row,
        col: 1,
        value: item.quantified ? cellNumber(item.fullYearEffect) : w.unquantified,
        style: item.quantified ? { numberFormat: AMOUNT, verticalAlign: 'top' } : { ...MARKED, align: 'right', verticalAlign: 'top' },
      },
      { row, col: 2, value: item.quantified ? cellNumber(item.effectThisYear) : null, style: { numberFormat: AMOUNT, verticalAlign: 'top' } },
      { row, col: 3, value: item.status, style: { ...TOP, indent: 1 } },
      { row, col: 4, value: item.owner, style: TOP },
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

/**
 * Gap → effect of measures → what is left, every step a live formula over the one before. What is
 * left is named by its sign (uncovered, over-covered, covered) and coloured by the status rule against
 * the gap: red while more than the neutral band of the gap is uncovered, green when the measures
 * cover more than the gap by more than the band, plain in between.
 */
function bridge(
  model: FollowUpModel,
  m: MeasuresSummary,
  start: number,
  totalRowIndex: number,
  band: Money,
): { cells: LayoutCell[]; formats: ConditionalFormat[] } {
  const b = bridgeOf(m, band);
  const gap = m.gap;
  if (!b || !gap) return { cells: [], formats: [] };
  const w = WORDS[model.language];
  const g = GLOSSARY[model.language];
  const effectCol = m.totalThisYear !== null ? 2 : 1;
  const unit = m.unit ? ` (${w.units[m.unit]})` : '';
  const [gapRow, effectRow, leftRow] = [start + 1, start + 2, start + 3];
  // The word follows the live figure by its sign through a number format, not a formula with text
  // in it: generated formulas hold arithmetic over the sheet's cells only.
  const verdict = `"${g.verdict['over-covered']}";"${g.verdict.uncovered}";"${g.verdict.covered}"`;
  const left: CellStyle = { bold: true, borderTop: 'thin' };
  const cells: LayoutCell[] = [
    { row: start, col: 0, value: `${w.gapBasis[gap.basis]}${unit}`, style: { bold: true } },
    { row: start, col: 1, value: cellNumber(b.gap), style: { numberFormat: SIGNED }, link: gap.cells[0] },
    { row: start + 1, col: 0, value: g.effect },
    { row: start + 1, col: 1, value: cellNumber(b.effect), formula: `${columnLetters(effectCol)}${totalRowIndex + 1}`, style: { numberFormat: SIGNED } },
    { row: start + 2, col: 0, value: cellNumber(b.left), formula: `B${leftRow}`, style: { ...left, numberFormat: verdict, align: 'left' } },
    { row: start + 2, col: 1, value: cellNumber(b.left), formula: `B${gapRow}+B${effectRow}`, style: { ...left, numberFormat: SIGNED } },
    { row: start + 3, col: 0, value: g.coverage },
    {
      row: start + 3,
      col: 1,
      value: cellNumber(b.coverage),
      formula: b.coverage === null ? undefined : `IF(B${gapRow}=0,"",B${effectRow}/ABS(B${gapRow}))`,
      style: { numberFormat: PERCENT },
    },
  ];
  const range = `A${leftRow}:B${leftRow}`;
  const beyond = (sign: '<' | '>'): string => `AND(ISNUMBER($B${leftRow}),$B${leftRow}${sign}0,ABS($B${leftRow})>${decimalString(band)}*ABS(N($B${gapRow})))`;
  const formats: ConditionalFormat[] = [
    { kind: 'expression', range, formula: beyond('<'), style: { color: STATUS_COLOURS.unfavourable.color, fill: STATUS_COLOURS.unfavourable.fill } },
    { kind: 'expression', range, formula: beyond('>'), style: { color: STATUS_COLOURS.favourable.color, fill: STATUS_COLOURS.favourable.fill } },
  ];
  return { cells, formats };
}

export function measuresSheet(
  model: FollowUpModel,
  generatedAt: string,
  name = measuresSheetName(model),
  band: Money = dec(DEFAULT_NEUTRAL_BAND),
): SheetLayout | null {
  const m = model.measures;
  if (!m) return null;
  const w = WORDS[model.language];
  const unit = m.unit ? ` — ${w.amountsIn} ${w.units[m.unit]}` : '';
  const first = 3;
  const totalRowIndex = first + m.items.length;
  const headers = [w.measures.name, w.measures.fullYear, w.measures.thisYear, w.measures.status, w.measures.owner];
  const bridged = bridge(model, m, totalRowIndex + 2, totalRowIndex, band);
  return {
    name,
    cells: [
      { row: 0, col: 0, value: `${w.measures.title}${unit}`, style: { bold: true, size: 14 } },
      { row: 1, col: 0, value: `${w.generated} ${generatedAt}`, style: { italic: true, color: '595959' } },
      ...headers.map((h, c) => ({
        row: 2,
        col: c,
        value: h,
        style: { ...HEAD, ...(c === 1 || c === 2 ? { align: 'right' as const } : { align: 'left' as const, indent: c === 3 ? 1 : undefined }) },
      })),
      ...itemRows(model, m, first),
      ...totalRow(model, m, totalRowIndex, first),
      ...bridged.cells,
    ],
    conditionalFormats: bridged.formats,
    columns: [
      { col: 0, width: 46 },
      { col: 1, width: 15 },
      { col: 2, width: 15 },
      { col: 3, width: 60 },
      { col: 4, width: 24 },
    ],
    freeze: { rows: 3, cols: 1 },
    page: { ...REPORT_PAGE, repeatRows: { first: 2, last: 2 }, footer: `&L${w.generated} ${generatedAt}&R&P / &N` },
  };
}
