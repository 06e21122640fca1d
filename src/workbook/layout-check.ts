/**
 * Every check that can refuse a sheet layout, shared by both adapters and run before a workbook is
 * touched, so a refused layout leaves the workbook as it was. No XML here: the Excel adapter (and so
 * the task pane's bundle) uses it without the xlsx writer.
 */
import { FollowUpError } from '../core/errors';
import type { CellRange } from '../core/grid';
import { parseSheetRange, rangeA1 } from '../core/grid';
import { MAX_CELL_TEXT, textTooLong, type CellStyle, type LayoutCell, type SheetLayout } from '../report/layout';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** `RRGGBB` (or `#RRGGBB`, `AARRGGBB`) → `AARRGGBB` as OOXML writes colours; throws on anything else. */
export function argb(color: string): string {
  const c = color.replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{6}$/.test(c)) return 'FF' + c;
  if (/^[0-9A-F]{8}$/.test(c)) return c;
  throw new Error(`not a colour: ${color}`);
}

function bad(message: string, cell: string | null = null): FollowUpError {
  return new FollowUpError('usage', message, cell);
}

/** Parses an A1 range (`F5:F20`, `B7`, `$A$1:$B$2`) on this sheet. */
function parseLocalRange(sheet: string, text: string): CellRange {
  const parsed = parseSheetRange(text);
  if (!parsed || parsed.sheet !== null) throw bad(`the layout of sheet "${sheet}" has an invalid range "${text}"`);
  const r = parsed.range;
  if (r.bottom >= MAX_ROWS || r.right >= MAX_COLS) throw bad(`the range "${text}" on sheet "${sheet}" is beyond Excel's grid`);
  return r;
}

export function sqref(sheet: string, text: string): string {
  const parts = text.trim().split(/\s+/);
  return parts.map((p) => rangeA1(parseLocalRange(sheet, p))).join(' ');
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function mergeRanges(layout: SheetLayout): CellRange[] {
  return (layout.merges ?? []).map((m) => parseLocalRange(layout.name, m)).filter((r) => r.top !== r.bottom || r.left !== r.right);
}

function checkColor(sheet: string, color: string | undefined, what: string): void {
  if (color === undefined) return;
  try {
    argb(color);
  } catch {
    throw bad(`the layout of sheet "${sheet}" has an invalid ${what} colour "${color}" (expected RRGGBB)`);
  }
}

/** The checks of one cell: in Excel's grid, and texts that fit a cell. */
function checkCell(sheet: string, c: LayoutCell): void {
  const row = c.row;
  const col = c.col;
  // `x >>> 0 === x`: a whole number from 0 to 2³²−1, in one step
  if (!(row >>> 0 === row && row < MAX_ROWS && col >>> 0 === col && col < MAX_COLS)) {
    throw bad(`the layout of sheet "${sheet}" has a cell outside Excel's grid (row ${row}, column ${col})`);
  }
  const v = c.value;
  const long = (typeof v === 'string' && v.length > MAX_CELL_TEXT) || (c.note !== undefined && c.note.length > MAX_CELL_TEXT);
  if (long) throw textTooLong(sheet, row, col);
}

/**
 * Every check that can refuse a layout, run before the workbook is touched: a refused layout leaves
 * the workbook as it was.
 */
export function validateLayout(layout: SheetLayout): void {
  const sheet = layout.name;
  // A report shares a few dozen style objects among thousands of cells: each is checked once.
  const checkedStyles = new Set<CellStyle>();
  const cells = layout.cells;
  for (let i = 0; i < cells.length; i++) {
    // indexed: this runs once per process over every cell, before the loop is optimised, and for-of
    // makes an iterator result per cell until then
    const c = cells[i];
    checkCell(sheet, c);
    const style = c.style;
    if (style === undefined || checkedStyles.has(style)) continue;
    checkColor(sheet, style.color, 'font');
    checkColor(sheet, style.fill, 'fill');
    checkedStyles.add(style);
  }
  for (const c of layout.columns ?? []) {
    if (!Number.isInteger(c.col) || c.col < 0 || c.col >= MAX_COLS) throw bad(`the layout of sheet "${sheet}" sizes column ${c.col}, outside Excel's grid`);
  }
  const ranges = mergeRanges(layout);
  if (ranges.length <= 5000) {
    for (let i = 0; i < ranges.length; i++) {
      for (let j = i + 1; j < ranges.length; j++) {
        if (overlaps(ranges[i], ranges[j])) {
          throw bad(`the layout of sheet "${sheet}" merges overlapping ranges ${rangeA1(ranges[i])} and ${rangeA1(ranges[j])}`);
        }
      }
    }
  }
  for (const cf of layout.conditionalFormats ?? []) {
    sqref(sheet, cf.range);
    if (cf.kind === 'data-bar') checkColor(sheet, cf.color, 'data bar');
    else {
      checkColor(sheet, cf.style.color, 'font');
      checkColor(sheet, cf.style.fill, 'fill');
    }
    if (cf.kind === 'cell-is') {
      const needed = cf.operator === 'between' ? 2 : 1;
      if (cf.operands.length < needed) throw bad(`a conditional format on ${sheet}!${cf.range} needs ${needed} operand(s)`);
    }
  }
  checkColor(sheet, layout.tabColor, 'tab');
}
