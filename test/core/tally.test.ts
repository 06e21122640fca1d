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
