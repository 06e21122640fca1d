/**
 * The committee summary in nb and sv on the example workbooks: its key figures are the engine's, the
 * five largest overspends and underspends are the right lines with what people wrote for them, the
 * charts are the charts sheet's and sit on the printed page, which is one A4 page with no typing columns.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseA1 } from '../../src/core/grid';
import { dec, type Money } from '../../src/core/money';
import type { FollowUpLine, FollowUpModel } from '../../src/core/model';
import { bridgeOf, STATUS_COLOURS } from '../../src/core/status';
import type { LineNotes, SheetNotes } from '../../src/report/carry-over';
import { chartsSheet } from '../../src/report/charts-sheet';
import type { LayoutCell, LayoutValue, SheetLayout } from '../../src/report/layout';
import { summarySheet, summarySheetName } from '../../src/report/summary-sheet';
import { generateFollowUp } from '../../src/workbook/generate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const BAND = dec('0.02');

async function model(example: string): Promise<FollowUpModel> {
  const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, example))), example);
  return (await generateFollowUp(wb, { dryRun: true })).model;
}

const at = (layout: SheetLayout, row: number, col: number): LayoutCell | undefined => layout.cells.find((c) => c.row === row && c.col === col);
const rowOfText = (layout: SheetLayout, text: string): number => {
  const c = layout.cells.find((x) => x.col === 0 && x.value === text);
  if (!c) throw new Error(`no row "${text}"`);
  return c.row;
};
/** The figure to the right of a key figure's label. */
const figure = (layout: SheetLayout, label: string, col = 1): LayoutValue | undefined => at(layout, rowOfText(layout, label), col)?.value;
const num = (m: Money | null): number | null => (m === null ? null : m.toNumber());

/** The labels of the rows under a ranking's heading, up to the first empty row. */
function ranked(layout: SheetLayout, heading: string): string[] {
  const top = rowOfText(layout, heading) + 2;
  const out: string[] = [];
  for (let r = top; at(layout, r, 0)?.value; r++) out.push(at(layout, r, 0)?.value as string);
  return out;
}

/** The largest overspends and underspends, worked out here from the lines as a reader would. */
function expected(m: FollowUpModel): { worst: string[]; best: string[] } {
  const v = (l: FollowUpLine): number => l.variance?.toNumber() ?? 0;
  return {
    worst: m.lines.filter((l) => v(l) < 0).sort((a, b) => v(a) - v(b)).slice(0, 5).map((l) => l.label),
    best: m.lines.filter((l) => v(l) > 0).sort((a, b) => v(b) - v(a)).slice(0, 5).map((l) => l.label),
  };
}

const notesFor = (entries: [string, Partial<LineNotes>][]): SheetNotes => ({
  lines: new Map(entries.map(([key, n]) => [key, { key, name: key, outcome: '', analysis: '', action: '', manualForecast: null, seenVariance: null, fingerprint: null, shownVariance: null, forecast: null, ...n } as LineNotes])),
  unreadable: [],
});

