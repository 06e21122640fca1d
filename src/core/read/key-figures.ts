/**
 * Labelled single figures outside tables: the budget frame by year (`Budsjettramme (1000 kr)` over
 * years, with the figures in the row below), last year's accounts (`Regnskap 2021 (kr)`), the
 * measures' total (`Tiltak (mill. kr)`), a stated gap (`Omstillingsbehov`).
 */
import { formatAt, isCellError, valueAt, type CellRange, type Grid } from '../grid';
import { looksNumeric, readAmount } from '../numbers';
import { yearInText, yearOfCell } from '../periods';
import type { KeyFigure, Language } from '../sources';
import { keyFigureKind, unitInText } from '../vocabulary';
import type { Finding } from '../warnings';
import { at, isBlank, labelOf, textOf, type UsedCells } from './blocks';

export interface KeyFiguresRead {
  readonly figures: KeyFigure[];
  readonly findings: Finding[];
  /** Cells the figures and their labels took. */
  readonly cells: CellRange[];
}

export interface KeyFiguresOptions {
  readonly language: Language | null;
  readonly used?: UsedCells;
}

/** Reads the key figures in `range` (a block of a sheet). */
export function readKeyFigures(g: Grid, range: CellRange, opts: KeyFiguresOptions): KeyFiguresRead {
  const figures: KeyFigure[] = [];
  const findings: Finding[] = [];
  const cells: CellRange[] = [];
  const taken = (row: number, col: number): boolean =>
    (opts.used?.has(g.sheet, row, col) ?? false) || cells.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
  const amountAt = (row: number, col: number, label: string) => {
    const r = readAmount(valueAt(g, row, col), formatAt(g, row, col), at(g, row, col), opts.language);
    if (r.finding) findings.push({ ...r.finding, line: label });
    return r;
  };

  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) {
      if (taken(row, col)) continue;
      const label = textOf(valueAt(g, row, col));
      if (label === null) continue;
      const kind = keyFigureKind(label);
      if (kind === null) continue;
      const labelUnit = unitInText(label);

      // Cells to the right of the label, up to the first blank.
      const right: number[] = [];
      for (let c = col + 1; c <= range.right && !isBlank(valueAt(g, row, c)); c++) right.push(c);

      // Years to the right: the figures are in the row(s) below, one per year.
      if (right.length > 0 && right.every((c) => yearOfCell(valueAt(g, row, c)) !== null)) {
        let r = row + 1;
        let found = false;
        for (; r <= range.bottom; r++) {
          const rowLabel = labelOf(valueAt(g, r, col));
          const values = right.map((c) => ({ c, read: amountAt(r, c, rowLabel ?? label) }));
          if (values.every((v) => v.read.amount === null)) break;
          for (const { c, read } of values) {
            if (!read.amount) continue;
            figures.push({
              kind,
              year: yearOfCell(valueAt(g, row, c)),
              amount: read.amount,
              unit: labelUnit ?? read.unit,
              label: rowLabel ? `${label}: ${rowLabel}` : label,
            });
          }
          found = true;
        }
        if (found) cells.push({ top: row, left: col, bottom: r - 1, right: right[right.length - 1] });
        continue;
      }

      // A figure to the right, else just below.
      const target = right.length > 0 ? { r: row, c: right[0] } : row + 1 <= range.bottom && !taken(row + 1, col) ? { r: row + 1, c: col } : null;
      if (!target) continue;
      const v = valueAt(g, target.r, target.c);
      if (!looksNumeric(v, opts.language) && !isCellError(v)) continue;
      const read = amountAt(target.r, target.c, label);
      if (!read.amount) continue;
      figures.push({ kind, year: yearInText(label), amount: read.amount, unit: labelUnit ?? read.unit, label });
      cells.push({ top: row, left: col, bottom: target.r, right: target.c });
    }
  }
  return { figures, findings, cells };
}
