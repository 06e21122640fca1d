/**
 * Figures added up with the rounding they allow: half a unit of the last shown digit of each (a
 * figure shown as `1 234` may be off by 0.5). Stated totals are compared with tallies, in the
 * subtotal detection and in the checks; rounding alone is never a difference.
 */
import { halfUnit, MoneySum, type Money } from './money';
import type { Amount } from './sources';

export class Tally {
  private readonly sums = new MoneySum();
  private readonly tols = new MoneySum();

  add(a: Amount | null | undefined): this {
    if (a) {
      this.sums.add(a.value);
      this.tols.add(halfUnit(a.decimals));
    }
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
    const computed = this.sum();
    return stated.value.minus(computed).abs().gt(this.tolerance().plus(halfUnit(stated.decimals))) ? computed : null;
  }
}