describe.each([
  ['helse-og-omsorg-2024-04.xlsx', 'nb', 'Sammendrag 2024-04', 'Sammendrag for utvalget · april 2024', ['Største merforbruk', 'Største mindreforbruk'], ['Avvik hittil', 'Avvik årsprognose', 'Effekt av tiltak (mill. kr)'], 'Årsak/forklaring', 'Ikke kommentert ennå.'],
  ['vard-och-omsorg-2024-04.xlsx', 'sv', 'Sammanfattning 2024-04', 'Sammanfattning för nämnden · april 2024', ['Största budgetunderskott', 'Största budgetöverskott'], ['Avvikelse ack.', 'Prognosavvikelse helår', 'Effekt av åtgärder (mnkr)'], 'Analys', 'Ännu inte kommenterad.'],
])('the committee summary of %s (%s)', (example, _lang, name, title, [worstHeading, bestHeading], [variance, forecastVariance, effect], analysisWord, noText) => {
  let m: FollowUpModel;
  let layout: SheetLayout;
  let worstKey: string;
  beforeAll(async () => {
    m = await model(example);
    const worst = m.lines.find((l) => l.label === expected(m).worst[0]) as FollowUpLine;
    worstKey = worst.key;
    const best = m.lines.find((l) => l.label === expected(m).best[0]) as FollowUpLine;
    const notes = notesFor([
      [worst.key, { analysis: 'Høyt sykefravær og innleie av vikarer', action: 'Ny turnus fra mai' }],
      [best.key, { outcome: 'Vakante stillinger' }],
    ]);
    layout = summarySheet(m, '2024-05-03 09:00', summarySheetName(m), { neutralBand: BAND, notes });
  });

  it('is named for the period in the workbook’s language, within Excel’s 31 characters, and says what it is', () => {
    expect(layout.name).toBe(name);
    expect(layout.name.length).toBeLessThanOrEqual(31);
    expect(at(layout, 0, 0)?.value).toBe(title);
  });

  it('shows the engine’s key figures, what is left of the gap coloured by the status rule', () => {
    expect(figure(layout, variance)).toBe(num(m.total.variance));
    expect(figure(layout, variance, 2)).toBe(num(m.total.variancePct));
    expect(figure(layout, forecastVariance)).toBe(num(m.total.forecastVariance));
    const b = bridgeOf(m.measures!, BAND)!;
    expect(figure(layout, effect)).toBe(num(b.effect));
    const left = layout.cells.find((c) => c.col === 1 && c.value === num(b.left) && c.row > rowOfText(layout, effect));
    expect(left).toBeDefined();
    expect(left?.style?.fill).toBe(STATUS_COLOURS[b.status === 'unfavourable' ? 'unfavourable' : 'favourable'].fill);
    // an overspend so far is red
    expect(at(layout, rowOfText(layout, variance), 1)?.style?.fill).toBe(STATUS_COLOURS.unfavourable.fill);
  });

  it('signs the gap, the measures’ effect and what is left, so they read as the sum the measures sheet shows', () => {
    const row = rowOfText(layout, effect);
    const formats = [row - 1, row, row + 1].map((r) => at(layout, r, 1)?.style?.numberFormat);
    // −18,8 + 10,7 = −8,1: a plus before the effect, a minus before the gap and the shortfall
    for (const f of formats) expect(f).toMatch(/^"\+"#,##0\.0;"\u2212"#,##0\.0;0\.0$/);
  });

  it('names the largest overspends and underspends, worst and best first, with their variances', () => {
    const e = expected(m);
    expect(ranked(layout, worstHeading)).toEqual(e.worst);
    expect(ranked(layout, bestHeading)).toEqual(e.best);
    const first = rowOfText(layout, worstHeading) + 2;
    expect(at(layout, first, 1)?.value).toBe(num(m.lines.find((l) => l.key === worstKey)!.variance));
  });

  it('carries what people wrote by line key, and says so where nobody has written yet', () => {
    const first = rowOfText(layout, worstHeading) + 2;
    expect(at(layout, first, 3)?.value).toBe(`${analysisWord}: Høyt sykefravær og innleie av vikarer\n${_lang === 'nb' ? 'Tiltak' : 'Åtgärd'}: Ny turnus fra mai`);
    expect(at(layout, first + 1, 3)?.value).toBe(noText);
    expect(at(layout, rowOfText(layout, bestHeading) + 2, 3)?.value).toBe('Vakante stillinger');
  });

  it('draws the charts sheet’s three charts, on the printed page, reading the same figures', () => {
    const charts = layout.charts ?? [];
    expect(charts.map((c) => c.kind).sort()).toEqual(['bar', 'line', 'stacked-column']);
    const area = (layout.page?.printArea as string).split(':').map((a) => parseA1(a)!);
    for (const c of charts) {
      expect(c.anchor.from.col).toBeGreaterThanOrEqual(area[0].col);
      expect(c.anchor.to.col).toBeLessThanOrEqual(area[1].col + 1);
      expect(c.anchor.to.row).toBeLessThanOrEqual(area[1].row + 1);
    }
    const valuesOf = (l: SheetLayout, range: string): LayoutValue[] => {
      const [a, b] = range.replace(/\$/g, '').split(':').map((x) => parseA1(x)!);
      const out: LayoutValue[] = [];
      for (let r = a.row; r <= b.row; r++) out.push(at(l, r, a.col)?.value ?? null);
      return out;
    };
    const sheet = chartsSheet(m, '2024-05-03 09:00')!;
    for (const c of charts) {
      const same = sheet.charts!.find((x) => x.kind === c.kind)!;
      expect(c.title).toBe(same.title);
      c.series.forEach((s, i) => expect(valuesOf(layout, s.values)).toEqual(valuesOf(sheet, same.series[i].values)));
    }
  });

  it('gives the bridge room for its measures’ names under the bars, and the rankings start below it', () => {
    const bridge = layout.charts!.find((c) => c.kind === 'stacked-column')!;
    // LibreOffice and Excel turn the long names on their side: in 13 rows they took the plot's height and were cut
    expect(bridge.anchor.to.row - bridge.anchor.from.row).toBeGreaterThanOrEqual(16);
    expect(rowOfText(layout, worstHeading)).toBeGreaterThan(bridge.anchor.to.row);
  });

  it('prints on one A4 page with nothing for anyone to type in', () => {
    expect(layout.page).toMatchObject({ paperSize: 'A4', orientation: 'portrait', fitToWidth: 1, fitToHeight: 1, printArea: expect.stringMatching(/^A1:D\d+$/) });
    expect(layout.cells.some((c) => c.style?.unlocked)).toBe(false);
  });
});

it('the summary of a year-end evaluation names the year and leaves out what a year-end has not', async () => {
  const m = { ...(await model('helse-og-omsorg-2024-04.xlsx')), evaluation: 'year-end' as const, year: 2024, measures: null };
  const total = { ...m.total, forecast: null, forecastVariance: null };
  const layout = summarySheet({ ...m, total }, 'x', 'Sammendrag', { neutralBand: BAND, notes: null });
  expect(figure(layout, 'Avvik 2024')).toBe(num(m.total.variance));
  const labels = layout.cells.filter((c) => c.col === 0).map((c) => c.value);
  expect(labels).not.toContain('Avvik årsprognose');
  expect(labels).not.toContain('Avvik hittil');
});
