/**
 * LibreOffice opens a generated workbook with its charts sheet and finds the charts on it, in nb and sv;
 * the workbook's own chart is still there. Uses ../shared/tools/xlsx_recalc.py (LibreOffice UNO).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generateFollowUp } from '../../src/workbook/generate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { fixture, outFile, REPO_ROOT, TOOLS } from './helpers';
import { chartsSheet } from '../../src/report/charts-sheet';
import { CHARTS_MARKER } from '../../src/report/charts-sheet';

const available = fs.existsSync('/usr/bin/soffice') || (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, 'soffice')));
if (!available) console.warn('SKIPPED: LibreOffice (soffice) is not installed; the charts were not opened in LibreOffice.');
const maybe = available ? test : test.skip;

interface Recalc {
  sheets: Record<string, { charts?: number; cells: Record<string, { value: string | number | null }> }>;
}

const recalc = (file: string): Recalc =>
  JSON.parse(execFileSync('/usr/bin/python3', [path.join(TOOLS, 'xlsx_recalc.py'), file], { encoding: 'utf8', timeout: 180000 })) as Recalc;

describe.each([
  ['helse-og-omsorg-2024-04.xlsx', 'Grafer 2024-04'],
  ['vard-och-omsorg-2024-04.xlsx', 'Diagram 2024-04'],
])('LibreOffice opens the charts of %s', (example, sheet) => {
  maybe(
    `finds the three charts on "${sheet}" and the figures they read`,
    async () => {
      const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, 'examples', example))), example);
      const { model, sheets } = await generateFollowUp(wb, { generatedAt: '2024-05-03 09:00' });
      expect(sheets).toContain(sheet);
      const result = recalc(outFile(`charts-${example}`, wb.save()));
      expect(result.sheets[sheet].charts).toBe(3);
      // the cumulative table holds the engine's figures: budget to date at the report month, the year's budget
      const month = model.monthsElapsed as number;
      const cells = result.sheets[sheet].cells;
      expect(cells[`B${5 + month}`].value).toBeCloseTo(model.total.budget?.toNumber() as number, 6);
      expect(cells[`C${5 + month}`].value).toBeCloseTo(model.total.actual?.toNumber() as number, 6);
      expect(cells.B17.value).toBeCloseTo(model.total.annualBudget?.toNumber() as number, 6);
    },
    240000,
  );
});

maybe(
  "keeps the workbook's own chart beside ours",
  async () => {
    const { model } = await generateFollowUp(XlsxWorkbook.open(new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'helse-og-omsorg-2024-04.xlsx')))), { dryRun: true });
    const wb = XlsxWorkbook.open(fixture('lo-real-pivot-ledger.xlsx'), 'lo-real-pivot-ledger.xlsx');
    await wb.writeSheet(chartsSheet(model, '2024-05-03 09:00')!, CHARTS_MARKER);
    const result = recalc(outFile('charts-into-ledger.xlsx', wb.save()));
    expect(result.sheets.Data.charts).toBe(1);
    expect(result.sheets['Grafer 2024-04'].charts).toBe(3);
  },
  240000,
);
