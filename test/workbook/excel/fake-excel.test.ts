/**
 * The fake behaves like Office.js where the adapter relies on it: if it did not, the adapter's tests
 * would prove nothing. Each test is something Office.js does that a sloppy adapter would trip over.
 */
import { FakeExcel, FakeOfficeError, PAYLOAD_LIMIT } from './fake-excel';

const codeOf = (e: unknown): string => (e instanceof FakeOfficeError ? e.code : String(e));

describe('fake Excel: proxies and syncs', () => {
  test('reading a property before it is loaded, or before the sync that loads it, throws PropertyNotLoaded', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data');
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      ws.load('name');
      expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(ws.name).toBe('Data');
      expect(() => ws.position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('setting a property queues it: the workbook changes only at sync', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data');
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:B1');
      r.values = [[1, 'x']];
      expect(fake.cell('Data', 'A1')).toBeNull();
      await ctx.sync();
      expect(fake.value('Data', 'A1')).toBe(1);
      expect(fake.value('Data', 'B1')).toBe('x');
    });
  });

  test('isNullObject is known only after a sync that loaded the object', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data');
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const there = ctx.workbook.worksheets.getItemOrNullObject('data');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      missing.load('name');
      there.load('name');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(there.name).toBe('Data');
    });
  });

  test('getItem of a missing sheet fails the sync with ItemNotFound', async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Nope').load('name');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound', name: 'RichApi.Error' });
  });

  test('counts round trips (a sync with nothing queued is none) and measures each request', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data');
    await fake.run(async (ctx) => {
      await ctx.sync();
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:A3');
      r.values = [['a'], ['b'], ['c']];
      await ctx.sync();
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.requests[0].bytes).toBeGreaterThan(JSON.stringify([['a'], ['b'], ['c']]).length);
  });

  test('refuses a request over 5 MB, as Excel on the web does', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data');
    const big = Array.from({ length: 200 }, () => ['x'.repeat(30000)]);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1:A200').values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.requests[0].bytes).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(fake.cell('Data', 'A1')).toBeNull();
  });

  test('a failing sync keeps what ran before the failing action, like a real batch', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data');
    fake.failAtSync(1, { code: 'GeneralException', afterActions: 1 });
    await expect(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Data');
        ws.getRange('A1').values = [['first']];
        ws.getRange('A2').values = [['second']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(fake.value('Data', 'A1')).toBe('first');
    expect(fake.cell('Data', 'A2')).toBeNull();
  });

  test('an API newer than the fake Excel throws ApiNotFound', async () => {
    const fake = new FakeExcel({ apiVersion: '1.8' });
    fake.addSheet('Data');
    expect(fake.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(fake.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      expect(() => ws.getRanges('A1,B2')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => ws.pageLayout).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    });
  });
});

describe('fake Excel: what Excel does with input', () => {
  async function typed(input: unknown, format?: string): Promise<{ value: unknown; formula: string | null; error: string | null }> {
    const fake = new FakeExcel();
    fake.addSheet('S');
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      if (format) r.numberFormat = [[format]];
      r.values = [[input]];
      await ctx.sync();
    });
    const c = fake.cell('S', 'A1');
    return { value: c?.value ?? null, formula: c?.formula ?? null, error: c?.error ?? null };
  }

  test('interprets typed text as Excel does', async () => {
    expect(await typed('=SUM(1,2)')).toMatchObject({ formula: 'SUM(1,2)' });
    expect(await typed('-5')).toMatchObject({ value: -5, formula: null });
    expect(await typed('1010')).toMatchObject({ value: 1010 });
    expect(await typed('12%')).toMatchObject({ value: 0.12 });
    expect(await typed('2024-01-31')).toMatchObject({ value: 45322 });
    expect(await typed('true')).toMatchObject({ value: true });
    expect(await typed('#N/A')).toMatchObject({ error: '#N/A', value: null });
    expect(await typed('@home')).toMatchObject({ formula: '@home' });
    expect(await typed("'=SUM(1,2)")).toMatchObject({ value: '=SUM(1,2)', formula: null });
    expect(await typed('=SUM(1,2)', '@')).toMatchObject({ value: '=SUM(1,2)', formula: null });
    expect(await typed('Konto')).toMatchObject({ value: 'Konto' });
  });

  test('refuses a formula Excel cannot parse', async () => {
    await expect(typed('+47 22 00 00 00')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(typed('=SUM(1,')).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('a 1×1 input fills the whole range; another shape that does not fit is refused', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:C2').numberFormat = [['0.0%']];
      await ctx.sync();
    });
    expect(fake.cell('S', 'C2')?.numberFormat).toBe('0.0%');
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:C2').values = [[1, 2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('computes formulas when read, and keeps a file’s stored value until the cell is written', async () => {
    const fake = new FakeExcel();
    fake.addGridSheet({ sheet: 'S', top: 0, left: 0, values: [[2, 3, 99]], formats: [['General', 'General', 'General']], formulas: [[null, null, 'A1*B1']] });
    expect(fake.value('S', 'C1')).toBe(99);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('C1').formulas = [['=A1*B1']];
      ws.getRange('D1').formulas = [['=IF(A1=0,"",B1/ABS(A1))']];
      ws.getRange('E1').formulas = [['=1/0']];
      await ctx.sync();
    });
    expect(fake.value('S', 'C1')).toBe(6);
    expect(fake.value('S', 'D1')).toBe(1.5);
    expect(fake.value('S', 'E1')).toEqual({ error: '#DIV/0!' });
  });

  test('a protected sheet refuses edits; a protected structure refuses new sheets', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Låst', { protected: true });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Låst').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    fake.structureProtected = true;
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.add('Ny');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.sheetNames()).toEqual(['Låst']);
  });

  test('a new conditional format goes on top', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:A5');
      r.conditionalFormats.add('Custom').custom.rule.formula = '=A1>1';
      r.conditionalFormats.add('Custom').custom.rule.formula = '=A1>2';
      await ctx.sync();
    });
    expect(fake.sheet('S').conditionalFormats.map((c) => c.rule.formula)).toEqual(['=A1>2', '=A1>1']);
  });

  test('an error value and text that looks like one are told apart by valueTypes', async () => {
    const fake = new FakeExcel();
    fake.addGridSheet({ sheet: 'S', top: 0, left: 0, values: [[{ error: '#REF!' }, '#REF!']], formats: [['General', 'General']] });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      r.load('values,valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([['#REF!', '#REF!']]);
      expect(r.valueTypes).toEqual([['Error', 'String']]);
    });
    expect(codeOf(new FakeOfficeError('AccessDenied'))).toBe('AccessDenied');
  });
});
