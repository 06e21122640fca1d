import fc from 'fast-check';
import { dec, halfUnit, type Money } from '../../src/core/money';
import type { Amount } from '../../src/core/sources';
import { Tally } from '../../src/core/tally';

const amount = (value: Money, decimals: number | null): Amount => ({ value, decimals, cell: 'A1' });

describe('Tally', () => {
  it('allows half a unit of the last shown digit per figure', () => {
    const t = new Tally().add(amount(dec('1234'), 0)).add(amount(dec('10.5'), 1)).add(amount(dec('7'), null)).add(null);
    expect(t.size).toBe(3);
    expect(t.sum().toFixed()).toBe('1251.5');
    expect(t.tolerance().toFixed()).toBe('0.55');
  });

  it('calls a stated total within that rounding equal, and one beyond it different', () => {
    const t = new Tally().add(amount(dec('100.4'), 1)).add(amount(dec('200.4'), 1));
    expect(t.mismatch(amount(dec('301'), 0))).toBeNull(); // |301 − 300.8| = 0.2 ≤ 0.05 + 0.05 + 0.5
    expect(t.mismatch(amount(dec('302'), 0))?.toFixed()).toBe('300.8');
  });

  // Decimals up to 20: there, adding the half units one by one (40 significant digits) is exact too.
  it('has the sum and tolerance of adding each figure and each half unit, whatever the decimals shown', () => {
    const figure = fc.record({
      tenThousandths: fc.integer({ min: -1e12, max: 1e12 }),
      decimals: fc.oneof(fc.constant(null), fc.integer({ min: -6, max: 6 }), fc.integer({ min: 7, max: 20 })),
    });
    fc.assert(
      fc.property(fc.array(fc.option(figure, { nil: null }), { maxLength: 40 }), (figures) => {
        const t = new Tally();
        let sum = dec(0);
        let tol = dec(0);
        for (const f of figures) {
          if (f === null) {
            t.add(null);
            continue;
          }
          const value = dec(f.tenThousandths).div(10000);
          t.add(amount(value, f.decimals));
          sum = sum.plus(value);
          tol = tol.plus(halfUnit(f.decimals));
        }
        expect(t.sum().toFixed()).toBe(sum.toFixed());
        expect(t.tolerance().toFixed()).toBe(tol.toFixed());
        expect(t.size).toBe(figures.filter((f) => f !== null).length);
      }),
      { numRuns: 500 },
    );
  });
});

/** Amounts of every form Money has: whole ten-thousandths, more decimals, beyond 900 billion, near the safe-integer edge. */
const anyAmount = fc
  .record({
    value: fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }).map((t) => dec(t).div(10000)),
      fc.integer({ min: -1e9, max: 1e9 }).map((t) => dec(t).div(1000000)),
      fc.integer({ min: -9e5, max: 9e5 }).map((t) => dec(t).times(dec('1000000000'))),
      fc.constantFrom(dec('900719925474.0991'), dec('-900719925474.0991'), dec('900719925474.0992'), dec('1e20')),
    ),
    decimals: fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 6 })),
  })
  .map(({ value, decimals }) => amount(value, decimals));

describe('Tally.mismatch', () => {
  it('allows exactly the rounding, not a ten-thousandth more', () => {
    const t = new Tally().add(amount(dec('100.4'), 1)).add(amount(dec('200.4'), 1)); // 300.8 ± 0.1
    expect(t.mismatch(amount(dec('300.95'), 1))).toBeNull(); // off by 0.15 = 0.1 + 0.05
    expect(t.mismatch(amount(dec('300.6499'), 1))?.toFixed()).toBe('300.8');
    expect(t.mismatch(amount(dec('300.9501'), 1))?.toFixed()).toBe('300.8');
    // The same at the edge of the whole-number range, where the comparison leaves integers.
    const big = new Tally().add(amount(dec('900719925474.0991'), 0)).add(amount(dec('-0.5'), 0));
    expect(big.mismatch(amount(dec('900719925475.0991'), 0))).toBeNull(); // off by 1.5 = 0.5 + 0.5 + 0.5
    expect(big.mismatch(amount(dec('900719925475.0992'), 0))?.toFixed()).toBe('900719925473.5991');
    expect(big.mismatch(amount(dec('900719925472.0991'), 0))).toBeNull();
    expect(big.mismatch(amount(dec('900719925472.099'), 0))?.toFixed()).toBe('900719925473.5991');
  });

  it('decides as comparing the exact sum with the exact rounding would, for amounts of every form', () => {
    fc.assert(
      fc.property(fc.array(anyAmount, { maxLength: 12 }), anyAmount, (parts, stated) => {
        const t = new Tally();
        let sum = dec(0);
        let tol = dec(0);
        for (const p of parts) {
          t.add(p);
          sum = sum.plus(p.value);
          tol = tol.plus(halfUnit(p.decimals));
        }
        const differs = stated.value.minus(sum).abs().gt(tol.plus(halfUnit(stated.decimals)));
        const m = t.mismatch(stated);
        expect(m === null ? null : m.toString()).toBe(differs ? sum.toString() : null);
      }),
      { numRuns: 3000 },
    );
  });
});
