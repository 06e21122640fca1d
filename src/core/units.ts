/**
 * Amounts from one unit into another (kr, thousands, millions), exactly: the value scaled by a power of
 * ten, and the rounding it was shown with scaled with it (1 234 kr shown whole is 1.234 tkr to within
 * half a krone, three more decimals). Figures in different units are never added: they meet here first.
 */
import { dec } from './money';
import { RowFigures } from './row-figures';
import { UNIT_FACTOR, type Amount, type SourceLine, type Unit } from './sources';

/** The units amounts are written in, smallest first. */
export const UNITS: readonly Unit[] = ['kr', 'tkr', 'mkr'];

/** The conversion of amounts written in `from` into `to`; null when there is nothing to convert. */
export function unitScale(from: Unit | null | undefined, to: Unit | null): ((a: Amount) => Amount) | null {
  if (!from || !to || from === to) return null;
  const factor = dec(UNIT_FACTOR[from]).div(UNIT_FACTOR[to]);
  const shift = Math.round(Math.log10(UNIT_FACTOR[to] / UNIT_FACTOR[from]));
  return (a) => ({ value: a.value.times(factor), decimals: a.decimals === null ? null : a.decimals + shift, cell: a.cell });
}

/** A line with each of its figures scaled by its column's conversion (none: kept as it is). */
export function scaleLine(line: SourceLine, scales: readonly (((a: Amount) => Amount) | null)[]): SourceLine {
  if (scales.every((f) => f === null)) return line;
  return { ...line, values: RowFigures.of(line.values.toArray().map((a, j) => (a && scales[j] ? (scales[j] as (a: Amount) => Amount)(a) : a))) };
}
