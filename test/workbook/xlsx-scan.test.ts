/**
 * The worksheet scanner (the fast way of reading a sheet's cells) against saxes (the general XML
 * parser it stands in for): every worksheet of every workbook we have, and the XML a scanner gets
 * wrong most easily, read both ways, must come back the same; what the scanner does not read it
 * leaves to saxes, and what is not well-formed fails as before.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, unzipSync } from 'fflate';
import { unreadableReason } from '../../src/core/grid';
import {
  CellTextTooLong,
  keptValues,
  numberOf,
  readSharedStrings,
  readWorksheet,
  readWorksheetFast,
  readWorksheetWithSaxes,
  type ReadOptions,
  type SheetCells,
} from '../../src/workbook/xlsx/sheetReader';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { FIXTURES, REPO_ROOT } from './helpers';

function workbooksUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? workbooksUnder(p) : /\.xls[xm]$/i.test(e.name) ? [p] : [];
  });
}

const WORKBOOKS = [FIXTURES, path.join(REPO_ROOT, 'test', 'fixtures'), path.join(REPO_ROOT, 'examples')].flatMap(workbooksUnder);
const FORMATS = ['General', 'mmm yyyy', '0.00', 'yyyy-mm-dd', '#,##0'];

describe('every worksheet of every workbook we have reads the same with the scanner as with saxes', () => {
  test('there are workbooks to read (the shared fixtures, the test fixtures, the examples)', () => {
    expect(WORKBOOKS.filter((f) => f.startsWith(FIXTURES)).length).toBeGreaterThanOrEqual(6);
    expect(WORKBOOKS.filter((f) => !f.startsWith(FIXTURES)).length).toBeGreaterThanOrEqual(6);
  });

  test.each(WORKBOOKS.map((f) => [path.relative(path.dirname(REPO_ROOT), f), f]))('%s', (_name, file) => {
    const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const sstPart = Object.keys(parts).find((n) => /sharedStrings\.xml$/i.test(n));
    const sst = sstPart ? readSharedStrings(parts[sstPart]) : [];
    const sheets = Object.keys(parts).filter((n) => /worksheets\/[^/]+\.xml$/i.test(n));
    expect(sheets.length).toBeGreaterThan(0);
    for (const name of sheets) {
      for (const date1904 of [false, true]) {
        const opts: ReadOptions = { sharedStrings: () => sst, xfFormats: FORMATS, date1904 };
        const fast = readWorksheetFast(parts[name], opts);
        // Excel's, LibreOffice's and our own sheets are all of the shape the scanner reads.
        expect({ name, fast: fast !== null }).toEqual({ name, fast: true });
        expect(fast).toEqual(readWorksheetWithSaxes(parts[name], opts));
        expect(readWorksheetFast(parts[name], { ...opts, scanOnly: true })?.used).toEqual(fast?.used);
      }
    }
  });
});

const opts: ReadOptions = { sharedStrings: () => ['Lønn', 'Enhet &amp; drift', 'x'], xfFormats: FORMATS, date1904: false };
const sheet = (data: string, head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="m">'): Uint8Array =>
  strToU8(`${head}<sheetData>${data}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`);

/** What saxes reads, or the error it throws (its class and message). */
function bothWays(bytes: Uint8Array): unknown {
  const read = (f: (b: Uint8Array, o: ReadOptions) => unknown): unknown => {
    try {
      return f(bytes, opts);
    } catch (e) {
      return { threw: (e as Error).constructor.name, message: (e as Error).message };
    }
  };
  const expected = read(readWorksheetWithSaxes);
  expect(read(readWorksheet)).toEqual(expected);
  return expected;
}

