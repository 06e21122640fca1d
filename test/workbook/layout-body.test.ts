/**
 * A layout's body (rows made as the sheet is written): the xlsx file and Excel get the very sheet
 * they would get with every cell made beforehand, and a body that breaks its word is refused with a
 * message naming the sheet.
 */
import fc from 'fast-check';
import { FollowUpError } from '../../src/core/errors';
import { cellA1 } from '../../src/core/grid';
import { allCells, withoutBody, type CellStyle, type LayoutBody, type LayoutCell, type SheetLayout } from '../../src/report/layout';
import { ExcelWorkbook } from '../../src/workbook/excel/workbook';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { FakeExcel } from './excel/fake-excel';
import { entries, richLayout, text } from './helpers';

const STYLES: readonly (CellStyle | undefined)[] = [undefined, { numberFormat: '#,##0' }, { bold: true, borderTop: 'thin' }, { wrap: true, unlocked: true, fill: 'FFF2CC' }];

/** A body over `rows` (each row's cells, in column order) from sheet row `top`. */
function bodyOf(top: number, rows: readonly (readonly LayoutCell[])[], left = 0, right = 9): LayoutBody {
  return {
    top,
    bottom: top + rows.length - 1,
    left,
    right,
    forEachRow(write) {
      for (const r of rows) write(r);
    },
  };
}

/** The worksheet part a layout becomes, GUIDs (random per write) left out. */
async function worksheetXml(layout: SheetLayout): Promise<string> {
  const wb = XlsxWorkbook.create('body.xlsx');
  await wb.writeSheet(layout, 'followup');
  const parts = entries(wb.save());
  const sheet = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)) as string;
  return text(parts[sheet]).replace(/\{[0-9A-F-]{36}\}/g, '{GUID}');
}

const cellValue = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 8 }), fc.constant(null), fc.boolean());

/** Cells of one row, in column order, some with formulas, links or notes. */
const rowCells = (row: number): fc.Arbitrary<LayoutCell[]> =>
  fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 10 }).chain((cols) =>
    fc.tuple(
      ...[...cols].sort((a, b) => a - b).map((col) =>
        fc.record({
          value: cellValue,
          style: fc.constantFrom(...STYLES),
          formula: fc.option(fc.constantFrom('A1+B1', 'SUM(C1:C3)'), { nil: undefined }),
          link: fc.option(fc.constant("'Regnskap'!A5"), { nil: undefined }),
          note: fc.option(fc.constant('Sett av 2024-03'), { nil: undefined }),
        }).map((c): LayoutCell => ({ row, col, ...c })),
      ),
    ),
  );

describe('a layout with a body', () => {
  it('is written as the same worksheet as with every cell made beforehand', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rowCells(3 + i)))),
        fc.array(fc.record({ row: fc.constantFrom(0, 1, 2, 20, 21), col: fc.integer({ min: 0, max: 12 }), value: cellValue }), { maxLength: 8 }),
        async (rows, around) => {
          const layout: SheetLayout = { name: 'Oppfølging', cells: around, body: bodyOf(3, rows), columns: [{ col: 0, width: 12 }] };
          const made = withoutBody(layout);
          expect(made.body).toBeUndefined();
          expect(made.cells).toHaveLength(around.length + rows.reduce((n, r) => n + r.length, 0));
          // The dimension (written before the body's rows are made) spans what the body says it covers.
          const rows1 = [...made.cells.map((c) => c.row), 3, 2 + rows.length];
          const cols = [...made.cells.map((c) => c.col), 0, 9];
          const dimension = `<dimension ref="${cellA1(Math.min(...rows1), Math.min(...cols))}:${cellA1(Math.max(...rows1), Math.max(...cols))}"/>`;
          expect(await worksheetXml(layout)).toBe((await worksheetXml(made)).replace(/<dimension ref="[^"]*"\/>/, dimension));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('puts its rows among the others in row order (allCells)', () => {
    const rows = [[{ row: 2, col: 0, value: 'a' }], [{ row: 3, col: 1, value: 'b' }]];
    const layout: SheetLayout = { name: 'S', cells: [{ row: 9, col: 0, value: 'total' }, { row: 0, col: 0, value: 'title' }], body: bodyOf(2, rows) };
    expect(allCells(layout).map((c) => c.value)).toEqual(['title', 'a', 'b', 'total']);
  });

  it('gives the Excel adapter the same requests as the sheet made beforehand', () => {
    const fake = new FakeExcel();
    const wb = new ExcelWorkbook(fake.run, { isSetSupported: fake.isSetSupported });
    const rich = richLayout();
    const top = Math.max(...rich.cells.map((c) => c.row)) + 2;
    const rows = [0, 1, 2].map((i) => [
      { row: top + i, col: 0, value: `line ${i}` },
      { row: top + i, col: 2, value: i * 1000.5, style: { numberFormat: '#,##0' } },
    ]);
    const layout: SheetLayout = { ...rich, body: bodyOf(top, rows) };
    expect(JSON.stringify(wb.plan(layout, 'followup'))).toBe(JSON.stringify(wb.plan(withoutBody(layout), 'followup')));
  });
});

