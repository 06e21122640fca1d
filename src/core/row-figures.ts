/**
 * The figures of a source's rows, one per series. A source's numeric cells are kept as numbers in
 * two typed arrays (whole ten-thousandths and shown decimals, rows × series), not as an object per
 * cell: a source of 10,000 rows × 13 columns would otherwise hold 130,000 objects that live until the
 * follow-up is computed, and the garbage collector copies each of them twice on the way (about a
 * third of the time spent recognising, see `npm run bench`). Off the JavaScript heap, typed arrays
 * are never copied.
 *
 * Anything else (a figure read from text, a percent made a fraction, more than four decimals) is
 * kept as the Amount it is. An Amount for a numeric cell is made when someone asks for it (`at`);
 * the loops that add up figures read `wholes` in place and ask for `decimalsAt`, and make nothing.
 */
import { Money, type MoneySum } from './money';
import { cellAmount } from './numbers';
import type { Amount } from './sources';

/** `decimals` code for a figure shown in full (General): an Int8Array holds no null. */
export const IN_FULL = -128;
/** `decimals` code of a cell whose figure is kept as an Amount (not whole ten-thousandths). */
export const KEPT = -127;

function decimalsCode(d: number | null): number {
  return d === null ? IN_FULL : d;
}

/** Whether shown decimals fit the Int8Array (anything else is kept as an Amount). */
function fitsCode(d: number | null): boolean {
  return d === null || (Number.isInteger(d) && d > KEPT && d <= 127);
}

/**
 * setCellNumber on a block's arrays themselves, for the loop that reads a source's numeric cells:
 * V8 throws away optimised code that uses a class's objects once all of them are collected (between
 * two follow-ups in a task pane), and a loop over typed arrays alone stays optimised.
 */
export function setNumberIn(wholes: Float64Array, decimals: Int8Array, i: number, value: number, shown: number | null): boolean {
  const t = Money.shortTenThousandths(value);
  return t === t && setWholeIn(wholes, decimals, i, t, shown);
}

/** Puts whole ten-thousandths `t` shown with `shown` decimals at `i`, when the decimals fit. */
function setWholeIn(wholes: Float64Array, decimals: Int8Array, i: number, t: number, shown: number | null): boolean {
  if (!fitsCode(shown)) return false;
  wholes[i] = t;
  decimals[i] = decimalsCode(shown);
  return true;
}

/** Where one source's figures are kept: `rows` × `width`, row by row. */
export class FigureBlock {
  /**
   * Whole ten-thousandths of each numeric cell; NaN where the figure is absent or kept as an Amount.
   * Loops over many figures read it directly: a number a call returns is boxed, an object each.
   */
  readonly wholes: Float64Array;
  /** @internal Shown decimals of each numeric cell (IN_FULL when shown in full), KEPT where the figure is an Amount. */
  readonly decimals: Int8Array;
  /** Figures kept as Amounts, by index (row × width + series). */
  private readonly kept = new Map<number, Amount>();

  /**
   * `columns`: the sheet-qualified column of each series (`'Budget 2024'!D`), for the addresses of
   * the Amounts `at` makes; null for a block made of Amounts (`RowFigures.of`), which keeps them all.
   */
  constructor(
    readonly width: number,
    rows: number,
    readonly columns: readonly string[] | null,
  ) {
    this.wholes = new Float64Array(width * rows).fill(NaN);
    this.decimals = new Int8Array(width * rows);
  }

  /** Sets a numeric cell's figure: whole ten-thousandths (a safe integer) shown with `decimals`. */
  setWhole(i: number, t: number, decimals: number | null): boolean {
    return setWholeIn(this.wholes, this.decimals, i, t, decimals);
  }

  /**
   * Sets a numeric cell's figure from the cell's number, when it is one of whole ten-thousandths
   * (float noise undone, see Money.shortTenThousandths) and its decimals fit; false otherwise (keep it
   * as an Amount). The ten-thousandths are worked out here, not passed in: a number passed to or
   * returned from a call is boxed, an object each, and this runs for every cell of a source.
   */
  setCellNumber(i: number, value: number, decimals: number | null): boolean {
    return setNumberIn(this.wholes, this.decimals, i, value, decimals);
  }

