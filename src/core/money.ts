/**
 * Money arithmetic, exact. A checker that compares stated and computed totals cannot live with binary
 * floating point, so every amount is a Money, in one of three forms:
 * - an amount with at most four decimals that fits (|value| < 900 billion) is a whole number of
 *   ten-thousandths (a safe integer). This is nearly every amount a budget holds — cell values, their
 *   sums and differences, rounding tolerances — and adding, subtracting and comparing whole numbers
 *   below 2^53 is exact in JavaScript, and about fifty times faster than a decimal library;
 * - the quotient of two such amounts (a variance over its budget) is kept as the fraction it is, and
 *   becomes a decimal (40 significant digits, as decimal.js divides) only when something asks for its
 *   digits; a spreadsheet cell gets the double nearest to the exact quotient;
 * - anything else (more decimals, products, larger amounts) is a decimal.js Decimal with 40
 *   significant digits.
 * Every result is what decimal.js gives: an integer operation whose result leaves the safe range, or
 * an operation integers cannot do exactly, goes through decimal.js. Each value has one form (whole
 * ten-thousandths whenever it can), so equal amounts are equal objects.
 * test/core/money.property.test.ts checks every operation against decimal.js.
 */
import Decimal from 'decimal.js';

/** A private Decimal constructor so the add-in's settings never depend on a global configuration. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Ten-thousandths per unit: four decimals, so øre, percent fractions to 0.01 % and half-øre tolerances stay integers. */
const SCALE = 10_000;
const SCALE_DIGITS = 4;
/** The largest whole unit whose ten-thousandths are all safe integers. */
const MAX_UNITS = Math.floor(Number.MAX_SAFE_INTEGER / SCALE);

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

export class Money {
  /**
   * Whole ten-thousandths: `t`, with `x` null. A fraction: `t` / `x` in lowest terms (`x` a number > 1).
   * A Decimal: `x` (`t` NaN). Build Money with `dec`, `Money.fromTenThousandths` or the operations;
   * the fields are read directly only by MoneySum below (a call per addition that returns a number
   * would box it: an object per figure added). The denominator shares its field with the Decimal:
   * a field that only ever holds numbers, some of them large, is boxed by V8 in every object — 16
   * bytes more for each of the hundreds of thousands of amounts a big workbook has.
   */
  protected constructor(
    /** @internal */ readonly t: number,
    /** @internal */ readonly x: Decimal | number | null,
  ) {}

  /** @internal The denominator of a fraction, else 0. */
  get q(): number {
    const x = this.x;
    return typeof x === 'number' ? x : 0;
  }

  /** @internal The Decimal, when that is the form, else null. */
  get d(): Decimal | null {
    const x = this.x;
    return x === null || typeof x === 'number' ? null : x;
  }

  /** The value `t` ten-thousandths; `t` must be a safe integer. */
  static fromTenThousandths(t: number): Money {
    return new Money(t === 0 ? 0 : t, null);
  }

  /** The exact quotient n / q of two safe integers (q ≠ 0), in its canonical form. */
  private static fraction(n: number, q: number): Money {
    if (q < 0) [n, q] = [-n, -q];
    const g = gcd(Math.abs(n), q);
    n /= g;
    q /= g;
    // Whole ten-thousandths when the denominator divides 10,000.
    if (SCALE % q === 0 && Number.isSafeInteger(n * (SCALE / q))) return Money.fromTenThousandths(n * (SCALE / q));
    return new Money(n, q);
  }

  /** @internal */
  get whole(): boolean {
    return this.x === null;
  }

  /** A Decimal's value, in its canonical form. */
  static fromDecimal(d: Decimal): Money {
    if (d.isFinite() && d.decimalPlaces() <= SCALE_DIGITS && d.abs().lte(MAX_UNITS)) {
      return Money.fromTenThousandths(d.times(SCALE).toNumber());
    }
    // A Decimal made by another constructor (another precision) is taken over by ours.
    return new Money(NaN, d.constructor === Dec ? d : new Dec(d));
  }