describe('the XML a scanner gets wrong most easily reads as saxes reads it', () => {
  const scanned: Record<string, string> = {
    'entities and character references':
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#248;&#xF8;&#x1F600; ]]&gt;</t></is></c></row>',
    'xml:space, white space kept as written':
      '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">  two  spaces\n</t></is></c><c r="B1" t="inlineStr"><is><t> x </t></is></c></row>',
    'rich text runs, phonetic runs left out':
      '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>Lø</t></r><r><t>nn</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh><phoneticPr fontId="1"/></is></c></row>',
    'self-closing cells, styled and not, and cells without a reference':
      '<row r="2" spans="1:4"><c r="A2" s="1"/><c r="B2"/><c><v>3</v></c><c s="2"><v>4</v></c></row><row><c><v>5</v></c></row>',
    'shared strings, booleans, errors, dates, numbers':
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>9</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#REF!</v></c><c r="G1" t="e"><v>#N/A</v></c><c r="H1" t="d"><v>2024-03-01</v></c><c r="I1" t="d"><v>2024-03-01T12:00:00</v></c><c r="J1" s="1"><v>45352</v></c><c r="K1"><v>-0</v></c><c r="L1"><v>1.5E+10</v></c><c r="M1"><v> 7 </v></c><c r="N1"><v>0.1</v></c><c r="O1"><v>123456789012.3456</v></c><c r="P1"><v>abc</v></c><c r="Q1"><v></v></c><c r="R1"><v/></c><c r="S1" t="x"><v>1</v></c><c r="T1" t=""><v>1</v></c></row>',
    'formulas: plain, shared, array, data tables, string results':
      '<row r="1"><c r="A1"><f>B1+1</f><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">C1*2</f><v>0</v></c><c r="C1" t="str"><f>T("x")</f><v>x</v></c><c r="D1" t="str"><f>T("")</f></c><c r="E1"><f t="array" ref="E1:E2">{1;2}</f><v>1</v></c><c r="F1"><f t="dataTable" ref="F1:F2" dt2D="0" dtr="0" r1="A1"/><v>1</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>0</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"></f><v>0</v></c></row>',
    'hidden rows, attributes in either quotes, white space between tags':
      '<row r="1" hidden="1">\n  <c r=\'A1\' s = "1" ><v>1</v></c>\n</row>\n<row r="2" hidden="true"><c r="A2"><v>2</v></c></row><row r="3" hidden="0"><c r="A3"><v>3</v></c></row>',
    'text outside the values, kept by no one': '<row r="1">stray &amp; more<c r="A1">x<v>1</v>y</c></row>',
    'unknown elements in rows and cells':
      '<row r="1"><extLst><ext uri="x"><y/></ext></extLst><c r="A1"><extLst/><v>1</v></c><c r="B1"><is><t>not inline</t></is><v>2</v></c></row>',
    'cell texts of every length, OOXML escapes':
      '<row r="1"><c r="A1" t="inlineStr"><is><t></t></is></c><c r="B1" t="inlineStr"><is><t>x</t></is></c><c r="C1" t="inlineStr"><is><t>100008 Enhet 9 😀</t></is></c><c r="D1" t="inlineStr"><is><t>_x0041_ne_x000D_</t></is></c><c r="E1" t="str"><v>ab</v></c></row>',
    'lower-case cell references, absolute ones, and ones that are not':
      '<row r="1"><c r="$b$1"><v>1</v></c><c r="c1"><v>2</v></c><c r="A0"><v>3</v></c><c r="1A"><v>4</v></c><c r="Z"><v>5</v></c></row>',
  };
  test.each(Object.keys(scanned))('%s (read by the scanner)', (name) => {
    const bytes = sheet(scanned[name]);
    expect(readWorksheetFast(bytes, opts)).not.toBeNull();
    const read = bothWays(bytes);
    expect(read).toHaveProperty('lines');
  });

  test('cells shorter than the reader makes room for, many of them, are all read, both ways', () => {
    // `<c><v>7</v></c>` is 14 bytes: more cells than the room made for the part's size, so it grows.
    const row = Array.from({ length: 5000 }, (_, i) => `<c><v>${i % 10}</v></c>`).join('');
    const read = bothWays(sheet(`<row r="1">${row}</row><row r="2"><c r="B2"><v>42</v></c></row>`)) as SheetCells;
    expect(keptValues(read)).toEqual([...Array.from({ length: 5000 }, (_, i) => i % 10), 42]);
    expect([read.cols[4999], read.rows[5000], read.cols[5000]]).toEqual([4999, 1, 1]);
  });

  test('what the cells hold, read by the scanner', () => {
    const read = (data: string): unknown[] => keptValues(readWorksheetFast(sheet(data), opts) as SheetCells);
    expect(read(scanned['entities and character references'])).toEqual(['a & b <c> "d" \'e\' øø😀 ]]>']);
    expect(read(scanned['rich text runs, phonetic runs left out'])).toEqual(['Lønn']);
    const values = read(scanned['shared strings, booleans, errors, dates, numbers']);
    expect(values.slice(0, 2)).toEqual(['Lønn', 'Enhet &amp; drift']);
    expect(unreadableReason(values[2] as never)).toBe('shared string 9 of 3');
    expect(values.slice(3, 7)).toEqual([true, false, { error: '#REF!' }, { error: '#N/A' }]);
    expect(values.slice(7, 9)).toEqual([45352, 45352.5]);
    expect(values.slice(9, 16)).toEqual([45352, -0, 1.5e10, 7, 0.1, 123456789012.3456, 'abc']);
    expect(values.slice(16, 18)).toEqual([null, null]);
  });

  const leftToSaxes: Record<string, string> = {
    'a comment': '<row r="1"><!-- x --><c r="A1"><v>1</v></c></row>',
    CDATA: '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row>',
    'a processing instruction': '<row r="1"><?pi x?><c r="A1"><v>1</v></c></row>',
    'a prefixed element': '<row r="1"><x:c r="A1" xmlns:x="m"><x:v>1</x:v></x:c></row>',
    'carriage returns': '<row r="1">\r\n<c r="A1" t="inlineStr"><is><t>a\r\nb\rc</t></is></c></row>',
    'an attribute value with an entity, a tab or a newline':
      '<row r="1"><c r="A&#49;"><v>1</v></c><c r="B1" s="\t1"><v>2</v></c><c r="C1" t="\nn"><v>3</v></c></row>',
    'a sheetData inside the sheetData': '<row r="1"><c r="A1"><v>1</v></c></row><sheetData/><row r="2"><c r="A2"><v>2</v></c></row>',
  };
  test.each(Object.keys(leftToSaxes))('%s (left to saxes)', (name) => {
    const bytes = sheet(leftToSaxes[name]);
    expect(readWorksheetFast(bytes, opts)).toBeNull();
    expect(bothWays(bytes)).toHaveProperty('lines');
  });

  test('a prefixed worksheet, one whose sheetData has attributes, and XML 1.1 are left to saxes', () => {
    for (const bytes of [
      strToU8('<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>'),
      strToU8('<worksheet><sheetData a="1"><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'),
      sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a\u2028b\u0085</t></is></c></row>', '<?xml version="1.1"?><worksheet>'),
    ]) {
      expect(readWorksheetFast(bytes, opts)).toBeNull();
      expect(bothWays(bytes)).toHaveProperty('lines');
    }
  });

  const notWellFormed: Record<string, string> = {
    'an undefined entity': '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>',
    'a character reference XML forbids': '<row r="1"><c r="A1" t="inlineStr"><is><t>&#1;</t></is></c></row>',
    'an upper-case X in a hexadecimal reference': '<row r="1"><c r="A1" t="inlineStr"><is><t>&#X41;</t></is></c></row>',
    'a forbidden character': '<row r="1"><c r="A1" t="inlineStr"><is><t>a\u0001b</t></is></c></row>',
    ']]> in text': '<row r="1"><c r="A1" t="inlineStr"><is><t>a]]>b</t></is></c></row>',
    'a duplicate attribute': '<row r="1"><c r="A1" r="B1"><v>1</v></c></row>',
    'no white space between attributes': '<row r="1"><c r="A1"s="1"><v>1</v></c></row>',
    'an unquoted attribute': '<row r="1"><c r=A1><v>1</v></c></row>',
    '< in an attribute value': '<row r="1"><c r="A<1"><v>1</v></c></row>',
    'a tag left open': '<row r="1"><c r="A1"><v>1</v></row>',
    'a closing tag that does not match': '<row r="1"><c r="A1"><v>1</x></c></row>',
    'a closing tag too many': '<row r="1"><c r="A1"><v>1</v></c></row></row>',
    'a malformed tail after sheetData': '<row r="1"><c r="A1"><v>1</v></c></row></sheetData><x></worksheet>',
  };
  test.each(Object.keys(notWellFormed))('%s fails as before', (name) => {
    expect(bothWays(sheet(notWellFormed[name]))).toHaveProperty('threw');
  });

  test('a text longer than a cell holds is named at its cell either way', () => {
    const bytes = sheet(`<row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>${'L'.repeat(40_000)}</t></is></c></row>`);
    expect(bothWays(bytes)).toEqual({ threw: 'CellTextTooLong', message: "a cell's text is 40000 characters long" });
    expect(() => readWorksheet(bytes, opts)).toThrow(CellTextTooLong);
  });
});

