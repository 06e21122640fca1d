/**
 * Property tests (fast-check) on the readers and the engine: grids of random cells — formulas as
 * text (`=SUM(A1)`), error values and error-looking text (`#REF!`), numbers as people paste them in
 * Norwegian, Swedish and English style, pivot and total words, empty rows — and pivots with random
 * damage. Whatever the grid:
 *   - recognise throws nothing but a FollowUpError (a message for the user);
 *   - whatever it returns, buildFollowUp does not throw, and the sheets render;
 *   - no line is a total, line keys are unique, no figure is NaN.
 */
import fc from 'fast-check';
import { FollowUpError } from '../../src/core/errors';
import { buildFollowUp } from '../../src/core/engine/followup';
import type { CellError, CellRange, CellValue, Grid } from '../../src/core/grid';
import { collapseSpaces } from '../../src/core/labels';
import { FORECAST_METHODS, type FollowUpModel } from '../../src/core/model';
import { dec, type Money } from '../../src/core/money';
import { parseNumberText, readAmount } from '../../src/core/numbers';
import { recognise, type RecogniseOptions } from '../../src/core/read/recognise';
import type { Language, Recognised } from '../../src/core/sources';
import { isGrandTotalLabel, totalLabel } from '../../src/core/vocabulary';
import { layouts } from '../../src/workbook/generate';
import { validateLayout } from '../../src/workbook/xlsx/sheetWriter';

const RUNS = Number(process.env.FC_RUNS ?? 300);

// ------------------------------------------------------------------------------------------ cells

const WORDS = [
  '=SUM(A1)', '=SUM(B5:B9)', '+cmd|\' /C calc\'!A0', '@SUM(A1)', '-2+3', '=HYPERLINK("http://evil","x")',
  '#REF!', '#N/A', '#DIV/0!', '#VALUE!', '#NAME?',
  'Summer av Beløp', 'Summa av Belopp', 'Sum of Amount', 'Sum - Beløp', 'Radetiketter', 'Row Labels', 'Kolonneetiketter', 'Column Labels',
  'Totalsum', 'Totalsumma', 'Grand Total', 'Total Result', 'Sum', 'Totalt', 'Summa', 'I alt', '3100 Totalt', 'Sum drift', 'Verdier', 'Values',
  'Regnskap', 'Budsjett', 'Budget', 'Utfall', 'Actual', 'Forecast', 'Prognose', 'Avvik', 'Avvik %', 'Avvikelse', 'Variance', 'Regnskap 2023', 'Budsjett 2024',
  'Årsbudsjett', 'Revidert budsjett', 'Hittil i år', 'Tiltak', 'Åtgärd', 'Helårseffekt', 'Effekt 2024', 'Status', 'Ansvarlig',
  'Budsjettramme', 'Omstillingsbehov', 'Tiltak (mill. kr)', 'Regnskap 2021 (kr)',
  '202401', '202402', '202312', '2024-03', 'jan 2024', 'januar', 'februar', 'mars', 'Jan', 'feb.', '2024', '2023', 'P04', 'T1 2024',
  'kr', 'tkr', '1000 kr', 'mill. kr', 'mnkr', 'belopp i tkr',
  '1 LØNN', '2 ANDRE D', '3100 Hjemmetjenesten', '512 Verksamhetsstöd', 'P04 Helse', '1.2 Hjemmetjeneste', 'Administrasjon', 'Ukjent',
  '-', '—', 'n/a', 'x', '*', '', ' ', '\u00a0', '\t', '\n',
];

