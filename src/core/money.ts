/**
 * Money arithmetic. Every amount is a decimal.js Decimal: sums of øre must stay exact, and a checker
 * that compares stated and computed totals cannot live with binary floating point.
 */
import Decimal from 'decimal.js';

/** A private Decimal constructor so the add-in's settings never depend on a global configuration. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO: Money = new Dec(0);

export function dec(v: Decimal.Value): Money {
  return new Dec(v);
}

/** Sum of the non-null values; null when every value is null (no figure is not zero). */
export function sumOrNull(values: readonly (Money | null | undefined)[]): Money | null {
  let acc: Money | null = null;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    acc = acc === null ? v : acc.plus(v);
  }
  return acc;
}

export function sum(values: readonly (Money | null | undefined)[]): Money {
  return sumOrNull(values) ?? ZERO;
}

/** Half a unit of the last shown digit: decimals 0 → 0.5, 2 → 0.005, -3 → 500; null (shown in full) → 0. */
export function halfUnit(decimals: number | null): Money {
  if (decimals === null) return ZERO;
  // Decimals are immutable and few distinct values occur: computed once each (pow is slow, and the
  // checks ask for it for every figure).
  let h = HALF_UNITS.get(decimals);
  if (h === undefined) {
    h = new Dec(10).pow(-decimals).div(2);
    if (HALF_UNITS.size < 256) HALF_UNITS.set(decimals, h);
  }
  return h;
}
const HALF_UNITS = new Map<number, Money>();

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
  return v === null ? null : Number(decimalString(v));
}