describe('numbers read directly are the numbers Number reads', () => {
  test('plain decimals of every length, and what is left to Number', () => {
    const texts = [
      '0',
      '-0',
      '1',
      '007',
      '0.1',
      '0.30000000000000004',
      '-12.50',
      '999999999999999',
      '9999999999999999',
      '123456.789012345',
      '1.',
      '.5',
      '-',
      '',
      '1e3',
      '+1',
      ' 1',
      '1 ',
      '0x10',
      'Infinity',
      '1.2.3',
      '--1',
    ];
    for (const t of texts) expect([t, numberOf(t)]).toEqual([t, Number(t)]);
  });

  test('random decimals as Excel writes them', () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const wrong: unknown[] = [];
    for (let i = 0; i < 20_000; i++) {
      const digits = Math.floor(rnd() * 17) + 1;
      let s = '';
      for (let d = 0; d < digits; d++) s += Math.floor(rnd() * 10);
      const point = Math.floor(rnd() * (digits + 1));
      const t = (rnd() < 0.3 ? '-' : '') + (point > 0 && point < digits ? `${s.slice(0, point)}.${s.slice(point)}` : s);
      if (!Object.is(numberOf(t), Number(t))) wrong.push([t, numberOf(t)]);
      const v = String((rnd() - 0.5) * 10 ** Math.floor(rnd() * 12));
      if (!Object.is(numberOf(v), Number(v))) wrong.push([v, numberOf(v)]);
    }
    expect(wrong).toEqual([]);
  });
});

