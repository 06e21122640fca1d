import fc from 'fast-check';
import { dec, halfUnit } from '../../../src/core/money';
import { sumsMatch } from '../../../src/core/read/rows';
import { RowFigures } from '../../../src/core/row-figures';
import type { Amount } from '../../../src/core/sources';

const amount = (t: number, scale: 'whole' | 'fine' | 'huge', decimals: number | null): Amount => ({
  value: scale === 'whole' ? dec(t).div(10000) : scale === 'fine' ? dec(t).div(10000000) : dec(t).times(dec('100000000000')),
  decimals,
  cell: 'A1',
});

const figure = fc.option(
  fc.record({ t: fc.integer({ min: -2e9, max: 2e9 }), scale: fc.constantFrom<'whole' | 'fine' | 'huge'>('whole', 'whole', 'whole', 'fine', 'huge'), decimals: fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 5 })) }).map((f) => amount(f.t, f.scale, f.decimals)),
  { nil: null },
);

/** The rule sumsMatch implements, with exact Money arithmetic only. */
function reference(candidate: readonly (Amount | null)[], parts: readonly (readonly (Amount | null)[])[], additive: readonly boolean[]): boolean {
  let some = false;
  for (let j = 0; j < candidate.length; j++) {
    if (!additive[j]) continue;
    let sum = dec(0);
    let tol = dec(0);
    let present = false;
    for (const p of parts) {
      const a = p[j];
      if (!a) continue;
      present = true;
      sum = sum.plus(a.value);
      tol = tol.plus(halfUnit(a.decimals));
    }
    const c = candidate[j];
    if (c === null) {
      if (present && !sum.isZero()) return false;
      continue;
    }
    if (c.value.minus(sum).abs().gt(tol.plus(halfUnit(c.decimals)))) return false;
    if (!c.value.isZero()) some = true;
  }
  return some;
}

describe('sumsMatch (a row equal to the sum of rows, within rounding)', () => {
  it('decides as exact Money arithmetic does, for figures of every form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.tuple(fc.array(fc.array(figure, { minLength: width, maxLength: width }), { maxLength: 6 }), fc.array(fc.boolean(), { minLength: width, maxLength: width }), fc.constant(width)),
        ),
        fc.boolean(),
        ([parts, additive, width], makeSum) => {
          // Half the candidates are the parts' own sum (nudged within or beyond rounding), so both answers occur.
          const candidate: (Amount | null)[] = Array.from({ length: width }, (_, j) => {
            const present = parts.map((p) => p[j]).filter((a): a is Amount => a !== null);
            if (!makeSum || present.length === 0) return parts[0]?.[j] ?? null;
            const sum = present.reduce((s, a) => s.plus(a.value), dec(0));
            return { value: sum.plus(dec(j % 3).div(10)), decimals: 0, cell: 'B1' };
          });
          expect(sumsMatch(RowFigures.of(candidate), parts.map((p) => RowFigures.of(p)), additive)).toBe(reference(candidate, parts, additive));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds a subtotal shown rounded: 1 234 over 617.4 and 616.8', () => {
    const a = (v: string, d: number): Amount => ({ value: dec(v), decimals: d, cell: 'A1' });
    expect(sumsMatch(RowFigures.of([a('1234', 0)]), [RowFigures.of([a('617.4', 1)]), RowFigures.of([a('616.8', 1)])], [true])).toBe(true);
    expect(sumsMatch(RowFigures.of([a('1236', 0)]), [RowFigures.of([a('617.4', 1)]), RowFigures.of([a('616.8', 1)])], [true])).toBe(false);
  });
});
