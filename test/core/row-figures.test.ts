import fc from 'fast-check';
import { dec, Money, MoneySum } from '../../src/core/money';
import { FigureBlock, RowFigures } from '../../src/core/row-figures';
import type { Amount } from '../../src/core/sources';
import { Tally } from '../../src/core/tally';

describe('RowFigures', () => {
  it('keeps numeric cells as numbers and gives each back as an Amount naming its cell', () => {
    const block = new FigureBlock(3, 2, ["'Budget 2024'!B", "'Budget 2024'!C", "'Budget 2024'!D"]);
    expect(block.setWhole(3, 12_345_000, 0)).toBe(true); // row 1, series 0: 1 234.5 shown as 1 235
    expect(block.setWhole(4, -5, null)).toBe(true); // -0.0005 shown in full
    block.setAmount(5, { value: dec('0.00001'), decimals: null, cell: "'Budget 2024'!D8" });
    const row = new RowFigures(block, 3, 7);
    expect(row.length).toBe(3);
    expect(row.at(0)).toMatchObject({ decimals: 0, cell: "'Budget 2024'!B8" });
    expect(row.at(0)?.value.toFixed()).toBe('1234.5');
    expect(row.at(1)?.value.toFixed()).toBe('-0.0005');
    expect(row.at(1)?.decimals).toBeNull();
    expect(row.at(2)?.value.toFixed()).toBe('0.00001');
    expect([row.whole(0), row.decimalsAt(0), row.whole(1), row.decimalsAt(1)]).toEqual([12_345_000, 0, -5, null]);
    expect(row.whole(2)).toBeNaN(); // not whole ten-thousandths: kept as its Amount
    expect(JSON.parse(JSON.stringify(row))).toHaveLength(3);

    const empty = new RowFigures(block, 0, 6);
    expect([empty.any(), empty.has(0), empty.at(2)]).toEqual([false, false, null]);
    expect(row.any()).toBe(true);
  });

  it('takes a cell number as whole ten-thousandths when it is one, and only then', () => {
    const block = new FigureBlock(7, 1, ['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(block.setCellNumber(0, 0.3, 2)).toBe(true);
    expect(block.setCellNumber(6, 0.1 + 0.2, 2)).toBe(false); // 0.30000000000000004: the Amount way reads it (15 digits)
    expect(block.setCellNumber(1, -1234.5678, null)).toBe(true);
    expect(block.setCellNumber(2, 1.23456, 5)).toBe(false); // five decimals: kept as an Amount instead
    expect(block.setCellNumber(3, 2e11, 0)).toBe(false); // past the short range
    expect(block.setCellNumber(4, NaN, 0)).toBe(false);
    expect(block.setCellNumber(5, 7, 300)).toBe(false); // decimals the Int8Array cannot hold
    const row = new RowFigures(block, 0, 0);
    expect([row.whole(0), row.decimalsAt(0), row.whole(1), row.has(2), row.has(3), row.has(5), row.has(6)]).toEqual([3000, 2, -12_345_678, false, false, false, false]);
  });

  it('keeps a figure whose shown decimals an Int8Array cannot hold as its Amount', () => {
    const block = new FigureBlock(1, 1, ['A']);
    expect(block.setWhole(0, 10_000, 200)).toBe(false);
    expect(new RowFigures(block, 0, 0).has(0)).toBe(false);
  });

  it('replaces a figure (a percent made a fraction) and forgets one set to nothing', () => {
    const block = new FigureBlock(1, 1, ["'T'!E"]);
    block.setWhole(0, -35_000, 1);
    const row = new RowFigures(block, 0, 3);
    block.setAmount(0, { value: dec('-0.035'), decimals: 3, cell: "'T'!E4" });
    expect(row.at(0)).toEqual({ value: dec('-0.035'), decimals: 3, cell: "'T'!E4" });
    expect(row.whole(0)).toBeNaN();
    block.setAmount(0, null);
    expect(row.has(0)).toBe(false);
  });

  const amountArb: fc.Arbitrary<Amount | null> = fc.option(
    fc.record({
      value: fc.oneof(
        fc.integer({ min: -1e15, max: 1e15 }).map((t) => Money.fromTenThousandths(t)),
        fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 })).map(([n, d]) => dec(n.toString()).div(dec(10 ** d))),
      ),
      decimals: fc.oneof(fc.constant(null), fc.integer({ min: -6, max: 20 }), fc.constant(300)),
      cell: fc.constant("'S'!B2"),
    }),
    { nil: null },
  );

  it('adds up as the Amounts it was made of, in a Tally and in a MoneySum', () => {
    fc.assert(
      fc.property(fc.array(fc.array(amountArb, { minLength: 3, maxLength: 3 }), { maxLength: 12 }), (rows) => {
        const figures = rows.map((r) => RowFigures.of(r));
        for (let j = 0; j < 3; j++) {
          const byAmount = new Tally();
          const byRow = new Tally();
          const sumByAmount = new MoneySum();
          const sumByRow = new MoneySum();
          rows.forEach((r, i) => {
            byAmount.add(r[j]);
            byRow.addAt(figures[i], j);
            sumByAmount.add(r[j]?.value);
            figures[i].addTo(sumByRow, j);
            expect(figures[i].at(j)).toBe(r[j]);
          });
          expect(byRow.size).toBe(byAmount.size);
          expect(byRow.sum().eq(byAmount.sum())).toBe(true);
          expect(byRow.tolerance().eq(byAmount.tolerance())).toBe(true);
          expect(sumByRow.total().eq(sumByAmount.total())).toBe(true);
          expect(sumByRow.size).toBe(sumByAmount.size);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('MoneySum.addWhole', () => {
  it('is adding the whole Money, also past the safe integers', () => {
    const near = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(fc.array(fc.oneof(near, fc.integer({ min: -1e9, max: 1e9 })), { maxLength: 8 }), (ts) => {
        const a = new MoneySum();
        const b = new MoneySum();
        for (const t of ts) {
          a.addWhole(t);
          b.add(Money.fromTenThousandths(t));
        }
        expect(a.total().toFixed()).toBe(b.total().toFixed());
        expect(a.wholeTenThousandths()).toBe(b.wholeTenThousandths());
        expect(a.size).toBe(ts.length);
      }),
    );
  });
});

describe('MoneySum.addSlots', () => {
  it('adds the chosen slots of a line in a block of figures, in the order given, as adding each Money would', () => {
    const slot = fc.oneof(
      fc.constant<Money | null>(null),
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }).map((t) => Money.fromTenThousandths(t)),
      fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 5, max: 30 })).map(([n, d]) => dec(n.toString()).div(dec(dec(10).toDecimal().pow(d)))),
    );
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 10 }), fc.array(fc.nat(), { maxLength: 12 }), fc.option(fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), { nil: null }), fc.nat({ max: 5 }), (values, picks, chosen, base) => {
        // The line's figures from `base` on in a block shared with other lines (whole figures before them).
        const figures = new Float64Array([...Array.from({ length: base }, (_, i) => i + 1), ...values.map((v) => (v === null ? NaN : v.wholeTenThousandths()))]);
        const exact = values.map((v) => (v !== null && v.wholeTenThousandths() !== v.wholeTenThousandths() ? v : undefined));
        const order = picks.map((p) => p % values.length);
        const bulk = new MoneySum().addSlots(figures, exact, order, chosen, base);
        const each = new MoneySum();
        for (const s of order) if (chosen === null || chosen[s]) each.add(values[s]);
        expect(bulk.size).toBe(each.size);
        expect(bulk.total().toString()).toBe(each.total().toString());
      }),
    );
  });
});
