import fc from 'fast-check';
import { dec, halfUnit } from '../../../src/core/money';
import { Acc, sumsMatch } from '../../../src/core/read/rows';
import { Tally } from '../../../src/core/tally';
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

describe('the running sums (Acc)', () => {
  // Whole figures, near the edge of exact integers, finer than ten-thousandths, and decimals whose
  // rounding is or is not a whole number of ten-thousandths: every way a series leaves the integers.
  const anyFigure = fc.option(
    fc
      .record({
        t: fc.oneof(fc.integer({ min: -2e9, max: 2e9 }), fc.constantFrom(4e15, -4e15, 9007199254740991, -9007199254740991)),
        scale: fc.constantFrom<'whole' | 'fine' | 'huge'>('whole', 'whole', 'whole', 'whole', 'fine', 'huge'),
        decimals: fc.oneof(fc.constant(null), fc.integer({ min: -14, max: 6 })),
      })
      .map((f) => amount(f.t, f.scale, f.decimals)),
    { nil: null },
  );

  it('has the sums, rounding and counts of a Tally per series, now and since any mark', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((w) => fc.tuple(fc.array(fc.array(anyFigure, { minLength: w, maxLength: w }), { maxLength: 14 }), fc.nat(14))), ([rows, at]) => {
        const width = rows[0]?.length ?? 1;
        const acc = new Acc(width);
        const tallies = Array.from({ length: width }, () => new Tally());
        let mark = acc.mark();
        let marked = Array.from({ length: width }, () => ({ sum: dec(0), tol: dec(0), size: 0 }));
        rows.forEach((row, r) => {
          if (r === at) {
            mark = acc.mark();
            marked = tallies.map((t) => ({ sum: t.sum(), tol: t.tolerance(), size: t.size }));
          }
          const values = RowFigures.of(row);
          acc.add(values);
          tallies.forEach((t, j) => t.addAt(values, j));
        });
        const since = acc.since(mark);
        tallies.forEach((t, j) => {
          expect([acc.sum(j).toFixed(), acc.tol(j).toFixed(), acc.size(j), acc.present(j)]).toEqual([t.sum().toFixed(), t.tolerance().toFixed(), t.size, t.size > 0]);
          expect([acc.sumT(j), acc.tolT(j)]).toEqual([t.sumTenThousandths(), t.toleranceTenThousandths()]);
          const sum = t.sum().minus(marked[j].sum);
          const tol = t.tolerance().minus(marked[j].tol);
          expect([since.sum(j).toFixed(), since.tol(j).toFixed(), since.present(j)]).toEqual([sum.toFixed(), tol.toFixed(), t.size - marked[j].size > 0]);
          const whole = (m: typeof sum): number => (Number.isSafeInteger(m.wholeTenThousandths()) ? m.wholeTenThousandths() : NaN);
          // The integer views agree with the exact ones wherever they give a number.
          if (!Number.isNaN(since.sumT(j))) expect(since.sumT(j)).toBe(whole(sum));
          if (!Number.isNaN(since.tolT(j))) expect(since.tolT(j)).toBe(whole(tol));
        });
      }),
      { numRuns: 3000 },
    );
  });
});
