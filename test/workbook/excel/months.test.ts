/**
 * The month-by-month sheet written through Excel: the same cells, formulas and number formats as the
 * xlsx file's, its month headings merged, its colours and frozen headings set, the formulas computing
 * the engine's values; replaced, not doubled, when regenerated.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Grid } from '../../../src/core/grid';
import { dec } from '../../../src/core/money';
import type { SheetLayout } from '../../../src/report/layout';
import { MONTHS_MARKER, monthsSheet } from '../../../src/report/months-sheet';
import { generateFollowUp } from '../../../src/workbook/generate';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/workbook';
import { FakeExcel } from './fake-excel';
import { excelOn } from './helpers';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

describe.each(['helse-og-omsorg-2024-04.xlsx', 'vard-och-omsorg-2024-04.xlsx'])('the month-by-month sheet of %s in Excel', (example) => {
  let spec: SheetLayout;
  beforeAll(async () => {
    const { model } = await generateFollowUp(XlsxWorkbook.open(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, example)))), { dryRun: true });
    spec = monthsSheet(model, '2024-05-03 09:00', dec('0.02')) as SheetLayout;
  });

  async function written(): Promise<{ fake: FakeExcel; excel: Grid; file: Grid }> {
    const fake = new FakeExcel();
    fake.addGridSheet({ sheet: 'Data', top: 0, left: 0, values: [['x']], formats: [['General']] });
    const wb = excelOn(fake);
    await wb.writeSheet(spec, MONTHS_MARKER);
    expect(wb.warnings).toEqual([]);
    const xlsx = XlsxWorkbook.create();
    await xlsx.writeSheet(spec, MONTHS_MARKER);
    return { fake, excel: await wb.readSheet(spec.name), file: await xlsx.readSheet(spec.name) };
  }

  it('writes the cells, formulas and formats the xlsx file has, and Excel computes the engine’s values', async () => {
    const { excel, file } = await written();
    expect([excel.top, excel.left, excel.values.length]).toEqual([file.top, file.left, file.values.length]);
    file.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const where = `R${file.top + i + 1}C${file.left + j + 1}`;
        const w = excel.values[i]?.[j] ?? null;
        if (typeof v === 'number') expect([where, w]).toEqual([where, expect.closeTo(v, 6)]);
        else expect([where, w]).toEqual([where, v === '' ? null : v]);
        expect([where, excel.formulas?.[i]?.[j] ?? null]).toEqual([where, file.formulas?.[i]?.[j] ?? null]);
        expect([where, excel.formats[i]?.[j]]).toEqual([where, file.formats[i][j]]);
      }),
    );
    const withFormulas = spec.cells.filter((c) => c.formula).length;
    expect(withFormulas).toBeGreaterThan(20);
  });

  it('merges each month’s name over its two columns, colours by status and freezes the headings', async () => {
    const { fake } = await written();
    const s = fake.sheet(spec.name);
    expect(s.merges).toHaveLength(4);
    expect(s.merges.every((m) => m.right - m.left === 1 && m.top === m.bottom)).toBe(true);
    expect(s.conditionalFormats).toHaveLength(spec.conditionalFormats!.length);
    expect(s.freeze).toEqual(spec.freeze);
  });

  it('replaces the sheet when written again', async () => {
    const fake = new FakeExcel();
    fake.addGridSheet({ sheet: 'Data', top: 0, left: 0, values: [['x']], formats: [['General']] });
    const wb = excelOn(fake);
    await wb.writeSheet(spec, MONTHS_MARKER);
    await wb.writeSheet(spec, MONTHS_MARKER);
    expect(fake.sheetNames()).toEqual(['Data', spec.name]);
  });
});
