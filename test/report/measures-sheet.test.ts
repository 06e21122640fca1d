/**
 * The measures bridge as a committee reads it: gap → effect of measures → what is left, signed as the
 * variances are (a shortfall negative), named by its sign and coloured by the one status rule, the
 * same under both sign conventions, on the sheet, in the pane and on the command line.
 */
import { buildFollowUp } from '../../src/core/engine/followup';
import { dec } from '../../src/core/money';
import type { FollowUpModel, SignConvention } from '../../src/core/model';
import type { KeyFigure, MeasuresSource } from '../../src/core/sources';
import { summaryLines } from '../../src/cli/summary';
import { measuresSheet } from '../../src/report/measures-sheet';
import type { LayoutCell } from '../../src/report/layout';
import { keyFigures } from '../../src/taskpane/figures';
import { STRINGS } from '../../src/taskpane/i18n';
import { cellText } from '../../src/taskpane/preview/cell-text';
import { monthPivot, recognised } from '../core/engine/sources';

/** A cell's text as shown (its number format applied, as the preview does). */
const shown = (c: LayoutCell): string => cellText(c.value, c.style?.numberFormat, 'nb');

/** Three months 10 % over a budget of 1 000 a month: an overspend of 300 so far, and by the default method at year end. */
function overspend(sign: SignConvention): Parameters<typeof recognised>[0] {
  const s = sign === 'costs-positive' ? 1 : -1;
  return [
    monthPivot({ sheet: 'Budsjett', measure: 'budget', year: 2024, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], lines: [['100 Hjemmetjeneste', ...Array<number>(12).fill(1000 * s)]] }),
    monthPivot({ sheet: 'Regnskap', measure: 'actual', year: 2024, months: [1, 2, 3], lines: [['100 Hjemmetjeneste', 1100 * s, 1100 * s, 1100 * s]] }),
  ];
}

function measures(effect: number): MeasuresSource {
  return {
    range: 'Tiltak!A1:C3',
    sheet: 'Tiltak',
    unit: null,
    statedTotal: null,
    findings: [],
    items: [{ name: 'Redusere innleie', fullYearEffect: null, effectThisYear: { value: dec(effect), decimals: 0, cell: 'Tiltak!C2' }, status: 'Iverksatt', owner: null, row: 1 }],
  };
}

function model(sign: SignConvention, effect: number, keyFigures: KeyFigure[] = [], lang: 'nb' | 'sv' = 'nb'): FollowUpModel {
  return buildFollowUp(recognised(overspend(sign), { measures: [measures(effect)], keyFigures }), { language: lang });
}

interface Bridge {
  gap: LayoutCell;
  effect: LayoutCell;
  verdict: LayoutCell;
  left: LayoutCell;
  coverage: LayoutCell;
  colour: string | null;
}