  /** An exact value from a number (taken as its shortest decimal text), a decimal string or a Decimal. */
  static of(v: number | string | Decimal | Money): Money {
    if (v instanceof Money) return v;
    if (typeof v === 'number' && Number.isSafeInteger(v) && Math.abs(v) <= MAX_UNITS) return Money.fromTenThousandths(v * SCALE);
    return Money.fromDecimal(new Dec(v));
  }

  /**
   * The value of a double that is within the floating point noise of a number with at most four
   * decimals (12.35, 0.035), when |n| < 100 billion: there, every such number has its own double and
   * reading that double to 15 significant digits (as Excel shows it) gives back exactly that number.
   * Null otherwise (the caller takes the slow, general way).
   */
  static fromShortDouble(n: number): Money | null {
    const t = Money.shortTenThousandths(n);
    return Number.isNaN(t) ? null : Money.fromTenThousandths(t);
  }

  /** The whole ten-thousandths fromShortDouble would take `n` for, or NaN (no object made: this runs for every cell). */
  static shortTenThousandths(n: number): number {
    if (!(Math.abs(n) < 1e11)) return NaN;
    const t = Math.round(n * SCALE);
    return t / SCALE === n ? (t === 0 ? 0 : t) : NaN;
  }

  /**
   * The value as a whole number of ten-thousandths when it is one (a safe integer), else NaN. For
   * loops that compare many amounts as integers, without an object per step.
   */
  wholeTenThousandths(): number {
    return this.x === null ? this.t : NaN;
  }

  /** The value as a Decimal (for what only decimal.js does). */
  toDecimal(): Decimal {
    if (this.d !== null) return this.d;
    return new Dec(this.t).div(this.q === 0 ? SCALE : this.q);
  }

  plus(other: Money | number): Money {
    const o = Money.of(other);
    if (this.whole && o.whole) {
      const r = this.t + o.t;
      if (Number.isSafeInteger(r)) return Money.fromTenThousandths(r);
    }
    return Money.fromDecimal(this.toDecimal().plus(o.toDecimal()));
  }

  minus(other: Money | number): Money {
    const o = Money.of(other);
    if (this.whole && o.whole) {
      const r = this.t - o.t;
      if (Number.isSafeInteger(r)) return Money.fromTenThousandths(r);
    }
    return Money.fromDecimal(this.toDecimal().minus(o.toDecimal()));
  }

  times(o: Money | number): Money {
    const m = Money.of(o);
    // A whole factor (2, 1000 for thousands) keeps ten-thousandths whole.
    if (this.whole && m.whole && m.t % SCALE === 0) {
      const r = this.t * (m.t / SCALE);
      if (Number.isSafeInteger(r)) return Money.fromTenThousandths(r);
    }
    return Money.fromDecimal(this.toDecimal().times(m.toDecimal()));
  }

  /** The quotient to 40 significant digits (rounded half up). */
  div(other: Money | number): Money {
    const o = Money.of(other);
    // Two whole amounts: their quotient is the fraction of their ten-thousandths.
    if (this.whole && o.whole && o.t !== 0) return Money.fraction(this.t, o.t);
    return Money.fromDecimal(this.toDecimal().div(o.toDecimal()));
  }

  abs(): Money {
    return this.isNegative() ? this.neg() : this;
  }

  neg(): Money {
    if (this.d !== null) return new Money(NaN, this.d.neg());
    return this.q === 0 ? Money.fromTenThousandths(-this.t) : new Money(-this.t, this.q);
  }

  /** False for NaN and infinities (which only a Decimal holds). */
  isFinite(): boolean {
    return this.d === null || this.d.isFinite();
  }

  // A fraction's sign is its numerator's (never zero: zero is whole).
  isZero(): boolean {
    return this.d === null ? this.t === 0 : this.d.isZero();
  }

  isNegative(): boolean {
    return this.d === null ? this.t < 0 : this.d.isNegative() && !this.d.isZero();
  }

  isPositive(): boolean {
    return this.d === null ? this.t > 0 : this.d.isPositive() && !this.d.isZero();
  }

