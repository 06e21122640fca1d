/**
 * Figures added up with the rounding they allow: half a unit of the last shown digit of each (a
 * figure shown as `1 234` may be off by 0.5). Stated totals are compared with tallies, in the
 * subtotal detection and in the checks; rounding alone is never a difference.
 */
import { halfUnit, MoneySum, ZERO, type Money } from './money';
import type { RowFigures } from './row-figures';
import type { Amount } from './sources';

export class Tally {
  private sums = new MoneySum();
  /**
   * The rounding is counted, not summed: the figures of a column nearly all show the same decimals,
   * so their rounding is half a unit times how many there are (a count per figure, not an addition).
   * Figures showing other decimals are summed apart.
   */
  private tolDecimals: number | null = null;
  private tolCount = 0;
  private otherTols: MoneySum | null = null;

  /**
   * A tally that goes on from `count` whole figures adding up to `sumT` ten-thousandths, with rounding
   * adding up to `tolT` (both safe integers): the same sum, size and tolerance as adding them one by one.
   */
  static resumed(sumT: number, count: number, tolT: number): Tally {
    const t = new Tally();
    t.sums = MoneySum.resumed(sumT, count);
    if (tolT !== 0) t.otherTols = MoneySum.resumed(tolT, 1);
    return t;
  }

  add(a: Amount | null | undefined): this {
    if (!a) return this;
    this.sums.add(a.value);
    return this.addRounding(a.decimals);
  }

  /** Adds series j's figure of a row (if any), with no object made for a whole one. */
  addAt(f: RowFigures, j: number): this {
    const t = f.wholes[f.offset + j];
    if (t !== t) return this.add(f.at(j));
    this.sums.addWhole(t);
    return this.addRounding(f.decimalsAt(j));
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

  /** The sum as whole ten-thousandths, or NaN when it is not one (see Money.wholeTenThousandths). */
  sumTenThousandths(): number {
    return this.sums.wholeTenThousandths();
  }

  /** The rounding as whole ten-thousandths, or NaN when it is not one. */
  toleranceTenThousandths(): number {
    const own = this.tolCount === 0 ? 0 : halfUnit(this.tolDecimals).wholeTenThousandths() * this.tolCount;
    const t = this.otherTols === null ? own : own + this.otherTols.wholeTenThousandths();
    return Number.isSafeInteger(t) ? t : NaN;
  }

  /** The computed sum when `stated` differs from it beyond rounding (its own included); else null. */
  mismatch(stated: Amount): Money | null {
    // Whole amounts compare as integers (exact, no object per step); anything else as Money.
    const beyond = beyondRoundingWhole(stated, this.sumTenThousandths(), this.toleranceTenThousandths()) ?? beyondRounding(stated, this.sum(), this.tolerance());
    return beyond ? this.sum() : null;
  }
}

/**
 * Whether `stated` is off a sum by more than the rounding allowed (the sum's `tolT` and its own), all
 * in whole ten-thousandths: exact integers, no object made. Null when one of them is not whole (NaN):
 * then beyondRounding decides.
 */
export function beyondRoundingWhole(stated: Amount, sumT: number, tolT: number): boolean | null {
  return beyondRoundingT(stated.value.wholeTenThousandths(), stated.decimals, sumT, tolT);
}

/** beyondRoundingWhole for a stated figure given as whole ten-thousandths `statedT` shown with `decimals`. */
export function beyondRoundingT(statedT: number, decimals: number | null, sumT: number, tolT: number): boolean | null {
  const diff = Math.abs(statedT - sumT);
  const allowed = tolT + halfUnit(decimals).wholeTenThousandths();
  return Number.isSafeInteger(diff) && Number.isSafeInteger(allowed) ? diff > allowed : null;
}

/** Whether `stated` is off `sum` by more than the rounding allowed (`tol` and its own), in Money. */
export function beyondRounding(stated: Amount, sum: Money, tol: Money): boolean {
  return stated.value.minus(sum).abs().gt(tol.plus(halfUnit(stated.decimals)));
}
