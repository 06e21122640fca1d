/**
 * The figures of one row of a source, one per series (column of figures): each the Amount read from
 * its cell, or null where the cell holds none.
 *
 * A row keeps each figure's Money and its shown decimals, and the cells as the row and the source's
 * columns; an Amount is made when one is asked for. A large workbook's sources hold hundreds of
 * thousands of figures, all alive until the follow-up is made, and the garbage collector copies every
 * object that lives that long: one object per figure (its Money, which the engine keeps as the line's
 * figure) rather than two, and the rows of a source read from a sheet keep their Money in one array.
 */
import type { Money } from './money';
import type { Amount } from './sources';

export class RowFigures {
  private constructor(
    /** The row's values from `start` on, one per series (a source's rows may share one array). */
    private readonly values: readonly (Money | null)[],
    private readonly start: number,
    /** Per series, the decimals shown (null: in full). Rows shown alike may share one array. */
    private readonly shown: readonly (number | null)[],
    /** Per series, its cell; or, with `row` ≥ 0, its sheet-qualified column letters (`'Budget 2024'!D`). */
    private readonly places: readonly string[],
    /** The sheet row (0-based) the cells are on, or -1 when `places` are the cells. */
    private readonly row: number,
  ) {}

  /** A row of these Amounts (copied: the row does not change after). */
  static of(amounts: readonly (Amount | null)[]): RowFigures {
    return new RowFigures(
      amounts.map((a) => a?.value ?? null),
      0,
      amounts.map((a) => a?.decimals ?? null),
      amounts.map((a) => a?.cell ?? ''),
      -1,
    );
  }

  /**
   * A row read from a sheet: series j's figure is `values[start + j]` shown with `shown[j]` decimals,
   * in the cell of column `columns[j]` (sheet-qualified letters) on sheet row `row` (0-based); as many
   * series as `shown` has. The arrays are kept, not copied: the reader hands them over (one `values`
   * for all the rows of a source) and never changes them after.
   */
  static read(values: readonly (Money | null)[], start: number, shown: readonly (number | null)[], columns: readonly string[], row: number): RowFigures {
    return new RowFigures(values, start, shown, columns, row);
  }

  /** How many series. */
  get length(): number {
    return this.shown.length;
  }

  /** The figure in series j, or null. */
  at(j: number): Amount | null {
    const value = this.value(j);
    return value === null ? null : new FigureAt(value, this.decimals(j), this, j);
  }

  /** Whether series j has a figure. */
  has(j: number): boolean {
    return this.value(j) !== null;
  }

  /** Whether some series has a figure. */
  any(): boolean {
    for (let j = 0; j < this.length; j++) if (this.value(j) !== null) return true;
    return false;
  }

  /** Series j's value, or null. */
  value(j: number): Money | null {
    return j >= 0 && j < this.shown.length ? (this.values[this.start + j] ?? null) : null;
  }

  /** The decimals series j's figure was shown with (null: in full, or no figure). */
  decimals(j: number): number | null {
    return this.shown[j] ?? null;
  }

  /** The sheet-qualified cell of series j. */
  cell(j: number): string {
    return this.row < 0 ? this.places[j] : `${this.places[j]}${this.row + 1}`;
  }

  map<U>(f: (a: Amount | null, j: number) => U): U[] {
    const out: U[] = [];
    for (let j = 0; j < this.length; j++) out.push(f(this.at(j), j));
    return out;
  }

  toArray(): (Amount | null)[] {
    return this.map((a) => (a === null ? null : { value: a.value, decimals: a.decimals, cell: a.cell }));
  }

  /** As the array of Amounts it stands for. */
  toJSON(): (Amount | null)[] {
    return this.toArray();
  }
}

/**
 * A figure of a row as an Amount, its cell's address made only when asked for: the engine and the
 * checks ask a row for each of its figures, and few addresses are ever shown.
 */
class FigureAt implements Amount {
  constructor(
    readonly value: Money,
    readonly decimals: number | null,
    private readonly figures: RowFigures,
    private readonly series: number,
  ) {}

  get cell(): string {
    return this.figures.cell(this.series);
  }

  toJSON(): Amount {
    return { value: this.value, decimals: this.decimals, cell: this.cell };
  }
}
