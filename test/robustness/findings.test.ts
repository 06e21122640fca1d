/**
 * Findings people can read, whatever the workbook holds: the same finding for many lines is one
 * warning that counts them and names the first few (in the user's language), the JSON still lists
 * each with its cell, the command line's summary stays under 30 lines, findings grow with the lines
 * (not with lines times sources), and the checks sheet never runs past Excel's last row or writes a
 * text longer than a cell holds. A source's text too long for a cell is named at its own cell.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import type { FollowUpModel } from '../../src/core/model';
import { checksSheet, MAX_LIST_ROWS } from '../../src/report/checks-sheet';
import { DEFAULT_SHEET_OPTIONS, followUpSheet } from '../../src/report/followup-sheet';
import { isFollowUpError } from '../../src/core/errors';
import { MAX_CELL_TEXT, type LayoutCell, type SheetLayout } from '../../src/report/layout';
import { generateFollowUp } from '../../src/workbook/generate';
import { validateLayout } from '../../src/workbook/xlsx/sheetWriter';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { actualSheet, budgetSheet, editSheetXml, expectClear, months, pivot, put, runCli, tempDir, workbookOf, type CliRun } from './helpers';

interface Report {
  lines: unknown[];
  warnings: { code: string; cell: string | null; line: string | null; message: string }[];
}

let dir: string;
beforeEach(() => {
  dir = tempDir('followup-findings-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function generate(name: string, bytes: Uint8Array, ...extra: string[]): Promise<{ r: CliRun; out: string; report: Report | null }> {
  const input = put(dir, name, bytes);
  const out = path.join(dir, 'out.xlsx');
  const json = path.join(dir, 'report.json');
  const r = await runCli('generate', input, '-o', out, '--json', json, ...extra);
  expectClear(r);
  expect(Buffer.from(fs.readFileSync(input)).equals(Buffer.from(bytes))).toBe(true);
  return { r, out, report: r.code === 0 ? (JSON.parse(fs.readFileSync(json, 'utf8')) as Report) : null };
}

/** The checks sheet of a written workbook: its rows as [cell, text] pairs. */
async function checksRows(out: string): Promise<{ name: string; rows: (string | number | boolean | null)[][]; lastRow: number }> {
  const wb = XlsxWorkbook.open(fs.readFileSync(out), 'out.xlsx');
  const sheet = (await wb.listSheets()).find((s) => s.generated === 'checks');
  if (!sheet) throw new Error('no checks sheet');
  const grid = await wb.readSheet(sheet.name);
  return { name: sheet.name, rows: grid.values.map((r) => r.map((v) => (typeof v === 'object' && v !== null ? null : v))), lastRow: grid.top + grid.values.length };
}

/** 300 lines whose four months of actuals are text: 1,200 "not a number" findings on one sheet. */
async function unreadable(): Promise<Uint8Array> {
  const lines = Array.from({ length: 300 }, (_, i) => [`${5000 + i} Enhet ${i}`, 'ukjent', 'ukjent', 'ukjent', 'ukjent'] as const);
  return workbookOf(budgetSheet(), pivot('Regnskap', 'Regnskap 2024 (kr)', months(2024, 4), lines));
}

