/**
 * The figures of one row of a source, one per series (column of figures): each the Amount read from
 * its cell, or null where the cell holds none.
 */
import type { Money } from './money';
import type { Amount } from './sources';

export class RowFigures {
  private constructor(private readonly amounts: readonly (Amount | null)[]) {}

  /** A row of these Amounts (copied: the row does not change after). */
  static of(amounts: readonly (Amount | null)[]): RowFigures {
    return new RowFigures(amounts.slice());
  }

  /** How many series. */
  get length(): number {
    return this.amounts.length;
  }

  /** The figure in series j, or null. */
  at(j: number): Amount | null {
    return this.amounts[j] ?? null;
  }

  /** Whether series j has a figure. */
  has(j: number): boolean {
    return this.at(j) !== null;
  }

  /** Whether some series has a figure. */
  any(): boolean {
    return this.amounts.some((a) => a !== null);
  }

  /** Series j's value, or null. */
  value(j: number): Money | null {
    return this.at(j)?.value ?? null;
  }

  map<U>(f: (a: Amount | null, j: number) => U): U[] {
    return this.amounts.map(f);
  }

  toArray(): (Amount | null)[] {
    return this.amounts.slice();
  }

  /** As the array of Amounts it stands for. */
  toJSON(): (Amount | null)[] {
    return this.toArray();
  }
}
