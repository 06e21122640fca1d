/**
 * Figures added up with the rounding they allow: half a unit of the last shown digit of each (a
 * figure shown as `1 234` may be off by 0.5). Stated totals are compared with tallies, in the
 * subtotal detection and in the checks, always through `mismatch`; rounding alone is never a difference.
 */
import { halfUnit, MoneySum, ZERO, type Money } from './money';
import type { RowFigures } from './row-figures';
import type { Amount } from './sources';

export class Tally {
  private readonly sums = new MoneySum();
  /**
   * The rounding is counted, not summed: the figures of a column nearly all show the same decimals,
   * so their rounding is half a unit times how many there are. Figures showing other decimals are
   * summed apart.
   */
  private tolDecimals: number | null = null;
  private tolCount = 0;
  private otherTols: MoneySum | null = null;

  add(a: Amount | null | undefined): this {
    if (!a) return this;
    this.sums.add(a.value);
    return this.addRounding(a.decimals);
  }

  private addRounding(d: number | null): this {
    if (d === null) return this; // shown in full: no rounding
    if (d === this.tolDecimals) this.tolCount++;
    else if (this.tolCount === 0) {
      this.tolDecimals = d;
      this.tolCount = 1;
    } else (this.otherTols ??= new MoneySum()).add(halfUnit(d));
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
    const own = this.tolCount === 0 ? ZERO : halfUnit(this.tolDecimals).times(this.tolCount);
    return this.otherTols === null ? own : own.plus(this.otherTols.total());
  }

  /** The computed sum when `stated` differs from it beyond rounding (its own included); else null. */
  mismatch(stated: Amount): Money | null {
    // Most stated totals are exactly the sum, and an exact sum is never a mismatch: settled without the rounding.
    if (this.sums.equals(stated.value)) return null;
    const sum = this.sum();
    const allowed = this.tolerance().plus(halfUnit(stated.decimals));
    return stated.value.minus(sum).abs().gt(allowed) ? sum : null;
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
    for (let j = 0; j < n; j++) this.tallies[j].add(values.at(j));
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
