/** The write path's building blocks: cell order, the byte writer, style identity. */
import fc from 'fast-check';
import { orderedCells } from '../../src/workbook/conventions';
import type { CellStyle, LayoutCell } from '../../src/report/layout';
import { ByteWriter, ascii } from '../../src/workbook/xlsx/bytes';
import { Styles, sameStyle } from '../../src/workbook/xlsx/styles';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { entries, text } from './helpers';
import { stripInvalidXmlChars } from '../../src/workbook/xlsx/xml';

/** The plain definition: a stable sort by row then column, the last of each cell kept. */
function reference(cells: readonly LayoutCell[]): LayoutCell[] {
  const sorted = cells.map((c, i) => ({ c, i })).sort((a, b) => a.c.row - b.c.row || a.c.col - b.c.col || a.i - b.i);
  const out: LayoutCell[] = [];
  for (const { c } of sorted) {
    const last = out[out.length - 1];
    if (last && last.row === c.row && last.col === c.col) out[out.length - 1] = c;
    else out.push(c);
  }
  return out;
}

describe('orderedCells', () => {
  const cell = fc.record({ row: fc.nat(6), col: fc.nat(4), value: fc.integer() });

  test('in order already: the same array', () => {
    const cells: LayoutCell[] = [
      { row: 0, col: 0, value: 1 },
      { row: 0, col: 3, value: 2 },
      { row: 2, col: 1, value: 3 },
    ];
    expect(orderedCells(cells)).toBe(cells);
  });

  test('an ordered head and a disordered tail (a total row appended last): sorted, later wins', () => {
    const cells: LayoutCell[] = [
      { row: 0, col: 0, value: 1 },
      { row: 1, col: 0, value: 2 },
      { row: 1, col: 2, value: 3 },
      { row: 1, col: 1, value: 4 },
      { row: 0, col: 0, value: 5 },
      { row: 1, col: 2, value: 6 },
    ];
    expect(orderedCells(cells).map((c) => c.value)).toEqual([5, 2, 4, 6]);
  });

  test('agrees with a stable sort keeping the last duplicate', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), fc.array(cell, { maxLength: 10 }), (head, tail) => {
        const sortedHead = reference(head);
        for (const cells of [head, [...sortedHead, ...tail]]) expect(orderedCells(cells)).toEqual(reference(cells));
      }),
      { numRuns: 500 },
    );
  });
});

describe('ByteWriter', () => {
  test('strings come out as TextEncoder writes them, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', minLength: 60, maxLength: 300 })), { maxLength: 8 }), (parts) => {
        const w = new ByteWriter(16); // small: the buffer grows along the way
        for (const p of parts) {
          w.str(p);
          w.raw(ascii('<x/>'));
        }
        expect(Buffer.from(w.bytes()).equals(Buffer.from(new TextEncoder().encode(parts.map((p) => p + '<x/>').join(''))))).toBe(true);
      }),
    );
  });

  test('bytes written earlier are written again, also after the buffer grows', () => {
    const w = new ByteWriter(16);
    w.raw(ascii('<row r="'));
    const start = w.length;
    w.num(1048576);
    const end = w.length;
    for (let i = 0; i < 4; i++) {
      w.str('<c r="A');
      w.again(start, end);
      w.str('"/>');
    }
    expect(new TextDecoder().decode(w.bytes())).toBe('<row r="1048576' + '<c r="A1048576"/>'.repeat(4));
  });

  test('numbers come out as String(n) writes them, -0 as 0', () => {
    const values = [0, -0, 0.01, -0.01, 0.1, 0.5, 99.99, 100.01, 7, -7, 10, 99, 100, 123456789, 45035996273704.95, -45035996273704.96, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53 + 2, 1e21, 0.1, -1.5, 1e-7, 12131904.24, -46055.26, 0.05, 1.05, 1.005, 0.3, 8796093022207.99, 8796093022208.01, 1e13 + 0.25];
    for (const v of values) {
      const w = new ByteWriter();
      w.num(v);
      expect(new TextDecoder().decode(w.bytes())).toBe(Object.is(v, -0) ? '0' : String(v));
    }
    // whole hundredths, small, large, and around 2⁵² hundredths, where digits stop being written one by one
    const cents = fc
      .oneof(
        fc.integer({ min: -(2 ** 20), max: 2 ** 20 }),
        fc.maxSafeInteger().map((k) => k % 2 ** 47),
        fc.integer({ min: -(2 ** 20), max: 2 ** 20 }).map((d) => 2 ** 52 + d),
        fc.maxSafeInteger(),
      )
      .map((k) => k / 100);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), cents), (v) => {
        const w = new ByteWriter();
        w.num(v);
        expect(new TextDecoder().decode(w.bytes())).toBe(Object.is(v, -0) ? '0' : String(v));
      }),
    );
  });
});

