/**
 * The month-by-month sheet as LibreOffice sees it, in nb and sv: recalculated, every formula gives the
 * value the file holds and the engine computed; rendered to a page, it reads as a committee member
 * would read it (the months, the headings, the total in the workbook's own number style).
 * Uses ../shared/tools/xlsx_recalc.py and xlsx_render.sh (LibreOffice headless, poppler).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { GLOSSARY } from '../../src/core/glossary';
import { formatDecimal } from '../../src/core/format';
import { decimalString } from '../../src/core/money';
import { MONTHS_MARKER, monthsSheet } from '../../src/report/months-sheet';
import { generateFollowUp } from '../../src/workbook/generate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { dec } from '../../src/core/money';
import { outFile, REPO_ROOT, TOOLS } from './helpers';
import { groupedWorkbook } from './builders';

const onPath = (cmd: string): boolean => (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, cmd)));
const available = (fs.existsSync('/usr/bin/soffice') || onPath('soffice')) && onPath('pdftotext');
if (!available) console.warn('SKIPPED: LibreOffice (soffice) or poppler is not installed; the month-by-month sheet was not opened in LibreOffice.');
const maybe = available ? test : test.skip;

interface Recalc {
  sheets: Record<string, { cells: Record<string, { formula?: string; value: string | number | null; cached?: unknown; error?: string }> }>;
}

const recalc = (file: string): Recalc =>
  JSON.parse(execFileSync('/usr/bin/python3', [path.join(TOOLS, 'xlsx_recalc.py'), file], { encoding: 'utf8', timeout: 180000 })) as Recalc;

describe.each([
  ['helse-og-omsorg-2024-04.xlsx', 'nb', 'nb-NO', 'Måned for måned 2024-04', ['januar', 'februar', 'mars', 'april']],
  ['vard-och-omsorg-2024-04.xlsx', 'sv', 'sv-SE', 'Månad för månad 2024-04', ['januari', 'februari', 'mars', 'april']],
] as const)('LibreOffice and the month-by-month sheet of %s', (example, lang, locale, sheet, monthNames) => {
  maybe(
    'recalculates every formula to the value the file holds, the engine’s',
    async () => {
      const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, 'examples', example))), example);
      const { model, sheets } = await generateFollowUp(wb, { generatedAt: '2024-05-03 09:00' });
      expect(sheets).toContain(sheet);
      const cells = recalc(outFile(`months-${example}`, wb.save())).sheets[sheet].cells;
      const formulas = Object.entries(cells).filter(([, c]) => c.formula);
      // per line: this month's variance, the actuals so far, the share used; the total's sums; the year gone
      expect(formulas.length).toBeGreaterThanOrEqual(3 * model.lines.length + 12);
      for (const [ref, c] of formulas) {
        expect({ ref, error: c.error, cached: c.cached }).toEqual({ ref, error: undefined, cached: undefined });
      }
      const months = model.monthByMonth!;
      const totalRow = 6 + model.lines.length;
      const byValue = (row: number, v: number): boolean =>
        Object.entries(cells).some(([ref, c]) => ref.endsWith(String(row)) && c.formula && typeof c.value === 'number' && Math.abs(c.value - v) < 1e-6);
      expect(byValue(totalRow, months.total.actualSoFar.toNumber())).toBe(true);
      expect(byValue(totalRow, model.total.monthVariance!.toNumber())).toBe(true);
      expect(byValue(totalRow, months.total.used!.toNumber())).toBe(true);
      months.lines.forEach((l, i) => expect(byValue(6 + i, l.used!.toNumber())).toBe(true));
    },
    240000,
  );

  maybe(
    'renders as a page a committee member can read',
    async () => {
      const source = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, 'examples', example))), example);
      const { model } = await generateFollowUp(source, { dryRun: true });
      const wb = XlsxWorkbook.create(`months-only-${lang}.xlsx`);
      await wb.writeSheet(monthsSheet(model, '2024-05-03 09:00', dec('0.02'))!, MONTHS_MARKER);
      const file = outFile(`months-only-${lang}.xlsx`, wb.save());
      const dir = outFile(`months-render-${lang}`);
      fs.rmSync(dir, { recursive: true, force: true });
      const pngs = execFileSync(path.join(TOOLS, 'xlsx_render.sh'), ['--locale', locale, file, dir], { encoding: 'utf8', timeout: 240000 }).trim().split('\n');
      const pdf = fs.readdirSync(dir).find((f) => f.endsWith('.pdf'))!;
      const page = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', path.join(dir, pdf), '-'], { encoding: 'utf8' });
      expect(pngs.filter((p) => p.endsWith('.png')).length).toBeGreaterThanOrEqual(1);
      const g = GLOSSARY[lang];
      const words = page.replace(/\s+/g, ' ');
      for (const w of [sheet.slice(0, -8), ...monthNames, g.monthBudget, g.monthActual, g.used]) expect(words).toContain(w);
      // every line on the first page, and the total as the locale shows it: 161 646 979, 34,0 %
      for (const l of model.lines) expect(words).toContain(l.name);
      const soFar = formatDecimal(decimalString(model.monthByMonth!.total.actualSoFar), lang, 0).replace(/\u2212/g, '-');
      expect(words.replace(/[\u00a0\u202f]/g, ' ')).toContain(soFar.replace(/[\u00a0\u202f]/g, ' '));
    },
    300000,
  );
});

describe('LibreOffice and the month-by-month sheet of a workbook with groups', () => {
  maybe(
    'recalculates each group’s subtotal from its rows, and the total counts every line once',
    async () => {
      const wb = await groupedWorkbook();
      const { sheets } = await generateFollowUp(wb, { generatedAt: 'test' });
      const cells = recalc(outFile('months-grouped.xlsx', wb.save())).sheets[sheets.find((s) => s.startsWith('Måned'))!].cells;
      // rows 6–7 the lines of 1100, 8 its subtotal, 9 the line of 1200, 10 its subtotal, 11 the total
      expect([cells['B8'].value, cells['B10'].value, cells['B11'].value]).toEqual(['1100 Totalt', '1200 Totalt', 'Sum']);
      expect(cells['H8']).toMatchObject({ formula: '=SUBTOTAL(9,H6:H7)' });
      expect(cells['H8'].value).toBeCloseTo(1320, 6);
      expect(cells['K8'].value).toBeCloseTo(3960, 6);
      expect(cells['K10'].value).toBeCloseTo(1650, 6);
      expect(cells['H11']).toMatchObject({ formula: '=SUBTOTAL(9,H6:H10)' });
      expect(cells['H11'].value).toBeCloseTo(1870, 6);
      expect(cells['K11'].value).toBeCloseTo(5610, 6);
      for (const [ref, c] of Object.entries(cells).filter(([, c]) => c.formula)) expect({ ref, error: c.error }).toEqual({ ref, error: undefined });
    },
    240000,
  );
});