/** The bridge's cells, and the colour its conditional formats give what is left (evaluated here as Excel would). */
function bridgeOf(m: FollowUpModel): Bridge {
  const layout = measuresSheet(m, '2024-04-05 09:00');
  if (!layout) throw new Error('no measures sheet');
  const at = (row: number, col: number): LayoutCell => layout.cells.find((c) => c.row === row && c.col === col) as LayoutCell;
  const gapRow = layout.cells.find((c) => c.col === 0 && typeof c.value === 'string' && c.value.startsWith('Prognostisert'))?.row ?? -1;
  const left = at(gapRow + 2, 1);
  const gap = at(gapRow, 1);
  const formats = layout.conditionalFormats ?? [];
  // The rules as Excel evaluates them for the row: $B(left) and $B(gap) replaced by their values.
  const colour =
    formats
      .filter((f) => f.kind === 'expression')
      .find((f) => {
        if (f.kind !== 'expression') return false;
        const expr = f.formula
          .replace(/ISNUMBER\(\$B\d+\)/g, 'true')
          .replace(new RegExp(`\\$B${gapRow + 3}`, 'g'), String(left.value))
          .replace(new RegExp(`\\$B${gapRow + 1}`, 'g'), String(gap.value))
          .replace(/AND\(/g, 'and(')
          .replace(/ABS\(/g, 'Math.abs(')
          .replace(/N\(/g, 'Number(');
        const and = (...xs: boolean[]): boolean => xs.every(Boolean);
        return (new Function('and', `return ${expr};`) as (a: typeof and) => boolean)(and);
      })?.style.color ?? null;
  return { gap, effect: at(gapRow + 1, 1), verdict: at(gapRow + 2, 0), left, coverage: at(gapRow + 3, 1), colour };
}

describe.each<SignConvention>(['costs-positive', 'costs-negative'])('the measures bridge with %s', (sign) => {
  it('shows a gap the measures do not close as uncovered, negative and red', () => {
    const m = model(sign, 200);
    expect(m.signConvention).toBe(sign);
    const b = bridgeOf(m);
    expect([b.gap.value, b.effect.value, b.left.value]).toEqual([-300, 200, -100]);
    expect(shown(b.verdict)).toBe('Udekket');
    expect(b.left.formula).toBe(`B${b.gap.row + 1}+B${b.effect.row + 1}`);
    expect(b.colour).toBe('9C0006');
    expect(b.coverage.value).toBeCloseTo(2 / 3, 4);
  });

  it('shows measures worth more than the gap as over-covered, positive and green', () => {
    const b = bridgeOf(model(sign, 500));
    expect([b.gap.value, b.effect.value, b.left.value]).toEqual([-300, 500, 200]);
    expect(shown(b.verdict)).toBe('Overdekket');
    // The word follows the live figure: the label is the figure, shown as a word by its sign.
    expect(b.verdict.formula).toBe(`B${b.left.row + 1}`);
    expect(b.colour).toBe('006100');
  });

  it('leaves what is left within the neutral band of the gap plain', () => {
    const b = bridgeOf(model(sign, 297));
    expect(b.left.value).toBe(-3);
    expect(shown(b.verdict)).toBe('Udekket');
    expect(b.colour).toBeNull();
  });

  it('says the same in the pane and on the command line', () => {
    const under = model(sign, 200);
    const pane = keyFigures(under, 'nb', STRINGS.nb).find((f) => f.id === 'uncovered');
    expect(pane).toMatchObject({ label: 'Udekket', value: '\u2212100', status: 'unfavourable' });
    expect(summaryLines(under, 'out.xlsx', [])).toContain('Tiltak: 200 · Udekket \u2212100');
    const over = model(sign, 500);
    expect(keyFigures(over, 'nb', STRINGS.nb).find((f) => f.id === 'uncovered')).toMatchObject({ label: 'Overdekket', value: '+200', status: 'favourable' });
    expect(summaryLines(over, 'out.xlsx', [])).toContain('Tiltak: 500 · Overdekket +200');
  });
});

describe('the gap of last year’s accounts against the frame', () => {
  const figure = (kind: 'frame' | 'prior-accounts', year: number, v: number): KeyFigure => ({
    kind,
    year,
    amount: { value: dec(v), decimals: 0, cell: `Ramme!B${kind === 'frame' ? 2 : 3}` },
    unit: null,
    label: kind,
  });

  it('is what the accounts exceed the frame by, whether costs are stated positive or negative', () => {
    const positive = model('costs-positive', 700, [figure('frame', 2024, 10000), figure('prior-accounts', 2023, 11000)]);
    const negative = model('costs-negative', 700, [figure('frame', 2024, -10000), figure('prior-accounts', 2023, -11000)]);
    for (const m of [positive, negative]) {
      expect(m.measures?.gap?.basis).toBe('accounts-vs-frame');
      const b = measuresSheet(m, '2024-04-05 09:00')?.cells.filter((c) => c.col === 1 && typeof c.value === 'number').sort((x, y) => x.row - y.row).map((c) => c.value);
      // The bridge (column B holds no full-year effects here): −1 000, +700, −300, 70 %.
      expect(b).toEqual([-1000, 700, -300, 0.7]);
    }
  });
});

describe('the bridge in Swedish', () => {
  it('names what is left Otäckt or Övertäckt', () => {
    const sv = (effect: number): string => {
      const layout = measuresSheet(model('costs-positive', effect, [], 'sv'), '2024-04-05 09:00');
      const start = layout?.cells.find((c) => c.col === 0 && typeof c.value === 'string' && c.value.startsWith('Prognostiserat'))?.row ?? -1;
      return shown(layout?.cells.find((c) => c.row === start + 2 && c.col === 0) as LayoutCell);
    };
    expect(sv(200)).toBe('Otäckt');
    expect(sv(500)).toBe('Övertäckt');
  });
});
