/**
 * Rules every sheet with figures follows, written once: how a variance is computed from a budget and
 * an actual cell, and how wide a column of amounts must be.
 */
import type { FollowUpModel } from '../core/model';

/** Variance is budget − actual when costs are positive, actual − budget when negative (positive = favourable). */
export function varianceFormula(model: Pick<FollowUpModel, 'signConvention'>, budget: string, actual: string): string {
  return model.signConvention === 'costs-positive' ? `${budget}-${actual}` : `${actual}-${budget}`;
}

/** Width for an amount of this many digits: the digits, their thousands spaces, a minus and room for bold. */
export function digitsWidth(digits: number): number {
  return Math.ceil(digits + Math.floor((digits - 1) / 3) * 0.5 + 2);
}

/** Width for amounts up to this size (its whole digits). */
export function amountWidth(largest: number): number {
  return digitsWidth(String(Math.trunc(largest)).length);
}
