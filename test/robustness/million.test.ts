/**
 * A million-row sheet (1,000,000 rows × 2 columns) must not hang or blow memory. Two cases:
 *   - a ledger beside the pivots (`Konto`, `Beløp`: no role words): read, left alone, and the follow-up
 *     made from the pivots (exit 0);
 *   - the same rows under `Enhet`, `Regnskap` (a source of a million lines): one clear message naming
 *     the range (exit 1), not a follow-up sheet of a million lines.
 * The sheet XML is made once (byte level: the adapter would need a million layout cells); the times
 * are printed, not asserted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, unzipSync } from 'fflate';
import { ZipPackage } from '../../src/workbook/xlsx/zip';
import '../../src/workbook/xlsx/file'; // zlib for the package, as the command line has it
import { actualSheet, budgetSheet, expectClear, runCli, sheetParts, tempDir, workbookOf } from './helpers';

const ROWS = 1_000_000;
let dir: string;
const files: Record<'ledger' | 'source', string> = { ledger: '', source: '' };

/** The rows of the big sheet, header first: `<label> | <amount>`. */
function bigSheetXml(header: readonly [string, string]): Uint8Array {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B${ROWS}"/><sheetData>`,
    `<row r="1"><c r="A1" t="inlineStr"><is><t>${header[0]}</t></is></c><c r="B1" t="inlineStr"><is><t>${header[1]}</t></is></c></row>`,
  ];
  for (let r = 2; r <= ROWS; r++) {
    parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${100000 + r} Konto ${r % 977}</t></is></c><c r="B${r}"><v>${(r * 37) % 100000}.25</v></c></row>`);
  }
  parts.push('</sheetData></worksheet>');
  return strToU8(parts.join(''));
}

async function withBigSheet(header: readonly [string, string], name: string): Promise<string> {
  const small = await workbookOf(budgetSheet(), actualSheet(), { name: 'Hovedbok', cells: [{ row: 0, col: 0, value: 'x' }] });
  const part = sheetParts(unzipSync(small)).get('Hovedbok') as string;
  const zip = ZipPackage.read(small);
  zip.set(part, bigSheetXml(header));
  const file = path.join(dir, name);
  fs.writeFileSync(file, zip.toBytes());
  return file;
}

beforeAll(async () => {
  dir = tempDir('followup-million-');
  const t = Date.now();
  files.ledger = await withBigSheet(['Konto', 'Beløp'], 'hovedbok.xlsx');
  files.source = await withBigSheet(['Enhet', 'Regnskap'], 'million-linjer.xlsx');
  process.stdout.write(`million-row workbooks made in ${Date.now() - t} ms (${(fs.statSync(files.ledger).size / 1e6).toFixed(1)} MB each)\n`);
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function report(label: string, t: number): void {
  process.stdout.write(`${label}: ${Date.now() - t} ms, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
}

test('a million-row ledger beside the pivots: read, left alone, the follow-up made from the pivots', async () => {
  const t = Date.now();
  const r = await runCli('generate', files.ledger, '-o', path.join(dir, 'ut.xlsx'), '--lang', 'en');
  report('ledger', t);
  expectClear(r);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/· 3 lines/);
}, 600_000);

test('a source of a million lines: one message naming the range, no output', async () => {
  const t = Date.now();
  const out = path.join(dir, 'ut2.xlsx');
  const r = await runCli('generate', files.source, '-o', out);
  report('source', t);
  expectClear(r);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/^followup: million-linjer\.xlsx: Hovedbok!A1:B1000000 has 999,999 rows of figures; a source can have at most 100,000 lines/);
  expect(fs.existsSync(out)).toBe(false);
}, 600_000);
