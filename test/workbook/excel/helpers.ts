/** Shared builders for the Excel adapter tests: fake workbooks from fixtures, grids and layouts. */
import * as fs from 'fs';
import * as path from 'path';
import { quoteSheet, rangeA1, type CellValue, type Grid } from '../../../src/core/grid';
import type { LayoutCell, SheetLayout } from '../../../src/report/layout';
import { ExcelWorkbook, type ExcelWorkbookOptions } from '../../../src/workbook/excel/workbook';
import { MARKER_NAME, SETTINGS_SHEET, XlsxWorkbook } from '../../../src/workbook/xlsx/workbook';
import { FakeExcel, type FakePivotDefinition, type FakeSheet } from './fake-excel';
import type { PivotDefinition, PivotSummary } from '../../../src/core/read/pivot-definition';

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures');
export const DRAMMEN = 'no-drammen-p06-2022-02.xlsx';
export const LEDGER = 'lo-real-pivot-ledger.xlsx';

export function openFixture(name: string): XlsxWorkbook {
  return XlsxWorkbook.open(new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))), name);
}

/** The adapter over a fake, asking the fake which requirement sets it supports. */
export function excelOn(fake: FakeExcel, options: ExcelWorkbookOptions = {}): ExcelWorkbook {
  return new ExcelWorkbook(fake.run, { isSetSupported: fake.isSetSupported, ...options });
}

/**
 * The workbook an xlsx file would be once opened in Excel: its sheets' cells (formulas with their
 * stored values), visibility, markers (as Excel shows a name's formula: `="followup"`) and pivots.
 */
export async function fakeFromXlsx(x: XlsxWorkbook, opts: { apiVersion?: string } = {}): Promise<FakeExcel> {
  const fake = new FakeExcel(opts);
  for (const s of await x.listSheets()) {
    const grid = await x.readSheet(s.name);
    const visibility = s.visible ? 'Visible' : s.name === SETTINGS_SHEET ? 'VeryHidden' : 'Hidden';
    fake.addGridSheet(grid, { visibility });
    if (s.generated !== null) fake.addName(s.name, MARKER_NAME, `="${s.generated.replace(/"/g, '""')}"`);
  }
  for (const p of await x.listPivots()) {
    const pivot = fake.addPivot(p.sheet, p.name, p.range);
    if (p.definition) pivot.definition = fakeDefinition(p.definition);
  }
  return fake;
}

const SUMMARIZE_BY: Readonly<Record<PivotSummary, string>> = {
  sum: 'Sum',
  count: 'Count',
  countNums: 'CountNumbers',
  average: 'Average',
  max: 'Max',
  min: 'Min',
  product: 'Product',
  stdDev: 'StandardDeviation',
  stdDevp: 'StandardDeviationP',
  var: 'Variance',
  varp: 'VarianceP',
  unknown: 'Automatic',
};

/** What the PivotTable API would show of a pivot whose parts the xlsx adapter read. */
function fakeDefinition(d: PivotDefinition): FakePivotDefinition {
  const values = d.dataFields.length > 1 ? ['Values'] : [];
  const src = d.source;
  return {
    rows: d.valuesOnRows ? [...d.rowFields, ...values] : [...d.rowFields],
    columns: d.valuesOnRows ? [...d.columnFields] : [...d.columnFields, ...values],
    filters: d.pageFields.map((p) => p.field),
    data: d.dataFields.map((f) => ({ name: f.name, summarizeBy: SUMMARIZE_BY[f.summary], showAs: f.showAs === null ? 'None' : 'PercentOfGrandTotal' })),
    layoutType: d.layout === 'tabular' ? 'Tabular' : d.layout === 'outline' ? 'Outline' : 'Compact',
    subtotalLocation: d.subtotals === 'top' ? 'AtTop' : d.subtotals === 'bottom' ? 'AtBottom' : 'Off',
    showRowGrandTotals: d.grandTotalColumn,
    showColumnGrandTotals: d.grandTotalRow,
    source: src?.range && src.sheet ? `${quoteSheet(src.sheet)}!${rangeA1(src.range)}` : src?.name ?? '',
  };
}