/** Numbers as people write them: nb (`1 234 567,89`, `1.234.567`), sv (`1 234 567,89`), en (`1,234,567.89`), percent, units. */
const pastedNumber: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('nb', 'nb-dot', 'sv', 'en', 'plain'), fc.constantFrom('', ' kr', ' tkr', '%', ' mill.', ',-'))
  .map(([int, cents, style, suffix]) => {
    const neg = int < 0 ? (style === 'nb' ? '- ' : '-') : '';
    const digits = String(Math.abs(int));
    const group = (sep: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    const frac = String(cents).padStart(2, '0');
    switch (style) {
      case 'nb':
        return `${neg}${group('\u00a0')},${frac}${suffix}`;
      case 'nb-dot':
        return `${neg}${group('.')}${suffix}`;
      case 'sv':
        return `${neg}${group(' ')},${frac}${suffix}`;
      case 'en':
        return `${neg}${group(',')}.${frac}${suffix}`;
      default:
        return `${neg}${digits}${suffix}`;
    }
  });

const cellError: fc.Arbitrary<CellError> = fc.constantFrom('#REF!', '#N/A', '#DIV/0!', '#VALUE!', '#NULL!', '#NUM!', '#NAME?').map((error) => ({ error }));

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 0.1 + 0.2, 1e-12, 9007199254740993, 2958465.5, 45292, 202401, Number.MAX_VALUE, -Number.MAX_VALUE) },
  { weight: 2, arbitrary: pastedNumber },
  { weight: 1, arbitrary: cellError },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

const FORMATS = ['General', '#,##0', '#,##0.00', '0.0%', '0%', '#,##0,', 'mmm yy', 'yyyy-mm-dd', '@', '#,##0;[Red]-#,##0', '"kr" #,##0', ';;;'];

const SHEETS = ['Regnskap', 'Budsjett', 'Ark1', "Budget '24", 'Tiltak', 'Data 2024'];

/** A grid: rows of random cells (some rows left empty), random formats, hidden rows and merges. */
function gridArb(sheet: string): fc.Arbitrary<Grid> {
  return fc
    .record({
      top: fc.integer({ min: 0, max: 3 }),
      left: fc.integer({ min: 0, max: 2 }),
      rows: fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant([] as CellValue[]) }, { weight: 5, arbitrary: fc.array(cellValue, { maxLength: 14 }) }), { maxLength: 24 }),
      format: fc.constantFrom(...FORMATS),
      hidden: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
      merge: fc.option(fc.record({ top: fc.integer({ min: 0, max: 10 }), left: fc.integer({ min: 0, max: 5 }), h: fc.integer({ min: 0, max: 3 }), w: fc.integer({ min: 0, max: 3 }) })),
    })
    .map(({ top, left, rows, format, hidden, merge }) => {
      const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
      const values = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
      const merges: CellRange[] = merge ? [{ top: merge.top, left: merge.left, bottom: merge.top + merge.h, right: merge.left + merge.w }] : [];
      return {
        sheet,
        top,
        left,
        values,
        formats: values.map((r) => r.map((v) => (typeof v === 'number' ? format : 'General'))),
        hiddenRows: new Set(hidden.map((h) => h + top)),
        merges,
      };
    });
}

/** A pivot as Excel writes it, then damaged: cells replaced by random ones, blank rows put in, rows dropped. */
function damagedPivotArb(sheet: string): fc.Arbitrary<Grid> {
  return fc
    .record({
      title: fc.constantFrom('Regnskap 2024 (kr)', 'Budsjett 2024 (tkr)', 'Utfall 2024', 'Budget 2024', ''),
      months: fc.integer({ min: 1, max: 12 }),
      lines: fc.array(fc.tuple(fc.constantFrom(...WORDS, '3100 Hjem', '3200 Syke', '3300 Rus', '4100 Skole'), fc.array(fc.integer({ min: -500_000, max: 5_000_000 }), { minLength: 12, maxLength: 12 })), { maxLength: 12 }),
      withTotal: fc.boolean(),
      damage: fc.array(fc.tuple(fc.nat(), fc.nat(), cellValue), { maxLength: 6 }),
      blankRowAt: fc.option(fc.nat()),
    })
    .map(({ title, months, lines, withTotal, damage, blankRowAt }) => {
      const rows: CellValue[][] = [[title], [], ['Summer av Beløp', 'Kolonneetiketter'], ['Radetiketter', ...Array.from({ length: months }, (_, i) => String(202401 + i)), 'Totalsum']];
      const totals = Array<number>(months).fill(0);
      for (const [label, values] of lines) {
        const v = values.slice(0, months);
        v.forEach((x, i) => (totals[i] += x));
        rows.push([label, ...v, v.reduce((a, b) => a + b, 0)]);
      }
      if (withTotal) rows.push(['Totalsum', ...totals, totals.reduce((a, b) => a + b, 0)]);
      for (const [r, c, v] of damage) {
        if (rows.length === 0) break;
        const row = rows[r % rows.length];
        row[c % (months + 2)] = v;
      }
      if (blankRowAt !== null && rows.length > 0) rows.splice(4 + (blankRowAt % Math.max(1, rows.length - 4)), 0, []);
      const width = Math.max(...rows.map((r) => r.length));
      const values = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
      return { sheet, top: 0, left: 0, values, formats: values.map((r) => r.map((v) => (typeof v === 'number' ? '#,##0' : 'General'))) };
    });
}