describe('the same finding for many lines is one warning that counts them', () => {
  it('1,200 cells of text where figures belong: one summary line naming the first few, every cell in the JSON', async () => {
    const { r, report, out } = await generate('mange.xlsx', await unreadable(), '--lang', 'en');
    expect(r.code).toBe(0);
    const cells = (report?.warnings ?? []).filter((w) => w.code === 'unreadable-number');
    expect(cells).toHaveLength(1200);
    expect(new Set(cells.map((w) => w.cell)).size).toBe(1200);
    const printed = r.out.split('\n').filter((l) => /is not a number/.test(l));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^ {2}Regnskap!B\d+: "ukjent" is not a number; the cell is left out\. The same for 1199 more cells: Regnskap!C\d+, Regnskap!D\d+, Regnskap!E\d+ and 1196 more\.$/);
    expect(r.out.trimEnd().split('\n').length).toBeLessThan(30);
    const checks = await checksRows(out);
    const texts = checks.rows.map((row) => String(row[1] ?? ''));
    expect(texts.filter((t) => /The same for 1199 more cells/.test(t))).toHaveLength(1);
    // and a row for each of the others, with its cell
    expect(checks.rows.filter((row) => /^Regnskap!/.test(String(row[0] ?? '')) && /is not a number/.test(String(row[1] ?? '')))).toHaveLength(1200);
  }, 60_000);

  it('in Norwegian and Swedish too', async () => {
    const bytes = await unreadable();
    const nb = await generate('mange-nb.xlsx', bytes, '--lang', 'nb');
    expect(nb.r.out).toMatch(/Det samme gjelder 1199 celler til: Regnskap!C\d+, Regnskap!D\d+, Regnskap!E\d+ og 1196 til\./);
    fs.rmSync(path.join(dir, 'out.xlsx'));
    const sv = await generate('mange-sv.xlsx', bytes, '--lang', 'sv');
    expect(sv.r.out).toMatch(/Detsamma gäller 1199 celler till: .* och 1196 till\./);
  }, 60_000);

  it('many kinds of findings: the summary still stays under 30 lines and says where the rest are', async () => {
    // one sheet per kind of trouble, each grouped on its own: more groups than the summary prints. Each
    // sheet has lines of its own (parts of one whole): sheets with the same lines and figures would be
    // duplicates, read once, and pasted pivots with the same grand total are taken for views of one data set.
    const sheets: SheetLayout[] = [budgetSheet()];
    for (let s = 0; s < 30; s++) {
      const lines = Array.from({ length: 3 }, (_, i) => [`${5000 + s * 10 + i} Enhet ${s + 1}`, 'ukjent', 5 + s, 5, 5] as const);
      sheets.push(pivot(`Regnskap ${s + 1}`, 'Regnskap 2024 (kr)', months(2024, 4), lines));
    }
    const { r } = await generate('mange-ark.xlsx', await workbookOf(...sheets), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n').length).toBeLessThan(30);
    expect(r.out).toMatch(/… and \d+ more: see the sheet "Checks/);
  }, 60_000);
});

describe('findings grow with the workbook, and generated sheets stay inside the grid', () => {
  it('2,000 sheets of one unit each: exit 0, findings linear in the lines, checks sheet inside the grid', async () => {
    const sheets: SheetLayout[] = [];
    for (let i = 0; i < 1000; i++) {
      const unit: [string, number][] = [[`${10000 + i} Enhet ${i}`, 1000 + i]];
      sheets.push(budgetSheet(unit, `B${i}`), actualSheet(unit, `R${i}`));
    }
    const { r, report, out } = await generate('tusen.xlsx', await workbookOf(...sheets), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(report?.lines).toHaveLength(1000);
    // at most a few findings a line and source, not lines times sources (two million)
    expect(report?.warnings.length).toBeLessThan(10 * 2000);
    expect(r.out.trimEnd().split('\n').length).toBeLessThan(30);
    const checks = await checksRows(out);
    expect(checks.lastRow).toBeLessThanOrEqual(1_048_576);
    for (const row of checks.rows) for (const v of row) if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  }, 300_000);
});

describe('the checks sheet cuts what would not fit', () => {
  let model: FollowUpModel;
  beforeAll(async () => {
    const wb = XlsxWorkbook.open(await workbookOf(budgetSheet(), actualSheet()), 'liten.xlsx');
    model = (await generateFollowUp(wb, { dryRun: true, config: { language: 'en' } })).model;
  });

  it('more findings than a list may hold: the rest counted in one row, inside the grid', () => {
    const many = Array.from({ length: MAX_LIST_ROWS + 5_000 }, (_, i) => ({
      code: 'cell-error' as const,
      cell: `'Ark ${i % 7}'!A${i + 1}`,
      line: null,
      params: { error: '#N/A' },
      message: 'The cell holds the error #N/A; it is left out.',
    }));
    const layout = checksSheet({ ...model, warnings: many }, '2024-05-06 08:30');
    validateLayout(layout);
    const cells = layout.cells as LayoutCell[];
    const last = Math.max(...cells.map((c) => c.row));
    expect(last).toBeLessThan(MAX_LIST_ROWS + 100);
    const counted = cells.find((c) => typeof c.value === 'string' && /more not listed here/.test(c.value));
    expect(counted?.value).toMatch(/^… 5000 more not listed here \(the JSON report lists them all\)\.$/);
  });

  it('a finding longer than a cell holds is cut to what a cell holds', () => {
    const long = { code: 'duplicate-line' as const, cell: null, line: 'x', params: { label: 'x' }, message: 'y'.repeat(MAX_CELL_TEXT + 500) };
    const layout = checksSheet({ ...model, warnings: [long] }, '2024-05-06 08:30');
    expect(() => validateLayout(layout)).not.toThrow();
    const texts = (layout.cells as LayoutCell[]).map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(Math.max(...texts.map((t) => t.length))).toBe(MAX_CELL_TEXT);
  });
});

describe('a source text longer than a cell holds is named at the source cell', () => {
  it('a label of 40,000 characters (written by another program than Excel): exit 1 naming the source cell', async () => {
    const bytes = editSheetXml(await workbookOf(budgetSheet(), actualSheet()), 'Regnskap', (xml) =>
      xml.replace(/<c r="A6"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/, `<c r="A6" t="inlineStr"><is><t>${'L'.repeat(40_000)}</t></is></c>`),
    );
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet2.xml'])).toContain('L'.repeat(40_000));
    const { r } = await generate('lang-tekst.xlsx', bytes, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/lang-tekst\.xlsx": Regnskap!A6 holds a text of 40,000 characters; a cell holds at most 32,767/);
    expect(fs.existsSync(path.join(dir, 'out.xlsx'))).toBe(false);
  });

  it('a line name joined from a source longer than a cell holds: the message names the source cell, not the follow-up\'s', async () => {
    const wb = XlsxWorkbook.open(await workbookOf(budgetSheet(), actualSheet()), 'lang.xlsx');
    const model = (await generateFollowUp(wb, { dryRun: true, config: { language: 'en' } })).model;
    const [first, ...rest] = model.lines;
    const long = { ...first, name: 'N'.repeat(MAX_CELL_TEXT + 10) };
    let error: unknown = null;
    try {
      followUpSheet({ ...model, lines: [long, ...rest] }, '2024-05-06 08:30', 'Oppfølging', DEFAULT_SHEET_OPTIONS);
    } catch (e) {
      error = e;
    }
    expect(isFollowUpError(error)).toBe(true);
    const source = first.origin.rows[0];
    expect(source).toMatch(/^'?(Budsjett|Regnskap)'?!A\d+$/);
    expect((error as Error).message).toBe(`the label at ${source} makes a line name of 32,777 characters, longer than the 32,767 a cell can hold; shorten it there`);
    expect((error as { cell: string }).cell).toBe(source);
  });
});
