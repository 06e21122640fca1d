/** Shared fixtures and layouts for the xlsx adapter tests. */
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import type { CellStyle, LayoutCell, SheetLayout } from '../../src/report/layout';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SHARED = path.resolve(REPO_ROOT, '..', 'shared');
export const TOOLS = path.resolve(SHARED, 'tools');
export const FIXTURES = path.resolve(SHARED, 'fixtures');
export const OUT_DIR = path.resolve(REPO_ROOT, 'test', '.out', 'workbook');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
}

export function outFile(name: string, bytes?: Uint8Array): string {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const p = path.join(OUT_DIR, name);
  if (bytes) fs.writeFileSync(p, bytes);
  return p;
}

/** Entries of a zip as name → bytes (independent reader: fflate). */
export function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

const title: CellStyle = { bold: true, size: 14, color: '1F3864' };
const header: CellStyle = { bold: true, fill: 'D9E1F2', borderBottom: 'thin', align: 'center', wrap: true, verticalAlign: 'center' };
const money: CellStyle = { numberFormat: '#,##0' };
const pct: CellStyle = { numberFormat: '0.0%' };
const total: CellStyle = { bold: true, numberFormat: '#,##0', borderTop: 'thin', borderBottom: 'double' };
const sub: CellStyle = { indent: 1, italic: true };
const editable: CellStyle = { unlocked: true, fill: 'FFF2CC' };

export const ROWS: readonly (readonly [string, number, number])[] = [
  ['1 LØNN', 117327, 120000],
  ['2 ANDRE D', 159869, 150000],
  ['3 INNTEKT', -152411, -140000],
  ['4 Tiltak <&> "sitat"', 0, 2500],
];

/** A generated sheet using every SheetLayout feature, formulas with their cached results. */
export function richLayout(name = 'Oppfølging'): SheetLayout {
  const cells: LayoutCell[] = [];
  cells.push({ row: 0, col: 0, value: 'Oppfølging P06 – februar 2022', style: title });
  const heads = ['Art', 'Regnskap', 'Budsjett', 'Avvik', 'Avvik %', 'Status', 'Kommentar'];
  heads.forEach((h, c) => cells.push({ row: 2, col: c, value: h, style: header }));
  let r = 3;
  for (const [art, actual, budget] of ROWS) {
    const row1 = r + 1;
    const dev = actual - budget;
    cells.push({ row: r, col: 0, value: art, style: r === 6 ? sub : undefined, link: "'Pivot'!A5", note: r === 3 ? 'Lønn inkluderer sosiale utgifter.\nSe Pivot.' : undefined });
    cells.push({ row: r, col: 1, value: actual, style: money });
    cells.push({ row: r, col: 2, value: budget, style: money });
    cells.push({ row: r, col: 3, value: dev, formula: `B${row1}-C${row1}`, style: money });
    cells.push({ row: r, col: 4, value: budget === 0 ? 0 : dev / Math.abs(budget), formula: `IF(C${row1}=0,0,D${row1}/ABS(C${row1}))`, style: pct });
    cells.push({ row: r, col: 5, value: dev < 0 ? 'Under' : 'Over', formula: `IF(D${row1}<0,"Under","Over")` });
    cells.push({ row: r, col: 6, value: null, style: editable });
    r++;
  }
  const sum = (c: number) => ROWS.reduce((s, x) => s + (x[c] as number), 0);
  cells.push({ row: r, col: 0, value: 'Sum', style: { bold: true, borderTop: 'thin', borderBottom: 'double' } });
  cells.push({ row: r, col: 1, value: sum(1), formula: `SUM(B4:B${r})`, style: total });
  cells.push({ row: r, col: 2, value: sum(2), formula: `SUM(C4:C${r})`, style: total });
  cells.push({ row: r, col: 3, value: sum(1) - sum(2), formula: `SUM(D4:D${r})`, style: total, note: 'Summen av avvikene' });
  cells.push({ row: r, col: 5, value: sum(1) - sum(2) > 0, formula: `D${r + 1}>0` });
  // text that must stay text
  const tricky = ['=SUM(A1:A3)', '+47 22 00 00 00', '-5', '@home', '=HYPERLINK("http://example.com","x")', '_x0041_ literal', '  padded  ', 'ctrl\u0001char', 'CR\r\nLF'];
  tricky.forEach((t, i) => cells.push({ row: r + 2 + i, col: 0, value: t }));
  cells.push({ row: r + 2, col: 1, value: 'Til data', link: 'Data!A1', style: { color: '0563C1' } });
  return {
    name,
    cells,
    columns: [
      { col: 0, width: 34 },
      { col: 1, width: 14 },
      { col: 2, width: 14 },
      { col: 3, width: 14 },
      { col: 4, width: 10 },
      { col: 5, width: 10 },
      { col: 6, width: 30 },
      { col: 8, width: 5, hidden: true },
    ],
    merges: ['A1:G1'],
    freeze: { rows: 3, cols: 1 },
    conditionalFormats: [
      { kind: 'cell-is', range: 'D4:D7', operator: 'lessThan', operands: ['0'], style: { color: '9C0006', fill: 'FFC7CE' } },
      { kind: 'cell-is', range: 'E4:E7', operator: 'between', operands: ['-0.05', '0.05'], style: { bold: true } },
      { kind: 'expression', range: 'F4:F7', formula: '$F4="Under"', style: { color: '006100', fill: 'C6EFCE' } },
      { kind: 'data-bar', range: 'B4:B7', color: '638EC6' },
    ],
    page: { orientation: 'landscape', fitToWidth: 1, repeatRows: { first: 0, last: 2 }, footer: '&LBudget Follow-up&RSide &P av &N', paperSize: 'A4' },
    tabColor: '2F75B5',
    hideGridlines: true,
  };
}

/** A plain data sheet of `rows` × 14 columns (for speed tests). */
export function bigLayout(rows: number, name = 'Stor'): SheetLayout {
  const cells: LayoutCell[] = [];
  const money: CellStyle = { numberFormat: '#,##0' };
  const head: CellStyle = { bold: true };
  for (let c = 0; c < 14; c++) cells.push({ row: 0, col: c, value: `Kolonne ${c + 1}`, style: head });
  for (let r = 1; r <= rows; r++) {
    cells.push({ row: r, col: 0, value: `Konto ${1000 + (r % 900)}` });
    cells.push({ row: r, col: 1, value: `Ansvar ${r % 37}` });
    for (let c = 2; c < 12; c++) cells.push({ row: r, col: c, value: (r * 31 + c * 7) % 100000 - 20000 + 0.5, style: money });
    cells.push({ row: r, col: 12, value: 0, formula: `SUM(C${r + 1}:L${r + 1})`, style: money });
    cells.push({ row: r, col: 13, value: r % 2 === 0 });
  }
  return { name, cells, freeze: { rows: 1, cols: 0 } };
}