/** A measures table (name, effects, status, owner) with random cells among the figures. */
function measuresArb(sheet: string): fc.Arbitrary<Grid> {
  const effect = fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), cellValue, pastedNumber);
  return fc
    .tuple(fc.constantFrom('Tiltak (mill. kr)', 'Åtgärder (tkr)', 'Measures', ''), fc.array(fc.tuple(fc.constantFrom(...WORDS), effect, effect, cellValue, fc.constantFrom('Enhetsleder', null)), { maxLength: 8 }), fc.option(cellValue))
    .map(([title, items, stated]) => {
      const values: CellValue[][] = [[title, null, null, null, null], [null, null, null, null, null], ['Tiltak', 'Helårseffekt', 'Effekt 2024', 'Status', 'Ansvarlig'], ...items.map((i) => [...i])];
      if (stated !== null) values.push(['Sum tiltak', stated, null, null, null]);
      return { sheet, top: 0, left: 0, values, formats: values.map((r) => r.map(() => '#,##0.0')) };
    });
}

const workbookArb: fc.Arbitrary<Grid[]> = fc
  .uniqueArray(fc.constantFrom(...SHEETS), { minLength: 0, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map((n) => fc.oneof({ weight: 2, arbitrary: gridArb(n) }, { weight: 2, arbitrary: damagedPivotArb(n) }, { weight: 1, arbitrary: measuresArb(n) }))));

