/**
 * Money keeps most amounts as whole ten-thousandths and everything else as decimal.js Decimals. Every
 * operation must give exactly what decimal.js gives, in either form, at the edges of the fast form
 * (four decimals, 2^53 ten-thousandths) and beyond.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { cellNumber, dec, decimalString, halfUnit, Money, MoneySum, sum, toOre } from '../../src/core/money';
import { decimalFromCellNumber } from '../../src/core/numbers';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Decimal strings: everyday amounts, amounts near the edge of the fast form, long fractions, huge numbers. */
const decimalText = fc
  .oneof(
    fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 4 })),
    fc.tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 8 })),
    fc.tuple(fc.bigInt({ min: 900_719_925_474_000n, max: 900_719_925_475_000n }), fc.constantFrom(0, 4)),
    fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 30 })),
  )
  .map(([n, d]) => new D(n.toString()).div(new D(10).pow(d)).toFixed());

const pair = fc.tuple(decimalText, decimalText);
/** Amounts whose sums decimal.js holds exactly (40 significant digits). */
const moderate = fc
  .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 8 }))
  .map(([n, d]) => new D(n.toString()).div(new D(10).pow(d)).toFixed());

function same(m: Money, d: Decimal): void {
  expect(m.toFixed()).toBe(d.toFixed());
  // Money has no negative zero (a report never shows "-0"); otherwise the same double.
  expect(m.toNumber() === d.toNumber()).toBe(true);
  expect(m.isZero()).toBe(d.isZero());
  expect(m.isNegative()).toBe(d.isNegative() && !d.isZero());
}

