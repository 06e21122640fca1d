/** Files that are not usable workbooks give one clear FollowUpError naming the file. */
import { strToU8, zipSync } from 'fflate';
import { FollowUpError } from '../../src/core/errors';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { fixture } from './helpers';

function openError(bytes: Uint8Array, name: string): FollowUpError {
  try {
    XlsxWorkbook.open(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(FollowUpError);
    const err = e as FollowUpError;
    expect(err.kind).toBe('bad-input');
    expect(err.message).toContain(`"${name}"`);
    return err;
  }
  throw new Error(`${name} opened`);
}

describe('bad files', () => {
  test('not a zip at all (a CSV renamed to .xlsx)', () => {
    const err = openError(strToU8('Konto;Beløp\n1000;25\n'), 'regnskap.xlsx');
    expect(err.message).toMatch(/not an Excel workbook/);
  });

  test('an empty file', () => {
    expect(openError(new Uint8Array(0), 'tom.xlsx').message).toMatch(/not an Excel workbook/);
  });

  test('a truncated download', () => {
    const full = fixture('lo-real-pivot-ledger.xlsx');
    for (const n of [10, 100, Math.floor(full.length / 2), full.length - 30]) {
      expect(openError(full.slice(0, n), 'halv.xlsx').message).toMatch(/damaged|incomplete/);
    }
  });

  test('a password-protected workbook (an OLE compound file) or an old .xls', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const err = openError(ole, 'hemmelig.xlsx');
    expect(err.message).toMatch(/password-protected/);
    expect(err.message).toMatch(/\.xls\b/);
  });

  test('a zip that is not a workbook', () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    expect(openError(zip, 'arkiv.zip').message).toMatch(/no xl\/workbook\.xml/);
    const xlsb = zipSync({ 'xl/workbook.bin': new Uint8Array(8) });
    expect(openError(xlsb, 'binær.xlsb').message).toMatch(/\.xlsb/);
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') });
    expect(openError(ods, 'calc.ods').message).toMatch(/OpenDocument/);
  });

  test('corrupt compressed data in the workbook part', () => {
    const good = zipSync({ 'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/>' + ' '.repeat(500) + '</workbook>') }, { level: 9 });
    const bad = good.slice();
    // flip bytes in the middle of the first entry's compressed data
    for (let i = 40; i < 50; i++) bad[i] ^= 0xff;
    expect(openError(bad, 'skadet.xlsx').message).toMatch(/damaged/);
  });

  test('malformed workbook.xml', () => {
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets></workbook>') });
    expect(openError(zip, 'feil.xlsx').message).toMatch(/xl\/workbook\.xml is not well-formed/);
  });
});
