/**
 * Reading through Excel gives the core what reading the same workbook as a file gives it: the same
 * grids, sheet list and PivotTable ranges — in a number of round trips that does not grow with the
 * workbook.
 */
import { FollowUpError } from '../../../src/core/errors';
import type { CellValue } from '../../../src/core/grid';
import { generateFollowUp } from '../../../src/workbook/generate';
import { FakeExcel } from './fake-excel';
import { DRAMMEN, LEDGER, excelOn, fakeFromXlsx, openFixture, pivotWorkbook } from './helpers';

describe('readSheet', () => {
  test.each([DRAMMEN, LEDGER])('gives the same values, formats and formulas as the xlsx adapter (%s)', async (file) => {
    const x = openFixture(file);
    const fake = await fakeFromXlsx(x);
    const wb = excelOn(fake);
    for (const s of await x.listSheets()) {
      expect(await wb.readSheet(s.name)).toEqual(await x.readSheet(s.name));
    }
  });

  test('the Regnskap pivot of the Drammen report, whole and in part', async () => {
    const x = openFixture(DRAMMEN);
    const wb = excelOn(await fakeFromXlsx(x));
    const whole = await wb.readSheet('Regnskap');
    expect(whole).toEqual(await x.readSheet('Regnskap'));
    expect(whole.values[4].slice(0, 4)).toEqual(['1 LØNN', 67579886, 80330397.6, 147910283.6]);
    expect(whole.formats[4][1]).toBe('# ##0');
    for (const range of [
      { top: 2, left: 0, bottom: 8, right: 3 },
      { top: 3, left: 5, bottom: 50, right: 40 },
      { top: 20, left: 0, bottom: 30, right: 3 },
    ]) {
      expect(await wb.readSheet('Regnskap', range)).toEqual(await x.readSheet('Regnskap', range));
    }
  });

  test('takes two round trips, and the sheet name is matched as Excel matches it', async () => {
    const x = openFixture(DRAMMEN);
    const fake = await fakeFromXlsx(x);
    const wb = excelOn(fake);
    fake.resetCounters();
    const g = await wb.readSheet('regnskap');
    expect(g.sheet).toBe('Regnskap');
    expect(fake.syncCount).toBe(2);
  });

  test('tells an error value from text that merely looks like one', async () => {
    const fake = new FakeExcel();
    const values: CellValue[][] = [[{ error: '#REF!' }, '#REF!', { error: '#N/A' }, '#N/A', 'Konto', 12.5, true, null]];
    fake.addGridSheet({ sheet: 'S', top: 0, left: 0, values, formats: [values[0].map(() => 'General')] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A2:C2').formulas = [['=1/0', "'=not a formula", '=A1']];
      await ctx.sync();
    });
    const g = await excelOn(fake).readSheet('S');
    expect(g.values[0]).toEqual(values[0].slice(0, 7));
    expect(g.values[1]).toEqual([{ error: '#DIV/0!' }, '=not a formula', { error: '#REF!' }, null, null, null, null]);
    expect(g.formulas?.[1]).toEqual(['1/0', null, 'A1', null, null, null, null]);
  });

  test('reports hidden rows and merged areas, on Excel 2019 (ExcelApi 1.8) as on Microsoft 365', async () => {
    for (const apiVersion of ['1.18', '1.8']) {
      const fake = new FakeExcel({ apiVersion });
      const values: CellValue[][] = Array.from({ length: 8 }, (_r, i) => [`Linje ${i}`, i]);
      fake.addGridSheet({
        sheet: 'S',
        top: 0,
        left: 0,
        values,
        formats: values.map((r) => r.map(() => 'General')),
        hiddenRows: new Set([2, 5]),
        merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      });
      const g = await excelOn(fake).readSheet('S');
      expect([...(g.hiddenRows ?? [])].sort()).toEqual([2, 5]);
      if (apiVersion === '1.18') expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
      else expect(g.merges).toBeUndefined(); // getMergedAreas needs ExcelApi 1.13
    }
  });

  test('on ExcelApi 1.8 the hidden rows of a long sheet are asked in requests under 5 MB', async () => {
    const fake = new FakeExcel({ apiVersion: '1.8' });
    const rows = 40_000;
    const values: CellValue[][] = Array.from({ length: rows }, (_r, i) => [`Konto ${i}`]);
    const hidden = new Set(Array.from({ length: 400 }, (_v, i) => i * 97 + 3));
    fake.addGridSheet({ sheet: 'Lang', top: 0, left: 0, values, formats: values.map(() => ['General']), hiddenRows: hidden });
    const g = await excelOn(fake).readSheet('Lang');
    expect([...(g.hiddenRows ?? [])].sort((a, b) => a - b)).toEqual([...hidden].sort((a, b) => a - b));
    for (const r of fake.requests) expect(r.bytes).toBeLessThan(5_000_000);
  });

  test('a sheet too large for one 5 MB response is read in a few round trips', async () => {
    const fake = new FakeExcel();
    const rows = 60_000;
    const values: CellValue[][] = Array.from({ length: rows }, (_r, i) => [`Konto ${i} med et ganske langt navn`, i * 1.5, i % 2 === 0, 'Ansvar 1100', i]);
    fake.addGridSheet({ sheet: 'Stor', top: 0, left: 0, values, formats: values.map((r) => r.map(() => '#,##0')) });
    const g = await excelOn(fake).readSheet('Stor');
    expect(g.values.length).toBe(rows);
    expect(g.values[rows - 1]).toEqual(values[rows - 1]);
    expect(g.formats[rows - 1][1]).toBe('#,##0');
    expect(fake.syncCount).toBeGreaterThan(2);
    // sized by bytes: each answer well under 5 MB, and none wastefully small but the first and last
    const answers = fake.requests.map((r) => r.responseBytes);
    const total = answers.reduce((a, b) => a + b, 0);
    expect(fake.syncCount).toBeLessThanOrEqual(3 + Math.ceil(total / 2_000_000));
    for (const r of answers) expect(r).toBeLessThan(3_500_000);
  });

  test('10,000 × 14 with long accounting and currency formats: every answer well under 5 MB', async () => {
    const fake = new FakeExcel();
    const accounting = '_-* #,##0.00\\ "kr"_-;\\-* #,##0.00\\ "kr"_-;_-* "-"??\\ "kr"_-;_-@_-';
    const currency = '[$NOK-414]\\ #,##0.00;[Red]\\-[$NOK-414]\\ #,##0.00';
    const rows = 10_000;
    const values: CellValue[][] = Array.from({ length: rows }, (_r, i) => [`${1000 + i} Ansvar med et langt navn`, ...Array.from({ length: 13 }, (_c, j) => i * 1000.25 + j)]);
    const formats = values.map((r) => r.map((_v, j) => (j === 0 ? 'General' : j % 2 === 0 ? accounting : currency)));
    fake.addGridSheet({ sheet: 'Regnskap', top: 0, left: 0, values, formats });
    const g = await excelOn(fake).readSheet('Regnskap');
    expect(g.values.length).toBe(rows);
    expect(g.values[rows - 1][13]).toBe((rows - 1) * 1000.25 + 12);
    expect(g.formats[rows - 1][2]).toBe(accounting);
    for (const r of fake.requests) expect(r.responseBytes).toBeLessThan(3_500_000);
  });

  test('an answer Excel refuses as too large is asked again in halves', async () => {
    const fake = new FakeExcel();
    const long = '_-* #,##0.00\\ "kr"_-;\\-* #,##0.00\\ "kr"_-;_-* "-"??\\ "kr"_-;_-@_-';
    const values: CellValue[][] = Array.from({ length: 40_000 }, (_r, i) => [`Konto ${i}`, i, i * 2, i * 3]);
    fake.addGridSheet({ sheet: 'Stor', top: 0, left: 0, values, formats: values.map((r) => r.map(() => long)) });
    // an estimate that trusts too much: the first answer would be over 5 MB
    const g = await excelOn(fake, { maxResponseBytes: 60_000_000, maxReadCells: 1_000_000 }).readSheet('Stor');
    expect(g.values.length).toBe(40_000);
    expect(g.values[39_999]).toEqual(['Konto 39999', 39_999, 79_998, 119_997]);
    expect(fake.requests.some((r) => r.responseBytes > 5 * 1024 * 1024)).toBe(true); // refused, then halved
  });

  test('a missing sheet is a FollowUpError naming it', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data');
    await expect(excelOn(fake).readSheet('Regnskap')).rejects.toThrow(new FollowUpError('not-found', 'the workbook has no sheet named "Regnskap"'));
  });

  test('an empty sheet reads as an empty grid', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Tom');
    expect(await excelOn(fake).readSheet('Tom')).toMatchObject({ sheet: 'Tom', top: 0, left: 0, values: [], formats: [] });
  });
});

