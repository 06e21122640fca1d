/**
 * A Mac workbook (1904 date system) read through the Excel adapter: its date cells are moved into the
 * 1900 system as the xlsx reader moves them, so a month written as a real date is the same month.
 */
import type { Grid } from '../../../src/core/grid';
import { generateFollowUp } from '../../../src/workbook/generate';
import { FakeExcel } from './fake-excel';
import { excelOn } from './helpers';

/** 1 January, February and March 2024 as serials of the 1900 system. */
const MONTHS_1900 = [45292, 45323, 45352];

/** Actuals by month, the months' headers real dates (`mmm yyyy`) as the workbook's date system counts them. */
function monthly(sheet: string, date1904: boolean, figures: readonly number[][]): Grid {
  const shift = date1904 ? 1462 : 0;
  const header = ['Ansvar', ...MONTHS_1900.map((d) => d - shift)];
  const rows = figures.map((f, i) => [`Enhet ${i + 1}`, ...f]);
  return {
    sheet,
    top: 0,
    left: 0,
    values: [header, ...rows],
    formats: [['General', 'mmm yyyy', 'mmm yyyy', 'mmm yyyy'], ...rows.map(() => ['General', '#,##0', '#,##0', '#,##0'])],
    hiddenRows: new Set<number>(),
  };
}

function workbook(date1904: boolean): FakeExcel {
  const fake = new FakeExcel({ date1904 });
  fake.addGridSheet(monthly('Regnskap 2024', date1904, [[100, 110, 120], [200, 210, 220]]));
  fake.addGridSheet(monthly('Budsjett 2024', date1904, [[105, 105, 105], [205, 205, 205]]));
  return fake;
}

test.each([false, true])('months written as dates are the same months whatever the date system (1904: %s)', async (date1904) => {
  const result = await generateFollowUp(excelOn(workbook(date1904)), { generatedAt: '2024-04-05 14:03' });
  expect(result.model.period).toBe('2024-03');
  expect(result.model.monthsElapsed).toBe(3);
  // The figures are amounts, not dates: kept as they are.
  expect(result.model.total.actual?.toFixed()).toBe('960');
  expect(result.model.total.budget?.toFixed()).toBe('930');
});

test('the date system is asked in the request that reads the used range: no round trip of its own', async () => {
  const fake = workbook(true);
  const wb = excelOn(fake);
  fake.resetCounters();
  await wb.readSheet('Regnskap 2024');
  expect(fake.syncCount).toBe(2); // the used range (and the date system), then the cells
  expect((await wb.readSheet('Regnskap 2024')).values[0].slice(1)).toEqual(MONTHS_1900);
});
