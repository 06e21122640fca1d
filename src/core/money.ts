/**
 * Money arithmetic, exact. A checker that compares stated and computed totals cannot live with binary
 * floating point, so every amount is a Money, in one of three forms:
 * - `whole`: an amount with at most four decimals that fits (|value| < 900 billion), as a whole number
 *   of ten-thousandths (a safe integer). This is nearly every amount a budget holds — cell values,
 *   their sums and differences, rounding tolerances — and adding, subtracting and comparing whole
 *   numbers below 2^53 is exact in JavaScript, and much faster than a decimal library;
 * - `fraction`: the quotient of two such amounts (a variance over its budget), kept as the fraction it
 *   is; it becomes a decimal (40 significant digits, as decimal.js divides) only when something asks
 *   for its digits, and a spreadsheet cell gets the double nearest to the exact quotient;
 * - `exact`: anything else (more decimals, products, larger amounts), a decimal.js Decimal with 40
 *   significant digits.
 * Every result is what decimal.js gives: an integer operation whose result leaves the safe range, or
 * an operation integers cannot do exactly, goes through decimal.js. Each value has one form (whole
 * whenever it can), so equal amounts have equal forms. Only this module knows the forms: everything
 * else uses the operations. test/core/money.property.test.ts checks every operation against decimal.js.
 */
import Decimal from 'decimal.js';

/** A private Decimal constructor so the add-in's settings never depend on a global configuration. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Ten-thousandths per unit: four decimals, so øre, percent fractions to 0.01 % and half-øre tolerances stay integers. */
const SCALE = 10_000;
const SCALE_DIGITS = 4;
/** The largest whole unit whose ten-thousandths are all safe integers. */
const MAX_UNITS = Math.floor(Number.MAX_SAFE_INTEGER / SCALE);

/**
 * How a Money holds its value: a tagged union of the three forms (see the module comment), each a
 * subclass of Money below, so that an amount is one object. Only this module knows them.
 */
type Form = Whole | Fraction | Exact;

