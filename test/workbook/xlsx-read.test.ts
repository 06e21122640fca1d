/** Reading real and hand-made workbooks: values, formats, formulas, hidden rows, merges, pivots. */
import { strToU8, zipSync } from 'fflate';
import { isCellError } from '../../src/core/grid';
import { isFollowUpError } from '../../src/core/errors';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { fixture } from './helpers';

describe('no-drammen-p06-2022-02.xlsx (an Excel file with pivot output as values)', () => {
  const wb = XlsxWorkbook.open(fixture('no-drammen-p06-2022-02.xlsx'), 'no-drammen-p06-2022-02.xlsx');

  test('lists its sheets with used ranges from the cells present', async () => {
    const sheets = await wb.listSheets();
    expect(sheets.map((s) => s.name)).toEqual(['Regnskap', 'Tiltak', 'Ramme']);
    expect(sheets.every((s) => s.visible && s.generated === null)).toBe(true);
    expect(sheets[0].usedRange).toEqual({ top: 0, left: 0, bottom: 8, right: 8 });
    expect(await wb.listPivots()).toEqual([]);
  });

  test('reads Regnskap: shared strings, numbers exactly, number formats', async () => {
    const g = await wb.readSheet('Regnskap');
    expect(g.sheet).toBe('Regnskap');
    expect([g.top, g.left]).toEqual([0, 0]);
    expect(g.values[2][0]).toBe('Summer av Beløp'); // A3
    expect(g.values[3][1]).toBe('202101'); // B4: text, not a number
    expect(g.values[4][3]).toBe(147910283.6); // D5
    expect(g.values[8][8]).toBe(152663978.20000002); // I9
    expect(g.values[1][0]).toBeNull();
    expect(g.formats[4][3]).toBe('# ##0'); // custom numFmt 164
    expect(g.formats[4][0]).toBe('General');
    expect(g.formulas).toBeUndefined();
    expect(g.hiddenRows?.size).toBe(0);
  });

  test('a range clips the grid and keeps sheet coordinates', async () => {
    const g = await wb.readSheet('Regnskap', { top: 3, left: 1, bottom: 4, right: 3 });
    expect([g.top, g.left]).toEqual([3, 1]);
    expect(g.values).toEqual([
      ['202101', '202102', 'Totalsum'],
      [67579886, 80330397.6, 147910283.6],
    ]);
    const beyond = await wb.readSheet('Ramme', { top: 3, left: 0, bottom: 200, right: 40 });
    expect(beyond.values.length).toBe(2); // clipped to the used range
    expect(beyond.values[1][0]).toBe('Tiltak (mill. kr)');
  });

  test('sheet names are found case-insensitively; unknown names are not-found errors', async () => {
    expect((await wb.readSheet('tiltak')).sheet).toBe('Tiltak');
    await expect(wb.readSheet('Nope')).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('lo-real-pivot-ledger.xlsx (LibreOffice: a real pivot table, a chart, a defined name)', () => {
  const wb = XlsxWorkbook.open(fixture('lo-real-pivot-ledger.xlsx'), 'lo-real-pivot-ledger.xlsx');

  test('finds the pivot table PivotLedger on sheet Pivot at A3:E8', async () => {
    expect(await wb.listPivots()).toMatchObject([{ name: 'PivotLedger', sheet: 'Pivot', range: { top: 2, left: 0, bottom: 7, right: 4 } }]);
  });

  test('reads the pivot definition: its cache source, fields, data field and totals', async () => {
    const [p] = await wb.listPivots();
    expect(p.definition).toEqual({
      cache: 'xl/pivotCache/pivotCacheDefinition1.xml',
      source: { sheet: 'Data', range: { top: 0, left: 0, bottom: 18, right: 3 }, name: null },
      rowFields: ['Art'],
      columnFields: ['Periode'],
      pageFields: [],
      dataFields: [{ name: 'Sum - Beløp', field: 'Beløp', summary: 'sum', showAs: null }],
      valuesOnRows: false,
      layout: 'outline',
      subtotals: 'off',
      grandTotalRow: true,
      grandTotalColumn: true,
    });
  });

  test('reads formulas and the pivot output', async () => {
    const data = await wb.readSheet('Data');
    expect(data.formulas?.[1][6]).toBe('SUM(D2:D19)');
    expect(data.values[1][6]).toBe(124785);
    expect(data.formats[1][3]).toBe('[$-409]#,##0');
    const pivot = await wb.readSheet('Pivot');
    expect(pivot.values[7]).toEqual(['Total Result', 25757, 41595, 57433, 124785]);
    expect(pivot.formats[7][1]).toBe('#,##0');
  });
});

/** A hand-written package exercising the corners of SpreadsheetML that real files use. */
function oddWorkbook(): Uint8Array {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sheet1 =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="${main}" xmlns:r="${rel}">` +
    '<x:dimension ref="A1:Z999"/><x:sheetData>' +
    '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>inline </x:t></x:r><x:r><x:t>rich</x:t></x:r></x:is></x:c></x:row>' +
    '<x:row r="2" hidden="1"><x:c r="A2" s="1"><x:v>0.25</x:v></x:c><x:c r="B2" s="2"><x:v>0.125</x:v></x:c><x:c r="C2" s="3"><x:v>44600</x:v></x:c><x:c r="D2" s="4"><x:v>1234.5</x:v></x:c><x:c r="E2" s="5"><x:v>-7</x:v></x:c></x:row>' +
    '<x:row r="3"><x:c r="A3"><x:f t="shared" ref="A3:C3" si="0">A2*2+$B$2</x:f><x:v>0.625</x:v></x:c><x:c r="B3"><x:f t="shared" si="0"/><x:v>0.375</x:v></x:c><x:c r="C3"><x:f t="shared" si="0"/><x:v>89200.125</x:v></x:c></x:row>' +
    '<x:row r="4"><x:c r="A4" t="b"><x:v>1</x:v></x:c><x:c r="B4" t="e"><x:v>#REF!</x:v></x:c><x:c r="C4" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="D4" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="E4" t="d"><x:v>2022-02-28</x:v></x:c></x:row>' +
    '<x:row><x:c><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c><x:c r="F5" t="inlineStr"><x:is><x:t>line_x000D_break</x:t></x:is></x:c></x:row>' +
    '<x:row r="6"><x:c r="A6" t="inlineStr"><x:is><x:t>merged</x:t></x:is></x:c></x:row>' +
    '<x:row r="7"><x:c r="B7" s="1"/></x:row>' +
    '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A6:C6"/></x:mergeCells>' +
    '<x:extLst><x:ext uri="{x}"><x14:conditionalFormattings xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:conditionalFormatting><x14:cfRule type="expression"><xm:f>A1&gt;0</xm:f></x14:cfRule><xm:sqref>A1:A3</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></x:ext></x:extLst>' +
    '</x:worksheet>';
  const empty = `<worksheet xmlns="${main}"><sheetData/></worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/book.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/sheets/first.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sheets/second.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sheets/third.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${rel}/officeDocument" Target="/xl/book.xml"/></Relationships>`,
    ),
    'xl/book.xml': strToU8(
      `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Odd" sheetId="7" r:id="a"/><sheet name="Gone" sheetId="8" state="hidden" r:id="b"/><sheet name="Secret" sheetId="9" state="veryHidden" r:id="c"/></sheets>` +
        `<definedNames><definedName name="_BudgetFollowup_Generated" localSheetId="2">"follow""up"</definedName></definedNames></workbook>`,
    ),
    'xl/_rels/book.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="a" Type="${rel}/worksheet" Target="/xl/sheets/first.xml"/><Relationship Id="b" Type="${rel}/worksheet" Target="sheets/second.xml"/>` +
        `<Relationship Id="c" Type="${rel}/worksheet" Target="./sheets/../sheets/third.xml"/>` +
        `<Relationship Id="s" Type="${rel}/sharedStrings" Target="strings.xml"/><Relationship Id="st" Type="${rel}/styles" Target="look.xml"/></Relationships>`,
    ),
    'xl/strings.xml': strToU8(
      `<sst xmlns="${main}"><si><r><rPr><b/></rPr><t xml:space="preserve">Bold </t></r><r><t>and plain</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si></sst>`,
    ),
    'xl/look.xml': strToU8(
      `<styleSheet xmlns="${main}"><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="14"/><xf numFmtId="4"/><xf numFmtId="38"/></cellXfs></styleSheet>`,
    ),
    'xl/sheets/first.xml': strToU8(sheet1),
    'xl/sheets/second.xml': strToU8(empty),
    'xl/sheets/third.xml': strToU8(empty),
  });
}

