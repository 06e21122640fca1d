/**
 * The month-by-month sheet in nb and sv: named for the month in the workbook's language, headed with
 * the glossary's words, each month's cells holding the engine's figures, and the variance, actuals so
 * far and share used as formulas over the sheet's own cells; colours and print setup as the other sheets.
 */
import * as fs from 'fs';
import * as path from 'path';
import { GLOSSARY } from '../../src/core/glossary';
import { dec, type Money } from '../../src/core/money';
import type { FollowUpModel } from '../../src/core/model';
import type { LayoutCell, SheetLayout } from '../../src/report/layout';
import { monthsSheet } from '../../src/report/months-sheet';
import { STATUS_COLOURS } from '../../src/core/status';
import { generateFollowUp } from '../../src/workbook/generate';
import { buildFollowUp } from '../../src/core/engine/followup';
import { monthPivot, recognised } from '../core/engine/sources';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { groupedWorkbook } from '../workbook/builders';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const BAND = dec('0.02');

async function model(example: string): Promise<FollowUpModel> {
  const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, example))), example);
  return (await generateFollowUp(wb, { dryRun: true })).model;
}

const num = (v: Money | null): number | null => (v === null ? null : v.toNumber());
const at = (layout: SheetLayout, row: number, col: number): LayoutCell | undefined => layout.cells.find((c) => c.row === row && c.col === col);