/** The form a Money has (every Money is one of the three). */
function formOf(m: Money): Form {
  return m as Form;
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** The whole ten-thousandths a double within float noise of a short decimal stands for, else NaN (see fromShortDouble). */
function shortTenThousandths(n: number): number {
  if (!(Math.abs(n) < 1e11)) return NaN;
  const t = Math.round(n * SCALE);
  return t / SCALE === n ? t : NaN;
}

/** Whole ten-thousandths `t` (a safe integer) as Money; -0 is 0, so that equal amounts print alike. */
function whole(t: number): Money {
  return new Whole(t === 0 ? 0 : t);
}

export abstract class Money {
  /** Money is made by `dec` and the operations, in one of the forms below. */
  protected constructor() {}

  private get form(): Form {
    return formOf(this);
  }

  /** The exact quotient n / q of two safe integers (q ≠ 0), in its canonical form. */
  private static fraction(n: number, q: number): Money {
    if (q < 0) [n, q] = [-n, -q];
    const g = gcd(Math.abs(n), q);
    n /= g;
    q /= g;
    // Whole ten-thousandths when the denominator divides 10,000.
    if (SCALE % q === 0 && Number.isSafeInteger(n * (SCALE / q))) return whole(n * (SCALE / q));
    return new Fraction(n, q);
  }

  /** A Decimal's value, in its canonical form. */
  static fromDecimal(d: Decimal): Money {
    if (d.isFinite() && d.decimalPlaces() <= SCALE_DIGITS && d.abs().lte(MAX_UNITS)) return whole(d.times(SCALE).toNumber());
    // A Decimal made by another constructor (another precision) is taken over by ours.
    return new Exact(d.constructor === Dec ? d : new Dec(d));
  }

  /** An exact value from a number (taken as its shortest decimal text), a decimal string or a Decimal. */
  static of(v: number | string | Decimal | Money): Money {
    if (v instanceof Money) return v;
    if (typeof v === 'number' && Number.isSafeInteger(v) && Math.abs(v) <= MAX_UNITS) return whole(v * SCALE);
    return Money.fromDecimal(new Dec(v));
  }

  /**
   * The value of a double that is within the floating point noise of a number with at most four
   * decimals (12.35, 0.035), when |n| < 100 billion: there, every such number has its own double and
   * reading that double to 15 significant digits (as Excel shows it) gives back exactly that number.
   * Null otherwise (the caller takes the slow, general way).
   */
  static fromShortDouble(n: number): Money | null {
    const t = shortTenThousandths(n);
    return Number.isNaN(t) ? null : whole(t);
  }

  /** The value as a Decimal (for what only decimal.js does). */
  toDecimal(): Decimal {
    const f = this.form;
    if (f.kind === 'exact') return f.value;
    return f.kind === 'whole' ? new Dec(f.tenThousandths).div(SCALE) : new Dec(f.numerator).div(f.denominator);
  }

  plus(other: Money | number): Money {
    const o = Money.of(other);
    const a = this.form;
    const b = o.form;
    if (a.kind === 'whole' && b.kind === 'whole') {
      const r = a.tenThousandths + b.tenThousandths;
      if (Number.isSafeInteger(r)) return whole(r);
    }
    return Money.fromDecimal(this.toDecimal().plus(o.toDecimal()));
  }

  minus(other: Money | number): Money {
    const o = Money.of(other);
    const a = this.form;
    const b = o.form;
    if (a.kind === 'whole' && b.kind === 'whole') {
      const r = a.tenThousandths - b.tenThousandths;
      if (Number.isSafeInteger(r)) return whole(r);
    }
    return Money.fromDecimal(this.toDecimal().minus(o.toDecimal()));
  }

  times(other: Money | number): Money {
    const o = Money.of(other);
    const a = this.form;
    const b = o.form;
    // A whole factor (2, 1000 for thousands) keeps ten-thousandths whole.
    if (a.kind === 'whole' && b.kind === 'whole' && b.tenThousandths % SCALE === 0) {
      const r = a.tenThousandths * (b.tenThousandths / SCALE);
      if (Number.isSafeInteger(r)) return whole(r);
    }
    return Money.fromDecimal(this.toDecimal().times(o.toDecimal()));
  }

  /** The quotient to 40 significant digits (rounded half up). */
  div(other: Money | number): Money {
    const o = Money.of(other);
    const a = this.form;
    const b = o.form;
    // Two whole amounts: their quotient is the fraction of their ten-thousandths.
    if (a.kind === 'whole' && b.kind === 'whole' && b.tenThousandths !== 0) return Money.fraction(a.tenThousandths, b.tenThousandths);
    return Money.fromDecimal(this.toDecimal().div(o.toDecimal()));
  }

  abs(): Money {
    return this.isNegative() ? this.neg() : this;
  }

  neg(): Money {
    const f = this.form;
    switch (f.kind) {
      case 'whole':
        return whole(-f.tenThousandths);
      case 'fraction':
        return new Fraction(-f.numerator, f.denominator);
      case 'exact':
        return new Exact(f.value.neg());
    }
  }

  /** False for NaN and infinities (which only a Decimal holds). */
  isFinite(): boolean {
    return this.form.kind !== 'exact' || this.form.value.isFinite();
  }

  /** −1, 0 or 1 as the value is below, at or above zero (NaN for NaN). A fraction is never zero: zero is whole. */
  private sign(): number {
    const f = this.form;
    if (f.kind === 'whole') return Math.sign(f.tenThousandths);
    if (f.kind === 'fraction') return Math.sign(f.numerator);
    return f.value.isZero() ? 0 : f.value.isNegative() ? -1 : f.value.isPositive() ? 1 : NaN;
  }

  isZero(): boolean {
    return this.sign() === 0;
  }

  isNegative(): boolean {
    return this.sign() < 0;
  }

  isPositive(): boolean {
    return this.sign() > 0;
  }

  /** −1, 0 or 1 as this is less than, equal to or greater than `o`. */
  cmp(other: Money | number): number {
    const o = Money.of(other);
    const a = this.form;
    const b = o.form;
    if (a.kind === 'whole' && b.kind === 'whole') return Math.sign(a.tenThousandths - b.tenThousandths);
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
    const f = this.form;
    if (f.kind === 'whole' && places >= SCALE_DIGITS) return this;
    if (f.kind === 'whole' && places >= 0 && rounding === Decimal.ROUND_HALF_UP) {
      // Half away from zero, in whole numbers: drop the remainder, add a step when it is half or more.
      const step = 10 ** (SCALE_DIGITS - places);
      const abs = Math.abs(f.tenThousandths);
      const rem = abs % step;
      const r = abs - rem + (rem * 2 >= step ? step : 0);
      if (Number.isSafeInteger(r)) return whole(f.tenThousandths < 0 ? -r : r);
    }
    return Money.fromDecimal(this.toDecimal().toDecimalPlaces(places, rounding));
  }

  /** Normal notation (never an exponent): all the decimals it has, or exactly `places` (rounded half up). */
  toFixed(places?: number): string {
    const f = this.form;
    if (f.kind !== 'whole' || (places !== undefined && places < SCALE_DIGITS)) {
      return places === undefined ? this.toDecimal().toFixed() : this.toDecimal().toFixed(places, Decimal.ROUND_HALF_UP);
    }
    const neg = f.tenThousandths < 0;
    const digits = String(Math.abs(f.tenThousandths)).padStart(SCALE_DIGITS + 1, '0');
    const units = digits.slice(0, -SCALE_DIGITS);
    let frac = digits.slice(-SCALE_DIGITS);
    frac = places === undefined ? frac.replace(/0+$/, '') : frac.padEnd(places, '0');
    return `${neg ? '-' : ''}${units}${frac ? `.${frac}` : ''}`;
  }

  toString(): string {
    return this.form.kind === 'whole' ? this.toFixed() : this.toDecimal().toString();
  }

  /** The nearest double (as a spreadsheet cell holds it); of a fraction, the double nearest its exact value. */
  toNumber(): number {
    const f = this.form;
    if (f.kind === 'exact') return f.value.toNumber();
    return f.kind === 'whole' ? f.tenThousandths / SCALE : f.numerator / f.denominator;
  }

  /** Number of decimals it has (trailing zeros do not count). */
  decimalPlaces(): number {
    const f = this.form;
    if (f.kind !== 'whole') return this.toDecimal().decimalPlaces();
    let t = Math.abs(f.tenThousandths);
    let places = SCALE_DIGITS;
    while (places > 0 && t % 10 === 0) {
      t /= 10;
      places--;
    }
    return places;
  }
}

/*
 * Each form's `kind` is its class's, on the prototype rather than on each amount: a workbook's sources
 * hold hundreds of thousands of amounts, all alive until the follow-up is made, and a field less on
 * each is memory the garbage collector copies less of.
 */
class Whole extends Money {
  declare readonly kind: 'whole';
  constructor(readonly tenThousandths: number) {
    super();
  }
}
Object.defineProperty(Whole.prototype, 'kind', { value: 'whole' });

/** numerator / denominator in lowest terms; the denominator is > 1 and does not divide 10,000. */
class Fraction extends Money {
  declare readonly kind: 'fraction';
  constructor(
    readonly numerator: number,
    readonly denominator: number,
  ) {
    super();
  }
}
Object.defineProperty(Fraction.prototype, 'kind', { value: 'fraction' });

class Exact extends Money {
  declare readonly kind: 'exact';
  constructor(readonly value: Decimal) {
    super();
  }
}
Object.defineProperty(Exact.prototype, 'kind', { value: 'exact' });

/** A Money's whole ten-thousandths, NaN when it is no whole amount: MoneySum adds these as integers. */
function tenThousandthsOf(m: Money): number {
  const f = formOf(m);
  return f.kind === 'whole' ? f.tenThousandths : NaN;
}

export const ZERO: Money = Money.of(0);

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
    this.count++;
    const t = tenThousandthsOf(m);
    const r = this.wholeSum + t;
    // NaN (not whole) fails the test too.
    if (Number.isSafeInteger(r)) this.wholeSum = r;
    else this.rest = this.rest === null ? m : this.rest.plus(m);
    return this;
  }

  /** How many figures were added (nulls do not count). */
  get size(): number {
    return this.count;
  }

  /** Whether the total equals `m`. */
  equals(m: Money): boolean {
    const t = tenThousandthsOf(m);
    return this.rest === null && t === t ? this.wholeSum === t : m.eq(this.total());
  }

  /**
   * Whether `m` is within `slack` plus `extra` of the total (|total − m| ≤ slack + extra), exactly.
   * Stated totals are compared with every line's running sum when looking for total rows: whole
   * amounts are compared as integers, with no Money made for a comparison.
   */
  within(m: Money, slack: MoneySum, extra: Money): boolean {
    const t = tenThousandthsOf(m);
    const e = tenThousandthsOf(extra);
    // NaN (not whole) fails the tests.
    if (this.rest === null && slack.rest === null && t === t && e === e) {
      const distance = Math.abs(this.wholeSum - t);
      const allowed = slack.wholeSum + e;
      if (Number.isSafeInteger(distance) && Number.isSafeInteger(allowed)) return distance <= allowed;
    }
    return m.minus(this.total()).abs().lte(slack.total().plus(extra));
  }

  total(): Money {
    const w = whole(this.wholeSum);
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