describe('a body that breaks its word is refused, naming the sheet', () => {
  const refused = async (layout: SheetLayout): Promise<FollowUpError> => {
    const wb = XlsxWorkbook.create('body.xlsx');
    try {
      await wb.writeSheet(layout, 'followup');
    } catch (e) {
      expect(e).toBeInstanceOf(FollowUpError);
      return e as FollowUpError;
    }
    throw new Error('not refused');
  };
  const row = (r: number, ...cols: number[]): LayoutCell[] => cols.map((col) => ({ row: r, col, value: col }));

  it('a cell of its own rows among the other cells, before anything is written', async () => {
    const wb = XlsxWorkbook.create('body.xlsx');
    const before = await wb.listSheets();
    await expect(wb.writeSheet({ name: 'Oppfølging', cells: [{ row: 4, col: 0, value: 'x' }], body: bodyOf(3, [row(3, 0), row(4, 0)]) }, 'followup')).rejects.toThrow(
      /sheet "Oppfølging" has a cell in the rows it makes as it writes \('Oppfølging'!A5\)/,
    );
    expect(await wb.listSheets()).toEqual(before);
  });

  it('rows outside the grid', async () => {
    expect((await refused({ name: 'S', cells: [], body: { ...bodyOf(0, []), top: 5, bottom: 4 } })).message).toMatch(/sheet "S" has rows outside Excel's grid/);
    expect((await refused({ name: 'S', cells: [], body: bodyOf(0, [row(0, 0)], 0, 16384) })).message).toMatch(/sheet "S" has rows outside Excel's grid/);
  });

  it('cells out of order, in another row or outside its columns', async () => {
    expect((await refused({ name: 'S', cells: [], body: bodyOf(0, [row(0, 2, 1)]) })).message).toMatch(/sheet "S" makes S!B1 out of order \(row 1 was due/);
    expect((await refused({ name: 'S', cells: [], body: bodyOf(0, [row(0, 0), row(2, 0)]) })).message).toMatch(/makes S!A3 out of order \(row 2 was due/);
    expect((await refused({ name: 'S', cells: [], body: bodyOf(0, [row(0, 3)], 0, 2) })).message).toMatch(/makes S!D1 out of order/);
  });

  it('fewer or more rows than it says', async () => {
    const short: LayoutBody = { ...bodyOf(0, [row(0, 0)]), bottom: 2 };
    expect((await refused({ name: 'S', cells: [], body: short })).message).toMatch(/sheet "S" made 1 of the 3 rows it says it has/);
    const long: LayoutBody = { ...bodyOf(0, [row(0, 0), row(1, 0)]), bottom: 0 };
    expect((await refused({ name: 'S', cells: [], body: long })).message).toMatch(/sheet "S" makes more rows than the 1 it says it has/);
  });

  it('a text longer than a cell holds', async () => {
    const e = await refused({ name: 'S', cells: [], body: bodyOf(0, [[{ row: 0, col: 1, value: 'x'.repeat(32768) }]]) });
    expect(e.message).toBe('the text for S!B1 is longer than the 32,767 characters a cell can hold');
  });
});