describe('Money gives what decimal.js gives', () => {
  it('adds, subtracts, compares, negates', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const [ma, mb, da, db] = [dec(a), dec(b), new D(a), new D(b)];
        same(ma, da);
        same(ma.plus(mb), da.plus(db));
        same(ma.minus(mb), da.minus(db));
        same(ma.abs(), da.abs());
        same(ma.neg(), da.neg());
        expect(ma.cmp(mb)).toBe(da.cmp(db));
        expect(ma.gt(mb)).toBe(da.gt(db));
        expect(ma.lte(mb)).toBe(da.lte(db));
        expect(ma.eq(mb)).toBe(da.eq(db));
      }),
      { numRuns: 800 },
    );
  });

  it('multiplies, divides, rounds', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 0, max: 6 }), ([a, b], k, places) => {
        const [ma, mb, da, db] = [dec(a), dec(b), new D(a), new D(b)];
        same(ma.times(mb), da.times(db));
        same(ma.times(k), da.times(k));
        if (!db.isZero()) same(ma.div(mb), da.div(db));
        same(ma.toDecimalPlaces(places), da.toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
        expect(ma.toFixed(places)).toBe(da.toFixed(places, Decimal.ROUND_HALF_UP));
        expect(ma.decimalPlaces()).toBe(da.decimalPlaces());
      }),
      { numRuns: 800 },
    );
  });

  it('keeps one form per value, so equal amounts are equal objects', () => {
    fc.assert(
      fc.property(fc.tuple(moderate, moderate), ([a, b]) => {
        const viaSum = dec(a).plus(dec(b)).minus(dec(b));
        expect(viaSum).toEqual(dec(a));
      }),
      { numRuns: 1000 },
    );
    expect(dec('0.1').plus(dec('0.2'))).toEqual(dec('0.3'));
    expect(dec(200).div(2)).toEqual(dec(100));
    expect(dec(1).div(8)).toEqual(dec('0.125'));
    expect(dec(10).div(30)).toEqual(dec(-1).div(-3));
    expect(dec(1).div(3).times(3).toFixed()).toBe(new D(1).div(3).times(3).toFixed());
    expect(dec('-0').toFixed()).toBe('0');
    expect(dec(5).minus(dec(5)).neg().toFixed()).toBe('0');
  });

  it('sums past 2^53 ten-thousandths without losing a digit', () => {
    const big = dec('900719925474.0991');
    const total = sum([big, big, big, dec('0.0001')]);
    expect(total.toFixed()).toBe(new D('900719925474.0991').times(3).plus('0.0001').toFixed());
  });

  it('keeps a running total that is the sum decimal.js gives, near and past the safe integers', () => {
    const nearEdge = fc.bigInt({ min: -900_719_925_474_0991n, max: 900_719_925_474_0991n }).map((t) => new D(t.toString()).div(10000).toFixed());
    fc.assert(
      fc.property(fc.array(fc.option(fc.oneof(nearEdge, moderate), { nil: null }), { maxLength: 10 }), (parts) => {
        const total = new MoneySum();
        for (const p of parts) total.add(p === null ? null : dec(p));
        const present = parts.filter((p): p is string => p !== null);
        const exact = present.reduce((a, p) => a.plus(p), new D(0));
        expect(total.size).toBe(present.length);
        expect(total.total().toFixed()).toBe(exact.toFixed());
        expect(total.totalOrNull()?.toFixed() ?? null).toBe(present.length === 0 ? null : exact.toFixed());
      }),
      { numRuns: 1000 },
    );
  });

  it('tells whether a running total equals an amount, whole or not', () => {
    fc.assert(
      fc.property(fc.array(moderate, { maxLength: 5 }), fc.boolean(), moderate, (parts, same, other) => {
        const total = new MoneySum();
        for (const p of parts) total.add(dec(p));
        const exact = parts.reduce((a, p) => a.plus(p), new D(0));
        const m = same ? dec(exact.toFixed()) : dec(other);
        expect(total.equals(m)).toBe(new D(m.toFixed()).eq(exact));
      }),
      { numRuns: 3000 },
    );
  });

  it('tells whether an amount is within a slack of a running total, whole or not, near and past the safe integers', () => {
    const nearEdge = fc.bigInt({ min: -900_719_925_474_0991n, max: 900_719_925_474_0991n }).map((t) => new D(t.toString()).div(10000).toFixed());
    const amount = fc.oneof(nearEdge, moderate);
    const slackPart = fc.oneof(
      fc.constantFrom('0', '0.5', '0.005', '0.00005', '500'),
      moderate.map((m) => new D(m).abs().toFixed()),
    );
    fc.assert(
      fc.property(
        fc.array(amount, { maxLength: 5 }),
        fc.array(slackPart, { maxLength: 4 }),
        slackPart,
        amount,
        fc.boolean(),
        (parts, slacks, extra, other, near) => {
          const total = new MoneySum();
          for (const p of parts) total.add(dec(p));
          const slack = new MoneySum();
          for (const x of slacks) slack.add(dec(x));
          const exact = parts.reduce((a, p) => a.plus(p), new D(0));
          const allowed = slacks.reduce((a, x) => a.plus(x), new D(extra));
          // Near: the total moved by exactly the slack, or a ten-thousandth beyond it; else anywhere.
          const m = near
            ? exact
                .plus(allowed)
                .plus(new D(other).abs().gt(1) ? '0.0001' : '0')
                .toFixed()
            : other;
          expect(total.within(dec(m), slack, dec(extra))).toBe(new D(m).minus(exact).abs().lte(allowed));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads every cell double as decimalFromCellNumber always did (15 significant digits)', () => {
    const old = (n: number): string => (Number.isSafeInteger(n) ? new D(n) : new D(n.toPrecision(15))).toFixed();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map((n) => n / 100),
          fc.integer({ min: -(10 ** 15), max: 10 ** 15 }).map((n) => n / 10000),
          fc.integer({ min: -(10 ** 15), max: 10 ** 15 }).map((n) => n / 1000),
          fc.constantFrom(83821049.19999999, 0.1 + 0.2, 99999999999.9999, 100000000000.0001, 1e11, -1e11, 2 ** 53, 1e21),
        ),
        (n) => {
          expect(decimalFromCellNumber(n).toFixed()).toBe(old(n));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('shows amounts as the report needs them', () => {
    expect(decimalString(dec('1234.5000'))).toBe('1234.5');
    expect(decimalString(dec('-0.0348'))).toBe('-0.0348');
    expect(cellNumber(dec('83821049.2'))).toBe(83821049.2);
    expect(toOre(dec('2.345')).toFixed()).toBe('2.35');
    expect(toOre(dec('-2.345')).toFixed()).toBe('-2.35');
    expect(halfUnit(2).toFixed()).toBe('0.005');
    expect(halfUnit(-3).toFixed()).toBe('500');
    expect(dec('1e-30').toString()).toBe(new D('1e-30').toString());
  });
});
