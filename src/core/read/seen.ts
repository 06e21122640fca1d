/**
 * What is left of a sheet once sources, measures and key figures are read: blocks with figures that
 * are not the follow-up. They are listed as "seen, not used" with the reason, never merged into the
 * lines: a lone value, a few labelled key figures, a long list (people, transactions), the data a
 * pivot summarises, or a table whose columns no word names.
 */
import { sheetRange, valueAt, type CellRange, type Grid } from '../grid';
import { looksNumeric } from '../numbers';
import type { Language, SeenSource } from '../sources';
import { finding } from '../warnings';
import { pivotsSummarising, type PivotDefinition } from './pivot-definition';

/** Rows looked at to tell whether a block holds figures (a million-row list need not be read through). */
const SAMPLE_ROWS = 50;
/** More rows than this, with text beside the figures: a list, not a table of follow-up lines. */
const LIST_ROWS = 30;
/** A few rows of a label and a figure or two: key figures (a KPI block). */
const KPI_ROWS = 12;

function countFigures(g: Grid, b: CellRange, lang: Language | null): number {
  let n = 0;
  const bottom = Math.min(b.bottom, b.top + SAMPLE_ROWS - 1);
  for (let r = b.top; r <= bottom; r++) for (let c = b.left; c <= b.right; c++) if (looksNumeric(valueAt(g, r, c), lang)) n++;
  return n;
}

/** Why a block left over is not used, or null when it holds no figures (a note, a title). */
export function seenBlock(
  g: Grid,
  b: CellRange,
  lang: Language | null,
  pivots: readonly { readonly sheet: string; readonly range: CellRange; readonly definition?: PivotDefinition }[],
): SeenSource | null {
  if (countFigures(g, b, lang) === 0) return null;
  const range = sheetRange(g.sheet, b);
  const at = (reason: ReturnType<typeof finding>): SeenSource => ({ range, kind: 'block', reason });
  const summarising = pivotsSummarising(pivots, g.sheet, b);
  if (summarising.length) return at(finding('seen-data-table', { pivots: summarising.map((p) => sheetRange(p.sheet, p.range)).join(', ') }, range));
  const rows = b.bottom - b.top + 1;
  const cols = b.right - b.left + 1;
  if (rows * cols <= 2) return at(finding('seen-lone-value', {}, range));
  if (rows > LIST_ROWS) return at(finding('seen-list', { rows: String(rows) }, range));
  if (rows <= KPI_ROWS && cols <= 3) return at(finding('seen-kpi', {}, range));
  return at(finding('seen-block', {}, range));
}