/** A fake sheet's cells as a plain layout (values, or formulas with their computed values). */
export function layoutOf(fake: FakeExcel, s: FakeSheet): SheetLayout {
  const cells: LayoutCell[] = [];
  for (const [k, c] of [...s.cells.entries()].sort((a, b) => a[0] - b[0])) {
    const row = Math.floor(k / 16384);
    const col = k % 16384;
    const v = fake.valueOf(s, row, col);
    const value = typeof v === 'object' && v !== null ? null : v;
    if (c.formula === null && value === null) continue;
    cells.push({ row, col, value, formula: c.formula ?? undefined, style: c.numberFormat !== 'General' ? { numberFormat: c.numberFormat } : undefined });
  }
  return { name: s.name, cells };
}

/** The workbook a fake would be once saved as .xlsx: people's sheets plain, generated ones with their marker. */
export async function xlsxFromFake(fake: FakeExcel): Promise<XlsxWorkbook> {
  const x = XlsxWorkbook.create('from-excel.xlsx');
  for (const s of fake.sheets) {
    const name = s.names.find((n) => n.name.toLowerCase() === MARKER_NAME.toLowerCase());
    const marker = name ? (/^="((?:[^"]|"")*)"$/.exec(name.formula)?.[1] ?? null) : null;
    if (marker === null) await x.addPlainSheet(layoutOf(fake, s));
    else await x.writeSheet(layoutOf(fake, s), marker);
  }
  return x;
}

/** A PivotTable's range as Excel lays it out: filter, header, one line per account, totals. */
export function pivotGrid(lines: number, sheet = 'Pivot'): Grid {
  const values: CellValue[][] = [
    ['Filter', null, null, null, null],
    [null, null, null, null, null],
    ['Sum - Beløp', 'Periode', null, null, null],
    ['Art', 202401, 202402, 202403, 'Total Result'],
  ];
  const total = [0, 0, 0, 0];
  for (let i = 0; i < lines; i++) {
    const a = 1000 + ((i * 7919) % 100000);
    const b = 2000 + ((i * 104729) % 50000);
    const c = -500 + ((i * 31) % 9000);
    values.push([`${10000 + i} Konto ${i}`, a, b, c, a + b + c]);
    total[0] += a;
    total[1] += b;
    total[2] += c;
    total[3] += a + b + c;
  }
  values.push(['Total Result', ...total]);
  return { sheet, top: 0, left: 0, values, formats: values.map((r, i) => r.map((_v, j) => (i >= 4 && j > 0 ? '#,##0' : 'General'))) };
}

/** A fake workbook holding one real PivotTable of `lines` accounts. */
export function pivotWorkbook(lines: number, opts: { apiVersion?: string } = {}): FakeExcel {
  const fake = new FakeExcel(opts);
  const g = pivotGrid(lines);
  fake.addGridSheet(g);
  fake.addPivot('Pivot', 'PivotLedger', { top: 2, left: 0, bottom: g.values.length - 1, right: 4 });
  return fake;
}

/** A plain layout of `rows` lines of `cols` columns (text, numbers, formulas). */
export function tableLayout(rows: number, name = 'Tabell', cols = 8): SheetLayout {
  const cells: LayoutCell[] = [];
  for (let c = 0; c < cols; c++) cells.push({ row: 0, col: c, value: `Kolonne ${c + 1}`, style: { bold: true, fill: 'DDEBF7', borderBottom: 'thin' } });
  for (let r = 1; r <= rows; r++) {
    cells.push({ row: r, col: 0, value: `Konto ${1000 + r}`, link: `'Pivot'!A${r + 4}` });
    for (let c = 1; c < cols - 1; c++) cells.push({ row: r, col: c, value: (r * 31 + c * 7) % 100000, style: { numberFormat: '#,##0' } });
    cells.push({ row: r, col: cols - 1, value: 0, formula: `B${r + 1}-C${r + 1}`, style: { numberFormat: '#,##0;[Red]-#,##0' } });
  }
  return { name, cells, columns: [{ col: 0, width: 30 }], freeze: { rows: 1, cols: 1 } };
}
