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

/** Where a row formula's text takes its row's number. */
const ROW = '{r}';

/**
 * A formula over cells of its own row, written once for the sheet with `{r}` for the row's number
 * (`SUM(C{r},E{r})`), made for a row (0-based) as one string in one step. A sheet of thousands of
 * lines has a formula or three per line: joined piece by piece, each would be a chain of partial
 * strings kept until the sheet is written, and building them took several times as long.
 */
export function rowFormula(template: string): (row: number) => string {
  const parts = template.split(ROW);
  return (row) => parts.join(String(row + 1));
}

/** A cell of a row formula: its column's letters and the row's place (`D{r}`). */
export function rowRef(letters: string): string {
  return `${letters}${ROW}`;
}
