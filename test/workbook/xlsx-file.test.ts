/** Node file helpers: reading names the file on failure; writing is atomic. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FollowUpError } from '../../src/core/errors';
import type { LayoutCell } from '../../src/report/layout';
import { deflatesDone, readWorkbookFile, writeFileAtomic } from '../../src/workbook/xlsx/file';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { FIXTURES } from './helpers';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-file-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('reads a workbook file and writes it back atomically (zlib in Node)', async () => {
  const bytes = readWorkbookFile(path.join(FIXTURES, 'lo-real-pivot-ledger.xlsx'));
  const wb = XlsxWorkbook.open(bytes, 'lo-real-pivot-ledger.xlsx');
  await wb.writeSheet({ name: 'Ut', cells: [{ row: 0, col: 0, value: 'hei' }] }, 'followup');
  const target = path.join(dir, 'ut.xlsx');
  fs.writeFileSync(target, 'old content');
  writeFileAtomic(target, wb.save());
  expect(fs.readdirSync(dir)).toEqual(['ut.xlsx']); // no temp file left behind
  const again = XlsxWorkbook.open(readWorkbookFile(target), 'ut.xlsx');
  expect((await again.readSheet('Ut')).values).toEqual([['hei']]);
  expect(await again.listPivots()).toHaveLength(1);
});

test('sheets deflated in the background while others are made save the same workbook as sheets deflated at save', async () => {
  // Two big sheets (past the size handed to zlib's thread pool) and a small one, one big sheet written twice.
  const big = (n: number, word: string): LayoutCell[] =>
    Array.from<unknown, LayoutCell>({ length: 4000 }, (_, i) => ({ row: i, col: 0, value: `${word} ${i}`, style: { numberFormat: '#,##0' } })).concat([
      { row: 0, col: 1, value: n, style: { numberFormat: '#,##0' } },
    ]);
  const build = async (): Promise<XlsxWorkbook> => {
    const wb = XlsxWorkbook.open(readWorkbookFile(path.join(FIXTURES, 'lo-real-pivot-ledger.xlsx')), 'in.xlsx');
    await wb.writeSheet({ name: 'A', cells: big(1, 'første') }, 'followup');
    await wb.writeSheet({ name: 'B', cells: big(2, 'andre') }, 'followup');
    await wb.writeSheet({ name: 'A', cells: big(3, 'tredje') }, 'followup');
    await wb.writeSheet({ name: 'C', cells: [{ row: 0, col: 0, value: 'liten' }] }, 'followup');
    return wb;
  };
  const readBack = async (bytes: Uint8Array) => {
    const wb = XlsxWorkbook.open(bytes, 'ut.xlsx');
    return {
      a: (await wb.readSheet('A')).values,
      b: (await wb.readSheet('B')).values,
      c: (await wb.readSheet('C')).values,
      pivots: (await wb.listPivots()).length,
    };
  };
  const atSave = (await build()).save(); // saved at once: the background work has not finished
  const early = await build();
  await deflatesDone();
  const inBackground = early.save();
  expect(inBackground.length).toBe(atSave.length);
  const read = await readBack(inBackground);
  expect(read).toEqual(await readBack(atSave));
  expect(read.a[0]).toEqual(['tredje 0', 3]); // the sheet as last written, not its first version
  expect(read.b[3999]).toEqual(['andre 3999', null]);
  expect(read.pivots).toBe(1);
});

test('a missing file or folder gives a FollowUpError naming it', () => {
  const missing = path.join(dir, 'nope.xlsx');
  expect(() => readWorkbookFile(missing)).toThrow(FollowUpError);
  expect(() => readWorkbookFile(missing)).toThrow(/nope\.xlsx/);
  expect(() => readWorkbookFile(dir)).toThrow(/folder/);
  expect(() => writeFileAtomic(path.join(dir, 'no', 'such', 'x.xlsx'), new Uint8Array(1))).toThrow(/folder does not exist/);
});

test('a failed write leaves the target as it was and no temp file behind', () => {
  const target = path.join(dir, 'taken');
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, 'inside.txt'), 'precious');
  expect(() => writeFileAtomic(target, new Uint8Array([1, 2, 3]))).toThrow(FollowUpError);
  expect(fs.readdirSync(dir)).toEqual(['taken']);
  expect(fs.readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('precious');
});
