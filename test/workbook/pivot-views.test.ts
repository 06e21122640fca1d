/**
 * Workbooks as analysts build them: one data table and several real pivot tables over it (views of
 * one data set), made by LibreOffice with `scripts/fixtures/make_pivot_views.py`, and the real
 * Excel-written workbooks in ../shared/fixtures/real/. The follow-up's totals must be the pivots' own
 * grand totals: views are never added together; parts of one whole are.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { buildFollowUp } from '../../src/core/engine/followup';
import type { FollowUpModel } from '../../src/core/model';
import { recognise, type PivotHint } from '../../src/core/read/recognise';
import { checksSheet } from '../../src/report/checks-sheet';
import { toJsonReport } from '../../src/report/json';
import { generateFollowUp } from '../../src/workbook/generate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { FIXTURES } from './helpers';

const HERE = path.resolve(__dirname, '..', 'fixtures', 'pivot-views');
const open = (file: string): XlsxWorkbook => XlsxWorkbook.open(fs.readFileSync(file), path.basename(file));
const mine = (name: string): XlsxWorkbook => open(path.join(HERE, name));

/** The data every fixture's pivots summarise (make_pivot_views.py): its grand totals. */
const BUDGET = '7974000';
const ACTUAL = '7969004.5';

async function followUp(wb: XlsxWorkbook): Promise<FollowUpModel> {
  return (await generateFollowUp(wb, { dryRun: true, generatedAt: '2024-05-02 10:00' })).model;
}

const seenRanges = (m: FollowUpModel): string[] => (m.seen ?? []).map((s) => s.range);
const seenReason = (m: FollowUpModel, range: string): string => (m.seen ?? []).find((s) => s.range === range)?.reason ?? '';

describe('several pivots over one data set (Norwegian): one view per role', () => {
  let m: FollowUpModel;
  beforeAll(async () => {
    m = await followUp(mine('views-nb.xlsx'));
  });

  it('totals are the pivots\' own grand totals, not three times the budget', () => {
    expect(m.total.annualBudget?.toFixed() ?? m.total.budget?.toFixed()).toBe(BUDGET);
    expect(m.total.actual?.toFixed()).toBe(ACTUAL);
    expect(m.period).toBe('2024-04');
    expect(m.language).toBe('nb');
  });

  it('uses the budget and actuals pivots by unit and month, whose level both roles share', () => {
    expect(m.sources.map((s) => [s.range, s.role])).toEqual([
      ['Regnskap!A3:F8', 'actual'],
      ['Budsjett!A3:F8', 'budget'],
    ]);
    expect(m.lines.map((l) => l.name)).toEqual(['Barnevern', 'Hjemmetjeneste', 'Sykehjem']);
  });

  it('lists every other view as seen, not used, with why: by category, by month (months as rows), the KPI pivot', () => {
    expect(seenRanges(m)).toEqual(expect.arrayContaining(["'Per kategori'!A4:C8", "'Per måned'!A3:B8", "'Nøkkeltall'!A4:B5"]));
    expect(seenReason(m, "'Nøkkeltall'!A4:B5")).toBe(
      'En annen visning av de samme dataene (regnskap 7\u00a0969\u00a0004,5, totalsummen stemmer med Regnskap!A3:F8); brukt bare til kontroll.',
    );
  });

  it('the Sum of Avvik pivot is the author\'s variance: cross-checked against budget minus actuals, never added', () => {
    expect(seenReason(m, 'Avvik!A3:B7')).toBe('Forfatterens avvik, totalsum 4\u00a0995,5; budsjett mot regnskap i Regnskap!A3:F8, Budsjett!A3:F8 gir 4\u00a0995,5.');
  });

  it('the count pivot and the data table the pivots summarise are seen, not used', () => {
    expect(seenReason(m, 'Antall!A3:B7')).toMatch(/^Ingen sum av beløp \(Antall av Regnskap\)/);
    expect(seenReason(m, 'Data!A1:G37')).toMatch(/^Dataene som pivotene Regnskap!A3:F8, Budsjett!A3:F8, .* oppsummerer/);
  });

  it('the checks sheet has a section "Sett, ikke brukt", and the JSON lists them as sources not used', () => {
    const cells = checksSheet(m, '2024-05-02 10:00').cells;
    const title = cells.find((c) => c.value === 'Sett, ikke brukt');
    expect(title).toBeDefined();
    const listed = cells.filter((c) => c.col === 0 && title && c.row > title.row + 1).map((c) => c.value);
    expect(listed).toEqual(seenRanges(m));
    const json = toJsonReport(m) as { sources: { range: string; used?: boolean; role: string | null }[] };
    expect(json.sources.filter((s) => s.used === false).map((s) => s.range)).toEqual(seenRanges(m));
    expect(json.sources.filter((s) => s.used === undefined).map((s) => s.role)).toEqual(['actual', 'budget']);
  });
});

