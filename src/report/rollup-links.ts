/**
 * Where a roll-up links each unit's figures: the cells of the unit's own follow-up sheet for the same
 * period, which hold the budget, actuals, last year and forecast as values in known columns. A figure
 * is linked only when that cell holds the figure the unit's engine computed now, so opening the area
 * with the units' files beside it (and updating the links) shows the same figures.
 */
import { cellA1, type Grid } from '../core/grid';
import { cellNumber } from '../core/money';
import type { FollowUpModel, LinkedFigure, LinkedFigures } from '../core/model';
import { HIDDEN_HEADERS } from './carry-over';
import { col, type ColumnId } from './followup-sheet';

/** The follow-up sheet's column of each linked figure. */
const COLUMN_OF: Record<LinkedFigure, ColumnId> = {
  annualBudget: 'annualBudget',
  budget: 'budget',
  actual: 'actual',
  priorYearActual: 'prior',
  forecast: 'forecast',
};

/** An external reference as Excel shows it: `'[a.xlsx]Oppfølging 2024-04'!C5` (always quoted). */
export function externalRef(book: string, sheet: string, row: number, column: number): string {
  return `'${`[${book}]${sheet}`.replace(/'/g, "''")}'!${cellA1(row, column)}`;
}

/** Links found and the lines left unlinked (their figures differ from the sheet's, or the sheet lacks them). */
export interface UnitLinks {
  readonly links: Map<string, LinkedFigures>;
  /** The cells linked, with the values they hold: what the area keeps of the unit's workbook. */
  readonly cells: { readonly row: number; readonly col: number; readonly value: number }[];
  readonly unlinked: number;
}

/**
 * The external references of each line's figures on the unit's follow-up sheet `grid` in the workbook
 * file `book`. A book name Excel cannot put in a reference (with brackets) links nothing.
 */
export function unitLinks(model: FollowUpModel, book: string, grid: Grid): UnitLinks {
  const links = new Map<string, LinkedFigures>();
  const cells: UnitLinks['cells'] = [];
  const header = grid.values.findIndex((row) => row.some((v) => v === HIDDEN_HEADERS.key));
  if (header < 0 || /[[\]]/.test(book)) return { links, cells, unlinked: model.lines.length };
  const keyCol = grid.values[header].indexOf(HIDDEN_HEADERS.key);
  const rowOf = new Map<string, number>();
  for (let r = header + 1; r < grid.values.length; r++) {
    const k = grid.values[r][keyCol];
    if (typeof k === 'string' && k && !rowOf.has(k)) rowOf.set(k, r);
  }
  let unlinked = 0;
  for (const line of model.lines) {
    const r = rowOf.get(line.key);
    const found: Partial<Record<LinkedFigure, string>> = {};
    let whole = r !== undefined;
    for (const [figure, id] of Object.entries(COLUMN_OF) as [LinkedFigure, ColumnId][]) {
      const want = cellNumber(line[figure]);
      if (want === null || r === undefined) continue;
      const c = col(id) - grid.left;
      if (grid.values[r][c] !== want) {
        whole = false;
        continue;
      }
      found[figure] = externalRef(book, grid.sheet, grid.top + r, col(id));
      cells.push({ row: grid.top + r, col: col(id), value: want });
    }
    if (!whole) unlinked++;
    if (Object.keys(found).length > 0) links.set(line.key, found);
  }
  return { links, cells, unlinked };
}