describe('a hand-made workbook with the less common constructs', () => {
  const wb = XlsxWorkbook.open(oddWorkbook(), 'odd.xlsx');

  test('absolute and relative part paths, sheet states, the marker name', async () => {
    const sheets = await wb.listSheets();
    expect(sheets).toEqual([
      { name: 'Odd', visible: true, generated: null, usedRange: { top: 0, left: 0, bottom: 5, right: 5 } },
      { name: 'Gone', visible: false, generated: null, usedRange: null },
      { name: 'Secret', visible: false, generated: 'follow"up', usedRange: null },
    ]);
  });

  test('cell types, built-in formats, shared formulas, hidden rows, merges', async () => {
    const g = await wb.readSheet('Odd');
    expect(g.values[0]).toEqual(['Bold and plain', '漢字', 'inline rich', null, null, null]);
    expect(g.formats[1].slice(0, 5)).toEqual(['0%', '0.00%', 'mm-dd-yy', '#,##0.00', '#,##0 ;[Red](#,##0)']);
    expect(g.values[1].slice(0, 5)).toEqual([0.25, 0.125, 44600, 1234.5, -7]);
    expect(g.formulas?.[2].slice(0, 3)).toEqual(['A2*2+$B$2', 'B2*2+$B$2', 'C2*2+$B$2']);
    expect(g.values[3][0]).toBe(true);
    expect(g.values[3][1]).toEqual({ error: '#REF!' });
    expect(isCellError(g.values[3][2])).toBe(true);
    expect(g.formulas?.[3][2]).toBe('1/0');
    expect(g.values[3][3]).toBe('ab');
    expect(g.values[3][4]).toBe(44620); // 2022-02-28
    expect(g.values[4].slice(0, 2)).toEqual([5, 6]); // cells and row without r
    expect(g.values[4][5]).toBe('line\rbreak');
    expect([...(g.hiddenRows ?? [])]).toEqual([1]);
    expect(g.merges).toEqual([{ top: 5, left: 0, bottom: 5, right: 2 }]);
    // a formatted but empty cell outside the content does not widen the used range
    expect(g.values.length).toBe(6);
  });

  test('an empty sheet reads as an empty grid', async () => {
    const g = await wb.readSheet('Gone');
    expect(g.values).toEqual([]);
  });

  test('writing into a package with unusual part names keeps it readable', async () => {
    await wb.writeSheet({ name: 'New', cells: [{ row: 0, col: 0, value: 'x' }] }, 'followup');
    const again = XlsxWorkbook.open(wb.save(), 'odd.xlsx');
    expect((await again.listSheets()).map((s) => [s.name, s.generated])).toEqual([
      ['Odd', null],
      ['Gone', null],
      ['Secret', 'follow"up'],
      ['New', 'followup'],
    ]);
    expect((await again.readSheet('Odd')).formulas?.[2][1]).toBe('B2*2+$B$2');
    expect((await again.readSheet('New')).values).toEqual([['x']]);
  });

  test('damage inside a part is reported naming the file', async () => {
    const broken = zipSync({ ...unzipAll(oddWorkbook()), 'xl/sheets/first.xml': strToU8('<worksheet><sheetData><row></sheetData>') });
    const w = XlsxWorkbook.open(broken, 'broken.xlsx');
    const err = await w.readSheet('Odd').catch((e: unknown) => e);
    expect(isFollowUpError(err) && err.kind === 'bad-input' && err.message.includes('broken.xlsx')).toBe(true);
  });
});

function unzipAll(bytes: Uint8Array): Record<string, Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('fflate') as typeof import('fflate')).unzipSync(bytes);
}