describe('nested row fields: lines at one level, their parents as groups, never both counted', () => {
  it('Swedish, two levels (Enhet > Kategori), outline layout with subtotals at the top', async () => {
    const m = await followUp(mine('views-sv.xlsx'));
    expect(m.language).toBe('sv');
    expect(m.sources.map((s) => s.range)).toEqual(["'Per enhet'!A4:D17"]);
    expect(m.lines).toHaveLength(9);
    expect(m.lines[0]).toMatchObject({ key: 'barnevern/1', name: 'Lønn (Barnevern)', group: 'Barnevern' });
    expect(m.total.budget?.toFixed()).toBe(BUDGET);
    expect(m.total.actual?.toFixed()).toBe(ACTUAL);
    expect(seenReason(m, "'Per månad'!A4:C9")).toMatch(/^En annan vy av samma data/);
    expect(seenReason(m, 'Avvikelse!A3:B7')).toBe('Författarens avvikelse, totalsumma 4\u00a0995,5; budget mot utfall i \'Per enhet\'!A4:D17 ger 4\u00a0995,5.');
  });

  it('English, three levels (Area > Department > Category), tabular layout with subtotals at the bottom', async () => {
    const m = await followUp(mine('views-en.xlsx'));
    expect(m.language).toBe('en');
    expect(m.sources.map((s) => s.range)).toEqual(["'By category'!A4:E19"]);
    expect(m.lines).toHaveLength(9);
    // No amount became a key, and no subtotal became a line.
    expect(m.lines.every((l) => !/^\d{5,}/.test(l.key) && !/Sum$/.test(l.name))).toBe(true);
    expect(m.total.budget?.toFixed()).toBe(BUDGET);
    expect(m.total.actual?.toFixed()).toBe(ACTUAL);
    expect(seenRanges(m)).toEqual(expect.arrayContaining(["'By department'!A4:D10", 'Variance!A3:B7', 'Data!A1:G37']));
    expect(m.warnings.filter((w) => w.code === 'total-mismatch')).toEqual([]);
  });
});

describe('parts of one whole: one pivot per unit (a report filter each) over the same data', () => {
  it('are added: the total is the sum of the units\' grand totals, each category summed over the units', async () => {
    const m = await followUp(mine('parts-nb.xlsx'));
    expect(m.sources.map((s) => s.range)).toEqual(['Hjemmetjeneste!A5:C9', 'Sykehjem!A5:C9', 'Barnevern!A5:C9']);
    expect(m.total.budget?.toFixed()).toBe(BUDGET);
    expect(m.total.actual?.toFixed()).toBe(ACTUAL);
    expect(m.lines.map((l) => [l.name, l.budget?.toFixed()])).toEqual([
      ['Lønn', '2538000'],
      ['Varer', '2658000'],
      ['Tjenester', '2778000'],
    ]);
  });

  it('the adapter reads each pivot\'s report filter: the one unit it shows', async () => {
    const pivots = await mine('parts-nb.xlsx').listPivots();
    expect(pivots.map((p) => p.definition?.pageFields)).toEqual([
      [{ field: 'Avdeling', item: 'Hjemmetjeneste' }],
      [{ field: 'Avdeling', item: 'Sykehjem' }],
      [{ field: 'Avdeling', item: 'Barnevern' }],
    ]);
  });
});

