/**
 * LibreOffice opens what we write, recalculates our formulas to the cached values we stored, and
 * still sees the user's pivot table, chart and defined name. Uses ../shared/tools/xlsx_recalc.py.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { TOOLS, fixture, outFile, richLayout } from './helpers';

function hasSoffice(): boolean {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, 'soffice'))) return true;
  }
  return fs.existsSync('/usr/bin/soffice');
}

interface RecalcCell {
  formula?: string;
  value: string | number | null;
  display: string;
  error?: string;
  cached?: string | number | null;
}
interface Recalc {
  names: Record<string, string>;
  sheets: Record<string, { pivots?: { name: string; range: string }[]; charts?: number; cells: Record<string, RecalcCell> }>;
}

const available = hasSoffice();
if (!available) console.warn('SKIPPED: LibreOffice (soffice) is not installed; the LibreOffice recalculation test did not run.');
const maybe = available ? test : test.skip;

maybe(
  'LibreOffice opens the written workbook and recalculates every formula to its cached value',
  () => {
    const wb = XlsxWorkbook.open(fixture('lo-real-pivot-ledger.xlsx'), 'lo-real-pivot-ledger.xlsx');
    const layout = richLayout();
    return wb.writeSheet(layout, 'followup').then(async () => {
      await wb.writeSettings('{"period":"2022-02"}');
      const file = outFile('libreoffice-recalc.xlsx', wb.save());
      const json = execFileSync('/usr/bin/python3', [path.join(TOOLS, 'xlsx_recalc.py'), file], { encoding: 'utf8', timeout: 180000 });
      const result = JSON.parse(json) as Recalc;
      // the user's things are all still there
      expect(result.names.Ledger).toBe('$Data.$A$1:$D$19');
      expect(result.sheets.Pivot.pivots).toEqual([{ name: 'PivotLedger', range: 'A3:E8' }]);
      expect(result.sheets.Data.charts).toBe(1);
      expect(Object.keys(result.sheets)).toEqual(['Data', 'Pivot', 'Oppfølging', '_BudgetFollowup']);
      // our formulas recalculate to exactly the values we cached
      const cells = result.sheets['Oppfølging'].cells;
      let formulas = 0;
      for (const c of layout.cells) {
        const a1 = `${String.fromCharCode(65 + c.col)}${c.row + 1}`;
        const got = cells[a1];
        if (c.value === null && !c.formula) continue;
        expect({ a1, present: got !== undefined }).toEqual({ a1, present: true });
        if (c.formula) {
          formulas++;
          expect({ a1, formula: got.formula, error: got.error, cached: got.cached }).toEqual({ a1, formula: `=${c.formula}`, error: undefined, cached: undefined });
          const expected = typeof c.value === 'boolean' ? (c.value ? 1 : 0) : c.value;
          if (typeof expected === 'number') expect(got.value as number).toBeCloseTo(expected, 9);
          else expect(got.value).toBe(expected);
        } else if (typeof c.value === 'string') {
          expect({ a1, value: got.value, formula: got.formula }).toEqual({ a1, value: c.value.replace(/\u0001/g, '').replace(/\r\n/g, '\n'), formula: undefined });
        }
      }
      expect(formulas).toBeGreaterThan(15);
      // number formats as the user sees them
      expect(cells.B4.display).toBe('117,327');
      expect(cells.E4.display).toBe('-2.2%');
      expect(cells.F8.display).toBe('FALSE');
      expect(result.sheets._BudgetFollowup.cells.A1.value).toBe('{"period":"2022-02"}');
    });
  },
  240000,
);
