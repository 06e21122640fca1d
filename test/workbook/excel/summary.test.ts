/**
 * The committee summary written through Excel (the task pane): ready to print as the command line's
 * file is (one A4 page, portrait, its print area), with the same charts drawn by the chart API.
 */
import * as fs from 'fs';
import * as path from 'path';
import { dec } from '../../../src/core/money';
import { SUMMARY_MARKER, summarySheet, summarySheetName } from '../../../src/report/summary-sheet';
import { generateFollowUp } from '../../../src/workbook/generate';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/workbook';
import { FakeExcel } from './fake-excel';
import { excelOn } from './helpers';

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'vard-och-omsorg-2024-04.xlsx');

it('the summary in Excel prints on one A4 page, its print area the page, with its three charts', async () => {
  const { model } = await generateFollowUp(XlsxWorkbook.open(new Uint8Array(fs.readFileSync(EXAMPLE))), { dryRun: true });
  const spec = summarySheet(model, '2024-05-03 09:00', summarySheetName(model), { neutralBand: dec('0.02'), notes: null });
  const fake = new FakeExcel();
  fake.addGridSheet({ sheet: 'Data', top: 0, left: 0, values: [['x']], formats: [['General']] });
  const wb = excelOn(fake);
  await wb.writeSheet(spec, SUMMARY_MARKER);
  expect(wb.warnings).toEqual([]);
  const page = fake.sheet('Sammanfattning 2024-04').pageLayout;
  expect(page.orientation).toBe('Portrait');
  expect(page.paperSize).toBe('A4');
  expect(page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
  expect(page.printArea).toBe(spec.page?.printArea);
  expect(page.printArea).toMatch(/^A1:D\d+$/);
  expect((fake.sheet('Sammanfattning 2024-04').charts ?? []).map((c) => c.type).sort()).toEqual(['BarClustered', 'ColumnStacked', 'Line']);
});
