/**
 * The follow-up sheet as a committee member gets it on paper and on screen: A4 landscape, one page
 * wide at a readable scale; columns without figures hidden but kept in place; rows as tall as people's
 * text; the glossary's words and units; one colour rule; the forecast's assumption beside it.
 */
import { buildFollowUp } from '../../src/core/engine/followup';
import { columnLetters } from '../../src/core/grid';
import { dec } from '../../src/core/money';
import type { ForecastMethod, FollowUpModel } from '../../src/core/model';
import type { Unit } from '../../src/core/sources';
import { col, COLUMNS, followUpSheet, MIN_PRINT_SCALE, PERCENT, type ColumnId } from '../../src/report/followup-sheet';
import { printScale, type LayoutCell, type SheetLayout } from '../../src/report/layout';
import { generateFollowUp } from '../../src/workbook/generate';
import { budgetWorkbook, typeInto } from '../workbook/builders';
import { entries, text } from '../workbook/helpers';
import { monthPivot, recognised } from '../core/engine/sources';

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const AT = '2024-04-05 09:00';

/** Lines with a budget for the year and actuals for three months, optionally last year's too, amounts × scale. */
function model(opts: { scale?: number; lastYear?: boolean; method?: ForecastMethod; unit?: Unit | null; lang?: 'nb' | 'sv' } = {}): FollowUpModel {
  const k = opts.scale ?? 1;
  const lines: [string, number, number][] = [
    ['100 Hjemmetjenesten', 1000 * k, 1100 * k],
    ['200 Sykehjem Sentrum', 2000 * k, 1960 * k],
    ['300 Tildelingskontoret', 500 * k, 505 * k],
  ];
  const sources = [
    monthPivot({ sheet: 'Budsjett', measure: 'budget', year: 2024, months: ALL_MONTHS, unit: opts.unit ?? null, lines: lines.map(([l, b]) => [l, ...Array<number>(12).fill(b)]) }),
    monthPivot({ sheet: 'Regnskap', measure: 'actual', year: 2024, months: [1, 2, 3], unit: opts.unit ?? null, lines: lines.map(([l, , a]) => [l, a, a, a]) }),
  ];
  if (opts.lastYear) {
    // Last year for two of the three lines: the third cannot follow last year's profile and falls back.
    sources.push(monthPivot({ sheet: 'Regnskap 2023', measure: 'actual', year: 2023, months: ALL_MONTHS, unit: opts.unit ?? null, lines: lines.slice(0, 2).map(([l, b]) => [l, ...Array<number>(12).fill(b)]) }));
  }
  return buildFollowUp(recognised(sources), { forecastMethod: opts.method, language: opts.lang ?? 'nb' });
}

const hidden = (layout: SheetLayout): ColumnId[] => (layout.columns ?? []).filter((c) => c.hidden).map((c) => COLUMNS[c.col]).filter((id) => !id.startsWith('hidden'));
const header = (layout: SheetLayout, id: ColumnId): LayoutCell | undefined => layout.cells.find((c) => c.row === 3 && c.col === col(id));

