/**
 * The benchmark's workbooks: an actuals pivot and a budget pivot of N lines × 12 months, laid out as
 * Excel writes pivot output (the example workbooks' layout: data field, column labels, row labels,
 * months, grand total row and column). The same workbook every run (a seeded generator).
 */
import type { CellStyle, LayoutCell } from '../src/report/layout';
import { XlsxWorkbook } from '../src/workbook/xlsx/workbook';
import { random } from './random';

const YEAR = 2024;
const MONTHS = 12;

const FMT: CellStyle = { numberFormat: '#,##0' };
const BOLD: CellStyle = { bold: true };
const BOLD_FMT: CellStyle = { bold: true, numberFormat: '#,##0' };

/**
 * Pivot output in compact layout (what Excel writes): a title, `Summer av Beløp` / `Kolonneetiketter`,
 * `Radetiketter` over the months and `Totalsum`, one row per line, the grand total row.
 * `cents[i][m]` is line i's amount in month m, in øre (exact sums).
 */
function pivotCells(title: string, labels: readonly string[], cents: readonly (readonly number[])[], top = 0, left = 0): LayoutCell[] {
  const months = cents[0]?.length ?? MONTHS;
  const cells: LayoutCell[] = [
    { row: top, col: left, value: title, style: BOLD },
    { row: top + 2, col: left, value: 'Summer av Beløp', style: BOLD },
    { row: top + 2, col: left + 1, value: 'Kolonneetiketter', style: BOLD },
    { row: top + 3, col: left, value: 'Radetiketter', style: BOLD },
  ];
  for (let m = 0; m < months; m++) cells.push({ row: top + 3, col: left + 1 + m, value: String(YEAR * 100 + m + 1), style: BOLD });
  cells.push({ row: top + 3, col: left + 1 + months, value: 'Totalsum', style: BOLD });
  const colTotals = new Array<number>(months).fill(0);
  labels.forEach((label, i) => {
    const row = top + 4 + i;
    cells.push({ row, col: left, value: label });
    let lineTotal = 0;
    for (let m = 0; m < months; m++) {
      const v = cents[i][m];
      lineTotal += v;
      colTotals[m] += v;
      cells.push({ row, col: left + 1 + m, value: v / 100, style: FMT });
    }
    cells.push({ row, col: left + 1 + months, value: lineTotal / 100, style: FMT });
  });
  const row = top + 4 + labels.length;
  cells.push({ row, col: left, value: 'Totalsum', style: BOLD });
  colTotals.forEach((v, m) => cells.push({ row, col: left + 1 + m, value: v / 100, style: BOLD_FMT }));
  cells.push({ row, col: left + 1 + months, value: colTotals.reduce((a, b) => a + b, 0) / 100, style: BOLD_FMT });
  return cells;
}

/** A workbook with `lines` lines × 12 months: sheet `Regnskap` (actuals pivot) and sheet `Budsjett` (budget pivot). */
export async function pivotWorkbook(lines: number, seed = lines): Promise<Uint8Array> {
  const rnd = random(seed);
  const labels: string[] = [];
  const budget: number[][] = [];
  const actual: number[][] = [];
  for (let i = 0; i < lines; i++) {
    labels.push(`${100000 + i} Enhet ${i + 1}`);
    const monthly = Math.round((20_000 + rnd() * 2_000_000) * 100);
    const b: number[] = [];
    const a: number[] = [];
    for (let m = 0; m < MONTHS; m++) {
      b.push(monthly);
      a.push(Math.round(monthly * (0.9 + rnd() * 0.2)));
    }
    budget.push(b);
    actual.push(a);
  }
  const wb = XlsxWorkbook.create('bench.xlsx');
  await wb.addPlainSheet({ name: 'Regnskap', cells: pivotCells(`Regnskap ${YEAR} (kr)`, labels, actual), columns: [{ col: 0, width: 28 }] });
  await wb.addPlainSheet({ name: 'Budsjett', cells: pivotCells(`Budsjett ${YEAR} (kr)`, labels, budget), columns: [{ col: 0, width: 28 }] });
  return wb.save();
}