const optionsArb: fc.Arbitrary<RecogniseOptions> = fc.record(
  {
    language: fc.constantFrom<Language | null>(null, 'nb', 'sv', 'da', 'en'),
    // mostly detection; sometimes explicit ranges, some of them wrong (a user's mapping)
    sources: fc.oneof(
      { weight: 4, arbitrary: fc.constant([]) },
      {
        weight: 1,
        arbitrary: fc.array(
          fc.record({ range: fc.constantFrom('Regnskap!A1:N20', "'Budget ''24'!B2:D9", 'Ark1!A3', 'A1:B2', 'Nope!A1:B2', 'not a range', "'Data 2024'!A1:Z40"), role: fc.constantFrom(undefined, 'budget', 'actual', 'prior-actual', 'forecast', 'table') }),
          { maxLength: 2 },
        ),
      },
    ),
    measures: fc.constantFrom(undefined, undefined, undefined, undefined, 'Tiltak!A1:E10', 'Ark1!A1:C3'),
    pivotRanges: fc.array(fc.record({ sheet: fc.constantFrom(...SHEETS), range: fc.record({ top: fc.nat(5), left: fc.nat(3), bottom: fc.integer({ min: 5, max: 30 }), right: fc.integer({ min: 3, max: 14 }) }) }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<RecogniseOptions>;

// ------------------------------------------------------------------------------------------ checks

function recogniseOrUserError(grids: readonly Grid[], options: RecogniseOptions): Recognised | null {
  try {
    return recognise(grids, options);
  } catch (e) {
    if (e instanceof FollowUpError) {
      expect(e.message.length).toBeGreaterThan(0);
      return null;
    }
    throw e;
  }
}

function money(values: readonly (Money | null)[]): void {
  for (const v of values) if (v !== null) expect(v.isFinite()).toBe(true);
}

function checkModel(rec: Recognised, model: FollowUpModel): void {
  for (const s of rec.sources) {
    const totalRows = new Set(s.totals.map((t) => t.row));
    for (const l of s.lines) {
      expect(totalRows.has(l.row)).toBe(false);
      expect(isGrandTotalLabel(l.label)).toBe(false);
      expect(totalLabel(l.label)).toBeNull();
    }
  }
  const keys = model.lines.map((l) => l.key);
  expect(new Set(keys).size).toBe(keys.length);
  for (const l of model.lines) {
    expect(isGrandTotalLabel(l.label)).toBe(false);
    money([l.annualBudget, l.budget, l.actual, l.variance, l.variancePct, l.priorYearActual, l.change, l.forecast, l.forecastVariance]);
  }
  money([model.total.budget, model.total.actual, model.total.variance, model.total.forecast]);
  for (const [layout] of layouts(model, [], '2024-05-06 08:30', {}, null)) validateLayout(layout);
}

describe('recognise and buildFollowUp on random workbooks', () => {
  test('recognise throws only FollowUpError; buildFollowUp never throws; no line is a total', () => {
    fc.assert(
      fc.property(workbookArb, optionsArb, fc.constantFrom(...FORECAST_METHODS), (grids, options, method) => {
        const rec = recogniseOrUserError(grids, options);
        if (!rec) return;
        const model = buildFollowUp(rec, { forecastMethod: method });
        checkModel(rec, model);
        // and with settings a user may give: a period, a sign, a gap
        buildFollowUp(rec, { period: '2024-03', signConvention: 'costs-negative', gap: '1000000', forecastMethod: method });
      }),
      { numRuns: RUNS },
    );
  });

  test('damaged pivots alone: the same', () => {
    fc.assert(
      fc.property(damagedPivotArb('Regnskap'), (grid) => {
        const rec = recogniseOrUserError([grid], {});
        if (!rec) return;
        checkModel(rec, buildFollowUp(rec));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('numbers as people paste them', () => {
  const cases: [Language, (neg: boolean, int: string, frac: string) => string][] = [
    ['nb', (neg, int, frac) => `${neg ? '- ' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${frac}`],
    ['sv', (neg, int, frac) => `${neg ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac}`],
    ['en', (neg, int, frac) => `${neg ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`],
  ];
  test.each(cases)('%s: grouped thousands and two decimals read back exactly', (lang, write) => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 0, max: 999_999_999_999 }), fc.integer({ min: 0, max: 99 }), (neg, int, cents) => {
        const frac = String(cents).padStart(2, '0');
        const text = write(neg, String(int), frac);
        const r = parseNumberText(text, lang);
        expect(r.kind).toBe('number');
        if (r.kind !== 'number') return;
        const expected = dec(`${int}.${frac}`).times(neg ? -1 : 1);
        expect(r.value.eq(expected)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('readAmount never throws, and a finding always names the cell', () => {
    fc.assert(
      fc.property(cellValue, fc.constantFrom(...FORMATS), fc.constantFrom<Language | null>(null, 'nb', 'sv', 'da', 'en'), (v, format, lang) => {
        const r = readAmount(v, format, "'Budget ''24'!C7", lang);
        if (r.finding) expect(r.finding.cell).toBe("'Budget ''24'!C7");
        if (r.amount) expect(r.amount.value.isFinite()).toBe(true);
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

test('collapseSpaces: the fast path for plain text gives what normalising gives', () => {
  const reference = (t: string): string => t.normalize('NFC').replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('a', ' ', 'Ø', '\u00a0', 'e\u0301', '\t', '1', '\u00ad', '\u00ff') })), (t) => {
      expect(collapseSpaces(t)).toBe(reference(t));
    }),
    { numRuns: RUNS * 3 },
  );
});