describe('printing the follow-up sheet', () => {
  it('prints on A4 landscape, one page wide, at 70 % or more even with every column and amounts in the hundreds of millions', () => {
    const m = model({ scale: 10000, lastYear: true, method: 'last-year-profile' });
    expect(m.total.annualBudget?.toNumber()).toBe(420000000);
    const layout = followUpSheet(m, AT);
    // every figure column has figures, and the lines' methods differ; there was no earlier follow-up to compare forecasts with
    expect(hidden(layout)).toEqual(['previousForecast', 'forecastChange']);
    expect(layout.page).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToWidth: 1 });
    expect(printScale(layout)).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    // People's text columns wrap at a width a sentence can be read in.
    for (const id of ['outcome', 'analysis', 'action'] as const) expect(layout.columns?.[col(id)].width).toBeGreaterThanOrEqual(14);
  });

  it('still prints at 70 % or more with budgets in the billions: people’s text columns give up room first, and wrap', () => {
    const m = model({ scale: 300000, lastYear: true, method: 'last-year-profile' });
    expect(m.total.annualBudget?.toNumber()).toBe(12600000000);
    const layout = followUpSheet(m, AT);
    expect(printScale(layout)).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    for (const id of ['outcome', 'analysis', 'action'] as const) expect(layout.columns?.[col(id)].width).toBeGreaterThanOrEqual(10);
  });

  it('hides the columns with no figures in this workbook, keeping every column where it was', () => {
    const layout = followUpSheet(model(), AT);
    // No last year: no same months last year and no change; one method for every line: no method column.
    expect(hidden(layout)).toEqual(['prior', 'change', 'previousForecast', 'forecastChange', 'method']);
    expect(layout.columns?.map((c) => c.col)).toEqual(COLUMNS.map((_, i) => i));
    expect(header(layout, 'outcome')?.value).toBe('Kommentar');
    expect(header(layout, 'outcome')?.col).toBe(16);
    // The room they leave goes to people's text.
    expect(layout.columns?.[col('analysis')].width).toBeGreaterThan(followUpSheet(model({ lastYear: true, method: 'last-year-profile' }), AT).columns?.[col('analysis')].width ?? 0);
  });

  it('every sheet it writes prints on A4 landscape one page wide at 70 % or more (the committee summary: one A4 page, portrait)', async () => {
    const wb = await budgetWorkbook([{ label: '100 Hjemmetjeneste', monthlyBudget: 1000, actual: [1100, 1200, 1000] }], 3);
    const { model: m } = await generateFollowUp(wb, { generatedAt: AT, dryRun: true });
    const { layouts } = await import('../../src/workbook/generate');
    for (const [layout, marker] of layouts(m, [], AT, {}, null)) {
      if (marker === 'summary') {
        expect(layout.page).toMatchObject({ orientation: 'portrait', paperSize: 'A4', fitToWidth: 1, fitToHeight: 1 });
        continue;
      }
      expect(layout.page).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToWidth: 1 });
      expect(printScale(layout)).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    }
  });

  it("grows a row with a person's long text instead of the column, so it never runs over the rows below", async () => {
    const wb = await budgetWorkbook([{ label: '100 Hjemmetjeneste', monthlyBudget: 1000, actual: [1100, 1200, 1000] }], 3);
    const { sheets } = await generateFollowUp(wb, { generatedAt: AT });
    const long = 'Økt bruk av vikarer i sommerferien og høyere sykefravær enn budsjettert; tiltak for å redusere innleie er satt i gang fra mars og følges opp ukentlig.';
    await typeInto(wb, sheets[0], { [`${columnLetters(col('outcome'))}5`]: long }, 'followup');
    const again = await generateFollowUp(wb, { generatedAt: AT });
    const widths = followUpSheet(again.model, AT).columns;
    const files = entries(wb.save());
    const xml = Object.entries(files)
      .filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .map(([, b]) => text(b))
      .find((x) => x.includes('Økt bruk av vikarer')) as string;
    const row5 = /<row r="5"([^>]*)>/.exec(xml)?.[1] ?? '';
    const height = Number(/ht="(\d+)"/.exec(row5)?.[1]);
    // About 150 characters in a column of some 20: several lines of 15 points each.
    expect(widths?.[col('analysis')].width).toBeLessThan(41);
    expect(row5).toContain('customHeight="1"');
    expect(height).toBeGreaterThanOrEqual(45);
    // A row with nothing long keeps the default height.
    expect(/<row r="6"([^>]*)>/.exec(xml)?.[1] ?? '').not.toContain('ht=');
  });
});