describe.each([
  ['helse-og-omsorg-2024-04.xlsx', 'nb', 'Måned for måned 2024-04', ['januar', 'februar', 'mars', 'april']],
  ['vard-och-omsorg-2024-04.xlsx', 'sv', 'Månad för månad 2024-04', ['januari', 'februari', 'mars', 'april']],
] as const)('the month-by-month sheet of %s', (example, lang, name, monthNames) => {
  let m: FollowUpModel;
  let layout: SheetLayout;
  let header: number;
  /** The columns by their heading, in sheet order (the month pairs' headings repeat). */
  let columns: (heading: string) => number[];
  beforeAll(async () => {
    m = await model(example);
    layout = monthsSheet(m, '2024-05-03 09:00', BAND) as SheetLayout;
    header = layout.cells.find((c) => c.value === GLOSSARY[lang].used)!.row;
    columns = (heading) =>
      layout.cells
        .filter((c) => c.row === header && c.value === heading)
        .map((c) => c.col)
        .sort((a, b) => a - b);
  });
  const g = GLOSSARY[lang];
  const only = (heading: string): number => {
    const cols = columns(heading);
    expect(cols).toHaveLength(1);
    return cols[0];
  };

  it('is named for the month in the workbook language, its title naming the period and the unit', () => {
    expect(layout.name).toBe(name);
    expect(String(at(layout, 0, 0)?.value)).toMatch(lang === 'nb' ? /^Måned for måned april 2024 — beløp i / : /^Månad för månad april 2024 — belopp i /);
  });

  it('heads a budget and an actuals column under each month so far, in the glossary’s words', () => {
    const names = layout.cells.filter((c) => c.row === header - 1 && typeof c.value === 'string').map((c) => c.value);
    expect(names).toEqual(monthNames);
    expect(columns(g.monthBudget)).toHaveLength(4);
    expect(columns(g.monthActual)).toHaveLength(4);
    for (const word of [g.monthVariance, g.annualBudget, g.actualSoFar, g.used]) only(word);
    expect(layout.merges).toHaveLength(4);
  });

  it('holds the engine’s figures for every line and month, and the total', () => {
    const months = m.monthByMonth!;
    const [budgets, actuals] = [columns(g.monthBudget), columns(g.monthActual)];
    m.lines.forEach((line, i) => {
      const row = header + 1 + i;
      expect(at(layout, row, 1)?.value).toBe(line.name);
      expect(budgets.map((c) => at(layout, row, c)?.value)).toEqual(months.lines[i].budget.map(num));
      expect(actuals.map((c) => at(layout, row, c)?.value)).toEqual(months.lines[i].actual.map(num));
      expect(at(layout, row, only(g.monthVariance))?.value).toBe(num(line.monthVariance));
      expect(at(layout, row, only(g.annualBudget))?.value).toBe(num(line.annualBudget));
      expect(at(layout, row, only(g.actualSoFar))?.value).toBe(num(line.actual));
      expect(at(layout, row, only(g.used))?.value).toBe(num(months.lines[i].used));
    });
    const total = header + 1 + m.lines.length;
    expect(at(layout, total, only(g.actualSoFar))?.value).toBe(num(m.total.actual));
    expect(at(layout, total, only(g.monthVariance))?.value).toBe(num(m.total.monthVariance));
    expect(at(layout, total, only(g.used))?.value).toBe(num(months.total.used));
    // the share of the year gone stands above the share used, 4 of 12 months
    expect(at(layout, header - 2, only(g.used))).toMatchObject({ value: 4 / 12, formula: '4/12' });
  });

  it('computes the variance, actuals so far and share used with formulas over its own cells', () => {
    const row = header + 1;
    const letter = (c: number): string => String.fromCharCode(65 + c);
    const [budgets, actuals] = [columns(g.monthBudget), columns(g.monthActual)];
    const r = row + 1;
    expect(at(layout, row, only(g.monthVariance))?.formula).toBe(`${letter(budgets[3])}${r}-${letter(actuals[3])}${r}`);
    expect(at(layout, row, only(g.actualSoFar))?.formula).toBe(`SUM(${actuals.map((c) => `${letter(c)}${r}`).join(',')})`);
    const [annual, soFar] = [letter(only(g.annualBudget)), letter(only(g.actualSoFar))];
    expect(at(layout, row, only(g.used))?.formula).toBe(`IF(${annual}${r}=0,"",${soFar}${r}/${annual}${r})`);
    const total = header + 1 + m.lines.length;
    expect(at(layout, total, budgets[0])?.formula).toBe(`SUBTOTAL(9,${letter(budgets[0])}${r}:${letter(budgets[0])}${total})`);
  });

  it('colours this month’s variance and the share used by favourability, and prints one page wide', () => {
    const fills = layout.conditionalFormats?.map((f) => (f.kind === 'data-bar' ? null : f.style.fill));
    expect(fills).toEqual([STATUS_COLOURS.unfavourable.fill, STATUS_COLOURS.favourable.fill, STATUS_COLOURS.unfavourable.fill, STATUS_COLOURS.favourable.fill]);
    expect(layout.page).toMatchObject({ orientation: 'landscape', fitToWidth: 1, paperSize: 'A4', repeatRows: { first: header - 1, last: header } });
    expect(layout.freeze).toEqual({ rows: header + 1, cols: 2 });
  });

  it('is left out when the model has no months', () => {
    expect(monthsSheet({ ...m, monthByMonth: null }, 'x', BAND)).toBeNull();
  });
});

describe('the month-by-month sheet under either sign convention', () => {
  const M = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const built = (sign: 1 | -1): SheetLayout => {
    const m = buildFollowUp(
      recognised([
        monthPivot({ sheet: 'Budsjett', measure: 'budget', year: 2024, months: M, lines: [['100 Hjemmetjeneste', ...Array<number>(12).fill(1000 * sign)]] }),
        monthPivot({ sheet: 'Regnskap', measure: 'actual', year: 2024, months: [1, 2, 3], lines: [['100 Hjemmetjeneste', 900 * sign, 1100 * sign, 1250 * sign]] }),
      ]),
      { language: 'nb' },
    );
    return monthsSheet(m, 'x', BAND) as SheetLayout;
  };

  it('takes this month’s variance as budget − actual when costs are positive and actual − budget when negative, −250 both ways', () => {
    for (const [sign, formula] of [
      [1, 'G6-H6'],
      [-1, 'H6-G6'],
    ] as const) {
      const variance = built(sign).cells.find((c) => c.row === 5 && c.col === 8);
      expect(variance).toMatchObject({ value: -250, formula });
    }
  });

  it('calls a share used ahead of the year’s pace unfavourable under both conventions', () => {
    // 3 250 of 12 000 used after 3 of 12 months (27.1 % against 25 %): 250 more than an even pace
    for (const [sign, pace] of [
      [1, 'IF(ISNUMBER($L6),$L$3*N($J6)-$K6,"")'],
      [-1, 'IF(ISNUMBER($L6),$K6-$L$3*N($J6),"")'],
    ] as const) {
      const layout = built(sign);
      expect(layout.cells.find((c) => c.row === 5 && c.col === 11)?.value).toBeCloseTo(3250 / 12000, 12);
      const red = layout.conditionalFormats?.find((f) => f.kind === 'expression' && f.range.startsWith('L6') && f.style.fill === STATUS_COLOURS.unfavourable.fill);
      expect(red).toMatchObject({ formula: `AND(ISNUMBER(${pace}),${pace}<0,ABS(${pace})>0.02*ABS(N($J6)))` });
    }
  });
});