describe('property: adding another view of the same data changes no figure of the follow-up', () => {
  it('any choice and order of the other views over the budget and actuals pivots', async () => {
    const wb = mine('views-nb.xlsx');
    const sheets = (await wb.listSheets()).filter((s) => s.usedRange);
    const grids = await Promise.all(sheets.map((s) => wb.readSheet(s.name)));
    const hints: PivotHint[] = (await wb.listPivots()).map((p) => ({ sheet: p.sheet, range: p.range, name: p.name, definition: p.definition }));
    const base = hints.filter((h) => h.sheet === 'Regnskap' || h.sheet === 'Budsjett');
    const views = hints.filter((h) => !base.includes(h));
    // The other views' sheets are read only when their pivot is known, so that a view left out is not
    // found again as a block of cells (that is the pasted-values path, tested elsewhere).
    const figures = (hs: readonly PivotHint[]): string => {
      const shown = new Set(hs.map((h) => h.sheet));
      const model = buildFollowUp(recognise(grids.filter((g) => shown.has(g.sheet) || g.sheet === 'Data'), { pivotRanges: hs, language: 'nb' }));
      return JSON.stringify({ total: model.total, lines: model.lines.map((l) => ({ ...l, origin: undefined })) });
    };
    const expected = figures(base);
    fc.assert(
      fc.property(fc.shuffledSubarray(views), fc.boolean(), (extra, viewsFirst) => {
        const hs = viewsFirst ? [...extra, ...base] : [...base, ...extra];
        expect(figures(hs)).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the real workbooks Excel wrote (../shared/fixtures/real)', () => {
  const real = (name: string): XlsxWorkbook => open(path.join(FIXTURES, 'real', name));

  it('five pivots over one data set (WithChartSheet): one is used, its grand total is the follow-up\'s; the others seen', async () => {
    const m = await followUp(real('poi-WithChartSheet.xlsx'));
    expect(m.sources.map((s) => s.range)).toEqual(['Sheet4!A3:C21']);
    // Sum of Cost 56 808 729 + Sum of Revenue 68 366 467.438: the pivot's own grand-total row (read as actuals).
    expect(m.total.actual?.toFixed()).toBe('125175196.438');
    expect(seenRanges(m).sort()).toEqual(['Sheet1!A1:D13', 'Sheet2!A3:C11', 'Sheet3!A3:G12', 'Sheet5!A3:G9', 'Sheet6!A3:G9']);
    expect(seenReason(m, 'Sheet1!A1:D13')).toMatch(/^The data the pivots .*Sheet4!A3:C21.* summarise/);
    expect(seenReason(m, 'Sheet3!A3:G12')).toMatch(/stand on rows/);
    // Nested rows (Category > Year, compact, subtotals at the top): no amount became a line key.
    expect(m.lines.every((l) => !/^\d{6,}/.test(l.key))).toBe(true);
  });

  it('pivots of counts and percentages (a survey) are not money: seen, not used', async () => {
    const m = await followUp(real('cx-column-style-autofilter.xlsx'));
    expect(m.seen?.filter((s) => /^No sum of money/.test(s.reason))).toHaveLength(17);
    expect(m.sources.every((s) => !/Count|Responses/.test(s.description))).toBe(true);
  });

  it('a pivot over a table (ListObject): the table is the pivot\'s data, seen, not used', async () => {
    const m = await followUp(real('cx-TemplateWithTableSourcePivotTables.xlsx'));
    expect(seenReason(m, 'StressedAssets!A1:K2')).toBe('The data the pivots StressedAssetsPivot!A4:D8 summarise; the pivots are used, not the rows.');
    expect(m.sources.map((s) => s.range)).not.toContain('StressedAssets!A1:K2');
  });
});
