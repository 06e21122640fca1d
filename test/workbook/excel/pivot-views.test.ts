/**
 * Pivot definitions through the PivotTable API: the Excel adapter reads hierarchies, data fields'
 * summarise function and show-values-as, the layout and (ExcelApi 1.15) the data source, and the
 * pipeline gives the same one coherent reading as from the file's pivot parts.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { FollowUpModel } from '../../../src/core/model';
import { generateFollowUp } from '../../../src/workbook/generate';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/workbook';
import { excelOn, fakeFromXlsx } from './helpers';

const HERE = path.resolve(__dirname, '..', '..', 'fixtures', 'pivot-views');
const open = (name: string): XlsxWorkbook => XlsxWorkbook.open(fs.readFileSync(path.join(HERE, name)), name);
const run = async (wb: Parameters<typeof generateFollowUp>[0]): Promise<FollowUpModel> => (await generateFollowUp(wb, { dryRun: true, generatedAt: '2024-05-02 10:00' })).model;
const figures = (m: FollowUpModel) => ({ total: m.total, lines: m.lines.map((l) => [l.key, l.budget?.toFixed(), l.actual?.toFixed()]), sources: m.sources.map((s) => s.range), seen: m.seen?.map((s) => s.range) });

describe('the PivotTable API gives the pivots\' definitions', () => {
  test('hierarchies, data fields, layout and data source, in the same two round trips', async () => {
    const fake = await fakeFromXlsx(open('views-nb.xlsx'));
    const pivots = await excelOn(fake).listPivots();
    expect(fake.syncCount).toBe(2);
    const byName = new Map(pivots.map((p) => [p.name, p.definition]));
    expect(byName.get('PerKategori')).toMatchObject({
      source: { sheet: 'Data', range: { top: 0, left: 0, bottom: 36, right: 6 }, name: null },
      rowFields: ['Kategori'],
      columnFields: [],
      dataFields: [
        { name: 'Summer av Budsjett', summary: 'sum', showAs: null },
        { name: 'Summer av Regnskap', summary: 'sum', showAs: null },
      ],
      valuesOnRows: false,
    });
    expect(byName.get('AntallPosteringer')?.dataFields).toEqual([{ name: 'Antall av Regnskap', field: null, summary: 'count', showAs: null }]);
    // All seven over one data set: one cache key.
    expect(new Set(pivots.map((p) => p.definition?.cache)).size).toBe(1);
  });

  test('the follow-up in Excel is the one from the file: one view per role, the same seen', async () => {
    const x = open('views-nb.xlsx');
    const fromFile = await run(x);
    const inExcel = await run(excelOn(await fakeFromXlsx(x)));
    expect(figures(inExcel)).toEqual(figures(fromFile));
    expect(inExcel.total.actual?.toFixed()).toBe('7969004.5');
  });

  test('one pivot per unit over one data set: added in Excel too, where the API does not say which unit a report filter shows', async () => {
    const x = open('parts-nb.xlsx');
    const inExcel = await run(excelOn(await fakeFromXlsx(x)));
    expect(figures(inExcel)).toEqual(figures(await run(x)));
    expect(inExcel.total.budget?.toFixed()).toBe('7974000');
    expect(inExcel.sources).toHaveLength(3);
  });

  test('on ExcelApi 1.8 (no data source string) views are told by their grand totals: the totals are still the pivots\' own', async () => {
    for (const name of ['views-nb.xlsx', 'views-sv.xlsx', 'views-en.xlsx']) {
      const fake = await fakeFromXlsx(open(name), { apiVersion: '1.8' });
      const m = await run(excelOn(fake));
      expect([name, m.total.budget?.toFixed() ?? m.total.annualBudget?.toFixed(), m.total.actual?.toFixed()]).toEqual([name, '7974000', '7969004.5']);
    }
  });
});
