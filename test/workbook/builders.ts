/** Small real workbooks for pipeline tests: pivot output as Excel writes it, built with the xlsx adapter. */
import type { LayoutCell, SheetLayout } from '../../src/report/layout';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';

export type PivotLine = [string, ...number[]];

/** A compact Norwegian pivot: title, "Summer av Beløp", months as columns, grand totals. */
export { pivot as nbPivot } from '../robustness/helpers';
import { pivot as nbPivot } from '../robustness/helpers';

export const months = (year: number, n: number): number[] => Array.from({ length: n }, (_, i) => year * 100 + i + 1);

/** A budget for 2024 (12 months) and actuals for January–`done`, in kr. */
export async function budgetWorkbook(lines: { label: string; monthlyBudget: number; actual: number[] }[], done: number): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  await wb.addPlainSheet(nbPivot('Budsjett', 'Budsjett 2024 (kr)', months(2024, 12), lines.map((l) => [l.label, ...Array<number>(12).fill(l.monthlyBudget)])));
  await wb.addPlainSheet(nbPivot('Regnskap', 'Regnskap 2024 (kr)', months(2024, done), lines.map((l) => [l.label, ...l.actual.slice(0, done)])));
  return wb;
}

/**
 * A budget and two actuals pivots (pasted as values) that share lines but not their totals: the
 * reader cannot tell views from parts. Regnskap: 100 and 200 (2,400 in four months); Avdeling: 100
 * and 300 (3,300).
 */
export async function undecidedWorkbook(): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  await wb.addPlainSheet(nbPivot('Budsjett', 'Budsjett 2024 (kr)', months(2024, 12), [['100 Hjemmetjeneste', ...Array<number>(12).fill(300)], ['200 Sykehjem', ...Array<number>(12).fill(400)]]));
  await wb.addPlainSheet(nbPivot('Regnskap', 'Regnskap 2024 (kr)', months(2024, 4), [['100 Hjemmetjeneste', 250, 250, 250, 250], ['200 Sykehjem', 350, 350, 350, 350]]));
  await wb.addPlainSheet(nbPivot('Avdeling', 'Regnskap 2024 (kr)', months(2024, 4), [['100 Hjemmetjeneste', 300, 300, 300, 300], ['300 Rus', 525, 525, 525, 525]]));
  return wb;
}

/** Plays a person typing into cells of a sheet: reads it and writes it back with the edits. */
export async function typeInto(wb: XlsxWorkbook, sheet: string, edits: Record<string, string | number | null>, marker: string): Promise<void> {
  const g = await wb.readSheet(sheet);
  const cells: LayoutCell[] = [];
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const formula = g.formulas?.[r]?.[c] ?? undefined;
      if (v === null && !formula) return;
      cells.push({ row: g.top + r, col: g.left + c, value: typeof v === 'object' ? null : v, formula: formula ?? undefined, style: { numberFormat: g.formats[r][c] } });
    }),
  );
  for (const [a1, value] of Object.entries(edits)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(a1);
    const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    const i = cells.findIndex((c) => c.row === row && c.col === col);
    if (i >= 0) cells.splice(i, 1);
    if (value !== null) cells.push({ row, col, value });
  }
  await wb.writeSheet({ name: sheet, cells }, marker);
}

/** A tabular pivot (Ansvar | Art) with a subtotal row per Ansvar, as Excel writes it in Norwegian. */
export function nbTabularPivot(name: string, title: string, periods: number[], groups: [number, [string, ...number[]][]][]): SheetLayout {
  const cells: LayoutCell[] = [
    { row: 0, col: 0, value: title },
    { row: 2, col: 0, value: 'Summer av Beløp' },
    { row: 2, col: 2, value: 'Periode' },
    { row: 3, col: 0, value: 'Ansvar' },
    { row: 3, col: 1, value: 'Art' },
    ...periods.map((p, i) => ({ row: 3, col: 2 + i, value: p })),
    { row: 3, col: 2 + periods.length, value: 'Totalsum' },
  ];
  let row = 4;
  const grand = periods.map(() => 0);
  const put = (values: number[]): void => {
    values.forEach((v, i) => cells.push({ row, col: 2 + i, value: v, style: { numberFormat: '#,##0' } }));
    cells.push({ row, col: 2 + periods.length, value: values.reduce((a, b) => a + b, 0), style: { numberFormat: '#,##0' } });
  };
  for (const [ansvar, lines] of groups) {
    const sub = periods.map(() => 0);
    lines.forEach(([art, ...values], i) => {
      if (i === 0) cells.push({ row, col: 0, value: ansvar });
      cells.push({ row, col: 1, value: art });
      values.forEach((v, j) => ((sub[j] += v), (grand[j] += v)));
      put(values);
      row++;
    });
    cells.push({ row, col: 0, value: `${ansvar} Totalt` });
    put(sub);
    row++;
  }
  cells.push({ row, col: 0, value: 'Totalsum' });
  put(grand);
  return { name, cells };
}

/** A tabular pivot's budget and actuals for three months in two groups: 1100 (two lines) and 1200 (one), actuals 10 % over. */
export async function groupedWorkbook(): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  const groups = (k: number): [number, [string, ...number[]][]][] => [
    [1100, [['1 LØNN', 1000 * k, 1000 * k, 1000 * k], ['2 ANDRE D', 200 * k, 200 * k, 200 * k]]],
    [1200, [['1 LØNN', 500 * k, 500 * k, 500 * k]]],
  ];
  await wb.addPlainSheet(nbTabularPivot('Budsjett', 'Budsjett 2024', months(2024, 3), groups(1)));
  await wb.addPlainSheet(nbTabularPivot('Regnskap', 'Regnskap 2024', months(2024, 3), groups(1.1)));
  return wb;
}
