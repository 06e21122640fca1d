/**
 * Shared by the robustness tests: bad workbooks made by code (the xlsx adapter, then byte-level edits
 * of the package where the adapter cannot write it: error cells, hidden rows, filters), and the
 * command line run in-process with what it printed and how it exited.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { main } from '../../src/cli/main';
import type { LayoutCell, SheetLayout } from '../../src/report/layout';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.resolve(ROOT, '..', 'shared', 'fixtures');
export const LEDGER = path.join(FIXTURES, 'lo-real-pivot-ledger.xlsx');
export const EXAMPLES = ['helse-og-omsorg-2024-04.xlsx', 'vard-och-omsorg-2024-04.xlsx'].map((f) => path.join(ROOT, 'examples', f));

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** The command line's entry point, as `bin/followup.js` calls it, with what it printed. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), now: () => new Date('2024-05-06T08:30:00Z') });
  return { code, out, err };
}

/** A clear answer: no stack trace, no "internal error", one message line (plus the usage for exit 2). */
export function expectClear(r: CliRun): void {
  const all = `${r.out}\n${r.err}`;
  expect(all).not.toMatch(/^\s+at /m);
  expect(all).not.toMatch(/internal error/i);
  expect(all).not.toMatch(/\b(?:TypeError|RangeError|ReferenceError|SyntaxError)\b/);
  if (r.code === 1) expect(r.err.trim().split('\n')).toHaveLength(1);
}

export function tempDir(prefix = 'followup-robust-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The sheet XML part of each sheet name, from the package's workbook.xml and its rels. */
export function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const wb = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"/g)) {
    const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${m[2]}"[^>]*\\bTarget="([^"]*)"`).exec(rels) ?? new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]*)"[^>]*\\bId="${m[2]}"`).exec(rels);
    if (rel) out.set(m[1], rel[1].startsWith('/') ? rel[1].slice(1) : `xl/${rel[1]}`);
  }
  return out;
}

/** Edits the XML of one sheet of a package (byte level) and returns the new package. */
export function editSheetXml(bytes: Uint8Array, sheet: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const part = sheetParts(files).get(sheet);
  if (!part) throw new Error(`no sheet ${sheet}`);
  files[part] = strToU8(edit(strFromU8(files[part])));
  return zipSync(files as Zippable);
}

/** Replaces cell `ref` (e.g. `C6`) in a sheet's XML with raw cell XML (`<c r="C6" t="e"><v>#REF!</v></c>`). */
export function replaceCell(xml: string, ref: string, cellXml: string): string {
  const re = new RegExp(`<c r="${ref}"(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${ref}`);
  return xml.replace(re, cellXml);
}

/** Marks sheet rows (1-based) hidden. */
export function hideRows(xml: string, rows: readonly number[]): string {
  let out = xml;
  for (const r of rows) {
    const re = new RegExp(`<row r="${r}"`);
    if (!re.test(out)) throw new Error(`no row ${r}`);
    out = out.replace(re, `<row r="${r}" hidden="1"`);
  }
  return out;
}

export async function workbookOf(...sheets: SheetLayout[]): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  for (const s of sheets) await wb.addPlainSheet(s);
  return wb.save();
}

export type Line = readonly [string | number | null, ...(string | number | null)[]];

/**
 * Pivot output as Excel writes it (compact layout): title, data field caption, column labels, row
 * labels header with the periods, lines, grand total row and column. Values may be text (as pasted)
 * or null; totals count the numbers only.
 */
export function pivot(name: string, title: string, periods: readonly number[], lines: readonly Line[], opts: { unitFormat?: string; total?: boolean } = {}): SheetLayout {
  const fmt = opts.unitFormat ?? '#,##0';
  const cells: LayoutCell[] = [
    { row: 0, col: 0, value: title },
    { row: 2, col: 0, value: 'Summer av Beløp' },
    { row: 2, col: 1, value: 'Kolonneetiketter' },
    { row: 3, col: 0, value: 'Radetiketter' },
    ...periods.map((p, i) => ({ row: 3, col: i + 1, value: String(p) })),
    { row: 3, col: periods.length + 1, value: 'Totalsum' },
  ];
  const totals = periods.map(() => 0);
  lines.forEach(([label, ...values], r) => {
    cells.push({ row: 4 + r, col: 0, value: label });
    let lineTotal = 0;
    values.forEach((v, c) => {
      if (typeof v === 'number') {
        totals[c] += v;
        lineTotal += v;
      }
      cells.push({ row: 4 + r, col: c + 1, value: v, style: typeof v === 'number' ? { numberFormat: fmt } : undefined });
    });
    cells.push({ row: 4 + r, col: periods.length + 1, value: lineTotal, style: { numberFormat: fmt } });
  });
  if (opts.total !== false) {
    const last = 4 + lines.length;
    cells.push({ row: last, col: 0, value: 'Totalsum' });
    totals.forEach((v, c) => cells.push({ row: last, col: c + 1, value: v, style: { numberFormat: fmt } }));
    cells.push({ row: last, col: periods.length + 1, value: totals.reduce((a, b) => a + b, 0), style: { numberFormat: fmt } });
  }
  return { name, cells };
}

export const months = (year: number, n: number): number[] => Array.from({ length: n }, (_, i) => year * 100 + i + 1);

/** Three units with a budget for every month of 2024 and actuals for January–April. */
export const UNITS: readonly (readonly [string, number])[] = [
  ['3100 Hjemmetjenesten', 1_000_000],
  ['3200 Sykehjem', 2_000_000],
  ['3300 Rus og psykisk helse', 500_000],
];

export function budgetSheet(lines: readonly (readonly [string, number])[] = UNITS, name = 'Budsjett'): SheetLayout {
  return pivot(name, 'Budsjett 2024 (kr)', months(2024, 12), lines.map(([l, m]) => [l, ...Array<number>(12).fill(m)] as const));
}

export function actualSheet(lines: readonly (readonly [string, number])[] = UNITS, name = 'Regnskap', factor = 1.05): SheetLayout {
  return pivot(name, 'Regnskap 2024 (kr)', months(2024, 4), lines.map(([l, m]) => [l, ...Array<number>(4).fill(Math.round(m * factor))] as const));
}

/** Writes bytes into `dir` and returns the path. */
export function put(dir: string, name: string, bytes: Uint8Array | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}