describe('the month-by-month sheet of a workbook with groups (a tabular pivot’s subtotals)', () => {
  const grouped = async (): Promise<FollowUpModel> => (await generateFollowUp(await groupedWorkbook(), { dryRun: true })).model;
  let m: FollowUpModel;
  let layout: SheetLayout;
  beforeAll(async () => {
    m = await grouped();
    layout = monthsSheet(m, 'x', BAND) as SheetLayout;
  });
  const text = (v: readonly (Money | null)[]): (string | null)[] => v.map((x) => (x === null ? null : x.toFixed()));

  it('sums each group’s lines month by month in the model', () => {
    const subtotals = m.monthByMonth!.subtotals;
    expect(subtotals.map((s) => [text(s.budget), text(s.actual), s.actualSoFar.toFixed()])).toEqual([
      [['1200', '1200', '1200'], ['1320', '1320', '1320'], '3960'],
      [['500', '500', '500'], ['550', '550', '550'], '1650'],
    ]);
  });

  it('shows each group’s subtotal after its last line, summing its rows, and the total counts every line once', () => {
    // rows 6–7 the lines of 1100, 8 its subtotal, 9 the line of 1200, 10 its subtotal, 11 the total
    expect([6, 7, 8, 9, 10, 11].map((r) => at(layout, r - 1, 1)?.value)).toEqual(['LØNN (1100)', 'ANDRE D (1100)', '1100 Totalt', 'LØNN (1200)', '1200 Totalt', 'Sum']);
    expect(at(layout, 7, 3)).toMatchObject({ value: 1320, formula: 'SUBTOTAL(9,D6:D7)' });
    expect(at(layout, 9, 3)).toMatchObject({ value: 550, formula: 'SUBTOTAL(9,D9:D9)' });
    expect(at(layout, 10, 3)).toMatchObject({ value: 1870, formula: 'SUBTOTAL(9,D6:D10)' });
    // the subtotal's actuals so far and share used are formulas over its own row, as a line's
    expect(at(layout, 7, 10)).toMatchObject({ value: 3960, formula: 'SUM(D8,F8,H8)' });
  });

  it('keeps its headings to two lines when the amounts are small ("Avvik denne / måned": a third line was cut off)', () => {
    const width = (col: number): number => layout.columns!.find((c) => c.col === col)!.width;
    // 'Avvik denne' (11 characters, bold) on the first line
    expect(width(8)).toBeGreaterThanOrEqual(13);
    expect(at(layout, 4, 8)?.value).toBe('Avvik denne måned');
  });

  it('leaves the share used blank and uncoloured without an annual budget', () => {
    // the budget pivot has three months and no whole year: no annual budget, so no share of it
    expect(at(layout, 5, 11)?.value).toBeNull();
    // the pace is only judged where the share is shown (it was red on every blank share)
    const red = layout.conditionalFormats!.find((f) => f.kind === 'expression' && f.range.startsWith('L6') && f.style.fill === STATUS_COLOURS.unfavourable.fill);
    expect(red?.kind === 'expression' && red.formula).toMatch(/^AND\(ISNUMBER\(IF\(ISNUMBER\(\$L6\),/);
  });
});
