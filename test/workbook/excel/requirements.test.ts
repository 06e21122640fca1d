/** An Excel too old for the add-in gets one friendly message saying which Excel is needed. */
import { FollowUpError } from '../../../src/core/errors';
import { ExcelWorkbook, UNSUPPORTED_MESSAGE } from '../../../src/workbook/excel/workbook';
import { FakeExcel } from './fake-excel';
import { excelOn, tableLayout } from './helpers';

describe('requirement sets', () => {
  test('without ExcelApi 1.8 every operation says which Excel is needed, before touching the workbook', async () => {
    const fake = new FakeExcel({ apiVersion: '1.7' });
    fake.addSheet('Regnskap');
    const wb = excelOn(fake);
    const calls: (() => Promise<unknown>)[] = [
      () => wb.listSheets(),
      () => wb.readSheet('Regnskap'),
      () => wb.listPivots(),
      () => wb.readSettings(),
      () => wb.writeSettings('{}'),
      () => wb.writeSheet(tableLayout(3), 'followup'),
    ];
    for (const call of calls) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FollowUpError);
      expect(err).toMatchObject({ kind: 'unsupported', message: UNSUPPORTED_MESSAGE });
    }
    expect(UNSUPPORTED_MESSAGE).toMatch(/Excel 2021 or later/);
    expect(UNSUPPORTED_MESSAGE).toMatch(/Microsoft 365 \(Windows version 1903 or later, Mac 16\.24 or later\)/);
    expect(UNSUPPORTED_MESSAGE).toMatch(/ExcelApi 1\.9/);
    expect(fake.syncCount).toBe(0);
  });

  test('the check is Office.js’s own unless one is injected', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Regnskap');
    const g = globalThis as { Office?: unknown };
    const asked: string[] = [];
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (set: string, version: string) => {
            asked.push(`${set} ${version}`);
            return version === '1.8';
          },
        },
      },
    };
    try {
      const wb = new ExcelWorkbook(fake.run);
      expect(await wb.listSheets()).toHaveLength(1);
      expect(asked).toContain('ExcelApi 1.8');
    } finally {
      delete g.Office;
    }
    // outside Office there is no Excel at all
    await expect(new ExcelWorkbook(fake.run).listSheets()).rejects.toMatchObject({ kind: 'unsupported' });
  });

  test('in Excel, the undo grouping is handed to Excel.run as Office.js takes it: options first', async () => {
    const fake = new FakeExcel({ apiVersion: '1.20' });
    fake.addSheet('Regnskap');
    // Office.js's overloads: Excel.run(batch) and Excel.run(options, batch)
    const run = (a: unknown, b?: unknown): Promise<unknown> =>
      typeof a === 'function' ? fake.run(a as Parameters<typeof fake.run>[0]) : fake.run(b as Parameters<typeof fake.run>[0], a as { mergeUndoGroup?: boolean });
    Object.assign(globalThis, { Excel: { run } });
    try {
      await ExcelWorkbook.inExcel({ isSetSupported: fake.isSetSupported }).writeSheet(tableLayout(3), 'followup');
    } finally {
      delete (globalThis as { Excel?: unknown }).Excel;
    }
    expect(fake.runs[0]).toEqual({ mergeUndoGroup: true });
    expect(fake.value('Tabell', 'A2')).toBe('Konto 1001');
  });
});