  /** −1, 0 or 1 as this is less than, equal to or greater than `o`. */
  cmp(other: Money | number): number {
    const o = Money.of(other);
    if (this.whole && o.whole) return Math.sign(this.t - o.t);
    return this.toDecimal().cmp(o.toDecimal());
  }

  eq(o: Money | number): boolean {
    return this.cmp(o) === 0;
  }

  gt(o: Money | number): boolean {
    return this.cmp(o) > 0;
  }

  gte(o: Money | number): boolean {
    return this.cmp(o) >= 0;
  }

  lt(o: Money | number): boolean {
    return this.cmp(o) < 0;
  }

  lte(o: Money | number): boolean {
    return this.cmp(o) <= 0;
  }

  /** Rounded to `places` decimals, half away from zero unless told otherwise. */
  toDecimalPlaces(places: number, rounding: Decimal.Rounding = Decimal.ROUND_HALF_UP): Money {
    if (this.whole && places >= SCALE_DIGITS) return this;
    if (this.whole && places >= 0 && rounding === Decimal.ROUND_HALF_UP) {
      // Half away from zero, in whole numbers: drop the remainder, add a step when it is half or more.
      const step = 10 ** (SCALE_DIGITS - places);
      const abs = Math.abs(this.t);
      const rem = abs % step;
      const r = abs - rem + (rem * 2 >= step ? step : 0);
      if (Number.isSafeInteger(r)) return Money.fromTenThousandths(this.t < 0 ? -r : r);
    }
    return Money.fromDecimal(this.toDecimal().toDecimalPlaces(places, rounding));
  }

  /** Normal notation (never an exponent): all the decimals it has, or exactly `places` (rounded half up). */
  toFixed(places?: number): string {
    if (!this.whole || (places !== undefined && places < SCALE_DIGITS)) {
      return places === undefined ? this.toDecimal().toFixed() : this.toDecimal().toFixed(places, Decimal.ROUND_HALF_UP);
    }
    const neg = this.t < 0;
    const digits = String(Math.abs(this.t)).padStart(SCALE_DIGITS + 1, '0');
    const whole = digits.slice(0, -SCALE_DIGITS);
    let frac = digits.slice(-SCALE_DIGITS);
    frac = places === undefined ? frac.replace(/0+$/, '') : frac.padEnd(places, '0');
    return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
  }

  toString(): string {
    return this.whole ? this.toFixed() : this.toDecimal().toString();
  }

  /** The nearest double (as a spreadsheet cell holds it); of a fraction, the double nearest its exact value. */
  toNumber(): number {
    if (this.d !== null) return this.d.toNumber();
    return this.t / (this.q === 0 ? SCALE : this.q);
  }

  /** Number of decimals it has (trailing zeros do not count). */
  decimalPlaces(): number {
    if (!this.whole) return this.toDecimal().decimalPlaces();
    let t = Math.abs(this.t);
    let places = SCALE_DIGITS;
    while (places > 0 && t % 10 === 0) {
      t /= 10;
      places--;
    }
    return places;
  }
}

/**
 * A base for things that are an amount and say more about it (a cell's figure with its decimals and
 * address): the object is its own value, so a source of 100,000 figures holds 100,000 objects, not
 * twice as many for the garbage collector to copy. It behaves as the Money it was made from.
 */
export abstract class MoneyWith extends Money {
  /** `m` a Money, or a whole number of ten-thousandths (a safe integer, as shortTenThousandths gives). */
  protected constructor(m: Money | number) {
    if (typeof m === 'number') super(m === 0 ? 0 : m, null);
    else super(m.t, m.x);
  }
}

export const ZERO: Money = Money.fromTenThousandths(0);

export function dec(v: number | string | Decimal | Money): Money {
  return Money.of(v);
}

/**
 * A running total for loops over many figures: whole amounts are added as one integer (no object per
 * addition), anything else separately; the total is exact either way.
 */
export class MoneySum {
  private wholeSum = 0;
  private rest: Money | null = null;
  private count = 0;

  add(m: Money | null | undefined): this {
    if (m === null || m === undefined) return this;
    if (m.whole) return this.addWhole(m.t);
    this.count++;
    this.addRest(m);
    return this;
  }