describe("a person's sheet is read once, when it is listed", () => {
  async function workbook(): Promise<XlsxWorkbook> {
    const wb = XlsxWorkbook.create('t.xlsx');
    await wb.addPlainSheet({
      name: 'Data',
      cells: [
        { row: 1, col: 1, value: 'Lønn' },
        { row: 2, col: 2, value: 12.5 },
      ],
    });
    await wb.writeSheet({ name: 'Ours', cells: [{ row: 0, col: 0, value: 'x' }] }, 'followup');
    return XlsxWorkbook.open(wb.save(), 't.xlsx');
  }

  test('the cells read when listing are the cells read again, and a sheet written since is read anew', async () => {
    const wb = await workbook();
    expect((await wb.listSheets()).map((s) => [s.name, s.usedRange])).toEqual([
      ['Data', { top: 1, left: 1, bottom: 2, right: 2 }],
      ['Ours', { top: 0, left: 0, bottom: 0, right: 0 }],
    ]);
    const first = await wb.readSheet('Data');
    expect(first.values).toEqual([
      ['Lønn', null],
      [null, 12.5],
    ]);
    expect(await wb.readSheet('Data')).toEqual(first);
    expect((await wb.readSheet('Data', { top: 2, left: 2, bottom: 2, right: 2 })).values).toEqual([[12.5]]);
    await wb.writeSheet({ name: 'Ours', cells: [{ row: 0, col: 0, value: 'y' }] }, 'followup');
    expect((await wb.readSheet('Ours')).values).toEqual([['y']]);
  });

  test('rows as sheets hold them: whole, out of order, read twice, broken by another row, formatted past their content', async () => {
    const src = await workbook();
    const parts = unzipSync(src.save());
    const name = Object.keys(parts).find((n) => /worksheets\/sheet1\.xml$/.test(n)) as string;
    const data =
      '<row r="1"><c r="A1"><f>0+1</f><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>' +
      '<row r="2"><c r="A2"><v>4</v></c><c r="C2"><v>6</v></c><c r="B2"><v>5</v></c></row>' +
      '<row r="3"><c r="A3"><v>7</v></c><c r="B3"><v>8</v></c><c r="C3"><v>9</v></c><c r="D3" s="1"/></row>' +
      '<row r="4"><c r="A4"><v>10</v></c><c r="B4"><v>11</v></c><c r="C4" t="inlineStr"><is><t>tolv</t></is></c></row>' +
      '<row r="4"><c r="B4"><v>99</v></c></row>' +
      '<row r="5"><c r="A5"><v>13</v></c><c r="A6"><v>14</v></c><c r="B5"><v>15</v></c><c r="C5"><f>A5+2</f><v>16</v></c></row>' +
      '<row r="8"><c r="B8"><v>17</v></c></row>';
    const xml = new TextDecoder().decode(parts[name]).replace(/<sheetData>.*<\/sheetData>/, `<sheetData>${data}</sheetData>`);
    const { zipSync } = await import('fflate');
    const wb = XlsxWorkbook.open(zipSync({ ...parts, [name]: strToU8(xml) }), 'rows.xlsx');
    expect((await wb.listSheets()).find((s) => s.name === 'Data')?.usedRange).toEqual({ top: 0, left: 0, bottom: 7, right: 2 });
    const whole = await wb.readSheet('Data');
    expect(whole.values).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
      [10, 99, 'tolv'],
      [13, 15, 16],
      [14, null, null],
      [null, null, null],
      [null, 17, null],
    ]);
    expect(whole.formulas).toEqual([
      ['0+1', null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [null, null, 'A5+2'],
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    expect(whole.formats.map((row) => row.length)).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    expect((await wb.readSheet('Data', { top: 3, left: 1, bottom: 4, right: 2 })).values).toEqual([
      [99, 'tolv'],
      [15, 16],
    ]);
  });

  test('a sheet that cannot be read is still listed; reading it says why, as before', async () => {
    const src = await workbook();
    const parts = unzipSync(src.save());
    const name = Object.keys(parts).find((n) => /worksheets\/sheet1\.xml$/.test(n)) as string;
    const xml = new TextDecoder().decode(parts[name]).replace('<is><t>Lønn</t></is>', `<is><t>${'L'.repeat(40_000)}</t></is>`);
    expect(xml).toContain('L'.repeat(40_000));
    const { zipSync } = await import('fflate');
    const wb = XlsxWorkbook.open(zipSync({ ...parts, [name]: strToU8(xml) }), 'long.xlsx');
    expect((await wb.listSheets()).find((s) => s.name === 'Data')?.usedRange).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    await expect(wb.readSheet('Data')).rejects.toThrow('"long.xlsx": Data!B2 holds a text of 40,000 characters; a cell holds at most 32,767');
  });
});
