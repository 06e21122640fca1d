/** Writing generated sheets into real workbooks: nothing of the user's is lost, ours round-trips. */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { FollowUpError } from '../../src/core/errors';
import type { SheetLayout } from '../../src/report/layout';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { ROWS, entries, fixture, richLayout, text } from './helpers';

const LEDGER = 'lo-real-pivot-ledger.xlsx';
/** The only existing parts writeSheet may edit. */
const EDITABLE = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);

function dom(xml: string): Element {
  return new DOMParser({
    onError: (level: string, msg: string) => {
      throw new Error(`${level}: ${msg}`);
    },
  }).parseFromString(xml, 'text/xml').documentElement as Element;
}

function children(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (name === undefined || (n as Element).localName === name)) out.push(n as Element);
  }
  return out;
}

function outerXml(el: Element): string {
  return el.toString();
}

async function writeRich(bytes = fixture(LEDGER)): Promise<{ wb: XlsxWorkbook; saved: Uint8Array }> {
  const wb = XlsxWorkbook.open(bytes, LEDGER);
  await wb.writeSheet(richLayout(), 'followup');
  await wb.writeSettings('{"period":"2022-02"}');
  return { wb, saved: wb.save() };
}

describe('preservation: the user workbook comes back whole', () => {
  test('an Excel-made workbook (mc:Ignorable, x14ac attributes) keeps every part and attribute', async () => {
    const original = fixture('no-drammen-p06-2022-02.xlsx');
    const before = entries(original);
    const wb = XlsxWorkbook.open(original, 'no-drammen-p06-2022-02.xlsx');
    await wb.writeSheet(richLayout(), 'followup');
    const after = entries(wb.save());
    const names = Object.keys(before);
    expect(Object.keys(after).slice(0, names.length)).toEqual(names);
    for (const name of names) {
      if (!EDITABLE.has(name)) expect(Buffer.compare(Buffer.from(after[name]), Buffer.from(before[name]))).toBe(0);
    }
    const styles = text(after['xl/styles.xml']);
    expect(styles).toContain('mc:Ignorable="x14ac x16r2"');
    expect(styles).toMatch(/<fonts count="6" x14ac:knownFonts="1">/);
    expect(styles).toContain('<x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/>');
    expect(text(after['xl/workbook.xml'])).toContain('mc:Ignorable="x15"');
    expect(text(after['xl/workbook.xml'])).toContain('<calcPr calcId="171027" fullCalcOnLoad="1"/>');
    // the shared strings are untouched: our text is written inline
    expect(Buffer.compare(Buffer.from(after['xl/sharedStrings.xml']), Buffer.from(before['xl/sharedStrings.xml']))).toBe(0);
    const again = XlsxWorkbook.open(wb.save(), 'x.xlsx');
    expect((await again.readSheet('Regnskap')).values[3][1]).toBe('202101');
  });

  test('every original part is still there, byte-identical unless it is one we must edit, in the same order', async () => {
    const original = fixture(LEDGER);
    const before = entries(original);
    const { saved } = await writeRich(original);
    const after = entries(saved);
    const names = Object.keys(before);
    expect(Object.keys(after).slice(0, names.length)).toEqual(names);
    const changed: string[] = [];
    for (const name of names) {
      expect(after[name]).toBeDefined();
      if (Buffer.compare(Buffer.from(after[name]), Buffer.from(before[name])) !== 0) changed.push(name);
    }
    expect(changed.every((n) => EDITABLE.has(n))).toBe(true);
    // the pivot table, its cache, the chart and its drawing are untouched
    for (const n of ['xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml', 'xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/_rels/sheet2.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'docProps/app.xml', 'docProps/core.xml', '_rels/.rels']) {
      expect(changed).not.toContain(n);
    }
  });

  test('the edited parts still hold everything they had', async () => {
    const before = entries(fixture(LEDGER));
    const { saved } = await writeRich();
    const after = entries(saved);
    const wbBefore = dom(text(before['xl/workbook.xml']));
    const wbAfter = dom(text(after['xl/workbook.xml']));
    const wbXml = text(after['xl/workbook.xml']);
    expect(wbXml).toContain('<pivotCache cacheId="1" r:id="rId5"/>');
    expect(wbXml).toContain('name="Ledger" vbProcedure="false">Data!$A$1:$D$19</definedName>');
    expect(wbXml).toContain('<loext:extCalcPr stringRefSyntax="CalcA1"/>');
    const calcPr = children(wbAfter, 'calcPr')[0];
    expect(calcPr.getAttribute('fullCalcOnLoad')).toBe('1');
    expect(calcPr.getAttribute('iterateCount')).toBe('100');
    // workbook children keep their order; new ones only where the schema puts them
    expect(children(wbAfter).map((e) => e.localName)).toEqual(children(wbBefore).map((e) => e.localName));
    // every original relationship, content type, sheet and style record is still there, unchanged
    for (const part of ['xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
      const was = children(dom(text(before[part]))).map(outerXml);
      const now = children(dom(text(after[part]))).map(outerXml);
      expect(now.filter((x) => was.includes(x))).toEqual(was);
    }
    const sheetsBefore = children(children(wbBefore, 'sheets')[0]).map(outerXml);
    expect(children(children(wbAfter, 'sheets')[0]).map(outerXml).slice(0, sheetsBefore.length)).toEqual(sheetsBefore);
    const stBefore = dom(text(before['xl/styles.xml']));
    const stAfter = dom(text(after['xl/styles.xml']));
    for (const coll of ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'colors']) {
      const was = children(stBefore, coll).flatMap((c) => children(c)).map(outerXml);
      const now = children(stAfter, coll).flatMap((c) => children(c)).map(outerXml);
      expect(now.slice(0, was.length)).toEqual(was);
    }
    // styleSheet children in schema order
    const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
    const seen = children(stAfter).map((e) => order.indexOf(e.localName ?? ''));
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  test('new parts are declared: content types, relationships, unique sheetIds and rIds', async () => {
    const { saved } = await writeRich();
    const after = entries(saved);
    const ct = text(after['[Content_Types].xml']);
    const rels = dom(text(after['xl/_rels/workbook.xml.rels']));
    const ids = children(rels).map((r) => r.getAttribute('Id'));
    expect(new Set(ids).size).toBe(ids.length);
    const sheets = children(children(dom(text(after['xl/workbook.xml'])), 'sheets')[0]);
    const sheetIds = sheets.map((s) => s.getAttribute('sheetId'));
    expect(new Set(sheetIds).size).toBe(sheetIds.length);
    for (const s of sheets) {
      const rid = s.getAttribute('r:id');
      const rel = children(rels).find((r) => r.getAttribute('Id') === rid) as Element;
      const part = 'xl/' + rel.getAttribute('Target');
      expect(after[part]).toBeDefined();
      expect(ct).toContain(`PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"`);
    }
    expect(ct).toContain('ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"');
    expect(ct).toContain('<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
    // every XML part of the package is well-formed
    for (const [name, bytes] of Object.entries(after)) {
      if (/\.(xml|rels)$/.test(name)) expect(() => dom(text(bytes))).not.toThrow();
    }
  });

  test('the generated worksheet follows the schema element order', async () => {
    const { saved } = await writeRich();
    const after = entries(saved);
    const ws = dom(text(after['xl/worksheets/sheet3.xml']));
    const order = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
    const names = children(ws).map((e) => e.localName ?? '');
    expect(names).toEqual(['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'mergeCells', 'conditionalFormatting', 'conditionalFormatting', 'conditionalFormatting', 'conditionalFormatting', 'hyperlinks', 'pageMargins', 'pageSetup', 'headerFooter', 'legacyDrawing', 'extLst']);
    const idx = names.map((n) => order.indexOf(n));
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    const xml = text(after['xl/worksheets/sheet3.xml']);
    expect(xml).toContain('<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/>');
    expect(xml).toContain('showGridLines="0"');
    expect(xml).toContain('<tabColor rgb="FF2F75B5"/>');
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toContain('orientation="landscape" fitToWidth="1" fitToHeight="0"');
    expect(xml).toContain('<oddFooter>&amp;LBudget Follow-up&amp;RSide &amp;P av &amp;N</oddFooter>');
    expect(xml).toContain(`<hyperlink ref="A4" location="'Pivot'!A5" display="1 LØNN"/>`);
    // data bar: x14 extension with red negative bars and a middle axis, linked by id
    const id = /<x14:id>(\{[0-9A-F-]+\})<\/x14:id>/.exec(xml)?.[1];
    expect(id).toBeDefined();
    expect(xml).toContain(`<x14:cfRule type="dataBar" id="${id}">`);
    expect(xml).toContain('<x14:negativeFillColor rgb="FFFF0000"/>');
    expect(xml).toContain('axisPosition="middle"');
    const wbXml = text(after['xl/workbook.xml']);
    expect(wbXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">'Oppfølging'!$1:$3</definedName>`);
    expect(wbXml).toContain('<definedName name="_BudgetFollowup_Generated" localSheetId="2">"followup"</definedName>');
  });
});

describe('round trip: what writeSheet wrote, readSheet reads back', () => {
  test('values, formats, formulas; text stays text', async () => {
    const { saved } = await writeRich();
    const wb = XlsxWorkbook.open(saved, 'out.xlsx');
    const sheets = await wb.listSheets();
    expect(sheets.map((s) => [s.name, s.visible, s.generated])).toEqual([
      ['Data', true, null],
      ['Pivot', true, null],
      ['Oppfølging', true, 'followup'],
      ['_BudgetFollowup', false, 'settings'],
    ]);
    expect(await wb.listPivots()).toHaveLength(1);
    const g = await wb.readSheet('Oppfølging');
    expect([g.top, g.left]).toEqual([0, 0]);
    const layout = richLayout();
    for (const c of layout.cells) {
      const v = g.values[c.row - g.top][c.col - g.left];
      const expected = typeof c.value === 'string' ? c.value.replace(/\u0001/g, '') : c.value;
      expect({ at: [c.row, c.col], v }).toEqual({ at: [c.row, c.col], v: expected });
      expect(g.formulas?.[c.row][c.col] ?? null).toBe(c.formula ?? null);
      if (c.style?.numberFormat) expect(g.formats[c.row][c.col]).toBe(c.style.numberFormat);
    }
    expect(g.values[9][0]).toBe('=SUM(A1:A3)');
    expect(g.values[13][0]).toBe('=HYPERLINK("http://example.com","x")');
    expect(g.formulas?.[13][0]).toBeNull();
    expect(g.values[3 + ROWS.length][5]).toBe(false);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 6 }]);
    expect(await wb.readSettings()).toBe('{"period":"2022-02"}');
  });

  test('settings longer than one cell are chunked and read back whole', async () => {
    const wb = XlsxWorkbook.open(fixture(LEDGER), LEDGER);
    expect(await wb.readSettings()).toBeNull();
    const big = JSON.stringify({ notes: 'ø'.repeat(70000) + '😀'.repeat(20000), n: 1 });
    await wb.writeSettings(big);
    const again = XlsxWorkbook.open(wb.save(), 'x.xlsx');
    expect(await again.readSettings()).toBe(big);
    const g = await again.readSheet('_BudgetFollowup');
    expect(g.values.every((r) => typeof r[0] === 'string' && (r[0] as string).length <= 30000)).toBe(true);
    await again.writeSettings('{}');
    const third = XlsxWorkbook.open(again.save(), 'x.xlsx');
    expect(await third.readSettings()).toBe('{}');
    expect((await third.listSheets()).filter((s) => s.name === '_BudgetFollowup')).toHaveLength(1);
    expect(text(entries(third.save())['xl/workbook.xml'])).toContain('state="veryHidden"');
  });
});

describe('regeneration and refusal', () => {
  test('writing the same sheet again replaces it in place: one sheet, same sheetId, notes not duplicated, styles not grown', async () => {
    const first = (await writeRich()).saved;
    const wb = XlsxWorkbook.open(first, 'out.xlsx');
    const changed: SheetLayout = { ...richLayout(), cells: [{ row: 0, col: 0, value: 'Ny versjon', note: 'ny' }] };
    await wb.writeSheet(changed, 'followup');
    await wb.writeSheet(richLayout(), 'followup');
    const second = wb.save();
    const a = entries(first);
    const b = entries(second);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    expect(text(b['xl/styles.xml'])).toBe(text(a['xl/styles.xml']));
    const sheetsA = text(a['xl/workbook.xml']).match(/<sheet [^>]*>/g);
    const sheetsB = text(b['xl/workbook.xml']).match(/<sheet [^>]*>/g);
    expect(sheetsB).toEqual(sheetsA);
    expect(text(b['xl/workbook.xml']).match(/_BudgetFollowup_Generated/g)).toHaveLength(2);
    expect(text(b['xl/workbook.xml']).match(/_xlnm.Print_Titles/g)).toHaveLength(1);
    expect(Object.keys(b).filter((n) => /comments|vmlDrawing/.test(n)).sort()).toEqual(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']);
    const again = XlsxWorkbook.open(second, 'out.xlsx');
    expect((await again.listSheets()).map((s) => s.name)).toEqual(['Data', 'Pivot', 'Oppfølging', '_BudgetFollowup']);
  });

  test('a sheet without notes drops the old comments and drawing', async () => {
    const wb = XlsxWorkbook.open((await writeRich()).saved, 'out.xlsx');
    await wb.writeSheet({ name: 'Oppfølging', cells: [{ row: 0, col: 0, value: 1 }] }, 'followup');
    const after = entries(wb.save());
    expect(Object.keys(after).filter((n) => /comments|vml|sheet3\.xml\.rels/.test(n))).toEqual([]);
    expect(text(after['[Content_Types].xml'])).not.toContain('comments1.xml');
    expect(text(after['xl/workbook.xml'])).not.toContain('Print_Titles');
  });

  test("a person's sheet is never overwritten", async () => {
    const wb = XlsxWorkbook.open(fixture(LEDGER), LEDGER);
    for (const name of ['Data', 'pivot']) {
      const err = await wb.writeSheet({ name, cells: [] }, 'followup').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FollowUpError);
      expect((err as FollowUpError).message).toContain(name === 'pivot' ? '"Pivot"' : '"Data"');
    }
    await expect(wb.addPlainSheet({ name: 'Data', cells: [] })).rejects.toBeInstanceOf(FollowUpError);
    // nothing changed
    const before = entries(fixture(LEDGER));
    const after = entries(wb.save());
    for (const n of Object.keys(before)) expect(Buffer.compare(Buffer.from(after[n]), Buffer.from(before[n]))).toBe(0);
  });

  test('a plain sheet carries no marker and cannot be replaced by writeSheet', async () => {
    const wb = XlsxWorkbook.create();
    await wb.addPlainSheet({ name: 'Budsjett 2024', cells: [{ row: 0, col: 0, value: 'Konto' }] });
    expect((await wb.listSheets())[0]).toMatchObject({ name: 'Budsjett 2024', generated: null, visible: true });
    await expect(wb.writeSheet({ name: 'budsjett 2024', cells: [] }, 'followup')).rejects.toThrow(/Budsjett 2024/);
  });

  test('invalid sheet names and layouts are refused with a clear message', async () => {
    const wb = XlsxWorkbook.create();
    await expect(wb.writeSheet({ name: 'a/b', cells: [] }, 'x')).rejects.toThrow(/a\/b/);
    await expect(wb.writeSheet({ name: 'x'.repeat(32), cells: [] }, 'x')).rejects.toThrow(/31/);
    await expect(wb.writeSheet({ name: 'M', cells: [], merges: ['A1:B2', 'B2:C3'] }, 'x')).rejects.toThrow(/overlapping/);
    await expect(wb.writeSheet({ name: 'T', cells: [{ row: 0, col: 0, value: 'x'.repeat(40000) }] }, 'x')).rejects.toThrow(/T!A1/);
    await expect(wb.writeSheet({ name: 'C', cells: [], tabColor: 'blue' }, 'x')).rejects.toThrow(/blue/);
    // a style shared by many cells is checked once, a bad colour in a later style still refused
    const fine = { fill: 'DDEBF7' };
    const cells = [0, 1, 2].map((row) => ({ row, col: 0, value: row, style: fine }));
    const badFont = { row: 3, col: 0, value: 3, style: { color: 'rød' } };
    const badFill = { row: 3, col: 1, value: 3, style: { fill: '#12345' } };
    await expect(wb.writeSheet({ name: 'S', cells: [...cells, badFont] }, 'x')).rejects.toThrow(/font colour "rød"/);
    await expect(wb.writeSheet({ name: 'S', cells: [...cells, badFill] }, 'x')).rejects.toThrow(/fill colour "#12345"/);
    // a refused layout leaves the workbook untouched
    expect(await wb.listSheets()).toEqual([]);
    expect(() => wb.save()).toThrow(FollowUpError); // no visible sheet yet
  });
});

describe('new workbooks and macro workbooks', () => {
  test('create() + sheets gives a valid package', async () => {
    const wb = XlsxWorkbook.create();
    await wb.addPlainSheet({ name: 'Data', cells: [{ row: 0, col: 0, value: 'Konto', style: { bold: true } }, { row: 1, col: 0, value: 1000 }] });
    await wb.writeSheet({ name: 'Rapport', cells: [{ row: 0, col: 0, value: 1000, formula: 'Data!A2', style: { numberFormat: '# ##0 "kr"' } }] }, 'followup');
    const again = XlsxWorkbook.open(wb.save(), 'new.xlsx');
    const g = await again.readSheet('Rapport');
    expect(g.values).toEqual([[1000]]);
    expect(g.formulas).toEqual([['Data!A2']]);
    expect(g.formats).toEqual([['# ##0 "kr"']]);
    expect((await again.readSheet('Data')).values).toEqual([['Konto'], [1000]]);
  });

  test('an .xlsm keeps its VBA project and macro content type', async () => {
    const parts = unzipSync(fixture(LEDGER));
    const vba = new Uint8Array(4096).map((_v, i) => (i * 7919) % 256);
    parts['xl/vbaProject.bin'] = vba;
    parts['[Content_Types].xml'] = strToU8(
      text(parts['[Content_Types].xml'])
        .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
        .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"'),
    );
    parts['xl/_rels/workbook.xml.rels'] = strToU8(
      text(parts['xl/_rels/workbook.xml.rels']).replace(
        '</Relationships>',
        '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      ),
    );
    const wb = XlsxWorkbook.open(zipSync(parts), 'macro.xlsm');
    await wb.writeSheet(richLayout(), 'followup');
    const after = entries(wb.save());
    expect(Buffer.compare(Buffer.from(after['xl/vbaProject.bin']), Buffer.from(vba))).toBe(0);
    const ct = text(after['[Content_Types].xml']);
    expect(ct).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(ct).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect(text(after['xl/_rels/workbook.xml.rels'])).toContain('Target="vbaProject.bin"');
    // the new worksheet's relationship id does not collide with rId9
    expect(text(after['xl/_rels/workbook.xml.rels']).match(/Id="rId9"/g)).toHaveLength(1);
  });

  test('a workbook with a calcChain loses only the regenerated sheet entries', async () => {
    const wb0 = XlsxWorkbook.create();
    await wb0.addPlainSheet({ name: 'A', cells: [{ row: 0, col: 0, value: 2, formula: '1+1' }] });
    await wb0.writeSheet({ name: 'B', cells: [{ row: 0, col: 0, value: 3, formula: '1+2' }] }, 'followup');
    const parts = unzipSync(wb0.save());
    parts['xl/calcChain.xml'] = strToU8('<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="2"/><c r="A2"/><c r="A1" i="1"/></calcChain>');
    parts['xl/_rels/workbook.xml.rels'] = strToU8(
      text(parts['xl/_rels/workbook.xml.rels']).replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
    );
    const wb = XlsxWorkbook.open(zipSync(parts), 'chain.xlsx');
    await wb.writeSheet({ name: 'B', cells: [{ row: 0, col: 0, value: 'no formula now' }] }, 'followup');
    const after = entries(wb.save());
    expect(text(after['xl/calcChain.xml'])).toContain('<c r="A1" i="1"/>');
    expect(text(after['xl/calcChain.xml'])).not.toContain('i="2"');
  });
});

describe('a workbook whose parts use a namespace prefix (x:workbook, x:styleSheet)', () => {
  test('new elements are created in the right namespace, with the prefix', async () => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const wb0 = XlsxWorkbook.create();
    await wb0.addPlainSheet({ name: 'Data', cells: [{ row: 0, col: 0, value: 1 }] });
    const parts = unzipSync(wb0.save());
    const prefixAll = (xml: string) =>
      xml
        .replace(/<(\/?)([a-zA-Z]+)([\s/>])/g, '<$1x:$2$3')
        .replace(`xmlns="${main}"`, `xmlns:x="${main}"`)
        .replace('<x:?xml', '<?xml');
    parts['xl/workbook.xml'] = strToU8(prefixAll(text(parts['xl/workbook.xml'])).replace(/<x:\?xml[^>]*>/, ''));
    parts['xl/styles.xml'] = strToU8(prefixAll(text(parts['xl/styles.xml'])).replace(/<x:\?xml[^>]*>/, ''));
    expect(text(parts['xl/workbook.xml'])).toContain('<x:sheets>');
    const wb = XlsxWorkbook.open(zipSync(parts), 'prefixed.xlsx');
    await wb.writeSheet(
      {
        name: 'Rapport',
        cells: [{ row: 0, col: 0, value: 0.5, style: { numberFormat: '0.0%', bold: true, fill: 'FFEEAA', borderTop: 'thin' } }],
        conditionalFormats: [{ kind: 'cell-is', range: 'A1', operator: 'greaterThan', operands: ['0'], style: { color: 'FF0000' } }],
        page: { orientation: 'portrait', repeatRows: { first: 0, last: 0 } },
      },
      'followup',
    );
    const after = entries(wb.save());
    for (const part of ['xl/workbook.xml', 'xl/styles.xml']) {
      const root = dom(text(after[part]));
      const walk = (el: Element): void => {
        expect({ part, name: el.nodeName, ns: el.namespaceURI }).toEqual({ part, name: el.nodeName, ns: main });
        children(el).forEach(walk);
      };
      walk(root);
    }
    const again = XlsxWorkbook.open(wb.save(), 'prefixed.xlsx');
    expect((await again.listSheets()).map((s) => [s.name, s.generated])).toEqual([
      ['Data', null],
      ['Rapport', 'followup'],
    ]);
    const g = await again.readSheet('Rapport');
    expect(g.formats[0][0]).toBe('0.0%');
  });
});
