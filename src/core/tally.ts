/**
 * Figures added up with the rounding they allow: half a unit of the last shown digit of each (a
 * figure shown as `1 234` may be off by 0.5). Stated totals are compared with tallies, in the
 * subtotal detection and in the checks, always through `mismatch`; rounding alone is never a difference.
 */
import { halfUnit, MoneySum, type Money } from './money';
import type { RowFigures } from './row-figures';
import type { Amount } from './sources';

export class Tally {
  private readonly sums = new MoneySum();
  /** The rounding the figures allow: half a unit of each one's last shown digit, added up. */
  private readonly tols = new MoneySum();

  add(a: Amount | null | undefined): this {
    return a ? this.addFigure(a.value, a.decimals) : this;
  }

  /** Adds a figure shown with `decimals` decimals (null: in full); no figure adds nothing. */
  addFigure(value: Money | null, decimals: number | null): this {
    if (value === null) return this;
    this.sums.add(value);
    // Shown in full (null decimals): no rounding.
    if (decimals !== null) this.tols.add(halfUnit(decimals));
    return this;
  }

  /** How many figures were added. */
  get size(): number {
    return this.sums.size;
  }

  sum(): Money {
    return this.sums.total();
  }

  /** The rounding the figures allow together. */
  tolerance(): Money {
    return this.tols.total();
  }

  /** The computed sum when `stated` differs from it beyond rounding (its own included); else null. */
  mismatch(stated: Amount): Money | null {
    return this.mismatchOf(stated.value, stated.decimals);
  }

  /** As `mismatch`, for a stated total of `value` shown with `decimals` decimals. */
  mismatchOf(value: Money, decimals: number | null): Money | null {
    // Most stated totals are exactly the sum, and an exact sum is never a mismatch: settled without the rounding.
    if (this.sums.equals(value)) return null;
    return this.sums.within(value, this.tols, halfUnit(decimals)) ? null : this.sum();
  }
}

/** A Tally per series of rows (the columns of a source), added to a row at a time. */
export class SeriesTallies {
  private readonly tallies: Tally[];

  constructor(width: number) {
    this.tallies = Array.from({ length: width }, () => new Tally());
  }

  /** Adds a row's figures in every series. */
  add(values: RowFigures): this {
    const n = Math.min(this.tallies.length, values.length);
    for (let j = 0; j < n; j++) this.tallies[j].addFigure(values.value(j), values.decimals(j));
    return this;
  }

  /** Series j's tally. */
  at(j: number): Tally {
    return this.tallies[j];
  }

  static of(width: number, rows: readonly RowFigures[]): SeriesTallies {
    const t = new SeriesTallies(width);
    for (const r of rows) t.add(r);
    return t;
  }
}
