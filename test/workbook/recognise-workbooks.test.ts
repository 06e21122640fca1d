/**
 * The readers and the engine on real .xlsx files, read through the xlsx adapter: the shared fixtures,
 * the examples, and workbooks in Danish and English with a report table whose typed-in variances
 * are partly wrong.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildFollowUp } from '../../src/core/engine/followup';
import { recognise } from '../../src/core/read/recognise';
import type { LayoutCell } from '../../src/report/layout';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.resolve(ROOT, '..', 'shared', 'fixtures');

async function recogniseFile(wb: XlsxWorkbook) {
  const sheets = (await wb.listSheets()).filter((s) => s.generated === null && s.usedRange);
  const grids = await Promise.all(sheets.map((s) => wb.readSheet(s.name)));
  const pivots = await wb.listPivots();
  return recognise(grids, { pivotRanges: pivots.map((p) => ({ sheet: p.sheet, range: p.range })) });
}

const open = (file: string): XlsxWorkbook => XlsxWorkbook.open(fs.readFileSync(file), path.basename(file));

describe('the shared fixtures', () => {
  it('Drammen: two pivots side by side, this year and last, a measures table and the frame', async () => {
    const rec = await recogniseFile(open(path.join(FIXTURES, 'no-drammen-p06-2022-02.xlsx')));
    expect(rec.language).toBe('nb');
    expect(rec.sources.map((s) => [s.range, s.role])).toEqual([
      ['Regnskap!A3:D9', 'prior-actual'],
      ['Regnskap!F3:I9', 'actual'],
    ]);
    expect(rec.sources[1].lines.map((l) => l.label)).toEqual(['1 LØNN', '2 ANDRE D', '3 SYKELØ', '4 ANDRE']);
    expect(rec.measures[0].items.map((i) => i.effectThisYear?.value.toNumber())).toEqual([16, 3, 3, 27, 6]);
    expect(rec.keyFigures.find((k) => k.kind === 'frame' && k.year === 2022)?.amount.value.toFixed()).toBe('1000712');
    const m = buildFollowUp(rec);
    const lonn = m.lines.find((l) => l.key === '1');
    expect(lonn?.change?.toFixed()).toBe('2845724.4');
    expect(m.total.actual?.toFixed()).toBe('152663978.2');
    expect(m.total.priorYearActual?.toFixed()).toBe('152183795.2');
    // 55 mill. of measures against a gap of 112 726 321 kr (1 113 438 321 − 1 000 712 000)
    expect(m.measures?.totalThisYear?.toFixed()).toBe('55');
    expect(m.measures?.gap?.amount.toFixed()).toBe('112.726321');
    expect(m.measures?.gap?.uncovered.toFixed()).toBe('57.726321');
  });

  it('the LibreOffice pivot table: its real bounds, the ledger left alone', async () => {
    const rec = await recogniseFile(open(path.join(FIXTURES, 'lo-real-pivot-ledger.xlsx')));
    expect(rec.sources.map((s) => s.range)).toEqual(['Pivot!A3:E8']);
    const m = buildFollowUp(rec);
    expect(m.period).toBe('2024-03');
    expect(m.lines.map((l) => l.key)).toEqual(['1', '2', '3']);
    expect(m.lines.find((l) => l.key === '3')?.actual?.toFixed()).toBe('-152411');
  });
});

describe('the examples', () => {
  it.each([
    ['helse-og-omsorg-2024-04.xlsx', 'nb', 'kr', 7],
    ['vard-och-omsorg-2024-04.xlsx', 'sv', 'tkr', 6],
  ])('%s: budget and actual pivots by unit and month, last year beside this year', async (file, lang, unit, lines) => {
    const rec = await recogniseFile(open(path.join(ROOT, 'examples', file)));
    expect(rec.language).toBe(lang);
    expect(rec.sources.filter((s) => s.kind === 'pivot').map((s) => s.role).sort()).toEqual(['actual', 'budget', 'prior-actual']);
    const m = buildFollowUp(rec);
    expect(m.unit).toBe(unit);
    expect(m.period).toBe('2024-04');
    expect(m.lines).toHaveLength(lines);
    expect(m.lines.every((l) => l.annualBudget !== null && l.priorYearActual !== null)).toBe(true);
    expect(m.measures?.unquantified).toHaveLength(1);
  });

  it("the Swedish tertial report's typo is found, its rounding is not, and the correct total beside it is not accused", async () => {
    const m = buildFollowUp(await recogniseFile(open(path.join(ROOT, 'examples', 'vard-och-omsorg-2024-04.xlsx'))));
    const checks = m.warnings.filter((w) => /mismatch/.test(w.code)).map((w) => [w.code, w.cell]);
    // D7 says −995 where 37 774 − 36 815 is 959; the total −5 322 is right against its own row (147 686 − 153 008).
    expect(checks).toEqual([['variance-mismatch', "'Rapport T1'!D7"]]);
  });
});

/** A report table as a controller types it, in Danish or English, with one wrong variance. */
async function reportWorkbook(words: { sheet: string; title: string; header: string[]; total: string }): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  const rows: (string | number)[][] = [
    ['100 Hjemmepleje', 3935152, 4072345, -137193, -0.035],
    ['200 Plejecenter', 9272276, 9000000, 272276, 0.029],
    ['300 Sundhed', 1500000, 1400000, 10000, 0.067],
    [words.total, 14707428, 14472345, 145083, 0.016],
  ];
  const cells: LayoutCell[] = [
    { row: 0, col: 0, value: words.title },
    ...words.header.map((h, c) => ({ row: 2, col: c, value: h })),
    ...rows.flatMap((r, i) =>
      r.map((v, c) => ({ row: 3 + i, col: c, value: v, style: { numberFormat: c === 4 ? '0.0%' : '#,##0' } })),
    ),
  ];
  await wb.addPlainSheet({ name: words.sheet, cells });
  return wb;
}

describe('report tables with typed-in variances', () => {
  it.each([
    ['da', { sheet: 'Opfølgning', title: 'Budgetopfølgning marts 2024 (kr)', header: ['Enhed', 'Budget', 'Regnskab', 'Afvigelse', 'Afvigelse %'], total: 'I alt' }],
    ['en', { sheet: 'Report', title: 'Budget follow-up March 2024 (kr)', header: ['Unit', 'Budget', 'Actual', 'Variance', 'Variance %'], total: 'Total' }],
  ])('%s: a wrong variance is flagged with its cell, rounding is not', async (lang, words) => {
    const rec = await recogniseFile(await reportWorkbook(words));
    expect(rec.language).toBe(lang);
    expect(rec.sources).toHaveLength(1);
    expect(rec.sources[0].lines).toHaveLength(3);
    const m = buildFollowUp(rec, { language: 'en' });
    expect(m.total.variance?.toFixed()).toBe('235083');
    const mismatches = m.warnings.filter((w) => /mismatch/.test(w.code));
    // 300: typed 10 000, but 1 500 000 − 1 400 000 = 100 000 (its 6.7 % was computed right); the
    // total row repeats the wrong sum. 100 and 200 (−3.5 %, 2.9 %) differ only by rounding.
    const sheet = words.sheet.includes('ø') ? `'${words.sheet}'` : words.sheet;
    expect(mismatches.map((w) => [w.code, w.cell])).toEqual([
      ['variance-mismatch', `${sheet}!D6`],
      ['variance-mismatch', `${sheet}!D7`],
    ]);
    expect(mismatches.find((w) => w.cell === `${sheet}!D6`)?.message).toBe('Typed variance 10,000 differs from budget against actuals: 100,000.');
  });
});
