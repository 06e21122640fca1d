/** The building blocks: zip container, CRC, shared-formula shifting, XML escaping, the quick scan. */
import * as zlib from 'zlib';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { unreadableReason } from '../../src/core/grid';
import { periodOfCell } from '../../src/core/periods';
import { shiftFormula } from '../../src/workbook/xlsx/formula';
import { chunkEnd, keptValues, quickUsedRange, readSharedStrings, readWorksheet } from '../../src/workbook/xlsx/sheetReader';
import { decodeOoxmlText, encodeOoxmlText, escapeAttr, escapeText, stripInvalidXmlChars } from '../../src/workbook/xlsx/xml';
import { ZipError, ZipPackage, crc32 } from '../../src/workbook/xlsx/zip';
import { resolveTarget, relativeTarget, relsPartOf } from '../../src/workbook/xlsx/opc';

describe('zip container', () => {
  test('crc32 matches the reference', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    const big = new Uint8Array(100003).map((_v, i) => (i * 2654435761) >>> 24);
    const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    if (native) expect(crc32(big)).toBe(native(big) >>> 0);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  test('unchanged entries keep their compressed bytes; changed ones are rewritten; order is kept', () => {
    const src = zipSync(
      { 'a.txt': strToU8('alpha'.repeat(100)), 'b/stored.bin': [new Uint8Array([1, 2, 3]), { level: 0 }], 'c.xml': strToU8('<c/>') },
      { level: 9 },
    );
    const pkg = ZipPackage.read(src);
    expect(pkg.names()).toEqual(['a.txt', 'b/stored.bin', 'c.xml']);
    pkg.set('c.xml', '<c>changed</c>');
    pkg.set('d.xml', '<d/>');
    pkg.delete('b/stored.bin');
    const out = pkg.toBytes();
    const files = unzipSync(out);
    expect(Object.keys(files)).toEqual(['a.txt', 'c.xml', 'd.xml']);
    expect(new TextDecoder().decode(files['c.xml'])).toBe('<c>changed</c>');
    // a.txt (the first entry) keeps its compressed bytes, verbatim
    const view = new DataView(src.buffer, src.byteOffset);
    const size = view.getUint32(18, true);
    const start = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    const compressed = Buffer.from(src.subarray(start, start + size));
    expect(Buffer.from(out).subarray(30 + 5, 30 + 5 + size).equals(compressed)).toBe(true);
    expect(ZipPackage.read(src).getText('A.TXT')).toBe('alpha'.repeat(100)); // part names are case-insensitive
  });

  test('a damaged entry is reported, not returned', () => {
    const src = zipSync({ 'x.xml': strToU8('<x>' + 'y'.repeat(1000) + '</x>') }, { level: 9 });
    const bad = src.slice();
    bad[45] ^= 0x55;
    const pkg = ZipPackage.read(bad);
    expect(() => pkg.get('x.xml')).toThrow(ZipError);
  });
});

describe('shared formulas', () => {
  test.each([
    ['A1+B2', 1, 0, 'A2+B3'],
    ['A1+B2', 0, 2, 'C1+D2'],
    ['$A$1+A$1+$A1', 3, 3, '$A$1+D$1+$A4'],
    ['SUM(B2:B9)/COUNT($B$2:B9)', 1, 1, 'SUM(C3:C10)/COUNT($B$2:C10)'],
    ["'Budget 2024'!A1*Sheet1!B2", 1, 0, "'Budget 2024'!A2*Sheet1!B3"],
    ['IF(A1="A1",LOG10(A1),TRUE)', 1, 0, 'IF(A2="A1",LOG10(A2),TRUE)'],
    ['SUM(A:A)+SUM(1:1)', 1, 1, 'SUM(B:B)+SUM(2:2)'],
    ['Table1[Amount]*A1', 1, 0, 'Table1[Amount]*A2'],
    ['1.5E+10*A1', 0, 1, '1.5E+10*B1'],
    ['A1-1', -1, 0, '#REF!-1'],
  ])('%s moved by (%i,%i) → %s', (f, dr, dc, expected) => {
    expect(shiftFormula(f, dr, dc)).toBe(expected);
  });
});

describe('xml text', () => {
  test('escaping, forbidden characters, OOXML escapes', () => {
    expect(escapeText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(escapeAttr('"x"\n')).toBe('&quot;x&quot;&#10;');
    expect(stripInvalidXmlChars('a\u0000b\u0008c\td\ue000\ud83d\ude00\ud800x\uffff')).toBe('abc\td\ue000\ud83d\ude00x');
    expect(encodeOoxmlText('_x0041_')).toBe('_x005F_x0041_');
    expect(decodeOoxmlText(encodeOoxmlText('a_x0041_b'))).toBe('a_x0041_b');
    expect(decodeOoxmlText('line_x000D_')).toBe('line\r');
  });

  test('part names', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/d.xml')).toBe('xl/drawings/d.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/comments1.xml')).toBe('../comments1.xml');
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet3.xml')).toBe('worksheets/sheet3.xml');
    expect(relsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
  });
});

describe('quick used-range scan agrees with the full parse', () => {
  const cases: Record<string, string> = {
    plain: '<worksheet><sheetData><row r="2"><c r="B2" s="1"/><c r="C2"><v>1</v></c></row><row r="5"><c r="E5" t="inlineStr"><is><t>x</t></is></c><c r="F9"><f>1+1</f></c></row></sheetData></worksheet>',
    prefixed: '<x:worksheet xmlns:x="m"><x:sheetData><x:row><x:c r="AB10"><x:v>1</x:v></x:c><x:c r="C3" s="2"></x:c></x:row></x:sheetData></x:worksheet>',
    empty: '<worksheet><sheetData/></worksheet>',
    onlyStyles: '<worksheet><sheetData><row r="1"><c r="A1" s="3"/></row></sheetData></worksheet>',
    extLst: '<worksheet><sheetData><row r="1"><c r="D4"><extLst/></c><c r="A2" r2="x"><v>2</v></c></row></sheetData></worksheet>',
  };
  test.each(Object.keys(cases))('%s', (name) => {
    const bytes = strToU8(cases[name]);
    const full = readWorksheet(bytes, { scanOnly: true, sharedStrings: () => [], xfFormats: [], date1904: false }).used;
    expect(quickUsedRange(bytes)).toEqual(full);
  });

  test('falls back when cells have no r attribute or the data has comments', () => {
    expect(quickUsedRange(strToU8('<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>'))).toBeUndefined();
    expect(quickUsedRange(strToU8('<worksheet><sheetData><!-- x --><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'))).toBeUndefined();
  });
});

describe('streaming reader, parsers reused from part to part', () => {
  const opts = { sharedStrings: () => [], xfFormats: [], date1904: false };
  const sheet = (v: string): Uint8Array => strToU8(`<worksheet><sheetData><row r="1"><c r="A1"><v>${v}</v></c></row></sheetData></worksheet>`);

  test('a part that fails midway leaves nothing behind for the next one', () => {
    expect(() => readWorksheet(strToU8('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>'), opts)).toThrow();
    expect(() => readWorksheet(strToU8('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></x>'), opts)).toThrow();
    expect(keptValues(readWorksheet(sheet('7'), opts))).toEqual([7]);
    expect(keptValues(readWorksheet(sheet('8'), opts))).toEqual([8]);
  });

  test('cell texts of every length come back as written', () => {
    const texts = ['', 'x', 'ab', '100008 Enhet 9', 'Lønn 😀', '😀', '_x0041_ne', 'ends with space '];
    const cells = texts.map((t, i) => `<c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${t}</t></is></c>`).join('');
    const strs = texts.map((t, i) => `<c r="B${i + 1}" t="str"><f>T("")</f><v>${t}</v></c>`).join('');
    const ws = strToU8(`<worksheet><sheetData><row r="1">${cells}${strs}</row></sheetData></worksheet>`);
    const expected = texts.map((t) => t.replace('_x0041_', 'A'));
    expect(keptValues(readWorksheet(ws, opts))).toEqual([...expected, ...expected]);
  });

  test('shared strings parsed in the middle of a worksheet, again and again', () => {
    const sst = strToU8('<sst><si><t>first</t></si><si><r><t>sec</t></r><r><t>ond</t></r></si></sst>');
    const ws = strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c><c r="C1"><v>3</v></c></row></sheetData></worksheet>');
    for (let i = 0; i < 3; i++) {
      expect(keptValues(readWorksheet(ws, { ...opts, sharedStrings: () => readSharedStrings(sst) }))).toEqual(['second', 'first', 3]);
    }
  });
});

describe('streaming reader, text across chunk boundaries', () => {
  test('chunks end at the start of a character', () => {
    const bytes = strToU8('aø€😀b'); // 1 + 2 + 3 + 4 + 1 bytes
    const ends = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((size) => chunkEnd(bytes, 0, size));
    expect(ends).toEqual([1, 1, 3, 3, 3, 6, 6, 6, 6, 10]);
  });

  test('a part of several megabytes with characters of every length reads back exactly', () => {
    const texts = Array.from({ length: 50_000 }, (_, i) => `${i} ${'€😀ø'.repeat(1 + (i % 5))}`);
    const body = texts.map((t) => `<si><t>${t}</t></si>`).join('') + '</sst>';
    // Spaces in the start tag shift the text until the first chunk's 1 MiB would end inside a character.
    const shifted = [0, 1, 2, 3].map((n) => strToU8(`\uFEFF<sst${' '.repeat(n)}>${body}`));
    const bytes = shifted.find((b) => (b[1 << 20] & 0xc0) === 0x80) as Uint8Array;
    expect(bytes.length).toBeGreaterThan(2 * (1 << 20));
    expect(readSharedStrings(bytes)).toEqual(texts);
  });
});

describe('browser safety', () => {
  test('only file.ts imports Node modules; the rest uses fflate, saxes and @xmldom/xmldom', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('fs') as typeof import('fs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path = require('path') as typeof import('path');
    const dir = path.resolve(__dirname, '..', '..', 'src', 'workbook', 'xlsx');
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'file.ts')) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      // imports, and requires of what is loaded only when first used (fflate)
      const specs = [...src.matchAll(/(?:from |require\()'([^']+)'/g)].map((m) => m[1]);
      for (const s of specs) expect({ f, s, ok: s.startsWith('.') || ['fflate', 'saxes', '@xmldom/xmldom'].includes(s) }).toEqual({ f, s, ok: true });
      expect(/\b(require\((?!')|Buffer\.|process\.)/.test(src)).toBe(false);
    }
  });
});

describe('what the reader cannot read, and the 1904 date system', () => {
  const opts = { sharedStrings: () => ['Enhet', 'Lønn'], xfFormats: ['General', 'mmm yyyy'], date1904: false };

  test('a shared string the workbook does not have, or a cell type no reader knows, is unreadable, not empty', () => {
    const ws = strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>7</v></c><c r="C1" t="x"><v>3</v></c></row></sheetData></worksheet>');
    const values = keptValues(readWorksheet(ws, opts));
    expect(values[0]).toBe('Lønn');
    expect(unreadableReason(values[1])).toBe('shared string 7 of 2');
    expect(unreadableReason(values[2])).toBe('cell type "x"');
  });

  test('a date in a 1904 workbook is the same month as in a 1900 one', () => {
    // 1 March 2024: serial 45352 in the 1900 system, 43890 in the 1904 one.
    const ws = (serial: number): Uint8Array => strToU8(`<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>${serial}</v></c><c r="B1"><v>${serial}</v></c><c r="C1" t="d"><v>2024-03-01</v></c></row></sheetData></worksheet>`);
    const mac = keptValues(readWorksheet(ws(43890), { ...opts, date1904: true }));
    const win = keptValues(readWorksheet(ws(45352), opts));
    expect(periodOfCell(mac[0], 'mmm yyyy')).toBe('2024-03');
    expect(periodOfCell(win[0], 'mmm yyyy')).toBe('2024-03');
    // A number that is no date keeps its value; a typed date is a 1900-system serial in both.
    expect(mac[1]).toBe(43890);
    expect(mac[2]).toBe(win[2]);
    expect(periodOfCell(mac[2], 'yyyy-mm-dd')).toBe('2024-03');
  });
});