describe('sameStyle', () => {
  const style: fc.Arbitrary<CellStyle> = fc.record(
    {
      bold: fc.boolean(),
      italic: fc.boolean(),
      size: fc.constantFrom(11, 14),
      color: fc.constantFrom('595959', 'FF0000'),
      fill: fc.constantFrom('DDEBF7', 'FFF2CC'),
      numberFormat: fc.constantFrom('#,##0', '0.0%'),
      align: fc.constantFrom('left' as const, 'right' as const),
      wrap: fc.boolean(),
      verticalAlign: fc.constantFrom('top' as const, 'bottom' as const),
      borderTop: fc.constantFrom('thin' as const, 'double' as const),
      borderBottom: fc.constantFrom('thin' as const, 'medium' as const),
      indent: fc.constantFrom(1, 2),
      unlocked: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  test('styles it calls the same get the same cell format', () => {
    fc.assert(
      fc.property(style, style, (a, b) => {
        const styles = new Styles(null);
        if (sameStyle(a, b)) expect(styles.xfFor({ ...b })).toBe(styles.xfFor({ ...a }));
        expect(sameStyle(a, { ...a })).toBe(true);
      }),
    );
  });
});

describe('cell text', () => {
  const piece = fc.constantFrom('a', 'Enhet 1', ' ', '  ', '\t', '\n', '\r', '&', '<', '>', '"', '_x0041_', '_', 'ø', '—', '😀', '\u0001', '\ud800', '\uffff', '\u00a0');
  const textValue = fc.array(piece, { maxLength: 6 }).map((a) => a.join(''));

  test('reads back as written (forbidden characters dropped): plain, spaced and escaped text alike', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textValue, { minLength: 1, maxLength: 12 }), async (texts) => {
        const wb = XlsxWorkbook.create('t.xlsx');
        await wb.addPlainSheet({ name: 'T', cells: texts.map((value, row) => ({ row, col: 0, value })) });
        const back = await XlsxWorkbook.open(wb.save(), 't.xlsx').readSheet('T', { top: 0, left: 0, bottom: texts.length - 1, right: 0 });
        texts.forEach((t, row) => {
          const expected = stripInvalidXmlChars(t);
          expect(back.values[row]?.[0] ?? '').toBe(expected);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('a sheet whose cells come out of order', () => {
  const LONG = 'Økt bruk av vikarer i sommerferien og høyere sykefravær enn budsjettert; tiltak er satt i gang.';
  const wrap: CellStyle = { wrap: true };

  async function written(cells: LayoutCell[]): Promise<string> {
    const wb = XlsxWorkbook.create('t.xlsx');
    await wb.addPlainSheet({ name: 'T', cells, columns: [{ col: 1, width: 12 }] });
    const files = entries(wb.save());
    return Object.entries(files)
      .filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .map(([, b]) => text(b))
      .find((x) => x.includes('<c r="C2"')) as string;
  }

  const rowAttrs = (xml: string, row: number): string => new RegExp(`<row r="${row}"([^>]*)>`).exec(xml)?.[1] ?? '';

  test('the used range, and the heights of rows of wrapped text, are those of the cells as written', async () => {
    const xml = await written([
      { row: 1, col: 2, value: 1 },
      { row: 3, col: 3, value: 2 },
      { row: 2, col: 1, value: LONG, style: wrap },
      // replaced by a later cell at the same place: its long text is not written, so it sizes no row
      { row: 1, col: 1, value: LONG, style: wrap },
      { row: 1, col: 1, value: 'kort', style: wrap },
      { row: 0, col: 4, value: 3 },
    ]);
    expect(xml).toContain('<dimension ref="B1:E4"/>');
    expect(xml).toMatch(/<c r="B2"[^>]*><is><t>kort<\/t>/);
    expect(rowAttrs(xml, 2)).not.toContain('ht=');
    expect(rowAttrs(xml, 3)).toContain('customHeight="1"');
    expect(Number(/ht="(\d+)"/.exec(rowAttrs(xml, 3))?.[1])).toBeGreaterThanOrEqual(45);
  });
});