  /** Sets a figure kept as the Amount it is (null: no figure). */
  setAmount(i: number, a: Amount | null): void {
    this.wholes[i] = NaN;
    this.decimals[i] = a ? KEPT : 0;
    if (a) this.kept.set(i, a);
    else this.kept.delete(i);
  }

  whole(i: number): number {
    return this.wholes[i];
  }

  decimalsAt(i: number): number | null {
    const d = this.decimals[i];
    return d === IN_FULL ? null : d;
  }

  amount(i: number, j: number, row: number): Amount | null {
    const t = this.wholes[i];
    if (t === t && this.columns !== null) return cellAmount(t, this.decimalsAt(i), this.columns[j], row);
    return this.kept.get(i) ?? null;
  }

  has(i: number): boolean {
    return this.wholes[i] === this.wholes[i] || this.kept.has(i);
  }
}

/** One row's figures, one per series (a view of its source's block). */
export class RowFigures {
  constructor(
    private readonly block: FigureBlock,
    /** The row's first index in the block (its figures are `wholes[offset + j]`). */
    readonly offset: number,
    /** Sheet row (0-based), for the cells' addresses. */
    private readonly row: number,
  ) {}

  /** A row of these Amounts (tests, and figures made from others such as doubled totals). */
  static of(amounts: readonly (Amount | null)[]): RowFigures {
    const block = new FigureBlock(amounts.length, 1, null);
    amounts.forEach((a, j) => {
      block.setAmount(j, a);
      // Whole ones are added up as numbers too; `at` still gives back the very Amount (the block has no columns).
      const t = a ? a.value.wholeTenThousandths() : NaN;
      if (a && t === t) block.setWhole(j, t, a.decimals);
    });
    return new RowFigures(block, 0, -1);
  }

  /** The block's whole ten-thousandths, for loops over many figures: series j of this row is at `offset + j`. */
  get wholes(): Float64Array {
    return this.block.wholes;
  }

  /** @internal The block's decimals codes (IN_FULL, KEPT or the shown decimals), at `offset + j` as `wholes`. */
  get decimalCodes(): Int8Array {
    return this.block.decimals;
  }

  /** How many series. */
  get length(): number {
    return this.block.width;
  }

  /** The figure in series j (an Amount made for the asking when the cell is numeric), or null. */
  at(j: number): Amount | null {
    return this.block.amount(this.offset + j, j, this.row);
  }

  /** Series j's figure as whole ten-thousandths; NaN when there is none or it is not one (then ask `at`). */
  whole(j: number): number {
    return this.block.whole(this.offset + j);
  }

  /** Series j's shown decimals, when `whole(j)` is a number. */
  decimalsAt(j: number): number | null {
    return this.block.decimalsAt(this.offset + j);
  }

  /** Whether series j has a figure. */
  has(j: number): boolean {
    return this.block.has(this.offset + j);
  }

  /** Whether some series has a figure. */
  any(): boolean {
    for (let j = 0; j < this.block.width; j++) if (this.has(j)) return true;
    return false;
  }

  /** Adds series j's figure (if any) to `sum`, with no object made for a whole one. */
  addTo(sum: MoneySum, j: number): void {
    const t = this.block.wholes[this.offset + j];
    if (t === t) sum.addWhole(t);
    else sum.add(this.at(j)?.value);
  }

  /** Series j's value, or null. */
  value(j: number): Money | null {
    return this.at(j)?.value ?? null;
  }

  map<U>(f: (a: Amount | null, j: number) => U): U[] {
    const out: U[] = [];
    for (let j = 0; j < this.block.width; j++) out.push(f(this.at(j), j));
    return out;
  }

  toArray(): (Amount | null)[] {
    return this.map((a) => a);
  }

  /** As the array of Amounts it stands for. */
  toJSON(): (Amount | null)[] {
    return this.toArray();
  }
}
