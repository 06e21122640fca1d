/**
 * A report table's reading depends on what its headers say, not on where its columns stand or which
 * of the four languages they are written in: permuting the columns, or writing the headers in nb, sv,
 * da or en, gives the same follow-up.
 */
import fc from 'fast-check';
import { buildFollowUp } from '../../../src/core/engine/followup';
import type { CellValue } from '../../../src/core/grid';
import type { Language } from '../../../src/core/sources';
import { recognise } from '../../../src/core/read/recognise';
import { toJsonReport } from '../../../src/report/json';
import { grid } from '../fixtures/workbooks';

type ColumnId = 'prior' | 'actual' | 'budget' | 'variance' | 'annual' | 'forecast' | 'comment';
const IDS: readonly ColumnId[] = ['prior', 'actual', 'budget', 'variance', 'annual', 'forecast', 'comment'];

const HEADERS: Record<Language, Record<ColumnId | 'label', string>> = {
  nb: { label: 'Enhet', prior: 'Regnskap 2023', actual: 'Regnskap 2024', budget: 'Budsjett 2024', variance: 'Avvik', annual: 'Årsbudsjett 2024', forecast: 'Prognose 2024', comment: 'Kommentar' },
  sv: { label: 'Enhet', prior: 'Utfall 2023', actual: 'Utfall 2024', budget: 'Budget 2024', variance: 'Avvikelse', annual: 'Årsbudget 2024', forecast: 'Prognos 2024', comment: 'Kommentar' },
  da: { label: 'Enhed', prior: 'Regnskab 2023', actual: 'Regnskab 2024', budget: 'Budget 2024', variance: 'Afvigelse', annual: 'Årsbudget 2024', forecast: 'Prognose 2024', comment: 'Bemærkning' },
  en: { label: 'Unit', prior: 'Actuals 2023', actual: 'Actuals 2024', budget: 'Budget 2024', variance: 'Variance', annual: 'Annual budget 2024', forecast: 'Forecast 2024', comment: 'Comment' },
};
const LANGUAGES = Object.keys(HEADERS) as Language[];
const NAMES = ['Hjemmetjeneste', 'Sykehjem', 'Rus og psykisk helse', 'Barnevern', 'Administrasjon', 'Helsestasjon'];

interface Line {
  readonly prior: number;
  readonly actual: number;
  readonly budget: number;
  readonly annual: number;
  readonly forecast: number;
  readonly comment: string | null;
  /** A typo in the typed-in variance (0: none). */
  readonly typo: number;
}

const amount = fc.integer({ min: 100, max: 9_000_000 });
const line: fc.Arbitrary<Line> = fc.record({
  prior: amount,
  actual: amount,
  budget: amount,
  annual: amount,
  forecast: amount,
  comment: fc.option(fc.constantFrom('Vakanser', 'Som planlagt', 'Flere brukere'), { nil: null }),
  typo: fc.constantFrom(0, 0, 0, 0, 90),
});

function sheet(lines: readonly Line[], order: readonly ColumnId[], lang: Language): CellValue[][] {
  const h = HEADERS[lang];
  const cell = (l: Line, id: ColumnId): CellValue => (id === 'variance' ? l.budget - l.actual + l.typo : id === 'comment' ? l.comment : l[id]);
  return [
    [h.label, ...order.map((id) => h[id])],
    ...lines.map((l, i) => [`${(i + 1) * 100} ${NAMES[i]}`, ...order.map((id) => cell(l, id))]),
  ];
}

/** The follow-up as a reader would compare it: every figure of every line and the total, and which lines were flagged for what. */
function followUp(rows: CellValue[][]): unknown {
  const json = toJsonReport(buildFollowUp(recognise([grid('Rapport', rows)]), { language: 'en' })) as {
    lines: unknown[];
    total: unknown;
    year: unknown;
    period: unknown;
    signConvention: unknown;
    warnings: { code: string; line: string | null }[];
  };
  return {
    year: json.year,
    period: json.period,
    sign: json.signConvention,
    lines: json.lines.map((l) => ({ ...(l as Record<string, unknown>), source: undefined })),
    total: json.total,
    warnings: json.warnings.map((w) => [w.code, w.line]).sort(),
  };
}

describe('a report table read the same whatever the order and language of its columns', () => {
  it('permuting the columns, or writing the headers in nb, sv, da or en, gives the same follow-up', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 3, maxLength: NAMES.length }),
        fc.shuffledSubarray([...IDS], { minLength: IDS.length, maxLength: IDS.length }),
        fc.constantFrom(...LANGUAGES),
        (lines, order, lang) => {
          const expected = followUp(sheet(lines, IDS, 'nb'));
          expect(followUp(sheet(lines, order, lang))).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the reading itself: last year is last year, the typo is the only finding', () => {
    const lines: Line[] = [
      { prior: 900, actual: 1100, budget: 1000, annual: 4000, forecast: 4100, comment: null, typo: 0 },
      { prior: 1800, actual: 1900, budget: 2000, annual: 8000, forecast: 7900, comment: 'Vakanser', typo: 90 },
      { prior: 450, actual: 480, budget: 500, annual: 2000, forecast: 1980, comment: null, typo: 0 },
    ];
    const m = followUp(sheet(lines, ['comment', 'forecast', 'variance', 'budget', 'actual', 'annual', 'prior'], 'da')) as {
      total: Record<string, string | null>;
      warnings: [string, string][];
    };
    expect(m.total.actual).toBe('3480');
    expect(m.total.priorYearActual).toBe('3150');
    expect(m.total.variance).toBe('20');
    expect(m.warnings).toEqual([['variance-mismatch', '200']]);
  });
});