describe('listSheets and listPivots', () => {
  test('list the sheets as the xlsx adapter does, markers included (a workbook the command line generated)', async () => {
    const x = openFixture(DRAMMEN);
    await generateFollowUp(x, { generatedAt: '2024-04-05 14:03' });
    await x.writeSettings('{"language":"nb"}');
    const fake = await fakeFromXlsx(x);
    const listed = await excelOn(fake).listSheets();
    expect(listed).toEqual(await x.listSheets());
    expect(listed.map((s) => s.generated)).toEqual([null, null, null, 'followup', 'measures', 'charts', 'summary', 'months', 'checks', 'settings']);
  });

  test('listSheets takes the same two round trips for 3 sheets and for 60', async () => {
    const counts: number[] = [];
    for (const n of [3, 60]) {
      const fake = new FakeExcel();
      for (let i = 0; i < n; i++) fake.addGridSheet({ sheet: `Ark ${i}`, top: 0, left: 0, values: [[i]], formats: [['General']] });
      const listed = await excelOn(fake).listSheets();
      expect(listed).toHaveLength(n);
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([2, 2]);
  });

  test('reads a real PivotTable’s layout range through the PivotTable API', async () => {
    const x = openFixture(LEDGER);
    const fake = await fakeFromXlsx(x);
    const pivots = await excelOn(fake).listPivots();
    expect(pivots.map(({ name, sheet, range }) => ({ name, sheet, range }))).toEqual((await x.listPivots()).map(({ name, sheet, range }) => ({ name, sheet, range })));
    expect(pivots).toMatchObject([{ name: 'PivotLedger', sheet: 'Pivot', range: { top: 2, left: 0, bottom: 7, right: 4 } }]);
    expect(fake.syncCount).toBe(2);
  });

  test('listPivots takes two round trips for one PivotTable and for five, on sheets with quoted names', async () => {
    const fake = pivotWorkbook(5);
    fake.addSheet("Budsjett 2024 (P's)");
    for (let i = 0; i < 4; i++) fake.addPivot("Budsjett 2024 (P's)", `Pivot${i}`, { top: i * 10, left: 1, bottom: i * 10 + 5, right: 3 });
    const pivots = await excelOn(fake).listPivots();
    expect(pivots).toHaveLength(5);
    expect(pivots[4]).toMatchObject({ name: 'Pivot3', sheet: "Budsjett 2024 (P's)", range: { top: 30, left: 1, bottom: 35, right: 3 } });
    expect(fake.syncCount).toBe(2);
  });

  test('a workbook without PivotTables takes one round trip', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data');
    expect(await excelOn(fake).listPivots()).toEqual([]);
    expect(fake.syncCount).toBe(1);
  });
});