  /**
   * A fresh sum made to go on from `count` whole figures adding up to `t` ten-thousandths (a safe
   * integer), as if they had been added one by one.
   */
  static resumed(t: number, count: number): MoneySum {
    const s = new MoneySum();
    s.wholeSum = t;
    s.count = count;
    return s;
  }

  /** Adds an amount given as whole ten-thousandths `t` (a safe integer): what add does with a whole Money, no object needed. */
  addWhole(t: number): this {
    this.count++;
    const r = this.wholeSum + t;
    if (Number.isSafeInteger(r)) this.wholeSum = r;
    else this.addRest(Money.fromTenThousandths(t));
    return this;
  }

  /**
   * Adds the figures at `slots` (in that order) of a figure array, slot s at `figures[base + s]`:
   * whole ten-thousandths, NaN where there is none or the figure is in `exact` (by slot). Only
   * `chosen` slots count, when given.
   */
  addSlots(
    figures: ArrayLike<number>,
    exact: readonly (Money | undefined)[] | null,
    slots: readonly number[],
    chosen: readonly boolean[] | null = null,
    base = 0,
  ): this {
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k];
      if (chosen !== null && !chosen[s]) continue;
      const t = figures[base + s];
      if (t === t) this.addWhole(t);
      else this.add(exact === null ? undefined : exact[s]);
    }
    return this;
  }

  private addRest(m: Money): void {
    this.rest = this.rest === null ? m : this.rest.plus(m);
  }

  /** How many figures were added (nulls do not count). */
  get size(): number {
    return this.count;
  }

  /** The total as whole ten-thousandths when every figure added was whole (and the sum stayed safe), else NaN. */
  wholeTenThousandths(): number {
    return this.rest === null ? this.wholeSum : NaN;
  }

  /** Whether the total equals `m`: as integers when both are whole (no total made), else as Money. */
  equals(m: Money): boolean {
    return this.rest === null && m.x === null ? this.wholeSum === m.t : m.eq(this.total());
  }

  total(): Money {
    const w = Money.fromTenThousandths(this.wholeSum);
    return this.rest === null ? w : w.plus(this.rest);
  }

  /** The total, or null when no figure was added. */
  totalOrNull(): Money | null {
    return this.count === 0 ? null : this.total();
  }
}

/** Sum of the non-null values; null when every value is null (no figure is not zero). */
export function sumOrNull(values: readonly (Money | null | undefined)[]): Money | null {
  const acc = new MoneySum();
  for (const v of values) acc.add(v);
  return acc.totalOrNull();
}

export function sum(values: readonly (Money | null | undefined)[]): Money {
  return sumOrNull(values) ?? ZERO;
}

/** Half a unit of the last shown digit: decimals 0 → 0.5, 2 → 0.005, -3 → 500; null (shown in full) → 0. */
export function halfUnit(decimals: number | null): Money {
  if (decimals === null) return ZERO;
  // Few distinct values occur and the checks ask for one per figure: computed once each, found by index.
  const i = decimals + HALF_UNIT_OFFSET;
  const known = i >= 0 && i < HALF_UNITS.length ? HALF_UNITS[i] : undefined;
  if (known !== undefined) return known;
  const h = Money.fromDecimal(new Dec(10).pow(-decimals).div(2));
  if (i >= 0 && i < HALF_UNITS.length) HALF_UNITS[i] = h;
  return h;
}
const HALF_UNIT_OFFSET = 32;
const HALF_UNITS: (Money | undefined)[] = new Array<Money | undefined>(2 * HALF_UNIT_OFFSET + 1).fill(undefined);

/** Rounds money to øre (2 decimals), half away from zero so that negating data negates results. */
export function toOre(v: Money): Money {
  return v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Exact decimal string without exponent and without trailing zeros: "1234.5", "-0.0348". */
export function decimalString(v: Money): string {
  const s = v.toFixed();
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s === '-0' ? '0' : s;
}

/** An amount as a cell's number (a spreadsheet cell holds a double), or null for no figure. */
export function cellNumber(v: Money | null): number | null {
  return v === null ? null : v.toNumber();
}
