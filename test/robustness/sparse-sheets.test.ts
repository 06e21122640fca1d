/**
 * A sheet's size is judged by the cells it holds, not by the corners they reach or by its dimension
 * element: a sheet whose dimension says A1:XFD1048576, or with one stray entry at XFD1048576, is read
 * (17 billion cells were asked for before), and its figures are the same as without the stray.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { actualSheet, budgetSheet, editSheetXml, expectClear, put, runCli, tempDir, workbookOf, type CliRun } from './helpers';

interface Report {
  lines: { key: string; budget: string | null; actual: string | null }[];
  total: { budget: string | null; actual: string | null };
}

let dir: string;
beforeEach(() => {
  dir = tempDir('followup-sparse-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function generate(name: string, bytes: Uint8Array): Promise<{ r: CliRun; report: Report | null }> {
  const input = put(dir, name, bytes);
  const json = path.join(dir, `${name}.json`);
  const r = await runCli('generate', input, '-o', path.join(dir, `out-${name}`), '--json', json, '--lang', 'en');
  expectClear(r);
  expect(Buffer.from(fs.readFileSync(input)).equals(Buffer.from(bytes))).toBe(true);
  return { r, report: r.code === 0 ? (JSON.parse(fs.readFileSync(json, 'utf8')) as Report) : null };
}

const strayAt = (xml: string, cell: string, row: number): string =>
  xml.replace('</sheetData>', `<row r="${row}"><c r="${cell}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`);

describe('sparse sheets are read by the cells they hold', () => {
  it('a dimension of A1:XFD1048576 over a few cells', async () => {
    const plain = await workbookOf(budgetSheet(), actualSheet());
    const { report: expected } = await generate('plain.xlsx', plain);
    const bytes = editSheetXml(plain, 'Regnskap', (xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    const { r, report } = await generate('dimensjon.xlsx', bytes);
    expect(r.code).toBe(0);
    expect(report?.lines).toEqual(expected?.lines);
  });

  it('one stray entry at XFD1048576: read, with the same figures, and the sheet is read sparse', async () => {
    const plain = await workbookOf(budgetSheet(), actualSheet());
    const { report: expected } = await generate('plain.xlsx', plain);
    const bytes = editSheetXml(plain, 'Regnskap', (xml) => strayAt(xml, 'XFD1048576', 1048576).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    const grid = await XlsxWorkbook.open(bytes, 'x.xlsx').readSheet('Regnskap');
    expect(grid.values).toHaveLength(1048576);
    expect(grid.values[1048575]).toHaveLength(16384);
    expect(grid.values[1048575][16383]).toBe('x');
    expect(grid.values[500000]).toHaveLength(0);
    const { r, report } = await generate('langt-unna.xlsx', bytes);
    expect(r.code).toBe(0);
    expect(report?.lines).toEqual(expected?.lines);
    expect(report?.total).toEqual(expected?.total);
  }, 60_000);

  it('stray entries in three corners of the grid (XFD1, A1048576, XFD1048576)', async () => {
    const plain = await workbookOf(budgetSheet(), actualSheet());
    const { report: expected } = await generate('plain.xlsx', plain);
    const bytes = editSheetXml(plain, 'Budsjett', (xml) =>
      xml
        .replace(/(<row r="1"[ >][\s\S]*?)(<\/row>)/, '$1<c r="XFD1"><v>7</v></c>$2')
        .replace('</sheetData>', '<row r="1048576"><c r="A1048576"><v>1</v></c><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'),
    );
    expect((await XlsxWorkbook.open(bytes, 'x.xlsx').readSheet('Budsjett')).values[0]).toHaveLength(16384);
    const { r, report } = await generate('hjorner.xlsx', bytes);
    expect(r.code).toBe(0);
    expect(report?.lines).toEqual(expected?.lines);
  }, 60_000);

  it('a sheet whose cells would still take more than 20 million to hold is refused, naming the sheet and its far cell', async () => {
    // 1,300 rows from column A to XFD: 2,600 cells, but 21 million to hold as rows
    let rows = '';
    for (let r = 100; r < 1400; r++) rows += `<row r="${r}"><c r="A${r}"><v>1</v></c><c r="XFD${r}"><v>2</v></c></row>`;
    const bytes = editSheetXml(await workbookOf(budgetSheet(), actualSheet()), 'Regnskap', (xml) => xml.replace('</sheetData>', `${rows}</sheetData>`));
    const { r } = await generate('bred.xlsx', bytes);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bred\.xlsx": sheet "Regnskap" is too large to read: its cells reach from A1 to XFD1399 \(more than 20,000,000 cells to hold\)/);
  });
});
