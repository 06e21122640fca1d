/** Node file helpers: reading names the file on failure; writing is atomic. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FollowUpError } from '../../src/core/errors';
import { readWorkbookFile, writeFileAtomic } from '../../src/workbook/xlsx/file';
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
