/**
 * A 50,000-row × 14-column sheet is written and read back whole, with zlib (what the command line
 * uses: src/workbook/xlsx/file installs it) and with fflate (browsers). Speed is not asserted here:
 * `npm run bench` measures it.
 */
import { useNodeZlib } from '../../src/workbook/xlsx/file';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { setZipCodec } from '../../src/workbook/xlsx/zip';
import { bigLayout, fixture } from './helpers';

const ROWS = 50000;

function ms(from: number): number {
  return Math.round(performance.now() - from);
}

async function measure(label: string): Promise<void> {
  const layout = bigLayout(ROWS);
  let t = performance.now();
  const wb = XlsxWorkbook.open(fixture('lo-real-pivot-ledger.xlsx'), 'big.xlsx');
  await wb.writeSheet(layout, 'followup');
  const writeMs = ms(t);
  t = performance.now();
  const bytes = wb.save();
  const saveMs = ms(t);

  t = performance.now();
  const again = XlsxWorkbook.open(bytes, 'big.xlsx');
  const sheets = await again.listSheets();
  const listMs = ms(t);
  t = performance.now();
  const g = await again.readSheet('Stor');
  const readMs = ms(t);
  const heap = Math.round(process.memoryUsage().heapUsed / 1e6);
  console.log(
    `[${label}] ${ROWS}×14 (${layout.cells.length} cells): writeSheet ${writeMs} ms + save ${saveMs} ms (${(bytes.length / 1e6).toFixed(1)} MB file); ` +
      `open+listSheets ${listMs} ms + readSheet ${readMs} ms; heap after ${heap} MB`,
  );
  expect(sheets.find((s) => s.name === 'Stor')?.usedRange).toEqual({ top: 0, left: 0, bottom: ROWS, right: 13 });
  expect(g.values.length).toBe(ROWS + 1);
  expect(g.values[ROWS][0]).toBe(`Konto ${1000 + (ROWS % 900)}`);
  expect(g.values[ROWS][13]).toBe(true);
  expect(g.formulas?.[ROWS][12]).toBe(`SUM(C${ROWS + 1}:L${ROWS + 1})`);
  expect(g.formats[ROWS][2]).toBe('#,##0');
}

afterAll(() => useNodeZlib());

test(`Node (zlib): writes and reads a ${ROWS}-row × 14-column sheet`, async () => {
  useNodeZlib();
  await measure('zlib');
});

test(`browser codec (fflate): writes and reads a ${ROWS}-row × 14-column sheet`, async () => {
  setZipCodec(null);
  await measure('fflate');
});