describe('the words and units of the follow-up sheet', () => {
  it('writes Norwegian headings as Norwegian economists do, none running into the next', () => {
    const layout = followUpSheet(model({ lastYear: true, method: 'last-year-profile' }), AT);
    const words = COLUMNS.filter((id) => !id.startsWith('hidden')).map((id) => header(layout, id)?.value ?? null);
    expect(words).toEqual([
      'Nr.', 'Navn', 'Årsbudsjett', 'Budsjett hittil', 'Regnskap hittil', 'Avvik hittil', 'Avvik %', null, 'Regnskap i fjor', 'Endring fra i fjor',
      // No earlier follow-up: last month's forecast and the change have no heading (and are hidden).
      'Årsprognose', 'Avvik årsprognose', null, null, 'Metode', 'Egen prognose', 'Kommentar', 'Årsak/forklaring', 'Tiltak',
    ]);
    // A left-aligned heading after a right-aligned one is indented, so "Egen prognose" and "Kommentar" stay apart.
    expect(header(layout, 'manualForecast')?.style).toMatchObject({ align: 'right' });
    expect(header(layout, 'outcome')?.style).toMatchObject({ align: 'left', indent: 1 });
    expect(header(layout, 'method')?.style).toMatchObject({ align: 'left', indent: 1 });
  });

  it('never gives a Swedish figure column and text column the same word', () => {
    const layout = followUpSheet(model({ lang: 'sv', lastYear: true }), AT);
    const words = (ids: readonly ColumnId[]): string[] => ids.flatMap((id) => String(header(layout, id)?.value ?? '').toLowerCase().split(/[\s/.]+/).filter(Boolean));
    const figures = words(['annualBudget', 'budget', 'actual', 'variance', 'variancePct', 'prior', 'change', 'forecast', 'forecastVariance']);
    const texts = words(['outcome', 'analysis', 'action']);
    expect(texts).toEqual(['kommentar', 'analys', 'åtgärd']);
    expect(texts.filter((w) => figures.includes(w))).toEqual([]);
  });

  it('names the unit in the title as people write it, and leaves it out when the workbook does not say', () => {
    const title = (unit: Unit | null, lang: 'nb' | 'sv'): string => String(followUpSheet(model({ unit, lang }), AT).cells.find((c) => c.row === 0)?.value);
    expect(title('tkr', 'nb')).toBe('Budsjettoppfølging mars 2024 — beløp i 1000 kr');
    expect(title('mkr', 'nb')).toBe('Budsjettoppfølging mars 2024 — beløp i mill. kr');
    expect(title('tkr', 'sv')).toBe('Budgetuppföljning mars 2024 — belopp i tkr');
    expect(title('mkr', 'sv')).toBe('Budgetuppföljning mars 2024 — belopp i mnkr');
    expect(title(null, 'nb')).toBe('Budsjettoppfølging mars 2024');
  });

  it('shows percentages as "−9,0 %" and negative amounts with a true minus, coloured only by the status rule', () => {
    const layout = followUpSheet(model(), AT);
    const line = layout.cells.filter((c) => c.row === 4);
    const pct = line.find((c) => c.col === col('variancePct'));
    const variance = line.find((c) => c.col === col('variance'));
    expect(pct?.style?.numberFormat).toBe(PERCENT);
    expect(PERCENT).toBe('0.0"\u00a0"%;"\u2212"0.0"\u00a0"%');
    expect(variance?.style?.numberFormat).toBe('#,##0;"\u2212"#,##0');
    for (const c of line) expect(c.style?.numberFormat ?? '').not.toContain('[Red]');
  });
});

describe('colours and the forecast on the follow-up sheet', () => {
  it('measures the variance, its percentage and the forecast variance against one base: the budget so far', () => {
    const layout = followUpSheet(model(), AT);
    const rules = (layout.conditionalFormats ?? []).filter((f) => f.kind === 'expression');
    const bases = new Set(rules.map((f) => (f.kind === 'expression' ? /N\(\$(\w+)\d+\)/.exec(f.formula)?.[1] : null)));
    expect([...bases]).toEqual(['D']); // the budget so far
    const ranges = rules.map((f) => f.range.replace(/\d+/g, ''));
    expect(new Set(ranges)).toEqual(new Set(['F:F', 'G:G', 'L:L']));
    const bar = (layout.conditionalFormats ?? []).find((f) => f.kind === 'data-bar');
    // Favourable bars green and unfavourable red, as the fills: not blue.
    expect(bar).toMatchObject({ color: '63BE7B', negativeColor: 'F8696B' });
  });

  it('says what the forecast method assumes right above the forecast', () => {
    const assumption = (method: ForecastMethod): LayoutCell | undefined => followUpSheet(model({ method }), AT).cells.find((c) => c.row === 2);
    expect(assumption('budget-profile')).toMatchObject({ col: col('forecast'), value: 'Forutsetter at merforbruket stopper nå: resten av året går etter budsjett.' });
    expect(assumption('deviation-run-rate')?.value).toBe('Forutsetter at avviket fortsetter i samme takt resten av året.');
  });

  it('keeps the neutral band it is given', () => {
    const layout = followUpSheet(model(), AT, 'Oppfølging', { neutralBand: dec('0.05'), staleShare: dec('0.05'), notes: null });
    expect((layout.conditionalFormats ?? []).every((f) => f.kind !== 'expression' || f.formula.includes('0.05*'))).toBe(true);
  });
});

describe('reading back what people wrote under earlier headings', () => {
  it('finds last month\'s "Utfall" and "Analyse" columns as this month\'s Kommentar and Årsak/forklaring', async () => {
    const { notesColumns } = await import('../../src/report/followup-sheet');
    const earlier = ['Nr.', 'Navn', 'Avvik', 'Egen prognose', 'Utfall', 'Analyse', 'Tiltak', '#key', '#seen', '#text'];
    expect(notesColumns(earlier)).toMatchObject({ variance: 2, manualForecast: 3, outcome: 4, analysis: 5, action: 6, key: 7 });
    const now = ['Nr.', 'Navn', 'Avvik hittil', 'Egen prognose', 'Kommentar', 'Årsak/forklaring', 'Tiltak', '#key', '#seen', '#text'];
    expect(notesColumns(now)).toMatchObject({ variance: 2, outcome: 4, analysis: 5, action: 6 });
  });
});
